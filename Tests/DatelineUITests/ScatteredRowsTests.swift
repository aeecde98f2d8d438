import Testing

@testable import DatelineModel
@testable import DatelineUI

/// A screen of search results lies anywhere in a long list: drawing it reads the rows it shows
/// together, not a page of the store for each (at a million quotes that was most of a
/// keystroke's time).
@Suite struct ScatteredRowsTests {
  @Test func aScreenOfScatteredMatchesReadsOnlyTheRowsItShows() {
    var dataset = Fixtures.miniDataset
    for index in 0..<4_000 {
      dataset.quotes.append(
        Quote(
          id: "extra\(index)", text: index % 97 == 0 ? "A needle \(index)" : "Hay \(index)",
          speaker: "trump", provenance: Fixtures.provenance(20)))
    }
    let timeline = Fixtures.timeline(dataset)
    let state = Fixtures.state(timeline, height: 30).pressing("3/needle<Enter>")
    let matches = state.quoteRows.count
    #expect(matches == 42)
    let before = timeline.store.quotePages.rowsRead
    let screen = state.screen
    #expect(screen.contains("A needle 97 ") && screen.contains("A needle 194 "))
    let shown = screen.split(separator: "\n").filter { $0.contains("A needle") }.count
    let read = timeline.store.quotePages.rowsRead - before
    #expect(shown >= 15, "a screenful of matches is drawn")
    #expect(read <= shown, "\(read) rows read for \(shown) shown")
  }
}
