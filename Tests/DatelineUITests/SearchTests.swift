import DatelineModel
import Testing

@testable import DatelineUI

/// `/` search: narrowing as you type, the query language, Enter/Esc, n/N and history.
@Suite struct SearchTests {
  func quoteIDs(_ state: BrowserState) -> [String] {
    (0..<state.quoteRows.count).map { state.timeline.quotes[state.quoteRows[$0]].quote.id }
  }

  @Test func narrowsOnEveryKeystrokeWithALiveCount() {
    var state = Fixtures.state().pressing("3/")
    #expect(state.search.isEditing)
    #expect(state.pane == .quotes)
    #expect(state.quoteRows.count == 6)
    var counts: [Int] = []
    for key in ["p", "e", "a", "c", "e"] {
      state.press(key)
      counts.append(state.quoteRows.count)
    }
    #expect(counts.last == 2)
    #expect(counts == counts.sorted(by: >), "each keystroke narrows")
    #expect(Set(quoteIDs(state)) == ["q3", "q5"])
    #expect(state.screen.contains("/peace"))
    #expect(state.screen.contains("2 matches"))
  }

  @Test func allWordsMustAppear() {
    let state = Fixtures.state().pressing("3/believe wrong")
    #expect(quoteIDs(state) == ["q2"])
  }

  @Test func aQuotedPhraseMatchesAsAPhrase() {
    #expect(Set(quoteIDs(Fixtures.state().pressing("3/\"the peace\""))) == ["q5"])
    #expect(quoteIDs(Fixtures.state().pressing("3/\"peace the\"")).isEmpty)
  }

  @Test func atNameNarrowsToASpeaker() {
    let state = Fixtures.state().pressing("3/@macron")
    #expect(Set(quoteIDs(state)) == ["q3", "q5"])
    let both = Fixtures.state().pressing("3/@trump deal")
    #expect(Set(quoteIDs(both)) == ["q1", "q2"])
  }

  @Test func smartCase() {
    #expect(Set(quoteIDs(Fixtures.state().pressing("3/deal"))) == ["q1", "q2"])
    #expect(quoteIDs(Fixtures.state().pressing("3/Deal")) == ["q2"])
  }

  @Test func enterKeepsTheResult() {
    let state = Fixtures.state().pressing("3/deal<Enter>")
    #expect(!state.search.isEditing)
    #expect(state.search.query == "deal")
    #expect(Set(quoteIDs(state)) == ["q1", "q2"])
    #expect(state.message?.hasPrefix("2 quotes match") == true)
    #expect(state.screen.contains("Quotes /deal"))
  }

  @Test func escRestoresThePreviousView() {
    let before = Fixtures.state().pressing("3jj")
    let after = before.pressing("/deal<Esc>")
    #expect(!after.search.isEditing)
    #expect(after.search.query == "")
    #expect(after.pane == .quotes)
    #expect(after.quotes == before.quotes)
    #expect(after.quoteRows == before.quoteRows)
    // And with an earlier search in force, Esc goes back to it.
    let kept = Fixtures.state().pressing("3/peace<Enter>/deal<Esc>")
    #expect(kept.search.query == "peace")
    #expect(Set(quoteIDs(kept)) == ["q3", "q5"])
  }

  @Test func nAndCapitalNStepThroughMatches() {
    var state = Fixtures.state().pressing("3/peace<Enter>1")
    state.press("n")
    #expect(state.pane == .quotes)
    #expect(state.quotes.selected == 1)
    #expect(state.message == "Match 2/2")
    state.press("n")
    #expect(state.quotes.selected == 0, "wraps around")
    state.press("N")
    #expect(state.quotes.selected == 1)
    #expect(Fixtures.state().pressing("n").message?.contains("No search yet") == true)
  }

  @Test func searchHistoryWithUpAndDown() {
    var state = Fixtures.state().pressing("3/deal<Enter>/peace<Enter>/wa")
    state.press("<Up>")
    #expect(state.search.query == "peace")
    state.press("<Up>")
    #expect(state.search.query == "deal")
    state.press("<Up>")
    #expect(state.search.query == "deal", "stops at the oldest")
    #expect(Set(quoteIDs(state)) == ["q1", "q2"], "recalled queries narrow too")
    state.press("<Down>")
    #expect(state.search.query == "peace")
    state.press("<Down>")
    #expect(state.search.query == "wa", "back to what was typed")
  }

  @Test func backspaceAndCtrlUEditTheQuery() {
    var state = Fixtures.state().pressing("3/deals")
    #expect(quoteIDs(state).isEmpty)
    #expect(state.screen.contains("No quotes match \"deals\""))
    state.press("<BS>")
    #expect(state.search.query == "deal")
    #expect(quoteIDs(state).count == 2)
    state.press("<C-u>")
    #expect(state.search.query == "")
    #expect(state.quoteRows.count == 6)
  }

  @Test func searchWorksWithinAFocusedPerson() {
    var state = Fixtures.state().pressing("2")
    while state.selectedActor?.actor.id != "trump" { state.press("j") }
    state.press("<Enter>3/deal")
    #expect(Set(quoteIDs(state)) == ["q1", "q2"])
    // Esc steps out one level at a time: the search first, then the person (issue 10).
    state.press("<Enter><Esc>")
    #expect(state.focus == .person(actorID: "trump"))
    #expect(Set(quoteIDs(state)) == ["q1", "q2", "q4"], "the search clears, the focus stays")
    state.press("<Esc>")
    #expect(state.focus == .none)
    #expect(state.quoteRows.count == 6, "a second Esc clears the focus")
  }

  @Test func matchesAreHighlightedInTheQuotesPane() {
    let state = Fixtures.state().pressing("3/deal")
    let grid = ScreenView.render(state)
    var highlighted = ""
    for y in 0..<grid.height {
      for x in 0..<grid.width
      where grid[x, y].style.role == .match
        || grid[x, y].style.attributes.contains(.underline)
          && grid[x, y].style.attributes.contains(.bold)
      {
        highlighted.append(grid[x, y].character)
      }
    }
    #expect(highlighted.contains("deal"))
  }

  @Test func typingInThePromptDoesNotTriggerBindings() {
    var state = Fixtures.state()
    #expect(state.press("/qjk?").isEmpty, "no quit")
    #expect(!state.showsHelp)
    #expect(state.search.query == "qjk?")
  }
}
