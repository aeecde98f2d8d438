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
        let counts = "\(item.eventCount) ev \(item.quoteCount) q"
        let showCounts = width >= 36
        let countsStart = showCounts ? row.maxX - TerminalText.width(of: counts) : row.maxX
        // Measured against a fixed counts width, so the role column lines up on every row.
        let nameWidth = ColumnAllocation.peopleNameWidth(
          available: width - (showCounts ? ColumnAllocation.peopleCountsWidth + 1 : 0))
        var prefix = ""
        var detail = item.actor.role.map { TerminalText.sanitize($0) } ?? item.actor.kind.rawValue
        if isPersonFocus {
          if row.index == ownIndex {
            prefix = "● "
          } else if let position = state.relatedPosition(ofRow: row.position),
            position < state.relatedReasons.count
          {
            prefix = "↳ "
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
