import DatelineTestSupport
import Foundation
import GRDB
import Testing

/// Most command-line tests run `dateline` inside the test process (`CLI.run`). These check that
/// a command run that way prints and exits exactly as the binary does, for each kind of outcome:
/// text and JSON output, help and usage errors (ArgumentParser's own width), invalid data, a
/// store that cannot be read, headless screens and exports.
@Suite("commands in process")
struct InProcessTests {
  static let commands: [[String]] = [
    ["events"], ["people", "--json"], ["quotes", "--search", "deal"], ["show", "trump"],
    ["--help"], ["events", "--bogus"], ["browse", "--screen", "60x20", "--keys", "2j"],
    ["export", "--to", "markdown"], ["config"], ["--version"],
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

  /// A failed store read elsewhere in the process (another test's damaged store) does not fail
  /// a command run in process afterwards; the command's own failed reads do.
  @Test func aStoreProblemCountsOnlyForTheCommandThatMetIt() throws {
    let scratch = try ScratchDirectory("cli-tests")
    let store = scratch.path("store.sqlite")
    let environment = ["XDG_CACHE_HOME": scratch.url.path]
    let built = try CLI.run(
      ["--data", CLI.bundledData, "--store", store, "events"], environment: environment)
    #expect(built.status == 0, "\(built.stderr)")
    // A table the store opens without, which `show` needs for related people.
    let queue = try DatabaseQueue(path: store)
    try queue.write { db in try db.execute(sql: "DROP TABLE quote_mentions") }
    try queue.close()
    let arguments = ["--store", store, "show", "trump", "--json"]
    let inProcess = try CLI.run(arguments, environment: environment)
    let binary = try CLI.run(arguments, environment: environment, process: true)
    #expect(binary.status == 1, "\(binary.stderr)")
    #expect(inProcess.status == binary.status)
    #expect(inProcess.stderr == binary.stderr)
    #expect(try CLI.run(["events"]).status == 0, "a later command does not inherit the problem")
  }
}
