import DatelineTestSupport
import Foundation
import Testing

/// Keys that give the terminal away and take it back: `o` runs the configured opener
/// (`$BROWSER`) on the normal screen, Ctrl-Z stops the browser as a shell job until `fg`.
extension TerminalBrowserTests {
  /// A scratch directory with a one-quote dataset whose source has a web address, and an
  /// opener script that records its arguments and the terminal's settings, then waits for Enter.
  struct OpenerScratch {
    static let url = "https://example.org/story?id=1&part=2"
    let scratch: ScratchDirectory
    var directory: URL { scratch.url }
    var dataset: String { scratch.path("story.json") }
    var opener: String { scratch.path("opener") }

    init() throws {
      scratch = try ScratchDirectory("open")
      let dataset = """
        {
          "format": "dateline/1",
          "title": "Opener story",
          "sources": [
            {"id": "s", "publisher": "Example News", "title": "Source",
             "published": "2025-02-24T12:00:00Z", "url": "\(Self.url)"}
          ],
          "actors": [{"id": "a", "name": "Ann Example", "kind": "person"}],
          "events": [
            {"id": "e", "headline": "A meeting takes place", "summary": "They met.",
             "date": "2025-02-24",
             "status": "occurred", "participants": ["a"], "provenance": {"source": "s", "paragraph": 1}}
          ],
          "quotes": [
            {"id": "q", "text": "We met today", "speaker": "a", "event": "e", "kind": "full",
             "provenance": {"source": "s", "paragraph": 1}}
          ]
        }
        """
      try scratch.write("story.json", dataset)
      let here = TmuxSession.quote(directory.path)
      try scratch.write(
        "opener",
        """
        #!/bin/sh
        stty -g > \(here)/stty-opener
        printf '%s\\n' "$@" > \(here)/opened.tmp && mv \(here)/opened.tmp \(here)/opened
        echo "opener: press Enter to go back"
        read answer
        """)
      guard chmod(opener, 0o755) == 0 else { throw HarnessError("cannot chmod \(opener)") }
    }

    func read(_ name: String) throws -> String {
      try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    func remove() { scratch.remove() }
  }

  @Test func oRunsTheOpenerOnTheRestoredTerminalAndTheBrowserComesBack() async throws {
    let scratch = try OpenerScratch()
    defer { scratch.remove() }
    let session = try TmuxSession(
      arguments: ["browse", "--data", scratch.dataset], environment: ["BROWSER": scratch.opener])
    defer { session.close() }
    try await waitForFirstFrame(session)
    try session.press("3")
    try await session.waitFor("▶ Quotes")
    try session.press("o")
    // The opener runs on the shell's screen, curses gone, with the terminal as it was.
    let outside = try await session.waitFor("opener: press Enter to go back")
    #expect(!outside.contains(Self.header))
    #expect(try scratch.read("opened") == OpenerScratch.url + "\n")
    let before = try String(
      contentsOf: session.directory.appendingPathComponent("stty-before"), encoding: .utf8)
    #expect(try scratch.read("stty-opener") == before, "the opener got a raw terminal")
    // Back in the browser: drawn again where it was, and keys work.
    try session.press("Enter")
    try await session.waitForScreen("the browser drawn again") {
      $0.contains(Self.header) && $0.contains("▶ Quotes") && $0.contains("We met today")
        && !$0.contains("opener: press Enter")
    }
    try session.press("1")
    try await session.waitFor("▶ Events")
    try session.press("q")
    try await expectCleanExit(session, status: 0)
  }

  /// Run as a job of its own, and under a wrapper script (`sh -c 'dateline ...; echo ...'`),
  /// where the shell waits for the wrapper: only stopping the whole job gives the prompt back.
  @Test(arguments: [false, true])
  func ctrlZStopsTheBrowserAndFgBringsItBackDrawnAndWorking(wrapped: Bool) async throws {
    let session = try TmuxSession(shellWidth: 100, height: 30)
    defer { session.close() }
    try await session.waitFor(Self.prompt)
    let command = try TmuxSession.dateline(["browse", "--data", BuiltBinary.bundledData])
    let wrapperDone = "wrapper: browser done"
    try session.send(
      wrapped
        ? "sh -c \(TmuxSession.quote(command + "; echo '\(wrapperDone)'"))" : command)
    try session.press("Enter")
    try await waitForFirstFrame(session)
    try session.press("3")
    try await session.waitFor("▶ Quotes")
    try session.press("C-z")
    // The shell has the terminal: its job-control message and prompt, the browser gone, and
    // the terminal's settings as they were before the browser started.
    let stopped = try await session.waitForScreen("the shell's prompt after Stopped") {
      $0.contains("Stopped") && Self.lastLine(of: $0) == Self.prompt
    }
    #expect(!stopped.contains(Self.header))
    try session.send("stty -g > stty-stopped")
    try session.press("Enter")
    let before = try String(
      contentsOf: session.directory.appendingPathComponent("stty-before"), encoding: .utf8)
    #expect(
      try await session.waitForFile("stty-stopped") == before, "suspended with a raw terminal")
    // fg: the browser draws its whole screen again, as it was, and takes keys.
    try session.send("fg")
    try session.press("Enter")
    try await session.waitForScreen("the browser drawn again after fg") {
      $0.contains(Self.header) && $0.contains("▶ Quotes") && $0.contains("q quit")
        && !$0.contains("Stopped")
    }
    try session.press("1")
    try await session.waitFor("▶ Events")
    try session.press("q")
    let after = try await session.waitForScreen("the prompt after quitting") {
      !$0.contains(Self.header) && Self.lastLine(of: $0) == Self.prompt
    }
    // (The typed command line holds the words too, quoted: look for the echoed line.)
    let wrapperWentOn = after.split(separator: "\n").contains { $0.hasPrefix(wrapperDone) }
    #expect(wrapperWentOn == wrapped, "the wrapper went on after the browser")
    try session.send("stty -g > stty-after")
    try session.press("Enter")
    #expect(try await session.waitForFile("stty-after") == before)
  }

  /// The shell's prompt as tmux shows it (without its trailing space).
  static let prompt = TmuxSession.prompt.trimmingCharacters(in: .whitespaces)

  /// The last line of a screen that is not blank (tmux drops trailing spaces).
  static func lastLine(of screen: String) -> String {
    String(screen.split(separator: "\n").last { !$0.allSatisfy { $0 == " " } } ?? "")
  }
}
