/// A line and column in a text file, both counted from 1; columns count Unicode scalars.
public struct TextPosition: Hashable, Sendable, Comparable {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}

/// A JSON value that remembers where it starts in its file (JSONDecoder cannot tell us).
struct JSONNode: Sendable {
  struct Member: Sendable {
    var key: String
    var keyPosition: TextPosition
    var value: JSONNode
  }

  enum Value: Sendable {
    case null
    case bool(Bool)
    case number(Double, isInteger: Bool)
    case string(String)
    case array([JSONNode])
    /// Members in file order (duplicates are rejected by the parser).
    case object([Member])
  }

  var value: Value
  var position: TextPosition

  var typeName: String {
    switch value {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

struct JSONSyntaxError: Error, Sendable {
  var position: TextPosition
  var message: String
}

/// A strict RFC 8259 parser over UTF-8 bytes that records positions. It never traps: every
/// malformed input, however truncated or deeply nested, ends in a `JSONSyntaxError`.
struct JSONParser {
  static let maximumDepth = 64

  private let bytes: [UInt8]
  /// Where the input ends: `bytes.count`, or less when `bytes` is a reader's buffer.
  private let end: Int
  private(set) var index = 0
  private(set) var line = 1
  private(set) var column = 1
  private var depth = 0

  static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
    var parser = JSONParser(bytes: bytes)
    try parser.checkUTF8()
    // A byte-order mark is tolerated at the very start.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
    parser.skipWhitespace()
    guard parser.index < parser.end else {
      throw JSONSyntaxError(
        position: parser.position, message: "the file is empty; expected a JSON object")
    }
    let node = try parser.parseValue()
    parser.skipWhitespace()
    if parser.index < parser.end {
      throw JSONSyntaxError(
        position: parser.position,
        message:
          "unexpected \(parser.describeCurrent()) after the end of the JSON value; remove it or wrap the values in an array"
      )
    }
    return node
  }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
    self.end = bytes.count
  }

  /// A parser for one value of a file read in pieces (`DatasetFileReader`): `bytes[start..<end]`
  /// holds it (and maybe more), `position` is where `start` is in the file, and `depth` the
  /// number of arrays and objects around it.
  init(bytes: [UInt8], start: Int, end: Int, position: TextPosition, depth: Int) {
    self.bytes = bytes
    self.end = end
    self.index = start
    self.line = position.line
    self.column = position.column
    self.depth = depth
  }

  var position: TextPosition { TextPosition(line: line, column: column) }

  private var current: UInt8? { index < end ? bytes[index] : nil }

  private mutating func advance() {
    let byte = bytes[index]
    index += 1
    if byte == UInt8(ascii: "\n") {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {
      // Continuation bytes of a multi-byte scalar do not start a new column.
      column += 1
    }
  }

  /// Rejects invalid UTF-8 up front, naming where the first bad byte is.
  private func checkUTF8() throws(JSONSyntaxError) {
    var line = 1
    var column = 1
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      case .emptyInput:
        return
      case .error:
        throw JSONSyntaxError(
          position: TextPosition(line: line, column: column),
          message: "the file is not valid UTF-8 here; save it as UTF-8")
      }
    }
  }

  private func describeCurrent() -> String { JSONParser.describe(current) }

  /// "'x'", "control character 0x1", "end of file": a byte for a message.
  static func describe(_ current: UInt8?) -> String {
    guard let byte = current else { return "end of file" }
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    if byte < 0x20 || byte == 0x7F { return "control character 0x\(String(byte, radix: 16))" }
    return "character"
  }

  private mutating func skipWhitespace() {
    while let byte = current,
      byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
        || byte == UInt8(ascii: "\r")
    {
      advance()
    }
  }

  private func error(_ message: String) -> JSONSyntaxError {
    JSONSyntaxError(position: position, message: message)
  }

  mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
    let start = position
    guard let byte = current else {
      throw error("unexpected end of file; expected a value (the file may be truncated)")
    }
    switch byte {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return JSONNode(value: .string(try parseString()), position: start)
    case UInt8(ascii: "t"):
      try expectWord("true")
      return JSONNode(value: .bool(true), position: start)
    case UInt8(ascii: "f"):
      try expectWord("false")
      return JSONNode(value: .bool(false), position: start)
    case UInt8(ascii: "n"):
      try expectWord("null")
      return JSONNode(value: .null, position: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    case UInt8(ascii: "'"):
      throw error("strings use double quotes (\") in JSON, not single quotes")
    default:
      throw error(
        "unexpected \(describeCurrent()); expected a value (object, array, string, number, true, false or null)"
      )
    }
  }

  private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
    let start = position
    for expected in word.utf8 {
      guard current == expected else {
        throw JSONSyntaxError(
          position: start,
          message: "unknown literal; expected '\(word)' (strings need double quotes)")
      }
      advance()
    }
  }

  private mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    if depth > JSONParser.maximumDepth {
      throw error(
        "nesting is deeper than \(JSONParser.maximumDepth) levels; a dataset is never this deep")
    }
  }

  private mutating func parseObject() throws(JSONSyntaxError) -> JSONNode {
    let start = position
    try enter()
    advance()  // {
    var members: [JSONNode.Member] = []
    var seen: [String: TextPosition] = [:]
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      advance()
      depth -= 1
      return JSONNode(value: .object(members), position: start)
    }
    while true {
      skipWhitespace()
      let keyPosition = position
      guard current == UInt8(ascii: "\"") else {
        if current == nil {
          throw error("unexpected end of file inside an object; add the missing '}'")
        }
        if current == UInt8(ascii: "}") {
          throw error("trailing comma before '}'; remove the comma")
        }
        throw error("expected a member name in double quotes, found \(describeCurrent())")
      }
      let key = try parseString()
      // Most objects have a few members: looking through them costs less than hashing each
      // name. A large one gets an index of its names.
      let previous: TextPosition?
      if members.count < 16 {
        previous = members.first { $0.key == key }?.keyPosition
      } else {
        if seen.isEmpty { for member in members { seen[member.key] = member.keyPosition } }
        previous = seen[key]
        seen[key] = keyPosition
      }
      if let previous {
        throw JSONSyntaxError(
          position: keyPosition,
          message:
            "duplicate key \"\(key)\" (first at line \(previous.line), column \(previous.column)); keep only one"
        )
      }
      skipWhitespace()
      guard current == UInt8(ascii: ":") else {
        throw error("expected ':' after the member name \"\(key)\", found \(describeCurrent())")
      }
      advance()
      skipWhitespace()
      let value = try parseValue()
      members.append(JSONNode.Member(key: key, keyPosition: keyPosition, value: value))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","):
        advance()
      case UInt8(ascii: "}"):
        advance()
        depth -= 1
        return JSONNode(value: .object(members), position: start)
      case nil:
        throw error(
          "unexpected end of file inside the object that starts at line \(start.line), column \(start.column); add the missing '}'"
        )
      default:
        throw error(
          "expected ',' or '}' after a member, found \(describeCurrent()); is a comma missing?")
      }
    }
  }

  private mutating func parseArray() throws(JSONSyntaxError) -> JSONNode {
    let start = position
    try enter()
    advance()  // [
    var elements: [JSONNode] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      advance()
      depth -= 1
      return JSONNode(value: .array(elements), position: start)
    }
    while true {
      skipWhitespace()
      if current == UInt8(ascii: "]") { throw error("trailing comma before ']'; remove the comma") }
      elements.append(try parseValue())
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","):
        advance()
      case UInt8(ascii: "]"):
        advance()
        depth -= 1
        return JSONNode(value: .array(elements), position: start)
      case nil:
        throw error(
          "unexpected end of file inside the array that starts at line \(start.line), column \(start.column); add the missing ']'"
        )
      default:
        throw error(
          "expected ',' or ']' after an element, found \(describeCurrent()); is a comma missing?")
      }
    }
  }

  mutating func parseString() throws(JSONSyntaxError) -> String {
    let start = position
    advance()  // opening quote
    // The file was checked to be UTF-8, so runs of plain bytes are copied as they are.
    var utf8: [UInt8] = []
    var runStart = index
    while true {
      guard let byte = current else {
        throw JSONSyntaxError(position: start, message: "unterminated string; add the closing '\"'")
      }
      switch byte {
      case UInt8(ascii: "\""):
        utf8.append(contentsOf: bytes[runStart..<index])
        advance()
        return String(decoding: utf8, as: UTF8.self)
      case UInt8(ascii: "\\"):
        utf8.append(contentsOf: bytes[runStart..<index])
        advance()
        guard let escaped = current else {
          throw JSONSyntaxError(
            position: start, message: "unterminated string; add the closing '\"'")
        }
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
          advance()
          utf8.append(contentsOf: String(Character(try parseUnicodeEscape())).utf8)
          runStart = index
          continue
        default:
          throw error(
            "invalid escape '\\\(describeCurrent())'; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"
          )
        }
        advance()
        runStart = index
      case 0x00..<0x20:
        throw error("control character in a string; write it as an escape such as \\n or \\t")
      default:
        advance()
      }
    }
  }

  /// After `\u`: four hex digits, combining a UTF-16 surrogate pair when one follows.
  private mutating func parseUnicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
    let high = try parseHex4()
    if (0xD800...0xDBFF).contains(high) {
      if current == UInt8(ascii: "\\"), index + 1 < end,
        bytes[index + 1] == UInt8(ascii: "u")
      {
        advance()
        advance()
        let low = try parseHex4()
        if (0xDC00...0xDFFF).contains(low) {
          let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
          return Unicode.Scalar(value) ?? "\u{FFFD}"
        }
      }
      return "\u{FFFD}"  // a lone surrogate cannot be represented; replace it
    }
    return Unicode.Scalar(high) ?? "\u{FFFD}"
  }

  private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = current, let digit = JSONParser.hexValue(byte) else {
        throw error("\\u needs four hex digits")
      }
      value = value * 16 + digit
      advance()
    }
    return value
  }

  private static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  private mutating func parseNumber() throws(JSONSyntaxError) -> JSONNode {
    let start = position
    let startIndex = index
    var isInteger = true
    if current == UInt8(ascii: "-") { advance() }
    func isDigit(_ byte: UInt8?) -> Bool {
      guard let byte else { return false }
      return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
    guard isDigit(current) else { throw error("expected a digit in the number") }
    if current == UInt8(ascii: "0") {
      advance()
      if isDigit(current) {
        throw JSONSyntaxError(position: start, message: "numbers cannot have leading zeros")
      }
    } else {
      while isDigit(current) { advance() }
    }
    if current == UInt8(ascii: ".") {
      isInteger = false
      advance()
      guard isDigit(current) else { throw error("expected a digit after the decimal point") }
      while isDigit(current) { advance() }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      isInteger = false
      advance()
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
      guard isDigit(current) else { throw error("expected a digit in the exponent") }
      while isDigit(current) { advance() }
    }
    let text = String(decoding: bytes[startIndex..<index], as: UTF8.self)
    return JSONNode(value: .number(Double(text) ?? .nan, isInteger: isInteger), position: start)
  }
}
