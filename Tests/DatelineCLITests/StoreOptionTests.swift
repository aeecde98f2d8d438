import DatelineTestSupport
import Foundation
import GRDB
import Testing

@Suite("--store: an explicit store file")
struct StoreOptionTests {
  @Test func writesThenOpensAStoreThatAnswersLikeTheDataset() throws {
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    let store = directory.url.appendingPathComponent("story.sqlite").path
    let environment = ["XDG_CACHE_HOME": directory.url.path]
    let fromData = try CLI.run(["events", "--json"], environment: environment)
    let built = try CLI.run(
      ["--data", CLI.bundledData, "--store", store, "events", "--json"], environment: environment)
    #expect(built.status == 0, "\(built.stderr)")
    #expect(built.stdout == fromData.stdout)
    #expect(FileManager.default.fileExists(atPath: store))
    for command in [
      ["people", "--json"], ["quotes", "--json", "--search", "peace"], ["show", "trump", "--json"],
    ] {
      let opened = try CLI.run(["--store", store] + command, environment: environment)
      let direct = try CLI.run(command, environment: environment)
      #expect(opened.status == 0, "\(opened.stderr)")
      #expect(opened.stdout == direct.stdout, "\(command)")
    }
  }

  @Test func aFileThatIsNotAStoreFailsWithADiagnostic() throws {
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    let file = try directory.write("not-a-store.sqlite", "hello, I am text")
    let result = try CLI.run(
      ["--store", file, "events"], environment: ["XDG_CACHE_HOME": directory.url.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains(file + ":1:1: error:"), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func aStoreThatFailsAQueryIsALocatedErrorAndExitOne() throws {
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    let store = directory.url.appendingPathComponent("story.sqlite").path
    let environment = ["XDG_CACHE_HOME": directory.url.path]
    let built = try CLI.run(
      ["--data", CLI.bundledData, "--store", store, "events"], environment: environment)
    #expect(built.status == 0, "\(built.stderr)")
    // A table the store opens without, which `show` needs for related people.
    let queue = try DatabaseQueue(path: store)
    try queue.write { db in try db.execute(sql: "DROP TABLE quote_mentions") }
    try queue.close()
    let arguments = ["--store", store, "show", "trump", "--json"]
    let result = try CLI.run(arguments, environment: environment)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(store + ":1:1: error: cannot read the store: no such table"),
      "\(result.stderr)")
    // The binary says the same; and in this process (where `result` ran), the failure counts
    // only for the command that met it, not for the next one.
    let binary = try CLI.run(arguments, environment: environment, process: true)
    #expect(binary.status == result.status && binary.stderr == result.stderr)
    #expect(try CLI.run(["events"]).status == 0)
  }
}
