import Foundation
import Testing

@Suite("dateline quotes")
struct QuotesCommandTests {
  /// Who says each of the 11 quoted spans of the story, and which are partial quotations.
  let speakers: [String: String] = [
    "q-trump-wants-deal": "trump",
    "q-trump-may-be-wrong": "trump",
    "q-macron-no-surrender": "macron",
    "q-shea-resolution": "shea",
    "q-trump-within-weeks": "trump",
    "q-trump-no-more-war": "trump",
    "q-trump-not-big-problem": "trump",
    "q-macron-not-front-lines": "macron",
    "q-macron-peace-respected": "macron",
    "q-trump-okay-with-me": "trump",
    "q-trump-money-back": "trump",
  ]
  let partial: Set<String> = ["q-shea-resolution", "q-trump-within-weeks"]

  func quotes(_ arguments: [String] = []) throws -> [[String: Any]] {
    let result = try CLI.run(["quotes", "--json"] + arguments)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    return try result.jsonArray()
  }

  func ids(_ quotes: [[String: Any]]) -> [String] { quotes.compactMap { $0["id"] as? String } }

  @Test func allElevenQuotesHaveTheirSpeakersAndTheContractFields() throws {
    let all = try quotes()
    #expect(all.count == 11)
    let names = ["trump": "Donald Trump", "macron": "Emmanuel Macron", "shea": "Dorothy Shea"]
    for quote in all {
      let id = try #require(quote["id"] as? String)
      #expect(quote["speaker"] as? String == speakers[id], "\(id)")
      #expect(quote["speakerName"] as? String == names[speakers[id] ?? ""], "\(id)")
      #expect(quote["text"] is String)
      #expect(quote.keys.contains("event"))
      #expect(quote["event"] is String || quote["event"] is NSNull)
      #expect(quote["start"] as? String == "2025-02-24", "\(id) was said on the day")
      #expect(quote["kind"] as? String == (partial.contains(id) ? "partial" : "full"), "\(id)")
    }
    #expect(Set(ids(all)) == Set(speakers.keys))
  }

  @Test(.enabled(if: SeedArticle.isAvailable, "the seed article is not next to the repository"))
  func quotesAreVerbatimInTheirParagraphOfTheArticle() throws {
    let article = try String(contentsOf: SeedArticle.url, encoding: .utf8)
    // Paragraphs are blank-line separated blocks; the dateline line is paragraph 1 (FORMAT.md).
    let paragraphs = article.components(separatedBy: "\n\n").filter {
      !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
    for quote in try quotes() {
      let text = try #require(quote["text"] as? String)
      let paragraph = try #require(quote["paragraph"] as? Int)
      #expect(paragraph >= 1 && paragraph <= paragraphs.count)
      #expect(
        paragraphs[paragraph - 1].contains("\"\(text)\""),
        "\(quote["id"] ?? "?") appears verbatim, between quotation marks, in paragraph \(paragraph)"
      )
    }
  }

  @Test func searchNeedsAllWordsAndMatchesPhrases() throws {
    #expect(
      Set(ids(try quotes(["--search", "deal"]))) == ["q-trump-wants-deal", "q-trump-may-be-wrong"])
    #expect(ids(try quotes(["--search", "believe wrong"])) == ["q-trump-may-be-wrong"])
    #expect(ids(try quotes(["--search", "\"no more war\""])) == ["q-trump-no-more-war"])
    #expect(ids(try quotes(["--search", "\"war no more\""])).isEmpty)
    #expect(
      Set(ids(try quotes(["--search", "@macron peace"])))
        == ["q-macron-no-surrender", "q-macron-peace-respected"])
  }

  @Test func speakerFilterTakesAnIdOrAName() throws {
    #expect(
      Set(ids(try quotes(["--speaker", "macron"])))
        == Set(speakers.filter { $0.value == "macron" }.keys))
    #expect(ids(try quotes(["--speaker", "Dorothy Shea"])) == ["q-shea-resolution"])
    #expect(ids(try quotes(["--speaker", "trump"])).count == 7)
    #expect(ids(try quotes(["--speaker", "trump", "--search", "money"])) == ["q-trump-money-back"])
    #expect(try quotes(["--speaker", "putin"]).isEmpty)
  }

  @Test func unknownSpeakerIsAUsageError() throws {
    let result = try CLI.run(["quotes", "--speaker", "ghost"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("'ghost'"))
  }

  @Test func textShowsSpeakerAndQuote() throws {
    let result = try CLI.run(["quotes", "--speaker", "shea"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("DATE"))
    #expect(lines[1].contains("Dorothy Shea"))
    #expect(lines[1].contains("q-shea-resolution"))
  }
}

/// The first story's article, which sits next to the repository (../shared/seeds) on the team's
/// machines; tests that compare against it are skipped elsewhere.
enum SeedArticle {
  static let url = CLI.packageRoot.deletingLastPathComponent()
    .appendingPathComponent("shared/seeds/000_18e010c6cd004529.txt")
  static var isAvailable: Bool { FileManager.default.fileExists(atPath: url.path) }
}
