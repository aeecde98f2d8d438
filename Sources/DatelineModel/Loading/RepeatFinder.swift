import Foundation

/// Finds the 64-bit keys (hashes of quote ids) given more than once, in memory that does not
/// grow with their number: the keys are sorted in runs of `runLength` on disk (`SortedRuns`)
/// and merged, equal keys side by side.
final class RepeatFinder {
  /// Keys held in memory before they are written out: 2 MB. A task-local value so tests can
  /// make a few keys span many runs.
  @TaskLocal static var runLength = 1 << 18

  private let keys: SortedRuns<UInt64>
  /// Keys given so far.
  var count: Int { keys.count }
  /// The most keys this finder held in memory at once (a run's worth, while writing works):
  /// what a test checks to see that memory does not follow the number of keys.
  var mostHeld: Int { keys.mostHeld }

  init(runLength: Int = RepeatFinder.runLength) {
    keys = SortedRuns(runLength: runLength, what: "quote ids")
  }

  func add(_ key: UInt64) {
    keys.add(key)
  }

  /// The keys given more than once; a message when the runs cannot be read back.
  func repeated() -> Result<Set<UInt64>, RepeatFinderError> {
    var found = Set<UInt64>()
    var previous: UInt64?
    do {
      try keys.merge { key in
        if key == previous { found.insert(key) }
        previous = key
      }
    } catch {
      return .failure(
        RepeatFinderError(message: (error as? SortedRunsError)?.message ?? "\(error)"))
    }
    return .success(found)
  }
}

struct RepeatFinderError: Error, Equatable {
  var message: String
}
