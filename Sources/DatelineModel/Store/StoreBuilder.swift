import Foundation
import GRDB

/// Writes a store from datasets, a chunk at a time, as the chunks arrive.
///
/// Sources, actors and relations are kept in memory (few beside the quotes and events); quotes
/// are checked, dated and put in a `QuoteSpool` as each chunk comes, and the events of a skeleton
/// the caller has checked (`add(checkedSkeleton:eventDates:)`, as an import does) are written to
/// the store at once, so memory grows with neither. Other events are kept to check the quotes
/// that follow and written when the store is completed. `finish()` writes everything else, then
/// the quotes from the spool in chronological order, indexes them for search and finds the
/// actors they name.
///
/// A chunk's quotes may refer to items of the same chunk or of earlier ones (as `DatasetSink`
/// promises). The same checks as `Timeline.check` reject a dataset: with everything in one chunk,
/// with the same diagnostics in the same order; with quotes in several chunks, the first problem
/// stops the build. A file store is written beside its target with `AtomicFileWriter` (a
/// temporary name recognised as stale, removed on SIGINT/SIGTERM/SIGHUP) and renamed into place
/// only when complete, so a failed or interrupted build leaves any previous store intact.
///
/// A file build checks and writes each chunk on a thread of its own while the caller reads the
/// next one (at most two chunks wait), so reading and writing share the machine's cores; a
/// problem found there is thrown by the next `add` or by `finish`. Call it from one thread.
public final class StoreBuilder: @unchecked Sendable {
  private let path: String?
  private var output: AtomicFileWriter?
  private var queue: DatabaseQueue?
  /// Quote texts handed to the search index at a time. A task-local value so tests can make a
  /// small store take several batches.
  @TaskLocal static var searchBatchSize = 4096
  /// A file build's search index, filled on a thread of its own during `finish`.
  private var searchWriter: SearchIndexWriter?
  /// Everything but the quotes, in input order; but the events written so far.
  private var skeleton = Dataset()
  /// Prepared on the first quotes; prepared again when items arrive after them.
  private var checker: DatasetChecker?
  private var eventDates = SharedDates(count: 0)
  private var skeletonChanged = false
  /// Events written to the store and no longer held: those of a skeleton the caller checked, or
  /// all of them once the store is being completed.
  private var writtenEvents = 0
  /// True while every chunk came checked by the caller: nothing is checked again.
  private var checkedByCaller = false
  /// Actors came checked after the events were written: the actors the events name are found
  /// again when the store is completed.
  private var actorsAfterWrittenEvents = false
  /// Each actor's number of events, counted as the events are written.
  private var eventCounts: [String: Int] = [:]
  /// Events held in memory (read it between calls of an in-memory build): none once an
  /// import's checked skeleton is in, however many it has.
  var eventsHeld: Int { skeleton.events.count }
  /// Ids of sources, actors and events that arrived after some quotes: checked against the
  /// quote ids at the end.
  private var lateIDs: [String] = []
  private var sourceOrder: [String: Int] = [:]
  /// Each quote id's 64-bit hash, to find an id used twice across chunks without an index on
  /// the text: kept on disk beyond a few megabytes (`RepeatFinder`), so memory does not follow
  /// the number of quotes. The hashes given twice are looked up in the staged quotes at the end.
  private let quoteIDHashes = RepeatFinder()
  private var quoteCounts: [String: Int] = [:]
  private var quoteCount = 0
  /// Places (input order) of quotes added but left out of the store, ascending: `dropQuotes`.
  private var droppedQuotes: [Int] = []
  private var keptQuoteCount: Int { quoteCount - droppedQuotes.count }
  /// The staged quotes, put in chronological order by `complete`.
  private let spool = QuoteSpool()
  private var resolvedTexts: [EDTFDate: String] = [:]
  private var sourceURLPrefixes: [Int: [UInt8]] = [:]
  private var lastSource: (id: String, order: Int?)?
  private var failure: DatasetLoadError? {
    get { failureBox.withLock { $0 } }
    set { failureBox.withLock { $0 = newValue } }
  }
  private let failureBox = Locked<DatasetLoadError?>(nil)
  private var finished = false
  /// Where a file build's chunks are checked and written, in order; nil in memory.
  private let worker: DispatchQueue?
  private let waiting = DispatchSemaphore(value: 2)
  /// Told during `finish` how many of the quotes are indexed so far, and of how many (from the
  /// thread that calls `finish`).
  public var finishing: ((_ done: Int, _ total: Int) -> Void)?
  /// Told the name of each step of `finish` as it starts, and "done" at the end (on the thread
  /// that calls `finish`): what `dateline-bench` times.
  public var steps: ((String) -> Void)?

  /// A builder for a store at `path`, or in memory when `path` is nil.
  public init(path: String? = nil) {
    self.path = path
    worker = path == nil ? nil : DispatchQueue(label: "dateline.store-builder")
  }

  // Every chunk still waiting holds the builder, so this runs after the last one.
  deinit {
    if !finished { abandon() }
  }

  /// Adds a chunk: its items follow those added before, as files of a directory merge. Throws
  /// the problems found in it (and every later call throws the same).
  public func add(_ chunk: Dataset) throws(DatasetLoadError) {
    try enqueue { () throws(DatasetLoadError) in try self.process(chunk) }
  }

  /// Adds the first chunk of an import, which the caller has checked as a whole dataset's items
  /// are checked (as `DatasetStream` does), with its events' resolved dates (one per event):
  /// its events are written to the store at once and not kept. Quotes may follow, as
  /// `add(checkedQuotes:dates:)` or as chunks (then the events are read back to check them).
  public func add(checkedSkeleton chunk: Dataset, eventDates: SharedDates)
    throws(DatasetLoadError)
  {
    precondition(eventDates.count == chunk.events.count, "one date per event")
    precondition(!finished, "StoreBuilder.add called after finish")
    // Written here, on the caller's thread, once the worker is idle: the caller waits for the
    // events anyway (its copy of them is freed before it reads the quotes), and memory the
    // caller freed while checking them is reused by this thread's allocator instead of the
    // worker's growing beside it (1M quotes: some 30 MB less at the peak).
    worker?.sync {}
    if let failure { throw failure }
    try processChecked(chunk, eventDates: eventDates)
  }

  /// The same for a large dataset whose events wait on disk, in reading order, on `events`:
  /// they are written from there in chronological order and never all held.
  public func add(
    checkedSkeleton chunk: Dataset, shelvedEvents events: EventShelf, eventDates: SharedDates
  ) throws(DatasetLoadError) {
    precondition(eventDates.count == events.count, "one date per event")
    precondition(!finished, "StoreBuilder.add called after finish")
    worker?.sync {}
    if let failure { throw failure }
    guard isEmpty, chunk.quotes.isEmpty, chunk.events.isEmpty else {
      var chunk = chunk
      chunk.events = try events.allEvents()
      try process(chunk)
      return
    }
    try failing { () throws(DatasetLoadError) in
      merge(chunk)
      checkedByCaller = true
      try writeEvents(shelf: events, dates: eventDates)
    }
  }

  /// Adds actors, sources and quotes the caller checked against everything before (a Quotebank
  /// import's lines after a dataset): the written events stay written and are not checked
  /// again, as long as every chunk so far came checked and the new sources do not move the
  /// "as of" day (which orders the events); otherwise the chunk is checked as any other.
  public func add(checkedItems chunk: Dataset, quoteDates: [ResolvedDate])
    throws(DatasetLoadError)
  {
    precondition(chunk.quotes.count == quoteDates.count, "one date per quote")
    precondition(!finished, "StoreBuilder.add called after finish")
    try enqueue { () throws(DatasetLoadError) in
      let asOf = Timeline.asOf(self.skeleton.sources)
      let movesAsOf = chunk.sources.contains { source in
        guard let day = source.publicationDay else { return false }
        return asOf.map { day > $0 } ?? true
      }
      guard self.checkedByCaller, chunk.events.isEmpty, chunk.relations.isEmpty, !movesAsOf
      else {
        try self.process(chunk)
        return
      }
      try self.failing { () throws(DatasetLoadError) in
        if !chunk.actors.isEmpty && self.writtenEvents > 0 { self.actorsAfterWrittenEvents = true }
        self.append(chunk)
        self.stage(chunk.quotes, dates: quoteDates)
      }
    }
  }

  /// Runs `work` on the worker thread of a file build (after the chunks before it, while the
  /// caller reads on), or at once in memory. A failure there is thrown by the next call.
  private func enqueue(_ work: @escaping @Sendable () throws(DatasetLoadError) -> Void)
    throws(DatasetLoadError)
  {
    precondition(!finished, "StoreBuilder.add called after finish")
    if let failure { throw failure }
    guard let worker else {
      try work()
      return
    }
    waiting.wait()
    worker.async {
      defer { self.waiting.signal() }
      guard self.failure == nil else { return }
      try? work()
    }
  }

  /// Adds quotes that the caller has already checked against everything added before (ids,
  /// references, dates; as `DatasetStream` does), with their resolved dates: they are written
  /// without being checked again.
  public func add(checkedQuotes quotes: [Quote], dates: [ResolvedDate]) throws(DatasetLoadError) {
    precondition(quotes.count == dates.count, "one date per quote")
    try enqueue { () throws(DatasetLoadError) in self.stage(quotes, dates: dates) }
  }

  /// Leaves out of the store the quotes added at `positions` (ascending places among all the
  /// quotes added): an import that skips bad lines finds a Quotebank line repeating an earlier
  /// quoteID only at the end of its input. The rest keep their order and are numbered as if the
  /// dropped ones had never come. Call it once, after the last chunk.
  public func dropQuotes(at positions: [Int]) throws(DatasetLoadError) {
    try enqueue { () throws(DatasetLoadError) in self.droppedQuotes = positions }
  }

  /// A quote's place in input order among the quotes kept; nil for a dropped one.
  private func keptPosition(_ input: Int) -> Int? {
    guard !droppedQuotes.isEmpty else { return input }
    var low = 0
    var high = droppedQuotes.count
    while low < high {
      let middle = (low + high) / 2
      if droppedQuotes[middle] < input { low = middle + 1 } else { high = middle }
    }
    if low < droppedQuotes.count && droppedQuotes[low] == input { return nil }
    return input - low
  }

  /// Takes the dropped quotes out of their speakers' counts (one read of the staged quotes).
  private func uncountDroppedQuotes() throws(DatasetLoadError) {
    guard !droppedQuotes.isEmpty else { return }
    do {
      try spool.merge { quote in
        guard keptPosition(quote.key.input) == nil else { return }
        _ = quote.nextColumn()  // id
        _ = quote.nextColumn()  // text
        guard let speaker = quote.nextColumn() else { return }
        quoteCounts[String(decoding: speaker, as: UTF8.self), default: 0] -= 1
      }
    } catch {
      throw StoreBuilder.failure(path ?? "<memory>", error)
    }
  }

  /// Runs `body`; a problem it throws fails the build (kept for later calls, files removed).
  private func failing(_ body: () throws(DatasetLoadError) -> Void) throws(DatasetLoadError) {
    do throws(DatasetLoadError) {
      try body()
    } catch {
      failure = error
      abandon()
      throw error
    }
  }

  private func process(_ chunk: Dataset) throws(DatasetLoadError) {
    try failing { () throws(DatasetLoadError) in
      // Checked as any chunk: with every event, so the written ones come back first.
      try takeBackWrittenEvents()
      merge(chunk)
      if !chunk.quotes.isEmpty { try addQuotes(chunk.quotes) }
    }
  }

  private func processChecked(_ chunk: Dataset, eventDates: SharedDates)
    throws(DatasetLoadError)
  {
    guard isEmpty, chunk.quotes.isEmpty else {
      try process(chunk)
      return
    }
    try failing { () throws(DatasetLoadError) in
      var items = chunk
      items.events = []
      merge(items)
      checkedByCaller = true
      try writeEvents(chunk.events, dates: eventDates)
    }
  }

  /// Checks what is left to check, completes the store and opens it. `inputKey` is recorded in
  /// the store's meta table (the cache compares it to decide whether a store is stale).
  public func finish(inputKey: String = "") throws(DatasetLoadError) -> Timeline {
    Timeline(store: try finishStore(inputKey: inputKey))
  }

  func finishStore(inputKey: String = "") throws(DatasetLoadError) -> StoreReader {
    precondition(!finished, "StoreBuilder.finish called twice")
    worker?.sync {}
    if let failure {
      finished = true
      throw failure
    }
    do throws(DatasetLoadError) {
      steps?("plan")
      try uncountDroppedQuotes()
      let plan = try planSkeleton()
      let queue = try database()
      if let path {
        do {
          searchWriter = try SearchIndexWriter(besides: path)
        } catch {
          throw StoreBuilder.failure(path, error)
        }
      }
      let batchSize = StoreBuilder.searchBatchSize
      try run(queue) { db in
        try self.complete(db, plan: plan, inputKey: inputKey, batchSize: batchSize)
      }
      if let searchWriter { try copySearchIndex(searchWriter, into: queue) }
      finished = true
      guard let path, let output else {
        return StoreReader(database: queue, path: nil, counts: plan.counts(quotes: keptQuoteCount))
      }
      do {
        try queue.close()
      } catch {
        throw StoreBuilder.failure(path, error)
      }
      self.queue = nil
      do {
        try output.commit()
      } catch {
        throw StoreBuilder.failure(path, error.message)
      }
      steps?("open")
      let reader = try StoreReader.open(path: path)
      steps?("done")
      return reader
    } catch {
      finished = true
      abandon()
      throw error
    }
  }

  /// Gives the build up (the input failed): waits for the chunks in flight, then removes the
  /// temporary file; a previous store at the path stays as it was.
  public func discard() {
    worker?.sync {}
    guard !finished else { return }
    finished = true
    abandon()
  }

  /// Waits for the search index of a file build and copies it into the store.
  private func copySearchIndex(_ writer: SearchIndexWriter, into queue: DatabaseQueue)
    throws(DatasetLoadError)
  {
    steps?("search index wait")
    do {
      try writer.complete()
      steps?("search index copy")
      // ATTACH cannot run inside a transaction.
      try queue.inDatabase { db in
        try db.execute(sql: "ATTACH DATABASE ? AS search", arguments: [writer.path])
      }
    } catch {
      throw StoreBuilder.failure(path ?? "<memory>", error)
    }
    try run(queue) { db in
      try SearchIndexWriter.copy(db)
      self.steps?("analyze")
      try db.execute(sql: "ANALYZE")
    }
    do {
      try queue.inDatabase { db in try db.execute(sql: "DETACH DATABASE search") }
    } catch {
      throw StoreBuilder.failure(path ?? "<memory>", error)
    }
    steps?("commit")
    writer.discard()
    searchWriter = nil
  }

  /// Drops the temporary files (a failed or abandoned build).
  private func abandon() {
    searchWriter?.discard()
    searchWriter = nil
    try? queue?.close()
    queue = nil
    output?.discard()
    output = nil
  }

  // MARK: Chunks

  /// Nothing added yet: a checked skeleton can be written as it comes.
  private var isEmpty: Bool {
    quoteCount == 0 && checker == nil && writtenEvents == 0 && skeleton.sources.isEmpty
      && skeleton.actors.isEmpty && skeleton.events.isEmpty && skeleton.relations.isEmpty
  }

  /// Puts a chunk's items (not its quotes) after those added before, noting each new source's
  /// place; checks nothing.
  private func append(_ chunk: Dataset) {
    if skeleton.title == nil { skeleton.title = chunk.title }
    for (offset, source) in chunk.sources.enumerated() where sourceOrder[source.id] == nil {
      sourceOrder[source.id] = skeleton.sources.count + offset
    }
    if !chunk.sources.isEmpty { lastSource = nil }
    skeleton.sources.appendSharingStorage(chunk.sources)
    skeleton.actors.appendSharingStorage(chunk.actors)
    skeleton.events.appendSharingStorage(chunk.events)
    skeleton.relations.appendSharingStorage(chunk.relations)
  }

  /// Appends a chunk's items, to be checked with what comes after them.
  private func merge(_ chunk: Dataset) {
    let hasItems =
      !chunk.sources.isEmpty || !chunk.actors.isEmpty || !chunk.events.isEmpty
      || !chunk.relations.isEmpty
    if hasItems { checkedByCaller = false }
    if checker != nil && hasItems {
      skeletonChanged = true
      lateIDs += chunk.sources.map(\.id) + chunk.actors.map(\.id) + chunk.events.map(\.id)
    }
    append(chunk)
  }

  /// Checks and dates the quotes of a chunk and puts them in the spool.
  private func addQuotes(_ quotes: [Quote]) throws(DatasetLoadError) {
    var dates: [ResolvedDate?]
    if checker == nil && quoteCount == 0 {
      // The first quotes are checked with everything before them in one pass, exactly as
      // `Timeline.check` checks a whole dataset.
      var whole = skeleton
      whole.quotes = quotes
      let (prepared, result) = DatasetChecker.prepare(whole)
      if !result.diagnostics.isEmpty { throw DatasetLoadError(diagnostics: result.diagnostics) }
      checker = prepared
      eventDates = result.eventDates
      dates = result.quoteDates
    } else {
      if checker == nil { skeletonChanged = true }
      try prepareAgainIfChanged()
      guard var checker else { return }
      checker.quoteIndexOffset = quoteCount
      var problems: [Diagnostic] = []
      for (index, quote) in quotes.enumerated() {
        if let problem = checker.quoteIDProblem(quote.id, index: index) {
          problems.append(problem)
        }
      }
      let result = checker.checkQuotes(quotes, locations: [])
      self.checker = checker
      problems += result.diagnostics
      if !problems.isEmpty { throw DatasetLoadError(diagnostics: problems) }
      dates = result.dates
    }
    var resolved: [ResolvedDate] = []
    resolved.reserveCapacity(dates.count)
    for (index, date) in dates.enumerated() {
      guard let date else { throw StoreBuilder.unresolved(quoteCount + index, quotes[index].id) }
      resolved.append(date)
    }
    stage(quotes, dates: resolved)
  }

  /// Puts checked and dated quotes in the spool, in the form `quotes` keeps them.
  private func stage(_ quotes: [Quote], dates: [ResolvedDate]) {
    for index in quotes.indices {
      let quote = quotes[index]
      let date = dates[index]
      let spec = StoreDateColumns(quote.date)
      let source = order(ofSource: quote.provenance.source)
      let hash = FNV1a.hash(quote.id.utf8)
      quoteIDHashes.add(hash)
      spool.beginRecord(
        QuoteOrderKey(
          day: date.start.dayNumber, sameDayOrder: date.sameDayOrder,
          source: source ?? Int(Int32.max), paragraph: quote.provenance.paragraph,
          input: quoteCount + index),
        idHash: hash)
      // In the order of `StoreSchema.insertQuote`'s text columns.
      spool.column(quote.id)
      spool.column(quote.text)
      spool.column(quote.speaker)
      spool.column(quote.event)
      spool.column(quote.kind == .full ? nil : quote.kind.rawValue)
      spool.column(spec.edtf)
      spool.column(spec.stated)
      spool.column(spec.tense)
      spool.column(spec.relativeTo)
      let resolved = resolvedText(date.value)
      spool.column(resolved == spec.edtf ? nil : resolved)
      spool.column(date.stated)
      spool.column(date.explanation == "as given" ? nil : date.explanation)
      if quote.urls.isEmpty {
        spool.column(nil as String?)
      } else {
        let prefix = sourceURLPrefix(source)
        spool.column { out in StoreURLs.append(quote.urls, sitePrefix: prefix, to: &out) }
      }
      spool.endRecord()
      quoteCounts[quote.speaker, default: 0] += 1
    }
    quoteCount += quotes.count
  }

  /// A source's place in the input. Quotes come a file at a time, and a file's quotes mostly
  /// share a source: the last one asked for is kept.
  private func order(ofSource id: String) -> Int? {
    if let lastSource, lastSource.id == id { return lastSource.order }
    let order = sourceOrder[id]
    lastSource = (id, order)
    return order
  }

  /// A resolved date as text: a few hundred different ones among a million quotes, each
  /// written out once.
  private func resolvedText(_ value: EDTFDate) -> String {
    if let known = resolvedTexts[value] { return known }
    let text = value.description
    if resolvedTexts.count < 4096 { resolvedTexts[value] = text }
    return text
  }

  /// The UTF-8 bytes of a source's address (empty without one), made once per source.
  private func sourceURLPrefix(_ source: Int?) -> [UInt8] {
    guard let source else { return [] }
    if let known = sourceURLPrefixes[source] { return known }
    let prefix = skeleton.sources[source].url.map { Array($0.utf8) } ?? []
    sourceURLPrefixes[source] = prefix
    return prefix
  }

  /// Sources, actors or events that came after some quotes: check everything but the quotes
  /// again, so later quotes are checked against them and their problems are found.
  private func prepareAgainIfChanged() throws(DatasetLoadError) {
    guard skeletonChanged else { return }
    let (prepared, result) = DatasetChecker.prepare(skeleton)
    if !result.diagnostics.isEmpty { throw DatasetLoadError(diagnostics: result.diagnostics) }
    checker = prepared
    eventDates = result.eventDates
    skeletonChanged = false
  }

  private static func unresolved(_ index: Int, _ id: String) -> DatasetLoadError {
    DatasetLoadError(diagnostics: [
      Diagnostic(
        path: "quotes[\(index)]", line: 0, column: 0,
        message: "the date of '\(id)' could not be resolved")
    ])
  }

  /// The checked sources, actors and relations, with the events checked, dated and written.
  private func planSkeleton() throws(DatasetLoadError) -> SkeletonPlan {
    if !checkedByCaller {
      if checker == nil { skeletonChanged = true }
      try prepareAgainIfChanged()
      // No quote comes after this: the checker is done with (100k events: 25 MB).
      checker = nil
      try writeEvents(skeleton.events, dates: eventDates)
      eventDates = SharedDates(count: 0)
      skeleton.events = []
    }
    return SkeletonPlan(
      dataset: skeleton, eventCount: writtenEvents, sourceOrder: sourceOrder,
      eventCounts: eventCounts, quoteCounts: quoteCounts)
  }

  /// Writes events with their resolved dates (nil where a date could not be resolved: an
  /// error) to `events` in chronological order, with their participants and the actors they
  /// name, once every source and actor is known (an import's checked skeleton as it arrives,
  /// any other build's when it completes); counts each actor's events. The order: upcoming
  /// events (as of the sources' last publication day) after everything already reported, so
  /// the "as of" divider splits the chronology in two (an expected visit "in the next two
  /// weeks" starts on the "as of" day but belongs with what is ahead); then start day,
  /// same-day order, precision, source order, paragraph, input order.
  private func writeEvents(_ events: [Event], dates: SharedDates) throws(DatasetLoadError) {
    guard !events.isEmpty else { return }
    let asOf = Timeline.asOf(skeleton.sources)
    var keys: [ChronologicalKey] = []
    keys.reserveCapacity(events.count)
    for (index, event) in events.enumerated() {
      keys.append(try chronologicalKey(index, event, dates: dates, asOf: asOf))
    }
    keys.sort()
    try writeEvents(count: events.count, dates: dates) { write in
      for key in keys { try write(key.index, key.upcoming, events[key.index]) }
    }
  }

  /// Writes the events on `shelf`, sorted there (by SQLite, on disk beyond a few megabytes).
  private func writeEvents(shelf: EventShelf, dates: SharedDates) throws(DatasetLoadError) {
    guard shelf.count > 0 else { return }
    let asOf = Timeline.asOf(skeleton.sources)
    try shelf.sort { index, event throws(DatasetLoadError) in
      try self.chronologicalKey(index, event, dates: dates, asOf: asOf)
    }
    try writeEvents(count: shelf.count, dates: dates) { write in
      try shelf.forEachSorted { index, upcoming, event in try write(index, upcoming, event) }
    }
  }

  private func chronologicalKey(_ index: Int, _ event: Event, dates: SharedDates, asOf: CivilDay?)
    throws(DatasetLoadError) -> ChronologicalKey
  {
    guard let date = dates[index] else {
      throw DatasetLoadError(diagnostics: [
        Diagnostic(
          path: "events[\(index)]", line: 0, column: 0,
          message: "the date of '\(event.id)' could not be resolved")
      ])
    }
    return ChronologicalKey(
      upcoming: Timeline.isUpcoming(date, status: event.status, asOf: asOf),
      day: date.start.dayNumber, sameDayOrder: date.sameDayOrder,
      precision: date.precision.rawValue,
      source: sourceOrder[event.provenance.source] ?? Int.max,
      paragraph: event.provenance.paragraph, index: index)
  }

  /// Writes `count` events, which `inOrder` hands to the function it is given in chronological
  /// order (each with its index in input order and whether it is upcoming), with their
  /// participants and the actors they name.
  private func writeEvents(
    count: Int, dates: SharedDates,
    inOrder: (_ write: (Int, Bool, Event) throws -> Void) throws -> Void
  ) throws(DatasetLoadError) {
    let queue = try database()
    let finder = MentionFinder(actors: skeleton.actors)
    try run(queue) { db in
      let statement = try db.makeStatement(
        sql: """
          INSERT INTO events(position, id, headline, summary, status, location, participants,
            source, paragraph, date_edtf, date_stated, date_tense, date_relative_to, resolved,
            resolved_stated, explanation, start_day, end_day, same_day_order, upcoming,
            input_order)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      // Participations go in by actor (the table's key), so its pages are filled up: sorted
      // by SQLite from a temporary table, not held.
      try db.execute(
        sql: """
          CREATE TEMP TABLE participations (
            actor_id TEXT NOT NULL, event_position INTEGER NOT NULL, n INTEGER NOT NULL)
          """)
      let participants = try db.makeStatement(
        sql: "INSERT INTO temp.participations(actor_id, event_position, n) VALUES (?, ?, ?)")
      let mentions = try db.makeStatement(
        sql: "INSERT INTO event_mentions(event_position, n, actor_id) VALUES (?, ?, ?)")
      var position = 0
      try inOrder { index, upcoming, event in
        let date = dates[index]!  // every date was checked when the keys were made
        let spec = StoreDateColumns(event.date)
        try statement.execute(arguments: [
          position, event.id, event.headline, event.summary, event.status.rawValue,
          event.location, StoreJSON.array(event.participants), event.provenance.source,
          event.provenance.paragraph, spec.edtf, spec.stated, spec.tense, spec.relativeTo,
          date.value.description, date.stated, date.explanation, date.start.dayNumber,
          date.end.dayNumber, date.sameDayOrder, upcoming, index,
        ])
        var seen = Set<String>()
        for (n, actorID) in event.participants.enumerated() where seen.insert(actorID).inserted {
          try participants.execute(arguments: [actorID, position, n])
          self.eventCounts[actorID, default: 0] += 1
        }
        let named = finder.mentionedActors(in: event.headline + "\n" + event.summary)
        for (n, actorID) in named.enumerated() {
          try mentions.execute(arguments: [position, n, actorID])
        }
        position += 1
      }
      try db.execute(
        sql: """
          INSERT INTO event_participants(actor_id, event_position, n)
            SELECT actor_id, event_position, n FROM temp.participations
            ORDER BY actor_id, event_position;
          DROP TABLE temp.participations;
          """)
    }
    writtenEvents = count
  }

  /// Reads the written events back into the skeleton (they are checked again with a chunk that
  /// came unchecked, and written again at the end) and empties their tables.
  private func takeBackWrittenEvents() throws(DatasetLoadError) {
    guard writtenEvents > 0, let queue else { return }
    var events: [Event] = []
    events.reserveCapacity(writtenEvents)
    try run(queue) { db in
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT id, headline, summary, status, location, participants, source, paragraph,
            date_edtf, date_stated, date_tense, date_relative_to
          FROM events ORDER BY input_order
          """)
      while let row = try rows.next() {
        let date = StoreDateColumns(
          edtf: row[8], stated: row[9], tense: row[10], relativeTo: row[11])
        events.append(
          Event(
            id: row[0], headline: row[1], summary: row[2], date: date.spec ?? .edtf(""),
            status: EventStatus(rawValue: row[3]) ?? .occurred,
            participants: StoreJSON.strings(row[5]), location: row[4],
            provenance: Provenance(source: row[6], paragraph: row[7])))
      }
      try db.execute(
        sql: "DELETE FROM events; DELETE FROM event_participants; DELETE FROM event_mentions")
    }
    skeleton.events = events + skeleton.events
    writtenEvents = 0
    actorsAfterWrittenEvents = false
    eventCounts = [:]
    checkedByCaller = false
  }

  // MARK: The database

  /// The database being written, created on first use.
  private func database() throws(DatasetLoadError) -> DatabaseQueue {
    if let queue { return queue }
    let queue: DatabaseQueue
    if let path {
      let output: AtomicFileWriter
      do {
        output = try AtomicFileWriter(path: path)
      } catch {
        throw StoreBuilder.failure(path, error.message)
      }
      self.output = output
      do {
        queue = try DatabaseQueue(
          path: output.temporaryPath, configuration: StoreTokenizer.configuration)
      } catch {
        throw StoreBuilder.failure(path, error)
      }
    } else {
      do {
        queue = try DatabaseQueue(configuration: StoreTokenizer.configuration)
      } catch {
        throw StoreBuilder.failure("<memory>", error)
      }
    }
    self.queue = queue
    do {
      try queue.inDatabase { db in
        // A new file nobody reads until it is renamed into place: no journal, no syncing
        // until the end (the commit syncs the file). A small page cache: tables are written
        // in key order, so a bigger cache saves no work (the operating system caches the
        // file); it only held memory that grew with the quotes (a 1M-quote build: 8 MB, which
        // also bounds the sorter of `CREATE INDEX`, whose runs go to a temporary file).
        try db.execute(
          sql: """
            PRAGMA page_size = \(StoreSchema.pageSize);
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -8192;
            PRAGMA temp_store = \(self.path == nil ? "MEMORY" : "FILE");
            """)
      }
    } catch {
      throw StoreBuilder.failure(path ?? "<memory>", error)
    }
    try run(queue) { db in
      try db.execute(sql: StoreSchema.tables)
    }
    return queue
  }

  /// Runs `body` in a transaction, reporting any failure as one that names the store.
  private func run(_ queue: DatabaseQueue, _ body: (Database) throws -> Void)
    throws(DatasetLoadError)
  {
    do {
      try queue.inDatabase { db in
        try db.inTransaction {
          try body(db)
          return .commit
        }
      }
    } catch let error as DatasetLoadError {
      throw error
    } catch {
      throw StoreBuilder.failure(path ?? "<memory>", error)
    }
  }

  static func failure(_ path: String, _ error: any Error) -> DatasetLoadError {
    if let error = error as? DatabaseError {
      return failure(path, error.message ?? "\(error)")
    }
    return failure(path, "\(error)")
  }

  static func failure(_ path: String, _ message: String) -> DatasetLoadError {
    DatasetLoadError(diagnostics: [
      Diagnostic(path: path, line: 1, column: 1, message: "cannot write the store: \(message)")
    ])
  }

  // MARK: Completing the store

  /// Writes everything but the quotes, puts the staged quotes in chronological order, indexes
  /// them, and checks quote ids across chunks.
  private func complete(_ db: Database, plan: SkeletonPlan, inputKey: String, batchSize: Int)
    throws
  {
    steps?("skeleton")
    try plan.writeSources(db)
    try plan.writeActors(db)
    let finder = MentionFinder(actors: plan.dataset.actors)
    try plan.writeMeta(db, inputKey: inputKey, quoteCount: keptQuoteCount)
    try plan.writeRelations(db)
    if actorsAfterWrittenEvents { try findEventMentionsAgain(db, finder: finder) }
    // Ids used twice across chunks (a chunk's own repeats are found by its checks), and ids of
    // items that came after quotes which a quote already has: first, so a failing build stops
    // before the work below. The late ids' hashes go in with the quotes': a hash given twice
    // is a candidate for either.
    for id in lateIDs { quoteIDHashes.add(FNV1a.hash(id.utf8)) }
    let repeated: Set<UInt64>
    switch quoteIDHashes.repeated() {
    case .success(let found): repeated = found
    case .failure(let error): throw StoreBuilder.failure(path ?? "<memory>", error.message)
    }
    if !repeated.isEmpty, let error = try repeatedQuoteIDs(hashes: repeated) { throw error }
    try writeQuotes(db, finder: finder, batchSize: batchSize)
    steps?("indexes")
    let inline = searchWriter == nil
    try db.execute(sql: StoreSchema.indexes)
    try db.execute(sql: StoreSchema.views)
    if inline {
      steps?("vocabulary")
      try SearchVocabulary.build(db)
      steps?("analyze")
      try db.execute(sql: "ANALYZE")
      steps?("commit")
    } else {
      try db.execute(sql: SearchVocabulary.shortQuotesIndex)
    }
  }

  /// The actors the written events name, found again with every actor (some came after the
  /// events were written), a row at a time.
  private func findEventMentionsAgain(_ db: Database, finder: MentionFinder) throws {
    try db.execute(sql: "DELETE FROM event_mentions")
    let insert = try db.makeStatement(
      sql: "INSERT INTO event_mentions(event_position, n, actor_id) VALUES (?, ?, ?)")
    let rows = try RawRows(db, "SELECT position, headline, summary FROM events ORDER BY position")
    while try rows.next() {
      let position = rows.integer(0)
      let named = finder.mentionedActors(in: rows.text(1) + "\n" + rows.text(2))
      for (n, actorID) in named.enumerated() {
        try insert.execute(arguments: [position, n, actorID])
      }
    }
  }

  /// The staged quotes in chronological order into `quotes`, with the actors each names; their
  /// texts go to the search index. A file build hands the texts to the index's own thread; in
  /// memory they go into the store's index here.
  private func writeQuotes(_ db: Database, finder: MentionFinder, batchSize: Int) throws {
    steps?("quotes")
    let inline = searchWriter == nil
    let search: RawStatement?
    if inline {
      try SearchIndexWriter.prepare(db)
      search = try RawStatement(db, SearchIndexWriter.insertSQL)
    } else {
      search = nil
    }
    let insert = try RawStatement(db, StoreSchema.insertQuote)
    let mentions = try RawStatement(
      db, "INSERT INTO quote_mentions(quote_position, n, actor_id) VALUES (?, ?, ?)")
    finishing?(0, keptQuoteCount)
    var batch = SearchTextBatch(first: 0)
    func flush(next: Int) throws {
      if let search {
        try SearchIndexWriter.fill(batch, into: search)
      } else {
        searchWriter?.add(batch)
      }
      batch = SearchTextBatch(first: next)
    }
    var position = 0
    try spool.merge { quote in
      guard let input = keptPosition(quote.key.input) else { return }
      if position % 16_384 == 16_383 { finishing?(position + 1, keptQuoteCount) }
      insert.bind(1, position)
      var text = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
      for parameter in StoreSchema.insertQuoteTextParameters {
        let column = quote.nextColumn()
        if parameter == 3 { text = column ?? text }
        insert.bind(parameter, utf8: column)
      }
      insert.bind(7, quote.key.source)
      insert.bind(8, quote.key.paragraph)
      insert.bind(16, quote.key.sameDayOrder)
      insert.bind(18, input)
      insert.bind(19, StoreSchema.idHash(quote.idHash))
      try insert.run()
      batch.append(text)
      for (n, actorID) in finder.mentionedActors(inUTF8: text).enumerated() {
        mentions.bind(1, position)
        mentions.bind(2, n)
        mentions.bind(3, actorID)
        try mentions.run()
      }
      position += 1
      if batch.count == batchSize { try flush(next: position) }
    }
    if batch.count > 0 { try flush(next: 0) }
    finishing?(keptQuoteCount, keptQuoteCount)
  }

  /// The quote ids used twice (in different chunks), as the checker words them, or a quote id
  /// that an item which came after it has, or nil when the repeated hashes were different ids
  /// after all. Reads the staged quotes once (only when some hash was given twice).
  private func repeatedQuoteIDs(hashes: Set<UInt64>) throws -> DatasetLoadError? {
    var candidates: [(input: Int, id: String)] = []
    try spool.merge { quote in
      guard hashes.contains(quote.idHash), keptPosition(quote.key.input) != nil,
        let id = quote.nextColumn()
      else { return }
      candidates.append((quote.key.input, String(decoding: id, as: UTF8.self)))
    }
    candidates.sort { $0.input < $1.input }
    if let error = duplicateQuoteIDs(candidates) { return error }
    for id in lateIDs where hashes.contains(FNV1a.hash(id.utf8)) {
      if let quote = candidates.first(where: { $0.id == id }) {
        return DatasetLoadError(diagnostics: [
          Diagnostic(
            path: "quotes[\(quote.input)].id", line: 0, column: 0,
            message:
              "duplicate id '\(id)': already used by a source, actor or event; give each source, actor, event and quote its own id"
          )
        ])
      }
    }
    return nil
  }

  /// The quote ids used twice among `candidates` (staged quotes in input order), as the
  /// checker words them; nil when there is none.
  private func duplicateQuoteIDs(_ candidates: [(input: Int, id: String)]) -> DatasetLoadError? {
    var places: [String: [Int]] = [:]
    var repeatedIDs: [String] = []
    for (input, id) in candidates {
      places[id, default: []].append(input)
      if places[id]?.count == 2 { repeatedIDs.append(id) }
    }
    var diagnostics: [Diagnostic] = []
    for id in repeatedIDs.prefix(100) {
      guard let orders = places[id], let first = orders.first else { continue }
      for index in orders.dropFirst() {
        diagnostics.append(
          Diagnostic(
            path: "quotes[\(index)].id", line: 0, column: 0,
            message:
              "duplicate id '\(id)': already used by the quote at quotes[\(first)].id; give each source, actor, event and quote its own id"
          ))
      }
    }
    guard !diagnostics.isEmpty else { return nil }
    var seen = Set<String>()
    diagnostics = diagnostics.filter { seen.insert($0.path).inserted }
    diagnostics.sort { a, b in
      let left = Int(a.path.dropFirst(7).prefix { $0 != "]" }) ?? 0
      let right = Int(b.path.dropFirst(7).prefix { $0 != "]" }) ?? 0
      return left < right
    }
    return DatasetLoadError(diagnostics: Array(diagnostics.prefix(100)))
  }
}

/// Sources, actors and relations, checked, with the ranks of the actors (the events are in the
/// store already).
struct SkeletonPlan {
  /// Everything but the quotes and the events.
  let dataset: Dataset
  let eventCount: Int
  let asOf: CivilDay?
  /// Dataset indices of the actors in rank order.
  let actorOrder: [Int]
  let eventCounts: [String: Int]
  let quoteCounts: [String: Int]

  func counts(quotes: Int) -> StoreCounts {
    StoreCounts(events: eventCount, actors: dataset.actors.count, quotes: quotes)
  }

  init(
    dataset: Dataset, eventCount: Int, sourceOrder: [String: Int], eventCounts: [String: Int],
    quoteCounts: [String: Int]
  ) {
    self.dataset = dataset
    self.eventCount = eventCount
    self.eventCounts = eventCounts
    self.quoteCounts = quoteCounts
    asOf = Timeline.asOf(dataset.sources)
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

  /// After `writeEvents`: what the meta table says of the events comes from their rows.
  func writeMeta(_ db: Database, inputKey: String, quoteCount: Int) throws {
    let firstUpcoming = try Int.fetchOne(db, sql: "SELECT min(position) FROM events WHERE upcoming")
    let eventDates = try String.fetchAll(db, sql: "SELECT DISTINCT resolved FROM events")
    let rows: [(String, String?)] = [
      ("application", StoreSchema.application),
      ("store_version", String(StoreSchema.version)),
      ("format", dataset.format),
      ("input_key", inputKey),
      ("title", dataset.title),
      ("as_of", asOf?.description),
      ("event_count", String(eventCount)),
      ("actor_count", String(dataset.actors.count)),
      ("quote_count", String(quoteCount)),
      ("first_upcoming_event", firstUpcoming.map(String.init)),
      ("event_dates", StoreJSON.array(eventDates.sorted())),
    ]
    let statement = try db.makeStatement(sql: "INSERT INTO meta(key, value) VALUES (?, ?)")
    for (key, value) in rows { try statement.execute(arguments: [key, value]) }
  }

  func writeSources(_ db: Database) throws {
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

  func writeActors(_ db: Database) throws {
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

  func writeRelations(_ db: Database) throws {
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
  // Narrow fields, the widest first: a key is held for every event while they are sorted (24
  // bytes, not 56: 300k events, 10 MB less at an import's peak).
  let day: Int
  private let sourceValue: Int32
  private let paragraphValue: Int32
  private let indexValue: Int32
  private let sameDayOrderValue: Int8
  private let precisionValue: UInt8
  let upcoming: Bool

  /// `sameDayOrder` is -1, 0 or 1 (kept in order within -128...127); `precision` a
  /// precision's raw value; `source` an order, or any value past the sources (Int.max) for
  /// none; `paragraph` within `DatasetDecoder.paragraphRange`; `index` an event's.
  init(
    upcoming: Bool, day: Int, sameDayOrder: Int, precision: Int, source: Int, paragraph: Int,
    index: Int
  ) {
    self.upcoming = upcoming
    self.day = day
    sameDayOrderValue = Int8(clamping: sameDayOrder)
    precisionValue = UInt8(clamping: precision)
    sourceValue = Int32(clamping: source)
    paragraphValue = Int32(clamping: paragraph)
    indexValue = Int32(index)
  }

  var index: Int { Int(indexValue) }

  /// The fields in the order they sort by, as a table keeps them (`EventShelf` sorts by them).
  var sortColumns: [Int] {
    [
      upcoming ? 1 : 0, day, Int(sameDayOrderValue), Int(precisionValue), Int(sourceValue),
      Int(paragraphValue), Int(indexValue),
    ]
  }

  static func < (lhs: ChronologicalKey, rhs: ChronologicalKey) -> Bool {
    ((lhs.upcoming ? 1 : 0), lhs.day, lhs.sameDayOrderValue, lhs.precisionValue)
      < ((rhs.upcoming ? 1 : 0), rhs.day, rhs.sameDayOrderValue, rhs.precisionValue)
      || ((lhs.upcoming ? 1 : 0), lhs.day, lhs.sameDayOrderValue, lhs.precisionValue)
        == ((rhs.upcoming ? 1 : 0), rhs.day, rhs.sameDayOrderValue, rhs.precisionValue)
        && (lhs.sourceValue, lhs.paragraphValue, lhs.indexValue)
          < (rhs.sourceValue, rhs.paragraphValue, rhs.indexValue)
  }
}
