import DatelineExport
import DatelineModel
import Foundation
import Testing

@Suite("TimelineJS import")
struct ImportTests {
  /// What a round trip must keep of each event.
  struct Essentials: Equatable {
    var headline: String
    var date: String
    var status: EventStatus
  }

  static func essentials(_ timeline: Timeline) -> [Essentials] {
    timeline.events.map {
      Essentials(
        headline: $0.event.headline, date: $0.date.value.description, status: $0.event.status)
    }
  }

  static func essentials(_ dataset: Dataset) throws -> [Essentials] {
    try Timeline.check(dataset)
    return try essentials(Timeline(dataset: dataset))
  }

  /// The quotes said at events, as the slides carry them: speaker, text (a line break reads as a
  /// space in HTML) and the event's headline.
  static func quotations(_ timeline: Timeline) -> Set<[String]> {
    Set(
      timeline.quotes.compactMap { item in
        guard let id = item.quote.event, let event = timeline.event(id: id) else { return nil }
        return [
          item.speakerName, item.quote.text.replacingOccurrences(of: "\n", with: " "),
          event.event.headline,
        ]
      })
  }

  @Test(arguments: [false, true])
  func jsonRoundTripKeepsEventsDatesAndHeadlines(bundled: Bool) throws {
    let timeline = try bundled ? ExportFixtures.bundled() : ExportFixtures.timeline()
    let json = Exporter.export(timeline, to: .timelinejs)
    #expect(TimelineJSImport.detect(Array(json.utf8)) == .json)
    let dataset = try TimelineJSImport.read(Array(json.utf8), path: "story.json")
    #expect(dataset.events.map(\.id) == timeline.events.map(\.event.id))
    #expect(try Self.essentials(dataset) == Self.essentials(timeline))
    #expect(dataset.title == timeline.title)
    #expect(try Self.quotations(Timeline(dataset: dataset)) == Self.quotations(timeline))
    let oval = try #require(dataset.events.first)
    #expect(oval.summary == timeline.events.first?.event.summary)
  }

  @Test(arguments: [false, true])
  func csvRoundTripKeepsEventsDatesAndHeadlines(bundled: Bool) throws {
    let timeline = try bundled ? ExportFixtures.bundled() : ExportFixtures.timeline()
    let csv = Exporter.export(timeline, to: .timelinejsCSV)
    #expect(TimelineJSImport.detect(Array(csv.utf8)) == .csv)
    let dataset = try TimelineJSImport.read(Array(csv.utf8), path: "story.csv")
    #expect(try Self.essentials(dataset) == Self.essentials(timeline))
    #expect(try Self.quotations(Timeline(dataset: dataset)) == Self.quotations(timeline))
    #expect(dataset.title == timeline.title)
  }

  @Test func importedDatasetsWriteAndLoadAsDatelineFiles() throws {
    let timeline = try ExportFixtures.timeline()
    let json = Exporter.export(timeline, to: .timelinejs)
    let dataset = try TimelineJSImport.read(Array(json.utf8), path: "story.json")
    let reloaded = try DatasetLoader.load(json: DatasetWriter.json(dataset), path: "out.json")
    #expect(reloaded == dataset)
  }

  @Test func foreignTimelineJSIsRead() throws {
    // As other tools write it: strings for numbers, empty fields, media, HTML in text.
    let json = """
      {"title": {"text": {"headline": "Space &amp; time", "text": "<p>Intro</p>"}},
       "events": [
        {"start_date": {"year": "1969", "month": "7", "day": "20", "hour": "20"},
         "text": {"headline": "<b>Moon</b> landing", "text": "<p>Apollo 11 lands.</p><p>More.</p><blockquote>\\"One small step\\" <cite>&mdash; Neil Armstrong</cite></blockquote><blockquote>No speaker</blockquote>"},
         "media": {"url": "https://example.com/moon.jpg"}},
        {"start_date": {"year": 1957, "month": ""}, "text": {"headline": "Sputnik"},
         "unique_id": "\(String(repeating: "x", count: 300))"},
        {"start_date": {"year": 1961}, "end_date": {"year": 1972, "month": 12},
         "text": {"text": "No headline here"}, "group": "Scheduled"}
      ]}
      """
    let dataset = try TimelineJSImport.read(Array(json.utf8), path: "space.json")
    #expect(dataset.title == "Space & time")
    #expect(dataset.events.map(\.headline) == ["Moon landing", "Sputnik", "Slide 3"])
    #expect(dataset.events.map(\.id) == ["moon-landing", "sputnik", "slide-3"])
    #expect(
      dataset.events.map(\.date) == [.edtf("1969-07-20"), .edtf("1957"), .edtf("1961/1972-12")])
    #expect(dataset.events[0].summary == "Apollo 11 lands.")
    #expect(dataset.quotes.map(\.text) == ["\"One small step\""])
    #expect(dataset.actors.map(\.name) == ["Neil Armstrong"])
    #expect(dataset.quotes.first?.speaker == "neil-armstrong")
    #expect(dataset.quotes.first?.event == "moon-landing")
    #expect(dataset.events[1].summary == "Sputnik")
    #expect(dataset.events[2].status == .scheduled)
    #expect(dataset.sources.first?.id == "timelinejs-space")
    try Timeline.check(dataset)
  }

  static let badJSON: [(String, String, Int, Int)] = [
    (
      "{\"events\": [\n  {\"start_date\": {\"year\": 2025}},\n  {\"text\": {}}\n]}",
      "no \"start_date\"", 3, 3
    ),
    ("{\"events\": [\n  {\"start_date\": {\"year\": 2025, \"month\": 13}}\n]}", "month 13", 2, 18),
    (
      "{\"events\": [\n  {\"start_date\": {\"year\": 2025, \"month\": 2, \"day\": 30}}\n]}",
      "does not exist", 2, 18
    ),
    (
      "{\"events\": [\n  {\"start_date\": {\"year\": \"soon\"}}\n]}", "year is not a whole number",
      2, 27
    ),
    (
      "{\"events\": [\n  {\"start_date\": {\"year\": 2025}, \"end_date\": {\"year\": 2024}}\n]}",
      "before it starts", 2, 18
    ),
    (
      "{\"events\": [\n  {\"start_date\": {\"year\": -13800000}}\n]}", "outside -9999...9999", 2, 18
    ),
    ("{\"events\": [\n  {\"start_date\": {\"year\": 2025},}\n]}", "trailing comma", 2, 33),
    ("{\"events\": 3}", "must be an array", 1, 12),
  ]

  @Test(arguments: badJSON)
  func badJSONIsReportedWhereItIs(input: String, message: String, line: Int, column: Int) throws {
    do {
      _ = try TimelineJSImport.readJSON(Array(input.utf8), path: "bad.json")
      Issue.record("expected an error for \(input)")
    } catch {
      let first = try #require(error.diagnostics.first)
      #expect(first.path == "bad.json")
      #expect(first.message.contains(message), "\(first)")
      #expect((first.line, first.column) == (line, column), "\(first)")
      #expect(first.description.hasPrefix("bad.json:\(line):\(column): error: "))
    }
  }

  static let badCSV: [(String, String, Int, Int)] = [
    ("Year,Month,Day,Headline\r\n2025,2,24,Fine\r\nsoon,,,Bad\r\n", "Year 'soon'", 3, 1),
    ("Year,Month,Day,Headline\r\n2025,2,30,Bad day\r\n", "does not exist", 2, 1),
    ("Year,Month,Day,Headline\r\n,,,No year\r\n", "no Year", 2, 1),
    ("Year,Month,Day,Headline\r\n2025,2,24,\"open\r\n", "never closed", 2, 11),
    ("Year,Month,Day\r\n2025,2,24\r\n", "no Headline column", 1, 1),
  ]

  @Test(arguments: badCSV)
  func badCSVIsReportedWhereItIs(input: String, message: String, line: Int, column: Int) throws {
    do {
      _ = try TimelineJSImport.read(Array(input.utf8), path: "bad.csv")
      Issue.record("expected an error for \(input)")
    } catch {
      let first = try #require(error.diagnostics.first)
      #expect(first.message.contains(message), "\(first)")
      #expect((first.line, first.column) == (line, column), "\(first)")
    }
  }

  @Test func otherInputIsRefusedByContent() {
    #expect(TimelineJSImport.detect(Array("{\"format\": \"dateline/1\"}".utf8)) == nil)
    #expect(TimelineJSImport.detect(Array("{\"events\": [{\"x\": 1}]}".utf8)) == nil)
    #expect(TimelineJSImport.detect(Array("id,date\r\n".utf8)) == nil)
    #expect(throws: DatasetLoadError.self) {
      try TimelineJSImport.read(Array("hello".utf8), path: "x.txt")
    }
  }
}
