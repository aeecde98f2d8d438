/// A strict reader of the part of TOML 1.0 that Dateline's configuration can use: tables
/// (`[a.b]` headers, dotted keys, inline `{ ... }` tables), bare and quoted keys, strings (basic
/// with every TOML escape, literal, and both multi-line forms), integers (decimal, `0x`, `0o`,
/// `0b`, with `_` between digits), booleans and arrays. Floats, dates and arrays of tables are
/// valid TOML that no setting takes: they are refused with a located error, as is anything that is
/// not TOML. Every table, key and value keeps its place in the file, so the configuration's own
/// checks can point at the exact line and column.
///
/// It replaces TOMLKit (a wrapper of the C++ toml++), which aborted a debug build on the two
/// bytes `[^` (an assertion in `parse_key`, undefined behaviour in a release build) and leaked
/// on every parse.

/// A place in the file: line and column, both from 1; columns count Unicode scalars.
struct TOMLPosition: Equatable, Sendable {
  var line: Int
  var column: Int
}

struct TOMLSyntaxError: Error, Equatable {
  var position: TOMLPosition
  var message: String
}

/// A value with the place where it starts.
struct TOMLItem {
  enum Value {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case array([TOMLItem])
    case table(TOMLTable)
  }

  var value: Value
  var position: TOMLPosition

  var string: String? {
    if case .string(let text) = value { return text }
    return nil
  }

  var array: [TOMLItem]? {
    if case .array(let items) = value { return items }
    return nil
  }

  var table: TOMLTable? {
    if case .table(let table) = value { return table }
    return nil
  }
}

/// A table: its keys in the order the file gives them, each with the place of its key (for a
/// table made by a header, the header's `[`).
final class TOMLTable {
  /// How the table came to be; TOML allows a table to be defined only once, and each origin
  /// limits how it may be added to later.
  enum Origin {
    /// `[a.b]` defines `a.b`.
    case header
    /// `a` in `[a.b]`, until a header `[a]` of its own.
    case implicit
    /// `a` in `a.b = 1`.
    case dotted
    /// `{ ... }`: closed once written.
    case inline
  }

  struct Entry {
    var keyPosition: TOMLPosition
    var item: TOMLItem
  }

  var origin: Origin
  private(set) var keys: [String] = []
  private var entries: [String: Entry] = [:]

  init(origin: Origin) {
    self.origin = origin
  }

  subscript(key: String) -> Entry? {
    entries[key]
  }

  func insert(_ key: String, _ entry: Entry) {
    if entries.updateValue(entry, forKey: key) == nil { keys.append(key) }
  }
}

enum TOMLReader {
  /// Parses `text` (a whole file) into its root table.
  static func parse(_ text: String) throws(TOMLSyntaxError) -> TOMLTable {
    var reader = Reader(scalars: Array(text.unicodeScalars))
    return try reader.document()
  }

  /// How deep arrays and inline tables may nest: far more than any configuration needs, few
  /// enough that a hostile file cannot exhaust the stack.
  static let maximumDepth = 64
}

private struct Reader {
  let scalars: [Unicode.Scalar]
  var index = 0
  var line = 1
  var lineStart = 0
  var depth = 0

  init(scalars: [Unicode.Scalar]) {
    self.scalars = scalars
  }

  // MARK: Places and errors

  var position: TOMLPosition {
    TOMLPosition(line: line, column: index - lineStart + 1)
  }

  var current: Unicode.Scalar? {
    index < scalars.count ? scalars[index] : nil
  }

  func peek(_ offset: Int) -> Unicode.Scalar? {
    index + offset < scalars.count ? scalars[index + offset] : nil
  }

  func failure(_ message: String, at place: TOMLPosition? = nil) -> TOMLSyntaxError {
    TOMLSyntaxError(position: place ?? position, message: message)
  }

  /// What the error message calls the scalar at the cursor.
  var found: String {
    guard let scalar = current else { return "the end of the file" }
    return Self.describe(scalar)
  }

  static func describe(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\n": return "the end of the line"
    case "\r": return "a carriage return"
    case "\t": return "a tab"
    case _ where isControl(scalar): return "control character U+\(hex(scalar.value))"
    default: return "'\(scalar)'"
    }
  }

  static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// Control characters TOML allows nowhere but as a line break (and tab, which is allowed).
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
  }

  // MARK: Moving

  mutating func advance() {
    index += 1
  }

  /// Consumes a line break (LF or CRLF) at the cursor, if there is one.
  mutating func newline() throws(TOMLSyntaxError) -> Bool {
    if current == "\n" {
      index += 1
    } else if current == "\r" {
      guard peek(1) == "\n" else {
        throw failure("a carriage return must be followed by a line feed")
      }
      index += 2
    } else {
      return false
    }
    line += 1
    lineStart = index
    return true
  }

  mutating func skipSpaces() {
    while current == " " || current == "\t" { index += 1 }
  }

  /// A comment from `#` to the end of the line (not the line break).
  mutating func skipComment() throws(TOMLSyntaxError) {
    guard current == "#" else { return }
    while let scalar = current, scalar != "\n" {
      if scalar == "\r", peek(1) == "\n" { return }
      if Self.isControl(scalar) {
        throw failure("\(Self.describe(scalar)) is not allowed in a comment")
      }
      index += 1
    }
  }

  /// After a key/value pair or a header: spaces, a comment, then the end of the line or file.
  mutating func endOfLine(after what: String) throws(TOMLSyntaxError) {
    skipSpaces()
    try skipComment()
    if current == nil { return }
    guard try newline() else {
      throw failure("expected the end of the line after \(what), found \(found)")
    }
  }

  /// Spaces, line breaks and comments, as allowed between the elements of an array.
  mutating func skipBlank() throws(TOMLSyntaxError) {
    while true {
      skipSpaces()
      try skipComment()
      if !(try newline()) { return }
    }
  }

  // MARK: The document

  mutating func document() throws(TOMLSyntaxError) -> TOMLTable {
    let root = TOMLTable(origin: .header)
    var table = root
    while true {
      skipSpaces()
      try skipComment()
      if try newline() { continue }
      guard let scalar = current else { return root }
      if scalar == "[" {
        table = try header(root: root)
        try endOfLine(after: "a table header")
      } else if Self.isBareKey(scalar) || scalar == "\"" || scalar == "'" {
        try keyValue(into: table)
        try endOfLine(after: "a value")
      } else {
        throw failure("expected a key, a [table] header or a comment, found \(found)")
      }
    }
  }

  /// `[a.b.c]`: the table it opens.
  mutating func header(root: TOMLTable) throws(TOMLSyntaxError) -> TOMLTable {
    let start = position
    advance()
    if current == "[" {
      throw failure(
        "arrays of tables ([[...]]) are not used in Dateline's configuration", at: start)
    }
    skipSpaces()
    let path = try key()
    skipSpaces()
    guard current == "]" else {
      throw failure("expected ']' to close the table header, found \(found)")
    }
    advance()
    var table = root
    for (offset, part) in path.enumerated() {
      let name = path[...offset].map(\.name).joined(separator: ".")
      let last = offset == path.count - 1
      if let entry = table[part.name] {
        guard let existing = entry.item.table else {
          throw failure(
            "'\(name)' is already a value (line \(entry.keyPosition.line)), not a table",
            at: part.position)
        }
        switch existing.origin {
        case .implicit where last:
          existing.origin = .header
        case .header where last:
          throw failure(
            "the table [\(name)] is defined twice (first on line \(entry.keyPosition.line))",
            at: start)
        case .header, .implicit:
          break
        case .dotted where !last:
          break  // a [header] may open a sub-table of a table made by dotted keys
        case .dotted, .inline:
          throw failure(
            "'\(name)' was defined on line \(entry.keyPosition.line); a [header] cannot add to it",
            at: part.position)
        }
        table = existing
      } else {
        let created = TOMLTable(origin: last ? .header : .implicit)
        table.insert(
          part.name,
          TOMLTable.Entry(
            keyPosition: start, item: TOMLItem(value: .table(created), position: start)))
        table = created
      }
    }
    return table
  }

  /// `key = value` into `table`; a dotted key makes (or extends) tables of its own.
  mutating func keyValue(into table: TOMLTable) throws(TOMLSyntaxError) {
    let path = try key()
    skipSpaces()
    guard current == "=" else {
      throw failure("expected '=' after the key, found \(found)")
    }
    advance()
    skipSpaces()
    let item = try value()
    var table = table
    for (offset, part) in path.enumerated() {
      let name = path[...offset].map(\.name).joined(separator: ".")
      if offset == path.count - 1 {
        if let entry = table[part.name] {
          throw failure(
            "'\(name)' is defined twice (first on line \(entry.keyPosition.line))",
            at: part.position)
        }
        table.insert(part.name, TOMLTable.Entry(keyPosition: part.position, item: item))
      } else if let entry = table[part.name] {
        guard let existing = entry.item.table, existing.origin == .dotted else {
          throw failure(
            "'\(name)' is already defined (line \(entry.keyPosition.line)); a dotted key cannot add to it",
            at: part.position)
        }
        table = existing
      } else {
        let created = TOMLTable(origin: .dotted)
        table.insert(
          part.name,
          TOMLTable.Entry(
            keyPosition: part.position,
            item: TOMLItem(value: .table(created), position: part.position)))
        table = created
      }
    }
  }

  // MARK: Keys

  static func isBareKey(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
    default: return false
    }
  }

  /// A key: one or more simple keys joined by dots, each with its place.
  mutating func key() throws(TOMLSyntaxError) -> [(name: String, position: TOMLPosition)] {
    var parts: [(name: String, position: TOMLPosition)] = []
    while true {
      let start = position
      guard let scalar = current else {
        throw failure("expected a key, found the end of the file")
      }
      if Self.isBareKey(scalar) {
        var name = String.UnicodeScalarView()
        while let scalar = current, Self.isBareKey(scalar) {
          name.append(scalar)
          advance()
        }
        parts.append((String(name), start))
      } else if scalar == "\"" || scalar == "'" {
        if peek(1) == scalar, peek(2) == scalar {
          throw failure("a key cannot be a multi-line string")
        }
        parts.append((try singleLineString(), start))
      } else {
        throw failure(
          "expected a key (letters, digits, '_' and '-', or a quoted string), found \(found)")
      }
      skipSpaces()
      guard current == "." else { return parts }
      // Each part is a table inside the one before: as for nesting, a bound keeps a hostile
      // key from making a chain of tables deep enough to exhaust the stack.
      if parts.count == TOMLReader.maximumDepth {
        throw failure("a key has more than \(TOMLReader.maximumDepth) parts", at: parts[0].position)
      }
      advance()
      skipSpaces()
    }
  }

  // MARK: Values

  mutating func value() throws(TOMLSyntaxError) -> TOMLItem {
    let start = position
    guard let scalar = current else {
      throw failure("expected a value, found the end of the file")
    }
    switch scalar {
    case "\"", "'":
      if peek(1) == scalar, peek(2) == scalar {
        return TOMLItem(value: .string(try multiLineString()), position: start)
      }
      return TOMLItem(value: .string(try singleLineString()), position: start)
    case "[":
      return TOMLItem(value: .array(try array()), position: start)
    case "{":
      return TOMLItem(value: .table(try inlineTable()), position: start)
    default:
      return TOMLItem(value: try bareValue(), position: start)
    }
  }

  /// true, false, an integer; floats, dates and anything else are refused.
  mutating func bareValue() throws(TOMLSyntaxError) -> TOMLItem.Value {
    let start = position
    var word = ""
    while let scalar = current,
      Self.isBareKey(scalar) || scalar == "+" || scalar == "." || scalar == ":"
    {
      word.unicodeScalars.append(scalar)
      advance()
    }
    if word == "true" { return .boolean(true) }
    if word == "false" { return .boolean(false) }
    if let integer = try Self.integer(word, at: start) { return .integer(integer) }
    guard !word.isEmpty else {
      throw failure(
        "expected a value (a \"string\", a number, true, false or an [array]), found \(found)")
    }
    let unsigned = word.drop { $0 == "+" || $0 == "-" }
    if unsigned == "inf" || unsigned == "nan"
      || word.first?.isNumber == true
        && (word.contains(".") || word.contains("e") || word.contains("E"))
        && !word.contains(":")
    {
      throw failure(
        "floating-point numbers are not used in Dateline's configuration: '\(word)'", at: start)
    }
    if word.first?.isNumber == true, word.contains("-") || word.contains(":") {
      throw failure("dates and times are not used in Dateline's configuration", at: start)
    }
    throw failure(
      "expected a value (a \"string\", a number, true, false or an [array]), found '\(word)'",
      at: start)
  }

  /// A TOML integer: `+12`, `1_000`, `0xff`, `0o17`, `0b101`; nil when `word` is not one.
  static func integer(_ word: String, at start: TOMLPosition) throws(TOMLSyntaxError) -> Int? {
    var digits = Substring(word)
    var radix = 10
    var negative = false
    if digits.hasPrefix("0x") || digits.hasPrefix("0o") || digits.hasPrefix("0b") {
      radix = digits.hasPrefix("0x") ? 16 : digits.hasPrefix("0o") ? 8 : 2
      digits = digits.dropFirst(2)
    } else {
      if digits.first == "+" || digits.first == "-" {
        negative = digits.first == "-"
        digits = digits.dropFirst()
      }
      // No leading zeros in decimal.
      if digits.count > 1, digits.first == "0" { return nil }
    }
    // Digits with single underscores between them.
    guard let first = digits.first, let last = digits.last, first != "_", last != "_",
      !digits.contains("__"),
      digits.allSatisfy({ $0 == "_" || ($0.isASCII && $0.hexDigitValue.map { $0 < radix } == true) }
      )
    else { return nil }
    let plain = digits.filter { $0 != "_" }
    guard let magnitude = UInt64(plain, radix: radix) else {
      throw TOMLSyntaxError(position: start, message: "the integer \(word) is too large")
    }
    if negative {
      guard magnitude <= UInt64(Int64.max) + 1 else {
        throw TOMLSyntaxError(position: start, message: "the integer \(word) is too large")
      }
      return magnitude == UInt64(Int64.max) + 1 ? Int(Int64.min) : -Int(magnitude)
    }
    guard magnitude <= UInt64(Int64.max) else {
      throw TOMLSyntaxError(position: start, message: "the integer \(word) is too large")
    }
    return Int(magnitude)
  }

  mutating func nested() throws(TOMLSyntaxError) {
    depth += 1
    if depth > TOMLReader.maximumDepth {
      throw failure("arrays and tables nest more than \(TOMLReader.maximumDepth) deep")
    }
  }

  /// `[ value, value, ]`, over several lines if need be, with comments.
  mutating func array() throws(TOMLSyntaxError) -> [TOMLItem] {
    try nested()
    defer { depth -= 1 }
    advance()
    var items: [TOMLItem] = []
    while true {
      try skipBlank()
      if current == "]" {
        advance()
        return items
      }
      items.append(try value())
      try skipBlank()
      if current == "," {
        advance()
      } else if current != "]" {
        throw failure("expected ',' or ']' in the array, found \(found)")
      }
    }
  }

  /// `{ key = value, key = value }` on one line.
  mutating func inlineTable() throws(TOMLSyntaxError) -> TOMLTable {
    try nested()
    defer { depth -= 1 }
    advance()
    let table = TOMLTable(origin: .inline)
    skipSpaces()
    if current == "}" {
      advance()
      return table
    }
    while true {
      skipSpaces()
      guard let scalar = current, Self.isBareKey(scalar) || scalar == "\"" || scalar == "'" else {
        throw failure("expected a key in the inline table, found \(found)")
      }
      try keyValue(into: table)
      skipSpaces()
      if current == "}" {
        advance()
        close(table)
        return table
      }
      guard current == "," else {
        throw failure("expected ',' or '}' in the inline table (on one line), found \(found)")
      }
      advance()
    }
  }

  /// Tables made by dotted keys inside an inline table are closed with it.
  func close(_ table: TOMLTable) {
    table.origin = .inline
    for key in table.keys {
      if let inner = table[key]?.item.table, inner.origin == .dotted { close(inner) }
    }
  }

  // MARK: Strings

  /// `"basic"` (with escapes) or `'literal'` on one line.
  mutating func singleLineString() throws(TOMLSyntaxError) -> String {
    let quote = current!
    let start = position
    advance()
    var text = String.UnicodeScalarView()
    while true {
      guard let scalar = current, scalar != "\n", scalar != "\r" else {
        throw failure("this string is not closed on its line", at: start)
      }
      if scalar == quote {
        advance()
        return String(text)
      }
      if Self.isControl(scalar) {
        throw failure("\(Self.describe(scalar)) in a string must be written as an escape")
      }
      if scalar == "\\", quote == "\"" {
        text.append(try escape())
      } else {
        text.append(scalar)
        advance()
      }
    }
  }

  /// `"""basic"""` or `'''literal'''` over several lines.
  mutating func multiLineString() throws(TOMLSyntaxError) -> String {
    let quote = current!
    let start = position
    index += 3
    // A line break right after the opening quotes is not part of the string.
    _ = try newline()
    var text = String.UnicodeScalarView()
    while true {
      guard let scalar = current else {
        throw failure("this multi-line string is not closed", at: start)
      }
      if scalar == quote, peek(1) == quote, peek(2) == quote {
        // Up to two more quotes just before the closing three belong to the string.
        var run = 3
        while peek(run) == quote, run < 5 { run += 1 }
        for _ in 0..<(run - 3) { text.append(quote) }
        index += run
        return String(text)
      }
      if scalar == "\n" || scalar == "\r" {
        _ = try newline()
        text.append("\n")
      } else if Self.isControl(scalar) {
        throw failure("\(Self.describe(scalar)) in a string must be written as an escape")
      } else if scalar == "\\", quote == "\"" {
        if try lineEndingBackslash() { continue }
        text.append(try escape())
      } else {
        text.append(scalar)
        advance()
      }
    }
  }

  /// In a multi-line basic string, `\` as the last thing on a line removes the line break and
  /// the blank space (over any number of lines) that follows it.
  mutating func lineEndingBackslash() throws(TOMLSyntaxError) -> Bool {
    var probe = index + 1
    while probe < scalars.count, scalars[probe] == " " || scalars[probe] == "\t" { probe += 1 }
    guard probe < scalars.count, scalars[probe] == "\n" || scalars[probe] == "\r" else {
      return false
    }
    index = probe
    while true {
      skipSpaces()
      if !(try newline()) { return true }
    }
  }

  /// One escape in a basic string, at its backslash.
  mutating func escape() throws(TOMLSyntaxError) -> Unicode.Scalar {
    let start = position
    advance()
    guard let letter = current else {
      throw failure("a backslash must start an escape", at: start)
    }
    advance()
    switch letter {
    case "b": return "\u{08}"
    case "t": return "\t"
    case "n": return "\n"
    case "f": return "\u{0C}"
    case "r": return "\r"
    case "\"": return "\""
    case "\\": return "\\"
    case "u", "U":
      let count = letter == "u" ? 4 : 8
      var value: UInt32 = 0
      for _ in 0..<count {
        guard let digit = current, digit.isASCII,
          let digitValue = Character(digit).hexDigitValue
        else {
          throw failure("\\\(letter) must be followed by \(count) hexadecimal digits", at: start)
        }
        value = value * 16 + UInt32(digitValue)
        advance()
      }
      guard let scalar = Unicode.Scalar(value) else {
        throw failure("\\\(letter)\(Self.hex(value)) is not a Unicode scalar value", at: start)
      }
      return scalar
    default:
      throw failure(
        "unknown escape '\\\(letter)'; the escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX",
        at: start)
    }
  }
}
