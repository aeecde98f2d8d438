import DatelineTestSupport
import Foundation
import Testing

@testable import DatelineModel

/// Every validation error, with its exact line and column.
@Suite struct ValidationTests {
  static let source =
    #"{"id": "ap", "publisher": "AP", "title": "T", "published": "2025-02-24T16:19:00-05:00"}"#
  static let person = #"{"id": "trump", "name": "Donald Trump", "kind": "person"}"#
  static let country = #"{"id": "us", "name": "United States", "kind": "country"}"#
  static let provenance = #""provenance": {"source": "ap", "paragraph": 1}"#

  static func event(
    _ id: String, date: String = #""2025-02-24""#, participants: String = #"["trump"]"#
  )
    -> String
  {
    #"{"id": "\#(id)", "headline": "H", "summary": "S", "date": \#(date), "status": "occurred", "participants": \#(participants), \#(provenance)}"#
  }

  /// One item per line, so positions are easy to read off.
  static func dataset(
    format: String = "dateline/1", sources: [String] = [source],
    actors: [String] = [person, country],
    events: [String] = [], quotes: [String] = [], relations: [String] = []
  ) -> String {
    func list(_ items: [String]) -> String {
      items.isEmpty ? "[]" : "[\n    " + items.joined(separator: ",\n    ") + "\n  ]"
    }
    return """
      {
        "format": "\(format)",
        "sources": \(list(sources)),
        "actors": \(list(actors)),
        "events": \(list(events)),
        "quotes": \(list(quotes)),
        "relations": \(list(relations))
      }
      """
  }

  func diagnostics(_ json: String) -> [Diagnostic] {
    do {
      _ = try DatasetLoader.load(json: json, path: "d.json")
      return []
    } catch {
      return error.diagnostics
    }
  }

  /// Expects exactly one diagnostic, at the `occurrence`-th `marker`, whose message contains `words`.
  func expectOne(
    _ json: String, at marker: String, occurrence: Int = 1, saying words: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let found = diagnostics(json)
    let (line, column) = Fixtures.position(of: marker, in: json, occurrence: occurrence)
    #expect(found.count == 1, "\(found)", sourceLocation: sourceLocation)
    guard let first = found.first else { return }
    #expect(first.path == "d.json", sourceLocation: sourceLocation)
    #expect(
      (first.line, first.column) == (line, column), "\(first)", sourceLocation: sourceLocation)
    #expect(first.message.contains(words), "\(first)", sourceLocation: sourceLocation)
    #expect(
      first.description.hasPrefix("d.json:\(line):\(column): error: "),
      sourceLocation: sourceLocation)
  }

  @Test func validDatasetHasNoDiagnostics() {
    #expect(diagnostics(Self.dataset(events: [Self.event("e")])).isEmpty)
    #expect(diagnostics(Fixtures.story).isEmpty)
  }

  /// Blank ids (any Unicode whitespace) and ids over the length limit in scalars, not bytes.
  @Test func blankAndLongIDs() {
    #expect(DatasetChecker.isBlank(""))
    #expect(DatasetChecker.isBlank(" \t"))
    #expect(DatasetChecker.isBlank("\u{00A0}\u{2003}"))
    #expect(!DatasetChecker.isBlank("a"))
    #expect(!DatasetChecker.isBlank(" a"))
    #expect(!DatasetChecker.isBlank("\u{00A0}é"))
    let blank = Self.dataset(actors: [#"{"id": "\#u{2003}", "name": "X", "kind": "person"}"#])
    #expect(diagnostics(blank).first?.message.contains("empty id") == true)
    // 200 scalars of two bytes each: 400 bytes, not too long.
    let accented = String(repeating: "é", count: DatasetChecker.maximumIDLength)
    let long = Self.dataset(actors: [#"{"id": "\#(accented)", "name": "X", "kind": "person"}"#])
    #expect(diagnostics(long).isEmpty)
    let tooLong = Self.dataset(actors: [#"{"id": "\#(accented)é", "name": "X", "kind": "person"}"#])
    #expect(diagnostics(tooLong).first?.message.contains("201 characters long") == true)
  }

  @Test func syntaxErrorsWithExactPositions() {
    #expect(
      diagnostics("{\n  \"format\": \"dateline/1\",\n  \"sources\": [,]\n}").map(\.description) == [
        "d.json:3:15: error: invalid JSON: unexpected ','; expected a value (object, array, string, number, true, false or null)"
      ])
    #expect(
      diagnostics("{\"format\": \"dateline/1\" \"actors\": []}").map(\.description) == [
        "d.json:1:25: error: invalid JSON: expected ',' or '}' after a member, found '\"'; is a comma missing?"
      ])
    #expect(diagnostics("{\"a\": [1, 2,]}").first?.column == 13)
    #expect(diagnostics("").first?.message.contains("empty") == true)
    #expect(
      diagnostics("{\"format\": \"dateline/1\"").first?.message.contains("end of file") == true)
    #expect(diagnostics("{\"format\": 'x'}").first?.message.contains("double quotes") == true)
    #expect(diagnostics("{\"a\": 1, \"a\": 2}").first?.message.contains("duplicate key") == true)
    // In an object of a few members and in one of many, the repeat names the first place.
    let many = (0..<20).map { "\"k\($0)\": 0" }.joined(separator: ", ")
    for inner in [
      "\"a\": 1, \"b\": 2, \"a\": 3", "\"a\": 1, \(many), \"a\": 3", "\(many), \"k3\": 1",
    ] {
      let found = diagnostics("{\"x\": {\(inner)}}").first?.message ?? ""
      #expect(found.contains("duplicate key") && found.contains("line 1, column"), "\(found)")
    }
    #expect(
      diagnostics("{\"x\": {\"a\": 1, \(many), \"b\": 3}}").allSatisfy {
        !$0.message.contains("duplicate")
      })
    #expect(diagnostics("{\"format\": \"dateline/1\"} x").first?.column == 26)
    // Columns count characters, not bytes.
    #expect(diagnostics("{\"é\": \"ü\" x}").first?.column == 11)
  }

  @Test func wrongTypesAndMissingFields() {
    let wrongType = Self.dataset(actors: [#"{"id": "trump", "name": 42, "kind": "person"}"#])
    expectOne(
      wrongType, at: "42", saying: "\"name\" of actor 'trump' must be a string, found a number")
    let missing = Self.dataset(actors: [#"{"id": "trump", "kind": "person"}"#])
    expectOne(missing, at: #"{"id": "trump""#, saying: "missing the required field \"name\"")
    let badKind = Self.dataset(actors: [#"{"id": "trump", "name": "T", "kind": "alien"}"#])
    expectOne(badKind, at: #""alien""#, saying: "use one of: person, country, organization, group")
    let unknownField = Self.dataset(actors: [
      #"{"id": "trump", "name": "T", "kind": "person", "rank": 1}"#
    ])
    expectOne(unknownField, at: #""rank""#, saying: "unknown field \"rank\"")
    let notObject = Self.dataset(events: ["7"])
    expectOne(notObject, at: "7", saying: "must be an object")
    let paragraph = Self.dataset(events: [
      Self.event("e").replacingOccurrences(of: "\"paragraph\": 1", with: "\"paragraph\": 0")
    ])
    expectOne(paragraph, at: "0}", saying: "\"paragraph\"")
    expectOne("[1, 2]", at: "[", saying: "must be a JSON object")
  }

  @Test func unknownFormatVersion() {
    expectOne(
      Self.dataset(format: "dateline/2"), at: #""dateline/2""#,
      saying: "unknown format version \"dateline/2\"")
    expectOne(#"{"sources": []}"#, at: "{", saying: "no \"format\"")
  }

  @Test func unknownActorIDs() {
    let participant = Self.dataset(events: [Self.event("e", participants: #"["trump", "ghost"]"#)])
    expectOne(participant, at: #""ghost""#, saying: "unknown actor id 'ghost'")
    let speaker = Self.dataset(quotes: [
      #"{"id": "q", "text": "Hi", "speaker": "ghost", \#(Self.provenance)}"#
    ])
    expectOne(speaker, at: #""ghost""#, saying: "unknown actor id 'ghost'")
    let affiliation = Self.dataset(actors: [
      #"{"id": "trump", "name": "T", "kind": "person", "affiliation": "ghost"}"#
    ])
    expectOne(affiliation, at: #""ghost""#, saying: "unknown actor id 'ghost'")
    let relation = Self.dataset(relations: [
      #"{"from": "trump", "to": "ghost", "kind": "met-with", \#(Self.provenance)}"#
    ])
    expectOne(relation, at: #""ghost""#, saying: "unknown actor id 'ghost'")
  }

  @Test func selfReferencesAndRepeats() {
    let affiliation = Self.dataset(actors: [
      #"{"id": "trump", "name": "T", "kind": "person", "affiliation": "trump"}"#
    ])
    expectOne(affiliation, at: #""trump"}"#, saying: "affiliated with itself")
    let relation = Self.dataset(relations: [
      #"{"from": "trump", "to": "trump", "kind": "met-with", \#(Self.provenance)}"#
    ])
    expectOne(relation, at: #""trump", "kind""#, saying: "links 'trump' with itself")
    let repeated = Self.dataset(events: [
      Self.event("e", participants: #"["trump", "us", "trump"]"#)
    ])
    expectOne(repeated, at: #""trump"]"#, saying: "listed twice")
    // A long list (checked through a set) finds its repeat the same way.
    let people = (1...20).map { #"{"id": "p\#($0)", "name": "P\#($0)", "kind": "person"}"# }
    let ids = (1...20).map { #""p\#($0)""# }.joined(separator: ", ")
    let long = Self.dataset(
      actors: people, events: [Self.event("e", participants: "[\(ids), \"p7\"]")])
    expectOne(long, at: #""p7"]"#, saying: "participant 'p7' is listed twice")
  }

  @Test func unknownEventAndSourceIDs() {
    let quoteEvent = Self.dataset(quotes: [
      #"{"id": "q", "text": "Hi", "speaker": "trump", "event": "ghost", \#(Self.provenance)}"#
    ])
    expectOne(quoteEvent, at: #""ghost""#, saying: "unknown event id 'ghost'")
    let relativeTo = Self.dataset(events: [
      Self.event("e", date: #"{"stated": "earlier in the day", "relativeTo": "ghost"}"#)
    ])
    expectOne(relativeTo, at: #""ghost""#, saying: "unknown event id 'ghost'")
    let source = Self.dataset(events: [
      Self.event("e").replacingOccurrences(of: #""source": "ap""#, with: #""source": "ghost""#)
    ])
    expectOne(source, at: #""ghost""#, saying: "unknown source id 'ghost'")
  }

  @Test func duplicateIDsAcrossKinds() {
    let json = Self.dataset(events: [Self.event("trump")])
    let found = diagnostics(json)
    let (line, column) = Fixtures.position(of: #""trump""#, in: json, occurrence: 2)
    #expect(
      found.map(\.description) == [
        "d.json:\(line):\(column): error: duplicate id 'trump': already used by the actor at d.json:7:12; give each source, actor, event and quote its own id"
      ])
  }

  @Test func unparseableAndUnresolvableDates() {
    let edtf = Self.dataset(events: [Self.event("e", date: #""2025-02-30""#)])
    expectOne(edtf, at: #""2025-02-30""#, saying: "day '30' does not exist in 2025-02")
    let stated = Self.dataset(events: [Self.event("e", date: #"{"stated": "when pigs fly"}"#)])
    expectOne(stated, at: #""when pigs fly""#, saying: "cannot resolve the date 'when pigs fly'")
    let wrongShape = Self.dataset(events: [Self.event("e", date: "3")])
    expectOne(wrongShape, at: "3,", saying: "must be an EDTF string")
    let tense = Self.dataset(events: [
      Self.event("e", date: #"{"stated": "Thursday", "tense": "soon"}"#)
    ])
    expectOne(tense, at: #""soon""#, saying: "use one of: past, present, future")
  }

  @Test func relativeDateWithNothingToAnchorIt() {
    let source = #"{"id": "ap", "publisher": "AP", "title": "T", "published": ""}"#
    let json = Self.dataset(
      sources: [source], events: [Self.event("e", date: #"{"stated": "on Thursday"}"#)])
    expectOne(json, at: #""on Thursday""#, saying: "nothing to anchor it")
    let badPublished = Self.dataset(sources: [
      source.replacingOccurrences(of: #""published": """#, with: #""published": "Monday""#)
    ])
    expectOne(badPublished, at: #""Monday""#, saying: "is not ISO 8601")
  }

  @Test func relativeToCycle() {
    let json = Self.dataset(events: [
      Self.event("a", date: #"{"stated": "earlier in the day", "relativeTo": "b"}"#),
      Self.event("b", date: #"{"stated": "later in the day", "relativeTo": "c"}"#),
      Self.event("c", date: #"{"stated": "the day before", "relativeTo": "a"}"#),
      Self.event("d", date: #"{"stated": "the day after", "relativeTo": "a"}"#),
    ])
    expectOne(json, at: #""b""#, saying: "cycle through relativeTo: a -> b -> c -> a")
  }

  @Test func quoteSpeakerMustBeAPersonOrGroup() {
    let json = Self.dataset(quotes: [
      #"{"id": "q", "text": "No", "speaker": "us", \#(Self.provenance)}"#
    ])
    expectOne(
      json, at: #""us", \#(Self.provenance)"#, saying: "a quote is said by a person or a group")
  }

  @Test func emptyQuoteText() {
    let json = Self.dataset(quotes: [
      #"{"id": "q", "text": "  ", "speaker": "trump", \#(Self.provenance)}"#
    ])
    expectOne(json, at: #""  ""#, saying: "empty text")
  }

  @Test func reportsEveryProblemNotJustTheFirst() {
    let json = Self.dataset(
      events: [
        Self.event("e", date: #""2025-13""#, participants: #"["ghost"]"#),
        Self.event("e"),
      ],
      quotes: [#"{"id": "q", "text": "", "speaker": "us", \#(Self.provenance)}"#])
    let messages = diagnostics(json).map(\.message)
    #expect(messages.count == 5, "\(messages)")
    #expect(messages.contains { $0.contains("duplicate id 'e'") })
    #expect(messages.contains { $0.contains("unknown actor id 'ghost'") })
    #expect(messages.contains { $0.contains("month '13'") })
    #expect(messages.contains { $0.contains("empty text") })
    #expect(messages.contains { $0.contains("person or a group") })
  }

  @Test func problemsComeInReadingOrder() {
    let json = Self.dataset(
      events: [Self.event("e", date: #""2025-13""#, participants: #"["ghost"]"#)],
      quotes: [#"{"id": "q", "text": "", "speaker": "us", \#(Self.provenance)}"#])
    let positions = diagnostics(json).map { [$0.line, $0.column] }
    #expect(positions == positions.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) })
    #expect(positions.count == 4)
  }

  @Test func brokenItemsDoNotCascade() {
    // The actor is dropped for its bad kind; references to it are not reported again.
    let json = Self.dataset(
      actors: [#"{"id": "trump", "name": "T", "kind": "alien"}"#],
      events: [Self.event("e")])
    #expect(diagnostics(json).count == 1)
  }
}

@Suite struct LoaderFileTests {
  @Test func mergesADirectoryInNameOrder() throws {
    let scratch = try ScratchDirectory("model-tests")
    defer { scratch.remove() }
    let directory = scratch.url
    let people = ValidationTests.dataset(events: [])
    let events = ValidationTests.dataset(
      sources: [], actors: [], events: [ValidationTests.event("e")])
    try people.write(
      to: directory.appendingPathComponent("1-people.json"), atomically: true, encoding: .utf8)
    try events.write(
      to: directory.appendingPathComponent("2-events.json"), atomically: true, encoding: .utf8)
    try "not json".write(
      to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    let dataset = try DatasetLoader.load(path: directory.path)
    #expect(dataset.actors.map(\.id) == ["trump", "us"])
    #expect(dataset.events.map(\.id) == ["e"])
    #expect(DatasetLoader.validate(paths: [directory.path]).isEmpty)
    let timeline = try Timeline(path: directory.path)
    #expect(timeline.events.count == 1)
  }

  @Test func duplicateAcrossFilesNamesBothPlaces() throws {
    let scratch = try ScratchDirectory("model-tests")
    defer { scratch.remove() }
    let directory = scratch.url
    let first = directory.appendingPathComponent("a.json")
    let second = directory.appendingPathComponent("b.json")
    try ValidationTests.dataset().write(to: first, atomically: true, encoding: .utf8)
    try ValidationTests.dataset(sources: [], actors: [ValidationTests.person])
      .write(to: second, atomically: true, encoding: .utf8)
    let found = DatasetLoader.validate(paths: [directory.path])
    #expect(
      found.map(\.description) == [
        "\(second.path):5:12: error: duplicate id 'trump': already used by the actor at \(first.path):7:12; give each source, actor, event and quote its own id"
      ])
  }

  @Test func missingPathsAndEmptyDirectories() throws {
    let scratch = try ScratchDirectory("model-tests")
    defer { scratch.remove() }
    let directory = scratch.url
    let missing = directory.appendingPathComponent("nope.json").path
    #expect(
      DatasetLoader.validate(paths: [missing]).map(\.description) == [
        "\(missing):1:1: error: no such file or directory; pass a dataset file or a directory of *.json files"
      ])
    #expect(
      DatasetLoader.validate(paths: [directory.path]).first?.message.contains("no *.json") == true)
    #expect(throws: DatasetLoadError.self) { try DatasetLoader.load(path: missing) }
  }

  @Test func eachPathIsItsOwnDataset() throws {
    let scratch = try ScratchDirectory("model-tests")
    defer { scratch.remove() }
    let directory = scratch.url
    let first = directory.appendingPathComponent("a.json")
    let second = directory.appendingPathComponent("b.json")
    try ValidationTests.dataset().write(to: first, atomically: true, encoding: .utf8)
    try ValidationTests.dataset(format: "dateline/9").write(
      to: second, atomically: true, encoding: .utf8)
    // The same ids in two datasets are no duplicates; each dataset's problems are its own.
    let found = DatasetLoader.validate(paths: [first.path, second.path])
    #expect(found.map(\.path) == [second.path])
    #expect(DatasetLoader.validate(paths: []).first?.message.contains("no dataset path") == true)
  }

  @Test func syntaxErrorInOneFileDoesNotCascade() throws {
    let scratch = try ScratchDirectory("model-tests")
    defer { scratch.remove() }
    let directory = scratch.url
    try "{\"format\": ".write(
      to: directory.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
    try ValidationTests.dataset(sources: [], actors: [], events: [ValidationTests.event("e")])
      .write(to: directory.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
    let found = DatasetLoader.validate(paths: [directory.path])
    #expect(found.count == 1)
    #expect(found.first?.message.hasPrefix("invalid JSON") == true)
  }
}

/// Whatever the bytes, loading ends in diagnostics or a dataset, never a crash.
@Suite struct GarbageInputTests {
  func load(_ bytes: [UInt8]) -> [Diagnostic] {
    DatasetLoader.parse(bytes: bytes, path: "g.json").1
  }

  @Test func deepNestingIsAnErrorNotAStackOverflow() {
    let deep = Array(repeating: UInt8(ascii: "["), count: 100_000)
    #expect(load(deep).first?.message.contains("nesting is deeper") == true)
    let deepObjects = Array(String(repeating: "{\"a\":", count: 50_000).utf8)
    #expect(load(deepObjects).first?.message.contains("nesting is deeper") == true)
  }

  @Test func everyTruncationOfAValidFileFailsCleanly() {
    let bytes = Array(Fixtures.story.utf8)
    for length in stride(from: 0, to: bytes.count, by: 7) {
      let found = load(Array(bytes[..<length]))
      #expect(!found.isEmpty)
    }
  }

  @Test func randomBytesAndMutations() {
    var generator = SeededGenerator(seed: 42)
    let story = Array(Fixtures.story.utf8)
    for _ in 0..<300 {
      let count = Int.random(in: 0..<200, using: &generator)
      let random = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
      _ = load(random)
      var mutated = story
      for _ in 0..<3 {
        mutated[Int.random(in: 0..<mutated.count, using: &generator)] = UInt8.random(
          in: 0...255, using: &generator)
      }
      _ = load(mutated)
      // A mutation that still parses must also survive the semantic checks and the timeline.
      if let dataset = try? DatasetLoader.load(json: String(decoding: mutated, as: UTF8.self)) {
        _ = try? Timeline(dataset: dataset)
      }
    }
  }

  @Test func untrustedTextInMessagesIsPrintable() {
    let json = ValidationTests.dataset(events: [
      ValidationTests.event("e", participants: #"["\u001b[2J\u202Eevil"]"#)
    ])
    let message = ValidationTests().diagnostics(json).first?.message ?? ""
    #expect(message.contains(#"unknown actor id '\u{1B}[2J\u{202E}evil'"#))
    #expect(!message.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    let long = Diagnostic(
      path: "p", line: 1, column: 1, message: String(repeating: "x", count: 5000))
    #expect(long.message.count == Diagnostic.maximumLength + 1)
    #expect(Diagnostic(path: "a\nb", line: 1, column: 1, message: "m").path == #"a\u{A}b"#)
  }

  @Test func stringEscapesDecode() throws {
    let json = #"{"format": "dateline/1", "title": "a\"b\\c\/d\n\t\u00e9\ud83d\ude00 ü end"}"#
    let dataset = try DatasetLoader.load(json: json)
    #expect(dataset.title == "a\"b\\c/d\n\té😀 ü end")
  }

  @Test func oddButValidJSON() {
    #expect(
      load(Array("{\"format\": \"dateline/1\", \"title\": \"\\ud83d\\ude00 \\u00e9\"}".utf8))
        .isEmpty)
    #expect(load(Array("\u{FEFF}{\"format\": \"dateline/1\"}".utf8)).isEmpty)
    #expect(load([0xFF, 0xFE]).first?.message.contains("UTF-8") == true)
    // An out-of-range number is still a number: only the unknown field is reported.
    #expect(load(Array("{\"format\": \"dateline/1\", \"x\": 1e999}".utf8)).count == 1)
    #expect(
      load(Array("{\"format\": \"dateline/1\", \"sources\": {}}".utf8)).first?.message.contains(
        "must be an array") == true)
  }
}
