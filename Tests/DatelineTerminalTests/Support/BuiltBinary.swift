import Foundation

/// The `dateline` executable `swift build` produced, and the package's bundled data.
enum BuiltBinary {
  /// The package root, found from this file's path (Tests/DatelineTerminalTests/Support/).
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let bundledData = packageRoot.appendingPathComponent("data").path

  /// `dateline` next to the running test bundle (same build directory and configuration),
  /// else in `.build/debug`.
  static let path: String? = {
    var directories: [URL] = []
    if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    {
      directories.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
    }
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      directories.append(bundle.bundleURL.deletingLastPathComponent())
    }
    if let argument = CommandLine.arguments.first {
      directories.append(URL(fileURLWithPath: argument).deletingLastPathComponent())
    }
    directories.append(packageRoot.appendingPathComponent(".build/debug"))
    for directory in directories {
      let candidate = directory.appendingPathComponent("dateline").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }()

  static let missingMessage =
    "the dateline executable was not found next to the test bundle or in .build/debug; run `swift build` first"

  /// Runs the binary with stdin from /dev/null and stdout, stderr captured (so neither is a
  /// terminal); returns (status, stdout, stderr).
  static func run(_ arguments: [String], environment: [String: String] = [:]) async throws
    -> (status: Int32, output: String, error: String)
  {
    guard let path else { throw HarnessError(missingMessage) }
    // Never the user's configuration: the temporary directory has no dateline/config.toml.
    let isolated = [
      "XDG_CONFIG_HOME": FileManager.default.temporaryDirectory.path + "/dateline-no-config"
    ]
    .merging(environment) { $1 }
    return try Spawn.run([path] + arguments, mergingErrors: false, environment: isolated)
  }
}

struct HarnessError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
