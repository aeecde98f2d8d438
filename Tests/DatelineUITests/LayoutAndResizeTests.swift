import DatelineModel
import Testing

@testable import DatelineUI

@Suite struct LayoutAndResizeTests {
  @Test func wideScreensShowPanesSideBySide() {
    let layout = ScreenLayout(width: 120, height: 40)
    #expect(layout.mode == .sideBySide)
    let rects = Pane.allCases.map(layout.rect(for:)) + [layout.detail]
    for (i, a) in rects.enumerated() {
      #expect(!a.isEmpty)
      for b in rects[(i + 1)...] { #expect(a.clipped(to: b).isEmpty, "\(a) overlaps \(b)") }
    }
  }

  @Test func narrowScreensShowOnePaneUnderTabs() {
    for (width, height) in [(80, 24), (40, 12), (120, 12)] {
      let layout = ScreenLayout(width: width, height: height)
      #expect(layout.mode == .tabbed, "\(width)x\(height)")
    }
    let screen = BrowserState(timeline: Fixtures.timeline(), width: 80, height: 24).screen
    #expect(screen.contains("▶1 Events"))
    #expect(screen.contains("2 People"))
    #expect(screen.contains("3 Quotes"))
  }

  @Test func belowAUsableSizeATooSmallMessage() {
    let state = BrowserState(timeline: Fixtures.timeline(), width: 29, height: 10)
    #expect(state.layout.mode == .tooSmall)
    #expect(state.screen.contains("too small"))
    #expect(BrowserState(timeline: Fixtures.timeline(), width: 1, height: 1).screen == "T")
    #expect(BrowserState(timeline: Fixtures.timeline(), width: 0, height: 0).screen == "")
  }

  @Test func theFocusedPaneIsVisibleWithoutColor() {
    let state = Fixtures.state()
    let grid = ScreenView.render(state)
    for pane in Pane.allCases {
      let rect = state.layout.rect(for: pane)
      let title = grid[rect.x + 2, rect.y].style.attributes
      if pane == state.pane {
        #expect(title.contains(.reverse) && title.contains(.bold))
        #expect(grid[rect.x, rect.y].character == "▶")
      } else {
        #expect(!title.contains(.reverse))
        #expect(grid[rect.x, rect.y].character != "▶")
      }
    }
  }

  @Test func paneTitlesShowThePosition() {
    let screen = Fixtures.state().pressing("2jj").screen
    #expect(screen.contains("People") && screen.contains("3/6"))
  }

  @Test func resizeKeepsSelectionAndScrollPosition() {
    let timeline = Fixtures.timeline(Fixtures.manyQuotes(200))
    var state = BrowserState(timeline: timeline, width: 120, height: 40).pressing("3")
    state.press(String(repeating: "j", count: 50))
    let before = state.quotes
    #expect(before.top > 0)
    for (width, height) in [(140, 50), (80, 24), (1, 1), (0, 0), (120, 40)] {
      state.apply(.resize(width: width, height: height))
      Invariants.check(state, "\(width)x\(height)")
      #expect(state.quotes.selected == before.selected)
      if width == 120 || width == 140 { #expect(state.shownList(.quotes).top == before.top) }
    }
    #expect(state.quotes == before, "back at the original size, nothing moved")
  }

  @Test func shrinkingScrollsOnlyAsMuchAsNeeded() {
    let timeline = Fixtures.timeline(Fixtures.manyQuotes(200))
    var state = BrowserState(timeline: timeline, width: 120, height: 40).pressing("3")
    state.press(String(repeating: "j", count: 15))
    state.apply(.resize(width: 80, height: 24))
    let viewport = state.layout.viewport(for: .quotes)
    #expect(state.shownList(.quotes).top == state.quotes.selected - viewport + 1)
  }

  @Test func renderingAtANewSizeResizes() {
    let app = BrowserApp(timeline: Fixtures.timeline(), width: 80, height: 24)
    let grid = app.render(width: 100, height: 30)
    #expect(grid.width == 100 && grid.height == 30)
    #expect(app.state.layout.width == 100)
  }

  @Test func theDefaultViewPutsTheAsOfDividerInView() {
    let state = Fixtures.state(width: 80, height: 24)
    #expect(state.screen.contains("── as of Mon 24 Feb 2025"))
    #expect(state.eventDivider != nil)
  }

  @Test func unfilteredRowsCostNothingToBuild() {
    // The whole-story view must not materialize an index per quote: O(1) regardless of size.
    let state = Fixtures.state()
    #expect(state.quoteRows == .all(count: state.timeline.quotes.count))
    #expect(state.eventRows == .all(count: state.timeline.events.count))
  }
}
