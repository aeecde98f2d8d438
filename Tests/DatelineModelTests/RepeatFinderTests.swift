import DatelineTestSupport
import Foundation
import Testing

@testable import DatelineModel

/// Ids used twice are found with a run of id hashes in memory, the rest in a temporary file:
/// the same answers as keeping every id, in memory that does not follow the number of quotes.
@Suite struct RepeatFinderTests {
  @Test(arguments: [3, 64, 5000])
  func keysGivenTwiceAreFoundAcrossRuns(runLength: Int) {
    var random = SeededGenerator(seed: UInt64(runLength))
    let finder = RepeatFinder(runLength: runLength)
    var counts: [UInt64: Int] = [:]
    // Small keys repeat often; the extremes of the range are keys like any other.
    for step in 0..<2000 {
      let key: UInt64 =
        switch step % 500 {
        case 0: 0
        case 1: .max
        default: (random.next() % 3000) &* 0x9E37_79B9_7F4A_7C15
        }
      finder.add(key)
      counts[key, default: 0] += 1
    }
    #expect(finder.repeated() == .success(Set(counts.filter { $0.value > 1 }.keys)))
    #expect(finder.count == 2000)
    #expect(finder.mostHeld <= runLength)
  }

  /// Whether a key was given, answered from memory and from each run on disk.
  @Test(arguments: [1, 3, 64])
  func aKeyGivenIsFoundInEveryRun(runLength: Int) {
    let finder = RepeatFinder(runLength: runLength)
    let given = (0..<200).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
    for key in given { finder.add(key) }
    #expect(given.allSatisfy { finder.contains($0) })
    #expect(!given.contains { finder.contains($0 &+ 1) })
    #expect(!finder.contains(0 &- 1) && finder.contains(0))
  }

  @Test func distinctKeysRepeatNothing() {
    let finder = RepeatFinder(runLength: 3)
    for key in (0..<100).reversed() { finder.add(UInt64(key)) }
    #expect(finder.repeated() == .success([]))
    #expect(RepeatFinder(runLength: 3).repeated() == .success([]))
  }

  /// A dataset of many quotes: validating and importing it hold one run of id hashes, not one
  /// hash a quote (the test fails if the stream goes back to keeping every id in memory).
  @Test func aStreamHoldsOneRunOfQuoteIDs() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let dataset = RandomDataset.make(seed: 3, quotes: 120)
    let path = try scratch.write("d.json", DatasetWriter.utf8(dataset))
    let (validated, imported) = try RepeatFinder.$runLength.withValue(16) {
      try DatasetLoader.$wholeFileLimit.withValue(0) {
        let validated = DatasetStream.validate(paths: [path])
        #expect(validated.diagnostics.isEmpty)
        return (validated.summary, try DatasetStream.read(paths: [path], into: nil))
      }
    }
    #expect(validated.quotes == 120 && imported.quotes == 120)
    #expect(validated.quoteIDsHeld == 16 && imported.quoteIDsHeld == 16)
  }

  /// Ids used again far apart (many runs between them), in one file and across files: the
  /// diagnostics the whole-file check gives, each naming the first place of the id; and an
  /// import stops with them.
  @Test func idsUsedAgainFarApartAreLocated() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    var dataset = RandomDataset.make(seed: 4, quotes: 60)
    let count = dataset.quotes.count
    dataset.quotes[count - 1].id = dataset.quotes[0].id
    dataset.quotes[count - 2].id = dataset.quotes[1].id
    dataset.quotes[count - 3].id = dataset.quotes[0].id
    var later = Dataset()
    later.quotes = [dataset.quotes[5]]
    later.quotes[0].provenance.paragraph += 1
    _ = try scratch.write("a.json", DatasetWriter.utf8(dataset))
    _ = try scratch.write("b.json", DatasetWriter.utf8(later))
    var whole: [Diagnostic] = []
    do { _ = try DatasetLoader.load(path: scratch.url.path) } catch { whole = error.diagnostics }
    #expect(whole.count == 4)
    #expect(whole.allSatisfy { $0.message.contains("already used by the quote at") })
    RepeatFinder.$runLength.withValue(4) {
      DatasetLoader.$wholeFileLimit.withValue(0) {
        #expect(DatasetStream.validate(paths: [scratch.url.path]).diagnostics == whole)
        do throws(DatasetLoadError) {
          try DatasetStream.read(paths: [scratch.url.path], into: nil)
          Issue.record("the import went through")
        } catch {
          #expect(error.diagnostics == whole)
        }
      }
    }
  }

  /// A store built in chunks keeps its quote id hashes in a `RepeatFinder` too: an id used again
  /// in a later chunk is still found (and named) when the hashes span many runs on disk, and an
  /// actor that comes after the quotes may not take a quote's id.
  @Test func aBuilderFindsRepeatsThroughHashesOnDisk() throws {
    let dataset = RandomDataset.make(seed: 3, quotes: 40)
    let count = dataset.quotes.count
    try RepeatFinder.$runLength.withValue(4) {
      let builder = StoreBuilder()
      try builder.add(dataset)
      var again = Dataset(quotes: [dataset.quotes[30], dataset.quotes[2]])
      again.quotes[0].text = "another text"
      try builder.add(again)
      do {
        _ = try builder.finish()
        Issue.record("a repeated quote id was accepted")
      } catch let error as DatasetLoadError {
        #expect(
          error.diagnostics.map(\.path) == ["quotes[\(count)].id", "quotes[\(count + 1)].id"])
        #expect(
          error.diagnostics.last?.message.contains("already used by the quote at quotes[2].id")
            == true)
      }

      let late = StoreBuilder()
      try late.add(dataset)
      var actors = Dataset()
      actors.actors = [Actor(id: dataset.quotes[5].id, name: "Late", kind: .person)]
      try late.add(actors)
      do {
        _ = try late.finish()
        Issue.record("an actor with a quote's id was accepted")
      } catch let error as DatasetLoadError {
        #expect(error.diagnostics.map(\.path) == ["quotes[5].id"])
        #expect(
          error.diagnostics.first?.message.contains("already used by a source, actor or event")
            == true)
      }
    }
  }

  /// Many small files (a batch each) do not let the reading threads run ahead of a caller that
  /// takes its batches slowly: a few batches wait in all, not one a file.
  @Test func readingAheadStopsAtAFewBatches() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let quotes = RandomDataset.make(seed: 5, quotes: 30).quotes
    var files: [String] = []
    for (index, quote) in quotes.enumerated() {
      files.append(
        try scratch.write("q\(index).json", DatasetWriter.utf8(Dataset(quotes: [quote]))))
    }
    let (checker, _) = DatasetChecker.prepare(LocatedDataset())
    let reading = QuoteReading(files: files, checker: checker)
    defer { reading.stop() }
    // Unbounded, the threads put a batch for every file within a few milliseconds. The
    // caller's file (the first) is never held back: its batch may come on top.
    let bound = QuoteReading.totalCapacity + 1
    let start = Date()
    while Date().timeIntervalSince(start) < 0.1 && reading.batchesWaiting <= bound {
      usleep(2000)
    }
    #expect(reading.batchesWaiting <= bound)
    var read = 0
    for index in files.indices {
      while case .batch(let batch) = reading.next(file: index) { read += batch.quotes.count }
    }
    #expect(read == quotes.count)
  }
}
