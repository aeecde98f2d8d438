import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds the 64-bit keys (hashes of quote ids) given more than once, in memory that does not
/// grow with their number: keys wait in a buffer of `runLength`; a full buffer is sorted and
/// written as a run to a `ScratchFile` (nothing is left behind, whatever happens); `repeated()`
/// merges the runs, reading a few kilobytes of each at a time.
///
/// A dataset of fewer keys than `runLength` never touches the disk. If the temporary file cannot
/// be written (a full disk), the keys stay in memory instead: slower to free, never wrong.
final class RepeatFinder {
  /// The message for a temporary file of quote ids that could not be read again, with what to
  /// do about it.
  static func readBackFailure(_ problem: String) -> String {
    "cannot read back the temporary file of quote ids (\(problem)); free space in the temporary directory or point TMPDIR at another disk, then run the command again"
  }

  /// Keys held in memory before they are written out: 2 MB. A task-local value so tests can
  /// make a few keys span many runs.
  @TaskLocal static var runLength = 1 << 18
  /// Keys read from each run at a time while merging.
  static let readLength = 1 << 10

  private let runLength: Int
  private var buffer: [UInt64] = []
  /// The runs written so far: where each starts in the file and how many keys it holds.
  private var runs: [(offset: Int, count: Int)] = []
  private var file: ScratchFile?
  private var cannotWrite = false
  /// Keys given so far.
  private(set) var count = 0
  /// The most keys this finder held in memory at once (a buffer's worth, while writing works):
  /// what a test checks to see that memory does not follow the number of keys.
  private(set) var mostHeld = 0

  init(runLength: Int = RepeatFinder.runLength) {
    self.runLength = max(runLength, 1)
  }

  func add(_ key: UInt64) {
    buffer.append(key)
    count += 1
    mostHeld = max(mostHeld, buffer.count)
    if buffer.count >= runLength && !cannotWrite { writeRun() }
  }

  /// Whether `key` was given: the keys in memory are searched, and each run on disk by halves,
  /// a key read at a time (a few dozen reads a run). Meant for rare questions, such as the
  /// "maybe" of a filter in front of it; true when a run cannot be read back, the cautious
  /// answer for a caller that avoids the keys given.
  func contains(_ key: UInt64) -> Bool {
    if buffer.contains(key) { return true }
    guard let file else { return false }
    for run in runs {
      var low = 0
      var high = run.count
      while low < high {
        let middle = (low + high) / 2
        var found: UInt64 = 0
        let problem = withUnsafeMutableBytes(of: &found) {
          file.read(into: $0, at: run.offset + middle * MemoryLayout<UInt64>.size)
        }
        guard problem == nil else { return true }
        if found == key { return true }
        if found < key { low = middle + 1 } else { high = middle }
      }
    }
    return false
  }

  /// The keys given more than once; a message when the runs cannot be read back.
  func repeated() -> Result<Set<UInt64>, RepeatFinderError> {
    buffer.sort()
    var sources: [RunCursor] = []
    if let file {
      for run in runs {
        sources.append(RunCursor(file: file, offset: run.offset, count: run.count))
      }
    }
    sources.append(RunCursor(keys: buffer))
    for index in sources.indices {
      sources[index].refill()
      if let problem = sources[index].failure {
        return .failure(RepeatFinderError(message: problem))
      }
    }
    var heap = SortedRunHeap(sources)
    var found = Set<UInt64>()
    var previous: UInt64?
    while let key = heap.first?.currentKey {
      if key == previous { found.insert(key) }
      previous = key
      var problem: String?
      heap.moveFirst { cursor in
        cursor.advance()
        problem = cursor.failure
      }
      if let problem { return .failure(RepeatFinderError(message: problem)) }
    }
    return .success(found)
  }

  private func writeRun() {
    buffer.sort()
    if file == nil { file = ScratchFile(name: "ids") }
    guard let file, let offset = buffer.withUnsafeBytes({ file.append($0) }) else {
      cannotWrite = true
      return
    }
    runs.append((offset: offset, count: buffer.count))
    buffer.removeAll(keepingCapacity: true)
  }
}

struct RepeatFinderError: Error, Equatable {
  var message: String
}

/// One sorted run, read a piece at a time (or held whole, for the keys still in memory).
private struct RunCursor: SortedRunCursor {
  private let file: ScratchFile?
  private var offset: Int
  private var left: Int
  private var keys: [UInt64]
  private var index = 0
  private(set) var failure: String?

  init(file: ScratchFile, offset: Int, count: Int) {
    self.file = file
    self.offset = offset
    left = count
    keys = []
  }

  init(keys: [UInt64]) {
    file = nil
    offset = 0
    left = 0
    self.keys = keys
  }

  var currentKey: UInt64? { index < keys.count ? keys[index] : nil }

  /// Moves to the next key, reading the next piece of the run when this one is used up.
  mutating func advance() {
    index += 1
    if index >= keys.count { refill() }
  }

  mutating func refill() {
    guard index >= keys.count, left > 0, let file else { return }
    let wanted = min(left, RepeatFinder.readLength)
    keys = [UInt64](repeating: 0, count: wanted)
    index = 0
    if let problem = keys.withUnsafeMutableBytes({ file.read(into: $0, at: offset) }) {
      failure = RepeatFinder.readBackFailure(problem)
      keys = []
      left = 0
      return
    }
    offset += wanted * MemoryLayout<UInt64>.size
    left -= wanted
  }
}
