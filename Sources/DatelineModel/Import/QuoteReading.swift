import Foundation

/// The second pass of `DatasetStream` over a dataset's files: each file's quotes read, decoded
/// and checked (all that does not depend on other files) on threads of their own, two files at
/// a time, and taken by the caller in file order, a batch at a time. A file waits with a few
/// batches ready until the caller comes to it, and the threads stop reading ahead when a few
/// batches wait in all, so memory holds a few batches, whatever the size and the number of the
/// files (small files once ran ahead of a slower caller: a batch each, never full).
final class QuoteReading: @unchecked Sendable {
  /// A batch of one file's quotes with what the threads found about them.
  struct Batch {
    var quotes: [Quote]
    var locations: [ItemLocation]
    /// Problems of the items' shape (from the decoder).
    var shape: [Diagnostic]
    /// Per quote: the problem with its id found without the other files (empty, too long,
    /// held by a source, actor or event), or nil when it must still be checked against the
    /// quote ids seen before.
    var idProblems: [Diagnostic?]
    /// Per quote: the 64-bit hash of its id.
    var idHashes: [UInt64]
    var checked: (diagnostics: [Diagnostic], dates: [ResolvedDate?])
  }

  enum Item {
    case batch(Batch)
    /// The file is read: how it ended.
    case end(DatasetFileReader.Outcome)
    /// Reading it threw (the reader's own failure).
    case failure(DatasetLoadError)
  }

  private let files: [String]
  private let checker: DatasetChecker
  /// The hashes of the sources', actors' and events' ids, if given: a quote id whose hash it
  /// does not hold is none of theirs, and costs no look-up in the checker.
  private let itemIDs: HashFilter?
  private let chunkSize: Int
  private let condition = NSCondition()
  /// Guarded by `condition`.
  private var ready: [[Item]]
  private var nextFile = 0
  /// The file the caller is at: its items never wait for the bound on all files.
  private var callerFile = 0
  /// Batches ready in all files.
  private var waitingBatches = 0
  private var stopped = false
  private let group = DispatchGroup()
  /// Batches that wait for the caller, per file.
  private static let capacity = 3
  /// Batches that wait for the caller in all files: beyond it, a thread reading a file ahead of
  /// the caller's waits.
  static let totalCapacity = 8

  init(
    files: [String], checker: DatasetChecker, itemIDs: HashFilter? = nil, threads: Int = 2
  ) {
    self.files = files
    self.checker = checker
    self.itemIDs = itemIDs
    chunkSize = DatasetFileReader.chunkSize
    ready = Array(repeating: [], count: files.count)
    for _ in 0..<max(1, min(threads, files.count)) {
      group.enter()
      Thread.detachNewThread { [self] in
        work()
        group.leave()
      }
    }
  }

  deinit { stop() }

  /// The next item of file `index` (of the files in order), waiting for it. After `.end` or
  /// `.failure`, the file has no more.
  func next(file index: Int) -> Item {
    condition.lock()
    defer { condition.unlock() }
    if callerFile != index {
      callerFile = index
      condition.broadcast()
    }
    while ready[index].isEmpty { condition.wait() }
    let item = ready[index].removeFirst()
    if case .batch = item { waitingBatches -= 1 }
    condition.broadcast()
    return item
  }

  /// Batches ready now, in all files.
  var batchesWaiting: Int {
    condition.lock()
    defer { condition.unlock() }
    return waitingBatches
  }

  /// Stops the threads (after their current batch) and waits for them.
  func stop() {
    condition.lock()
    stopped = true
    condition.broadcast()
    condition.unlock()
    group.wait()
  }

  private struct Stopped: Error {}

  private func put(_ item: Item, file: Int, wait: Bool) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while wait && !stopped
      && (ready[file].count >= QuoteReading.capacity
        || (file != callerFile && waitingBatches >= QuoteReading.totalCapacity))
    {
      condition.wait()
    }
    if stopped { return false }
    if case .batch = item { waitingBatches += 1 }
    ready[file].append(item)
    condition.broadcast()
    return true
  }

  private func work() {
    let quotesOnly = DatasetFileReader.Modes(quotes: .decode, others: .skip)
    while true {
      condition.lock()
      let index = nextFile
      nextFile += 1
      let done = stopped || index >= files.count
      condition.unlock()
      if done { return }
      var checker = self.checker
      // The caller's chunk size (a task-local value that tests set) holds on this thread too.
      let item: Item = DatasetFileReader.$chunkSize.withValue(chunkSize) {
        do throws(DatasetLoadError) {
          let outcome = try DatasetFileReader.read(files[index], modes: quotesOnly) {
            batch, shape throws(DatasetLoadError) in
            let prepared = prepare(batch, shape: shape, checker: &checker)
            guard put(.batch(prepared), file: index, wait: true) else {
              throw DatasetLoadError(diagnostics: [])
            }
          }
          return .end(outcome)
        } catch {
          return .failure(error)
        }
      }
      if case .failure(let error) = item, error.diagnostics.isEmpty { return }  // stopped
      // The end never waits: the caller is at this file or will come to it.
      if !put(item, file: index, wait: false) { return }
    }
  }

  private func prepare(_ batch: LocatedDataset, shape: [Diagnostic], checker: inout DatasetChecker)
    -> Batch
  {
    let quotes = batch.dataset.quotes
    var idProblems: [Diagnostic?] = []
    var hashes: [UInt64] = []
    idProblems.reserveCapacity(quotes.count)
    hashes.reserveCapacity(quotes.count)
    for (quote, location) in zip(quotes, batch.quotes) {
      func problem(_ message: String) -> Diagnostic {
        let position = location.position(of: "id")
        return Diagnostic(
          path: location.path, line: position.line, column: position.column, message: message)
      }
      var found: Diagnostic?
      let hash = FNV1a.hash(quote.id.utf8)
      if DatasetChecker.isBlank(quote.id) {
        found = problem("the quote has an empty id; give it a short unique id such as \"quote-1\"")
      } else if quote.id.utf8.count > DatasetChecker.maximumIDLength,
        quote.id.unicodeScalars.count > DatasetChecker.maximumIDLength
      {
        found = problem(
          "the quote id is \(quote.id.unicodeScalars.count) characters long; ids are short slugs of at most \(DatasetChecker.maximumIDLength) characters (such as \"quote-1\")"
        )
      } else if itemIDs?.mayContain(hash) ?? true, let holder = checker.holder(of: quote.id) {
        found = problem(DatasetStream.duplicate(quote.id, holder))
      }
      idProblems.append(found)
      hashes.append(found == nil ? hash : 0)
    }
    let checked =
      quotes.isEmpty
      ? (diagnostics: [], dates: [])
      : checker.checkQuotes(quotes, locations: batch.quotes)
    return Batch(
      quotes: quotes, locations: batch.quotes, shape: shape, idProblems: idProblems,
      idHashes: hashes, checked: checked)
  }
}
