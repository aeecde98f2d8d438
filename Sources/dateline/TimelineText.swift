import DatelineModel

/// The text forms shared by several commands: the chronology table with its "as of" divider,
/// and dates in words (`DateWording`; `--json` keeps EDTF).
enum TimelineText {
  /// Plain `dateline`: a title line, counts, then the chronology.
  static func overview(of timeline: Timeline, width: Int?) -> String {
    var lines = [Output.clean(timeline.title)]
    var counts =
      "\(timeline.events.count) events, \(timeline.actors.count) people and groups, \(timeline.quotes.count) quotes"
    if let asOf = timeline.asOf { counts += ", as of \(DateWording.day(asOf))" }
    lines.append(counts)
    lines.append("")
    lines += events(Array(timeline.events), asOf: timeline.asOf, width: width)
    return lines.joined(separator: "\n")
  }

  /// The chronology table. Upcoming events (after the "as of" day) sit below a divider.
  /// The chronology as a table.
  static func events(_ events: [TimelineEvent], asOf: CivilDay?, width: Int?) -> [String] {
    var lines: [String] = []
    eventLines(
      count: events.count, asOf: asOf, width: width, ahead: { _ in }, event: { events[$0] },
      emit: { lines.append($0) })
    return lines
  }

  /// The same table for `count` events that `event` reads, written as they are read.
  static func writeEvents(
    count: Int, asOf: CivilDay?, ahead: (Range<Int>) -> Void, event: (Int) -> TimelineEvent
  ) {
    var output = Output.Buffered()
    eventLines(
      count: count, asOf: asOf, width: Output.terminalWidth, ahead: ahead, event: event,
      emit: { output.line($0) })
    output.flush()
  }

  /// The chronology's lines: a divider before the first upcoming event (before its lines,
  /// however many lines the rows above it wrap to).
  private static func eventLines(
    count: Int, asOf: CivilDay?, width: Int?, ahead: (Range<Int>) -> Void,
    event: (Int) -> TimelineEvent, emit: (String) -> Void
  ) {
    var divided = false
    TextTable.lines(
      header: eventHeader, count: count, width: width, row: { eventRow(event($0)) },
      ahead: ahead,
      before: { index in
        guard !divided, let asOf, event(index).isUpcoming else { return nil }
        divided = true
        return asOfDivider(asOf)
      }, emit: emit)
  }

  private static let eventHeader = ["DATE", "STATUS", "ID", "HEADLINE"]

  static func eventRow(_ item: TimelineEvent) -> [String] {
    [DateWording.words(item.date), item.event.status.rawValue, item.event.id, item.event.headline]
  }

  private static func asOfDivider(_ asOf: CivilDay) -> String {
    "-- as of \(DateWording.day(asOf)); upcoming below --"
  }

  /// "Thu 27 Feb 2025, stated “on Thursday”: Thursday after Mon 24 Feb 2025" for the detail
  /// views: in words, as on screen.
  static func dateLine(_ date: ResolvedDate) -> String {
    Output.clean(DateWording.explained(date))
  }
}
