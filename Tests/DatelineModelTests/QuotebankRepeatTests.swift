import DatelineTestSupport
import Foundation
import GRDB
import Testing

@testable import DatelineModel

/// A Quotebank import keeps the quoteIDs it took in memory that does not follow their number (a
/// filter, the rest in temporary files): a repeated quoteID is still found however far from its
/// first line, only a real repeat is, and new actor ids avoid exactly the quoteIDs taken.
@Suite struct QuotebankRepeatTests {
  /// Lines `q0`, `q1`, ... (or another prefix) with four speakers.
  static func lines(_ count: Int, prefix: String = "q") -> [String] {
    (0..<count).map {
      QuotebankLines.line("\(prefix)\($0)", "words \($0)", speaker: "S\($0 % 4)")
    }
  }

  /// Imports `lines` in chunks of three quotes, with the hashes in runs of four and the log of
  /// ids written every 64 bytes: a repeat many chunks, runs and writes away from its first line.
  func importing(_ lines: [String], skipBad: Bool = false, into sink: any DatasetSink)
    throws -> ImportSummary
  {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("quotes.jsonl", lines.joined(separator: "\n") + "\n")
    var importer = Importer(skipBad: skipBad)
    importer.chunkSize = 3
    return try RepeatFinder.$runLength.withValue(4) {
      try SeenQuoteIDs.$logBufferBytes.withValue(64) {
        try importer.run(inputs: [path], into: sink)
      }
    }
  }

  func importing(_ lines: [String], skipBad: Bool = false) throws -> (Dataset, ImportSummary) {
    let sink = CollectingSink()
    let summary = try importing(lines, skipBad: skipBad, into: sink)
    return (sink.merged, summary)
  }

  func failure(_ lines: [String]) -> Diagnostic? {
    do {
      _ = try importing(lines)
      return nil
    } catch let error as DatasetLoadError {
      return error.diagnostics.first
    } catch {
      return Diagnostic(path: "", line: 0, column: 0, message: "\(error)")
    }
  }

  /// Runs `body` with a filter that says "maybe" for nearly every id and room for two of their
  /// hashes, when `crowded`: repeats are then found by the hashes given twice.
  func maybes<Value>(_ crowded: Bool, _ body: () throws -> Value) rethrows -> Value {
    guard crowded else { return try body() }
    return try SeenQuoteIDs.$filterBitCountLog2.withValue(6) {
      try SeenQuoteIDs.$suspectLimit.withValue(2, operation: body)
    }
  }

  @Test(arguments: [false, true])
  func aRepeatFarFromItsFirstLineIsLocated(crowded: Bool) throws {
    try maybes(crowded) { try aRepeatFarFromItsFirstLineIsLocated() }
  }

  func aRepeatFarFromItsFirstLineIsLocated() throws {
    let repeated = QuotebankLines.line("q3", "again", speaker: "S3")
    let found = failure(Self.lines(40) + [repeated] + Self.lines(45).suffix(5))
    #expect(found?.line == 41 && found?.column == 1, "\(String(describing: found))")
    #expect(found?.message.contains("quoteID 'q3' was already imported") == true)
    // A problem after the repeat is not reached: the repeat, found late, still comes first.
    let broken = failure(Self.lines(40) + [repeated, "{broken"])
    #expect(broken?.line == 41 && broken?.message.contains("already imported") == true)
    // Before it, that problem is reported.
    let first = failure(Self.lines(40) + ["{broken", repeated])
    #expect(first?.line == 41 && first?.message.contains("invalid JSON") == true)
  }

  /// With `--skip-bad`, the later copies of a quoteID are left out, near or far from the first
  /// (found at the line or at the end of the input), and reported in line order.
  @Test(arguments: [false, true])
  func skipBadDropsExactlyTheLaterCopies(crowded: Bool) throws {
    try maybes(crowded) { try skipBadDropsExactlyTheLaterCopies() }
  }

  func skipBadDropsExactlyTheLaterCopies() throws {
    var lines = Self.lines(40)
    // Line 39 repeats line 38 in the same chunk of three quotes: refused at once.
    lines.insert(QuotebankLines.line("q37", "near", speaker: "S1"), at: 38)
    lines += [
      QuotebankLines.line("q3", "far", speaker: "S3"), "{broken",
      QuotebankLines.line("q10", "far again", speaker: "S2"),
      QuotebankLines.line("q40", "new", speaker: "S0"),
      QuotebankLines.line("q3", "once more", speaker: "S3"),
    ]
    let sink = CollectingSink()
    let summary = try importing(lines, skipBad: true, into: sink)
    let dataset = sink.merged
    // No chunk holds a quoteID twice (a store checks a chunk's ids as it comes).
    #expect(sink.chunks.allSatisfy { Set($0.quotes.map(\.id)).count == $0.quotes.count })
    #expect(dataset.quotes.map(\.id) == (0...40).map { "q\($0)" })
    #expect(dataset.quotes.map(\.text) == (0..<40).map { "words \($0)" } + ["new"])
    #expect(summary.quotes == 41)
    #expect(summary.skippedLines == 5)
    #expect(summary.skipped.map(\.line) == [39, 42, 43, 44, 46])
    #expect(summary.skipped.filter { $0.message.contains("already imported") }.count == 4)
    #expect(throws: Never.self) { try Timeline.check(dataset) }
  }

  /// The store of an import whose repeats were dropped is the store of the input without them:
  /// same quotes in the same places and input order, same counts for their speakers.
  @Test func aStoreWithoutTheDroppedRepeatsIsTheStoreOfTheRest() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    var lines = Self.lines(40)
    let repeats = [
      QuotebankLines.line("q3", "far", speaker: "S3", date: "2020-01-01 00:00:00"),
      QuotebankLines.line("q9", "far", speaker: "S0"),
    ]
    lines.insert(repeats[0], at: 20)
    lines.append(repeats[1])
    lines += Self.lines(44).suffix(4)
    func store(_ lines: [String], _ name: String) throws -> [[String]] {
      let path = scratch.url.appendingPathComponent(name).path
      let builder = StoreBuilder(path: path)
      _ = try importing(lines, skipBad: true, into: builder)
      _ = try builder.finish()
      let queue = try DatabaseQueue(path: path)
      defer { try? queue.close() }
      return try queue.read { db in
        let quotes = try Row.fetchAll(
          db, sql: "SELECT position, id, text, speaker, input_order FROM quotes ORDER BY position")
        let actors = try Row.fetchAll(db, sql: "SELECT id, quote_count FROM actors ORDER BY id")
        let count = try String.fetchOne(
          db, sql: "SELECT value FROM meta WHERE key = 'quote_count'")
        return (quotes + actors).map { row in row.databaseValues.map(\.description) } + [
          [count ?? ""]
        ]
      }
    }
    let kept = try store(lines.filter { !repeats.contains($0) }, "kept.sqlite")
    #expect(try store(lines, "dropped.sqlite") == kept)
    #expect(kept.count > 44)
  }

  /// Imported after a dataset, a dropped repeat is counted among all the quotes the sink got:
  /// the dataset's come first and stay.
  @Test func aRepeatIsDroppedAtItsPlaceAfterADatasetsQuotes() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let dataset = RandomDataset.make(seed: 4, quotes: 5)
    let datasetPath = try scratch.write("d.json", DatasetWriter.utf8(dataset))
    // Not the dataset's quote ids (q0, q1, ...).
    let lines =
      Self.lines(40, prefix: "qb") + [QuotebankLines.line("qb3", "far", speaker: "S3"), "{broken"]
    let quotebank = try scratch.write("q.jsonl", lines.joined(separator: "\n") + "\n")
    let sink = CollectingSink()
    var importer = Importer(skipBad: true)
    importer.chunkSize = 3
    let summary = try importer.run(inputs: [quotebank, datasetPath], into: sink)
    #expect(sink.dropped == [dataset.quotes.count + 40])
    let merged = sink.merged
    #expect(merged.quotes.map(\.id) == dataset.quotes.map(\.id) + (0..<40).map { "qb\($0)" })
    #expect(throws: Never.self) { try Timeline.check(merged) }
    #expect(summary.quotes == dataset.quotes.count + 40 && summary.skippedLines == 2)
    #expect(summary.skipped.map(\.line) == [41, 42])
  }

  /// Two different quoteIDs of the same 64-bit hash are two quotes, not a repeat; a real repeat
  /// among them is still one.
  @Test func idsOfTheSameHashAreNotARepeat() throws {
    let sameHash: @Sendable (String) -> UInt64 = { $0.hasPrefix("q") ? 7 : FNV1a.hash($0.utf8) }
    let (dataset, summary) = try SeenQuoteIDs.$hashForTests.withValue(sameHash) {
      try importing(Self.lines(40))
    }
    #expect(dataset.quotes.count == 40 && summary.skippedLines == 0)
    let found = SeenQuoteIDs.$hashForTests.withValue(sameHash) {
      failure(Self.lines(40) + [QuotebankLines.line("q3", "again", speaker: "S3")])
    }
    #expect(found?.line == 41 && found?.message.contains("'q3'") == true)
  }

  /// A filter that says "maybe" for every id (a few bits, all set) gives a new actor `-2` only
  /// where a quote took its id, as a set of every quoteID's hash did.
  @Test func aFilterFalsePositiveCostsNoSuffix() throws {
    var lines = [QuotebankLines.line("pat-poe", "taken early", speaker: "S1")] + Self.lines(200)
    lines += [
      QuotebankLines.line("q200", "a", speaker: "Jane Roe"),
      QuotebankLines.line("q201", "b", speaker: "Pat Poe"),
    ]
    let (dataset, _) = try SeenQuoteIDs.$filterBitCountLog2.withValue(6) {
      try importing(lines)
    }
    #expect(dataset.quotes.suffix(2).map(\.speaker) == ["jane-roe", "pat-poe-2"])
    #expect(dataset.actors.map(\.id).sorted() == ["jane-roe", "pat-poe-2", "s0", "s1", "s2", "s3"])
  }

  /// What the import holds to find repeats is a run of hashes, a buffer of the log and a chunk,
  /// whatever the number of quotes (it was a hash a quote).
  @Test func theQuoteIDsHeldDoNotFollowTheQuotes() throws {
    let (_, few) = try importing(Self.lines(60))
    let (_, many) = try importing(Self.lines(600))
    #expect(few.quotes == 60 && many.quotes == 600)
    // Four hashes, a log buffer of 64 bytes (records of 16 bytes and the id), a chunk of three.
    #expect(few.quoteIDsHeld > 0 && many.quoteIDsHeld <= 4 + 4 + 3, "\(many.quoteIDsHeld)")
  }
  /// Ids taken before the lines (a dataset's and a TimelineJS input's quotes) that repeat each
  /// other are left to the store: only a line is reported, naming where its id came first.
  @Test func idsTakenBeforeTheLinesAreNotRepeatsOfTheirOwn() throws {
    let seen = SeenQuoteIDs()
    func take(_ id: String, file: Int, line: Int) {
      let hash = seen.hash(id)
      seen.add(id, hash: hash, maybe: seen.mayContain(hash: hash), file: file, line: line)
    }
    take("q1", file: SeenQuoteIDs.earlierInput, line: 0)
    take("q1", file: SeenQuoteIDs.earlierInput, line: 0)
    take("q2", file: SeenQuoteIDs.earlierInput, line: 0)
    take("q2", file: 0, line: 7)
    let places = try seen.repeats().get()
    #expect(
      places == [
        SeenQuoteIDs.Place(
          file: 0, line: 7, position: 3, id: "q2", firstFile: SeenQuoteIDs.earlierInput)
      ])
  }
}
