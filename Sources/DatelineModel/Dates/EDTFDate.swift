/// A parsed EDTF (ISO 8601-2, level 1 subset) value: a day, a month, a year, or an interval of
/// them, each optionally qualified as uncertain (`?`), approximate (`~`) or both (`%`).
///
/// Accepted: `2025-02-27`, `2025-03`, `2025`, `2025-02-27?`, `2025-03~`, `2025%`,
/// `2025-02-24/2025-03-10`, `../2025-03` and `2025-02/..` (open ends), `/2025` (unknown start).
public struct EDTFDate: Hashable, Sendable, CustomStringConvertible {
  public enum Precision: Int, Hashable, Sendable, Comparable, CustomStringConvertible {
    case day, month, year, interval

    public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
      switch self {
      case .day: "day"
      case .month: "month"
      case .year: "year"
      case .interval: "interval"
      }
    }
  }

  /// `?` uncertain, `~` approximate, `%` both.
  public struct Qualifier: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let uncertain = Qualifier(rawValue: 1)
    public static let approximate = Qualifier(rawValue: 2)

    /// The qualifier a value's last byte writes (`?`, `~`, `%`), else none.
    init(lastByte: UInt8?) {
      switch lastByte {
      case UInt8(ascii: "?"): self = .uncertain
      case UInt8(ascii: "~"): self = .approximate
      case UInt8(ascii: "%"): self = [.uncertain, .approximate]
      default: self = []
      }
    }

    public var symbol: String {
      switch (contains(.uncertain), contains(.approximate)) {
      case (true, true): "%"
      case (true, false): "?"
      case (false, true): "~"
      case (false, false): ""
      }
    }
  }

  /// A day, month or year, with its qualifier.
  public struct Point: Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    /// Only set when `month` is set.
    public var day: Int?
    public var qualifier: Qualifier

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    public var firstDay: CivilDay {
      CivilDay(year: year, month: month ?? 1, day: day ?? 1) ?? CivilDay(dayNumber: 0)
    }

    public var lastDay: CivilDay {
      let lastMonth = month ?? 12
      let lastDay = day ?? CivilDay.daysIn(month: lastMonth, year: year)
      return CivilDay(year: year, month: lastMonth, day: lastDay) ?? firstDay
    }

    public var description: String {
      var text = CivilDay.pad(year, 4)
      if let month { text += "-" + CivilDay.pad(month, 2) }
      if let day { text += "-" + CivilDay.pad(day, 2) }
      return text + qualifier.symbol
    }
  }

  /// One end of an interval.
  public enum Bound: Hashable, Sendable, CustomStringConvertible {
    case point(Point)
    /// `..`: the interval has no end on this side.
    case open
    /// Empty: the end exists but is not known.
    case unknown

    public var point: Point? {
      if case .point(let point) = self { return point }
      return nil
    }

    public var description: String {
      switch self {
      case .point(let point): point.description
      case .open: ".."
      case .unknown: ""
      }
    }
  }

  public enum Form: Hashable, Sendable {
    case single(Point)
    case interval(Bound, Bound)
  }

  public let form: Form

  public init(parsing text: String) throws(EDTFError) {
    // The commonest form in articles, a bare year ("in 2024"), read without splitting.
    if let year = EDTFDate.bareYear(text) {
      form = .single(Point(year: year, month: nil, day: nil, qualifier: []))
      return
    }
    // Well-formed values (every date a dataset writer produces) are read from their bytes in
    // place; anything else takes the general path below, which also words the error.
    if let form = EDTFDate.wellFormed(text) {
      self.form = form
      return
    }
    let trimmed = text.trimmingASCIIWhitespace()
    guard !trimmed.isEmpty else { throw EDTFError(text: text, reason: "the date is empty") }
    let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
    switch parts.count {
    case 1:
      guard trimmed != ".." else {
        throw EDTFError(text: text, reason: "'..' is only allowed as one end of an interval")
      }
      form = .single(try EDTFDate.parsePoint(parts[0], in: text))
    case 2:
      let start = try EDTFDate.parseBound(parts[0], in: text)
      let end = try EDTFDate.parseBound(parts[1], in: text)
      guard start.point != nil || end.point != nil else {
        throw EDTFError(text: text, reason: "an interval needs at least one known end")
      }
      if let from = start.point, let to = end.point, to.lastDay < from.firstDay {
        throw EDTFError(text: text, reason: "the interval ends (\(to)) before it starts (\(from))")
      }
      form = .interval(start, end)
    default:
      throw EDTFError(text: text, reason: "an interval has exactly one '/'")
    }
  }

  /// False when `text` cannot be EDTF at all: every accepted form starts, after whitespace, with a
  /// digit, "-" (a negative year), "." (an open start) or "/" (an unknown start).
  static func mayStart(_ text: String) -> Bool {
    for scalar in text.unicodeScalars {
      switch scalar {
      case "0"..."9", "-", ".", "/": return true
      case "\t"..."\r", " ": continue  // the ASCII whitespace
      default:
        // Any other ASCII character starts no EDTF; other whitespace is skipped as the parser does.
        if scalar.isASCII || !scalar.properties.isWhitespace { return false }
      }
    }
    return false  // blank
  }

  /// The value of `text` when it is a valid EDTF date with no whitespace, read from its UTF-8
  /// bytes without splitting or copying; nil for anything else (valid or not), which
  /// `init(parsing:)` then reads the general way. Accepts exactly what that path accepts.
  static func wellFormed(_ text: String) -> Form? {
    var text = text
    return text.withUTF8 { bytes -> Form? in
      guard !bytes.isEmpty else { return nil }
      var slash: Int?
      for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "/") {
        guard slash == nil else { return nil }
        slash = offset
      }
      guard let slash else {
        return wellFormedPoint(bytes[...]).map { .single($0) }
      }
      func bound(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> Bound? {
        if part.isEmpty { return .unknown }
        if part.count == 2, part.allSatisfy({ $0 == UInt8(ascii: ".") }) { return .open }
        return wellFormedPoint(part).map { .point($0) }
      }
      guard let start = bound(bytes[..<slash]), let end = bound(bytes[(slash + 1)...]),
        start.point != nil || end.point != nil
      else { return nil }
      if let from = start.point, let to = end.point, to.lastDay < from.firstDay { return nil }
      return .interval(start, end)
    }
  }

  /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, optionally after `-` and before `?`, `~` or `%`, with
  /// a month and day that exist; nil otherwise.
  private static func wellFormedPoint(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> Point? {
    var body = part
    let qualifier = Qualifier(lastByte: body.last)
    if !qualifier.isEmpty { body = body.dropLast() }
    var negative = false
    if body.first == UInt8(ascii: "-") {
      negative = true
      body = body.dropFirst()
    }
    func number(_ offset: Int, _ count: Int) -> Int? {
      var value = 0
      for byte in body[(body.startIndex + offset)..<(body.startIndex + offset + count)] {
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard body.count == 4 || body.count == 7 || body.count == 10, let rawYear = number(0, 4)
    else { return nil }
    var point = Point(
      year: negative ? -rawYear : rawYear, month: nil, day: nil, qualifier: qualifier)
    if body.count >= 7 {
      guard body[body.startIndex + 4] == UInt8(ascii: "-"), let month = number(5, 2),
        (1...12).contains(month)
      else { return nil }
      point.month = month
    }
    if body.count == 10, let month = point.month {
      guard body[body.startIndex + 7] == UInt8(ascii: "-"), let day = number(8, 2), day >= 1,
        day <= CivilDay.daysIn(month: month, year: point.year)
      else { return nil }
      point.day = day
    }
    return point
  }

  /// The year when `text` is exactly four ASCII digits.
  static func bareYear(_ text: String) -> Int? {
    let bytes = text.utf8
    guard bytes.count == 4 else { return nil }
    var year = 0
    for byte in bytes {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      year = year * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return year
  }

  public init(_ point: Point) { form = .single(point) }

  /// An interval. Parsing guarantees a known end and start <= end; built by hand without a known
  /// end, its days fall back to 1970-01-01 rather than trapping.
  public init(from start: Bound, to end: Bound) { form = .interval(start, end) }

  public static func day(_ day: CivilDay, qualifier: Qualifier = []) -> EDTFDate {
    EDTFDate(Point(year: day.year, month: day.month, day: day.day, qualifier: qualifier))
  }

  public static func month(year: Int, month: Int, qualifier: Qualifier = []) -> EDTFDate {
    EDTFDate(Point(year: year, month: month, day: nil, qualifier: qualifier))
  }

  public static func year(_ year: Int, qualifier: Qualifier = []) -> EDTFDate {
    EDTFDate(Point(year: year, month: nil, day: nil, qualifier: qualifier))
  }

  public static func interval(from start: CivilDay, to end: CivilDay) -> EDTFDate {
    EDTFDate(
      from: .point(Point(year: start.year, month: start.month, day: start.day, qualifier: [])),
      to: .point(Point(year: end.year, month: end.month, day: end.day, qualifier: [])))
  }

  public var precision: Precision {
    switch form {
    case .single(let point): point.precision
    case .interval: .interval
    }
  }

  public var qualifier: Qualifier {
    switch form {
    case .single(let point): point.qualifier
    case .interval(let start, let end):
      (start.point?.qualifier ?? []).union(end.point?.qualifier ?? [])
    }
  }

  public var isApproximate: Bool { qualifier.contains(.approximate) }
  public var isUncertain: Bool { qualifier.contains(.uncertain) }

  /// The earliest day it can fall on. An interval with an open or unknown start has no earlier
  /// bound we could name, so it starts where its known end starts.
  public var earliestDay: CivilDay {
    switch form {
    case .single(let point): point.firstDay
    case .interval(let start, let end):
      (start.point ?? end.point)?.firstDay ?? CivilDay(dayNumber: 0)
    }
  }

  /// The latest day it can fall on; an open or unknown end falls back to the known start's end.
  public var latestDay: CivilDay {
    switch form {
    case .single(let point): point.lastDay
    case .interval(let start, let end):
      (end.point ?? start.point)?.lastDay ?? CivilDay(dayNumber: 0)
    }
  }

  public var description: String {
    switch form {
    case .single(let point): point.description
    case .interval(let start, let end): "\(start)/\(end)"
    }
  }

  private static func parseBound(_ text: Substring, in whole: String) throws(EDTFError) -> Bound {
    if text.isEmpty { return .unknown }
    if text == ".." { return .open }
    return .point(try parsePoint(text, in: whole))
  }

  private static func parsePoint(_ text: Substring, in whole: String) throws(EDTFError) -> Point {
    var body = Array(text.utf8)
    let qualifier = Qualifier(lastByte: body.last)
    if !qualifier.isEmpty { body.removeLast() }
    var negative = false
    if body.first == UInt8(ascii: "-") {
      negative = true
      body.removeFirst()
    }
    let fields = body.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
    guard (1...3).contains(fields.count), fields[0].count == 4,
      fields.dropFirst().allSatisfy({ $0.count == 2 }),
      let rawYear = CivilDay.digits(fields[0])
    else {
      // Built only on failure: the message costs more than the parse.
      throw EDTFError(
        text: whole,
        reason: "'\(text)' is not YYYY, YYYY-MM or YYYY-MM-DD (optionally followed by ~, ? or %)")
    }
    let year = negative ? -rawYear : rawYear
    var point = Point(year: year, month: nil, day: nil, qualifier: qualifier)
    if fields.count >= 2 {
      guard let month = CivilDay.digits(fields[1]), (1...12).contains(month) else {
        throw EDTFError(
          text: whole, reason: "month '\(String(decoding: fields[1], as: UTF8.self))' is not 01-12")
      }
      point.month = month
    }
    if fields.count == 3, let month = point.month {
      guard let day = CivilDay.digits(fields[2]), day >= 1,
        day <= CivilDay.daysIn(month: month, year: year)
      else {
        throw EDTFError(
          text: whole,
          reason:
            "day '\(String(decoding: fields[2], as: UTF8.self))' does not exist in \(CivilDay.pad(year, 4))-\(CivilDay.pad(month, 2))"
        )
      }
      point.day = day
    }
    return point
  }
}

/// Why a string is not an EDTF date we accept.
public struct EDTFError: Error, Hashable, Sendable, CustomStringConvertible {
  public var text: String
  public var reason: String

  public var description: String {
    "'\(text)' is not an EDTF date: \(reason); write a day (2025-02-27), a month (2025-03), a year (2025), an interval (2025-02-24/2025-03-10, ../2025-03), optionally qualified with ~ (approximate), ? (uncertain) or % (both)"
  }
}

extension StringProtocol {
  func trimmingASCIIWhitespace() -> String {
    // Printable ASCII at both ends (most texts): nothing to trim, no scalar properties to read.
    let scalars = unicodeScalars
    if let first = scalars.first, let last = scalars.last, (0x21..<0x7F).contains(first.value),
      (0x21..<0x7F).contains(last.value)
    {
      return String(self)
    }
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    return String(self[first...last])
  }
}
