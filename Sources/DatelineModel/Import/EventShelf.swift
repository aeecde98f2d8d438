import Foundation
import GRDB
import Synchronization

/// A large dataset's events kept on disk while it is checked and imported, instead of in memory:
/// a private SQLite database that SQLite removes when it is closed (or when the process ends).
/// Rows keep the reading order (`row` counts from 0), with each event's place in its file for
/// messages. Memory holds a small page cache and a few recent look-ups, whatever the number of
/// events (a 300k-event import held some 420 bytes an event before).
///
/// Reads are safe from several threads (the quote checkers look events up).
public final class EventShelf: Sendable {
  private let queue: DatabaseQueue
  /// The dataset's files, by number: locations keep a number instead of a path.
  private let files: [String]
  private let state = Mutex(State())
  /// Events read at once when reading in order (the checks walk the events from first to last).
  private static let blockSize = 256
  /// Look-ups remembered: quotes of a file mostly name the same few events.
  private static let recentLimit = 1024

  private struct State {
    var count = 0
    var block: (start: Int, events: [Event]) = (0, [])
    var recentEvents: [Int: Event] = [:]
    var recentRows: [String: Int?] = [:]
    var failure: String?
    var mostHeld = 0

    /// Keeps the first failure.
    mutating func fail(_ error: any Error) {
      if failure == nil { failure = EventShelf.reason(error) }
    }

    mutating func noteHeld() {
      mostHeld = max(mostHeld, block.events.count + recentEvents.count)
    }
  }

  /// The most events held in memory at once: a block and the recent look-ups.
  var mostHeld: Int { state.withLock { $0.mostHeld } }

  /// A new, empty shelf for the events of `files`.
  init(files: [String]) throws(DatasetLoadError) {
    self.files = files
    do {
      // An empty path: a temporary database on disk that SQLite deletes when it closes it.
      var configuration = Configuration()
      configuration.label = "dateline.event-shelf"
      queue = try DatabaseQueue(path: "", configuration: configuration)
      try queue.inDatabase { db in
        try db.execute(
          sql: """
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -2048;
            PRAGMA temp_store = FILE;
            CREATE TABLE events (
              row INTEGER PRIMARY KEY, key TEXT NOT NULL,
              id TEXT NOT NULL, headline TEXT NOT NULL, summary TEXT NOT NULL,
              status TEXT NOT NULL, location TEXT, participants BLOB NOT NULL,
              source TEXT NOT NULL, paragraph INTEGER NOT NULL,
              date_edtf TEXT, date_stated TEXT, date_tense TEXT, date_relative_to TEXT,
              file INTEGER NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL,
              reread_offset INTEGER, id_line INTEGER, id_col INTEGER);
            """)
      }
    } catch {
      throw EventShelf.failure(error)
    }
  }

  static func failure(_ error: any Error) -> DatasetLoadError {
    failure(reason: reason(error))
  }

  /// SQLite's own words for a failure, without the statement GRDB adds.
  private static func reason(_ error: any Error) -> String {
    (error as? DatabaseError)?.message ?? "\(error)"
  }

  private static func failure(reason: String) -> DatasetLoadError {
    DatasetLoadError(diagnostics: [
      Diagnostic(
        path: NSTemporaryDirectory(), line: 1, column: 1,
        message:
          "cannot keep the events in a temporary database: \(reason); free some disk space (or set TMPDIR to a directory with room) and try again"
      )
    ])
  }

  /// What ids are compared by: Swift compares strings by canonical equivalence ("é" as one
  /// character or as "e" and an accent are equal), SQLite by their bytes, so each id is kept
  /// with, and looked up by, its composed form. An ASCII id is its own.
  static func key(_ id: String) -> String {
    id.utf8.allSatisfy { $0 < 0x80 } ? id : id.precomposedStringWithCanonicalMapping
  }

  /// The first read or write that failed, as an error to stop on (reads then return empty
  /// events, which the caller must not trust).
  var failure: DatasetLoadError? {
    state.withLock { $0.failure }.map { EventShelf.failure(reason: $0) }
  }

  public var count: Int { state.withLock { $0.count } }

  /// Puts events read from file number `file` after those shelved before.
  func append(_ events: [Event], locations: [ItemLocation], file: Int) throws(DatasetLoadError) {
    guard !events.isEmpty else { return }
    let start = count
    do {
      try queue.inTransaction { db in
        // Bound in place through SQLite's C interface: no boxed arguments for each event.
        let insert = try RawStatement(
          db,
          "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        for (offset, event) in events.enumerated() {
          let location = locations[offset]
          let date = StoreDateColumns(event.date)
          let idPosition = location.reread == nil ? location.fields["id"] : nil
          insert.bind(1, start + offset)
          insert.bind(2, EventShelf.key(event.id))
          let columns: [String?] = [
            event.id, event.headline, event.summary, event.status.rawValue, event.location,
          ]
          for (place, text) in columns.enumerated() { insert.bind(Int32(place + 3), text) }
          insert.bind(8, blob: EventShelf.encode(event.participants))
          insert.bind(9, event.provenance.source)
          insert.bind(10, event.provenance.paragraph)
          for (place, text) in [date.edtf, date.stated, date.tense, date.relativeTo].enumerated() {
            insert.bind(Int32(place + 11), text)
          }
          let numbers: [Int?] = [
            file, location.object.line, location.object.column, location.reread?.offset,
            idPosition?.line, idPosition?.column,
          ]
          for (place, number) in numbers.enumerated() { insert.bind(Int32(place + 15), number) }
          try insert.run()
        }
        return .commit
      }
    } catch {
      throw EventShelf.failure(error)
    }
    state.withLock { $0.count = start + events.count }
  }

  /// Makes look-ups by id fast; call it once every event is shelved.
  func finishWriting() throws(DatasetLoadError) {
    do {
      try queue.inDatabase { db in try db.execute(sql: "CREATE INDEX events_key ON events(key)") }
    } catch {
      throw EventShelf.failure(error)
    }
  }

  /// Each row whose id an earlier event has, with the first row of that id (none in a dataset
  /// without duplicates; one pass over the index).
  func laterUses() -> [Int: Int] {
    state.withLock { state in
      do {
        return try queue.inDatabase { db in
          var found: [Int: Int] = [:]
          let rows = try Row.fetchCursor(
            db,
            sql: """
              SELECT e.row, f.first FROM events e
              JOIN (SELECT key, min(row) AS first FROM events GROUP BY key HAVING count(*) > 1) f
                ON f.key = e.key
              WHERE e.row > f.first
              """)
          while let row = try rows.next() { found[row[0]] = row[1] }
          return found
        }
      } catch {
        state.fail(error)
        return [:]
      }
    }
  }

  /// Event `row`. A read `inOrder` (a walk over the events from the first) takes the block of
  /// events from there; any other read is looked up alone and never moves the block, so that
  /// reading an anchor far behind does not make the walk read its events one at a time.
  func event(_ row: Int, inOrder: Bool = false) -> Event {
    state.withLock { state in
      let block = state.block
      if row >= block.start && row < block.start + block.events.count {
        return block.events[row - block.start]
      }
      if !inOrder, let event = state.recentEvents[row] { return event }
      let events = fetch(
        &state, "row >= ? ORDER BY row LIMIT ?", [row, inOrder ? EventShelf.blockSize : 1])
      guard let event = events.first else { return EventShelf.placeholder }
      if inOrder {
        state.block = (row, events)
      } else {
        if state.recentEvents.count >= EventShelf.recentLimit { state.recentEvents = [:] }
        state.recentEvents[row] = event
      }
      state.noteHeld()
      return event
    }
  }

  /// The first row of the event with id `id`, if any.
  func firstRow(of id: String) -> Int? {
    state.withLock { state in
      if let known = state.recentRows[id] { return known }
      var found: Int?
      do {
        found = try queue.inDatabase { db in
          let rows = try RawRows(db, "SELECT row FROM events WHERE key = ? ORDER BY row LIMIT 1")
          rows.bind(1, EventShelf.key(id))
          return try rows.next() ? rows.integer(0) : nil
        }
      } catch {
        state.fail(error)
      }
      if state.recentRows.count >= EventShelf.recentLimit { state.recentRows = [:] }
      state.recentRows[id] = found
      return found
    }
  }

  /// The first row and the headline of each of `ids` that an event has: one query for the
  /// events a batch of quotes names, instead of one an event (and no waiting on other threads).
  /// Look the answers up by the ids asked for (a Swift dictionary finds an id in any of its
  /// canonically equivalent forms).
  func firstRows(of ids: [String]) -> [String: (row: Int, headline: String)] {
    var found: [String: (row: Int, headline: String)] = [:]
    let keys = Array(Set(ids.map(EventShelf.key)))
    do {
      try queue.inDatabase { db in
        // SQLite takes at most 32,766 parameters; fewer at a time keep the statements small.
        for start in stride(from: 0, to: keys.count, by: 500) {
          var part = Array(keys[start..<min(keys.count, start + 500)])
          // Padded to a power of two with a key again: a few statements prepared, not 500.
          while part.count & (part.count - 1) != 0 { part.append(part[0]) }
          let marks = Array(repeating: "?", count: part.count).joined(separator: ",")
          // A bare column beside min() comes from the row with the minimum.
          let rows = try RawRows(
            db, "SELECT key, min(row), headline FROM events WHERE key IN (\(marks)) GROUP BY key")
          for (place, key) in part.enumerated() { rows.bind(Int32(place + 1), key) }
          while try rows.next() { found[rows.text(0)] = (rows.integer(1), rows.text(2)) }
        }
      }
    } catch {
      state.withLock { $0.fail(error) }
    }
    return found
  }

  /// Where event `row` is in its file.
  func location(_ row: Int) -> ItemLocation? {
    state.withLock { state in
      do {
        return try queue.inDatabase { db -> ItemLocation? in
          let rows = try RawRows(
            db, "SELECT file, line, col, reread_offset, id_line, id_col FROM events WHERE row = ?",
            [row])
          guard try rows.next() else { return nil }
          let file = rows.integer(0)
          var location = ItemLocation(
            path: file < files.count ? files[file] : "-",
            object: TextPosition(line: rows.integer(1), column: rows.integer(2)))
          if !rows.isNull(3) {
            location.reread = ItemLocation.Reread(offset: rows.integer(3), collection: .events)
          }
          if !rows.isNull(4), !rows.isNull(5) {
            location.record("id", TextPosition(line: rows.integer(4), column: rows.integer(5)))
          }
          return location
        }
      } catch {
        state.fail(error)
        return nil
      }
    }
  }

  /// Calls `body` with every event id and its row, in reading order.
  func forEachID(_ body: (Int, String) throws -> Void) throws(DatasetLoadError) {
    do {
      try queue.inDatabase { db in
        let rows = try RawRows(db, "SELECT row, id FROM events ORDER BY row")
        while try rows.next() { try body(rows.integer(0), rows.text(1)) }
      }
    } catch let error as DatasetLoadError {
      throw error
    } catch {
      throw EventShelf.failure(error)
    }
  }

  /// Every event, in reading order: for a sink that holds them anyway.
  func allEvents() throws(DatasetLoadError) -> [Event] {
    let events = state.withLock { state in
      state.mostHeld = max(state.mostHeld, state.count)
      return fetch(&state, "1 ORDER BY row", [])
    }
    if let failure { throw failure }
    return events
  }

  private func fetch(_ state: inout State, _ condition: String, _ arguments: StatementArguments)
    -> [Event]
  {
    do {
      return try queue.inDatabase { db in
        var events: [Event] = []
        let rows = try RawRows(
          db, "SELECT \(EventShelf.eventColumns) FROM events WHERE \(condition)", arguments)
        while try rows.next() { events.append(EventShelf.event(rows, from: 0)) }
        return events
      }
    } catch {
      state.fail(error)
      return []
    }
  }

  private static let eventColumns = """
    id, headline, summary, status, location, participants, source, paragraph,
    date_edtf, date_stated, date_tense, date_relative_to
    """

  /// The event in the current row's `eventColumns`, which start at column `first`.
  private static func event(_ rows: RawRows, from first: Int32) -> Event {
    let date = StoreDateColumns(
      edtf: rows.optionalText(first + 8), stated: rows.optionalText(first + 9),
      tense: rows.optionalText(first + 10), relativeTo: rows.optionalText(first + 11))
    return Event(
      id: rows.text(first), headline: rows.text(first + 1), summary: rows.text(first + 2),
      date: date.spec ?? .edtf(""),
      status: EventStatus(rawValue: rows.text(first + 3)) ?? .occurred,
      participants: EventShelf.decode(rows.blob(first + 5)),
      location: rows.optionalText(first + 4),
      provenance: Provenance(source: rows.text(first + 6), paragraph: rows.integer(first + 7)))
  }

  /// Gives every event its key in chronological order (`key` is called in reading order),
  /// kept beside it for `forEachSorted`.
  func sort(
    by key: (Int, Event) throws(DatasetLoadError) -> ChronologicalKey
  ) throws(DatasetLoadError) {
    do {
      try queue.inDatabase { db in
        try db.execute(
          sql: """
            DROP TABLE IF EXISTS keys;
            CREATE TABLE keys (
              row INTEGER PRIMARY KEY, upcoming INTEGER NOT NULL, day INTEGER NOT NULL,
              same_day INTEGER NOT NULL, precision INTEGER NOT NULL,
              source_order INTEGER NOT NULL, paragraph_order INTEGER NOT NULL);
            """)
      }
      let total = count
      var start = 0
      while start < total {
        let events = state.withLock { state in
          fetch(&state, "row >= ? ORDER BY row LIMIT ?", [start, EventShelf.blockSize])
        }
        if let failure { throw failure }
        guard !events.isEmpty else { break }
        var keys: [[Int]] = []
        for (offset, event) in events.enumerated() {
          keys.append(try key(start + offset, event).sortColumns)
        }
        try queue.inTransaction { db in
          let insert = try RawStatement(db, "INSERT INTO keys VALUES (?, ?, ?, ?, ?, ?, ?)")
          for (offset, columns) in keys.enumerated() {
            // The index (last) sorts ties; the row is the index.
            insert.bind(1, start + offset)
            for (place, value) in columns.dropLast().enumerated() {
              insert.bind(Int32(place + 2), value)
            }
            try insert.run()
          }
          return .commit
        }
        start += events.count
      }
    } catch let error as DatasetLoadError {
      throw error
    } catch {
      throw EventShelf.failure(error)
    }
  }

  /// Calls `body` with every event in the order `sort` gave them, with its row and whether it
  /// is upcoming. SQLite sorts them, on disk beyond its cache. What `body` throws comes out as
  /// it is; a failure of the shelf's own (a full temporary directory) as the shelf's error.
  func forEachSorted(_ body: (Int, Bool, Event) throws -> Void) throws {
    var bodyFailed = false
    do {
      try queue.inDatabase { db in
        let rows = try RawRows(
          db,
          """
          SELECT k.row, k.upcoming, \(EventShelf.eventColumns)
          FROM keys k JOIN events USING (row)
          ORDER BY k.upcoming, k.day, k.same_day, k.precision, k.source_order, k.paragraph_order,
            k.row
          """)
        while try rows.next() {
          do {
            try body(rows.integer(0), rows.integer(1) != 0, EventShelf.event(rows, from: 2))
          } catch {
            bodyFailed = true
            throw error
          }
        }
      }
    } catch {
      if bodyFailed { throw error }
      throw EventShelf.failure(error)
    }
  }

  private static let placeholder = Event(
    id: "", headline: "", summary: "", date: .edtf(""), status: .occurred, participants: [],
    provenance: Provenance(source: "", paragraph: 0))

  /// Participants as UTF-8 strings, each after its length in four bytes: any id survives.
  static func encode(_ strings: [String]) -> [UInt8] {
    var bytes: [UInt8] = []
    for string in strings {
      let count = UInt32(string.utf8.count)
      withUnsafeBytes(of: count.littleEndian) { bytes += $0 }
      bytes += string.utf8
    }
    return bytes
  }

  static func decode(_ bytes: [UInt8]) -> [String] {
    bytes.withUnsafeBytes { decode($0) }
  }

  static func decode(_ raw: UnsafeRawBufferPointer) -> [String] {
    var strings: [String] = []
    var at = 0
    while at + 4 <= raw.count {
      var count: UInt32 = 0
      withUnsafeMutableBytes(of: &count) {
        $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[at..<at + 4]))
      }
      at += 4
      let end = min(raw.count, at + Int(UInt32(littleEndian: count)))
      strings.append(String(decoding: raw[at..<end], as: UTF8.self))
      at = end
    }
    return strings
  }
}
