import DatelineModel
import Testing

@testable import DatelineUI

/// Every binding in the keymap does what its help line says.
@Suite struct KeyBindingTests {
  @Test(arguments: Keymap.standard.bindings)
  func everyBindingRoutesToItsAction(binding: Keymap.Binding) {
    let state = Fixtures.state()
    #expect(BrowserApp.message(for: binding.key, in: state) == .action(binding.action))
  }

  @Test func everyActionHasAKeyAndAHelpLine() {
    let help = HelpView.lines(.standard, width: 120).map(\.0).joined(separator: "\n")
    for action in BrowserAction.allCases {
      #expect(!Keymap.standard.keys(for: action).isEmpty, "\(action) has no key")
      #expect(help.contains(action.summary), "\(action) is missing from help")
    }
  }

  @Test func unboundKeysSaySo() {
    let state = Fixtures.state().pressing("Z")
    #expect(state.message?.contains("Z does nothing") == true)
    #expect(state.screen.contains("Z does nothing here; press ? for help"))
  }

  @Test func jAndDownMoveDownKAndUpMoveUp() {
    var state = Fixtures.state().pressing("2")
    #expect(state.people.selected == 0)
    state.press("j")
    #expect(state.people.selected == 1)
    state.press("<Down>")
    #expect(state.people.selected == 2)
    state.press("k")
    #expect(state.people.selected == 1)
    state.press("<Up>")
    #expect(state.people.selected == 0)
    state.press("k")
    #expect(state.people.selected == 0, "stays at the top")
  }

  @Test func gHomeGoToTopAndGEndToBottom() {
    var state = Fixtures.state().pressing("2G")
    #expect(state.people.selected == state.peopleRows.count - 1)
    state.press("g")
    #expect(state.people.selected == 0)
    state.press("<End>")
    #expect(state.people.selected == state.peopleRows.count - 1)
    state.press("<Home>")
    #expect(state.people.selected == 0)
  }

  @Test func pageKeysMoveByAScreenAndHalfPageKeysByHalf() {
    let timeline = Fixtures.timeline(Fixtures.manyQuotes(100))
    var state = BrowserState(timeline: timeline, width: 80, height: 24).pressing("3")
    let viewport = state.layout.viewport(for: .quotes)
    state.press("<PgDn>")
    #expect(state.quotes.selected == viewport)
    state.press("<PgUp>")
    #expect(state.quotes.selected == 0)
    state.press("<C-d>")
    #expect(state.quotes.selected == viewport / 2)
    state.press("<C-u>")
    #expect(state.quotes.selected == 0)
    state.press("<Space>")
    #expect(state.quotes.selected == viewport)
  }

  @Test func tabShiftTabAndNumbersSwitchPanes() {
    var state = Fixtures.state()
    #expect(state.pane == .events)
    state.press("<Tab>")
    #expect(state.pane == .people)
    state.press("<Tab><Tab>")
    #expect(state.pane == .events)
    state.press("<S-Tab>")
    #expect(state.pane == .quotes)
    state.press("1")
    #expect(state.pane == .events)
    state.press("2")
    #expect(state.pane == .people)
    state.press("3")
    #expect(state.pane == .quotes)
    state.press("l")
    #expect(state.pane == .events)
    state.press("h")
    #expect(state.pane == .quotes)
    state.press("<Right>")
    #expect(state.pane == .events)
    state.press("<Left>")
    #expect(state.pane == .quotes)
  }

  @Test func questionMarkShowsHelpAndClosesIt() {
    var state = Fixtures.state().pressing("?")
    #expect(state.showsHelp)
    #expect(state.screen.contains("Dateline keys"))
    state.press("?")
    #expect(!state.showsHelp)
    #expect(state.press("?q").isEmpty && !state.showsHelp, "q closes help first")
    state.press("?<Esc>")
    #expect(!state.showsHelp)
  }

  @Test func helpScrollsWithMovementKeys() {
    var state = BrowserState(timeline: Fixtures.timeline(), width: 60, height: 12).pressing("?")
    state.press("jj")
    #expect(state.helpTop == 2)
    state.press("k")
    #expect(state.helpTop == 1)
    state.press("G")
    let last = state.helpTop
    #expect(last > 0)
    state.press("j")
    #expect(state.helpTop == last, "cannot scroll past the end")
    state.press("g")
    #expect(state.helpTop == 0)
  }

  @Test func qAndCtrlCQuit() {
    #expect(Fixtures.state().effects(of: "q") == [.quit])
    #expect(Fixtures.state().effects(of: "<C-c>") == [.quit])
    #expect(Fixtures.state().effects(of: "?<C-c>") == [.quit], "Ctrl-C quits from help")
    #expect(Fixtures.state().effects(of: "/de<C-c>") == [.quit], "Ctrl-C quits from the prompt")
  }

  @Test func appHandleReturnsFalseOnQuit() {
    let app = BrowserApp(timeline: Fixtures.timeline())
    #expect(app.handle(.character("j")))
    #expect(!app.handle(.character("q")))
  }

  @Test func ctrlLRequestsOneRedraw() {
    let app = BrowserApp(timeline: Fixtures.timeline())
    #expect(!app.takeRedrawRequest())
    app.handle(.ctrl("l"))
    #expect(app.takeRedrawRequest())
    #expect(!app.takeRedrawRequest())
  }
}
