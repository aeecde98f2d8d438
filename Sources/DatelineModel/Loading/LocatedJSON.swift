/// A parsed JSON value with the line and column where it starts, for readers outside the model
/// (TimelineJS import) that report problems as `PATH:LINE:COLUMN: error: MESSAGE`. Parsed by the
/// same strict parser the dataset loader uses.
public struct LocatedJSON: Sendable {
  public struct Member: Sendable {
    public var key: String
    public var keyPosition: TextPosition
    public var value: LocatedJSON
  }

  public enum Value: Sendable {
    case null
    case bool(Bool)
    case number(Double, isInteger: Bool)
    case string(String)
    case array([LocatedJSON])
    /// Members in file order.
    case object([Member])
  }

  public var value: Value
  public var position: TextPosition

  /// A JSON syntax error and where it is.
  public struct SyntaxError: Error, Sendable {
    public var position: TextPosition
    public var message: String
  }

  /// Parses UTF-8 JSON (RFC 8259, strict); never traps on malformed input.
  public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> LocatedJSON {
    do {
      return LocatedJSON(try JSONParser.parse(bytes))
    } catch {
      throw SyntaxError(position: error.position, message: error.message)
    }
  }

  init(_ node: JSONNode) {
    position = node.position
    switch node.value {
    case .null: value = .null
    case .bool(let flag): value = .bool(flag)
    case .number(let number, let isInteger): value = .number(number, isInteger: isInteger)
    case .string(let text): value = .string(text)
    case .array(let items): value = .array(items.map(LocatedJSON.init))
    case .object(let members):
      value = .object(
        members.map {
          Member(key: $0.key, keyPosition: $0.keyPosition, value: LocatedJSON($0.value))
        })
    }
  }

  /// "a string", "an object", ...: for messages.
  public var typeName: String {
    switch value {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }

  /// The member named `key` of an object, if any.
  public subscript(key: String) -> LocatedJSON? {
    guard case .object(let members) = value else { return nil }
    return members.first { $0.key == key }?.value
  }
}
