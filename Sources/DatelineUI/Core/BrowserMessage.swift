/// Everything that can change the browser's state: a named action, typing in the search
/// prompt, the mouse, a resize, or the result of an effect. `BrowserApp` turns keys into these.
public enum BrowserMessage: Hashable, Sendable {
  case action(BrowserAction)
  case searchType(Character)
  case searchDeleteBackward
  case searchClear
  case searchSubmit
  case searchCancel
  case searchHistoryOlder
  case searchHistoryNewer
  case mouse(MouseEvent)
  case resize(width: Int, height: Int)
  /// A key with no binding: the bottom line says so.
  case unbound(Key)
  /// The answer to `BrowserEffect.search` of `generation`: timeline indices in display order.
  /// `count` nil means `rows` are the first matches only: the update asks for the count
  /// (`BrowserEffect.count`), and for more rows as the list scrolls towards their end.
  /// Results of an older generation than the newest request are ignored.
  case searchResults(generation: Int, rows: [Int], count: Int?)
  /// More rows of the search of `generation`, after the first `offset`; `isComplete` when
  /// they are the last.
  case searchPage(generation: Int, offset: Int, rows: [Int], isComplete: Bool)
  /// How many matches the search of `generation` has in all.
  case searchCount(generation: Int, count: Int)
  /// A note from the backend for the bottom line ("No browser to open …").
  case note(String)
}
