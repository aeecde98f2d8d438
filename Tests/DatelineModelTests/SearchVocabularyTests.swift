import DatelineTestSupport
import Testing

@testable import DatelineModel

/// Quote search plans with the store's trigram vocabulary: one- and two-character words through
/// the trigrams that hold them, quotes too short for a trigram, a trigram no quote holds, the
/// rarest trigrams first. The answers stay those of the plain reference.
@Suite struct SearchVocabularyTests {
  static let texts = [
    "ok", "I", "zq", "İİ", "a", "Ωx", "no way", "the peace deal is near", "The Peace talks",
    "peace, and then a deal", "a zqx turn", "naïve résumé", "it’s over", "x", "aé", "ﬁne",
    "KELVIN \u{212A}elvin", "ſtreet", "the war", "quiet", "quietly the deal", "I am here",
    "to  be",
  ]

  static func dataset(rounds: Int = 3) -> Dataset {
    let source = Source(
      id: "s", publisher: "P", title: "T", published: "2025-02-24T12:00:00Z")
    var quotes: [Quote] = []
    for round in 0..<rounds {
      for (index, text) in texts.enumerated() {
        quotes.append(
          Quote(
            id: "q\(round)-\(index)", text: text, speaker: index % 2 == 0 ? "ann" : "bob",
            provenance: Provenance(source: "s", paragraph: round * 100 + index)))
      }
    }
    return Dataset(
      title: "Short quotes", sources: [source],
      actors: [
        Actor(id: "ann", name: "Ann Lee", kind: .person),
        Actor(id: "bob", name: "Bob Ray", kind: .person),
      ],
      events: [], quotes: quotes, relations: [])
  }

  static let queries = [
    "z", "zq", "q", "ok", "o", "k", "K", "I", "i", "é", "x", "İ", "Ω", "ω", "xyz", "zqx", "ok | zq",
    "zq @ann", "zq @bob", "a", "ai", "s", "st", "fi", "ﬁ", "’", "'", "t’", "qu", "qui", "uie", "wa",
    "pe", "Pe", "\"o\"", "\"no w", "ok|xyz", "xyz | qzz", "de", "e d", "\"e d\"", "\"a d\"",
    "\"peace talks\"", "\"e t\"", "\"o w\"", "\"a zqx t\"", "\"  \"", "\"is n\"", "\"ace,\"",
    "\"s a\"", "am", "\"i am\"", "\"o  b\"", "\"o b\"", "be", "\"m h\"",
  ]

  @Test func shortWordsAndShortQuotesAnswerAsTheReference() throws {
    let dataset = Self.dataset()
    let reference = try ReferenceTimeline(dataset: dataset)
    let timeline = try Timeline(dataset: dataset)
    for text in Self.queries {
      let query = QuoteQuery(text)
      let expected = reference.quoteIndices(matching: query)
      #expect(timeline.quoteIndices(matching: query) == expected, "query \(text)")
      #expect(timeline.countQuotes(matching: query) == expected.count, "count \(text)")
      #expect(
        timeline.quoteIndices(matching: query, among: nil, offset: 1, limit: 2)
          == Array(expected.dropFirst(1).prefix(2)), "page \(text)")
      if let first = expected.first {
        #expect(
          timeline.quoteIndices(matching: query, after: first, limit: nil, isCancelled: { false })
            == Array(expected.dropFirst()), "after \(text)")
      }
    }
  }

  /// A search among many given quotes asks the index first, for the words of each phrase.
  @Test func searchesAmongManyQuotesAskTheIndexForWords() throws {
    let dataset = Self.dataset(rounds: 88)
    let reference = try ReferenceTimeline(dataset: dataset)
    let timeline = try Timeline(dataset: dataset)
    let among = Array(reference.quotes.indices.reversed())
    #expect(among.count > 2000)
    for text in ["\"peace talks\"", "\"e t\"", "\"i am\""] {
      let query = QuoteQuery(text)
      #expect(
        timeline.quoteIndices(matching: query, among: among)
          == reference.quoteIndices(matching: query, among: among), "query \(text)")
    }
    #expect(timeline.takeStoreProblem() == nil)
  }

  @Test func plansUseTheVocabulary() throws {
    let store = try Timeline(dataset: Self.dataset()).store
    let vocabulary = try #require(store.read { try SearchVocabulary.load($0) } ?? nil)
    #expect(vocabulary.documents(of: "pea") == 3 * 3)
    #expect(vocabulary.documents(of: "xyz") == 0)
    #expect(vocabulary.shortQuotes.count == 3 * 8)
    func source(_ text: String) -> SearchPlan.Source {
      SearchPlan(QuoteQuery(text).alternatives, vocabulary: vocabulary, quoteCount: 1_000_000)
        .source
    }
    #expect(source("xyz") == .nothing, "a trigram no quote holds")
    #expect(
      source("ok | xyz") == .index(match: "\" ok\"", short: true),
      "only the short word 'ok' holds 'ok' (and the short quotes)")
    guard case .index(let match?, true) = source("zq") else {
      Issue.record("a rare pair goes through the trigrams that hold it: \(source("zq"))")
      return
    }
    #expect(match.contains("\"zqx\"") && match.contains(" OR "))
    guard case .index(let words?, false) = source("quietly") else {
      Issue.record("a word goes through its trigrams")
      return
    }
    #expect(words.hasPrefix("\"etl\""), "the rarest trigram first: \(words)")
    #expect(words.components(separatedBy: " AND ").count == 5)
  }
}
