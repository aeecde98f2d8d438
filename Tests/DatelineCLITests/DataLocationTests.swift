import DatelineTestSupport
import Foundation
import Testing

@Suite("where the data comes from")
struct DataLocationTests {
  @Test func defaultIsDataInTheCurrentDirectory() throws {
    let result = try CLI.run(["events", "--json"], in: CLI.packageRoot)
    #expect(result.status == 0)
    #expect(try result.jsonArray().first?["id"] as? String == "invasion")
  }

  @Test func walksUpToThePackageRootFromASubdirectory() throws {
    let result = try CLI.run(
      ["people", "--json"], in: CLI.packageRoot.appendingPathComponent("Sources/dateline"))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try result.jsonArray().contains { $0["id"] as? String == "trump" })
  }

  @Test func missingDataSaysWhereItLooked() throws {
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    let result = try CLI.run(["events"], in: directory.url)
    #expect(result.status == 1)
    #expect(result.stderr.contains("no dataset found"))
    #expect(result.stderr.contains(directory.url.appendingPathComponent("data").standardized.path))
    #expect(result.stderr.contains("--data"))
    #expect(result.stderr.contains("DATELINE_DATA"))
    #expect(result.stdout.isEmpty)
  }

  @Test func environmentVariableOverridesTheDefault() throws {
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    let file = try directory.write("tiny.json", Fixtures.tiny)
    let result = try CLI.run(["events", "--json"], environment: ["DATELINE_DATA": file])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try result.jsonArray().compactMap { $0["id"] as? String } == ["fixture-vote"])
  }

  @Test func dataOptionOverridesTheEnvironmentBeforeOrAfterTheSubcommand() throws {
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    let file = try directory.write("tiny.json", Fixtures.tiny)
    let environment = ["DATELINE_DATA": "/nonexistent"]
    for arguments in [
      ["--data", file, "people", "--json"], ["people", "--json", "--data", file],
    ] {
      let result = try CLI.run(arguments, environment: environment)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      #expect(try result.jsonArray().count == 2)
    }
  }

  @Test func aBrokenDatasetFailsWithItsDiagnostics() throws {
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    let file = try directory.write("broken.json", "{\"format\": \"dateline/1\", \"actors\": [}")
    let result = try CLI.run(["events", "--data", file])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix(file + ":1:"))
    #expect(result.stdout.isEmpty)
  }
}

@Suite("pipe-clean output")
struct OutputSafetyTests {
  @Test func controlCharactersFromDataNeverReachTheOutput() throws {
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    let file = try directory.write("tiny.json", Fixtures.tiny)
    let commands: [([String], String)] = [
      ([], "Council vote red"), (["events"], "Council vote red"), (["quotes"], "We will vote"),
      (["show", "fixture-vote"], "We will vote"), (["show", "ana"], "Council vote red"),
    ]
    for (arguments, visible) in commands {
      let result = try CLI.run(["--data", file] + arguments)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      let controls = result.stdout.unicodeScalars.filter {
        ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
      }
      #expect(controls.isEmpty, "\(arguments) printed control characters")
      #expect(result.stdout.contains(visible), "\(arguments): the text around the escapes stays")
    }
  }

  @Test func jsonEscapesControlCharacters() throws {
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    let file = try directory.write("tiny.json", Fixtures.tiny)
    let result = try CLI.run(["quotes", "--json", "--data", file])
    #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B })
    #expect(try result.jsonArray().first?["text"] as? String == "We will\u{1B}]0;pwned\u{07} vote")
  }

  @Test func plainDatelinePrintsTheTimelineAsText() throws {
    let result = try CLI.run([])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first?.isEmpty == false)
    #expect(lines.contains { $0.contains("14 events") || $0.contains(" events, ") })
    #expect(lines.contains { $0.contains("starmer-meeting") })
  }
}

@Suite("usage errors exit 2")
struct UsageTests {
  @Test(arguments: [
    ["frobnicate"], ["events", "--bogus"], ["show"], ["validate"], ["quotes", "--speaker"],
    ["events", "--json=yes"], ["people", "extra"],
  ])
  func usageErrorsExitTwo(arguments: [String]) throws {
    let result = try CLI.run(arguments)
    #expect(result.status == 2, "\(arguments) -> \(result.status): \(result.stderr)")
    #expect(!result.stderr.isEmpty)
    #expect(result.stdout.isEmpty)
  }

  @Test func helpExitsZeroOnStandardOutput() throws {
    let result = try CLI.run(["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("USAGE: dateline"))
    for command in ["events", "people", "quotes", "show", "validate"] {
      #expect(result.stdout.contains(command))
    }
  }
}
