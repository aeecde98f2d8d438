import DatelineTestSupport
import Foundation

/// `dateline` running in a real terminal: a private tmux server (its own socket, no config),
/// one pane running a wrapper script that records `stty -g` before and after, the child's pid
/// and its exit status. Every wait polls for a condition with a deadline; nothing sleeps and
/// hopes.
final class TmuxSession {
  /// Looked up once: the suite's `.enabled` trait and every test's `init` ask.
  static let isAvailable: Bool = (try? tmux(["-V"]).status) == 0

  /// Set in CI: there a missing tmux is a failure, not a skip.
  static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  private let scratch: ScratchDirectory
  /// The server's socket, inside the scratch directory (tmux's `-L NAME` leaves one file per
  /// server in /tmp/tmux-UID; this one goes with the directory).
  private var socket: String { scratch.path("tmux.sock") }
  /// The pane's working directory: the wrapper's files and whatever a test puts there.
  var directory: URL { scratch.url }
  /// Everything the pane's program wrote, as tmux read it (`pipe-pane`).
  private var outputCopy: String { scratch.path("pane-output") }
  private var closed = false

  /// Starts `dateline ARGUMENTS` in a `width` x `height` pane. `environment` is exported in the
  /// pane before it starts (LANG defaults to C.UTF-8; NO_COLOR is unset unless given).
  convenience init(
    arguments: [String], width: Int = 100, height: Int = 30, environment: [String: String] = [:]
  ) throws {
    guard let binary = BuiltBinary.path else { throw HarnessError(BuiltBinary.missingMessage) }
    try self.init(
      width: width, height: height, environment: environment,
      body: """
        stty -g > stty-before
        sh -c 'echo $$ > pid.tmp && mv pid.tmp pid && exec "$@"' sh \(Self.quote(binary)) \(arguments.map(Self.quote).joined(separator: " "))
        echo $? > status.tmp
        stty -g > stty-after
        mv status.tmp status
        echo "wrapper: dateline exited"
        exec sleep 600
        """)
  }

  /// The prompt of the interactive shell that `init(shellWidth:)` starts.
  static let prompt = "dateline-test$ "

  /// An interactive `sh` (with job control, so Ctrl-Z and `fg` work as for a user) in the
  /// scratch directory; the test types the command lines (`dateline(_:)` gives one). `stty -g`
  /// of the pane is in stty-before; the test writes stty-after itself.
  convenience init(shellWidth width: Int = 100, height: Int = 30) throws {
    try self.init(
      width: width, height: height, environment: ["PS1": Self.prompt],
      body: """
        unset ENV
        stty -g > stty-before
        exec sh -i
        """)
  }

  /// A shell command line that starts the built `dateline` with `arguments`.
  static func dateline(_ arguments: [String]) throws -> String {
    guard let binary = BuiltBinary.path else { throw HarnessError(BuiltBinary.missingMessage) }
    return ([binary] + arguments).map(quote).joined(separator: " ")
  }

  /// A pane running `sh run.sh`: the exports, `cd` to the scratch directory, then `body`.
  private init(
    width: Int, height: Int, environment: [String: String], body: String
  ) throws {
    scratch = try ScratchDirectory("tmux")
    // The scratch directory has no dateline/config.toml: the defaults, never the user's.
    var exports = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": directory.path]
    exports.merge(environment) { $1 }
    let script = """
      #!/bin/sh
      unset NO_COLOR
      \(exports.sorted { $0.key < $1.key }.map { "export \($0.key)=\(Self.quote($0.value))" }.joined(separator: "\n"))
      cd \(Self.quote(directory.path))
      \(body)
      """
    let scriptPath = try scratch.write("run.sh", script)
    // The pane's output is copied to a file as tmux reads it (set up in the same command, so
    // before any of it is read): its size tells a wait when the screen may have changed.
    let result = try Self.tmux([
      "-S", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
      "sh \(Self.quote(scriptPath))", ";", "pipe-pane", "-o",
      "cat >> \(Self.quote(outputCopy))",
    ])
    guard result.status == 0 else {
      throw HarnessError("tmux new-session failed: \(result.output)")
    }
  }

  deinit { close() }

  /// Stops the tmux server and removes the scratch directory. Safe to call twice.
  func close() {
    guard !closed else { return }
    closed = true
    _ = try? Self.tmux(["-S", socket, "kill-server"])
    scratch.remove()
  }

  // MARK: Driving

  /// Sends tmux key names (`j`, `Enter`, `C-c`, `BTab`, `Escape`).
  func press(_ keys: String...) throws {
    try checked(["send-keys"] + keys)
  }

  /// Types text literally, one character per send so the browser sees each keystroke.
  func type(_ text: String) throws {
    for character in text { try checked(["send-keys", "-l", String(character)]) }
  }

  /// Sends `text` in one write, as a terminal sends an escape sequence.
  func send(_ text: String) throws {
    try checked(["send-keys", "-l", text])
  }

  func resize(width: Int, height: Int) throws {
    try checked(["resize-window", "-x", "\(width)", "-y", "\(height)"])
  }

  /// The pane's text, one line per row.
  func screen() throws -> String {
    try checked(["capture-pane", "-p"])
  }

  /// The pane's text with its colors and attributes as escape sequences.
  func styledScreen() throws -> String {
    try checked(["capture-pane", "-p", "-e"])
  }

  /// A tmux format value for the pane, e.g. `#{pane_title}`.
  /// Sets a server option (`set-clipboard on` lets OSC 52 from the pane fill a paste buffer).
  func setOption(_ name: String, _ value: String) throws {
    _ = try checked(["set-option", "-s", name, value])
  }

  /// The newest paste buffer (empty or a throw when there is none).
  func showBuffer() throws -> String {
    try checked(["show-buffer"])
  }

  func display(_ format: String) throws -> String {
    try checked(["display-message", "-p", format]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  // MARK: Waiting

  /// Waits until the screen satisfies `condition`; returns the screen. Throws with the last
  /// screen on timeout.
  ///
  /// The screens are captured on a thread of their own, and every screen captured since the
  /// wait began is checked in order: Swift Testing runs synchronous tests on the cooperative
  /// pool (one thread per core), and a long one there can keep this task from running for
  /// seconds, long enough to miss a screen that shows for a moment (a slow load's progress).
  @discardableResult
  func waitForScreen(
    _ what: String, timeout: Duration = .seconds(30), _ condition: (String) -> Bool
  ) async throws -> String {
    let deadline = ContinuousClock.now + timeout
    // Most waits end at the first look.
    var last = try screen()
    if condition(last) { return last }
    let recorder = ScreenRecorder(socket: socket, output: outputCopy)
    defer { recorder.stop() }
    var pause = Pause()
    // Look once more after the deadline: on a loaded machine this task may have slept through
    // it while the program drew its screen long ago.
    while true {
      for screen in try recorder.take() {
        last = screen
        if condition(screen) { return screen }
      }
      if ContinuousClock.now >= deadline { break }
      try await pause.sleep()
    }
    throw HarnessError("timed out waiting for \(what); the screen was:\n\(last)")
  }

  @discardableResult
  func waitFor(_ text: String, timeout: Duration = .seconds(30)) async throws -> String {
    try await waitForScreen("\"\(text)\"", timeout: timeout) { $0.contains(text) }
  }

  /// The pid of the running `dateline`, once it has started.
  func pid() async throws -> pid_t {
    let text = try await waitForFile("pid")
    guard let value = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
      throw HarnessError("bad pid file: \(text)")
    }
    return value
  }

  /// Waits for `dateline` to exit; returns its status as the shell reports it (128+N for a
  /// signal).
  func waitForExit(timeout: Duration = .seconds(30)) async throws -> Int32 {
    let text = try await waitForFile("status", timeout: timeout)
    guard let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
      throw HarnessError("bad status file: \(text)")
    }
    return status
  }

  /// `stty -g` in the pane before `dateline` started and after it exited.
  func terminalSettings() throws -> (before: String, after: String) {
    let before = try String(
      contentsOf: directory.appendingPathComponent("stty-before"), encoding: .utf8)
    let after = try String(
      contentsOf: directory.appendingPathComponent("stty-after"), encoding: .utf8)
    return (before, after)
  }

  /// Waits for a non-empty file `name` in the scratch directory; returns its text.
  func waitForFile(_ name: String, timeout: Duration = .seconds(30)) async throws -> String {
    let url = directory.appendingPathComponent(name)
    let deadline = ContinuousClock.now + timeout
    var pause = Pause()
    while true {
      if let text = try? String(contentsOf: url, encoding: .utf8), !text.isEmpty { return text }
      if ContinuousClock.now >= deadline { break }
      try await pause.sleep()
    }
    throw HarnessError(
      "timed out waiting for \(name); the screen was:\n\((try? screen()) ?? "(no screen)")")
  }

  /// The pause between two looks at a file: 5 ms at first, then half as long again each time
  /// up to 50 ms (a look is a failed open, no process).
  struct Pause {
    private var milliseconds = 5

    mutating func sleep() async throws {
      TerminalSlots.pause(.milliseconds(milliseconds))
      milliseconds = min(milliseconds * 3 / 2 + 1, 50)
    }
  }

  /// Captures the pane on a thread of its own until stopped, keeping each screen that differs
  /// from the one before, for `take()`. It captures when the pane's output has grown (checked
  /// every 2 ms, which costs a `stat`) and at least every 100 ms, not blindly every few
  /// milliseconds: each capture starts a tmux client.
  final class ScreenRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var screens: [String] = []
    private var failure: HarnessError?
    private var stopped = false

    init(socket: String, output: String) {
      let thread = Thread { [self] in record(socket, output: output) }
      thread.start()
    }

    private static func size(of path: String) -> Int {
      var information = stat()
      return stat(path, &information) == 0 ? Int(information.st_size) : -1
    }

    private func record(_ socket: String, output: String) {
      var previous: String?
      var capturedSize = Int.min
      var capturedAt = ContinuousClock.now
      while true {
        // The size before the capture: output arriving during it brings another.
        let size = Self.size(of: output)
        if size == capturedSize && ContinuousClock.now - capturedAt < .milliseconds(100) {
          lock.lock()
          let done = stopped
          lock.unlock()
          if done { return }
          usleep(2000)
          continue
        }
        capturedSize = size
        capturedAt = ContinuousClock.now
        let result = Result { try TmuxSession.tmux(["-S", socket, "capture-pane", "-p"]) }
        lock.lock()
        if stopped {
          lock.unlock()
          return
        }
        switch result {
        case .success(let (status, output)) where status == 0:
          if output != previous { screens.append(output) }
          previous = output
        case .success(let (_, output)):
          failure = HarnessError("tmux capture-pane failed: \(output)")
        case .failure(let error):
          failure = HarnessError("tmux capture-pane failed: \(error)")
        }
        let failed = failure != nil
        lock.unlock()
        if failed { return }
      }
    }

    /// The screens captured since the last call, oldest first; throws when tmux failed and
    /// nothing is left to look at.
    func take() throws -> [String] {
      lock.lock()
      defer { lock.unlock() }
      let taken = screens
      screens.removeAll()
      if taken.isEmpty, let failure { throw failure }
      return taken
    }

    func stop() {
      lock.lock()
      stopped = true
      lock.unlock()
    }
  }

  // MARK: tmux

  @discardableResult
  private func checked(_ arguments: [String]) throws -> String {
    let result = try Self.tmux(["-S", socket] + arguments)
    guard result.status == 0 else {
      throw HarnessError("tmux \(arguments.joined(separator: " ")) failed: \(result.output)")
    }
    return result.output
  }

  static func tmux(_ arguments: [String]) throws -> (status: Int32, output: String) {
    try Spawn.run(["tmux"] + arguments)
  }

  /// Single-quotes `text` for sh.
  static func quote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
