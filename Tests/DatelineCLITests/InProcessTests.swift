import DatelineTestSupport
import Foundation
import Testing

/// Most command-line tests run `dateline` inside the test process (`CLI.run`). These check that
/// a command run that way prints and exits exactly as the binary does, for each kind of outcome:
/// text and JSON output, help and usage errors (ArgumentParser's own width), invalid data,
/// headless screens and exports. (A store that cannot be read: StoreOptionTests.)
@Suite("commands in process")
struct InProcessTests {
  static let commands: [[String]] = [
    ["events"], ["people", "--json"], ["quotes", "--search", "deal"], ["--help"],
    ["events", "--bogus"], ["browse", "--screen", "60x20", "--keys", "2j"],
    ["export", "--to", "markdown"], ["config"],
  ]

  @Test(arguments: commands)
  func aCommandInProcessPrintsAndExitsAsTheBinaryDoes(arguments: [String]) throws {
    let inProcess = try CLI.run(arguments)
    let binary = try CLI.run(arguments, process: true)
    #expect(inProcess.status == binary.status)
    #expect(inProcess.stdout == binary.stdout)
    #expect(inProcess.stderr == binary.stderr)
    #expect(!binary.stdout.isEmpty || !binary.stderr.isEmpty, "the binary said something")
  }

  @Test func invalidDataFailsTheSameWayInProcess() throws {
    let scratch = try ScratchDirectory("cli-tests")
    let bad = try scratch.write(
      "bad.json", Fixtures.dataset(actors: [Fixtures.ana], events: [Fixtures.event("e", date: "7")])
    )
    let arguments = ["validate", bad]
    let inProcess = try CLI.run(arguments)
    let binary = try CLI.run(arguments, process: true)
    #expect(binary.status == 1)
    #expect(inProcess.status == binary.status)
    #expect(inProcess.stderr == binary.stderr)
  }

  /// A completion script for zsh leaves ArgumentParser formatting every later completion in the
  /// same process for zsh (an extra " " candidate): completions must not share a process.
  @Test func completionsAfterAZshScriptAreTheBinarysOwn() throws {
    let script = try CLI.run(["--generate-completion-script", "zsh"])
    #expect(script.status == 0)
    let completed = try CLI.run([
      "---completion", "show", "--", "positional@0", "1", "2", "show", "st",
    ])
    #expect(completed.status == 0)
    #expect(Set(completed.stdout.split(separator: "\n")) == ["starmer-meeting", "starmer"])
  }
}
