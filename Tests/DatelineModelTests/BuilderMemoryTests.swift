import DatelineTestSupport
import Foundation
import Testing

@testable import DatelineModel

/// What a store build holds does not follow the size of its input: an import hands the builder
/// its events checked and dated, and the builder writes them to the staging table at once and
/// keeps none; the quotes' order keys wait on disk in sorted runs; the import's checker keeps of
/// the events only what the quotes need. Counted in items, so each test fails if memory grows
/// with the input again; and the stores answer as the reference does.
@Suite struct BuilderMemoryTests {
  static func expectSameAnswers(
    _ timeline: Timeline, _ reference: ReferenceTimeline, _ dataset: Dataset
  ) {
    #expect(timeline.dataset == dataset)
    #expect(Array(timeline.events) == reference.events)
    #expect(Array(timeline.quotes) == reference.quotes)
    #expect(Array(timeline.actors) == reference.actors)
    #expect(timeline.asOf == reference.asOf)
    #expect(timeline.firstUpcomingEventIndex == reference.events.firstIndex(where: \.isUpcoming))
    for actor in dataset.actors {
      #expect(timeline.relatedActors(of: actor.id) == reference.relatedActors(of: actor.id))
      #expect(
        timeline.eventIndices(involving: actor.id) == reference.eventIndices(involving: actor.id))
    }
  }

  /// Through the import's stream: no event is held once the items are in, no more order keys
  /// than a run, and the same answers.
  @Test(arguments: Array(StoreEquivalenceTests.seeds.prefix(6)))
  func anImportHoldsNoEventsAndARunOfOrderKeys(seed: UInt64) throws {
    let dataset = StoreEquivalenceTests.withURLs(
      RandomDataset.make(seed: seed, quotes: 50), seed: seed)
    guard let reference = try? ReferenceTimeline(dataset: dataset) else { return }
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("d.json", DatasetWriter.utf8(dataset))
    try StoreBuilder.$orderRunLength.withValue(7) {
      let builder = StoreBuilder()
      try DatasetStream.read(paths: [path], into: builder)
      #expect(builder.eventsHeld == 0)
      #expect(builder.orderKeysHeld == min(7, dataset.quotes.count))
      let timeline = try builder.finish()
      Self.expectSameAnswers(timeline, reference, dataset)
    }
  }

  /// Quotes that come unchecked after a checked skeleton are checked against its events (read
  /// back from the staging table): an unknown event is refused, the rest answers as before.
  @Test func uncheckedQuotesAfterACheckedSkeletonAreCheckedWithItsEvents() throws {
    let dataset = RandomDataset.make(seed: 5, quotes: 30)
    let reference = try ReferenceTimeline(dataset: dataset)
    var skeleton = dataset
    skeleton.quotes = []
    let dates = try Timeline.checkedDates(skeleton).events
    let builder = StoreBuilder()
    try builder.add(checkedSkeleton: skeleton, eventDates: dates)
    #expect(builder.eventsHeld == 0)
    try builder.add(Dataset(quotes: Array(dataset.quotes.prefix(10))))
    try builder.add(Dataset(quotes: Array(dataset.quotes.dropFirst(10))))
    Self.expectSameAnswers(try builder.finish(), reference, dataset)

    let refusing = StoreBuilder()
    try refusing.add(checkedSkeleton: skeleton, eventDates: dates)
    var stray = dataset.quotes[0]
    stray.event = "no-such-event"
    #expect(throws: DatasetLoadError.self) { try refusing.add(Dataset(quotes: [stray])) }
    refusing.discard()
  }

  /// The checker an import keeps for the quotes holds no events, yet dates every quote as the
  /// whole dataset's check does (relative to an event, or by its event, with its headline).
  @Test(arguments: StoreEquivalenceTests.seeds)
  func aCheckerWithoutEventsDatesQuotesAsTheWholeCheckDoes(seed: UInt64) {
    let dataset = RandomDataset.make(seed: seed, quotes: 40)
    let whole = DatasetChecker.check(dataset)
    var skeleton = dataset
    skeleton.quotes = []
    var (checker, _) = DatasetChecker.prepare(skeleton)
    checker.keepOnlyWhatQuotesNeed()
    #expect(checker.dataset.events.isEmpty)
    let checked = checker.checkQuotes(dataset.quotes, locations: [])
    #expect(checked.dates == whole.quoteDates)
    #expect(checked.dates.map { $0?.explanation } == whole.quoteDates.map { $0?.explanation })
  }

  /// Keys sorted in runs on disk come back in order, whatever the run length; a run's worth is
  /// the most held.
  @Test(arguments: [1, 5, 64, 10_000])
  func sortedRunsMergeInOrder(runLength: Int) throws {
    var random = SeededGenerator(seed: UInt64(runLength))
    let runs = SortedRuns<QuoteOrderKey>(runLength: runLength, what: "test keys")
    var keys: [QuoteOrderKey] = []
    for input in 0..<3000 {
      let key = QuoteOrderKey(
        day: Int.random(in: -3...40, using: &random),
        sameDayOrder: Int.random(in: -1...1, using: &random),
        source: Int.random(in: 0...4, using: &random), paragraph: 1, input: input)!
      keys.append(key)
      runs.add(key)
    }
    var merged: [QuoteOrderKey] = []
    try runs.merge { merged.append($0) }
    #expect(merged.map(\.input) == keys.sorted().map(\.input))
    #expect(runs.mostHeld == min(runLength, 3000))
  }
}
