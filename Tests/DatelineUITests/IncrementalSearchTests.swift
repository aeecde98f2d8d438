import DatelineModel
import Testing

@testable import DatelineUI

@Suite struct IncrementalSearchTests {
  @Test func narrowingFromThePreviousResultGivesTheSameRowsAsAFullSearch() {
    let timeline = Fixtures.timeline(Fixtures.manyQuotes(40))
    for query in [
      "deal", "Deal", "quote 1", "@trump dea", "@tr", "\"make a deal\"", "e a", "believe wr",
    ] {
      var typed = BrowserState(timeline: timeline, width: 120, height: 40).pressing("3/")
      for character in query { typed.applyRunningSearches(.searchType(character)) }
      let full = timeline.quoteIndices(matching: QuoteQuery(query), among: nil)
      #expect(typed.quoteRows == .subset(full), "typing \(query)")
    }
  }

  @Test func onlyPlainExtensionsNarrow() {
    #expect(BrowserState.onlyNarrows(from: "dea", to: "deal"))
    #expect(BrowserState.onlyNarrows(from: "deal", to: "deal wa"))
    #expect(BrowserState.onlyNarrows(from: "@tr", to: "@tru"))
    #expect(!BrowserState.onlyNarrows(from: "deal", to: "dea"))
    #expect(!BrowserState.onlyNarrows(from: "", to: "d"), "nothing to narrow from")
  }
}

@Suite struct PromptInputTests {
  @Test func controlCharactersAreNotTypedIntoTheQuery() {
    var state = Fixtures.state().pressing("/de")
    state.apply(BrowserApp.message(for: .character("\u{0}"), in: state))
    state.apply(BrowserApp.message(for: .character("\u{9B}"), in: state))
    #expect(state.search.query == "de")
  }
}
