import Foundation
import Testing

@testable import DatelineModel

/// Small datasets built inline, so model tests never depend on the bundled data.
enum Fixtures {
  /// A Monday dateline story: events stated relative to the source and to each other.
  static let story = """
    {
      "format": "dateline/1",
      "title": "Test story",
      "sources": [
        {"id": "ap", "publisher": "AP", "title": "Leaders meet", "published": "2025-02-24T16:19:00-05:00"}
      ],
      "actors": [
        {"id": "trump", "name": "Donald Trump", "aliases": ["Trump"], "kind": "person", "role": "President", "affiliation": "us"},
        {"id": "macron", "name": "Emmanuel Macron", "kind": "person", "role": "President of France", "affiliation": "france"},
        {"id": "starmer", "name": "Keir Starmer", "kind": "person"},
        {"id": "putin", "name": "Vladimir Putin", "kind": "person"},
        {"id": "zelenskyy", "name": "Volodymyr Zelenskyy", "kind": "person"},
        {"id": "us", "name": "United States", "kind": "country"},
        {"id": "france", "name": "France", "kind": "country"}
      ],
      "events": [
        {"id": "war-end", "headline": "War could end soon", "summary": "Trump predicts an end.", "date": {"stated": "within weeks", "tense": "future"}, "status": "predicted", "participants": ["trump"], "provenance": {"source": "ap", "paragraph": 9}},
        {"id": "starmer-visit", "headline": "Starmer visit", "summary": "Trump hosts Starmer.", "date": {"stated": "on Thursday", "tense": "future"}, "status": "scheduled", "participants": ["trump", "starmer"], "provenance": {"source": "ap", "paragraph": 7}},
        {"id": "oval", "headline": "Oval Office meeting", "summary": "Trump and Macron talk; Putin comes up.", "date": "2025-02-24", "status": "occurred", "participants": ["trump", "macron"], "location": "Washington", "provenance": {"source": "ap", "paragraph": 2}},
        {"id": "un-vote", "headline": "UN vote", "summary": "The US votes no.", "date": {"stated": "earlier in the day", "relativeTo": "oval"}, "status": "occurred", "participants": ["us"], "provenance": {"source": "ap", "paragraph": 5}},
        {"id": "invasion", "headline": "Invasion", "summary": "The war begins.", "date": {"stated": "the third anniversary of", "relativeTo": "oval"}, "status": "occurred", "participants": ["putin"], "provenance": {"source": "ap", "paragraph": 1}},
        {"id": "deal", "headline": "Minerals deal visit", "summary": "Zelenskyy may visit.", "date": {"stated": "in the next two weeks", "tense": "future"}, "status": "expected", "participants": ["zelenskyy", "trump"], "provenance": {"source": "ap", "paragraph": 8}},
        {"id": "march", "headline": "Some time in March", "summary": "Month precision.", "date": "2025-03", "status": "expected", "participants": [], "provenance": {"source": "ap", "paragraph": 10}}
      ],
      "quotes": [
        {"id": "q-later", "text": "The war will end, maybe within weeks", "speaker": "trump", "kind": "partial", "provenance": {"source": "ap", "paragraph": 9}},
        {"id": "q-oval", "text": "We spoke about Putin and about peace", "speaker": "trump", "event": "oval", "kind": "full", "provenance": {"source": "ap", "paragraph": 3}},
        {"id": "q-macron", "text": "Peace must not mean surrender, Mr. Trump knows that", "speaker": "macron", "event": "oval", "provenance": {"source": "ap", "paragraph": 4}}
      ],
      "relations": [
        {"from": "trump", "to": "macron", "kind": "met-with", "event": "oval", "provenance": {"source": "ap", "paragraph": 2}}
      ]
    }
    """

  static func timeline() throws -> Timeline {
    try Timeline(dataset: DatasetLoader.load(json: story, path: "story.json"))
  }

  static func day(_ text: String) -> CivilDay {
    CivilDay(iso: text)!
  }

  /// Line and column (1-based, in Unicode scalars) of the `occurrence`-th `needle` in `text`.
  static func position(of needle: String, in text: String, occurrence: Int = 1) -> (Int, Int) {
    var seen = 0
    var searchStart = text.startIndex
    while let found = text.range(of: needle, range: searchStart..<text.endIndex) {
      seen += 1
      if seen == occurrence {
        let before = text[..<found.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return (line, text[lineStart..<found.lowerBound].unicodeScalars.count + 1)
      }
      searchStart = found.upperBound
    }
    Issue.record("'\(needle)' not found")
    return (0, 0)
  }
}
