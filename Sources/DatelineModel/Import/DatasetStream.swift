import Foundation

/// Where the items of an import go: a store builder, a JSON writer, or nothing (validation).
/// Chunks arrive in an order that never references ahead: the first holds the title, sources,
/// actors, events and relations; the later ones hold quotes (and, from Quotebank, the new
/// speakers and sites those quotes need, in the same chunk).
public protocol DatasetSink: AnyObject {
  func add(_ chunk: Dataset) throws(DatasetLoadError)
  /// Quotes already checked against every item added before, with their resolved dates (one
  /// per quote). A sink that checks quotes itself can skip that; by default they are added as
  /// a chunk.
  func add(checkedQuotes quotes: [Quote], dates: [ResolvedDate]) throws(DatasetLoadError)
}

extension DatasetSink {
  public func add(checkedQuotes quotes: [Quote], dates: [ResolvedDate]) throws(DatasetLoadError) {
    try add(Dataset(quotes: quotes))
  }
}

/// Progress of a long read, for a progress bar.
public struct ImportProgress: Sendable, Equatable {
  /// "checking" during the first pass over dataset files, "importing" while items go out.
  public var phase: String
  public var quotes: Int
  public var bytesDone: Int
  /// nil when unknown (standard input).
  public var bytesTotal: Int?

  public init(phase: String, quotes: Int, bytesDone: Int, bytesTotal: Int?) {
    self.phase = phase
    self.quotes = quotes
    self.bytesDone = bytesDone
    self.bytesTotal = bytesTotal
  }
}

/// Counts of what an import or a validation read.
public struct ImportSummary: Sendable, Equatable {
  public var sources = 0
  public var actors = 0
  public var events = 0
  public var quotes = 0
  public var relations = 0
  /// Malformed lines skipped with `--skip-bad`, and the first few of their diagnostics.
  public var skippedLines = 0
  public var skipped: [Diagnostic] = []

  public init() {}

  mutating func count(_ chunk: Dataset) {
    sources += chunk.sources.count
    actors += chunk.actors.count
    events += chunk.events.count
    quotes += chunk.quotes.count
    relations += chunk.relations.count
  }
}

/// Reads a dataset (files and directories, merged as `DatasetLoader` merges them) in two passes
/// over its files, each read in pieces (`DatasetFileReader`): the first checks every file and
/// keeps only the sources, actors, events and relations (small beside the quotes); the second
/// reads the files again and checks and hands on their quotes a batch at a time. Memory follows
/// the non-quote items and one batch of quotes, not the size of a file or the number of quotes
/// (beside 20 bytes a quote to spot repeated ids).
public enum DatasetStream {
  /// Every problem in the dataset made of `paths`; the same diagnostics as
  /// `DatasetLoader.validate(paths:)` gives for one dataset, in the same order.
  public static func validate(paths: [String]) -> (
    diagnostics: [Diagnostic], summary: ImportSummary
  ) {
    do {
      let summary = try read(paths: paths, into: nil, collectAll: true)
      return ([], summary)
    } catch {
      return (error.diagnostics, ImportSummary())
    }
  }

  /// Reads the dataset at `paths` into `sink`. Throws every problem found, sink errors included;
  /// the sink may have received chunks by then (write to a temporary file).
  @discardableResult
  public static func read(
    paths: [String], into sink: (any DatasetSink)?,
    progress: ((ImportProgress) -> Void)? = nil
  ) throws(DatasetLoadError) -> ImportSummary {
    try read(paths: paths, into: sink, collectAll: false, progress: progress)
  }

  private struct QuoteSpot {
    var file: Int32
    var line: Int32
    var column: Int32
  }

  /// Pass 1 over the files: the skeleton (everything but the quotes), with the problems of every
  /// file and whether one could not be read or parsed. Quotes are skipped unless `checkQuotes`
  /// (then their syntax and shape are checked, and dropped).
  private static func firstPass(
    _ files: [String], checkQuotes: Bool, progress: ((ImportProgress) -> Void)?, totalBytes: Int
  ) throws(DatasetLoadError) -> (
    skeleton: LocatedDataset, diagnostics: [Diagnostic], unreadable: Bool
  ) {
    var skeleton = LocatedDataset()
    var diagnostics: [Diagnostic] = []
    var unreadable = false
    var bytesDone = 0
    for file in files {
      var located = LocatedDataset()
      var problems: [Diagnostic] = []
      let outcome = try DatasetFileReader.read(
        file, modes: .init(quotes: checkQuotes ? .decode : .skip, others: .decode)
      ) { batch, found throws(DatasetLoadError) in
        var batch = batch
        batch.dataset.quotes = []
        batch.quotes = []
        located.merge(batch)
        problems += found
      }
      switch outcome {
      case .read(let byteCount):
        diagnostics += problems
        skeleton.merge(located)
        bytesDone += byteCount
      case .unreadable(let problem), .invalid(let problem):
        diagnostics.append(problem)
        unreadable = true
      }
      progress?(
        ImportProgress(phase: "checking", quotes: 0, bytesDone: bytesDone, bytesTotal: totalBytes))
    }
    return (skeleton, diagnostics, unreadable)
  }

  private static func read(
    paths: [String], into sink: (any DatasetSink)?, collectAll: Bool,
    progress: ((ImportProgress) -> Void)? = nil
  ) throws(DatasetLoadError) -> ImportSummary {
    var diagnostics: [Diagnostic] = []
    var files: [String] = []
    var unreadable = false
    for path in paths {
      switch DatasetLoader.files(at: path) {
      case .failure(let error):
        diagnostics += error.diagnostics
        unreadable = true
      case .success(let found): files += found
      }
    }
    var fileOrder: [String: Int] = [:]
    for (index, file) in files.enumerated() where fileOrder[file] == nil {
      fileOrder[file] = index
    }
    let totalBytes = files.reduce(0) { total, file in
      total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
    }

    // Pass 1: syntax and shape of every file; everything but the quotes kept. An import skips
    // the quotes here (they are read, checked and handed on in pass 2); a validation checks
    // their syntax and shape too, to report every problem of every file. An import that finds a
    // problem reads again as a validation does, so what it reports does not depend on skipping.
    var (skeleton, found, unreadableFile) = try firstPass(
      files, checkQuotes: collectAll, progress: progress, totalBytes: totalBytes)
    if !collectAll && (unreadableFile || !found.isEmpty) {
      (skeleton, found, unreadableFile) = try firstPass(
        files, checkQuotes: true, progress: nil, totalBytes: totalBytes)
    }
    diagnostics += found
    unreadable = unreadable || unreadableFile
    func fail() -> DatasetLoadError {
      DatasetLoadError(diagnostics: DatasetLoader.inReadingOrder(diagnostics, files: fileOrder))
    }
    // With a file missing, references into it would all look unknown: report only the cause.
    if unreadable { throw fail() }
    let (checker, result) = DatasetChecker.prepare(skeleton)
    diagnostics += result.diagnostics
    if !diagnostics.isEmpty && !collectAll { throw fail() }

    var summary = ImportSummary()
    let first = Dataset(
      title: skeleton.dataset.title, sources: skeleton.dataset.sources,
      actors: skeleton.dataset.actors, events: skeleton.dataset.events,
      relations: skeleton.dataset.relations)
    summary.count(first)
    if let sink, diagnostics.isEmpty { try sink.add(first) }

    // Pass 2: the quotes, a batch at a time, read and checked on two threads (`QuoteReading`)
    // and taken here in file order. Repeated ids are found here: the first place of each id,
    // by a 64-bit hash of it.
    var seen: [UInt64: QuoteSpot] = [:]
    var bytesDone = 0
    let reading = QuoteReading(files: files, checker: checker, eventDates: result.eventDates)
    defer { reading.stop() }
    for fileIndex in files.indices {
      var fileProblems: [Diagnostic] = []
      var outcome: DatasetFileReader.Outcome?
      while outcome == nil {
        let batch: QuoteReading.Batch
        switch reading.next(file: fileIndex) {
        case .end(let end):
          outcome = end
          continue
        case .failure(let error):
          throw error
        case .batch(let next):
          batch = next
        }
        // Shape problems were reported by pass 1 in a validation; an import stops at them.
        if !collectAll && !batch.shape.isEmpty {
          fileProblems += batch.shape
          continue
        }
        let quotes = batch.quotes
        guard !quotes.isEmpty else { continue }
        var problems: [Diagnostic] = []
        for index in quotes.indices {
          if let problem = batch.idProblems[index] {
            problems.append(problem)
            continue
          }
          let position = batch.idPositions[index]
          let key = batch.idHashes[index]
          if let spot = seen[key] {
            problems.append(
              Diagnostic(
                path: batch.locations[index].path, line: position.line, column: position.column,
                message: duplicate(
                  quotes[index].id,
                  "the quote at \(files[Int(spot.file)]):\(spot.line):\(spot.column)")))
          } else {
            seen[key] = QuoteSpot(
              file: Int32(fileIndex), line: Int32(clamping: position.line),
              column: Int32(clamping: position.column))
          }
        }
        problems += batch.checked.diagnostics
        fileProblems += problems
        if !problems.isEmpty || !diagnostics.isEmpty || !fileProblems.isEmpty { continue }
        summary.quotes += quotes.count
        if let sink {
          let dates = batch.checked.dates.compactMap { $0 }
          if dates.count == quotes.count {
            try sink.add(checkedQuotes: quotes, dates: dates)
          } else {
            try sink.add(Dataset(quotes: quotes))
          }
        }
      }
      switch outcome {
      case .read(let byteCount):
        bytesDone += byteCount
        diagnostics += fileProblems
      case .unreadable(let problem), .invalid(let problem):
        // Changed since the first pass, or a quote that pass 1 skipped is not JSON.
        diagnostics.append(problem)
        throw fail()
      case nil:
        break
      }
      if !diagnostics.isEmpty && !collectAll { throw fail() }
      progress?(
        ImportProgress(
          phase: "importing", quotes: summary.quotes, bytesDone: bytesDone, bytesTotal: totalBytes))
    }
    if !diagnostics.isEmpty { throw fail() }
    return summary
  }

  static func duplicate(_ id: String, _ holder: String) -> String {
    "duplicate id '\(id)': already used by \(holder); give each source, actor, event and quote its own id"
  }
}

/// A store builder takes an import's chunks as they come.
extension StoreBuilder: DatasetSink {}
