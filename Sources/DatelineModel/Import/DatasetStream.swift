import Foundation

/// Where the items of an import go: a store builder, a JSON writer, or nothing (validation).
/// Chunks arrive in an order that never references ahead: the first holds the title, sources,
/// actors, events and relations; the later ones hold quotes (and, from Quotebank, the new
/// speakers and sites those quotes need, in the same chunk).
public protocol DatasetSink: AnyObject {
  func add(_ chunk: Dataset) throws(DatasetLoadError)
  /// The first chunk (no quotes) already checked, with its events' resolved dates (one per
  /// event; nil only where checking reported a problem, which stops an import first). A sink
  /// that checks items itself can skip that; by default it is added as a chunk.
  func add(checkedSkeleton chunk: Dataset, eventDates: SharedDates) throws(DatasetLoadError)
  /// The same, for a large dataset whose events wait on disk (`chunk` holds none): `events`
  /// gives them in reading order. By default they are read into the chunk.
  func add(
    checkedSkeleton chunk: Dataset, shelvedEvents events: EventShelf, eventDates: SharedDates)
    throws(DatasetLoadError)
  /// New actors and sources, and quotes that name only them and the items added before, all
  /// checked by the caller (as a Quotebank import's mapper makes them: ids no item or quote
  /// has, dates given), with the quotes' resolved dates. By default they are added as a chunk.
  func add(checkedItems chunk: Dataset, quoteDates: [ResolvedDate]) throws(DatasetLoadError)
  /// Quotes already checked against every item added before, with their resolved dates (one
  /// per quote). A sink that checks quotes itself can skip that; by default they are added as
  /// a chunk.
  func add(checkedQuotes quotes: [Quote], dates: [ResolvedDate]) throws(DatasetLoadError)
}

extension DatasetSink {
  public func add(checkedSkeleton chunk: Dataset, eventDates: SharedDates)
    throws(DatasetLoadError)
  {
    try add(chunk)
  }

  public func add(
    checkedSkeleton chunk: Dataset, shelvedEvents events: EventShelf, eventDates: SharedDates
  ) throws(DatasetLoadError) {
    var chunk = chunk
    chunk.events = try events.allEvents()
    try add(checkedSkeleton: chunk, eventDates: eventDates)
  }

  public func add(checkedQuotes quotes: [Quote], dates: [ResolvedDate]) throws(DatasetLoadError) {
    try add(Dataset(quotes: quotes))
  }

  public func add(checkedItems chunk: Dataset, quoteDates: [ResolvedDate])
    throws(DatasetLoadError)
  {
    try add(chunk)
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
  /// The most quote ids (as hashes, or for Quotebank also as log records and the pending
  /// chunk's hashes) held in memory at once to find ids used twice, beyond which they wait in a
  /// temporary file: a run's worth, whatever the number of quotes. The larger of the dataset's
  /// and Quotebank's figure when an import reads both.
  public var quoteIDsHeld = 0
  /// The most events held in memory at once while checking and handing them on: all of them
  /// for a small dataset; for a large one, whose events wait on disk (`EventShelf`), a few
  /// thousand at most, however many it has.
  public var eventsHeld = 0

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
/// (ids used twice are found by hashes kept in a temporary file: `RepeatFinder`).
public enum DatasetStream {
  /// Datasets of at least this many bytes keep their events on disk while they are checked
  /// and imported (`EventShelf`); smaller ones hold them, which is quicker. A task-local value
  /// so tests can shelve a small dataset's events.
  @TaskLocal static var shelvingThreshold = 16 << 20
  /// Told each time a read found a problem with its shelved events and reads again holding
  /// them (tests count it).
  @TaskLocal static var readingAgainHeld: (@Sendable () -> Void)?

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

  /// Pass 1 over the files: the skeleton (everything but the quotes), with the problems of every
  /// file and whether one could not be read or parsed. Quotes are skipped unless `checkQuotes`
  /// (then their syntax and shape are checked, and dropped).
  private static func firstPass(
    _ files: [String], checkQuotes: Bool, progress: ((ImportProgress) -> Void)?, totalBytes: Int,
    shelf: EventShelf?
  ) throws(DatasetLoadError) -> (
    skeleton: LocatedDataset, diagnostics: [Diagnostic], unreadable: Bool
  ) {
    var skeleton = LocatedDataset()
    var diagnostics: [Diagnostic] = []
    var unreadable = false
    var bytesDone = 0
    // Events name a few sources many times: each event keeps one shared copy of the id, not
    // its own (100k events: 6 MB).
    var sourceIDs: [String: String] = [:]
    for (fileNumber, file) in files.enumerated() {
      var located = LocatedDataset()
      var problems: [Diagnostic] = []
      let outcome = try DatasetFileReader.read(
        file, modes: .init(quotes: checkQuotes ? .decode : .skip, others: .decode)
      ) { batch, found throws(DatasetLoadError) in
        var batch = batch
        batch.dataset.quotes = []
        batch.quotes = []
        if let shelf {
          try shelf.append(batch.dataset.events, locations: batch.events, file: fileNumber)
          batch.dataset.events = []
          batch.events = []
        }
        for index in batch.dataset.events.indices {
          let source = batch.dataset.events[index].provenance.source
          if let shared = sourceIDs[source] {
            batch.dataset.events[index].provenance.source = shared
          } else if sourceIDs.count < 65_536 {
            sourceIDs[source] = source
          }
        }
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
    progress: ((ImportProgress) -> Void)? = nil, shelving: Bool = true
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
    // A large dataset's events wait on disk. Any problem found with them there is reported by
    // reading again holding them, so that the report is the same whatever the size.
    // A temporary database that cannot even be made (no temporary directory): held.
    var shelf =
      shelving && !unreadable && totalBytes >= shelvingThreshold
      ? try? EventShelf(files: files) : nil
    var (skeleton, found, unreadableFile) = try firstPass(
      files, checkQuotes: collectAll, progress: progress, totalBytes: totalBytes, shelf: shelf)
    if (!collectAll || shelf != nil) && (unreadableFile || !found.isEmpty) {
      if shelf != nil { readingAgainHeld?() }
      shelf = nil
      (skeleton, found, unreadableFile) = try firstPass(
        files, checkQuotes: true, progress: nil, totalBytes: totalBytes, shelf: nil)
    }
    diagnostics += found
    unreadable = unreadable || unreadableFile
    func fail() -> DatasetLoadError {
      // Shelved events that could not be read look missing: report why instead.
      if let failure = shelf?.failure { return failure }
      return DatasetLoadError(
        diagnostics: DatasetLoader.inReadingOrder(diagnostics, files: fileOrder))
    }
    // With a file missing, references into it would all look unknown: report only the cause.
    if unreadable { throw fail() }
    var summary = ImportSummary()
    var checker: DatasetChecker
    // Quote ids are looked up among the item ids only when this filter has their hash. Held
    // items answer at once, so a small filter does; shelved events cost a query for each false
    // "maybe", so they get a large one (4 MB: 300k events, some 0.1% of quotes).
    var itemIDs =
      shelf == nil
      ? HashFilter(bitCountLog2: 21) : HashFilter(bitCountLog2: 25, bitsPerHash: 4)
    do {
      let result: DatasetChecker.Result
      if let shelf {
        try shelf.finishWriting()
        (checker, result) = DatasetChecker.prepare(skeleton, shelf: shelf)
        if let failure = shelf.failure { throw failure }
        if !result.diagnostics.isEmpty {
          readingAgainHeld?()
          return try read(
            paths: paths, into: sink, collectAll: collectAll, progress: progress, shelving: false)
        }
      } else {
        (checker, result) = DatasetChecker.prepare(skeleton)
      }
      diagnostics += result.diagnostics
      if !diagnostics.isEmpty && !collectAll { throw fail() }
      // The first pass kept no quotes: this is every item but them.
      let first = skeleton.dataset
      summary.count(first)
      if let sink, diagnostics.isEmpty {
        if let shelf {
          try sink.add(checkedSkeleton: first, shelvedEvents: shelf, eventDates: result.eventDates)
        } else {
          try sink.add(checkedSkeleton: first, eventDates: result.eventDates)
        }
      }
      for source in first.sources { itemIDs.insert(FNV1a.hash(source.id.utf8)) }
      for actor in first.actors { itemIDs.insert(FNV1a.hash(actor.id.utf8)) }
      if let shelf {
        summary.events = shelf.count
        try shelf.forEachID { _, id in itemIDs.insert(FNV1a.hash(id.utf8)) }
      } else {
        summary.eventsHeld = first.events.count
        for event in first.events { itemIDs.insert(FNV1a.hash(event.id.utf8)) }
      }
    }
    // The sink has the items: of the events the quotes need only ids, headlines and dates.
    skeleton = LocatedDataset()
    checker.keepOnlyWhatQuotesNeed()

    // Pass 2: the quotes, a batch at a time, read and checked on two threads (`QuoteReading`)
    // and taken here in file order. Ids used twice are found by a 64-bit hash of each id, kept
    // on disk rather than in memory (`RepeatFinder`), when the pass ends or stops; a third pass
    // then locates them (and tells a repeated id from two ids of the same hash).
    let repeats = RepeatFinder()
    func failWithRepeats(readUpTo last: Int) -> DatasetLoadError {
      diagnostics += repeatedQuoteIDs(repeats, files: files[...last], checker: checker)
      return fail()
    }
    var bytesDone = 0
    let reading = QuoteReading(files: files, checker: checker, itemIDs: itemIDs)
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
          } else {
            repeats.add(batch.idHashes[index])
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
      if !diagnostics.isEmpty && !collectAll { throw failWithRepeats(readUpTo: fileIndex) }
      progress?(
        ImportProgress(
          phase: "importing", quotes: summary.quotes, bytesDone: bytesDone, bytesTotal: totalBytes))
    }
    if let last = files.indices.last {
      diagnostics += repeatedQuoteIDs(repeats, files: files[...last], checker: checker)
    }
    if let failure = shelf?.failure { throw failure }
    if !diagnostics.isEmpty { throw fail() }
    summary.quoteIDsHeld = repeats.mostHeld
    if let shelf { summary.eventsHeld = shelf.mostHeld }
    return summary
  }

  /// The quotes of `files` whose ids an earlier quote already has, found again by reading the
  /// files (only when `repeats` saw a hash twice), each named with the first place of its id.
  private static func repeatedQuoteIDs(
    _ repeats: RepeatFinder, files: ArraySlice<String>, checker: DatasetChecker
  ) -> [Diagnostic] {
    let hashes: Set<UInt64>
    switch repeats.repeated() {
    case .success(let found): hashes = found
    case .failure(let error):
      return [Diagnostic(path: files.first ?? "-", line: 1, column: 1, message: error.message)]
    }
    guard !hashes.isEmpty else { return [] }
    var firsts: [String: String] = [:]
    var problems: [Diagnostic] = []
    let quotesOnly = DatasetFileReader.Modes(quotes: .decode, others: .skip)
    for file in files {
      // The file was read twice already: a problem now (it changed) was reported by pass 2.
      _ = try? DatasetFileReader.read(file, modes: quotesOnly) {
        batch, _ throws(DatasetLoadError) in
        for (index, (quote, location)) in zip(batch.dataset.quotes, batch.quotes).enumerated()
        where hashes.contains(FNV1a.hash(quote.id.utf8))
          && checker.quoteIDProblem(quote.id, index: index) == nil
        {
          let position = location.position(of: "id")
          if let first = firsts[quote.id] {
            problems.append(
              Diagnostic(
                path: location.path, line: position.line, column: position.column,
                message: duplicate(quote.id, "the quote at \(first)")))
          } else {
            firsts[quote.id] = "\(location.path):\(position.line):\(position.column)"
          }
        }
      }
    }
    return problems
  }

  static func duplicate(_ id: String, _ holder: String) -> String {
    "duplicate id '\(id)': already used by \(holder); give each source, actor, event and quote its own id"
  }
}

/// A store builder takes an import's chunks as they come.
extension StoreBuilder: DatasetSink {}
