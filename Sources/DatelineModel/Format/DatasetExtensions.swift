/// The fields of a dataset file that Dateline does not own: `$schema` and every member whose
/// name starts with `_` (comments, a newsroom's own fields), in the top-level object, in each
/// source, actor, event, quote and relation, and in their `date` and `provenance` objects.
///
/// A tool that rewrites a file (`ingest --merge`) reads them from the file first and gives them
/// to `DatasetWriter`, which writes each back in the same object, after the same field, with
/// its value exactly as it was written.
public struct DatasetExtensions: Sendable, Equatable {
  struct Member: Sendable, Equatable {
    var key: String
    /// The member it followed in the file (nil: it came first).
    var after: String?
    /// The value's JSON text, as written.
    var raw: [UInt8]
  }

  /// Members by object: "" is the top level, "events/ID" an event, "events/ID/date" its date,
  /// "relations/#3" the fourth relation.
  var members: [String: [Member]] = [:]

  public init() {}

  public var isEmpty: Bool { members.isEmpty }
  /// How many fields are kept.
  public var count: Int { members.values.reduce(0) { $0 + $1.count } }

  public static func isExtension(_ key: String) -> Bool { key == "$schema" || key.hasPrefix("_") }

  /// The extension fields of a dataset file. Malformed JSON yields what was found before the
  /// fault (the loader reports the fault itself).
  public static func scan(_ bytes: [UInt8]) -> DatasetExtensions {
    var scanner = RawJSONScanner(bytes: bytes)
    var result = DatasetExtensions()
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3 }
    guard let top = scanner.object() else { return result }
    result.collect(top, path: "", scanner: scanner)
    for member in top
    where ["sources", "actors", "events", "quotes", "relations"].contains(member.key) {
      var items = scanner
      items.index = member.value.lowerBound
      guard let elements = items.array() else { continue }
      for (position, element) in elements.enumerated() {
        var itemScanner = scanner
        itemScanner.index = element.lowerBound
        guard let fields = itemScanner.object() else { continue }
        var path = member.key + "/#\(position)"
        if member.key != "relations",
          let id = fields.first(where: { $0.key == "id" }),
          let name = scanner.string(in: id.value)
        {
          path = member.key + "/" + name
        }
        result.collect(fields, path: path, scanner: scanner)
        for field in fields where field.key == "date" || field.key == "provenance" {
          var nested = scanner
          nested.index = field.value.lowerBound
          if let inner = nested.object() {
            result.collect(inner, path: path + "/" + field.key, scanner: scanner)
          }
        }
      }
    }
    return result
  }

  private mutating func collect(
    _ fields: [RawJSONScanner.Member], path: String, scanner: RawJSONScanner
  ) {
    var previous: String?
    var found: [Member] = []
    for field in fields {
      if Self.isExtension(field.key) {
        found.append(
          Member(key: field.key, after: previous, raw: Array(scanner.bytes[field.value])))
      }
      previous = field.key
    }
    if !found.isEmpty { members[path] = found }
  }
}

/// Finds the members of JSON objects and the elements of arrays as byte ranges, without
/// building values. It never traps: on malformed input it returns nil.
struct RawJSONScanner {
  struct Member {
    var key: String
    var value: Range<Int>
  }

  let bytes: [UInt8]
  var index = 0
  private var depth = 0

  init(bytes: [UInt8]) { self.bytes = bytes }

  private mutating func skipWhitespace() {
    while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
  }

  /// The members of the object at `index`.
  mutating func object() -> [Member]? {
    skipWhitespace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
    index += 1
    var members: [Member] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return members
    }
    while true {
      skipWhitespace()
      let keyStart = index
      guard skipString(), let key = string(in: keyStart..<index) else { return nil }
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
      index += 1
      skipWhitespace()
      let start = index
      guard skipValue() else { return nil }
      members.append(Member(key: key, value: start..<index))
      skipWhitespace()
      guard index < bytes.count else { return nil }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { return nil }
      index += 1
      return members
    }
  }

  /// The element ranges of the array at `index`.
  mutating func array() -> [Range<Int>]? {
    skipWhitespace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
    index += 1
    var elements: [Range<Int>] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return elements
    }
    while true {
      skipWhitespace()
      let start = index
      guard skipValue() else { return nil }
      elements.append(start..<index)
      skipWhitespace()
      guard index < bytes.count else { return nil }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { return nil }
      index += 1
      return elements
    }
  }

  /// The decoded string whose JSON text is `range` (quotes included), or nil.
  func string(in range: Range<Int>) -> String? {
    guard range.count >= 2, range.upperBound <= bytes.count, bytes[range.lowerBound] == 0x22
    else { return nil }
    let inner = bytes[(range.lowerBound + 1)..<(range.upperBound - 1)]
    if !inner.contains(UInt8(ascii: "\\")) { return String(decoding: inner, as: UTF8.self) }
    guard let node = try? JSONParser.parse(Array(bytes[range])), case .string(let text) = node.value
    else { return nil }
    return text
  }

  private mutating func skipString() -> Bool {
    guard index < bytes.count, bytes[index] == 0x22 else { return false }
    index += 1
    while index < bytes.count {
      switch bytes[index] {
      case 0x22:
        index += 1
        return true
      case UInt8(ascii: "\\"): index += 2
      default: index += 1
      }
    }
    return false
  }

  private mutating func skipValue() -> Bool {
    guard index < bytes.count else { return false }
    switch bytes[index] {
    case 0x22: return skipString()
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      guard depth < JSONParser.maximumDepth else { return false }
      depth += 1
      defer { depth -= 1 }
      return bytes[index] == UInt8(ascii: "{") ? object() != nil : array() != nil
    default:
      let start = index
      while index < bytes.count,
        !([0x20, 0x0A, 0x0D, 0x09, 0x2C, 0x5D, 0x7D] as [UInt8]).contains(bytes[index])
      {
        index += 1
      }
      return index > start
    }
  }
}
