/// The browser as a backend drives it: feed keys, draw frames.
///
/// The backend loop is: `render(width:height:)`, draw the grid, read a key, `handle(key)`;
/// stop when `handle` returns false. On KEY_RESIZE send `.resize(width:height:)` (rendering at
/// a new size also resizes). After Ctrl-L, `takeRedrawRequest()` is true once: clear and
/// repaint the whole screen.
public final class BrowserApp {
  private var redrawRequested = false
  private var quitRequested = false
  private var size = (width: 80, height: 24)

  /// An empty browser (no story loaded).
  public init() {}

  /// Applies one key. Returns false when the user asked to quit.
  public func handle(_ key: Key) -> Bool {
    switch key {
    case .character("q"), .ctrl("c"): quitRequested = true
    case .ctrl("l"): redrawRequested = true
    case .resize(let width, let height): size = (width, height)
    default: break
    }
    return !quitRequested
  }

  /// The frame for a terminal of this size.
  public func render(width: Int, height: Int) -> CellGrid {
    size = (width, height)
    var grid = CellGrid(width: width, height: height)
    grid.write("Dateline", x: 0, y: 0, style: Style(.bold, role: .title))
    return grid
  }

  /// True once after the user asked for a full redraw (Ctrl-L).
  public func takeRedrawRequest() -> Bool {
    defer { redrawRequested = false }
    return redrawRequested
  }
}
