import DatelineModel

/// An event extracted from a sentence with a datable expression and an action.
public struct FoundEvent: Sendable, Equatable {
  /// Generated from the sentence's subject, verb and object; machine-written, short.
  public var headline: String
  public var summary: String
  public var date: DateSpec
  public var resolved: ResolvedDate?
  public var status: EventStatus
  /// Entity indices.
  public var participants: [Int]
  public var paragraph: Int
  public var sentence: Int
  /// The expression the date came from, as stated.
  public var expression: String?
  /// The meeting or press conference the article itself reports.
  public var isStoryMoment = false
}

struct EventBuilder {
  let article: Article
  let finder: EntityFinder
  let speakers: SpeakerFinder
  let dates: [TemporalExpression]
  let quotes: [FoundQuote]
  let publicationDay: CivilDay?

  func build() -> (events: [FoundEvent], quoteEvents: [Int?]) {
    var events: [FoundEvent] = []
    // Arrays indexed by token and sentence: an article has few of each, and sets and
    // dictionaries cost more in hashing and growing than the work they index.
    // Few quotes are partial: a short list searched rarely (only for dates inside quotes).
    let partialQuoteOpens = quotes.indices.compactMap {
      quotes[$0].kind == .partial ? quotes[$0].span.openToken : nil
    }
    var datesBySentence = [[TemporalExpression]](repeating: [], count: article.sentences.count)
    for expression in dates {
      let quote = article.tokens[expression.firstToken].quote
      guard quote < 0 || partialQuoteOpens.contains(article.quoteSpans[quote].openToken) else {
        continue
      }
      let sentence = article.tokens[expression.firstToken].sentence
      if datesBySentence.indices.contains(sentence) { datesBySentence[sentence].append(expression) }
    }
    var sentenceEvent = [Int?](repeating: nil, count: article.sentences.count)
    for (sentence, expressions) in datesBySentence.enumerated() where !expressions.isEmpty {
      var participants = participants(in: sentence)
      let paragraph = article.tokens[article.sentences[sentence].lowerBound].paragraph
      if let anniversary = expressions.first(where: { $0.isAnniversary && $0.resolved != nil }) {
        if let event = anniversaryEvent(anniversary, sentence: sentence, paragraph: paragraph) {
          events.append(event)
          // Who took part in the remembered event is not who acts on the anniversary.
          let remembered = Set(event.participants)
          let acting = participants.filter { !remembered.contains($0) }
          if !acting.isEmpty { participants = acting }
        }
      }
      guard !participants.isEmpty else { continue }
      guard let primary = expressions.first(where: { $0.resolved != nil }) else { continue }
      let tense = primary.tense
      let status = status(sentence: sentence, tense: tense, resolved: primary.resolved)
      let date: DateSpec
      var resolved = primary.resolved
      if primary.isAnniversary, let publicationDay {
        date = .edtf(publicationDay.description)
        resolved = Self.resolvedDay(publicationDay)
      } else if primary.isResolvedLocally, let value = primary.resolved?.value {
        date = .edtf(value.description)  // the model cannot resolve a holiday's name
      } else {
        date = .stated(StatedDate(stated: primary.text, tense: tense))
      }
      let headline = headline(sentence: sentence, skipping: primary, participants: participants)
      let event = FoundEvent(
        headline: headline,
        summary: summary(headline, status: status, expression: primary.text, paragraph: paragraph),
        date: date, resolved: resolved, status: status, participants: participants,
        paragraph: paragraph, sentence: sentence, expression: primary.text)
      // The same happening told twice (a caption repeating the text) is one event.
      if let same = events.firstIndex(where: {
        $0.resolved?.value == event.resolved?.value
          && Set($0.participants) == Set(event.participants)
          && $0.resolved?.sameDayOrder == event.resolved?.sameDayOrder
      }) {
        sentenceEvent[sentence] = same
        continue
      }
      events.append(event)
      sentenceEvent[sentence] = events.count - 1
    }
    var moment: Int?
    if let storyMoment = storyMoment() {
      events.append(storyMoment)
      moment = events.count - 1
    }
    var quoteEvents: [Int?] = []
    quoteEvents.reserveCapacity(quotes.count)
    // Fields read in place: copying a quote retains its strings.
    for index in quotes.indices {
      let sentence = article.tokens[quotes[index].span.openToken].sentence
      if sentenceEvent.indices.contains(sentence), let own = sentenceEvent[sentence],
        events[own].status == .occurred
      {
        quoteEvents.append(own)
      } else if let moment, let speaker = quotes[index].speaker,
        events[moment].participants.contains(speaker)
      {
        quoteEvents.append(moment)
      } else {
        quoteEvents.append(nil)
      }
    }
    return (events, quoteEvents)
  }

  /// Actors named in the sentence outside quotes, plus a pronoun subject resolved.
  func participants(in sentence: Int) -> [Int] {
    var result: [Int] = []
    result.reserveCapacity(8)
    let range = article.sentences[sentence]
    for index in range {
      // Fields read in place: copying a token retains its string.
      guard article.tokens[index].quote < 0, !article.tokens[index].isCredit else { continue }
      if finder.mentionEndingAt[index] >= 0 {
        let entity = finder.mentions[Int(finder.mentionEndingAt[index])].entity
        if !result.contains(entity) { result.append(entity) }
      } else if Self.isHeOrShe(article.tokens[index].lower),
        let resolved = speakers.resolvePronoun(article.tokens[index].lower, before: index),
        !result.contains(resolved)
      {
        result.append(resolved)
      }
    }
    return result
  }

  /// "he" or "she", tested by length first: this runs for every word of a dated sentence.
  @inline(__always)
  static func isHeOrShe(_ word: String) -> Bool {
    switch word.utf8.count {
    case 2: word.utf8.first == UInt8(ascii: "h") && word == "he"
    case 3: word.utf8.first == UInt8(ascii: "s") && word == "she"
    default: false
    }
  }

  func status(sentence: Int, tense: Tense?, resolved: ResolvedDate?) -> EventStatus {
    var predicts = false
    var expects = false
    for index in article.sentences[sentence] {
      let classes = article.tokens[index].classes
      if classes.contains(.predictionMarker) { predicts = true }
      if classes.contains(.expectationMarker) { expects = true }
    }
    switch tense {
    case .past:
      return .occurred
    case .future:
      if predicts { return .predicted }
      if expects { return .expected }
      return .scheduled
    case .present, nil:
      if let resolved, let publicationDay, resolved.start > publicationDay {
        return predicts ? .predicted : expects ? .expected : .scheduled
      }
      return .occurred
    }
  }

  /// "the third anniversary of Russia's large-scale invasion of Ukraine": the invasion itself.
  func anniversaryEvent(_ expression: TemporalExpression, sentence: Int, paragraph: Int)
    -> FoundEvent?
  {
    var index = expression.lastToken + 1
    guard index < article.tokens.count, article.tokens[index].lower.equals("of") else { return nil }
    index += 1
    let end = article.sentences[sentence].upperBound
    var words: [String] = []
    var participants: [Int] = []
    while index < end, words.count < 8 {
      let token = article.tokens[index]
      if [",", ".", ";", "that", "which", "when", "and", "as"].contains(token.lower)
        || token.kind == .quoteMark
      {
        break
      }
      let mentionIndex = finder.mentionCovering[index]
      if mentionIndex >= 0 {
        let mention = finder.mentions[Int(mentionIndex)]
        if !participants.contains(mention.entity) { participants.append(mention.entity) }
      }
      words.append(article.text(tokens: index, index))
      index += 1
    }
    guard !words.isEmpty else { return nil }
    let headline = Self.capitalized(Self.joinWords(words))
    return FoundEvent(
      headline: headline,
      summary: summary(
        headline, status: .occurred, expression: expression.text, paragraph: paragraph),
      date: .stated(StatedDate(stated: expression.text, tense: .past)),
      resolved: expression.resolved, status: .occurred, participants: participants,
      paragraph: paragraph, sentence: sentence, expression: expression.text)
  }

  /// A word that can follow a subject as its verb: a modal, an auxiliary, a past form or a
  /// third-person form.
  ///
  /// `classes` are the word's token classes: those lists set exactly these bits, so testing the
  /// bits is testing the lists.
  static func looksLikeVerb(_ word: String, classes: WordClass) -> Bool {
    if !classes.isDisjoint(with: [.auxiliary, .pastVerb, .presentVerb, .speechVerb]) {
      return true
    }
    if word.hasSuffix("ed") && word.hasMoreCharacters(than: 4) && !classes.contains(.notPastEd) {
      return true
    }
    return word.hasSuffix("s") && !word.hasSuffix("ss") && word.hasMoreCharacters(than: 3)
  }

  /// The speech verbs, for words of a headline (which are not tokens with class bits).
  static let speechVerbs = WordSet(Lexicon.speechVerbs)

  static let cognitionVerbs: WordSet = [
    "thinks", "believes", "said", "says", "hopes", "expects", "fears", "knows", "thought",
    "believed", "hoped", "feared", "predicted", "added", "told",
  ]

  static let clauseStops: WordSet = [
    ",", ";", ":", ".", "!", "?", "that", "which", "who", "when", "because", "while", "after",
    "before", "as", "if", "but", "although", "where", "(", ")", "—", "–",
  ]
  static let trailingFunctionWords: WordSet = [
    "on", "at", "in", "the", "a", "an", "to", "of", "with", "and", "for", "by", "from", "its",
    "his", "her", "their", "about", "into", "over", "under", "as", "or", "could", "would",
    "will", "may", "might", "should", "must", "can",
  ]

  /// Subject + verb + object, names shortened, the date left out: "Trump will meet with Starmer".
  func headline(sentence: Int, skipping expression: TemporalExpression, participants: [Int])
    -> String
  {
    let range = article.sentences[sentence]
    // Subject: the first name (or resolved pronoun) followed by a lowercase word.
    var subject: (entity: Int, next: Int)?
    var reporting = false
    var index = range.lowerBound
    while index < range.upperBound {
      // Once a reporting verb is found, a reported subject counts only before the date:
      // "X told reporters Y could visit within weeks" is Y's visit; "X told a panel on
      // Tuesday that ..." is X's testimony.
      if reporting && index >= expression.firstToken { break }
      if article.tokens[index].quote < 0, !article.tokens[index].isCredit,
        let (entity, subjectEnd) = speakers.subject(at: index, paragraphEnd: range.upperBound)
      {
        var next = subjectEnd
        // "Vasile, however, called": step over a short aside between commas.
        if next + 2 < range.upperBound, article.tokens[next].lower.equals(","),
          let closing = (next + 1..<min(range.upperBound, next + 5)).first(where: {
            article.tokens[$0].lower.equals(",")
          })
        {
          next = closing + 1
        }
        if next < range.upperBound, article.tokens[next].kind == .word,
          !article.tokens[next].isCapitalized,
          next < expression.firstToken || next > expression.lastToken,
          subject == nil
            || Self.looksLikeVerb(article.tokens[next].lower, classes: article.tokens[next].classes)
        {
          let reports =
            article.tokens[next].classes.contains(.speechVerb)
            || Self.cognitionVerbs.contains(article.tokens[next].lower)
          if subject == nil || !reports { subject = (entity, next) }
          if !reports { break }
          reporting = true
        }
      }
      index += 1
    }
    guard let subject else {
      let names = participants.prefix(2).map { shortName(finder.entities[$0]) }
      return names.joined(separator: " and ") + " (" + expression.text + ")"
    }
    var words = [shortName(finder.entities[subject.entity])]
    words.reserveCapacity(20)
    var position = subject.next
    var phraseWords = 0
    while position < range.upperBound, phraseWords < 8 {
      if position >= expression.firstToken && position <= expression.lastToken {
        position = expression.lastToken + 1
        continue
      }
      let kind = article.tokens[position].kind
      if kind == .quoteMark || article.tokens[position].quote >= 0 { break }
      if phraseWords > 0 && Self.clauseStops.contains(article.tokens[position].lower) { break }
      if kind == .punctuation {
        position += 1
        continue
      }
      let mentionIndex = finder.mentionCovering[position]
      if mentionIndex >= 0 {
        let mention = finder.mentions[Int(mentionIndex)]
        words.append(shortName(finder.entities[mention.entity]))
        position = mention.last + 1
        phraseWords += 1
        continue
      }
      words.append(article.text(tokens: position, position))
      phraseWords += 1
      position += 1
    }
    // "Calder said Thursday that a vote could come": what was said is the news.
    if words.count == 2, Self.speechVerbs.containsLowercased(words[1]),
      let that = (subject.next..<range.upperBound).first(where: {
        article.tokens[$0].lower.equals("that") && article.tokens[$0].quote < 0
      })
    {
      var clause = that + 1
      var added = 0
      while clause < range.upperBound, added < 10 {
        if article.tokens[clause].kind == .quoteMark || article.tokens[clause].quote >= 0
          || (added > 0 && Self.clauseStops.contains(article.tokens[clause].lower))
        {
          break
        }
        if clause >= expression.firstToken && clause <= expression.lastToken {
          clause = expression.lastToken + 1
          continue
        }
        let mentionIndex = finder.mentionCovering[clause]
        if mentionIndex >= 0 {
          let mention = finder.mentions[Int(mentionIndex)]
          words.append(shortName(finder.entities[mention.entity]))
          clause = mention.last + 1
        } else {
          if article.tokens[clause].kind != .punctuation {
            words.append(article.text(tokens: clause, clause))
          }
          clause += 1
        }
        added += 1
      }
    }
    while words.count > 1, let last = words.last,
      Self.trailingFunctionWords.containsLowercased(last)
    {
      words.removeLast()
    }
    return Self.capitalized(Self.joinWords(words))
  }

  func shortName(_ entity: Entity) -> String {
    entity.kind == .person ? entity.surnameCapitalized : entity.name
  }

  /// The words with a space between them, none before a possessive "'s".
  static func joinWords(_ words: [String]) -> String {
    // Written into one allocation: String's own appends cost several hundred instructions each.
    let capacity = words.reduce(words.count) { $0 + $1.utf8.count }
    return String(unsafeUninitializedCapacity: capacity) { buffer in
      var offset = 0
      for word in words {
        if offset > 0 && !word.equals("'s") && !word.equals("’s") {
          buffer[offset] = UInt8(ascii: " ")
          offset += 1
        }
        offset += word.copyUTF8(into: buffer, at: offset)
      }
      return offset
    }
  }

  static func capitalized(_ text: String) -> String {
    // An ASCII letter followed by ASCII is a whole character: change its byte alone.
    let bytes = text.utf8
    if let firstByte = bytes.first, firstByte < 0x80,
      bytes.count == 1 || bytes[bytes.index(after: bytes.startIndex)] < 0x80,
      firstByte != 0x0D
    {
      guard firstByte >= UInt8(ascii: "a"), firstByte <= UInt8(ascii: "z") else { return text }
      var upper = Array(bytes)
      upper[0] = firstByte - 0x20
      return String(decoding: upper, as: UTF8.self)
    }
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }

  func summary(_ headline: String, status: EventStatus, expression: String, paragraph: Int)
    -> String
  {
    // "<headline> (<status>; the article dates it "<expression>", paragraph <n>)."
    String(concatenating: [
      headline, " (", status.rawValue, "; the article dates it \"", expression, "\", paragraph ",
      String(paragraph + 1), ").",
    ])
  }

  /// `DateResolver.resolve(.edtf(day.description), anchor: nil)` without writing the day out
  /// and parsing it back: for a four-digit year the parse gives exactly `.day(day)`.
  static func resolvedDay(_ day: CivilDay) -> ResolvedDate? {
    guard (0...9999).contains(day.year) else {
      return try? DateResolver.resolve(DateSpec.edtf(day.description), anchor: nil)
    }
    return .given(.day(day))
  }

  /// The meeting, press conference or visit the article reports on, on its publication day.
  func storyMoment() -> FoundEvent? {
    guard let publicationDay else { return nil }
    // The sentence of each date, found once; an article has few dates.
    let dateSentences = dates.map { article.tokens[$0.firstToken].sentence }
    sentences: for (number, range) in article.sentences.enumerated().prefix(60) {
      let paragraph = article.tokens[range.lowerBound].paragraph
      guard paragraph < 10, !article.tokens[range.lowerBound].isCredit else { continue }
      // A date on another day rules the sentence out; the first resolved one dates the moment.
      var stated: TemporalExpression?
      for (date, sentence) in dateSentences.enumerated() where sentence == number {
        guard let resolved = dates[date].resolved else { continue }
        if resolved.start != publicationDay { continue sentences }
        if stated == nil { stated = dates[date] }
      }
      guard
        let nounIndex = range.first(where: {
          article.tokens[$0].quote < 0 && article.tokens[$0].classes.contains(.gatheringNoun)
            && [
              "conference", "meeting", "summit", "talks", "briefing", "interview", "hearing",
              "rally", "visit", "session", "ceremony", "debate",
            ].contains(article.tokens[$0].lower)
        })
      else { continue }
      let people = participants(in: number).filter { finder.entities[$0].kind == .person }
      guard !people.isEmpty else { continue }
      // The noun with up to two modifiers before it: "joint press conference".
      var start = nounIndex
      while start > range.lowerBound, nounIndex - start < 2 {
        let previous = article.tokens[start - 1]
        guard previous.kind == .word, !previous.isCapitalized,
          !["a", "an", "the", "his", "her", "their", "its", "at", "in", "with", "during", "after"]
            .contains(previous.lower)
        else { break }
        start -= 1
      }
      let noun = article.text(tokens: start, nounIndex)
      let names = people.prefix(3).map { shortName(finder.entities[$0]) }
      let headline = String(concatenating: [names.joined(separator: " and "), ": ", noun])
      return FoundEvent(
        headline: Self.capitalized(headline),
        summary:
          String(concatenating: [
            "The ", noun, " the article reports on, with ", names.joined(separator: ", "),
            " (paragraph ", String(paragraph + 1), ").",
          ]),
        date: stated.map {
          $0.isResolvedLocally
            ? .edtf($0.resolved!.value.description)
            : .stated(StatedDate(stated: $0.text, tense: $0.tense))
        }
          ?? .edtf(publicationDay.description),
        resolved: stated?.resolved ?? Self.resolvedDay(publicationDay),
        status: .occurred, participants: people, paragraph: paragraph, sentence: number,
        expression: stated?.text, isStoryMoment: true)
    }
    return nil
  }
}
