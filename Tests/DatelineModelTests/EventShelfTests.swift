import DatelineTestSupport
import Foundation
import Testing

@testable import DatelineModel

/// A large dataset's events wait on disk (`EventShelf`) while an import checks and writes them.
/// Here every dataset is shelved (the size threshold set to 0): the stores answer as the
/// reference does, problems are reported exactly as when the events are held, and the events
/// held at once stay a few blocks however many there are.
@Suite struct EventShelfTests {
  static func shelved<T>(_ body: () throws -> T) rethrows -> T {
    try DatasetStream.$shelvingThreshold.withValue(0) { try body() }
  }

  static func held<T>(_ body: () throws -> T) rethrows -> T {
    try DatasetStream.$shelvingThreshold.withValue(.max) { try body() }
  }

  /// The problems `paths` has, from a validation and from an import.
  static func problems(_ paths: [String]) -> (validation: [Diagnostic], import: [Diagnostic]) {
    var imported: [Diagnostic] = []
    do {
      try DatasetStream.read(paths: paths, into: StoreBuilder())
    } catch {
      imported = error.diagnostics
    }
    return (DatasetStream.validate(paths: paths).diagnostics, imported)
  }

  @Test(arguments: StoreEquivalenceTests.seeds)
  func aShelvedImportAnswersAsTheReferenceDoes(seed: UInt64) throws {
    let dataset = StoreEquivalenceTests.withURLs(
      RandomDataset.make(seed: seed, quotes: 50), seed: seed)
    let reference = try ReferenceTimeline(dataset: dataset)
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("d.json", DatasetWriter.utf8(dataset))
    let builder = StoreBuilder()
    let summary = try Self.shelved { try DatasetStream.read(paths: [path], into: builder) }
    #expect(builder.eventsHeld == 0)
    #expect(summary.events == dataset.events.count)
    BuilderMemoryTests.expectSameAnswers(try builder.finish(), reference, dataset)
  }

  /// Each kind of problem an event can have, or a quote or relation naming one, in a directory
  /// whose quotes are in a second file: the same report, shelved or held.
  @Test(arguments: Array(1...16) as [UInt64])
  func problemsAreReportedAsWhenTheEventsAreHeld(seed: UInt64) throws {
    var dataset = RandomDataset.make(seed: seed, quotes: 30)
    while dataset.events.count < 3 {
      var event = dataset.events.first ?? RandomDataset.make(seed: 2).events[0]
      event.id = "extra\(dataset.events.count)"
      event.date = .edtf("2025-02-20")
      event.provenance.source = dataset.sources[0].id
      event.participants = []
      dataset.events.append(event)
    }
    let events = dataset.events
    switch seed % 8 {
    case 0: dataset.events[2].id = events[0].id
    case 1: dataset.events[1].id = dataset.actors[0].id
    case 2: dataset.events[2].date = .stated(StatedDate(stated: "a day later", relativeTo: "gone"))
    case 3:
      dataset.events[0].date = .stated(StatedDate(stated: "a day later", relativeTo: events[1].id))
      dataset.events[1].date = .stated(StatedDate(stated: "a day later", relativeTo: events[0].id))
    case 4: dataset.events[1].participants.append("nobody")
    case 5:
      dataset.quotes[3].id = events[2].id
      dataset.quotes[5].event = "no-such-event"
    case 6:
      dataset.quotes[1].event = events[1].id
      dataset.quotes[1].date = nil
      dataset.quotes[2].date = .stated(StatedDate(stated: "later that day", relativeTo: "gone"))
      dataset.quotes[4].date = .stated(StatedDate(stated: "2025-02-31"))
    default:
      dataset.relations.append(
        Relation(
          from: dataset.actors[0].id, to: dataset.actors[1].id, kind: .metWith,
          event: "no-such-event", provenance: dataset.events[0].provenance))
    }
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    var items = dataset
    items.quotes = []
    _ = try scratch.write("a.json", DatasetWriter.utf8(items))
    _ = try scratch.write("b.json", DatasetWriter.utf8(Dataset(quotes: dataset.quotes)))
    let held = Self.held { Self.problems([scratch.url.path]) }
    let readsAgain = Locked(0)
    let countReadingAgain: @Sendable () -> Void = { readsAgain.withLock { $0 += 1 } }
    let shelved = DatasetStream.$readingAgainHeld.withValue(countReadingAgain) {
      Self.shelved { Self.problems([scratch.url.path]) }
    }
    #expect(!held.validation.isEmpty && !held.import.isEmpty)
    #expect(shelved.validation == held.validation)
    #expect(shelved.import == held.import)
    // The events' own problems are reported by reading again holding them (a validation and an
    // import: twice); the quotes' are found with the events on the shelf.
    let quoteProblems = seed % 8 == 5 || seed % 8 == 6
    #expect(readsAgain.withLock { $0 } == (quoteProblems ? 0 : 2))
  }

  /// Thousands of events, some dated from others in chains, named by quotes that take their
  /// dates: a few blocks of them are held at once, and the store is the one a held import
  /// writes.
  @Test func theEventsHeldAtOnceAreAFewBlocksHoweverMany() throws {
    let source = Source(
      id: "wire", publisher: "Wire", title: "T", published: "2025-02-24", url: nil)
    let actor = Actor(id: "ana", name: "Ana Diaz", kind: .person)
    let events = (0..<6_000).map { index in
      Event(
        id: "e\(index)", headline: "Meeting \(index)", summary: "Talks.",
        // Some dated from the event before, some from the first (an anchor far behind).
        date: index % 10 == 9
          ? .stated(
            StatedDate(stated: "the next day", relativeTo: index % 20 == 9 ? "e0" : "e\(index - 1)")
          )
          : .edtf("2025-0\(1 + index % 9)-1\(index % 10)"),
        status: .occurred, participants: index % 2 == 0 ? ["ana"] : [],
        provenance: Provenance(source: "wire", paragraph: 1 + index % 5))
    }
    let quotes = (0..<2_000).map { index in
      Quote(
        id: "q\(index)", text: "Said \(index)", speaker: "ana", event: "e\(index * 3)",
        date: index % 4 == 1
          ? .stated(StatedDate(stated: "the day before", relativeTo: "e\(index * 2)")) : nil,
        kind: .full, provenance: Provenance(source: "wire", paragraph: 1))
    }
    let dataset = Dataset(sources: [source], actors: [actor], events: events, quotes: quotes)
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("d.json", DatasetWriter.utf8(dataset))
    let heldBuilder = StoreBuilder()
    let held = try Self.held { try DatasetStream.read(paths: [path], into: heldBuilder) }
    let shelvedBuilder = StoreBuilder()
    let shelved = try Self.shelved {
      try DatasetStream.read(paths: [path], into: shelvedBuilder)
    }
    #expect(held.eventsHeld == 6_000)
    // A block read in order and the recent look-ups (`EventShelf.blockSize`, `recentLimit`).
    #expect(shelved.eventsHeld > 0 && shelved.eventsHeld <= 256 + 1024)
    let heldTimeline = try heldBuilder.finish()
    let shelvedTimeline = try shelvedBuilder.finish()
    #expect(Array(shelvedTimeline.events) == Array(heldTimeline.events))
    #expect(Array(shelvedTimeline.quotes) == Array(heldTimeline.quotes))
    #expect(
      shelvedTimeline.eventIndices(involving: "ana") == heldTimeline.eventIndices(involving: "ana"))
  }

  /// Ids that Swift and SQLite compare differently: canonically equivalent forms (Swift finds
  /// "café" written with a combining accent as the event "café"; SQLite compares bytes) and NUL
  /// characters. Shelved or held, the same store or the same report.
  @Test(arguments: 0..<4)
  func idsCompareAsSwiftComparesThem(variant: Int) throws {
    let composed = "caf\u{E9}"
    let decomposed = "cafe\u{301}"
    let source = Source(
      id: "wire", publisher: "Wire", title: "T", published: "2025-02-24", url: nil)
    let actor = Actor(id: "ana", name: "Ana Diaz", kind: .person)
    func event(_ id: String, _ date: DateSpec = .edtf("2025-02-20")) -> Event {
      Event(
        id: id, headline: "Meeting \(id)", summary: "Talks.", date: date, status: .occurred,
        participants: ["ana"], provenance: Provenance(source: "wire", paragraph: 1))
    }
    func quote(_ id: String, event: String?, date: DateSpec? = nil) -> Quote {
      Quote(
        id: id, text: "Said", speaker: "ana", event: event, date: date, kind: .full,
        provenance: Provenance(source: "wire", paragraph: 1))
    }
    var events = [event(composed), event("e\u{0}x"), event("plain")]
    var quotes = [
      quote("q1", event: decomposed),
      quote(
        "q2", event: nil, date: .stated(StatedDate(stated: "a day later", relativeTo: decomposed))),
      quote("q3", event: "e\u{0}x"),
    ]
    switch variant {
    case 0: break  // valid
    case 1: events.append(event(decomposed))  // the same id twice
    case 2: events.append(event("a\u{0}" + String(repeating: "x", count: 300)))  // too long
    default:
      quotes.append(quote("q4", event: "e\u{0}y"))  // unknown, differing after a NUL
      quotes.append(quote(decomposed, event: nil))  // a quote with an event's id
    }
    let dataset = Dataset(sources: [source], actors: [actor], events: events, quotes: quotes)
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("d.json", DatasetWriter.utf8(dataset))
    let held = Self.held { Self.problems([path]) }
    let shelved = Self.shelved { Self.problems([path]) }
    #expect(shelved.validation == held.validation)
    #expect(shelved.import == held.import)
    #expect(held.import.isEmpty == (variant == 0))
    guard variant == 0 else { return }
    let heldBuilder = StoreBuilder()
    try Self.held { _ = try DatasetStream.read(paths: [path], into: heldBuilder) }
    let shelvedBuilder = StoreBuilder()
    try Self.shelved { _ = try DatasetStream.read(paths: [path], into: shelvedBuilder) }
    let heldTimeline = try heldBuilder.finish()
    let shelvedTimeline = try shelvedBuilder.finish()
    #expect(Array(shelvedTimeline.events) == Array(heldTimeline.events))
    #expect(Array(shelvedTimeline.quotes) == Array(heldTimeline.quotes))
  }

  /// Quotebank lines imported after a dataset come checked by their mapper: the builder keeps
  /// the dataset's events written instead of taking them back to check the lines (none held),
  /// finds again the actors the events name (a speaker of the lines named in a headline), and
  /// answers as a store built from the merged dataset.
  @Test(arguments: [false, true])
  func linesAfterADatasetLeaveItsEventsWritten(shelve: Bool) throws {
    let wire = Source(id: "wire", publisher: "Wire", title: "T", published: "2020-01-16")
    let ann = Actor(id: "ann", name: "Ann Diaz", kind: .person)
    func event(_ id: String, _ headline: String) -> Event {
      Event(
        id: id, headline: headline, summary: "Talks.", date: .edtf("2020-01-1\(id.count)"),
        status: .occurred, participants: ["ann"],
        provenance: Provenance(source: "wire", paragraph: 1))
    }
    let dataset = Dataset(
      sources: [wire], actors: [ann],
      events: [event("e1", "Ann Diaz meets Nadia Taylor"), event("e22", "Ann Diaz speaks")],
      quotes: [
        Quote(
          id: "q1", text: "We met", speaker: "ann", event: "e1", date: nil, kind: .full,
          provenance: Provenance(source: "wire", paragraph: 2))
      ])
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let story = try scratch.write("story.json", DatasetWriter.utf8(dataset))
    let lines = try scratch.write(
      "q.jsonl",
      [
        QuotebankLines.line("qb1", "Good talks", speaker: "Nadia Taylor"),
        QuotebankLines.line("qb2", "No comment", speaker: "None", urls: []),
        QuotebankLines.line("qb3", "We agree", speaker: "Ann Diaz"),
      ].joined(separator: "\n") + "\n")
    let builder = StoreBuilder()
    try DatasetStream.$shelvingThreshold.withValue(shelve ? 0 : .max) {
      _ = try Importer().run(inputs: [story, lines], into: builder)
    }
    #expect(builder.eventsHeld == 0)
    let collected = CollectingSink()
    _ = try Importer().run(inputs: [story, lines], into: collected)
    let merged = collected.merged
    #expect(merged.actors.contains { $0.name == "Nadia Taylor" })
    BuilderMemoryTests.expectSameAnswers(
      try builder.finish(), try ReferenceTimeline(dataset: merged), merged)
  }

  /// Checked items whose source moves the "as of" day would change the written events' order
  /// (what is upcoming): then the builder takes the events back and checks the chunk as any
  /// other; a source without a day leaves them written. Both answer as the merged dataset.
  @Test(arguments: [false, true])
  func checkedItemsThatMoveTheAsOfDayAreCheckedAsAnyChunk(movesAsOf: Bool) throws {
    let wire = Source(id: "wire", publisher: "Wire", title: "T", published: "2020-01-16")
    let events = [
      Event(
        id: "e1", headline: "Talks", summary: "Talks.", date: .edtf("2020-01-20"),
        status: .scheduled, participants: ["ann"],
        provenance: Provenance(source: "wire", paragraph: 1))
    ]
    let skeleton = Dataset(
      sources: [wire], actors: [Actor(id: "ann", name: "Ann Diaz", kind: .person)], events: events)
    let late = Source(
      id: "late", publisher: "Late", title: "L", published: movesAsOf ? "2020-02-01" : "")
    let quote = Quote(
      id: "q1", text: "Later", speaker: "ann", event: nil, date: .edtf("2020-02-01"), kind: .full,
      provenance: Provenance(source: "late", paragraph: 1))
    let builder = StoreBuilder()
    try builder.add(
      checkedSkeleton: skeleton,
      eventDates: SharedDates(try Timeline.checkedDates(skeleton).events))
    try builder.add(
      checkedItems: Dataset(sources: [late], quotes: [quote]),
      quoteDates: [.given(try EDTFDate(parsing: "2020-02-01"))])
    #expect(builder.eventsHeld == (movesAsOf ? 1 : 0))
    var merged = skeleton
    merged.sources.append(late)
    merged.quotes = [quote]
    BuilderMemoryTests.expectSameAnswers(
      try builder.finish(), try ReferenceTimeline(dataset: merged), merged)
  }

  @Test func participantsSurviveAnyCharacters() {
    let lists = [[], [""], ["a", "", "ü\u{0}b", String(repeating: "x", count: 300)]]
    for list in lists {
      #expect(EventShelf.decode(EventShelf.encode(list)) == list)
    }
  }
}
