/// Resolves a date as an article states it ("on Thursday", "earlier in the day", "the third
/// anniversary of", "in the next two weeks", "within weeks", "February 27") against an anchor day,
/// usually the source's publication day or the date of another event.
///
/// Tolerant of case, a leading "on"/"the", hyphens and trailing punctuation, so ingest can feed it
/// phrases found in articles. Tense decides the direction of a bare weekday or month-day:
/// future and present look forward, past looks back, unknown tense takes the nearest.
public enum DateResolver {
  public static func resolve(
    _ spec: StatedDate, anchor: CivilDay, anchorLabel: String? = nil
  ) throws(DateResolutionError) -> ResolvedDate {
    try resolve(spec.stated, tense: spec.tense, anchor: anchor, anchorLabel: anchorLabel)
  }

  /// Resolves a data `DateSpec`: EDTF strings as given, stated ones against `anchor`.
  public static func resolve(
    _ spec: DateSpec, anchor: CivilDay?, anchorLabel: String? = nil
  ) throws(DateResolutionError) -> ResolvedDate {
    switch spec {
    case .edtf(let text):
      do {
        return .given(try EDTFDate(parsing: text))
      } catch {
        throw DateResolutionError(expression: text, problem: error.reason, isEDTF: true)
      }
    case .stated(let stated):
      guard let anchor else {
        throw DateResolutionError(
          expression: stated.stated, problem: "there is no anchor day to resolve it against")
      }
      return try resolve(stated, anchor: anchor, anchorLabel: anchorLabel)
    }
  }

  public static func resolve(
    _ phrase: String, tense: Tense? = nil, anchor: CivilDay, anchorLabel: String? = nil
  ) throws(DateResolutionError) -> ResolvedDate {
    // Most phrases are words: try (and fail) the EDTF parser only on ones that start like EDTF.
    if EDTFDate.mayStart(phrase), let edtf = try? EDTFDate(parsing: phrase) {
      return ResolvedDate(value: edtf, stated: phrase, explanation: "as stated")
    }
    let words = normalizedWords(phrase)
    guard !words.isEmpty else {
      throw DateResolutionError(expression: phrase, problem: "the expression is empty")
    }
    let context = Context(
      phrase: phrase, words: words, tense: tense, anchor: anchor, anchorLabel: anchorLabel)
    if let resolved = try context.resolve() { return resolved }
    throw DateResolutionError(expression: phrase, problem: "this expression is not recognized")
  }

  /// Lowercased words with punctuation, hyphens and the fillers "the" and "on" removed:
  /// "On Thursday," -> ["thursday"]; "Feb. 27, 2025" -> ["feb", "27", "2025"].
  static func normalizedWords(_ phrase: String) -> [String] {
    asciiNormalizedWords(phrase) ?? unicodeNormalizedWords(phrase)
  }

  /// The same words for an ASCII phrase, read byte by byte; nil for any other text. An ASCII
  /// phrase has one byte per character, so no grapheme breaking or Unicode lowercasing is needed.
  static func asciiNormalizedWords(_ phrase: String) -> [String]? {
    // The current word's lowercased bytes, on the stack: no word is longer than the phrase.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: phrase.utf8.count + 1) { word in
      var length = 0
      var words: [String] = []
      words.reserveCapacity(8)
      func flush() {
        guard length > 0 else { return }
        var end = length
        length = 0
        if end >= 2, word[end - 2] == UInt8(ascii: "'"), word[end - 1] == UInt8(ascii: "s") {
          end -= 2
        }
        var kept = 0
        for index in 0..<end where word[index] != UInt8(ascii: "'") {
          word[kept] = word[index]
          kept += 1
        }
        switch kept {
        case 0: return
        case 2 where word[0] == UInt8(ascii: "o") && word[1] == UInt8(ascii: "n"): return
        case 3
        where word[0] == UInt8(ascii: "t") && word[1] == UInt8(ascii: "h")
          && word[2] == UInt8(ascii: "e"):
          return
        default:
          words.append(
            String(decoding: UnsafeBufferPointer(rebasing: word[..<kept]), as: UTF8.self))
        }
      }
      for byte in phrase.utf8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
          word[length] = byte + 0x20
          length += 1
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
          UInt8(ascii: "'"):
          word[length] = byte
          length += 1
        case 0x80...: return nil
        default: flush()
        }
      }
      flush()
      return words
    }
  }

  /// The general path: Unicode lowercasing and letters and numbers by character.
  static func unicodeNormalizedWords(_ phrase: String) -> [String] {
    var words: [String] = []
    var current = ""
    func flush() {
      var word = current
      current = ""
      if word.hasSuffix("'s") { word.removeLast(2) }
      word = String(word.filter { $0 != "'" })
      if !word.isEmpty && word != "the" && word != "on" { words.append(word) }
    }
    for character in phrase.lowercased() {
      if character.isLetter || character.isNumber {
        current.append(character)
      } else if character == "'" || character == "\u{2019}" {
        current.append("'")
      } else {
        flush()
      }
    }
    flush()
    return words
  }
}

/// An expression the resolver cannot turn into a date.
public struct DateResolutionError: Error, Hashable, Sendable, CustomStringConvertible {
  public var expression: String
  public var problem: String
  /// True when the text was meant as an EDTF string rather than a stated expression.
  public var isEDTF: Bool

  public init(expression: String, problem: String, isEDTF: Bool = false) {
    self.expression = expression
    self.problem = problem
    self.isEDTF = isEDTF
  }

  public static let acceptedForms =
    "an EDTF date (2025-02-27, 2025-03, 2025, 2025-02-24/2025-03-10) or a phrase such as 'on Thursday' (with a tense), 'next Thursday', 'last Thursday', 'today', 'yesterday', 'tomorrow', 'earlier in the day', 'later in the day', 'last week', 'next month', 'this year', 'in the next two weeks', 'within weeks', 'the third anniversary of', 'three years ago', 'in two weeks', 'February 27', 'Feb. 27, 2025', 'March 2025', '2024'"

  public var description: String {
    if isEDTF {
      return
        "'\(expression)' is not an EDTF date: \(problem); write a day (2025-02-27), a month (2025-03), a year (2025) or an interval (2025-02-24/2025-03-10), optionally followed by ~, ? or %"
    }
    return
      "cannot resolve the date '\(expression)': \(problem); write \(DateResolutionError.acceptedForms)"
  }
}

// MARK: - Vocabulary

enum TimeUnit {
  case day, week, month, year

  init?(_ word: String) {
    switch word {
    case "day", "days": self = .day
    case "week", "weeks", "wk", "wks": self = .week
    case "month", "months": self = .month
    case "year", "years", "yr", "yrs": self = .year
    default: return nil
    }
  }

  var singular: String {
    switch self {
    case .day: "day"
    case .week: "week"
    case .month: "month"
    case .year: "year"
    }
  }

  func count(_ n: Int) -> String { n == 1 ? "1 \(singular)" : "\(n) \(singular)s" }

  func add(_ n: Int, to day: CivilDay) -> CivilDay {
    switch self {
    case .day: day.adding(days: n)
    case .week: day.adding(days: 7 * n)
    case .month: day.adding(months: n)
    case .year: day.adding(years: n)
    }
  }
}

enum Vocabulary {
  static let weekdays: [String: Int] = [
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6,
    "sat": 6, "sunday": 7, "sun": 7,
  ]

  static let months: [String: Int] = [
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
  ]

  static let units: [String: Int] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
  ]
  static let tens: [String: Int] = [
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
  ]
  /// `units` and `tens` together (their words differ).
  static let cardinals = units.merging(tens) { unit, _ in unit }
  static let unitOrdinals: [String: Int] = [
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
  ]
  static let tensOrdinals: [String: Int] = [
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
  ]

  /// A cardinal number at `index`: "3", "three", "twenty five", "a", "a couple of".
  static func number(in words: [String], at index: Int) -> (value: Int, length: Int)? {
    guard index < words.count else { return nil }
    let word = words[index]
    if let value = Int(word), value >= 0, word.count <= 6 { return (value, 1) }
    if word == "a" || word == "an" {
      if index + 1 < words.count, words[index + 1] == "couple" {
        let hasOf = index + 2 < words.count && words[index + 2] == "of"
        return (2, hasOf ? 3 : 2)
      }
      return (1, 1)
    }
    // One lookup for both lists: values from 20 up are tens, which may take a unit after them.
    guard let value = cardinals[word] else { return nil }
    if value < 20 { return (value, 1) }
    if index + 1 < words.count, let unit = units[words[index + 1]], unit < 10 {
      return (value + unit, 2)
    }
    return (value, 1)
  }

  /// An ordinal at `index`: "3rd", "third", "twenty fifth".
  static func ordinal(in words: [String], at index: Int) -> (value: Int, length: Int)? {
    guard index < words.count else { return nil }
    let word = words[index]
    for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) {
      if let value = Int(word.dropLast(2)), value > 0, word.count <= 6 { return (value, 1) }
    }
    if let value = unitOrdinals[word] { return (value, 1) }
    if let value = tensOrdinals[word] { return (value, 1) }
    if let value = tens[word], index + 1 < words.count, let unit = unitOrdinals[words[index + 1]],
      unit < 10
    {
      return (value + unit, 2)
    }
    return nil
  }

  /// A day of the month: "27" or "27th".
  static func dayOfMonth(_ word: String) -> Int? {
    // Read from the bytes: a day is one or two ASCII digits, so any other word fails the same.
    if let day = word.utf8.withContiguousStorageIfAvailable(dayOfMonth(bytes:)) { return day }
    return Array(word.utf8).withUnsafeBufferPointer(dayOfMonth(bytes:))
  }

  private static func dayOfMonth(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var count = bytes.count
    if count >= 2 {
      switch (bytes[count - 2], bytes[count - 1]) {
      case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
        (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")):
        count -= 2
      default: break
      }
    }
    guard (1...2).contains(count) else { return nil }
    var value = 0
    for byte in bytes[..<count] {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return (1...31).contains(value) ? value : nil
  }

  static func year(_ word: String) -> Int? {
    // Bytes, not characters: a word that parses as a number is ASCII.
    guard word.utf8.count == 4, let value = Int(word) else { return nil }
    return value
  }
}

// MARK: - Patterns

private struct Context {
  let phrase: String
  let words: [String]
  let tense: Tense?
  let anchor: CivilDay
  let anchorLabel: String?
  /// What the last word allows; looked up once.
  let ending: Ending

  init(phrase: String, words: [String], tense: Tense?, anchor: CivilDay, anchorLabel: String?) {
    self.phrase = phrase
    self.words = words
    self.tense = tense
    self.anchor = anchor
    self.anchorLabel = anchorLabel
    ending = words.last.flatMap { Context.endings[$0] } ?? []
  }

  /// Most patterns can only end in a few words: one lookup of the last word rules them out,
  /// instead of each pattern taking the phrase apart first.
  struct Ending: OptionSet {
    let rawValue: UInt8
    /// A same-day phrase ends here ("today", "in the day", "this morning").
    static let sameDay = Ending(rawValue: 1 << 0)
    /// A calendar period: "week", "weekend", "month", "year".
    static let period = Ending(rawValue: 1 << 1)
    /// A `TimeUnit` word: "days", "weeks", ...
    static let timeUnit = Ending(rawValue: 1 << 2)
    /// A vague span: "hours", "days", "weeks", "months", "years".
    static let vague = Ending(rawValue: 1 << 3)
    /// The end of an offset's tail: "ago", "later", "from now", "before that", ...
    static let offsetTail = Ending(rawValue: 1 << 4)
  }

  static let endings: [String: Ending] = {
    var endings: [String: Ending] = [:]
    func add(_ words: some Sequence<String>, _ ending: Ending) {
      for word in words { endings[word, default: []].insert(ending) }
    }
    add(sameDayPhrases.keys.compactMap(\.last), .sameDay)
    add(["week", "weekend", "month", "year"], .period)
    add(
      [
        "day", "days", "week", "weeks", "wk", "wks", "month", "months", "year", "years", "yr",
        "yrs",
      ],
      .timeUnit)
    add(["hours", "days", "weeks", "months", "years"], .vague)
    add(
      [
        "now", "today", "later", "after", "afterwards", "afterward", "that", "hence", "ago",
        "earlier", "before", "prior", "previously",
      ], .offsetTail)
    return endings
  }()

  /// An explanation that ends by naming the anchor: "Thursday", " ", "after", " " -> "Thursday
  /// after Mon 2025-02-24". Joined only if someone reads it.
  func relative(_ first: String, _ second: String = "", _ third: String = "", _ fourth: String = "")
    -> Explanation
  {
    .relative(
      first, second, third, fourth, anchorDay: anchor.dayNumber, anchorLabel: anchorLabel)
  }

  func date(
    _ value: EDTFDate, _ explanation: Explanation, order: Int = 0
  ) -> ResolvedDate {
    ResolvedDate(value: value, stated: phrase, why: explanation, sameDayOrder: order)
  }

  func day(_ day: CivilDay, _ explanation: Explanation, order: Int = 0, approximate: Bool = false)
    -> ResolvedDate
  {
    date(.day(day, qualifier: approximate ? .approximate : []), explanation, order: order)
  }

  func fail(_ problem: String) -> DateResolutionError {
    DateResolutionError(expression: phrase, problem: problem)
  }

  func resolve() throws(DateResolutionError) -> ResolvedDate? {
    // The patterns are tried in order; one that cannot end in the last word would return nil.
    if ending.contains(.sameDay), let resolved = sameDay() { return resolved }
    if let resolved = try anniversary() { return resolved }
    if ending.contains(.period), let resolved = period() { return resolved }
    if ending.contains(.timeUnit), let resolved = span() { return resolved }
    if ending.contains(.vague), let resolved = vague() { return resolved }
    if !ending.isDisjoint(with: [.timeUnit, .offsetTail]), let resolved = offset() {
      return resolved
    }
    if let resolved = try weekday() { return resolved }
    if let resolved = try explicit() { return resolved }
    return nil
  }

  /// Where a same-day phrase puts its date, relative to the anchor.
  enum SameDayPlace {
    case sameDay, earlier, later, dayBefore, nightBefore, dayAfter
  }

  /// Same-day phrases by their normalized words ("the" and "on" already dropped), looked up
  /// with the words as they are, without joining them.
  static let sameDayPhrases: [[String]: SameDayPlace] = {
    var places: [[String]: SameDayPlace] = [:]
    func add(_ place: SameDayPlace, _ phrases: [String]) {
      for phrase in phrases { places[phrase.split(separator: " ").map(String.init)] = place }
    }
    add(
      .sameDay,
      [
        "today", "now", "same day", "that day", "this afternoon", "that afternoon", "that same day",
      ])
    add(
      .earlier,
      [
        "earlier in day", "earlier today", "earlier that day", "earlier same day",
        "earlier in same day", "earlier", "this morning", "that morning", "earlier this morning",
        "earlier that morning", "earlier in day today", "earlier in that day",
      ])
    add(
      .later,
      [
        "later in day", "later today", "later that day", "later same day", "later in same day",
        "later", "tonight", "this evening", "that evening", "that night", "later tonight",
        "later this evening", "later in that day", "later that evening",
      ])
    add(.dayBefore, ["yesterday", "day before", "previous day", "day earlier", "prior day"])
    add(.nightBefore, ["last night", "yesterday evening", "yesterday night"])
    add(.dayAfter, ["tomorrow", "day after", "next day", "following day", "day later"])
    return places
  }()

  // "today", "earlier in the day", "tonight", "yesterday", "the day after"
  func sameDay() -> ResolvedDate? {
    // Every phrase above has at most four words: skip hashing longer ones.
    guard words.count <= 4, let place = Context.sameDayPhrases[words] else { return nil }
    switch place {
    case .sameDay: return day(anchor, relative("same day as "))
    case .earlier: return day(anchor, relative("earlier on "), order: -1)
    case .later: return day(anchor, relative("later on "), order: 1)
    case .dayBefore: return day(anchor.adding(days: -1), relative("day before "))
    case .nightBefore:
      return day(anchor.adding(days: -1), relative("night before "), order: 1)
    case .dayAfter: return day(anchor.adding(days: 1), relative("day after "))
    }
  }

  // "the third anniversary of", "3rd anniversary", "three-year anniversary": N years before.
  func anniversary() throws(DateResolutionError) -> ResolvedDate? {
    guard let at = words.firstIndex(where: Context.isAnniversaryWord) else { return nil }
    var head = Array(words[..<at])
    if head.last == "year" { head.removeLast() }
    if head.first == "a" || head.first == "an" { head.removeFirst() }
    let years: Int
    if let (value, length) = Vocabulary.ordinal(in: head, at: 0), length == head.count {
      years = value
    } else if let (value, length) = Vocabulary.number(in: head, at: 0), length == head.count,
      value > 0
    {
      years = value
    } else {
      throw fail("an anniversary needs its number, as in 'the third anniversary of'")
    }
    guard years > 0 else { throw fail("an anniversary number must be 1 or more") }
    let suffix = Context.ordinalSuffix(years)
    return day(
      anchor.adding(years: -years),
      relative("\(years)\(suffix) anniversary: \(years) years before "))
  }

  /// The days from `first` to `last`; a single day when they are the same.
  static func range(_ first: CivilDay, _ last: CivilDay) -> EDTFDate {
    first == last ? .day(first) : .interval(from: first, to: last)
  }

  static func ordinalSuffix(_ n: Int) -> String {
    if (11...13).contains(n % 100) { return "th" }
    switch n % 10 {
    case 1: return "st"
    case 2: return "nd"
    case 3: return "rd"
    default: return "th"
    }
  }

  // "last week", "next month", "this year", "earlier this month", "next weekend"
  func period() -> ResolvedDate? {
    // A slice drops leading words without copying the array.
    var rest = words[...]
    var part = 0
    if rest.first == "earlier" || rest.first == "later" {
      part = rest.first == "earlier" ? -1 : 1
      rest.removeFirst()
    }
    // "in the next week" is a span of seven days (see span()), not next calendar week.
    if part != 0, rest.first == "in" { rest.removeFirst() }
    guard rest.count == 2, let first = rest.first, let second = rest.last else { return nil }
    let direction: Int
    switch first {
    case "last", "past", "previous", "prior": direction = -1
    case "next", "coming", "following": direction = 1
    case "this", "current": direction = 0
    default: return nil
    }
    if part != 0 && direction != 0 { return nil }
    let isWeekend = second == "weekend"
    switch second {
    case "week", "weekend", "month", "year": break
    default: return nil
    }
    let unit = TimeUnit(second) ?? .week
    let relation = direction < 0 ? "before" : direction > 0 ? "after" : "of"
    switch unit {
    case .day:
      return nil
    case .week:
      let weekStart = anchor.adding(days: 1 - anchor.weekday).adding(days: 7 * direction)
      var first = isWeekend ? weekStart.adding(days: 5) : weekStart
      var last = weekStart.adding(days: 6)
      if part < 0 { last = anchor }
      if part > 0 { first = anchor }
      let name = isWeekend ? "weekend" : "week"
      let explanation =
        part == 0
        ? relative(name, " ", relation, " ")
        : relative(part < 0 ? "earlier" : "later", " in the week of ")
      return date(Context.range(first, last), explanation)
    case .month:
      let month = anchor.adding(months: direction)
      if part != 0 {
        let first = CivilDay(year: anchor.year, month: anchor.month, day: 1)!
        let last = CivilDay(
          year: anchor.year, month: anchor.month,
          day: CivilDay.daysIn(month: anchor.month, year: anchor.year))!
        return date(
          part < 0 ? Context.range(first, anchor) : Context.range(anchor, last),
          relative(part < 0 ? "earlier" : "later", " in the month of "))
      }
      return date(
        .month(year: month.year, month: month.month), relative("month ", relation, " "))
    case .year:
      if part != 0 {
        let first = CivilDay(year: anchor.year, month: 1, day: 1)!
        let last = CivilDay(year: anchor.year, month: 12, day: 31)!
        return date(
          part < 0 ? Context.range(first, anchor) : Context.range(anchor, last),
          relative(part < 0 ? "earlier" : "later", " in the year of "))
      }
      return date(.year(anchor.year + direction), relative("year ", relation, " "))
    }
  }

  // "in the next two weeks", "within the next 10 days", "over the past three months"
  func span() -> ResolvedDate? {
    var index = 0
    var hasPreposition = false
    if index < words.count, Context.isSpanPreposition(words[index]) {
      hasPreposition = true
      index += 1
    }
    guard index < words.count else { return nil }
    let direction: Int
    switch words[index] {
    case "next", "coming", "following": direction = 1
    case "past", "last", "previous": direction = -1
    default:
      // "within two weeks", "within a week"
      guard words.first == "within" else { return nil }
      index -= 1
      direction = 1
    }
    index += 1
    var count = 1
    if let (value, length) = Vocabulary.number(in: words, at: index) {
      count = value
      index += length
    } else if !hasPreposition || words.last?.hasSuffix("s") == true {
      return nil  // "next week" is a period; "within weeks" is vague
    }
    guard index == words.count - 1, let unit = TimeUnit(words[index]), count > 0 else {
      return nil
    }
    let other = unit.add(direction * count, to: anchor)
    if direction > 0 {
      return date(
        Context.range(anchor, other), relative(unit.count(count), " from "))
    }
    return date(Context.range(other, anchor), relative(unit.count(count), " up to "))
  }

  // "within weeks", "in the coming days", "within months": approximate future.
  func vague() -> ResolvedDate? {
    var rest = words[...]
    guard let first = rest.first,
      first == "within" || first == "in" || first == "over" || first == "coming"
    else {
      return nil
    }
    if first != "coming" { rest.removeFirst() }
    while let head = rest.first, Context.isVagueFiller(head) {
      rest.removeFirst()
    }
    guard rest.count == 1, let unit = rest.first, unit.hasSuffix("s") || unit == "hours" else {
      return nil
    }
    switch unit {
    case "hours":
      return day(anchor, relative("within hours of "), order: 1, approximate: true)
    case "days":
      return day(anchor.adding(days: 3), relative("about 3 days after "), approximate: true)
    case "weeks":
      let target = anchor.adding(days: 21)
      return date(
        .month(year: target.year, month: target.month, qualifier: .approximate),
        relative("about 3 weeks after "))
    case "months":
      let target = anchor.adding(months: 3)
      return date(
        .month(year: target.year, month: target.month, qualifier: .approximate),
        relative("about 3 months after "))
    case "years":
      return date(
        .year(anchor.year + 2, qualifier: .approximate), relative("a few years after "))
    default:
      return nil
    }
  }

  // "in two weeks", "three years ago", "two days later", "a week earlier", "10 days from now"
  func offset() -> ResolvedDate? {
    var index = 0
    let leadingIn = words.first == "in"
    if leadingIn { index = 1 }
    guard let (count, length) = Vocabulary.number(in: words, at: index) else { return nil }
    index += length
    guard index < words.count, let unit = TimeUnit(words[index]) else { return nil }
    index += 1
    let tail = words[index...].joined(separator: " ")
    let direction: Int
    switch (leadingIn, tail) {
    case (true, ""), (false, "from now"), (false, "from today"), (false, "later"),
      (false, "after"), (false, "afterwards"), (false, "afterward"), (false, "after that"),
      (false, "hence"):
      direction = 1
    case (false, "ago"), (false, "earlier"), (false, "before"), (false, "prior"),
      (false, "previously"), (false, "before that"):
      direction = -1
    default:
      return nil
    }
    let target = unit.add(direction * count, to: anchor)
    let approximate = unit == .month || unit == .year
    let relation = direction > 0 ? "after" : "before"
    return day(
      target, relative(unit.count(count), " ", relation, " "), approximate: approximate)
  }

  // "Thursday", "next Thursday", "last Thursday", "later Monday", "Thursday morning"
  func weekday() throws(DateResolutionError) -> ResolvedDate? {
    var rest = words[...]
    var modifier: String?
    var order = 0
    if let head = rest.first, Context.isWeekdayModifier(head) {
      modifier = head
      rest.removeFirst()
      if head == "later" { order = 1 }
      if head == "earlier" { order = -1 }
      if head == "earlier" || head == "later", rest.first == "this" || rest.first == "that" {
        rest.removeFirst()
      }
    }
    guard let name = rest.first, let weekday = Vocabulary.weekdays[name] else { return nil }
    rest.removeFirst()
    if let part = rest.first, rest.count == 1 {
      switch part {
      case "morning": order = -1
      case "afternoon": order = 0
      case "evening", "night": order = 1
      default: return nil
      }
      rest.removeFirst()
    }
    guard rest.isEmpty else { return nil }
    let forward = (weekday - anchor.weekday + 7) % 7
    let backward = (anchor.weekday - weekday + 7) % 7
    let dayName = CivilDay.weekdayNames[weekday - 1]
    let target: CivilDay
    let relation: String
    switch modifier {
    case "next", "coming", "following":
      target = anchor.adding(days: forward == 0 ? 7 : forward)
      relation = "after"
    case "last", "past", "previous":
      target = anchor.adding(days: -(backward == 0 ? 7 : backward))
      relation = "before"
    default:
      if forward == 0 {
        return day(anchor, relative(dayName, ", same day as "), order: order)
      }
      let goesForward: Bool
      switch tense {
      case .future, .present: goesForward = true
      case .past: goesForward = false
      case nil: goesForward = forward <= backward
      }
      target = goesForward ? anchor.adding(days: forward) : anchor.adding(days: -backward)
      relation = goesForward ? "after" : "before"
    }
    return day(target, relative(dayName, " ", relation, " "), order: order)
  }

  // "February 27", "Feb. 27, 2025", "27 February", "the 27th of February", "March 2025",
  // "in March", "early March", "2024", optionally led by a weekday that must agree.
  func explicit() throws(DateResolutionError) -> ResolvedDate? {
    var rest = words[...]
    // A clock time adds nothing at day precision: "February 24, 2025 at 16:19 PM ET".
    if let at = rest.firstIndex(of: "at"), at > 0, at + 1 < rest.count, Int(rest[at + 1]) != nil {
      rest = rest[..<at]
    }
    var statedWeekday: Int?
    if let head = rest.first, let weekday = Vocabulary.weekdays[head], rest.count > 1 {
      statedWeekday = weekday
      rest.removeFirst()
    }
    if rest.first == "in" || rest.first == "of" { rest.removeFirst() }
    var approximate = false
    if let head = rest.first, Context.isApproximation(head) {
      approximate = true
      rest.removeFirst()
    }
    var month: Int?
    var dayOfMonth: Int?
    var year: Int?
    for word in rest {
      if month == nil, let value = Vocabulary.months[word] {
        month = value
      } else if year == nil, let value = Vocabulary.year(word) {
        year = value
      } else if dayOfMonth == nil, let value = Vocabulary.dayOfMonth(word) {
        dayOfMonth = value
      } else if word == "of" && month == nil && dayOfMonth != nil {
        // "27th of February"
      } else {
        return nil
      }
    }
    if month == nil && dayOfMonth == nil, let year {
      guard statedWeekday == nil else { return nil }
      return date(.year(year, qualifier: approximate ? .approximate : []), .text("as stated"))
    }
    guard let month else { return nil }
    let monthName = CivilDay.monthNames[month - 1]
    guard let dayOfMonth else {
      guard statedWeekday == nil else { return nil }
      let qualifier: EDTFDate.Qualifier = approximate ? .approximate : []
      if let year {
        return date(.month(year: year, month: month, qualifier: qualifier), .text("as stated"))
      }
      let candidates = (anchor.year - 1...anchor.year + 1).map {
        EDTFDate.month(year: $0, month: month, qualifier: qualifier)
      }
      let (chosen, relation) = pick(
        candidates, first: { $0.earliestDay }, last: { $0.latestDay })
      return date(chosen, relative(monthName, " ", relation, " "))
    }
    let text = "\(monthName) \(dayOfMonth)"
    let chosen: CivilDay
    var explanation = Explanation.text("as stated")
    if let year {
      guard let day = CivilDay(year: year, month: month, day: dayOfMonth) else {
        throw fail("\(text), \(year) does not exist")
      }
      chosen = day
    } else {
      var candidates = (anchor.year - 1...anchor.year + 1).compactMap {
        CivilDay(year: $0, month: month, day: dayOfMonth)
      }
      guard !candidates.isEmpty else { throw fail("\(text) does not exist") }
      // "Saturday, April 25": the year in which that day is a Saturday, when one is.
      if let statedWeekday {
        let agreeing = candidates.filter { $0.weekday == statedWeekday }
        if !agreeing.isEmpty { candidates = agreeing }
      }
      let (day, relation) = pick(candidates, first: { $0 }, last: { $0 })
      chosen = day
      explanation = relative(text, " ", relation, " ")
    }
    if let statedWeekday, statedWeekday != chosen.weekday {
      throw fail(
        "\(chosen) is a \(chosen.weekdayName), not a \(CivilDay.weekdayNames[statedWeekday - 1])")
    }
    return day(chosen, explanation, approximate: approximate)
  }

  // Word tests as switches: no array built per call.

  /// "anniversary" or "anniversaries"; other lengths are rejected without comparing.
  static func isAnniversaryWord(_ word: String) -> Bool {
    switch word.utf8.count {
    case 11: word == "anniversary"
    case 13: word == "anniversaries"
    default: false
    }
  }

  static func isSpanPreposition(_ word: String) -> Bool {
    switch word {
    case "in", "within", "over", "during", "for": true
    default: false
    }
  }

  static func isVagueFiller(_ word: String) -> Bool {
    switch word {
    case "a", "matter", "of", "few", "coming", "next", "several": true
    default: false
    }
  }

  static func isWeekdayModifier(_ word: String) -> Bool {
    switch word {
    case "next", "last", "this", "coming", "past", "previous", "following", "earlier", "later":
      true
    default: false
    }
  }

  static func isApproximation(_ word: String) -> Bool {
    switch word {
    case "early", "mid", "late", "around", "about", "circa": true
    default: false
    }
  }

  /// Picks the candidate that suits the tense: the first not before the anchor (future), the last
  /// not after it (past), or the nearest (present or unknown; a tie goes forward).
  func pick<T>(_ candidates: [T], first: (T) -> CivilDay, last: (T) -> CivilDay) -> (T, String) {
    func distance(_ candidate: T) -> Int {
      if last(candidate) < anchor { return anchor.dayNumber - last(candidate).dayNumber }
      if first(candidate) > anchor { return first(candidate).dayNumber - anchor.dayNumber }
      return 0
    }
    switch tense {
    case .future:
      if let found = candidates.first(where: { last($0) >= anchor }) { return (found, "after") }
    case .past:
      if let found = candidates.last(where: { first($0) <= anchor }) { return (found, "before") }
    case .present, nil:
      break
    }
    let nearest = candidates.min { distance($0) < distance($1) }!
    let relation =
      last(nearest) < anchor ? "before" : first(nearest) > anchor ? "after" : "around"
    return (nearest, relation)
  }
}
