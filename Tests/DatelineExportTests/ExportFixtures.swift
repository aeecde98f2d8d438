import DatelineExport
import DatelineModel
import DatelineTestSupport
import Foundation
import Testing

/// A small story built inline with every date shape an export must carry: a day, a month, a
/// year, an interval, open and unknown ends, approximate and uncertain dates, text that needs
/// escaping in HTML, CSV, iCalendar and Markdown.
enum ExportFixtures {
  static let story = """
    {
      "format": "dateline/1",
      "title": "Talks, <b>tariffs</b> & a \\"deal\\"",
      "sources": [
        {"id": "ap", "publisher": "AP", "title": "Leaders meet, again", "published": "2025-02-24T16:19:00-05:00", "url": "https://example.com/story?a=1&b=2"},
        {"id": "wire", "publisher": "Wire; desk", "title": "No address", "published": "2025-02-20"}
      ],
      "actors": [
        {"id": "trump", "name": "Donald Trump", "aliases": ["Trump"], "kind": "person", "role": "President"},
        {"id": "macron", "name": "Emmanuel Macron", "kind": "person"},
        {"id": "starmer", "name": "Keir Starmer", "kind": "person"}
      ],
      "events": [
        {"id": "oval", "headline": "Oval Office <script>alert(1)</script> meeting", "summary": "Trump and Macron talk, at length; \\"warmly\\".", "date": "2025-02-24", "status": "occurred", "participants": ["macron", "trump"], "location": "Washington, D.C.", "provenance": {"source": "ap", "paragraph": 2}},
        {"id": "starmer-visit", "headline": "Starmer visit", "summary": "Trump hosts Starmer.", "date": {"stated": "on Thursday", "tense": "future"}, "status": "scheduled", "participants": ["trump", "starmer"], "provenance": {"source": "ap", "paragraph": 7}},
        {"id": "march", "headline": "Some time in March", "summary": "Month precision, approximate.", "date": "2025-03~", "status": "predicted", "participants": [], "provenance": {"source": "ap", "paragraph": 10}},
        {"id": "year", "headline": "A year only", "summary": "Year precision.", "date": "2024", "status": "occurred", "participants": [], "provenance": {"source": "wire", "paragraph": 1}},
        {"id": "talks", "headline": "Talks go on", "summary": "An interval of days.", "date": "2025-02-10/2025-02-21", "status": "occurred", "participants": ["trump"], "provenance": {"source": "wire", "paragraph": 2}},
        {"id": "before", "headline": "Agreed at some point", "summary": "Open start.", "date": "../2025-02-24", "status": "occurred", "participants": [], "provenance": {"source": "ap", "paragraph": 4}},
        {"id": "from", "headline": "Ongoing since January", "summary": "Open end.", "date": "2025-01/..", "status": "occurred", "participants": [], "provenance": {"source": "ap", "paragraph": 5}},
        {"id": "maybe", "headline": "A day in doubt", "summary": "Uncertain day.", "date": "2025-02-27?", "status": "expected", "participants": [], "provenance": {"source": "ap", "paragraph": 6}},
        {"id": "span-months", "headline": "Months of work", "summary": "Interval of months.", "date": "2024-11/2025-01", "status": "occurred", "participants": [], "provenance": {"source": "wire", "paragraph": 3}},
        {"id": "unknown-start", "headline": "Ended by March", "summary": "Unknown start.", "date": "/2025-03-01", "status": "predicted", "participants": [], "provenance": {"source": "ap", "paragraph": 8}}
      ],
      "quotes": [
        {"id": "q-oval", "text": "We spoke about <Putin> & \\"peace\\", at length", "speaker": "trump", "event": "oval", "provenance": {"source": "ap", "paragraph": 3}},
        {"id": "q-macron", "text": "Peace must not mean surrender,\\nnever", "speaker": "macron", "event": "oval", "kind": "partial", "provenance": {"source": "ap", "paragraph": 4}},
        {"id": "q-thursday", "text": "We will meet on Thursday", "speaker": "starmer", "event": "starmer-visit", "provenance": {"source": "ap", "paragraph": 7}}
      ]
    }
    """

  static func timeline() throws -> Timeline {
    try Timeline(dataset: DatasetLoader.load(json: story, path: "story.json"))
  }

  /// The bundled story of the repository.
  static func bundled() throws -> Timeline {
    try Timeline(path: packageRoot.appendingPathComponent("data").path)
  }

  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func json(_ text: String) throws -> [String: Any] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
      "expected a JSON object")
  }
}

/// Runs a program with no input, output captured in files.
enum Program {
  struct Result {
    var status: Int32
    var output: String
  }

  static func run(_ executable: String, _ arguments: [String]) throws -> Result {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let outURL = scratch.url.appendingPathComponent("out")
    try Data().write(to: outURL)
    let out = try FileHandle(forWritingTo: outURL)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = out
    process.standardError = out
    process.standardInput = FileHandle.nullDevice
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CACHE_HOME"] = scratch.url.path
    environment["XDG_CONFIG_HOME"] = scratch.url.path
    process.environment = environment
    try process.run()
    process.waitUntilExit()
    try out.close()
    return Result(
      status: process.terminationStatus,
      output: String(decoding: try Data(contentsOf: outURL), as: UTF8.self))
  }
}
