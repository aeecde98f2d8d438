import ArgumentParser
import DatelineModel
import Foundation

/// `--data PATH`, shared by every command, and how the dataset is found and loaded.
struct DataOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Dataset file or directory (default: $DATELINE_DATA, else ./data or the data/ of the enclosing package).",
      valueName: "PATH"))
  var data: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Store file (SQLite) to open; with --data, the store to build from that dataset and reuse.",
      valueName: "FILE"))
  var store: String?

  /// Opens or builds the timeline, or fails with the dataset's (or store's) diagnostics
  /// (status 1). A large dataset's store is cached (see `TimelineCache`); `progress` hears how
  /// its build goes.
  func loadTimeline(progress: (@Sendable (ImportProgress) -> Void)? = nil) throws -> Timeline {
    let environment = CommandContext.current.environment
    do {
      if let store, data == nil {
        return try Timeline(storePath: store)
      }
      let path = try DataLocator.locate(
        explicit: data, environment: environment,
        currentDirectory: FileManager.default.currentDirectoryPath)
      return try TimelineCache.timeline(
        dataPath: path, store: store, environment: environment, progress: progress
      ).timeline
    } catch let error as DatasetLoadError {
      throw CommandFailure.invalidData(error.diagnostics)
    }
  }
}

/// Finds the dataset: `--data`, then `DATELINE_DATA`, then the configuration's data path, then
/// `data/` here, then the `data/` of the
/// nearest enclosing directory that holds `Package.swift` (so `swift run` works from `Sources/`).
enum DataLocator {
  static let environmentVariable = "DATELINE_DATA"

  static func locate(
    explicit: String?, environment: [String: String], currentDirectory: String
  ) throws(CommandFailure) -> String {
    if let explicit { return explicit }
    if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
      return fromEnvironment
    }
    if let configured = try Configuration.load(environment: environment).dataPath {
      return configured
    }
    var looked: [String] = []
    var directory = URL(fileURLWithPath: currentDirectory, isDirectory: true).standardized
    let here = directory.appendingPathComponent("data").path
    looked.append(here)
    if isDirectory(here) { return here }
    while true {
      let candidate = directory.appendingPathComponent("data").path
      if candidate != here {
        looked.append(candidate)
        if isDirectory(candidate),
          FileManager.default.fileExists(
            atPath: directory.appendingPathComponent("Package.swift").path)
        {
          return candidate
        }
      }
      let parent = directory.deletingLastPathComponent()
      if parent.path == directory.path { break }
      directory = parent
    }
    throw CommandFailure(
      message: """
        dateline: error: no dataset found. Looked in:
        \(looked.map { "  " + Output.clean($0) }.joined(separator: "\n"))
        Run from the repository root, pass --data PATH, or set \(environmentVariable)=PATH.
        """,
      status: ExitStatus.invalidData)
  }

  private static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }
}
