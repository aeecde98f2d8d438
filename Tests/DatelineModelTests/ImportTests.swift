import DatelineTestSupport
import Foundation
import Testing

@testable import DatelineModel

/// Gathers what an import hands on, chunk by chunk, and the quotes it then drops.
final class CollectingSink: QuoteDroppingSink {
  var chunks: [Dataset] = []
  var dropped: [Int] = []

  func add(_ chunk: Dataset) throws(DatasetLoadError) { chunks.append(chunk) }

  func dropQuotes(at positions: [Int]) throws(DatasetLoadError) { dropped += positions }

  /// Every chunk in one dataset, without the quotes dropped.
  var merged: Dataset {
    var all = Dataset()
    for chunk in chunks {
      if all.title == nil { all.title = chunk.title }
      all.sources += chunk.sources
      all.actors += chunk.actors
      all.events += chunk.events
      all.quotes += chunk.quotes
      all.relations += chunk.relations
    }
    all.removeQuotes(at: dropped)
    return all
  }
}

/// Quotebank lines as the corpus writes them.
enum QuotebankLines {
  static func line(
    _ id: String, _ text: String, speaker: String, qids: [String] = [],
    date: String = "2020-01-16 12:00:00", urls: [String] = ["https://www.example.com/a"]
  ) -> String {
    func list(_ items: [String]) -> String {
      "[" + items.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }
    return
      #"{"quoteID": "\#(id)", "quotation": "\#(text)", "speaker": "\#(speaker)", "qids": \#(list(qids)), "date": "\#(date)", "numOccurrences": 2, "probas": [["\#(speaker)", "0.8"], ["None", "0.2"]], "urls": \#(list(urls)), "phase": "E"}"#
  }
}

@Suite struct QuotebankImportTests {
  func importing(_ text: String, skipBad: Bool = false, chunkSize: Int = 10_000) throws
    -> (Dataset, ImportSummary, Int)
  {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("quotes.jsonl", text)
    let sink = CollectingSink()
    var importer = Importer(skipBad: skipBad)
    importer.chunkSize = chunkSize
    let summary = try importer.run(inputs: [path], into: sink)
    return (sink.merged, summary, sink.chunks.count)
  }

  func failure(_ text: String) throws -> [Diagnostic] {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("quotes.jsonl", text)
    do {
      _ = try Importer().run(inputs: [path], into: CollectingSink())
      return []
    } catch {
      return error.diagnostics.map {
        var copy = $0
        copy.path = "quotes.jsonl"
        return copy
      }
    }
  }

  @Test func aLineBecomesAQuoteWithItsDateURLsAndSpeaker() throws {
    let text =
      QuotebankLines.line(
        "2020-01-16-000088", "We will build it", speaker: "Donald Trump",
        qids: ["Q22686", "Q27947481"],
        urls: ["https://www.nytimes.com/2020/01/16/x.html", "http://cnn.com:80/y"]) + "\n"
    let (dataset, summary, _) = try importing(text)
    #expect(summary.quotes == 1)
    let quote = try #require(dataset.quotes.first)
    #expect(quote.id == "2020-01-16-000088")
    #expect(quote.text == "We will build it")
    #expect(quote.speaker == "Q22686")
    #expect(quote.date == .edtf("2020-01-16"))
    #expect(quote.urls == ["https://www.nytimes.com/2020/01/16/x.html", "http://cnn.com:80/y"])
    #expect(quote.provenance == Provenance(source: "site-www.nytimes.com", paragraph: 1))
    #expect(dataset.actors == [Actor(id: "Q22686", name: "Donald Trump", kind: .person)])
    #expect(dataset.sources.map(\.id) == ["site-www.nytimes.com"])
    // What an import produces loads as a timeline.
    let timeline = try Timeline(dataset: dataset)
    #expect(timeline.quotes.first?.date.value.description == "2020-01-16")
  }

  @Test func speakersMergeByWikidataIDElseByName() throws {
    let text = [
      QuotebankLines.line("q1", "one", speaker: "Donald Trump", qids: ["Q22686"]),
      QuotebankLines.line("q2", "two", speaker: "President Trump", qids: ["Q22686"]),
      QuotebankLines.line("q3", "three", speaker: "Jane Roe"),
      QuotebankLines.line("q4", "four", speaker: "Jane Roe"),
      QuotebankLines.line("q5", "five", speaker: "Jane-Roe"),
      QuotebankLines.line("q6", "six", speaker: "Jane Roe", qids: ["Q1"]),
    ].joined(separator: "\n")
    let (dataset, _, _) = try importing(text, chunkSize: 2)
    #expect(dataset.actors.map(\.id) == ["Q22686", "jane-roe", "jane-roe-2", "Q1"])
    #expect(dataset.actors.first?.name == "Donald Trump")
    #expect(
      dataset.quotes.map(\.speaker) == [
        "Q22686", "Q22686", "jane-roe", "jane-roe", "jane-roe-2", "Q1",
      ])
    #expect(throws: Never.self) { try Timeline.check(dataset) }
  }

  /// Ids made from long names, Wikidata ids or hosts stay under validate's limit, and apart
  /// (a fuzzer found a 225-letter speaker whose dataset validate refused).
  @Test func longNamesGiveShortDistinctIDs() throws {
    let long = String(repeating: "Ann ", count: 60)
    let text = [
      QuotebankLines.line("q1", "one", speaker: long + "Lee"),
      QuotebankLines.line("q2", "two", speaker: long + "Kim"),
      QuotebankLines.line("q3", "three", speaker: "B", qids: [String(repeating: "Q9", count: 150)]),
    ].joined(separator: "\n")
    let (dataset, _, _) = try importing(text)
    #expect(
      dataset.actors.allSatisfy { $0.id.unicodeScalars.count <= 64 }, "\(dataset.actors.map(\.id))")
    #expect(Set(dataset.actors.map(\.id)).count == 3)
    #expect(throws: Never.self) { try Timeline.check(dataset) }
  }

  /// Actor, source and quote ids never collide, whatever order they come in (a fuzzer found
  /// the speaker ".....8..." whose actor `8` sat beside the quote `8`, and the import stopped).
  @Test func idsStayApartAcrossActorsSourcesAndQuotes() throws {
    let text = [
      // The speaker's slug is the line's own quoteID.
      QuotebankLines.line("8", "l win", speaker: ".....8..."),
      // A quoteID that an earlier speaker's actor holds.
      QuotebankLines.line("jane-roe", "one", speaker: "Jane Roe"),
      QuotebankLines.line("q2", "two", speaker: "Pat Poe"),
      QuotebankLines.line("pat-poe", "three", speaker: "Lee Loe"),
      // A speaker named like an earlier quote, and quoteIDs that fixed ids or a site hold.
      QuotebankLines.line("q4", "four", speaker: "Q2"),
      QuotebankLines.line("quotebank", "five", speaker: "None", urls: []),
      QuotebankLines.line("site-www.example.com", "six", speaker: "Site www.example.com"),
      // A later quoteID equal to the id a renamed quote was given.
      QuotebankLines.line("quote-pat-poe", "seven", speaker: "Kim Koe"),
    ].joined(separator: "\n")
    let (dataset, _, _) = try importing(text, chunkSize: 2)
    let ids =
      dataset.actors.map(\.id) + dataset.sources.map(\.id) + dataset.quotes.map(\.id)
    #expect(Set(ids).count == ids.count, "\(ids)")
    #expect(throws: Never.self) { try Timeline.check(dataset) }
    #expect(dataset.actors.first?.id == "8-2")
    #expect(
      dataset.quotes.map(\.id) == [
        "8", "jane-roe", "q2", "quote-pat-poe", "q4", "quote-quotebank",
        "quote-site-www.example.com",
        "quote-quote-pat-poe",
      ])
    #expect(dataset.actors.contains { $0.id == "q2-2" && $0.name == "Q2" })
  }

  @Test func noneIsAnUnknownSpeakerNotAnActorCalledNone() throws {
    let text = [
      QuotebankLines.line("q1", "one", speaker: "None"),
      QuotebankLines.line("q2", "two", speaker: "None"),
      QuotebankLines.line("q3", "three", speaker: "Unknown Speaker"),
    ].joined(separator: "\n")
    let (dataset, _, _) = try importing(text)
    #expect(!dataset.actors.contains { $0.name == "None" || $0.id == "none" })
    #expect(dataset.quotes[0].speaker == QuotebankMapper.unknownSpeakerID)
    #expect(dataset.quotes[1].speaker == QuotebankMapper.unknownSpeakerID)
    #expect(dataset.actors.filter { $0.id == QuotebankMapper.unknownSpeakerID }.count == 1)
    // A real speaker whose name makes the reserved id gets another.
    #expect(dataset.quotes[2].speaker == "unknown-speaker-2")
    #expect(throws: Never.self) { try Timeline.check(dataset) }
  }

  /// Sites come from the host of the first URL: lower case, without user or port; an address
  /// without a valid host cites Quotebank.
  @Test func aSiteIsTheHostOfTheFirstURL() {
    let cases: [(String, String?)] = [
      ("https://www.Example.com:8080/a?b", "www.example.com"),
      ("http://user:pw@host.org/x#y", "host.org"),
      ("https://bad_host.com/", nil),
      ("news.example", "news.example"),
      ("https:///path", nil),
      ("https://dé.example/ünï", "dé.example"),
      ("https://a.b?c=d://e", "a.b"),
      ("", nil),
    ]
    for (url, host) in cases {
      #expect(QuotebankMapper.host(of: url) == host, "\(url)")
    }
  }

  /// An import's first pass steps over the quotes without parsing them: everything else
  /// decodes to the same items at the same lines and columns, and odd text inside quotes
  /// (brackets, escaped quotation marks, a key named "quotes") cannot mislead it.
  @Test(arguments: [1, 2, 3] as [UInt64])
  func skippingQuotesKeepsEverythingElseWhereItWas(seed: UInt64) throws {
    var dataset = RandomDataset.make(seed: seed, quotes: 12)
    dataset.quotes[0].text = "a ] b } c \\\" \"quotes\": [ ,"
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write(
      "x.json", String(decoding: DatasetWriter.utf8(dataset), as: UTF8.self))
    let (whole, _, wholeFailed) = DatasetLoader.parse(
      bytes: DatasetWriter.utf8(dataset), path: path)
    var skipped = LocatedDataset()
    let outcome = try DatasetFileReader.$chunkSize.withValue(64) {
      try DatasetFileReader.read(path, modes: .init(quotes: .skip, others: .decode)) {
        batch, _ throws(DatasetLoadError) in skipped.merge(batch)
      }
    }
    #expect(!wholeFailed)
    guard case .read = outcome else {
      Issue.record("not read: \(outcome)")
      return
    }
    var expected = whole.dataset
    expected.quotes = []
    #expect(skipped.dataset == expected)
    #expect(skipped.events.map(\.object) == whole.events.map(\.object))
    #expect(skipped.relations.map(\.object) == whole.relations.map(\.object))
  }

  @Test func quotesWithoutURLsCiteQuotebank() throws {
    let (dataset, _, _) = try importing(
      QuotebankLines.line("q1", "one", speaker: "A B", urls: []) + "\n")
    #expect(dataset.quotes[0].provenance.source == "quotebank")
    #expect(dataset.quotes[0].urls.isEmpty)
    #expect(dataset.sources.map(\.id) == ["quotebank"])
  }

  @Test func malformedLinesAreReportedAtLineAndColumn() throws {
    let good = QuotebankLines.line("q1", "one", speaker: "A")
    // The bad line, where the error points (the first character of this marker), the message.
    let cases: [(String, String?, String)] = [
      (
        #"{"quoteID": "q2", "quotation": "x", "speaker": "A", "date": 7}"#, "7}",
        "\"date\" must be a string"
      ),
      (
        #"{"quoteID": "q2", "quotation": "x", "speaker": "A", "date": "yesterday"}"#, "\"yesterday",
        "2020-01-16 12:00:00"
      ),
      (#"{"quoteID": "q2", "speaker": "A", "date": "2020-01-01"}"#, nil, "no \"quotation\""),
      (
        #"{"quoteID": "q2", "quotation": "x", "speaker": "A", "date": "2020-01-01", "urls": [1]}"#,
        "1]", "must hold strings"
      ),
      (#"{"quoteID": "q2", "quotation": "x" "speaker": "A"}"#, "\"speaker", "invalid JSON"),
      (#"["not", "an", "object"]"#, nil, "one JSON object"),
      (QuotebankLines.line("q1", "again", speaker: "A"), nil, "already imported"),
      (
        QuotebankLines.line(String(repeating: "q", count: 201), "x", speaker: "A"),
        "\"qqq", "201 characters long"
      ),
    ]
    for (bad, marker, words) in cases {
      let line = 2
      let column = marker.map { Fixtures.position(of: $0, in: bad).1 } ?? 1
      let found = try failure(
        good + "\n" + bad + "\n" + good.replacingOccurrences(of: "q1", with: "q9"))
      #expect(found.count == 1, "\(found)")
      guard let first = found.first else { continue }
      #expect((first.line, first.column) == (line, column), "\(first)")
      #expect(first.message.contains(words), "\(first)")
      #expect(first.description.hasPrefix("quotes.jsonl:\(line):\(column): error: "))
    }
  }

  @Test func aTruncatedFileIsAnErrorAtItsLastLine() throws {
    let whole = [
      QuotebankLines.line("q1", "one", speaker: "A"),
      QuotebankLines.line("q2", "two", speaker: "B"),
    ].joined(separator: "\n")
    // Every cut inside the second line fails there; never a crash, never a silent success.
    let secondStart = whole.utf8.count - QuotebankLines.line("q2", "two", speaker: "B").utf8.count
    for cut in stride(from: secondStart + 1, to: whole.utf8.count - 1, by: 7) {
      let text = String(decoding: Array(whole.utf8)[..<cut], as: UTF8.self)
      let found = try failure(text)
      #expect(found.count == 1 && found[0].line == 2, "cut at \(cut): \(found)")
      #expect(found.first?.message.contains("truncated") == true, "cut at \(cut): \(found)")
    }
  }

  @Test func skipBadCountsMalformedLinesAndKeepsTheRest() throws {
    let text = [
      QuotebankLines.line("q1", "one", speaker: "A"), "{broken", "",
      QuotebankLines.line("q2", "two", speaker: "B"), #"{"quoteID": 3}"#,
      QuotebankLines.line("q3", "three", speaker: "C"),
    ].joined(separator: "\n")
    let (dataset, summary, _) = try importing(text, skipBad: true)
    #expect(dataset.quotes.map(\.id) == ["q1", "q2", "q3"])
    #expect(summary.skippedLines == 2)
    #expect(summary.skipped.map(\.line) == [2, 5])
    #expect(summary.quotes == 3)
  }

  @Test func chunksStaySmallAndReferenceNothingAhead() throws {
    let lines = (0..<25).map { QuotebankLines.line("q\($0)", "text \($0)", speaker: "S\($0 % 7)") }
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("q.jsonl", lines.joined(separator: "\r\n") + "\r\n")
    let sink = CollectingSink()
    var importer = Importer()
    importer.chunkSize = 10
    _ = try importer.run(inputs: [path], into: sink)
    #expect(sink.chunks.map(\.quotes.count) == [10, 10, 5])
    var known = Set<String>()
    for chunk in sink.chunks {
      known.formUnion(chunk.actors.map(\.id))
      known.formUnion(chunk.sources.map(\.id))
      for quote in chunk.quotes {
        #expect(known.contains(quote.speaker) && known.contains(quote.provenance.source))
      }
    }
  }

  @Test func detectionIsByContent() {
    func kind(_ text: String) -> ImportInputKind? { Importer.detect(prefix: Array(text.utf8)) }
    #expect(kind(QuotebankLines.line("q", "x", speaker: "A") + "\n") == .quotebank)
    #expect(kind("{\n  \"format\": \"dateline/1\"\n}") == .dataset)
    #expect(kind(#"{"format": "dateline/1", "quotes": []}"#) == .dataset)
    #expect(kind("{\"events\": [{\"start_date\": {\"year\": 2020}}]}") == .timelineJSON)
    #expect(kind("Year,Month,Day,Time,End Year\n") == .timelineCSV)
    #expect(kind("hello") == nil)
  }
}

@Suite struct LineReaderTests {
  @Test func readsLinesLongerThanItsBufferAndEveryLineEnding() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let long = String(repeating: "x", count: 1000)
    let path = try scratch.write("lines", "a\r\n\(long)\n\nlast")
    let reader = try LineReader(path: path, bufferSize: 16)
    var lines: [String] = []
    var ends: [Bool] = []
    while let (bytes, terminated) = try reader.next() {
      lines.append(String(decoding: bytes, as: UTF8.self))
      ends.append(terminated)
    }
    #expect(lines == ["a", long, "", "last"])
    #expect(ends == [true, true, true, false])
    #expect(reader.lineNumber == 4)
    #expect(reader.bytesRead == 1009)
  }

  @Test func aMissingFileIsADiagnostic() {
    #expect(throws: DatasetLoadError.self) { try LineReader(path: "/no/such/file.jsonl") }
  }
}

@Suite struct DatasetStreamTests {
  /// A story split over three files: a quote file sorted before the actors it names.
  static let files: [(String, String)] = [
    (
      "0-quotes.json",
      #"{"format": "dateline/1", "quotes": [{"id": "q1", "text": "Hello", "speaker": "trump", "event": "e", "provenance": {"source": "ap", "paragraph": 2}}, {"id": "q2", "text": "Bye", "speaker": "trump", "date": {"stated": "yesterday"}, "provenance": {"source": "ap", "paragraph": 3}, "urls": ["https://example.com/a"]}]}"#
    ),
    (
      "1-people.json",
      #"{"format": "dateline/1", "title": "T", "sources": [\#(ValidationTests.source)], "actors": [\#(ValidationTests.person)]}"#
    ),
    ("2-events.json", #"{"format": "dateline/1", "events": [\#(ValidationTests.event("e"))]}"#),
  ]

  @Test func aDirectoryStreamsToTheDatasetTheLoaderReads() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    for (name, text) in Self.files { _ = try scratch.write(name, text) }
    let sink = CollectingSink()
    let summary = try DatasetStream.read(paths: [scratch.url.path], into: sink)
    let loaded = try DatasetLoader.load(path: scratch.url.path)
    let streamed = sink.merged
    #expect(streamed.title == loaded.title)
    #expect(streamed.sources == loaded.sources)
    #expect(streamed.actors == loaded.actors)
    #expect(streamed.events == loaded.events)
    #expect(streamed.quotes == loaded.quotes)
    #expect(summary.quotes == 2 && summary.actors == 1 && summary.events == 1)
    // The first chunk holds everything but quotes; then one chunk per file with quotes.
    #expect(sink.chunks.count == 2)
    #expect(sink.chunks[0].quotes.isEmpty && sink.chunks[1].quotes.count == 2)
  }

  /// The streaming check reports what the whole-dataset check reports, in the same order.
  @Test func streamingValidationEqualsTheWholeDatasetCheck() throws {
    let v = ValidationTests.self
    let quote = { (id: String, speaker: String, extra: String) in
      #"{"id": "\#(id)", "text": "T", "speaker": "\#(speaker)", \#(extra)\#(v.provenance)}"#
    }
    let datasets = [
      v.dataset(quotes: [
        quote("q1", "nobody", ""), quote("q1", "us", ""), quote("trump", "trump", ""),
      ]),
      v.dataset(
        events: [v.event("e"), v.event("e2", date: #"{"stated": "on Blursday"}"#)],
        quotes: [
          quote("q1", "trump", #""event": "nope", "#),
          quote("q2", "trump", #""date": {"stated": "earlier", "relativeTo": "e2"}, "#),
          quote("q3", "trump", #""date": "2025-02-30", "#), quote("", "trump", ""),
          #"{"id": "q4", "text": " ", "speaker": 3, \#(v.provenance)}"#,
        ]),
      v.dataset(sources: [], quotes: [quote("q1", "trump", "")]),
    ]
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    for (index, json) in datasets.enumerated() {
      let path = try scratch.write("d\(index).json", json)
      var whole: [Diagnostic] = []
      do { _ = try DatasetLoader.load(json: json, path: path) } catch { whole = error.diagnostics }
      let streamed = DatasetStream.validate(paths: [path]).diagnostics
      #expect(!whole.isEmpty)
      #expect(streamed == whole, "dataset \(index)")
    }
  }

  /// Quote files are read two at a time, yet their quotes arrive, and their problems are
  /// reported, in file order, as the whole-dataset loader has them.
  @Test func manyQuoteFilesArriveInFileOrder() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    _ = try scratch.write("0-people.json", Self.files[1].1)
    _ = try scratch.write("0-events.json", Self.files[2].1)
    func file(_ quotes: [(id: String, speaker: String)]) -> String {
      let items = quotes.map { quote in
        #"{"id": "\#(quote.id)", "text": "Text of \#(quote.id)", "speaker": "\#(quote.speaker)", "event": "e", \#(ValidationTests.provenance)}"#
      }
      return #"{"format": "dateline/1", "quotes": [\#(items.joined(separator: ", "))]}"#
    }
    for index in 0..<24 {
      let count = index * 7 % 11 + 1
      _ = try scratch.write(
        "q-\(index < 10 ? "0" : "")\(index).json",
        file((0..<count).map { (id: "f\(index)-q\($0)", speaker: "trump") }))
    }
    let sink = CollectingSink()
    let summary = try DatasetStream.read(paths: [scratch.url.path], into: sink)
    let loaded = try DatasetLoader.load(path: scratch.url.path)
    #expect(summary.quotes == loaded.quotes.count)
    #expect(sink.merged.quotes == loaded.quotes)
    // Problems in several files: ids used again in later files, unknown speakers.
    _ = try scratch.write("q-10x.json", file([("f3-q0", "nobody"), ("fresh", "trump")]))
    _ = try scratch.write("q-20x.json", file([("f3-q0", "trump"), ("fresh", "nobody")]))
    var whole: [Diagnostic] = []
    do { _ = try DatasetLoader.load(path: scratch.url.path) } catch { whole = error.diagnostics }
    #expect(whole.count >= 4)
    #expect(DatasetStream.validate(paths: [scratch.url.path]).diagnostics == whole)
    #expect(throws: DatasetLoadError.self) {
      try DatasetStream.read(paths: [scratch.url.path], into: CollectingSink())
    }
  }

  @Test func duplicateQuoteIDsAcrossFilesNameTheFirst() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    for (name, text) in Self.files { _ = try scratch.write(name, text) }
    let again = try scratch.write(
      "3-more.json",
      #"{"format": "dateline/1", "quotes": [{"id": "q2", "text": "Again", "speaker": "trump", "provenance": {"source": "ap", "paragraph": 3}}]}"#
    )
    let found = DatasetStream.validate(paths: [scratch.url.path]).diagnostics
    #expect(found.count == 1)
    #expect(found.first?.path == again)
    #expect(
      found.first?.message.contains(
        "already used by the quote at \(scratch.url.path)/0-quotes.json:1:") == true)
  }

  /// A dataset with the unknown speaker and the unattributed source (an earlier import of
  /// Quotebank lines wrote them) lends them to the lines imported with it, instead of a second
  /// actor and source with the same ids (the import failed); a dataset that holds those ids for
  /// something else (events; an organization that cannot speak and a quote) makes them take the
  /// next free ones.
  @Test(arguments: 0..<3)
  func aDatasetsUnknownSpeakerAndSourceServeTheLines(variant: Int) throws {
    let wire = Source(id: "wire", publisher: "Wire", title: "T", published: "2020-01-16")
    var dataset = Dataset(sources: [wire], actors: [Actor(id: "ann", name: "Ann", kind: .person)])
    switch variant {
    case 0:
      dataset.actors.append(QuotebankMapper.unknownSpeaker)
      dataset.sources.append(QuotebankMapper.unattributedSource)
    case 1:
      for id in [QuotebankMapper.unknownSpeakerID, QuotebankMapper.unattributedSource.id] {
        dataset.events.append(
          Event(
            id: id, headline: "Talks", summary: "Talks.", date: .edtf("2020-01-15"),
            status: .occurred, participants: [],
            provenance: Provenance(source: "wire", paragraph: 1)))
      }
    default:
      dataset.actors.append(
        Actor(id: QuotebankMapper.unknownSpeakerID, name: "Desk", kind: .organization))
      dataset.quotes.append(
        Quote(
          id: QuotebankMapper.unattributedSource.id, text: "Hello", speaker: "ann", event: nil,
          date: nil, kind: .full, provenance: Provenance(source: "wire", paragraph: 1)))
    }
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let story = try scratch.write("story.json", DatasetWriter.utf8(dataset))
    let quotebank = try scratch.write(
      "q.jsonl",
      [
        QuotebankLines.line("qb1", "Hi", speaker: "None", urls: []),
        QuotebankLines.line("qb2", "Bye", speaker: "None", urls: []),
      ].joined(separator: "\n") + "\n")
    let builder = StoreBuilder()
    let summary = try Importer().run(inputs: [story, quotebank], into: builder)
    let timeline = try builder.finish()
    let speaker = variant == 0 ? "unknown-speaker" : "unknown-speaker-2"
    let source = variant == 0 ? "quotebank" : "quotebank-2"
    let lines = timeline.quotes.filter { $0.quote.id.hasPrefix("qb") }
    #expect(lines.map(\.quote.speaker) == [speaker, speaker])
    #expect(lines.map(\.quote.provenance.source) == [source, source])
    #expect(summary.actors == (variant == 2 ? 3 : 2))
  }

  /// A line whose quoteID a quote of the dataset imported with it has: refused at its line (the
  /// store found it only at the end, without a place), or with --skip-bad left out.
  @Test(arguments: [false, true])
  func aLineRepeatingADatasetsQuoteIsRefusedAtItsLine(skipBad: Bool) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    for (name, text) in Self.files { _ = try scratch.write("story/" + name, text) }
    let quotebank = try scratch.write(
      "q.jsonl",
      [
        QuotebankLines.line("qb1", "Hi", speaker: "Ann Lee"),
        QuotebankLines.line("q1", "Hello again", speaker: "Ann Lee"),
        QuotebankLines.line("qb3", "Bye", speaker: "Ann Lee"),
      ].joined(separator: "\n") + "\n")
    let builder = StoreBuilder()
    let importer = Importer(skipBad: skipBad)
    let expected = Diagnostic(
      path: quotebank, line: 2, column: 1,
      message:
        "quoteID 'q1' is the id of a quote of the dataset imported with it; each quotation is imported once (leave the line out, or use --skip-bad)"
    )
    guard skipBad else {
      let error = #expect(throws: DatasetLoadError.self) {
        try importer.run(inputs: [scratch.url.path + "/story", quotebank], into: builder)
      }
      #expect(error?.diagnostics == [expected])
      return
    }
    let summary = try importer.run(inputs: [scratch.url.path + "/story", quotebank], into: builder)
    #expect(summary.skippedLines == 1 && summary.skipped == [expected])
    #expect(summary.quotes == 4)
    let timeline = try builder.finish()
    #expect(Set(timeline.quotes.map(\.quote.id)) == ["q1", "q2", "qb1", "qb3"])
    #expect(timeline.quotes.first { $0.quote.id == "q1" }?.quote.text == "Hello")
  }

  @Test func aDatasetAndQuotebankImportTogether() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    for (name, text) in Self.files { _ = try scratch.write("story/" + name, text) }
    let quotebank = try scratch.write(
      "q.jsonl",
      QuotebankLines.line("qb1", "Hi", speaker: "trump", urls: ["https://ap/x"]) + "\n")
    let sink = CollectingSink()
    let summary = try Importer().run(inputs: [quotebank, scratch.url.path + "/story"], into: sink)
    #expect(summary.quotes == 3)
    let merged = sink.merged
    // The Quotebank speaker named "trump" does not take the dataset's id.
    #expect(merged.quotes.last?.speaker == "trump-2")
    #expect(throws: Never.self) { try Timeline.check(merged) }
  }
}

/// A store import that fails after some chunks were written (a truncated file, a repeated id)
/// names where, leaves the previous store as it was, and leaves no temporary file.
@Suite struct StoreImportFailureTests {
  static func leftovers(_ directory: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
      $0.contains(".dateline-tmp-")
    }
  }

  @Test(arguments: ["truncated", "repeated"])
  func aFailureAfterSomeChunksLosesNothing(kind: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let store = scratch.url.appendingPathComponent("out.sqlite").path
    let previous = StoreBuilder(path: store)
    try previous.add(RandomDataset.make(seed: 2, quotes: 5))
    _ = try previous.finish()
    let before = try Data(contentsOf: URL(fileURLWithPath: store))

    var lines = (0..<30).map { QuotebankLines.line("q\($0)", "words \($0)", speaker: "S\($0 % 4)") }
    if kind == "truncated" {
      lines.append(String(QuotebankLines.line("q30", "cut", speaker: "S1").prefix(40)))
    } else {
      lines.append(QuotebankLines.line("q3", "again", speaker: "S1") + "\n")
    }
    let input = try scratch.write("quotes.jsonl", lines.joined(separator: "\n"))
    var importer = Importer()
    importer.chunkSize = 4
    let builder = StoreBuilder(path: store)
    do {
      _ = try importer.run(inputs: [input], into: builder)
      _ = try builder.finish()
      Issue.record("the import succeeded")
    } catch {
      builder.discard()
      let diagnostic = error.diagnostics.first
      #expect(diagnostic?.path == input)
      #expect(diagnostic?.line == 31)
      #expect(
        diagnostic?.message.contains(kind == "truncated" ? "truncated" : "already imported")
          == true,
        "\(error)")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
    #expect(try Self.leftovers(scratch.url) == [])
  }
}
