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
  /// `count` nil means `rows` are the first matches only and the total is still being counted;
  /// the complete rows follow with the same generation. Results of an older generation than
  /// the newest request are ignored.
  case searchResults(generation: Int, rows: [Int], count: Int?)
  /// A note from the backend for the bottom line ("No browser to open …").
  case note(String)
}
