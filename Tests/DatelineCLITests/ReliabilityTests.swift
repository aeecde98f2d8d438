import DatelineTestSupport
import Foundation
import Testing

/// Issue 11, item 7: a write interrupted by SIGINT or SIGTERM leaves the target as it was and
/// no temporary file; one killed by SIGKILL leaves one that the next write removes.
@Suite struct InterruptedWriteTests {
  /// Starts `dateline-bench hold-write PATH` (through `/bin/sh -c SCRIPT` when a script is
  /// given, with the binary as $0 and PATH as $1) and waits until it prints the path of its
  /// temporary file. Its standard input stays open until the caller closes `input`.
  func startHoldWrite(_ path: String, shell script: String? = nil) throws -> (
    process: Process, input: Pipe, temporary: String
  ) {
    let bench = try CLI.binary(named: "dateline-bench")
    let process = Process()
    if let script {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", script, bench.path, path]
    } else {
      process.executableURL = bench
      process.arguments = ["hold-write", path]
    }
    let output = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardInput = input
    try process.run()
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      line.append(chunk)
    }
    let temporary = String(decoding: line, as: UTF8.self).trimmingCharacters(
      in: .whitespacesAndNewlines)
    return (process, input, temporary)
  }

  /// Starts a held write to `path`, sends `signal` once its temporary file exists and returns
  /// how it ended and the temporary path. The writer starts with every signal at its default
  /// action: a test run started with SIGINT ignored (as `cmd &` in a script does) would pass the
  /// ignore on, and the writer, rightly keeping an ignored signal ignored, would wait forever.
  func interrupt(_ path: String, with signal: Int32) throws -> (
    status: Int32, reason: Process.TerminationReason, temporary: String
  ) {
    let (process, input, temporary) = try startHoldWrite(
      path, shell: #"exec env --default-signal "$0" hold-write "$1""#)
    #expect(FileManager.default.fileExists(atPath: temporary), "\(temporary)")
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    try? input.fileHandleForWriting.close()
    return (process.terminationStatus, process.terminationReason, temporary)
  }

  @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
  func aSignalDuringAWriteRemovesTheTemporaryFile(signal: Int32) throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let target = try scratch.write("story.json", "old")
    let ended = try interrupt(target, with: signal)
    #expect(ended.reason == .uncaughtSignal && ended.status == signal)
    #expect(!FileManager.default.fileExists(atPath: ended.temporary))
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "old")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["story.json"])
  }

  /// Under `nohup` (SIGHUP ignored) a write goes on through a hangup: the cleanup handler is
  /// not installed for an ignored signal, so the signal stays ignored and the file is written.
  @Test func anIgnoredSignalStaysIgnoredDuringAWrite() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let target = try scratch.write("story.json", "old")
    let (process, input, temporary) = try startHoldWrite(
      target, shell: #"trap "" HUP; exec "$0" hold-write "$1""#)
    kill(process.processIdentifier, SIGHUP)
    // The hangup changes nothing: the temporary file is still there and the write completes.
    Thread.sleep(forTimeInterval: 0.1)
    #expect(process.isRunning)
    #expect(FileManager.default.fileExists(atPath: temporary), "\(temporary)")
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "partial")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["story.json"])
  }

  @Test func aKilledWritersFileIsRemovedByTheNextWrite() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let target = try scratch.write("story.json", "old")
    let ended = try interrupt(target, with: SIGKILL)
    #expect(FileManager.default.fileExists(atPath: ended.temporary))
    let article = try scratch.write(
      "a.txt", "date 2025-03-04\n\n\"It took ten years,\" Mayor Lina Ortiz said on Friday.\n")
    let result = try CLI.run(["ingest", article, "-o", target, "--force"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: ended.temporary))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == [
        "a.txt", "story.json",
      ])
  }
}

/// Runs `dateline arguments`, killing it if it has not ended after `seconds`: a hang fails the
/// test instead of stalling the suite.
func runWithin(
  _ seconds: Double, _ arguments: [String], environment: [String: String] = [:],
  in directory: URL? = nil
) throws -> (status: Int32, stderr: String, stdout: String, timedOut: Bool) {
  let process = Process()
  process.executableURL = try CLI.binary()
  process.arguments = arguments
  var env = ProcessInfo.processInfo.environment
  env["DATELINE_DATA"] = nil
  for (key, value) in environment { env[key] = value }
  process.environment = env
  if let directory { process.currentDirectoryURL = directory }
  let scratch = try ScratchDirectory("cli-tests")
  defer { scratch.remove() }
  let out = try scratch.write("out", "")
  let err = try scratch.write("err", "")
  process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
  process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
  process.standardInput = FileHandle.nullDevice
  try process.run()
  let deadline = Date().addingTimeInterval(seconds)
  while process.isRunning && Date() < deadline { usleep(20_000) }
  let timedOut = process.isRunning
  if timedOut {
    kill(process.processIdentifier, SIGKILL)
  }
  process.waitUntilExit()
  return (
    process.terminationStatus,
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: err)), as: UTF8.self),
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self), timedOut
  )
}

/// Issue 11, item 4: a FIFO, a socket or a device is refused at once; a directory or link where
/// a file should be is named for what it is.
@Suite struct NotARegularFileTests {
  @Test func aFIFOIsRefusedAtOnceWhereverItIsGiven() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let fifo = scratch.url.appendingPathComponent("f.json").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let direct = try runWithin(10, ["validate", fifo])
    #expect(!direct.timedOut, "validate blocked on a FIFO")
    #expect(direct.status == 1)
    #expect(direct.stderr.contains("f.json:1:1: error: is a FIFO (named pipe)"), "\(direct.stderr)")

    let directory = scratch.url.appendingPathComponent("story")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Data(Fixtures.tiny.utf8).write(to: directory.appendingPathComponent("a.json"))
    #expect(mkfifo(directory.appendingPathComponent("b.json").path, 0o600) == 0)
    let inside = try runWithin(10, ["validate", directory.path])
    #expect(!inside.timedOut && inside.status == 1)
    #expect(inside.stderr.contains("b.json:1:1: error: is a FIFO"), "\(inside.stderr)")

    let environment = try runWithin(10, ["events"], environment: ["DATELINE_DATA": fifo])
    #expect(!environment.timedOut && environment.status == 1)
    #expect(environment.stderr.contains("FIFO"))

    let ingest = try runWithin(10, ["ingest", fifo, "--published", "2025-02-24"])
    #expect(!ingest.timedOut && ingest.status == 1)
    #expect(ingest.stderr.contains("FIFO"), "\(ingest.stderr)")
  }

  @Test func aDirectoryOrALinkToOneIsNotCalledAnEmptyFile() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let directory = scratch.url.appendingPathComponent("story")
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("x.json"), withIntermediateDirectories: true)
    try Data(Fixtures.tiny.utf8).write(to: directory.appendingPathComponent("a.json"))
    try FileManager.default.createSymbolicLink(
      atPath: directory.appendingPathComponent("y.json").path, withDestinationPath: "x.json")
    let result = try runWithin(10, ["validate", directory.path])
    #expect(result.status == 1)
    #expect(!result.stderr.contains("empty"))
    #expect(result.stderr.contains("x.json:1:1: error: is a directory"), "\(result.stderr)")
    #expect(result.stderr.contains("y.json:1:1: error: is a symbolic link to a directory"))
  }

  @Test func procSelfMemSaysItCannotBeRead() throws {
    guard FileManager.default.fileExists(atPath: "/proc/self/mem") else { return }
    let result = try runWithin(10, ["validate", "/proc/self/mem"])
    #expect(result.status == 1)
    #expect(!result.stderr.contains("empty"), "\(result.stderr)")
    #expect(result.stderr.contains("cannot read"), "\(result.stderr)")
  }

  @Test func aCharacterDeviceIsRefused() throws {
    let result = try runWithin(10, ["validate", "/dev/zero"])
    #expect(!result.timedOut && result.status == 1)
    #expect(result.stderr.contains("is a character device"), "\(result.stderr)")
  }
}

/// Issue 11, item 2: text output caps its columns; --json stays whole; ids are short.
@Suite struct HugeCellTests {
  @Test func aHugeNameDoesNotPadEveryRow() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let huge = String(repeating: "N", count: 100_000)
    var actors = (0..<200).map { #"{"id": "a\#($0)", "name": "Person \#($0)", "kind": "person"}"# }
    actors.append(#"{"id": "huge", "name": "\#(huge)", "kind": "person", "role": "R"}"#)
    let file = try scratch.write("d.json", Fixtures.dataset(actors: actors))
    let text = try CLI.run(["people", "--data", file])
    #expect(text.status == 0, "\(text.stderr)")
    // Without the cap, 201 rows padded to 100,000 columns: 20 MB.
    #expect(text.stdout.utf8.count < 100_000, "\(text.stdout.utf8.count) bytes")
    #expect(text.stdout.contains("NNN…"))
    let json = try CLI.run(["people", "--json", "--data", file])
    #expect(json.stdout.contains(huge))
  }

  @Test func validateRejectsAnIdOverTwoHundredCharacters() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let long = String(repeating: "x", count: 201)
    let file = try scratch.write(
      "d.json",
      Fixtures.dataset(actors: [
        #"{"id": "\#(String(repeating: "y", count: 200))", "name": "Fine", "kind": "person"}"#,
        #"{"id": "\#(long)", "name": "Long", "kind": "person"}"#,
      ]))
    let result = try CLI.run(["validate", file])
    #expect(result.status == 1)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(result.stderr)")
    #expect(lines.first?.contains("d.json:6:") == true)
    #expect(lines.first?.contains("201 characters") == true)
  }
}
