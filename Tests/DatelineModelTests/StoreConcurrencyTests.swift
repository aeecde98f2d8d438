import DatelineTestSupport
import Foundation
import Testing

@testable import DatelineModel

/// A timeline is shared between the input loop and background searches: answers stay the same
/// whatever runs at once, and a cancelled search stops with nil.
@Suite struct StoreConcurrencyTests {
  @Test func searchesFromManyTasksAgreeWithOneAtATime() async throws {
    let scratch = try ScratchDirectory("concurrency")
    defer { scratch.remove() }
    let timeline = try scratch.store(RandomDataset.make(seed: 21, quotes: 400)).timeline
    let queries = ["peace", "the", "@a", "straße", "don’t", "a"]
    let expected = queries.map { timeline.quoteIndices(matching: QuoteQuery($0)) }
    let results = await withTaskGroup(of: (Int, [Int]).self) { group in
      for round in 0..<4 {
        for (index, text) in queries.enumerated() {
          group.addTask {
            // Rows are read meanwhile, as a frame would.
            for row in stride(from: round, to: timeline.quotes.count, by: 17) {
              _ = timeline.quotes[row]
            }
            return (index, timeline.quoteIndices(matching: QuoteQuery(text)))
          }
        }
      }
      var all: [(Int, [Int])] = []
      for await result in group { all.append(result) }
      return all
    }
    #expect(results.count == queries.count * 4)
    for (index, rows) in results { #expect(rows == expected[index], "\(queries[index])") }
  }

  @Test func aCancelledSearchStopsWithNil() throws {
    let timeline = try Timeline(dataset: RandomDataset.make(seed: 22, quotes: 2000))
    let query = QuoteQuery("e")
    #expect(
      timeline.quoteIndices(
        matching: query, among: nil, offset: 0, limit: nil, isCancelled: { true }) == nil)
    #expect(timeline.countQuotes(matching: query, among: nil, isCancelled: { true }) == nil)
    let all = timeline.quoteIndices(
      matching: query, among: nil, offset: 0, limit: nil, isCancelled: { false })
    #expect(all == timeline.quoteIndices(matching: query))
    #expect(timeline.countQuotes(matching: query, among: nil, isCancelled: { false }) == all?.count)
  }

  /// An index query over few candidates does its work inside SQLite's steps, where the row loop
  /// never looks: SQLite itself asks whether the search is stale, so a count made stale after
  /// it started stops before its end, and the stop is no store error. (Enough quotes that "the"
  /// takes SQLite past two progress checks before the row loop's first look at row 256: with
  /// 600, only loading the vocabulary inside the count made it so.)
  @Test func aStaleCountStopsInsideSQLite() throws {
    let timeline = try Timeline(dataset: RandomDataset.make(seed: 23, quotes: 1500))
    for text in ["the", "e", "peace"] {
      let query = QuoteQuery(text)
      var looks = 0
      let count = timeline.countQuotes(
        matching: query, among: nil,
        isCancelled: {
          looks += 1
          return looks > 1  // stale from the second look on
        })
      #expect(count == nil, "\(text): counted \(count ?? -1) after \(looks) looks")
      #expect(timeline.takeStoreProblem() == nil)
      #expect(timeline.countQuotes(matching: query) == timeline.quoteIndices(matching: query).count)
    }
  }
}
