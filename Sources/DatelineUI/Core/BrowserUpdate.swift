import DatelineModel

extension BrowserState {
  /// The pure update: the next state after a message, and the effects it asks for.
  public static func update(_ state: BrowserState, _ message: BrowserMessage) -> (
    BrowserState, [BrowserEffect]
  ) {
    var next = state
    let effects = next.apply(message)
    return (next, effects)
  }

  /// Applies a message in place and returns the effects it asks for; `update` is this on a
  /// copy.
  @discardableResult
  public mutating func apply(_ message: BrowserMessage) -> [BrowserEffect] {
    pendingEffects = []
    defer { pendingEffects = [] }
    applyMessage(message)
    return pendingEffects
  }

  mutating func applyMessage(_ message: BrowserMessage) {
    switch message {
    // Not actions: the bottom line's message stays.
    case .searchResults(let generation, let rows, let count):
      receiveSearchResults(generation: generation, rows: rows, count: count)
      refreshDerived()
      return
    case .searchPage(let generation, let offset, let rows, let isComplete):
      receiveSearchPage(generation: generation, offset: offset, rows: rows, isComplete: isComplete)
      refreshDerived()
      return
    case .searchCount(let generation, let count):
      receiveSearchCount(generation: generation, count: count)
      refreshDerived()
      return
    default:
      break
    }
    self.message = nil
    switch message {
    case .action(let action):
      if showsHelp {
        applyInHelp(action)
      } else {
        apply(action)
      }
    case .searchType(let character):
      guard search.isEditing else { return }
      search.query.append(character)
      search.historyPosition = nil
      requestRows(search.pane)
    case .searchDeleteBackward:
      guard search.isEditing, !search.query.isEmpty else { return }
      search.query.removeLast()
      search.historyPosition = nil
      requestRows(search.pane)
    case .searchClear:
      guard search.isEditing else { return }
      search.query = ""
      search.historyPosition = nil
      requestRows(search.pane)
    case .searchSubmit:
      submitSearch()
    case .searchCancel:
      cancelSearch()
    case .searchHistoryOlder:
      browseSearchHistory(older: true)
    case .searchHistoryNewer:
      browseSearchHistory(older: false)
    case .mouse(let event):
      applyMouse(event)
    case .resize(let width, let height):
      // Stored scroll positions stay as they are; `shownList` adapts them to the new size.
      layout = Self.layout(timeline, width: width, height: height)
      clampHelp()
    case .unbound(let key):
      self.message = "\(KeyNotation.label(key)) does nothing here; press \(keyName(.help)) for help"
    case .searchResults, .searchPage, .searchCount:
      break  // handled above
    case .note(let text):
      self.message = text
    }
    refreshDerived()
  }

  /// What follows any change: the detail pane's facts, the time strip, and the next rows of a
  /// search scrolled towards the end of those it has.
  mutating func refreshDerived() {
    refreshDetail()
    refreshTimeStrip()
    fetchMoreIfNeeded()
  }

  // MARK: Actions

  mutating func apply(_ action: BrowserAction) {
    switch action {
    case .moveDown: moveSelection(pane, by: 1)
    case .moveUp: moveSelection(pane, by: -1)
    case .moveToTop: moveSelection(pane, by: -rows(pane).count)
    case .moveToBottom: moveSelection(pane, by: rows(pane).count)
    case .pageDown: page(pane, by: max(1, layout.viewport(for: pane)))
    case .pageUp: page(pane, by: -max(1, layout.viewport(for: pane)))
    case .halfPageDown: page(pane, by: max(1, layout.viewport(for: pane) / 2))
    case .halfPageUp: page(pane, by: -max(1, layout.viewport(for: pane) / 2))
    case .detailDown: scrollDetail(by: 1)
    case .detailUp: scrollDetail(by: -1)
    case .nextPane: pane = pane.next
    case .previousPane: pane = pane.previous
    case .showEvents: pane = .events
    case .showPeople: pane = .people
    case .showQuotes: pane = .quotes
    case .follow: follow()
    case .followEvent: followEvent()
    case .nextRelated: stepRelated(by: 1)
    case .previousRelated: stepRelated(by: -1)
    case .back:
      if let previous = history.back(from: location) {
        restore(previous)
      } else {
        message = "Nothing to go back to"
      }
    case .forward:
      if let next = history.forward(from: location) {
        restore(next)
      } else {
        message = "Nothing to go forward to"
      }
    case .stepOut: stepOut()
    case .clearFocus: clearFocus()
    case .copyQuote: copyQuote()
    case .copyMarkdown: copyMarkdown()
    case .openSource: openSource()
    case .suspend: pendingEffects.append(.suspend)
    case .search: openSearch()
    case .nextMatch: stepMatch(by: 1)
    case .previousMatch: stepMatch(by: -1)
    case .help:
      showsHelp = true
      helpTop = 0
    case .quit, .quitNow: pendingEffects.append(.quit)
    case .redraw: pendingEffects.append(.redraw)
    }
  }

  /// While help is shown, movement scrolls it and the closing keys close it.
  mutating func applyInHelp(_ action: BrowserAction) {
    let page = HelpView.viewport(layout)
    switch action {
    case .moveDown: helpTop += 1
    case .moveUp: helpTop -= 1
    case .pageDown, .halfPageDown: helpTop += page
    case .pageUp, .halfPageUp: helpTop -= page
    case .moveToTop: helpTop = 0
    case .moveToBottom: helpTop = Int.max / 2
    case .help, .quit, .clearFocus, .stepOut, .back: showsHelp = false
    case .suspend: pendingEffects.append(.suspend)
    case .quitNow: pendingEffects.append(.quit)
    case .redraw: pendingEffects.append(.redraw)
    default:
      let close = keymap.help.keys(for: .close).prefix(2).map(KeyNotation.label)
      message = "\(close.joined(separator: " or ")) closes help"
    }
    clampHelp()
  }

  mutating func clampHelp() {
    let lines = HelpView.lineCount(keymap, width: layout.width - 1)
    let viewport = HelpView.viewport(layout)
    helpTop = max(0, min(helpTop, lines - viewport))
  }

  /// Scrolls the detail pane, stopping when its last line is in view.
  mutating func scrollDetail(by delta: Int) {
    let rect = layout.detail
    let viewport = max(0, rect.height - 1)
    let total = DetailPaneView.lineCount(self, width: rect.width - 2)
    detailTop = max(0, min(detailTop + delta, total - viewport))
  }

  mutating func moveSelection(_ pane: Pane, by delta: Int) {
    var list = shownList(pane)
    list.move(by: delta, geometry(pane), viewport: layout.viewport(for: pane))
    setList(pane, list)
  }

  /// Scrolls by `delta` rows and moves the selection with it, like Vim's Ctrl-D.
  mutating func page(_ pane: Pane, by delta: Int) {
    var list = shownList(pane)
    let geometry = geometry(pane)
    let viewport = layout.viewport(for: pane)
    list.top = max(0, min(list.top + delta, geometry.displayCount - viewport))
    list.move(by: delta, geometry, viewport: viewport)
    setList(pane, list)
  }

  // MARK: Following links

  /// Moves to a new focus, remembering where we were.
  mutating func go(to newFocus: BrowserFocus) {
    history.push(location)
    focus = newFocus
    refreshRows()
  }

  mutating func restore(_ location: Location) {
    focus = location.focus
    refreshRows()
    pane = location.pane
    events = location.events
    people = location.people
    quotes = location.quotes
    clampAll()
  }

  mutating func follow() {
    switch pane {
    case .events:
      guard let event = selectedEvent else { return emptyMessage() }
      if focus == .event(eventID: event.event.id) {
        message = "Showing the people and quotes of this event"
        return
      }
      go(to: .event(eventID: event.event.id))
      people.selected = 0
      quotes.selected = 0
      clampAll()
    case .people:
      guard let actor = selectedActor else { return emptyMessage() }
      focusPerson(actor.actor.id)
    case .quotes:
      guard let quote = selectedQuote else { return emptyMessage() }
      let index = quoteRows[quotes.selected]
      focusPerson(quote.quote.speaker)
      pane = .quotes
      quotes.selected = quoteRows.position(of: index) ?? 0
      clamp(.quotes)
    }
  }

  mutating func focusPerson(_ actorID: String) {
    if focus == .person(actorID: actorID) {
      message =
        "Already focused on \(name(of: focus)); \(keyName(.nextRelated)) steps through related actors"
      people.selected = 0
      clamp(.people)
      return
    }
    go(to: .person(actorID: actorID))
    pane = .people
    people = ListState()
    events.selected = 0
    quotes.selected = 0
    clampAll()
  }

  mutating func followEvent() {
    switch pane {
    case .events:
      follow()
    case .people:
      message = "Select a quote or an event to go to its event"
    case .quotes:
      guard let quote = selectedQuote else { return emptyMessage() }
      guard let eventID = quote.quote.event, let eventIndex = timeline.eventIndex(id: eventID)
      else {
        message = "This quote is not tied to an event"
        return
      }
      let index = quoteRows[quotes.selected]
      go(to: .event(eventID: eventID))
      events.selected = eventRows.position(of: eventIndex) ?? 0
      quotes.selected = quoteRows.position(of: index) ?? 0
      people.selected = 0
      // The focus and the detail move to the event; its quotes stay listed below.
      pane = .events
      clampAll()
      message = "At the event of this quote; \(keyName(.stepOut)) steps back out"
    }
  }

  mutating func stepRelated(by delta: Int) {
    if focusedPersonID == nil {
      guard pane == .people, let actor = selectedActor else {
        message =
          "Focus a person first: \(keyName(.follow)) on someone in People, then \(keyName(.nextRelated)) and \(keyName(.previousRelated))"
        return
      }
      focusPerson(actor.actor.id)
    }
    guard !related.isEmpty else {
      message = "No actors related to \(name(of: focus))"
      return
    }
    if !search[.people].query.isEmpty {
      // Related actors are stepped through in their own order, so show them all.
      search[.people].query = ""
      refreshSearch(.people, keepSelection: true)
    }
    pane = .people
    let count = related.count
    let current = people.selected  // 0 is the person, 1...count their related actors
    let step = current == 0 ? (delta > 0 ? 1 : count) : (current - 1 + delta + count) % count + 1
    people.selected = step
    clamp(.people)
    let relatedActor = related[step - 1]
    message =
      "Related \(step)/\(count): \(TerminalText.sanitize(relatedActor.actor.name)) (\(keyName(.follow)) jumps there)"
  }

  mutating func clearFocus() {
    if focus != .none {
      go(to: .none)
      return
    }
    if search.isActive {
      clearSearches()
      message = "Search cleared"
      return
    }
    message = "Showing the whole story"
  }

  /// Clears every pane's query, keeping the selected items selected.
  mutating func clearSearches() {
    for pane in Pane.allCases where !search[pane].query.isEmpty {
      search[pane].query = ""
      refreshSearch(pane, keepSelection: true)
    }
  }

  mutating func emptyMessage() {
    message = "Nothing selected here"
  }

  // MARK: Search

  /// Opens the prompt on the focused pane: its query starts empty, Esc brings the old one back.
  mutating func openSearch() {
    search.pane = pane
    search.restore = SearchRestorePoint(query: search.query, pane: pane, list: list(pane))
    search.isEditing = true
    search.historyPosition = nil
    search.query = ""
    refreshSearch(pane, keepSelection: false)
  }

  mutating func submitSearch() {
    guard search.isEditing else { return }
    search.isEditing = false
    search.restore = nil
    search.historyPosition = nil
    let query = search.query
    guard !query.isEmpty else { return }
    search.history.removeAll { $0 == query }
    search.history.append(query)
    let searched = search[search.pane]
    if searched.isPending {
      message =
        "Counting the matches…; \(keyName(.nextMatch))/\(keyName(.previousMatch)) step through them"
    } else if let suggestion = searched.suggestion {
      message = "No quotes contain \"\(query)\"; try \(suggestion)"
    } else {
      let count = max(rows(search.pane).count, searched.total ?? 0)
      message =
        "\(count) \(Self.noun(search.pane, count: count)) match; \(keyName(.nextMatch))/\(keyName(.previousMatch)) step through them"
    }
  }

  mutating func cancelSearch() {
    guard search.isEditing else { return }
    search.isEditing = false
    search.historyPosition = nil
    guard let restore = search.restore else { return }
    search.restore = nil
    search.query = restore.query
    refreshSearch(search.pane, keepSelection: false)
    pane = restore.pane
    setList(search.pane, restore.list)
    clamp(search.pane)
  }

  mutating func browseSearchHistory(older: Bool) {
    guard search.isEditing, !search.history.isEmpty else { return }
    let last = search.history.count - 1
    if older {
      if let position = search.historyPosition {
        search.historyPosition = max(0, position - 1)
      } else {
        search.stashedDraft = search.query
        search.historyPosition = last
      }
    } else {
      guard let position = search.historyPosition else { return }
      search.historyPosition = position < last ? position + 1 : nil
    }
    search.query = search.historyPosition.map { search.history[$0] } ?? search.stashedDraft
    requestRows(search.pane)
  }

  /// n/N: the next match in the focused pane if it is searched, else in the pane searched last.
  mutating func stepMatch(by delta: Int) {
    let target = search[pane].query.isEmpty ? search.pane : pane
    let query = search[target].query
    guard !query.isEmpty else {
      message = "No search yet: / searches the focused pane"
      return
    }
    pane = target
    let count = rows(target).count
    guard count > 0 else {
      message = "No \(Self.noun(target, count: 2)) match \"\(TerminalText.sanitize(query))\""
      return
    }
    var list = list(target)
    list.selected = ((list.selected + delta) % count + count) % count
    setList(target, list)
    clamp(target)
    message = "Match \(list.selected + 1)/\(search[target].isPending ? "…" : String(count))"
  }

  // MARK: Mouse

  mutating func applyMouse(_ event: MouseEvent) {
    if showsHelp {
      switch event.kind {
      case .wheelUp: helpTop -= 3
      case .wheelDown: helpTop += 3
      case .click: break
      }
      clampHelp()
      return
    }
    guard layout.mode != .tooSmall else { return }
    if layout.detail.contains(x: event.x, y: event.y) {
      switch event.kind {
      case .wheelUp: scrollDetail(by: -3)
      case .wheelDown: scrollDetail(by: 3)
      case .click: break
      }
      return
    }
    guard let target = layout.pane(atX: event.x, y: event.y, focused: pane) else { return }
    switch event.kind {
    case .wheelUp: moveSelection(target, by: -3)
    case .wheelDown: moveSelection(target, by: 3)
    case .click:
      let rect = layout.rect(for: target)
      if layout.mode == .tabbed && event.y == rect.y {
        if let tab = PaneTitleView.tab(atX: event.x - rect.x, state: self) { pane = tab }
        return
      }
      pane = target
      let rowsRect = layout.rowsRect(for: target)
      guard rowsRect.contains(x: event.x, y: event.y) else { return }
      let row = shownList(target).top + (event.y - rowsRect.y)
      if let item = geometry(target).item(atDisplayRow: row) {
        var list = shownList(target)
        list.selected = item
        setList(target, list)
        clamp(target)
      }
    }
  }
}
