import Testing

@testable import DatelineUI

@Suite struct TerminalTextTests {
  @Test func dropsCSIAndOSCSequences() {
    #expect(TerminalText.sanitize("a\u{1B}[31mred\u{1B}[0m b") == "ared b")
    #expect(TerminalText.sanitize("x\u{1B}]0;pwned\u{07}y") == "xy")
    #expect(TerminalText.sanitize("x\u{1B}]8;;http://e\u{1B}\\link\u{1B}]8;;\u{1B}\\y") == "xlinky")
    #expect(TerminalText.sanitize("x\u{9B}2Jy") == "xy")
    #expect(TerminalText.sanitize("x\u{1B}Pq#0\u{1B}\\y") == "xy")
    #expect(TerminalText.sanitize("x\u{1B}cy") == "xy")
  }

  @Test func replacesOtherControlsWithPlaceholder() {
    #expect(
      TerminalText.sanitize("a\u{07}b\u{7F}c\u{85}d\u{0}e")
        == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e")
  }

  @Test func turnsWhitespaceControlsIntoSpacesOrNewlines() {
    #expect(TerminalText.sanitize("a\tb\nc\r\nd") == "a b c d")
    #expect(TerminalText.sanitize("a\r\nb\rc", keepNewlines: true) == "a\nb\nc")
  }

  @Test func removesBidiOverrides() {
    #expect(TerminalText.sanitize("ab\u{202E}cd\u{2066}e") == "abcde")
  }

  @Test func leavesOrdinaryTextAlone() {
    let text = "Chargé d'Affaires — Zelenskyy 日本 👍🏽 e\u{301}"
    #expect(TerminalText.sanitize(text) == text)
  }

  @Test func measuresDisplayWidth() {
    #expect(TerminalText.width(of: "abc") == 3)
    #expect(TerminalText.width(of: "日本語") == 6)
    #expect(TerminalText.width(of: "e\u{301}") == 1)
    #expect(TerminalText.width(of: "👍") == 2)
    #expect(TerminalText.width(of: "👍🏽") == 2)
    #expect(TerminalText.width(of: "👨‍👩‍👧") == 2)
    #expect(TerminalText.width(of: "❤️") == 2)
    #expect(TerminalText.width(of: "ｈｉ") == 4)
    #expect(TerminalText.width(of: "🇫🇷") == 2)
    #expect(TerminalText.width(of: "—") == 1)
    #expect(TerminalText.width(of: "\u{200B}") == 0)
  }

  @Test func truncatesByWidthWithEllipsis() {
    #expect(TerminalText.truncate("hello world", toWidth: 8) == "hello w…")
    #expect(TerminalText.truncate("hello", toWidth: 5) == "hello")
    #expect(TerminalText.truncate("日本語です", toWidth: 6) == "日本…")
    #expect(TerminalText.truncate("abc", toWidth: 0) == "")
    #expect(TerminalText.truncate("abc", toWidth: 1) == "…")
  }

  @Test func wrapsByWidthAndBreaksLongWords() {
    #expect(TerminalText.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
    #expect(TerminalText.wrap("abcdefghijkl xy", width: 5) == ["abcde", "fghij", "kl xy"])
    #expect(TerminalText.wrap("日本語日本語", width: 5) == ["日本", "語日", "本語"])
    #expect(TerminalText.wrap("a\nb", width: 5) == ["a", "b"])
    #expect(TerminalText.wrap("anything", width: 0) == [])
    for line in TerminalText.wrap("Zelenskyy could visit 👍👍👍👍 in the next two weeks", width: 7) {
      #expect(TerminalText.width(of: line) <= 7)
    }
  }
}
