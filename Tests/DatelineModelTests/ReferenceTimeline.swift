@testable import DatelineModel

/// The timeline as it was computed before the store: everything in memory, every link for
/// every actor built eagerly. Kept as the plain reference the store-backed answers must equal.
final class ReferenceTimeline {
  let dataset: Dataset
  /// The dataset's title, or the first source's title.
  let title: String
  /// The latest source publication day: what "upcoming" is measured against.
  let asOf: CivilDay?
  /// Chronological: start day, same-day order, precision (day first), source position.
  let events: [TimelineEvent]
  /// Most events plus quotes first, then by name.
  let actors: [TimelineActor]
  /// Chronological, then by source position.
  let quotes: [TimelineQuote]

  private let eventIndexByID: [String: Int]
  private let actorIndexByID: [String: Int]
  private let quoteIndexByID: [String: Int]
  private let sourceByID: [String: Source]
  private let eventIndicesByActor: [String: [Int]]
  private let quoteIndicesBySpeaker: [String: [Int]]
  private let quoteIndicesByEvent: [String: [Int]]
  private let relatedByActor: [String: [RelatedActor]]

  private static func checkedDates(_ dataset: Dataset) throws(DatasetLoadError)
    -> (events: [ResolvedDate], quotes: [ResolvedDate])
  {
    let checked = DatasetChecker.check(dataset)
    if !checked.diagnostics.isEmpty { throw DatasetLoadError(diagnostics: checked.diagnostics) }
    return (checked.eventDates.map { $0! }, checked.quoteDates.map { $0! })
  }

  init(dataset: Dataset) throws(DatasetLoadError) {
    let dates = try ReferenceTimeline.checkedDates(dataset)
    self.dataset = dataset
    title = dataset.title ?? dataset.sources.first?.title ?? "Timeline"
    asOf = dataset.sources.compactMap(\.publicationDay).max()

    var sourceByID: [String: Source] = [:]
    var sourceOrder: [String: Int] = [:]
    for (index, source) in dataset.sources.enumerated() where sourceByID[source.id] == nil {
      sourceByID[source.id] = source
      sourceOrder[source.id] = index
    }
    self.sourceByID = sourceByID
    var actorByID: [String: Actor] = [:]
    for actor in dataset.actors where actorByID[actor.id] == nil { actorByID[actor.id] = actor }

    // Sort on small integer keys computed once per item, not on the items themselves.
    func key(_ date: ResolvedDate, precision: Bool, _ provenance: Provenance, _ index: Int)
      -> ReferenceKey
    {
      ReferenceKey(
        day: date.start.dayNumber, sameDayOrder: date.sameDayOrder,
        precision: precision ? date.precision.rawValue : 0,
        source: sourceOrder[provenance.source] ?? Int.max, paragraph: provenance.paragraph,
        index: index)
    }

    // Events: start, same-day order, precision, source position.
    var eventItems: [TimelineEvent] = []
    var eventKeys: [ReferenceKey] = []
    eventItems.reserveCapacity(dataset.events.count)
    eventKeys.reserveCapacity(dataset.events.count)
    for (index, event) in dataset.events.enumerated() {
      let date = dates.events[index]
      let upcoming = ReferenceTimeline.isUpcoming(date, status: event.status, asOf: asOf)
      eventItems.append(TimelineEvent(event: event, date: date, isUpcoming: upcoming))
      var eventKey = key(date, precision: true, event.provenance, index)
      eventKey.upcoming = upcoming
      eventKeys.append(eventKey)
    }
    events = eventKeys.sorted().map { eventItems[$0.index] }

    // Quotes: start, same-day order, source position.
    var quoteItems: [TimelineQuote] = []
    var quoteKeys: [ReferenceKey] = []
    quoteItems.reserveCapacity(dataset.quotes.count)
    quoteKeys.reserveCapacity(dataset.quotes.count)
    for (index, quote) in dataset.quotes.enumerated() {
      let date = dates.quotes[index]
      let speaker = actorByID[quote.speaker]
      quoteItems.append(
        TimelineQuote(
          quote: quote, date: date, speakerName: speaker?.name ?? quote.speaker,
          speakerAliases: speaker?.aliases ?? []))
      quoteKeys.append(key(date, precision: false, quote.provenance, index))
    }
    quotes = quoteKeys.sorted().map { quoteItems[$0.index] }

    // Indexes.
    var eventIndexByID: [String: Int] = [:]
    var eventIndicesByActor: [String: [Int]] = [:]
    for (index, item) in events.enumerated() {
      eventIndexByID[item.event.id] = index
      for participant in Set(item.event.participants) {
        eventIndicesByActor[participant, default: []].append(index)
      }
    }
    for key in eventIndicesByActor.keys { eventIndicesByActor[key]!.sort() }
    var quoteIndexByID: [String: Int] = [:]
    var quoteIndicesBySpeaker: [String: [Int]] = [:]
    var quoteIndicesByEvent: [String: [Int]] = [:]
    for (index, item) in quotes.enumerated() {
      quoteIndexByID[item.quote.id] = index
      quoteIndicesBySpeaker[item.quote.speaker, default: []].append(index)
      if let event = item.quote.event { quoteIndicesByEvent[event, default: []].append(index) }
    }
    self.eventIndexByID = eventIndexByID
    self.eventIndicesByActor = eventIndicesByActor
    self.quoteIndexByID = quoteIndexByID
    self.quoteIndicesBySpeaker = quoteIndicesBySpeaker
    self.quoteIndicesByEvent = quoteIndicesByEvent

    // Actors, ranked.
    var rankedActors = dataset.actors.map { actor in
      TimelineActor(
        actor: actor, eventCount: eventIndicesByActor[actor.id]?.count ?? 0,
        quoteCount: quoteIndicesBySpeaker[actor.id]?.count ?? 0)
    }
    rankedActors.sort { a, b in
      let countA = a.eventCount + a.quoteCount
      let countB = b.eventCount + b.quoteCount
      if countA != countB { return countA > countB }
      if a.actor.name != b.actor.name { return a.actor.name < b.actor.name }
      return a.actor.id < b.actor.id
    }
    actors = rankedActors
    var actorIndexByID: [String: Int] = [:]
    for (index, item) in actors.enumerated() where actorIndexByID[item.actor.id] == nil {
      actorIndexByID[item.actor.id] = index
    }
    self.actorIndexByID = actorIndexByID

    relatedByActor = ReferenceLinker.link(
      actors: dataset.actors, events: events, quotes: quotes,
      relations: dataset.relations)
  }

  // MARK: Look-ups

  func event(id: String) -> TimelineEvent? { eventIndex(id: id).map { events[$0] } }
  func actor(id: String) -> TimelineActor? { actorIndex(id: id).map { actors[$0] } }
  func quote(id: String) -> TimelineQuote? { quoteIndex(id: id).map { quotes[$0] } }
  func source(id: String) -> Source? { sourceByID[id] }

  func eventIndex(id: String) -> Int? { eventIndexByID[id] }
  func actorIndex(id: String) -> Int? { actorIndexByID[id] }
  func quoteIndex(id: String) -> Int? { quoteIndexByID[id] }

  /// Events the actor takes part in, chronological.
  func events(involving actorID: String) -> [TimelineEvent] {
    (eventIndicesByActor[actorID] ?? []).map { events[$0] }
  }

  /// Indices into `events` of the events the actor takes part in.
  func eventIndices(involving actorID: String) -> [Int] {
    eventIndicesByActor[actorID] ?? []
  }

  /// Events that can overlap the days `from...to` (either end open when nil), chronological.
  func events(from: CivilDay?, to: CivilDay?) -> [TimelineEvent] {
    events.filter { item in
      (from.map { item.date.end >= $0 } ?? true) && (to.map { item.date.start <= $0 } ?? true)
    }
  }

  func quotes(by speakerID: String) -> [TimelineQuote] {
    (quoteIndicesBySpeaker[speakerID] ?? []).map { quotes[$0] }
  }

  func quotes(at eventID: String) -> [TimelineQuote] {
    (quoteIndicesByEvent[eventID] ?? []).map { quotes[$0] }
  }

  /// Actors linked to this one, highest score first (see `LinkReason.weight`), then by name.
  func relatedActors(of actorID: String) -> [RelatedActor] { relatedByActor[actorID] ?? [] }

  func searchQuotes(_ query: QuoteQuery) -> [TimelineQuote] {
    quotes.filter { query.matches($0) }
  }

  /// Indices into `quotes` that match, keeping the order of `among` (all quotes when nil). The UI
  /// passes the previous result when the query only grew, so each keystroke narrows a small set.
  func quoteIndices(matching query: QuoteQuery, among: [Int]? = nil) -> [Int] {
    guard let among else { return quotes.indices.filter { query.matches(quotes[$0]) } }
    return among.filter { quotes.indices.contains($0) && query.matches(quotes[$0]) }
  }

  /// A reason in words as seen from `actorID` looking at `otherID`: a one-way stated relation
  /// reads "supports" from its subject and "supported by" from its object.
  func describe(_ reason: LinkReason, for actorID: String, with otherID: String) -> String {
    guard case .statedRelation(let kind, let eventID) = reason, !kind.isSymmetric else {
      return describe(reason)
    }
    let isSubject = dataset.relations.contains {
      $0.kind == kind && $0.event == eventID && $0.from == actorID && $0.to == otherID
    }
    let phrase = isSubject ? kind.phrase : kind.inversePhrase
    guard let eventID, let event = event(id: eventID) else { return phrase }
    return "\(phrase) (\(event.event.headline))"
  }

  /// A reason in words with names and headlines: "named in a quote by Donald Trump".
  func describe(_ reason: LinkReason) -> String {
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

extension ReferenceTimeline {
  /// Upcoming as of `asOf`: it can only begin after that day, or it is not reported as done
  /// (scheduled, expected, predicted) and may still fall after that day.
  static func isUpcoming(_ date: ResolvedDate, status: EventStatus, asOf: CivilDay?) -> Bool {
    guard let asOf else { return false }
    if date.start > asOf { return true }
    return status != .occurred && date.value.latestDay > asOf
  }
}

struct ReferenceKey: Comparable {
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

  static func < (lhs: ReferenceKey, rhs: ReferenceKey) -> Bool {
    ((lhs.upcoming ? 1 : 0), lhs.day, lhs.sameDayOrder, lhs.precision)
      < ((rhs.upcoming ? 1 : 0), rhs.day, rhs.sameDayOrder, rhs.precision)
      || ((lhs.upcoming ? 1 : 0), lhs.day, lhs.sameDayOrder, lhs.precision)
        == ((rhs.upcoming ? 1 : 0), rhs.day, rhs.sameDayOrder, rhs.precision)
        && (lhs.source, lhs.paragraph, lhs.index) < (rhs.source, rhs.paragraph, rhs.index)
  }
}
