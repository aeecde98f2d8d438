/// One problem in a dataset, located in its file: `PATH:LINE:COLUMN: error: MESSAGE`.
///
/// For a dataset built in memory (not read from a file) the path names the item, as in
/// `events[2].participants[0]`, and line and column are 0.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public var path: String
  public var line: Int
  public var column: Int
  public var message: String

  /// Path and message are made printable: they quote untrusted text (ids, keys, file names),
  /// which must not reach a terminal as control characters or run on for pages.
  public init(path: String, line: Int, column: Int, message: String) {
    self.path = Diagnostic.printable(path)
    self.line = line
    self.column = column
    self.message = Diagnostic.printable(message)
  }

  static let maximumLength = 1000

  /// Control and bidirectional-format characters become visible escapes (`\u{1B}`), and text
  /// beyond `maximumLength` characters is cut with an ellipsis.
  static func printable(_ text: String) -> String {
    var result = ""
    var count = 0
    for scalar in text.unicodeScalars {
      if count >= maximumLength {
        result += "…"
        break
      }
      switch scalar.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned:
        result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      default:
        result.unicodeScalars.append(scalar)
      }
      count += 1
    }
    return result
  }

  public var description: String { "\(path):\(line):\(column): error: \(message)" }
}

/// A dataset that cannot be loaded, with every problem found.
public struct DatasetLoadError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Source {
  /// The publication day as written in its own zone (`2025-02-24T16:19:00-05:00` is
  /// 2025-02-24), or nil when `published` is empty or not ISO 8601.
  public var publicationDay: CivilDay? {
    Source.publicationDay(of: published)
  }

  /// Accepts `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`.
  static func publicationDay(of text: String) -> CivilDay? {
    let bytes = Array(text.utf8)
    guard bytes.count >= 10, let day = CivilDay(iso: String(decoding: bytes[0..<10], as: UTF8.self))
    else { return nil }
    if bytes.count == 10 { return day }
    var index = 10
    func digits(_ count: Int, max: Int) -> Bool {
      guard index + count <= bytes.count, let value = CivilDay.digits(bytes[index..<index + count]),
        value <= max
      else { return false }
      index += count
      return true
    }
    func expect(_ character: Character) -> Bool {
      guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
      index += 1
      return true
    }
    guard expect("T") || expect(" "), digits(2, max: 23), expect(":"), digits(2, max: 59) else {
      return nil
    }
    if expect(":") {
      guard digits(2, max: 60) else { return nil }
      if expect(".") {
        let start = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        guard index > start else { return nil }
      }
    }
    if expect("Z") { return index == bytes.count ? day : nil }
    guard expect("+") || expect("-"), digits(2, max: 23) else { return nil }
    _ = expect(":")
    guard digits(2, max: 59), index == bytes.count else { return nil }
    return day
  }
}
