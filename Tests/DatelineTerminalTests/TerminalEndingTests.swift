import DatelineTestSupport
import Foundation
import Testing

/// How the browser ends on a real terminal (a pseudo-terminal of the test's own): Ctrl-C, every
/// signal that would end it, a data error before it starts, a dumb terminal. What counts here
/// is the terminal afterwards (its settings as before, the alternate screen and mouse
/// reporting left) and the exit status, not a screen, so no tmux pane is needed.
@Suite("Browser endings on a pseudo-terminal", .terminalSlots)
struct TerminalEndingTests {
  /// Starts the browser on the bundled story and waits for its first frame; returns the
  /// terminal and the offset of its output just past that frame.
  func startBrowser() async throws -> (PseudoTerminal, Int) {
    let terminal = try PseudoTerminal(arguments: ["browse", "--data", BuiltBinary.bundledData])
    do {
      return (terminal, try await terminal.waitForFirstFrame())
    } catch {
      terminal.close()
      throw error
    }
  }

  /// Exits with `expected` status, leaves the terminal's settings as they were, and wrote (after
  /// the first frame) the bytes that leave the alternate screen and stop mouse reporting.
  func expectCleanExit(_ terminal: PseudoTerminal, after frame: Int, status expected: Int32)
    async throws
  {
    #expect(try await terminal.waitForExit() == expected)
    #expect(
      terminal.settingsNow == terminal.settingsBefore, "terminal settings changed by dateline")
    // xterm's rmcup; every byte the program wrote is read shortly after it ended.
    let left = try await terminal.waitFor("\u{1B}[?1049l", after: frame, timeout: .seconds(5))
    #expect(left > frame)
    #expect(terminal.output(after: frame).contains("1000l"), "mouse reporting left on")
  }

  @Test func ctrlCQuitsAndRestoresTheTerminal() async throws {
    let (terminal, frame) = try await startBrowser()
    defer { terminal.close() }
    try terminal.type("\u{03}")
    try await expectCleanExit(terminal, after: frame, status: 0)
  }

  /// Quit signals, and crash signals (the emergency handler restores the modes and re-raises);
  /// every other signal whose default action ends the process too (issue 11, item 8).
  @Test(arguments: [
    (SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP"), (SIGINT, "SIGINT"), (SIGABRT, "SIGABRT"),
    (SIGSEGV, "SIGSEGV"), (SIGUSR1, "SIGUSR1"), (SIGUSR2, "SIGUSR2"), (SIGALRM, "SIGALRM"),
    (SIGXCPU, "SIGXCPU"), (SIGVTALRM, "SIGVTALRM"), (SIGPROF, "SIGPROF"), (SIGXFSZ, "SIGXFSZ"),
    (SIGSYS, "SIGSYS"), (SIGIO, "SIGIO"), (SIGPWR, "SIGPWR"), (SIGQUIT, "SIGQUIT"),
    (36, "SIGRTMIN+2"),
  ])
  func aSignalQuitsAndRestoresTheTerminal(signal: Int32, name: String) async throws {
    let (terminal, frame) = try await startBrowser()
    defer { terminal.close() }
    #expect(kill(terminal.pid, signal) == 0, "could not send \(name)")
    // The process dies of the signal after restoring, so a shell would report 128 + signal.
    try await expectCleanExit(terminal, after: frame, status: 128 + signal)
  }

  @Test func aDataErrorPrintsOnTheNormalTerminal() async throws {
    let scratch = try ScratchDirectory("terminal")
    defer { scratch.remove() }
    let url = URL(
      fileURLWithPath: try scratch.write("broken.json", #"{"format": "dateline/1", "events": [}"#))
    let terminal = try PseudoTerminal(arguments: ["browse", "--data", url.path])
    defer { terminal.close() }
    #expect(try await terminal.waitForExit() == 1)
    try await terminal.waitFor("\(url.lastPathComponent):1:", timeout: .seconds(5))
    // Never on the alternate screen: the message stays on the normal one.
    #expect(!terminal.output.contains("\u{1B}[?1049h"))
    #expect(terminal.settingsNow == terminal.settingsBefore)
  }

  @Test func aDumbTerminalGetsTheTimelineAsText() async throws {
    let terminal = try PseudoTerminal(
      arguments: ["browse", "--data", BuiltBinary.bundledData], environment: ["TERM": "dumb"])
    defer { terminal.close() }
    #expect(try await terminal.waitForExit() == 0)
    try await terminal.waitFor("-- as of Mon 24 Feb 2025; upcoming below --", timeout: .seconds(5))
    #expect(!terminal.output.contains("\u{1B}"), "escape sequences on a dumb terminal")
    #expect(terminal.settingsNow == terminal.settingsBefore)
  }
}
