import DatelineModel
import Testing

@testable import DatelineUI

/// Hostile or unusual text from data never garbles the screen.
@Suite struct SanitizingTests {
  static let hostile =
    "Evil\u{1B}[2J\u{1B}]0;owned\u{07} \u{9B}31m C1\u{85} DEL\u{7F} bell\u{07} \u{202E}rtl"

  static var hostileDataset: Dataset {
    var dataset = Fixtures.miniDataset
    dataset.title = hostile
    dataset.actors[0].name = "Donald \u{1B}[31mTrump"
    dataset.actors[0].role = hostile
    dataset.events[1].headline = hostile
    dataset.events[1].summary = hostile
    dataset.quotes[0].text = hostile + " deal"
    dataset.sources[0].title = hostile
    return dataset
  }

  @Test func controlCharactersAndEscapesNeverReachTheGrid() {
    let timeline = Fixtures.timeline(Self.hostileDataset)
    for keys in ["", "1", "2", "3", "2<Enter>", "/deal", "1k<Enter>", "?"] {
      for (width, height) in [(120, 40), (80, 24), (40, 12)] {
        var state = BrowserState(timeline: timeline, width: width, height: height)
        state.press("1g")
        state.press(keys)
        Invariants.checkGridIsClean(ScreenView.render(state), "\(keys) at \(width)x\(height)")
      }
    }
  }

  @Test func hostileTextShowsAsPlaceholdersNotEffects() {
    let timeline = Fixtures.timeline(Self.hostileDataset)
    let screen = BrowserState(timeline: timeline, width: 120, height: 40).pressing("2g").screen
    #expect(screen.contains("Donald Trump"))
    #expect(!screen.contains("[31m"))
    #expect(!screen.contains("owned"), "OSC payloads are dropped whole")
  }

  @Test func wideAndCombiningTextKeepsColumnsAligned() {
    var dataset = Fixtures.miniDataset
    dataset.quotes[0].text =
      "日本語のテキスト👍🏽 and e\u{301}e\u{301} then a verylongwordthatkeepsgoingandgoingandgoingandgoingandgoingandgoingandgoing"
    dataset.actors[0].name = "習近平"
    let timeline = Fixtures.timeline(dataset)
    let state = BrowserState(timeline: timeline, width: 120, height: 40).pressing("3g")
    let grid = ScreenView.render(state)
    // Every row covers exactly the screen width in columns, whatever it contains.
    for y in 0..<grid.height {
      var columns = 0
      for x in 0..<grid.width where !grid[x, y].isContinuation { columns += grid[x, y].width }
      #expect(columns == grid.width, "row \(y) spans \(columns) columns")
    }
    // The separator rule stays in one column on every body row.
    let rule = state.layout.separators[0].x
    for y in state.layout.separators[0].y..<state.layout.separators[0].maxY {
      #expect(grid[rule, y].character == "│", "rule broken on row \(y)")
    }
    let screen = grid.plainText()
    #expect(screen.contains("習近平"))
    #expect(screen.contains("日本語のテキスト👍🏽"))
  }
}
