/// The whole screen: a pure function of the state.
public enum ScreenView {
  public static func render(_ state: BrowserState) -> CellGrid {
    let layout = state.layout
    var grid = CellGrid(width: layout.width, height: layout.height)
    switch layout.mode {
    case .tooSmall:
      TooSmallView.render(state, into: &grid)
      return state.glyphs.isASCII ? grid.transliterated() : grid
    case .sideBySide, .tabbed:
      break
    }
    HeaderView.render(state, into: &grid, rect: layout.header)
    TimeStripView.render(state, into: &grid, rect: layout.strip)
    if state.showsHelp {
      let body = Rect(
        x: 0, y: layout.header.maxY, width: layout.width,
        height: layout.bottom.y - layout.header.maxY)
      HelpView.render(state, into: &grid, rect: body)
    } else {
      let panes: [Pane] = layout.mode == .tabbed ? [state.pane] : Pane.allCases
      for pane in panes {
        let rect = layout.rect(for: pane)
        switch pane {
        case .events: EventsPaneView.render(state, into: &grid, rect: rect)
        case .people: PeoplePaneView.render(state, into: &grid, rect: rect)
        case .quotes: QuotesPaneView.render(state, into: &grid, rect: rect)
        }
      }
      for rule in layout.separators {
        for y in rule.y..<rule.maxY {
          grid.write(state.glyphs.verticalRule, x: rule.x, y: y, style: Theme.rule)
        }
      }
      DetailPaneView.render(state, into: &grid, rect: layout.detail)
    }
    BottomLineView.render(state, into: &grid, rect: layout.bottom)
    // Under a locale without UTF-8, whatever is not ASCII becomes its nearest ASCII.
    if state.glyphs.isASCII { grid.transliterate() }
    return grid
  }
}
