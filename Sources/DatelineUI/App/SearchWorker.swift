import DatelineModel
import Foundation

/// Runs search effects off the input loop, one at a time, newest first in importance: a new
/// request makes every older one stale, and a stale search stops at its next look at
/// `isCancelled` and posts nothing.
///
/// Each search answers in two steps when it can: the first `firstRows` matches at once
/// (`count` nil), then all of them with the count. Finished answers wait in an inbox until the
/// loop takes them with `takeResults()`.
final class SearchWorker: @unchecked Sendable {
  private let lock = NSLock()
  private let queue = DispatchQueue(label: "dateline.search", qos: .userInitiated)
  private let timeline: Timeline
  private let engine: SearchEngine
  private let firstRows: Int
  // Guarded by `lock`.
  private var latest = 0
  private var outstanding = 0
  private var inbox: [BrowserMessage] = []

  /// How long the full count waits for the next key: 10 x 10 ms.
  static let countDelaySlices = 10
  static let sliceMicroseconds: UInt32 = 10_000

  init(timeline: Timeline, engine: SearchEngine, firstRows: Int) {
    self.timeline = timeline
    self.engine = engine
    self.firstRows = firstRows
  }

  /// Starts `request`; anything older still running is cancelled.
  func submit(_ request: SearchRequest) {
    lock.withLock {
      latest = max(latest, request.generation)
      outstanding += 1
    }
    queue.async { [self] in
      run(request)
      lock.withLock { outstanding -= 1 }
    }
  }

  /// Forgets every request: nothing running posts again.
  func cancelAll() {
    lock.withLock { latest = Int.max }
  }

  /// True while a search is running or queued, or answers wait to be taken.
  var isBusy: Bool {
    lock.withLock { outstanding > 0 || !inbox.isEmpty }
  }

  /// The answers finished since the last call, oldest first.
  func takeResults() -> [BrowserMessage] {
    lock.withLock {
      defer { inbox = [] }
      return inbox
    }
  }

  private func isStale(_ generation: Int) -> Bool {
    lock.withLock { latest != generation }
  }

  private func post(_ message: BrowserMessage, generation: Int) {
    lock.withLock {
      if latest == generation { inbox.append(message) }
    }
  }

  private func run(_ request: SearchRequest) {
    let generation = request.generation
    let cancelled = { self.isStale(generation) }
    guard !cancelled(),
      let first = engine.answer(timeline, request, firstRows, cancelled)
    else { return }
    if first.isComplete {
      post(
        .searchResults(generation: generation, rows: first.rows, count: first.rows.count),
        generation: generation)
      return
    }
    post(
      .searchResults(generation: generation, rows: first.rows, count: nil), generation: generation)
    // Count only once typing pauses: a burst of keys never waits for a full count.
    for _ in 0..<Self.countDelaySlices {
      if cancelled() { return }
      usleep(Self.sliceMicroseconds)
    }
    guard let all = engine.answer(timeline, request, nil, cancelled) else { return }
    post(
      .searchResults(generation: generation, rows: all.rows, count: all.rows.count),
      generation: generation)
  }
}
