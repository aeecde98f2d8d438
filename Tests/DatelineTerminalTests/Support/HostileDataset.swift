import DatelineTestSupport
import Foundation

/// A valid dataset whose text carries terminal escape sequences, C1 controls and DEL, written
/// as JSON escapes (the loader rejects raw control characters but must accept escaped ones).
enum HostileDataset {
  /// Writes the dataset into `scratch` and returns its path.
  static func write(in scratch: ScratchDirectory) throws -> String {
    let esc = "\\u001b"
    let bel = "\\u0007"
    let json = """
      {
        "format": "dateline/1",
        "title": "Hostile story \(esc)]2;pwned\(bel)title",
        "sources": [
          {"id": "s", "publisher": "Test \(esc)[31mpress", "title": "Source",
           "published": "2025-02-24T12:00:00Z"}
        ],
        "actors": [
          {"id": "a", "name": "Ann \(esc)[2JExample", "kind": "person",
           "role": "Tester\\u009b31m\\u007f"}
        ],
        "events": [
          {"id": "e", "headline": "Harmless headline \(esc)]0;pwned\(bel) \(esc)[2J end\\u009b2J\\u007f",
           "summary": "Summary \(esc)P1;pwned\(esc)\\\\ with \\u0090pwned\\u009c DCS",
           "date": "2025-02-24", "status": "occurred", "participants": ["a"],
           "provenance": {"source": "s", "paragraph": 1}}
        ],
        "quotes": [
          {"id": "q", "text": "Quoted \(esc)]52;c;cHduZWQ=\(bel) clipboard", "speaker": "a",
           "event": "e", "kind": "full", "provenance": {"source": "s", "paragraph": 1}}
        ]
      }
      """
    return try scratch.write("hostile.json", json)
  }

  /// A dataset full of wide and combining text: CJK, emoji, combining accents.
  static func writeWide(in scratch: ScratchDirectory) throws -> String {
    let json = """
      {
        "format": "dateline/1",
        "title": "東京の会談 🎉 story",
        "sources": [
          {"id": "s", "publisher": "新聞 press", "title": "Source",
           "published": "2025-02-24T12:00:00Z"}
        ],
        "actors": [
          {"id": "a", "name": "李明 🎉 Cafe\\u0301", "kind": "person", "role": "外交官 🎉"},
          {"id": "b", "name": "Zoe\\u0308 Ñandú", "kind": "person", "role": "Re\\u0301sume\\u0301"}
        ],
        "events": [
          {"id": "e1", "headline": "東京で会談する 🎉🎉 and the café re\\u0301sume\\u0301 ends here ok",
           "summary": "長い要約 🎉", "date": "2025-02-24", "status": "occurred",
           "participants": ["a", "b"], "provenance": {"source": "s", "paragraph": 1}},
          {"id": "e2", "headline": "Plain ASCII headline for comparison of the columns",
           "summary": "Plain.", "date": "2025-02-23", "status": "occurred",
           "participants": ["b"], "provenance": {"source": "s", "paragraph": 2}}
        ],
        "quotes": [
          {"id": "q", "text": "我们会谈 🎉 Cafe\\u0301 quote", "speaker": "a",
           "event": "e1", "kind": "full", "provenance": {"source": "s", "paragraph": 1}}
        ]
      }
      """
    return try scratch.write("wide.json", json)
  }
}
