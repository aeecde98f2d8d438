import DatelineTestSupport
import Testing

@testable import DatelineModel

/// `QuoteQuery.foldPunctuation` looks for the marks it folds in the UTF-8 bytes and folds a
/// mark when it is one scalar that makes a character of its own; it must fold exactly what
/// comparing characters folded before: not a mark that a combining or spacing mark follows or
/// a prepended mark precedes (one character with it), nor the scalars that share its bytes.
@Suite struct PunctuationFoldingTests {
  /// Whether the text needs folding, as it was decided before the byte search.
  static func holdsMarksByScalar(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x2018...0x201F).contains($0.value) || $0.value == 0x2BC }
  }

  /// The folding as characters compared (and hashed) by Swift, as before.
  static let plainForms: [Character: Character] = [
    "\u{2018}": "'", "\u{2019}": "'", "\u{201B}": "'", "\u{2BC}": "'", "\u{201C}": "\"",
    "\u{201D}": "\"", "\u{201F}": "\"",
  ]

  /// Pieces that share UTF-8 bytes with the folded marks: U+2010 to U+2027 (E2 80 90 to
  /// E2 80 A7), U+02BB and U+02BD (CA BB, CA BD), U+2190 (E2 86 90); a combining mark (U+0301),
  /// a joiner (U+200D) and a spacing mark (U+0903) to follow a mark, a prepended mark (U+0600)
  /// to precede one, and plain text.
  static let pieces: [String] =
    (0x2010...0x2027).map { String(UnicodeScalar($0)!) } + [
      "\u{2BB}", "\u{2BC}", "\u{2BD}", "\u{2190}", "\u{301}", "\u{200D}", "a", "Z", " ", "'",
      "\"", "don", "t", "é", "日本", "😀", "\r\n", "\u{E2}", "\u{CA}", "\u{903}", "\u{600}",
    ]

  @Test(arguments: 1...8 as ClosedRange<UInt64>)
  func foldsWhatComparingCharactersFolded(seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    for _ in 0..<500 {
      let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in
        Self.pieces.randomElement(using: &random)!
      }.joined()
      #expect(
        QuoteQuery.holdsMarksToFold(text) == Self.holdsMarksByScalar(text),
        "\(text.debugDescription)")
      let expected = String(text.map { Self.plainForms[$0] ?? $0 })
      // Byte for byte: `==` on strings would take canonically equivalent text as equal.
      #expect(
        Array(QuoteQuery.foldPunctuation(text).utf8) == Array(expected.utf8),
        "\(text.debugDescription)")
    }
  }

  @Test func foldsTheMarksAndLeavesTheirNeighboursAlone() {
    #expect(QuoteQuery.foldPunctuation("don\u{2019}t \u{201C}no\u{201D}") == "don't \"no\"")
    #expect(QuoteQuery.foldPunctuation("\u{2BC}\u{2018}\u{201B}\u{201F}") == "'''\"")
    // Scalars that begin with the marks' first bytes but are not marks.
    for text in ["\u{2014}", "\u{2020}", "\u{2190}", "\u{2BB}", "\u{2BD}", "x\u{2026}"] {
      #expect(!QuoteQuery.holdsMarksToFold(text), "\(text.debugDescription)")
    }
    // One character with a combining mark is not the mark: left as it is.
    #expect(QuoteQuery.foldPunctuation("a\u{2019}\u{301}b") == "a\u{2019}\u{301}b")
  }
}
