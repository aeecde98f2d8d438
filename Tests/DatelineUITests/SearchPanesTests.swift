import DatelineModel
import Testing

@testable import DatelineUI

/// `/` searches the focused pane (issue 10): events by headline and summary, people by name,
/// alias and role, quotes by text; `a | b`; the `@name` suggestion; n/N and history per pane.
@Suite struct SearchPanesTests {
  func ids(_ state: BrowserState, _ pane: Pane) -> Set<String> {
    let rows = state.rows(pane)
    return Set(
      (0..<rows.count).map { position -> String in
        switch pane {
        case .events: state.timeline.events[rows[position]].event.id
        case .people: state.timeline.actors[rows[position]].actor.id
        case .quotes: state.timeline.quotes[rows[position]].quote.id
        }
      })
  }

  @Test func slashInEventsSearchesHeadlinesAndSummaries() {
    let state = Fixtures.state().pressing("1/peace")
    #expect(state.pane == .events)
    #expect(state.search.pane == .events)
    #expect(ids(state, .events) == ["oval", "call"], "summary and headline")
    #expect(state.quoteRows.count == 6, "the quotes are not searched")
    #expect(state.screen.contains("Events /peace"))
    #expect(state.screen.contains("2 matches"))
    #expect(ids(Fixtures.state().pressing("1/@putin"), .events) == ["call"], "@name: a participant")
  }

  @Test func slashInPeopleSearchesNamesAliasesAndRoles() {
    #expect(
      ids(Fixtures.state().pressing("2/president of"), .people)
        == ["trump", "macron", "putin", "zelenskyy"])
    #expect(ids(Fixtures.state().pressing("2/keir"), .people) == ["starmer"])
    #expect(ids(Fixtures.state().pressing("2/envoy | russia"), .people) == ["shea", "putin"])
    let none = Fixtures.state().pressing("2/zebra")
    #expect(none.screen.contains("No people match \"zebra\""))
  }

  @Test func aBarIsOrInQuotes() {
    let state = Fixtures.state().pressing("3/peace | deal<Enter>")
    #expect(ids(state, .quotes) == ["q1", "q2", "q3", "q5"])
    #expect(state.message?.hasPrefix("4 quotes match") == true)
    #expect(state.screen.contains("Quotes /peace | deal"))
    // Typing on from "peace |" widens again: the new alternative is searched in full.
    var typed = Fixtures.state().pressing("3/peace |")
    #expect(ids(typed, .quotes) == ["q3", "q5"], "an empty alternative is ignored")
    typed.press(" war")
    #expect(ids(typed, .quotes) == ["q3", "q5", "q4", "q6"])
  }

  @Test func orMatchesAreHighlighted() {
    let state = Fixtures.state().pressing("3/peace | deal")
    let grid = ScreenView.render(state)
    var highlighted = ""
    for y in 0..<grid.height {
      for x in 0..<grid.width where grid[x, y].style == Theme.on(Theme.match, row: Theme.text) {
        highlighted.append(grid[x, y].character)
      }
    }
    #expect(highlighted.contains("deal") && highlighted.contains("peace"))
  }

  @Test func aWordThatNamesASpeakerSuggestsAtName() {
    let state = Fixtures.state().pressing("3/macron<Enter>")
    #expect(state.message == "No quotes contain \"macron\"; try @macron")
    #expect(state.screen.contains("No quotes contain \"macron\"; try @macron"))
    let combined = Fixtures.state().pressing("3/peace macron")
    #expect(combined.screen.contains("try peace @macron"))
    #expect(ids(Fixtures.state().pressing("3/peace @macron"), .quotes) == ["q3", "q5"])
    let nobody = Fixtures.state().pressing("3/zebra<Enter>")
    #expect(nobody.message?.contains("try") == false, "no suggestion without a speaker")
  }

  @Test func eachPaneKeepsItsOwnQueryAndNSteps() {
    var state = Fixtures.state().pressing("1/trump<Enter>3/peace<Enter>")
    #expect(state.search[.events].query == "trump")
    #expect(state.search[.quotes].query == "peace")
    #expect(ids(state, .events) == ["oval", "starmer-meeting", "call"])
    #expect(ids(state, .quotes) == ["q3", "q5"])
    state.press("1n")
    #expect(state.pane == .events, "n steps the focused pane's matches")
    #expect(state.message == "Match 2/3")
    state.press("3n")
    #expect(state.pane == .quotes)
    #expect(state.message == "Match 2/2")
    state.press("2n")
    #expect(state.pane == .quotes, "an unsearched pane: n goes to the pane searched last")
  }

  @Test func historyIsPerPane() {
    var state = Fixtures.state().pressing("3/deal<Enter>1/trump<Enter>/")
    state.press("<Up>")
    #expect(state.search.query == "trump")
    state.press("<Up>")
    #expect(state.search.query == "trump", "the quotes' history is not the events'")
    state.press("<Esc>3/<Up>")
    #expect(state.search.query == "deal")
  }

  @Test func escClearsEverySearch() {
    var state = Fixtures.state().pressing("1/trump<Enter>3/peace<Enter>")
    state.press("<Esc>")
    #expect(!state.search.isActive)
    #expect(state.eventRows.count == 5 && state.quoteRows.count == 6)
  }

  @Test func searchingPeopleInAPersonFocusKeepsTheReasonsRight() {
    var state = Fixtures.state()
    state.selectPerson(named: "Trump")
    state.press("<Enter>/macron")
    let rows = state.peopleRows
    #expect(rows.count == 1)
    #expect(state.selectedRelated?.actor.id == "macron")
    #expect(state.screen.contains("↳"), "the related actor keeps its mark and reason")
    state.press("<Enter>]")
    #expect(state.search[.people].query.isEmpty, "] shows every related actor again")
    #expect(state.selectedRelated != nil)
  }
}
