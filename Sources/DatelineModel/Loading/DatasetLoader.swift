import Foundation

/// Reads a dataset from one JSON file or a directory of them (merged in name order), and checks
/// it: JSON syntax, the shape of every item, and the semantic rules (references, ids, dates).
public enum DatasetLoader {
  /// Files larger than this are refused rather than read into memory. A task-local value, so a
  /// test can lower it for the work it runs (`$maximumFileSize.withValue(1 << 20) { ... }`)
  /// instead of building a 64 MB file.
  @TaskLocal public static var maximumFileSize = 64 * 1024 * 1024

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
  /// Anything that is not a regular file or a directory is refused at once, named for what it
  /// is (a FIFO would otherwise block the read forever).
  public static func files(at path: String) -> Result<[String], DatasetLoadError> {
    guard let kind = RegularFile.kind(of: path) else {
      let what = RegularFile.describe(path)
      return .failure(
        fileError(
          path,
          what == "nothing"
            ? "no such file or directory; pass a dataset file or a directory of *.json files"
            : "is \(what); pass a dataset file or a directory of *.json files"))
    }
    guard kind == S_IFDIR else {
      guard kind == S_IFREG else {
        return .failure(
          fileError(
            path,
            "is \(RegularFile.describe(path)), not a dataset file; pass a regular *.json file or a directory of them"
          ))
      }
      return .success([path])
    }
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
      return .failure(fileError(path, "cannot read the directory; check its permissions"))
    }
    let files = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map {
      path.hasSuffix("/") ? path + $0 : path + "/" + $0
    }
    guard !files.isEmpty else {
      return .failure(fileError(path, "the directory holds no *.json dataset files"))
    }
    var problems: [Diagnostic] = []
    for file in files where RegularFile.kind(of: file) != S_IFREG {
      problems +=
        fileError(
          file,
          "is \(RegularFile.describe(file)), not a dataset file; only regular *.json files are read from a dataset directory (rename or move it)"
        ).diagnostics
    }
    if !problems.isEmpty { return .failure(DatasetLoadError(diagnostics: problems)) }
    return .success(files)
  }

  /// Why the loader would refuse a file of `byteCount` bytes, before reading it, or nil. Writers
  /// (ingest, import) ask this before writing, so they never write a file the loader refuses.
  public static func fileSizeProblem(byteCount: Int) -> String? {
    guard byteCount > maximumFileSize else { return nil }
    return
      "the file is larger than \(megabytes(maximumFileSize)) MB; split it into several files in a directory"
  }

  private static func megabytes(_ bytes: Int) -> String {
    bytes % (1024 * 1024) == 0
      ? "\(bytes / 1024 / 1024)" : String(format: "%.2f", Double(bytes) / 1024 / 1024)
  }

  /// Everything the loader would say about `bytes` as the dataset file at `path`: size, syntax,
  /// shape and, when the file is the whole dataset (`isWholeDataset`), the semantic checks.
  /// Empty when a load would accept it. Writers call this on what they are about to write.
  public static func problems(inFile bytes: [UInt8], path: String, isWholeDataset: Bool = true)
    -> [Diagnostic]
  {
    if let problem = fileSizeProblem(byteCount: bytes.count) {
      return fileError(path, problem).diagnostics
    }
    let (located, diagnostics, isSyntaxError) = parse(bytes: bytes, path: path)
    let all =
      isSyntaxError || !isWholeDataset
      ? diagnostics : diagnostics + DatasetChecker.check(located).diagnostics
    return inReadingOrder(all, files: [path: 0])
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
    switch RegularFile.read(
      file, limit: maximumFileSize, tooLarge: { fileSizeProblem(byteCount: $0 + 1) ?? "" })
    {
    case .success(let bytes):
      return bytes
    case .failure(let problem):
      diagnostics +=
        fileError(
          file,
          problem.isMissing
            ? "cannot open the file; check that it exists and is readable" : problem.message
        ).diagnostics
      return nil
    }
  }

  private static func fileError(_ path: String, _ message: String) -> DatasetLoadError {
    DatasetLoadError(diagnostics: [Diagnostic(path: path, line: 1, column: 1, message: message)])
  }
}
