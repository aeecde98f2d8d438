import DatelineModel
import Foundation
import Testing

@testable import DatelineUI

/// Typing never waits for search: the update asks for searches as effects, results come back
/// as messages, and only the newest query's results are ever shown.
@Suite struct SearchEffectsTests {
  static func rows(_ timeline: Timeline, _ query: String) -> [Int] {
    timeline.quoteIndices(matching: QuoteQuery(query), among: nil)
  }

  @Test func typingAsksForASearchAndEchoesTheKeyAtOnce() {
    var state = Fixtures.state().pressing("3/")
    let effects = state.apply(.searchType("d"))
    guard case .search(let request) = effects.first, effects.count == 1 else {
      Issue.record("expected one search effect, got \(effects)")
      return
    }
    #expect(request.pane == .quotes && request.query == "d")
    #expect(request.generation == state.search[.quotes].generation)
    #expect(state.search.isSearching)
    #expect(state.screen.contains("/d "), "the prompt shows the key before the search answers")
    #expect(state.screen.contains("… matches"), "the count follows the search")
  }

  @Test func olderResultsArrivingLateAreIgnored() {
    let timeline = Fixtures.timeline(Fixtures.manyQuotes(40))
    var state = Fixtures.state(timeline).pressing("3/")
    let first = state.apply(.searchType("e"))
    let second = state.apply(.searchType("x"))
    guard case .search(let old) = first.first, case .search(let new) = second.first else {
      Issue.record("expected search effects")
      return
    }
    #expect(new.generation > old.generation)
    let newRows = Self.rows(timeline, "ex")
    state.apply(.searchResults(generation: new.generation, rows: newRows, count: newRows.count))
    let oldRows = Self.rows(timeline, "e")
    state.apply(.searchResults(generation: old.generation, rows: oldRows, count: oldRows.count))
    #expect(state.quoteRows == .subset(newRows))
    #expect(state.search.shownQuery == "ex")
    #expect(!state.search.isSearching)
  }

  @Test func rowsComeFirstAndTheCountAfter() {
    let timeline = Fixtures.timeline(Fixtures.manyQuotes(40))
    var state = Fixtures.state(timeline).pressing("3/")
    guard case .search(let request) = state.apply(.searchType("x")).first else {
      Issue.record("expected a search effect")
      return
    }
    let all = Self.rows(timeline, "x")
    state.apply(
      .searchResults(generation: request.generation, rows: Array(all.prefix(3)), count: nil))
    #expect(state.quoteRows.count == 3)
    #expect(state.search.isCounting)
    #expect(state.screen.contains("… matches"))
    state.press("<C-n>")  // unbound in the prompt: does not disturb the search
    state.apply(.searchResults(generation: request.generation, rows: all, count: all.count))
    #expect(state.quoteRows == .subset(all))
    #expect(state.screen.contains("\(all.count) matches"))
  }

  @Test func narrowingPassesOnlyAFewRowsOrAFocusAsTheDomain() {
    let timeline = Fixtures.timeline(Fixtures.manyQuotes(2_100))
    var state = Fixtures.state(timeline).pressing("3/extra")
    #expect(state.quoteRows.count > BrowserState.narrowingLimit)
    guard case .search(let wide) = state.apply(.searchType(" ")).first,
      case .search(let broad) = state.apply(.searchType("q")).first
    else {
      Issue.record("expected search effects")
      return
    }
    #expect(wide.domain == nil && broad.domain == nil, "many rows: the index is asked again")
    state.applyRunningSearches(.searchType("u"))
    state.applyRunningSearches(.searchType("o"))
    state.press("<C-u>extra quote number 12")
    #expect(state.quoteRows.count < BrowserState.narrowingLimit)
    guard case .search(let narrow) = state.apply(.searchType("3")).first else {
      Issue.record("expected a search effect")
      return
    }
    #expect(narrow.domain == (0..<state.quoteRows.count).map { state.quoteRows[$0] })
  }

  /// A search function that takes longer for shorter queries, so older searches would finish
  /// last if nothing cancelled them; it looks at `isCancelled` while it waits.
  static let slowEngine = SearchEngine { timeline, request, limit, isCancelled in
    let delay = max(0, 6 - request.query.count) * 30
    for _ in 0..<delay {
      if isCancelled() { return nil }
      usleep(1000)
    }
    return SearchEngine.timeline.answer(timeline, request, limit, isCancelled)
  }

  @Test func aSlowBackgroundSearchNeverShowsStaleResults() {
    let timeline = Fixtures.timeline(Fixtures.manyQuotes(40))
    let app = BrowserApp(
      timeline: timeline, width: 120, height: 40, search: Self.slowEngine, background: true)
    app.handle(.character("3"))
    app.handle(.character("/"))
    var shownGenerations: [Int] = []
    func checkFrame() {
      let state = app.state
      let screen = app.render(width: 120, height: 40).plainText()
      #expect(screen.contains("/" + state.search.query + " "), "the prompt echoes every key")
      shownGenerations.append(state.search[.quotes].answeredGeneration)
      // What is drawn always answers the query it is labelled with, never an older mix.
      if !state.search.shownQuery.isEmpty, !state.search.isCounting {
        #expect(state.quoteRows == .subset(Self.rows(timeline, state.search.shownQuery)))
      }
    }
    for character in "quote 1" {
      app.handle(.character(character))
      checkFrame()
      app.receiveResults()
      checkFrame()
    }
    let deadline = Date().addingTimeInterval(10)
    while app.isSearching && Date() < deadline {
      usleep(2000)
      app.receiveResults()
      checkFrame()
    }
    #expect(!app.isSearching)
    #expect(app.state.search.shownQuery == "quote 1")
    #expect(app.state.quoteRows == .subset(Self.rows(timeline, "quote 1")))
    #expect(
      shownGenerations == shownGenerations.sorted(), "results never go back to an older query")
    let screen = app.render(width: 120, height: 40).plainText()
    #expect(screen.contains("\(Self.rows(timeline, "quote 1").count) matches"))
  }

  @Test func theHeadlessAppRunsSearchesInOrder() {
    let timeline = Fixtures.timeline(Fixtures.manyQuotes(40))
    let app = BrowserApp(timeline: timeline, width: 120, height: 40, search: Self.slowEngine)
    for key in "3/quote 1" { app.handle(.character(key)) }
    #expect(!app.isSearching)
    #expect(app.state.quoteRows == .subset(Self.rows(timeline, "quote 1")))
  }

  @Test func quitAndRedrawAreEffects() {
    let app = BrowserApp(timeline: Fixtures.timeline())
    app.handle(.ctrl("l"))
    #expect(app.takeEffects() == [.redraw])
    #expect(app.takeEffects().isEmpty)
    #expect(!app.handle(.character("q")))
  }
}
