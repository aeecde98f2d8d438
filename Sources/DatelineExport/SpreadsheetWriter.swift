import DatelineModel

/// CSV for spreadsheets (RFC 4180): quotes, or events.
public enum SpreadsheetWriter {
  public static let quoteHeader = [
    "id", "date", "speaker", "text", "event", "source", "paragraph", "url",
  ]

  public static let eventHeader = [
    "id", "date", "start", "end", "status", "upcoming", "headline", "summary", "participants",
    "location", "source", "paragraph", "url",
  ]

  /// One row per quote, chronological: the resolved EDTF date, the speaker's name, the verbatim
  /// text, the event id, the source id, the paragraph and the source's address. With `upcoming`,
  /// only quotes at upcoming events.
  static func quotes(_ timeline: ExportData, options: ExportOptions) -> String {
    var rows = [quoteHeader]
    // With `upcoming`, the export's events are the upcoming ones.
    let upcoming = Set(timeline.events.map(\.event.id))
    for item in timeline.quotes {
      if options.upcoming {
        guard let id = item.quote.event, upcoming.contains(id) else { continue }
      }
      let quote = item.quote
      rows.append([
        quote.id, item.date.value.description, item.speakerName, quote.text, quote.event ?? "",
        quote.provenance.source, String(quote.provenance.paragraph),
        timeline.source(id: quote.provenance.source)?.url ?? "",
      ])
    }
    return CSV.encode(rows)
  }

  /// One row per event, chronological; participants are ids separated by `;`.
  static func events(_ timeline: ExportData, options: ExportOptions) -> String {
    var rows = [eventHeader]
    for item in timeline.events {
      let event = item.event
      rows.append([
        event.id, item.date.value.description, item.date.start.description,
        item.date.end.description, event.status.rawValue, item.isUpcoming ? "yes" : "no",
        event.headline, event.summary, event.participants.joined(separator: ";"),
        event.location ?? "", event.provenance.source, String(event.provenance.paragraph),
        timeline.source(id: event.provenance.source)?.url ?? "",
      ])
    }
    return CSV.encode(rows)
  }
}
