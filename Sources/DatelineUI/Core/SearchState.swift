/// One pane's search: the query its rows are narrowed by, and where its answer stands.
public struct PaneSearch: Hashable, Sendable {
  /// The query in force (the draft while the prompt is open on this pane).
  public internal(set) var query = ""
  /// Queries kept with Enter on this pane, oldest first.
  public internal(set) var history: [String] = []
  /// Number of the newest search request for this pane; results carrying another are stale.
  public internal(set) var generation = 0
  /// Number of the request the shown rows answer.
  public internal(set) var answeredGeneration = 0
  /// The query the shown rows answer: `query` once the newest search has answered.
  public internal(set) var shownQuery = ""
  /// True when the shown rows are the first matches only and the rest are being counted.
  public internal(set) var isCounting = false
  /// True when the shown rows are every match; false while more can be fetched as the list
  /// scrolls (only the rows near the screen are ever asked for).
  public internal(set) var isComplete = true
  /// How many matches the shown query has, once counted (the rows may be fewer).
  public internal(set) var total: Int?
  /// True while a request for the next rows is out.
  var isFetchingMore = false
  /// The domain of the newest request (nil: everything), which its pages and count share.
  var requestDomain: [Int]?
  /// When no quote matches: the query with a word that names a speaker made `@name`.
  public internal(set) var suggestion: String?

  /// True while the newest query has not answered yet (the rows shown are an older query's).
  public var isSearching: Bool { answeredGeneration != generation }
  /// True while the count of matches is not known yet.
  public var isPending: Bool { isSearching || isCounting }
}

/// The search of each pane, the `/` prompt, and the history.
///
/// `/` searches the focused pane: quotes by text, events by headline and summary, people by
/// name, alias and role. Each pane keeps its own query and history; the members without a
/// pane argument read the pane the prompt was last opened on.
public struct SearchState: Hashable, Sendable {
  /// The pane the prompt searches (the focused pane when `/` was pressed).
  public internal(set) var pane: Pane = .quotes
  /// True while the `/` prompt is open.
  public internal(set) var isEditing = false
  /// Every pane's search, by `Pane.rawValue`.
  var panes = [PaneSearch](repeating: PaneSearch(), count: Pane.allCases.count)
  /// The last generation handed out, shared by all panes so a number names one request.
  var lastGeneration = 0
  /// Position in the history while browsing it with Up/Down in the prompt.
  var historyPosition: Int?
  /// What was typed before browsing history, restored when Down goes past the newest entry.
  var stashedDraft = ""
  /// The view to restore if the prompt is cancelled with Esc.
  var restore: SearchRestorePoint?

  public subscript(pane: Pane) -> PaneSearch {
    get { panes[pane.rawValue] }
    set { panes[pane.rawValue] = newValue }
  }

  /// The query of the pane the prompt searches.
  public internal(set) var query: String {
    get { self[pane].query }
    set { self[pane].query = newValue }
  }

  /// The history of the pane the prompt searches.
  public internal(set) var history: [String] {
    get { self[pane].history }
    set { self[pane].history = newValue }
  }

  public var shownQuery: String { self[pane].shownQuery }
  public var isSearching: Bool { self[pane].isSearching }
  public var isCounting: Bool { self[pane].isCounting }

  /// True when any pane is narrowed by a query.
  public var isActive: Bool { panes.contains { !$0.query.isEmpty } }

  /// A new request number for `pane`.
  mutating func nextGeneration(for pane: Pane) -> Int {
    lastGeneration += 1
    self[pane].generation = lastGeneration
    return lastGeneration
  }

  /// The pane whose newest request is `generation`, if any (else the results are stale).
  func pane(awaiting generation: Int) -> Pane? {
    Pane.allCases.first { self[$0].generation == generation }
  }
}

struct SearchRestorePoint: Hashable, Sendable {
  var query: String
  var pane: Pane
  var list: ListState
}
