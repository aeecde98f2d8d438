import Foundation

/// Reads a dataset from one JSON file or a directory of them (merged in name order), and checks
/// it: JSON syntax, the shape of every item, and the semantic rules (references, ids, dates).
public enum DatasetLoader {
  /// Files larger than this are refused rather than read into memory.
  public static let maximumFileSize = 64 * 1024 * 1024

  /// Loads and checks a dataset; throws every problem found.
  public static func load(path: String) throws(DatasetLoadError) -> Dataset {
    let (located, diagnostics) = read(paths: [path])
    if !diagnostics.isEmpty { throw DatasetLoadError(diagnostics: diagnostics) }
    return located.dataset
  }

  /// Every problem in the datasets at `paths`. Each path is one dataset (a file, or a directory
  /// whose files merge); within one, problems come in file order, then by line and column.
  /// Empty when all are valid.
  public static func validate(paths: [String]) -> [Diagnostic] {
    guard !paths.isEmpty else {
      return [
        Diagnostic(
          path: "<none>", line: 0, column: 0,
          message: "no dataset path given; pass a dataset file or a directory of *.json files")
      ]
    }
    // A file at a time: memory follows the largest file, not the whole dataset.
    return paths.flatMap { DatasetStream.validate(paths: [$0]).diagnostics }
  }

  /// Parses dataset JSON held in memory; `path` names it in diagnostics.
  public static func load(json: String, path: String = "<input>") throws(DatasetLoadError)
    -> Dataset
  {
    let (located, diagnostics, isSyntaxError) = parse(bytes: Array(json.utf8), path: path)
    let all = isSyntaxError ? diagnostics : diagnostics + DatasetChecker.check(located).diagnostics
    if !all.isEmpty {
      throw DatasetLoadError(diagnostics: inReadingOrder(all, files: [path: 0]))
    }
    return located.dataset
  }

  /// The `*.json` files a path stands for: itself, or a directory's JSON files sorted by name.
  public static func files(at path: String) -> Result<[String], DatasetLoadError> {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return .failure(
        fileError(
          path, "no such file or directory; pass a dataset file or a directory of *.json files"))
    }
    guard isDirectory.boolValue else { return .success([path]) }
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
      return .failure(fileError(path, "cannot read the directory; check its permissions"))
    }
    let files = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map {
      path.hasSuffix("/") ? path + $0 : path + "/" + $0
    }
    guard !files.isEmpty else {
      return .failure(fileError(path, "the directory holds no *.json dataset files"))
    }
    return .success(files)
  }

  static func read(paths: [String]) -> (LocatedDataset, [Diagnostic]) {
    var merged = LocatedDataset()
    var diagnostics: [Diagnostic] = []
    var unreadable = false
    var fileOrder: [String: Int] = [:]
    for path in paths {
      switch files(at: path) {
      case .failure(let error):
        diagnostics += error.diagnostics
        unreadable = true
      case .success(let files):
        for file in files {
          fileOrder[file] = fileOrder.count
          guard let bytes = readBytes(file, into: &diagnostics) else {
            unreadable = true
            continue
          }
          let (located, problems, isSyntaxError) = parse(bytes: bytes, path: file)
          diagnostics += problems
          unreadable = unreadable || isSyntaxError
          merged.merge(located)
        }
      }
    }
    // With a file missing, references into it would all look unknown: report only the cause.
    if !unreadable { diagnostics += DatasetChecker.check(merged).diagnostics }
    return (merged, inReadingOrder(diagnostics, files: fileOrder))
  }

  /// Sorts by file (in load order), line and column, keeping the order of equal positions.
  static func inReadingOrder(_ diagnostics: [Diagnostic], files: [String: Int])
    -> [Diagnostic]
  {
    diagnostics.enumerated().sorted { lhs, rhs in
      let a = lhs.element
      let b = rhs.element
      let fileA = files[a.path] ?? -1
      let fileB = files[b.path] ?? -1
      if fileA != fileB { return fileA < fileB }
      if a.line != b.line { return a.line < b.line }
      if a.column != b.column { return a.column < b.column }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }

  static func parse(bytes: [UInt8], path: String) -> (LocatedDataset, [Diagnostic], Bool) {
    do {
      let root = try JSONParser.parse(bytes)
      let (located, diagnostics) = DatasetDecoder.decode(root, path: path)
      return (located, diagnostics, false)
    } catch {
      let diagnostic = Diagnostic(
        path: path, line: error.position.line, column: error.position.column,
        message: "invalid JSON: \(error.message)")
      return (LocatedDataset(), [diagnostic], true)
    }
  }

  private static func readBytes(_ file: String, into diagnostics: inout [Diagnostic]) -> [UInt8]? {
    guard let handle = FileHandle(forReadingAtPath: file) else {
      diagnostics +=
        fileError(file, "cannot open the file; check that it exists and is readable").diagnostics
      return nil
    }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: maximumFileSize + 1) else {
      return []
    }
    if data.count > maximumFileSize {
      diagnostics +=
        fileError(
          file,
          "the file is larger than \(maximumFileSize / 1024 / 1024) MB; split it into several files in a directory"
        ).diagnostics
      return nil
    }
    return [UInt8](data)
  }

  private static func fileError(_ path: String, _ message: String) -> DatasetLoadError {
    DatasetLoadError(diagnostics: [Diagnostic(path: path, line: 1, column: 1, message: message)])
  }
}
