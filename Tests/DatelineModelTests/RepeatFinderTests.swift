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
}
