import CNcursesw
import DatelineModel
import DatelineUI
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The browser on a real terminal: curses setup, the draw/read loop, and a restored terminal
/// on every way out.
///
/// Load and validate data before calling `run`, so errors print on a normal terminal.
/// Quit signals (SIGINT, SIGTERM, SIGHUP, SIGQUIT) only set a flag; the loop notices it (reads
/// time out every 200 ms and are interrupted by the signal anyway), restores the terminal and
/// reports the signal, which the caller passes to `finish` to die of it. A crash still restores
/// the terminal's modes from an async-signal-safe handler.
public enum TerminalSession {
  /// How a session ended.
  public enum Ending: Equatable, Sendable {
    /// The user quit (q, Ctrl-C).
    case quit
    /// A quit signal arrived; the terminal is restored.
    case signal(Int32)
    /// Standard input closed or hung up.
    case inputClosed
  }

  public struct StartError: Error, CustomStringConvertible {
    public var description: String
  }

  /// True when the browser can run: standard input and output are terminals, and TERM names
  /// one that can move the cursor (not unset, empty or "dumb", as in an editor's shell buffer).
  public static func isInteractive(environment: [String: String]) -> Bool {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return false }
    guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return false }
    return true
  }

  /// The glyph set for this terminal's locale (read from the environment by the C library):
  /// Unicode when its character set is UTF-8, ASCII otherwise (`LC_ALL=C`, a Latin-1 locale).
  public static func localeGlyphs() -> GlyphSet {
    _ = dl_set_locale_from_environment()
    return dl_locale_is_utf8() != 0 ? .unicode : .ascii
  }

  /// How long a read waits before the loop checks for signals again.
  static let readTimeoutMilliseconds: Int32 = 200
  /// How long a read waits while the timeline loads, so progress shows as it comes.
  static let loadingPollMilliseconds: Int32 = 50
  /// How long a read waits while a background search runs, so its answer shows promptly: a
  /// keystroke's first rows take a few milliseconds, and the wait adds to what the user sees.
  static let searchPollMilliseconds: Int32 = 2
  /// Esc alone must feel instant; curses waits this long for the rest of an escape sequence.
  static let escapeDelayMilliseconds: Int32 = 25

  /// Runs `app` until the user quits, a quit signal arrives or input closes. The terminal is
  /// restored before this returns.
  public static func run(
    _ app: BrowserApp, environment: [String: String], theme: ColorTheme = .standard
  ) throws(StartError) -> Ending {
    try withScreen(environment: environment, theme: theme) { painter in
      loop(app, painter: painter, environment: environment)
    }
  }

  /// Loads the timeline on a worker thread, then runs the browser on it. A load that ends
  /// within `showAfter` never shows a loading screen, and its errors print on a normal
  /// terminal; a longer one (building a store) shows `screen` with the builder's progress at
  /// once, and `q` or Ctrl-C quit at any moment (the build is abandoned). A load error after
  /// the screen was taken over is thrown once the terminal is restored.
  public static func run(
    loading screen: LoadingScreen,
    load:
      @escaping @Sendable (_ progress: @escaping @Sendable (ImportProgress) -> Void) throws ->
      Timeline,
    makeApp: (Timeline) -> BrowserApp,
    environment: [String: String], theme: ColorTheme = .standard,
    showAfter: Duration = .milliseconds(250)
  ) throws -> Ending {
    let job = LoadJob(load)
    let clock = ContinuousClock()
    let deadline = clock.now + showAfter
    while job.result == nil && clock.now < deadline { usleep(2_000) }
    if let result = job.result {
      return try run(makeApp(try result.get()), environment: environment, theme: theme)
    }
    var failure: (any Error)?
    let ending = try withScreen(environment: environment, theme: theme) { painter -> Ending in
      var painter = painter
      var screen = screen
      let started = clock.now
      var shownVersion = -1
      var lastFrame = clock.now - .seconds(1)
      wtimeout(dl_stdscr(), loadingPollMilliseconds)
      defer { wtimeout(dl_stdscr(), readTimeoutMilliseconds) }
      while true {
        if let ending = pendingEnding() { return ending }
        if let result = job.result {
          switch result {
          case .success(let timeline):
            painter.invalidate()
            return loop(makeApp(timeline), painter: painter, environment: environment)
          case .failure(let error):
            failure = error
            return .quit
          }
        }
        let (progress, version) = job.progress
        if version != shownVersion || clock.now - lastFrame >= .milliseconds(100) {
          screen.progress = progress
          screen.elapsed = clock.now - started
          _ = screen.handle(.resize(width: Int(dl_columns()), height: Int(dl_rows())))
          painter.paint(screen.render())
          shownVersion = version
          lastFrame = clock.now
        }
        guard let key = readKey() else {
          if dl_input_lost() != 0 { return .inputClosed }
          continue
        }
        if !screen.handle(key) { return .quit }
        if case .resize = key { painter.invalidate() }
      }
    }
    if let failure { throw failure }
    return ending
  }

  /// Sets curses up, runs `body` with a painter, and restores the terminal however it ends.
  private static func withScreen(
    environment: [String: String], theme: ColorTheme = .standard,
    _ body: (ScreenPainter) -> Ending
  ) throws(StartError) -> Ending {
    _ = dl_set_locale_from_environment()
    dl_save_terminal_modes()
    // Before curses starts, so it does not install its own handlers for these.
    dl_install_quit_signal_handlers()
    guard let screen = dl_start_screen() else {
      dl_remove_quit_signal_handlers()
      let term = environment["TERM"].map { "TERM=\(TerminalText.sanitize($0))" } ?? "TERM unset"
      throw StartError(
        description:
          "cannot open the terminal (\(term)); set TERM to your terminal's type, or use --screen WxH --keys KEYS for headless output"
      )
    }
    dl_prepare_emergency_reset()
    dl_install_fatal_signal_handlers()
    defer {
      restore(screen)
    }
    let palette = configure(environment: environment, theme: theme)
    return body(ScreenPainter(palette: palette, unicode: dl_locale_is_utf8() != 0))
  }

  /// After `run` returned `.signal`: die of that signal (the terminal is already restored), so
  /// a parent shell sees how we ended. Returns for any other ending.
  public static func finish(_ ending: Ending) {
    if case .signal(let number) = ending { dl_reraise(number) }
  }

  private static func configure(environment: [String: String], theme: ColorTheme)
    -> ColorPalette
  {
    raw()  // Ctrl-C, Ctrl-Z, Ctrl-S arrive as keys, not signals or flow control.
    noecho()
    nonl()
    keypad(dl_stdscr(), true)
    intrflush(dl_stdscr(), false)
    dl_set_escape_delay(escapeDelayMilliseconds)
    wtimeout(dl_stdscr(), readTimeoutMilliseconds)
    curs_set(0)
    _ = dl_enable_mouse()
    let wantsColor = ColorPalette.wantsColor(
      environment: environment, terminalHasColors: has_colors())
    return wantsColor ? ColorPalette.start(theme: theme) : .monochrome
  }

  private static func restore(_ screen: OpaquePointer) {
    dl_disable_mouse()
    curs_set(1)
    endwin()
    delscreen(screen)
    dl_restore_terminal_modes()
    dl_remove_fatal_signal_handlers()
    dl_remove_quit_signal_handlers()
  }

  private static func loop(
    _ app: BrowserApp, painter initial: ScreenPainter, environment: [String: String]
  ) -> Ending {
    var painter = initial
    var needsFrame = true
    var timeout = readTimeoutMilliseconds
    while true {
      if let ending = pendingEnding() { return ending }
      // Searches run on a worker; show what they found before waiting for the next key.
      if app.receiveResults() { needsFrame = true }
      if needsFrame {
        let frame = app.render(width: Int(dl_columns()), height: Int(dl_rows()))
        painter.paint(frame)
        needsFrame = false
      }
      // While a search runs, wake up often to show its answer; otherwise wait for keys.
      let wanted = app.isSearching ? searchPollMilliseconds : readTimeoutMilliseconds
      if wanted != timeout {
        timeout = wanted
        wtimeout(dl_stdscr(), timeout)
      }
      guard let key = readKey() else {
        if dl_input_lost() != 0 { return .inputClosed }
        continue
      }
      guard app.handle(key) else { return .quit }
      for effect in app.takeEffects() {
        switch effect {
        case .redraw:
          dl_force_full_repaint()
          painter.invalidate()
        case .copy(let text):
          // After the frame that says "Copied" is out, so the sequence is not inside it.
          painter.paint(app.render(width: Int(dl_columns()), height: Int(dl_rows())))
          TerminalEffects.copy(text)
        case .open(let url):
          if let note = TerminalEffects.open(url, environment: environment) {
            app.send(.note(note))
          }
          painter.invalidate()
        case .suspend:
          TerminalEffects.suspend()
          painter.invalidate()
        case .search, .count, .quit:
          break  // the app performs these itself
        }
      }
      if case .resize = key { painter.invalidate() }
      needsFrame = true
    }
  }

  private static func pendingEnding() -> Ending? {
    let signal = dl_take_quit_signal()
    return signal == 0 ? nil : .signal(signal)
  }

  /// The next key, or nil after a timeout, an interrupted read or input we ignore.
  private static func readKey() -> Key? {
    var code: Int32 = 0
    let status = dl_read_key(&code)
    if status == OK { return KeyDecoder.key(character: code) }
    if status == dl_key_code_yes() {
      return KeyDecoder.key(
        code: code, size: { (Int(dl_columns()), Int(dl_rows())) }, mouse: KeyDecoder.readMouse)
    }
    return nil
  }
}

/// A timeline load on its own thread: its latest progress and, once done, its result.
final class LoadJob: @unchecked Sendable {
  private let lock = NSLock()
  private var latest: ImportProgress?
  private var version = 0
  private var finished: Result<Timeline, any Error>?

  init(
    _ load:
      @escaping @Sendable (_ progress: @escaping @Sendable (ImportProgress) -> Void) throws ->
      Timeline
  ) {
    let thread = Thread { [self] in
      let result = Result { try load { progress in self.report(progress) } }
      lock.withLock { finished = result }
    }
    thread.stackSize = 8 << 20
    thread.start()
  }

  private func report(_ progress: ImportProgress) {
    lock.withLock {
      latest = progress
      version += 1
    }
  }

  var progress: (ImportProgress?, Int) { lock.withLock { (latest, version) } }
  var result: Result<Timeline, any Error>? { lock.withLock { finished } }
}
