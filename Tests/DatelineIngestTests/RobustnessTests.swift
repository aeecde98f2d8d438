import DatelineIngest
import DatelineModel
import Foundation
import Testing

struct RobustnessTests {
  @Test func emptyAndBlankTextsGiveEmptyAnalyses() {
    for text in ["", "\n\n\n", "   ", "\"", "“”", "\u{0}\u{1}\u{7F}"] {
      let analysis = ArticleAnalysis(
        text: text, published: PublicationHeader.parseOption("2025-02-24"))
      #expect(analysis.quotes.isEmpty)
      #expect(analysis.events.isEmpty)
    }
  }

  @Test func binaryGarbageNeverCrashes() throws {
    var generator = SplitMix(seed: 42)
    for _ in 0..<20 {
      let bytes = (0..<4000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
      let text = String(decoding: bytes, as: UTF8.self)
      let analysis = ArticleAnalysis(
        text: text, published: PublicationHeader.parseOption("2025-02-24"))
      var builder = DatasetBuilder()
      builder.add(analysis, file: "garbage.bin", publisher: nil)
      _ = try Timeline(dataset: builder.dataset)
    }
  }

  @Test func unbalancedQuotesRunToTheParagraphEnd() {
    let text =
      "He said \"this never closes, Smith said.\n\nNext paragraph” with a stray mark. \"And \"two opens,\" she said."
    let analysis = ArticleAnalysis(
      text: text, published: PublicationHeader.parseOption("2025-02-24"))
    #expect(analysis.article.quoteSpans.count >= 2)
    #expect(
      analysis.article.quoteSpans.allSatisfy { $0.range.upperBound <= text.unicodeScalars.count })
  }

  @Test func hugeParagraphIsHandledInOnePass() {
    let sentence =
      "Officials in Brussels said on Monday that talks would resume \"within weeks,\" Jane Roe said. "
    let text = String(repeating: sentence, count: 5000)
    let analysis = ArticleAnalysis(
      text: text, published: PublicationHeader.parseOption("2025-02-24"))
    #expect(analysis.article.paragraphs.count == 1)
    #expect(analysis.quotes.count == 5000)
  }
}

/// A small deterministic generator, so the garbage is the same on every run.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
