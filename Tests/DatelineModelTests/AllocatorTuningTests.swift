import DatelineModel
import Testing

/// Which runs share one malloc arena: those that may build a store, not a validation.
@Suite struct AllocatorTuningTests {
  @Test(arguments: [nil, "import", "browse", "events", "quotes", "export", "ingest", "build"])
  func runsThatMayBuildAStoreShareOneArena(command: String?) {
    #expect(AllocatorTuning.sharesOneArena(command: command))
  }

  @Test func aValidationKeepsAnArenaPerThread() {
    #expect(!AllocatorTuning.sharesOneArena(command: "validate"))
  }
}
