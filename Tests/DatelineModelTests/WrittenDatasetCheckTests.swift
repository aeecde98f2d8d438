import DatelineTestSupport
import Testing

@testable import DatelineModel

/// `DatasetLoader.problems(writing:)` decides on a dataset value what the loader would say about
/// the file `DatasetWriter` writes for it, without writing and parsing it (ingest relies on it
/// to never write what validate refuses). Held here to the loader itself: random datasets, valid
/// and broken in every way a value can be, get the same verdict both ways, and a value that
/// passes writes and loads back unchanged.
@Suite struct WrittenDatasetCheckTests {
  /// Text the writer must escape or pass through untouched.
  static let awkwardText = [
    "tab\there", "nul\u{0}byte", "bell\u{07}", "line\nbreak", "back\\slash", "\"quoted\"",
    "\u{2028}separator", "e\u{301}", "é", "😀 emoji", "\u{FEFF}bom", "/slash/", "",
  ]

  /// One random change to a valid dataset: a broken reference, id, date, paragraph or format,
  /// or awkward but valid text.
  static func mutate(_ dataset: inout Dataset, using random: inout SeededGenerator) {
    func pick<T>(_ list: [T]) -> T { list[Int.random(in: 0..<list.count, using: &random)] }
    func index(_ count: Int) -> Int? {
      count == 0 ? nil : Int.random(in: 0..<count, using: &random)
    }
    let paragraphs = [0, -1, 1_000_000, 1_000_001, Int.max, Int.min, 7]
    let badDates = ["2025-13-40", "", "soon", "2025-02-30", "2025-02-10/2025-02-01", "2025-02-2X"]
    switch Int.random(in: 0..<14, using: &random) {
    case 0:
      if let i = index(dataset.events.count) { dataset.events[i].id = pick(["", "  ", "\t"]) }
    case 1:
      if let i = index(dataset.events.count), let a = index(dataset.actors.count) {
        dataset.events[i].id = dataset.actors[a].id
      }
    case 2:
      if let i = index(dataset.quotes.count) {
        dataset.quotes[i].id = String(
          repeating: "q", count: Int.random(in: 199...201, using: &random))
      }
    case 3:
      if let i = index(dataset.quotes.count) { dataset.quotes[i].speaker = pick(["ghost", "s0"]) }
    case 4:
      if let i = index(dataset.events.count) { dataset.events[i].participants.append("ghost") }
    case 5:
      if let i = index(dataset.quotes.count) {
        dataset.quotes[i].provenance.paragraph = pick(paragraphs)
      }
    case 6:
      if let i = index(dataset.events.count) {
        dataset.events[i].provenance.paragraph = pick(paragraphs)
      }
    case 7:
      if let i = index(dataset.relations.count) {
        dataset.relations[i].provenance.paragraph = pick(paragraphs)
      }
    case 8:
      if let i = index(dataset.events.count) { dataset.events[i].date = .edtf(pick(badDates)) }
    case 9:
      if let i = index(dataset.events.count) {
        let target = pick([dataset.events[i].id, "ghost", dataset.events[0].id])
        dataset.events[i].date = .stated(
          StatedDate(stated: pick(["earlier that day", "soon"]), relativeTo: target))
      }
    case 10:
      dataset.format = pick(["dateline/2", "", Dataset.currentFormat])
    case 11:
      if let i = index(dataset.sources.count) {
        dataset.sources[i].published = pick(["yesterday", "2025-02-24T25:00Z", "2025-02-24"])
      }
    case 12:
      if let i = index(dataset.quotes.count) { dataset.quotes[i].provenance.source = "ghost" }
    default:
      dataset.title = pick(awkwardText)
      if let i = index(dataset.quotes.count) { dataset.quotes[i].text = pick(awkwardText) }
      if let i = index(dataset.actors.count) { dataset.actors[i].name = pick(awkwardText) }
      if let i = index(dataset.events.count) {
        dataset.events[i].headline = pick(awkwardText)
        dataset.events[i].location = pick(awkwardText)
      }
    }
  }

  @Test(arguments: [21, 22, 23] as [UInt64])
  func theValueCheckAgreesWithReadingTheWrittenFile(seed: UInt64) throws {
    var random = SeededGenerator(seed: seed)
    var verdicts: Set<Bool> = []
    for round in 0..<40 {
      var dataset = RandomDataset.make(seed: seed &* 1000 &+ UInt64(round), quotes: 6)
      for _ in 0..<Int.random(in: 0...2, using: &random) { Self.mutate(&dataset, using: &random) }
      let bytes = DatasetWriter.utf8(dataset)
      for whole in [true, false] {
        let decided = DatasetLoader.problems(writing: dataset, isWholeDataset: whole)
        let read = DatasetLoader.problems(inFile: bytes, path: "d.json", isWholeDataset: whole)
        #expect(
          decided.isEmpty == read.isEmpty,
          "seed \(seed) round \(round) whole \(whole): value says \(decided), file says \(read)")
        if whole { verdicts.insert(decided.isEmpty) }
      }
      if DatasetLoader.problems(writing: dataset).isEmpty {
        let loaded = try DatasetLoader.load(json: String(decoding: bytes, as: UTF8.self))
        #expect(loaded == dataset, "seed \(seed) round \(round)")
      }
    }
    // Both verdicts were reached: the mutations break datasets, and not all of them.
    #expect(verdicts == [true, false])
  }

  /// The value-only checks, each alone: the paragraph range and the format version.
  @Test func aParagraphOutOfRangeOrAnotherFormatIsRefused() {
    var dataset = RandomDataset.make(seed: 5, quotes: 3)
    #expect(DatasetLoader.problems(writing: dataset).isEmpty)
    dataset.quotes[1].provenance.paragraph = 0
    let problems = DatasetLoader.problems(writing: dataset, isWholeDataset: false)
    #expect(problems.map(\.path) == ["quotes[1].provenance.paragraph"])
    dataset.quotes[1].provenance.paragraph = 1_000_000
    #expect(DatasetLoader.problems(writing: dataset).isEmpty)
    dataset.format = "dateline/2"
    #expect(
      DatasetLoader.problems(writing: dataset, isWholeDataset: false).map(\.path) == ["format"])
  }
}
