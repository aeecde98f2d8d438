import DatelineModel

/// What one export reads from a timeline, looked up once: the events it includes, the quotes at
/// each, and the sources by id. A store-backed timeline answers each look-up with a query, so a
/// whole-timeline export reads the quotes in one pass instead of one query per event, and each
/// source once.
final class ExportData {
  let timeline: Timeline
  /// The events the export includes, chronological.
  let events: [TimelineEvent]
  private let quotesByEvent: [String: [TimelineQuote]]?
  private var sourcesByID: [String: Source?] = [:]

  init(_ timeline: Timeline, _ options: ExportOptions) {
    self.timeline = timeline
    events = options.upcoming ? timeline.events.filter(\.isUpcoming) : Array(timeline.events)
    // One pass over the quotes pays off when the export covers much of the timeline; a few
    // upcoming events are cheaper to ask about one by one.
    if events.count * 8 >= timeline.quotes.count {
      let wanted = Set(events.map(\.event.id))
      var grouped: [String: [TimelineQuote]] = [:]
      for quote in timeline.quotes {
        if let event = quote.quote.event, wanted.contains(event) {
          grouped[event, default: []].append(quote)
        }
      }
      quotesByEvent = grouped
    } else {
      quotesByEvent = nil
    }
  }

  var title: String { timeline.title }
  var asOf: CivilDay? { timeline.asOf }
  var actors: TimelineRows<TimelineActor> { timeline.actors }
  var quotes: TimelineRows<TimelineQuote> { timeline.quotes }

  func actorIndex(id: String) -> Int? { timeline.actorIndex(id: id) }

  /// The quotes said at an event, chronological.
  func quotes(at eventID: String) -> [TimelineQuote] {
    guard let quotesByEvent else { return timeline.quotes(at: eventID) }
    return quotesByEvent[eventID] ?? []
  }

  func source(id: String) -> Source? {
    if let known = sourcesByID[id] { return known }
    let found = timeline.source(id: id)
    sourcesByID[id] = found
    return found
  }

  /// The sources the events and their quotes cite, in order of first citation.
  lazy var citedSources: [Source] = {
    var seen: Set<String> = []
    var sources: [Source] = []
    for item in events {
      let ids =
        [item.event.provenance.source] + quotes(at: item.event.id).map(\.quote.provenance.source)
      for id in ids where seen.insert(id).inserted {
        if let source = source(id: id) { sources.append(source) }
      }
    }
    return sources
  }()
}
