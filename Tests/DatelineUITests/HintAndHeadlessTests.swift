import DatelineModel
import Testing

@testable import DatelineUI

@Suite struct HintAndHeadlessTests {
  @Test func theHintLineComesFromTheKeymapAndFits() {
    let keymap = Keymap.standard
    let full = keymap.hintLine()
    #expect(full.contains("j/k move") && full.contains("/ search") && full.contains("q quit"))
    for width in [20, 40, 80] {
      let hint = keymap.hintLine(width: width)
      #expect(hint.hasSuffix("? help  q quit"), "help and quit always offered")
      #expect(TerminalText.width(of: hint) <= max(width, TerminalText.width(of: "? help  q quit")))
    }
    let custom = Keymap([
      Keymap.Binding(.character("x"), .quit), Keymap.Binding(.character("h"), .help),
    ])
    #expect(custom.hintLine() == "h help  x quit")
  }

  @Test func headlessRunsKeysAndStopsAtQuit() throws {
    let timeline = Fixtures.timeline()
    let screen = try HeadlessSession.run(
      timeline: timeline, width: 100, height: 30, keys: "2<Enter>q3")
    #expect(screen.contains("▶ People · Donald Trump & related"), "the 3 after q is not applied")
    #expect(screen.split(separator: "\n", omittingEmptySubsequences: false).count == 30)
    #expect(throws: KeyNotation.ParseError.self) {
      try HeadlessSession.run(timeline: timeline, width: 100, height: 30, keys: "<Nope>")
    }
  }

  @Test func screenSizesParse() {
    #expect(HeadlessSession.parseScreenSize("100x30")! == (100, 30))
    #expect(HeadlessSession.parseScreenSize("80X24")! == (80, 24))
    for bad in ["", "100", "x30", "100x", "0x10", "-1x5", "axb", "100x30x2", "5000x10"] {
      #expect(HeadlessSession.parseScreenSize(bad) == nil, "\(bad)")
    }
  }
}
