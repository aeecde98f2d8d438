import DatelineModel
import Foundation
import Testing

@testable import DatelineUI

/// Issue 10's browser look: dates in words, widths by content, hidden-row counts, the time
/// strip, and the ASCII glyph set.
@Suite struct BrowserLookTests {
  func bundledStory() throws -> Timeline {
    try Timeline(dataset: try DatasetLoader.load(path: Fixtures.bundledDataPath))
  }

  @Test func noHeadlineOfTheBundledStoryIsCutAt120x40() throws {
    let timeline = try bundledStory()
    let screen = BrowserState(timeline: timeline, width: 120, height: 40).screen
    for item in timeline.events {
      #expect(screen.contains(item.event.headline), "cut or missing: \(item.event.headline)")
    }
  }

  @Test func noEDTFOnScreen() throws {
    let timeline = try bundledStory()
    for keys in ["", "1G", "3", "/deal", "1G<Enter>", "3e"] {
      let screen = BrowserState(timeline: timeline, width: 120, height: 40).pressing(keys).screen
      for edtf in ["../", "~", "2025-02-24", "2025-03"] {
        #expect(!screen.contains(edtf), "\(edtf) on screen after \(keys):\n\(screen)")
      }
    }
  }

  @Test func theStatusIsOneCellWithALegendInHelp() throws {
    let state = Fixtures.state()
    let row = try #require(
      state.screen.split(separator: "\n").first { $0.contains("Trump to meet") })
    #expect(row.hasSuffix(" ◆"))
    let help = state.pressing("?").pressing(String(repeating: "j", count: 40)).screen
    #expect(help.contains("◆") && help.contains("scheduled"))
  }

  @Test func listsCountTheRowsHiddenAboveAndBelow() {
    let timeline = Fixtures.timeline(Fixtures.manyQuotes(30))
    var state = BrowserState(timeline: timeline, width: 120, height: 40).pressing("3")
    let shown = state.layout.viewport(for: .quotes)
    let total = state.rows(.quotes).count
    #expect(PaneTitleView.hidden(.quotes, state) == (0, total - shown))
    #expect(state.screen.contains("↓ \(total - shown) "))
    state.press("G")
    #expect(PaneTitleView.hidden(.quotes, state) == (total - shown, 0))
    #expect(state.screen.contains("↑ \(total - shown) "))
  }

  @Test func helpSaysWhenThereIsMoreBelow() {
    let state = Fixtures.state(width: 80, height: 24).pressing("?")
    #expect(state.screen.contains("more below"))
    #expect(!state.pressing("G").screen.contains("more below"))
  }

  @Test func rolesGetWhatNamesAndCountsLeave() throws {
    let state = Fixtures.state().pressing("2")
    let row = try #require(
      state.screen.split(separator: "\n").first { $0.contains("Keir Starmer") })
    // The widest name is "Volodymyr Zelenskyy" (19); counts need "1 ev 2 q" and no more.
    #expect(row.contains("Keir Starmer        Prime Minister"))
    #expect(state.columns.counts == "1 ev 2 q".count)
  }

  @Test func theTimeStripChartsTheVisibleEventsAndFollowsTheSelection() throws {
    let timeline = try bundledStory()
    var state = BrowserState(timeline: timeline, width: 120, height: 40)
    #expect(state.timeStrip.unit == .month)
    #expect(state.timeStrip.bins.reduce(0, +) == timeline.events.count)
    let strip = state.layout.strip
    #expect(strip.y == 2 && strip.height == 1)
    let line = ScreenView.render(state).row(strip.y)
    #expect(line.hasPrefix(" Feb 2022 "))
    #expect(line.contains("Mar 2025 by month"))
    // Focused on Trump: his events only, a few days, so by day.
    state.selectPerson(named: "Trump")
    state.press("<Enter>")
    #expect(state.timeStrip.unit == .day)
    #expect(state.timeStrip.bins.reduce(0, +) == state.eventRows.count)
    // The selected event's bin is drawn reversed, and moves with the selection.
    func reversedColumns(_ state: BrowserState) -> [Int] {
      let grid = ScreenView.render(state)
      return (0..<grid.width).filter {
        grid[$0, strip.y].style.attributes.contains(.reverse)
      }
    }
    state.press("1g")
    let first = reversedColumns(state)
    state.press("G")
    let last = reversedColumns(state)
    #expect(!first.isEmpty && !last.isEmpty && first != last)
  }

  @Test func theTimeStripPicksTheFinestUnitThatFits() throws {
    let timeline = try UIBenchmarks.syntheticTimeline(quotes: 10)
    let rows = RowSet.all(count: timeline.events.count)
    #expect(TimeStrip(timeline: timeline, rows: rows, width: 120).unit == .day)
    #expect(TimeStrip(timeline: timeline, rows: rows, width: 50).unit == .week)
    #expect(TimeStrip(timeline: timeline, rows: rows, width: 30).unit == .month)
    #expect(TimeStrip(timeline: timeline, rows: rows, width: 20).unit == .year)
  }

  @Test func theTimeStripIsComputedOnUpdateNotPerFrame() throws {
    let timeline = try UIBenchmarks.syntheticTimeline(quotes: 10, events: 5_000)
    var state = BrowserState(timeline: timeline, width: 120, height: 40)
    #expect(state.timeStrip.rows == state.eventRows && state.timeStrip.width == 120)
    let before = state.timeStrip
    state.press("jjj")
    #expect(state.timeStrip == before)
    #expect(state.timeStrip.bins.reduce(0, +) == 5_000)
  }

  @Test func asciiGlyphsUnderANonUTF8Locale() throws {
    #expect(GlyphSet.forLocale(environment: ["LC_ALL": "C"]) == .ascii)
    #expect(GlyphSet.forLocale(environment: ["LC_ALL": "C", "LANG": "en_US.UTF-8"]) == .ascii)
    #expect(GlyphSet.forLocale(environment: ["LANG": "en_US.UTF-8"]) == .unicode)
    #expect(GlyphSet.forLocale(environment: ["LC_CTYPE": "de_DE.ISO-8859-1"]) == .ascii)
    let timeline = try bundledStory()
    for keys in ["", "2<Enter>", "?", "3"] {
      let state = BrowserState(timeline: timeline, width: 120, height: 40, glyphs: .ascii)
        .pressing(keys)
      let screen = state.screen
      let allASCII = screen.unicodeScalars.allSatisfy { $0.isASCII }
      #expect(allASCII, "non-ASCII after \(keys):\n\(screen)")
      // Every "?" stands for a "?" or a predicted status, never a character it could not show.
      let unicode = BrowserState(timeline: timeline, width: 120, height: 40).pressing(keys).screen
      #expect(
        screen.filter { $0 == "?" }.count == unicode.filter { $0 == "?" || $0 == "◌" }.count,
        "a ? placeholder after \(keys):\n\(screen)")
    }
    let screen = BrowserState(timeline: timeline, width: 120, height: 40, glyphs: .ascii).screen
    #expect(screen.contains("> Events"))
    #expect(screen.contains(" | "))
    #expect(screen.contains("-- as of Mon 24 Feb 2025 ---"))
  }
}
