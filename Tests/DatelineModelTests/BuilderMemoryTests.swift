import DatelineTestSupport
import Foundation
import Testing

@testable import DatelineModel

/// What a store build holds does not follow the number of events: an import hands the builder
/// its events checked and dated, and the builder writes them to a staging table at once and
/// keeps none; the import's checker keeps of the events only what the quotes need. Counted in
/// items, so each test fails if the events are held again; and the stores answer as the
/// reference does.
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

  /// Through the import's stream: no event is held once the items are in, and the same answers.
  @Test(arguments: Array(StoreEquivalenceTests.seeds.prefix(6)))
  func anImportHoldsNoEvents(seed: UInt64) throws {
    let dataset = StoreEquivalenceTests.withURLs(
      RandomDataset.make(seed: seed, quotes: 50), seed: seed)
    guard let reference = try? ReferenceTimeline(dataset: dataset) else { return }
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("d.json", DatasetWriter.utf8(dataset))
    let builder = StoreBuilder()
    try DatasetStream.read(paths: [path], into: builder)
    #expect(builder.eventsHeld == 0)
    Self.expectSameAnswers(try builder.finish(), reference, dataset)
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
    try builder.add(checkedSkeleton: skeleton, eventDates: SharedDates(dates))
    #expect(builder.eventsHeld == 0)
    try builder.add(Dataset(quotes: Array(dataset.quotes.prefix(10))))
    try builder.add(Dataset(quotes: Array(dataset.quotes.dropFirst(10))))
    Self.expectSameAnswers(try builder.finish(), reference, dataset)

    let refusing = StoreBuilder()
    try refusing.add(checkedSkeleton: skeleton, eventDates: SharedDates(dates))
    var stray = dataset.quotes[0]
    stray.event = "no-such-event"
    #expect(throws: DatasetLoadError.self) { try refusing.add(Dataset(quotes: [stray])) }
    refusing.discard()
  }

  /// Items that come unchecked after a checked skeleton take its written events back and write
  /// them again: a later source moves the "as of" day, so an event scheduled before it is no
  /// longer upcoming and moves up the chronology, as for the whole dataset at once.
  @Test func aLaterSourceAfterACheckedSkeletonMovesTheAsOfDay() throws {
    let early = Source(id: "s1", publisher: "P", title: "T", published: "2025-01-01")
    let late = Source(id: "s2", publisher: "P", title: "T2", published: "2025-02-01")
    let actor = Actor(id: "a", name: "Ann Lee", kind: .person)
    let events = [
      Event(
        id: "visit", headline: "A visit", summary: "Ann Lee visits.", date: .edtf("2025-01-05"),
        status: .scheduled, participants: ["a"], provenance: Provenance(source: "s1", paragraph: 1)),
      Event(
        id: "vote", headline: "A vote", summary: "A vote.", date: .edtf("2025-01-20"),
        status: .occurred, participants: ["a"], provenance: Provenance(source: "s1", paragraph: 2)),
    ]
    let skeleton = Dataset(sources: [early], actors: [actor], events: events)
    let quote = Quote(
      id: "q", text: "We will go.", speaker: "a", event: "visit",
      provenance: Provenance(source: "s2", paragraph: 1))
    let whole = Dataset(sources: [early, late], actors: [actor], events: events, quotes: [quote])
    let reference = try ReferenceTimeline(dataset: whole)
    #expect(reference.events.map(\.id) == ["visit", "vote"])
    #expect(reference.events.allSatisfy { !$0.isUpcoming })

    let builder = StoreBuilder()
    let dates = try Timeline.checkedDates(skeleton).events
    try builder.add(checkedSkeleton: skeleton, eventDates: SharedDates(dates))
    try builder.add(Dataset(sources: [late]))
    try builder.add(Dataset(quotes: [quote]))
    Self.expectSameAnswers(try builder.finish(), reference, whole)
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
  /// The events' sort keys are 24 bytes, and sort as the tuple of their fields does (upcoming
  /// last, then day, same-day order, precision, source, paragraph, input order; no source after
  /// every source).
  @Test func chronologicalKeysAreNarrowAndSortByTheirFields() {
    #expect(MemoryLayout<ChronologicalKey>.stride <= 24)
    var random = SeededGenerator(seed: 11)
    typealias Fields = (
      upcoming: Bool, day: Int, same: Int, precision: Int, source: Int, paragraph: Int
    )
    let fields: [Fields] = (0..<600).map { _ in
      (
        Bool.random(using: &random),
        [-800_000, -1, 0, 19_000, 1 << 40].randomElement(using: &random)!,
        Int.random(in: -1...1, using: &random), Int.random(in: 0...3, using: &random),
        [0, 1, 1_999, Int.max].randomElement(using: &random)!,
        [1, 2, 1_000_000].randomElement(using: &random)!
      )
    }
    let keys = fields.enumerated().map { index, field in
      ChronologicalKey(
        upcoming: field.upcoming, day: field.day, sameDayOrder: field.same,
        precision: field.precision, source: field.source, paragraph: field.paragraph, index: index)
    }
    let expected = fields.indices.sorted { a, b in
      let x = fields[a]
      let y = fields[b]
      return ((x.upcoming ? 1 : 0), x.day, x.same, x.precision)
        < ((y.upcoming ? 1 : 0), y.day, y.same, y.precision)
        || ((x.upcoming ? 1 : 0), x.day, x.same, x.precision)
          == ((y.upcoming ? 1 : 0), y.day, y.same, y.precision)
          && (x.source, x.paragraph, a) < (y.source, y.paragraph, b)
    }
    #expect(keys.sorted().map(\.index) == expected)
  }
}
