import Foundation
import GRDB

/// Writes a store from datasets, a chunk at a time, then checks, resolves, orders and indexes
/// everything once at `finish()`.
///
/// The same checks as `Timeline.check` reject a dataset, with the same diagnostics. A file
/// store is written beside its target under a temporary name and renamed into place only when
/// complete, so a failed or interrupted build leaves any previous store intact.
///
/// Chunks are held in memory until `finish()` (the checks need the whole dataset to resolve
/// references and relative dates); the rows are then written in chronological order.
public final class StoreBuilder {
  private var dataset = Dataset()
  private let path: String?
  private var finished = false

  /// A builder for a store at `path`, or in memory when `path` is nil.
  public init(path: String? = nil) {
    self.path = path
  }

  /// Adds a chunk: its items follow those added before, as files of a directory merge.
  public func add(_ chunk: Dataset) {
    dataset.append(chunk)
  }

  /// Checks everything added, writes the store and opens it. `inputKey` is recorded in the
  /// store's meta table (the cache compares it to decide whether a store is stale).
  public func finish(inputKey: String = "") throws(DatasetLoadError) -> Timeline {
    Timeline(store: try finishStore(inputKey: inputKey))
  }

  func finishStore(inputKey: String = "") throws(DatasetLoadError) -> StoreReader {
    precondition(!finished, "StoreBuilder.finish called twice")
    finished = true
    let plan = try StorePlan(dataset: dataset)
    dataset = Dataset()
    guard let path else {
      let queue: DatabaseQueue
      do {
        queue = try DatabaseQueue()
        try plan.write(to: queue, inputKey: inputKey)
      } catch {
        throw StoreBuilder.failure("<memory>", error)
      }
      return StoreReader(database: queue, path: nil, counts: plan.counts)
    }
    try StoreBuilder.writeFile(plan, to: path, inputKey: inputKey)
    return try StoreReader.open(path: path)
  }

  static func writeFile(_ plan: StorePlan, to path: String, inputKey: String)
    throws(DatasetLoadError)
  {
    let temporary = StoreFiles.temporaryPath(beside: path)
    // Removed on SIGINT, SIGTERM and SIGHUP too (with SQLite's side files), by the one owner
    // of those handlers.
    let registrations = TemporaryFiles.register(StoreFiles.withSideFiles(temporary))
    defer { TemporaryFiles.unregister(registrations) }
    do {
      var configuration = Configuration()
      configuration.journalMode = .default
      let queue = try DatabaseQueue(path: temporary, configuration: configuration)
      try queue.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
      }
      try plan.write(to: queue, inputKey: inputKey)
      try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
      try queue.close()
      try StoreFiles.syncFile(temporary)
      try StoreFiles.replace(path, with: temporary)
    } catch {
      StoreFiles.remove(temporary)
      throw StoreBuilder.failure(path, error)
    }
  }

  static func failure(_ path: String, _ error: any Error) -> DatasetLoadError {
    DatasetLoadError(diagnostics: [
      Diagnostic(path: path, line: 1, column: 1, message: "cannot write the store: \(error)")
    ])
  }
}

/// Everything `finish()` computes before writing: checked dates, chronological order, ranks.
struct StorePlan {
  let dataset: Dataset
  let eventDates: [ResolvedDate]
  let quoteDates: [ResolvedDate]
  let asOf: CivilDay?
  /// Dataset indices in timeline order.
  let eventOrder: [Int]
  let quoteOrder: [Int]
  let actorOrder: [Int]
  let eventUpcoming: [Bool]
  let eventCounts: [String: Int]
  let quoteCounts: [String: Int]

  var counts: StoreCounts {
    StoreCounts(
      events: dataset.events.count, actors: dataset.actors.count, quotes: dataset.quotes.count)
  }

  init(dataset: Dataset) throws(DatasetLoadError) {
    let dates = try Timeline.checkedDates(dataset)
    self.dataset = dataset
    eventDates = dates.events
    quoteDates = dates.quotes
    let asOf = dataset.sources.compactMap(\.publicationDay).max()
    self.asOf = asOf

    var sourceOrder: [String: Int] = [:]
    for (index, source) in dataset.sources.enumerated() where sourceOrder[source.id] == nil {
      sourceOrder[source.id] = index
    }
    func key(_ date: ResolvedDate, precision: Bool, _ provenance: Provenance, _ index: Int)
      -> ChronologicalKey
    {
      ChronologicalKey(
        day: date.start.dayNumber, sameDayOrder: date.sameDayOrder,
        precision: precision ? date.precision.rawValue : 0,
        source: sourceOrder[provenance.source] ?? Int.max, paragraph: provenance.paragraph,
        index: index)
    }
    var upcoming: [Bool] = []
    upcoming.reserveCapacity(dataset.events.count)
    var eventKeys: [ChronologicalKey] = []
    eventKeys.reserveCapacity(dataset.events.count)
    for (index, event) in dataset.events.enumerated() {
      let date = dates.events[index]
      let isUpcoming = Timeline.isUpcoming(date, status: event.status, asOf: asOf)
      upcoming.append(isUpcoming)
      var eventKey = key(date, precision: true, event.provenance, index)
      eventKey.upcoming = isUpcoming
      eventKeys.append(eventKey)
    }
    eventUpcoming = upcoming
    eventOrder = eventKeys.sorted().map(\.index)
    var quoteKeys: [ChronologicalKey] = []
    quoteKeys.reserveCapacity(dataset.quotes.count)
    for (index, quote) in dataset.quotes.enumerated() {
      quoteKeys.append(key(dates.quotes[index], precision: false, quote.provenance, index))
    }
    quoteOrder = quoteKeys.sorted().map(\.index)

    var eventCounts: [String: Int] = [:]
    for event in dataset.events {
      for participant in Set(event.participants) { eventCounts[participant, default: 0] += 1 }
    }
    var quoteCounts: [String: Int] = [:]
    for quote in dataset.quotes { quoteCounts[quote.speaker, default: 0] += 1 }
    self.eventCounts = eventCounts
    self.quoteCounts = quoteCounts
    let actors = dataset.actors
    actorOrder = actors.indices.sorted { a, b in
      let countA = (eventCounts[actors[a].id] ?? 0) + (quoteCounts[actors[a].id] ?? 0)
      let countB = (eventCounts[actors[b].id] ?? 0) + (quoteCounts[actors[b].id] ?? 0)
      if countA != countB { return countA > countB }
      if actors[a].name != actors[b].name { return actors[a].name < actors[b].name }
      if actors[a].id != actors[b].id { return actors[a].id < actors[b].id }
      return a < b
    }
  }

  func write(to queue: DatabaseQueue, inputKey: String) throws {
    try queue.write { db in
      try db.execute(sql: StoreSchema.tables)
      try writeMeta(db, inputKey: inputKey)
      try writeSources(db)
      try writeActors(db)
      let finder = MentionFinder(actors: dataset.actors)
      try writeEvents(db, finder: finder)
      try writeQuotes(db, finder: finder)
      try writeRelations(db)
      try db.execute(sql: StoreSchema.indexes)
      try db.execute(sql: "ANALYZE")
    }
  }

  private func writeMeta(_ db: Database, inputKey: String) throws {
    let rows: [(String, String?)] = [
      ("application", StoreSchema.application),
      ("store_version", String(StoreSchema.version)),
      ("format", dataset.format),
      ("input_key", inputKey),
      ("title", dataset.title),
      ("as_of", asOf?.description),
      ("event_count", String(dataset.events.count)),
      ("actor_count", String(dataset.actors.count)),
      ("quote_count", String(dataset.quotes.count)),
    ]
    let statement = try db.makeStatement(sql: "INSERT INTO meta(key, value) VALUES (?, ?)")
    for (key, value) in rows { try statement.execute(arguments: [key, value]) }
  }

  private func writeSources(_ db: Database) throws {
    let statement = try db.makeStatement(
      sql: """
        INSERT INTO sources(input_order, id, publisher, title, published, url, publication_day)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """)
    for (index, source) in dataset.sources.enumerated() {
      try statement.execute(arguments: [
        index, source.id, source.publisher, source.title, source.published, source.url,
        source.publicationDay?.description,
      ])
    }
  }

  private func writeActors(_ db: Database) throws {
    let statement = try db.makeStatement(
      sql: """
        INSERT INTO actors(rank, id, name, kind, role, affiliation, aliases, event_count,
          quote_count, input_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let aliases = try db.makeStatement(
      sql: "INSERT INTO actor_aliases(actor_id, n, alias) VALUES (?, ?, ?)")
    for (rank, index) in actorOrder.enumerated() {
      let actor = dataset.actors[index]
      try statement.execute(arguments: [
        rank, actor.id, actor.name, actor.kind.rawValue, actor.role, actor.affiliation,
        StoreJSON.array(actor.aliases), eventCounts[actor.id] ?? 0, quoteCounts[actor.id] ?? 0,
        index,
      ])
      for (n, alias) in actor.aliases.enumerated() {
        try aliases.execute(arguments: [actor.id, n, alias])
      }
    }
  }

  private func writeEvents(_ db: Database, finder: MentionFinder) throws {
    let statement = try db.makeStatement(
      sql: """
        INSERT INTO events(position, id, headline, summary, status, location, participants,
          source, paragraph, date_edtf, date_stated, date_tense, date_relative_to, resolved,
          resolved_stated, explanation, start_day, end_day, same_day_order, upcoming, input_order)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let participants = try db.makeStatement(
      sql: "INSERT INTO event_participants(actor_id, event_position, n) VALUES (?, ?, ?)")
    let mentions = try db.makeStatement(
      sql: "INSERT INTO event_mentions(event_position, n, actor_id) VALUES (?, ?, ?)")
    for (position, index) in eventOrder.enumerated() {
      let event = dataset.events[index]
      let date = eventDates[index]
      let spec = StoreDateColumns(event.date)
      try statement.execute(arguments: [
        position, event.id, event.headline, event.summary, event.status.rawValue, event.location,
        StoreJSON.array(event.participants), event.provenance.source, event.provenance.paragraph,
        spec.edtf, spec.stated, spec.tense, spec.relativeTo, date.value.description, date.stated,
        date.explanation, date.start.dayNumber, date.end.dayNumber, date.sameDayOrder,
        eventUpcoming[index], index,
      ])
      var seen = Set<String>()
      for (n, actorID) in event.participants.enumerated() where seen.insert(actorID).inserted {
        try participants.execute(arguments: [actorID, position, n])
      }
      let named = finder.mentionedActors(in: event.headline + "\n" + event.summary)
      for (n, actorID) in named.enumerated() {
        try mentions.execute(arguments: [position, n, actorID])
      }
    }
  }

  private func writeQuotes(_ db: Database, finder: MentionFinder) throws {
    let statement = try db.makeStatement(
      sql: """
        INSERT INTO quotes(position, id, text, speaker, event, kind, source, paragraph, date_edtf,
          date_stated, date_tense, date_relative_to, resolved, resolved_stated, explanation,
          start_day, end_day, same_day_order, input_order)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let search = try db.makeStatement(sql: "INSERT INTO quote_search(rowid, text) VALUES (?, ?)")
    let mentions = try db.makeStatement(
      sql: "INSERT INTO quote_mentions(quote_position, n, actor_id) VALUES (?, ?, ?)")
    for (position, index) in quoteOrder.enumerated() {
      let quote = dataset.quotes[index]
      let date = quoteDates[index]
      let spec = StoreDateColumns(quote.date)
      try statement.execute(arguments: [
        position, quote.id, quote.text, quote.speaker, quote.event, quote.kind.rawValue,
        quote.provenance.source, quote.provenance.paragraph, spec.edtf, spec.stated, spec.tense,
        spec.relativeTo, date.value.description, date.stated, date.explanation,
        date.start.dayNumber, date.end.dayNumber, date.sameDayOrder, index,
      ])
      try search.execute(arguments: [position, QuoteSearchText.indexed(quote.text)])
      for (n, actorID) in finder.mentionedActors(in: quote.text).enumerated() {
        try mentions.execute(arguments: [position, n, actorID])
      }
    }
  }

  private func writeRelations(_ db: Database) throws {
    let statement = try db.makeStatement(
      sql: """
        INSERT INTO relations(input_order, from_id, to_id, kind, event, source, paragraph)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """)
    for (index, relation) in dataset.relations.enumerated() {
      try statement.execute(arguments: [
        index, relation.from, relation.to, relation.kind.rawValue, relation.event,
        relation.provenance.source, relation.provenance.paragraph,
      ])
    }
  }
}

/// How many rows each list has, read once when a store opens.
struct StoreCounts: Sendable {
  var events: Int
  var actors: Int
  var quotes: Int
}

/// A `DateSpec` (or its absence) as four nullable columns.
struct StoreDateColumns {
  var edtf: String?
  var stated: String?
  var tense: String?
  var relativeTo: String?

  init(_ spec: DateSpec?) {
    switch spec {
    case .none: break
    case .edtf(let text): edtf = text
    case .stated(let stated):
      self.stated = stated.stated
      tense = stated.tense?.rawValue
      relativeTo = stated.relativeTo
    }
  }

  init(edtf: String?, stated: String?, tense: String?, relativeTo: String?) {
    self.edtf = edtf
    self.stated = stated
    self.tense = tense
    self.relativeTo = relativeTo
  }

  var spec: DateSpec? {
    if let edtf { return .edtf(edtf) }
    guard let stated else { return nil }
    return .stated(
      StatedDate(
        stated: stated, tense: tense.flatMap(Tense.init(rawValue:)), relativeTo: relativeTo)
    )
  }
}

/// Arrays of strings as JSON text, so `json_each` reads them in sqlite3 or Datasette.
enum StoreJSON {
  static func array(_ strings: [String]) -> String {
    var out = "["
    for (index, string) in strings.enumerated() {
      if index > 0 { out += "," }
      out += "\""
      for scalar in string.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
          if scalar.value < 0x20 {
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
          } else {
            out.unicodeScalars.append(scalar)
          }
        }
      }
      out += "\""
    }
    return out + "]"
  }

  static func strings(_ text: String) -> [String] {
    if text == "[]" { return [] }
    return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
  }
}

/// Where an item sorts in the chronology; the original index makes the order total and stable.
struct ChronologicalKey: Comparable {
  /// Upcoming events sort after everything already reported, so the "as of" divider splits the
  /// chronology in two: an expected visit "in the next two weeks" starts on the "as of" day but
  /// belongs with what is ahead.
  var upcoming = false
  var day: Int
  var sameDayOrder: Int
  var precision: Int
  var source: Int
  var paragraph: Int
  var index: Int

  static func < (lhs: ChronologicalKey, rhs: ChronologicalKey) -> Bool {
    ((lhs.upcoming ? 1 : 0), lhs.day, lhs.sameDayOrder, lhs.precision)
      < ((rhs.upcoming ? 1 : 0), rhs.day, rhs.sameDayOrder, rhs.precision)
      || ((lhs.upcoming ? 1 : 0), lhs.day, lhs.sameDayOrder, lhs.precision)
        == ((rhs.upcoming ? 1 : 0), rhs.day, rhs.sameDayOrder, rhs.precision)
        && (lhs.source, lhs.paragraph, lhs.index) < (rhs.source, rhs.paragraph, rhs.index)
  }
}
