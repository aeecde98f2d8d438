import DatelineModel
import Foundation

/// Turns analyses into a dataset in our format, optionally adding to an existing one:
/// actors are matched across articles by name and alias, ids never collide.
public struct DatasetBuilder {
  public private(set) var dataset: Dataset
  /// Items added by this builder (for writing into a dataset directory).
  public private(set) var added = Dataset()

  /// Every id in use, so new ids never collide.
  private var takenIDs: Set<String> = []
  /// For each id root that was taken, the number `uniqueID` tries next.
  private var nextNumber: [String: Int] = [:]
  /// How many numbered ids `uniqueID` has tried, for the test that keeps it linear.
  private(set) var idProbes = 0
  /// Actor indices by lowercased name and alias, and people by lowercased surname: matching an
  /// entity looks its names up instead of lowercasing every actor of the dataset again.
  private var actorsByName: [String: [Int]] = [:]
  private var peopleBySurname: [String: [Int]] = [:]
  /// The group actor that speaks for an organization or country, by that actor's id.
  private var groupSpeaking: [String: String] = [:]

  public init(existing: Dataset? = nil) {
    dataset = existing ?? Dataset()
    takenIDs = Set(
      dataset.sources.map(\.id) + dataset.actors.map(\.id) + dataset.events.map(\.id)
        + dataset.quotes.map(\.id))
    for index in dataset.actors.indices { indexActor(at: index) }
  }

  private mutating func indexActor(at index: Int) {
    let actor = dataset.actors[index]
    indexName(actor.name, of: index)
    for alias in actor.aliases { indexName(alias, of: index) }
    if actor.kind == .person, let surname = Self.surname(actor.name) {
      peopleBySurname[surname, default: []].append(index)
    }
  }

  private mutating func indexName(_ name: String, of index: Int) {
    // One lookup: the list is created empty when the name is new.
    func addOnce(_ list: inout [Int]) { if !list.contains(index) { list.append(index) } }
    addOnce(&actorsByName[name.lowercased(), default: []])
  }

  /// The last word of a name, lowercased: "Donald Trump" -> "trump". Reads the bytes: splitting
  /// Characters cost more than the rest of the matching.
  static func surname(_ name: String) -> String? {
    let utf8 = name.utf8
    let space = UInt8(ascii: " ")
    var end = utf8.endIndex
    while end > utf8.startIndex, utf8[utf8.index(before: end)] == space {
      end = utf8.index(before: end)
    }
    guard end > utf8.startIndex else { return nil }
    var start = end
    while start > utf8.startIndex, utf8[utf8.index(before: start)] != space {
      start = utf8.index(before: start)
    }
    return String(decoding: utf8[start..<end], as: UTF8.self).lowercased()
  }

  private mutating func appendActor(_ actor: Actor) {
    dataset.actors.append(actor)
    added.actors.append(actor)
    indexActor(at: dataset.actors.count - 1)
  }

  /// The source in `dataset` that is this article already: the same publication time, and the
  /// same title, or (a title made up from the file name differs by file) every quote of ours
  /// among that source's quotes, or, without quotes, the same event headlines.
  public static func existingSource(
    in dataset: Dataset, for analysis: ArticleAnalysis, file: String, publisher: String?
  ) -> Source? {
    let title = DatasetBuilder().title(of: analysis, sourceName: publisher, file: file)
    let published = analysis.publication?.iso ?? ""
    for source in dataset.sources where source.published == published {
      if source.title == title { return source }
      let quotes = dataset.quotes.filter { $0.provenance.source == source.id }.map(\.text)
      let ours = analysis.quotes.map(\.text)
      if !ours.isEmpty, !quotes.isEmpty,
        ours.allSatisfy({ text in quotes.contains { $0.contains(text) } })
      {
        return source
      }
      let headlines = Set(
        dataset.events.filter { $0.provenance.source == source.id }.map(\.headline))
      if ours.isEmpty, !headlines.isEmpty, headlines == Set(analysis.events.map(\.headline)) {
        return source
      }
    }
    return nil
  }

  /// The dataset without the source and the events, quotes and relations taken from it (for
  /// replacing an article with `--force`). Actors stay: others may name them.
  public static func removing(source id: String, from dataset: Dataset) -> Dataset {
    var result = dataset
    let removedEvents = Set(dataset.events.filter { $0.provenance.source == id }.map(\.id))
    result.sources.removeAll { $0.id == id }
    result.events.removeAll { $0.provenance.source == id }
    result.quotes.removeAll { $0.provenance.source == id }
    result.relations.removeAll {
      $0.provenance.source == id || $0.event.map(removedEvents.contains) == true
    }
    for index in result.quotes.indices
    where result.quotes[index].event.map(removedEvents.contains) == true {
      result.quotes[index].event = nil
    }
    return result
  }

  /// A short id from the first words of a text that carry meaning: "Macron joined Trump at the
  /// White House" -> "macron-joined-trump".
  /// Reads the UTF-8 bytes: splitting the text into Characters cost more than the rest of `add`.
  static func shortSlug(_ text: String, words: Int = 3) -> String {
    var kept: [UInt8] = []
    var count = 0
    var text = text
    text.withUTF8 { utf8 in
      var start = 0
      for end in 0...utf8.count where end == utf8.count || utf8[end] == UInt8(ascii: " ") {
        defer { start = end + 1 }
        guard end > start else { continue }
        let word = UnsafeBufferPointer(rebasing: utf8[start..<end])
        if slugStopWords.containsLowercased(word) { continue }
        if count > 0 { kept.append(UInt8(ascii: " ")) }
        kept.append(contentsOf: word)
        count += 1
        if count == words { break }
      }
    }
    return Slug.make(String(decoding: kept, as: UTF8.self))
  }
  static let slugStopWords: WordSet = [
    "the", "a", "an", "at", "of", "to", "in", "on", "for", "with", "and", "will", "would",
    "has", "have", "had", "was", "were", "is", "are", "be", "been", "that", "this", "its",
  ]

  public mutating func add(_ analysis: ArticleAnalysis, file: String, publisher: String?) {
    let title = title(of: analysis, sourceName: publisher, file: file)
    let titleSlug = Self.shortSlug(title, words: 4)
    let sourceID = uniqueID(titleSlug.isEmpty ? Slug.make(Self.baseName(file)) : titleSlug)
    let source = Source(
      id: sourceID, publisher: publisher ?? "Unknown publisher", title: title,
      published: analysis.publication?.iso ?? "")
    append(source: source)
    takenIDs.reserveCapacity(
      takenIDs.count + analysis.entities.count + 2 * analysis.events.count + analysis.quotes.count)
    // What the dataset holds already, so that merging never duplicates an event or a quote.
    // (Sized as made: `reserveCapacity` on an empty table looked its type up by name each time.)
    var knownEvents = [EventKey: String](
      minimumCapacity: dataset.events.count + analysis.events.count)
    for event in dataset.events {
      knownEvents[EventKey(date: event.date, headline: event.headline)] = event.id
    }
    var knownQuotes = Set(dataset.quotes.map { $0.speaker + "|" + $0.text })
    let headerParagraphs = analysis.article.headerParagraphs
    var actorIDs: [Int: String] = [:]
    for entityIndex in analysis.actorEntities {
      actorIDs[entityIndex] = actorID(for: analysis.entities[entityIndex], in: analysis)
    }
    var eventIDs: [Int: String] = [:]
    for (number, found) in analysis.events.enumerated() {
      let key = EventKey(date: found.date, headline: found.headline)
      if let known = knownEvents[key] {
        eventIDs[number] = known
        continue
      }
      let eventSlug = Self.shortSlug(found.headline)
      let id = uniqueID(eventSlug.isEmpty ? "\(sourceID)-event" : eventSlug)
      knownEvents[key] = id
      eventIDs[number] = id
      var participants: [String] = []
      // A person outranks their country: people first, then groups and organizations, then
      // countries (so Trump "met with" Starmer, not the United Kingdom).
      // (A pass per rank keeps the article's order within a rank, as a stable sort would.)
      let entities = analysis.entities
      for rank in 0...3 {
        for participant in found.participants
        where Self.rank(entities[participant].kind) == rank {
          if let actor = actorIDs[participant], !participants.contains(actor) {
            participants.append(actor)
          }
        }
      }
      let event = Event(
        id: id, headline: found.headline, summary: found.summary, date: found.date,
        status: found.status, participants: participants,
        provenance: Provenance(
          source: sourceID,
          paragraph:
            analysis.article.provenanceParagraph(
              found.paragraph, headerParagraphs: headerParagraphs)))
      dataset.events.append(event)
      added.events.append(event)
      // A person meets another person before a country: and never the country they belong to.
      let affiliation = dataset.actors.first { $0.id == participants.first }?.affiliation
      if let first = participants.first,
        let other = participants.dropFirst().first(where: { $0 != affiliation }),
        found.isStoryMoment || Self.isMeeting(found.headline)
      {
        let relation = Relation(
          from: first, to: other, kind: .metWith, event: id, provenance: event.provenance)
        dataset.relations.append(relation)
        added.relations.append(relation)
      }
    }
    var index = 0
    let quotes = analysis.quotes
    // Group actors for sources that are no actor ("a memo"), by wording, in this article.
    var documents: [String: String] = [:]
    while index < quotes.count {
      let quote = quotes[index]
      var text = quote.text
      var next = index + 1
      // A quote split by its attribution is one quote: "A," Trump said. "B" -> "A … B".
      while next < quotes.count, !quotes[next].hasOwnAttribution,
        quotes[next].span.paragraph == quote.span.paragraph, quotes[next].speaker == quote.speaker,
        quote.hasOwnAttribution, quote.kind == .full
      {
        text += " … " + quotes[next].text
        next += 1
      }
      defer { index = next }
      let speakerID: String
      if let speaker = quote.speaker, let actorID = actorIDs[speaker] {
        speakerID = speakingActorID(for: analysis.entities[speaker], actorID: actorID)
      } else if quote.speaker == nil, let wording = quote.sourceWording {
        speakerID = documentActorID(wording, kind: analysis.sourceKind(quote), in: &documents)
      } else {
        continue
      }
      guard knownQuotes.insert(speakerID + "|" + text).inserted else { continue }
      let id = uniqueID(speakerID + "-quote")
      let item = Quote(
        id: id, text: text, speaker: speakerID,
        event: analysis.quoteEvents[index].flatMap { eventIDs[$0] },
        kind: quote.kind,
        provenance: Provenance(
          source: sourceID,
          paragraph:
            analysis.article.provenanceParagraph(
              quote.span.paragraph, headerParagraphs: headerParagraphs)))
      dataset.quotes.append(item)
      added.quotes.append(item)
    }
    if dataset.title == nil { dataset.title = source.title }
  }

  /// An event as merging recognises it: the same date and the same headline, case aside.
  /// (Hashed field by field: printing the date into a string cost more than the rest of `add`.)
  struct EventKey: Hashable {
    var edtf: String?
    var stated: String?
    var tense: Tense?
    var relativeTo: String?
    var headline: String

    init(date: DateSpec, headline: String) {
      switch date {
      case .edtf(let value): edtf = value
      case .stated(let stated):
        self.stated = stated.stated
        tense = stated.tense
        relativeTo = stated.relativeTo
      }
      self.headline = headline.lowercased()
    }
  }

  /// Who says a quote whose speaker is `entity` (actor `actorID`): a person or group is itself;
  /// an organization or a country does not speak (docs/FORMAT.md), so its words go to a group
  /// actor that speaks for it, affiliated with it: "Selwyn Ferry Company" (kind group, id
  /// `selwyn-ferry-company-group`), "Government of Russia". One such group per actor, also
  /// across merges.
  mutating func speakingActorID(for entity: Entity, actorID: String) -> String {
    switch entity.kind {
    case .person, .group: return actorID
    case .organization, .country: break
    }
    if let known = groupSpeaking[actorID] { return known }
    if let existing = dataset.actors.first(where: { $0.kind == .group && $0.affiliation == actorID }
    ) {
      groupSpeaking[actorID] = existing.id
      return existing.id
    }
    let actorName = dataset.actors.first(where: { $0.id == actorID })?.name ?? entity.name
    let name = entity.kind == .country ? "Government of \(actorName)" : actorName
    let id = uniqueID(actorID + "-group")
    appendActor(
      Actor(id: id, name: name, kind: .group, role: "Speaks for \(actorName)", affiliation: actorID)
    )
    groupSpeaking[actorID] = id
    return id
  }

  /// The group actor that says a quote from a source the article names only by its words
  /// ("a memo", "audio obtained by the Texas Tribune", "the newspaper"; docs/FORMAT.md): one per
  /// wording (determiner aside) in an article, named by those words; a document in another
  /// article is another actor.
  mutating func documentActorID(
    _ wording: String, kind: String?, in documents: inout [String: String]
  ) -> String {
    var words = wording.split(separator: " ")
    if words.count > 1, Self.leadingDeterminers.contains(words[0].lowercased()) {
      words.removeFirst()
    }
    let phrase = words.joined(separator: " ")
    let key = phrase.lowercased()
    if let known = documents[key] { return known }
    let name = EventBuilder.capitalized(phrase)
    let id = uniqueID(Slug.make(phrase))
    let role = kind == "organization" ? "News outlet, not named" : "Document"
    appendActor(Actor(id: id, name: name, kind: .group, role: role))
    documents[key] = id
    return id
  }
  static let leadingDeterminers: Set<String> = [
    "a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their",
  ]

  mutating func append(source: Source) {
    dataset.sources.append(source)
    added.sources.append(source)
  }

  static func rank(_ kind: ActorKind) -> Int {
    switch kind {
    case .person: 0
    case .group: 1
    case .organization: 2
    case .country: 3
    }
  }

  static func isMeeting(_ headline: String) -> Bool {
    // Byte search: Foundation's `contains` would go through NSString for each phrase. An ASCII
    // headline (nearly all) is lowercased byte by byte as it is compared; others as Swift
    // lowercases them (after which no byte is an ASCII capital).
    let ascii: Bool?? = headline.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      return containsMeetingPhrase(bytes)
    }
    if case .some(.some(let answer)) = ascii { return answer }
    return Array(headline.lowercased().utf8).withUnsafeBufferPointer(containsMeetingPhrase)
  }

  /// Whether one of `meetingPhrases` occurs in `bytes`, ASCII capitals read as lower case.
  /// (Every phrase starts with a space: only spaces are tried as starts.)
  private static func containsMeetingPhrase(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let phrases = meetingPhrases
    for start in bytes.indices where bytes[start] == UInt8(ascii: " ") {
      for phrase in phrases where start + phrase.count <= bytes.count {
        var offset = 1
        while offset < phrase.count {
          var byte = bytes[start + offset]
          if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
          if byte != phrase[offset] { break }
          offset += 1
        }
        if offset == phrase.count { return true }
      }
    }
    return false
  }

  static let meetingPhrases: [[UInt8]] = [" meet", " met ", " meets", " talks"].map {
    Array($0.utf8)
  }

  /// The existing actor this entity is (same kind, name or alias in common), or a new one.
  mutating func actorID(for entity: Entity, in analysis: ArticleAnalysis) -> String {
    // The first actor of the same kind with a name or alias in common.
    var named: Int?
    func match(_ name: String) {
      for index in actorsByName[name.lowercased()] ?? []
      where dataset.actors[index].kind == entity.kind && index < (named ?? Int.max) {
        named = index
      }
    }
    match(entity.name)
    for alias in entity.aliases { match(alias) }
    if let index = named ?? personBySurname(entity) {
      var actor = dataset.actors[index]
      let actorName = actor.name.lowercased()
      for alias in [entity.name] + entity.aliases {
        let lowered = alias.lowercased()
        guard lowered != actorName,
          !actor.aliases.contains(where: { $0.lowercased() == lowered })
        else { continue }
        actor.aliases.append(alias)
        indexName(alias, of: index)
      }
      if actor.role == nil { actor.role = entity.role }
      dataset.actors[index] = actor
      if let added = added.actors.firstIndex(where: { $0.id == actor.id }) {
        self.added.actors[added] = actor
      }
      return actor.id
    }
    let id = uniqueID(Slug.make(entity.name))
    var affiliation: String?
    if let country = entity.affiliation, country.lowercased() != entity.name.lowercased() {
      affiliation = countryID(country)
    }
    appendActor(
      Actor(
        id: id, name: entity.name, aliases: entity.aliases.filter { $0 != entity.name },
        kind: entity.kind, role: entity.role, affiliation: affiliation))
    return id
  }

  /// "Trump" in one article is "Donald Trump" in another when only one person has that surname.
  func personBySurname(_ entity: Entity) -> Int? {
    guard entity.kind == .person else { return nil }
    let matches = peopleBySurname[Self.surname(entity.name) ?? entity.name.lowercased()] ?? []
    return matches.count == 1 ? matches[0] : nil
  }

  mutating func countryID(_ name: String) -> String {
    let sameName = (actorsByName[name.lowercased()] ?? []).filter {
      dataset.actors[$0].kind == .country
        && (dataset.actors[$0].name == name || dataset.actors[$0].aliases.contains(name))
    }
    if let index = sameName.min() { return dataset.actors[index].id }
    let id = uniqueID(Slug.make(name))
    appendActor(Actor(id: id, name: name, kind: .country))
    return id
  }

  func title(of analysis: ArticleAnalysis, sourceName: String?, file: String) -> String {
    let article = analysis.article
    if let first = article.paragraphTokens.first, !first.isEmpty, first.count <= 18,
      let last = article.tokens[first].last, ![".", "\"", "”"].contains(last.lower),
      !article.tokens[first].contains(where: { $0.kind == .quoteMark || $0.isCredit })
    {
      return IngestReport.safe(article.text(article.paragraphs[0]))
    }
    // No headline: what the first sentence says, as ingest writes it for an event, else who
    // it is about; the file's name only when the text says nothing ingest can use.
    if let first = article.sentences.indices.first(where: { !Self.isCaption(article, $0) }) {
      if let event = analysis.events.first(where: { $0.sentence == first }),
        HeadlineCheck.isComplete(event.headline)
      {
        return event.headline
      }
      let range = article.sentences[first]
      if let mention = analysis.mentions.filter({
        range.contains($0.first) && !$0.isNominal && article.tokens[$0.first].quote < 0
      }).min(by: { $0.first < $1.first }) {
        return IngestReport.safe(analysis.entities[mention.entity].name)
      }
    }
    let day = analysis.publicationDay?.description ?? "undated"
    return "\(Self.baseName(file)) (\(day))"
  }

  /// A sentence that opens with a credit, unless the credit is a dateline ending in a dash
  /// ("WASHINGTON —", "KESTREL BAY, October 28 (Harbor Wire) --"): the lede after a dateline
  /// is the article's first sentence, a photo credit's caption is not.
  static func isCaption(_ article: Article, _ sentence: Int) -> Bool {
    let range = article.sentences[sentence]
    guard !range.isEmpty, article.tokens[range.lowerBound].isCredit else { return false }
    var last = range.lowerBound
    while last + 1 < range.upperBound, article.tokens[last + 1].isCredit { last += 1 }
    return last + 1 == range.upperBound || !EventBuilder.dashes.contains(article.tokens[last].lower)
  }

  /// `base`, else `base-2`, `base-3`, ...: the first not taken. Each root's next number is
  /// kept (ids are never freed), so the thousandth quote of one speaker does not try the 999
  /// taken ones first: a long transcript stays linear.
  mutating func uniqueID(_ base: String) -> String {
    let root = base.isEmpty ? "item" : base
    // Inserting answers whether the id was free: one hash per try.
    if takenIDs.insert(root).inserted { return root }
    var counter = nextNumber[root] ?? 2
    var candidate: String
    repeat {
      candidate = root + "-" + String(counter)
      counter += 1
      idProbes += 1
    } while !takenIDs.insert(candidate).inserted
    nextNumber[root] = counter
    return candidate
  }

  /// "dir/article.txt" -> "article".
  static func baseName(_ path: String) -> String {
    let utf8 = path.utf8
    var end = utf8.endIndex
    while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "/") {
      end = utf8.index(before: end)
    }
    guard end > utf8.startIndex else { return path }
    var start = end
    while start > utf8.startIndex, utf8[utf8.index(before: start)] != UInt8(ascii: "/") {
      start = utf8.index(before: start)
    }
    var name = utf8[start..<end]
    if let dot = name.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex {
      name = name[..<dot]
    }
    return String(decoding: name, as: UTF8.self)
  }
}

extension Article {
  /// 1 when the dateline header is a paragraph of its own in the numbering of docs/FORMAT.md
  /// (a blank line follows it, or the text has no blank lines and each line is a paragraph),
  /// else 0. Reads the text once: callers keep the value for all of an article's paragraphs.
  public var headerParagraphs: Int {
    guard let header,
      let first = paragraphs.first(where: { $0.lowerBound >= header.range.upperBound })
    else { return 0 }
    var position = header.range.upperBound
    if position > 0, scalars[position - 1] == "\n" { position -= 1 }
    var newlines = 0
    while position < first.lowerBound {
      if scalars[position] == "\n" || scalars[position] == "\u{2029}" { newlines += 1 }
      position += 1
    }
    if newlines >= 2 { return 1 }
    // Without any blank line, every line is a paragraph, the header's too.
    var lineIsBlank = false
    for scalar in scalars {
      if scalar == "\n" {
        if lineIsBlank { return 0 }
        lineIsBlank = true
      } else if scalar != " " && scalar != "\t" && scalar != "\r" {
        lineIsBlank = false
      }
    }
    return 1
  }

  /// The provenance number of a paragraph (from 1, as docs/FORMAT.md counts them: the dateline
  /// line at the top is paragraph 1). `headerParagraphs` is `self.headerParagraphs`.
  public func provenanceParagraph(_ index: Int, headerParagraphs: Int) -> Int {
    guard let header, paragraphs.indices.contains(index),
      paragraphs[index].lowerBound >= header.range.upperBound
    else { return index + 1 }
    return index + 1 + headerParagraphs
  }

  /// `provenanceParagraph(_:headerParagraphs:)` for one paragraph.
  public func provenanceParagraph(_ index: Int) -> Int {
    provenanceParagraph(index, headerParagraphs: headerParagraphs)
  }
}
