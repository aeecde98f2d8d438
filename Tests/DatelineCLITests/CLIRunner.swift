import DatelineTestSupport
import Foundation
import Testing

/// Runs the built `dateline` executable and captures what it prints.
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

  /// An empty directory for XDG_CONFIG_HOME, so no test reads a real configuration file.
  static let emptyConfigHome: String = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dateline-cli-config-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }()

  /// Runs `dateline arguments` in `directory` (the repository root by default) with
  /// `DATELINE_DATA` removed from the environment unless given in `environment`.
  static func run(
    _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
    program: String = "dateline"
  ) throws -> Result {
    var env = ProcessInfo.processInfo.environment
    env["DATELINE_DATA"] = nil
    env["COLUMNS"] = nil
    // Never the user's configuration: an empty directory unless a test gives its own.
    env["XDG_CONFIG_HOME"] = emptyConfigHome
    for (key, value) in environment { env[key] = value }
    return try runProgram(
      try binary(named: program), arguments, in: directory ?? packageRoot, environment: env)
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
