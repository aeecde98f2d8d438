import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Sorts fixed-size keys in memory that does not grow with their number: keys wait in a buffer
/// of `runLength`; a full buffer is sorted and written as a run to a temporary file (unlinked at
/// once, so nothing is left behind, whatever happens); `merge` reads the runs back a few
/// kilobytes of each at a time and hands every key on, smallest first.
///
/// Fewer keys than `runLength` never touch the disk. If the temporary file cannot be written (a
/// full disk), the keys stay in memory instead: slower to free, never wrong.
final class SortedRuns<Key: BitwiseCopyable & Comparable> {
  /// Keys read from each run at a time while merging.
  static var readLength: Int { 1 << 10 }

  private let runLength: Int
  /// What the keys are, for a message about the temporary file ("quote ids").
  private let what: String
  private var buffer: [Key] = []
  /// The runs written so far: where each starts in the file and how many keys it holds.
  private var runs: [(offset: Int, count: Int)] = []
  private var fileEnd = 0
  private var descriptor: Int32 = -1
  private var cannotWrite = false
  /// Keys given so far.
  private(set) var count = 0
  /// The most keys held in memory at once (a buffer's worth, while writing works): what tests
  /// check to see that memory does not follow the number of keys.
  private(set) var mostHeld = 0

  init(runLength: Int, what: String) {
    self.runLength = max(runLength, 1)
    self.what = what
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  func add(_ key: Key) {
    buffer.append(key)
    count += 1
    mostHeld = max(mostHeld, buffer.count)
    if buffer.count >= runLength && !cannotWrite { writeRun() }
  }

  /// Hands every key given to `body`, smallest first (equal keys in no particular order). Throws
  /// `SortedRunsError` when the runs cannot be read back, or what `body` throws.
  func merge(_ body: (Key) throws -> Void) throws {
    buffer.sort()
    var sources: [RunCursor<Key>] = []
    for run in runs {
      sources.append(
        RunCursor(descriptor: descriptor, offset: run.offset, count: run.count, what: what))
    }
    sources.append(RunCursor(keys: buffer))
    var heap = MergeHeap(sources)
    while let key = heap.popSmallest() { try body(key) }
    if let failure = heap.failure { throw SortedRunsError(message: failure) }
  }

  private func writeRun() {
    buffer.sort()
    if descriptor < 0 {
      var template = Array((NSTemporaryDirectory() + "/dateline-runs-XXXXXX").utf8CString)
      descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      guard descriptor >= 0 else {
        cannotWrite = true
        return
      }
      template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }
    let byteCount = buffer.count * MemoryLayout<Key>.stride
    let written = buffer.withUnsafeBytes { bytes in
      writeAll(descriptor, bytes.baseAddress!, byteCount, at: fileEnd)
    }
    guard written else {
      cannotWrite = true
      return
    }
    runs.append((offset: fileEnd, count: buffer.count))
    fileEnd += byteCount
    buffer.removeAll(keepingCapacity: true)
  }
}

struct SortedRunsError: Error, Equatable {
  var message: String
}

private func writeAll(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int, at offset: Int)
  -> Bool
{
  var done = 0
  while done < count {
    let result = pwrite(fd, bytes + done, count - done, off_t(offset + done))
    if result < 0 && errno == EINTR { continue }
    if result <= 0 { return false }
    done += result
  }
  return true
}

/// One sorted run, read a piece at a time (or held whole, for the keys still in memory).
private struct RunCursor<Key: BitwiseCopyable & Comparable> {
  private let descriptor: Int32
  private var offset: Int
  private var left: Int
  private var keys: [Key]
  private var index = 0
  private let what: String
  private(set) var failure: String?

  init(descriptor: Int32, offset: Int, count: Int, what: String) {
    self.descriptor = descriptor
    self.offset = offset
    left = count
    keys = []
    self.what = what
  }

  init(keys: [Key]) {
    descriptor = -1
    offset = 0
    left = 0
    self.keys = keys
    what = ""
  }

  var current: Key? { index < keys.count ? keys[index] : nil }

  /// Moves to the next key, reading the next piece of the run when this one is used up.
  mutating func advance() {
    index += 1
    if index >= keys.count { refill() }
  }

  mutating func refill() {
    guard index >= keys.count, left > 0 else { return }
    let wanted = min(left, SortedRuns<Key>.readLength)
    let byteCount = wanted * MemoryLayout<Key>.stride
    var problem: String?
    keys = [Key](unsafeUninitializedCapacity: wanted) { buffer, initialized in
      let base = UnsafeMutableRawPointer(buffer.baseAddress!)
      var done = 0
      while done < byteCount {
        let result = pread(descriptor, base + done, byteCount - done, off_t(offset + done))
        if result < 0 && errno == EINTR { continue }
        if result <= 0 {
          problem = result < 0 ? String(cString: strerror(errno)) : "it is shorter than written"
          break
        }
        done += result
      }
      initialized = problem == nil ? wanted : 0
    }
    index = 0
    if let problem {
      failure = "cannot read back the temporary file of \(what): \(problem)"
      keys = []
      left = 0
      return
    }
    offset += byteCount
    left -= wanted
  }
}

/// The runs' current keys in a binary min-heap: the smallest of all comes first.
private struct MergeHeap<Key: BitwiseCopyable & Comparable> {
  private var cursors: [RunCursor<Key>]
  private(set) var failure: String?

  init(_ sources: [RunCursor<Key>]) {
    cursors = []
    for var cursor in sources {
      cursor.refill()
      if let problem = cursor.failure { failure = problem }
      if cursor.current != nil { cursors.append(cursor) }
    }
    for index in stride(from: cursors.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
  }

  mutating func popSmallest() -> Key? {
    guard failure == nil, let smallest = cursors.first?.current else { return nil }
    cursors[0].advance()
    if let problem = cursors[0].failure {
      failure = problem
      return nil
    }
    if cursors[0].current == nil {
      cursors.swapAt(0, cursors.count - 1)
      cursors.removeLast()
    }
    if !cursors.isEmpty { siftDown(0) }
    return smallest
  }

  private mutating func siftDown(_ start: Int) {
    var parent = start
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < cursors.count, cursors[left].current! < cursors[smallest].current! {
        smallest = left
      }
      if right < cursors.count, cursors[right].current! < cursors[smallest].current! {
        smallest = right
      }
      if smallest == parent { return }
      cursors.swapAt(parent, smallest)
      parent = smallest
    }
  }
}
