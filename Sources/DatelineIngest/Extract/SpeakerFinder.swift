import DatelineModel

/// A quotation found in the article, with who said it and how sure we are.
public struct FoundQuote: Sendable, Equatable {
  public var span: QuoteSpan
  public var text: String
  /// Entity index of the speaker.
  public var speaker: Int?
  /// The speech verb that attributes it: "said", "told", "added".
  public var cue: String?
  public var confidence: Double
  public var kind: QuoteKind
  /// How the speaker was found, for the report.
  public var reason: String
  /// The quote has its own attribution (as opposed to continuing the previous speaker).
  public var hasOwnAttribution: Bool
  /// The attribution follows the quote (`"...," Trump said`).
  public var attributedAfter = false
  /// A source that is no actor, in the article's words: `a memo` (`according to a memo`), `the
  /// newspaper` (`the newspaper wrote`). Set only when `speaker` is nil.
  public var sourceWording: String?
}

/// Decides which quoted spans are quotations, and attributes them to speakers.
///
/// A class: the event builder calls `subject(at:)` for every token of a dated sentence, and
/// as a struct holding the article and the finder it was copied onto the stack each time.
final class SpeakerFinder {
  let article: Article
  let finder: EntityFinder
  /// Quoted spans found not to be quotations (titles, labels), by span number.
  var rejectedSpans: [Bool] = []

  init(article: Article, finder: EntityFinder) {
    self.article = article
    self.finder = finder
  }

  static let adverbs: WordSet = [
    "also", "later", "then", "again", "previously", "once", "repeatedly", "had", "has", "have",
    "would", "will", "further", "simply", "only", "just", "recently", "earlier", "flatly",
    "quickly", "finally", "firmly", "bluntly", "publicly", "privately", "reportedly", "often",
    "ultimately", "separately", "did", "does", "could", "should", "might", "can", "must",
  ]
  /// "he", "she", "they", "i", "we", tested without hashing: this runs for almost every token
  /// a rule visits.
  @inline(__always)
  static func isPronoun(_ word: String) -> Bool {
    switch word.utf8.count {
    case 1: word == "i"
    case 2: word == "he" || word == "we"
    case 3: word == "she"
    case 4: word == "they"
    default: false
    }
  }

  /// `adverbs.contains(word)`, or a longer "-ly" word: what may sit between a subject and its
  /// speech verb.
  @inline(__always)
  static func isVerbModifier(_ word: String) -> Bool {
    adverbs.contains(word) || (word.hasSuffix("ly") && word.hasMoreCharacters(than: 4))
      || Lexicon.fullWeekdays.contains(word)
  }

  /// `isVerbModifier` for the token at `index`; a name is none, though it ends in "-ly"
  /// ("Kelly", "Beverly").
  @inline(__always)
  func isVerbModifier(at index: Int) -> Bool {
    Self.isVerbModifier(article.tokens[index].lower) && finder.mentionCovering[index] < 0
  }
  static let prepositions: WordSet = [
    "in", "of", "at", "with", "for", "to", "from", "on", "by", "against", "into", "over",
    "about", "between", "among", "toward", "towards", "under", "across",
  ]

  func find() -> [FoundQuote] {
    var quotes: [FoundQuote] = []
    quotes.reserveCapacity(article.quoteSpans.count)
    // Indexed by paragraph: cheaper than a dictionary that grows as it fills.
    var lastSpeakerInParagraph = [Int?](repeating: nil, count: article.paragraphTokens.count)
    var previousParagraphSpeaker: (paragraph: Int, speaker: Int)?
    var lastAttributedSentence = -1
    var lastAttributedSpeaker: Int? = nil
    rejectedSpans = [Bool](repeating: false, count: article.quoteSpans.count)
    for (number, span) in article.quoteSpans.enumerated() {
      let text = article.text(span.range)
      var found = FoundQuote(
        span: span, text: text, speaker: nil, cue: nil, confidence: 0.3,
        kind: kind(of: span), reason: "no attribution found", hasOwnAttribution: false)
      let labelled = transcriptLabelSpeaker(span)
      let after = labelled == nil ? attributionAfter(span) : nil
      found.attributedAfter = after != nil
      let attributed = labelled ?? after ?? attributionBefore(span)
      // A document or outlet named in the quote's own sentence comes before any continuation.
      let document = attributed == nil ? documentSource(for: span) : nil
      if let (speaker, cue, confidence, reason) = attributed {
        found.speaker = speaker
        found.cue = cue
        found.confidence = confidence
        found.reason = reason
        found.hasOwnAttribution = true
      } else if document != nil {
        found.hasOwnAttribution = true
      } else if attributedToSomeoneUnnamed(span) {
        // `"...," said a Vermont Democrat.`: the quote has its own source, who is not named;
        // it continues no one, and no one continues it.
        found.reason = "attributed to someone not named"
        found.hasOwnAttribution = true
        if lastSpeakerInParagraph.indices.contains(span.paragraph) {
          lastSpeakerInParagraph[span.paragraph] = nil
        }
        previousParagraphSpeaker = nil
      } else if lastSpeakerInParagraph.indices.contains(span.paragraph),
        let speaker = lastSpeakerInParagraph[span.paragraph]
      {
        // `Meeks added. Clinton talked up her "50-state strategy"`: a quote that runs into a
        // sentence with a subject of its own is that subject's.
        if span.openToken > 0, article.tokens[span.openToken - 1].kind == .word,
          let own = subjectOfSentenceRunningInto(span), own != speaker
        {
          found.speaker = own
          found.confidence = 0.5
          found.reason = "subject of the sentence the quote runs into"
        } else {
          found.speaker = speaker
          found.confidence = 0.7
          found.reason = "continues the previous speaker in the paragraph"
        }
      } else if article.paragraphTokens[span.paragraph].lowerBound == span.openToken,
        let speaker = speakerIntroducingParagraph(span.paragraph)
      {
        // `The New York Times reports:` then the quote as a paragraph of its own.
        found.speaker = speaker
        found.confidence = 0.75
        found.reason = "introduced at the end of the paragraph before"
        found.hasOwnAttribution = true
      } else if let previous = previousParagraphSpeaker, previous.paragraph == span.paragraph - 1,
        article.paragraphTokens[span.paragraph].lowerBound == span.openToken,
        !opensWithLabel(span)
      {
        found.speaker = previous.speaker
        found.confidence = 0.5
        found.reason = "continues the speaker of the previous paragraph"
      } else if article.paragraphTokens[span.paragraph].lowerBound == span.openToken,
        let speaker = speakerReportedInParagraph(span.paragraph - 1)
      {
        // `Valdez praised the plan. ¶ "We need this."`: the paragraph before reports what
        // someone says or thinks, without quoting them.
        found.speaker = speaker
        found.confidence = 0.45
        found.reason = "reported in the paragraph before"
      } else if let speaker = speakerReportedInSentence(before: span) {
        found.speaker = speaker
        found.confidence = 0.45
        found.reason = "reported in the sentence before"
      }
      if let (wording, cue) = document {
        found.cue = cue
        found.confidence = 0.6
        // "the newspaper wrote": the outlet named last before the quote, when there is one.
        if Self.outletNouns.contains(wording.split(separator: " ").last?.lowercased() ?? ""),
          let outlet = latestOutlet(before: span.openToken)
        {
          found.speaker = outlet
          found.reason = "the outlet named before, by its kind"
        } else {
          found.sourceWording = wording
          found.reason = "a document or outlet named by its kind"
        }
      }
      let sentence = article.tokens[span.openToken].sentence
      let sameSentence =
        found.speaker != nil && lastAttributedSentence == sentence
        && lastAttributedSpeaker == found.speaker
      guard isQuotation(found, sameSentenceAsAttributed: sameSentence) else {
        rejectedSpans[number] = true
        continue
      }
      // Decided after `isQuotation`, so that which spans are quotations stays as it was.
      if found.speaker == nil, !found.hasOwnAttribution, found.sourceWording == nil,
        let speaker = subjectOfSentenceRunningInto(span)
      {
        found.speaker = speaker
        found.confidence = 0.5
        found.reason = "subject of the sentence the quote runs into"
      }
      if found.hasOwnAttribution || sameSentence {
        lastAttributedSentence = sentence
        lastAttributedSpeaker = found.speaker
      }
      if let speaker = found.speaker {
        if lastSpeakerInParagraph.indices.contains(span.paragraph) {
          lastSpeakerInParagraph[span.paragraph] = speaker
        }
        previousParagraphSpeaker = (span.paragraph, speaker)
      }
      quotes.append(found)
    }
    return quotes
  }

  /// `"PENCE: Well, ...`: a transcript's speaker label in capitals opens the quote (the entity
  /// finder made it a mention of the person).
  func transcriptLabelSpeaker(_ span: QuoteSpan) -> (Int, String?, Double, String)? {
    guard let first = span.innerTokens.first else { return nil }
    let mention = finder.mentionCovering[first]
    guard mention >= 0, finder.mentions[Int(mention)].first == first else { return nil }
    let colon = finder.mentions[Int(mention)].last + 1
    guard colon < span.innerTokens.upperBound, article.tokens[colon].lower.equals(":") else {
      return nil
    }
    return (finder.mentions[Int(mention)].entity, nil, 0.9, "transcript label")
  }

  /// The quote opens with a word in capitals and a colon that names no speaker ("VIDEO: ..."):
  /// a transcript's other voice, which continues no one.
  func opensWithLabel(_ span: QuoteSpan) -> Bool {
    guard let first = span.innerTokens.first, first + 1 < span.innerTokens.upperBound else {
      return false
    }
    return article.tokens[first + 1].lower.equals(":")
      && CreditFinder.isAllCaps(article, at: first) && article.tokens[first].lower.utf8.count >= 2
  }

  /// `Trump launched into a lament for the "countless Americans"`, `Sanders delivered a snappy
  /// retort: "..."`: a quote that runs into its sentence after a word, or that a colon
  /// introduces, with no verb that attributes it. Its words are those of the name that opens
  /// the sentence (after a lead-in such as "On Sunday,"), when that name is followed by its
  /// verb: not a possessor (`Trump's "assertion"`), not an object.
  func subjectOfSentenceRunningInto(_ span: QuoteSpan) -> Int? {
    let tokens = article.tokens
    let open = span.openToken
    guard open > 0, tokens[open - 1].sentence == tokens[open].sentence, tokens[open - 1].quote < 0
    else { return nil }
    let start = max(
      article.sentences[tokens[open].sentence].lowerBound,
      article.paragraphTokens[span.paragraph].lowerBound)
    if let speaker = speakerPuttingIt(from: start, before: open) { return speaker }
    guard tokens[open - 1].kind == .word || tokens[open - 1].lower.equals(":") else { return nil }
    // The lead-in: up to a comma within its first 12 tokens, when the sentence opens with no
    // name.
    var candidates = [start]
    if finder.mentionCovering[start] < 0, !Self.isPronoun(tokens[start].lower) {
      var comma = start + 1
      while comma < min(open, start + 12), !tokens[comma].lower.equals(",") { comma += 1 }
      if comma + 1 < open, tokens[comma].lower.equals(",") { candidates.append(comma + 1) }
    }
    for candidate in candidates {
      let first = skippingThe(candidate)
      guard first < open, tokens[first].quote < 0,
        let (speaker, next) = subject(at: first, paragraphEnd: open), next < open,
        tokens[next].kind == .word, !tokens[next].isCapitalized, tokens[next].quote < 0
      else { continue }
      let mention = finder.mentionCovering[first]
      if mention >= 0, tokens[finder.mentions[Int(mention)].last].isPossessive { continue }
      // "Clinton campaign chairman John Podesta called": the first name only describes the
      // person whose role (lowercase) follows it.
      if mention >= 0 {
        let end = finder.mentions[Int(mention)].last
        var index = end + 1
        while index < min(open, end + 4), tokens[index].kind == .word,
          finder.mentionCovering[index] < 0, !tokens[index].isCapitalized
        {
          index += 1
        }
        let described = index < open ? finder.mentionCovering[index] : -1
        if described >= 0, finder.mentions[Int(described)].first == index,
          !tokens[index].isCapitalized,
          finder.entities[finder.mentions[Int(described)].entity].kind == .person
        {
          return finder.mentions[Int(described)].entity
        }
      }
      return speaker
    }
    return nil
  }

  /// `As The Post's Ruth Marcus puts it, ...`, `As Vulture put it, "..."`: a sentence that
  /// opens by crediting its words to someone. Returns that name.
  func speakerPuttingIt(from start: Int, before limit: Int) -> Int? {
    let tokens = article.tokens
    // "as" opens the sentence, or a clause after a mark: "But at the time, as ... put it,".
    var opening = start
    while opening + 3 < limit,
      !tokens[opening].lower.equals("as")
        || opening > start
          && tokens[opening - 1].kind == .word
    {
      opening += 1
    }
    guard opening + 3 < limit else { return nil }
    var index = skippingThe(opening + 1)
    // "as port inspector Ada Holt put it": lowercase words of description first.
    while index < min(limit, opening + 5), finder.mentionCovering[index] < 0,
      tokens[index].kind == .word || tokens[index].lower.equals("-"), !tokens[index].isCapitalized,
      tokens[index].quote < 0, !Self.isPronoun(tokens[index].lower)
    {
      index += 1
    }
    // A possessor first: "The Post's Ruth Marcus".
    let possessor = finder.mentionCovering[index]
    if possessor >= 0, finder.mentions[Int(possessor)].first == index,
      tokens[finder.mentions[Int(possessor)].last].isPossessive
    {
      index = finder.mentions[Int(possessor)].last + 1
    }
    guard index < limit, let (speaker, next) = subject(at: index, paragraphEnd: limit),
      next + 1 < limit
    else { return nil }
    let verb = tokens[next].lower
    guard verb == "put" || verb == "puts" || isSpeechVerb(at: next) else { return nil }
    var end = next + 1
    if tokens[end].lower.equals("it") { end += 1 }
    return end < limit && tokens[end].lower.equals(",") ? speaker : nil
  }

  /// Words that open a description of someone the article does not name: "a", "one", "another".
  static let indefiniteOpeners: WordSet = [
    "a", "an", "one", "another", "two", "three", "several", "some", "many", "other",
  ]

  /// `"...," said a Vermont Democrat.` / `"...," one aide said.`: after the quote, in its
  /// sentence, a speech verb and a description that starts with an indefinite word, or such a
  /// description (at most five words) and then a speech verb.
  func attributedToSomeoneUnnamed(_ span: QuoteSpan) -> Bool {
    guard let close = span.closeToken else { return false }
    let tokens = article.tokens
    let paragraphEnd = article.paragraphTokens[span.paragraph].upperBound
    var index = close + 1
    while index < paragraphEnd, tokens[index].lower.equals(",") { index += 1 }
    guard index + 1 < paragraphEnd, tokens[index].kind == .word, tokens[index].quote < 0 else {
      return false
    }
    if tokens[index].classes.contains(.speechVerb) {
      return Self.indefiniteOpeners.contains(tokens[index + 1].lower)
    }
    guard Self.indefiniteOpeners.contains(tokens[index].lower) else { return false }
    var verb = index + 1
    while verb < min(paragraphEnd, index + 6), tokens[verb].kind == .word,
      tokens[verb].quote < 0, !tokens[verb].classes.contains(.speechVerb)
    {
      verb += 1
    }
    return verb < paragraphEnd && tokens[verb].classes.contains(.speechVerb)
  }

  /// Nouns that name a source that is a document or an outlet, not a person.
  static let sourceNouns: WordSet = [
    "memo", "memos", "report", "reports", "document", "documents", "letter", "email", "emails",
    "filing", "filings", "complaint", "lawsuit", "indictment", "ruling", "transcript", "audio",
    "video", "recording", "study", "survey", "poll", "analysis", "records", "newspaper", "paper",
    "magazine", "outlet", "website", "network", "station", "release", "book", "editorial",
  ]

  /// `"...," according to a memo`, `"...," the newspaper wrote`, `According to court
  /// documents, "..."`: a source named only by its kind, next to the quote in its sentence.
  /// Returns its words and the cue.
  func documentSource(for span: QuoteSpan) -> (String, String)? {
    let tokens = article.tokens
    let paragraphEnd = article.paragraphTokens[span.paragraph].upperBound
    // After the quote.
    if let close = span.closeToken {
      var index = close + 1
      while index < paragraphEnd, tokens[index].kind == .punctuation,
        tokens[index].lower.equals(",")
      {
        index += 1
      }
      if let found = documentPhrase(at: index, limit: paragraphEnd) { return found }
    }
    // Before it, in its sentence: at most 12 tokens back.
    let sentenceStart = article.sentences[tokens[span.openToken].sentence].lowerBound
    var index = max(sentenceStart, span.openToken - 12)
    while index < span.openToken {
      if tokens[index].quote < 0, let found = documentPhrase(at: index, limit: span.openToken) {
        return found
      }
      index += 1
    }
    return nil
  }

  /// Nouns by which an article calls a news outlet.
  static let outletNouns: Set<String> = [
    "newspaper", "paper", "magazine", "outlet", "website", "network", "station",
  ]
  /// Last words of outlets' names: "The Harbor Times", "Valley Tribune".
  static let outletHeads: Set<String> = [
    "times", "post", "journal", "news", "tribune", "herald", "gazette", "magazine", "review",
    "press", "chronicle", "globe", "daily", "telegraph", "guardian", "observer", "examiner",
    "star", "sun", "record", "register", "inquirer", "dispatch", "bulletin", "courier",
    "reuters", "ap", "afp", "bbc", "cnn", "npr", "politico", "network",
  ]

  /// The organization with an outlet's name mentioned last before `index` (at most 300
  /// mentions back).
  func latestOutlet(before index: Int) -> Int? {
    let mentions = finder.mentions
    var low = 0
    var high = mentions.count
    while low < high {
      let middle = (low + high) / 2
      if mentions[middle].first < index { low = middle + 1 } else { high = middle }
    }
    var position = low - 1
    while position >= max(0, low - 300) {
      let entity = mentions[position].entity
      if finder.entities[entity].kind == .organization,
        let head = finder.entities[entity].lastWordLowercased, Self.outletHeads.contains(head)
      {
        return entity
      }
      position -= 1
    }
    return nil
  }

  /// Participles that tie a document to who holds it: "audio obtained by the Texas Tribune".
  static let documentParticiples: WordSet = [
    "obtained", "released", "seen", "reviewed", "published", "filed", "issued", "sent",
    "written", "posted", "leaked", "provided", "shared", "made", "acquired", "circulated",
  ]
  /// Verbs by which a document says something: "a video shows", "the records reveal".
  static let documentVerbs: WordSet = [
    "shows", "showed", "show", "reveals", "revealed", "reveal", "captured", "captures",
    "reads", "read", "states", "stated", "says", "said",
  ]

  /// After the source noun at `noun`: "obtained by the Texas Tribune" (a participle, "by", a
  /// name). Returns the last token of that tail, or nil.
  func documentTail(after noun: Int, limit: Int) -> Int? {
    let tokens = article.tokens
    guard noun + 3 < limit, Self.documentParticiples.contains(tokens[noun + 1].lower),
      tokens[noun + 2].lower.equals("by")
    else { return nil }
    var name = noun + 3
    if tokens[name].lower.equals("the"), name + 1 < limit { name += 1 }
    let mention = finder.mentionCovering[name]
    guard mention >= 0, finder.mentions[Int(mention)].last < limit else { return nil }
    return finder.mentions[Int(mention)].last
  }

  /// `according to a memo` or `the newspaper wrote` at `index`.
  func documentPhrase(at start: Int, limit: Int) -> (String, String)? {
    let tokens = article.tokens
    var index = start
    var cue: String?
    if index + 1 < limit, tokens[index].lower.equals("according"),
      tokens[index + 1].lower.equals("to")
    {
      cue = "according to"
      index += 2
    }
    guard index < limit, tokens[index].kind == .word, tokens[index].quote < 0,
      finder.mentionCovering[index] < 0
    else { return nil }
    // A determiner, at most two words, then the noun; or the noun alone with a tail ("audio
    // obtained by the Texas Tribune").
    let determined = cue != nil || Self.determiners.contains(tokens[index].lower)
    var noun = index
    while determined, noun < min(limit, index + 4), tokens[noun].kind == .word,
      tokens[noun].quote < 0, !Self.sourceNouns.contains(tokens[noun].lower)
    {
      noun += 1
    }
    guard noun < min(limit, index + 4), tokens[noun].kind == .word,
      Self.sourceNouns.contains(tokens[noun].lower)
    else { return nil }
    let tail = documentTail(after: noun, limit: limit)
    guard determined || tail != nil else { return nil }
    let end = tail ?? noun
    let wording = article.text(tokens[index].start..<tokens[end].end)
    if let cue { return (wording, cue) }
    var verb = end + 1
    while verb < limit, isVerbModifier(at: verb) { verb += 1 }
    guard verb < limit, tokens[verb].kind == .word,
      tokens[verb].classes.contains(.speechVerb)
        || Self.characterizingVerbs.contains(tokens[verb].lower)
        || Self.documentVerbs.contains(tokens[verb].lower)
    else { return nil }
    return (wording, tokens[verb].lower)
  }

  /// Scare quotes, titles and single quoted words are not quotations.
  /// Marks that end a quoted sentence or clause.
  static let terminalMarks: Set<String> = [",", ".", "?", "!", "…", "—", "-", ":"]
  /// `terminalMarks.contains(mark)`, one-byte marks by their byte.
  static func isTerminalMark(_ mark: String) -> Bool {
    let bytes = mark.utf8
    guard bytes.count == 1, let byte = bytes.first else { return terminalMarks.contains(mark) }
    switch byte {
    case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"),
      UInt8(ascii: "-"), UInt8(ascii: ":"):
      return true
    default: return false
    }
  }

  /// Determiners and pronouns (at most five letters) that may sit between a naming word and its
  /// quote.
  static let introducerFillers: WordSet = [
    "a", "an", "the", "as", "its", "his", "her", "their", "of", "it", "them", "this", "that",
    "him", "what",
  ]

  func isQuotation(_ quote: FoundQuote, sameSentenceAsAttributed: Bool = false) -> Bool {
    // Counted in place: copying tokens retains their strings.
    let tokens = article.tokens
    let inner = quote.span.innerTokens
    var wordCount = 0
    var firstWordCapitalized = false
    var significantCount = 0
    var significantAllCapitalized = true
    var lastInner: Int?
    for index in inner {
      let kind = tokens[index].kind
      if kind != .quoteMark { lastInner = index }
      guard kind == .word || kind == .number else { continue }
      if wordCount == 0 { firstWordCapitalized = tokens[index].isCapitalized }
      wordCount += 1
      // Once a long word is lowercase the quote is no title: stop counting (and measuring).
      if kind == .word, significantAllCapitalized, tokens[index].lower.hasMoreCharacters(than: 3) {
        significantCount += 1
        if !tokens[index].isCapitalized { significantAllCapitalized = false }
      }
    }
    guard wordCount > 0 else { return false }
    let terminal = lastInner.map { Self.isTerminalMark(tokens[$0].lower) } ?? false
    var introducer = quote.span.openToken - 1
    // "called it a", "dubbed the": determiners and pronouns between the word and the quote.
    // Fillers are short words: the length spares hashing the rest.
    while introducer >= 0, quote.span.openToken - introducer <= 4,
      tokens[introducer].kind == .word, tokens[introducer].lower.utf8.count <= 5,
      Self.introducerFillers.contains(tokens[introducer].lower)
    {
      introducer -= 1
    }
    var introducedAsTitle =
      introducer >= 0
      && tokens[introducer].sentence == tokens[quote.span.openToken].sentence
      && tokens[introducer].kind == .word
      && Lexicon.scareQuoteIntroducers.contains(tokens[introducer].lower)
    // `the "landlord bill," a label that stuck`: the text itself calls it a name.
    if var next = quote.span.closeToken.map({ $0 + 1 }) {
      if next < tokens.count, tokens[next].lower.equals(",") { next += 1 }
      if next + 1 < tokens.count,
        tokens[next].lower.equals("a") || tokens[next].lower.equals("the"),
        Self.labelNouns.contains(tokens[next + 1].lower)
      {
        introducedAsTitle = true
      }
    }
    let titleCase = significantCount >= 2 && significantAllCapitalized
    // `Cruz called Trump a "pathological liar"`: the verb that introduces the quote is the one
    // that attributes it to a named speaker, so it is speech, not a name.
    let introducerAttributes =
      quote.hasOwnAttribution && introducer >= 0 && quote.cue == tokens[introducer].lower
      && !titleCase
    if introducedAsTitle && !introducerAttributes
      && !(wordCount >= 6 && terminal && quote.hasOwnAttribution)
    {
      return false
    }
    if titleCase && wordCount <= 10 && !quote.hasOwnAttribution { return false }
    // `on CNN's "State of the Union."`, `a "Commander-in-Chief Forum"`: a name in title case
    // is a title, even in an attributed sentence, unless it is said (`"Thank You," he said`,
    // `she wrote: "Crooked Hillary!"`).
    let open = quote.span.openToken
    let runsIntoSentence =
      open > 0 && tokens[open - 1].sentence == tokens[open].sentence
      && (tokens[open - 1].kind == .word || tokens[open - 1].kind == .number)
    if runsIntoSentence, !quote.attributedAfter, isTitleLike(inner) { return false }
    // A partial quote in a sentence that quotes its speaker already: `... a "bully" and a
    // "narcissist"`.
    let attributed = quote.hasOwnAttribution || sameSentenceAsAttributed
    let continuesSpeaker = quote.speaker != nil && terminal && firstWordCapitalized
    if wordCount <= 4 && !attributed && !continuesSpeaker {
      // A short fragment is someone's words when its sentence reports speech or a view
      // (`Obama said he is "surprised and troubled"`, `likened the rules to "burning the
      // Constitution"`); without such a verb, three or four words still mostly are, one or two
      // only after a determiner (`a "vicious snake"`), and a lone word rarely is.
      if reportsSpeech(around: quote.span) { return true }
      if wordCount >= 3 { return true }
      let before = quote.span.openToken - 1
      return wordCount == 2 && before >= 0 && tokens[before].kind == .word
        && Self.determiners.contains(tokens[before].lower)
    }
    return true
  }

  /// Nouns by which a text says that the quoted words are a name: `"landlord bill," a label`.
  static let labelNouns: WordSet = [
    "label", "name", "nickname", "term", "phrase", "slogan", "moniker", "catchphrase", "title",
  ]

  static let determiners: WordSet = [
    "a", "an", "the", "its", "his", "her", "their", "our", "my", "this", "that", "these", "those",
  ]

  /// Verbs of speech, thought and judgement that make a quoted fragment in their sentence
  /// someone's words. Verbs that name (`called`, `dubbed`) are left to the title rule.
  static let reportingWords: WordSet = [
    "thinks", "think", "thought", "believes", "believe", "believed", "feels", "felt", "hopes",
    "hoped", "wants", "wanted", "expects", "expected", "predicted", "referred", "refers",
    "referring", "likened", "likens", "compared", "compares", "comparing", "asserted",
    "asserts", "asserting", "cited", "cites", "citing", "described", "describes", "describing",
    "condemned", "condemns", "accused", "accusing", "praised", "praises", "praising", "blasted",
    "criticized", "criticised", "criticizing", "slammed", "denounced", "denounce", "hailed",
    "deemed", "mocked", "mocking", "dismissed", "characterized", "decried", "lambasted",
    "pledged", "vowed", "blamed", "blaming", "defended", "questioned", "attacked", "touted",
    "bragged", "boasting", "claiming", "promised", "promising", "urging", "dismissing",
    "demanding", "denying", "admitting", "conceding", "insists", "declared", "declaring",
    "stressed", "stressing", "suggesting", "reported", "reports", "according", "tweeted",
    "wrote", "writes", "calls", "considers", "considered", "views", "viewed", "sees", "saw",
    "regards", "regarded", "worries", "worried", "fears", "feared", "knows", "knew", "agreed",
    "agrees", "disagrees", "argue", "argued", "argues", "complained", "lamented", "warned",
    "chanted", "chanting", "shouted", "shouting", "yelled", "sang", "sings", "read", "reads",
    "labels", "quoted", "quoting", "echoed", "echoing", "repeated", "repeating", "thanked",
    "thanking", "labeling", "labelling", "pondered", "imagined", "welcomed", "welcomes",
  ]

  /// A speech verb, or a verb of thought or judgement, in the quote's sentence near it (outside
  /// quotes). Bounded: a sentence can be huge in a broken text.
  func reportsSpeech(around span: QuoteSpan) -> Bool {
    let tokens = article.tokens
    let whole = article.sentences[tokens[span.openToken].sentence]
    let range =
      max(
        whole.lowerBound, span.openToken - 40)..<min(
        whole.upperBound, span.innerTokens.upperBound + 40)
    for index in range where tokens[index].quote < 0 && tokens[index].kind == .word {
      if tokens[index].classes.contains(.speechVerb)
        || Self.reportingWords.contains(tokens[index].lower)
      {
        return true
      }
    }
    return false
  }

  /// Words that stay lowercase in a title: "Meet the Press", "Women in Power".
  static let titleSmallWords: WordSet = [
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from",
  ]

  /// At most six words, every one capitalized but small function words, two capitalized at
  /// least: "Meet the Press", "Fox News Sunday", "Commander-in-Chief Forum".
  func isTitleLike(_ inner: Range<Int>) -> Bool {
    var words = 0
    var capitalized = 0
    for index in inner where article.tokens[index].kind == .word {
      words += 1
      guard words <= 6 else { return false }
      if article.tokens[index].isCapitalized {
        capitalized += 1
      } else if words == 1 || !Self.titleSmallWords.contains(article.tokens[index].lower) {
        return false
      }
    }
    return capitalized >= 2
  }

  func kind(of span: QuoteSpan) -> QuoteKind {
    // Partial when the quote sits inside a narrative sentence that runs into it.
    let open = span.openToken
    guard open > 0 else { return .full }
    let previous = article.tokens[open - 1]
    guard previous.paragraph == span.paragraph, previous.sentence == article.tokens[open].sentence
    else {
      return .full
    }
    if previous.lower.equals(":") || previous.lower.equals(",") { return .full }
    let firstInner = span.innerTokens.first.map { article.tokens[$0] }
    if let firstInner, firstInner.isCapitalized, !previous.lower.equals("that") { return .full }
    return .partial
  }

  /// `"...," Trump said.` / `"...," said Trump.` / `"...," he added.` / `according to X`
  func attributionAfter(_ span: QuoteSpan) -> (Int, String?, Double, String)? {
    guard let close = span.closeToken else { return nil }
    var index = close + 1
    let paragraphEnd = article.paragraphTokens[span.paragraph].upperBound
    var dash = false
    while index < paragraphEnd, article.tokens[index].kind == .punctuation,
      [",", "—", "–", "-", "\u{2015}"].contains(article.tokens[index].lower)
    {
      if !article.tokens[index].lower.equals(",") { dash = true }
      index += 1
    }
    guard index < paragraphEnd else { return signature(after: span) }
    guard article.tokens[index].kind != .quoteMark else { return nil }
    // `"..." ― Jorge Falcon`: a dash, then a name that ends the line (the quote's own full
    // stop may have ended the sentence).
    if dash, let (speaker, next) = subject(at: index, paragraphEnd: paragraphEnd),
      !Self.isPronoun(article.tokens[index].lower)
    {
      var end = next
      if end < paragraphEnd, article.tokens[end].lower.equals(".") { end += 1 }
      if end >= paragraphEnd || article.tokens[end].kind == .quoteMark
        || article.tokens[end].start > article.tokens[end - 1].end
          && article.scalars[article.tokens[end - 1].end..<article.tokens[end].start].contains(
            "\n")
      {
        return (speaker, nil, 0.85, "named after a dash")
      }
    }
    // A quote that ends with its own question or exclamation mark ends a sentence, but the
    // attribution after it belongs to it: `"Do I think so?" Sanders asked.`
    let endsWithQuestion =
      close > span.innerTokens.lowerBound
      && (article.tokens[close - 1].lower.equals("?")
        || article.tokens[close - 1].lower.equals("!"))
    guard article.tokens[index].sentence == article.tokens[close].sentence || endsWithQuestion
    else { return nil }
    let start = nameAfterDescription(from: index, paragraphEnd: paragraphEnd)
    // Name or pronoun, then verb ("the Times reported": "the" before a name).
    if let (speaker, next) = subject(at: skippingThe(start), paragraphEnd: paragraphEnd) {
      var verb = next
      // "Smith, 45, said": an age between commas.
      if verb + 2 < paragraphEnd, article.tokens[verb].lower.equals(","),
        article.tokens[verb + 1].kind == .number, article.tokens[verb + 2].lower.equals(",")
      {
        verb += 3
      }
      while verb < paragraphEnd, isVerbModifier(at: verb) {
        verb += 1
      }
      // `"...," Holt is quoted as saying.`
      if verb + 3 < paragraphEnd,
        article.tokens[verb].lower.equals("is")
          || article.tokens[verb].lower.equals("was"),
        article.tokens[verb + 1].lower.equals("quoted"), article.tokens[verb + 2].lower.equals("as")
      {
        verb += 3
      }
      // After a question the attribution opens a new sentence; one that quotes again after its
      // verb (`Mills then writes back, "..."`) is the next speaker's, not this quote's.
      if verb < paragraphEnd, isSpeechVerb(at: verb),
        !(endsWithQuestion && quotesAgain(after: verb))
      {
        let isPronoun = Self.isPronoun(article.tokens[start].lower)
        return (
          speaker, article.tokens[verb].lower, isPronoun ? 0.8 : 0.95,
          isPronoun ? "pronoun after the quote" : "named after the quote"
        )
      }
      // `"...," Nate Silver, the polling guru who founded a site, tweeted on Wednesday.`: a
      // long description after a comma, then the verb, in the quote's sentence.
      // The apposition found with the name may have ended at a comma inside it ("Ada Holt,
      // secretary for ports, roads, and rail, said"): the description goes on after it.
      let descriptionStart =
        next < paragraphEnd && article.tokens[next].lower.equals(",")
        ? next + 1 : next > start && article.tokens[next - 1].lower.equals(",") ? next : nil
      if let descriptionStart, !Self.isPronoun(article.tokens[start].lower),
        let verb = speechVerbClosingDescription(from: descriptionStart, paragraphEnd: paragraphEnd)
      {
        return (speaker, article.tokens[verb].lower, 0.75, "named after the quote")
      }
    }
    // Verb, then name: said Trump, said the president. Not after "told": `"...," telling Fox
    // News` names the listener.
    if article.tokens[start].kind == .word, isSpeechVerb(at: start),
      !Self.namesListener(article.tokens[start].lower)
        || article.tokens[start].lower.hasPrefix("ask")
    {
      // "said trade analyst Yusuf Demir", "said White House press secretary Jo Park": a few
      // words of title may come before the name.
      var nameAt = start + 1
      while nameAt < min(paragraphEnd, start + 7) {
        if let (speaker, _) = subject(at: nameAt, paragraphEnd: paragraphEnd) {
          let person = describedPerson(after: nameAt, besides: speaker, paragraphEnd: paragraphEnd)
          return (person ?? speaker, article.tokens[start].lower, 0.95, "named after the verb")
        }
        if nameAt > start + 1, article.tokens[nameAt].lower.equals(","),
          article.tokens[nameAt - 1].kind == .word
        {
          nameAt += 1
          continue
        }
        guard article.tokens[nameAt].kind == .word || article.tokens[nameAt].kind == .number,
          !article.tokens[nameAt].lower.equals("that"),
          article.tokens[nameAt].quote < 0, !Self.isPronoun(article.tokens[nameAt].lower)
        else { break }
        nameAt += 1
      }
    }
    if let speaker = nameAfterAccordingTo(at: start, paragraphEnd: paragraphEnd) {
      return (speaker, "according to", 0.9, "according to")
    }
    return attributionEndingSentence(after: close, paragraphEnd: paragraphEnd)
  }

  /// "campaign chairman John Podesta told", "IMF chief economist Maury Obstfeld said": a few
  /// words of description before the name whose speech verb follows. Returns where the name
  /// starts, or `start` when it is no such description.
  func nameAfterDescription(from start: Int, paragraphEnd: Int) -> Int {
    guard !article.tokens[start].classes.contains(.speechVerb),
      !hasSpeechVerb(after: start, paragraphEnd: paragraphEnd)
    else { return start }
    // Up to seven tokens when the description opens like a name or with "the" ("New York
    // City Public Advocate Ada Holt said", "the Post's senior politics editor Ada Holt
    // responded"), else five; a hyphen may join two words of a title ("Secretary-Treasurer").
    // "and" or "or" ends it unless a name comes before it (`Ada Holt and Carl Brandt wrote`):
    // `"...," and Trump said` starts a new clause, whose speaker is not this quote's.
    let opensLikeAName =
      article.tokens[start].isCapitalized || article.tokens[start].lower.equals("the")
    var nameAt = start + 1
    while nameAt < min(paragraphEnd, start + (opensLikeAName ? 7 : 5)),
      article.tokens[nameAt - 1].kind == .word
        || (nameAt - 1 > start && article.tokens[nameAt - 1].lower.equals("-")),
      article.tokens[nameAt - 1].quote < 0,
      !article.tokens[nameAt - 1].classes.contains(.speechVerb),
      !Self.isPronoun(article.tokens[nameAt - 1].lower),
      !Self.isConjunction(article.tokens[nameAt - 1].lower)
        || (nameAt - 2 >= start && finder.mentionEndingAt[nameAt - 2] >= 0)
    {
      if !Self.isPronoun(article.tokens[nameAt].lower),
        hasSpeechVerb(after: nameAt, paragraphEnd: paragraphEnd)
      {
        return nameAt
      }
      nameAt += 1
    }
    return start
  }

  /// "and", "or", "but": a word that joins two clauses.
  static func isConjunction(_ word: String) -> Bool {
    word == "and" || word == "or" || word == "but"
  }

  /// `"..."` ending its paragraph, then a paragraph `- Bernie Sanders.` or `-Ada Holt,
  /// Marlow.`: a signature (a dash and a name that opens its own short paragraph).
  func signature(after span: QuoteSpan) -> (Int, String?, Double, String)? {
    let tokens = article.tokens
    guard span.paragraph + 1 < article.paragraphTokens.count else { return nil }
    let next = article.paragraphTokens[span.paragraph + 1]
    guard next.count >= 2, next.count <= 16, Self.isDash(tokens[next.lowerBound].lower),
      let (speaker, after) = subject(at: next.lowerBound + 1, paragraphEnd: next.upperBound),
      !Self.isPronoun(tokens[next.lowerBound + 1].lower),
      after == next.upperBound || tokens[after].lower.equals(".")
        || tokens[after].lower.equals(",")
    else { return nil }
    return (speaker, nil, 0.8, "signed in the next paragraph")
  }

  /// `"He can assert it" that Sanders can win, said Steve Elmendorf.` / `Obama "felt ..."
  /// climate change, Axelrod said.`: words follow the quote, then the sentence ends with its
  /// attribution after a comma. Looks at most 40 tokens on, within the sentence.
  func attributionEndingSentence(after close: Int, paragraphEnd: Int) -> (
    Int, String?, Double, String
  )? {
    let tokens = article.tokens
    let sentence = article.sentences[tokens[close].sentence]
    let end = min(sentence.upperBound, paragraphEnd, close + 40)
    var comma = close + 1
    while comma < end {
      defer { comma += 1 }
      guard tokens[comma].lower.equals(","), tokens[comma].quote < 0 else {
        continue
      }
      let first = comma + 1
      guard first < paragraphEnd, tokens[first].quote < 0, tokens[first].kind == .word else {
        continue
      }
      // ", said Steve Elmendorf" then the end of the sentence or an apposition (", told CBS
      // News" names the listener).
      if tokens[first].classes.contains(.speechVerb), !Self.namesListener(tokens[first].lower) {
        // "said Ohio State University professor Paul Beck": words of description may come
        // before the name, and a name among them may only describe the speaker.
        var nameAt = first + 1
        while nameAt < min(end, first + 7) {
          if let (speaker, next) = subject(at: nameAt, paragraphEnd: paragraphEnd) {
            guard !Self.isPronoun(tokens[nameAt].lower) else { break }
            if let person = describedPerson(
              after: nameAt, besides: speaker, paragraphEnd: paragraphEnd)
            {
              return (person, tokens[first].lower, 0.8, "named at the end of the sentence")
            }
            // A second apposition may follow the first: "said Ada Holt, director of Harbor
            // Watch, a charity that ...".
            if endsAttribution(at: next, sentence: sentence) || tokens[next - 1].lower.equals(",") {
              return (speaker, tokens[first].lower, 0.8, "named at the end of the sentence")
            }
            break
          }
          // "said the bureau's director, James Comey": a description, a comma, the name.
          if nameAt > first + 1, tokens[nameAt].lower.equals(","), tokens[nameAt - 1].kind == .word
          {
            nameAt += 1
            continue
          }
          guard tokens[nameAt].kind == .word, tokens[nameAt].quote < 0,
            !tokens[nameAt].lower.equals("that")
          else { break }
          nameAt += 1
        }
      }
      // ", according to campaign manager Ada Holt."
      if let speaker = nameAfterAccordingTo(at: first, paragraphEnd: paragraphEnd) {
        return (speaker, "according to", 0.8, "according to, at the end of the sentence")
      }
      // ", Axelrod said." / ", he said." / ", Republican candidate Ben Carson said after".
      if let (speaker, next) = subject(
        at: nameAfterDescription(from: first, paragraphEnd: paragraphEnd),
        paragraphEnd: paragraphEnd)
      {
        var verb = next
        // ", Sanders's campaign manager, Ada Holt, said": the comma that closes the name.
        if verb + 1 < paragraphEnd, tokens[verb].lower.equals(","), isSpeechVerb(at: verb + 1) {
          verb += 1
        }
        while verb < paragraphEnd, isVerbModifier(at: verb) { verb += 1 }
        if verb < paragraphEnd, isSpeechVerb(at: verb),
          endsAttribution(at: verb + 1, sentence: sentence)
        {
          return (speaker, tokens[verb].lower, 0.8, "named at the end of the sentence")
        }
      }
    }
    return nil
  }

  /// `according to Ada Holt`, `according to campaign manager Ada Holt`, `according to figures
  /// by Ada Holt` at `start`: the name, after at most four lowercase words.
  func nameAfterAccordingTo(at start: Int, paragraphEnd: Int) -> Int? {
    let tokens = article.tokens
    guard start + 2 < paragraphEnd, tokens[start].lower.equals("according"),
      tokens[start + 1].lower.equals("to")
    else { return nil }
    var index = skippingThe(start + 2)
    while index < min(paragraphEnd, start + 7) {
      if let (speaker, _) = subject(at: index, paragraphEnd: paragraphEnd) {
        return Self.isPronoun(tokens[index].lower) ? nil : speaker
      }
      guard tokens[index].kind == .word, !tokens[index].isCapitalized, tokens[index].quote < 0,
        !Self.clauseOpeners.contains(tokens[index].lower)
      else { return nil }
      index += 1
    }
    return nil
  }

  /// `index`, or the token after it when it is "the" and a name follows: "according to the
  /// Harbor Board".
  func skippingThe(_ index: Int) -> Int {
    guard index + 1 < article.tokens.count, article.tokens[index].lower.equals("the"),
      finder.mentionCovering[index] < 0, finder.mentionCovering[index + 1] >= 0
    else { return index }
    return index + 1
  }

  /// The first speech verb from `start` on, within 25 tokens of the same sentence, with no
  /// quotation mark, other person or second clause ("and", ";") before it: the verb of a name
  /// followed by a long description.
  func speechVerbClosingDescription(from start: Int, paragraphEnd: Int) -> Int? {
    let tokens = article.tokens
    guard start < paragraphEnd else { return nil }
    let sentence = tokens[start].sentence
    var index = start
    while index < min(paragraphEnd, start + 25), tokens[index].sentence == sentence {
      let token = tokens[index]
      if token.kind == .quoteMark || token.lower == ";" { return nil }
      // "and" opens a second clause ("..., and reporters asked"), but not inside a list of
      // lowercase words: "assistant secretary for refugees, and migration, said".
      if token.lower.equals("and") {
        guard index + 1 < paragraphEnd, tokens[index + 1].kind == .word,
          !tokens[index + 1].isCapitalized, !Self.determiners.contains(tokens[index + 1].lower),
          !Self.isPronoun(tokens[index + 1].lower)
        else { return nil }
      }
      if finder.mentionCovering[index] >= 0 {
        let mention = finder.mentions[Int(finder.mentionCovering[index])]
        if finder.entities[mention.entity].kind == .person { return nil }
      }
      if token.kind == .word, index > start, isSpeechVerb(at: index), !isNounHere(index) {
        return index
      }
      index += 1
    }
    return nil
  }

  /// A speech verb at `index`, or a verb and particle that say the same: "went on", "shot
  /// back", "chimed in".
  func isSpeechVerb(at index: Int) -> Bool {
    let tokens = article.tokens
    if tokens[index].classes.contains(.speechVerb) { return true }
    // "the Times reported": an outlet's verb of speech, after its name.
    if tokens[index].lower.equals("reported") || tokens[index].lower.equals("reports") {
      return true
    }
    // `"...?" Hannity pressed.`: verbs that attribute only next to a quote.
    if Lexicon.quoteAttributingVerbs.contains(tokens[index].lower) { return true }
    guard index + 1 < tokens.count, let particle = Self.phrasalSpeechVerbs[tokens[index].lower]
    else { return false }
    return particle.contains(tokens[index + 1].lower)
  }
  static let phrasalSpeechVerbs: [String: Set<String>] = [
    "went": ["on"], "goes": ["on"], "shot": ["back"], "fired": ["back"], "hit": ["back"],
    "pushed": ["back"], "chimed": ["in"], "weighed": ["in"], "piped": ["up"], "spoke": ["up"],
  ]

  /// `Hillary shot back, "..."`, `went on about "..."`: a verb and particle of speech right
  /// before a comma, colon, quotation mark, "about" or "that" ("the Senate goes on recess" is
  /// none).
  func phrasalVerbIntroducing(at index: Int) -> Bool {
    let tokens = article.tokens
    guard index + 2 < tokens.count, let particle = Self.phrasalSpeechVerbs[tokens[index].lower],
      particle.contains(tokens[index + 1].lower)
    else { return false }
    // "fired back forcefully:": an adverb may come before the mark.
    var after = index + 2
    if after + 1 < tokens.count, isVerbModifier(at: after) { after += 1 }
    let next = tokens[after]
    return next.kind == .quoteMark || next.lower.equals(",") || next.lower.equals(":")
      || next.lower.equals("about") || next.lower.equals("that")
  }

  /// Verbs whose object is the listener: "told CBS News", "asked Trump".
  static func namesListener(_ verb: String) -> Bool {
    verb == "told" || verb == "tells" || verb == "asked" || verb == "asks" || verb == "telling"
  }

  /// The sentence ends at `index`, or goes on only with a comma (an apposition, a place, a day)
  /// or a word of time or place.
  func endsAttribution(at index: Int, sentence: Range<Int>) -> Bool {
    guard index < sentence.upperBound else { return true }
    let token = article.tokens[index]
    // `equals` is not exact for ";" (U+037E decomposes to it): compare as Strings.
    return token.lower.equals(".") || token.lower.equals(",") || token.lower == ";"
      || token.classes.contains(.weekday) || Self.attributionTails.contains(token.lower)
  }
  /// Words that may go on after an attribution that ends a sentence: "said after the attacks",
  /// "said of the encounter", "said last week".
  static let attributionTails: WordSet = [
    "in", "on", "at", "after", "before", "during", "while", "as", "when", "to", "of", "about",
    "from", "last", "this", "earlier", "later", "with", "by", "through", "shortly",
  ]

  /// A quotation mark follows `index` in its sentence (within 30 tokens).
  func quotesAgain(after index: Int) -> Bool {
    let sentence = article.sentences[article.tokens[index].sentence]
    for position in (index + 1)..<min(sentence.upperBound, index + 30)
    where article.tokens[position].kind == .quoteMark {
      return true
    }
    return false
  }

  /// `said former Obama adviser David Axelrod`, `said Priorities spokesman Justin Barasky`: the
  /// first name after the verb only describes the speaker, who is the person named after a
  /// word of description. Returns that person, or nil when the phrase names no other.
  func describedPerson(after first: Int, besides speaker: Int, paragraphEnd: Int) -> Int? {
    var index = first
    var described = false
    let limit = min(paragraphEnd, first + 10)
    while index < limit {
      let token = article.tokens[index]
      let mentionIndex = finder.mentionCovering[index]
      if mentionIndex >= 0 {
        let mention = finder.mentions[Int(mentionIndex)]
        // A role in lower case opens the person's mention: "said Harbor Watch president Ivo
        // Lind".
        if mention.entity != speaker, mention.first == index,
          described || !article.tokens[index].isCapitalized,
          finder.entities[mention.entity].kind == .person
        {
          return mention.entity
        }
        if article.tokens[mention.last].isPossessive { described = true }
        index = max(index, mention.last) + 1
        continue
      }
      // "Clinton's introducer, actress Jamie Lee Curtis": a comma after the description.
      if described, token.lower.equals(","), index > first {
        index += 1
        continue
      }
      guard token.kind == .word, token.quote < 0, !token.lower.equals("and"),
        !token.lower.equals("or"), !token.lower.equals("who"), !token.lower.equals("that"),
        !Self.isPronoun(token.lower)
      else { return nil }
      if !token.isCapitalized { described = true }
      index += 1
    }
    return nil
  }

  /// A name between commas after a description (`Estmark's foreign minister, Pavel Adamek,
  /// said`), or opening the sentence; not the last word of a clause (`Mary Susan, clad in a cape
  /// that formed the name Trump, said`).
  func isAppositionName(_ mention: Mention, floor: Int) -> Bool {
    guard !isObjectOfPreposition(mention) else { return false }
    return mention.first <= floor || article.tokens[mention.first - 1].lower.equals(",")
  }

  /// A mention that is the object of a preposition: "chair of the Platform Committee".
  func isObjectOfPreposition(_ mention: Mention) -> Bool {
    var before = mention.first - 1
    if before >= 0, article.tokens[before].lower.equals("the") { before -= 1 }
    return before >= 0 && Self.prepositions.contains(article.tokens[before].lower)
  }

  /// The speaker of a paragraph that ends with a colon after a speech verb ("Trump wrote:"),
  /// introducing the quote that makes up the next paragraph.
  func speakerIntroducingParagraph(_ paragraph: Int) -> Int? {
    guard paragraph > 0 else { return nil }
    let previous = article.paragraphTokens[paragraph - 1]
    guard previous.count > 2, article.tokens[previous.upperBound - 1].lower.equals(":") else {
      return nil
    }
    let sentence = article.sentences[article.tokens[previous.upperBound - 1].sentence]
    let start = max(sentence.lowerBound, previous.lowerBound)
    for index in start..<(previous.upperBound - 1) where article.tokens[index].quote < 0 {
      if hasSpeechVerb(after: index, paragraphEnd: previous.upperBound)
        || hasReportingVerb(after: index, paragraphEnd: previous.upperBound)
      {
        return subject(at: index, paragraphEnd: previous.upperBound)?.0
      }
      // `Stated Stone:` - the verb first.
      if article.tokens[index].classes.contains(.speechVerb),
        let (speaker, next) = subject(at: index + 1, paragraphEnd: previous.upperBound),
        next == previous.upperBound - 1
      {
        return speaker
      }
    }
    // `Clinton released the following statement:` - a statement introduced without a verb of
    // speech: the sentence's subject.
    for index in start..<(previous.upperBound - 1)
    where Self.statementNouns.contains(article.tokens[index].lower) {
      return sentenceSubject(from: start, before: index)?.0
    }
    return nil
  }

  /// The subject of the last sentence of `paragraph` when that sentence reports speech, thought
  /// or judgement (a speech, reporting or characterizing verb) and the paragraph quotes no one.
  func speakerReportedInParagraph(_ paragraph: Int) -> Int? {
    guard paragraph >= 0, paragraph < article.paragraphTokens.count else { return nil }
    let tokens = article.paragraphTokens[paragraph]
    guard let last = tokens.last, tokens.count >= 3 else { return nil }
    for index in tokens where article.tokens[index].kind == .quoteMark { return nil }
    return speakerReported(inSentenceEndingAt: last, from: tokens.lowerBound)
  }

  /// `Lynch announced the lawsuit on Monday. "We are seeking an order."`: a quote that opens a
  /// sentence inside its paragraph, after a sentence (with no quotation mark) that reports what
  /// someone says or thinks. Returns that someone.
  func speakerReportedInSentence(before span: QuoteSpan) -> Int? {
    let open = span.openToken
    let paragraphStart = article.paragraphTokens[span.paragraph].lowerBound
    guard open - 3 >= paragraphStart,
      article.tokens[open - 1].sentence != article.tokens[open].sentence
    else { return nil }
    let sentence = article.sentences[article.tokens[open - 1].sentence]
    let start = max(sentence.lowerBound, paragraphStart)
    for index in start..<open where article.tokens[index].kind == .quoteMark { return nil }
    return speakerReported(inSentenceEndingAt: open - 1, from: start)
  }

  /// The subject of the sentence that ends at `last` (starting no earlier than `floor`) when
  /// it reports speech, thought or judgement, and is a person or a pronoun.
  func speakerReported(inSentenceEndingAt last: Int, from floor: Int) -> Int? {
    let sentence = article.sentences[article.tokens[last].sentence]
    let start = max(sentence.lowerBound, floor)
    for index in start...last
    where article.tokens[index].kind == .word
      && (article.tokens[index].classes.contains(.speechVerb)
        || Self.reportingWords.contains(article.tokens[index].lower)
        || Self.characterizingVerbs.contains(article.tokens[index].lower))
      && !isNounHere(index)
    {
      guard let (speaker, isPronoun) = sentenceSubject(from: start, before: index),
        isPronoun || finder.entities[speaker].kind == .person
      else { return nil }
      return speaker
    }
    return nil
  }

  /// Words that announce the text that follows a colon as someone's statement.
  static let statementNouns: WordSet = [
    "statement", "following", "follows", "remarks", "comments", "letter", "memo", "message",
    "note", "email", "post", "tweet", "tweets",
  ]

  /// A subject starts at `index` and a verb that reports speech follows it ("reports").
  func hasReportingVerb(after index: Int, paragraphEnd: Int) -> Bool {
    guard let (_, next) = subject(at: index, paragraphEnd: paragraphEnd) else { return false }
    return next < paragraphEnd && article.tokens[next].kind == .word
      && Self.characterizingVerbs.contains(article.tokens[next].lower)
  }

  /// A subject starts at `index` and a speech verb follows it (adverbs between).
  func hasSpeechVerb(after index: Int, paragraphEnd: Int) -> Bool {
    guard let (_, next) = subject(at: index, paragraphEnd: paragraphEnd) else { return false }
    var verb = next
    while verb < paragraphEnd, isVerbModifier(at: verb) { verb += 1 }
    return verb < paragraphEnd && isSpeechVerb(at: verb)
  }

  /// An entity (or a pronoun resolved to one) starting at `index`; returns it and the token after.
  func subject(at start: Int, paragraphEnd: Int) -> (Int, Int)? {
    var index = start
    // "Mr. Coale", "Sen. Kaine": an honorific before the name, which the name's mention may
    // leave out.
    while index + 1 < paragraphEnd, article.tokens[index].classes.contains(.abbreviatedTitle),
      article.tokens[index].isCapitalized, finder.mentionCovering[index] < 0
    {
      index += 1
      if article.tokens[index].lower.equals(".") { index += 1 }
    }
    guard index < paragraphEnd else { return nil }
    if Self.isPronoun(article.tokens[index].lower) {
      guard let resolved = resolvePronoun(article.tokens[index].lower, before: index) else {
        return nil
      }
      return (resolved, index + 1)
    }
    let mentionIndex = finder.mentionCovering[index]
    guard mentionIndex >= 0 else { return nil }
    let mention = finder.mentions[Int(mentionIndex)]
    guard mention.first == index || (index > 0 && article.tokens[index - 1].lower.equals("the"))
    else {
      return nil
    }
    // "the war in Ukraine could end", "in the depths of the Great Recession": an object of a
    // preposition is no subject.
    var before = mention.first - 1
    if before > 0, article.tokens[before].lower.equals("the") { before -= 1 }
    if before >= 0, Self.prepositions.contains(article.tokens[before].lower),
      !(before > 0 && article.tokens[before - 1].lower.equals("according"))
    {
      return nil
    }
    guard Self.canSpeak(finder.entities[mention.entity].kind) else { return nil }
    var next = mention.last + 1
    if let closing = finder.appositionOf[Int(mentionIndex)] {
      next = closing + 1
    } else if finder.entities[mention.entity].kind == .person {
      // "Vann R. Newkirk II, a writer for The Atlantic, said": a suffix, then an apposition.
      if next < paragraphEnd, ["ii", "iii", "iv", "jr", "sr"].contains(article.tokens[next].lower) {
        next += 1
        if next < paragraphEnd, article.tokens[next].lower.equals(".") { next += 1 }
      }
      next = skipOrganization(from: next, paragraphEnd: paragraphEnd)
      next = skipApposition(from: next, paragraphEnd: paragraphEnd)
    }
    return (mention.entity, skipAffiliation(from: next, paragraphEnd: paragraphEnd))
  }

  /// The person whose mention ends at `index`, if any.
  func personEnding(at index: Int) -> Int? {
    let mention = finder.mentionEndingAt[index]
    guard mention >= 0 else { return nil }
    let entity = finder.mentions[Int(mention)].entity
    return finder.entities[entity].kind == .person ? entity : nil
  }

  /// After a person's name, "of The Harbor Times" or "of Oklahoma": where they work or come
  /// from, capitalized words after "of" (at most six). Returns the token after it, or `index`.
  func skipOrganization(from index: Int, paragraphEnd: Int) -> Int {
    let tokens = article.tokens
    guard index + 1 < paragraphEnd, tokens[index].lower.equals("of") else { return index }
    var start = index + 1
    if tokens[start].lower.equals("the"), start + 1 < paragraphEnd { start += 1 }
    var end = start
    while end < min(paragraphEnd, start + 6), tokens[end].kind == .word, tokens[end].quote < 0,
      tokens[end].isCapitalized, !tokens[end].isPossessive
    {
      end += 1
    }
    return end > start ? end : index
  }

  /// After a name, "(R-Utah)" or ", D-Calif.,": a party and state between brackets or commas.
  /// Returns the token after it, or `index` when there is none.
  func skipAffiliation(from index: Int, paragraphEnd: Int) -> Int {
    guard index < paragraphEnd else { return index }
    let tokens = article.tokens
    if tokens[index].lower.equals("(") {
      var close = index + 1
      while close < min(paragraphEnd, index + 8), !tokens[close].lower.equals(")") { close += 1 }
      if close < paragraphEnd, tokens[close].lower.equals(")") {
        // "(R-Utah), an oversight panel member, said": an apposition may follow.
        return skipApposition(from: close + 1, paragraphEnd: paragraphEnd)
      }
      return index
    }
    // ", R-Ky.,": one capital letter, a hyphen, a state, a comma.
    if tokens[index].lower.equals(","), index + 3 < paragraphEnd,
      tokens[index + 1].kind == .word, tokens[index + 1].lower.utf8.count == 1,
      tokens[index + 1].isCapitalized, tokens[index + 2].lower.equals("-")
    {
      var close = index + 3
      while close < min(paragraphEnd, index + 8), !tokens[close].lower.equals(",") { close += 1 }
      if close < paragraphEnd, tokens[close].lower.equals(",") { return close + 1 }
    }
    return index
  }

  /// ", an oversight panel member," or ", the third-ranking House Democrat,": a short phrase
  /// between commas that starts with a determiner. Returns the token after the second comma.
  func skipApposition(from index: Int, paragraphEnd: Int) -> Int {
    let tokens = article.tokens
    guard index + 2 < paragraphEnd, tokens[index].lower.equals(","),
      Self.appositionStarts.contains(tokens[index + 1].lower)
    else { return index }
    var close = index + 2
    while close < min(paragraphEnd, index + 18) {
      if tokens[close].lower.equals(",") { return close + 1 }
      if tokens[close].kind == .quoteMark || tokens[close].classes.contains(.speechVerb) {
        return index
      }
      close += 1
    }
    return index
  }
  /// Verbs that report what someone said without "said": `Cruz called Trump a "liar"`,
  /// `Obama condemned the test as "provocative"`. With a named subject, the quote is theirs.
  static let characterizingVerbs: Set<String> = [
    "called", "calls", "call", "calling", "described", "describes", "describe", "describing",
    "labeled", "labelled", "branded", "dubbed", "condemned", "condemns", "accused", "accuses",
    "accuse", "praised", "praises", "blasted", "blasts", "criticized", "criticised",
    "criticizes", "slammed", "slams", "denounced", "denounces", "hailed", "hails", "deemed",
    "termed", "chanted", "exhorted", "referenced", "cited", "cites", "touted", "touts",
    "mocked", "mocks", "dismissed", "dismisses", "characterized", "decried", "lambasted",
    "pledged", "pledges", "vowed", "insisted", "telling", "says", "promising", "blamed",
    "blames", "defended", "defends", "questioned", "acknowledging", "arguing", "saying",
    "warning", "adding", "noting", "reports", "reported", "attacked", "attacks", "sings",
    "sang", "tweeting", "writing", "telling", "scolded", "likened", "likens", "compared",
    "compares", "citing", "referred", "asserted", "asserts", "remembered", "bemoaned",
    "bemoans", "estimated", "estimates", "suggest", "recalling", "lamenting",
  ]
  static let appositionStarts: WordSet = [
    "a", "an", "the", "who", "whose", "one", "its", "his", "her",
  ]

  /// Every kind of actor can be quoted; the switch makes a new kind choose.
  static func canSpeak(_ kind: ActorKind) -> Bool {
    switch kind {
    case .person, .group, .organization, .country: true
    }
  }

  /// `Trump told reporters ... "..."` / `Shea, Chargé ..., told ... that "..."` / `He said: "..."`
  func attributionBefore(_ span: QuoteSpan) -> (Int, String?, Double, String)? {
    let open = span.openToken
    let sentenceStart = article.sentences[article.tokens[open].sentence].lowerBound
    let paragraphStart = article.paragraphTokens[span.paragraph].lowerBound
    var floor = max(sentenceStart, paragraphStart)
    // Stop at an earlier quote in the same sentence, unless it was a title (`said on the
    // program "Morning Tide Report" that it was "regrettable"`).
    var scan = open - 1
    while scan >= floor {
      if article.tokens[scan].kind == .quoteMark {
        let inner = scan > 0 ? article.tokens[scan - 1].quote : -1
        if inner >= 0, inner < rejectedSpans.count, rejectedSpans[inner],
          article.quoteSpans[inner].closeToken == scan
        {
          scan = article.quoteSpans[inner].openToken - 1
          continue
        }
        floor = scan + 1
        break
      }
      scan -= 1
    }
    // `Ruiz: "..."`, `Rep. Ada Holt (D-Ore.): "..."`: a name alone before a colon labels the
    // quote with its speaker.
    if open - 2 >= floor, article.tokens[open - 1].lower.equals(":") {
      var end = open - 2
      if article.tokens[end].lower.equals(")") {
        var bracket = end - 1
        while bracket > floor, end - bracket < 8, !article.tokens[bracket].lower.equals("(") {
          bracket -= 1
        }
        // A text that opens with ")" has nothing before it to scan.
        if bracket >= floor, article.tokens[bracket].lower.equals("(") { end = bracket - 1 }
      }
      if end >= floor, let (speaker, _) = subject(at: floor, paragraphEnd: open),
        finder.mentionEndingAt[end] >= 0,
        finder.mentions[Int(finder.mentionEndingAt[end])].entity == speaker,
        finder.mentions[Int(finder.mentionEndingAt[end])].first <= floor + 2
      {
        return (speaker, nil, 0.8, "named before a colon")
      }
      // `EARLY POLLS WERE RIGHT - Ada Holt and Carl Brandt: "..."`: in a digest, a headline,
      // a dash, then who is quoted (the last of two).
      if end >= floor, let speaker = nameAfterDash(endingAt: end, floor: floor) {
        return (speaker, nil, 0.75, "named after a dash, before a colon")
      }
    }
    if let asker = askerOfPassiveQuestion(from: floor, before: open) {
      return (asker, "asked", 0.8, "asked by, before the quote")
    }
    // The nearest verb of speech first; when no subject of its is found (`Clark later said his
    // comments were mischaracterized and that he was "..."`: "comments" is a noun), the one
    // before it. A few at most: each try looks back a bounded way.
    var verb = open - 1
    var tries = 0
    while verb >= floor, tries < 4 {
      if article.tokens[verb].quote < 0, article.tokens[verb].kind == .word,
        article.tokens[verb].classes.contains(.speechVerb) || phrasalVerbIntroducing(at: verb)
          || article.tokens[verb].lower.equals("according")
          || Self.characterizingVerbs.contains(article.tokens[verb].lower)
      {
        tries += 1
        if !isNounHere(verb),
          let found = attribution(
            verb: verb, open: open, floor: floor, sentenceStart: sentenceStart)
        {
          return found
        }
      }
      verb -= 1
    }
    // `The result does not surprise pollster Ada Holt: "..."`: a person named right before the
    // colon that introduces the quote.
    if open - 2 >= floor, article.tokens[open - 1].lower.equals(":"),
      let person = personEnding(at: open - 2),
      !isObjectOfPreposition(finder.mentions[Int(finder.mentionEndingAt[open - 2])])
    {
      return (person, nil, 0.6, "named before a colon")
    }
    // `Holt issued a statement, "..."`, `Ruiz posted a message: "..."`: a noun that announces a
    // statement, after the sentence's subject, right before the quote's mark.
    if open - 2 >= floor,
      article.tokens[open - 1].lower.equals(",") || article.tokens[open - 1].lower.equals(":"),
      Self.statementNouns.contains(article.tokens[open - 2].lower),
      let (speaker, isPronoun) = sentenceSubject(from: floor, before: open - 2)
    {
      return (speaker, nil, isPronoun ? 0.6 : 0.65, "subject of the sentence")
    }
    // `Ramos believes in journalism that "takes sides."`: a verb of thought or judgement
    // before the quote makes it the words of the sentence's subject; so does a verb of speech
    // whose own subject was not found next to it (`Ramos at the time said he had asked his
    // "people" to act`).
    for index in floor..<open
    where article.tokens[index].kind == .word && article.tokens[index].quote < 0
      && (Self.reportingWords.contains(article.tokens[index].lower)
        || article.tokens[index].classes.contains(.speechVerb)
        || Self.characterizingVerbs.contains(article.tokens[index].lower))
      && !isNounHere(index)
    {
      guard let (speaker, _) = sentenceSubject(from: floor, before: index) else { return nil }
      return (speaker, article.tokens[index].lower, 0.6, "subject of a verb of thought")
    }
    return nil
  }

  /// `Ruiz was asked by host Ada Holt whether ... "..."`, `Asked by Holt if ..., Ruiz said`:
  /// the agent of a passive "asked by", before the quote in its sentence, put the question
  /// quoted. A few words of description may come before the name.
  func askerOfPassiveQuestion(from floor: Int, before open: Int) -> Int? {
    let tokens = article.tokens
    var index = floor
    while index + 2 < open {
      defer { index += 1 }
      guard tokens[index].quote < 0, tokens[index].lower.equals("asked"),
        tokens[index + 1].lower.equals("by")
      else { continue }
      var nameAt = index + 2
      while nameAt < min(open, index + 8) {
        if let (speaker, _) = subject(at: nameAt, paragraphEnd: open) {
          guard !Self.isPronoun(tokens[nameAt].lower) else { return nil }
          return describedPerson(after: nameAt, besides: speaker, paragraphEnd: open) ?? speaker
        }
        // "host", "Harbor TV moderator": words of description, up to a word that opens a clause
        // (`asked by Holt if Ruiz "..."`).
        guard tokens[nameAt].kind == .word, tokens[nameAt].quote < 0,
          !Self.clauseOpeners.contains(tokens[nameAt].lower)
        else { return nil }
        nameAt += 1
      }
      return nil
    }
    return nil
  }

  /// Words that open a clause of their own: what follows them is no description.
  static let clauseOpeners: WordSet = [
    "if", "whether", "that", "about", "why", "how", "what", "when", "while", "who",
  ]

  /// The name whose mention ends at `end` when a dash comes right before it, or before "X and"
  /// ahead of it.
  func nameAfterDash(endingAt end: Int, floor: Int) -> Int? {
    let mentionIndex = finder.mentionEndingAt[end]
    guard mentionIndex >= 0 else { return nil }
    let mention = finder.mentions[Int(mentionIndex)]
    var before = mention.first - 1
    if before > floor, article.tokens[before].lower.equals("and"),
      finder.mentionEndingAt[before - 1] >= 0
    {
      before = finder.mentions[Int(finder.mentionEndingAt[before - 1])].first - 1
    }
    guard before >= floor, Self.isDash(article.tokens[before].lower) else { return nil }
    return mention.entity
  }

  static func isDash(_ word: String) -> Bool {
    word == "-" || word == "\u{2014}" || word == "\u{2013}" || word == "\u{2015}"
  }

  /// "his comments", "the remarks": a word that is a noun after a determiner.
  func isNounHere(_ index: Int) -> Bool {
    guard index > 0, article.tokens[index - 1].kind == .word else { return false }
    // "Trump's remarks", "the senators' comments".
    if article.tokens[index - 1].isPossessive { return true }
    let before = article.tokens[index - 1].lower
    return before.utf8.count <= 5 && Self.possessiveDeterminers.contains(before)
  }
  static let possessiveDeterminers: WordSet = [
    "his", "her", "their", "its", "our", "my", "your", "the", "a", "an", "these", "those",
  ]

  /// The speaker of `verb`, which precedes the quote that opens at `open`.
  func attribution(verb: Int, open: Int, floor: Int, sentenceStart: Int) -> (
    Int, String?, Double, String
  )? {
    let cue = article.tokens[verb].lower
    // "said Trump:" - the name follows the verb.
    // "explained CBS moderator Nancy Cordes:": a few words of description may come first.
    var nameAt = verb + 1
    while nameAt < min(open, verb + 7) {
      if let (speaker, next) = subject(at: nameAt, paragraphEnd: open) {
        // Right after the verb, the name may run into the quote (`said Trump "..."`); after
        // words of description it must end with a colon or comma (`said the United States
        // "must ..."` names what was said about).
        // A name right before the quote is the verb's object when a subject may come before
        // the verb (`Ruiz said Sayed "caused harm"`, `Ruiz called Sayed "unhinged"`).
        // Only marks (or nothing) between the sentence's start or an earlier quote and the
        // verb: no subject can come before it (`"...," said Trump "..."`). A comma after a
        // subject's apposition does not count (`Huhn, a former vice president, said Fiorina
        // "..."`).
        var before = verb - 1
        while before >= floor, verb - before <= 3, article.tokens[before].kind == .punctuation,
          !article.tokens[before].lower.equals(",")
        {
          before -= 1
        }
        let inverted =
          next == open && nameAt == verb + 1
          && (before < floor || article.tokens[before].kind == .quoteMark)
        if inverted || article.tokens[next].lower.equals(":")
          || article.tokens[next].lower.equals(","),
          !Self.namesListener(cue)
        {
          return (speaker, cue, 0.85, "named after the verb before the quote")
        }
        break
      }
      guard article.tokens[nameAt].kind == .word, article.tokens[nameAt].quote < 0,
        !article.tokens[nameAt].lower.equals("that"), !Self.isPronoun(article.tokens[nameAt].lower)
      else { break }
      nameAt += 1
    }
    if cue == "according", let (speaker, _) = subject(at: skippingThe(verb + 2), paragraphEnd: open)
    {
      return (speaker, "according to", 0.85, "according to")
    }
    // Walk back to the subject: skip adverbs and an apposition between commas.
    var index = verb - 1
    while index >= floor, isVerbModifier(at: index) {
      index -= 1
    }
    // "Holt went on to say", "Ruiz declined to say": an infinitive has the subject of the verb
    // before "to" (at most three lowercase words back).
    if index - 1 >= floor, article.tokens[index].lower.equals("to") {
      var back = index - 1
      while back >= floor, index - back <= 3, article.tokens[back].kind == .word,
        !article.tokens[back].isCapitalized, finder.mentionCovering[back] < 0,
        !Self.isPronoun(article.tokens[back].lower)
      {
        back -= 1
      }
      // Not a possessor: "the mayor's refusal to call it" is no one speaking.
      if back < index - 1, back >= floor, !article.tokens[back].isPossessive,
        finder.mentionEndingAt[back] >= 0 || Self.isPronoun(article.tokens[back].lower)
      {
        index = back
      }
    }
    // "Kasich (R-OH), said": a comma after the bracket.
    if index > floor, article.tokens[index].lower.equals(","),
      article.tokens[index - 1].lower.equals(")")
    {
      index -= 1
    }
    // "Chaffetz (R-Utah) said": a bracket after the name.
    if index >= floor, article.tokens[index].lower.equals(")") {
      var opening = index - 1
      while opening > floor, index - opening < 8, !article.tokens[opening].lower.equals("(") {
        opening -= 1
      }
      if opening > floor, article.tokens[opening].lower.equals("(") { index = opening - 1 }
    }
    // `Holt cannot say that "...," Ruiz added, saying it is "..."`: a participle right after
    // an attribution has its speaker.
    if cue.hasSuffix("ing"), index - 2 >= floor, article.tokens[index].lower.equals(","),
      isSpeechVerb(at: index - 1), let speaker = subjectEnding(at: index - 2, floor: floor)
    {
      return (speaker, cue, 0.75, "the attribution before the participle")
    }
    // `Bush, ..., attacked Trump, with whom he clashed ..., calling him a "loser"`: a participle
    // after a comma has the sentence's subject, not the name of a clause before it.
    if cue.hasSuffix("ing"), index >= floor, article.tokens[index].lower.equals(","),
      finder.appositionClosing[index] == nil,
      let (speaker, isPronoun) = sentenceSubject(from: sentenceStart, before: index)
    {
      return (speaker, cue, isPronoun ? 0.65 : 0.7, "subject of the sentence")
    }
    if index >= floor, article.tokens[index].lower.equals(",") {
      if let mention = finder.appositionClosing[index] {
        index = finder.mentions[mention].last
      } else if index - 1 >= floor, finder.mentionEndingAt[index - 1] >= 0,
        isAppositionName(finder.mentions[Int(finder.mentionEndingAt[index - 1])], floor: floor)
      {
        index -= 1  // "Estmark's foreign minister, Pavel Adamek, said"
      } else {
        // "Nwosu, who will run the clinic, said", "Cummings (D-Md.), chair of the Platform
        // Committee, said": skip a clause between commas (and a bracket before it).
        var opening = index - 1
        while opening > floor, index - opening < 16, !article.tokens[opening].lower.equals(",") {
          opening -= 1
        }
        var name = opening - 1
        if name > floor, article.tokens[name].lower.equals(")") {
          var bracket = name - 1
          while bracket > floor, name - bracket < 8, !article.tokens[bracket].lower.equals("(") {
            bracket -= 1
          }
          if article.tokens[bracket].lower.equals("(") { name = bracket - 1 }
        }
        if opening > floor, article.tokens[opening].lower.equals(","), name >= floor,
          finder.mentionEndingAt[name] >= 0
        {
          index = name
        }
      }
    }
    guard index >= floor else { return nil }
    // "Trump bemoaned the unrest and said ...", "Clinton pitched her plan ..., noting that she
    // is ...": the subject of the sentence, when the verb is the second of two joined by "and"
    // or "but", or a participle after a comma.
    let joined =
      article.tokens[index].lower.equals("and") || article.tokens[index].lower.equals("but")
      || (article.tokens[index].lower.equals(",") && cue.hasSuffix("ing"))
    if joined, finder.mentionEndingAt[index] < 0 {
      guard let (speaker, isPronoun) = sentenceSubject(from: sentenceStart, before: index) else {
        return nil
      }
      return isPronoun
        ? (speaker, cue, 0.7, "pronoun subject of the sentence")
        : (speaker, cue, 0.75, "subject of the sentence")
    }
    if Self.isPronoun(article.tokens[index].lower) {
      // `Trump, whom he called a "con artist"`: the pronoun in a relative clause is not the
      // person the clause describes; look before that person.
      var before = index
      if index - 3 >= floor, article.tokens[index - 1].lower.equals("whom"),
        article.tokens[index - 2].lower.equals(","), finder.mentionEndingAt[index - 3] >= 0
      {
        before = finder.mentions[Int(finder.mentionEndingAt[index - 3])].first
      }
      guard let resolved = resolvePronoun(article.tokens[index].lower, before: before) else {
        return nil
      }
      return (resolved, cue, 0.75, "pronoun before the quote")
    }
    let mentionIndex = finder.mentionEndingAt[index]
    guard mentionIndex >= 0 else {
      return subjectPastClause(verb: verb, index: index, sentenceStart: sentenceStart, cue: cue)
    }
    let mention = finder.mentions[Int(mentionIndex)]
    // "Ada Holt of Marlow, Vermont, says": a place and its state after "of".
    if index - 2 >= floor, mention.first - 2 >= floor {
      var before = mention.first - 1
      if article.tokens[before].lower.equals(",") {
        before -= 1
        while before > floor, article.tokens[before].isCapitalized, mention.first - before < 5 {
          before -= 1
        }
        if article.tokens[before].lower.equals("of"),
          let person = personBefore(of: before, floor: floor)
        {
          return (person, cue, 0.8, "subject of the speech verb before the quote")
        }
      }
    }
    // "wrote in a statement to Wired explaining": the object of a preposition is no subject;
    // but "footage of Trump saying", "with McCain calling it" make one of a gerund's.
    if isObjectOfPreposition(mention) {
      var before = mention.first - 1
      if article.tokens[before].lower.equals("the") { before -= 1 }
      let of = article.tokens[before].lower.equals("of")
      // "Ada Holt of the Harbor Times wrote", "Ada Holt of the Council of Ports told": the
      // person, not where she works.
      if of, let person = personBefore(of: before, floor: floor) {
        return (person, cue, 0.85, "subject of the speech verb before the quote")
      }
      // "Ada Holt, chair of the board of Harbor Watch, a charity, said": the person who opens
      // the sentence with an apposition.
      if let person = personOpeningApposition(at: floor, before: mention.first) {
        return (person, cue, 0.8, "name that opens the sentence")
      }
      guard of || article.tokens[before].lower.equals("with") else { return nil }
    }
    let entity = finder.mentions[Int(mentionIndex)].entity
    guard Self.canSpeak(finder.entities[entity].kind) else { return nil }
    return (entity, cue, 0.85, "subject of the speech verb before the quote")
  }

  /// The speaker whose name or pronoun ends at `end`, right before a verb: "Ruiz" in "Ruiz
  /// added", "he" in "he said".
  func subjectEnding(at end: Int, floor: Int) -> Int? {
    if Self.isPronoun(article.tokens[end].lower) {
      return resolvePronoun(article.tokens[end].lower, before: end)
    }
    let mention = finder.mentionEndingAt[end]
    guard mention >= 0, finder.mentions[Int(mention)].first >= floor,
      !article.tokens[end].isPossessive,
      Self.canSpeak(finder.entities[finder.mentions[Int(mention)].entity].kind)
    else { return nil }
    return finder.mentions[Int(mention)].entity
  }

  /// The person named right before "of" at `of` ("Ada Holt of the Harbor Times"), through a
  /// chain of at most three "of" phrases ("Ada Holt of the Council of Ports of Marlow").
  func personBefore(of: Int, floor: Int) -> Int? {
    var of = of
    for _ in 0..<3 {
      guard of - 1 >= floor else { return nil }
      if let person = personEnding(at: of - 1) { return person }
      let mention = finder.mentionEndingAt[of - 1]
      guard mention >= 0 else { return nil }
      var before = finder.mentions[Int(mention)].first - 1
      if before >= floor, article.tokens[before].lower.equals("the") { before -= 1 }
      guard before >= floor, article.tokens[before].lower.equals("of") else { return nil }
      of = before
    }
    return nil
  }

  /// The person whose name opens the sentence at `start` (after "the"), followed by a comma,
  /// when that name ends before `limit`: `Ada Holt, chair of ..., said`.
  func personOpeningApposition(at start: Int, before limit: Int) -> Int? {
    // "Former harbor master Ada Holt, ...": a few words of role may come first.
    var first = skippingThe(start)
    while first < min(limit, start + 4), finder.mentionCovering[first] < 0,
      article.tokens[first].kind == .word, article.tokens[first].quote < 0,
      !Self.isPronoun(article.tokens[first].lower)
    {
      first += 1
    }
    let opening = first < limit ? finder.mentionCovering[first] : -1
    guard opening >= 0 else { return nil }
    let mention = finder.mentions[Int(opening)]
    guard mention.first == first, mention.last + 1 < limit,
      article.tokens[mention.last + 1].lower.equals(","),
      finder.entities[mention.entity].kind == .person
    else { return nil }
    return mention.entity
  }

  /// When the words before the verb are no name: `Sam Solovey, a contestant on the show, "The
  /// Apprentice," who went on to work alongside Trump, said`: a long clause between commas
  /// after the name that opens the sentence; `Trump issued a statement saying`: a participle,
  /// whose subject is the sentence's.
  func subjectPastClause(verb: Int, index: Int, sentenceStart: Int, cue: String) -> (
    Int, String?, Double, String
  )? {
    if article.tokens[index].lower.equals(",") {
      let opening = finder.mentionCovering[sentenceStart]
      guard opening >= 0 else { return nil }
      let mention = finder.mentions[Int(opening)]
      guard mention.first == sentenceStart, mention.last + 1 < verb,
        article.tokens[mention.last + 1].lower.equals(","),
        Self.canSpeak(finder.entities[mention.entity].kind)
      else { return nil }
      return (mention.entity, cue, 0.75, "name that opens the sentence")
    }
    guard cue.hasSuffix("ing"),
      let (speaker, isPronoun) = sentenceSubject(
        from: sentenceStart, before: verb)
    else { return nil }
    return (speaker, cue, isPronoun ? 0.65 : 0.7, "subject of the sentence")
  }

  /// The subject of the sentence that starts at `start`: its first pronoun that opens a clause,
  /// or its first mention that is no object of a preposition and no possessor ("Trump's
  /// comments" is not Trump speaking), within 30 tokens and before `limit`. Whether it was a
  /// pronoun is returned too.
  func sentenceSubject(from start: Int, before limit: Int) -> (Int, Bool)? {
    var index = start
    let end = min(limit, start + 30)
    while index < end {
      if article.tokens[index].quote >= 0 || article.tokens[index].isCredit {
        index += 1
        continue
      }
      if Self.isPronoun(article.tokens[index].lower) {
        guard index == start || article.tokens[index - 1].lower.equals(",") else { return nil }
        return resolvePronoun(article.tokens[index].lower, before: index).map { ($0, true) }
      }
      let mentionIndex = finder.mentionCovering[index]
      if mentionIndex >= 0 {
        let mention = finder.mentions[Int(mentionIndex)]
        if !article.tokens[mention.last].isPossessive,
          let (speaker, _) = subject(at: index, paragraphEnd: limit), speaker == mention.entity
        {
          return (speaker, false)
        }
        index = max(index, mention.last) + 1
        continue
      }
      index += 1
    }
    return nil
  }

  /// "he"/"she": the nearest earlier person outside quotes whose gender fits, in this paragraph
  /// or the two before it. "they": the nearest group or organization.
  func resolvePronoun(_ pronoun: String, before index: Int) -> Int? {
    let paragraph = article.tokens[index].paragraph
    let sentence = article.tokens[index].sentence
    // Which entities fit, decided once rather than comparing the pronoun at every candidate.
    let wantsPerson = pronoun == "he" || pronoun == "she" || pronoun == "i"
    let excludedGender: Gender? = pronoun == "he" ? .female : pronoun == "she" ? .male : nil
    func fits(_ entity: Int) -> Bool {
      let kind = finder.entities[entity].kind
      guard wantsPerson else { return kind == .group || kind == .organization }
      return kind == .person && finder.entities[entity].gender != excludedGender
    }
    // In the pronoun's own sentence, the nearest person before it; in earlier sentences, the
    // first (the subject): "Marchetti praised the chancellor ... she said" is Marchetti.
    // A person whose gender is known to be the pronoun's beats one whose gender is unknown in
    // the same sentence ("Clinton said she called Sanders to praise what she called ...").
    let wantedGender: Gender? = pronoun == "he" ? .male : pronoun == "she" ? .female : nil
    var currentSentence = sentence
    var candidate: Int?
    var position = index - 1
    // Bounded, so a huge paragraph full of pronouns stays linear.
    let floor = max(0, index - 600)
    while position >= floor, article.tokens[position].paragraph >= paragraph - 2 {
      if article.tokens[position].sentence != currentSentence {
        if let candidate { return candidate }
        currentSentence = article.tokens[position].sentence
      }
      let mentionIndex = finder.mentionEndingAt[position]
      if mentionIndex >= 0, article.tokens[position].quote < 0, !article.tokens[position].isCredit {
        let mention = finder.mentions[Int(mentionIndex)]
        if fits(mention.entity) {
          let exact = wantedGender != nil && finder.entities[mention.entity].gender == wantedGender
          if currentSentence != sentence {
            candidate = mention.entity
          } else if exact || wantedGender == nil {
            return mention.entity
          } else if candidate == nil {
            candidate = mention.entity
          }
        }
        position = mention.first - 1
        continue
      }
      position -= 1
    }
    return candidate
  }
}
