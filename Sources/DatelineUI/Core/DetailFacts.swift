import DatelineModel

/// What the detail pane needs beyond the selected item itself: lookups that scan the story
/// (participants, quotes at an event, related actors). Computed when the selection changes so a
/// frame never scans.
struct DetailFacts: Sendable {
  enum Key: Hashable, Sendable {
    case nothing
    case event(Int)
    case person(Int)
    case quote(Int)

    init(state: BrowserState) {
      let rows = state.rows(state.pane)
      guard !rows.isEmpty else {
        self = .nothing
        return
      }
      let index = rows[min(state.list(state.pane).selected, rows.count - 1)]
      switch state.pane {
      case .events: self = .event(index)
      case .people: self = .person(index)
      case .quotes: self = .quote(index)
      }
    }
  }

  static let listedQuotes = 3

  var key: Key = .nothing
  var participantNames: [String] = []
  var eventQuotes: [TimelineQuote] = []
  var eventQuoteCount = 0
  var related: [RelatedActor] = []
  /// Reasons for each of `related`, in words.
  var relatedReasons: [String] = []
  var affiliationName: String?
  var quoteEventHeadline: String?
  /// The selected event's or quote's source, looked up once (drawn every frame).
  var source: Source?

  init() {}

  init(key: Key, state: BrowserState) {
    self.key = key
    let timeline = state.timeline
    switch key {
    case .nothing:
      break
    case .event(let index):
      let event = timeline.events[index].event
      source = timeline.source(id: event.provenance.source)
      participantNames = event.participants.map { timeline.actor(id: $0)?.actor.name ?? $0 }
      let quotes = timeline.quotes(at: event.id)
      eventQuoteCount = quotes.count
      eventQuotes = Array(quotes.prefix(Self.listedQuotes))
    case .person(let index):
      let actor = timeline.actors[index].actor
      related = timeline.relatedActors(of: actor.id)
      relatedReasons = related.map { BrowserState.reasons($0, of: actor.id, in: timeline) }
      affiliationName = actor.affiliation.map { timeline.actor(id: $0)?.actor.name ?? $0 }
    case .quote(let index):
      let quote = timeline.quotes[index].quote
      source = timeline.source(id: quote.provenance.source)
      quoteEventHeadline = quote.event.map { timeline.event(id: $0)?.event.headline ?? $0 }
    }
  }
}
