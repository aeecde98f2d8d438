import DatelineExport
import DatelineModel
import DatelineTestSupport
import Foundation
import Testing

@Suite("iCalendar export")
struct ICalendarTests {
  static let stamp = 1_740_432_000  // 2025-02-24T21:20:00Z

  static func calendar(_ options: ExportOptions = ExportOptions(timestamp: stamp)) throws -> String
  {
    Exporter.export(try ExportFixtures.timeline(), to: .ics, options: options)
  }

  /// Content lines with folding undone (RFC 5545 3.1).
  static func unfolded(_ text: String) -> [String] {
    text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
      .filter { !$0.isEmpty }
  }

  @Test func linesAreCRLFFoldedAt75OctetsWithoutSplittingCharacters() throws {
    var options = ExportOptions(timestamp: Self.stamp)
    options.upcoming = false
    // Long multi-byte text: the fold must fall between UTF-8 sequences.
    let longTitle = String(repeating: "é中🇫🇷 ", count: 40)
    let json = try String(
      contentsOf: ExportFixtures.packageRoot.appendingPathComponent("data/seed-000.json"),
      encoding: .utf8
    ).replacingOccurrences(
      of: "\"title\": \"Macron at the White House",
      with: "\"title\": \"\(longTitle)Macron at the White House")
    let timeline = try Timeline(dataset: DatasetLoader.load(json: json, path: "seed.json"))
    let text = Exporter.export(timeline, to: .ics, options: options)
    let bytes = Array(text.utf8)
    #expect(text.hasSuffix("END:VCALENDAR\r\n"))
    // No bare LF or CR.
    for (index, byte) in bytes.enumerated() {
      if byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D) }
      if byte == 0x0D { #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A) }
    }
    var folded = 0
    for line in text.components(separatedBy: "\r\n") {
      #expect(line.utf8.count <= 75, "\(line)")
      // Every physical line is valid UTF-8 by itself.
      #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil)
      if line.hasPrefix(" ") { folded += 1 }
    }
    #expect(folded > 10)
    let name = try #require(Self.unfolded(text).first { $0.hasPrefix("X-WR-CALNAME:") })
    #expect(
      name
        == "X-WR-CALNAME:\(longTitle)Macron at the White House\\, three years into the war in Ukraine"
    )
  }

  @Test func eventsAreAllDayWithStableUIDsStatusAndSource() throws {
    let lines = Self.unfolded(try Self.calendar())
    #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 10)
    #expect(lines.first == "BEGIN:VCALENDAR")
    #expect(lines.contains("VERSION:2.0"))
    let oval = try #require(lines.firstIndex(of: "UID:oval.ap@dateline"))
    let block = Array(lines[oval...].prefix { $0 != "END:VEVENT" })
    #expect(block.contains("DTSTART;VALUE=DATE:20250224"))
    #expect(block.contains("DTEND;VALUE=DATE:20250225"))
    #expect(block.contains("DTSTAMP:20250224T212000Z"))
    #expect(block.contains("STATUS:CONFIRMED"))
    #expect(block.contains("CATEGORIES:occurred"))
    #expect(block.contains("URL:https://example.com/story?a=1&b=2"))
    #expect(block.contains("LOCATION:Washington\\, D.C."))
    #expect(block.contains("SUMMARY:Oval Office <script>alert(1)</script> meeting"))
    let description = try #require(block.first { $0.hasPrefix("DESCRIPTION:") })
    #expect(
      description.hasPrefix("DESCRIPTION:Trump and Macron talk\\, at length\\; \"warmly\".\\n\\n"))
    #expect(description.contains("Peace must not mean surrender\\,\\nnever"))
    #expect(description.contains("Source: AP\\, "))
    // The same export twice: the same UIDs (stable), so calendars update instead of duplicating.
    #expect(try Self.calendar() == Self.calendar())
  }

  @Test func spansAreExclusiveAtTheEnd() throws {
    let lines = Self.unfolded(try Self.calendar())
    func block(_ uid: String) throws -> [String] {
      let start = try #require(lines.firstIndex(of: "UID:\(uid)"))
      return Array(lines[start...].prefix { $0 != "END:VEVENT" })
    }
    #expect(try block("march.ap@dateline").contains("DTSTART;VALUE=DATE:20250301"))
    #expect(try block("march.ap@dateline").contains("DTEND;VALUE=DATE:20250401"))
    #expect(try block("march.ap@dateline").contains("STATUS:TENTATIVE"))
    #expect(try block("year.wire@dateline").contains("DTEND;VALUE=DATE:20250101"))
    #expect(try block("talks.wire@dateline").contains("DTEND;VALUE=DATE:20250222"))
  }

  @Test func upcomingIsWhatComesAfterTheAsOfDate() throws {
    let lines = Self.unfolded(
      try Self.calendar(ExportOptions(upcoming: true, timestamp: Self.stamp)))
    let uids = lines.filter { $0.hasPrefix("UID:") }
    #expect(uids.contains("UID:starmer-visit.ap@dateline"))
    #expect(!uids.contains("UID:oval.ap@dateline"))
    #expect(uids.count == (try ExportFixtures.timeline()).events.filter(\.isUpcoming).count)
    let bundled = Exporter.export(
      try ExportFixtures.bundled(), to: .ics, options: ExportOptions(upcoming: true))
    #expect(Self.unfolded(bundled).contains("UID:starmer-meeting.seed-000@dateline"))
    #expect(Self.unfolded(bundled).contains("DTSTART;VALUE=DATE:20250227"))
  }

  @Test func datesBeforeYearOneAreLeftOutOfTheCalendar() throws {
    let json = """
      {"format": "dateline/1",
       "sources": [{"id": "s", "publisher": "P", "title": "T", "published": "2025-02-24"}],
       "events": [
        {"id": "ides", "headline": "Caesar is killed", "summary": "In Rome.", "date": "-0043-03-15",
         "status": "occurred", "participants": [], "provenance": {"source": "s", "paragraph": 1}},
        {"id": "today", "headline": "Today", "summary": "Now.", "date": "2025-02-24",
         "status": "occurred", "participants": [], "provenance": {"source": "s", "paragraph": 2}}
       ]}
      """
    let timeline = try Timeline(dataset: DatasetLoader.load(json: json, path: "old.json"))
    let lines = Self.unfolded(Exporter.export(timeline, to: .ics))
    #expect(lines.filter { $0.hasPrefix("UID:") } == ["UID:today.s@dateline"])
    let slides = try ExportFixtures.json(Exporter.export(timeline, to: .timelinejs))
    let first = (slides["events"] as? [[String: Any]])?.first
    #expect(first?["start_date"] as? [String: Int] == ["year": -43, "month": 3, "day": 15])
    #expect(Exporter.export(timeline, to: .markdown).contains("**15 Mar 44 BC**"))
  }

  // MARK: A real parser

  /// A python3 that has the icalendar package (Debian python3-icalendar, installed by .ci/run).
  static let python: String? = {
    for candidate in ["/usr/bin/python3", "/usr/local/bin/python3"] {
      guard FileManager.default.isExecutableFile(atPath: candidate) else { continue }
      if (try? Program.run(candidate, ["-c", "import icalendar"]).status) == 0 { return candidate }
    }
    if (try? Program.run("/usr/bin/env", ["python3", "-c", "import icalendar"]).status) == 0 {
      return "/usr/bin/env"
    }
    return nil
  }()

  static let checker = """
    import sys, icalendar
    data = open(sys.argv[1], "rb").read()
    calendar = icalendar.Calendar.from_ical(data)
    errors = []
    for component in calendar.walk():
        for name, problem in getattr(component, "errors", []):
            errors.append(f"{component.name}: {name}: {problem}")
    events = calendar.walk("VEVENT")
    for event in events:
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        if type(start).__name__ != "date" or type(end).__name__ != "date":
            errors.append(f"{event['UID']}: not all-day: {start!r} {end!r}")
        elif not end > start:
            errors.append(f"{event['UID']}: ends before it starts")
        print(event["UID"], start.isoformat(), end.isoformat(), event["STATUS"], sep="|")
        print("SUMMARY", str(event["SUMMARY"]), sep="|")
        print("DESCRIPTION", repr(str(event["DESCRIPTION"])), sep="|")
    for error in errors:
        print("ERROR", error, sep="|")
    sys.exit(1 if errors else 0)
    """

  static func parse(_ calendar: String) throws -> Program.Result {
    let python = try #require(Self.python)
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let file = try scratch.write("export.ics", calendar)
    let arguments = (python == "/usr/bin/env" ? ["python3"] : []) + ["-c", checker, file]
    return try Program.run(python, arguments)
  }

  @Test(.enabled(if: python != nil, "python3 with icalendar is not installed"))
  func pythonIcalendarReadsEveryEvent() throws {
    let result = try Self.parse(try Self.calendar())
    #expect(result.status == 0, "\(result.output)")
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines.contains("oval.ap@dateline|2025-02-24|2025-02-25|CONFIRMED"))
    #expect(lines.contains("march.ap@dateline|2025-03-01|2025-04-01|TENTATIVE"))
    #expect(lines.contains("SUMMARY|Oval Office <script>alert(1)</script> meeting"))
    // Escaped commas, semicolons and line breaks come back as they were.
    #expect(
      lines.contains {
        $0.hasPrefix(
          "DESCRIPTION|'Trump and Macron talk, at length; \"warmly\".\\n\\nWhen: 24 Feb 2025")
      }, "\(result.output)")
    #expect(lines.filter { $0.hasPrefix("SUMMARY|") }.count == 10)
  }

  @Test(.enabled(if: python != nil, "python3 with icalendar is not installed"))
  func pythonIcalendarReadsTheBundledStory() throws {
    let calendar = Exporter.export(
      try ExportFixtures.bundled(), to: .ics, options: ExportOptions(timestamp: Self.stamp))
    let result = try Self.parse(calendar)
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.split(separator: "\n").filter { $0.hasPrefix("SUMMARY|") }.count == 15)
  }
}
