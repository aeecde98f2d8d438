import DatelineModel

/// The publication date an article states at its top: `date 2025-02-24 Updated February 24,
/// 2025 at 16:19 PM ET`, `Published March 3, 2025 10:02 a.m. EST`, `2025-02-24`.
///
/// Forgiving: a 24-hour time with a stray "PM", missing zones and missing times all work.
public struct PublicationHeader: Sendable, Equatable {
  public var day: CivilDay
  /// Minutes after midnight, when a time is given.
  public var minutes: Int?
  /// Offset from UTC in minutes, when a zone is given.
  public var zoneOffset: Int?
  /// Scalar range of the header lines, excluded from the article body.
  public var range: Range<Int>

  /// ISO 8601 as the data format wants it: `2025-02-24T16:19:00-05:00`, or just the day.
  public var iso: String {
    guard let minutes else { return day.description }
    let time = "\(Self.pad(minutes / 60)):\(Self.pad(minutes % 60)):00"
    guard let zoneOffset else { return "\(day)T\(time)" }
    if zoneOffset == 0 { return "\(day)T\(time)Z" }
    let sign = zoneOffset < 0 ? "-" : "+"
    let magnitude = abs(zoneOffset)
    return "\(day)T\(time)\(sign)\(Self.pad(magnitude / 60)):\(Self.pad(magnitude % 60))"
  }

  static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

  /// Looks at the first few non-empty lines for a dated header line.
  public static func find(in scalars: [Unicode.Scalar]) -> PublicationHeader? {
    var lineStart = 0
    var examined = 0
    while lineStart < scalars.count && examined < 4 {
      var lineEnd = lineStart
      while lineEnd < scalars.count && scalars[lineEnd] != "\n" { lineEnd += 1 }
      var tokens: [Token] = []
      // A header is a short line with a date in digits; a long first paragraph is the story.
      if lineEnd - lineStart <= 200 {
        if !scalars[lineStart..<lineEnd].contains(where: Tokenizer.isDigit) {
          if scalars[lineStart..<lineEnd].contains(where: Tokenizer.startsToken) {
            examined += 1
          }
          lineStart = lineEnd + 1
          continue
        }
        Tokenizer.tokenize(scalars, range: lineStart..<lineEnd, paragraph: 0, into: &tokens)
      } else {
        examined += 1
      }
      if !tokens.isEmpty {
        examined += 1
        if tokens.count <= 24, var header = parse(tokens) {
          header.range = lineStart..<min(lineEnd + 1, scalars.count)
          return header
        }
      }
      lineStart = lineEnd + 1
    }
    return nil
  }

  static let leadWords: Set<String> = [
    "date", "dated", "updated", "published", "posted", "pubdate", "publication", "last",
    "modified", "first", "on", "at",
  ]

  /// A header line: optional lead words, then a date, optionally a time and zone.
  static func parse(_ tokens: [Token]) -> PublicationHeader? {
    let words = tokens.map(\.lower)
    // The line must lead with its date (after words like "Updated"), not mention one in passing.
    var index = 0
    while index < words.count
      && (leadWords.contains(words[index]) || words[index] == ":" || words[index] == "-"
        || words[index] == "|" || Lexicon.weekdays[words[index]] != nil || words[index] == ",")
    {
      index += 1
    }
    var found: (CivilDay, Int)?
    var scan = index
    // Allow a time first: "4:19 PM EST, Mon February 24, 2025".
    while scan < min(words.count, index + 8) {
      if let date = date(in: words, at: scan) {
        found = date
        break
      }
      scan += 1
    }
    guard let (day, afterDate) = found else { return nil }
    guard scan == index || words[index..<scan].allSatisfy({ isTimeWord($0) }) else { return nil }
    var header = PublicationHeader(day: day, minutes: nil, zoneOffset: nil, range: 0..<0)
    // Time and zone can come before or after the date.
    let timeWords = Array(words[index..<scan]) + Array(words[afterDate...])
    var position = 0
    while position < timeWords.count {
      let word = timeWords[position]
      if header.minutes == nil, let minutes = clock(word) {
        var value = minutes
        let next = position + 1 < timeWords.count ? timeWords[position + 1] : ""
        if next == "pm" || next == "p.m." {
          if value < 12 * 60 { value += 12 * 60 }
          position += 1
        } else if next == "am" || next == "a.m." {
          if value >= 12 * 60 && value < 13 * 60 { value -= 12 * 60 }
          position += 1
        }
        header.minutes = value % (24 * 60)
      } else if header.zoneOffset == nil, let zone = zoneOffset(word, day: day) {
        header.zoneOffset = zone
      }
      position += 1
    }
    if header.zoneOffset != nil && header.minutes == nil { header.zoneOffset = nil }
    return header
  }

  static func isTimeWord(_ word: String) -> Bool {
    clock(word) != nil || ["am", "pm", "a.m.", "p.m.", ",", "at", "on"].contains(word)
      || Lexicon.weekdays[word] != nil
      || zoneOffset(word, day: CivilDay(year: 2025, month: 1, day: 1)!) != nil
  }

  /// "16:19" or "4:19" -> minutes.
  static func clock(_ word: String) -> Int? {
    // Most words are not times: rule them out before splitting Characters.
    guard let first = word.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"),
      word.utf8.contains(UInt8(ascii: ":"))
    else { return nil }
    let parts = word.split(separator: ":")
    guard parts.count == 2 || parts.count == 3, let hour = Int(parts[0]),
      let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute),
      parts[1].count == 2
    else { return nil }
    return hour * 60 + minute
  }

  /// A date at `index`: ISO, "February 24, 2025", "Feb. 24 2025", "24 February 2025".
  /// Returns the day and the index after it.
  static func date(in words: [String], at index: Int) -> (CivilDay, Int)? {
    let word = words[index]
    if let day = CivilDay(iso: word.prefix(10)) {
      return (day, index + 1)
    }
    var cursor = index
    func next() -> String? {
      while cursor < words.count && (words[cursor] == "." || words[cursor] == ",") { cursor += 1 }
      guard cursor < words.count else { return nil }
      defer { cursor += 1 }
      return words[cursor]
    }
    if let month = Lexicon.months[word] {
      cursor += 1
      guard let dayWord = next(), let dayOfMonth = Int(dayWord), let yearWord = next(),
        yearWord.count == 4, let year = Int(yearWord),
        let day = CivilDay(year: year, month: month, day: dayOfMonth)
      else { return nil }
      return (day, cursor)
    }
    if let dayOfMonth = Int(word), dayOfMonth <= 31 {
      cursor += 1
      guard let monthWord = next(), let month = Lexicon.months[monthWord], let yearWord = next(),
        yearWord.count == 4, let year = Int(yearWord),
        let day = CivilDay(year: year, month: month, day: dayOfMonth)
      else { return nil }
      return (day, cursor)
    }
    return nil
  }

  /// Offsets for the zones news sites print; US zones follow daylight saving time.
  static func zoneOffset(_ word: String, day: CivilDay) -> Int? {
    let summer = isUSDaylightTime(day)
    switch word {
    case "et": return summer ? -240 : -300
    case "est": return -300
    case "edt": return -240
    case "ct": return summer ? -300 : -360
    case "cst": return -360
    case "cdt": return -300
    case "mt": return summer ? -360 : -420
    case "mst": return -420
    case "mdt": return -360
    case "pt": return summer ? -420 : -480
    case "pst": return -480
    case "pdt": return -420
    case "utc", "gmt", "z": return 0
    case "bst": return 60
    case "cet": return 60
    case "cest": return 120
    case "eet": return 120
    case "eest": return 180
    case "msk": return 180
    default: return nil
    }
  }

  /// From the second Sunday of March to the first Sunday of November.
  static func isUSDaylightTime(_ day: CivilDay) -> Bool {
    guard let march1 = CivilDay(year: day.year, month: 3, day: 1),
      let november1 = CivilDay(year: day.year, month: 11, day: 1)
    else { return false }
    let start = march1.adding(days: (7 - march1.weekday) % 7 + 7)
    let end = november1.adding(days: (7 - november1.weekday) % 7)
    return day >= start && day < end
  }

  /// Parses a `--published` value: ISO day or date-time, or a written date.
  public static func parseOption(_ text: String) -> PublicationHeader? {
    let scalars = Array(text.unicodeScalars)
    var tokens: [Token] = []
    Tokenizer.tokenize(scalars, range: 0..<scalars.count, paragraph: 0, into: &tokens)
    if let day = CivilDay(iso: text.prefix(10)) {
      var header = PublicationHeader(day: day, minutes: nil, zoneOffset: nil, range: 0..<0)
      let rest = text.dropFirst(10)
      if rest.first == "T" || rest.first == " " {
        let time = rest.dropFirst()
        if let minutes = clock(String(time.prefix(5))) { header.minutes = minutes }
        let zone = time.dropFirst(time.count >= 8 && time.dropFirst(5).first == ":" ? 8 : 5)
        if zone == "Z" {
          header.zoneOffset = 0
        } else if let sign = zone.first, sign == "+" || sign == "-",
          let value = clock(String(zone.dropFirst()))
        {
          header.zoneOffset = sign == "-" ? -value : value
        }
      } else if !rest.isEmpty {
        return nil
      }
      return header
    }
    return parse(tokens)
  }
}
