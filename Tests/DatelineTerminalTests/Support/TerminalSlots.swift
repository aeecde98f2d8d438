import Foundation
import Testing

/// At most `TerminalSlots.count` real-terminal tests at once. They spend most of their time
/// waiting for a browser to draw, so running them one at a time made the suite the last to end
/// of a `swift test`; all at once would load a small machine enough to slow every screen they
/// wait for. A suite trait, so each test case (each argument of a parameterized test) takes a
/// slot for its whole run.
///
/// The tests run on threads of their own (`TerminalThreads`), not on Swift Testing's pool: that
/// pool has one thread per core, which the synchronous tests keep busy for seconds at a time,
/// and each step of a terminal test (a key, then a wait) waited for one of them to come free,
/// so the terminal suite crept along beside them and ended last.
struct TerminalSlots: SuiteTrait, TestTrait, TestScoping {
  static let count = 3

  var isRecursive: Bool { true }

  func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    // The slot is taken and given back on the terminal threads too: an actor, a continuation
    // resumed without a preference or `Task.sleep` would wait for Swift Testing's pool, whose
    // queue holds every other test waiting to start (a first run kept three terminal tests
    // waiting there for the whole suite).
    if #available(macOS 15, *) {
      try await withTaskExecutorPreference(TerminalThreads.shared) {
        try await Self.gate.withSlot(function)
      }
    } else {
      try await Self.gate.withSlot(function)
    }
  }

  private static let gate = Gate(slots: count)

  /// A counting semaphore for tasks: waiters resume in arrival order (on their preferred
  /// executor, the terminal threads).
  private final class Gate: @unchecked Sendable {
    private let lock = NSLock()
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(slots: Int) { free = slots }

    func withSlot(_ body: () async throws -> Void) async throws {
      await enter()
      defer { leave() }
      try await body()
    }

    private func enter() async {
      await withCheckedContinuation { continuation in
        lock.lock()
        if free > 0 {
          free -= 1
          lock.unlock()
          continuation.resume()
        } else {
          waiting.append(continuation)
          lock.unlock()
        }
      }
    }

    private func leave() {
      lock.lock()
      if waiting.isEmpty {
        free += 1
        lock.unlock()
      } else {
        let next = waiting.removeFirst()
        lock.unlock()
        next.resume()
      }
    }
  }

  /// Waits `duration` on the calling thread. The terminal tests wait this way, not with
  /// `Task.sleep`: their threads are their own, and a sleeping task is woken through the
  /// global pool (see `provideScope`).
  static func pause(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    usleep(useconds_t(seconds * 1_000_000 + attoseconds / 1_000_000_000_000))
  }
}

extension Trait where Self == TerminalSlots {
  /// Runs the suite's tests side by side, `TerminalSlots.count` at a time.
  static var terminalSlots: Self { TerminalSlots() }
}

/// A task executor with `TerminalSlots.count` threads of its own: the terminal tests' code runs
/// there (a task keeps its task-locals, so expectations still belong to their test).
@available(macOS 15, *)
final class TerminalThreads: TaskExecutor, @unchecked Sendable {
  static let shared = TerminalThreads(threads: TerminalSlots.count)

  private let condition = NSCondition()
  private var jobs: [UnownedJob] = []

  private init(threads: Int) {
    for index in 0..<threads {
      let thread = Thread { [self] in
        Thread.current.name = "terminal \(index + 1)"
        work()
      }
      thread.start()
    }
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    condition.lock()
    jobs.append(job)
    condition.signal()
    condition.unlock()
  }

  private func work() {
    while true {
      condition.lock()
      while jobs.isEmpty { condition.wait() }
      let job = jobs.removeFirst()
      condition.unlock()
      job.runSynchronously(on: asUnownedTaskExecutor())
    }
  }
}
