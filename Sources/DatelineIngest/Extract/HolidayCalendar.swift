import DatelineModel

/// Holidays by name ("Thanksgiving", "Christmas Eve", "the Fourth of July"), which the model's
/// `DateResolver` does not know. Resolved here, to the occurrence the tense points at.
enum HolidayCalendar {
  enum Rule {
    case fixed(month: Int, day: Int)
    /// The nth (1-based; -1 = last) weekday (1 = Monday) of a month.
    case nthWeekday(month: Int, weekday: Int, nth: Int)
    /// The first weekday (1 = Monday) on or after a day of a month.
    case weekdayFrom(month: Int, day: Int, weekday: Int)
  }

  /// Names as lowercase word sequences.
  static let holidays: [(words: [String], name: String, rule: Rule)] = [
    (["new", "year's", "eve"], "New Year's Eve", .fixed(month: 12, day: 31)),
    (["new", "year's", "day"], "New Year's Day", .fixed(month: 1, day: 1)),
    (["christmas", "eve"], "Christmas Eve", .fixed(month: 12, day: 24)),
    (["christmas", "day"], "Christmas Day", .fixed(month: 12, day: 25)),
    (["christmas"], "Christmas", .fixed(month: 12, day: 25)),
    (["thanksgiving", "day"], "Thanksgiving", .nthWeekday(month: 11, weekday: 4, nth: 4)),
    (["thanksgiving"], "Thanksgiving", .nthWeekday(month: 11, weekday: 4, nth: 4)),
    (["halloween"], "Halloween", .fixed(month: 10, day: 31)),
    (["valentine's", "day"], "Valentine's Day", .fixed(month: 2, day: 14)),
    (["independence", "day"], "Independence Day", .fixed(month: 7, day: 4)),
    (["fourth", "of", "july"], "the Fourth of July", .fixed(month: 7, day: 4)),
    (["labor", "day"], "Labor Day", .nthWeekday(month: 9, weekday: 1, nth: 1)),
    (["memorial", "day"], "Memorial Day", .nthWeekday(month: 5, weekday: 1, nth: -1)),
    (["veterans", "day"], "Veterans Day", .fixed(month: 11, day: 11)),
    // The Tuesday after the first Monday of November.
    (["election", "day"], "Election Day", .weekdayFrom(month: 11, day: 2, weekday: 2)),
  ]
  static let firstWords: Set<String> = Set(holidays.map { $0.words[0] })
  /// Asked of every capitalized word: rejects nearly all of them without hashing.
  static let firstWordShapes = WordShapeFilter(firstWords)

  /// The number of tokens of a holiday name at `index`, and the holiday.
  static func match(_ tokens: UnsafeBufferPointer<Token>, at index: Int) -> (Int, Int)? {
    guard tokens[index].isCapitalized, firstWordShapes.mayContain(tokens[index].lower),
      firstWords.contains(tokens[index].lower)
    else { return nil }
    for (number, holiday) in holidays.enumerated() {
      var matches = true
      for (offset, word) in holiday.words.enumerated() {
        let position = index + offset
        guard position < tokens.count, tokens[position].lower == word,
          tokens[position].paragraph == tokens[index].paragraph
        else {
          matches = false
          break
        }
      }
      if matches { return (holiday.words.count, number) }
    }
    return nil
  }

  static func day(_ rule: Rule, year: Int) -> CivilDay? {
    switch rule {
    case .fixed(let month, let day):
      return CivilDay(year: year, month: month, day: day)
    case .weekdayFrom(let month, let day, let weekday):
      guard let first = CivilDay(year: year, month: month, day: day) else { return nil }
      return first.adding(days: (weekday - first.weekday + 7) % 7)
    case .nthWeekday(let month, let weekday, let nth):
      if nth > 0 {
        guard let first = CivilDay(year: year, month: month, day: 1) else { return nil }
        return first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (nth - 1))
      }
      guard
        let last = CivilDay(
          year: year, month: month, day: CivilDay.daysIn(month: month, year: year))
      else { return nil }
      return last.adding(days: -((last.weekday - weekday + 7) % 7))
    }
  }

  /// The occurrence after the anchor for future and present tense, before it for past, else
  /// the nearest.
  static func resolve(_ holiday: Int, stated: String, tense: Tense?, anchor: CivilDay)
    -> ResolvedDate?
  {
    let entry = holidays[holiday]
    let candidates = (anchor.year - 1...anchor.year + 1).compactMap { day(entry.rule, year: $0) }
    let chosen: CivilDay?
    switch tense {
    case .future, .present: chosen = candidates.first { $0 >= anchor }
    case .past: chosen = candidates.last { $0 <= anchor }
    case nil:
      chosen = candidates.min {
        abs($0.dayNumber - anchor.dayNumber) < abs($1.dayNumber - anchor.dayNumber)
      }
    }
    guard let chosen else { return nil }
    let relation = chosen > anchor ? "after" : chosen < anchor ? "before" : "on"
    return ResolvedDate(
      value: .day(chosen), stated: stated,
      explanation: "\(entry.name) \(relation) \(anchor.labeled)")
  }
}
