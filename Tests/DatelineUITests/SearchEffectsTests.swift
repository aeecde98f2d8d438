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
    #expect(request.offset == 0 && request.limit != nil, "a keystroke asks for the first rows only")
    let all = Self.rows(timeline, "x")
    let effects = state.apply(
      .searchResults(generation: request.generation, rows: Array(all.prefix(3)), count: nil))
    #expect(state.quoteRows.count == 3)
    #expect(state.search.isCounting)
    let count = SearchRequest(
      generation: request.generation, pane: .quotes, query: "x", domain: nil)
    #expect(effects.contains(.count(count)), "the count is asked for after the rows: \(effects)")
    #expect(state.screen.contains("≥ 4 matches, counting…"))
    state.press("<C-n>")  // unbound in the prompt: does not disturb the search
    state.apply(.searchCount(generation: request.generation, count: all.count))
    #expect(state.screen.contains("\(all.count) matches"))
    #expect(!state.search.isCounting)
  }

  @Test func moreRowsAreAskedForAsTheListScrolls() {
    let timeline = Fixtures.timeline(Fixtures.manyQuotes(400))
    var state = Fixtures.state(timeline).pressing("3/extra<Enter>")
    let all = Self.rows(timeline, "extra")
    let page = state.quoteRows.count
    #expect(page < all.count, "only a few screens of rows are fetched")
    #expect(state.screen.contains("1/\(all.count)"), "the count is shown once known")
    #expect(state.quoteRows == .subset(Array(all.prefix(page))))
    // Scrolling down asks for the next rows, which continue the first.
    var effects: [BrowserEffect] = []
    for _ in 0..<page { effects += state.apply(BrowserMessage.action(.moveDown)) }
    let requests = effects.compactMap { effect -> SearchRequest? in
      if case .search(let request) = effect { return request }
      return nil
    }
    guard let more = requests.first, requests.count == 1 else {
      Issue.record("expected one request for more rows, got \(effects)")
      return
    }
    #expect(more.offset == page && more.after == all[page - 1])
    let next = SearchEngine.timeline.answer(timeline, more, more.limit, { false })
    state.apply(
      .searchPage(
        generation: more.generation, offset: more.offset, rows: next?.rows ?? [],
        isComplete: next?.isComplete ?? true))
    #expect(state.quoteRows.count > page)
    #expect(state.quoteRows == .subset(Array(all.prefix(state.quoteRows.count))))
    // A page that does not continue the rows shown is dropped.
    let before = state.quoteRows
    state.apply(.searchPage(generation: more.generation, offset: 1, rows: [0], isComplete: true))
    #expect(state.quoteRows == before)
  }

  @Test func narrowingPassesOnlyAFewCompleteRowsOrAFocusAsTheDomain() {
    let timeline = Fixtures.timeline(Fixtures.manyQuotes(2_100))
    var state = Fixtures.state(timeline).pressing("3/extra")
    #expect(!state.search[.quotes].isComplete, "thousands of matches: the first rows only")
    guard case .search(let wide) = state.apply(.searchType(" ")).first,
      case .search(let broad) = state.apply(.searchType("q")).first
    else {
      Issue.record("expected search effects")
      return
    }
    #expect(wide.domain == nil && broad.domain == nil, "a partial answer: the index is asked again")
    state.applyRunningSearches(.searchType("u"))
    state.applyRunningSearches(.searchType("o"))
    state.press("<C-u>extra quote number 205")
    #expect(state.search[.quotes].isComplete, "\(state.quoteRows.count) rows")
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
    // More matches than one request asks for: rows arrive in pages, the count after them.
    let timeline = Fixtures.timeline(Fixtures.manyQuotes(300))
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
      // What is drawn always answers the query it is labelled with, never an older mix: the
      // rows are the first matches of the shown query, and the title names that query.
      guard !state.search.shownQuery.isEmpty else { return }
      let all = Self.rows(timeline, state.search.shownQuery)
      #expect(state.quoteRows == .subset(Array(all.prefix(state.quoteRows.count))))
      #expect(screen.contains("Quotes /" + state.search.shownQuery))
      if let total = state.search[.quotes].total { #expect(total == all.count) }
      let firstShown = state.quoteRows.isEmpty ? nil : timeline.quotes[state.quoteRows[0]]
      if let firstShown, !state.search.isSearching {
        #expect(screen.contains(String(firstShown.quote.text.prefix(20))))
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
    let all = Self.rows(timeline, "quote 1")
    #expect(app.state.quoteRows == .subset(Array(all.prefix(app.state.quoteRows.count))))
    #expect(
      shownGenerations == shownGenerations.sorted(), "results never go back to an older query")
    let screen = app.render(width: 120, height: 40).plainText()
    #expect(screen.contains("\(all.count) matches"))
  }

  @Test func aCountForAnAbandonedQueryStops() {
    // A count that runs until it is told to stop, and says whether it was.
    let started = Flag()
    let stopped = Flag()
    let engine = SearchEngine(
      answer: SearchEngine.timeline.answer,
      count: { _, _, isCancelled in
        started.set()
        for _ in 0..<5_000 {
          if isCancelled() {
            stopped.set()
            return nil
          }
          usleep(1000)
        }
        return 0
      })
    let app = BrowserApp(
      timeline: Fixtures.timeline(Fixtures.manyQuotes(300)), width: 120, height: 40,
      search: engine, background: true)
    for key in "3/extra" { app.handle(.character(key)) }
    while app.state.search.isSearching, app.isSearching { app.receiveResults() }
    #expect(app.state.search.isCounting, "the first rows are shown and the count is running")
    while !started.isSet { usleep(1000) }  // the count waits for a pause in typing first
    app.handle(.escape)  // the query is abandoned: no new search is asked for
    while app.isSearching { usleep(1000) }
    #expect(stopped.isSet, "the count stopped instead of running to its end")
  }

  @Test func aCountOfAnOlderQueryIsNeverShown() {
    let timeline = Fixtures.timeline(Fixtures.manyQuotes(300))
    var state = Fixtures.state(timeline).pressing("3/")
    guard case .search(let first) = state.apply(.searchType("e")).first else {
      Issue.record("expected a search effect")
      return
    }
    let rows = Self.rows(timeline, "e")
    state.apply(
      .searchResults(generation: first.generation, rows: Array(rows.prefix(10)), count: nil))
    guard case .search(let second) = state.apply(.searchType("x")).first else {
      Issue.record("expected a search effect")
      return
    }
    // The count of "e" arrives after "x" was typed, before and after "x" has answered.
    state.apply(.searchCount(generation: first.generation, count: rows.count))
    #expect(state.search[.quotes].total == nil)
    #expect(!state.screen.contains("\(rows.count) matches"))
    let narrower = Self.rows(timeline, "ex")
    state.apply(
      .searchResults(generation: second.generation, rows: Array(narrower.prefix(10)), count: nil))
    state.apply(.searchCount(generation: first.generation, count: rows.count))
    #expect(state.search[.quotes].total == nil, "the count of \"e\" is not the count of \"ex\"")
    #expect(state.search[.quotes].isCounting)
    state.apply(.searchCount(generation: second.generation, count: narrower.count))
    #expect(state.search[.quotes].total == narrower.count)
  }

  @Test func rowsNeverWaitForACount() {
    // Every count runs until the test lets it go: the rows of each new key must come anyway.
    let release = Flag()
    let counting = Flag()
    let engine = SearchEngine(
      answer: SearchEngine.timeline.answer,
      count: { timeline, request, isCancelled in
        counting.set()
        while !release.isSet { usleep(500) }
        return SearchEngine.timeline.count(timeline, request, isCancelled)
      })
    let timeline = Fixtures.timeline(Fixtures.manyQuotes(300))
    let app = BrowserApp(
      timeline: timeline, width: 120, height: 40, search: engine, background: true)
    defer { release.set() }
    for key in "3/extra" { app.handle(.character(key)) }
    let deadline = Date().addingTimeInterval(20)
    while app.state.search.isSearching, Date() < deadline { app.receiveResults() }
    while !counting.isSet, Date() < deadline { usleep(500) }
    #expect(counting.isSet, "the count of \"extra\" is running (and held)")
    for key in " quote 1" {
      app.handle(.character(key))
      while app.state.search.isSearching, Date() < deadline {
        if !app.receiveResults() { usleep(200) }
      }
      let query = app.state.search.query
      #expect(app.state.search.shownQuery == query, "the rows of \"\(query)\" came")
      let all = Self.rows(timeline, query)
      #expect(app.state.quoteRows == .subset(Array(all.prefix(app.state.quoteRows.count))))
    }
    #expect(!release.isSet && app.state.search.isCounting, "no count finished meanwhile")
    release.set()
    while app.isSearching, Date() < deadline { app.receiveResults() }
    #expect(app.state.search[.quotes].total == Self.rows(timeline, "extra quote 1").count)
  }

  @Test func theHeadlessAppRunsSearchesInOrder() {
    let timeline = Fixtures.timeline(Fixtures.manyQuotes(40))
    let app = BrowserApp(timeline: timeline, width: 120, height: 40, search: Self.slowEngine)
    for key in "3/quote 1" { app.handle(.character(key)) }
    #expect(!app.isSearching)
    #expect(app.state.quoteRows == .subset(Self.rows(timeline, "quote 1")))
    #expect(app.state.search[.quotes].total == Self.rows(timeline, "quote 1").count)
  }

  @Test func quitAndRedrawAreEffects() {
    let app = BrowserApp(timeline: Fixtures.timeline())
    app.handle(.ctrl("l"))
    #expect(app.takeEffects() == [.redraw])
    #expect(app.takeEffects().isEmpty)
    #expect(!app.handle(.character("q")))
  }

  /// A focus change while a search is in force runs the search again at once; the selected
  /// quote stays selected even when it lies beyond the first page of rows.
  @Test func aFocusChangeKeepsASelectionBeyondTheFirstPage() {
    let timeline = Fixtures.timeline(Fixtures.manyQuotes(400))
    var state = Fixtures.state(timeline).pressing("3/extra<Enter>")
    let page = state.quoteRows.count
    for _ in 0..<(page + 30) { state.press("j") }
    let selected = state.selectedIndex(.quotes)
    #expect(state.quotes.selected >= page, "the selection lies beyond the first page")
    state.press("<Enter>")  // follow the quote to its speaker
    #expect(state.focus == .person(actorID: "trump"))
    #expect(state.pane == .quotes)
    #expect(state.selectedIndex(.quotes) == selected, "following keeps the quote selected")
    state.press("0")  // the whole story again
    #expect(state.focus == .none)
    #expect(state.selectedIndex(.quotes) == selected, "clearing the focus keeps it too")
    #expect(state.search[.quotes].query == "extra")
  }
}

/// A flag one thread sets and another reads.
private final class Flag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false

  func set() { lock.withLock { value = true } }
  var isSet: Bool { lock.withLock { value } }
}
