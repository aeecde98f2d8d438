import DatelineModel

/// The browser as a backend drives it: feed keys, draw frames.
///
/// The backend loop is: `render(width:height:)`, draw the grid, read a key, `handle(key)`;
/// stop when `handle` returns false. On KEY_RESIZE send `.resize(width:height:)` (rendering at
/// a new size also resizes). After Ctrl-L, `takeRedrawRequest()` is true once: clear and
/// repaint the whole screen.
public final class BrowserApp {
  public private(set) var state: BrowserState

  public init(
    timeline: Timeline, width: Int = 80, height: Int = 24, keymap: Keymap = .standard,
    glyphs: GlyphSet = .unicode
  ) {
    state = BrowserState(
      timeline: timeline, width: width, height: height, keymap: keymap, glyphs: glyphs)
  }

  /// Applies one key. Returns false when the user asked to quit.
  @discardableResult
  public func handle(_ key: Key) -> Bool {
    state.apply(Self.message(for: key, in: state))
    return !state.quitRequested
  }

  /// The frame for a terminal of this size.
  public func render(width: Int, height: Int) -> CellGrid {
    if width != state.layout.width || height != state.layout.height {
      state.apply(.resize(width: width, height: height))
    }
    return ScreenView.render(state)
  }

  /// True once after the user asked for a full redraw (Ctrl-L).
  public func takeRedrawRequest() -> Bool {
    defer { state.redrawRequested = false }
    return state.redrawRequested
  }

  /// What a key means in the current mode: the search prompt takes typing; otherwise the
  /// keymap decides.
  public static func message(for key: Key, in state: BrowserState) -> BrowserMessage {
    switch key {
    case .resize(let width, let height): return .resize(width: width, height: height)
    case .mouse(let event): return .mouse(event)
    default: break
    }
    if state.search.isEditing {
      switch key {
      case .character(let character):
        // A stray control character (from a paste, say) has no place in a query.
        if character.unicodeScalars.contains(where: DisplayWidth.isControl) { return .unbound(key) }
        return .searchType(character)
      case .backspace, .delete: return .searchDeleteBackward
      case .ctrl("u"): return .searchClear
      case .enter: return .searchSubmit
      case .escape: return .searchCancel
      case .up: return .searchHistoryOlder
      case .down: return .searchHistoryNewer
      case .ctrl("c"): return .action(.quitNow)
      case .ctrl("l"): return .action(.redraw)
      default: return .unbound(key)
      }
    }
    if let action = state.keymap.action(for: key) { return .action(action) }
    return .unbound(key)
  }
}
