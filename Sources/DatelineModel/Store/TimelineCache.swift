import Foundation

/// Where a dataset's timeline comes from: a small dataset is built into memory each time; a
/// large one into a store file under the cache directory, reused while its input files are
/// unchanged. A stale, corrupt or foreign store is rebuilt, never trusted.
public enum TimelineCache {
  /// Datasets with at most this many bytes of JSON are built in memory.
  public static let memoryLimit = 8 * 1024 * 1024

  /// `$XDG_CACHE_HOME/dateline`, else `~/.cache/dateline` (from `HOME`), else nil.
  public static func directory(environment: [String: String]) -> String? {
    if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
      return cache + "/dateline"
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.cache/dateline"
  }

  /// The input files of a dataset path, their total size, and the key a store of them records:
  /// the store version and format, then each file's absolute path, size and modification time.
  public static func inputKey(dataPath: String) throws(DatasetLoadError) -> (
    key: String, bytes: Int
  ) {
    let files: [String]
    switch DatasetLoader.files(at: dataPath) {
    case .success(let found): files = found
    case .failure(let error): throw error
    }
    var lines = ["\(StoreSchema.application)/\(StoreSchema.version) \(Dataset.currentFormat)"]
    var bytes = 0
    for file in files {
      let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: absolute),
        let size = (attributes[.size] as? NSNumber)?.intValue
      else {
        throw DatasetLoadError(diagnostics: [
          Diagnostic(
            path: file, line: 1, column: 1,
            message: "cannot open the file; check that it exists and is readable")
        ])
      }
      bytes += size
      let date = attributes[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0)
      let modified = Int((date.timeIntervalSince1970 * 1e9).rounded())
      lines.append("\(absolute)\t\(size)\t\(modified)")
    }
    return (lines.joined(separator: "\n"), bytes)
  }

  /// The cached store file for an input key: `store-HASH.sqlite` in `directory`.
  public static func storePath(forKey key: String, in directory: String) -> String {
    let hash = FNV1a.hash(key.utf8)
    let hex = String(hash, radix: 16)
    return directory + "/store-" + String(repeating: "0", count: 16 - hex.count) + hex + ".sqlite"
  }

  /// What loading did, for messages and tests.
  public enum Outcome: Sendable, Equatable {
    /// Built into memory (a small dataset, or no usable cache directory).
    case memory
    /// An up-to-date store file was opened.
    case opened(String)
    /// A store file was (re)built, then opened.
    case built(String)
  }

  /// The timeline of the dataset at `dataPath`. `store` names the store file to use instead of
  /// one in the cache directory (and makes even a small dataset use a file). While a store file
  /// is built, `progress` hears how far it has got (from the thread that called this): phases
  /// "checking the data" and "building the store" with the bytes read of the dataset's files,
  /// then "indexing the store" with the same scale (all bytes read, the share of the quotes
  /// indexed).
  public static func timeline(
    dataPath: String, store: String? = nil, environment: [String: String],
    memoryLimit: Int = TimelineCache.memoryLimit,
    progress: (@Sendable (ImportProgress) -> Void)? = nil
  ) throws(DatasetLoadError) -> (timeline: Timeline, outcome: Outcome) {
    let (key, bytes) = try inputKey(dataPath: dataPath)
    let target: String
    if let store {
      target = store
    } else if bytes > memoryLimit, let directory = directory(environment: environment),
      (try? FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)) != nil
    {
      target = storePath(forKey: key, in: directory)
    } else {
      return (try Timeline(path: dataPath), .memory)
    }
    if StoreReader.inputKey(ofStoreAt: target) == key,
      let timeline = try? Timeline(storePath: target)
    {
      return (timeline, .opened(target))
    }
    // Streamed into the builder a file at a time: memory does not grow with the quotes.
    let builder = StoreBuilder(path: target)
    do {
      var quotes = 0
      try DatasetStream.read(paths: [dataPath], into: builder) { step in
        quotes = step.quotes
        var step = step
        step.phase = step.phase == "checking" ? "checking the data" : "building the store"
        progress?(step)
      }
      if let progress {
        builder.finishing = { done, total in
          progress(
            ImportProgress(
              phase: "indexing the store", quotes: quotes,
              bytesDone: total > 0 ? bytes * done / total : bytes, bytesTotal: bytes))
        }
      }
      return (try builder.finish(inputKey: key), .built(target))
    } catch {
      builder.discard()
      // A cache that cannot be written is no reason to fail: answer from memory instead.
      guard store == nil, error.diagnostics.first?.path == target else { throw error }
      return (try Timeline(path: dataPath), .memory)
    }
  }
}
