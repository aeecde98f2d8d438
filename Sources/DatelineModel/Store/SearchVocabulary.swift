import GRDB
import GRDBSQLite

/// What quote search knows about the trigram index besides the index itself, built once with
/// the store: every trigram with the number of quotes holding it (`quote_search_terms`), and an
/// index of the quotes too short to hold a trigram (`quotes_short_text`).
///
/// With them a search picks its rarest trigrams (fewer candidates to check), answers at once
/// when a trigram of a word occurs nowhere, and finds the quotes holding a one- or two-character
/// word through the trigrams that contain it instead of reading every quote. A store without
/// them (built by an older Dateline) is searched as before.
struct SearchVocabulary: Sendable {
  /// Quotes holding each trigram, as the index folds it (lowercased).
  let documents: [String: Int]
  /// Positions of the quotes with fewer than three characters (no trigram), in order.
  let shortQuotes: [Int]

  static let table = "quote_search_terms"

  /// Creates the vocabulary table (empty).
  static let termsTable = """
    CREATE TABLE \(table) (term TEXT PRIMARY KEY NOT NULL, docs INTEGER NOT NULL) WITHOUT ROWID;
    """

  /// The index of the quotes too short for a trigram.
  static let shortQuotesIndex = """
    CREATE INDEX quotes_short_text ON quotes(position) WHERE length(text) < 3;
    """

  /// Fills the vocabulary and the short-quote index from the filled search index. Called once
  /// by `StoreBuilder` after the index is complete (a file build fills the vocabulary beside
  /// the index, with `buildTerms`, and copies it).
  static func build(_ db: Database) throws {
    try buildTerms(db)
    try db.execute(sql: shortQuotesIndex)
  }

  /// Creates and fills the vocabulary table from the filled `quote_search` of the same database.
  static func buildTerms(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE VIRTUAL TABLE temp.quote_search_vocabulary USING fts5vocab(main, quote_search, row);
        \(termsTable)
        INSERT INTO \(table)(term, docs) SELECT term, doc FROM temp.quote_search_vocabulary;
        DROP TABLE temp.quote_search_vocabulary;
        """)
  }

  /// The store's vocabulary, or nil when it has none.
  static func load(_ db: Database) throws -> SearchVocabulary? {
    guard
      try Int.fetchOne(
        db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
        arguments: [table]) != nil
    else { return nil }
    var documents: [String: Int] = [:]
    let rows = try Row.fetchCursor(db, sql: "SELECT term, docs FROM \(table)")
    while let row = try rows.next() { documents[row[0]] = row[1] }
    let short = try Int.fetchAll(
      db, sql: "SELECT position FROM quotes WHERE length(text) < 3 ORDER BY position")
    return SearchVocabulary(documents: documents, shortQuotes: short)
  }

  /// Quotes holding `trigram`; nil when the index may fold it differently from Swift's
  /// lowercasing (anything but ASCII), so its absence proves nothing.
  func documents(of trigram: String) -> Int? {
    guard trigram.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
    return documents[trigram] ?? 0
  }

  /// The trigrams holding `fragment` (one or two ASCII characters, no NUL), with their quote
  /// counts; nil for anything else. Compared byte by byte: an ASCII fragment in a UTF-8 term is
  /// always whole characters, whatever the term's other characters are.
  func trigrams(containing fragment: String) -> [(term: String, documents: Int)]? {
    let needle = Array(fragment.utf8)
    guard !needle.isEmpty, needle.allSatisfy({ $0 < 0x80 && $0 != 0 }) else { return nil }
    return documents.compactMap { term, count in
      ByteSearch.contains(Array(term.utf8), needle) ? (term, count) : nil
    }
  }
}
