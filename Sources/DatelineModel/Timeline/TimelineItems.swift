/// An event placed on the timeline with its resolved date.
public struct TimelineEvent: Sendable, Equatable, Identifiable {
  public var event: Event
  public var date: ResolvedDate
  /// True when it starts after the timeline's `asOf` day (the latest source publication day).
  public var isUpcoming: Bool

  public init(event: Event, date: ResolvedDate, isUpcoming: Bool) {
    self.event = event
    self.date = date
    self.isUpcoming = isUpcoming
  }

  public var id: String { event.id }
}

/// An actor with how much it appears in the story.
public struct TimelineActor: Sendable, Equatable, Identifiable {
  public var actor: Actor
  /// Events it takes part in.
  public var eventCount: Int
  /// Quotes it speaks.
  public var quoteCount: Int

  public init(actor: Actor, eventCount: Int, quoteCount: Int) {
    self.actor = actor
    self.eventCount = eventCount
    self.quoteCount = quoteCount
  }

  public var id: String { actor.id }
}

/// A quote with its resolved date and speaker, and text prepared for cheap searching.
public struct TimelineQuote: Sendable, Equatable, Identifiable {
  public var quote: Quote
  public var date: ResolvedDate
  public var speakerName: String
  /// The speaker's aliases as written (the browser fits the shortest that suits a column).
  public let speakerAliases: [String]
  /// Lowercased speaker id, name, aliases and name words, for `@speaker` prefix matching.
  /// Made when asked: searches run in the store, and every quote read for a page, a listing or
  /// an export once paid for these and its text's folded bytes (a third of a listing's time).
  public var speakerKeys: [String] {
    TimelineQuote.speakerKeys(speaker: quote.speaker, name: speakerName, aliases: speakerAliases)
  }

  public init(quote: Quote, date: ResolvedDate, speakerName: String, speakerAliases: [String] = [])
  {
    self.quote = quote
    self.date = date
    self.speakerName = speakerName
    self.speakerAliases = speakerAliases
  }

  public var id: String { quote.id }

  static func speakerKeys(speaker: String, name: String, aliases: [String]) -> [String] {
    var keys = [speaker, name] + aliases
    keys += name.split(separator: " ").map(String.init)
    return keys.map { $0.lowercased() }
  }
}

/// Another actor linked to one actor, with every reason and a rank score.
public struct RelatedActor: Sendable, Equatable {
  public var actor: Actor
  /// Strongest first.
  public var reasons: [LinkReason]
  /// Sum of `LinkReason.weight` over the reasons.
  public var score: Int

  public init(actor: Actor, reasons: [LinkReason], score: Int) {
    self.actor = actor
    self.reasons = reasons
    self.score = score
  }
}

/// Why two actors are linked.
public enum LinkReason: Sendable, Hashable, CustomStringConvertible {
  case sharedEvent(eventID: String, headline: String)
  case statedRelation(kind: RelationKind, eventID: String?)
  case mentionedInQuote(quoteID: String, speakerID: String)
  case mentionedInSummary(eventID: String)
  case affiliation

  /// How much a reason counts when ranking related actors: a relation the story states (5) beats
  /// belonging to the other (4), taking part in the same event (3), being named in a quote (2),
  /// and being named in an event's summary (1).
  public var weight: Int {
    switch self {
    case .statedRelation: 5
    case .affiliation: 4
    case .sharedEvent: 3
    case .mentionedInQuote: 2
    case .mentionedInSummary: 1
    }
  }

  public var description: String {
    switch self {
    case .sharedEvent(_, let headline): "both at: \(headline)"
    case .statedRelation(let kind, _): kind.phrase
    case .mentionedInQuote(_, let speakerID): "named in a quote by \(speakerID)"
    case .mentionedInSummary(let eventID): "named in the summary of \(eventID)"
    case .affiliation: "affiliated"
    }
  }
}
