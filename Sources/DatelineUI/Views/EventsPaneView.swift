import DatelineModel

/// Events: date (with weekday for day-precise dates), an upcoming mark, headline, status; an
/// "as of" divider sets apart what had not happened yet when the latest source was published.
enum EventsPaneView {
  static func render(_ state: BrowserState, into grid: inout CellGrid, rect: Rect) {
    let timeline = state.timeline
    let empty: String
    if let searched = state.searchEmptyText(.events) {
      empty = searched
    } else if case .person = state.focus {
      empty = "No events with \(TerminalText.sanitize(state.name(of: state.focus)))"
    } else {
      empty = "No events in this story"
    }
    ListPaneView.render(
      .events, state, into: &grid, rect: rect, emptyText: empty,
      divider: { grid, y, rowsRect in
        let rule = state.glyphs.horizontalRule
        let label =
          timeline.asOf.map { "\(rule)\(rule) as of \(DateText.day($0)) " } ?? rule + rule + " "
        let line =
          label
          + String(
            repeating: Character(rule),
            count: max(0, rowsRect.width - TerminalText.width(of: label)))
        grid.write(line, x: rowsRect.x, y: y, style: Theme.divider, maxX: rowsRect.maxX)
      },
      row: { grid, row in
        let item = timeline.events[row.index]
        let width = row.maxX - row.x
        // The date column is as wide as the story's widest date, but leaves the headline at
        // least half the row.
        let dateWidth = min(state.columns.date, max(8, width / 2 - 4))
        let dateStyle = Theme.on(item.isUpcoming ? Theme.upcoming : Theme.date, row: row.style)
        var x = grid.write(
          TerminalText.pad(
            TerminalText.truncate(DateText.short(item.date), toWidth: dateWidth),
            toWidth: dateWidth) + " ",
          x: row.x, y: row.y, style: dateStyle, maxX: row.maxX)
        x = grid.write(
          item.isUpcoming ? state.glyphs.upcoming : " ", x: x, y: row.y, style: dateStyle,
          maxX: row.maxX)
        x += 1
        // The status is one cell at the end of the row (the help screen has the legend).
        let headlineEnd = row.maxX - 2
        let headline = TerminalText.truncate(
          TerminalText.sanitize(item.event.headline), toWidth: headlineEnd - x)
        grid.write(headline, x: x, y: row.y, style: row.style, maxX: headlineEnd)
        grid.write(
          state.glyphs.status(item.event.status), x: row.maxX - 1, y: row.y,
          style: Theme.on(item.isUpcoming ? Theme.upcoming : Theme.status, row: row.style),
          maxX: row.maxX)
      })
  }
}
