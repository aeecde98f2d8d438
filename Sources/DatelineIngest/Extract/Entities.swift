import DatelineModel

public enum Gender: Sendable, Equatable { case unknown, male, female }

/// A person, country or organization found in an article.
public struct Entity: Sendable, Equatable {
  public var name: String
  public var aliases: [String] = []
  public var kind: ActorKind
  public var role: String?
  /// Canonical country name the entity belongs to ("France" for the French president).
  public var affiliation: String?
  public var gender: Gender = .unknown
  public var mentionCount = 0

  /// Lowercased last word of a person's name, for alias matching: "trump".
  var surnameKey: String {
    String(name.split(separator: " ").last.map { $0.lowercased() } ?? name.lowercased())
  }

  mutating func addAlias(_ alias: String) {
    guard alias != name, !alias.isEmpty, !aliases.contains(alias) else { return }
    aliases.append(alias)
  }
}

/// Where an entity is named: the name's tokens, and the title or role tokens before it.
public struct Mention: Sendable, Equatable {
  public var entity: Int
  /// First and last token of the whole mention, title included.
  public var first: Int
  public var last: Int
  /// Titles and appositions name a role; nominal mentions ("the president") have no name.
  public var isNominal = false
}

/// Finds people, countries and organizations, their roles, and merges their aliases.
struct EntityFinder {
  var article: Article
  var entities: [Entity] = []
  var mentions: [Mention] = []
  /// For each token, the mention ending there (or -1).
  var mentionEndingAt: [Int32]
  /// For each token, the mention covering it (or -1).
  var mentionCovering: [Int32]
  /// Closing comma of an apposition -> the mention it describes.
  var appositionClosing: [Int: Int] = [:]
  /// Mention -> the closing comma of its apposition.
  var appositionOf: [Int: Int] = [:]
  private var keyToEntity: [String: Int] = [:]
  /// People by full name and by surname, lowercased: "donald trump", "trump".
  private var personKeys: [String: Int] = [:]
  /// Surnames that two or more people named in full share: "trump" -> Melania and Donald.
  private var sharedSurnames: [String: [Int]] = [:]

  init(article: Article) {
    self.article = article
    mentionEndingAt = Array(repeating: -1, count: article.tokens.count)
    mentionCovering = Array(repeating: -1, count: article.tokens.count)
    // Room for a typical article's names up front: growing a dictionary rehashes every key.
    let expectedNames = 8 + article.tokens.count / 16
    keyToEntity.reserveCapacity(2 * expectedNames)
    personKeys.reserveCapacity(2 * expectedNames)
    entities.reserveCapacity(expectedNames)
    mentions.reserveCapacity(2 * expectedNames)
  }

  struct Run {
    var first: Int
    var last: Int
  }

  mutating func find() {
    var pendingSingles: [Run] = []
    let labels = transcriptLabels()
    let skipped = headingsAndLabels(labels)
    var nextSkipped = 0
    for sentence in article.sentences {
      var index = sentence.lowerBound
      while index < sentence.upperBound {
        while nextSkipped < skipped.count, skipped[nextSkipped].upperBound <= index {
          nextSkipped += 1
        }
        if nextSkipped < skipped.count, skipped[nextSkipped].contains(index) {
          index = skipped[nextSkipped].upperBound
          continue
        }
        guard isNameToken(at: index) else {
          // Only "the" starts a nominal mention: test it here rather than call for every token.
          if article.tokens[index].end - article.tokens[index].start == 3,
            article.tokens[index].lower.equals("the"),
            let nominal = nominalMention(at: index, limit: sentence.upperBound)
          {
            index = nominal + 1
          } else {
            index += 1
          }
          continue
        }
        let run = collectRun(from: index, limit: sentence.upperBound)
        index = run.last + 1
        if let single = handle(run: run, sentenceStart: sentence.lowerBound) {
          pendingSingles.append(single)
        }
      }
    }
    findTranscriptLabels(labels)
    // Single words: a known person's surname or first name, else a person when they speak.
    // First names of the people named so far, built on the first word that needs them (most
    // articles have none). Names found below do not count, and names do not change below.
    var firstNames: [String: Int]?
    let peopleNamedSoFar = entities.count
    // A word that speaks once ("Ruiz said") is a person also where it came earlier ("Ruiz
    // compared the plans, saying ...").
    var speakingKeys: Set<String> = []
    for run in pendingSingles where nextToSpeechVerb(run) {
      speakingKeys.insert(String(article.tokens[run.first].stem))
    }
    for run in pendingSingles {
      let key = String(article.tokens[run.first].stem)
      if let shared = sharedSurnames[key] {
        let entity = bestPerson(among: shared, marked: honorificGender(before: run.first))
        addMention(entity, first: run.first, last: run.last, nameFirst: run.first)
        continue
      }
      if let entity = personKeys[key] ?? keyToEntity[key] {
        addMention(entity, first: run.first, last: run.last, nameFirst: run.first)
        continue
      }
      if firstNames == nil {
        var names: [String: Int] = [:]
        names.reserveCapacity(peopleNamedSoFar)
        for index in 0..<peopleNamedSoFar where entities[index].kind == .person {
          if let firstName = Self.firstNameKey(entities[index].name), names[firstName] == nil {
            names[firstName] = index
          }
        }
        firstNames = names
      }
      if let firstName = firstNames?[key] {
        addMention(firstName, first: run.first, last: run.last, nameFirst: run.first)
        continue
      }
      if CreditFinder.isAllCaps(article, at: run.first),
        !article.tokens[run.first].lower.hasMoreCharacters(than: 6)
      {
        let full = Lexicon.organizationAliases[key]
        let entity = entity(
          key: full?.lowercased() ?? key,
          name: full ?? writtenName(run.first, run.first),
          kind: .organization)
        entities[entity].addAlias(writtenName(run.first, run.first))
        addMention(entity, first: run.first, last: run.last, nameFirst: run.first)
        continue
      }
      // "As Politico reported", "according to HuffPo": a name no one has, as a source that
      // reports, is an outlet or organization.
      if reportsAsOutlet(run) {
        let entity = entity(key: key, name: writtenName(run.first, run.first), kind: .organization)
        addMention(entity, first: run.first, last: run.last, nameFirst: run.first)
        continue
      }
      // "Democratic presidential candidate ...": a party label alone is no one.
      if speakingKeys.contains(key), !Self.partyLabels.contains(article.tokens[run.first].lower) {
        let name = writtenName(run.first, run.first)
        let entity = entity(key: "person:" + key, name: name, kind: .person)
        personKeys[key] = entity
        addMention(entity, first: run.first, last: run.last, nameFirst: run.first)
      }
    }
    // "Megyn Kelly" is a woman, "Donald Trump" a man: a common first name tells, when no title
    // did.
    for index in entities.indices
    where entities[index].kind == .person && entities[index].gender == .unknown {
      guard let first = Self.firstNameKey(entities[index].name) else { continue }
      if Lexicon.femaleFirstNames.contains(first) {
        entities[index].gender = .female
      } else if Lexicon.maleFirstNames.contains(first) {
        entities[index].gender = .male
      }
    }
    mentions.sort { $0.first < $1.first }
    for index in mentionEndingAt.indices {
      mentionEndingAt[index] = -1
      mentionCovering[index] = -1
    }
    for (number, mention) in mentions.enumerated() {
      mentionEndingAt[mention.last] = Int32(number)
      for token in mention.first...mention.last { mentionCovering[token] = Int32(number) }
    }
    findAppositions()
  }

  /// Words in capitals before a colon that label a section, not a speaker: "VIDEO:", "UPDATE:".
  static let sectionLabels: Set<String> = [
    "video", "update", "updated", "abstract", "text", "full", "note", "photo", "watch", "read",
    "source", "transcript", "related", "editor", "correction", "audio", "breaking", "q",
  ]

  /// Token ranges, in order, where capitals say nothing of names: a transcript's speaker
  /// labels (`findTranscriptLabels` takes them on its own) and heading lines, paragraphs of
  /// capitalized words with no sentence end: "ABSTRACT", "FULL TEXT", a headline in title case
  /// ("Mayor Makes Unwelcome Return"), whose words would otherwise come out as actors.
  /// A label that opens one paragraph only ("HUFFPOLLSTER: A Seismic Shift") is left to the
  /// name finder: it may name a column or an outlet that the text names again.
  func headingsAndLabels(_ labels: TranscriptLabels) -> [Range<Int>] {
    var ranges = article.paragraphTokens.filter(isHeading)
    for (words, surname) in labels.labels where labels.counts[surname, default: 0] >= 2 {
      ranges.append(words.lowerBound..<(words.upperBound + 1))
    }
    // A heading has no colon, so it never holds a label: sorting keeps the ranges apart.
    return ranges.sorted { $0.lowerBound < $1.lowerBound }
  }

  static let headingSmallWords: WordSet = [
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with",
    "from", "as", "is", "vs",
  ]

  /// A paragraph of 2 to 14 words, each capitalized or a small word, or of one word in
  /// capitals, with no full stop, question or exclamation mark, colon or quotation mark. (One
  /// word in mixed case, "HuffPollster", is more often a column's name than a label.)
  func isHeading(_ paragraph: Range<Int>) -> Bool {
    var words = 0
    var firstWord = paragraph.lowerBound
    for index in paragraph {
      let token = article.tokens[index]
      switch token.kind {
      case .word:
        guard token.isCapitalized || Self.headingSmallWords.contains(token.lower) else {
          return false
        }
        if words == 0 { firstWord = index }
        words += 1
        if words > 14 { return false }
      case .quoteMark: return false
      case .punctuation:
        if token.lower.equals(".") || token.lower.equals("?") || token.lower.equals("!")
          || token.lower.equals(":")
        {
          return false
        }
      case .number: continue
      }
    }
    return words >= 2 || (words == 1 && CreditFinder.isAllCaps(article, at: firstWord))
  }

  /// The speaker label in capitals that opens `paragraph`, after an optional quotation mark:
  /// `PENCE: Well, ...`, `"JAKE TAPPER: ...`. Returns the label's words, before the colon.
  func transcriptLabel(in paragraph: Range<Int>) -> ClosedRange<Int>? {
    let tokens = article.tokens
    var first = paragraph.lowerBound
    if first < paragraph.upperBound, tokens[first].kind == .quoteMark { first += 1 }
    var colon = first
    while colon < min(paragraph.upperBound, first + 3), tokens[colon].lower.utf8.count >= 2,
      CreditFinder.isAllCaps(article, at: colon), !Self.sectionLabels.contains(tokens[colon].lower)
    {
      colon += 1
    }
    guard colon > first, colon + 1 < paragraph.upperBound, tokens[colon].lower.equals(":") else {
      return nil
    }
    return first...(colon - 1)
  }

  /// The speaker labels of the article's paragraphs, in order, each with the stem of its last
  /// word, and how many paragraphs each of those words opens.
  struct TranscriptLabels {
    var labels: [(words: ClosedRange<Int>, surname: String)] = []
    var counts: [String: Int] = [:]
  }

  func transcriptLabels() -> TranscriptLabels {
    var found = TranscriptLabels()
    for paragraph in article.paragraphTokens {
      guard let words = transcriptLabel(in: paragraph) else { continue }
      let surname = String(article.tokens[words.upperBound].stem)
      found.labels.append((words, surname))
      found.counts[surname, default: 0] += 1
    }
    return found
  }

  /// A transcript's speaker labels (`WALLACE: ...`, `"PENCE: ...`) are mentions of the person
  /// with that surname, or of a person of their own when the label opens two paragraphs or
  /// more. Inside a quotation mark they are still the speaker's name, not quoted words.
  mutating func findTranscriptLabels(_ found: TranscriptLabels) {
    for (words, surname) in found.labels {
      var id = personKeys[surname]
      if id == nil, found.counts[surname, default: 0] >= 2 {
        let name = words.filter { article.tokens[$0].kind == .word }.map {
          EventBuilder.capitalized(article.tokens[$0].lower)
        }.joined(separator: " ")
        id = person(
          named: name, key: key(words.lowerBound, words.upperBound), lastToken: words.upperBound)
      }
      guard let id else { continue }
      addMention(id, first: words.lowerBound, last: words.upperBound, nameFirst: words.lowerBound)
    }
  }

  /// The first word of a name of two words or more, lowercased: "donald" for "Donald Trump".
  static func firstNameKey(_ name: String) -> String? {
    // ASCII splits on its bytes; splitting into Characters cost more than the rest of find().
    let bytes = Array(name.utf8)
    guard bytes.allSatisfy({ $0 < 0x80 }) else {
      let words = name.split(separator: " ")
      return words.count > 1 ? words[0].lowercased() : nil
    }
    let space = UInt8(ascii: " ")
    guard let start = bytes.firstIndex(where: { $0 != space }) else { return nil }
    let end = bytes[start...].firstIndex(of: space) ?? bytes.endIndex
    guard bytes[end...].contains(where: { $0 != space }) else { return nil }
    return String(decoding: bytes[start..<end].map(asciiLowercase), as: UTF8.self)
  }

  /// A capitalized word outside quotes and credits. Tested in place: this runs for every token,
  /// and copying a token retains its string.
  func isNameToken(at index: Int) -> Bool {
    article.tokens[index].isCapitalized && article.tokens[index].kind == .word
      && article.tokens[index].quote < 0 && !article.tokens[index].isCredit
  }

  /// Party labels that may open a person's description: "Republican", "Democratic".
  static let partyLabels: WordSet = [
    "republican", "democratic", "democrat", "gop", "independent", "libertarian",
  ]

  static let connectors: Set<String> = [
    "of", "the", "de", "da", "van", "von", "der", "den", "bin", "al", "la", "le", "du", "del",
    "d'affaires", "&", "for", "on",
  ]

  func collectRun(from start: Int, limit: Int) -> Run {
    var last = start
    var hasHead = article.tokens[start].classes.contains(.organizationWord)
    var onlyTitles = article.tokens[start].classes.contains(.title)
    if article.tokens[start].isPossessive { return Run(first: start, last: start) }
    var index = start + 1
    while index < limit {
      // "Lt. Gen. Harold J. Whitcomb": the dot after an abbreviation or an initial.
      if article.tokens[index].kind == .punctuation, article.tokens[index].lower.equals("."),
        index + 1 < limit, isNameToken(at: index + 1)
      {
        if article.tokens[index - 1].classes.contains(.abbreviatedTitle)
          || (article.tokens[index - 1].lower.unicodeScalars.count == 1
            && article.tokens[index - 1].isCapitalized)
        {
          index += 1
          continue
        }
      }
      if isNameToken(at: index) {
        let classes = article.tokens[index].classes
        if classes.contains(.month) || classes.contains(.weekday) { break }
        last = index
        if classes.contains(.organizationWord) { hasHead = true }
        // Only a nationality word can be a demonym: the bit spares the lookup.
        if !classes.contains(.title)
          && (!classes.contains(.nationality)
            || Lexicon.demonymNames[article.tokens[index].lower] == nil)
        {
          onlyTitles = false
        }
        index += 1
        if article.tokens[index - 1].isPossessive { break }
        continue
      }
      // "Bank of England", "Chargé d'Affaires of the U.S. Mission", "Charles de Gaulle"
      if article.tokens[index].kind == .word, article.tokens[index].quote < 0,
        !article.tokens[index].isCredit, article.tokens[index].classes.contains(.connector)
      {
        let token = article.tokens[index]
        var lookahead = index + 1
        if token.lower.equals("of"), lookahead < limit,
          article.tokens[lookahead].lower.equals("the")
        {
          lookahead += 1
        }
        // "Ursula von der Leyen": particles can follow each other.
        while lookahead < limit, !token.lower.equals("of"), article.tokens[lookahead].kind == .word,
          !article.tokens[lookahead].isCapitalized,
          article.tokens[lookahead].classes.contains(.connector), lookahead - index < 3
        {
          lookahead += 1
        }
        let allowed =
          token.lower.equals("of") || token.lower.equals("for") || token.lower.equals("on")
          ? (hasHead || onlyTitles) : !token.lower.equals("the")
        if allowed, lookahead < limit, isNameToken(at: lookahead),
          !article.tokens[lookahead].classes.contains(.month),
          !article.tokens[lookahead].classes.contains(.weekday)
        {
          index = lookahead
          continue
        }
      }
      break
    }
    return Run(first: start, last: last)
  }

  func stripPossessive(_ text: String) -> String {
    // Possessives end in "s", "'" or the last byte of "’": most names end otherwise.
    guard let lastByte = text.utf8.last,
      lastByte == UInt8(ascii: "s") || lastByte == UInt8(ascii: "'") || lastByte == 0x99
    else { return text }
    if text.hasSuffix("'s") || text.hasSuffix("’s") { return String(text.dropLast(2)) }
    if text.hasSuffix("s'") || text.hasSuffix("s’") { return String(text.dropLast(1)) }
    return text
  }

  /// The text from the first to the last token, without a possessive ending: "Macron".
  func writtenName(_ first: Int, _ last: Int) -> String {
    let text = article.text(tokens: first, last)
    // Only a token that ends in "'s" or "s'" can end the text in a possessive.
    guard article.tokens.indices.contains(last), article.tokens[last].isPossessive else {
      return text
    }
    return stripPossessive(text)
  }

  func key(_ first: Int, _ last: Int) -> String {
    if first == last { return String(article.tokens[first].stem) }
    // Written into one allocation: most runs of two words or more build a key.
    var capacity = 0
    for index in first...last where article.tokens[index].kind == .word {
      capacity += article.tokens[index].lower.utf8.count + 1
    }
    return String(unsafeUninitializedCapacity: capacity) { buffer in
      var offset = 0
      for index in first...last where article.tokens[index].kind == .word {
        if offset > 0 {
          buffer[offset] = UInt8(ascii: " ")
          offset += 1
        }
        if index == last {
          offset += article.tokens[index].stem.copyUTF8(into: buffer, at: offset)
        } else {
          offset += article.tokens[index].lower.copyUTF8(into: buffer, at: offset)
        }
      }
      return offset
    }
  }

  /// `words.contains(token.lower)` for a word list that sets `wordClass`: the bit rules out
  /// almost every token without hashing its text. The class table matches bytes while a Set
  /// matches canonically equivalent text, so a non-ASCII word ("chargé" written with a
  /// combining accent) is looked up regardless.
  @inline(__always)
  func lower(at index: Int, isIn words: Set<String>, _ wordClass: WordClass) -> Bool {
    (article.tokens[index].classes.contains(wordClass) || !isASCII(index))
      && words.contains(article.tokens[index].lower)
  }

  @inline(__always)
  func isASCII(_ index: Int) -> Bool { article.tokens[index].lower.isPlainASCII }

  /// `words.contains(String(token.stem))` for a word list that sets `wordClass`. The bit covers
  /// the word and its "'s" form; an "s'" possessive ("allies'") and a non-ASCII word need the
  /// lookup regardless.
  @inline(__always)
  func stem(at index: Int, isIn words: Set<String>, _ wordClass: WordClass) -> Bool {
    (article.tokens[index].classes.contains(wordClass) || article.tokens[index].isPossessive
      || !isASCII(index))
      && words.contains(String(article.tokens[index].stem))
  }

  /// Whether `key(first, last)` can name a country or a place: only when its first word can
  /// start one. Building the key and hashing it is the costly part of most runs.
  func mayNameCountryOrPlace(_ first: Int, _ last: Int) -> Bool {
    guard let firstWord = (first...last).first(where: { article.tokens[$0].kind == .word }) else {
      return true
    }
    let firstWords = Lexicon.countryAndPlaceFirstWords
    if firstWords.contains(article.tokens[firstWord].lower) { return true }
    // A one-word key is the stem: "Paris's".
    return article.tokens[firstWord].isPossessive
      && firstWords.contains(String(article.tokens[firstWord].stem))
  }

  /// Whether the run's first one, two or three words name a place: "Oval Office of the ...".
  func startsWithPlace(_ first: Int, _ last: Int) -> Bool {
    placePrefixEnd(first, last) != nil
  }

  /// The last token of the longest place (one to three words) that opens the run and leaves
  /// words after it: "South Carolina" in "South Carolina Democrat".
  func placePrefixEnd(_ first: Int, _ last: Int) -> Int? {
    var found: Int?
    for end in first..<min(last, first + 3) where Lexicon.places.contains(key(first, end)) {
      found = end
    }
    return found
  }

  /// "Lt . Gen . Whitcomb": the title words as written, then the surname.
  func titledAlias(_ titleWords: [Int], surname: String) -> String {
    // A loop, not a closure: a closure capturing `self` copies the whole finder.
    var pieces: [String] = []
    pieces.reserveCapacity(2 * titleWords.count + 1)
    for word in titleWords {
      // "Sen. Hughes": the dot of an abbreviation joins the word before it.
      if article.tokens[word].lower.equals("."), pieces.last == " " { pieces.removeLast() }
      pieces.append(article.text(tokens: word, word))
      pieces.append(" ")
    }
    pieces.append(surname)
    return String(concatenating: pieces)
  }

  static let generationalSuffixes: WordSet = ["jr", "sr", "ii", "iii", "iv"]

  /// Classifies a run of capitalized words; returns it when it is a lone unknown word.
  ///
  /// Closures here read `tokens`, not `self`: a closure capturing a mutating method's `self`
  /// copies the whole finder.
  mutating func handle(run: Run, sentenceStart: Int) -> Run? {
    let tokens = article.tokens
    var first = run.first
    var last = run.last
    // "Dennis Okoro Jr.", "Vann R. Newkirk II": the generational suffix is no part of the
    // name people are matched by.
    if last > first + 1, article.tokens[last].kind == .word,
      Self.generationalSuffixes.contains(article.tokens[last].lower)
    {
      last -= 1
    }
    // Sentence openers and function words are not names: "Still", "The", "On".
    // "Said Ellis:" at a sentence start: the verb is no part of the name.
    while first <= last,
      article.tokens[first].classes.contains(.commonCapitalized)
        || article.tokens[first].classes.contains(.connector)
        || (first < last && article.tokens[first].classes.contains(.speechVerb))
    {
      // "said Will Doyle": inside a sentence, after a lowercase word or a comma, a first name
      // that is also a common word starts the name.
      if first < last, first > sentenceStart, isFirstName(at: first),
        !article.tokens[first - 1].isCapitalized,
        article.tokens[first - 1].kind == .word || article.tokens[first - 1].lower.equals(",")
      {
        break
      }
      first += 1
    }
    guard first <= last else { return nil }
    // "Republican South Carolina Sen. Lindsey Graham": a party label, then a name with its own
    // place and title; the label is part of the role. "Republican National Committee" is a name.
    if first < last, Self.partyLabels.contains(article.tokens[first].lower),
      !(first...last).contains(where: { tokens[$0].classes.contains(.organizationWord) })
    {
      let count = mentions.count
      let single = handle(run: Run(first: first + 1, last: run.last), sentenceStart: sentenceStart)
      if mentions.count == count + 1, mentions[count].first == first + 1,
        entities[mentions[count].entity].kind == .person
      {
        mentions[count].first = first
      }
      return single
    }
    if article.tokens[first].classes.contains(.month)
      || article.tokens[first].classes.contains(.weekday)
    {
      return nil
    }
    // One capitalized word with no title before it, the commonest case: decide it cheaply.
    if first == last, first == run.last,
      first == sentenceStart || !article.tokens[first - 1].classes.contains(.title),
      first == sentenceStart || !article.tokens[first - 1].classes.contains(.nationality)
    {
      let classes = article.tokens[first].classes
      if classes.contains(.title) || classes.contains(.abbreviatedTitle)
        || classes.contains(.thingWord) || classes.contains(.gatheringNoun)
        || (classes.contains(.nationality)
          && Lexicon.countryNames[article.tokens[first].lower] == nil
          && Lexicon.countryNames[String(article.tokens[first].stem)] == nil
          // "Mark Cuban ... Cuban said": a known person's surname, not a nationality.
          && personKeys[String(article.tokens[first].stem)] == nil)
      {
        return nil
      }
      if !classes.contains(.organizationWord), !CreditFinder.isAllCaps(article, at: first) {
        let word = String(article.tokens[first].stem)
        // A one-word country sets the nationality bit, also through "'s" (not through "s'").
        if classes.contains(.nationality) || article.tokens[first].isPossessive,
          let country = Lexicon.countryNames[word]
        {
          addCountry(country, first: first, last: last)
          return nil
        }
        if Lexicon.places.contains(word) {
          if followedBySpeechVerb(Run(first: first, last: last)) {
            let name = writtenName(first, last)
            let id = entity(key: word, name: name, kind: .organization)
            addMention(id, first: first, last: last, nameFirst: first)
          }
          return nil
        }
        return Run(first: first, last: last)
      }
    }
    let mayBeCountryOrPlace = mayNameCountryOrPlace(first, last)
    let wholeKey = mayBeCountryOrPlace ? key(first, last) : ""
    if mayBeCountryOrPlace, let country = Lexicon.countryNames[wholeKey] {
      addCountry(country, first: first, last: last)
      return nil
    }
    // A place, or a name that starts with one ("Oval Office of the White House").
    let isWholePlace = mayBeCountryOrPlace && Lexicon.places.contains(wholeKey)
    let placeEnd = mayBeCountryOrPlace && last > first ? placePrefixEnd(first, last) : nil
    if !isWholePlace, let placeEnd {
      // "Nevada Sen. Harry Reid", "Atlantic City Mayor Dana Ruiz": a place, then a title and a
      // name: the person, with the place as part of the role. "a South Carolina Democrat": a
      // place and a party label describe someone without naming them.
      if (placeEnd + 1...last).contains(where: {
        tokens[$0].classes.contains(.personTitle) || tokens[$0].classes.contains(.abbreviatedTitle)
      }) {
        let count = mentions.count
        let single = handle(
          run: Run(first: placeEnd + 1, last: run.last), sentenceStart: sentenceStart)
        if mentions.count == count + 1, mentions[count].first == placeEnd + 1,
          entities[mentions[count].entity].kind == .person
        {
          mentions[count].first = first
          for token in first...placeEnd { mentionCovering[token] = Int32(count) }
        }
        return single
      }
      // "Texas Tribune", "Ohio State University": an organization named after its place.
      if !(placeEnd + 1...last).contains(where: { tokens[$0].classes.contains(.organizationWord) })
      {
        return nil
      }
    } else if isWholePlace {
      // "Washington said": the place speaks for its government.
      if isWholePlace, followedBySpeechVerb(Run(first: first, last: last)) {
        let name = writtenName(first, last)
        let id = entity(key: wholeKey, name: name, kind: .organization)
        addMention(id, first: first, last: last, nameFirst: first)
      }
      return nil
    }
    // Titles, nationalities and countries before the name: "French President Emmanuel Macron".
    var nameFirst = first
    var titleWords: [Int] = []
    var country: String?
    while nameFirst <= last {
      if article.tokens[nameFirst].classes.contains(.nationality),
        let nation = Lexicon.demonymNames[article.tokens[nameFirst].lower]
          ?? Lexicon.countryNames[article.tokens[nameFirst].lower], nameFirst < last
      {
        country = country ?? nation
        titleWords.append(nameFirst)
      } else if lower(at: nameFirst, isIn: Lexicon.titles, .title)
        || lower(at: nameFirst, isIn: Lexicon.abbreviatedTitles, .abbreviatedTitle)
        || article.tokens[nameFirst].lower.equals("of")
        || article.tokens[nameFirst].lower.equals("the")
        || article.tokens[nameFirst].lower.equals(".")
      {
        titleWords.append(nameFirst)
      } else {
        break
      }
      nameFirst += 1
    }
    // Lowercase titles and a country before the run: "U.K. prime minister Keir Starmer".
    var roleFirst = first
    var lookback = first - 1
    while lookback >= sentenceStart, article.tokens[lookback].kind == .word,
      article.tokens[lookback].quote < 0,
      article.tokens[lookback].classes.contains(.title)
        && !article.tokens[lookback].isCapitalized
        || (roleFirst < first && article.tokens[lookback].classes.contains(.nationality)
          && (Lexicon.demonymNames[article.tokens[lookback].lower] != nil
            || Lexicon.countryNames[article.tokens[lookback].lower] != nil))
    {
      if article.tokens[lookback].classes.contains(.nationality),
        let nation = Lexicon.demonymNames[article.tokens[lookback].lower]
          ?? Lexicon.countryNames[article.tokens[lookback].lower]
      {
        country = country ?? nation
      }
      roleFirst = lookback
      lookback -= 1
    }
    guard nameFirst <= last else {
      // Only titles: "President", "U.K." handled above; "Prime Minister" alone is no one.
      return nil
    }
    // "Senate Majority Leader Chuck Schumer": a person title inside the run starts the name.
    if let lastTitle = (nameFirst...last).last(where: {
      tokens[$0].classes.contains(.personTitle)
    }), lastTitle < last, !article.tokens[last].classes.contains(.organizationWord) {
      titleWords += Array(nameFirst...lastTitle)
      nameFirst = lastTitle + 1
      while nameFirst < last, article.tokens[nameFirst].lower.equals(".") { nameFirst += 1 }
    }
    // Indices, not tokens: copying a token retains its string.
    let nameWords = (nameFirst...last).filter { tokens[$0].kind == .word }
    if nameWords.contains(where: { tokens[$0].classes.contains(.gatheringNoun) }) {
      return nil
    }
    // The whole run was looked up already when the name is the whole run.
    let nameMayBeCountryOrPlace = nameFirst != first && mayNameCountryOrPlace(nameFirst, last)
    if nameMayBeCountryOrPlace, let nation = Lexicon.countryNames[key(nameFirst, last)] {
      addCountry(nation, first: nameFirst, last: last)
      return nil
    }
    let isOrganization =
      nameWords.contains { tokens[$0].classes.contains(.organizationWord) }
      || (nameWords.count == 1 && CreditFinder.isAllCaps(article, at: nameWords[0])
        && titleWords.isEmpty)
    if isOrganization {
      // The organization keeps its qualifiers: "Finance Ministry", "U.S. Army".
      let nameFirst =
        titleWords.contains { tokens[$0].classes.contains(.personTitle) }
        ? nameFirst : first
      var orgLast = last
      // End the name at its last organization word, keeping "of X" tails.
      if let head = (nameFirst...last).last(where: {
        tokens[$0].classes.contains(.organizationWord)
      }), !(nameFirst...last).contains(where: { tokens[$0].lower.equals("of") && $0 > head }) {
        orgLast = head
      }
      let orgKey = key(nameFirst, orgLast)
      let written = writtenName(nameFirst, orgLast)
      let fullName = Lexicon.organizationAliases[orgKey]
      let id = entity(
        key: fullName?.lowercased() ?? orgKey, name: fullName ?? written, kind: .organization)
      entities[id].addAlias(written)
      if let country, entities[id].affiliation == nil { entities[id].affiliation = country }
      addMention(id, first: first, last: orgLast, nameFirst: nameFirst)
      return nil
    }
    if nameMayBeCountryOrPlace, Lexicon.places.contains(key(nameFirst, last)) { return nil }
    let hasPersonTitle =
      titleWords.contains {
        tokens[$0].classes.contains(.personTitle) || tokens[$0].classes.contains(.abbreviatedTitle)
      }
      || (roleFirst..<first).contains {
        tokens[$0].classes.contains(.personTitle) || tokens[$0].classes.contains(.abbreviatedTitle)
      }
    // "Hydrologist Nadia Karimi" at a sentence start: an occupation, then the name.
    if !hasPersonTitle, nameFirst == first, first == sentenceStart, nameWords.count >= 3,
      Self.looksLikeOccupation(article.tokens[nameWords[0]].lower)
    {
      return handle(run: Run(first: first + 1, last: last), sentenceStart: first + 1)
    }
    // "Bill Dombrowski": a first name that is also a thing word starts a name of two words.
    for word in nameWords where stem(at: word, isIn: Lexicon.thingWords, .thingWord) {
      guard word == nameWords[0], nameWords.count >= 2, isFirstName(at: word) else { return nil }
    }
    // "in Valmont", "the Calder Bay": places, unless a title or a speech verb says it is a person.
    if !hasPersonTitle, !nextToSpeechVerb(Run(first: nameFirst, last: last)),
      roleFirst - 1 >= sentenceStart
    {
      let before = roleFirst - 1
      if lower(at: before, isIn: Lexicon.locativePrepositions, .locative)
        || (article.tokens[before].lower.equals("the") && !nameWords.isEmpty
          && stem(at: nameWords[nameWords.count - 1], isIn: Lexicon.placeWords, .placeWord))
      {
        return nil
      }
    }
    if nameWords.count == 1 && !hasPersonTitle {
      return Run(first: nameFirst, last: last)
    }
    guard hasPersonTitle || nameWords.count >= 2, nameWords.count <= 5 else { return nil }
    let name = writtenName(nameFirst, last)
    let roleTokens = Array(roleFirst..<first) + titleWords
    // "Mrs. Trump", "Mr. Clinton": the honorific tells which of two people with one surname.
    var marked = Gender.unknown
    for index in roleTokens where article.tokens[index].classes.contains(.abbreviatedTitle) {
      if ["mrs", "ms"].contains(article.tokens[index].lower) { marked = .female }
      if article.tokens[index].lower.equals("mr") { marked = .male }
    }
    let id = person(named: name, key: key(nameFirst, last), lastToken: last, marked: marked)
    if marked != .unknown, entities[id].gender == .unknown { entities[id].gender = marked }
    if !roleTokens.isEmpty {
      if !titleWords.isEmpty {
        let alias = titledAlias(titleWords, surname: entities[id].surnameCapitalized)
        entities[id].addAlias(alias)
      }
      // The markers are all titles: the bit spares the lookups.
      for index in roleTokens where article.tokens[index].classes.contains(.title) {
        let word = article.tokens[index].lower
        if Lexicon.femaleMarkers.contains(word) { entities[id].gender = .female }
        if Lexicon.maleMarkers.contains(word) { entities[id].gender = .male }
      }
      // The first role found stays: build the next one only while there is none.
      if entities[id].role == nil,
        let role = Self.normalizedRole(roleText(roleTokens), country: country)
      {
        entities[id].role = role
      }
    }
    if let country, entities[id].affiliation == nil { entities[id].affiliation = country }
    addMention(id, first: roleFirst, last: last, nameFirst: nameFirst, written: name)
    return nil
  }

  /// The role as written, word by word; "Lt. Gen." keeps its dots: a dot joins the word before.
  func roleText(_ roleTokens: [Int]) -> [String] {
    var roleText: [String] = []
    for token in roleTokens {
      let text = article.text(tokens: token, token)
      if text == ".", !roleText.isEmpty {
        roleText[roleText.count - 1] += "."
      } else {
        roleText.append(text)
      }
    }
    return roleText
  }

  static func looksLikeOccupation(_ word: String) -> Bool {
    ["ist", "ian", "er", "or", "ant", "ent", "ess", "man", "woman", "ee"].contains {
      word.hasSuffix($0)
    }
  }

  /// "French President" -> "President of France"; honorifics alone give no role.
  static func normalizedRole(_ words: [String], country: String?) -> String? {
    var pieces: [String] = []
    for word in words {
      // Only "." lowercases to "."; the word lists are asked for the lowercased word.
      guard word != "." else { continue }
      guard
        !Lexicon.honorifics.containsLowercased(word)
          && !Lexicon.nationalityWords.containsLowercased(word)
      else { continue }
      if !pieces.isEmpty { pieces.append(" ") }
      pieces.append(EventBuilder.capitalized(word))
    }
    guard !pieces.isEmpty else { return nil }
    if let country {
      let article =
        country.hasPrefix("United") || country == "Netherlands" || country == "Philippines"
          || country == "Czech Republic" ? "the " : ""
      pieces += [" of ", article, country]
    }
    return String(concatenating: pieces)
  }

  mutating func addCountry(_ name: String, first: Int, last: Int) {
    let id = entity(key: "country:" + name.lowercased(), name: name, kind: .country)
    let written = writtenName(first, last)
    entities[id].addAlias(written)
    addMention(id, first: first, last: last, nameFirst: first)
  }

  mutating func entity(key: String, name: String, kind: ActorKind) -> Int {
    if let existing = keyToEntity[key] { return existing }
    let nameKey = "\(kind.rawValue):\(name.lowercased())"
    if let existing = keyToEntity[nameKey] {
      keyToEntity[key] = existing
      return existing
    }
    entities.append(Entity(name: name, kind: kind))
    keyToEntity[key] = entities.count - 1
    keyToEntity[nameKey] = entities.count - 1
    return entities.count - 1
  }

  /// A person, merged with earlier mentions sharing the surname: Trump = Donald Trump. Two
  /// full names with the same surname and different first names are two people ("Melania
  /// Trump", "Donald Trump"); the surname alone is then the one its honorific marks ("Mrs.
  /// Trump"), else the one named most so far.
  mutating func person(named name: String, key: String, lastToken: Int, marked: Gender = .unknown)
    -> Int
  {
    // The key's last word is the last token's stem. In an ASCII key every byte is a character,
    // so that is exactly what splitting the key into characters gives.
    let surname =
      key.isPlainASCII
      ? String(article.tokens[lastToken].stem)
      : String(key.split(separator: " ").last ?? Substring(key))
    if let first = personKeys[surname] {
      let candidates = sharedSurnames[surname] ?? [first]
      var existing = first
      if let known = personKeys[key], key != surname {
        existing = known
      } else if let given = Self.firstNameKey(name) {
        guard
          let same = candidates.first(where: {
            Self.sameFirstName(given, Self.firstNameKey(entities[$0].name))
          })
        else {
          entities.append(Entity(name: name, kind: .person))
          let id = entities.count - 1
          entities[id].gender = Self.gender(ofFirstName: given)
          sharedSurnames[surname] = candidates + [id]
          personKeys[key] = id
          return id
        }
        existing = same
      } else {
        existing = bestPerson(among: candidates, marked: marked)
      }
      if name.characterCount > entities[existing].name.characterCount {
        entities[existing].addAlias(entities[existing].name)
        entities[existing].name = name
        entities[existing].aliases.removeAll { $0 == name }
      } else {
        entities[existing].addAlias(name)
      }
      personKeys[key] = existing
      return existing
    }
    entities.append(Entity(name: name, kind: .person))
    let id = entities.count - 1
    if let given = Self.firstNameKey(name) { entities[id].gender = Self.gender(ofFirstName: given) }
    personKeys[surname] = id
    personKeys[key] = id
    return id
  }

  /// Two first names that can be one person's: they start with the same letter, accents
  /// aside ("Don" and "Donald", "J." and "John", "François" and "Francois"; not "Bill" and
  /// "Hillary"); a name without a first name matches any.
  static func sameFirstName(_ given: String, _ other: String?) -> Bool {
    guard let other, let a = given.unicodeScalars.first, let b = other.unicodeScalars.first
    else { return true }
    // A letter with an accent may be the same letter without it: only ASCII letters differ.
    return !a.isASCII || !b.isASCII || a == b
  }

  /// The word at `index` is a common first name.
  func isFirstName(at index: Int) -> Bool {
    Self.gender(ofFirstName: article.tokens[index].lower) != .unknown
  }

  static func gender(ofFirstName name: String) -> Gender {
    if Lexicon.femaleFirstNames.contains(name) { return .female }
    if Lexicon.maleFirstNames.contains(name) { return .male }
    return .unknown
  }

  /// The gender that "Mr." or "Mrs."/"Ms." just before `index` marks.
  func honorificGender(before index: Int) -> Gender {
    var title = index - 1
    if title >= 0, article.tokens[title].lower.equals(".") { title -= 1 }
    guard title >= 0 else { return .unknown }
    switch article.tokens[title].lower {
    case "mr": return .male
    case "mrs", "ms": return .female
    default: return .unknown
    }
  }

  /// Of people sharing a surname, the one an honorific's gender marks, else the one with the
  /// most mentions so far (the first on a tie).
  func bestPerson(among candidates: [Int], marked: Gender) -> Int {
    if marked != .unknown, let match = candidates.first(where: { entities[$0].gender == marked }) {
      return match
    }
    var best = candidates[0]
    for candidate in candidates.dropFirst()
    where entities[candidate].mentionCount > entities[best].mentionCount {
      best = candidate
    }
    return best
  }

  /// `written` is the name as the text has it, when the caller has it already.
  mutating func addMention(
    _ entity: Int, first: Int, last: Int, nameFirst: Int, nominal: Bool = false,
    written: String? = nil
  ) {
    entities[entity].mentionCount += 1
    mentions.append(Mention(entity: entity, first: first, last: last, isNominal: nominal))
    mentionEndingAt[last] = Int32(mentions.count - 1)
    for token in first...last { mentionCovering[token] = Int32(mentions.count - 1) }
    if entities[entity].kind == .person, !nominal, nameFirst <= last {
      entities[entity].addAlias(written ?? writtenName(nameFirst, last))
    }
  }

  /// "the president", "the French leader": the latest person with that title.
  mutating func nominalMention(at index: Int, limit: Int) -> Int? {
    guard article.tokens[index].end - article.tokens[index].start == 3,
      article.tokens[index].lower.equals("the"), article.tokens[index].quote < 0,
      !article.tokens[index].isCredit
    else { return nil }
    var cursor = index + 1
    // "the ministry said": the organization named earlier with that head word.
    if cursor < limit, !article.tokens[cursor].isCapitalized,
      article.tokens[cursor].classes.contains(.organizationWord),
      cursor + 1 >= limit || !isNameToken(at: cursor + 1)
    {
      if let organization = latestOrganization(withHead: String(article.tokens[cursor].stem)) {
        addMention(
          organization.entity, first: index, last: cursor, nameFirst: cursor + 1, nominal: true)
        return cursor
      }
    }
    var country: String?
    if cursor < limit, article.tokens[cursor].classes.contains(.nationality),
      let nation = Lexicon.demonymNames[article.tokens[cursor].lower]
    {
      country = nation
      cursor += 1
    }
    var titleWords: [String] = []
    while cursor < limit, article.tokens[cursor].kind == .word,
      !article.tokens[cursor].isCapitalized
        || article.tokens[cursor].classes.contains(.personTitle),
      article.tokens[cursor].classes.contains(.personTitle)
        || (article.tokens[cursor].classes.contains(.title)  // all four are titles
          && ["prime", "foreign", "vice", "deputy"].contains(article.tokens[cursor].lower))
    {
      titleWords.append(String(article.tokens[cursor].stem))
      cursor += 1
    }
    guard let title = titleWords.last, title != "official", title != "officials" else { return nil }
    // "the president Emmanuel Macron" names the person itself: leave it to the name run.
    if cursor < limit, isNameToken(at: cursor) { return nil }
    let last = cursor - 1
    guard let matching = latestPerson(titled: title, country: country) else { return nil }
    addMention(matching.entity, first: index, last: last, nameFirst: last + 1, nominal: true)
    return last
  }

  /// The latest of the last 300 mentions naming an organization whose name ends in `head`.
  /// (Not a closure in the mutating caller: that would copy the whole finder.)
  func latestOrganization(withHead head: String) -> Mention? {
    for mention in mentions.suffix(300).reversed()
    where entities[mention.entity].kind == .organization
      && entities[mention.entity].lastWordLowercased == head
    {
      return mention
    }
    return nil
  }

  /// The latest of the last 300 mentions naming a person whose role contains `title`.
  func latestPerson(titled title: String, country: String?) -> Mention? {
    // Fields read in place: copying an entity retains all its strings.
    for mention in mentions.suffix(300).reversed() {
      guard entities[mention.entity].kind == .person,
        let role = entities[mention.entity].role?.lowercased(), role.contains(title)
      else { continue }
      if country == nil || entities[mention.entity].affiliation == country { return mention }
    }
    return nil
  }

  func followedBySpeechVerb(_ run: Run) -> Bool {
    let after = run.last + 1
    return after < article.tokens.count && article.tokens[after].classes.contains(.speechVerb)
  }

  /// "reported" or "reports" follows the word, or "according to" comes before it.
  func reportsAsOutlet(_ run: Run) -> Bool {
    let tokens = article.tokens
    let after = run.last + 1
    if after < tokens.count,
      tokens[after].lower.equals("reported") || tokens[after].lower.equals("reports")
    {
      return true
    }
    return run.first >= 2 && tokens[run.first - 1].lower.equals("to")
      && tokens[run.first - 2].lower.equals("according")
  }

  func nextToSpeechVerb(_ run: Run) -> Bool {
    let after = run.last + 1
    if after < article.tokens.count, article.tokens[after].classes.contains(.speechVerb) {
      return true
    }
    // `"...?" Hannity pressed.`: right after a quote, a verb that attributes only there.
    if after < article.tokens.count, run.first > 0,
      article.tokens[run.first - 1].kind == .quoteMark, article.tokens[after].kind == .word,
      Lexicon.quoteAttributingVerbs.contains(article.tokens[after].lower)
    {
      return true
    }
    if after + 1 < article.tokens.count, article.tokens[after].lower.hasSuffix("ly"),
      article.tokens[after + 1].classes.contains(.speechVerb)
    {
      return true
    }
    let before = run.first - 1
    return before >= 0 && article.tokens[before].classes.contains(.speechVerb)
      && article.tokens[before].paragraph == article.tokens[run.first].paragraph
  }

  /// "Dorothy Shea, Chargé d'Affaires of the U.S. Mission to the UN, told ...": the phrase
  /// between the commas is her role.
  mutating func findAppositions() {
    for (number, mention) in mentions.enumerated() {
      guard entities[mention.entity].kind == .person, !mention.isNominal else { continue }
      let comma = mention.last + 1
      guard comma < article.tokens.count, article.tokens[comma].lower.equals(","),
        article.tokens[comma].sentence == article.tokens[mention.last].sentence
      else { continue }
      var closing: Int?
      var index = comma + 1
      while index < article.tokens.count, index - comma <= 16,
        article.tokens[index].sentence == article.tokens[comma].sentence
      {
        if article.tokens[index].lower.equals(",") {
          closing = index
          break
        }
        if article.tokens[index].lower.equals("."), mention.first > 0,
          article.tokens[mention.first - 1].classes.contains(.speechVerb)
        {
          closing = index
          break
        }
        if article.tokens[index].kind == .quoteMark
          || article.tokens[index].classes.contains(.speechVerb)
          || article.tokens[index].lower.equals("and")
        {
          break
        }
        index += 1
      }
      // "..., said Mara Lupu, chief economist at Carpathia Bank." ends with the sentence.
      if closing == nil, index < article.tokens.count, article.tokens[index].lower.equals("."),
        mention.first > 0, article.tokens[mention.first - 1].classes.contains(.speechVerb)
      {
        closing = index
      }
      guard let closing, closing > comma + 1 else { continue }
      let phrase = article.tokens[(comma + 1)..<closing]
      let hasTitle = phrase.contains {
        $0.classes.contains(.personTitle)
      }
      guard hasTitle else { continue }
      appositionClosing[closing] = number
      appositionOf[number] = closing
      if entities[mention.entity].role == nil
        || entities[mention.entity].role?.contains(" ") == false
      {
        var firstWord = comma + 1
        if ["the", "a", "an"].contains(article.tokens[firstWord].lower), firstWord + 1 < closing {
          firstWord += 1
        }
        let role = article.text(tokens: firstWord, closing - 1)
        entities[mention.entity].role = EventBuilder.capitalized(role)
      }
    }
  }
}

extension Entity {
  /// The last word of the name as written: "Trump". Found from the end: splitting the whole
  /// name into words cost more than the headline that uses it.
  /// (In ASCII every byte is a character; other text can join a space to the character beside
  /// it, so it is split into characters as before.)
  var surnameCapitalized: String {
    guard let space = name.utf8.lastIndex(of: UInt8(ascii: " ")) else { return name }
    let surname = name[name.utf8.index(after: space)...]
    guard name.isPlainASCII, !surname.isEmpty else {
      return String(name.split(separator: " ").last ?? Substring(name))
    }
    return String(surname)
  }

  /// The last word of the name, lowercased: an organization's head word ("ministry").
  var lastWordLowercased: String? {
    guard let space = name.utf8.lastIndex(of: UInt8(ascii: " ")) else {
      return name.isEmpty ? nil : name.lowercased()
    }
    let word = name[name.utf8.index(after: space)...]
    guard name.isPlainASCII, !word.isEmpty else {
      return name.split(separator: " ").last?.lowercased()
    }
    return word.lowercased()
  }
}
