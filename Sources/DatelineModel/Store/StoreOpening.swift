import Foundation
import GRDB

extension StoreReader {
  /// Opens a store file read-only after checking that it is a Dateline store of this version.
  /// One pool of read-only connections serves every read: a search on one connection never
  /// holds up the rows a frame needs on another (nothing writes a built store, so readers
  /// never wait for each other).
  static func open(path: String) throws(DatasetLoadError) -> StoreReader {
    func failure(_ message: String) -> DatasetLoadError {
      DatasetLoadError(diagnostics: [Diagnostic(path: path, line: 1, column: 1, message: message)])
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw failure("cannot open the store: no such readable file")
    }
    let pool: DatabasePool
    let meta: [String: String?]
    do {
      var configuration = StoreTokenizer.configuration
      configuration.readonly = true
      configuration.maximumReaderCount = 3
      pool = try DatabasePool(path: path, configuration: configuration)
      meta = try pool.read { db in
        guard try db.tableExists("meta") else { return [:] }
        var meta: [String: String?] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") {
          meta[row[0] as String] = row[1] as String?
        }
        // Touch every table the timeline reads, so a damaged schema fails here, not later.
        for table in ["sources", "actors", "events", "quotes", "relations"] {
          _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM \(table) LIMIT 1)")
        }
        // The search index cannot be scanned (it keeps no per-row sizes): ask it something.
        _ = try Int.fetchOne(
          db, sql: "SELECT rowid FROM quote_search WHERE quote_search MATCH '\"zqx\"' LIMIT 1")
        return meta
      }
    } catch {
      throw failure("not a readable Dateline store: \(error)")
    }
    guard (meta["application"] ?? nil) == StoreSchema.application else {
      throw failure("not a Dateline store (no '\(StoreSchema.application)' in its meta table)")
    }
    let version = (meta["store_version"] ?? nil).flatMap { Int($0) }
    guard version == StoreSchema.version else {
      throw failure(
        "store version \(version.map(String.init) ?? "unknown"), this dateline reads version \(StoreSchema.version); rebuild it"
      )
    }
    return StoreReader(database: pool, path: path)
  }

  /// The key the store was built for (see `TimelineCache`), or nil if unreadable.
  static func inputKey(ofStoreAt path: String) -> String? {
    guard let reader = try? open(path: path) else { return nil }
    return reader.read { db in
      try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'input_key'")
    } ?? nil
  }

  var firstSourceTitle: String? {
    read { db in
      try String.fetchOne(db, sql: "SELECT title FROM sources ORDER BY input_order LIMIT 1")
    }
      ?? nil
  }

  /// The dataset the store was built from, items in input order.
  func dataset() -> Dataset {
    read { db -> Dataset in
      var dataset = Dataset()
      dataset.title = title
      if let format = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'format'") {
        dataset.format = format
      }
      dataset.sources = try Row.fetchAll(
        db, sql: "SELECT id, publisher, title, published, url FROM sources ORDER BY input_order"
      ).map { Source(id: $0[0], publisher: $0[1], title: $0[2], published: $0[3], url: $0[4]) }
      dataset.actors = try Row.fetchAll(
        db,
        sql: """
          SELECT id, name, aliases, kind, role, affiliation, event_count, quote_count
          FROM actors ORDER BY input_order
          """
      ).map { StoreReader.actor($0).actor }
      dataset.events = try Row.fetchAll(
        db,
        sql: """
          SELECT id, headline, summary, status, location, participants, source, paragraph,
            date_edtf, date_stated, date_tense, date_relative_to, resolved, resolved_stated,
            explanation, same_day_order, upcoming
          FROM events ORDER BY input_order
          """
      ).map { StoreReader.event($0).event }
      dataset.quotes = try Row.fetchAll(
        db,
        sql: """
          SELECT q.id, q.text, q.speaker, q.event, q.kind,
            (SELECT id FROM sources WHERE input_order = q.source), q.paragraph, q.date_edtf,
            q.date_stated, q.date_tense, q.date_relative_to, \(StoreReader.quoteDateColumns),
            NULL, NULL, q.urls, (SELECT url FROM sources WHERE input_order = q.source)
          FROM quotes q ORDER BY q.input_order
          """
      ).map { StoreReader.quote($0).quote }
      dataset.relations = try Row.fetchAll(
        db,
        sql: """
          SELECT from_id, to_id, kind, event, source, paragraph FROM relations
          ORDER BY input_order
          """
      ).map { row in
        Relation(
          from: row[0], to: row[1], kind: RelationKind(rawValue: row[2]) ?? .metWith,
          event: row[3], provenance: Provenance(source: row[4], paragraph: row[5]))
      }
      return dataset
    } ?? Dataset()
  }
}
