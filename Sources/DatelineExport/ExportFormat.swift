import DatelineModel

/// The formats `dateline export --to` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
  /// TimelineJS3 JSON (Knight Lab).
  case timelinejs
  /// The columns of TimelineJS's Google Sheets template, as CSV.
  case timelinejsCSV = "timelinejs-csv"
  /// iCalendar (RFC 5545): one all-day VEVENT per event.
  case ics
  /// Quotes (or, with `events`, events) as CSV for spreadsheets.
  case csv
  /// A brief of the chronology with quotes and citations.
  case markdown

  /// What each format is, for help text.
  public var summary: String {
    switch self {
    case .timelinejs: "TimelineJS3 JSON: a title slide and one slide per event"
    case .timelinejsCSV: "TimelineJS Google Sheets template columns, CSV"
    case .ics: "iCalendar (RFC 5545): all-day events"
    case .csv: "quotes (or events with --events), CSV"
    case .markdown: "a Markdown brief of the chronology with quotes and citations"
    }
  }
}

/// How TimelineJS slides are grouped.
public enum ExportGrouping: String, Sendable, CaseIterable {
  /// By event status: occurred, scheduled, expected, predicted.
  case status
  /// By the event's most prominent participant (most events and quotes in the story).
  case actor
}

/// Choices that shape an export.
public struct ExportOptions: Sendable, Equatable {
  /// Only events after the "as of" date (upcoming ones).
  public var upcoming: Bool
  /// `csv`: events instead of quotes.
  public var events: Bool
  public var grouping: ExportGrouping
  /// When the export is made: iCalendar's DTSTAMP. Seconds since 1970-01-01 UTC.
  public var timestamp: Int

  public init(
    upcoming: Bool = false, events: Bool = false, grouping: ExportGrouping = .status,
    timestamp: Int = 0
  ) {
    self.upcoming = upcoming
    self.events = events
    self.grouping = grouping
    self.timestamp = timestamp
  }
}

/// Pure functions from a timeline to the bytes of an export.
public enum Exporter {
  public static func export(
    _ timeline: Timeline, to format: ExportFormat, options: ExportOptions = ExportOptions()
  ) -> String {
    let data = ExportData(timeline, options)
    switch format {
    case .timelinejs: return TimelineJSWriter.json(data, options: options)
    case .timelinejsCSV: return TimelineJSWriter.csv(data, options: options)
    case .ics: return ICalendarWriter.calendar(data, options: options)
    case .csv:
      return options.events
        ? SpreadsheetWriter.events(data, options: options)
        : SpreadsheetWriter.quotes(data, options: options)
    case .markdown: return MarkdownWriter.brief(data, options: options)
    }
  }
}

/// Small text helpers shared by the writers.
enum ExportText {
  /// `&`, `<`, `>`, `"` and `'` as HTML character references.
  static func html(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in plain(text) {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }

  /// Text without control or bidirectional-format characters; line breaks and tabs become
  /// spaces. For one-line fields of formats a person reads.
  static func plain(_ text: String) -> String {
    var result = ""
    result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      switch scalar.properties.generalCategory {
      case .control, .lineSeparator, .paragraphSeparator:
        result.unicodeScalars.append(" ")
      case .format where scalar.value != 0x200D:  // keep the zero-width joiner of emoji
        continue
      case .surrogate, .unassigned:
        continue
      default:
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// "Donald Trump", or the speaker id when the actor is missing.
  static func speaker(_ quote: TimelineQuote) -> String { quote.speakerName }

  /// A citation in words: `Publisher, "Title", paragraph 7`.
  static func citation(_ provenance: Provenance, _ timeline: ExportData) -> String {
    guard let source = timeline.source(id: provenance.source) else {
      return "\(provenance.source), paragraph \(provenance.paragraph)"
    }
    return "\(source.publisher), \u{201C}\(source.title)\u{201D}, paragraph \(provenance.paragraph)"
  }
}
