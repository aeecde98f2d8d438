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
  /// The actor the headline is about (its subject), when it names one.
  public var actor: Int?
}

/// A headline and what it found on the way: its subject, and for "X said Y told him ...", Y.
struct WrittenHeadline {
  var text: String
  var actor: Int?
  /// The actor of a past act reported inside the sentence's statement, whose day is not given.
  var nestedPast: Int?
  /// `HeadlineCheck` passed it (checked once, where it was chosen).
  var isComplete = false
}

/// The meeting, press conference or visit an article reports on.
struct StoryMoment {
  var sentence: Int
  var noun: String
  var people: [Int]
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
      // A wire dateline's date ("KESTREL BAY, October 28 (Harbor Wire) --") says when the story
      // was filed, not when anything in it happened.
      if article.tokens[expression.firstToken].isCredit { continue }
      let quote = article.tokens[expression.firstToken].quote
      guard quote < 0 || partialQuoteOpens.contains(article.quoteSpans[quote].openToken) else {
        continue
      }
      let sentence = article.tokens[expression.firstToken].sentence
      if datesBySentence.indices.contains(sentence) { datesBySentence[sentence].append(expression) }
    }
    // Sentences that hold a whole quotation: "'...,' Bell said." is an attribution, not news.
    var quotesSentence = [Bool](repeating: false, count: article.sentences.count)
    for quote in quotes where quote.kind == .full {
      let first = article.tokens[quote.span.openToken].sentence
      let last = quote.span.closeToken.map { article.tokens[$0].sentence } ?? first
      for sentence in first...max(first, last) where quotesSentence.indices.contains(sentence) {
        quotesSentence[sentence] = true
      }
    }
    let moment = storyMoment(quotesSentence: quotesSentence)
    let facts = sentenceFacts()
    // The words of each event's headline, made once, for `sameEvent`.
    var headlineWords = HeadlineWords()
    var sentenceEvent = [Int?](repeating: nil, count: article.sentences.count)
    // The day the narrative is at: the last day an occurred event was dated to. A statement the
    // article does not date happened then ("Earlier in the day, ... Shea told the session").
    var reference: CivilDay?
    for sentence in article.sentences.indices {
      let paragraph = article.tokens[article.sentences[sentence].lowerBound].paragraph
      guard !isCaption(sentence) else { continue }
      let expressions = datesBySentence[sentence].filter { !isStateSince($0) }
      if let moment, moment.sentence == sentence {
        let event = momentEvent(moment, expressions: expressions, reference: reference)
        events.append(event)
        sentenceEvent[sentence] = events.count - 1
        if let day = day(of: event.resolved) { reference = day }
        continue
      }
      // Who takes part is read only for sentences that can give an event.
      let mayState = !quotesSentence[sentence] && facts.mayReport[sentence]
      var participants =
        expressions.isEmpty && !mayState ? [] : participants(in: sentence)
      if let anniversary = expressions.first(where: { $0.isAnniversary && $0.resolved != nil }) {
        let remembered = anniversaryEvents(
          anniversary, sentence: sentence, paragraph: paragraph, expressions: expressions)
        events.append(contentsOf: remembered)
        // Who took part in the remembered event is not who acts on the anniversary.
        let rememberedActors = Set(remembered.flatMap(\.participants))
        let acting = participants.filter { !rememberedActors.contains($0) }
        if !acting.isEmpty { participants = acting }
      }
      if facts.hasCreditVerb[sentence],
        let credited = creditedAct(in: sentence, paragraph: paragraph),
        sameEvent(credited, in: events, words: &headlineWords) == nil
      {
        events.append(credited)
      }
      let resolvedExpressions = expressions.filter { $0.resolved != nil }
      guard let primary = resolvedExpressions.first else {
        if mayState,
          let event = statementEvent(sentence: sentence, participants: participants, day: reference)
        {
          if let same = sameEvent(event, in: events, words: &headlineWords) {
            sentenceEvent[sentence] = same
          } else {
            events.append(event)
            sentenceEvent[sentence] = events.count - 1
          }
        }
        continue
      }
      // One event per date the sentence gives a happening: "raised rates on Wednesday, warning
      // that more could follow in the coming weeks" is two.
      var chosen = [primary]
      for expression in resolvedExpressions.dropFirst()
      where !expression.isAnniversary && chosen.count < 3
        && !chosen.contains(where: { $0.resolved?.value == expression.resolved?.value })
        && !isCoordinated(expression, after: chosen[chosen.count - 1])
      {
        chosen.append(expression)
      }
      for (number, expression) in chosen.enumerated() {
        if expression.isAnniversary && participants.isEmpty { continue }
        guard
          var event = datedEvent(
            sentence: sentence, expression: expression, participants: participants,
            paragraph: paragraph, others: expressions, isFirst: number == 0)
        else { continue }
        if let same = sameEvent(event, in: events, words: &headlineWords) {
          if number == 0 { sentenceEvent[sentence] = same }
          continue
        }
        event.isStoryMoment = false
        events.append(event)
        if number == 0 { sentenceEvent[sentence] = events.count - 1 }
        // A quotation's date ("..., Ruiz wrote on Wednesday") is a look back, not the story's day.
        if event.status == .occurred, !quotesSentence[sentence],
          let day = day(of: event.resolved)
        {
          reference = day
        }
      }
    }
    return (events, quoteEvents(events: events, sentenceEvent: sentenceEvent))
  }

  /// A photo caption opens with its credit ("Ludovic Marin / AFP ... President Trump meets ...")
  /// and repeats what the text tells; a dateline ("BRASOV, Valdoria (AP) —") opens a story.
  func isCaption(_ sentence: Int) -> Bool {
    let range = article.sentences[sentence]
    guard article.tokens[range.lowerBound].isCredit else { return false }
    var last = range.lowerBound
    while last + 1 < range.upperBound, article.tokens[last + 1].isCredit { last += 1 }
    return !["—", "–", "-"].contains(article.tokens[last].lower)
  }

  /// "lowest since 1998", "had simmered since 2019": the start of a state, not a happening.
  func isStateSince(_ expression: TemporalExpression) -> Bool {
    expression.firstToken > 0 && article.tokens[expression.firstToken - 1].lower.equals("since")
      || expression.text.lowercased().hasPrefix("since")
  }

  /// "in 2023 and 2024": the second date of a pair joined by "and" belongs to the same event.
  func isCoordinated(_ expression: TemporalExpression, after previous: TemporalExpression) -> Bool {
    let gap = previous.lastToken + 1..<expression.firstToken
    return gap.count <= 2 && gap.contains { article.tokens[$0].lower.equals("and") }
  }

  /// A day the narrative can stand on: a single day, not after publication.
  func day(of resolved: ResolvedDate?) -> CivilDay? {
    guard let resolved, resolved.value.precision == .day,
      publicationDay.map({ resolved.start <= $0 }) ?? true
    else { return nil }
    return resolved.start
  }

  /// The same happening told twice (a caption repeating the text, a second sentence about one
  /// statement): the same date and people, and headlines that share most of their words.
  /// Only the last events are compared: a retelling is near, and a long text stays linear.
  /// The cheap comparisons come first; each headline's words are made once (`words`).
  func sameEvent(_ event: FoundEvent, in events: [FoundEvent], words: inout HeadlineWords) -> Int? {
    var eventWords: [String]?
    // The other events are read in place: copying one copies its strings and arrays.
    for index in events.indices.suffix(24) {
      guard events[index].resolved?.value == event.resolved?.value,
        events[index].status == event.status,
        events[index].resolved?.sameDayOrder == event.resolved?.sameDayOrder
      else { continue }
      if event.expression == nil && events[index].paragraph == event.paragraph
        && events[index].actor != nil && events[index].actor == event.actor
      {
        return index
      }
      guard Self.sameMembers(events[index].participants, event.participants) else { continue }
      let mine = eventWords ?? Self.contentWords(event.headline)
      eventWords = mine
      if Self.sharesMostWords(
        words.of(index, in: events), mine, events[index].headline, event.headline)
      {
        return index
      }
    }
    return nil
  }

  /// `Set(a) == Set(b)` for the few participants of an event, without building sets.
  static func sameMembers(_ a: [Int], _ b: [Int]) -> Bool {
    a.allSatisfy { b.contains($0) } && b.allSatisfy { a.contains($0) }
  }

  /// The words `sameEvent` compares, for each event, made when first asked for.
  struct HeadlineWords {
    private var words: [[String]?] = []

    mutating func of(_ index: Int, in events: [FoundEvent]) -> [String] {
      if words.count < events.count {
        words.append(contentsOf: repeatElement(nil, count: events.count - words.count))
      }
      if let known = words[index] { return known }
      let made = EventBuilder.contentWords(events[index].headline)
      words[index] = made
      return made
    }
  }

  /// A headline's words of more than three letters that start lower case, sorted and without
  /// repeats: names are left out (two events of the same people share them anyway).
  static func contentWords(_ text: String) -> [String] {
    var found: [String] = []
    let ascii: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
      // ASCII: a letter is A-Z or a-z, one byte one character.
      func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
      var start = 0
      while start < bytes.count {
        guard isLetter(bytes[start]) else {
          start += 1
          continue
        }
        var end = start + 1
        while end < bytes.count, isLetter(bytes[end]) { end += 1 }
        if end - start > 3, bytes[start] >= 0x61 {
          found.append(
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        }
        start = end
      }
      return true
    }
    if ascii != true {
      let pieces: [Substring] = text.split(whereSeparator: { !$0.isLetter })
      found = pieces.filter { $0.count > 3 && $0.first?.isLowercase == true }.map(String.init)
    }
    found.sort()
    var unique: [String] = []
    unique.reserveCapacity(found.count)
    for word in found where unique.last != word { unique.append(word) }
    return unique
  }

  /// Whether most of the shorter headline's words (`contentWords`) are the other's too;
  /// headlines without such words must be equal.
  static func sharesMostWords(_ left: [String], _ right: [String], _ a: String, _ b: String)
    -> Bool
  {
    guard !left.isEmpty, !right.isEmpty else { return a == b }
    var shared = 0
    var (i, j) = (0, 0)
    while i < left.count, j < right.count {
      if left[i] == right[j] {
        shared += 1
        i += 1
        j += 1
      } else if left[i] < right[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return Double(shared) / Double(min(left.count, right.count)) >= 0.6
  }

  /// The event a sentence with a date tells, dated by `expression`.
  func datedEvent(
    sentence: Int, expression: TemporalExpression, participants: [Int], paragraph: Int,
    others: [TemporalExpression], isFirst: Bool
  ) -> FoundEvent? {
    let tense = expression.tense
    let status = status(sentence: sentence, expression: expression, resolved: expression.resolved)
    let date: DateSpec
    var resolved = expression.resolved
    if expression.isAnniversary, let publicationDay {
      date = .edtf(publicationDay.description)
      resolved = Self.resolvedDay(publicationDay)
    } else if expression.isResolvedLocally, let value = expression.resolved?.value {
      date = .edtf(value.description)  // the model cannot resolve a holiday's name
    } else {
      date = .stated(StatedDate(stated: expression.text, tense: tense))
    }
    let skip = others.map { $0.firstToken...$0.lastToken }
    let written = headline(sentence: sentence, date: expression, skipping: skip, whole: isFirst)
    guard !written.text.isEmpty, isFirst || written.isComplete else {
      return nil
    }
    // A sentence with a date but no actor is an event when it reads as a clause of its own.
    guard !participants.isEmpty || written.isComplete else { return nil }
    var event = FoundEvent(
      headline: written.text, summary: sentenceText(sentence), date: date, resolved: resolved,
      status: status, participants: participants, paragraph: paragraph, sentence: sentence,
      expression: expression.text)
    event.actor = written.actor
    return event
  }

  /// A statement or act the article reports without a date: "Macron confirmed that ...",
  /// "Trump described Europe's help as a loan". Dated to the narrative's day, else publication.
  func statementEvent(sentence: Int, participants: [Int], day: CivilDay?) -> FoundEvent? {
    guard let anchor = day ?? publicationDay, !participants.isEmpty else { return nil }
    let range = article.sentences[sentence]
    // "In a letter to staff, Okeke wrote:" introduces the quotation that follows.
    if let last = range.last, article.tokens[last].lower.equals(":") { return nil }
    guard let (actor, verb) = mainSubject(in: sentence) else { return nil }
    // "Fisk bemoaned the cuts and said ...": the statement makes it news.
    guard
      Self.reportsHappening(article.tokens[verb])
        || speechFrames(in: range).contains(where: { $0.entity == actor })
    else { return nil }
    let written = headline(
      sentence: sentence, date: nil, skipping: [], whole: true, main: (actor, verb))
    guard written.isComplete else { return nil }
    var date = DateSpec.edtf(anchor.description)
    var resolved = Self.resolvedDay(anchor)
    var headlineActor = written.actor ?? actor
    // "Trump said Putin told him that ...": Putin's telling came before, on a day not given.
    if let nested = written.nestedPast, let publicationDay {
      let value = "../" + publicationDay.description
      date = .edtf(value)
      resolved = try? DateResolver.resolve(DateSpec.edtf(value), anchor: nil)
      headlineActor = nested
    }
    var event = FoundEvent(
      headline: written.text, summary: sentenceText(sentence), date: date, resolved: resolved,
      status: .occurred, participants: participants,
      paragraph: article.tokens[range.lowerBound]
        .paragraph,
      sentence: sentence, expression: nil)
    event.actor = headlineActor
    return event
  }

  /// "commending Trump for agreeing to work with Zelenskyy": what someone is praised or thanked
  /// for having done is a happening of its own, before publication on a day not given.
  func creditedAct(in sentence: Int, paragraph: Int) -> FoundEvent? {
    guard let publicationDay else { return nil }
    let range = article.sentences[sentence]
    // `.creditVerb` marks exactly the words of `creditVerbs`.
    for index in range where article.tokens[index].classes.contains(.creditVerb) {
      let after = index + 1
      guard after < range.upperBound, article.tokens[after].quote < 0 else { continue }
      let mentionIndex = finder.mentionCovering[after]
      guard mentionIndex >= 0 else { continue }
      let mention = finder.mentions[Int(mentionIndex)]
      let actor = mention.entity
      let forToken = mention.last + 1
      guard forToken + 1 < range.upperBound, article.tokens[forToken].lower.equals("for"),
        article.tokens[forToken + 1].kind == .word,
        let past = Self.pastForm(ofGerund: article.tokens[forToken + 1].lower)
      else { continue }
      var words = [subjectName(finder.entities[actor]), past]
      appendClause(
        from: forToken + 2, end: range.upperBound, skip: [], frame: actor, into: &words)
      let headline = Self.capitalized(Self.joinWords(words))
      guard HeadlineCheck.isComplete(headline) else { continue }
      var people = [actor]
      for position in forToken..<range.upperBound where article.tokens[position].quote < 0 {
        let ending = finder.mentionEndingAt[position]
        if ending >= 0, !people.contains(finder.mentions[Int(ending)].entity) {
          people.append(finder.mentions[Int(ending)].entity)
        }
      }
      let value = "../" + publicationDay.description
      var event = FoundEvent(
        headline: headline, summary: sentenceText(sentence), date: .edtf(value),
        resolved: try? DateResolver.resolve(DateSpec.edtf(value), anchor: nil), status: .occurred,
        participants: people, paragraph: paragraph, sentence: sentence, expression: nil)
      event.actor = actor
      return event
    }
    return nil
  }

  static let creditVerbs: WordSet = [
    "commending", "commended", "praising", "praised", "thanking", "thanked", "crediting",
    "credited", "applauding", "applauded", "congratulating", "congratulated", "hailing",
    "hailed", "faulting", "faulted", "blaming", "blamed", "criticizing", "criticized",
  ]

  /// "agreeing" -> "agreed", "lifting" -> "lifted", "making" -> "made"; nil for a word that is
  /// not a gerund.
  static func pastForm(ofGerund word: String) -> String? {
    guard word.hasSuffix("ing"), word.count > 5 else { return nil }
    if let irregular = irregularPasts[word] { return irregular }
    var stem = String(word.dropLast(3))
    if stem.hasSuffix("e") { return stem + "d" }
    let letters = Array(stem)
    let last = letters[letters.count - 1]
    let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
    // "stopping" -> "stopped"; "raising" -> "raised" (the "e" comes back with "ed").
    if letters.count >= 2, letters[letters.count - 2] == last, !vowels.contains(last),
      last != "l", last != "s"
    {
      stem.removeLast()
    }
    return stem + "ed"
  }

  static let irregularPasts: [String: String] = [
    "making": "made", "taking": "took", "giving": "gave", "bringing": "brought",
    "keeping": "kept", "holding": "held", "selling": "sold", "sending": "sent", "leading": "led",
    "paying": "paid", "meeting": "met", "building": "built", "winning": "won", "finding": "found",
    "getting": "got", "telling": "told", "saying": "said", "buying": "bought", "leaving": "left",
    "putting": "put", "setting": "set", "cutting": "cut", "letting": "let", "standing": "stood",
    "writing": "wrote", "choosing": "chose", "breaking": "broke", "speaking": "spoke",
    "coming": "came", "becoming": "became", "running": "ran", "hitting": "hit",
  ]

  /// For each sentence, read in one pass over its tokens' word classes: whether it has a verb of
  /// speech or act outside quotes (most have none, and are ruled out before anything costlier
  /// is read), and whether it has a credit verb (`creditedAct`).
  func sentenceFacts() -> (mayReport: [Bool], hasCreditVerb: [Bool]) {
    var mayReport = [Bool](repeating: false, count: article.sentences.count)
    var hasCreditVerb = [Bool](repeating: false, count: article.sentences.count)
    let reporting: WordClass = [.speechVerb, .happeningVerb]
    for (sentence, range) in article.sentences.enumerated() {
      for index in range {
        let classes = article.tokens[index].classes
        if classes.contains(.creditVerb) { hasCreditVerb[sentence] = true }
        // `.happeningVerb` marks exactly the words of `happeningVerbs`.
        if !classes.isDisjoint(with: reporting), article.tokens[index].quote < 0 {
          mayReport[sentence] = true
        }
      }
    }
    return (mayReport, hasCreditVerb)
  }

  /// Verbs that make a sentence about a named actor a happening without a date: speech and a
  /// few acts news reports.
  static func reportsHappening(_ token: Token) -> Bool {
    let word = token.lower
    if token.classes.contains(.speechVerb) {
      return !word.hasSuffix("ing") && word != "say" && word != "tell" && word != "add"
    }
    return happeningVerbs.contains(word)
  }

  static let happeningVerbs: WordSet = [
    "described", "describes", "defended", "defends", "praised", "praises", "criticized",
    "criticised", "criticizes", "condemned", "condemns", "welcomed", "welcomes", "thanked",
    "thanks", "met", "meets", "visited", "visits", "signed", "signs", "voted", "votes",
    "approved", "approves", "rejected", "rejects", "declined", "declines", "refused", "refuses",
    "appeared", "appears", "resigned", "resigns", "proposed", "proposes", "launched",
    "launches", "disagreed", "disagree", "proposed", "sued", "sues",
    "branded", "hailed", "hails", "blamed", "blames", "pledged", "pledges",
  ]

  /// The first actor of the sentence followed by its verb, outside quotes: (actor, verb token).
  func mainSubject(in sentence: Int) -> (Int, Int)? {
    let range = article.sentences[sentence]
    var index = range.lowerBound
    while index < range.upperBound {
      if article.tokens[index].quote < 0, !article.tokens[index].isCredit,
        let (entity, subjectEnd) = speakers.subject(at: index, paragraphEnd: range.upperBound)
      {
        let verb = verbAfter(subjectEnd, end: range.upperBound)
        if let verb, !isObjectOfPreposition(index) { return (entity, verb) }
      }
      index += 1
    }
    return nil
  }

  /// "A spokesperson for the Transportation Department, Lena Brooks, said": a name after "for
  /// the" is no subject.
  func isObjectOfPreposition(_ index: Int) -> Bool {
    var before = index - 1
    if before >= 0, article.tokens[before].lower.equals("the") { before -= 1 }
    return before >= 0 && SpeakerFinder.prepositions.contains(article.tokens[before].lower)
  }

  /// The verb right after a subject, stepping over an aside between commas and an adverb:
  /// "Vasile, however, called", "Ward later said".
  func verbAfter(_ start: Int, end: Int) -> Int? {
    var next = start
    // "Mayor Rosa Lindgren of Port Halden presented": the place a person is from.
    if next + 1 < end, article.tokens[next].lower.equals("of"),
      article.tokens[next + 1].isCapitalized
    {
      next += 1
      while next < end, article.tokens[next].isCapitalized, article.tokens[next].kind == .word {
        next += 1
      }
    }
    if next + 2 < end, article.tokens[next].lower.equals(","),
      let closing = (next + 1..<min(end, next + 5)).first(where: {
        article.tokens[$0].lower.equals(",")
      })
    {
      next = closing + 1
    }
    // "Estmark's foreign minister, Pavel Adamek, said": the apposition's closing comma.
    if next + 1 < end, article.tokens[next].lower.equals(","),
      article.tokens[next + 1].classes.contains(.speechVerb)
    {
      next += 1
    }
    if next + 1 < end, Self.adverbs.contains(article.tokens[next].lower) { next += 1 }
    guard next < end, article.tokens[next].kind == .word, !article.tokens[next].isCapitalized,
      article.tokens[next].quote < 0,
      Self.looksLikeVerb(article.tokens[next].lower, classes: article.tokens[next].classes)
    else { return nil }
    return next
  }

  static let adverbs: WordSet = [
    "later", "also", "then", "earlier", "again", "however", "still", "first", "once", "repeatedly",
    "previously", "quickly", "recently", "publicly", "privately", "separately", "initially",
  ]

  /// For each quote, the event it was said at: the event of its own sentence (when it is a day
  /// the speaker acted on), else the statement in its paragraph or, for a paragraph of quotes
  /// alone, in the paragraph before, made by the same speaker. Otherwise none: a quote is not
  /// tied to an event it was not said at.
  func quoteEvents(events: [FoundEvent], sentenceEvent: [Int?]) -> [Int?] {
    var result: [Int?] = []
    result.reserveCapacity(quotes.count)
    // Events are read in place, by index: copying one copies its strings and arrays.
    func fits(_ event: Int, _ speaker: Int) -> Bool {
      guard events[event].status == .occurred, events[event].resolved?.value.precision == .day
      else { return false }
      if events[event].isStoryMoment { return events[event].participants.contains(speaker) }
      return events[event].actor == speaker
    }
    // Events by paragraph, in order: few per paragraph.
    var byParagraph: [Int: [Int]] = [:]
    for index in events.indices {
      byParagraph[events[index].paragraph, default: []].append(index)
    }
    for index in quotes.indices {
      let sentence = article.tokens[quotes[index].span.openToken].sentence
      let paragraph = quotes[index].span.paragraph
      guard let speaker = quotes[index].speaker else {
        result.append(nil)
        continue
      }
      if sentenceEvent.indices.contains(sentence), let own = sentenceEvent[sentence] {
        result.append(fits(own, speaker) ? own : nil)
        continue
      }
      let here = (byParagraph[paragraph] ?? []).filter { events[$0].sentence < sentence }
      if let tied = here.last(where: { fits($0, speaker) }) {
        result.append(tied)
      } else if here.isEmpty, (byParagraph[paragraph] ?? []).isEmpty,
        let tied = (byParagraph[paragraph - 1] ?? []).last(where: { fits($0, speaker) })
      {
        result.append(tied)
      } else {
        result.append(nil)
      }
    }
    return result
  }

  /// The sentence's text, as the article writes it: the summary of the event found in it.
  func sentenceText(_ sentence: Int) -> String {
    let range = article.sentences[sentence]
    guard let last = range.last else { return "" }
    return IngestReport.safe(article.text(tokens: range.lowerBound, last))
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

  func status(sentence: Int, expression: TemporalExpression, resolved: ResolvedDate?)
    -> EventStatus
  {
    var predicts = false
    var hedges = false
    for index in article.sentences[sentence] {
      // Lower case only: "May 6" is a month, "may" a hedge.
      if article.tokens[index].quote >= 0 || article.tokens[index].isCapitalized { continue }
      let word = article.tokens[index].lower
      if Self.forecastWords.contains(word) { predicts = true }
      if Self.hedgeWords.contains(word) { hedges = true }
    }
    let future: Bool
    // A date on or before publication goes with the verb before it: "staged a sit-in on
    // Tuesday" happened, whatever "plans to close" later in the sentence says.
    let verb = verbTense(before: expression.firstToken, in: sentence)
    if let tense = verb, tense != .present {
      future = tense == .future
    } else if verb == .present {
      // A clause of its own with no tense marker before the date: the date says it.
      future = resolved.map { day in publicationDay.map { day.start > $0 } ?? false } ?? false
    } else {
      switch expression.tense {
      case .past: future = false
      case .future: future = true
      case .present, nil:
        future = resolved.map { day in publicationDay.map { day.start > $0 } ?? false } ?? false
      }
    }
    guard future else { return .occurred }
    // "within days", "in mid-March": not fixed in a calendar.
    let approximate = resolved?.value.isApproximate ?? false
    return predicts ? .predicted : hedges || approximate ? .expected : .scheduled
  }

  /// The tense of the nearest verb before a date in its sentence: a modal makes it future, a
  /// past form past, the start of a clause of its own with neither (", and ...") present. Nil
  /// when there is none near.
  func verbTense(before token: Int, in sentence: Int) -> Tense? {
    // "postponed until Friday": the new time is still to come, whatever the verb's tense.
    if TemporalTagger.isPostponedUntil(article.tokens, token) { return .future }
    let lower = article.sentences[sentence].lowerBound
    var index = token - 1
    while index >= max(lower, token - 10) {
      // "Reyes said the board meets on Friday": the clause after a telling has its own tense.
      if TemporalTagger.opensReportedClause(article.tokens, verb: index, before: token) {
        return nil
      }
      let word = article.tokens[index].lower
      // "was rebuilt four years ago, and its loans come due next year": a clause joined by a
      // comma and "and"/"but" has its own tense, which nothing before the date marked.
      if index > lower, Self.clauseConjunctions.contains(word),
        article.tokens[index - 1].lower.equals(",")
      {
        return .present
      }
      if article.tokens[index].quote < 0, !article.tokens[index].isCapitalized {
        // "planned a march on Saturday": the plan's tense is not the march's.
        if TemporalTagger.isPlanWord(article.tokens, at: index), index > lower,
          !Self.planQualifiers.contains(article.tokens[index - 1].lower)
        {
          return nil
        }
        if Self.futureModals.contains(word) {
          return .future
        }
        // "ordered lawmakers to submit a new map by January 15": the date goes with "submit".
        // "spoke to reporters on Thursday": a plural noun after "to" is no infinitive.
        if index > lower, article.tokens[index - 1].lower.equals("to"),
          article.tokens[index].kind == .word, !Self.notInfinitives.contains(word),
          !TemporalTagger.looksLikePluralNoun(word)
        {
          return .future
        }
        if Lexicon.pastVerbs.contains(word)
          || (word.hasSuffix("ed") && word.utf8.count > 4
            && !article.tokens[index].classes.contains(.notPastEd))
        {
          // "will cut", "to close", "be named": not a past verb.
          let before = index > lower ? article.tokens[index - 1].lower : ""
          if Self.futureModals.contains(before) || before.equals("to") {
            return .future
          }
          if Self.passiveAuxiliaries.contains(before) { return nil }
          return .past
        }
      }
      index -= 1
    }
    return nil
  }

  static let clauseConjunctions: WordSet = ["and", "but"]
  static let planQualifiers: WordSet = ["as", "previously"]
  static let futureModals: WordSet = ["will", "would", "could", "may", "might", "shall", "'ll"]
  static let passiveAuxiliaries: WordSet = ["be", "been", "being", "is", "are"]
  static let notInfinitives: WordSet = [
    "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "my", "our",
    "your", "him", "them", "us", "me", "be", "date",
  ]

  /// Someone's forecast: "Trump thinks the war could end", "she predicted inflation would peak".
  static let forecastWords: WordSet = [
    "thinks", "think", "believes", "believe", "predicted", "predicts", "predict", "forecast",
    "forecasts", "hopes", "hope", "fears", "fear", "reckons",
  ]
  /// Likely but not fixed: "Zelenskyy could visit", "the board expects to finish"; and wished
  /// for, which fixes no date either: "the union wants a deal before Election Day", "Ruiz has
  /// urged Congress to send it to her desk before Thanksgiving".
  static let hedgeWords: WordSet = [
    "could", "might", "may", "expected", "expects", "expect", "likely", "possibly", "probably",
    "perhaps", "wants", "want", "wanted", "urged", "urges", "urge", "urging", "demands",
    "demanded", "seeks", "sought",
  ]

  static let anniversaryStops: WordSet = [",", ".", ";", "that", "which", "when", "and", "as"]

  /// "the third anniversary of Russia's large-scale invasion of Ukraine": the invasion itself,
  /// and the anniversary, on the day the sentence happens.
  func anniversaryEvents(
    _ expression: TemporalExpression, sentence: Int, paragraph: Int,
    expressions: [TemporalExpression]
  ) -> [FoundEvent] {
    var index = expression.lastToken + 1
    guard index < article.tokens.count, article.tokens[index].lower.equals("of") else { return [] }
    index += 1
    let end = article.sentences[sentence].upperBound
    var words: [String] = []
    var participants: [Int] = []
    var head = ""
    while index < end, words.count < 8 {
      let token = article.tokens[index]
      if Self.anniversaryStops.contains(token.lower)
        || token.kind == .quoteMark
      {
        break
      }
      let mentionIndex = finder.mentionCovering[index]
      if mentionIndex >= 0 {
        let mention = finder.mentions[Int(mentionIndex)]
        if !participants.contains(mention.entity) { participants.append(mention.entity) }
      }
      if token.lower.equals("of") && !words.isEmpty && head.isEmpty {
        head = words[words.count - 1]
      }
      words.append(article.text(tokens: index, index))
      index += 1
    }
    guard let last = words.last else { return [] }
    let noun = Self.capitalized(Self.joinWords(words))
    let verb =
      Self.beginningNouns.contains((head.isEmpty ? last : head).lowercased())
      ? "began" : "took place"
    let summary = sentenceText(sentence)
    var remembered = FoundEvent(
      headline: noun + " " + verb, summary: summary,
      date: .stated(StatedDate(stated: expression.text, tense: .past)),
      resolved: expression.resolved, status: .occurred, participants: participants,
      paragraph: paragraph, sentence: sentence, expression: expression.text)
    remembered.actor = participants.first
    // The anniversary falls on the day the sentence gives, else the publication day.
    let ordinal = expression.text.split(separator: " ").filter {
      !["the", "anniversary", "of"].contains($0.lowercased())
    }.joined(separator: " ")
    let day = expressions.first { !$0.isAnniversary && $0.resolved?.value.precision == .day }
    let date: DateSpec
    let resolved: ResolvedDate?
    if let day {
      date =
        day.isResolvedLocally
        ? .edtf(day.resolved!.value.description)
        : .stated(StatedDate(stated: day.text, tense: day.tense))
      resolved = day.resolved
    } else if let publicationDay {
      date = .edtf(publicationDay.description)
      resolved = Self.resolvedDay(publicationDay)
    } else {
      return [remembered]
    }
    let upcoming = resolved.map { day in publicationDay.map { day.start > $0 } ?? false } ?? false
    var anniversary = FoundEvent(
      headline: noun + (upcoming ? " will reach its " : " reaches its ")
        + (ordinal.isEmpty ? "" : ordinal + " ") + "anniversary",
      summary: summary, date: date, resolved: resolved, status: upcoming ? .scheduled : .occurred,
      participants: participants, paragraph: paragraph, sentence: sentence,
      expression: day?.text ?? expression.text)
    anniversary.actor = participants.first
    return [remembered, anniversary]
  }

  /// Nouns of things that start and last: their anniversary is of when they began.
  static let beginningNouns: Set<String> = [
    "invasion", "war", "strike", "occupation", "siege", "crisis", "protest", "protests",
    "campaign", "pandemic", "conflict", "uprising", "revolution", "lockdown", "blockade",
    "offensive", "walkout", "shutdown",
  ]

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
    "titled", "entitled", "dubbed", "headlined",
    "on", "at", "in", "the", "a", "an", "to", "of", "with", "and", "for", "by", "from", "its",
    "his", "her", "their", "about", "into", "over", "under", "as", "or", "could", "would",
    "will", "may", "might", "should", "must", "can",
  ]

  /// A headline for the sentence: a short clause with names, not pronouns, the date left out.
  ///
  /// When the date lies in what someone said ("Trump added that Zelenskyy could visit him in
  /// the next two weeks"), the headline is that clause ("Zelenskyy could visit Trump at the
  /// White House"); when it dates the saying, or there is none, it is the subject and the
  /// statement ("Calder said a vote on the stalled highway bill could come"). Without a named
  /// subject it is the clause the sentence opens with ("A memorial garden will open at the
  /// site"). Candidates are tried in turn; the first complete clause (`HeadlineCheck`) wins.
  ///
  /// `main` is the sentence's `mainSubject` when the caller has it already.
  func headline(
    sentence: Int, date: TemporalExpression?, skipping: [ClosedRange<Int>], whole: Bool,
    main knownMain: (Int, Int)? = nil
  ) -> WrittenHeadline {
    let range = article.sentences[sentence]
    var skip = skipping
    if let date { skip.append(date.firstToken...date.lastToken) }
    var candidates: [WrittenHeadline] = []
    // The first complete candidate wins: later ones are not built.
    func complete(_ candidate: WrittenHeadline) -> Bool {
      var checked = candidate
      checked.isComplete = HeadlineCheck.isComplete(candidate.text)
      candidates.append(checked)
      return checked.isComplete
    }
    // Only a whole sentence's headline asks for its subject.
    let main = whole ? knownMain ?? mainSubject(in: sentence) : nil
    // The date inside a statement's content: the content is the event.
    if let date, let frame = speechFrames(in: range).last(where: { $0.verb < date.firstToken }),
      let content = contentStart(after: frame.verb, end: range.upperBound),
      content <= date.firstToken,
      let clause = clause(from: content, end: range.upperBound, skip: skip, frame: frame.entity),
      complete(clause)
    {
      return candidates[candidates.count - 1]
    }
    if !whole, let date {
      // A second date: the clause around it, from the boundary before it.
      var start = date.firstToken
      while start > range.lowerBound,
        !Self.boundaries.contains(article.tokens[start - 1].lower)
      {
        start -= 1
      }
      while start < date.firstToken, Self.boundarySkips.contains(article.tokens[start].lower) {
        start += 1
      }
      if let clause = clause(from: start, end: range.upperBound, skip: skip, frame: nil),
        complete(clause)
      {
        return candidates[candidates.count - 1]
      }
    }
    if whole, let (entity, verb) = main {
      // ", Lund said." at the end: the words before it are the news.
      let inverted =
        Self.speechVerbs.contains(article.tokens[verb].lower) && verb > range.lowerBound + 3
        && (range.lowerBound..<verb).contains { article.tokens[$0].lower.equals(",") }
        && !(range.lowerBound..<verb).contains {
          finder.mentionEndingAt[$0] >= 0
            && finder.mentions[Int(finder.mentionEndingAt[$0])].entity == entity
            && $0 < verb - 3
        }
        && article.tokens[verb - 1].isCapitalized
      if inverted,
        let clause = clause(from: openingStart(range), end: verb - 1, skip: skip, frame: nil),
        complete(clause)
      {
        return candidates[candidates.count - 1]
      }
      if let framed = framedHeadline(
        entity: entity, verb: verb, end: range.upperBound, skip: skip),
        complete(framed)
      {
        return candidates[candidates.count - 1]
      }
    }
    if whole,
      let clause = clause(from: openingStart(range), end: range.upperBound, skip: skip, frame: nil),
      complete(clause)
    {
      return candidates[candidates.count - 1]
    }
    // '"...," Okoro said on Monday.': the words are the quotation's; the event is that he spoke.
    if whole, let (entity, verb) = main, Self.speechVerbs.contains(article.tokens[verb].lower),
      range.contains(where: { article.tokens[$0].quote >= 0 })
    {
      let name = shortName(finder.entities[entity])
      return WrittenHeadline(
        text: name + " made a statement", actor: entity, nestedPast: nil, isComplete: true)
    }
    return candidates.first ?? WrittenHeadline(text: "", actor: nil, nestedPast: nil)
  }

  static let reportVerbs: WordSet = ["reports", "reported", "writes", "wrote"]

  static let boundaries: WordSet = [",", ";", "—", "–", "that", ":"]
  static let boundarySkips: WordSet = ["warning", "saying", "and", "adding", "but"]

  /// Speech and thought verbs with a named subject in the range: (subject, verb).
  func speechFrames(in range: Range<Int>) -> [(entity: Int, verb: Int)] {
    var frames: [(entity: Int, verb: Int)] = []
    var index = range.lowerBound
    while index < range.upperBound {
      if article.tokens[index].quote < 0, !article.tokens[index].isCredit,
        let (entity, subjectEnd) = speakers.subject(at: index, paragraphEnd: range.upperBound),
        let verb = verbAfter(subjectEnd, end: range.upperBound), !isObjectOfPreposition(index),
        Self.speechVerbs.contains(article.tokens[verb].lower)
          || Self.cognitionVerbs.contains(article.tokens[verb].lower)
          || Self.reportVerbs.contains(article.tokens[verb].lower)
      {
        frames.append((entity, verb))
        index = verb
      }
      index += 1
    }
    // "and said his party would": a second speech verb of the same subject.
    let sentence = article.tokens[range.lowerBound].sentence
    for verb in range
    where article.tokens[verb].quote < 0 && verb > range.lowerBound
      && article.tokens[verb - 1].lower.equals("and")
      && Self.speechVerbs.contains(article.tokens[verb].lower)
      && !frames.contains(where: { $0.verb == verb })
    {
      if let first = frames.first(where: { $0.verb < verb }) {
        frames.append((first.entity, verb))
      } else if let (entity, mainVerb) = mainSubject(in: sentence), mainVerb < verb {
        frames.append((entity, verb))
      }
    }
    return frames.sorted { $0.verb < $1.verb }
  }

  static let contentStops: WordSet = [",", ";", ":", "."]

  /// Where what was said begins after a speech verb: after "that", after "told reporters", or
  /// right after the verb when a subject follows it. Nil when a quotation follows instead.
  func contentStart(after verb: Int, end: Int) -> Int? {
    var direct = verb + 1
    if direct < end, Self.listeners.contains(article.tokens[direct].lower) { direct += 1 }
    guard direct < end, article.tokens[direct].quote < 0,
      article.tokens[direct].kind != .quoteMark
    else { return nil }
    if speakers.subject(at: direct, paragraphEnd: end) != nil { return direct }
    var index = verb + 1
    while index < min(end, verb + 13) {
      let token = article.tokens[index]
      if token.quote >= 0 || token.kind == .quoteMark { break }
      // "said that" at the clause's end starts no clause.
      if token.lower.equals("that") { return index + 1 < end ? index + 1 : nil }
      if Self.contentStops.contains(token.lower) { break }
      index += 1
    }
    // No "that": the clause starts after the verb and an object like "reporters".
    return Self.notClauseStarts.contains(article.tokens[direct].lower) ? nil : direct
  }

  static let notClauseStarts: WordSet = [
    "in", "on", "at", "to", "for", "with", "by", "from", "as", ",", ":", ";", ".", "about",
  ]
  static let listeners: WordSet = ["reporters", "him", "her", "them", "us", "journalists"]

  /// The subject at `index`: a name, "he"/"she", or an organization's "it" (the frame's).
  func subject(at index: Int, end: Int, frame: Int) -> (Int, Int)? {
    let word = article.tokens[index].lower
    if word == "it", finder.entities[frame].kind != .person { return (frame, index + 1) }
    return speakers.subject(at: index, paragraphEnd: end)
  }

  /// The subject and verb of a statement and what follows them: "Trump says there has been
  /// tremendous distrust between Russia and Ukraine".
  func framedHeadline(entity: Int, verb: Int, end: Int, skip: [ClosedRange<Int>])
    -> WrittenHeadline?
  {
    let isSpeech =
      Self.speechVerbs.contains(article.tokens[verb].lower)
      || Self.cognitionVerbs.contains(article.tokens[verb].lower)
    if isSpeech, let content = contentStart(after: verb, end: end),
      let (found, innerEnd) = subject(at: content, end: end, frame: entity),
      let innerVerb = verbAfter(innerEnd, end: end)
    {
      // "he", "she" after the speaker's verb are the speaker; "it" an organization's own.
      let inner = Self.isHeOrShe(article.tokens[content].lower) ? entity : found
      let innerWord = article.tokens[innerVerb].lower
      // "Trump told reporters he thinks ...": the speaker's own thought is the headline.
      if inner == entity,
        Self.cognitionVerbs.contains(innerWord) || !Self.speechVerbs.contains(innerWord)
      {
        if let clause = clause(from: content, end: end, skip: skip, frame: entity) {
          return WrittenHeadline(text: clause.text, actor: entity, nestedPast: nil)
        }
      }
      // "Trump said Putin told him that he would accept ...": Putin's earlier word.
      if inner != entity, ["told", "said"].contains(innerWord),
        let nested = framedHeadline(entity: inner, verb: innerVerb, end: end, skip: skip)
      {
        return WrittenHeadline(text: nested.text, actor: inner, nestedPast: inner)
      }
    }
    var words = [subjectName(finder.entities[entity])]
    words.reserveCapacity(16)
    appendClause(from: verb, end: end, skip: skip, frame: entity, into: &words)
    return WrittenHeadline(
      text: Self.capitalized(Self.joinWords(words)), actor: entity, nestedPast: nil)
  }

  /// The clause that starts at `start` (its subject first), as a headline.
  func clause(from start: Int, end: Int, skip: [ClosedRange<Int>], frame: Int?) -> WrittenHeadline?
  {
    guard start < end else { return nil }
    var subject: Int?
    var words: [String] = []
    words.reserveCapacity(16)
    var position = start
    if let (entity, subjectEnd) = speakers.subject(at: start, paragraphEnd: end) {
      subject = entity
      // A pronoun subject is the frame's speaker when one is given: "said he would appeal".
      if Self.isHeOrShe(article.tokens[start].lower), let frame { subject = frame }
      words.append(subjectName(finder.entities[subject!]))
      position = subjectEnd
      if let verb = verbAfter(subjectEnd, end: end) {
        if verb > subjectEnd, Self.adverbs.contains(article.tokens[verb - 1].lower) {
          position = verb - 1
        } else {
          position = verb
        }
      }
    }
    appendClause(from: position, end: end, skip: skip, frame: subject ?? frame, into: &words)
    guard !words.isEmpty else { return nil }
    return WrittenHeadline(
      text: Self.capitalized(Self.joinWords(words)), actor: subject, nestedPast: nil)
  }

  /// Where the sentence's own clause starts: after a dateline ("WASHINGTON —") and an opening
  /// phrase set off by a comma ("Earlier in the day,", "In a statement,").
  func openingStart(_ range: Range<Int>) -> Int {
    var start = range.lowerBound
    // A wire dateline ("KESTREL BAY, October 28 (Harbor Wire) --") is marked as a credit.
    while start < range.upperBound, article.tokens[start].isCredit { start += 1 }
    while start < range.upperBound, Self.dashes.contains(article.tokens[start].lower) {
      start += 1
    }
    let window = range.lowerBound..<min(range.upperBound, range.lowerBound + 12)
    if start == range.lowerBound,
      let dash = window.first(where: {
        article.tokens[$0].lower.equals("—") || article.tokens[$0].lower.equals("–")
      })
    {
      start = dash + 1
    }
    guard start < range.upperBound else { return range.lowerBound }
    let first = article.tokens[start].lower
    if Self.openers.contains(first) {
      let isConjunction = Self.conjunctionOpeners.contains(first)
      if let comma = (start..<min(range.upperBound, start + 12)).first(where: {
        article.tokens[$0].lower.equals(",")
      }), !isConjunction {
        start = comma + 1
      } else if isConjunction {
        start += 1
        if start < range.upperBound, article.tokens[start].lower.equals(",") { start += 1 }
      }
    }
    return start
  }

  static let dashes: WordSet = ["—", "–", "-", "--"]
  static let conjunctionOpeners: WordSet = ["and", "but", "still", "so"]
  static let openers: WordSet = [
    "on", "in", "at", "as", "earlier", "later", "still", "and", "but", "so", "speaking",
    "after", "before", "during", "asked", "meanwhile", "however", "since", "for", "with",
  ]

  /// Appends a clause's words from `start`: names shortened, pronouns resolved, dates and
  /// quotations left out, cut at the clause's end or at a safe place after 12 words.
  func appendClause(
    from start: Int, end: Int, skip: [ClosedRange<Int>], frame: Int?, into words: inout [String]
  ) {
    let subjectWords = words.count
    var position = start
    var phraseWords = 0
    var safeCut: Int?
    var cutAtLimit = false
    var droppedThat: Int?
    while position < end {
      if let skipped = skip.first(where: { $0.contains(position) }) {
        // "on Tuesday", "early Monday": the words that went with the date go with it.
        while words.count > subjectWords + 1, let last = words.last,
          Self.dateLeadIns.containsLowercased(last)
        {
          words.removeLast()
        }
        // A safe cut recorded before lead-ins that are gone now ("on on Friday") moves back
        // with them: it still cuts before the date's words.
        if let cut = safeCut, cut > words.count { safeCut = words.count }
        position = skipped.upperBound + 1
        continue
      }
      // The fields, not the token: copying a token costs more than the tests below.
      let kind = article.tokens[position].kind
      if kind == .quoteMark || article.tokens[position].quote >= 0 { break }
      let lower = article.tokens[position].lower
      if phraseWords > 0 && Self.clauseStops.contains(lower) {
        // "said that ...": the statement goes on after "that".
        if lower.equals("that"),
          words.suffix(5).contains(where: {
            Self.speechVerbs.containsLowercased($0) || Self.cognitionVerbs.containsLowercased($0)
          })
        {
          if droppedThat == nil { droppedThat = words.count }
          position += 1
          continue
        }
        // "The bill, which would spend $410 billion over five years, passed": step over it.
        if lower.equals(","), position + 1 < end,
          Self.relativePronouns.contains(article.tokens[position + 1].lower),
          let closing = (position + 2..<min(end, position + 20)).first(where: {
            article.tokens[$0].lower.equals(",")
          })
        {
          // "Its owners, who bought the docks in 1889, have been looking": a date in the
          // clause dates what the clause tells, so the clause is the headline's when what
          // came before is its subject; after a verb, the headline ends before it.
          if skip.contains(where: { $0.overlaps(position...closing) }) {
            guard !words.indices.contains(where: { HeadlineCheck.isFiniteVerb(at: $0, in: words) })
            else { break }
            position += 2
          } else {
            position = closing + 1
          }
          continue
        }
        break
      }
      if kind == .punctuation {
        if Self.keptPunctuation.contains(lower) { words.append(lower) }
        position += 1
        continue
      }
      if phraseWords >= 12 {
        cutAtLimit = true
        break
      }
      if phraseWords >= 2, Self.safeCuts.contains(lower) { safeCut = words.count }
      let mentionIndex = finder.mentionCovering[position]
      if mentionIndex >= 0 {
        let mention = finder.mentions[Int(mentionIndex)]
        words.append(shortName(finder.entities[mention.entity]))
        position = mention.last + 1
        phraseWords += 1
        continue
      }
      if let name = pronounName(at: position, frame: frame) {
        words.append(name)
      } else if Self.possessiveDeterminers.contains(lower), position + 1 < end,
        article.tokens[position + 1].kind == .word,
        !Self.notDeterminedNouns.contains(article.tokens[position + 1].lower)
      {
        // "levels were at their lowest", "its loans come due": a possessive with no one to
        // name reads as "the" in a headline.
        words.append("the")
      } else if Self.unresolved.contains(lower) {
        break
      } else {
        words.append(article.text(tokens: position, position))
      }
      phraseWords += 1
      position += 1
    }
    if cutAtLimit, let safeCut { words.removeSubrange(safeCut...) }
    // "wrote that the map" + a quotation: what was said is not there; keep the saying only.
    // (The cut at the word limit may have removed "that" already.)
    if let droppedThat, droppedThat <= words.count,
      !words[droppedThat...].indices.contains(where: {
        HeadlineCheck.isFiniteVerb(at: $0, in: words)
      })
    {
      words.removeSubrange(droppedThat...)
    }
    while words.count > subjectWords + 1 || (words.count > 1 && subjectWords == 0),
      let last = words.last,
      Self.trailingFunctionWords.containsLowercased(last) || last == "-"
    {
      words.removeLast()
    }
    // Hyphens were kept as words: join them back ("large - scale" -> "large-scale"). (Every
    // word the join changes ends in a hyphen or follows one that does.)
    guard words.contains(where: { $0.utf8.last == UInt8(ascii: "-") }) else { return }
    var joined: [String] = []
    for word in words {
      if word == "-", let last = joined.popLast() {
        joined.append(last + "-")
      } else if let last = joined.last, last.hasSuffix("-") {
        joined[joined.count - 1] = last + word
      } else {
        joined.append(word)
      }
    }
    words = joined
  }

  static let relativePronouns: WordSet = ["which", "who"]
  /// Punctuation a headline keeps: hyphens and possessive endings.
  static let keptPunctuation: WordSet = ["-", "'s", "’s"]
  static let dateLeadIns: WordSet = [
    "on", "in", "at", "by", "until", "since", "early", "late", "during", "within", "as", "of",
    "before", "after", "for", "from", "the",
  ]
  static let safeCuts: WordSet = [
    "in", "at", "on", "to", "for", "with", "by", "from", "over", "after", "and", "as", "about",
    "into", "along", "through",
  ]
  static let possessiveDeterminers: WordSet = ["its", "their"]
  /// Words after a possessive that "the" cannot take instead: "their own", "its own".
  static let notDeterminedNouns: WordSet = ["own"]
  /// Pronouns with no one person to name: the clause stops before them.
  static let unresolved: WordSet = ["they", "them", "their", "it", "its", "we", "us", "our"]

  /// A person's name for "he", "him", "his", "she", "her" at `index`: a subject pronoun is the
  /// speaker of the statement it is in; an object is the other person named before it; a
  /// possessive, the speaker when the gender fits. Possessives come out as "Name's".
  func pronounName(at index: Int, frame: Int?) -> String? {
    let word = article.tokens[index].lower
    // "Dunmore Industries said that it regrets": an organization's "it" is the organization.
    if word == "it" || word == "its", let frame, finder.entities[frame].kind != .person {
      let name = shortName(finder.entities[frame])
      return word == "its" ? name + "'s" : name
    }
    guard Self.personalPronouns.contains(word) else { return nil }
    let female = word == "she" || word == "her" || word == "hers"
    let next = index + 1 < article.tokens.count ? article.tokens[index + 1] : nil
    let possessive =
      word == "his"
      || (word == "her"
        && next.map { $0.kind == .word && !Self.notNouns.contains($0.lower) }
          ?? false)
    func fits(_ entity: Int) -> Bool {
      finder.entities[entity].kind == .person
        && finder.entities[entity].gender != (female ? .male : .female)
    }
    let person: Int?
    if word == "he" || word == "she" || possessive, let frame, fits(frame) {
      person = frame
    } else if word == "he" || word == "she" {
      person = speakers.resolvePronoun(word, before: index)
    } else {
      person = otherPerson(before: index, not: frame, fits: fits)
    }
    guard let person else { return nil }
    let name = shortName(finder.entities[person])
    return possessive ? name + "'s" : name
  }

  static let personalPronouns: WordSet = ["he", "she", "him", "her", "his", "hers"]
  static let notNouns: WordSet = [
    "for", "to", "at", "in", "on", "and", "that", "as", "with", "from", "by", "a", "the",
  ]

  /// The nearest person named before `index` (within a few paragraphs) other than `excluded`.
  func otherPerson(before index: Int, not excluded: Int?, fits: (Int) -> Bool) -> Int? {
    var position = index - 1
    let floor = max(0, index - 400)
    while position >= floor {
      let mentionIndex = finder.mentionEndingAt[position]
      if mentionIndex >= 0, article.tokens[position].quote < 0, !article.tokens[position].isCredit {
        let mention = finder.mentions[Int(mentionIndex)]
        if mention.entity != excluded, fits(mention.entity) { return mention.entity }
        position = mention.first - 1
        continue
      }
      position -= 1
    }
    return nil
  }

  func shortName(_ entity: Entity) -> String {
    entity.kind == .person ? entity.surnameCapitalized : entity.name
  }

  /// A subject's name: a person by surname; "the United States", "the Ministry of Agriculture"
  /// with their article.
  func subjectName(_ entity: Entity) -> String {
    if entity.kind == .person { return entity.surnameCapitalized }
    let name = entity.name
    if name.hasPrefix("United ") || name.hasPrefix("Ministry ") || name.hasPrefix("Department ")
      || name.hasSuffix(" Union") || name.hasSuffix(" Republic")
    {
      return "the " + name
    }
    return name
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

  /// `DateResolver.resolve(.edtf(day.description), anchor: nil)` without writing the day out
  /// and parsing it back: for a four-digit year the parse gives exactly `.day(day)`.
  static func resolvedDay(_ day: CivilDay) -> ResolvedDate? {
    guard (0...9999).contains(day.year) else {
      return try? DateResolver.resolve(DateSpec.edtf(day.description), anchor: nil)
    }
    return .given(.day(day))
  }

  /// The meeting, press conference or visit the article reports on: the first sentence in its
  /// opening paragraphs that names a gathering and a person, on no other day than publication's.
  /// A quotation's attribution ("..., Ward said at a news conference") tells where a statement
  /// was made, not a happening of its own.
  func storyMoment(quotesSentence: [Bool]) -> StoryMoment? {
    guard let publicationDay else { return nil }
    // The sentence of each date, found once; an article has few dates.
    let dateSentences = dates.map { article.tokens[$0.firstToken].sentence }
    sentences: for (number, range) in article.sentences.enumerated().prefix(60) {
      let paragraph = article.tokens[range.lowerBound].paragraph
      guard paragraph < 10, !article.tokens[range.lowerBound].isCredit, !quotesSentence[number]
      else { continue }
      for (date, sentence) in dateSentences.enumerated() where sentence == number {
        guard let resolved = dates[date].resolved else { continue }
        if resolved.start != publicationDay { continue sentences }
      }
      guard
        let nounIndex = range.first(where: {
          article.tokens[$0].quote < 0 && article.tokens[$0].classes.contains(.gatheringNoun)
            && [
              "conference", "meeting", "summit", "talks", "briefing", "interview", "hearing",
              "rally", "session", "ceremony", "debate",
            ].contains(article.tokens[$0].lower)
        })
      else { continue }
      let people = participants(in: number).filter { finder.entities[$0].kind == .person }
      guard !people.isEmpty else { continue }
      // "At the meeting, ..." goes back to a gathering told before: not the story's own.
      var determiner = nounIndex - 1
      while determiner > range.lowerBound, nounIndex - determiner <= 3,
        article.tokens[determiner].kind == .word, !article.tokens[determiner].lower.equals("the"),
        !article.tokens[determiner].lower.equals("a"),
        !article.tokens[determiner].lower.equals("an")
      {
        determiner -= 1
      }
      // A noun that opens the text has no word before it.
      if determiner >= range.lowerBound, article.tokens[determiner].lower.equals("the") { continue }
      // The noun with up to two modifiers before it: "joint press conference".
      var start = nounIndex
      while start > range.lowerBound, nounIndex - start < 2 {
        let previous = article.tokens[start - 1]
        guard previous.kind == .word, !previous.isCapitalized,
          !["a", "an", "the", "his", "her", "their", "its", "at", "in", "with", "during", "after"]
            .contains(previous.lower),
          // "held talks": the verb is no modifier (the headline says "held" itself).
          !Lexicon.pastVerbs.contains(previous.lower),
          previous.classes.isDisjoint(with: [.speechVerb, .auxiliary, .happeningVerb])
        else { break }
        start -= 1
      }
      return StoryMoment(
        sentence: number, noun: article.text(tokens: start, nounIndex), people: people)
    }
    return nil
  }

  /// The story moment as an event: "Trump and Macron held a joint press conference".
  func momentEvent(_ moment: StoryMoment, expressions: [TemporalExpression], reference: CivilDay?)
    -> FoundEvent
  {
    let stated = expressions.first { $0.resolved != nil }
    let names = moment.people.prefix(3).map { shortName(finder.entities[$0]) }
    // "held a joint press conference", "held an interview", "held talks".
    let plural = moment.noun.hasSuffix("s") && !moment.noun.hasSuffix("ss")
    let vowel = ["a", "e", "i", "o", "u"].contains(moment.noun.prefix(1).lowercased())
    let article = plural ? "" : vowel ? "an " : "a "
    let headline = String(
      concatenating: [names.joined(separator: " and "), " held ", article, moment.noun])
    let day = reference ?? publicationDay
    var event = FoundEvent(
      headline: Self.capitalized(headline), summary: sentenceText(moment.sentence),
      date: stated.map {
        $0.isResolvedLocally
          ? .edtf($0.resolved!.value.description)
          : .stated(StatedDate(stated: $0.text, tense: $0.tense))
      } ?? .edtf(day?.description ?? ""),
      resolved: stated?.resolved ?? day.flatMap(Self.resolvedDay),
      status: .occurred, participants: participants(in: moment.sentence),
      paragraph: self.article.tokens[self.article.sentences[moment.sentence].lowerBound].paragraph,
      sentence: moment.sentence, expression: stated?.text, isStoryMoment: true)
    event.actor = moment.people.first
    return event
  }
}
