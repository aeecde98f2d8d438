import DatelineModel
import Foundation

/// TimelineJS3 (Knight Lab) JSON and the CSV of its Google Sheets template.
///
/// A title slide from the dataset, then one slide per event in chronological order. Dates keep
/// the EDTF precision: a day has year, month and day; a month has year and month; a year only
/// the year; an interval has `start_date` and `end_date`. Dates that numbers alone would misstate
/// (approximate, uncertain, open or unknown at one end) also get a `display_date` in words.
public enum TimelineJSWriter {
  /// The TimelineJS3 date object: only the fields the precision has.
  struct DateObject: Codable, Equatable {
    var year: Int
    var month: Int?
    var day: Int?
  }

  struct Text: Codable, Equatable {
    var headline: String
    var text: String
  }

  struct Slide: Codable {
    var startDate: DateObject?
    var endDate: DateObject?
    var displayDate: String?
    var text: Text
    var group: String?
    var uniqueID: String?

    enum CodingKeys: String, CodingKey {
      case startDate = "start_date"
      case endDate = "end_date"
      case displayDate = "display_date"
      case text, group
      case uniqueID = "unique_id"
    }
  }

  struct Document: Codable {
    var title: Slide
    var events: [Slide]
  }

  /// The columns of the TimelineJS Google Sheets template, in order.
  public static let csvHeader = [
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Group", "Background",
  ]

  static func json(_ timeline: ExportData, options: ExportOptions) -> String {
    let document = Document(
      title: titleSlide(timeline, options), events: slides(timeline, options))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain structs of strings and integers cannot fail.
    let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  static func csv(_ timeline: ExportData, options: ExportOptions) -> String {
    var rows = [csvHeader]
    let title = titleSlide(timeline, options)
    rows.append(row(title, type: "title"))
    for slide in slides(timeline, options) { rows.append(row(slide, type: "")) }
    return CSV.encode(rows)
  }

  private static func row(_ slide: Slide, type: String) -> [String] {
    func number(_ value: Int?) -> String { value.map(String.init) ?? "" }
    return [
      number(slide.startDate?.year), number(slide.startDate?.month),
      number(slide.startDate?.day), "",
      number(slide.endDate?.year), number(slide.endDate?.month), number(slide.endDate?.day), "",
      slide.displayDate ?? "", slide.text.headline, slide.text.text, "", "", "", "", type,
      slide.group ?? "", "",
    ]
  }

  static func titleSlide(_ timeline: ExportData, _ options: ExportOptions) -> Slide {
    let events = timeline.events
    var about = "\(events.count) \(options.upcoming ? "upcoming " : "")event"
    if events.count != 1 { about += "s" }
    let sources = timeline.citedSources.count
    about += " from \(sources) source\(sources == 1 ? "" : "s")"
    if let asOf = timeline.asOf { about += ", as of \(DateWording.words(.day(asOf)))" }
    about += "."
    let note =
      "Compiled with Dateline. Headlines and summaries are our own words; quotations are verbatim, each with its source."
    return Slide(
      text: Text(
        headline: ExportText.html(timeline.title),
        text: "<p>\(ExportText.html(about))</p><p>\(ExportText.html(note))</p>"))
  }

  static func slides(_ timeline: ExportData, _ options: ExportOptions) -> [Slide] {
    timeline.events.map { slide($0, timeline, options) }
  }

  static func slide(_ item: TimelineEvent, _ timeline: ExportData, _ options: ExportOptions)
    -> Slide
  {
    let (start, end) = dateObjects(item.date.value)
    return Slide(
      startDate: start, endDate: end,
      displayDate: DisplayDate.needsWords(item.date.value)
        ? DateWording.words(item.date.value) : nil,
      text: Text(headline: ExportText.html(item.event.headline), text: body(item, timeline)),
      group: group(item, timeline, options), uniqueID: item.event.id)
  }

  /// Start and end objects at the precision of each end. An interval open or unknown at one end
  /// starts (TimelineJS needs a start) at its known end, with no end.
  static func dateObjects(_ date: EDTFDate) -> (DateObject, DateObject?) {
    func object(_ point: EDTFDate.Point) -> DateObject {
      DateObject(year: point.year, month: point.month, day: point.day)
    }
    switch date.form {
    case .single(let point):
      return (object(point), nil)
    case .interval(.point(let start), .point(let end)):
      return (object(start), object(end))
    case .interval(let start, let end):
      // Parsing guarantees one known end.
      let known =
        start.point ?? end.point
        ?? EDTFDate.Point.make(year: date.earliestDay.year, month: nil, day: nil)
      return (object(known), nil)
    }
  }

  static func group(_ item: TimelineEvent, _ timeline: ExportData, _ options: ExportOptions)
    -> String?
  {
    switch options.grouping {
    case .status:
      return item.event.status.rawValue
    case .actor:
      // The most prominent participant: the first in the timeline's ranking.
      let best = item.event.participants.compactMap { id in
        timeline.actorIndex(id: id).map { (index: $0, id: id) }
      }.min { $0.index < $1.index }
      return best.map { ExportText.html(timeline.actors[$0.index].actor.name) }
    }
  }

  /// The slide's HTML: the summary, each quote at the event with its speaker, and the source.
  static func body(_ item: TimelineEvent, _ timeline: ExportData) -> String {
    var html = "<p>\(ExportText.html(item.event.summary))</p>"
    for quote in timeline.quotes(at: item.event.id) {
      html +=
        "<blockquote>\u{201C}\(ExportText.html(quote.quote.text))\u{201D} <cite>\u{2014} \(ExportText.html(quote.speakerName))</cite></blockquote>"
    }
    html += "<p><small>Source: \(sourceHTML(item.event.provenance, timeline))</small></p>"
    return html
  }

  /// `Publisher, “Title”, paragraph 7`, linked when the source has a web address.
  static func sourceHTML(_ provenance: Provenance, _ timeline: ExportData) -> String {
    guard let source = timeline.source(id: provenance.source) else {
      return ExportText.html("\(provenance.source), paragraph \(provenance.paragraph)")
    }
    let name = ExportText.html("\(source.publisher), \u{201C}\(source.title)\u{201D}")
    var linked = name
    if let url = source.url, isWebAddress(url) {
      linked = "<a href=\"\(ExportText.html(url))\">\(name)</a>"
    }
    return linked + ", paragraph \(provenance.paragraph)"
  }

  /// Only http and https addresses become links (never `javascript:` or `data:`).
  static func isWebAddress(_ url: String) -> Bool {
    let lower = url.lowercased()
    return lower.hasPrefix("https://") || lower.hasPrefix("http://")
  }
}
