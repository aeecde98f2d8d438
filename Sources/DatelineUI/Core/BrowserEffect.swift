/// Work an update asks for instead of doing it (Bubble Tea's commands): `BrowserState.apply`
/// returns these, the app or the backend performs them, and what they produce comes back as a
/// `BrowserMessage` (a search answers with `.searchResults`).
///
/// `BrowserApp` performs `.search` itself (in order, or on a background worker) and ends on
/// `.quit`; everything else waits in `BrowserApp.takeEffects()` for the backend.
public enum BrowserEffect: Hashable, Sendable {
  /// Search a pane for a page of rows: the first (`offset` 0) answers with
  /// `.searchResults(generation:rows:count:)`, a later one with `.searchPage`.
  case search(SearchRequest)
  /// Count every match of a search whose first rows are shown; answer with `.searchCount`.
  /// Separate from the rows, so a keystroke never waits for a count.
  case count(SearchRequest)
  /// The user asked to quit.
  case quit
  /// Clear the terminal and repaint every cell (Ctrl-L).
  case redraw
  /// Put this text on the system clipboard (the terminal backend writes OSC 52).
  case copy(String)
  /// Open this http(s) URL in a browser (`$BROWSER`, else `xdg-open`), the terminal restored
  /// around it.
  case open(String)
  /// Suspend like a shell job (Ctrl-Z); restore the screen when continued (`fg`).
  case suspend
}

/// One search the update asked for. Only the newest generation's results are ever shown, so a
/// runner may drop or cancel any request older than the last one it was given.
public struct SearchRequest: Hashable, Sendable {
  /// Increases with every request; results carry it back.
  public var generation: Int
  /// The pane whose rows the results are.
  public var pane: Pane
  /// The query as typed.
  public var query: String
  /// Timeline indices to search among, in display order; nil means all of them.
  public var domain: [Int]?
  /// Matches already shown: this request asks for the ones after them.
  public var offset: Int
  /// The timeline index of the last match shown (with `offset` > 0): quotes are in timeline
  /// order, so the store resumes after it instead of finding the first `offset` again.
  public var after: Int?
  /// How many matches to find; nil for all of them.
  public var limit: Int?

  public init(
    generation: Int, pane: Pane, query: String, domain: [Int]?, offset: Int = 0,
    after: Int? = nil, limit: Int? = nil
  ) {
    self.generation = generation
    self.pane = pane
    self.query = query
    self.domain = domain
    self.offset = offset
    self.after = after
    self.limit = limit
  }
}
