import DatelineExport
import DatelineModel
import Testing

@Suite("CSV")
struct CSVTests {
  @Test func quotingRoundTrips() throws {
    let rows = [
      ["plain", "with, comma", "with \"quotes\"", "two\nlines", "crlf\r\nend", " padded ", ""],
      ["é ü 中文 🇫🇷", "1=1", "\"", ",", "", "last", "x"],
    ]
    let text = CSV.encode(rows)
    #expect(text.hasSuffix("\r\n"))
    #expect(text.hasPrefix("plain,\"with, comma\",\"with \"\"quotes\"\"\",\"two\nlines\""))
    let decoded = try CSV.decode(text).map { $0.map(\.text) }
    #expect(decoded == rows)
  }

  /// OWASP CSV injection: a cell a spreadsheet would run as a formula starts with an apostrophe.
  @Test func formulaLikeCellsAreWrittenAsText() throws {
    let cells = ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\r=1", "a=1"]
    let text = CSV.encode([cells])
    let decoded = try #require(try CSV.decode(text).first).map(\.text)
    #expect(
      decoded == ["'=HYPERLINK(\"http://x\")", "'+1", "'-2+3", "'@SUM(A1)", "'\tx", "'\r=1", "a=1"])
    #expect(decoded.map(CSV.unguarded) == cells)
  }

  @Test func controlCharactersOtherThanTabsAndLineBreaksAreDropped() throws {
    let text = CSV.encode([["red\u{1B}[31m alert\u{07}", "tab\there", "bell\u{9B}1m"]])
    #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" })
    #expect(try CSV.decode(text).first?.map(\.text) == ["red[31m alert", "tab\there", "bell1m"])
  }

  @Test func decodingReportsWhereTheProblemIs() throws {
    #expect(throws: CSV.SyntaxError.self) { try CSV.decode("a,b\r\n1,\"open") }
    do {
      _ = try CSV.decode("a,b\n1,x\"y\n")
      Issue.record("expected an error")
    } catch {
      #expect(error.line == 2)
      #expect(error.column == 4)
    }
    do {
      _ = try CSV.decode("a,b\n\"1\"x,2\n")
      Issue.record("expected an error")
    } catch {
      #expect(error.line == 2)
      #expect(error.column == 4)
    }
  }

  @Test func quotesHaveTheDocumentedColumns() throws {
    let timeline = try ExportFixtures.timeline()
    let rows = try CSV.decode(Exporter.export(timeline, to: .csv)).map { $0.map(\.text) }
    #expect(rows.first == ["id", "date", "speaker", "text", "event", "source", "paragraph", "url"])
    #expect(rows.count == timeline.quotes.count + 1)
    let oval = try #require(rows.first { $0.first == "q-oval" })
    #expect(
      oval == [
        "q-oval", "2025-02-24", "Donald Trump", "We spoke about <Putin> & \"peace\", at length",
        "oval", "ap", "3", "https://example.com/story?a=1&b=2",
      ])
    let macron = try #require(rows.first { $0.first == "q-macron" })
    #expect(macron[3] == "Peace must not mean surrender,\nnever")
  }

  @Test func eventsWithTheEventsFlag() throws {
    let timeline = try ExportFixtures.timeline()
    let text = Exporter.export(timeline, to: .csv, options: ExportOptions(events: true))
    let rows = try CSV.decode(text).map { $0.map(\.text) }
    #expect(rows.first == SpreadsheetWriter.eventHeader)
    #expect(rows.dropFirst().map { $0[0] } == timeline.events.map(\.event.id))
    let oval = try #require(rows.first { $0.first == "oval" })
    #expect(oval[1] == "2025-02-24")
    #expect(oval[4] == "occurred")
    #expect(oval[8] == "macron;trump")
    #expect(oval[9] == "Washington, D.C.")
  }

  @Test func timelineJSCSVHasTheTemplateColumns() throws {
    let timeline = try ExportFixtures.timeline()
    let rows = try CSV.decode(Exporter.export(timeline, to: .timelinejsCSV)).map { $0.map(\.text) }
    #expect(
      rows.first == [
        "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
        "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
        "Media Thumbnail", "Type", "Group", "Background",
      ])
    #expect(rows.count == timeline.events.count + 2)
    #expect(rows[1][15] == "title")
    let talks = try #require(rows.first { $0[9] == "Talks go on" })
    #expect(Array(talks[0..<8]) == ["2025", "2", "10", "", "2025", "2", "21", ""])
    let march = try #require(rows.first { $0[9] == "Some time in March" })
    #expect(Array(march[0..<3]) == ["2025", "3", ""])
    #expect(march[8] == "c. Mar 2025")
    #expect(march[16] == "predicted")
  }
}

/// A CSV export is written a stretch of rows at a time as it is read from the store (a million
/// quotes were one 1 GB string): the bytes are those of the whole export, for quotes and
/// events, all or upcoming, on the bundled story and on a small one.
@Suite struct StreamedCSVTests {
  @Test(arguments: [false, true], [false, true])
  func theStreamedCSVIsTheWholeExport(events: Bool, upcoming: Bool) throws {
    for timeline in [try ExportFixtures.bundled(), try ExportFixtures.timeline()] {
      let options = ExportOptions(upcoming: upcoming, events: events)
      var streamed = ""
      SpreadsheetWriter.write(timeline, options: options) { streamed += $0 }
      #expect(streamed == Exporter.export(timeline, to: .csv, options: options))
      #expect(streamed.contains("\r\n"))
    }
  }
}
