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
      rows.append(quoteRow(item, url: timeline.source(id: item.quote.provenance.source)?.url))
    }
    return CSV.encode(rows)
  }

  /// One row per event, chronological; participants are ids separated by `;`.
  static func events(_ timeline: ExportData, options: ExportOptions) -> String {
    var rows = [eventHeader]
    for item in timeline.events {
      rows.append(eventRow(item, url: timeline.source(id: item.event.provenance.source)?.url))
    }
    return CSV.encode(rows)
  }

  static func quoteRow(_ item: TimelineQuote, url: String?) -> [String] {
    let quote = item.quote
    return [
      quote.id, item.date.value.description, item.speakerName, quote.text, quote.event ?? "",
      quote.provenance.source, String(quote.provenance.paragraph), url ?? "",
    ]
  }

  static func eventRow(_ item: TimelineEvent, url: String?) -> [String] {
    let event = item.event
    return [
      event.id, item.date.value.description, item.date.start.description,
      item.date.end.description, event.status.rawValue, item.isUpcoming ? "yes" : "no",
      event.headline, event.summary, event.participants.joined(separator: ";"),
      event.location ?? "", event.provenance.source, String(event.provenance.paragraph),
      url ?? "",
    ]
  }

  /// The CSV that `Exporter.export` makes with `.csv`, handed to `write` a stretch of rows at a
  /// time as they are read from the store: a million quotes are never one string (1 GB).
  public static func write(
    _ timeline: Timeline, options: ExportOptions, to write: (String) throws -> Void
  ) rethrows {
    var urls: [String: String?] = [:]
    func url(_ source: String) -> String? {
      if let known = urls[source] { return known }
      let found = timeline.source(id: source)?.url
      urls[source] = found
      return found
    }
    let stretch = 512
    if options.events {
      try write(CSV.encode([eventHeader]))
      for start in stride(from: 0, to: timeline.events.count, by: stretch) {
        var rows: [[String]] = []
        for index in start..<min(timeline.events.count, start + stretch) {
          let item = timeline.events[index]
          if options.upcoming && !item.isUpcoming { continue }
          rows.append(eventRow(item, url: url(item.event.provenance.source)))
        }
        try write(CSV.encode(rows))
      }
      return
    }
    // With `upcoming`, only the quotes at upcoming events.
    let upcoming =
      options.upcoming ? Set(timeline.events.lazy.filter(\.isUpcoming).map(\.event.id)) : []
    try write(CSV.encode([quoteHeader]))
    for start in stride(from: 0, to: timeline.quotes.count, by: stretch) {
      var rows: [[String]] = []
      for index in start..<min(timeline.quotes.count, start + stretch) {
        let item = timeline.quotes[index]
        if options.upcoming {
          guard let id = item.quote.event, upcoming.contains(id) else { continue }
        }
        rows.append(quoteRow(item, url: url(item.quote.provenance.source)))
      }
      try write(CSV.encode(rows))
    }
  }
}
