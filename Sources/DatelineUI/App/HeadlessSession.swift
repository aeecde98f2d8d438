import DatelineModel

/// Headless mode: apply keys and return the final screen as plain text, through the same
/// update and render path the terminal uses. `dateline browse --screen 100x30 --keys KEYS`.
public enum HeadlessSession {
  /// Runs `keys` (stopping early at a quit key) and returns the last screen, rows trimmed.
  public static func run(
    timeline: Timeline, width: Int, height: Int, keys: [Key], glyphs: GlyphSet = .unicode,
    keymap: Keymap = .standard
  ) -> String {
    let app = BrowserApp(
      timeline: timeline, width: width, height: height, keymap: keymap, glyphs: glyphs)
    for key in keys {
      if !app.handle(key) { break }
      // Nothing leaves a headless run: the bottom line says what would have.
      for effect in app.takeEffects() {
        if let note = note(for: effect) { app.send(.note(note)) }
      }
    }
    return app.render(width: app.state.layout.width, height: app.state.layout.height).plainText()
  }

  /// What a headless run shows instead of performing an effect.
  static func note(for effect: BrowserEffect) -> String? {
    switch effect {
    case .copy(let text): "Would copy: \(text)"
    case .open(let url): "Would open: \(url)"
    case .suspend: "Would suspend (fg resumes)"
    case .search, .count, .quit, .redraw: nil
    }
  }

  /// Parses `notation` (see `KeyNotation`) and runs it.
  public static func run(timeline: Timeline, width: Int, height: Int, keys notation: String)
    throws(KeyNotation.ParseError)
    -> String
  {
    run(timeline: timeline, width: width, height: height, keys: try KeyNotation.parse(notation))
  }

  /// Parses "100x30" for `--screen`.
  public static func parseScreenSize(_ text: String) -> (width: Int, height: Int)? {
    let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]), width > 0,
      height > 0,
      width <= 1000, height <= 1000
    else { return nil }
    return (width, height)
  }
}
