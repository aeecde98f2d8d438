/// The quoteIDs a Quotebank import has taken so far, in memory that does not grow with their
/// number (a set of their hashes took 16 MB a million quotes, 2 GB for all of Quotebank).
///
/// - Whether an id was taken (a new actor or source id must not be one): a filter of the ids'
///   hashes (`HashFilter`, 4 MB) says "no" at once for nearly every id; a "maybe" is settled by
///   the hashes themselves, kept in a `RepeatFinder` (sorted runs on disk). So the answer is
///   exactly that of a set of every hash, as before.
/// - Which ids were taken again: known at the end of the input (or at a failure). An id taken
///   again was a "maybe" of the filter when it came; so are a few others. Every id goes with
///   its file and line to a log in a `ScratchFile`; the hashes of the "maybe"s (or, past
///   `suspectLimit` of them, the hashes the `RepeatFinder` was given twice) pick out the ids to
///   compare in one read of the log, so two ids of the same hash are not taken for a repeat.
///   Without a "maybe" (the usual case) nothing is read.
///
/// If the temporary file cannot be written (a full disk), the log stays in memory instead:
/// slower to free, never wrong.
final class SeenQuoteIDs {
  /// Bits of the filter, as a power of two: 4 MB, about one "maybe" in 10,000 new ids at a
  /// million quotes and one in 200 at three million (a larger one costs more cache misses a
  /// quote than it saves). A task-local value so tests can make it say "maybe" for everything.
  @TaskLocal static var filterBitCountLog2 = 25
  /// Bytes of the log held before they are written out. A task-local value so tests can make a
  /// few ids span many writes.
  @TaskLocal static var logBufferBytes = 1 << 20
  /// How an id is hashed instead of FNV-1a. A task-local value so tests can give different ids
  /// the same hash.
  @TaskLocal static var hashForTests: (@Sendable (String) -> UInt64)?
  /// The most hashes of "maybe"s kept to look for repeats; past it, the `RepeatFinder` finds
  /// them. A task-local value so tests can go past it.
  @TaskLocal static var suspectLimit = 1 << 16

  /// Where a quoteID was read: the input (in the order the inputs were read), its line, and
  /// its quote's place among the quotes taken.
  struct Place: Equatable {
    var file: Int
    var line: Int
    var position: Int
    var id: String
    /// The input of the id's first time: `earlierInput` for a quote of a dataset imported
    /// before the lines.
    var firstFile = 0
  }

  /// The input number of ids taken from a dataset imported before the lines (`add` them with
  /// it, and line 0): a line that takes one again is a repeat of a dataset's quote.
  static let earlierInput = Int(UInt32.max)

  private var filter = HashFilter(bitCountLog2: SeenQuoteIDs.filterBitCountLog2, bitsPerHash: 6)
  private let hashes = RepeatFinder()
  private let hashForTests = SeenQuoteIDs.hashForTests
  private let suspectLimit = SeenQuoteIDs.suspectLimit
  /// The hashes the filter said "maybe" for when they were taken: those of every repeat.
  private var suspects: Set<UInt64> = []
  private var suspectsOverflowed = false
  private let logBufferBytes = SeenQuoteIDs.logBufferBytes
  /// Records of the ids not yet written: line (8 bytes), input (4), id length (4), id.
  private var log: [UInt8] = []
  private var logRecords = 0
  private var logFile: ScratchFile?
  private var cannotWrite = false
  /// The most hashes and log records this held in memory at once: what a test checks to see
  /// that memory does not follow the number of quotes.
  private(set) var mostHeld = 0

  /// The hash of an id.
  func hash(_ id: String) -> UInt64 {
    hashForTests?(id) ?? FNV1a.hash(id.utf8)
  }

  private func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    guard let hashForTests else { return FNV1a.hash(bytes) }
    return hashForTests(String(decoding: bytes, as: UTF8.self))
  }

  /// Whether an id of this hash may have been taken (false: it was not).
  func mayContain(hash idHash: UInt64) -> Bool { filter.mayContain(idHash) }

  /// Takes `id` (of hash `idHash`), the quote's at `line` of input `file`; `maybe` is what
  /// `mayContain` answered for it.
  func add(_ id: String, hash idHash: UInt64, maybe: Bool, file: Int, line: Int) {
    if maybe && !suspectsOverflowed {
      suspects.insert(idHash)
      if suspects.count > suspectLimit {
        suspectsOverflowed = true
        suspects = []
      }
    }
    filter.insert(idHash)
    hashes.add(idHash)
    appendLog(line: line, file: file, id: id)
    logRecords += 1
    mostHeld = max(mostHeld, hashes.mostHeld + logRecords + suspects.count)
    if log.count >= logBufferBytes && !cannotWrite { writeLog() }
  }

  /// Whether a quote took `id` (hashes compared, as a set of hashes would).
  func contains(_ id: String) -> Bool {
    let idHash = hash(id)
    return filter.mayContain(idHash) && hashes.contains(idHash)
  }

  /// The ids taken again after their first time, in the order taken (the first `limit` of
  /// them); a message when the temporary files cannot be read back.
  func repeats(limit: Int = .max) -> Result<[Place], RepeatFinderError> {
    var candidates = suspects
    if suspectsOverflowed {
      switch hashes.repeated() {
      case .success(let found): candidates = found
      case .failure(let error): return .failure(error)
      }
    }
    guard !candidates.isEmpty else { return .success([]) }
    var firstTimes: [String: Int] = [:]
    var found: [Place] = []
    var position = 0
    let problem = readLog { record in
      defer { position += 1 }
      guard candidates.contains(hash(record.id)) else { return true }
      let id = String(decoding: record.id, as: UTF8.self)
      // Ids taken before the lines (a dataset's, a TimelineJS input's) repeating each other are
      // the store's to report: only a line is a repeat here.
      if let firstFile = firstTimes[id], record.file != Self.earlierInput {
        found.append(
          Place(
            file: record.file, line: record.line, position: position, id: id,
            firstFile: firstFile))
      } else if firstTimes[id] == nil {
        firstTimes[id] = record.file
      }
      return found.count < limit
    }
    if let problem { return .failure(RepeatFinderError(message: problem)) }
    return .success(found)
  }

  private func appendLog(line: Int, file: Int, id: String) {
    var id = id
    id.withUTF8 { bytes in
      let header = (
        UInt64(line).littleEndian, UInt32(truncatingIfNeeded: file).littleEndian,
        UInt32(bytes.count).littleEndian
      )
      withUnsafeBytes(of: header) { log.append(contentsOf: $0) }
      log.append(contentsOf: bytes)
    }
  }

  private func writeLog() {
    if logFile == nil { logFile = ScratchFile(name: "quoteids") }
    guard let logFile, log.withUnsafeBytes({ logFile.append($0) }) != nil else {
      cannotWrite = true
      return
    }
    log.removeAll(keepingCapacity: true)
    logRecords = 0
  }

  /// Hands each record of the log to `body` (its id's bytes valid during the call), in the order
  /// taken, until it returns false; a message when the file cannot be read back. Reads the file
  /// a megabyte at a time.
  private func readLog(
    _ body: ((file: Int, line: Int, id: UnsafeRawBufferPointer)) -> Bool
  ) -> String? {
    var pending: [UInt8] = []
    /// Hands on the whole records in `pending` (keeping one cut short at its end); false when
    /// `body` asked to stop.
    func handOn() -> Bool {
      var start = 0
      let going = pending.withUnsafeBytes { bytes in
        while start + 16 <= bytes.count {
          func field<Value: FixedWidthInteger>(_ offset: Int, _: Value.Type) -> Int {
            Int(
              Value(
                littleEndian: bytes.loadUnaligned(fromByteOffset: start + offset, as: Value.self)))
          }
          let length = field(12, UInt32.self)
          guard start + 16 + length <= bytes.count else { break }
          let id = UnsafeRawBufferPointer(rebasing: bytes[(start + 16)..<(start + 16 + length)])
          let record = (file: field(8, UInt32.self), line: field(0, UInt64.self), id: id)
          start += 16 + length
          guard body(record) else { return false }
        }
        return true
      }
      pending.removeFirst(start)
      return going
    }
    if let logFile {
      var offset = 0
      while offset < logFile.size {
        var piece = [UInt8](repeating: 0, count: min(1 << 20, logFile.size - offset))
        if let problem = piece.withUnsafeMutableBytes({ logFile.read(into: $0, at: offset) }) {
          return RepeatFinder.readBackFailure(problem)
        }
        offset += piece.count
        pending += piece
        guard handOn() else { return nil }
      }
    }
    // The records still in memory follow those in the file.
    pending += log
    _ = handOn()
    return nil
  }
}
