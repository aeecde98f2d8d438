import Dispatch
import GRDB
import GRDBSQLite

/// Quote texts in position order, packed in one buffer: what the search index is filled from.
struct SearchTextBatch: Sendable {
  /// The position of the first text; the others follow one by one.
  let first: Int
  private(set) var bytes: [UInt8] = []
  /// Where each text ends in `bytes`.
  private(set) var ends: [Int] = []

  init(first: Int) {
    self.first = first
  }

  var count: Int { ends.count }

  mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
    bytes.append(contentsOf: text)
    ends.append(bytes.count)
  }
}

/// Fills a store's search index (`quote_search`, see `StoreSchema`) and its vocabulary.
///
/// A file build gives the index a connection, a scratch database and a thread of its own, so the
/// index (the largest part of a build after reading the input) is filled while the builder writes
/// the mentions and the other indexes; `StoreBuilder` then copies the index's tables into the
/// store (an FTS5 index is self-contained in its `_data` and `_idx` tables). An in-memory build
/// fills its own table with `fill(_:into:)`, the same code on the same connection.
final class SearchIndexWriter: @unchecked Sendable {
  private let scratch: AtomicFileWriter
  private var queue: DatabaseQueue?
  private let thread = DispatchQueue(label: "dateline.search-index")
  /// At most this many batches wait for the thread.
  private let waiting = DispatchSemaphore(value: 4)
  private let failureBox = Locked<(any Error)?>(nil)

  /// Where the scratch database is, while the writer lives.
  var path: String { scratch.temporaryPath }

  /// A writer whose scratch database lies beside `storePath` (under a temporary name that is
  /// removed on a signal, and by the next build after a crash).
  init(besides storePath: String) throws {
    scratch = try AtomicFileWriter(path: storePath + ".search")
    do {
      // One transaction spans every batch, each handed over in an access of its own.
      var configuration = StoreTokenizer.configuration
      configuration.allowsUnsafeTransactions = true
      let queue = try DatabaseQueue(path: scratch.temporaryPath, configuration: configuration)
      try queue.inDatabase { db in
        try db.execute(
          sql: """
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -2048;
            \(StoreSchema.searchTable)
            """)
        try SearchIndexWriter.prepare(db)
      }
      self.queue = queue
    } catch {
      scratch.discard()
      throw error
    }
  }

  deinit { discard() }

  /// Sets the index up for a bulk fill: a large in-memory hash of pending terms, so the index is
  /// written in a few big segments instead of many small ones that must be merged again.
  static func prepare(_ db: Database) throws {
    try db.execute(
      sql: "INSERT INTO quote_search(quote_search, rank) VALUES ('hashsize', \(64 << 20))")
  }

  /// Indexes a batch's texts under their positions. The index folds ASCII case itself, so an
  /// ASCII text goes in as it is; any other is folded as `QuoteSearchText` says first.
  static func fill(_ batch: SearchTextBatch, into statement: RawStatement) throws {
    try batch.bytes.withUnsafeBufferPointer { all in
      var start = 0
      for (offset, end) in batch.ends.enumerated() {
        let text = UnsafeBufferPointer(rebasing: all[start..<end])
        start = end
        statement.bind(1, batch.first + offset)
        if text.allSatisfy({ $0 < 0x80 }) {
          statement.bind(2, utf8: text)
          try statement.run()
        } else {
          statement.bind(2, QuoteSearchText.indexed(String(decoding: text, as: UTF8.self)))
          try statement.run()
        }
      }
    }
  }

  static let insertSQL = "INSERT INTO quote_search(rowid, text) VALUES (?, ?)"

  /// Hands a batch to the thread (waiting while four are queued). Batches come in position
  /// order, and all go in one transaction: FTS5 writes its pending terms at each commit.
  func add(_ batch: SearchTextBatch) {
    waiting.wait()
    thread.async { [self] in
      defer { waiting.signal() }
      guard failureBox.withLock({ $0 }) == nil, let queue else { return }
      do {
        try queue.inDatabase { db in
          if statement == nil {
            try db.execute(sql: "BEGIN")
            statement = try RawStatement(db, SearchIndexWriter.insertSQL)
          }
          if let statement { try SearchIndexWriter.fill(batch, into: statement) }
        }
      } catch {
        failureBox.withLock { $0 = $0 ?? error }
      }
    }
  }

  /// The insert, prepared on the thread with the first batch (used only there).
  private var statement: RawStatement?

  /// Waits for the batches, writes the vocabulary beside the index and closes the scratch
  /// database: `path` is then ready to be attached and copied. Throws what went wrong on the
  /// thread.
  func complete() throws {
    thread.sync {}
    if let failure = failureBox.withLock({ $0 }) { throw failure }
    guard let queue else { return }
    try queue.inDatabase { db in
      if statement == nil { try db.execute(sql: "BEGIN") }
      statement = nil
      try SearchVocabulary.buildTerms(db)
      try db.execute(sql: "COMMIT")
    }
    try queue.close()
    self.queue = nil
  }

  /// Copies the index and its vocabulary from the scratch database, attached as `search`, into
  /// the store's own (empty) tables.
  static func copy(_ db: Database) throws {
    try db.execute(
      sql: """
        DELETE FROM main.quote_search_data;
        DELETE FROM main.quote_search_idx;
        INSERT INTO main.quote_search_data SELECT * FROM search.quote_search_data;
        INSERT INTO main.quote_search_idx SELECT * FROM search.quote_search_idx;
        \(SearchVocabulary.termsTable)
        INSERT INTO main.\(SearchVocabulary.table) SELECT * FROM search.\(SearchVocabulary.table);
        """)
  }

  /// Removes the scratch database (after the copy, or when the build fails).
  func discard() {
    thread.sync {}
    try? queue?.close()
    queue = nil
    scratch.discard()
  }
}
