import DatelineModel

/// Everything the extractor found in one article.
public struct ArticleAnalysis: Sendable {
  public let article: Article
  /// The publication date: from the option, else from the article's header.
  public let publication: PublicationHeader?
  public let entities: [Entity]
  public let mentions: [Mention]
  public let quotes: [FoundQuote]
  public let dates: [TemporalExpression]
  public let events: [FoundEvent]
  /// For each quote, the index of the event it was said at.
  public let quoteEvents: [Int?]

  public var publicationDay: CivilDay? { publication?.day }

  /// Runs the whole extraction. `published` overrides the article's own header.
  public init(text: String, published: PublicationHeader? = nil) {
    self.init(article: Article(text: text), published: published)
  }

  public init(article: Article, published: PublicationHeader? = nil) {
    self.article = article
    publication = published ?? article.header
    var finder = EntityFinder(article: article)
    finder.find()
    let speakers = SpeakerFinder(article: article, finder: finder)
    let quotes = speakers.find()
    let dates = TemporalTagger.find(in: article, anchor: publication?.day)
    let builder = EventBuilder(
      article: article, finder: finder, speakers: speakers, dates: dates, quotes: quotes,
      publicationDay: publication?.day)
    let (events, quoteEvents) = builder.build()
    entities = finder.entities
    mentions = finder.mentions
    self.quotes = quotes
    self.dates = dates
    self.events = events
    self.quoteEvents = quoteEvents
  }

  /// Entities that act in the story: people and groups, and countries and organizations that
  /// are named outside credits. Entities only ever seen inside a role are left out.
  public var actorEntities: [Int] {
    entities.indices.filter { entities[$0].mentionCount > 0 }
  }

  public func speakerName(_ quote: FoundQuote) -> String? {
    quote.speaker.map { entities[$0].name }
  }

  /// Who the article says it is from: the speaker's name, else the words that name a source
  /// that is no actor ("a memo", "the newspaper").
  public func sourceName(_ quote: FoundQuote) -> String? {
    speakerName(quote) ?? quote.sourceWording
  }

  /// The speaker's kind (`person`, `group`, `organization`, `country`); for a source named
  /// only by its words, `organization` for an outlet ("the newspaper") and `document` for the
  /// rest ("a memo"); nil when none is known.
  public func sourceKind(_ quote: FoundQuote) -> String? {
    if let speaker = quote.speaker { return entities[speaker].kind.rawValue }
    guard let wording = quote.sourceWording else { return nil }
    let noun = wording.split(separator: " ").last.map { $0.lowercased() } ?? ""
    return SpeakerFinder.outletNouns.contains(noun) ? "organization" : "document"
  }
}
