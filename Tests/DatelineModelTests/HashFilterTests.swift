import DatelineTestSupport
import Testing

@testable import DatelineModel

/// The bit filter that saves look-ups never turns away a hash it holds.
@Suite struct HashFilterTests {
  @Test func everyHashGivenIsHeldAndMostOthersAreNot() {
    var filter = HashFilter(bitCountLog2: 12)
    let given = (0..<300).map { FNV1a.hash("id-\($0)".utf8) }
    for hash in given { filter.insert(hash) }
    #expect(given.allSatisfy { filter.mayContain($0) })
    let others = (0..<1000).filter { filter.mayContain(FNV1a.hash("other-\($0)".utf8)) }
    #expect(others.count < 150)
  }

  /// Six bits a hash in one word: every hash given is held, and once the filter is as full as
  /// above it says "maybe" for far fewer others than with one bit a hash.
  @Test func severalBitsAHashSayMaybeLessOften() {
    var one = HashFilter(bitCountLog2: 14)
    var six = HashFilter(bitCountLog2: 14, bitsPerHash: 6)
    let given = (0..<1200).map { FNV1a.hash("id-\($0)".utf8) }
    for hash in given {
      one.insert(hash)
      six.insert(hash)
    }
    #expect(given.allSatisfy { six.mayContain($0) })
    let others = (0..<10_000).map { FNV1a.hash("other-\($0)".utf8) }
    let maybeOne = others.filter { one.mayContain($0) }.count
    let maybeSix = others.filter { six.mayContain($0) }.count
    #expect(maybeSix * 10 < maybeOne, "\(maybeSix) against \(maybeOne)")
  }

  /// A quote that takes the id of a source, an actor or an event is reported when the dataset
  /// is read in pieces (where the filter spares the look-up of every other quote id), as the
  /// whole-file check reports it.
  @Test func aQuoteTakingAnItemsIDIsFoundWhenStreamed() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    var dataset = RandomDataset.make(seed: 5, quotes: 80)
    dataset.quotes[10].id = try #require(dataset.sources.first).id
    dataset.quotes[40].id = try #require(dataset.actors.last).id
    dataset.quotes[70].id = try #require(dataset.events.last).id
    let path = try scratch.write("d.json", DatasetWriter.utf8(dataset))
    var whole: [Diagnostic] = []
    do { _ = try DatasetLoader.load(path: path) } catch { whole = error.diagnostics }
    #expect(whole.count == 3)
    DatasetLoader.$wholeFileLimit.withValue(0) {
      #expect(DatasetStream.validate(paths: [path]).diagnostics == whole)
    }
  }
}
