import DatelineModel
import Foundation

// The JSON shapes of the command line. Field names are a contract (issue 2): scripts and tests
// read them. Optional fields are written as null rather than left out, so every object of a kind
// has the same keys.

struct EventRecord: Encodable {
  var id: String
  var title: String
  var summary: String
  /// Resolved EDTF string.
  var date: String
  /// Earliest day it can fall on, and latest.
  var start: String
  var end: String
  var status: String
  var participants: [String]
  var stated: String?
  var explanation: String
  var upcoming: Bool
  var location: String?
  var precision: String
  var source: String
  var paragraph: Int

  init(_ item: TimelineEvent) {
    id = item.event.id
    title = item.event.headline
    summary = item.event.summary
    date = item.date.value.description
    start = item.date.start.description
    end = item.date.end.description
    status = item.event.status.rawValue
    participants = item.event.participants
    stated = item.date.stated
    explanation = item.date.explanation
    upcoming = item.isUpcoming
    location = item.event.location
    precision = item.date.precision.description
    source = item.event.provenance.source
    paragraph = item.event.provenance.paragraph
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(title, forKey: .title)
    try container.encode(summary, forKey: .summary)
    try container.encode(date, forKey: .date)
    try container.encode(start, forKey: .start)
    try container.encode(end, forKey: .end)
    try container.encode(status, forKey: .status)
    try container.encode(participants, forKey: .participants)
    try container.encode(stated, forKey: .stated)
    try container.encode(explanation, forKey: .explanation)
    try container.encode(upcoming, forKey: .upcoming)
    try container.encode(location, forKey: .location)
    try container.encode(precision, forKey: .precision)
    try container.encode(source, forKey: .source)
    try container.encode(paragraph, forKey: .paragraph)
  }

  enum CodingKeys: String, CodingKey {
    case id, title, summary, date, start, end, status, participants, stated, explanation
    case upcoming, location, precision, source, paragraph
  }
}

struct PersonRecord: Encodable {
  var id: String
  var name: String
  var kind: String
  var role: String?
  var aliases: [String]
  var affiliation: String?
  var events: Int
  var quotes: Int

  init(_ item: TimelineActor) {
    id = item.actor.id
    name = item.actor.name
    kind = item.actor.kind.rawValue
    role = item.actor.role
    aliases = item.actor.aliases
    affiliation = item.actor.affiliation
    events = item.eventCount
    quotes = item.quoteCount
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(name, forKey: .name)
    try container.encode(kind, forKey: .kind)
    try container.encode(role, forKey: .role)
    try container.encode(aliases, forKey: .aliases)
    try container.encode(affiliation, forKey: .affiliation)
    try container.encode(events, forKey: .events)
    try container.encode(quotes, forKey: .quotes)
  }

  enum CodingKeys: String, CodingKey {
    case id, name, kind, role, aliases, affiliation, events, quotes
  }
}

struct QuoteRecord: Encodable {
  var id: String
  var text: String
  var speaker: String
  var speakerName: String
  var event: String?
  var date: String
  var start: String
  var explanation: String
  var kind: String
  var source: String
  var paragraph: Int

  init(_ item: TimelineQuote) {
    id = item.quote.id
    text = item.quote.text
    speaker = item.quote.speaker
    speakerName = item.speakerName
    event = item.quote.event
    date = item.date.value.description
    start = item.date.start.description
    explanation = item.date.explanation
    kind = item.quote.kind.rawValue
    source = item.quote.provenance.source
    paragraph = item.quote.provenance.paragraph
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(text, forKey: .text)
    try container.encode(speaker, forKey: .speaker)
    try container.encode(speakerName, forKey: .speakerName)
    try container.encode(event, forKey: .event)
    try container.encode(date, forKey: .date)
    try container.encode(start, forKey: .start)
    try container.encode(explanation, forKey: .explanation)
    try container.encode(kind, forKey: .kind)
    try container.encode(source, forKey: .source)
    try container.encode(paragraph, forKey: .paragraph)
  }

  enum CodingKeys: String, CodingKey {
    case id, text, speaker, speakerName, event, date, start, explanation, kind, source, paragraph
  }
}

struct RelatedRecord: Encodable {
  var id: String
  var name: String
  var kind: String
  var score: Int
  /// In words, strongest first: "met with (Trump and Macron meet in the Oval Office)".
  var reasons: [String]
}

struct SourceRecord: Encodable {
  var id: String
  var publisher: String
  var title: String
  var published: String
  var url: String?
  var paragraph: Int

  init(_ source: Source, paragraph: Int) {
    id = source.id
    publisher = source.publisher
    title = source.title
    published = source.published
    url = source.url
    self.paragraph = paragraph
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(publisher, forKey: .publisher)
    try container.encode(title, forKey: .title)
    try container.encode(published, forKey: .published)
    try container.encode(url, forKey: .url)
    try container.encode(paragraph, forKey: .paragraph)
  }

  enum CodingKeys: String, CodingKey {
    case id, publisher, title, published, url, paragraph
  }
}

/// `show ID --json`: `type` says which of the three it is; the other keys depend on it.
struct EventDetailRecord: Encodable {
  let type = "event"
  var event: EventRecord
  var participants: [PersonRecord]
  var quotes: [QuoteRecord]
  var source: SourceRecord?

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(type, forKey: .type)
    try container.encode(event, forKey: .event)
    try container.encode(participants, forKey: .participants)
    try container.encode(quotes, forKey: .quotes)
    try container.encode(source, forKey: .source)
  }

  enum CodingKeys: String, CodingKey { case type, event, participants, quotes, source }
}

struct ActorDetailRecord: Encodable {
  let type = "actor"
  var actor: PersonRecord
  var events: [EventRecord]
  var quotes: [QuoteRecord]
  var related: [RelatedRecord]

  enum CodingKeys: String, CodingKey { case type, actor, events, quotes, related }
}

struct QuoteDetailRecord: Encodable {
  let type = "quote"
  var quote: QuoteRecord
  var speaker: PersonRecord?
  var event: EventRecord?
  var source: SourceRecord?

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(type, forKey: .type)
    try container.encode(quote, forKey: .quote)
    try container.encode(speaker, forKey: .speaker)
    try container.encode(event, forKey: .event)
    try container.encode(source, forKey: .source)
  }

  enum CodingKeys: String, CodingKey { case type, quote, speaker, event, source }
}

enum JSONOutput {
  /// Pretty, key-sorted JSON: stable for diffs and tests. Control characters in strings are
  /// escaped by the encoder, so JSON output is terminal-safe as is.
  static func render(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
