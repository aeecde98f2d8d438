/// The frame shared by the three list panes: title row, then only the visible rows.
///
/// Cost is proportional to the rows on screen: rows are looked up by position in the pane's
/// `RowSet`, never by walking the list.
enum ListPaneView {
  struct Row {
    /// Position in the pane's rows (not the timeline index).
    var position: Int
    /// Timeline index of the item.
    var index: Int
    var y: Int
    var x: Int
    var maxX: Int
    var style: Style
    var isSelected: Bool
  }

  static func render(
    _ pane: Pane, _ state: BrowserState, into grid: inout CellGrid, rect: Rect, emptyText: String,
    divider: (inout CellGrid, Int, Rect) -> Void = { _, _, _ in },
    row drawRow: (inout CellGrid, Row) -> Void
  ) {
    guard !rect.isEmpty else { return }
    if state.layout.mode == .tabbed {
      PaneTitleView.renderTabs(state, into: &grid, rect: rect)
    } else {
      PaneTitleView.render(pane, state, into: &grid, rect: rect)
    }
    let rowsRect = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
    guard !rowsRect.isEmpty else { return }
    let rows = state.rows(pane)
    guard !rows.isEmpty else {
      for (offset, line) in TerminalText.wrap(emptyText, width: max(1, rowsRect.width - 2)).prefix(
        rowsRect.height
      ).enumerated() {
        grid.write(
          line, x: rowsRect.x + 2, y: rowsRect.y + offset, style: Theme.muted, maxX: rowsRect.maxX)
      }
      return
    }
    let list = state.shownList(pane)
    let geometry = state.geometry(pane)
    let focused = state.pane == pane
    // The visible items read from the store together (search results lie anywhere in the list).
    let end = max(list.top, min(list.top + rowsRect.height, geometry.displayCount))
    let visible = (list.top..<end).compactMap { geometry.item(atDisplayRow: $0).map { rows[$0] } }
    switch pane {
    case .events: state.timeline.events.prefetch(visible)
    case .people: state.timeline.actors.prefetch(visible)
    case .quotes: state.timeline.quotes.prefetch(visible)
    }
    for offset in 0..<rowsRect.height {
      let displayRow = list.top + offset
      let y = rowsRect.y + offset
      guard displayRow < geometry.displayCount else { break }
      guard let position = geometry.item(atDisplayRow: displayRow) else {
        divider(&grid, y, rowsRect)
        continue
      }
      let selected = position == list.selected
      let style = Theme.row(selected: selected, focused: focused)
      if selected {
        grid.fill(
          Rect(x: rowsRect.x, y: y, width: rowsRect.width, height: 1), with: Cell(" ", style: style)
        )
        grid.write(state.glyphs.selection, x: rowsRect.x, y: y, style: style, maxX: rowsRect.maxX)
      }
      drawRow(
        &grid,
        Row(
          position: position, index: rows[position], y: y, x: rowsRect.x + 2,
          maxX: rowsRect.maxX - 1,
          style: style, isSelected: selected))
    }
  }
}
