import DatelineModel
import Testing

@testable import DatelineUI

/// Enter, e, ] and [, < and >, Esc, and the breadcrumb.
@Suite struct FollowTests {
  /// People pane with the selection on `name`.
  func onPerson(_ name: String, _ start: BrowserState = Fixtures.state()) -> BrowserState {
    var state = start.pressing("2g")
    while state.selectedActor?.actor.name != name {
      let before = state.people.selected
      state.press("j")
      if state.people.selected == before {
        Issue.record("no \(name) in People")
        break
      }
    }
    return state
  }

  func eventRow(_ id: String, _ state: BrowserState) -> Int? {
    (0..<state.eventRows.count).first { state.timeline.events[state.eventRows[$0]].event.id == id }
  }

  @Test func enterOnAPersonFocusesOnThem() {
    let state = onPerson("Donald Trump").pressing("<Enter>")
    #expect(state.focus == .person(actorID: "trump"))
    #expect(state.pane == .people)
    #expect(state.selectedActor?.actor.id == "trump")
    let eventIDs = (0..<state.eventRows.count).map {
      state.timeline.events[state.eventRows[$0]].event.id
    }
    #expect(Set(eventIDs) == ["oval", "starmer-meeting", "call"])
    let speakers = Set(
      (0..<state.quoteRows.count).map { state.timeline.quotes[state.quoteRows[$0]].quote.speaker })
    #expect(speakers == ["trump"])
    #expect(state.quoteRows.count == 3)
    let relatedNames = state.related.map(\.actor.name)
    #expect(relatedNames.contains("Vladimir Putin") && relatedNames.contains("Emmanuel Macron"))
    #expect(state.breadcrumb == ["Donald Trump"])
    #expect(state.screen.contains("⌂ Donald Trump"))
  }

  @Test func relatedActorsAreListedWithReasons() {
    let state = onPerson("Donald Trump").pressing("<Enter>")
    let screen = state.screen
    #expect(screen.contains("↳ Vladimir Pu") || screen.contains("↳ Vladimir Putin"))
    for related in state.related {
      #expect(!related.reasons.isEmpty, "\(related.actor.name) is related without a reason")
    }
    #expect(screen.contains("Related:"))
  }

  @Test func bracketsStepThroughRelatedActorsAndEnterJumps() {
    var state = onPerson("Donald Trump").pressing("<Enter>")
    let count = state.related.count
    #expect(count >= 2)
    state.press("]")
    #expect(state.selectedRelated?.actor.id == state.related[0].actor.id)
    #expect(state.message?.hasPrefix("Related 1/\(count)") == true)
    state.press("]")
    #expect(state.selectedRelated?.actor.id == state.related[1].actor.id)
    state.press("[")
    #expect(state.selectedRelated?.actor.id == state.related[0].actor.id)
    state.press("[")
    #expect(state.selectedRelated?.actor.id == state.related[count - 1].actor.id, "wraps around")
    // Step to Putin and jump there.
    while state.selectedRelated?.actor.id != "putin" { state.press("]") }
    state.press("<Enter>")
    #expect(state.focus == .person(actorID: "putin"))
    #expect(state.breadcrumb == ["Donald Trump", "Vladimir Putin"])
    #expect(state.screen.contains("Donald Trump > Vladimir Putin"))
  }

  @Test func bracketOnAPersonInTheWholeStoryFocusesThemFirst() {
    let state = onPerson("Donald Trump").pressing("]")
    #expect(state.focus == .person(actorID: "trump"))
    #expect(state.selectedRelated != nil)
  }

  @Test func bracketWithoutAPersonExplains() {
    let state = Fixtures.state().pressing("]")
    #expect(state.focus == .none)
    #expect(state.message?.contains("Focus a person first") == true)
  }

  @Test func backAndForwardWalkTheHistory() {
    var state = onPerson("Donald Trump").pressing("<Enter>")
    while state.selectedRelated?.actor.id != "putin" { state.press("]") }
    state.press("<Enter>")
    #expect(state.focus == .person(actorID: "putin"))
    state.press("<")
    #expect(state.focus == .person(actorID: "trump"))
    #expect(state.selectedRelated?.actor.id == "putin", "back restores the selection")
    #expect(state.breadcrumb == ["Donald Trump"])
    state.press(">")
    #expect(state.focus == .person(actorID: "putin"))
    state.press("<BS>")
    #expect(state.focus == .person(actorID: "trump"))
    state.press("<")
    #expect(state.focus == .none)
    state.press("<")
    #expect(state.message == "Nothing to go back to")
    state.press(">>")
    #expect(state.focus == .person(actorID: "putin"))
    state.press(">")
    #expect(state.message == "Nothing to go forward to")
  }

  @Test func escClearsTheFocusAndCanBeUndone() {
    var state = onPerson("Donald Trump").pressing("<Enter><Esc>")
    #expect(state.focus == .none)
    #expect(state.eventRows.count == state.timeline.events.count)
    #expect(state.breadcrumb == ["All"])
    state.press("<")
    #expect(state.focus == .person(actorID: "trump"))
  }

  @Test func enterOnAnEventShowsItsParticipantsAndQuotes() {
    var state = Fixtures.state().pressing("1g")
    while state.selectedEvent?.event.id != "oval" { state.press("j") }
    state.press("<Enter>")
    #expect(state.focus == .event(eventID: "oval"))
    #expect(state.selectedEvent?.event.id == "oval")
    let people = Set(
      (0..<state.peopleRows.count).map { state.timeline.actors[state.peopleRows[$0]].actor.id })
    #expect(people == ["trump", "macron"])
    let quotes = Set(
      (0..<state.quoteRows.count).map { state.timeline.quotes[state.quoteRows[$0]].quote.id })
    #expect(quotes == ["q1", "q2", "q3", "q4", "q5"])
    let screen = state.screen
    #expect(screen.contains("Who: Donald Trump, Emmanuel Macron"))
    #expect(screen.contains("People · at Trump hosts Macron"))
  }

  @Test func enterOnAQuoteGoesToItsSpeakerAndEGoesToItsEvent() {
    var state = Fixtures.state().pressing("3g")
    while state.selectedQuote?.quote.id != "q3" { state.press("j") }
    var speaker = state.pressing("<Enter>")
    #expect(speaker.focus == .person(actorID: "macron"))
    #expect(speaker.pane == .quotes)
    #expect(speaker.selectedQuote?.quote.id == "q3", "the quote stays selected")
    speaker.press("<")
    #expect(speaker.focus == .none)
    state.press("e")
    #expect(state.focus == .event(eventID: "oval"))
    #expect(state.selectedEvent?.event.id == "oval")
    #expect(state.selectedQuote?.quote.id == "q3")
  }

  @Test func eOnAQuoteWithoutEventExplains() {
    var state = BrowserState(
      timeline: Fixtures.timeline(Fixtures.manyQuotes(1)), width: 120, height: 40
    ).pressing("3G")
    #expect(state.selectedQuote?.quote.event == nil)
    state.press("e")
    #expect(state.message == "This quote is not tied to an event")
  }

  @Test func enterOnTheFocusedPersonAgainDoesNotGrowTheHistory() {
    var state = onPerson("Donald Trump").pressing("<Enter>")
    let depth = state.history.backStack.count
    state.press("g<Enter>")
    #expect(state.history.backStack.count == depth)
    #expect(state.message?.contains("Already focused") == true)
  }
}
