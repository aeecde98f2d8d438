import DatelineModel
import DatelineTestSupport
import Foundation
import Testing

@testable import DatelineIngest

@Suite(.enabled(if: TestPaths.seedExists, "the seed article is not present"))
struct SeedArticleTests {
  let analysis: ArticleAnalysis

  init() throws {
    analysis = ArticleAnalysis(text: try String(contentsOf: TestPaths.seed, encoding: .utf8))
  }

  @Test func publicationDateComesFromTheForgivingHeader() {
    #expect(analysis.publication?.iso == "2025-02-24T16:19:00-05:00")
  }

  @Test func findsAllElevenQuotedSpansWithTheirSpeakers() {
    let speakers = analysis.quoteSpeakers().map { $0?.split(separator: " ").last.map(String.init) }
    #expect(
      speakers == [
        "Trump", "Trump", "Macron", "Shea", "Trump", "Trump", "Trump", "Macron", "Macron",
        "Trump", "Trump",
      ])
    #expect(analysis.quotes[4].text == "within weeks.")
    #expect(analysis.quotes[4].kind == .partial)
    #expect(analysis.quotes.allSatisfy { !$0.text.hasPrefix("\"") && !$0.text.hasSuffix("\"") })
  }

  @Test func findsTheSixPeopleAndNoPhotoCredit() {
    let people = analysis.people()
    let surnames = Set(people.compactMap { $0.split(separator: " ").last.map(String.init) })
    #expect(surnames == ["Trump", "Macron", "Putin", "Zelenskyy", "Starmer", "Shea"])
    let names = analysis.actorEntities.map { analysis.entities[$0].name }
    #expect(!names.contains { $0.contains("Getty") || $0.contains("Marin") || $0.contains("AFP") })
    let shea = analysis.entities.first { $0.name == "Dorothy Shea" }
    #expect(shea?.role == "Chargé d'Affaires of the U.S. Mission to the UN")
  }

  @Test func eventsHaveTheirDatesStatusesAndOrder() throws {
    let scratch = try ScratchDirectory()
    let out = scratch.path("seed.json")
    let result = runIngest(IngestOptions(files: [TestPaths.seed.path], output: out))
    #expect(result.status == 0, "\(result.errors)")
    let timeline = try Timeline(dataset: try DatasetLoader.load(path: out))
    let events = timeline.events
    let invasion = events.firstIndex { $0.date.value.description == "2022-02-24" }
    #expect(invasion != nil)
    let vote = try #require(events.firstIndex { $0.event.headline.contains("voted") })
    let visit = try #require(
      events.firstIndex {
        $0.event.participants.contains("emmanuel-macron") && $0.event.headline.contains("joined")
      })
    #expect(events[vote].date.value.description == "2025-02-24")
    #expect(events[visit].date.value.description == "2025-02-24")
    #expect(vote < visit)
    let starmer = try #require(events.first { $0.event.participants.contains("keir-starmer") })
    #expect(starmer.date.value.description == "2025-02-27")
    #expect(starmer.event.status == .scheduled)
    #expect(DatasetLoader.validate(paths: [out]).isEmpty)
  }

  /// The bundled story's 15 events, written by hand from this article, are the gold: at least
  /// 12 found with the right date, status and paragraph, each quote tied to the event the story
  /// ties it to (or to none), every headline a complete clause.
  @Test func chronologyFindsTheBundledStorysEvents() throws {
    let score = try CorpusScorer.scoreEvents(
      text: try String(contentsOf: TestPaths.seed, encoding: .utf8),
      against: try DatasetLoader.load(path: TestPaths.story.path))
    let report = "\(score.summary)\n\(score.misses.joined(separator: "\n"))"
    #expect(score.gold == 15)
    #expect(score.found >= 14, "\(report)")
    #expect(score.participantsRight >= 14, "\(report)")
    #expect(score.quotes == 11 && score.quotesTied == 11, "\(report)")
    #expect(score.headlinesComplete == score.predicted, "\(report)")
  }

  @Test func headlinesNameThePeopleAndTheTitleIsTheOpeningStatement() throws {
    let headlines = analysis.events.map(\.headline)
    #expect(headlines.contains("Zelenskyy could visit Trump at the White House"))
    #expect(headlines.contains("Putin would accept European peacekeepers in Ukraine"))
    #expect(headlines.contains("Trump will meet with Starmer"))
    #expect(!headlines.contains { $0.contains(" him ") || $0.contains(" he ") })
    let builder = DatasetBuilder()
    #expect(
      builder.title(of: analysis, sourceName: nil, file: "000_18e010c6cd004529.txt")
        == "Trump says there has been tremendous distrust between Russia and Ukraine")
    // Summaries are the sentence each event was found in.
    let shea = try #require(analysis.events.first { $0.headline.hasPrefix("Shea") })
    #expect(shea.summary.hasPrefix("Dorothy Shea, Chargé d'Affaires"))
  }
}
