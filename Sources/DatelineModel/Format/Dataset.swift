/// The Dateline data format, version 1 ("dateline/1").
///
/// A dataset is one JSON file or a directory of them; files merge on load. Everything a story
/// states lives here: its sources (the articles), the actors, the events, the quotes and the
/// relations between actors. Dates are written as the article states them (`DateSpec`) and
/// resolved by the model when it loads.
public struct Dataset: Sendable, Equatable, Codable {
  public static let currentFormat = "dateline/1"

  public var format: String
  public var title: String?
  public var sources: [Source]
  public var actors: [Actor]
  public var events: [Event]
  public var quotes: [Quote]
  public var relations: [Relation]

  public init(
    format: String = Dataset.currentFormat, title: String? = nil, sources: [Source] = [],
    actors: [Actor] = [], events: [Event] = [], quotes: [Quote] = [], relations: [Relation] = []
  ) {
    self.format = format
    self.title = title
    self.sources = sources
    self.actors = actors
    self.events = events
    self.quotes = quotes
    self.relations = relations
  }

  /// Adds another dataset's items after these, as the files of a directory merge; the first
  /// title found wins.
  public mutating func append(_ other: Dataset) {
    if title == nil { title = other.title }
    sources.appendSharingStorage(other.sources)
    actors.appendSharingStorage(other.actors)
    events.appendSharingStorage(other.events)
    quotes.appendSharingStorage(other.quotes)
    relations.appendSharingStorage(other.relations)
  }
}

extension Array {
  /// Appends `other`; an empty array takes `other`'s storage as it is (shared until either is
  /// changed) instead of copying every element: merging a first file's 100k events copied
  /// 14 MB. A full array grows by a quarter, not by doubling: a dataset's events are appended
  /// a file at a time and kept, and doubling left up to half their room unused (300k events:
  /// 26 MB) and held three times their size while growing.
  mutating func appendSharingStorage(_ other: [Element]) {
    if isEmpty {
      self = other
      return
    }
    let needed = count + other.count
    if needed > capacity { reserveCapacity(Swift.max(needed, count + count / 4)) }
    self += other
  }
}

/// An article the timeline is built from.
public struct Source: Sendable, Equatable, Codable, Identifiable {
  public var id: String
  public var publisher: String
  public var title: String
  /// Publication date and time with zone, ISO 8601: `2025-02-24T16:19:00-05:00`.
  public var published: String
  public var url: String?

  public init(id: String, publisher: String, title: String, published: String, url: String? = nil) {
    self.id = id
    self.publisher = publisher
    self.title = title
    self.published = published
    self.url = url
  }
}

public enum ActorKind: String, Sendable, Equatable, Codable, CaseIterable {
  case person, country, organization, group
}

/// A person, country, organization or group that acts or speaks in the story.
public struct Actor: Sendable, Equatable, Codable, Identifiable {
  public var id: String
  public var name: String
  public var aliases: [String]
  public var kind: ActorKind
  /// Role or title as the story gives it: "President of France".
  public var role: String?
  /// Id of the actor this one belongs to or represents (a country, an organization).
  public var affiliation: String?

  public init(
    id: String, name: String, aliases: [String] = [], kind: ActorKind, role: String? = nil,
    affiliation: String? = nil
  ) {
    self.id = id
    self.name = name
    self.aliases = aliases
    self.kind = kind
    self.role = role
    self.affiliation = affiliation
  }
}

/// Where in which source a fact is stated. Paragraphs count from 1.
public struct Provenance: Sendable, Equatable, Codable {
  public var source: String
  public var paragraph: Int

  public init(source: String, paragraph: Int) {
    self.source = source
    self.paragraph = paragraph
  }
}

/// Status of an event relative to its source's publication date.
public enum EventStatus: String, Sendable, Equatable, Codable, CaseIterable {
  case occurred, scheduled, expected, predicted
}

public struct Event: Sendable, Equatable, Codable, Identifiable {
  public var id: String
  /// Written by us, never copied from the article.
  public var headline: String
  public var summary: String
  public var date: DateSpec
  public var status: EventStatus
  /// Actor ids.
  public var participants: [String]
  public var location: String?
  public var provenance: Provenance

  public init(
    id: String, headline: String, summary: String, date: DateSpec, status: EventStatus,
    participants: [String], location: String? = nil, provenance: Provenance
  ) {
    self.id = id
    self.headline = headline
    self.summary = summary
    self.date = date
    self.status = status
    self.participants = participants
    self.location = location
    self.provenance = provenance
  }
}

public enum QuoteKind: String, Sendable, Equatable, Codable, CaseIterable {
  /// The whole sentence or sentences are quoted.
  case full
  /// A fragment quoted inside reported speech: could end "within weeks."
  case partial
}

public struct Quote: Sendable, Equatable, Codable, Identifiable {
  public var id: String
  /// Verbatim, without the surrounding quotation marks. A quote interrupted by its attribution
  /// keeps both parts, joined by " … ".
  public var text: String
  /// Actor id of the speaker (a person or a group).
  public var speaker: String
  /// Event id the quote was said at, if any.
  public var event: String?
  /// When it was said; when absent, the event's date, else the source's publication date.
  public var date: DateSpec?
  public var kind: QuoteKind
  public var provenance: Provenance
  /// Web addresses where the quotation was published, in the order given (Quotebank gives
  /// several); empty for most hand-written quotes.
  public var urls: [String]

  public init(
    id: String, text: String, speaker: String, event: String? = nil, date: DateSpec? = nil,
    kind: QuoteKind = .full, provenance: Provenance, urls: [String] = []
  ) {
    self.id = id
    self.text = text
    self.speaker = speaker
    self.event = event
    self.date = date
    self.kind = kind
    self.provenance = provenance
    self.urls = urls
  }

  private enum CodingKeys: String, CodingKey {
    case id, text, speaker, event, date, kind, provenance, urls
  }

  // `urls` is left out when empty, as the format writes it, and absent reads as empty.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    text = try container.decode(String.self, forKey: .text)
    speaker = try container.decode(String.self, forKey: .speaker)
    event = try container.decodeIfPresent(String.self, forKey: .event)
    date = try container.decodeIfPresent(DateSpec.self, forKey: .date)
    kind = try container.decodeIfPresent(QuoteKind.self, forKey: .kind) ?? .full
    provenance = try container.decode(Provenance.self, forKey: .provenance)
    urls = try container.decodeIfPresent([String].self, forKey: .urls) ?? []
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(text, forKey: .text)
    try container.encode(speaker, forKey: .speaker)
    try container.encodeIfPresent(event, forKey: .event)
    try container.encodeIfPresent(date, forKey: .date)
    try container.encode(kind, forKey: .kind)
    try container.encode(provenance, forKey: .provenance)
    if !urls.isEmpty { try container.encode(urls, forKey: .urls) }
  }
}

/// A relation the story states between two actors.
public struct Relation: Sendable, Equatable, Codable {
  public var from: String
  public var to: String
  public var kind: RelationKind
  /// The event where the relation shows, if any.
  public var event: String?
  public var provenance: Provenance

  public init(
    from: String, to: String, kind: RelationKind, event: String? = nil, provenance: Provenance
  ) {
    self.from = from
    self.to = to
    self.kind = kind
    self.event = event
    self.provenance = provenance
  }
}

public enum RelationKind: String, Sendable, Equatable, Codable, CaseIterable {
  case metWith = "met-with"
  case spokeWith = "spoke-with"
  case negotiatesWith = "negotiates-with"
  case disagreesWith = "disagrees-with"
  case supports
  case praised
  case represents
  case memberOf = "member-of"

  /// Reads as a verb phrase: "met with".
  public var phrase: String { String(rawValue.map { $0 == "-" ? " " : $0 }) }
}
