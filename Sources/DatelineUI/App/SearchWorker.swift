import DatelineModel
import Foundation

/// Runs search effects off the input loop: rows on one queue, counts on another, so a page of
/// rows never waits behind a count. A new request for a pane makes every older one for that
/// pane stale, and a stale search stops at its next look at `isCancelled` and posts nothing.
///
/// Finished answers wait in an inbox until the loop takes them with `takeResults()`.
final class SearchWorker: @unchecked Sendable {
  private let lock = NSLock()
  private let rowsQueue = DispatchQueue(label: "dateline.search.rows", qos: .userInitiated)
  private let countQueue = DispatchQueue(label: "dateline.search.count", qos: .utility)
  private let timeline: Timeline
  private let engine: SearchEngine
  // Guarded by `lock`.
  /// The newest generation asked for each pane, by `Pane.rawValue`.
  private var latest = [Int](repeating: 0, count: Pane.allCases.count)
  private var outstanding = 0
  private var inbox: [BrowserMessage] = []
  private var stopped = false

  /// How long a count waits for the next key before it starts: 5 x 10 ms, so a burst of keys
  /// never spends a core on counts it would throw away.
  static let countDelaySlices = 5
  static let sliceMicroseconds: UInt32 = 10_000

  init(timeline: Timeline, engine: SearchEngine) {
    self.timeline = timeline
    self.engine = engine
  }

  /// Starts `request` (rows); anything older for its pane still running is cancelled.
  func submit(_ request: SearchRequest) {
    enqueue(request, on: rowsQueue) { self.runRows($0) }
  }

  /// Counts the matches of `request`, after the rows.
  func submitCount(_ request: SearchRequest) {
    enqueue(request, on: countQueue) { self.runCount($0) }
  }

  private func enqueue(
    _ request: SearchRequest, on queue: DispatchQueue,
    run: @escaping @Sendable (SearchRequest) -> Void
  ) {
    lock.withLock {
      latest[request.pane.rawValue] = max(latest[request.pane.rawValue], request.generation)
      outstanding += 1
    }
    queue.async { [self] in
      run(request)
      lock.withLock { outstanding -= 1 }
    }
  }

  /// Makes `generation` the newest for `pane` when the update answered it without a request
  /// (a cleared or restored query): an older search or count still running stops.
  func supersede(_ pane: Pane, generation: Int) {
    lock.withLock { latest[pane.rawValue] = max(latest[pane.rawValue], generation) }
  }

  /// Forgets every request: nothing running posts again.
  func cancelAll() {
    lock.withLock { stopped = true }
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

  private func isStale(_ request: SearchRequest) -> Bool {
    lock.withLock { stopped || latest[request.pane.rawValue] != request.generation }
  }

  private func post(_ message: BrowserMessage, for request: SearchRequest) {
    lock.withLock {
      if !stopped, latest[request.pane.rawValue] == request.generation { inbox.append(message) }
    }
  }

  private func runRows(_ request: SearchRequest) {
    let cancelled = { self.isStale(request) }
    guard !cancelled(), let answer = engine.answer(timeline, request, request.limit, cancelled)
    else { return }
    if request.offset == 0 {
      post(
        .searchResults(
          generation: request.generation, rows: answer.rows,
          count: answer.isComplete ? answer.rows.count : nil), for: request)
    } else {
      post(
        .searchPage(
          generation: request.generation, offset: request.offset, rows: answer.rows,
          isComplete: answer.isComplete), for: request)
    }
  }

  private func runCount(_ request: SearchRequest) {
    let cancelled = { self.isStale(request) }
    for _ in 0..<Self.countDelaySlices {
      if cancelled() { return }
      usleep(Self.sliceMicroseconds)
    }
    guard !cancelled(), let count = engine.count(timeline, request, cancelled) else { return }
    post(.searchCount(generation: request.generation, count: count), for: request)
  }
}
