import Foundation

/// Reads a dataset from one JSON file or a directory of them (merged in name order), and checks
/// it: JSON syntax, the shape of every item, and the semantic rules (references, ids, dates).
public enum DatasetLoader {
  /// Files up to this size are read whole and parsed at once (the fastest way for a small
  /// file); larger ones are read in pieces by `DatasetFileReader`, an item at a time, so memory
  /// follows the items decoded, not the bytes of the file and a tree of them. There is no limit
  /// on the size of a file. A task-local value, so a test can lower it for the work it runs
  /// (`$wholeFileLimit.withValue(1024) { ... }`) instead of writing a large file.
  @TaskLocal public static var wholeFileLimit = 4 * 1024 * 1024

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

  /// Everything the loader would say about `bytes` as the dataset file at `path`: syntax,
  /// shape and, when the file is the whole dataset (`isWholeDataset`), the semantic checks.
  /// Empty when a load would accept it. Writers call this on what they are about to write.
  public static func problems(inFile bytes: [UInt8], path: String, isWholeDataset: Bool = true)
    -> [Diagnostic]
  {
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
          guard let (located, problems, isSyntaxError) = parse(file: file, into: &diagnostics)
          else {
            unreadable = true
            continue
          }
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

  /// One file read and decoded: whole when it is small, else in pieces (the same result). Nil,
  /// with the reason in `diagnostics`, when it cannot be read.
  static func parse(file: String, into diagnostics: inout [Diagnostic]) -> (
    LocatedDataset, [Diagnostic], Bool
  )? {
    let size = RegularFile.kind(of: file) == S_IFREG ? fileSize(file) : nil
    guard let size, size > wholeFileLimit else {
      switch RegularFile.read(file) {
      case .success(let bytes):
        var (located, problems, isSyntaxError) = parse(bytes: bytes, path: file)
        located.byteCount = bytes.count
        return (located, problems, isSyntaxError)
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
    var located = LocatedDataset()
    var problems: [Diagnostic] = []
    let outcome: DatasetFileReader.Outcome
    do {
      outcome = try DatasetFileReader.read(file, modes: .decodeAll) {
        batch, found throws(DatasetLoadError) in
        located.merge(batch)
        problems += found
      }
    } catch {
      diagnostics += error.diagnostics
      return nil
    }
    switch outcome {
    case .read(let byteCount):
      located.byteCount = byteCount
      return (located, problems, false)
    case .unreadable(let problem):
      diagnostics.append(problem)
      return nil
    case .invalid(let problem):
      return (LocatedDataset(), [problem], true)
    }
  }

  /// The size of a file, from `stat`.
  static func fileSize(_ path: String) -> Int? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int(info.st_size)
  }

  private static func fileError(_ path: String, _ message: String) -> DatasetLoadError {
    DatasetLoadError(diagnostics: [Diagnostic(path: path, line: 1, column: 1, message: message)])
  }
}
