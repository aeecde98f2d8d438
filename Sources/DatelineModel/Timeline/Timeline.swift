/// The built timeline of a dataset: dates resolved, events and quotes in chronological order,
/// actors ranked, everything linked. Every answer comes from a store (SQLite): a small dataset
/// is built into memory when loaded, a large one is a file (see `TimelineCache`). Immutable
/// and safe to query from any task.
public final class Timeline: Sendable {
  let store: StoreReader
  /// The dataset's title, or the first source's title.
  public let title: String
  /// The latest source publication day: what "upcoming" is measured against.
  public let asOf: CivilDay?
  /// Chronological: start day, same-day order, precision (day first), source position.
  public let events: TimelineRows<TimelineEvent>
  /// Most events plus quotes first, then by name.
  public let actors: TimelineRows<TimelineActor>
  /// Chronological, then by source position.
  public let quotes: TimelineRows<TimelineQuote>

  /// The dataset as loaded (items in input order), read back from the store: for tools that
  /// rewrite a dataset, not for browsing (it reads every row).
  public var dataset: Dataset { store.dataset() }

  /// The index in `events` of the first upcoming event (they all sort after the others), or
  /// nil when none is upcoming: where the "as of" divider goes.
  public let firstUpcomingEventIndex: Int?

  /// The store file answering this timeline, or nil when it is in memory.
  public var storePath: String? { store.path }

  /// A read of this timeline's store that failed (a damaged or vanished store file) since the
  /// last call, as a located error; nil when none did. What could not be read shows as empty.
  public func takeStoreProblem() -> Diagnostic? { store.takeProblem() }

  /// The first read of any store that failed in this process, for a command's error and exit
  /// status.
  public static var firstStoreProblem: Diagnostic? { StoreReader.firstProblem }

  /// Runs `body` with a `firstStoreProblem` of its own: it starts empty and hears only the
  /// failed reads made in `body`'s task, so that several commands can run in one process (the
  /// command-line tests) without one's failure counting against another.
  public static func withOwnStoreProblems<T>(_ body: () throws -> T) rethrows -> T {
    try StoreReader.$first.withValue(Locked(nil), operation: body)
  }

  /// Reads, checks and builds the timeline of the dataset at `path` (file or directory).
  public convenience init(path: String) throws(DatasetLoadError) {
    try self.init(dataset: DatasetLoader.load(path: path))
  }

  /// Checks and builds the timeline of a dataset, in an in-memory store.
  public convenience init(dataset: Dataset) throws(DatasetLoadError) {
    let builder = StoreBuilder()
    try builder.add(dataset)
    self.init(store: try builder.finishStore())
  }

  /// Opens a store file written by `StoreBuilder` (or `dateline import`). Throws when the file
  /// is missing, unreadable, not a Dateline store, or from another store version.
  public convenience init(storePath: String) throws(DatasetLoadError) {
    self.init(store: try StoreReader.open(path: storePath))
  }

  init(store: StoreReader) {
    self.store = store
    title = store.title ?? store.firstSourceTitle ?? "Timeline"
    asOf = store.asOf
    firstUpcomingEventIndex = store.firstUpcomingEvent
    events = TimelineRows(count: store.counts.events, prefetch: store.prefetchEvents) {
      store.event(at: $0)
    }
    actors = TimelineRows(count: store.counts.actors, prefetch: store.prefetchActors) {
      store.actor(at: $0)
    }
    quotes = TimelineRows(count: store.counts.quotes, prefetch: store.prefetchQuotes) {
      store.quote(at: $0)
    }
  }

  /// Throws exactly what `init(dataset:)` would, without building the chronology and links:
  /// for writers (ingest) that must never write what the model rejects.
  public static func check(_ dataset: Dataset) throws(DatasetLoadError) {
    _ = try checkedDates(dataset)
  }

  static func checkedDates(_ dataset: Dataset) throws(DatasetLoadError)
    -> (events: [ResolvedDate], quotes: [ResolvedDate])
  {
    let checked = DatasetChecker.check(dataset)
    if !checked.diagnostics.isEmpty { throw DatasetLoadError(diagnostics: checked.diagnostics) }
    // The checker reports what it cannot resolve; a nil left without a report is a bug here.
    func unwrap(
      _ dates: some Collection<ResolvedDate?>, _ collection: String, id: (Int) -> String
    )
      throws(DatasetLoadError) -> [ResolvedDate]
    {
      var resolved: [ResolvedDate] = []
      resolved.reserveCapacity(dates.count)
      for (index, date) in dates.enumerated() {
        guard let date else { throw Timeline.unresolved("\(collection)[\(index)]", id(index)) }
        resolved.append(date)
      }
      return resolved
    }
    let events = try unwrap(checked.eventDates, "events") { dataset.events[$0].id }
    let quotes = try unwrap(checked.quoteDates, "quotes") { dataset.quotes[$0].id }
    return (events, quotes)
  }

  private static func unresolved(_ path: String, _ id: String) -> DatasetLoadError {
    DatasetLoadError(diagnostics: [
      Diagnostic(
        path: path, line: 0, column: 0, message: "the date of '\(id)' could not be resolved")
    ])
  }

  // MARK: Look-ups

  public func event(id: String) -> TimelineEvent? { eventIndex(id: id).map { events[$0] } }
  public func actor(id: String) -> TimelineActor? { actorIndex(id: id).map { actors[$0] } }
  public func quote(id: String) -> TimelineQuote? { quoteIndex(id: id).map { quotes[$0] } }
  public func source(id: String) -> Source? { store.source(id: id) }

  public func eventIndex(id: String) -> Int? {
    store.integer("SELECT position FROM events WHERE id = ? ORDER BY position DESC LIMIT 1", [id])
  }
  public func actorIndex(id: String) -> Int? {
    store.integer("SELECT rank FROM actors WHERE id = ? ORDER BY rank LIMIT 1", [id])
  }
  public func quoteIndex(id: String) -> Int? {
    store.quotePosition(id: id)
  }

  /// Events the actor takes part in, chronological.
  public func events(involving actorID: String) -> [TimelineEvent] {
    eventIndices(involving: actorID).map { events[$0] }
  }

  /// Indices into `events` of the events the actor takes part in.
  public func eventIndices(involving actorID: String) -> [Int] {
    store.integers(
      "SELECT event_position FROM event_participants WHERE actor_id = ? ORDER BY event_position",
      [actorID])
  }

  /// Events that can overlap the days `from...to` (either end open when nil), chronological.
  public func events(from: CivilDay?, to: CivilDay?) -> [TimelineEvent] {
    eventIndices(from: from, to: to).map { events[$0] }
  }

  /// Indices into `events` of the events that can overlap the days `from...to`.
  public func eventIndices(from: CivilDay?, to: CivilDay?) -> [Int] {
    store.integers(
      """
      SELECT position FROM events WHERE (?1 IS NULL OR end_day >= ?1)
        AND (?2 IS NULL OR start_day <= ?2) ORDER BY position
      """, [from?.dayNumber, to?.dayNumber])
  }

  public func quotes(by speakerID: String) -> [TimelineQuote] {
    quoteIndices(by: speakerID).map { quotes[$0] }
  }

  public func quotes(at eventID: String) -> [TimelineQuote] {
    quoteIndices(at: eventID).map { quotes[$0] }
  }

  /// Indices into `quotes` of the speaker's quotes, chronological.
  public func quoteIndices(by speakerID: String) -> [Int] {
    store.integers(
      "SELECT position FROM quotes WHERE speaker = ? ORDER BY position", [speakerID])
  }

  /// Indices into `quotes` of the quotes said at an event, chronological.
  public func quoteIndices(at eventID: String) -> [Int] {
    store.integers("SELECT position FROM quotes WHERE event = ? ORDER BY position", [eventID])
  }

  /// Actors linked to this one, highest score first (see `LinkReason.weight`), then by name.
  /// Computed for this actor on request, from indexed queries.
  public func relatedActors(of actorID: String) -> [RelatedActor] {
    store.relatedActors(of: actorID)
  }

  public func searchQuotes(_ query: QuoteQuery) -> [TimelineQuote] {
    quoteIndices(matching: query).map { quotes[$0] }
  }

  /// Indices into `quotes` that match, keeping the order of `among` (all quotes when nil). The UI
  /// passes the previous result when the query only grew, so each keystroke narrows a small set.
  public func quoteIndices(matching query: QuoteQuery, among: [Int]? = nil) -> [Int] {
    quoteIndices(matching: query, among: among, offset: 0, limit: nil)
  }

  /// The matches from the `offset`-th on, at most `limit` of them: the first screenful of a
  /// search comes back without finding every match. An empty query matches everything.
  public func quoteIndices(matching query: QuoteQuery, among: [Int]?, offset: Int, limit: Int?)
    -> [Int]
  {
    if query.isEmpty {
      let all = among.map { $0.filter { quotes.indices.contains($0) } } ?? Array(quotes.indices)
      let start = min(all.count, max(0, offset))
      let end = limit.map { min(all.count, start + max(0, $0)) } ?? all.count
      return Array(all[start..<end])
    }
    return store.searchQuotes(query, among: among, offset: max(0, offset), limit: limit) ?? []
  }

  /// The same, stopping when `isCancelled` returns true (polled every few hundred rows, from
  /// the searching thread): nil when cancelled. For searches run off the input loop.
  public func quoteIndices(
    matching query: QuoteQuery, among: [Int]?, offset: Int, limit: Int?,
    isCancelled: () -> Bool
  ) -> [Int]? {
    if query.isEmpty {
      return quoteIndices(matching: query, among: among, offset: offset, limit: limit)
    }
    return store.searchQuotes(
      query, among: among, offset: max(0, offset), limit: limit, isCancelled: isCancelled)
  }

  /// The first `limit` matches (all when nil) after the quote at index `after`, in timeline
  /// order: the next page of a search, found from where the last one stopped. nil when
  /// `isCancelled` returned true first.
  public func quoteIndices(
    matching query: QuoteQuery, after: Int, limit: Int?, isCancelled: () -> Bool
  ) -> [Int]? {
    if query.isEmpty {
      let start = min(quotes.count, max(0, after + 1))
      let end = limit.map { min(quotes.count, start + max(0, $0)) } ?? quotes.count
      return Array(start..<end)
    }
    return store.searchQuotes(
      query, among: nil, after: after, offset: 0, limit: limit, isCancelled: isCancelled)
  }

  /// How many quotes match (among `among` when given); separate from the rows, as counting
  /// every match of a common word costs more than finding the first screenful.
  public func countQuotes(matching query: QuoteQuery, among: [Int]? = nil) -> Int {
    countQuotes(matching: query, among: among, isCancelled: { false }) ?? 0
  }

  /// The count, or nil when `isCancelled` returned true first.
  public func countQuotes(
    matching query: QuoteQuery, among: [Int]?, isCancelled: () -> Bool
  ) -> Int? {
    if query.isEmpty { return among?.filter { quotes.indices.contains($0) }.count ?? quotes.count }
    return store.countQuotes(query, among: among, isCancelled: isCancelled)
  }

  /// A reason in words as seen from `actorID` looking at `otherID`: a one-way stated relation
  /// reads "supports" from its subject and "supported by" from its object.
  public func describe(_ reason: LinkReason, for actorID: String, with otherID: String) -> String {
    guard case .statedRelation(let kind, let eventID) = reason, !kind.isSymmetric else {
      return describe(reason)
    }
    let isSubject = store.statesRelation(kind, eventID: eventID, from: actorID, to: otherID)
    let phrase = isSubject ? kind.phrase : kind.inversePhrase
    guard let eventID, let event = event(id: eventID) else { return phrase }
    return "\(phrase) (\(event.event.headline))"
  }

  /// A reason in words with names and headlines: "named in a quote by Donald Trump".
  public func describe(_ reason: LinkReason) -> String {
    switch reason {
    case .sharedEvent, .affiliation:
      return reason.description
    case .statedRelation(let kind, let eventID):
      guard let eventID, let event = event(id: eventID) else { return kind.phrase }
      return "\(kind.phrase) (\(event.event.headline))"
    case .mentionedInQuote(_, let speakerID):
      return "named in a quote by \(actor(id: speakerID)?.actor.name ?? speakerID)"
    case .mentionedInSummary(let eventID):
      return "named in: \(event(id: eventID)?.event.headline ?? eventID)"
    }
  }
}

extension Timeline {
  /// The day the timeline stands on: its sources' last publication day. The store's `as_of`
  /// and the events' upcoming flags and order both come from it.
  static func asOf(_ sources: [Source]) -> CivilDay? {
    sources.compactMap(\.publicationDay).max()
  }

  /// Upcoming as of `asOf`: it can only begin after that day, or it is not reported as done
  /// (scheduled, expected, predicted) and may still fall after that day.
  static func isUpcoming(_ date: ResolvedDate, status: EventStatus, asOf: CivilDay?) -> Bool {
    guard let asOf else { return false }
    if date.start > asOf { return true }
    return status != .occurred && date.value.latestDay > asOf
  }
}
