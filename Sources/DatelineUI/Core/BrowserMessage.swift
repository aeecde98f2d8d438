/// Everything that can change the browser's state: a named action, typing in the search
/// prompt, the mouse, or a resize. `BrowserApp` turns keys into these.
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
}
