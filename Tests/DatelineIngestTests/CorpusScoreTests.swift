import DatelineIngest
import Foundation
import Testing

/// The quality floor: the figures recorded in the README. A change that lowers any of them
/// fails here; raise the floor when the rules improve.
struct CorpusScoreTests {
  static let floor = (
    quoteExactF1: 0.95, quoteOverlapF1: 0.95, speakerAccuracy: 0.95, dateAccuracy: 0.95,
    peopleRecall: 0.95
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
