/// The title row of a list pane: its name, what it is narrowed to, and the position ("3/11").
/// The focused pane's title is reversed, bold and marked, so focus shows without color.
/// In tabbed layouts the row is a tab bar over the one visible pane.
enum PaneTitleView {
  static func position(_ pane: Pane, _ state: BrowserState) -> String {
    let count = state.rows(pane).count
    let paneSearch = state.search[pane]
    if paneSearch.isSearching {
      return count == 0 ? "0/…" : "\(state.list(pane).selected + 1)/…"
    }
    if paneSearch.isCounting {
      // The first rows are shown; the count follows.
      return "\(state.list(pane).selected + 1)/≥\(count + 1)"
    }
    let total = max(count, paneSearch.isComplete ? count : paneSearch.total ?? count)
    return count == 0 ? "0/0" : "\(state.list(pane).selected + 1)/\(total)"
  }

  /// Items scrolled out of view above and below the pane's rows.
  static func hidden(_ pane: Pane, _ state: BrowserState) -> (above: Int, below: Int) {
    let list = state.shownList(pane)
    let geometry = state.geometry(pane)
    let viewport = state.layout.viewport(for: pane)
    let above = geometry.items(beforeDisplayRow: list.top)
    var below = geometry.count - geometry.items(beforeDisplayRow: list.top + viewport)
    // Matches counted but not fetched yet are below too.
    let paneSearch = state.search[pane]
    if !paneSearch.isSearching, !paneSearch.isComplete, let total = paneSearch.total {
      below += max(0, total - geometry.count)
    }
    return (above, max(0, below))
  }

  /// "↑ 5 ↓ 3 " when rows are hidden above or below, else "".
  static func scrollMarks(_ pane: Pane, _ state: BrowserState) -> String {
    let (above, below) = hidden(pane, state)
    var marks = ""
    if above > 0 { marks += "\(state.glyphs.above) \(above) " }
    if below > 0 { marks += "\(state.glyphs.below) \(below) " }
    return marks
  }

  /// "Events · Trump 3/11", "Quotes · Trump /deal 1/2".
  static func title(_ pane: Pane, _ state: BrowserState) -> String {
    var title = pane.title
    switch (pane, state.focus) {
    case (.events, .person), (.quotes, .person), (.quotes, .event):
      title += " · " + TerminalText.sanitize(state.name(of: state.focus))
    case (.people, .person):
      title += " · " + TerminalText.sanitize(state.name(of: state.focus)) + " & related"
    case (.people, .event):
      title += " · at " + TerminalText.sanitize(state.name(of: state.focus))
    default:
      break
    }
    if !state.search[pane].shownQuery.isEmpty {
      title += " /" + TerminalText.sanitize(state.search[pane].shownQuery)
    }
    return title
  }

  static func render(_ pane: Pane, _ state: BrowserState, into grid: inout CellGrid, rect: Rect) {
    guard rect.height > 0, rect.width > 0 else { return }
    let focused = state.pane == pane
    let style = focused ? Theme.focusedPaneTitle : Theme.paneTitle
    let titleRow = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
    grid.fill(titleRow, with: Cell(" ", style: style))
    let marker = focused ? state.glyphs.focus : " "
    let position = " " + scrollMarks(pane, state) + position(pane, state) + " "
    let start = grid.writeRight(position, y: rect.y, minX: rect.x, maxX: rect.maxX, style: style)
    let label = TerminalText.truncate(marker + " " + title(pane, state), toWidth: start - rect.x)
    grid.write(label, x: rect.x, y: rect.y, style: style, maxX: start)
  }

  /// Tab labels for the tabbed layout, left to right.
  static func tabs(_ state: BrowserState) -> [(pane: Pane, label: String)] {
    Pane.allCases.map { pane in
      let number = "\(pane.rawValue + 1)"
      if pane == state.pane {
        return (
          pane, "\(state.glyphs.focus)\(number) \(title(pane, state)) \(position(pane, state)) "
        )
      }
      return (pane, " \(number) \(pane.title) ")
    }
  }

  /// Where each tab goes in a bar `width` columns wide. The focused tab's long title gives
  /// way first, so the other tabs stay visible.
  static func tabLayout(_ state: BrowserState, width: Int) -> [(pane: Pane, x: Int, text: String)] {
    let labels = tabs(state)
    let othersWidth = labels.filter { $0.pane != state.pane }.reduce(0) {
      $0 + TerminalText.width(of: $1.label)
    }
    var result: [(pane: Pane, x: Int, text: String)] = []
    var x = 0
    for (pane, label) in labels where x < width {
      let wanted =
        pane == state.pane
        ? TerminalText.truncate(label, toWidth: max(8, width - othersWidth)) : label
      let text = TerminalText.truncate(wanted, toWidth: width - x)
      result.append((pane, x, text))
      x += TerminalText.width(of: text)
    }
    return result
  }

  static func renderTabs(_ state: BrowserState, into grid: inout CellGrid, rect: Rect) {
    guard rect.height > 0, rect.width > 0 else { return }
    let titleRow = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
    grid.fill(titleRow, with: Cell(" ", style: Theme.paneTitle))
    var end = rect.x
    for tab in tabLayout(state, width: rect.width) {
      let style = tab.pane == state.pane ? Theme.focusedPaneTitle : Theme.paneTitle
      end = grid.write(tab.text, x: rect.x + tab.x, y: rect.y, style: style, maxX: rect.maxX)
    }
    // The focused pane's hidden rows, right-aligned after the tabs when they fit.
    let marks = scrollMarks(state.pane, state)
    if !marks.isEmpty, TerminalText.width(of: marks) + 1 <= rect.maxX - end - 1 {
      grid.writeRight(marks, y: rect.y, minX: end + 1, maxX: rect.maxX, style: Theme.paneTitle)
    }
  }

  /// The tab under column `x` of the tab bar.
  static func tab(atX x: Int, state: BrowserState) -> Pane? {
    tabLayout(state, width: state.layout.width).first {
      x >= $0.x && x < $0.x + TerminalText.width(of: $0.text)
    }?.pane
  }
}
