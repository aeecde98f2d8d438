import DatelineModel
import DatelineTestSupport
import Foundation
import Testing

@testable import dateline

/// Listings are written a record or a row at a time instead of held whole (a million quotes
/// took 5.8 GB): the bytes are those of the whole array or table, exactly.
@Suite("streamed listings")
struct StreamedOutputTests {
  /// What `body` writes to standard output.
  static func written(_ body: () throws -> Void) rethrows -> String {
    let output = CapturedBytes()
    let context = CommandContext.captured(environment: [:], output: output, error: CapturedBytes())
    try CommandContext.$current.withValue(context) { try body() }
    return output.text
  }

  @Test func aStreamedArrayIsTheWholeArraysJSON() throws {
    let timeline = try Timeline(dataset: DatasetLoader.load(path: CLI.bundledData))
    let quotes = Array(timeline.quotes).map(QuoteRecord.init)
    let events = Array(timeline.events).map(EventRecord.init)
    #expect(quotes.count > 1 && events.count > 1)
    for count in [0, 1, quotes.count] {
      let streamed = try Self.written {
        try JSONOutput.writeArray(count: count) { quotes[$0] }
      }
      #expect(streamed == (try JSONOutput.render(Array(quotes.prefix(count)))) + "\n")
    }
    let streamed = try Self.written {
      try JSONOutput.writeArray(count: events.count) { events[$0] }
    }
    #expect(streamed == (try JSONOutput.render(events)) + "\n")
  }

  /// Empty arrays inside a record (an event without participants, a quote without addresses)
  /// are a blank line in the whole array's encoding, not an indented one.
  @Test func emptyArraysInsideRecordsKeepTheirBlankLine() throws {
    var dataset = try DatasetLoader.load(path: CLI.bundledData)
    dataset.events[0].participants = []
    dataset.quotes[0].urls = []
    let timeline = try Timeline(dataset: dataset)
    let events = Array(timeline.events).map(EventRecord.init)
    let quotes = Array(timeline.quotes).map(QuoteRecord.init)
    let whole = try JSONOutput.render(events)
    #expect(whole.contains("[\n\n"))
    #expect(
      try Self.written { try JSONOutput.writeArray(count: events.count) { events[$0] } } == whole
        + "\n")
    #expect(
      try Self.written { try JSONOutput.writeArray(count: quotes.count) { quotes[$0] } }
        == (try JSONOutput.render(quotes)) + "\n")
  }

  @Test(arguments: [nil, 60] as [Int?])
  func aStreamedTableIsTheWholeTable(width: Int?) throws {
    let timeline = try Timeline(dataset: DatasetLoader.load(path: CLI.bundledData))
    let quotes = Array(timeline.quotes)
    var table = TextTable(header: QuotesCommand.header)
    for quote in quotes { table.append(QuotesCommand.row(quote)) }
    let streamed = Self.written {
      TextTable.write(header: QuotesCommand.header, count: quotes.count, width: width) {
        QuotesCommand.row(quotes[$0])
      }
    }
    #expect(streamed == table.render(width: width).map { $0 + "\n" }.joined())
  }
  /// More rows than one stretch: each stretch is read ahead once in each pass, in order, and
  /// the bytes are still the whole table's and the whole array's.
  @Test func manyStretchesWriteTheWholeOutput() throws {
    let rows = (0..<1_200).map {
      ["row \($0)", String(repeating: "x", count: $0 % 30), "last \($0)"]
    }
    let header = ["A", "B", "C"]
    var table = TextTable(header: header)
    for row in rows { table.append(row) }
    var stretches: [Range<Int>] = []
    let streamed = Self.written {
      TextTable.write(
        header: header, count: rows.count, width: nil, row: { rows[$0] },
        ahead: { stretches.append($0) })
    }
    #expect(streamed == table.render(width: nil).map { $0 + "\n" }.joined())
    let expected: [Range<Int>] = [0..<512, 512..<1024, 1024..<1200]
    #expect(stretches == expected + expected)
    stretches = []
    let json = try Self.written {
      try JSONOutput.writeArray(count: rows.count, ahead: { stretches.append($0) }) { rows[$0] }
    }
    #expect(json == (try JSONOutput.render(rows)) + "\n")
    #expect(stretches == expected)
  }
}
