import DatelineTestSupport
import Testing

@testable import DatelineModel

/// The store-backed timeline answers every question exactly as the plain in-memory reference
/// does, on random datasets.
@Suite struct StoreEquivalenceTests {
  static let seeds: [UInt64] = Array(1...12)
  static let searchSeeds: [UInt64] = Array(101...106)

  /// The generator is of use only if it makes datasets the checker accepts.
  @Test func randomDatasetsAreMostlyValid() {
    let valid = Self.seeds.filter { (try? Timeline.check(RandomDataset.make(seed: $0))) != nil }
    #expect(valid.count == Self.seeds.count)
  }

  /// Some quotes get source URLs (as a Quotebank import gives them), so a store that drops them
  /// fails the comparisons below.
  static func withURLs(_ dataset: Dataset, seed: UInt64) -> Dataset {
    var dataset = dataset
    var random = SeededGenerator(seed: seed &+ 1000)
    for index in dataset.quotes.indices where Bool.random(using: &random) {
      dataset.quotes[index].urls = (0..<Int.random(in: 1...3, using: &random)).map {
        "https://news\($0).example/\(index)?q=\"x\"&é"
      }
    }
    return dataset
  }

  @Test(arguments: seeds) func sameChronologyRanksAndLinks(seed: UInt64) throws {
    let dataset = Self.withURLs(RandomDataset.make(seed: seed), seed: seed)
    let reference: ReferenceTimeline
    do {
      reference = try ReferenceTimeline(dataset: dataset)
    } catch {
      // The generator made something the checker rejects: both must reject it alike.
      var storeError: [String] = []
      do { _ = try Timeline(dataset: dataset) } catch {
        storeError = error.diagnostics.map(\.description)
      }
      #expect(storeError == error.diagnostics.map(\.description))
      return
    }
    let timeline = try Timeline(dataset: dataset)
    #expect(timeline.title == reference.title)
    #expect(timeline.asOf == reference.asOf)
    #expect(Array(timeline.events) == reference.events)
    #expect(Array(timeline.actors) == reference.actors)
    #expect(Array(timeline.quotes) == reference.quotes)
    #expect(timeline.dataset == dataset)
    #expect(timeline.firstUpcomingEventIndex == reference.events.firstIndex(where: \.isUpcoming))

    for item in dataset.events {
      #expect(timeline.eventIndex(id: item.id) == reference.eventIndex(id: item.id))
      #expect(timeline.quotes(at: item.id) == reference.quotes(at: item.id))
    }
    for item in dataset.quotes {
      #expect(timeline.quoteIndex(id: item.id) == reference.quoteIndex(id: item.id))
    }
    for source in dataset.sources {
      #expect(timeline.source(id: source.id) == reference.source(id: source.id))
    }
    #expect(timeline.eventIndex(id: "missing") == nil)
    #expect(timeline.relatedActors(of: "missing").isEmpty)
    for actor in dataset.actors {
      let id = actor.id
      #expect(timeline.actorIndex(id: id) == reference.actorIndex(id: id))
      #expect(timeline.events(involving: id) == reference.events(involving: id))
      #expect(timeline.eventIndices(involving: id) == reference.eventIndices(involving: id))
      #expect(timeline.quotes(by: id) == reference.quotes(by: id))
      let related = timeline.relatedActors(of: id)
      #expect(related == reference.relatedActors(of: id), "related actors of \(id), seed \(seed)")
      for other in related {
        for reason in other.reasons {
          #expect(
            timeline.describe(reason, for: id, with: other.actor.id)
              == reference.describe(reason, for: id, with: other.actor.id))
        }
      }
    }
    let days = [nil] + (10...28).map { CivilDay(year: 2025, month: 2, day: $0) }
    var random = SeededGenerator(seed: seed)
    for _ in 0..<5 {
      let from = days[Int.random(in: 0..<days.count, using: &random)]
      let to = days[Int.random(in: 0..<days.count, using: &random)]
      #expect(timeline.events(from: from, to: to) == reference.events(from: from, to: to))
    }
  }

  @Test(arguments: searchSeeds) func sameSearchAnswersForEveryQueryForm(seed: UInt64) throws {
    let dataset = RandomDataset.make(seed: seed, quotes: 60)
    guard let reference = try? ReferenceTimeline(dataset: dataset) else { return }
    let timeline = try Timeline(dataset: dataset)
    var random = SeededGenerator(seed: seed)
    for text in RandomDataset.queries(for: dataset, seed: seed, count: 24) {
      let query = QuoteQuery(text)
      let expected = reference.quoteIndices(matching: query)
      #expect(timeline.quoteIndices(matching: query) == expected, "query \(text) seed \(seed)")
      #expect(timeline.countQuotes(matching: query) == expected.count)
      let offset = Int.random(in: 0...3, using: &random)
      let limit = Int.random(in: 0...5, using: &random)
      #expect(
        timeline.quoteIndices(matching: query, among: nil, offset: offset, limit: limit)
          == Array(expected.dropFirst(offset).prefix(limit)))
      let among = reference.quotes.indices.filter { _ in Bool.random(using: &random) }.shuffled(
        using: &random)
      #expect(
        timeline.quoteIndices(matching: query, among: among)
          == reference.quoteIndices(matching: query, among: among), "among, query \(text)")
    }
  }

  /// A `"` followed by a combining mark is one Swift character that is not `"`: the index
  /// query must still escape the quotation mark (the release soak typed `"` then U+0301 and the
  /// store refused the query, so the search found nothing).
  @Test func quotationMarksWithCombiningMarksAreEscaped() throws {
    var dataset = RandomDataset.make(seed: 7, quotes: 20)
    guard !dataset.quotes.isEmpty else { return }
    dataset.quotes[0].text = "He wrote x\"\u{301}yz and more"
    let reference = try ReferenceTimeline(dataset: dataset)
    let timeline = try Timeline(dataset: dataset)
    for text in ["x\"\u{301}yz", "\"\u{301}yz", "x\"\u{301}", "ab\"\u{301}\"\u{301}cd"] {
      let query = QuoteQuery(text)
      #expect(
        timeline.quoteIndices(matching: query) == reference.quoteIndices(matching: query),
        "query \(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }
    #expect(!timeline.quoteIndices(matching: QuoteQuery("x\"\u{301}yz")).isEmpty)
  }

  /// Past 2,000 rows a search among a subset asks the index first: the same answers.
  @Test func largeSubsetSearchUsesTheIndexAndAgrees() throws {
    let dataset = RandomDataset.make(seed: 99, quotes: 3000)
    let reference = try ReferenceTimeline(dataset: dataset)
    let timeline = try Timeline(dataset: dataset)
    let among = Array(reference.quotes.indices.reversed().dropFirst(100))
    for text in ["peace", "Peace", "straße", "don’t", "\"the war\"", "région @a"] {
      let query = QuoteQuery(text)
      #expect(
        timeline.quoteIndices(matching: query, among: among)
          == reference.quoteIndices(matching: query, among: among), "query \(text)")
    }
  }

  /// A build fed in chunks (the items first, then quotes a few at a time, some chunks bringing
  /// new speakers and sources with their quotes, as a Quotebank import does) answers as the
  /// reference does: quotes named in early chunks still find actors that came later.
  @Test(arguments: Array(seeds.prefix(8)))
  func chunkedBuildsAnswerAsTheReferenceDoes(seed: UInt64) throws {
    let dataset = Self.withURLs(RandomDataset.make(seed: seed, quotes: 40), seed: seed)
    guard let reference = try? ReferenceTimeline(dataset: dataset) else { return }
    // Actors that speak no quote and take part in nothing may come last, with the final quotes.
    let used = Set(
      dataset.quotes.map(\.speaker) + dataset.events.flatMap(\.participants)
        + dataset.actors.compactMap(\.affiliation)
        + dataset.relations.flatMap { [$0.from, $0.to] })
    let late = dataset.actors.filter { !used.contains($0.id) }
    var first = dataset
    first.quotes = []
    first.actors = dataset.actors.filter { used.contains($0.id) }
    let builder = StoreBuilder()
    try builder.add(first)
    var start = 0
    var random = SeededGenerator(seed: seed)
    while start < dataset.quotes.count {
      let end = min(dataset.quotes.count, start + Int.random(in: 1...9, using: &random))
      var chunk = Dataset(quotes: Array(dataset.quotes[start..<end]))
      if end == dataset.quotes.count { chunk.actors = late }
      try builder.add(chunk)
      start = end
    }
    let timeline = try builder.finish()
    var reordered = dataset
    reordered.actors = first.actors + late
    let expected = try ReferenceTimeline(dataset: reordered)
    #expect(Array(timeline.quotes) == reference.quotes)
    #expect(Array(timeline.events) == reference.events)
    #expect(Array(timeline.actors) == expected.actors)
    for actor in dataset.actors {
      #expect(timeline.relatedActors(of: actor.id) == expected.relatedActors(of: actor.id))
    }
  }

  /// A quote id used again in a later chunk is found when the build finishes, and named.
  @Test func aQuoteIDRepeatedInALaterChunkIsAnError() throws {
    let dataset = RandomDataset.make(seed: 3, quotes: 6)
    let builder = StoreBuilder()
    try builder.add(dataset)
    var again = Dataset(quotes: [dataset.quotes[2]])
    again.quotes[0].text = "another text"
    try builder.add(again)
    do {
      _ = try builder.finish()
      Issue.record("a repeated quote id was accepted")
    } catch {
      #expect(error.diagnostics.map(\.path) == ["quotes[6].id"])
      #expect(
        error.diagnostics.first?.message
          == "duplicate id '\(dataset.quotes[2].id)': already used by the quote at quotes[2].id; give each source, actor, event and quote its own id"
      )
    }
  }

  /// In a later chunk, a quote whose speaker is unknown is named with its place in the dataset.
  @Test func problemsInALaterChunkCountQuotesFromTheStart() throws {
    let dataset = RandomDataset.make(seed: 4, quotes: 5)
    let builder = StoreBuilder()
    try builder.add(dataset)
    let stray = Quote(
      id: "stray", text: "words", speaker: "nobody",
      provenance: Provenance(source: dataset.sources[0].id, paragraph: 1))
    #expect(throws: DatasetLoadError.self) { try builder.add(Dataset(quotes: [stray])) }
    do {
      try builder.add(Dataset(quotes: [stray]))
    } catch {
      #expect(error.diagnostics.first?.path == "quotes[5].speaker")
    }
  }

  @Test func rowsArePagedAndOutOfRangeIsRejected() throws {
    let dataset = RandomDataset.make(seed: 7, quotes: 500)
    let reference = try ReferenceTimeline(dataset: dataset)
    let timeline = try Timeline(dataset: dataset)
    // Backwards and scattered, so pages are fetched in any order.
    for index in stride(from: 499, through: 0, by: -37) {
      #expect(timeline.quotes[index] == reference.quotes[index])
    }
    #expect(timeline.quotes.count == 500)
  }
}
