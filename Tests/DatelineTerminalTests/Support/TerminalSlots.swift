import Testing

/// At most `TerminalSlots.count` real-terminal tests at once. They spend most of their time
/// waiting for a browser to draw, so running them one at a time made the suite the last to end
/// of a `swift test`; all at once would load a small machine enough to slow every screen they
/// wait for. A suite trait, so each test case (each argument of a parameterized test) takes a
/// slot for its whole run.
struct TerminalSlots: SuiteTrait, TestTrait, TestScoping {
  static let count = 3

  var isRecursive: Bool { true }

  func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    await Self.gate.enter()
    do {
      try await function()
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
