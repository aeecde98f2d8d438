import DatelineModel

/// A temporal expression found in the text, with the tense of its verb and its resolved date.
public struct TemporalExpression: Sendable, Equatable {
  /// Scalar range in the file.
  public var range: Range<Int>
  public var text: String
  public var firstToken: Int
  public var lastToken: Int
  public var tense: Tense?
  /// The resolved date, nil when the expression cannot be pinned down ("in recent years").
  public var resolved: ResolvedDate?
  /// "the third anniversary of X": the date is X's, the sentence happens on the anniversary.
  public var isAnniversary = false
  /// Resolved by ingest itself (a holiday), not by the model: data must carry the EDTF value.
  public var isResolvedLocally = false
  /// "last June": a direction word fixed the tense, so the nearest-year rule stays away.
  var hasDirection = false
}

/// Finds temporal expressions by walking tokens once; each match is handed to the model's
/// `DateResolver` with the tense of the nearest verb.
enum TemporalTagger {
  static let partsOfDay: Set<String> = ["morning", "afternoon", "evening", "night"]
  static let spanPrepositions: Set<String> = ["in", "within", "over", "during", "for"]
  static let directionWords: Set<String> = [
    "next", "coming", "past", "last", "previous", "following",
  ]
  static let vagueQuantifiers: Set<String> = ["a", "few", "several", "matter", "of"]
  static let vagueFillers: Set<String> = ["a", "few", "several", "matter", "of", "couple"]
  static let offsetTails: Set<String> = ["ago", "earlier", "later", "before"]
  static let monthQualifiers: Set<String> = ["early", "mid", "late", "mid-"]
  static let monthModifiers: Set<String> = ["last", "next", "this"]
  static let fullMonthNames: Set<String> = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  ]
  static let determiners: Set<String> = ["the", "a", "an", "this", "that", "these", "those"]
  static let deadlineWords: Set<String> = ["by", "until", "till", "before"]
  static let notVerbsAfterTo: Set<String> = [
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
    "these", "those", "be", "have", "date", "one", "all", "some", "any", "which", "whom",
  ]
  static let intentVerbs: Set<String> = [
    "plans", "planned", "scheduled", "expected", "due", "set", "slated", "intends", "aims",
  ]
  static let monthCueWords: Set<String> = [
    "in", "since", "by", "until", "of", "from", "during", "through", "before", "after", "early",
    "late", "mid", "last", "next", "this", "till", "between", "and", "for",
  ]
  static let sameDayPhrases: [[String]] = [
    ["earlier", "in", "the", "day"], ["later", "in", "the", "day"], ["earlier", "that", "day"],
    ["later", "that", "day"], ["earlier", "today"], ["later", "today"], ["the", "day", "before"],
    ["the", "next", "day"], ["the", "following", "day"], ["the", "previous", "day"],
    ["a", "day", "earlier"], ["a", "day", "later"], ["this", "morning"], ["this", "afternoon"],
    ["this", "evening"], ["last", "night"], ["earlier", "this", "morning"], ["that", "day"],
    ["today"], ["tonight"], ["yesterday"], ["tomorrow"],
  ]
  static let sameDayByFirstWord: [String: [[String]]] = Dictionary(
    grouping: sameDayPhrases, by: { $0[0] })
  static let afterArticle: Set<String> = [
    "day", "next", "following", "previous", "week", "weekend", "month", "year", "morning",
    "afternoon", "evening", "couple", "few", "days", "weeks", "months", "years", "past",
    "coming", "same", "decade",
  ]
  static let afterSpanPreposition: Set<String> = [
    "the", "a", "an", "few", "several", "coming", "next", "past", "recent", "matter", "one",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "days", "weeks", "months", "years", "hours", "last",
    "previous", "following", "couple",
  ]
  static let periodWords: Set<String> = ["week", "weekend", "month", "year"]
  static let unitWords: Set<String> = [
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hours",
  ]
  static let yearPrepositions: Set<String> = [
    "in", "since", "by", "until", "of", "from", "during", "through", "before", "after", "early",
    "late", "mid", "the", "and", "to", "till", "between", "around", "circa", "spring", "summer",
    "autumn", "fall", "winter", "fiscal",
  ]

  static func find(in article: Article, anchor: CivilDay?) -> [TemporalExpression] {
    // The rules read tokens through a buffer pointer: a field is loaded in place, where the
    // array subscript often copied the whole token (retaining its text) first.
    article.tokens.withUnsafeBufferPointer { find(in: article, tokens: $0, anchor: anchor) }
  }

  private static func find(
    in article: Article, tokens: UnsafeBufferPointer<Token>, anchor: CivilDay?
  ) -> [TemporalExpression] {
    var found: [TemporalExpression] = []
    // An article repeats few expressions: a short list scanned from the end costs less than
    // hashing every expression into a dictionary.
    var resolutions: [(key: CacheKey, resolved: ResolvedDate?, isLocal: Bool)] = []
    // One allocation each instead of growing from empty: most articles have a few dates.
    found.reserveCapacity(16)
    resolutions.reserveCapacity(16)
    var index = 0
    var noted = 0
    var reference: (year: Int, month: Int?, paragraph: Int)? = nil
    while index < tokens.count {
      // Holiday names are capitalized: test that here, before a call per token.
      if tokens[index].isCapitalized, !tokens[index].isCredit,
        let (length, holiday) = HolidayCalendar.match(tokens, at: index)
      {
        let last = index + length - 1
        let range = tokens[index].start..<tokens[last].end
        let text = article.text(range)
        let tense = tense(of: tokens, around: index...last)
        var expression = TemporalExpression(
          range: range, text: text, firstToken: index, lastToken: last, tense: tense,
          resolved: nil, isResolvedLocally: true)
        if let anchor {
          expression.resolved = HolidayCalendar.resolve(
            holiday, stated: text, tense: tense, anchor: anchor)
        }
        found.append(expression)
        index = last + 1
        continue
      }
      // The last expression found that names a year or a month, for "the following year".
      if found.count > noted {
        noted = found.count
        if let year = statedYear(found[noted - 1], tokens) {
          reference = (year.year, year.month, tokens[found[noted - 1].firstToken].paragraph)
        }
      }
      // Expressions that ingest resolves itself; each appends with `local`.
      func local(_ first: Int, _ last: Int, _ value: (CivilDay) -> (EDTFDate, String)) {
        let range = tokens[first].start..<tokens[last].end
        let text = article.text(range)
        var expression = TemporalExpression(
          range: range, text: text, firstToken: first, lastToken: last,
          tense: tense(of: tokens, around: first...last), resolved: nil, isResolvedLocally: true)
        if let anchor {
          let (date, why) = value(anchor)
          expression.resolved = ResolvedDate(value: date, stated: text, explanation: why)
        }
        found.append(expression)
        index = last + 1
      }
      // "this fiscal year", "year-end": the publication year; "year-earlier": the one before.
      // Only words that start an expression, or start with a "y", can begin one of these.
      if tokens[index].kind == .word, !tokens[index].isCredit,
        tokens[index].classes.contains(.dateStart) || article.scalars[tokens[index].start] == "y"
          || article.scalars[tokens[index].start] == "Y",
        let (length, shift) = yearOfPublication(tokens, at: index)
      {
        local(index, index + length - 1) {
          (
            .year($0.year + shift),
            shift == 0 ? "the year of \($0.labeled)" : "the year before \($0.labeled)"
          )
        }
        continue
      }
      if tokens[index].classes.contains(.dateStart), !tokens[index].isCredit {
        // "nineteen ninety-six", "January nineteen ninety-seven": a year said in words.
        var yearAt = index
        var month: Int? = nil
        if tokens[index].classes.contains(.month), tokens[index].isCapitalized {
          month = Lexicon.months[tokens[index].lower]
          yearAt += 1
        }
        if yearAt < tokens.count, tokens[yearAt].paragraph == tokens[index].paragraph,
          let (length, year) = spokenYear(tokens, at: yearAt)
        {
          local(index, yearAt + length - 1) { _ in
            (month.map { .month(year: year, month: $0) } ?? .year(year), "as stated")
          }
          continue
        }
        // "the following year", "that month": counted from the year or month the paragraph
        // (or the one before) last named, when it named one.
        if let reference, reference.paragraph + 1 >= tokens[index].paragraph,
          let (length, isMonth, shift) = referencedPeriod(tokens, at: index),
          !isMonth || reference.month != nil
        {
          local(index, index + length - 1) { _ in
            if isMonth, let month = reference.month,
              let day = CivilDay(year: reference.year, month: month, day: 1)
            {
              let shifted = day.adding(months: shift)
              return (
                .month(year: shifted.year, month: shifted.month),
                "counted from \(CivilDay.monthNames[month - 1]) \(reference.year)"
              )
            }
            return (.year(reference.year + shift), "counted from \(reference.year)")
          }
          continue
        }
      }
      // A wire dateline ("NAIROBI, August 7 (Xinhua) --") is a credit, but its date is a date.
      guard !tokens[index].isCredit || isDatelineDate(tokens, at: index),
        mayStartExpression(tokens, at: index, in: article),
        let (length, tenseHint, isAnniversary) = match(tokens, at: index)
      else {
        index += 1
        continue
      }
      let last = index + length - 1
      guard last < tokens.count, tokens[last].paragraph == tokens[index].paragraph else {
        index += 1
        continue
      }
      // "to mark the fifth anniversary", "on the third anniversary": the day of the sentence is
      // the anniversary. Not "its 50th anniversary next month", "a week after the anniversary",
      // "as the anniversary nears": the date of what it marks is not counted from this day.
      if isAnniversary, !anniversaryIsToday(tokens, at: index) {
        index = last + 1
        continue
      }
      // "last June", "next March": the direction word settles the tense of a month name.
      var first = index
      var directionTense: Tense? = nil
      if length == 1, index > 0, tokens[index].classes.contains(.month),
        tokens[index - 1].paragraph == tokens[index].paragraph
      {
        switch tokens[index - 1].lower {
        case "last", "past", "previous": directionTense = .past
        case "next", "coming": directionTense = .future
        default: break
        }
        if directionTense != nil { first = index - 1 }
      }
      // "this September": the month of the publication year.
      if length == 1, directionTense == nil, index > 0, tokens[index].classes.contains(.month),
        tokens[index].isCapitalized, tokens[index - 1].lower == "this",
        tokens[index - 1].paragraph == tokens[index].paragraph,
        let month = Lexicon.months[tokens[index].lower]
      {
        local(index - 1, index) {
          (.month(year: $0.year, month: month), "this year of \($0.labeled)")
        }
        continue
      }
      // "June last year", "February this year": the month of that year.
      if length == 1, directionTense == nil, tokens[index].classes.contains(.month),
        tokens[index].isCapitalized, let month = Lexicon.months[tokens[index].lower],
        last + 2 < tokens.count, tokens[last + 2].paragraph == tokens[index].paragraph,
        word(tokens, last + 2) == "year"
      {
        let shift: Int? =
          switch word(tokens, last + 1) {
          case "last": -1
          case "this": 0
          case "next": 1
          default: nil
          }
        if let shift {
          let end = last + 2
          let range = tokens[index].start..<tokens[end].end
          let text = article.text(range)
          var expression = TemporalExpression(
            range: range, text: text, firstToken: index, lastToken: end,
            tense: tense(of: tokens, around: index...end), resolved: nil,
            isResolvedLocally: true)
          if let anchor {
            expression.resolved = ResolvedDate(
              value: .month(year: anchor.year + shift, month: month), stated: text,
              explanation: "\(tokens[index + 1].lower) year of \(anchor.labeled)")
          }
          found.append(expression)
          index = end + 1
          continue
        }
      }
      let range = tokens[first].start..<tokens[last].end
      var expression = TemporalExpression(
        range: range, text: article.text(range), firstToken: first, lastToken: last,
        tense: directionTense ?? tenseHint ?? tense(of: tokens, around: index...last),
        resolved: nil, isAnniversary: isAnniversary)
      expression.hasDirection = directionTense != nil
      // "planned a demonstration on Saturday", "were planning to drive ... on Monday": the
      // planned thing is still to come.
      if expression.tense == .past, directionTense == nil, tenseHint == nil,
        tokens[last].classes.contains(.fullWeekday) || tokens[index].classes.contains(.fullWeekday),
        isPlannedFor(tokens, first)
      {
        expression.tense = .future
      }
      // "follows Tuesday's declaration": a weekday's possessive names a day gone by, unless
      // the verb looks ahead ("will vote at Tuesday's meeting").
      if expression.tense != .future, first == last, last + 1 < tokens.count,
        tokens[last + 1].lower == "'s", tokens[last].classes.contains(.fullWeekday)
      {
        expression.tense = .past
      }
      // "the third time in six months": with a past verb, "in N months" is a duration.
      if expression.tense == .past, tokens[index].lower == "in",
        index + 1 < tokens.count,
        tokens[index + 1].kind == .number || numberWords.contains(tokens[index + 1].lower)
      {
        index = last + 1
        continue
      }
      if let anchor {
        // The same words with the same tense resolve the same way: resolve them once.
        let key = CacheKey(
          text: expression.text, tense: expression.tense,
          isAnniversary: expression.isAnniversary, hasDirection: expression.hasDirection)
        if let cached = resolutions.suffix(64).last(where: { $0.key == key }) {
          expression.resolved = cached.resolved
          expression.isResolvedLocally = cached.isLocal
        } else {
          let (resolved, isLocal) = resolve(expression, anchor: anchor)
          expression.resolved = resolved
          expression.isResolvedLocally = isLocal
          resolutions.append((key, resolved, isLocal))
        }
      }
      found.append(expression)
      index = last + 1
    }
    return found
  }

  /// A capitalized month name right before a number: a date, even inside a credit.
  static func isDatelineDate(_ tokens: UnsafeBufferPointer<Token>, at index: Int) -> Bool {
    tokens[index].isCapitalized && tokens[index].classes.contains(.month)
      && index + 1 < tokens.count && tokens[index + 1].kind == .number
  }

  /// Words right before an anniversary that put it on the day of the sentence.
  static let anniversaryLeads: Set<String> = [
    "on", "mark", "marks", "marked", "marking", "celebrate", "celebrates", "celebrated",
    "celebrating", "commemorate", "commemorates", "commemorated", "commemorating", "observe",
    "observes", "observed", "observing", "is", "was", ",",
  ]

  static func anniversaryIsToday(_ tokens: UnsafeBufferPointer<Token>, at index: Int) -> Bool {
    guard index > 0, tokens[index - 1].sentence == tokens[index].sentence else { return false }
    return anniversaryLeads.contains(tokens[index - 1].lower)
  }

  /// Everything `resolve(_:anchor:)` reads, so a cached answer is the answer.
  struct CacheKey: Equatable {
    var text: String
    var tense: Tense?
    var isAnniversary: Bool
    var hasDirection = false
  }

  /// The date of an expression, and whether ingest settled it itself (the model's
  /// `DateResolver` would read the same words differently, so data must carry the value).
  static func resolve(_ expression: TemporalExpression, anchor: CivilDay) -> (
    resolved: ResolvedDate?, isLocal: Bool
  ) {
    guard let (resolved, isLocal) = resolveChecked(expression, anchor: anchor) else {
      return (nil, false)
    }
    return (resolved, isLocal)
  }

  private static func resolveChecked(_ expression: TemporalExpression, anchor: CivilDay) -> (
    ResolvedDate, Bool
  )? {
    var phrase = expression.text
    if expression.isAnniversary { phrase = String(phrase.map { $0 == "’" ? "'" : $0 }) }
    // "last June": the resolver reads the month with the tense the direction word gave.
    if expression.hasDirection, let space = phrase.firstIndex(of: " ") {
      phrase = String(phrase[phrase.index(after: space)...])
    }
    let words = spaceSeparated(phrase.lowercased())
    if let calendar = calendarPeriod(words, anchor: anchor) {
      return (ResolvedDate(value: calendar.value, stated: phrase, explanation: calendar.why), true)
    }
    // "a decade ago": the calendar year ten years back.
    if words.count == 3, words[1] == "decade" || words[1] == "decades", words[2] == "ago",
      let count = Int(words[0]) ?? spokenCounts[String(words[0])]
    {
      return (
        ResolvedDate(
          value: .year(anchor.year - 10 * count), stated: phrase,
          explanation: "\(10 * count) years before \(anchor.labeled)"), true
      )
    }
    guard var resolved = try? DateResolver.resolve(phrase, tense: expression.tense, anchor: anchor)
    else { return nil }
    let modelValue = resolved.value
    // "four years ago", "two years later": the calendar year, not a day counted back;
    // "three months ago": the month.
    if words.count >= 3, ["ago", "earlier", "later", "before"].contains(words[words.count - 1]),
      case .single(let point) = resolved.value.form, point.day != nil, let month = point.month
    {
      let unit = words[words.count - 2]
      if unit == "years" || unit == "year" {
        resolved.value = .year(point.year)
      } else if unit == "months" || unit == "month" {
        resolved.value = .month(year: point.year, month: month)
      }
    }
    // "Jan. 14" or "January" without a year, put by the tense more than half a year away when
    // the same day in the year next to it is nearer: news means the nearer one (the tense of a
    // sentence about a coming deadline is often past: "the offer expired Nov. 21").
    if !expression.isAnniversary, case .single(let point) = resolved.value.form,
      let month = point.month, point.day == nil || point.qualifier.isEmpty,
      !hasNumeral(phrase)
        || (point.day != nil && !hasYearNumber(phrase))
    {
      let first = point.firstDay
      let distance = first.dayNumber - anchor.dayNumber
      if abs(distance) > 183 && !expression.hasDirection {
        let year = point.year + (distance > 0 ? -1 : 1)
        if let day = point.day {
          if let other = CivilDay(year: year, month: month, day: day),
            abs(other.dayNumber - anchor.dayNumber) <= 92
          {
            resolved.value = .day(other)
          }
        } else if let other = CivilDay(year: year, month: month, day: 15),
          abs(other.dayNumber - anchor.dayNumber) <= 92
        {
          resolved.value = .month(year: year, month: month, qualifier: point.qualifier)
        }
      }
    }
    // Local when the model would read the written words otherwise: a value changed here, or
    // words changed before the model read them ("Last June" was read as "June"), which a
    // dataset's stated date cannot carry.
    return (resolved, resolved.value != modelValue || phrase != expression.text)
  }

  /// A month or year named relative to the publication day, as a calendar month or year rather
  /// than a span of days: "earlier this month" and "later in the year" (the part of the month or
  /// year is kept in the words), "over the past year" and "for next month" (the calendar year or
  /// month before or after; "in the next two weeks", with a count, stays a span).
  static func calendarPeriod(_ words: [Substring], anchor: CivilDay) -> (
    value: EDTFDate, why: String
  )? {
    guard words.count >= 2, words.count <= 4, let unit = words.last,
      unit == "month" || unit == "year"
    else { return nil }
    let head = words[0]
    var shift: Int
    if head == "earlier" || head == "later" {
      let middle = words[1..<(words.count - 1)]
      guard middle == ["this"] || middle == ["in", "the"] else { return nil }
      shift = 0
    } else if ["in", "over", "for", "during"].contains(head) {
      var position = 1
      if words[position] == "the" { position += 1 }
      guard position == words.count - 2 else { return nil }
      switch words[position] {
      case "past", "last", "previous": shift = -1
      case "next", "coming": shift = 1
      default: return nil
      }
    } else {
      return nil
    }
    if unit == "year" {
      return (
        .year(anchor.year + shift),
        "year \(shift < 0 ? "before" : shift > 0 ? "after" : "of") \(anchor.labeled)"
      )
    }
    let month = anchor.adding(months: shift)
    return (
      .month(year: month.year, month: month.month),
      "month \(shift < 0 ? "before" : shift > 0 ? "after" : "of") \(anchor.labeled)"
    )
  }

  /// The phrase has a four-digit number: a year was given.
  /// `text.split(separator: " ")`; plain ASCII (a byte is a character) is split by its bytes,
  /// much cheaper than walking Characters.
  static func spaceSeparated(_ text: String) -> [Substring] {
    guard text.isPlainASCII else { return text.split(separator: " ") }
    return text.utf8.split(separator: UInt8(ascii: " ")).map { Substring($0) }
  }

  /// Whether a scalar of the text has a numeric value ("3", "½", "٣"); ASCII scalars are read by
  /// their value (only the ten digits have one), others through their properties.
  static func hasNumeral(_ text: String) -> Bool {
    text.unicodeScalars.contains {
      $0.value < 0x80 ? $0.value >= 0x30 && $0.value <= 0x39 : $0.properties.numericType != nil
    }
  }

  static func hasYearNumber(_ phrase: String) -> Bool {
    var run = 0
    for scalar in phrase.unicodeScalars {
      if ("0"..."9").contains(scalar) {
        run += 1
        if run == 4 { return true }
      } else {
        run = 0
      }
    }
    return false
  }

  @inline(__always)
  static func word(_ tokens: UnsafeBufferPointer<Token>, _ index: Int) -> String {
    index < tokens.count ? token(tokens, index).pointee.lower : ""
  }

  /// The token at `index`, to read fields in place: through the buffer's subscript the compiler
  /// often copied the whole token (retaining its text) before reading one field.
  @inline(__always)
  static func token(_ tokens: UnsafeBufferPointer<Token>, _ index: Int) -> UnsafePointer<Token> {
    tokens.baseAddress.unsafelyUnwrapped + index
  }

  /// Words an expression can start with; every other word is skipped at once.
  static let startWords: Set<String> = {
    var words: Set<String> = [
      "earlier", "later", "last", "next", "this", "coming", "past", "previous", "following",
      "in", "within", "over", "during", "for", "early", "mid", "late", "the", "a", "that",
      "today", "tonight", "yesterday", "tomorrow", "nineteen",
    ]
    words.formUnion(Lexicon.fullWeekdays)
    words.formUnion(Lexicon.months.keys)
    words.formUnion(numberWords)
    words.formUnion(ordinalWords)
    return words
  }()

  /// The word lists above that a word is in, so that one lookup answers every list test.
  struct Role: OptionSet, Sendable {
    let rawValue: UInt32

    /// "the", "a", "that", "this": start an expression only before a few words.
    static let article = Role(rawValue: 1 << 0)
    static let spanPreposition = Role(rawValue: 1 << 1)
    /// "last", "next", "earlier", ...: may lead a weekday or a period.
    static let dayModifier = Role(rawValue: 1 << 2)
    static let sameDayStart = Role(rawValue: 1 << 3)
    static let partOfDay = Role(rawValue: 1 << 4)
    static let direction = Role(rawValue: 1 << 5)
    static let vagueQuantifier = Role(rawValue: 1 << 6)
    static let vagueFiller = Role(rawValue: 1 << 7)
    static let offsetTail = Role(rawValue: 1 << 8)
    static let monthQualifier = Role(rawValue: 1 << 9)
    static let monthModifier = Role(rawValue: 1 << 10)
    static let afterArticle = Role(rawValue: 1 << 11)
    static let afterSpanPreposition = Role(rawValue: 1 << 12)
    static let period = Role(rawValue: 1 << 13)
    static let unit = Role(rawValue: 1 << 14)
    static let numberWord = Role(rawValue: 1 << 15)
    static let ordinalWord = Role(rawValue: 1 << 16)
  }

  static let dayModifiers: Set<String> = [
    "earlier", "later", "last", "next", "this", "coming", "past", "previous", "following",
  ]

  static let roles: [String: Role] = {
    var roles: [String: Role] = [:]
    func add(_ words: some Sequence<String>, _ role: Role) {
      for word in words { roles[word, default: []].insert(role) }
    }
    add(["the", "a", "that", "this"], .article)
    add(spanPrepositions, .spanPreposition)
    add(dayModifiers, .dayModifier)
    add(sameDayByFirstWord.keys, .sameDayStart)
    add(partsOfDay, .partOfDay)
    add(directionWords, .direction)
    add(vagueQuantifiers, .vagueQuantifier)
    add(vagueFillers, .vagueFiller)
    add(offsetTails, .offsetTail)
    add(monthQualifiers, .monthQualifier)
    add(monthModifiers, .monthModifier)
    add(afterArticle, .afterArticle)
    add(afterSpanPreposition, .afterSpanPreposition)
    add(periodWords, .period)
    add(unitWords, .unit)
    add(numberWords, .numberWord)
    add(ordinalWords, .ordinalWord)
    return roles
  }()
  static let roleShapes = WordShapeFilter(roles.keys)
  static let roleTable = WordLookup(roles)

  /// The roles of a word; most words fail the shape test and are never looked up.
  @inline(__always)
  static func role(of word: String) -> Role {
    roleShapes.mayContain(word) ? roleTable.value(for: word) ?? [] : []
  }

  @inline(__always)
  static func role(_ tokens: UnsafeBufferPointer<Token>, _ index: Int) -> Role {
    index < tokens.count ? role(of: token(tokens, index).pointee.lower) : []
  }

  /// Whether the token can start an expression: a number, a start word, a word led by a digit
  /// ("27th") or "mid-...". Most tokens fail on their kind, class bits and first scalar in the
  /// text, so their lowercased text is never loaded (nor retained and released).
  @inline(__always)
  static func mayStartExpression(
    _ tokens: UnsafeBufferPointer<Token>, at index: Int, in article: Article
  ) -> Bool {
    switch tokens[index].kind {
    case .number: return true
    case .punctuation, .quoteMark: return false
    case .word:
      if tokens[index].classes.contains(.dateStart) { return true }
      // Only an ASCII digit or "m"/"M" lowercases to a leading digit or "m".
      switch article.scalars[tokens[index].start] {
      case "0"..."9": return true
      case "m", "M": return hasASCIIPrefix(tokens[index].lower, "mid-")
      case "e", "E": return hasASCIIPrefix(tokens[index].lower, "early-")
      case "l", "L": return hasASCIIPrefix(tokens[index].lower, "late-")
      default: return false
      }
    }
  }

  /// The number of tokens of an expression starting at `index`, a tense it implies, and
  /// whether it is an anniversary; only for a token that `mayStartExpression`.
  static func match(_ tokens: UnsafeBufferPointer<Token>, at index: Int) -> (Int, Tense?, Bool)? {
    let firstToken = token(tokens, index)
    let first = firstToken.pointee.lower
    let isNumber = firstToken.pointee.kind == .number
    let isStartWord = firstToken.pointee.classes.contains(.dateStart)
    // ISO date in running text.
    if isNumber {
      // A number token is ASCII: its bytes are its characters.
      let length = first.utf8.count
      if length == 10, CivilDay(iso: first) != nil { return (1, nil, false) }
      // A year of the 1800s only after a preposition of time ("from Spain in 1898").
      if length == 4, let year = Int(first),
        (1900...2100).contains(year)
          || (1800..<1900).contains(year) && index > 0
            && oldYearLeads.contains(tokens[index - 1].lower),
        index > 0,
        tokens[index - 1].paragraph == tokens[index].paragraph, isBareYear(tokens, at: index)
      {
        return (1, nil, false)
      }
      // "3 days ago", "in 2 weeks" handled with number words below.
    }
    // Every listed word an expression starts with is a start word: the rest have no role.
    let firstRole = isStartWord ? role(of: first) : []
    // Common words start an expression only before a few words: skip the rest at once.
    if firstRole.contains(.article) {
      let next = word(tokens, index + 1)
      let nextRole = role(of: next)
      guard
        nextRole.contains(.afterArticle) || isOrdinal(next, nextRole)
          || hasASCIISuffix(next, "-year")
          || (index + 1 < tokens.count && tokens[index + 1].classes.contains(.fullWeekday))
      else { return nil }
    } else if firstRole.contains(.spanPreposition) {
      guard
        role(tokens, index + 1).contains(.afterSpanPreposition)
          || (index + 1 < tokens.count && tokens[index + 1].kind == .number)
      else { return nil }
    }
    // Same-day phrases.
    if firstRole.contains(.sameDayStart) {
      for phrase in sameDayByFirstWord[first] ?? [] where matches(tokens, index, phrase) {
        // "that day" only in running text after a date was given; keep it anyway.
        return (phrase.count, nil, false)
      }
    }
    // "earlier/later [this|that] Monday [morning]", "last/next Monday", "Monday [night]"
    var cursor = index
    var modifier: String?
    if firstRole.contains(.dayModifier) {
      modifier = first
      cursor += 1
      if first == "earlier" || first == "later" {
        let next = word(tokens, cursor)
        if next == "this" || next == "that" { cursor += 1 }
      }
    }
    if cursor < tokens.count, tokens[cursor].classes.contains(.fullWeekday),
      tokens[cursor].isCapitalized
    {
      var end = cursor
      if role(tokens, end + 1).contains(.partOfDay) { end += 1 }
      // "Monday, Feb. 24": an explicit date led by its weekday.
      if modifier == nil, word(tokens, end + 1) == ",",
        let (length, _, _) = explicitDate(tokens, at: end + 2), length > 0
      {
        return (end + 2 + length - index, nil, false)
      }
      if modifier == nil, let (length, _, _) = explicitDate(tokens, at: end + 1), length > 0 {
        return (end + 1 + length - index, nil, false)
      }
      let tense: Tense? =
        switch modifier {
        case "last", "past", "previous": .past
        case "next", "coming", "following": .future
        default: nil
        }
      return (end - index + 1, tense, false)
    }
    // "last week", "next month", "this year", "earlier this month", "later this year", "past week"
    if let modifier {
      var periodIndex = index + 1
      if modifier == "earlier" || modifier == "later" {
        guard word(tokens, periodIndex) == "this" || word(tokens, periodIndex) == "in" else {
          return explicitDate(tokens, at: index, role: firstRole)
        }
        periodIndex += 1
        if word(tokens, periodIndex) == "the" { periodIndex += 1 }
      }
      if role(tokens, periodIndex).contains(.period) {
        return (periodIndex - index + 1, nil, false)
      }
    }
    // "in/within/over the next/past N weeks", "within weeks", "in the coming days"
    if firstRole.contains(.spanPreposition) {
      var position = index + 1
      if word(tokens, position) == "the" { position += 1 }
      var hasDirection = false
      if role(tokens, position).contains(.direction) {
        hasDirection = true
        position += 1
      }
      var hasCount = false
      if let length = numberLength(tokens, position) {
        hasCount = true
        position += length
      }
      if role(tokens, position).contains(.vagueQuantifier) && first != "for" {
        while role(tokens, position).contains(.vagueFiller) {
          position += 1
        }
      }
      // "in the weeks before the shooting", "in the years that followed", "within days of the
      // attack": counted from another happening, not from the publication day.
      if role(tokens, position).contains(.unit), !hasDirection,
        Self.relativeTails.contains(word(tokens, position + 1))
      {
        return nil
      }
      if role(tokens, position).contains(.unit) {
        let vague = !hasDirection && !hasCount
        // "over five years" and "for two weeks" are durations, not dates.
        if (hasDirection || (hasCount && first != "for" && first != "over")
          || (vague && first == "within"))
          && !(first == "for" && !hasDirection)
        {
          return (
            position - index + 1,
            first == "within" || word(tokens, index + 2) == "next" ? .future : nil, false
          )
        }
        if vague && (first == "in" || first == "within") && position > index + 1 {
          return (position - index + 1, .future, false)
        }
      }
    }
    // "a decade ago", "two decades ago": resolved by `decadesAgo`.
    if let length = numberLength(tokens, index, role: firstRole),
      ["decade", "decades"].contains(word(tokens, index + length)),
      word(tokens, index + length + 1) == "ago"
    {
      return (length + 2, .past, false)
    }
    // "three years ago", "two days later", "a week earlier"
    if let length = numberLength(tokens, index, role: firstRole),
      role(tokens, index + length).contains(.unit)
    {
      let tail = word(tokens, index + length + 1)
      // "30 days before closing the purchase", "two days before the vote": counted from
      // another happening, not from the publication day.
      let tailIsPreposition =
        tail == "before" && index + length + 2 < tokens.count
        && tokens[index + length + 2].kind == .word
        && tokens[index + length + 2].sentence == tokens[index].sentence
      if role(of: tail).contains(.offsetTail), !tailIsPreposition {
        return (length + 2, tail == "later" ? .future : .past, false)
      }
    }
    // "the third anniversary", "3rd anniversary", "the three-year anniversary"
    if first == "the" || isOrdinal(first, firstRole) || hasASCIISuffix(first, "-year") {
      var position = index
      if first == "the" { position += 1 }
      let word = word(tokens, position)
      if isOrdinal(word, role(of: word)) || hasASCIISuffix(word, "-year") {
        if self.word(tokens, position + 1) == "anniversary" {
          return (position + 2 - index, .past, true)
        }
        if self.word(tokens, position + 1) == "year",
          self.word(tokens, position + 2) == "anniversary"
        {
          return (position + 3 - index, .past, true)
        }
      }
    }
    return explicitDate(tokens, at: index, role: firstRole)
  }

  static let oldYearLeads: Set<String> = [
    "in", "since", "until", "during", "through", "before", "after",
  ]

  /// Words after a span ("in the weeks ...") that tie it to another happening.
  static let relativeTails: Set<String> = [
    "before", "after", "that", "since", "following", "leading", "of", "when", "prior",
    "between", "preceding",
  ]

  /// Words before a number that make it a count, not a year: "about 2000", "$1990".
  static let countLeaders: Set<String> = [
    "$", "€", "£", "about", "nearly", "almost", "some", "than", "least", "approximately",
    "roughly", "more", "fewer", "only", "just", "over", "under", "no.", "#", "number", "to",
    "and", "or", "by", "of", "up",
  ]
  /// Nouns after a number that make it a count: "2000 people".
  static let countNouns: Set<String> = [
    "people", "men", "women", "children", "feet", "foot", "%", "percent", "per", "a", "an",
    "hours", ":", "km", "miles", "meters", "metres", "yards", "pounds", "tons",
  ]

  /// A four-digit number read as a year: after a word that leads years ("in 2009", "since
  /// 1990", "its 1990 invasion", "for 1989", "fiscal 1989"), or anywhere else unless a word
  /// around it makes it a count ("about 2000 people", "2000 troops").
  static func isBareYear(_ tokens: UnsafeBufferPointer<Token>, at index: Int) -> Bool {
    let previous = tokens[index - 1].lower
    let next = word(tokens, index + 1)
    // "fiscal 1989 sales", "the year 2000 problem": a year whatever follows.
    if previous == "fiscal" || previous == "year" { return true }
    // "Orion 1980", "Windows 2000": a number after a name (not at the start of a sentence,
    // where any word is capitalized) is part of the name.
    if tokens[index - 1].kind == .word, tokens[index - 1].isCapitalized,
      !tokens[index - 1].isPossessive, tokens[index - 1].sentence == tokens[index].sentence,
      index >= 2,
      tokens[index - 2].sentence == tokens[index].sentence,
      tokens[index - 1].classes.isDisjoint(with: [.month, .weekday, .dateStart])
    {
      return false
    }
    // Not "2,000 troops": a year stands alone, not before a plural noun.
    let plural =
      next.hasSuffix("s") && next != "as" && next != "was" && next != "is" && next.count > 2
      && next != "'s"
    if plural || countNouns.contains(next) { return false }
    if yearPrepositions.contains(previous) { return true }
    if tokens[index - 1].kind == .number || countLeaders.contains(previous) { return false }
    // "1990 and 1991", "between 1990 and": another year beside it is a year too.
    return true
  }

  /// "this fiscal year", "the current year", "the full year", "year-end", "the end of the
  /// year", "the year's end": the publication year. Returns the number of tokens.
  static func yearOfPublication(_ tokens: UnsafeBufferPointer<Token>, at index: Int) -> (
    length: Int, shift: Int
  )? {
    guard let length = yearOfPublicationLength(tokens, at: index) else {
      // "year-earlier net income", "the year-ago results": the year before; not "the
      // year-earlier period", which is as often a span of months as a year.
      let first = tokens[index].lower
      guard first.equals("year-earlier") || first.equals("year-ago") else { return nil }
      let next = word(tokens, index + 1)
      if ["period", "periods", "months", "nine", "six", "three"].contains(next)
        || (index + 1 < tokens.count && tokens[index + 1].kind == .number)
      {
        return nil
      }
      return (1, -1)
    }
    return (length, 0)
  }

  static let fiscalYearWords: WordSet = ["current", "full", "fiscal", "latest", "present"]

  static func yearOfPublicationLength(_ tokens: UnsafeBufferPointer<Token>, at index: Int)
    -> Int?
  {
    let first = tokens[index].lower
    var position = index
    if first.equals("year-end") { return 1 }
    // "by year's end"
    if first.equals("year"), word(tokens, index + 1).equals("'s"),
      word(tokens, index + 2).equals("end")
    {
      return 3
    }
    if first.equals("year"),
      word(tokens, index + 1).equals("end")
        || word(tokens, index + 1).equals("-") && word(tokens, index + 2).equals("end")
    {
      return word(tokens, index + 1).equals("end") ? 2 : 3
    }
    guard first.equals("this") || first.equals("the") else { return nil }
    position += 1
    if first.equals("the"), word(tokens, position).equals("end"),
      word(tokens, position + 1).equals("of")
    {
      position += 2
      let determiner = word(tokens, position)
      guard determiner.equals("the") || determiner.equals("this") else { return nil }
      position += 1
      return word(tokens, position).equals("year") ? position - index + 1 : nil
    }
    var qualified = false
    // "this fiscal year", "the current fiscal year": the present one, whatever follows.
    var present = first.equals("this")
    while Self.fiscalYearWords.contains(word(tokens, position)) {
      // "the fiscal year" and "the latest fiscal year" alone are as often a span or the
      // year just ended: only "this", "current", "present" or "full" make it this year.
      if !word(tokens, position).equals("fiscal") && !word(tokens, position).equals("latest") {
        qualified = true
      }
      if word(tokens, position).equals("current") || word(tokens, position).equals("present") {
        present = true
      }
      position += 1
    }
    if first.equals("this") && position > index + 1 { qualified = true }
    guard word(tokens, position).equals("year") else { return nil }
    // "the year's end"
    if word(tokens, position + 1).equals("'s"), word(tokens, position + 2).equals("end") {
      return position + 3 - index
    }
    // "this year" is the resolver's; "the year" alone is too vague; "the fiscal year" only
    // when nothing after it ties it to another time ("the year before", "the year 2000").
    guard qualified else { return nil }
    let after = word(tokens, position + 1)
    if present { return position - index + 1 }
    if ["before", "after", "earlier", "later", "ago", "when", "that", "in"].contains(after)
      || (position + 1 < tokens.count && tokens[position + 1].kind == .number)
    {
      return nil
    }
    return position - index + 1
  }

  /// Counts in words before "decades ago".
  static let spokenCounts: [String: Int] = [
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
  ]

  static let spokenTens: [String: Int] = [
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
  ]
  static let spokenUnits: [String: Int] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
  ]

  /// A year said in words, as transcripts write it: "nineteen ninety-six", "nineteen eighty
  /// four", "nineteen seventy", or "two thousand [and] one" after "the year" or a word that
  /// leads years ("in two thousand", not "two thousand troops"). The tokens and the year.
  static func spokenYear(_ tokens: UnsafeBufferPointer<Token>, at index: Int) -> (Int, Int)? {
    let paragraph = tokens[index].paragraph
    func spoken(_ position: Int) -> String {
      position < tokens.count && tokens[position].paragraph == paragraph
        ? tokens[position].lower : ""
    }
    /// "ninety-six", "ninety six", "ninety - six" or "ninety" from `position`: tokens, value.
    func tensAndUnit(_ position: Int) -> (Int, Int)? {
      let word = spoken(position)
      if let tens = spokenTens[word] {
        if let unit = spokenUnits[spoken(position + 1)] { return (2, tens + unit) }
        if spoken(position + 1) == "-", let unit = spokenUnits[spoken(position + 2)] {
          return (3, tens + unit)
        }
        return (1, tens)
      }
      let parts = word.split(separator: "-")
      if parts.count == 2, let tens = spokenTens[String(parts[0])],
        let unit = spokenUnits[String(parts[1])]
      {
        return (1, tens + unit)
      }
      return nil
    }
    switch tokens[index].lower {
    case "nineteen":
      guard let (length, value) = tensAndUnit(index + 1) else { return nil }
      return (length + 1, 1900 + value)
    case "two":
      guard spoken(index + 1) == "thousand", index > 0 else { return nil }
      let before = tokens[index - 1].lower
      guard
        before == "year"
          || ["in", "since", "by", "until", "from", "through", "before", "after"].contains(before)
      else { return nil }
      var length = 2
      var year = 2000
      let unitAt = spoken(index + 2) == "and" ? index + 3 : index + 2
      if let unit = spokenUnits[spoken(unitAt)] {
        length = unitAt - index + 1
        year += unit
      }
      let next = spoken(index + length)
      if next.hasSuffix("s") && next.count > 3 || countNouns.contains(next) { return nil }
      return (length, year)
    default:
      return nil
    }
  }

  /// "the following year", "the previous month", "the same year", "that year": a period named
  /// by another date of the text. The tokens, whether it is a month, and the shift.
  static func referencedPeriod(_ tokens: UnsafeBufferPointer<Token>, at index: Int) -> (
    Int, Bool, Int
  )? {
    let first = tokens[index].lower
    var position = index + 1
    var shift = 0
    if first == "the" {
      switch word(tokens, index + 1) {
      case "following": shift = 1
      case "previous", "prior", "preceding": shift = -1
      case "same": shift = 0
      default: return nil
      }
      position += 1
    } else if first != "that" {
      return nil
    }
    guard position < tokens.count, tokens[position].paragraph == tokens[index].paragraph else {
      return nil
    }
    switch tokens[position].lower {
    case "year": return (position - index + 1, false, shift)
    case "month": return (position - index + 1, true, shift)
    default: return nil
    }
  }

  /// The year (and month) an expression names in so many words: a four-digit year, a year
  /// said in words, or a month name; nil for a relative one ("last year").
  static func statedYear(_ expression: TemporalExpression, _ tokens: UnsafeBufferPointer<Token>)
    -> (year: Int, month: Int?)?
  {
    guard let resolved = expression.resolved, !expression.isAnniversary,
      case .single(let point) = resolved.value.form
    else { return nil }
    for position in expression.firstToken...expression.lastToken {
      let token = token(tokens, position)
      if token.pointee.kind == .number && token.pointee.lower.utf8.count == 4
        || token.pointee.classes.contains(.month) || token.pointee.lower == "nineteen"
        || token.pointee.lower == "thousand"
      {
        return (point.year, point.month)
      }
    }
    return nil
  }

  @inline(__always)
  static func startsWithDigit(_ word: String) -> Bool {
    guard let first = word.withWordBytes({ $0.first }) else { return false }
    return first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")
  }

  /// "February 27", "Feb. 27, 2025", "27 February 2025", "March 2025", "early March",
  /// "in March" (the month only when clearly a date: capitalized, and not "may" the verb).
  /// `role` is the first word's, when the caller has it.
  static func explicitDate(
    _ tokens: UnsafeBufferPointer<Token>, at index: Int, role knownRole: Role? = nil
  )
    -> (Int, Tense?, Bool)?
  {
    guard index < tokens.count else { return nil }
    var position = index
    var tense: Tense?
    let first = token(tokens, index).pointee.lower
    let firstRole = knownRole ?? role(of: first)
    // "mid-March", "late-November", "early-2019": the qualifier joined to its month or year.
    let prefixLength =
      hasASCIIPrefix(first, "mid-")
      ? 4 : hasASCIIPrefix(first, "late-") ? 5 : hasASCIIPrefix(first, "early-") ? 6 : 0
    let isMidMonth = prefixLength > 0
    if firstRole.contains(.monthQualifier) || isMidMonth {
      position += isMidMonth && first.count > prefixLength ? 0 : 1
    }
    if firstRole.contains(.monthModifier) {
      tense = first == "last" ? .past : first == "next" ? .future : nil
    }
    var monthPosition = position
    if isMidMonth, first.count > prefixLength {
      let month = String(first.dropFirst(prefixLength))
      // "mid-1996": the year.
      if month.utf8.count == 4, let year = Int(month), (1800...2100).contains(year) {
        return (1, nil, false)
      }
      guard Lexicon.months[month] != nil else { return nil }
      monthPosition = index
    }
    // "27 February [2025]": only a number token can be a day (Int accepts digits alone).
    if position < tokens.count, tokens[position].kind == .number,
      let day = Int(tokens[position].lower), (1...31).contains(day),
      let month = monthName(tokens, position + 1)
    {
      var end = position + month
      if let year = Int(word(tokens, end + 1)), word(tokens, end + 1).count == 4, year > 1800 {
        end += 1
      }
      return (end - index + 1, tense, false)
    }
    guard
      let monthLength = isMidMonth && first.count > prefixLength
        ? 1 : monthName(tokens, monthPosition)
    else {
      return nil
    }
    let monthWord = word(tokens, monthPosition)
    var end = monthPosition + monthLength - 1
    var hasDay = false
    if let day = dayNumber(word(tokens, end + 1)), (1...31).contains(day) {
      end += 1
      hasDay = true
    }
    var yearAt = end + 1
    if word(tokens, yearAt) == "," { yearAt += 1 }
    if let year = Int(word(tokens, yearAt)), word(tokens, yearAt).count == 4, year > 1800 {
      end = yearAt
    }
    if !hasDay && end == monthPosition + monthLength - 1 {
      // A bare month: only with a clear cue before it, never the verb "may" or "march".
      let before = index > 0 ? tokens[index - 1].lower : ""
      let cue = Self.monthCueWords
      guard monthWord != "may" || index == monthPosition && cue.contains(before) else { return nil }
      // "Jan Kavan": an abbreviation without its period, alone, is a name.
      if !isMidMonth, !Self.fullMonthNames.contains(monthWord) { return nil }
      // "December's figures": a month's possessive is the month.
      let possessive = monthWord != "may" && word(tokens, end + 1) == "'s"
      // "the October slaying", "a June agreement": a month before a noun.
      let attributive =
        monthWord != "may" && (before == "the" || before == "a") && end + 1 < tokens.count
        && tokens[end + 1].kind == .word && !tokens[end + 1].isCapitalized
        && tokens[end + 1].sentence == tokens[end].sentence
      guard position > index || cue.contains(before) || possessive || attributive else {
        return nil
      }
    }
    // Skip "last"/"next" themselves: the resolver reads the month with the tense.
    return (end - index + 1, tense, false)
  }

  /// Length in tokens of a month name at `index` ("feb" "." counts 2), when capitalized.
  static func monthName(_ tokens: UnsafeBufferPointer<Token>, _ index: Int) -> Int? {
    guard index < tokens.count, tokens[index].isCapitalized,
      tokens[index].classes.contains(.month)
    else { return nil }
    // "Feb." is one expression; "June." ends a sentence.
    if !Self.fullMonthNames.contains(tokens[index].lower), word(tokens, index + 1) == "." {
      return 2
    }
    return 1
  }

  static func dayNumber(_ word: String) -> Int? {
    var digits = Substring(word)
    for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) {
      digits = digits.dropLast(2)
    }
    guard digits.count <= 2 else { return nil }
    return Int(digits)
  }

  static let numberWords: Set<String> = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "a", "an", "several", "few",
  ]

  /// The number of tokens of a count at `index` ("3", "three", "a couple of"); `role` is the
  /// word's, when the caller has it.
  static func numberLength(
    _ tokens: UnsafeBufferPointer<Token>, _ index: Int, role knownRole: Role? = nil
  ) -> Int? {
    guard index < tokens.count else { return nil }
    // A number token is ASCII: its bytes are its characters.
    if tokens[index].kind == .number, tokens[index].lower.utf8.count <= 3 { return 1 }
    guard (knownRole ?? role(tokens, index)).contains(.numberWord) else { return nil }
    if tokens[index].lower == "a", word(tokens, index + 1) == "couple",
      word(tokens, index + 2) == "of"
    {
      return 3
    }
    return 1
  }

  static let ordinalWords: Set<String> = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "fifteenth", "twentieth", "twenty-fifth", "thirtieth",
    "fortieth", "fiftieth", "hundredth",
  ]

  /// "third" or "3rd"; `role` is the word's.
  static func isOrdinal(_ word: String, _ role: Role) -> Bool {
    if role.contains(.ordinalWord) { return true }
    guard let last = word.withWordBytes({ $0.last }), last >= UInt8(ascii: "a"),
      startsWithDigit(word)
    else {
      return false
    }
    for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) {
      if Int(word.dropLast(2)) != nil { return true }
    }
    return false
  }

  static func matches(_ tokens: UnsafeBufferPointer<Token>, _ index: Int, _ phrase: [String])
    -> Bool
  {
    for (offset, expected) in phrase.enumerated() where word(tokens, index + offset) != expected {
      return false
    }
    return true
  }

  /// The tense of the verb nearest to the expression in its sentence and quote.
  static func tense(of tokens: UnsafeBufferPointer<Token>, around range: ClosedRange<Int>) -> Tense?
  {
    let sentence = tokens[range.lowerBound].sentence
    let quote = tokens[range.lowerBound].quote
    // "a pact effective June 1": when it takes effect, which is still to come.
    if range.lowerBound > 0, tokens[range.lowerBound - 1].lower == "effective" { return .future }
    // "since Tuesday", "since March": a time gone by.
    if range.lowerBound > 0, tokens[range.lowerBound - 1].lower == "since" { return .past }
    // "as soon as Tuesday", "as early as next month": the earliest a thing may still happen.
    if range.lowerBound >= 3, tokens[range.lowerBound - 1].lower == "as",
      tokens[range.lowerBound - 3].lower == "as",
      ["soon", "early"].contains(tokens[range.lowerBound - 2].lower)
    {
      return .future
    }
    if isPostponedUntil(tokens, range.lowerBound) { return .future }
    var best: (distance: Int, tense: Tense)?
    var infinitiveBefore = false
    func consider(_ index: Int, _ distance: Int) {
      // Fields are read in place: copying the token would retain and release its text.
      guard tokens[index].kind == .word, tokens[index].quote == quote else { return }
      guard let tense = verbTense(tokens, index) else { return }
      let isTo = tokens[index].lower == "to"
      if isTo && index < range.lowerBound { infinitiveBefore = true }
      // An infinitive is a weak cue: any real verb near the date wins over it.
      let weighted = isTo ? distance + 6 : distance
      if best == nil || weighted < best!.distance { best = (weighted, tense) }
    }
    var index = range.lowerBound - 1
    while index >= 0, tokens[index].sentence == sentence, range.lowerBound - index <= 14 {
      // "Reyes said the board meets on Friday": the telling is past, what is told need not be.
      if opensReportedClause(tokens, verb: index, before: range.lowerBound) { break }
      consider(index, range.lowerBound - index)
      index -= 1
    }
    var comma = false
    index = range.upperBound + 1
    while index < tokens.count, tokens[index].sentence == sentence, index - range.upperBound <= 14 {
      // "The council votes this September on the plan, the mayor said.": the attribution at
      // the end of the sentence says when it was said, not when the vote is.
      if tokens[index].lower == "," { comma = true }
      if comma, isTrailingAttribution(tokens, verb: index) { break }
      consider(index, index - range.upperBound)
      index += 1
    }
    // A deadline for an action still to come: "ordered them to submit a map by January 15".
    if infinitiveBefore, range.lowerBound > 0,
      Self.deadlineWords.contains(tokens[range.lowerBound - 1].lower)
    {
      return .future
    }
    return best?.tense
  }

  /// Verbs of telling whose clause ("said the ...", "announced that ...") carries its own tense.
  static let reportingVerbs: WordSet = [
    "said", "says", "told", "tells", "added", "adds", "announced", "announces", "reported",
    "reports", "noted", "notes", "stated", "states", "confirmed", "confirms", "wrote", "writes",
    "explained", "explains", "warned", "warns", "predicted", "predicts",
  ]
  /// Words that open a reported clause right after its verb.
  static let clauseOpeners: Set<String> = [
    "that", "the", "a", "an", "he", "she", "they", "it", "we", "i", "you", "his", "her", "its",
    "their", "our", "this", "these", "those",
  ]

  /// Whether the reporting verb at `verb` opens a clause that holds `target`: "said the board
  /// meets on Friday", "announced that the festival returns", "told reporters the vote is in
  /// June". Not "said on Tuesday", "said a day earlier" or "told the council on Tuesday".
  static func opensReportedClause<Tokens: RandomAccessCollection<Token>>(
    _ tokens: Tokens, verb: Int, before target: Int
  ) -> Bool where Tokens.Index == Int {
    guard verb + 1 < target, tokens[verb].kind == .word, !tokens[verb].isCapitalized,
      reportingVerbs.contains(tokens[verb].lower)
    else { return false }
    var next = verb + 1
    let lower = tokens[verb].lower
    if lower == "told" || lower == "tells" {
      // The one told: "told reporters", "told the council".
      if tokens[next].lower == "the" { next += 1 }
      next += 1
      guard next < target,
        tokens[next].lower == "that" || tokens[next].lower == "the"
          || ["he", "she", "they", "it", "we"].contains(tokens[next].lower)
      else { return false }
      return true
    }
    return next < target && clauseOpeners.contains(tokens[next].lower)
  }

  /// A reporting verb that, with its speaker, ends the sentence: ", the mayor said." or
  /// ", said Reyes.".
  static func isTrailingAttribution(_ tokens: UnsafeBufferPointer<Token>, verb: Int) -> Bool {
    guard tokens[verb].kind == .word, !tokens[verb].isCapitalized,
      reportingVerbs.contains(tokens[verb].lower)
    else { return false }
    let sentence = tokens[verb].sentence
    var index = verb + 1
    while index < tokens.count, tokens[index].sentence == sentence {
      if index - verb > 4 { return false }
      if tokens[index].kind == .word, !tokens[index].isCapitalized { return false }
      index += 1
    }
    return true
  }

  static let planWords: WordSet = ["planned", "planning", "plans", "plan", "scheduled"]

  /// A plan word (`planWords`) that plans what follows: "planned", "planning", "scheduled", and
  /// "plan(s)" as a verb ("they plan a march on Saturday", "plans to vote on Friday",
  /// "Rovena plans ..."), not the noun ("presented a flood plan to the council on Tuesday").
  static func isPlanWord<Tokens: RandomAccessCollection<Token>>(_ tokens: Tokens, at index: Int)
    -> Bool where Tokens.Index == Int
  {
    let word = tokens[index].lower
    guard planWords.contains(word) else { return false }
    guard word == "plan" || word == "plans" else { return true }
    // "plans to vote", but not "a plan to the city council".
    if index + 2 < tokens.endIndex, tokens[index + 1].lower == "to",
      tokens[index + 2].kind == .word, !tokens[index + 2].isCapitalized,
      !planNounDeterminers.contains(tokens[index + 2].lower)
    {
      return true
    }
    guard index > tokens.startIndex, tokens[index - 1].sentence == tokens[index].sentence else {
      return false
    }
    let before = tokens[index - 1]
    if before.isCapitalized { return !planNounDeterminers.contains(before.lower) }
    return planVerbSubjects.contains(before.lower)
  }
  /// Before "plan(s)", these make it a noun, capitalized or not ("The plan", "Their plans").
  static let planNounDeterminers: WordSet = [
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my",
    "your", "whose", "no", "any", "every", "each",
  ]
  /// Before "plan(s)", these make it a verb: a pronoun subject, a modal, an adverb.
  static let planVerbSubjects: Set<String> = [
    "they", "we", "i", "you", "he", "she", "it", "who", "which", "also", "still", "now", "will",
    "would", "could", "may", "might", "to", "and",
  ]

  /// A plan word before the expression in its sentence with no other verb between.
  static func isPlannedFor(_ tokens: UnsafeBufferPointer<Token>, _ start: Int) -> Bool {
    let sentence = tokens[start].sentence
    var index = start - 1
    while index >= 0, start - index <= 10, tokens[index].sentence == sentence {
      if isPlanWord(tokens, at: index) {
        // "as (previously) planned": what was planned before, not what is still to come.
        let before = index > 0 ? tokens[index - 1].lower : ""
        return before != "as" && before != "previously"
      }
      if tokens[index].kind == .word, tokens[index].lower != "to",
        verbTense(tokens, index) != nil
      {
        return false
      }
      index -= 1
    }
    return false
  }

  /// Verbs that move a happening to a later time.
  static let postponingVerbs: Set<String> = [
    "postponed", "postpones", "postpone", "delayed", "delays", "delay", "extended", "extends",
    "extend", "adjourned", "adjourns", "deferred", "defers", "recessed", "put", "pushed",
  ]

  /// "postponed until Tuesday morning", "extended its deadline until 9 a.m. EST Tuesday": the
  /// new time is still to come when it was set.
  static func isPostponedUntil<Tokens: RandomAccessCollection<Token>>(
    _ tokens: Tokens, _ start: Int
  ) -> Bool where Tokens.Index == Int {
    let sentence = tokens[start].sentence
    var index = start - 1
    while index >= 0, start - index <= 6, tokens[index].sentence == sentence {
      let word = tokens[index].lower
      if word == "until" || word == "till"
        || word == "to" && index > 0 && tokens[index - 1].lower == "back"
      {
        var verb = index - 1
        while verb >= 0, index - verb <= 4, tokens[verb].sentence == sentence {
          if postponingVerbs.contains(tokens[verb].lower) { return true }
          verb -= 1
        }
        return false
      }
      index -= 1
    }
    return false
  }

  /// The tense a word marks, if it is a verb we recognize.
  static func verbTense(_ tokens: UnsafeBufferPointer<Token>, _ index: Int) -> Tense? {
    let token = token(tokens, index)
    let classes = token.pointee.classes
    let lastByte = token.pointee.lower.withWordBytes { $0.last }
    // Most words are no verb we know: decide that from the classes, without string work.
    if classes.isEmpty, lastByte != UInt8(ascii: "d"), lastByte != UInt8(ascii: "l") {
      return nil
    }
    let word = token.pointee.lower
    // The modals, "to" and "going" are all auxiliaries: other words skip these comparisons.
    if classes.contains(.auxiliary) {
      if word == "will" || word == "'ll" || word == "shall" || word == "would" || word == "could"
        || word == "might"
      {
        return .future
      }
      if word == "may" && !tokens[index].isCapitalized { return .future }
      if word == "going", self.word(tokens, index + 1) == "to" { return .future }
      // An infinitive names an action still to come: "ordered lawmakers to submit ... by".
      if word == "to", index > 0, tokens[index - 1].lower != "according",
        index + 1 < tokens.count, tokens[index + 1].kind == .word,
        !tokens[index + 1].isCapitalized, !Self.notVerbsAfterTo.contains(tokens[index + 1].lower),
        !Self.looksLikePluralNoun(tokens[index + 1].lower),
        // "to next week", "to today"; but lower-case "march" after "to" is the verb.
        !tokens[index + 1].classes.contains(.dateStart) || tokens[index + 1].lower == "march"
      {
        return .future
      }
    }
    if lastByte == UInt8(ascii: "l"), hasASCIISuffix(word, "'ll") { return .future }
    // `.intentVerb` marks exactly the words of `intentVerbs`.
    if classes.contains(.intentVerb),
      self.word(tokens, index + 1) == "to" || self.word(tokens, index + 1) == "for"
    {
      return .future  // "plans to", "is planned for"
    }
    if tokens[index].isCapitalized && index > 0
      && tokens[index - 1].sentence == tokens[index].sentence
    {
      return nil  // a name, not a verb
    }
    if classes.contains(.pastVerb) { return .past }
    if lastByte == UInt8(ascii: "d"), word.utf8.count >= 5, hasASCIISuffix(word, "ed"),
      !classes.contains(.notPastEd), !containsHyphen(word)
    {
      // "wants the bill signed": after a determiner and a noun, a participle, not a past verb.
      // "the quarter ended Sept. 30" is past all the same, and so is "The board voted on
      // Thursday": a determiner that opens the sentence starts its subject.
      if index >= 3, tokens[index - 3].sentence == tokens[index].sentence,
        isDeterminer(tokens[index - 2].lower),
        tokens[index - 1].kind == .word, !tokens[index - 1].isCapitalized, word != "ended"
      {
        return nil
      }
      return .past
    }
    if classes.contains(.presentVerb) {
      // "have been searching since", "has closed": the present perfect tells of a past.
      if word == "has" || word == "have", index + 1 < tokens.count {
        let next = tokens[index + 1]
        if next.lower == "been" || next.classes.contains(.pastVerb)
          || (hasASCIISuffix(next.lower, "ed") && next.lower.utf8.count >= 5
            && !next.classes.contains(.notPastEd))
        {
          return .past
        }
      }
      return .present
    }
    return nil
  }

  static func isDeterminer(_ word: String) -> Bool {
    switch word {
    case "the", "a", "an", "this", "that", "these", "those": true
    default: false
    }
  }

  /// "spoke to reporters", "wrote to investors": a word after "to" that ends in a single "s"
  /// (not "ss", "us", "is", "as": "to discuss", "to focus") is a plural noun, not a verb.
  static func looksLikePluralNoun(_ word: String) -> Bool {
    word.withWordBytes { bytes in
      guard bytes.count >= 4, bytes[bytes.count - 1] == UInt8(ascii: "s") else { return false }
      let before = bytes[bytes.count - 2]
      return before != UInt8(ascii: "s") && before != UInt8(ascii: "u")
        && before != UInt8(ascii: "i") && before != UInt8(ascii: "a")
    }
  }

  /// `word.hasSuffix(suffix)` for an ASCII suffix, comparing bytes. Characters and bytes agree
  /// unless the byte before the suffix is not ASCII (a scalar there could join the suffix's
  /// first letter into one character); that rare case takes the character comparison.
  @inline(__always)
  static func hasASCIISuffix(_ word: String, _ suffix: StaticString) -> Bool {
    let count = suffix.utf8CodeUnitCount
    let answer: Bool? = word.withWordBytes { bytes in
      guard bytes.count >= count else { return false }
      let start = bytes.count - count
      for offset in 0..<count where bytes[start + offset] != suffix.utf8Start[offset] {
        return false
      }
      return start == 0 || bytes[start - 1] < 0x80 ? true : nil
    }
    return answer ?? word.hasSuffix(suffix.description)
  }

  /// `word.hasPrefix(prefix)` for an ASCII prefix, comparing bytes; as above, a non-ASCII byte
  /// right after the prefix (a combining mark could follow its last letter) takes the slow path.
  @inline(__always)
  static func hasASCIIPrefix(_ word: String, _ prefix: StaticString) -> Bool {
    let count = prefix.utf8CodeUnitCount
    let answer: Bool? = word.withWordBytes { bytes in
      guard bytes.count >= count else { return false }
      for offset in 0..<count where bytes[offset] != prefix.utf8Start[offset] {
        return false
      }
      return bytes.count == count || bytes[count] < 0x80 ? true : nil
    }
    return answer ?? word.hasPrefix(prefix.description)
  }

  /// Whether a word has a hyphen; an ASCII word by its bytes, any other as before.
  static func containsHyphen(_ word: String) -> Bool {
    let answer: Bool? = word.withWordBytes { bytes in
      var hasHyphen = false
      for byte in bytes {
        if byte >= 0x80 { return nil }
        if byte == UInt8(ascii: "-") { hasHyphen = true }
      }
      return hasHyphen
    }
    return answer ?? word.contains("-")
  }
}
