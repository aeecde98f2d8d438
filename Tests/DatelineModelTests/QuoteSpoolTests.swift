import DatelineTestSupport
import Testing

@testable import DatelineModel

/// Staged quotes come back from the spool in chronological order, each with its columns as
/// they went in, whether the spool held them in memory or in many runs on disk.
@Suite struct QuoteSpoolTests {
  /// Random keys (ties broken by input order, as for quotes) and columns: NULL, empty, ASCII,
  /// UTF-8 and one longer than a read of a run.
  static func records(count: Int, seed: UInt64) -> [(QuoteOrderKey, UInt64, [String?])] {
    var random = SeededGenerator(seed: seed)
    let texts: [String?] = [
      nil, "", "a", "Peace talks resume.", "é “quoted” 日本",
      String(repeating: "long ", count: 70_000),
    ]
    return (0..<count).map { input in
      let key = QuoteOrderKey(
        day: [-800_000, -1, 0, 19_000, 19_001, 1 << 40].randomElement(using: &random)!,
        sameDayOrder: Int.random(in: -1...1, using: &random),
        source: [0, 1, 1999, Int(Int32.max)].randomElement(using: &random)!,
        paragraph: [1, 2, 1_000_000].randomElement(using: &random)!, input: input)
      let columns = (0..<3).map { _ in
        input % 97 == 5 ? texts.last! : texts.dropLast().randomElement(using: &random)!
      }
      return (key, UInt64(input) &* 0x9E37_79B9_7F4A_7C15, columns)
    }
  }

  static func spooled(_ records: [(QuoteOrderKey, UInt64, [String?])], runBytes: Int)
    -> QuoteSpool
  {
    let spool = QuoteSpool(runBytes: runBytes)
    for (key, hash, columns) in records {
      spool.beginRecord(key, idHash: hash)
      for (index, column) in columns.enumerated() {
        if index == 2, let column {
          spool.column { $0 += Array(column.utf8) }
        } else {
          spool.column(column)
        }
      }
      spool.endRecord()
    }
    return spool
  }

  static func merged(_ spool: QuoteSpool) throws -> [(QuoteOrderKey, UInt64, [String?])] {
    var out: [(QuoteOrderKey, UInt64, [String?])] = []
    try spool.merge { quote in
      let columns = (0..<3).map { _ in
        quote.nextColumn().map { String(decoding: $0, as: UTF8.self) }
      }
      out.append((quote.key, quote.idHash, columns))
    }
    return out
  }

  @Test(arguments: [1 << 30, 4096, 1])
  func recordsComeBackInOrderWithTheirColumns(runBytes: Int) throws {
    let records = Self.records(count: 500, seed: UInt64(runBytes))
    let spool = Self.spooled(records, runBytes: runBytes)
    let expected = records.sorted { $0.0 < $1.0 }
    for _ in 0..<2 {
      let out = try Self.merged(spool)
      #expect(out.map(\.0) == expected.map(\.0))
      #expect(out.map(\.1) == expected.map(\.1))
      #expect(out.map(\.2) == expected.map(\.2))
    }
    #expect(spool.count == records.count)
  }

  @Test func anEmptySpoolHandsOnNothing() throws {
    #expect(try Self.merged(QuoteSpool()).isEmpty)
  }

  /// The order of the columns the store sorted quotes by before: start day, same-day order,
  /// source, paragraph, input order.
  @Test func keysSortAsTheirColumns() {
    let records = Self.records(count: 400, seed: 3)
    let columns = records.map {
      ($0.0.day, $0.0.sameDayOrder, $0.0.source, $0.0.paragraph, $0.0.input)
    }
    let expected = columns.sorted { $0 < $1 }.map(\.4)
    #expect(records.map(\.0).sorted().map(\.input) == expected)
  }

  /// A store whose quotes spanned many runs answers as the reference does.
  @Test func aStoreBuiltThroughManyRunsAnswersAsTheReference() throws {
    let dataset = StoreEquivalenceTests.withURLs(RandomDataset.make(seed: 5, quotes: 300), seed: 5)
    let reference = try ReferenceTimeline(dataset: dataset)
    let timeline = try QuoteSpool.$runBytes.withValue(600) { try Timeline(dataset: dataset) }
    #expect(Array(timeline.quotes) == reference.quotes)
    #expect(timeline.dataset == dataset)
    for item in dataset.quotes {
      #expect(timeline.quoteIndex(id: item.id) == reference.quoteIndex(id: item.id))
    }
  }
}

/// The merge's read-ahead stays within `QuoteSpool.mergeBytes` however many runs there are.
@Suite struct QuoteSpoolMergeMemoryTests {
  @Test func piecesShrinkAsRunsGrowAndNeverBelowTheSmallest() {
    #expect(QuoteSpool.pieceBytes(runs: 1) == QuoteSpool.readBytes)
    for runs in [1, 2, 31, 32, 33, 500, 2_048, 2_049, 100_000] {
      let piece = QuoteSpool.pieceBytes(runs: runs)
      #expect(piece >= QuoteSpool.smallestPieceBytes)
      #expect(piece <= QuoteSpool.readBytes)
      #expect(piece * runs <= max(QuoteSpool.mergeBytes, runs * QuoteSpool.smallestPieceBytes))
    }
  }

  /// The buffer holds a run and the record that fills it, not twice a run (it grew by
  /// doubling: an 8 MB run took 16 MB).
  @Test func theBufferTakesARunAndALittleRoom() throws {
    let records = QuoteSpoolTests.records(count: 4_000, seed: 3).map { key, hash, columns in
      (key, hash, columns.map { $0.map { $0.count > 100 ? "long" : $0 } })
    }
    let runBytes = 64 << 10
    let spool = QuoteSpoolTests.spooled(records, runBytes: runBytes)
    #expect(spool.runsOnDisk > 2)
    #expect(spool.bufferCapacity <= runBytes + runBytes / 32 + 4096)
    #expect(try QuoteSpoolTests.merged(spool).map(\.0) == records.map(\.0).sorted())
  }

  @Test func aMergeOfManyRunsReadsASmallPieceOfEach() throws {
    // Columns of at most a few dozen bytes, so every record fits in the smallest piece.
    let records = QuoteSpoolTests.records(count: 20_000, seed: 7).map { key, hash, columns in
      (key, hash, columns.map { $0.map { $0.count > 100 ? "long" : $0 } })
    }
    let spool = QuoteSpoolTests.spooled(records, runBytes: 64 << 10)
    let merged = try QuoteSpool.$mergeBytes.withValue(16 << 10) {
      try QuoteSpoolTests.merged(spool)
    }
    #expect(spool.runsOnDisk > 8)
    #expect(spool.readAheadAtMergeStart <= spool.runsOnDisk * QuoteSpool.smallestPieceBytes)
    let expected = records.sorted { $0.0 < $1.0 }
    #expect(merged.map(\.0) == expected.map(\.0))
    #expect(merged.map(\.2) == expected.map(\.2))
  }
}
