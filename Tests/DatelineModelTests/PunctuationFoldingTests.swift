import DatelineTestSupport
import Testing

@testable import DatelineModel

/// `QuoteQuery.foldPunctuation` looks for the marks it folds in the UTF-8 bytes; it must find
/// them exactly where looking at every Unicode scalar found them (as it did before), whatever
/// shares their first bytes, and leave text without them as it is. (Folding itself, character
/// by character once a mark is found, is as it was.)
@Suite struct PunctuationFoldingTests {
  /// Whether the text needs folding, as it was decided before the byte search.
  static func holdsMarksByScalar(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x2018...0x201F).contains($0.value) || $0.value == 0x2BC }
  }

  /// Pieces that share UTF-8 bytes with the folded marks: U+2010 to U+2027 (E2 80 90 to
  /// E2 80 A7), U+02BB and U+02BD (CA BB, CA BD), U+2190 (E2 86 90), a combining mark after a
  /// mark, and plain text.
  static let pieces: [String] =
    (0x2010...0x2027).map { String(UnicodeScalar($0)!) } + [
      "\u{2BB}", "\u{2BC}", "\u{2BD}", "\u{2190}", "\u{301}", "\u{200D}", "a", "Z", " ", "'",
      "\"", "don", "t", "é", "日本", "😀", "\r\n", "\u{E2}", "\u{CA}",
    ]

  @Test(arguments: 1...8 as ClosedRange<UInt64>)
  func findsTheMarksWhereLookingAtEveryScalarDid(seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    for _ in 0..<500 {
      let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in
        Self.pieces.randomElement(using: &random)!
      }.joined()
      let holds = Self.holdsMarksByScalar(text)
      #expect(QuoteQuery.holdsMarksToFold(text) == holds, "\(text.debugDescription)")
      if !holds {
        // Byte for byte: `==` on strings would take canonically equivalent text as equal.
        #expect(Array(QuoteQuery.foldPunctuation(text).utf8) == Array(text.utf8))
      }
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
