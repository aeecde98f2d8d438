import DatelineModel
import Testing

@testable import DatelineUI

/// Issue 10's keys: y, Y, o, e, Esc one level, Ctrl-Z.
@Suite struct CopyOpenAndStepOutTests {
  static let sourceWithURL = Source(
    id: "npr", publisher: "NPR", title: "Trump and Macron meet",
    published: "2025-02-24T16:19:00-05:00", url: "https://example.org/story")

  func timeline(url: Bool = true) -> Timeline {
    var dataset = Fixtures.miniDataset
    if url { dataset.sources = [Self.sourceWithURL] }
    return Fixtures.timeline(dataset)
  }

  /// Applies keys and collects the effects the app hands to a backend.
  func effects(_ keys: String, timeline: Timeline) throws -> (BrowserApp, [BrowserEffect]) {
    let app = BrowserApp(timeline: timeline, width: 120, height: 40)
    var effects: [BrowserEffect] = []
    for key in try KeyNotation.parse(keys) {
      app.handle(key)
      effects += app.takeEffects()
    }
    return (app, effects)
  }

  @Test func yCopiesTheQuoteWithItsCitation() throws {
    let (app, effects) = try effects("3gj", timeline: timeline())
    #expect(app.state.selectedQuote?.quote.id == "q2")
    let (_, copied) = try self.effects("3gjy", timeline: timeline())
    #expect(effects.isEmpty)
    #expect(
      copied == [
        .copy(
          "\"I may be wrong, but I believe he wants to make a Deal,\" Donald Trump said on Mon 24 Feb 2025 (NPR, \"Trump and Macron meet\")."
        )
      ])
  }

  @Test func aPartialQuoteRunsIntoTheSentence() throws {
    let timeline = timeline()
    let item = try #require(timeline.quote(id: "q6"))
    #expect(
      Citation.quote(item, in: timeline)
        == "Dorothy Shea said \"a durable end to the war\" on Mon 24 Feb 2025 (NPR, \"Trump and Macron meet\")."
    )
  }

  @Test func yOutsideQuotesSaysWhereToGo() throws {
    let (app, effects) = try effects("1y", timeline: timeline())
    #expect(effects.isEmpty)
    #expect(app.state.message?.contains("select one in Quotes (3)") == true)
  }

  @Test func capitalYCopiesAMarkdownLine() throws {
    let (_, effects) = try effects("1gY", timeline: timeline())
    #expect(
      effects == [
        .copy(
          "- **Wed 15 Jan 2025**: A deadline passes (occurred) — [NPR, “Trump and Macron meet”](https://example.org/story)"
        )
      ])
    #expect(Citation.escape("*bold* [x](y)") == "\\*bold\\* \\[x\\](y)")
  }

  @Test func oOpensTheSourceURLOrSaysThereIsNone() throws {
    let (_, opened) = try effects("3o", timeline: timeline())
    #expect(opened == [.open("https://example.org/story")])
    let (app, none) = try effects("3o", timeline: timeline(url: false))
    #expect(none.isEmpty)
    #expect(app.state.message == "No web address recorded for this source")
    let (person, nothing) = try effects("2o", timeline: timeline())
    #expect(nothing.isEmpty)
    #expect(person.state.message?.contains("People have no source page") == true)
    #expect(!Citation.isWebURL("file:///etc/passwd"))
    #expect(!Citation.isWebURL("javascript:alert(1)"))
  }

  @Test func headlessShowsWhatWouldBeCopiedOrOpened() throws {
    let copied = HeadlessSession.run(
      timeline: timeline(), width: 120, height: 40, keys: try KeyNotation.parse("3y"))
    #expect(copied.contains("Would copy: \"I really believe"))
    let opened = HeadlessSession.run(
      timeline: timeline(), width: 120, height: 40, keys: try KeyNotation.parse("3o"))
    #expect(opened.contains("Would open: https://example.org/story"))
  }

  @Test func ctrlZAsksToSuspend() throws {
    let (_, effects) = try effects("<C-z>", timeline: timeline())
    #expect(effects == [.suspend])
  }

  @Test func eOnAQuoteMovesTheFocusAndTheDetailToItsEvent() {
    var state = Fixtures.state(timeline())
    state.press("3e")
    #expect(state.focus == .event(eventID: "oval"))
    #expect(state.pane == .events)
    #expect(state.selectedEvent?.event.id == "oval")
    #expect(state.screen.contains("Detail · event"))
  }

  @Test func escStepsBackOneLevelAtATime() {
    var state = Fixtures.state(timeline())
    state.selectPerson(named: "Trump")
    state.press("<Enter>")
    #expect(state.focus == .person(actorID: "trump"))
    state.press("]<Enter>")  // to a related actor
    let related = state.focus
    #expect(related != .person(actorID: "trump") && related != .none)
    state.press("/deal<Enter>")
    // A search, then the related person, then Trump, then the whole story.
    state.press("<Esc>")
    #expect(state.search.query.isEmpty)
    #expect(state.focus == related)
    state.press("<Esc>")
    #expect(state.focus == .person(actorID: "trump"))
    state.press("<Esc>")
    #expect(state.focus == .none)
    state.press("<Esc>")
    #expect(state.message == "Showing the whole story")
    // 0 still clears everything at once.
    state.selectPerson(named: "Trump")
    state.press("<Enter>]<Enter>0")
    #expect(state.focus == .none)
  }

  @Test func messagesNameTheKeysAsBound() throws {
    let keymap = Keymap(
      Keymap.standard.bindings.filter { $0.action != .showQuotes } + [
        Keymap.Binding(.character("Q"), .showQuotes)
      ])
    var state = BrowserState(timeline: timeline(), width: 120, height: 40, keymap: keymap)
    state.press("1y")
    #expect(state.message?.contains("select one in Quotes (Q)") == true)
  }
}
