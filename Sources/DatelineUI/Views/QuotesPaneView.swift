import DatelineModel

/// Quotes: speaker and text on one line, truncated cleanly; search matches highlighted.
enum QuotesPaneView {
  static func render(_ state: BrowserState, into grid: inout CellGrid, rect: Rect) {
    let timeline = state.timeline
    // Highlight what the shown rows answer (while a newer search runs, an older query's).
    let query = QuoteQuery(state.search[.quotes].shownQuery)
    let empty: String
    if let searched = state.searchEmptyText(.quotes) {
      empty = searched
    } else {
      switch state.focus {
      case .person: empty = "No quotes by \(TerminalText.sanitize(state.name(of: state.focus)))"
      case .event: empty = "No quotes from this event"
      case .none: empty = "No quotes in this story"
      }
    }
    ListPaneView.render(
      .quotes, state, into: &grid, rect: rect, emptyText: empty,
      row: { grid, row in
        let item = timeline.quotes[row.index]
        let width = row.maxX - row.x
        let speakerWidth = ColumnAllocation.quoteSpeakerWidth(rowWidth: width)
        // The page of quotes carries the speaker's aliases: no look-up per row and frame.
        let aliases = item.speakerAliases
        let speaker = TerminalText.pad(
          ColumnAllocation.fittedName(
            TerminalText.sanitize(item.speakerName),
            aliases: aliases.map { TerminalText.sanitize($0) },
            width: speakerWidth),
          toWidth: speakerWidth)
        var x = grid.write(
          speaker, x: row.x, y: row.y, style: Theme.on(Theme.speaker, row: row.style),
          maxX: row.maxX)
        x += 1
        let text = TerminalText.truncate(
          TerminalText.sanitize(item.quote.text), toWidth: row.maxX - x)
        let ranges = query.isEmpty ? [] : query.highlights(in: text)
        grid.write(
          text, highlighting: ranges, x: x, y: row.y, style: row.style,
          highlight: Theme.on(Theme.match, row: row.style), maxX: row.maxX)
      })
  }
}
