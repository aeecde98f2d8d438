import GRDB
import Testing

@testable import DatelineModel

/// The search index's terms: trigrams within words (split at spaces only), short words padded,
/// ASCII lowercased; a `MATCH` string goes through the same tokenizer.
@Suite struct WordTrigramsTests {
  @Test func termsAreTrigramsWithinWordsAndPaddedShortWords() {
    #expect(WordTrigrams.terms("Peace talks") == ["pea", "eac", "ace", "tal", "alk", "lks"])
    #expect(WordTrigrams.terms("I am  the") == ["  i", " am", "the"])
    #expect(WordTrigrams.terms("  deal, ok ") == ["dea", "eal", "al,", " ok"])
    #expect(WordTrigrams.terms("") == [])
    #expect(WordTrigrams.terms("   ") == [])
    // Scalars, not bytes; tabs and other spaces belong to words.
    #expect(WordTrigrams.terms("résumé") == ["rés", "ésu", "sum", "umé"])
    #expect(WordTrigrams.terms("é\tx") == ["é\tx"])
    #expect(WordTrigrams.terms("Éa") == [" Éa"], "only ASCII is lowercased here")
  }

  @Test func malformedBytesNeverOverrunATerm() {
    let bytes: [UInt8] = [0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x42, 0x20, 0xC3]
    var lengths: [Int] = []
    let result = bytes.withUnsafeBufferPointer { text in
      WordTrigrams.forEach(in: text) { term, start, end in
        lengths.append(term.count)
        #expect(start < end && end <= text.count)
        return 0
      }
    }
    #expect(result == 0)
    #expect(lengths == [8, 3], "three scalars of at most four bytes; one padded")
  }

  @Test func aTermCallbackStopsTheTokenizer() {
    var seen = 0
    let result = Array("one two three".utf8).withUnsafeBufferPointer { text in
      WordTrigrams.forEach(in: text) { _, _, _ in
        seen += 1
        return seen == 2 ? 7 : 0
      }
    }
    #expect(result == 7 && seen == 2)
  }

  @Test func theIndexHoldsNoTrigramAcrossASpace() throws {
    let queue = try DatabaseQueue(configuration: StoreTokenizer.configuration)
    try queue.write { db in
      try db.execute(sql: StoreSchema.searchTable)
      try db.execute(sql: "INSERT INTO quote_search(rowid, text) VALUES (1, 'The Peace talks')")
      try db.execute(sql: "INSERT INTO quote_search(rowid, text) VALUES (2, 'I am')")
      try SearchVocabulary.buildTerms(db)
    }
    let terms = try queue.read {
      try String.fetchAll($0, sql: "SELECT term FROM quote_search_terms ORDER BY term")
    }
    #expect(terms == ["  i", " am", "ace", "alk", "eac", "lks", "pea", "tal", "the"])
    func match(_ query: String) throws -> [Int] {
      try queue.read {
        try Int.fetchAll(
          $0, sql: "SELECT rowid FROM quote_search WHERE quote_search MATCH ? ORDER BY rowid",
          arguments: [query])
      }
    }
    #expect(try match("\"PEA\" AND \"lks\"") == [1])
    #expect(try match("\"ta\"") == [], "a fragment of a longer word is no term")
    #expect(try match("\" am\" OR \"the\"") == [1, 2])
  }
}
