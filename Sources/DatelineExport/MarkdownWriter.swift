import DatelineModel

/// A brief of the chronology in Markdown, for pasting into a draft: each event with its date in
/// words, our headline and summary, the quotes said at it, and a citation; then the sources.
/// The framing sentences are ours; only quotations are the sources' words.
public enum MarkdownWriter {
  static func brief(_ timeline: ExportData, options: ExportOptions) -> String {
    let events = timeline.events
    var lines = ["# \(inline(timeline.title))", ""]
    var about = "Chronology of \(events.count) \(options.upcoming ? "upcoming " : "")event"
    if events.count != 1 { about += "s" }
    let sourceList = timeline.citedSources
    let sources = sourceList.count
    about += " drawn from \(sources) source\(sources == 1 ? "" : "s")"
    if let asOf = timeline.asOf { about += ", as reported by \(DateWording.words(.day(asOf)))" }
    about +=
      ". Headlines and summaries are written in our own words; text in quotation marks is verbatim from the source cited."
    lines += ["_\(about)_", ""]

    let reported = events.filter { !$0.isUpcoming }
    let upcoming = events.filter(\.isUpcoming)
    if !reported.isEmpty {
      lines += ["## What happened", ""]
      for item in reported { lines += entry(item, timeline) }
      lines.append("")
    }
    if !upcoming.isEmpty {
      lines += ["## What comes next", ""]
      for item in upcoming { lines += entry(item, timeline) }
      lines.append("")
    }
    if events.isEmpty { lines += ["No events to report.", ""] }

    if !sourceList.isEmpty {
      lines += ["## Sources", ""]
      for source in sourceList {
        var line = "- \(inline(source.publisher)), \u{201C}\(inline(source.title))\u{201D}"
        if !source.published.isEmpty { line += ", published \(inline(source.published))" }
        if let url = source.url, TimelineJSWriter.isWebAddress(url),
          !url.unicodeScalars.contains(where: { $0 == "<" || $0 == ">" || $0.value < 0x21 })
        {
          line += ", <\(url)>"
        }
        lines.append(line)
      }
      lines.append("")
    }
    while lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n") + "\n"
  }

  static func entry(_ item: TimelineEvent, _ timeline: ExportData) -> [String] {
    let event = item.event
    let when = DateWording.words(item.date.value)
    var headline = inline(event.headline)
    if let last = event.headline.last, !".?!".contains(last) { headline += "." }
    var lines = [
      "- **\(inline(when))**: **\(headline)** \(inline(event.summary)) (\(inline(cite(event.provenance, timeline))))"
    ]
    for quote in timeline.quotes(at: event.id) {
      lines.append(
        "  > \u{201C}\(inline(quote.quote.text))\u{201D} \u{2014} \(inline(quote.speakerName)) (\(inline(cite(quote.quote.provenance, timeline))))"
      )
    }
    return lines
  }

  /// `Publisher, paragraph 7`: short, the full reference is under Sources.
  static func cite(_ provenance: Provenance, _ timeline: ExportData) -> String {
    let name = timeline.source(id: provenance.source)?.publisher ?? provenance.source
    return "\(name), para. \(provenance.paragraph)"
  }

  /// Data text made safe inside one Markdown line: control characters become spaces, and the
  /// characters Markdown would read as markup are backslash-escaped.
  static func inline(_ text: String) -> String {
    var result = ""
    for character in ExportText.plain(text) {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "!", "{", "}":
        result.append("\\")
        result.append(character)
      default:
        result.append(character)
      }
    }
    return result
  }
}
