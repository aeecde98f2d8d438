import DatelineModel

/// The text forms shared by several commands: the chronology table with its "as of" divider,
/// and short date labels.
enum TimelineText {
  /// Plain `dateline`: a title line, counts, then the chronology.
  static func overview(of timeline: Timeline, width: Int?) -> String {
    var lines = [Output.clean(timeline.title)]
    var counts =
      "\(timeline.events.count) events, \(timeline.actors.count) people and groups, \(timeline.quotes.count) quotes"
    if let asOf = timeline.asOf { counts += ", as of \(asOf.shortWeekdayName) \(asOf)" }
    lines.append(counts)
    lines.append("")
    lines += events(Array(timeline.events), asOf: timeline.asOf, width: width)
    return lines.joined(separator: "\n")
  }

  /// The chronology table. Upcoming events (after the "as of" day) sit below a divider.
  static func events(_ events: [TimelineEvent], asOf: CivilDay?, width: Int?) -> [String] {
    var table = TextTable(header: ["DATE", "DAY", "STATUS", "ID", "HEADLINE"])
    var dividerRow: Int?
    for item in events {
      if dividerRow == nil, item.isUpcoming { dividerRow = table.rows.count }
      table.append([
        item.date.value.description, weekday(item.date), item.event.status.rawValue, item.event.id,
        item.event.headline,
      ])
    }
    var lines = table.render(width: width)
    if let dividerRow, let asOf {
      // +1 for the header line.
      lines.insert(
        "-- as of \(asOf.shortWeekdayName) \(asOf); upcoming below --", at: dividerRow + 1)
    }
    return lines
  }

  /// "Thu" for a day-precise date, empty otherwise.
  static func weekday(_ date: ResolvedDate) -> String {
    date.precision == .day ? date.start.shortWeekdayName : ""
  }

  /// "2025-02-27 (on Thursday: Thursday after Mon 2025-02-24)" for the detail views.
  static func dateLine(_ date: ResolvedDate) -> String {
    var text = date.value.description
    let day = weekday(date)
    if !day.isEmpty { text += " " + day }
    if let stated = date.stated {
      text += " (stated \"\(stated)\": \(date.explanation))"
    } else if date.explanation != "as given" {
      text += " (\(date.explanation))"
    }
    return Output.clean(text)
  }
}
