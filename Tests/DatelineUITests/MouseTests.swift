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

  @Test func clickOnTheDividerOrPastTheEndSelectsNothing() throws {
    var state = Fixtures.state().pressing("1g")
    let rows = state.layout.rowsRect(for: .events)
    let divider = try #require(state.eventDivider)
    state.press("<Click:\(rows.x + 3),\(rows.y + divider)>")
    #expect(state.events.selected == 0)
    // In tabbed mode the Events rows run past the last event.
    var tabbed = Fixtures.state(width: 80, height: 24).pressing("1g")
    let tabbedRows = tabbed.layout.rowsRect(for: .events)
    tabbed.press("<Click:\(tabbedRows.x + 3),\(tabbedRows.maxY - 1)>")
    #expect(tabbed.events.selected == 0)
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
