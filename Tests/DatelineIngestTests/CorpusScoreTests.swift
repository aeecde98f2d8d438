import DatelineIngest
import Foundation
import Testing

/// The quality floor: the figures recorded in the README. A change that lowers any of them
/// fails here; raise the floor when the rules improve.
struct CorpusScoreTests {
  static let floor = (
    quoteExactF1: 0.95, quoteOverlapF1: 0.95, speakerAccuracy: 0.95, dateAccuracy: 0.95,
    peopleRecall: 0.95, eventRecall: 0.9, eventPrecision: 0.95, participants: 0.95,
    headlines: 0.95
  )

  @Test func corpusScoresStayAboveTheRecordedFloor() {
    let score = CorpusScorer.score(directory: TestPaths.corpus.path)
    print(score.summary)
    #expect(score.articles >= 12)
    #expect(score.goldErrors.isEmpty, "\(score.goldErrors)")
    #expect(score.quotesExact.f1 >= Self.floor.quoteExactF1, "\(score.misses)")
    #expect(score.quotesOverlap.f1 >= Self.floor.quoteOverlapF1)
    #expect(score.speakerAccuracy >= Self.floor.speakerAccuracy, "\(score.misses)")
    #expect(score.dateAccuracy >= Self.floor.dateAccuracy, "\(score.misses)")
    #expect(score.peopleRecall >= Self.floor.peopleRecall)
    #expect(score.creditsAsActors == 0)
    #expect(score.events.gold >= 90, "every article has a gold chronology")
    #expect(score.events.recall >= Self.floor.eventRecall, "\(score.misses)")
    #expect(score.events.precision >= Self.floor.eventPrecision, "\(score.misses)")
    #expect(score.participantsAccuracy >= Self.floor.participants, "\(score.misses)")
    #expect(score.headlineCompleteness >= Self.floor.headlines, "\(score.misses)")
  }

  @Test func everyArticleHasAGoldChronology() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: TestPaths.corpus.path)
    for name in names where name.hasSuffix(".txt") {
      let base = String(name.dropLast(4))
      #expect(names.contains(base + ".chronology.json"), "\(base) has no chronology")
    }
  }

  @Test(arguments: [
    "Trump will meet with Starmer",
    "Trump says there has been tremendous distrust between Russia and Ukraine",
    "Zelenskyy could visit Trump at the White House",
    "Trump and Macron held a joint press conference",
    "The United States voted against a United Nations resolution",
    "Russia's large-scale invasion of Ukraine began",
    "Trump thinks the war in Ukraine could end",
    "Port workers and shipping companies will resume wage talks",
    "Côte d’Ivoire’s minister signed the accord",
    "Sánchez says the Élysée talks resumed",
    "1,200 workers walked out",
    "The loans come due",
    "Norland and Estmark sign the accord",
    "The board and the union meet",
    "The relief fund paid the last claims",
    "Clinton insisted the first lady go to the hospital",
  ])
  func completeHeadlinesPass(_ headline: String) {
    #expect(HeadlineCheck.problem(in: headline) == nil)
  }

  @Test(arguments: [
    "Trump told reporters he thinks the war in Ukraine",
    "Zelenskyy could visit him at the White House",
    "Macron and Trump: joint press conference",
    "Russia's large-scale invasion of Ukraine",
    "Adamek (within weeks)",
    "Ward said",
    "Trump thinks the war in Ukraine",
    "Trump declined to comment on the",
    "lower-case start is not a headline",
    "",
    "Sánchez said",
    "Müller und Sánchez",
    "Sánchez thinks the Élysée",
    "Él confirmó",
    "Ann Lee promised \"the bridge will open",
    "The second rise",
    "A late vote",
  ])
  func incompleteHeadlinesFail(_ headline: String) {
    #expect(HeadlineCheck.problem(in: headline) != nil)
  }

  @Test func eventsAreMatchedByDateStatusAndParagraph() throws {
    let text =
      "date 2025-02-24\n\nAnn Lee will meet Bo Kim on Thursday.\n\nBo Kim said on Monday that talks went well."
    let analysis = ArticleAnalysis(text: text)
    let gold = [
      GoldChronology.GoldEvent(
        about: "meeting", dates: ["2025-02-27"], status: "scheduled", paragraphs: [2],
        participants: ["Ann Lee", "Bo Kim"]),
      GoldChronology.GoldEvent(
        about: "wrong paragraph", dates: ["2025-02-24"], status: "occurred", paragraphs: [2],
        participants: ["Bo Kim"]),
    ]
    let result = CorpusScorer.matchEvents(analysis, gold: gold)
    #expect(result.matches[0] != nil)
    #expect(result.peopleRight[0])
    #expect(result.matches[1] == nil)
  }

  @Test func scorerCountsMissesExtrasAndWrongSpeakers() throws {
    let text =
      "date 2025-02-24\n\n\"One two three four five,\" Ann Lee said. \"Six seven eight nine ten,\" Bo Kim said on Monday."
    let gold = try JSONDecoder().decode(
      GoldAnnotations.self,
      from: Data(
        """
        {"quotes": [{"text": "One two three four five,", "speaker": "Ann Lee"},
                    {"text": "Six seven eight nine ten,", "speaker": "Ann Lee"},
                    {"text": "missing words here", "speaker": null}],
         "dates": [{"text": "Monday", "value": "2025-02-25"}]}
        """.utf8))
    var score = CorpusScore()
    CorpusScorer.score(text: text + " missing words here", gold: gold, name: "t", into: &score)
    #expect(score.quotesExact.truePositives == 2)
    #expect(score.quotesExact.gold == 3)
    #expect(score.speakersRight == 1)
    #expect(score.speakersJudged == 2)
    #expect(score.datesRight == 0)
    #expect(score.datesFound.truePositives == 1)
  }
}
