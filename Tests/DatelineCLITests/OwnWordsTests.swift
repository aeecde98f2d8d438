import Foundation
import Testing

/// Headlines, summaries and titles are written by us: none may repeat six or more consecutive
/// words of the article. (Quotes are the only verbatim text.)
@Suite("the bundled story is in our own words")
struct OwnWordsTests {
  static let runLength = 6

  static func words(_ text: String) -> [String] {
    text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'") }.map(String.init)
  }

  @Test(.enabled(if: SeedArticle.isAvailable, "the seed article is not next to the repository"))
  func headlinesAndSummariesDoNotCopyTheArticle() throws {
    let article = Self.words(try String(contentsOf: SeedArticle.url, encoding: .utf8))
    var runs = Set<ArraySlice<String>>()
    if article.count >= Self.runLength {
      for start in 0...(article.count - Self.runLength) {
        runs.insert(article[start..<start + Self.runLength])
      }
    }
    let events = try CLI.run(["events", "--json"]).jsonArray()
    var texts = events.flatMap { [$0["title"] as? String ?? "", $0["summary"] as? String ?? ""] }
    let overview = try CLI.run([])
    texts.append(String(overview.stdout.prefix { $0 != "\n" }))
    #expect(texts.count > 10)
    for text in texts {
      let words = Self.words(text)
      guard words.count >= Self.runLength else { continue }
      for start in 0...(words.count - Self.runLength) {
        let run = words[start..<start + Self.runLength]
        #expect(
          !runs.contains(run),
          "copied from the article: \"\(run.joined(separator: " "))\" in: \(text)")
      }
    }
  }
}
