import DatelineModel

/// The whole UI state as one value (Bubble Tea style). `BrowserState.update` is the only way
/// it changes; views are pure functions of it.
public struct BrowserState: Sendable {
  public let timeline: Timeline
  public let keymap: Keymap
  /// The glyphs marks are drawn with: Unicode, or ASCII for a terminal that cannot show it.
  public let glyphs: GlyphSet
  /// Column widths measured on the story's content once, never per frame.
  public let columns: ColumnWidths
  public internal(set) var layout: ScreenLayout
  public internal(set) var pane: Pane = .events
  public internal(set) var focus: BrowserFocus = .none
  public internal(set) var events = ListState()
  public internal(set) var people = ListState()
  public internal(set) var quotes = ListState()
  /// Rows of each pane, recomputed when the focus or the search changes, never per frame.
  public internal(set) var eventRows: RowSet
  public internal(set) var peopleRows: RowSet
  public internal(set) var quoteRows: RowSet
  /// The quotes of the current focus before the search narrows them.
  var contextQuoteRows: RowSet
  /// The "as of" divider sits before this event row.
  public internal(set) var eventDivider: Int?
  /// With a person in focus: their related actors, shown as People rows 1... after the person.
  public internal(set) var related: [RelatedActor] = []
  /// Why each of `related` is related, in words, sanitized: "met with (Oval Office meeting)".
  public internal(set) var relatedReasons: [String] = []
  public internal(set) var search = SearchState()
  public internal(set) var history = NavigationHistory()
  public internal(set) var showsHelp = false
  public internal(set) var helpTop = 0
  /// Shown on the bottom line until the next action.
  public internal(set) var message: String?
  /// Effects asked for during the current `apply`, returned by it.
  var pendingEffects: [BrowserEffect] = []
  /// Facts about the selected item the detail pane shows, looked up once per selection.
  var detail = DetailFacts()
  /// First line of the detail pane shown; back to 0 when the selection changes.
  public internal(set) var detailTop = 0
  /// The time strip's histogram of the Events rows, recomputed when they or the width change.
  public internal(set) var timeStrip = TimeStrip.empty

  public init(
    timeline: Timeline, width: Int = 80, height: Int = 24, keymap: Keymap = .standard,
    glyphs: GlyphSet = .unicode
  ) {
    self.timeline = timeline
    self.keymap = keymap
    self.glyphs = glyphs
    columns = ColumnWidths(timeline)
    layout = Self.layout(timeline, width: width, height: height)
    eventRows = .all(count: timeline.events.count)
    peopleRows = .all(count: timeline.actors.count)
    quoteRows = .all(count: timeline.quotes.count)
    contextQuoteRows = quoteRows
    refreshRows()
    // Start at "now": the latest event on or before the "as of" date, so what is upcoming is in view.
    if let divider = eventDivider, divider > 0 {
      events.selected = divider - 1
      let viewport = layout.viewport(for: .events)
      events.top = max(0, divider - max(0, viewport - 3))
    }
    clampAll()
    refreshDetail()
    refreshTimeStrip()
  }

  /// The layout at a size, giving Events the rows the whole story needs (stable across focus).
  static func layout(_ timeline: Timeline, width: Int, height: Int) -> ScreenLayout {
    ScreenLayout(
      width: width, height: height,
      eventRows: timeline.events.count + (timeline.asOf == nil ? 0 : 1))
  }

  // MARK: Derived values views read

  public func list(_ pane: Pane) -> ListState {
    switch pane {
    case .events: events
    case .people: people
    case .quotes: quotes
    }
  }

  public func rows(_ pane: Pane) -> RowSet {
    switch pane {
    case .events: eventRows
    case .people: peopleRows
    case .quotes: quoteRows
    }
  }

  /// The list as shown at the current size: the stored scroll position, moved only as far as
  /// needed to show the selection. Resizing changes only this, never the stored position, so
  /// returning to a size returns to the same view.
  public func shownList(_ pane: Pane) -> ListState {
    var list = list(pane)
    list.clamp(geometry(pane), viewport: layout.viewport(for: pane))
    return list
  }

  func geometry(_ pane: Pane) -> ListGeometry {
    ListGeometry(count: rows(pane).count, dividerBefore: pane == .events ? eventDivider : nil)
  }

  public var selectedEvent: TimelineEvent? {
    eventRows.isEmpty ? nil : timeline.events[eventRows[events.selected]]
  }

  public var selectedActor: TimelineActor? {
    peopleRows.isEmpty ? nil : timeline.actors[peopleRows[people.selected]]
  }

  public var selectedQuote: TimelineQuote? {
    quoteRows.isEmpty ? nil : timeline.quotes[quoteRows[quotes.selected]]
  }

  /// The actor in focus, if the focus is a person.
  public var focusedPersonID: String? {
    if case .person(let actorID) = focus { return actorID }
    return nil
  }

  /// The related actor on the selected People row, when a person is in focus.
  public var selectedRelated: RelatedActor? {
    guard focusedPersonID != nil, people.selected >= 1, people.selected <= related.count else {
      return nil
    }
    return related[people.selected - 1]
  }

  var location: Location {
    Location(focus: focus, pane: pane, events: events, people: people, quotes: quotes)
  }

  /// "Trump > Putin": the chain of focuses since the whole story was last shown.
  public var breadcrumb: [String] { focusTrail.map(name(of:)) }

  /// The focuses since the whole story was last shown, oldest first, ending with the current.
  public var focusTrail: [BrowserFocus] {
    var trail: [BrowserFocus] = [focus]
    if focus != .none {
      for location in history.backStack.reversed() {
        if location.focus == .none { break }
        if location.focus != trail.first { trail.insert(location.focus, at: 0) }
      }
    }
    return trail
  }

  func name(of focus: BrowserFocus) -> String {
    switch focus {
    case .none: "All"
    case .person(let id): timeline.actor(id: id)?.actor.name ?? id
    case .event(let id): timeline.event(id: id)?.event.headline ?? id
    }
  }

  // MARK: Keeping derived values in step

  mutating func setList(_ pane: Pane, _ list: ListState) {
    switch pane {
    case .events: events = list
    case .people: people = list
    case .quotes: quotes = list
    }
  }

  mutating func clamp(_ pane: Pane) {
    var list = list(pane)
    list.clamp(geometry(pane), viewport: layout.viewport(for: pane))
    setList(pane, list)
  }

  mutating func clampAll() {
    for pane in Pane.allCases { clamp(pane) }
  }

  /// Recomputes every pane's rows for the focus and search, keeping selected items selected
  /// where they are still shown.
  mutating func refreshRows() {
    let keptEvent = eventRows.isEmpty ? nil : eventRows[min(events.selected, eventRows.count - 1)]
    let keptActor =
      peopleRows.isEmpty ? nil : peopleRows[min(people.selected, peopleRows.count - 1)]
    let allEvents = timeline.events
    switch focus {
    case .none:
      eventRows = .all(count: allEvents.count)
      peopleRows = .all(count: timeline.actors.count)
      related = []
      relatedReasons = []
      contextQuoteRows = .all(count: timeline.quotes.count)
    case .person(let actorID):
      eventRows = .subset(timeline.eventIndices(involving: actorID))
      let relatedActors = timeline.relatedActors(of: actorID).filter {
        timeline.actorIndex(id: $0.actor.id) != nil
      }
      related = relatedActors
      relatedReasons = relatedActors.map { Self.reasons($0, of: actorID, in: timeline) }
      let own = timeline.actorIndex(id: actorID).map { [$0] } ?? []
      peopleRows = .subset(own + relatedActors.compactMap { timeline.actorIndex(id: $0.actor.id) })
      contextQuoteRows = .subset(timeline.quoteIndices(by: actorID))
    case .event(let eventID):
      eventRows = .all(count: allEvents.count)
      related = []
      relatedReasons = []
      let participants = timeline.event(id: eventID)?.event.participants ?? []
      peopleRows = .subset(participants.compactMap { timeline.actorIndex(id: $0) })
      contextQuoteRows = .subset(timeline.quoteIndices(at: eventID))
    }
    events.selected = keptEvent.flatMap(eventRows.position(of:)) ?? 0
    people.selected = keptActor.flatMap(peopleRows.position(of:)) ?? 0
    eventDivider = Self.divider(in: eventRows, of: timeline)
    refreshQuoteRows(keepSelection: true)
  }

  /// Applies the search to the focus's quotes at once (after a focus change, or restoring a
  /// view): the focus's quotes are few, and the rows must be right before the update returns.
  /// Any search still running for an older query becomes stale.
  mutating func refreshQuoteRows(keepSelection: Bool) {
    let kept =
      keepSelection && !quoteRows.isEmpty
      ? quoteRows[min(quotes.selected, quoteRows.count - 1)] : nil
    search.generation += 1
    search.answeredGeneration = search.generation
    search.shownQuery = search.query
    search.isCounting = false
    if QuoteQuery(search.query).isEmpty {
      quoteRows = contextQuoteRows
    } else {
      let request = SearchRequest(
        generation: search.generation, pane: .quotes, query: search.query,
        domain: contextQuoteRows.domain)
      quoteRows = .subset(SearchEngine.timeline.allRows(timeline, request))
    }
    quotes.selected = kept.flatMap(quoteRows.position(of:)) ?? 0
    if !keepSelection { quotes.top = 0 }
    clampAll()
  }

  /// Asks for the rows of the query being typed, as a `.search` effect, so typing never waits
  /// for the search: the prompt shows the new query at once, the rows when they arrive.
  ///
  /// When the query only narrows the one the shown rows answer (and they are complete), every
  /// match is among those rows, so only they are searched: typing gets faster as results shrink.
  mutating func requestQuoteRows() {
    search.generation += 1
    guard !QuoteQuery(search.query).isEmpty else {
      search.answeredGeneration = search.generation
      search.shownQuery = search.query
      search.isCounting = false
      quoteRows = contextQuoteRows
      quotes = ListState()
      clampAll()
      return
    }
    var domain = contextQuoteRows.domain
    if !search.isCounting, Self.onlyNarrows(from: search.shownQuery, to: search.query),
      case .subset(let current) = quoteRows
    {
      domain = current
    }
    pendingEffects.append(
      .search(
        SearchRequest(
          generation: search.generation, pane: .quotes, query: search.query, domain: domain)))
  }

  /// Shows a search's rows if they answer the newest request; drops them otherwise.
  mutating func receiveSearchResults(generation: Int, rows: [Int], count: Int?) {
    guard generation == search.generation else { return }
    let firstAnswer = search.answeredGeneration != generation
    let kept = firstAnswer || quoteRows.isEmpty ? nil : quoteRows[quotes.selected]
    search.answeredGeneration = generation
    search.shownQuery = search.query
    search.isCounting = count == nil
    quoteRows = .subset(rows)
    if firstAnswer {
      quotes = ListState()
    } else {
      quotes.selected = kept.flatMap(quoteRows.position(of:)) ?? 0
    }
    clampAll()
  }

  /// True when every quote matching `new` also matches `old` (the model decides, it owns the
  /// query language).
  static func onlyNarrows(from old: String, to new: String) -> Bool {
    let previous = QuoteQuery(old)
    return !previous.isEmpty && QuoteQuery(new).narrows(previous)
  }

  /// The reasons two actors are related, in words as seen from `actorID`.
  static func reasons(_ related: RelatedActor, of actorID: String, in timeline: Timeline) -> String
  {
    related.reasons.map {
      TerminalText.sanitize(timeline.describe($0, for: actorID, with: related.actor.id))
    }
    .joined(separator: "; ")
  }

  static func divider(in rows: RowSet, of timeline: Timeline) -> Int? {
    guard timeline.asOf != nil, !rows.isEmpty else { return nil }
    for position in 0..<rows.count where timeline.events[rows[position]].isUpcoming {
      return position
    }
    return rows.count
  }

  /// Recomputes the time strip when the Events rows or the strip's width changed since.
  mutating func refreshTimeStrip() {
    let width = layout.strip.width
    guard timeStrip.width != width || timeStrip.rows != eventRows else { return }
    timeStrip = TimeStrip(timeline: timeline, rows: eventRows, width: width)
  }

  mutating func refreshDetail() {
    let key = DetailFacts.Key(state: self)
    guard key != detail.key else { return }
    detail = DetailFacts(key: key, state: self)
    detailTop = 0
  }
}
