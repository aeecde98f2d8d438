/// The bottom line: the search prompt with its live match count while typing, else the last
/// message, else key hints generated from the keymap.
enum BottomLineView {
  /// "j/k scroll  ? or q close help", from the help screen's key table.
  static func helpHints(_ keys: ModeKeys<HelpAction>) -> String {
    func labels(_ action: HelpAction, _ limit: Int) -> [String] {
      Array(keys.keys(for: action).prefix(limit).map(KeyNotation.label))
    }
    let scroll = (labels(.scrollDown, 1) + labels(.scrollUp, 1)).joined(separator: "/")
    let close = labels(.close, 2).joined(separator: " or ")
    return [scroll.isEmpty ? "" : scroll + " scroll", close.isEmpty ? "" : close + " close help"]
      .filter { !$0.isEmpty }.joined(separator: "  ")
  }

  static func render(_ state: BrowserState, into grid: inout CellGrid, rect: Rect) {
    guard !rect.isEmpty else { return }
    grid.fill(rect, with: Cell(" ", style: Theme.hint))
    if state.search.isEditing {
      let paneSearch = state.search[state.search.pane]
      let shown = state.rows(state.search.pane).count
      let count = max(shown, paneSearch.total ?? shown)
      // The prompt echoes every key at once; the rows follow when the search has answered,
      // and the count after them.
      let matches =
        paneSearch.isSearching
        ? "… matches"
        : paneSearch.isCounting
          ? "≥ \(shown + 1) matches, counting…" : "\(count) match\(count == 1 ? "" : "es")"
      let prompt = state.keymap.prompt
      let keep = prompt.keys(for: .submit).first.map(KeyNotation.label) ?? "(unbound)"
      let restore = prompt.keys(for: .cancel).first.map(KeyNotation.label) ?? "(unbound)"
      let status =
        rect.width >= 60 ? " \(matches)  \(keep) keeps  \(restore) restores " : " \(matches) "
      let statusStart = grid.writeRight(
        status, y: rect.y, minX: rect.x + rect.width / 2, maxX: rect.maxX, style: Theme.hint)
      // Keep the end of a long query in view, where the typing happens.
      var query = TerminalText.sanitize(state.search.query)
      let room = max(0, statusStart - rect.x - 2)
      while TerminalText.width(of: query) > room, !query.isEmpty { query.removeFirst() }
      var x = grid.write("/" + query, x: rect.x, y: rect.y, style: Theme.prompt, maxX: statusStart)
      x = grid.write(" ", x: x, y: rect.y, style: Theme.cursor, maxX: statusStart)
      return
    }
    if let message = state.message {
      // Messages can quote names and queries from data: sanitized like any data text.
      grid.write(
        TerminalText.truncate(TerminalText.sanitize(message), toWidth: rect.width), x: rect.x,
        y: rect.y,
        style: Theme.message, maxX: rect.maxX)
      return
    }
    let hints =
      state.showsHelp ? helpHints(state.keymap.help) : state.keymap.hintLine(width: rect.width)
    grid.write(
      TerminalText.truncate(hints, toWidth: rect.width), x: rect.x, y: rect.y, style: Theme.hint,
      maxX: rect.maxX)
  }
}
