import DatelineModel
import Testing

@testable import DatelineUI

@Suite struct DetailScrollTests {
  @Test func capitalJAndKScrollALongDetail() {
    var state = BrowserState(timeline: Fixtures.timeline(), width: 80, height: 16).pressing("2")
    #expect(state.screen.contains("▼ J/K"), "more below is shown")
    state.press("J")
    #expect(state.detailTop == 1)
    #expect(state.screen.contains("▲▼ J/K") || state.screen.contains("▲ J/K"))
    state.press(String(repeating: "J", count: 50))
    let bottom = state.detailTop
    let total = DetailPaneView.lineCount(state, width: state.layout.detail.width - 2)
    #expect(bottom == total - (state.layout.detail.height - 1), "stops with the last line in view")
    state.press("K")
    #expect(state.detailTop == bottom - 1)
    state.press("j")
    #expect(state.detailTop == 0, "a new selection starts at the top")
  }

  @Test func theWheelOverTheDetailScrollsIt() {
    var state = BrowserState(timeline: Fixtures.timeline(), width: 80, height: 16).pressing("2")
    let detail = state.layout.detail
    state.press("<WheelDown:\(detail.x + 2),\(detail.y + 1)>")
    #expect(state.detailTop > 0)
    #expect(state.people.selected == 0, "the list does not move")
  }
}

@Suite struct HighlightAndHelpMouseTests {
  @Test func theDetailPaneHighlightsMatchesToo() {
    let state = Fixtures.state().pressing("3/deal")
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
