/// The semantic checks of a merged dataset, and the resolution of its dates (which the timeline
/// reuses): references, duplicate ids, speakers, dates, anchors and `relativeTo` cycles.
struct DatasetChecker {
  /// Ids are slugs; longer ones are refused (a 1 MB id once made text output explode).
  static let maximumIDLength = 200

  struct Result {
    var diagnostics: [Diagnostic]
    /// Parallel to `dataset.events` / `dataset.quotes`; nil where a date could not be resolved.
    var eventDates: SharedDates
    var quoteDates: [ResolvedDate?]
  }

  enum Collection: String {
    case sources, actors, events, quotes, relations
  }

  private(set) var dataset: Dataset
  /// nil for a dataset built in memory.
  private(set) var located: LocatedDataset?
  private var diagnostics: [Diagnostic] = []

  private var actorsByID: [String: Int] = [:]
  private var eventsByID: [String: Int] = [:]
  private var sourcesByID: [String: Int] = [:]
  /// Each source's publication day, parsed once rather than for every item anchored on it.
  private var publicationDays: [CivilDay?] = []
  /// The events' dates once resolved, for the quotes checked after (`prepare`).
  private var eventDates = SharedDates([])
  /// The events' headlines (labels of the dates of quotes anchored on them) once the events
  /// themselves are dropped (`keepOnlyWhatQuotesNeed`); empty while they are held.
  private var eventHeadlines: [String] = []
  private let brokenIDs: Set<String>
  /// Where the events are when they are not in `dataset.events`: a large import's, on disk.
  private var shelf: EventShelf?
  /// The shelved events that the quotes being checked name (by id: the first row, or -1 for
  /// none), and their headlines, looked up together for each batch (`checkQuotes`).
  private var namedEvents: [String: Int] = [:]
  private var namedHeadlines: [Int: String] = [:]
  /// Added to the index of a quote in messages about it when the quotes are checked a chunk at
  /// a time (without locations): "quotes[N]" counts from the start of the dataset.
  var quoteIndexOffset = 0

  static func check(_ dataset: Dataset) -> Result {
    var checker = DatasetChecker(dataset: dataset, located: nil)
    return checker.run()
  }

  static func check(_ located: LocatedDataset) -> Result {
    var checker = DatasetChecker(dataset: located.dataset, located: located)
    return checker.run()
  }

  private init(dataset: Dataset, located: LocatedDataset?) {
    self.dataset = dataset
    self.located = located
    self.brokenIDs = located?.brokenIDs ?? []
  }

  /// For reading a dataset a file at a time: checks everything but the quotes of `skeleton`
  /// (which holds none) and returns a checker that `checkQuotes` can then use, file by file,
  /// without holding every quote at once.
  static func prepare(_ skeleton: LocatedDataset) -> (DatasetChecker, Result) {
    var checker = DatasetChecker(dataset: skeleton.dataset, located: skeleton)
    let result = checker.run()
    checker.diagnostics = []
    return (checker, result)
  }

  /// Checks everything but the quotes of `skeleton` (which holds neither quotes nor events),
  /// with the events on `shelf`: the same checks, but the events are read from disk as they are
  /// needed instead of held. A duplicate event id is reported without the place of its first
  /// use (an import reads again to report it: `DatasetStream`).
  static func prepare(_ skeleton: LocatedDataset, shelf: EventShelf) -> (DatasetChecker, Result) {
    var checker = DatasetChecker(dataset: skeleton.dataset, located: skeleton)
    checker.shelf = shelf
    let result = checker.run()
    checker.diagnostics = []
    return (checker, result)
  }

  /// Drops what checking more quotes does not need: the events (but their ids, headlines and
  /// dates) and the relations. A 1M-quote import's 100k events took 470 bytes each here.
  mutating func keepOnlyWhatQuotesNeed() {
    if shelf == nil { eventHeadlines = dataset.events.map(\.headline) }
    dataset.events = []
    dataset.relations = []
    located?.dataset = Dataset()
    located?.relations = []
  }

  /// The headline of event `index`, held, kept or shelved.
  private func eventHeadline(_ index: Int) -> String {
    if let headline = namedHeadlines[index] { return headline }
    return eventHeadlines.isEmpty ? event(index).headline : eventHeadlines[index]
  }

  private var eventCount: Int { shelf?.count ?? dataset.events.count }

  /// Event `index`; `inOrder` when walking the events from the first (a shelf reads ahead).
  private func event(_ index: Int, inOrder: Bool = false) -> Event {
    if let shelf { return shelf.event(index, inOrder: inOrder) }
    return dataset.events[index]
  }

  /// The first event with id `id`.
  private func eventIndex(of id: String) -> Int? {
    guard let shelf else { return eventsByID[id] }
    if let row = namedEvents[id] { return row < 0 ? nil : row }
    return shelf.firstRow(of: id)
  }

  /// For a store builder: checks a whole dataset (quotes too, exactly as `check` does) and
  /// returns a checker that `checkQuotes` can then use for more quotes.
  static func prepare(_ dataset: Dataset) -> (DatasetChecker, Result) {
    var checker = DatasetChecker(dataset: dataset, located: nil)
    let result = checker.run()
    checker.diagnostics = []
    checker.dataset.quotes = []
    return (checker, result)
  }

  /// What is wrong with the id of the `index`-th quote of a chunk checked with `checkQuotes`,
  /// beside repeats among quotes: empty, too long, or used by a source, actor or event.
  func quoteIDProblem(_ id: String, index: Int) -> Diagnostic? {
    let message: String
    if id.trimmingASCIIWhitespace().isEmpty {
      message = "the quote has an empty id; give it a short unique id such as \"quote-1\""
    } else if id.unicodeScalars.count > DatasetChecker.maximumIDLength {
      message =
        "the quote id is \(id.unicodeScalars.count) characters long; ids are short slugs of at most \(DatasetChecker.maximumIDLength) characters (such as \"quote-1\")"
    } else if let holder = holder(of: id) {
      message =
        "duplicate id '\(id)': already used by \(holder); give each source, actor, event and quote its own id"
    } else {
      return nil
    }
    return diagnostic(.quotes, index, "id", message)
  }

  /// Where an id is first used among the sources, actors and events, as a place in a message.
  func holder(of id: String) -> String? {
    if let index = sourcesByID[id] { return "the source at \(whereIs(.sources, index))" }
    if let index = actorsByID[id] { return "the actor at \(whereIs(.actors, index))" }
    if let index = eventIndex(of: id) { return "the event at \(whereIs(.events, index))" }
    return nil
  }

  /// Checks some more quotes (one file's) against the prepared sources, actors and events;
  /// returns their problems (ids aside) and resolved dates.
  mutating func checkQuotes(_ quotes: [Quote], locations: [ItemLocation]) -> (
    diagnostics: [Diagnostic], dates: [ResolvedDate?]
  ) {
    dataset.quotes = quotes
    located?.quotes = locations
    diagnostics = []
    if let shelf { lookUpNamedEvents(shelf) }
    checkQuotes()
    let dates = resolveQuoteDates(eventDates: eventDates)
    defer {
      diagnostics = []
      dataset.quotes = []
      located?.quotes = []
      namedEvents = [:]
      namedHeadlines = [:]
    }
    return (diagnostics, dates)
  }

  /// Looks up the events that the quotes being checked name, together.
  private mutating func lookUpNamedEvents(_ shelf: EventShelf) {
    var ids = Set<String>()
    for quote in dataset.quotes {
      if let event = quote.event { ids.insert(event) }
      if case .stated(let stated) = quote.date, let target = stated.relativeTo {
        ids.insert(target)
      }
    }
    guard !ids.isEmpty else { return }
    let found = shelf.firstRows(of: Array(ids))
    for id in ids {
      if let (row, headline) = found[id] {
        namedEvents[id] = row
        namedHeadlines[row] = headline
      } else {
        namedEvents[id] = -1
      }
    }
  }

  private mutating func report(
    _ collection: Collection, _ index: Int, _ field: String?, _ message: String
  ) {
    diagnostics.append(diagnostic(collection, index, field, message))
  }

  private func diagnostic(
    _ collection: Collection, _ index: Int, _ field: String?, _ message: String
  ) -> Diagnostic {
    if let location = itemLocation(collection, index) {
      let position = field.map { location.position(of: $0) } ?? location.object
      return Diagnostic(
        path: location.path, line: position.line, column: position.column, message: message)
    }
    let shown = collection == .quotes ? index + quoteIndexOffset : index
    var path = "\(collection.rawValue)[\(shown)]"
    if let field {
      // "participants.2" -> "participants[2]"
      let parts = field.split(separator: ".")
      for part in parts { path += Int(part) != nil ? "[\(part)]" : ".\(part)" }
    }
    return Diagnostic(path: path, line: 0, column: 0, message: message)
  }

  private func itemLocation(_ collection: Collection, _ index: Int) -> ItemLocation? {
    guard let located else { return nil }
    if collection == .events, let shelf { return shelf.location(index) }
    let list: [ItemLocation]
    switch collection {
    case .sources: list = located.sources
    case .actors: list = located.actors
    case .events: list = located.events
    case .quotes: list = located.quotes
    case .relations: list = located.relations
    }
    return index < list.count ? list[index] : nil
  }

  private func whereIs(_ collection: Collection, _ index: Int) -> String {
    let found = diagnostic(collection, index, "id", "")
    return found.line == 0 ? found.path : "\(found.path):\(found.line):\(found.column)"
  }

  private mutating func run() -> Result {
    checkIDs()
    checkSources()
    checkActors()
    checkEvents()
    checkQuotes()
    checkRelations()
    // Kept for the quotes a prepared checker takes later (`checkQuotes`).
    eventDates = resolveEventDates()
    let quoteDates = resolveQuoteDates(eventDates: eventDates)
    return Result(diagnostics: diagnostics, eventDates: eventDates, quoteDates: quoteDates)
  }

  // MARK: Ids

  /// Empty or whitespace only. An id that starts with a printable ASCII character (all that
  /// ingest writes) is decided by its first byte.
  static func isBlank(_ id: String) -> Bool {
    if let first = id.utf8.first, first > 0x20, first < 0x7F { return false }
    return id.unicodeScalars.allSatisfy(\.properties.isWhitespace)
  }

  private mutating func checkIDs() {
    var seen: [String: (Collection, Int)] = [:]
    seen.reserveCapacity(
      dataset.sources.count + dataset.actors.count + dataset.events.count + dataset.quotes.count)
    sourcesByID.reserveCapacity(dataset.sources.count)
    actorsByID.reserveCapacity(dataset.actors.count)
    eventsByID.reserveCapacity(dataset.events.count)
    // Shelved events are not remembered here (that is what shelving saves): their ids are
    // checked against the sources' and actors', and against each other's by the shelf.
    var shelvedID: (id: String, index: Int)?
    func register(_ id: String, _ collection: Collection, _ index: Int, kind: String) {
      if DatasetChecker.isBlank(id) {
        report(
          collection, index, "id",
          "the \(kind) has an empty id; give it a short unique id such as \"\(kind)-1\"")
        return
      }
      // No more bytes than the limit is no more scalars: count them only past it.
      if id.utf8.count > DatasetChecker.maximumIDLength,
        id.unicodeScalars.count > DatasetChecker.maximumIDLength
      {
        report(
          collection, index, "id",
          "the \(kind) id is \(id.unicodeScalars.count) characters long; ids are short slugs of at most \(DatasetChecker.maximumIDLength) characters (such as \"\(kind)-1\")"
        )
        return
      }
      if let (otherCollection, otherIndex) = seen[id]
        ?? shelvedID.flatMap({ shelved in
          shelved.id == id ? (.events, shelved.index) : nil
        })
      {
        report(
          collection, index, "id",
          "duplicate id '\(id)': already used by the \(String(otherCollection.rawValue.dropLast())) at \(whereIs(otherCollection, otherIndex)); give each source, actor, event and quote its own id"
        )
        return
      }
      if collection != .events || shelf == nil { seen[id] = (collection, index) }
    }
    for (index, source) in dataset.sources.enumerated() {
      register(source.id, .sources, index, kind: "source")
      if sourcesByID[source.id] == nil { sourcesByID[source.id] = index }
      publicationDays.append(source.publicationDay)
    }
    for (index, actor) in dataset.actors.enumerated() {
      register(actor.id, .actors, index, kind: "actor")
      if actorsByID[actor.id] == nil { actorsByID[actor.id] = index }
    }
    if let shelf {
      let laterUses = shelf.laterUses()
      for index in 0..<shelf.count {
        let id = shelf.event(index, inOrder: true).id
        shelvedID = laterUses[index].map { (id, $0) }
        register(id, .events, index, kind: "event")
      }
    } else {
      for (index, event) in dataset.events.enumerated() {
        register(event.id, .events, index, kind: "event")
        if eventsByID[event.id] == nil { eventsByID[event.id] = index }
      }
    }
    for (index, quote) in dataset.quotes.enumerated() {
      register(quote.id, .quotes, index, kind: "quote")
    }
  }

  // MARK: References

  // Field and role are words for a message that is rarely written: built only when it is.
  private mutating func checkActorReference(
    _ id: String, _ collection: Collection, _ index: Int, _ field: @autoclosure () -> String,
    role: @autoclosure () -> String
  ) {
    guard actorsByID[id] == nil, !brokenIDs.contains(id) else { return }
    report(
      collection, index, field(),
      "unknown actor id '\(id)' as \(role()); use the id of an actor listed in \"actors\", or add the actor"
    )
  }

  // Field and role are words for a message that is rarely written: built only when it is.
  private mutating func checkEventReference(
    _ id: String, _ collection: Collection, _ index: Int, _ field: @autoclosure () -> String,
    role: @autoclosure () -> String
  ) {
    guard eventIndex(of: id) == nil, !brokenIDs.contains(id) else { return }
    report(
      collection, index, field(),
      "unknown event id '\(id)' as \(role()); use the id of an event listed in \"events\"")
  }

  private mutating func checkProvenance(
    _ provenance: Provenance, _ collection: Collection, _ index: Int
  ) {
    guard sourcesByID[provenance.source] == nil, !brokenIDs.contains(provenance.source) else {
      return
    }
    report(
      collection, index, "provenance.source",
      "unknown source id '\(provenance.source)'; use the id of a source listed in \"sources\", or add the source"
    )
  }

  private mutating func checkSources() {
    for (index, source) in dataset.sources.enumerated()
    where !source.published.isEmpty && source.publicationDay == nil {
      report(
        .sources, index, "published",
        "publication date \"\(source.published)\" of source '\(source.id)' is not ISO 8601; write it like 2025-02-24T16:19:00-05:00 (date, time and zone) or 2025-02-24"
      )
    }
  }

  private mutating func checkActors() {
    for (index, actor) in dataset.actors.enumerated() {
      if let affiliation = actor.affiliation, affiliation == actor.id {
        report(
          .actors, index, "affiliation",
          "actor '\(actor.id)' is affiliated with itself; name the country or organization it belongs to, or drop \"affiliation\""
        )
      } else if let affiliation = actor.affiliation {
        checkActorReference(
          affiliation, .actors, index, "affiliation", role: "affiliation of '\(actor.id)'")
      }
    }
  }

  private mutating func checkEvents() {
    for index in 0..<eventCount {
      let event = self.event(index, inOrder: true)
      // A few participants (nearly every event) are compared with those before them; a long
      // list goes through a set, so that it stays linear.
      let isShort = event.participants.count <= 16
      var listed = Set<String>()
      for (position, participant) in event.participants.enumerated() {
        let isRepeated =
          isShort
          ? event.participants[..<position].contains(participant)
          : !listed.insert(participant).inserted
        if isRepeated {
          report(
            .events, index, "participants.\(position)",
            "participant '\(participant)' is listed twice in event '\(event.id)'; list each actor once"
          )
          continue
        }
        checkActorReference(
          participant, .events, index, "participants.\(position)",
          role: "participant of event '\(event.id)'")
      }
      checkProvenance(event.provenance, .events, index)
    }
  }

  private mutating func checkQuotes() {
    for (index, quote) in dataset.quotes.enumerated() {
      if quote.text.trimmingASCIIWhitespace().isEmpty {
        report(
          .quotes, index, "text",
          "quote '\(quote.id)' has empty text; put the verbatim words, without the quotation marks")
      }
      if let speakerIndex = actorsByID[quote.speaker] {
        let speaker = dataset.actors[speakerIndex]
        if speaker.kind != .person && speaker.kind != .group {
          report(
            .quotes, index, "speaker",
            "the speaker of quote '\(quote.id)' is '\(speaker.id)', \(speaker.kind == .organization ? "an" : "a") \(speaker.kind.rawValue); a quote is said by a person or a group: name who spoke (for example the spokesperson or leader)"
          )
        }
      } else {
        checkActorReference(
          quote.speaker, .quotes, index, "speaker", role: "speaker of quote '\(quote.id)'")
      }
      if let event = quote.event {
        checkEventReference(event, .quotes, index, "event", role: "event of quote '\(quote.id)'")
      }
      checkProvenance(quote.provenance, .quotes, index)
    }
  }

  private mutating func checkRelations() {
    for (index, relation) in dataset.relations.enumerated() {
      if relation.from == relation.to {
        report(
          .relations, index, "to",
          "the relation links '\(relation.from)' with itself; a relation joins two different actors"
        )
      }
      checkActorReference(relation.from, .relations, index, "from", role: "\"from\" of a relation")
      checkActorReference(relation.to, .relations, index, "to", role: "\"to\" of a relation")
      if let event = relation.event {
        checkEventReference(event, .relations, index, "event", role: "event of a relation")
      }
      checkProvenance(relation.provenance, .relations, index)
    }
  }

  // MARK: Dates

  /// Where an event's date stands while resolving; the dates themselves are kept apart, once
  /// (a state holding the date made a second array of dates as large as the first).
  private enum State: UInt8 {
    case unresolved, failed, resolved
  }

  /// Resolves event dates in dependency order. Each event depends on at most one other (its
  /// `relativeTo`), so walking each chain iteratively finds the order and any cycle without
  /// recursion, however long the chain.
  private mutating func resolveEventDates() -> SharedDates {
    var states = [State](repeating: .unresolved, count: eventCount)
    var dates = SharedDates(count: eventCount)
    for start in 0..<eventCount {
      guard states[start] == .unresolved else { continue }
      var chain: [Int] = []
      var onChain: [Int: Int] = [:]
      var current = start
      walk: while true {
        onChain[current] = chain.count
        chain.append(current)
        guard case .stated(let stated) = event(current, inOrder: current == start).date,
          let target = stated.relativeTo
        else {
          break walk
        }
        guard let targetIndex = eventIndex(of: target) else {
          if brokenIDs.contains(target) {
            states[current] = .failed
          } else {
            report(
              .events, current, "date.relativeTo",
              "unknown event id '\(target)' in relativeTo of event '\(event(current).id)'; use the id of an event listed in \"events\""
            )
            states[current] = .failed
          }
          chain.removeLast()
          break walk
        }
        if let cycleStart = onChain[targetIndex] {
          let cycle = chain[cycleStart...].map { event($0).id } + [event(targetIndex).id]
          report(
            .events, chain[cycleStart], "date.relativeTo",
            "the dates form a cycle through relativeTo: \(cycle.joined(separator: " -> ")); anchor one of them on the source date or an EDTF date"
          )
          for member in chain[cycleStart...] { states[member] = .failed }
          chain.removeSubrange(cycleStart...)
          break walk
        }
        if states[targetIndex] == .unresolved {
          current = targetIndex
          continue walk
        }
        break walk
      }
      for index in chain.reversed() {
        guard states[index] == .unresolved else { continue }
        var anchor: (index: Int, date: ResolvedDate)?
        if case .stated(let stated) = event(index).date, let target = stated.relativeTo,
          let targetIndex = eventIndex(of: target), let date = dates[targetIndex]
        {
          anchor = (targetIndex, date)
        }
        dates[index] = resolveEvent(index, relativeTo: anchor)
        states[index] = dates[index] == nil ? .failed : .resolved
      }
    }
    dates.finishSetting()
    return dates
  }

  /// The date of event `index`; `relativeTo` is the resolved event its date is relative to, if
  /// any (nil when that one failed).
  private mutating func resolveEvent(
    _ index: Int, relativeTo anchorEvent: (index: Int, date: ResolvedDate)?
  ) -> ResolvedDate? {
    let event = self.event(index)
    switch event.date {
    case .edtf(let text):
      do {
        return .given(try EDTFDate(parsing: text))
      } catch {
        report(.events, index, "date", "date of event '\(event.id)': \(error)")
        return nil
      }
    case .stated(let stated):
      let anchor: CivilDay
      var label: String?
      if stated.relativeTo != nil {
        guard let (targetIndex, date) = anchorEvent else { return nil }
        anchor = date.start
        label = self.event(targetIndex).headline
      } else {
        guard
          let day = anchorDay(
            for: event.provenance, .events, index, what: "event '\(event.id)'",
            stated: stated.stated)
        else {
          return nil
        }
        anchor = day
      }
      do {
        return try DateResolver.resolve(stated, anchor: anchor, anchorLabel: label)
      } catch {
        report(.events, index, "date.stated", "date of event '\(event.id)': \(error)")
        return nil
      }
    }
  }

  /// The publication day of the provenance source, reporting when there is none to anchor on.
  private mutating func anchorDay(
    for provenance: Provenance, _ collection: Collection, _ index: Int,
    what: @autoclosure () -> String, stated: String?
  ) -> CivilDay? {
    guard let sourceIndex = sourcesByID[provenance.source] else { return nil }  // reported already
    let source = dataset.sources[sourceIndex]
    if let day = publicationDays[sourceIndex] { return day }
    if source.published.isEmpty {
      let what = what()
      let message =
        stated.map {
          "the date '\($0)' of \(what) is relative but has nothing to anchor it: it has no relativeTo and source '\(source.id)' has no publication date; add \"relativeTo\": EVENT-ID or the source's \"published\" date"
        }
        ?? "\(what) has no date and nothing to take one from: it has no event and source '\(source.id)' has no publication date; add a \"date\""
      report(collection, index, stated == nil ? nil : "date.stated", message)
    }
    return nil
  }

  private mutating func resolveQuoteDates(eventDates: SharedDates) -> [ResolvedDate?] {
    var dates: [ResolvedDate?] = []
    dates.reserveCapacity(dataset.quotes.count)
    for (index, quote) in dataset.quotes.enumerated() {
      dates.append(resolveQuoteDate(index, quote, eventDates: eventDates))
    }
    return dates
  }

  private mutating func resolveQuoteDate(
    _ index: Int, _ quote: Quote, eventDates: SharedDates
  ) -> ResolvedDate? {
    let what = "quote '\(quote.id)'"
    switch quote.date {
    case .edtf(let text):
      do {
        return .given(try EDTFDate(parsing: text))
      } catch {
        report(.quotes, index, "date", "date of \(what): \(error)")
        return nil
      }
    case .stated(let stated):
      let anchor: CivilDay
      var label: String?
      if let target = stated.relativeTo {
        guard let targetIndex = eventIndex(of: target) else {
          if !brokenIDs.contains(target) {
            report(
              .quotes, index, "date.relativeTo",
              "unknown event id '\(target)' in relativeTo of \(what); use the id of an event listed in \"events\""
            )
          }
          return nil
        }
        guard let date = eventDates[targetIndex] else { return nil }
        anchor = date.start
        label = eventHeadline(targetIndex)
      } else {
        guard
          let day = anchorDay(
            for: quote.provenance, .quotes, index, what: what, stated: stated.stated)
        else { return nil }
        anchor = day
      }
      do {
        return try DateResolver.resolve(stated, anchor: anchor, anchorLabel: label)
      } catch {
        report(.quotes, index, "date.stated", "date of \(what): \(error)")
        return nil
      }
    case nil:
      if let eventID = quote.event {
        guard let eventIndex = self.eventIndex(of: eventID) else { return nil }
        guard var date = eventDates[eventIndex] else { return nil }
        date.why = .ofEvent(id: eventID, headline: eventHeadline(eventIndex), date.why)
        return date
      }
      guard let day = anchorDay(for: quote.provenance, .quotes, index, what: what, stated: nil)
      else {
        return nil
      }
      return ResolvedDate(value: .day(day), explanation: "publication day of its source")
    }
  }
}

/// Events' resolved dates (nil where one could not be resolved) with each distinct date kept
/// once: most events share a date with many others, and a date takes some 160 bytes (100k
/// events of a 1M-quote import: 16 MB as an array, 0.4 MB and 4 bytes an event here). The
/// checker resolves into it directly, so the array is never made.
public struct SharedDates: RandomAccessCollection, Sendable {
  private var distinct: [ResolvedDate] = []
  /// Per event: its date's place in `distinct`, or -1 for none.
  private var places: [Int32] = []
  /// Each distinct date's place, while dates are being set.
  private var found: [ResolvedDate: Int32] = [:]

  /// `count` events, none dated yet.
  init(count: Int) {
    places = [Int32](repeating: -1, count: count)
  }

  public init(_ dates: [ResolvedDate?]) {
    self.init(count: dates.count)
    for (index, date) in dates.enumerated() { self[index] = date }
    finishSetting()
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { places.count }

  public subscript(_ index: Int) -> ResolvedDate? {
    get {
      let place = places[index]
      return place < 0 ? nil : distinct[Int(place)]
    }
    set {
      guard let date = newValue else {
        places[index] = -1
        return
      }
      if let place = found[date] {
        places[index] = place
      } else {
        let place = Int32(distinct.count)
        found[date] = place
        distinct.append(date)
        places[index] = place
      }
    }
  }

  /// Drops the look-up of distinct dates once every date is set (it is as large as they are).
  mutating func finishSetting() {
    found = [:]
  }
}
