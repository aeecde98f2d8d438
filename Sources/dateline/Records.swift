import DatelineModel
import Foundation

// The JSON shapes of the command line. Field names are a contract (issue 2): scripts and tests
// read them. Optional fields are written as null rather than left out (`NullWhenAbsent`), so every
// object of a kind has the same keys.

// swift-format-ignore: UseSynthesizedInitializer
/// Writes an absent value as JSON `null`. Synthesized `Encodable` leaves absent optionals out.
@propertyWrapper
struct NullWhenAbsent<Wrapped: Encodable>: Encodable {
  var wrappedValue: Wrapped?

  // Not the synthesized one: with `init(wrappedValue:)` the records' memberwise initializers take
  // plain optionals.
  init(wrappedValue: Wrapped?) { self.wrappedValue = wrappedValue }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
  }
}

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
  @NullWhenAbsent var stated: String?
  var explanation: String
  var upcoming: Bool
  @NullWhenAbsent var location: String?
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
}

struct PersonRecord: Encodable {
  var id: String
  var name: String
  var kind: String
  @NullWhenAbsent var role: String?
  var aliases: [String]
  @NullWhenAbsent var affiliation: String?
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
}

struct QuoteRecord: Encodable {
  var id: String
  var text: String
  var speaker: String
  var speakerName: String
  @NullWhenAbsent var event: String?
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
  @NullWhenAbsent var url: String?
  var paragraph: Int

  init(_ source: Source, paragraph: Int) {
    id = source.id
    publisher = source.publisher
    title = source.title
    published = source.published
    url = source.url
    self.paragraph = paragraph
  }
}

/// `show ID --json`: `type` says which of the three it is; the other keys depend on it.
struct EventDetailRecord: Encodable {
  let type = "event"
  var event: EventRecord
  var participants: [PersonRecord]
  var quotes: [QuoteRecord]
  @NullWhenAbsent var source: SourceRecord?
}

struct ActorDetailRecord: Encodable {
  let type = "actor"
  var actor: PersonRecord
  var events: [EventRecord]
  var quotes: [QuoteRecord]
  var related: [RelatedRecord]
}

struct QuoteDetailRecord: Encodable {
  let type = "quote"
  var quote: QuoteRecord
  @NullWhenAbsent var speaker: PersonRecord?
  @NullWhenAbsent var event: EventRecord?
  @NullWhenAbsent var source: SourceRecord?
}

enum JSONOutput {
  /// Pretty, key-sorted JSON: stable for diffs and tests. Control characters in strings are
  /// escaped by the encoder, so JSON output is terminal-safe as is.
  static func render(_ value: some Encodable) throws -> String {
    String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  private static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// Writes the array of `count` records that `record` makes, the same bytes as `render` of
  /// the whole array, a record at a time: a listing of a million quotes never holds them all
  /// (it took 5.8 GB of memory).
  static func writeArray<Record: Encodable>(
    count: Int, ahead: (Range<Int>) -> Void = { _ in }, _ record: (Int) throws -> Record
  ) throws {
    guard count > 0 else {
      Output.write(try render([Record]()))
      return
    }
    let encoder = encoder
    var output = Output.Buffered()
    output.append("[\n")
    for stretch in Output.stretches(count) {
      ahead(stretch)
      for index in stretch {
        let text = String(decoding: try encoder.encode(record(index)), as: UTF8.self)
        // The array's own pretty printing indents each record's lines by two spaces.
        var first = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
          if !first { output.append("\n") }
          // An empty array's blank line stays blank, as the whole array's encoding leaves it.
          if !line.isEmpty { output.append("  ") }
          output.append(line)
          first = false
        }
        output.append(index == count - 1 ? "\n]\n" : ",\n")
      }
    }
    output.flush()
  }
}
