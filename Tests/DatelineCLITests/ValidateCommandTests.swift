import DatelineTestSupport
import Foundation
import Testing

@Suite("dateline validate")
struct ValidateCommandTests {
  @Test func theBundledDataIsValid() throws {
    let result = try CLI.run(["validate", "data"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("data: valid (1 source, 13 actors, "))
    #expect(result.stderr.isEmpty)
  }

  /// Writes `json`, validates it, and returns the error lines.
  func problems(_ json: String) throws -> (path: String, lines: [String], status: Int32) {
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    let file = try directory.write("story.json", json)
    let result = try CLI.run(["validate", file])
    let lines = result.stderr.split(separator: "\n").map(String.init)
    for line in lines {
      #expect(line.hasPrefix(file + ":"), "every line names the file: \(line)")
      #expect(line.contains(": error: "))
    }
    #expect(result.stdout.isEmpty)
    return (file, lines, result.status)
  }

  func expectOne(
    _ json: String, line: Int, column: Int, containing words: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let (path, lines, status) = try problems(json)
    #expect(status == 1, sourceLocation: sourceLocation)
    #expect(lines.count == 1, "\(lines)", sourceLocation: sourceLocation)
    let prefix = "\(path):\(line):\(column): error: "
    #expect(
      lines.first?.hasPrefix(prefix) == true, "\(lines) should start \(prefix)",
      sourceLocation: sourceLocation)
    #expect(
      lines.first?.contains(words) == true, "\(lines) should say \(words)",
      sourceLocation: sourceLocation)
  }

  @Test func syntaxErrorNamesLineAndColumn() throws {
    try expectOne(
      "{\n  \"format\": \"dateline/1\",\n  \"sources\": [,]\n}\n", line: 3, column: 15,
      containing: "invalid JSON")
  }

  /// The 1-based column where `needle` starts on 1-based `line` of `json`.
  func column(of needle: String, line: Int, in json: String) throws -> Int {
    let text = json.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
    let range = try #require(text.range(of: needle))
    return text.distance(from: text.startIndex, to: range.lowerBound) + 1
  }

  @Test func unknownActorID() throws {
    let json = Fixtures.dataset(
      actors: [Fixtures.ana], events: [Fixtures.event("e1", participants: #"["ana", "bob"]"#)])
    // Line 8 holds the event; "bob" is its second participant.
    try expectOne(
      json, line: 8, column: try column(of: #""bob""#, line: 8, in: json),
      containing: "unknown actor id 'bob'")
  }

  @Test func duplicateID() throws {
    let json = Fixtures.dataset(
      actors: [Fixtures.ana], events: [Fixtures.event("e1"), Fixtures.event("e1")])
    // Line 9 holds the second event; the error points at its id.
    try expectOne(
      json, line: 9, column: try column(of: #""e1""#, line: 9, in: json),
      containing: "duplicate id 'e1'")
  }

  @Test func unparseableDate() throws {
    let json = Fixtures.dataset(
      actors: [Fixtures.ana], events: [Fixtures.event("e1", date: #""2025-02-30""#)])
    try expectOne(
      json, line: 8, column: try column(of: #""2025-02-30""#, line: 8, in: json),
      containing: "'2025-02-30' is not an EDTF date")
  }

  @Test func unrecognizedStatedDate() throws {
    let json = Fixtures.dataset(
      actors: [Fixtures.ana], events: [Fixtures.event("e1", date: #"{"stated": "when pigs fly"}"#)])
    try expectOne(
      json, line: 8, column: try column(of: #""when pigs fly""#, line: 8, in: json),
      containing: "cannot resolve the date 'when pigs fly'")
  }

  @Test func relativeDateWithNothingToAnchorIt() throws {
    let json = Fixtures.dataset(
      sources: [#"{"id": "s", "publisher": "P", "title": "T", "published": ""}"#],
      actors: [Fixtures.ana],
      events: [Fixtures.event("e1", date: #"{"stated": "on Thursday", "tense": "future"}"#)])
    try expectOne(
      json, line: 8, column: try column(of: #""on Thursday""#, line: 8, in: json),
      containing: "nothing to anchor it")
  }

  @Test func quoteSpeakerMustBeAPersonOrGroup() throws {
    let json = Fixtures.dataset(
      actors: [Fixtures.ana, Fixtures.country],
      quotes: [
        #"{"id": "q1", "text": "Words", "speaker": "land", "provenance": {"source": "s", "paragraph": 1}}"#
      ])
    // Line 12 holds the quote.
    try expectOne(
      json, line: 12, column: try column(of: #""land""#, line: 12, in: json),
      containing: "a quote is said by a person or a group")
  }

  @Test func everyProblemIsReportedOnItsOwnLine() throws {
    let json = Fixtures.dataset(
      actors: [Fixtures.ana],
      events: [
        Fixtures.event("e1", participants: #"["x"]"#),
        Fixtures.event("e1", participants: #"["y"]"#),
      ])
    let (_, lines, status) = try problems(json)
    #expect(status == 1)
    #expect(lines.count == 3, "\(lines)")
  }

  @Test func missingPathIsReported() throws {
    let result = try CLI.run(["validate", "/nonexistent/dateline.json"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("/nonexistent/dateline.json:1:1: error: "))
  }

  @Test func validatesADirectoryOfFilesTogether() throws {
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    // The event in b.json refers to the actor defined in a.json: valid only when merged.
    try directory.write("a.json", Fixtures.dataset(actors: [Fixtures.ana]))
    try directory.write(
      "b.json",
      Fixtures.dataset(
        sources: [#"{"id": "s2", "publisher": "P", "title": "T", "published": "2025-02-24"}"#],
        actors: [], events: [Fixtures.event("e1")]))
    let result = try CLI.run(["validate", directory.url.path])
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test func eachPathIsItsOwnDataset() throws {
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    let actors = try directory.write("a.json", Fixtures.dataset(actors: [Fixtures.ana]))
    let events = try directory.write(
      "b.json", Fixtures.dataset(actors: [], events: [Fixtures.event("e1")]))
    let apart = try CLI.run(["validate", actors, events])
    #expect(apart.status == 1, "b.json alone does not know the actor 'ana'")
    #expect(apart.stderr.hasPrefix(events + ":8:"))
    #expect(apart.stderr.contains("unknown actor id 'ana'"))

    let other = try directory.write("c.json", Fixtures.dataset(actors: [Fixtures.ana]))
    let both = try CLI.run(["validate", actors, other])
    #expect(both.status == 0, "\(both.stderr)")
    #expect(both.stdout.split(separator: "\n").count == 2, "one summary line per dataset")
  }
}
