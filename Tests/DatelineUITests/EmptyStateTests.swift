import DatelineModel
import Testing

@testable import DatelineUI

@Suite struct EmptyStateTests {
  @Test func anEmptyDatasetShowsWhatIsMissing() {
    var state = Fixtures.state(Fixtures.timeline(Dataset()))
    #expect(state.screen.contains("No events in this story"))
    #expect(state.screen.contains("No people in this story"))
    #expect(state.screen.contains("No quotes in this story"))
    #expect(state.screen.contains("0/0"))
    state.press("<Enter>jkG]/x<Enter>nN<Esc><>e")
    Invariants.check(state, "empty dataset")
    #expect(state.focus == .none)
  }

  @Test func aPersonWithNoQuotes() {
    var state = Fixtures.state().pressing("2")
    while state.selectedActor?.actor.id != "putin" { state.press("j") }
    state.press("<Enter>")
    #expect(state.quoteRows.isEmpty)
    #expect(state.screen.contains("No quotes by Vladimir Putin"))
  }

  @Test func anEventWithNoParticipants() {
    var state = Fixtures.state().pressing("1g")
    while state.selectedEvent?.event.id != "no-one" { state.press("j") }
    state.press("<Enter>")
    #expect(state.peopleRows.isEmpty)
    #expect(state.quoteRows.isEmpty)
    let screen = state.screen
    #expect(screen.contains("No participants recorded for this event"))
    #expect(screen.contains("No quotes from this event"))
    #expect(screen.contains("Who: no participants recorded"))
  }

  @Test func aSearchWithNoMatches() {
    let state = Fixtures.state().pressing("3/zebra")
    #expect(state.screen.contains("No quotes match \"zebra\""))
    #expect(state.screen.contains("0 matches"))
  }
}
