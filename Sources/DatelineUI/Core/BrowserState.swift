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
  /// Each pane's rows for the current focus before its search narrows them, by `Pane.rawValue`.
  var contextRows: [RowSet]
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
    contextRows = [eventRows, peopleRows, quoteRows]
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
    relatedPosition(ofRow: people.selected).map { related[$0] }
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
    let allEvents = timeline.events
    var context = contextRows
    switch focus {
    case .none:
      context[Pane.events.rawValue] = .all(count: allEvents.count)
      context[Pane.people.rawValue] = .all(count: timeline.actors.count)
      related = []
      relatedReasons = []
      context[Pane.quotes.rawValue] = .all(count: timeline.quotes.count)
    case .person(let actorID):
      context[Pane.events.rawValue] = .subset(timeline.eventIndices(involving: actorID))
      let relatedActors = timeline.relatedActors(of: actorID).filter {
        timeline.actorIndex(id: $0.actor.id) != nil
      }
      related = relatedActors
      relatedReasons = relatedActors.map { Self.reasons($0, of: actorID, in: timeline) }
      let own = timeline.actorIndex(id: actorID).map { [$0] } ?? []
      context[Pane.people.rawValue] = .subset(
        own + relatedActors.compactMap { timeline.actorIndex(id: $0.actor.id) })
      context[Pane.quotes.rawValue] = .subset(timeline.quoteIndices(by: actorID))
    case .event(let eventID):
      context[Pane.events.rawValue] = .all(count: allEvents.count)
      related = []
      relatedReasons = []
      let participants = timeline.event(id: eventID)?.event.participants ?? []
      context[Pane.people.rawValue] = .subset(
        participants.compactMap { timeline.actorIndex(id: $0) })
      context[Pane.quotes.rawValue] = .subset(timeline.quoteIndices(at: eventID))
    }
    contextRows = context
    for pane in Pane.allCases { refreshSearch(pane, keepSelection: true) }
  }

  mutating func setRows(_ pane: Pane, _ rows: RowSet) {
    switch pane {
    case .events:
      eventRows = rows
      eventDivider = Self.divider(in: rows, of: timeline)
    case .people: peopleRows = rows
    case .quotes: quoteRows = rows
    }
  }

  /// The timeline index on the selected row of `pane`, if any.
  func selectedIndex(_ pane: Pane) -> Int? {
    let rows = rows(pane)
    return rows.isEmpty ? nil : rows[min(list(pane).selected, rows.count - 1)]
  }

  /// Applies `pane`'s search to its focus rows at once (after a focus change, or restoring a
  /// view): the first rows must be right before the update returns; the count follows as a
  /// `.count` effect when they are not every match. Any search still running for an older
  /// query of the pane becomes stale.
  mutating func refreshSearch(_ pane: Pane, keepSelection: Bool) {
    let kept = keepSelection ? selectedIndex(pane) : nil
    let generation = search.nextGeneration(for: pane)
    search[pane].answeredGeneration = generation
    search[pane].shownQuery = search[pane].query
    search[pane].isCounting = false
    search[pane].isComplete = true
    search[pane].isFetchingMore = false
    let context = contextRows[pane.rawValue]
    search[pane].requestDomain = context.domain
    if QuoteQuery(search[pane].query).isEmpty {
      setRows(pane, context)
      search[pane].total = context.count
    } else {
      let request = SearchRequest(
        generation: generation, pane: pane, query: search[pane].query, domain: context.domain,
        limit: pageLimit(pane))
      var answer =
        SearchEngine.timeline.answer(timeline, request, request.limit, { false })
        ?? SearchAnswer(rows: [], isComplete: true)
      if let kept, !answer.isComplete, !answer.rows.contains(kept) {
        answer = Self.extend(answer, toReach: kept, of: request, in: timeline)
      }
      setRows(pane, .subset(answer.rows))
      if answer.isComplete {
        search[pane].total = answer.rows.count
      } else {
        search[pane].total = nil
        search[pane].isComplete = false
        search[pane].isCounting = true
        pendingEffects.append(.count(request))
      }
    }
    updateSuggestion(pane)
    var list = list(pane)
    list.selected = kept.flatMap(rows(pane).position(of:)) ?? 0
    if !keepSelection { list.top = 0 }
    setList(pane, list)
    clampAll()
  }

  /// The first rows of `request` continued page by page (each twice the last) until they hold
  /// `kept`, when it matches at all: a focus change keeps the selected item selected even when it
  /// lies beyond the first page. Only the item itself is checked first, so an item the search
  /// drops costs one look.
  static func extend(
    _ answer: SearchAnswer, toReach kept: Int, of request: SearchRequest, in timeline: Timeline
  ) -> SearchAnswer {
    let engine = SearchEngine.timeline
    guard request.domain?.contains(kept) ?? true else { return answer }
    var single = request
    single.domain = [kept]
    single.limit = 1
    guard engine.answer(timeline, single, 1, { false })?.rows == [kept] else { return answer }
    var rows = answer.rows
    var limit = max(request.limit ?? minimumPage, minimumPage)
    while let last = rows.last {
      limit *= 2
      var next = request
      next.offset = rows.count
      next.after = last
      next.limit = limit
      guard let page = engine.answer(timeline, next, limit, { false }) else { break }
      rows += page.rows
      if page.isComplete { return SearchAnswer(rows: rows, isComplete: true) }
      if page.rows.isEmpty || page.rows.contains(kept) { break }
    }
    return SearchAnswer(rows: rows, isComplete: false)
  }

  /// Asks for the first rows of the query being typed, as a `.search` effect, so typing never
  /// waits for the search: the prompt shows the new query at once, the rows when they arrive.
  /// Only a few screens of rows are asked for; more follow as the list scrolls, and the count
  /// after the rows.
  ///
  /// When the query only narrows the one the shown rows answer (and they are every match),
  /// every match is among those rows, so only they are searched: typing gets faster as results
  /// shrink.
  mutating func requestRows(_ pane: Pane) {
    let generation = search.nextGeneration(for: pane)
    let query = search[pane].query
    guard !QuoteQuery(query).isEmpty else {
      search[pane].answeredGeneration = generation
      search[pane].shownQuery = query
      search[pane].isCounting = false
      search[pane].isComplete = true
      search[pane].isFetchingMore = false
      search[pane].requestDomain = contextRows[pane.rawValue].domain
      search[pane].total = contextRows[pane.rawValue].count
      setRows(pane, contextRows[pane.rawValue])
      updateSuggestion(pane)
      setList(pane, ListState())
      clampAll()
      return
    }
    var domain = contextRows[pane.rawValue].domain
    // Over the whole story, a large previous result is slower to pass to the store than its
    // index is to ask again; a few rows, or a focus's rows, are checked one by one.
    if search[pane].isComplete, Self.onlyNarrows(from: search[pane].shownQuery, to: query),
      case .subset(let current) = rows(pane), current.count <= Self.narrowingLimit || domain != nil
    {
      domain = current
    }
    search[pane].requestDomain = domain
    pendingEffects.append(
      .search(
        SearchRequest(
          generation: generation, pane: pane, query: query, domain: domain,
          limit: pageLimit(pane))))
  }

  /// The most rows a narrowing search checks one by one instead of asking the index again.
  static let narrowingLimit = 2_000

  /// How many rows one search request asks for: a few screens of the pane.
  func pageLimit(_ pane: Pane) -> Int {
    max(Self.minimumPage, 3 * layout.viewport(for: pane))
  }

  static let minimumPage = 64

  /// Shows a search's first rows if they answer a pane's newest request; drops them otherwise.
  /// When they are not every match, asks for the count.
  mutating func receiveSearchResults(generation: Int, rows newRows: [Int], count: Int?) {
    guard let pane = search.pane(awaiting: generation) else { return }
    let firstAnswer = search[pane].answeredGeneration != generation
    let kept = firstAnswer ? nil : selectedIndex(pane)
    search[pane].answeredGeneration = generation
    search[pane].shownQuery = search[pane].query
    search[pane].isCounting = count == nil
    search[pane].isComplete = count != nil
    search[pane].total = count
    search[pane].isFetchingMore = false
    setRows(pane, .subset(newRows))
    updateSuggestion(pane)
    var list = list(pane)
    if firstAnswer {
      list = ListState()
    } else {
      list.selected = kept.flatMap(rows(pane).position(of:)) ?? 0
    }
    setList(pane, list)
    clampAll()
    if count == nil {
      pendingEffects.append(
        .count(
          SearchRequest(
            generation: generation, pane: pane, query: search[pane].shownQuery,
            domain: search[pane].requestDomain)))
    }
  }

  /// Appends the next rows of the shown search, if they continue the rows shown.
  mutating func receiveSearchPage(generation: Int, offset: Int, rows more: [Int], isComplete: Bool)
  {
    guard let pane = search.pane(awaiting: generation),
      search[pane].answeredGeneration == generation, !search[pane].isComplete,
      case .subset(let current) = rows(pane), offset == current.count
    else { return }
    search[pane].isFetchingMore = false
    setRows(pane, .subset(current + more))
    if isComplete {
      search[pane].isComplete = true
      search[pane].isCounting = false
      search[pane].total = current.count + more.count
    }
    clampAll()
  }

  /// The count of the shown search's matches.
  mutating func receiveSearchCount(generation: Int, count: Int) {
    guard let pane = search.pane(awaiting: generation),
      search[pane].answeredGeneration == generation
    else { return }
    search[pane].total = count
    search[pane].isCounting = false
    if count <= rows(pane).count { search[pane].isComplete = true }
    updateSuggestion(pane)
  }

  /// Asks for the next rows of each pane whose search has more, once its list comes within
  /// two screens of the rows it has.
  mutating func fetchMoreIfNeeded() {
    for pane in Pane.allCases {
      let paneSearch = search[pane]
      guard !paneSearch.shownQuery.isEmpty, !paneSearch.isSearching, !paneSearch.isComplete,
        !paneSearch.isFetchingMore, case .subset(let current) = rows(pane)
      else { continue }
      let viewport = max(1, layout.viewport(for: pane))
      let list = shownList(pane)
      guard max(list.top, list.selected) + 2 * viewport >= current.count else { continue }
      search[pane].isFetchingMore = true
      pendingEffects.append(
        .search(
          SearchRequest(
            generation: paneSearch.generation, pane: pane, query: paneSearch.shownQuery,
            domain: paneSearch.requestDomain, offset: current.count, after: current.last,
            limit: pageLimit(pane))))
    }
  }

  /// When a quote search finds nothing and one of its words starts a speaker's name, the
  /// same query with that word as `@name`.
  mutating func updateSuggestion(_ pane: Pane) {
    search[pane].suggestion = nil
    let text = search[pane].shownQuery
    let query = QuoteQuery(text)
    guard pane == .quotes, !search[pane].isPending, rows(pane).isEmpty, !query.isEmpty,
      query.alternatives.count == 1, query.phrases.isEmpty, query.speakers.isEmpty,
      let word = query.words.first(where: { !timeline.speakers(named: $0).isEmpty })
    else { return }
    let tokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
    guard let position = tokens.firstIndex(of: word) else { return }
    var suggested = tokens
    suggested[position] = "@" + word.lowercased()
    search[pane].suggestion = suggested.joined(separator: " ")
  }

  /// What an empty pane says while its search is in force; nil without a search.
  public func searchEmptyText(_ pane: Pane) -> String? {
    let paneSearch = search[pane]
    if paneSearch.isSearching { return "Searching…" }
    guard !paneSearch.shownQuery.isEmpty else { return nil }
    let query = TerminalText.sanitize(paneSearch.shownQuery)
    if let suggestion = paneSearch.suggestion {
      return "No quotes contain \"\(query)\"; try \(TerminalText.sanitize(suggestion))"
    }
    return "No \(Self.noun(pane, count: 2)) match \"\(query)\"; Esc restores"
  }

  /// "quote", "events", "person", "people".
  static func noun(_ pane: Pane, count: Int) -> String {
    switch pane {
    case .events: count == 1 ? "event" : "events"
    case .people: count == 1 ? "person" : "people"
    case .quotes: count == 1 ? "quote" : "quotes"
    }
  }

  /// The position in `related` of the actor on People row `position`, with a person in focus.
  public func relatedPosition(ofRow position: Int) -> Int? {
    guard focusedPersonID != nil, position >= 0, position < peopleRows.count else { return nil }
    if case .all = peopleRows { return nil }
    if search[.people].shownQuery.isEmpty {
      return position >= 1 && position <= related.count ? position - 1 : nil
    }
    let index = peopleRows[position]
    return related.firstIndex { timeline.actorIndex(id: $0.actor.id) == index }
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
    // Upcoming events sort after the rest and rows are in timeline order: the divider is the
    // first row at or past the first upcoming event (found without reading any event).
    let first = timeline.firstUpcomingEventIndex ?? timeline.events.count
    var low = 0
    var high = rows.count
    while low < high {
      let middle = (low + high) / 2
      if rows[middle] < first { low = middle + 1 } else { high = middle }
    }
    return low
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
