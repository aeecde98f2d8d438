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
}

struct SearchRestorePoint: Hashable, Sendable {
  var query: String
  var pane: Pane
  var quotes: ListState
}
