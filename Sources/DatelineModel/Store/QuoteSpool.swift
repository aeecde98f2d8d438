/// Where a staged quote sorts in the chronology: start day, same-day order, source order,
/// paragraph, input order. The input order is each quote's own, so the order is total.
struct QuoteOrderKey: Comparable {
  var day: Int
  var sameDayOrder: Int
  var source: Int
  var paragraph: Int
  var input: Int

  static func < (lhs: QuoteOrderKey, rhs: QuoteOrderKey) -> Bool {
    (lhs.day, lhs.sameDayOrder, lhs.source, lhs.paragraph, lhs.input)
      < (rhs.day, rhs.sameDayOrder, rhs.source, rhs.paragraph, rhs.input)
  }
}

/// Checked and dated quotes on their way into the store, put in chronological order without a
/// database. Each quote is a record: its length, its place in the chronology (`QuoteOrderKey`,
/// five variable-length numbers), the 64-bit hash of its id, then its text columns as they will
/// be written (each a variable-length number, the byte count plus one or 0 for NULL, and its
/// UTF-8 bytes): a quote of the generated corpus takes about 200 bytes. Records collect in a
/// buffer; a full buffer is sorted by place and written as a run to a `ScratchFile`; `merge`
/// reads the runs together, a piece of each at a time, and hands the records on in
/// chronological order.
///
/// Memory holds one buffer and a piece of each run: at most `mergeBytes` of the runs in all, up
/// to 2,048 runs (16 GB of records, about 80 million quotes). A build of fewer quotes than a
/// buffer holds never touches the disk. If the file cannot be written (a full disk), the runs
/// stay in memory instead: slower to free, never wrong.
final class QuoteSpool {
  /// Bytes of records held before they are sorted and written out. A task-local value so tests
  /// can make a few quotes span many runs.
  @TaskLocal static var runBytes = 8 << 20
  /// Bytes read from each run at a time while merging (more when one record is larger), when
  /// the runs are few.
  static let readBytes = 1 << 18
  /// Bytes read ahead from all runs together while merging: with many runs (tens of millions
  /// of quotes) each run's piece shrinks, down to `smallestPieceBytes`, so that the merge does
  /// not grow with the quotes. A task-local value so tests can see the pieces shrink.
  @TaskLocal static var mergeBytes = 8 << 20
  static let smallestPieceBytes = 4096

  /// How much to read from each of `runs` runs at a time.
  static func pieceBytes(runs: Int) -> Int {
    max(smallestPieceBytes, min(readBytes, mergeBytes / max(runs, 1)))
  }

  private let runBytes: Int
  private var buffer: [UInt8] = []
  /// Each buffered record's place and where it starts in `buffer`.
  private var entries: [(key: QuoteOrderKey, offset: Int)] = []
  /// Where the record being written starts.
  private var recordStart = 0
  /// The bytes of a column written by a closure, before they are copied after their length.
  private var scratch: [UInt8] = []
  private var file: ScratchFile?
  private var cannotWrite = false
  /// Runs in the file (where each starts, and its bytes), and runs kept in memory.
  private var fileRuns: [(offset: Int, count: Int)] = []
  private var memoryRuns: [[UInt8]] = []
  /// Records given so far.
  private(set) var count = 0
  /// Runs written to the scratch file so far.
  var runsOnDisk: Int { fileRuns.count }
  /// Bytes the last merge held of the runs on disk once it had read the first record of each:
  /// what a test checks to see that the merge's memory does not follow the number of runs.
  private(set) var readAheadAtMergeStart = 0

  init(runBytes: Int = QuoteSpool.runBytes) {
    self.runBytes = max(runBytes, 1)
  }

  // MARK: Writing a record

  /// Starts the next record; its columns follow, then `endRecord()`.
  func beginRecord(_ key: QuoteOrderKey, idHash: UInt64) {
    recordStart = buffer.count
    entries.append((key, recordStart))
    append(UInt32(0))
    appendVarint(zigzag(key.day))
    appendVarint(zigzag(key.sameDayOrder))
    appendVarint(zigzag(key.source))
    appendVarint(zigzag(key.paragraph))
    appendVarint(zigzag(key.input))
    append(idHash)
  }

  /// A text column (NULL when nil).
  func column(_ text: String?) {
    guard var text else {
      buffer.append(0)
      return
    }
    text.withUTF8 { bytes in
      appendVarint(UInt64(bytes.count) + 1)
      buffer.append(contentsOf: bytes)
    }
  }

  /// A text column whose bytes `write` appends (never NULL).
  func column(_ write: (inout [UInt8]) -> Void) {
    scratch.removeAll(keepingCapacity: true)
    write(&scratch)
    appendVarint(UInt64(scratch.count) + 1)
    buffer.append(contentsOf: scratch)
  }

  func endRecord() {
    setLength(UInt32(buffer.count - recordStart), at: recordStart)
    count += 1
    if buffer.count >= runBytes && !cannotWrite { writeRun() }
    // Room for a full run and the record that fills it, reserved once the buffer is half
    // full (a small build never takes it): grown by doubling, the buffer took twice a run.
    if buffer.count >= runBytes / 2 && buffer.capacity < runBytes + lastRecordRoom {
      buffer.reserveCapacity(runBytes + lastRecordRoom)
    }
  }

  /// Room past a full run for the record that fills it: 256 KB of an 8 MB run.
  private var lastRecordRoom: Int { max(runBytes / 32, 256) }

  /// The buffer's allocated size (tests).
  var bufferCapacity: Int { buffer.capacity }

  private func append<Value: FixedWidthInteger>(_ value: Value) {
    withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
  }

  /// Seven bits a byte, low first; the high bit says another byte follows.
  private func appendVarint(_ value: UInt64) {
    var value = value
    while value >= 0x80 {
      buffer.append(UInt8(truncatingIfNeeded: value) | 0x80)
      value >>= 7
    }
    buffer.append(UInt8(value))
  }

  /// Small negative numbers as small unsigned ones: 0, -1, 1, -2, ... as 0, 1, 2, 3, ...
  private func zigzag(_ value: Int) -> UInt64 {
    UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
  }

  private func setLength(_ length: UInt32, at offset: Int) {
    buffer.withUnsafeMutableBytes {
      $0.storeBytes(of: length.littleEndian, toByteOffset: offset, as: UInt32.self)
    }
  }

  /// The buffered records in chronological order, and the buffer emptied.
  private func sortedBuffer() -> [UInt8] {
    entries.sort { $0.key < $1.key }
    var sorted: [UInt8] = []
    sorted.reserveCapacity(buffer.count)
    buffer.withUnsafeBytes { bytes in
      for (_, offset) in entries {
        let length = QuoteSpool.length(bytes, at: offset)
        sorted.append(contentsOf: bytes[offset..<(offset + length)])
      }
    }
    buffer.removeAll(keepingCapacity: true)
    entries.removeAll(keepingCapacity: true)
    return sorted
  }

  private func writeRun() {
    let run = sortedBuffer()
    if file == nil { file = ScratchFile(name: "quotes") }
    if let file, let offset = run.withUnsafeBytes({ file.append($0) }) {
      fileRuns.append((offset, run.count))
    } else {
      cannotWrite = true
      memoryRuns.append(run)
    }
  }

  // MARK: Reading the records back

  /// Hands every record to `body` in chronological order. May be called again (the records
  /// stay); no record may be added after the first call. Throws a message when the file cannot
  /// be read back, and what `body` throws.
  func merge(_ body: (inout StagedQuote) throws -> Void) throws {
    if !entries.isEmpty { memoryRuns.append(sortedBuffer()) }
    var cursors: [RunCursor] = []
    let pieceBytes = QuoteSpool.pieceBytes(runs: fileRuns.count)
    for run in fileRuns {
      guard let file else { break }
      cursors.append(
        RunCursor(file: file, offset: run.offset, count: run.count, pieceBytes: pieceBytes))
    }
    for index in cursors.indices { try cursors[index].load() }
    readAheadAtMergeStart = cursors.reduce(0) { $0 + $1.bytesHeld }
    for run in memoryRuns {
      var cursor = RunCursor(bytes: run)
      try cursor.load()
      cursors.append(cursor)
    }
    var heap = SortedRunHeap(cursors)
    while !heap.isEmpty {
      try heap.moveFirst { cursor in
        try cursor.withRecord(body)
        try cursor.advance()
      }
    }
  }

  /// The place of the record at `offset` in `bytes`, and where its id's hash is.
  fileprivate static func key(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> (
    QuoteOrderKey, hashAt: Int
  ) {
    var at = offset + 4
    func next() -> Int {
      let value = varint(bytes, at: &at)
      return Int(truncatingIfNeeded: value >> 1) ^ -Int(truncatingIfNeeded: value & 1)
    }
    let key = QuoteOrderKey(
      day: next(), sameDayOrder: next(), source: next(), paragraph: next(), input: next())
    return (key, at)
  }

  /// The variable-length number at `at` in `bytes`; `at` moves past it.
  fileprivate static func varint(_ bytes: UnsafeRawBufferPointer, at: inout Int) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let byte = bytes[at]
      at += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
  }

  /// The length of the record at `offset` in `bytes`.
  fileprivate static func length(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Int {
    Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
  }

  /// A record as `merge` hands it on: its place, its id's hash, and its columns read in order.
  struct StagedQuote {
    let key: QuoteOrderKey
    let idHash: UInt64
    private let bytes: UnsafeRawBufferPointer
    private var next: Int

    fileprivate init(_ bytes: UnsafeRawBufferPointer) {
      self.bytes = bytes
      let (key, hashAt) = QuoteSpool.key(bytes, at: 0)
      self.key = key
      idHash = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: hashAt, as: UInt64.self))
      next = hashAt + 8
    }

    /// The next text column's UTF-8 bytes (valid while the record is handed on), nil for NULL.
    mutating func nextColumn() -> UnsafeBufferPointer<UInt8>? {
      let length = QuoteSpool.varint(bytes, at: &next)
      guard length > 0 else { return nil }
      let start = next
      next += Int(length - 1)
      // The bytes are an array of `UInt8`'s.
      return UnsafeRawBufferPointer(rebasing: bytes[start..<next]).assumingMemoryBound(
        to: UInt8.self)
    }
  }
}

struct QuoteSpoolError: Error {
  var message: String
}

/// One sorted run of records, read a piece at a time (or held whole, for a run in memory).
private struct RunCursor: SortedRunCursor {
  private let file: ScratchFile?
  private var offset: Int
  private var left: Int
  private var bytes: [UInt8]
  /// Where the current record starts in `bytes`, and where the bytes read so far end.
  private var start = 0
  private var filled: Int
  /// The current record's place; nil past the last.
  private(set) var currentKey: QuoteOrderKey?

  /// Bytes read from the file at a time (more when one record is larger).
  private let pieceBytes: Int

  init(file: ScratchFile, offset: Int, count: Int, pieceBytes: Int) {
    self.file = file
    self.offset = offset
    left = count
    bytes = []
    filled = 0
    self.pieceBytes = pieceBytes
  }

  init(bytes: [UInt8]) {
    file = nil
    offset = 0
    left = 0
    self.bytes = bytes
    filled = bytes.count
    pieceBytes = 0
  }

  /// Bytes of the run held in memory now.
  var bytesHeld: Int { bytes.count }

  /// Makes the record at `start` whole in `bytes` (reading more of the run if need be) and
  /// reads its place.
  mutating func load() throws {
    guard try isWhole() else {
      currentKey = nil
      return
    }
    currentKey = bytes.withUnsafeBytes { QuoteSpool.key($0, at: start).0 }
  }

  mutating func advance() throws {
    start += bytes.withUnsafeBytes { QuoteSpool.length($0, at: start) }
    try load()
  }

  func withRecord(_ body: (inout QuoteSpool.StagedQuote) throws -> Void) rethrows {
    try bytes.withUnsafeBytes { all in
      let length = QuoteSpool.length(all, at: start)
      var record = QuoteSpool.StagedQuote(
        UnsafeRawBufferPointer(rebasing: all[start..<(start + length)]))
      try body(&record)
    }
  }

  /// Whether a record starts at `start`, read whole; false past the run's end.
  private mutating func isWhole() throws -> Bool {
    var needed = 4
    while true {
      if filled - start >= 4 {
        needed = bytes.withUnsafeBytes { QuoteSpool.length($0, at: start) }
        if filled - start >= needed { return true }
      }
      if left == 0 {
        if filled > start {
          throw QuoteSpoolError(
            message: "cannot read back the temporary file of quotes: it is shorter than written")
        }
        return false
      }
      try read(atLeast: needed)
    }
  }

  /// Moves the unread bytes to the front and reads the next piece of the run after them.
  private mutating func read(atLeast needed: Int) throws {
    guard let file else { return }
    let kept = filled - start
    let wanted = min(left, max(pieceBytes, needed - kept))
    var next = [UInt8](repeating: 0, count: kept + wanted)
    next.withUnsafeMutableBytes { destination in
      bytes.withUnsafeBytes { source in
        destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[start..<filled]))
      }
    }
    let problem = next.withUnsafeMutableBytes { destination in
      file.read(into: UnsafeMutableRawBufferPointer(rebasing: destination[kept...]), at: offset)
    }
    if let problem {
      throw QuoteSpoolError(message: "cannot read back the temporary file of quotes: \(problem)")
    }
    bytes = next
    start = 0
    filled = kept + wanted
    offset += wanted
    left -= wanted
  }
}
