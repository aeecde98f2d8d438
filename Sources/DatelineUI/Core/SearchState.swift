/// The quote search: the query in force, the prompt while typing, and the history.
public struct SearchState: Hashable, Sendable {
  /// The query the Quotes pane is narrowed by (the draft while the prompt is open).
  public var query: String = ""
  /// True while the `/` prompt is open.
  public var isEditing = false
  /// Queries kept with Enter, oldest first.
  public var history: [String] = []
  /// Position in `history` while browsing it with Up/Down in the prompt.
  var historyPosition: Int?
  /// What was typed before browsing history, restored when Down goes past the newest entry.
  var stashedDraft = ""
  /// The view to restore if the prompt is cancelled with Esc.
  var restore: SearchRestorePoint?
  /// Number of the newest search request; results carrying another number are stale.
  public internal(set) var generation = 0
  /// Number of the request the shown rows answer.
  public internal(set) var answeredGeneration = 0
  /// The query the shown rows answer: `query` once the newest search has answered.
  public internal(set) var shownQuery = ""
  /// True when the shown rows are the first matches only and the rest are being counted.
  public internal(set) var isCounting = false

  /// True while the newest query has not answered yet (the rows shown are an older query's).
  public var isSearching: Bool { answeredGeneration != generation }
}

struct SearchRestorePoint: Hashable, Sendable {
  var query: String
  var pane: Pane
  var quotes: ListState
}
