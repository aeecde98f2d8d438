import DatelineModel
import Testing

/// Which runs share a few malloc arenas: those that may build a store, not a validation.
@Suite struct AllocatorTuningTests {
  @Test(arguments: [nil, "import", "browse", "events", "quotes", "export", "ingest", "build"])
  func runsThatMayBuildAStoreShareOneArena(command: String?) {
    #expect(AllocatorTuning.sharesArenas(command: command))
  }

  @Test func aValidationKeepsGlibcsArenas() {
    #expect(!AllocatorTuning.sharesArenas(command: "validate"))
  }
}
