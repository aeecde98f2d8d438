import DatelineModel

/// Issue 10's keys: stepping out one level, copying with citations, opening the source.
extension BrowserState {
  /// The first key bound to `action`, as the help names it ("Esc", "y"); "(unbound)" if none.
  /// Messages name keys through this, so they follow the configured keymap.
  public func keyName(_ action: BrowserAction) -> String {
    keymap.keys(for: action).first.map(KeyNotation.label) ?? "(unbound)"
  }

  /// Esc: one level back out: the search first, then the focused person (or event) to the
  /// focus before it, then the whole story.
  mutating func stepOut() {
    if search.isActive {
      clearFocusSearch()
      if focus == .none { message = "Search cleared" }
      return
    }
    guard focus != .none else {
      message = "Showing the whole story"
      return
    }
    let trail = focusTrail
    let parent = trail.count >= 2 ? trail[trail.count - 2] : BrowserFocus.none
    if parent != .none {
      // Walk back to where the parent was in focus, so its lists are as they were.
      while let previous = history.back(from: location) {
        restore(previous)
        if focus == parent {
          message = "Back to \(name(of: focus)); \(keyName(.stepOut)) again steps out further"
          return
        }
      }
    }
    go(to: .none)
    message = "Showing the whole story"
  }

  /// The search part of stepping out: every pane's query goes, the focus stays.
  mutating func clearFocusSearch() {
    clearSearches()
    message = "Search cleared; \(keyName(.stepOut)) again steps out of \(name(of: focus))"
  }

  mutating func copyQuote() {
    guard pane == .quotes else {
      message =
        "\(keyName(.copyQuote)) copies a quote with its citation: select one in Quotes (\(keyName(.showQuotes))); \(keyName(.copyMarkdown)) copies any row as Markdown"
      return
    }
    guard let item = selectedQuote else { return emptyMessage() }
    let text = Citation.quote(item, in: timeline)
    pendingEffects.append(.copy(text))
    message = "Copied: \(text)"
  }

  mutating func copyMarkdown() {
    guard let line = Citation.markdown(self) else { return emptyMessage() }
    pendingEffects.append(.copy(line))
    message = "Copied: \(line)"
  }

  mutating func openSource() {
    guard let url = Citation.url(self) else {
      switch pane {
      case .people: message = "People have no source page; select an event or a quote"
      case .events, .quotes: message = "No web address recorded for this source"
      }
      return
    }
    pendingEffects.append(.open(url))
    message = "Opening \(url)"
  }
}
