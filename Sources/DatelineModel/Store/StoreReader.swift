import Foundation
import GRDB
import Synchronization

/// Answers the timeline's questions from a store: pages of rows by position (cached), look-ups
/// by id, and the indexed queries. Safe to use from any thread: the database serializes access
/// and the caches are locked.
final class StoreReader: Sendable {
  /// A pool of read-only connections for a store file (a search on one never holds up the
  /// rows a frame needs); one connection in memory.
  let database: any DatabaseReader
  /// The same as `database` (kept for callers that say which reads are searches).
  let searchDatabase: any DatabaseReader
  /// The store file, or nil in memory.
  let path: String?
  let counts: StoreCounts
  let title: String?
  let asOf: CivilDay?
  /// The position of the first upcoming event (they all sort last), or nil when none is.
  let firstUpcomingEvent: Int?

  let eventPages: PageCache<TimelineEvent>
  let actorPages: PageCache<TimelineActor>
  let quotePages: PageCache<TimelineQuote>
  private let speakerKeys = Locked<[(id: String, keys: [String])]?>(nil)
  /// Quote search's vocabulary, read at the first search (`.some(nil)`: the store has none).
  let vocabulary = Locked<SearchVocabulary??>(nil)

  init(
    database: any DatabaseReader, searchDatabase: (any DatabaseReader)? = nil, path: String?,
    counts: StoreCounts? = nil
  ) {
    self.database = database
    self.searchDatabase = searchDatabase ?? database
    self.path = path
    let meta: [String: String?] =
      (try? database.unsafeRead { db in
        var meta: [String: String?] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") {
          meta[row[0] as String] = row[1] as String?
        }
        return meta
      }) ?? [:]
    func number(_ key: String) -> Int { (meta[key] ?? nil).flatMap { Int($0) } ?? 0 }
    self.counts =
      counts
      ?? StoreCounts(
        events: number("event_count"), actors: number("actor_count"),
        quotes: number("quote_count"))
    title = meta["title"] ?? nil
    asOf = (meta["as_of"] ?? nil).flatMap { CivilDay(iso: $0) }
    firstUpcomingEvent = (meta["first_upcoming_event"] ?? nil).flatMap { Int($0) }
    eventPages = PageCache(count: self.counts.events)
    actorPages = PageCache(count: self.counts.actors)
    quotePages = PageCache(count: self.counts.quotes)
  }

  // MARK: Pages

  static let pageSize = 64

  /// The rows of each list, as `SELECT COLUMNS FROM TABLE` with the key that orders them.
  private static let eventRows = RowQuery(
    columns: """
      id, headline, summary, status, location, participants, source, paragraph,
      date_edtf, date_stated, date_tense, date_relative_to, resolved, resolved_stated,
      explanation, same_day_order, upcoming
      """, table: "events", key: "position")
  private static let actorRows = RowQuery(
    columns: "id, name, aliases, kind, role, affiliation, event_count, quote_count",
    table: "actors", key: "rank")
  private static let quoteRows = RowQuery(
    columns: """
      q.id, q.text, q.speaker, q.event, q.kind,
      (SELECT id FROM sources WHERE input_order = q.source), q.paragraph, q.date_edtf,
      q.date_stated, q.date_tense, q.date_relative_to, \(StoreReader.quoteDateColumns),
      (SELECT name FROM actors WHERE id = q.speaker ORDER BY input_order LIMIT 1),
      (SELECT aliases FROM actors WHERE id = q.speaker ORDER BY input_order LIMIT 1), q.urls,
      (SELECT url FROM sources WHERE input_order = q.source)
      """, table: "quotes q", key: "q.position")

  func event(at position: Int) -> TimelineEvent {
    eventPages.element(at: position) { range in
      fetchRows(Self.eventRows, range, decode: StoreReader.event(_:))
    } placeholder: {
      TimelineEvent(
        event: Event(
          id: "", headline: "", summary: "", date: .edtf(""), status: .occurred, participants: [],
          provenance: Provenance(source: "", paragraph: 0)),
        date: StoreReader.unknownDate, isUpcoming: false)
    }
  }

  func actor(at rank: Int) -> TimelineActor {
    actorPages.element(at: rank) { range in
      fetchRows(Self.actorRows, range, decode: StoreReader.actor(_:))
    } placeholder: {
      TimelineActor(actor: Actor(id: "", name: "", kind: .person), eventCount: 0, quoteCount: 0)
    }
  }

  func quote(at position: Int) -> TimelineQuote {
    quotePages.element(at: position) { range in
      fetchRows(Self.quoteRows, range, decode: StoreReader.quote(_:))
    } placeholder: {
      TimelineQuote(
        quote: Quote(
          id: "", text: "", speaker: "", provenance: Provenance(source: "", paragraph: 0)),
        date: StoreReader.unknownDate, speakerName: "")
    }
  }

  /// Reads the events at `positions` that are not cached yet, in one query: a screen of search
  /// results lies scattered over the timeline, and reading a whole page for each row read 64
  /// rows for every one shown.
  func prefetchEvents(_ positions: [Int]) {
    eventPages.prefetch(
      positions, page: { fetchRows(Self.eventRows, $0, decode: StoreReader.event(_:)) },
      rows: { fetchRows(Self.eventRows, $0, decode: StoreReader.event(_:)) })
  }

  /// Reads the actors at `ranks` not cached yet, in one query.
  func prefetchActors(_ ranks: [Int]) {
    actorPages.prefetch(
      ranks, page: { fetchRows(Self.actorRows, $0, decode: StoreReader.actor(_:)) },
      rows: { fetchRows(Self.actorRows, $0, decode: StoreReader.actor(_:)) })
  }

  /// Reads the quotes at `positions` not cached yet, in one query.
  func prefetchQuotes(_ positions: [Int]) {
    quotePages.prefetch(
      positions, page: { fetchRows(Self.quoteRows, $0, decode: StoreReader.quote(_:)) },
      rows: { fetchRows(Self.quoteRows, $0, decode: StoreReader.quote(_:)) })
  }

  /// A quote's resolved date, resolved words, explanation and same-day order: `resolved` is
  /// NULL when it is the EDTF date as written, `explanation` when it is "as given".
  static let quoteDateColumns = """
    coalesce(q.resolved, q.date_edtf), q.resolved_stated, coalesce(q.explanation, 'as given'),
    q.same_day_order
    """

  /// The rows of a page, in order.
  private func fetchRows<Element>(
    _ query: RowQuery, _ range: Range<Int>, decode: (Row) -> Element
  ) -> [Element]? {
    read { db in
      try Row.fetchAll(
        db.cachedStatement(
          sql: """
            SELECT \(query.columns) FROM \(query.table)
            WHERE \(query.key) >= ? AND \(query.key) < ? ORDER BY \(query.key)
            """), arguments: [range.lowerBound, range.upperBound]
      ).map(decode)
    }
  }

  /// The rows at `keys` (any order), each with its key; the key is the last column, so the
  /// decoders read the same columns as for a page.
  private func fetchRows<Element>(
    _ query: RowQuery, _ keys: [Int], decode: (Row) -> Element
  ) -> [(Int, Element)]? {
    let list = StoreReader.inList(keys)
    return read { db in
      try Row.fetchAll(
        db.cachedStatement(
          sql: """
            SELECT \(query.columns), \(query.key) FROM \(query.table)
            WHERE \(query.key) IN (\(list.marks))
            """), arguments: list.arguments
      ).map { row in (row[row.count - 1], decode(row)) }
    }
  }

  static let unknownDate = ResolvedDate(
    value: .day(CivilDay(dayNumber: 0)), explanation: "unreadable store row")

  private static func resolvedDate(_ row: Row, from column: Int) -> ResolvedDate {
    let text: String = row[column]
    let value = (try? EDTFDate(parsing: text)) ?? .day(CivilDay(dayNumber: 0))
    return ResolvedDate(
      value: value, stated: row[column + 1], explanation: row[column + 2],
      sameDayOrder: row[column + 3])
  }

  private static func dateSpec(_ row: Row, from column: Int) -> DateSpec? {
    StoreDateColumns(
      edtf: row[column], stated: row[column + 1], tense: row[column + 2],
      relativeTo: row[column + 3]
    ).spec
  }

  static func event(_ row: Row) -> TimelineEvent {
    let event = Event(
      id: row[0], headline: row[1], summary: row[2], date: dateSpec(row, from: 8) ?? .edtf(""),
      status: EventStatus(rawValue: row[3]) ?? .occurred,
      participants: StoreJSON.strings(row[5]), location: row[4],
      provenance: Provenance(source: row[6], paragraph: row[7]))
    return TimelineEvent(event: event, date: resolvedDate(row, from: 12), isUpcoming: row[16])
  }

  static func actor(_ row: Row) -> TimelineActor {
    let actor = Actor(
      id: row[0], name: row[1], aliases: StoreJSON.strings(row[2]),
      kind: ActorKind(rawValue: row[3]) ?? .person, role: row[4], affiliation: row[5])
    return TimelineActor(actor: actor, eventCount: row[6], quoteCount: row[7])
  }

  /// Columns: id, text, speaker, event, kind, source id, paragraph, the four date columns, the
  /// four of `quoteDateColumns`, speaker name and aliases (or NULLs), urls, source url.
  static func quote(_ row: Row) -> TimelineQuote {
    let quote = Quote(
      id: row[0], text: row[1], speaker: row[2], event: row[3], date: dateSpec(row, from: 7),
      kind: (row[4] as String?).flatMap(QuoteKind.init(rawValue:)) ?? .full,
      provenance: Provenance(source: row[5], paragraph: row[6]),
      urls: StoreURLs.decode(row[17], sourceURL: row[18]))
    let name: String? = row[15]
    let aliases: String? = row[16]
    return TimelineQuote(
      quote: quote, date: resolvedDate(row, from: 11), speakerName: name ?? quote.speaker,
      speakerAliases: aliases.map(StoreJSON.strings) ?? [])
  }

  // MARK: Queries

  /// Runs a read; a failing store reads as empty rather than crashing the browser, and the
  /// failure is kept for whoever reports it: `takeProblem()` (the browser's status line) and
  /// `StoreReader.firstProblem` (the command line's error and exit status).
  ///
  /// Nothing writes a store once it is built, so a read needs no transaction and no read-only
  /// mode around it (GRDB's `read` runs four statements for them, each compiled anew, around
  /// every page of rows and every look-up); and the statements are prepared once per connection
  /// (`cachedStatement`, `inList`), not compiled at each use.
  func read<T>(search: Bool = false, _ body: (Database) throws -> T) -> T? {
    do {
      return try (search ? searchDatabase : database).unsafeRead(body)
    } catch {
      record(error)
      return nil
    }
  }

  private let pendingProblem = Locked<Diagnostic?>(nil)
  private static let processFirst = Locked<Diagnostic?>(nil)
  /// Where the first failed read is kept: the process's place, unless a caller has its own for
  /// the reads made in its task (`Timeline.withOwnStoreProblems`).
  @TaskLocal static var first = processFirst

  /// The first store read that failed in this process (or scope), as a located error.
  static var firstProblem: Diagnostic? { first.withLock { $0 } }

  /// The latest failed read not yet taken, once.
  func takeProblem() -> Diagnostic? {
    pendingProblem.withLock { problem in
      defer { problem = nil }
      return problem
    }
  }

  func record(_ error: any Error) {
    let detail = (error as? DatabaseError).flatMap(\.message) ?? "\(error)"
    let diagnostic = Diagnostic(
      path: path ?? "<memory>", line: 1, column: 1,
      message:
        "cannot read the store: \(detail); rebuild it (delete the file, or run dateline import again)"
    )
    pendingProblem.withLock { $0 = diagnostic }
    StoreReader.first.withLock { first in
      if first == nil { first = diagnostic }
    }
  }

  /// The position of the quote with this id (the last, should ids repeat), by its hash.
  func quotePosition(id: String) -> Int? {
    integer(
      "SELECT position FROM quotes WHERE id_hash = ? AND id = ? ORDER BY position DESC LIMIT 1",
      [StoreSchema.idHash(id), id])
  }

  func integers(_ sql: String, _ arguments: StatementArguments = []) -> [Int] {
    read { db in try Int.fetchAll(db.cachedStatement(sql: sql), arguments: arguments) } ?? []
  }

  func integer(_ sql: String, _ arguments: StatementArguments = []) -> Int? {
    read { db in try Int.fetchOne(db.cachedStatement(sql: sql), arguments: arguments) } ?? nil
  }

  /// `?` marks for an `IN (...)` list of `values` and the arguments to bind to them, the list
  /// padded with its last value to a power of two: SQL that differs only in the length of such
  /// a list is then a few prepared statements, not one for every length met. (A repeated value
  /// changes nothing: `IN` asks whether a value is among them.)
  static func inList<Value: DatabaseValueConvertible>(_ values: [Value]) -> (
    marks: String, arguments: StatementArguments
  ) {
    guard let last = values.last else { return ("", []) }
    var padded = values
    var length = 1
    while length < values.count { length *= 2 }
    padded.append(contentsOf: repeatElement(last, count: length - values.count))
    return (databaseQuestionMarks(count: length), StatementArguments(padded))
  }

  func source(id: String) -> Source? {
    read { db in
      try Row.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT id, publisher, title, published, url FROM sources WHERE id = ?
            ORDER BY input_order LIMIT 1
            """), arguments: [id]
      ).map { row in
        Source(id: row[0], publisher: row[1], title: row[2], published: row[3], url: row[4])
      }
    } ?? nil
  }

  /// Every speaker (actors, and any quote speaker that is not one) with its `@` keys.
  func allSpeakerKeys() -> [(id: String, keys: [String])] {
    if let cached = speakerKeys.withLock({ $0 }) { return cached }
    let keys =
      read(search: true) { db -> [(id: String, keys: [String])] in
        var result: [(id: String, keys: [String])] = []
        var seen = Set<String>()
        let rows = try Row.fetchCursor(
          db, sql: "SELECT id, name, aliases FROM actors ORDER BY input_order")
        while let row = try rows.next() {
          let id: String = row[0]
          guard seen.insert(id).inserted else { continue }
          let name: String = row[1]
          let aliases = StoreJSON.strings(row[2])
          result.append(
            (id, TimelineQuote.speakerKeys(speaker: id, name: name, aliases: aliases)))
        }
        // Every speaker is an actor (the builder checks it), so the actors are all there is.
        return result
      } ?? []
    speakerKeys.withLock { $0 = keys }
    return keys
  }
}

/// The columns of one list's rows, the table (with its alias) and the key column that numbers
/// them.
struct RowQuery: Sendable {
  var columns: String
  var table: String
  var key: String
}

/// Fixed-size pages of decoded rows, the most recently used kept: a frame touches a few dozen
/// rows, so the browser almost never waits on the database. Rows read one by one (a screen of
/// scattered search results, `prefetch`) are kept beside the pages.
final class PageCache<Element: Sendable>: Sendable {
  let count: Int
  private let state = Locked(State())
  private static var maximumPages: Int { 256 }
  /// Rows kept outside pages; all are dropped when more would not fit (a few screens' worth).
  static var maximumSingles: Int { 4096 }

  private struct State {
    var pages: [Int: [Element]] = [:]
    var lastUsed: [Int: Int] = [:]
    var clock = 0
    var singles: [Int: Element] = [:]
    var rowsRead = 0
  }

  init(count: Int) {
    self.count = count
  }

  /// Rows read from the store so far (for tests: a frame must not read more than it shows).
  var rowsRead: Int { state.withLock { $0.rowsRead } }

  func element(
    at index: Int, fetch: (Range<Int>) -> [Element]?, placeholder: () -> Element
  ) -> Element {
    precondition(index >= 0 && index < count, "index \(index) out of range 0..<\(count)")
    let page = index / StoreReader.pageSize
    let offset = index % StoreReader.pageSize
    if let found = state.withLock({ state -> Element? in
      if let rows = state.pages[page], offset < rows.count {
        state.clock += 1
        state.lastUsed[page] = state.clock
        return rows[offset]
      }
      return state.singles[index]
    }) {
      return found
    }
    guard let rows = fetch(range(ofPage: page)), offset < rows.count else { return placeholder() }
    state.withLock { Self.insert(rows, page: page, into: &$0) }
    return rows[offset]
  }

  private func range(ofPage page: Int) -> Range<Int> {
    let start = page * StoreReader.pageSize
    return start..<min(count, start + StoreReader.pageSize)
  }

  private static func insert(_ rows: [Element], page: Int, into state: inout State) {
    if state.pages.count >= PageCache.maximumPages,
      let oldest = state.lastUsed.min(by: { $0.value < $1.value })?.key
    {
      state.pages[oldest] = nil
      state.lastUsed[oldest] = nil
    }
    state.clock += 1
    state.pages[page] = rows
    state.lastUsed[page] = state.clock
    state.rowsRead += rows.count
  }

  /// A page that holds this many of the rows asked for together is read whole (the rows of a
  /// list scrolled in order); rows scattered over pages are read one by one.
  static var densePage: Int { 4 }

  /// Makes the rows at `indices` cached: pages that hold several of them are read whole, the
  /// other rows that no page or earlier prefetch holds with one `rows` fetch of exactly those.
  func prefetch(
    _ indices: [Int], page fetchPage: (Range<Int>) -> [Element]?,
    rows fetchRows: ([Int]) -> [(Int, Element)]?
  ) {
    let wanted = Set(indices.filter { $0 >= 0 && $0 < count })
    let byPage = Dictionary(grouping: wanted) { $0 / StoreReader.pageSize }
    var (densePages, missing) = state.withLock { state -> ([Int: [Int]], [Int]) in
      var dense: [Int: [Int]] = [:]
      var missing: [Int] = []
      for (page, members) in byPage where state.pages[page] == nil {
        let absent = members.filter { state.singles[$0] == nil }
        if absent.isEmpty { continue }
        if members.count >= PageCache.densePage { dense[page] = absent } else { missing += absent }
      }
      return (dense, missing)
    }
    for (page, absent) in densePages.sorted(by: { $0.key < $1.key }) {
      // A page that cannot be read: its rows are asked for with the scattered ones.
      guard let rows = fetchPage(range(ofPage: page)) else {
        missing += absent
        continue
      }
      state.withLock { Self.insert(rows, page: page, into: &$0) }
    }
    missing.sort()
    guard !missing.isEmpty, let rows = fetchRows(missing) else { return }
    state.withLock { state in
      if state.singles.count + rows.count > PageCache.maximumSingles { state.singles = [:] }
      for (index, element) in rows { state.singles[index] = element }
      state.rowsRead += rows.count
    }
  }
}

/// A value behind the standard library's `Mutex`, shared by reference: a `Mutex` cannot be
/// copied, so it cannot be a task-local value or be captured by an escaping closure; this can.
final class Locked<Value: Sendable>: Sendable {
  private let mutex: Mutex<Value>

  init(_ value: Value) {
    mutex = Mutex(value)
  }

  func withLock<T: Sendable>(_ body: (inout sending Value) throws -> T) rethrows -> T {
    try mutex.withLock { value in try body(&value) }
  }
}

/// Quote text as the search index holds it: typographic quotes and apostrophes made plain and
/// lowercased character by character, so every substring a `QuoteQuery` can match (in either
/// case mode) is a substring of the indexed text, and the index never misses a match.
enum QuoteSearchText {
  static func indexed(_ text: String) -> String {
    QuoteQuery.foldPunctuation(text).lowercased()
  }
}
