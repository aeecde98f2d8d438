import DatelineTestSupport
import Testing

@testable import DatelineModel

/// `a | b` inside a query, and the same query language over events and people.
@Suite struct OrQueryTests {
  func ids(_ timeline: Timeline, _ text: String) -> [String] {
    timeline.searchQuotes(QuoteQuery(text)).map(\.quote.id)
  }

  @Test func aBarIsOr() throws {
    let timeline = try Fixtures.timeline()
    #expect(Set(ids(timeline, "surrender | weeks")) == ["q-macron", "q-later"])
    #expect(Set(ids(timeline, "putin|surrender")) == ["q-oval", "q-macron"])
    #expect(ids(timeline, "elephant | giraffe").isEmpty)
    #expect(QuoteQuery("peace | war").alternatives.count == 2)
  }

  @Test func eachAlternativeKeepsItsOwnWordsSpeakersAndCase() throws {
    let timeline = try Fixtures.timeline()
    #expect(Set(ids(timeline, "peace @macron | weeks")) == ["q-macron", "q-later"])
    #expect(ids(timeline, "Peace | elephant") == ["q-macron"], "smart case per alternative")
    #expect(Set(ids(timeline, "peace | War")) == ["q-oval", "q-macron"])
  }

  @Test func emptyAlternativesAreIgnoredAndPhrasesKeepTheirBars() throws {
    #expect(QuoteQuery("deal |") == QuoteQuery("deal"))
    #expect(QuoteQuery("| deal | ") == QuoteQuery("deal"))
    #expect(QuoteQuery(" | ").isEmpty)
    #expect(QuoteQuery("\"a | b\"").phrases == ["a | b"])
    #expect(QuoteQuery("\"a | b\"").alternatives.count == 1)
  }

  @Test func narrowsWithAlternatives() {
    #expect(QuoteQuery("peace | wa").narrows(QuoteQuery("pea | w")))
    #expect(QuoteQuery("peace").narrows(QuoteQuery("peace | war")))
    #expect(QuoteQuery("peace @tr | war").narrows(QuoteQuery("peace | war")))
    #expect(!QuoteQuery("peace | war").narrows(QuoteQuery("peace")), "a new alternative widens")
    #expect(!QuoteQuery("peace | w").narrows(QuoteQuery("peace | wa")))
    #expect(!QuoteQuery("deal | p").narrows(QuoteQuery("deal")))
  }

  @Test func highlightsOnlyAlternativesThatMatch() {
    let text = "We spoke about Putin and about peace"
    let ranges = QuoteQuery("peace talks | putin").highlights(in: text)
    #expect(
      ranges.map { String(text[$0]) } == ["Putin"], "peace is not highlighted: talks is missing")
    let both = QuoteQuery("peace | putin").highlights(in: text)
    #expect(both.map { String(text[$0]) } == ["Putin", "peace"])
  }

  /// On random quotes: an OR query finds exactly the union of its alternatives, and whenever
  /// `narrows` says yes, searching among the previous results finds everything.
  @Test func orEqualsTheUnionAndNarrowingIsSafe() throws {
    var random = SeededGenerator(seed: 10)
    let vocabulary = ["peace", "Peace", "war", "deal", "dé", "don't", "a|b", "talks", "ÉTÉ", "été"]
    let speakers = ["trump", "macron", "putin"]
    var quotes: [Quote] = []
    for index in 0..<200 {
      let words = (0..<Int.random(in: 1...5, using: &random)).map { _ in
        vocabulary.randomElement(using: &random)!
      }
      quotes.append(
        Quote(
          id: "r\(index)", text: words.joined(separator: " "),
          speaker: speakers.randomElement(using: &random)!,
          provenance: Provenance(source: "ap", paragraph: 1)))
    }
    var dataset = try Fixtures.timeline().dataset
    dataset.quotes = quotes
    dataset.relations = []
    let timeline = try Timeline(dataset: dataset)
    let pieces = [
      "pea", "peace", "Peace", "war", "wa", "dé", "don't", "\"a|b\"", "@tr", "@mac", "été",
    ]
    func randomQuery() -> String {
      (0..<Int.random(in: 1...3, using: &random)).map { _ in
        (0..<Int.random(in: 1...2, using: &random)).map { _ in
          pieces.randomElement(using: &random)!
        }.joined(separator: " ")
      }.joined(separator: " | ")
    }
    for _ in 0..<300 {
      let text = randomQuery()
      let query = QuoteQuery(text)
      let found = Set(timeline.quoteIndices(matching: query, among: nil))
      let union = query.alternatives.reduce(into: Set<Int>()) {
        $0.formUnion(timeline.quoteIndices(matching: $1, among: nil))
      }
      #expect(found == union, "\(text)")
      let reference = Set(timeline.quotes.indices.filter { query.matches(timeline.quotes[$0]) })
      #expect(found == reference, "the store's answer to \(text) is QuoteQuery's own")
      let previous = QuoteQuery(randomQuery())
      if query.narrows(previous) {
        let among = timeline.quoteIndices(matching: previous, among: nil)
        #expect(
          Set(timeline.quoteIndices(matching: query, among: among)) == found,
          "\(text) narrows \(previous.text)")
      }
    }
  }

  @Test func eventsByHeadlineSummaryAndParticipant() throws {
    let timeline = try Fixtures.timeline()
    func events(_ text: String) -> [String] {
      timeline.eventIndices(matching: QuoteQuery(text)).map { timeline.events[$0].event.id }
    }
    #expect(events("oval") == ["oval"])
    #expect(events("putin comes") == ["oval"], "summary words")
    #expect(Set(events("minerals | vote")) == ["deal", "un-vote"])
    #expect(Set(events("@starmer")) == ["starmer-visit"])
    #expect(events("visit @zel") == ["deal"])
  }

  @Test func peopleByNameAliasAndRole() throws {
    let timeline = try Fixtures.timeline()
    func people(_ text: String) -> Set<String> {
      Set(timeline.actorIndices(matching: QuoteQuery(text)).map { timeline.actors[$0].actor.id })
    }
    #expect(people("president") == ["trump", "macron"], "role")
    #expect(people("france") == ["macron", "france"], "role and name")
    #expect(people("keir") == ["starmer"])
    #expect(people("putin | zelen") == ["putin", "zelenskyy"])
    #expect(people("@emm") == ["macron"])
  }

  @Test func speakersByName() throws {
    let timeline = try Fixtures.timeline()
    #expect(timeline.speakers(named: "macron").map(\.actor.id) == ["macron"])
    #expect(timeline.speakers(named: "putin").isEmpty, "Putin is never quoted")
  }
}
