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
        let label = timeline.asOf.map { "── as of \(DateText.day($0)) " } ?? "── "
        let line =
          label
          + String(repeating: "─", count: max(0, rowsRect.width - TerminalText.width(of: label)))
        grid.write(line, x: rowsRect.x, y: y, style: Theme.divider, maxX: rowsRect.maxX)
      },
      row: { grid, row in
        let item = timeline.events[row.index]
        let width = row.maxX - row.x
        let showStatus = width >= 50
        let statusWidth = 10
        let dateStyle = Theme.on(item.isUpcoming ? Theme.upcoming : Theme.date, row: row.style)
        // The widest short date ("2025-02-24–03-10") fills the column; a space keeps the upcoming
        // mark apart from it.
        var x = grid.write(
          TerminalText.pad(DateText.short(item.date), toWidth: DateText.columnWidth - 1) + " ",
          x: row.x, y: row.y, style: dateStyle, maxX: row.maxX)
        x = grid.write(
          item.isUpcoming ? Theme.upcomingMarker : " ", x: x, y: row.y, style: dateStyle,
          maxX: row.maxX)
        x += 1
        let headlineEnd = showStatus ? row.maxX - statusWidth - 1 : row.maxX
        let headline = TerminalText.truncate(
          TerminalText.sanitize(item.event.headline), toWidth: headlineEnd - x)
        grid.write(headline, x: x, y: row.y, style: row.style, maxX: headlineEnd)
        if showStatus {
          grid.writeRight(
            item.event.status.rawValue, y: row.y, minX: headlineEnd + 1, maxX: row.maxX,
            style: Theme.on(item.isUpcoming ? Theme.upcoming : Theme.status, row: row.style))
        }
      })
  }
}
