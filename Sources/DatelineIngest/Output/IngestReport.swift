import DatelineModel
import Foundation

/// What the extractor found, for a person to review (`--report`) or a scorer to read
/// (`--report --json`, one JSON object per input file).
public enum IngestReport {
  public struct QuoteItem: Encodable, Sendable {
    public var start: Int
    public var end: Int
    public var text: String
    public var speaker: String?
    /// `person`, `group`, `organization`, `country`, or `document` for a source named only by
    /// its words (`a memo`, `the newspaper`).
    public var speakerKind: String?
    public var cue: String?
    public var confidence: Double
    public var kind: String
    public var event: String?

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(start, forKey: .start)
      try container.encode(end, forKey: .end)
      try container.encode(text, forKey: .text)
      try container.encode(speaker, forKey: .speaker)
      try container.encode(speakerKind, forKey: .speakerKind)
      try container.encode(cue, forKey: .cue)
      try container.encode(confidence, forKey: .confidence)
      try container.encode(kind, forKey: .kind)
      try container.encode(event, forKey: .event)
    }
    enum CodingKeys: String, CodingKey {
      case start, end, text, speaker, speakerKind, cue, confidence, kind, event
    }
  }

  public struct DateItem: Encodable, Sendable {
    public var start: Int
    public var end: Int
    public var text: String
    public var value: String?
    public var tense: String?
    public var confidence: Double

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(start, forKey: .start)
      try container.encode(end, forKey: .end)
      try container.encode(text, forKey: .text)
      try container.encode(value, forKey: .value)
      try container.encode(tense, forKey: .tense)
      try container.encode(confidence, forKey: .confidence)
    }
    enum CodingKeys: String, CodingKey { case start, end, text, value, tense, confidence }
  }

  public struct ActorItem: Encodable, Sendable {
    public var name: String
    public var kind: String
    public var role: String?
    public var aliases: [String]
    public var mentions: Int
    public var confidence: Double
  }

  public struct EventItem: Encodable, Sendable {
    public var headline: String
    public var date: String?
    public var stated: String?
    public var status: String
    public var participants: [String]
    public var paragraph: Int
    public var confidence: Double
  }

  public struct FileReport: Encodable, Sendable {
    public var file: String
    public var published: String?
    public var paragraphs: Int
    public var sentences: Int
    public var quotes: [QuoteItem]
    public var dates: [DateItem]
    public var actors: [ActorItem]
    public var events: [EventItem]
  }

  public static func items(for analysis: ArticleAnalysis, file: String) -> FileReport {
    let quotes = analysis.quotes.enumerated().map { number, quote in
      QuoteItem(
        start: quote.span.range.lowerBound, end: quote.span.range.upperBound, text: quote.text,
        speaker: analysis.sourceName(quote), speakerKind: analysis.sourceKind(quote),
        cue: quote.cue,
        confidence: (quote.confidence * 100).rounded() / 100, kind: quote.kind.rawValue,
        event: analysis.quoteEvents[number].map { analysis.events[$0].headline })
    }
    let dates = analysis.dates.map {
      DateItem(
        start: $0.range.lowerBound, end: $0.range.upperBound, text: $0.text,
        value: $0.resolved?.value.description, tense: $0.tense?.rawValue,
        confidence: dateConfidence($0))
    }
    let actors = analysis.actorEntities.map {
      let entity = analysis.entities[$0]
      return ActorItem(
        name: entity.name, kind: entity.kind.rawValue, role: entity.role, aliases: entity.aliases,
        mentions: entity.mentionCount, confidence: actorConfidence(entity))
    }
    let headerParagraphs = analysis.article.headerParagraphs
    let events = analysis.events.map {
      EventItem(
        headline: $0.headline, date: $0.resolved?.value.description, stated: $0.expression,
        status: $0.status.rawValue,
        participants: $0.participants.map { analysis.entities[$0].name },
        paragraph: analysis.article.provenanceParagraph(
          $0.paragraph, headerParagraphs: headerParagraphs),
        confidence: eventConfidence($0))
    }
    return FileReport(
      file: file, published: analysis.publication?.iso,
      paragraphs: analysis.article.paragraphs.count,
      sentences: analysis.article.sentences.count, quotes: quotes, dates: dates, actors: actors,
      events: events)
  }

  /// A resolved date whose direction came from a verb is surest; an unresolved one least.
  static func dateConfidence(_ expression: TemporalExpression) -> Double {
    guard expression.resolved != nil else { return 0.3 }
    return expression.tense == nil ? 0.8 : 0.9
  }

  /// Titles, full names and repeated mentions make an actor more certain.
  static func actorConfidence(_ entity: Entity) -> Double {
    var confidence = entity.kind == .person ? 0.6 : 0.7
    if entity.role != nil { confidence += 0.2 }
    if entity.name.contains(" ") { confidence += 0.1 }
    if entity.mentionCount > 1 { confidence += 0.1 }
    return min(0.95, confidence)
  }

  /// Generated from one sentence: as sure as its date, less when the tense was guessed.
  static func eventConfidence(_ event: FoundEvent) -> Double {
    if event.isStoryMoment { return 0.7 }
    guard event.resolved != nil else { return 0.3 }
    return event.participants.count > 1 ? 0.75 : 0.65
  }

  /// One line of JSON.
  public static func json(for analysis: ArticleAnalysis, file: String) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(items(for: analysis, file: file)) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  /// Human-readable findings; untrusted text is made safe for a terminal.
  public static func text(for analysis: ArticleAnalysis, file: String) -> String {
    let report = items(for: analysis, file: file)
    var lines: [String] = []
    lines.append("\(safe(file)): published \(report.published ?? "unknown")")
    lines.append(
      "  \(report.paragraphs) paragraphs, \(report.sentences) sentences, \(report.quotes.count) quotes, \(report.dates.count) dates, \(report.actors.count) actors, \(report.events.count) events"
    )
    lines.append("Actors (confidence, name, kind and role):")
    for actor in report.actors {
      let role = actor.role.map { ", \(safe($0))" } ?? ""
      lines.append(
        "  \(String(format: "%.2f", actor.confidence)) \(safe(actor.name)) (\(actor.kind)\(role)), \(actor.mentions) mentions"
      )
    }
    lines.append("Quotes (confidence, speaker, cue):")
    for quote in report.quotes {
      let confidence = String(format: "%.2f", quote.confidence)
      var speaker = quote.speaker.map(safe) ?? "UNKNOWN SPEAKER"
      if quote.speakerKind == "document" { speaker += " (document)" }
      let cue = quote.cue.map { " [\(safe($0))]" } ?? ""
      lines.append("  \(confidence) \(speaker)\(cue) @\(quote.start)-\(quote.end) \(quote.kind)")
      lines.append("       \"\(safe(shorten(quote.text, 100)))\"")
    }
    lines.append("Dates (confidence, expression -> value, tense):")
    for date in report.dates {
      let value = date.value ?? "unresolved"
      lines.append(
        "  \(String(format: "%.2f", date.confidence)) \(safe(date.text)) -> \(value) (\(date.tense ?? "no tense")) @\(date.start)"
      )
    }
    lines.append("Events (confidence, date, status):")
    for event in report.events {
      let participants = event.participants.map(safe).joined(separator: ", ")
      lines.append(
        "  \(String(format: "%.2f", event.confidence)) \(event.date ?? "undated") \(event.status): \(safe(event.headline)) [\(participants)] (paragraph \(event.paragraph))"
      )
    }
    return lines.joined(separator: "\n")
  }

  static func shorten(_ text: String, _ limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }

  /// Control characters and escapes from an article never reach the terminal.
  public static func safe(_ text: String) -> String {
    // Most text has nothing to replace: found by reading its bytes, it is returned as it is.
    let clean: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
      var index = 0
      while index < bytes.count {
        // Eight printable ASCII bytes at once: nearly all of a news text.
        if index + 8 <= bytes.count, let base = bytes.baseAddress {
          let word = ByteScan.word(at: base + index)
          if !ByteScan.hasByte(below: 0x20, in: word) && !ByteScan.hasByte(above: 0x7E, in: word) {
            index += 8
            continue
          }
        }
        let byte = bytes[index]
        if byte < 0x20 || byte == 0x7F { return false }
        // U+0080-U+009F are C2 80-9F; U+2028-U+202E are E2 80 A8-AE; U+2066-U+2069 E2 81 A6-A9.
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 { return false }
        if byte == 0xE2, index + 2 < bytes.count {
          let (second, third) = (bytes[index + 1], bytes[index + 2])
          if second == 0x80 && (0xA8...0xAE).contains(third)
            || second == 0x81 && (0xA6...0xA9).contains(third)
          {
            return false
          }
        }
        index += 1
      }
      return true
    }
    if clean == true { return text }
    var view = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x20 || (value >= 0x7F && value < 0xA0) || value == 0x2028 || value == 0x2029
        || (value >= 0x202A && value <= 0x202E) || (value >= 0x2066 && value <= 0x2069)
      {
        view.append(value == 0x0A || value == 0x09 ? " " : "\u{FFFD}")
      } else {
        view.append(scalar)
      }
    }
    return String(view)
  }
}
