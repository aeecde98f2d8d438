import DatelineTestSupport
import Foundation
import Testing

/// `dateline import`: inputs by content, standard input, --skip-bad, and an output that is
/// either replaced whole or left as it was.
@Suite("dateline import")
struct ImportCommandTests {
  static func quotebankLine(_ id: String, _ text: String, speaker: String) -> String {
    #"{"quoteID": "\#(id)", "quotation": "\#(text)", "speaker": "\#(speaker)", "qids": [], "date": "2020-01-16 12:00:00", "numOccurrences": 1, "probas": [], "urls": ["https://news.example/\#(id)"], "phase": "E"}"#
  }

  static let quotebank =
    [
      quotebankLine("q1", "We will talk", speaker: "Ann Lee"),
      quotebankLine("q2", "Nobody said this", speaker: "None"),
      quotebankLine("q3", "We talked", speaker: "Ann Lee"),
    ].joined(separator: "\n") + "\n"

  /// Runs `dateline` with `input` on standard input.
  static func run(_ arguments: [String], input: String, in directory: URL) throws -> CLI.Result {
    let process = Process()
    process.executableURL = try CLI.binary()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["DATELINE_DATA"] = nil
    environment["XDG_CACHE_HOME"] = directory.path
    process.environment = environment
    let inputURL = directory.appendingPathComponent("stdin")
    let outURL = directory.appendingPathComponent("stdout")
    let errURL = directory.appendingPathComponent("stderr")
    try Data(input.utf8).write(to: inputURL)
    try Data().write(to: outURL)
    try Data().write(to: errURL)
    let stdin = try FileHandle(forReadingFrom: inputURL)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardInput = stdin
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    return CLI.Result(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }

  @Test func theBundledStoryRoundTripsThroughAnImport() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let out = scratch.url.appendingPathComponent("story.json").path
    let result = try CLI.run(["import", CLI.bundledData, "-o", out])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("wrote"))
    for command in [["events", "--json"], ["quotes", "--json"], ["people", "--json"]] {
      let original = try CLI.run(command + ["--data", CLI.bundledData])
      let imported = try CLI.run(command + ["--data", out])
      #expect(imported.status == 0)
      #expect(imported.stdout == original.stdout, "\(command)")
    }
  }

  @Test func quotebankFromStandardInput() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let result = try Self.run(
      ["import", "-", "-o", "out.json"], input: Self.quotebank, in: scratch.url)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("3 quotes"))
    // Not a terminal: no progress bar, no carriage returns.
    #expect(!result.stderr.contains("\r"))
    let people = try CLI.run(
      ["people", "--json", "--data", scratch.url.appendingPathComponent("out.json").path])
    let names = try people.jsonArray().compactMap { $0["name"] as? String }
    #expect(names.contains("Ann Lee"))
    #expect(names.contains("Unknown speaker"))
    #expect(!names.contains("None"))
  }

  @Test func aMalformedLineStopsTheImportAndWritesNothing() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let input = try scratch.write("q.jsonl", Self.quotebank + "{\"quoteID\": \"q4\", \n")
    let out = scratch.url.appendingPathComponent("out.json")
    let result = try CLI.run(["import", input, "-o", out.path])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("\(input):4:"), "\(result.stderr)")
    #expect(result.stderr.contains(": error: "))
    #expect(!FileManager.default.fileExists(atPath: out.path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["q.jsonl"])
  }

  @Test func skipBadSkipsAndCounts() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let input = try scratch.write("q.jsonl", "not json\n" + Self.quotebank + "{]\n")
    let out = scratch.url.appendingPathComponent("out.json")
    let result = try CLI.run(["import", input, "-o", out.path, "--skip-bad"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("\(input):1:1: error: invalid JSON"))
    #expect(result.stderr.contains("\(input):5:"))
    #expect(result.stderr.contains("3 quotes"))
    #expect(result.stderr.contains("2 malformed lines skipped"))
  }

  @Test func aFailedImportLeavesThePreviousOutput() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let out = scratch.url.appendingPathComponent("out.json")
    let good = try scratch.write("good.jsonl", Self.quotebank)
    #expect(try CLI.run(["import", good, "-o", out.path]).status == 0)
    let before = try Data(contentsOf: out)
    let bad = try scratch.write("bad.jsonl", Self.quotebank + "{")
    let result = try CLI.run(["import", bad, "-o", out.path, "--force"])
    #expect(result.status == 1)
    #expect(try Data(contentsOf: out) == before)
    // An existing .json output is replaced only with --force.
    let refused = try CLI.run(["import", good, "-o", out.path])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("--force"))
  }

  /// The `.json` output goes through the shared atomic writer: a link stays a link and its
  /// target is replaced, with the target's permission bits kept.
  @Test func aJSONOutputThroughALinkReplacesItsTargetAndKeepsItsMode() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let target = scratch.url.appendingPathComponent("real.json")
    let link = scratch.url.appendingPathComponent("link.json")
    let input = try scratch.write("in.jsonl", Self.quotebank)
    #expect(try CLI.run(["import", input, "-o", target.path]).status == 0)
    #expect(chmod(target.path, 0o600) == 0)
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.json")
    let before = try Data(contentsOf: target)
    let more = try scratch.write(
      "more.jsonl", Self.quotebank + Self.quotebankLine("q4", "More", speaker: "Ann Lee") + "\n")
    let result = try CLI.run(["import", more, "-o", link.path, "--force"])
    #expect(result.status == 0, "\(result.stderr)")
    let attributes = try FileManager.default.attributesOfItem(atPath: link.path)
    #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
    #expect(try Data(contentsOf: target) != before)
    var info = stat()
    #expect(stat(target.path, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o600)
  }

  @Test func unknownInputsAreNamed() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let text = try scratch.write("notes.txt", "hello\n")
    let out = scratch.url.appendingPathComponent("out.json").path
    let result = try CLI.run(["import", text, "-o", out])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(text):1:1: error: cannot tell what this is"))
    let missing = try CLI.run(["import", "no-such.jsonl", "-o", out])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("no-such.jsonl:1:1: error: no such file"))
    let usage = try CLI.run(["import", "-o", out])
    #expect(usage.status == 2)
  }
}

/// Imports that cannot finish: the output they would replace stays as it was, and no temporary
/// file is left beside it.
@Suite("dateline import, interrupted or out of space")
struct ImportFailureTests {
  static func lines(_ count: Int) -> String {
    (0..<count).map {
      ImportCommandTests.quotebankLine(
        "q\($0)", "Words number \($0) about the budget", speaker: "S\($0 % 50)")
    }.joined(separator: "\n") + "\n"
  }

  static func leftovers(in directory: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
      $0.contains("dateline-tmp")
    }
  }

  @Test(arguments: [SIGINT, SIGTERM])
  func aSignalLeavesThePreviousStore(signal: Int32) throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let first = try scratch.write("first.jsonl", Self.lines(20))
    let store = scratch.url.appendingPathComponent("out.sqlite")
    #expect(try CLI.run(["import", first, "-o", store.path]).status == 0)
    let before = try Data(contentsOf: store)

    // Standard input stays open, so the import is certainly still running when the signal comes.
    let process = Process()
    process.executableURL = try CLI.binary()
    process.arguments = ["import", "-", "-o", store.path]
    process.environment = ["XDG_CACHE_HOME": scratch.url.path, "PATH": "/usr/bin:/bin"]
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    input.fileHandleForWriting.write(Data(Self.lines(500).utf8))
    // The signal comes once the import has read every line so far (FIONREAD on the pipe, from
    // our end, counts none left) and waits for more, not after a guessed pause.
    let writing = input.fileHandleForWriting.fileDescriptor
    var unread: Int32 = 1
    let deadline = Date().addingTimeInterval(30)
    while ioctl(writing, UInt(FIONREAD), &unread) == 0, unread > 0, Date() < deadline {
      usleep(2000)
    }
    #expect(unread == 0, "the import did not read its input")
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    try input.fileHandleForWriting.close()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == signal)
    #expect(try Data(contentsOf: store) == before)
    #expect(try Self.leftovers(in: scratch.url) == [])
  }

  /// A file size limit makes writes fail as a full disk does (`ulimit -f`, with SIGXFSZ
  /// ignored so the write returns an error instead of ending the process).
  @Test(arguments: ["out.sqlite", "out.json"])
  func aFullDiskIsAClearErrorAndChangesNothing(name: String) throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let small = try scratch.write("small.jsonl", Self.lines(3))
    let big = try scratch.write("big.jsonl", Self.lines(3000))
    let output = scratch.url.appendingPathComponent(name)
    #expect(try CLI.run(["import", small, "-o", output.path]).status == 0)
    let before = try Data(contentsOf: output)
    let binary = try CLI.binary().path
    let result = try CLI.runProgram(
      URL(fileURLWithPath: "/bin/sh"),
      [
        "-c", "trap '' XFSZ; ulimit -f 256; exec \"$0\" import \"$1\" -o \"$2\" --force", binary,
        big, output.path,
      ], in: scratch.url, environment: ["XDG_CACHE_HOME": scratch.url.path])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("\(output.path):"), "\(result.stderr)")
    #expect(result.stderr.contains(": error: cannot write"), "\(result.stderr)")
    #expect(try Data(contentsOf: output) == before)
    #expect(try Self.leftovers(in: scratch.url) == [])
  }
  /// A large dataset's events wait in a temporary database (`EventShelf`) while it is imported:
  /// a full disk there is a clear error that says where and what to do, and nothing is written.
  @Test func aFullDiskUnderTheShelvedEventsIsAClearError() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    // Over the 16 MB from which events are shelved, and far more than the shelf's page cache.
    var json =
      #"{"format": "dateline/1", "sources": [{"id": "wire", "publisher": "Wire", "title": "T", "published": "2025-02-24"}], "events": ["#
    for index in 0..<72_000 {
      if index > 0 { json += "," }
      json +=
        #"{"id": "e\#(index)", "headline": "Meeting number \#(index) of a long series", "summary": "Talks on the budget and the harbour were held again.", "date": "2025-02-2\#(index % 8)", "status": "occurred", "participants": [], "provenance": {"source": "wire", "paragraph": 1}}"#
    }
    json += "]}"
    #expect(json.utf8.count > 16 << 20)
    let input = try scratch.write("big.json", json)
    let output = scratch.url.appendingPathComponent("out.sqlite")
    let result = try CLI.runProgram(
      URL(fileURLWithPath: "/bin/sh"),
      [
        "-c", "trap '' XFSZ; ulimit -f 2048; exec \"$0\" import \"$1\" -o \"$2\"",
        try CLI.binary().path, input, output.path,
      ], in: scratch.url,
      environment: ["XDG_CACHE_HOME": scratch.url.path, "TMPDIR": scratch.url.path])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("error: cannot keep the events in a temporary database"),
      "\(result.stderr)")
    #expect(result.stderr.contains("set TMPDIR"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output.path))
    #expect(try Self.leftovers(in: scratch.url) == [])
  }
}
