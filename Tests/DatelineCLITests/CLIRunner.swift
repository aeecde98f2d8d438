import DatelineTestSupport
import Foundation
import Testing

@testable import dateline

/// Runs `dateline` commands, in this process or as the built executable, and captures what
/// they print.
///
/// `swift test` builds every product of the package before it runs the tests, so the binary sits
/// next to the test bundle in `.build/<configuration>/`. `DATELINE_BINARY` overrides the lookup.
enum CLI {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Parses standard output as JSON.
    func json() throws -> Any {
      try JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed])
    }

    func jsonArray() throws -> [[String: Any]] {
      try #require(try json() as? [[String: Any]], "expected a JSON array of objects: \(stdout)")
    }

    func jsonObject() throws -> [String: Any] {
      try #require(try json() as? [String: Any], "expected a JSON object: \(stdout)")
    }
  }

  /// The repository root, found from this file's path.
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let bundledData = packageRoot.appendingPathComponent("data").path

  static func binary(named name: String = "dateline") throws -> URL {
    let environment = ProcessInfo.processInfo.environment
    var candidates: [URL] = []
    if name == "dateline", let explicit = environment["DATELINE_BINARY"] {
      candidates.append(URL(fileURLWithPath: explicit))
    }
    // The test runner lives in .build/<triple>/debug, next to the products.
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = runner.deletingLastPathComponent()
    for _ in 0..<4 {
      candidates.append(directory.appendingPathComponent(name))
      directory = directory.deletingLastPathComponent()
    }
    candidates.append(
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(name))
    candidates.append(packageRoot.appendingPathComponent(".build/debug/\(name)"))
    for candidate in candidates {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
        !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: candidate.path)
      {
        return candidate
      }
    }
    Issue.record(
      "the \(name) executable was not found (looked at \(candidates.map(\.path))); run `swift build` or set DATELINE_BINARY"
    )
    throw CLIError.binaryNotFound
  }

  enum CLIError: Error { case binaryNotFound }

  /// XDG_CONFIG_HOME for every run: a directory that is never created, so no test reads a real
  /// configuration file and none leaves a folder behind.
  static let emptyConfigHome = FileManager.default.temporaryDirectory
    .appendingPathComponent("dateline-cli-no-config-\(UUID().uuidString)").path

  /// Runs `dateline arguments` in `directory` (the repository root by default) with
  /// `DATELINE_DATA` removed from the environment unless given in `environment`.
  ///
  /// The command runs inside this process (`Dateline.execute(_:in:)`, with this environment and
  /// its output captured, neither a terminal) when it can behave exactly as the binary would:
  /// `directory` is this process's working directory (relative paths in arguments resolve
  /// against it), no argument is `-` (standard input) and none asks for shell completion.
  /// Otherwise, or with `process: true`,
  /// or when `DATELINE_CLI_PROCESS=1` is set, it starts the binary. `InProcessTests` checks
  /// that both ways give the same output and status.
  static func run(
    _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
    program: String = "dateline", process: Bool = false
  ) throws -> Result {
    var env = ProcessInfo.processInfo.environment
    env["DATELINE_DATA"] = nil
    env["COLUMNS"] = nil
    env["DATELINE_CLI_PROCESS"] = nil
    // Never the user's configuration: a directory that does not exist, unless a test gives its own.
    env["XDG_CONFIG_HOME"] = emptyConfigHome
    for (key, value) in environment { env[key] = value }
    let directory = directory ?? packageRoot
    if program == "dateline", !process, canRunInProcess(arguments, in: directory) {
      return runInProcess(arguments, environment: env)
    }
    return try runProgram(try binary(named: program), arguments, in: directory, environment: env)
  }

  static let processesOnly = ProcessInfo.processInfo.environment["DATELINE_CLI_PROCESS"] == "1"

  /// Arguments that make ArgumentParser keep the completion shell in a process-wide variable
  /// it never resets (a zsh script leaves later completions formatted for zsh): their own process.
  static let completionArguments: Set<String> = ["---completion", "--generate-completion-script"]

  static func canRunInProcess(_ arguments: [String], in directory: URL) -> Bool {
    !processesOnly && !arguments.contains("-")
      && !arguments.contains(where: completionArguments.contains)
      && directory.standardizedFileURL.resolvingSymlinksInPath().path
        == URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        .standardizedFileURL.resolvingSymlinksInPath().path
  }

  /// Runs `dateline arguments` in this process with `environment`; captures what it writes.
  static func runInProcess(_ arguments: [String], environment: [String: String]) -> Result {
    let output = CapturedBytes()
    let error = CapturedBytes()
    let status = Dateline.execute(
      arguments, in: .captured(environment: environment, output: output, error: error))
    return Result(status: status, stdout: output.text, stderr: error.text)
  }

  /// Runs any program with no input and captures what it prints.
  static func runProgram(
    _ executable: URL, _ arguments: [String], in directory: URL? = nil,
    environment: [String: String]? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = environment }
    // Files, not pipes: a pipe that fills up would block the child while we wait for it.
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let outURL = scratch.url.appendingPathComponent("stdout")
    let errURL = scratch.url.appendingPathComponent("stderr")
    try Data().write(to: outURL)
    try Data().write(to: errURL)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }
}
