import DatelineTestSupport
import Foundation
import GRDB
import Testing

@testable import DatelineModel

/// A file build fills the search index on a thread and a scratch database of its own, then
/// copies it into the store; a build in memory fills it in place. Both must hold the same index.
@Suite struct SearchIndexBuildTests {
  /// Every trigram with the positions of the quotes holding it, and the vocabulary table.
  static func index(_ db: Database) throws -> (postings: [String: [Int]], terms: [Row]) {
    let terms = try Row.fetchAll(db, sql: "SELECT term, docs FROM quote_search_terms ORDER BY term")
    var postings: [String: [Int]] = [:]
    for row in terms {
      let term: String = row[0]
      guard !term.contains("\"") else { continue }
      postings[term] = try Int.fetchAll(
        db, sql: "SELECT rowid FROM quote_search WHERE quote_search MATCH ? ORDER BY rowid",
        arguments: ["\"\(term)\""])
    }
    return (postings, terms)
  }

  /// ASCII texts go into the index as they are (it folds their case itself) and others folded
  /// in Swift; from a thread and a scratch file or in place, the index, its vocabulary and the
  /// answers are the same, and no scratch file is left beside the store.
  @Test func aFileBuildHoldsTheSameIndexAsABuildInMemory() throws {
    var dataset = RandomDataset.make(seed: 11, quotes: 1200)
    let texts = [
      "UPPER Case and lower CASE", "Straße İstanbul ÉCOLE “Quoted” DON’T", "KELVIN \u{212A} ﬁne",
      "ab", "x", "MiXeD ascii, With PUNCTUATION!",
    ]
    for (index, text) in texts.enumerated() where index < dataset.quotes.count {
      dataset.quotes[index * 997 % dataset.quotes.count].text = text
    }
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = scratch.url.path + "/store.sqlite"
    let builder = StoreBuilder(path: path)
    try builder.add(dataset)
    // Several batches, the last one short.
    let file = try StoreBuilder.$searchBatchSize.withValue(500) { try builder.finish() }
    let memory = try Timeline(dataset: dataset)

    let queue = try DatabaseQueue(path: path, configuration: StoreTokenizer.configuration)
    defer { try? queue.close() }
    let fileIndex = try queue.read { try Self.index($0) }
    let memoryIndex = try memory.store.database.read { try Self.index($0) }
    #expect(fileIndex.postings.count > 100)
    #expect(fileIndex.postings == memoryIndex.postings)
    #expect(fileIndex.terms == memoryIndex.terms)
    for query in ["case", "STRASSE", "straße", "don't", "istanbul", "ab", "punctuation!", "fine"] {
      #expect(
        file.quoteIndices(matching: QuoteQuery(query))
          == memory.quoteIndices(matching: QuoteQuery(query)), "query \(query)")
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["store.sqlite"])
  }
}
