import DatelineIngest
import DatelineModel
import DatelineTestSupport
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
    var generator = SeededGenerator(seed: 42)
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
    // 28 KB, some fifty times a news paragraph (1000 sentences took a second in debug; how
    // ingest time grows with one paragraph's length is PathologicalInputTests', whose unclosed
    // quote shapes are single paragraphs of 64 KB).
    let text = String(repeating: sentence, count: 300)
    let analysis = ArticleAnalysis(
      text: text, published: PublicationHeader.parseOption("2025-02-24"))
    #expect(analysis.article.paragraphs.count == 1)
    #expect(analysis.quotes.count == 300)
  }
}
