import DatelineModel
import Testing

@testable import DatelineUI

@Suite struct MouseTests {
  @Test func clickSelectsARowAndFocusesItsPane() {
    var state = Fixtures.state()
    let rows = state.layout.rowsRect(for: .people)
    state.press("<Click:\(rows.x + 3),\(rows.y + 2)>")
    #expect(state.pane == .people)
    #expect(state.people.selected == 2)
  }

  @Test func clickOnATabSwitchesPanes() {
    var state = Fixtures.state(width: 80, height: 24)
    let tabs = PaneTitleView.tabLayout(state, width: 80)
    let quotesTab = tabs.first { $0.pane == .quotes }!
    state.press("<Click:\(quotesTab.x + 1),\(state.layout.rect(for: .events).y)>")
    #expect(state.pane == .quotes)
  }

  @Test func clickOnTheDividerOrPastTheEndSelectsNothing() {
    var state = Fixtures.state().pressing("1g")
    let rows = state.layout.rowsRect(for: .events)
    state.press("<Click:\(rows.x + 3),\(rows.maxY - 1)>")
    #expect(state.events.selected == 0)
  }

  @Test func wheelMovesThroughThePaneUnderThePointer() {
    let timeline = Fixtures.timeline(Fixtures.manyQuotes(50))
    var state = BrowserState(timeline: timeline, width: 120, height: 40)
    let rows = state.layout.rowsRect(for: .quotes)
    state.press("<WheelDown:\(rows.x + 3),\(rows.y + 1)>")
    #expect(state.quotes.selected == 3)
    state.press("<WheelUp:\(rows.x + 3),\(rows.y + 1)>")
    #expect(state.quotes.selected == 0)
  }
}

@Suite struct HighlightAndHelpMouseTests {
  @Test func theDetailPaneHighlightsMatchesToo() {
    let state = Fixtures.state().pressing("/deal")
    let grid = ScreenView.render(state)
    let detail = state.layout.detail
    var highlighted = ""
    for y in detail.y..<detail.maxY {
      for x in detail.x..<detail.maxX where grid[x, y].style.role == .match {
        highlighted.append(grid[x, y].character)
      }
    }
    #expect(highlighted == "deal")
  }

  @Test func theWheelScrollsHelp() {
    var state = BrowserState(timeline: Fixtures.timeline(), width: 60, height: 12).pressing("?")
    state.press("<WheelDown:5,5>")
    #expect(state.helpTop == 3)
    state.press("<WheelUp:5,5><WheelUp:5,5>")
    #expect(state.helpTop == 0)
  }
}
