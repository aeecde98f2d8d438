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
    await Self.gate.enter()
    do {
      if #available(macOS 15, *) {
        try await withTaskExecutorPreference(TerminalThreads.shared) { try await function() }
      } else {
        try await function()
      }
    } catch {
      await Self.gate.leave()
      throw error
    }
    await Self.gate.leave()
  }

  private static let gate = Gate(slots: count)

  /// A counting semaphore for tasks: waiters resume in arrival order.
  private actor Gate {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(slots: Int) { free = slots }

    func enter() async {
      if free > 0 {
        free -= 1
        return
      }
      await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
      if waiting.isEmpty {
        free += 1
      } else {
        waiting.removeFirst().resume()
      }
    }
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
