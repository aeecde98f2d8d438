import DatelineModel

/// People: name, role, counts of events and quotes. With a person in focus, the first row is
/// that person and the others are their related actors, each with why they are related.
enum PeoplePaneView {
  static func render(_ state: BrowserState, into grid: inout CellGrid, rect: Rect) {
    let timeline = state.timeline
    let empty: String
    if let searched = state.searchEmptyText(.people) {
      empty = searched
    } else {
      switch state.focus {
      case .event: empty = "No participants recorded for this event"
      case .person: empty = "Nobody to show"
      case .none: empty = "No people in this story"
      }
    }
    let ownIndex = state.focusedPersonID.flatMap { timeline.actorIndex(id: $0) }
    let isPersonFocus = state.focusedPersonID != nil
    ListPaneView.render(
      .people, state, into: &grid, rect: rect, emptyText: empty,
      row: { grid, row in
        let item = timeline.actors[row.index]
        let width = row.maxX - row.x
        let columns = state.columns
        let counts = columns.counts(events: item.eventCount, quotes: item.quoteCount)
        let showCounts = width >= 30 + columns.counts
        let countsStart = showCounts ? row.maxX - columns.counts : row.maxX
        // The name column is as wide as the widest name (plus the focus marks), no wider: the
        // role gets every column the names and counts do not need.
        let marks = isPersonFocus ? 2 : 0
        let nameWidth = min(
          columns.name + marks,
          ColumnAllocation.peopleNameWidth(
            available: width - (showCounts ? columns.counts + 1 : 0),
            maximumName: 20 + marks))
        var prefix = ""
        var detail = item.actor.role.map { TerminalText.sanitize($0) } ?? item.actor.kind.rawValue
        if isPersonFocus {
          if row.index == ownIndex {
            prefix = state.glyphs.focusedPerson + " "
          } else if let position = state.relatedPosition(ofRow: row.position),
            position < state.relatedReasons.count
          {
            prefix = state.glyphs.relatedPerson + " "
            detail = state.relatedReasons[position]
          }
        }
        let name = TerminalText.pad(
          prefix + TerminalText.sanitize(item.actor.name), toWidth: nameWidth)
        var x = grid.write(
          name, x: row.x, y: row.y, style: Theme.on(Theme.speaker, row: row.style),
          maxX: countsStart)
        x += 1
        grid.write(
          TerminalText.truncate(detail, toWidth: countsStart - 1 - x), x: x, y: row.y,
          style: Theme.on(Theme.muted, row: row.style), maxX: countsStart - 1)
        if showCounts {
          grid.write(
            counts, x: countsStart, y: row.y, style: Theme.on(Theme.muted, row: row.style),
            maxX: row.maxX)
        }
      })
  }
}
