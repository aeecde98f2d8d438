import DatelineTestSupport
import Foundation
import Testing

@testable import DatelineModel

/// A dataset file read in pieces (`DatasetFileReader`, through `DatasetLoader` with its
/// whole-file limit lowered) gives what the whole-file parse gives: the same dataset, and for
/// malformed input the same diagnostics at the same lines and columns, wherever the chunks fall.
@Suite struct DatasetFileReaderTests {
  /// The whole-file parse of `bytes` as the file `path`: located dataset and sorted diagnostics.
  static func whole(_ bytes: [UInt8], path: String) -> (LocatedDataset, [Diagnostic], Bool) {
    let (located, diagnostics, failed) = DatasetLoader.parse(bytes: bytes, path: path)
    return (located, DatasetLoader.inReadingOrder(diagnostics, files: [path: 0]), failed)
  }

  /// The same file read in pieces of `chunk` bytes.
  static func streamed(_ path: String, chunk: Int) -> (LocatedDataset, [Diagnostic], Bool)? {
    DatasetFileReader.$chunkSize.withValue(chunk) {
      DatasetLoader.$wholeFileLimit.withValue(0) {
        var unreadable: [Diagnostic] = []
        guard
          let (located, diagnostics, failed) = DatasetLoader.parse(file: path, into: &unreadable)
        else { return nil }
        return (located, DatasetLoader.inReadingOrder(diagnostics, files: [path: 0]), failed)
      }
    }
  }

  /// Random valid datasets, small chunks: the same items, locations and (no) diagnostics.
  @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
  func aFileReadInPiecesIsTheDatasetReadWhole(seed: UInt64) throws {
    let scratch = try ScratchDirectory()
    let dataset = RandomDataset.make(seed: seed, quotes: Int(seed) * 7)
    let bytes = DatasetWriter.utf8(dataset)
    let path = try scratch.write("d.json", bytes)
    let (whole, wholeProblems, _) = Self.whole(bytes, path: path)
    #expect(wholeProblems.isEmpty)
    for chunk in [16, 61, 1000] {
      let read = try #require(Self.streamed(path, chunk: chunk))
      #expect(read.0.dataset == whole.dataset, "chunk \(chunk)")
      #expect(read.0.quotes.map(\.object) == whole.quotes.map(\.object))
      #expect(read.0.quotes.map(\.fields) == whole.quotes.map(\.fields))
      // The other items keep only where they start; their fields are found by reading again.
      for (streamed, kept) in [
        (read.0.sources, whole.sources), (read.0.actors, whole.actors),
        (read.0.events, whole.events), (read.0.relations, whole.relations),
      ] {
        #expect(streamed.allSatisfy { $0.fields.isEmpty && $0.reread != nil })
        #expect(streamed.map(\.object) == kept.map(\.object))
        for (item, reference) in zip(streamed, kept) {
          for (field, position) in reference.fields {
            #expect(item.position(of: field) == position, "\(field), chunk \(chunk)")
          }
        }
      }
      #expect(read.1.isEmpty && !read.2)
    }
    // Through the public entry points too: load, and validate's two passes.
    let loaded = try DatasetFileReader.$chunkSize.withValue(16) {
      try DatasetLoader.$wholeFileLimit.withValue(0) { try DatasetLoader.load(path: path) }
    }
    #expect(loaded == dataset)
    let problems = DatasetFileReader.$chunkSize.withValue(16) {
      DatasetLoader.$wholeFileLimit.withValue(0) { DatasetLoader.validate(paths: [path]) }
    }
    #expect(problems.isEmpty)
  }

  /// Malformed input anywhere (random byte changes, cuts, insertions): the same diagnostics,
  /// read whole or in pieces; and validate (two passes, quotes skipped then parsed) says what
  /// the whole-file check says.
  @Test(arguments: [11, 12, 13] as [UInt64])
  func malformedFilesGiveTheSameDiagnostics(seed: UInt64) throws {
    let scratch = try ScratchDirectory()
    var random = SeededGenerator(seed: seed)
    let valid = DatasetWriter.utf8(RandomDataset.make(seed: seed, quotes: 30))
    let noise: [UInt8] = [
      0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0x0A, 0x20, 0x31, 0x74, 0x00, 0xFF, 0xC3,
      0xE2, 0x80,
    ]
    for round in 0..<24 {
      var bytes = valid
      let at = Int.random(in: 0..<bytes.count, using: &random)
      switch round % 4 {
      case 0: bytes[at] = noise[Int.random(in: 0..<noise.count, using: &random)]
      case 1: bytes = Array(bytes[..<at])
      case 2: bytes.insert(noise[Int.random(in: 0..<noise.count, using: &random)], at: at)
      default: bytes.remove(at: at)
      }
      let path = try scratch.write("m\(round).json", bytes)
      let expected = Self.whole(bytes, path: path)
      for chunk in [16, 97] {
        let read = try #require(Self.streamed(path, chunk: chunk))
        #expect(read.1 == expected.1, "round \(round), chunk \(chunk), offset \(at)")
        #expect(read.2 == expected.2)
        if !expected.2 { #expect(read.0.dataset == expected.0.dataset) }
      }
      let checked = DatasetLoader.problems(inFile: bytes, path: path)
      let validated = DatasetFileReader.$chunkSize.withValue(16) {
        DatasetLoader.validate(paths: [path])
      }
      #expect(validated == checked, "round \(round), offset \(at)")
    }
  }

  /// Problems in events, actors, sources and relations (kept without their fields' positions
  /// while a large file is read) are located at the field, as the whole-file check locates them.
  @Test func problemsInItemsReadAgainAreLocatedAtTheField() throws {
    let scratch = try ScratchDirectory()
    var dataset = RandomDataset.make(seed: 8, quotes: 40)
    dataset.events[1].participants.append("nobody")
    dataset.events[2].date = .stated(StatedDate(stated: "a day later", relativeTo: "no-event"))
    dataset.actors[1].affiliation = "no-group"
    dataset.relations.append(
      Relation(
        from: dataset.actors[0].id, to: "no-actor", kind: .metWith,
        provenance: Provenance(source: "no-source", paragraph: 1)))
    dataset.sources.append(dataset.sources[0])  // a repeated id
    let bytes = DatasetWriter.utf8(dataset)
    let path = try scratch.write("items.json", bytes)
    let expected = DatasetLoader.problems(inFile: bytes, path: path)
    #expect(expected.count >= 5)
    let validated = DatasetFileReader.$chunkSize.withValue(61) {
      DatasetLoader.validate(paths: [path])
    }
    #expect(validated == expected)
  }

  /// A bad value deep in the file, many chunks in, is located exactly; so is a cut.
  @Test func aProblemInALaterChunkIsLocated() throws {
    let scratch = try ScratchDirectory()
    var dataset = RandomDataset.make(seed: 9, quotes: 300)
    dataset.quotes[250].text = "UNIQUE-MARK"
    let text = String(decoding: DatasetWriter.utf8(dataset), as: UTF8.self)
    let broken = Array(text.replacingOccurrences(of: "\"UNIQUE-MARK\"", with: "7").utf8)
    let path = try scratch.write("late.json", broken)
    let read = try #require(Self.streamed(path, chunk: 64))
    let expected = Self.whole(broken, path: path)
    #expect(read.1 == expected.1)
    #expect(read.1.count == 1)
    #expect(read.1.first?.message.contains("\"text\" of quote") == true)
    #expect((read.1.first?.line ?? 0) > 1000)

    let cut = Array(broken.dropLast(broken.count / 3))
    let cutPath = try scratch.write("cut.json", cut)
    let truncated = try #require(Self.streamed(cutPath, chunk: 64))
    #expect(truncated.1 == Self.whole(cut, path: cutPath).1)
    #expect(
      truncated.1.count == 1 && truncated.1.first?.message.hasPrefix("invalid JSON: ") == true)
    #expect(truncated.2)
  }

  /// Invalid UTF-8 after a syntax error is what the whole-file parser reports (it checks the
  /// encoding of the whole file first), and a sequence split between chunks is fine.
  @Test func encodingProblemsAreFoundAnywhere() throws {
    let scratch = try ScratchDirectory()
    let valid = DatasetWriter.utf8(RandomDataset.make(seed: 4, quotes: 20))
    var bytes = valid
    bytes.insert(UInt8(ascii: "}"), at: 40)  // a syntax error early on
    bytes.insert(0xFF, at: bytes.count - 30)  // and a bad byte near the end
    let path = try scratch.write("enc.json", bytes)
    for chunk in [16, 17, 18, 19] {
      let read = try #require(Self.streamed(path, chunk: chunk))
      #expect(read.1 == Self.whole(bytes, path: path).1)
      #expect(read.1.first?.message.contains("not valid UTF-8") == true)
      let clean = try scratch.write("ok\(chunk).json", valid)
      let ok = try #require(Self.streamed(clean, chunk: chunk))
      #expect(ok.1.isEmpty && !ok.2)
    }
    let withMark = try scratch.write("bom.json", [0xEF, 0xBB, 0xBF] + valid)
    let marked = try #require(Self.streamed(withMark, chunk: 16))
    #expect(marked.1.isEmpty)
    #expect(
      marked.0.quotes.map(\.object) == Self.whole(valid, path: withMark).0.quotes.map(\.object))
  }

  /// Over the old 64 MB cap (here: over the whole-file limit, lowered), a file is accepted and
  /// loads; a FIFO or a missing file is refused as before.
  @Test func aFileOverTheWholeFileLimitLoads() throws {
    let scratch = try ScratchDirectory()
    let dataset = RandomDataset.make(seed: 21, quotes: 40)
    let path = try scratch.write("big.json", DatasetWriter.utf8(dataset))
    let loaded = try DatasetLoader.$wholeFileLimit.withValue(1024) {
      try DatasetLoader.load(path: path)
    }
    #expect(loaded == dataset)
    #expect(
      DatasetLoader.$wholeFileLimit.withValue(1024) { DatasetLoader.validate(paths: [path]) }
        .isEmpty)
    let missing = scratch.url.appendingPathComponent("none.json").path
    let refused = DatasetLoader.$wholeFileLimit.withValue(1024) {
      () -> Bool in (try? DatasetLoader.load(path: missing)) == nil
    }
    #expect(refused)
  }

  /// Quotes of every shape near the common one (read straight from their bytes, `QuoteBytes`)
  /// and just off it (read through the general parser): streamed, each gives the whole-file
  /// read's quote, field positions and diagnostics.
  @Test func quotesReadStraightFromBytesAreTheParsersQuotes() throws {
    let scratch = try ScratchDirectory()
    let common =
      #"{"id": "q1", "text": "Ça va, “yes”.", "speaker": "a1", "event": "e1", "date": "2024-07-15", "kind": "partial", "provenance": {"source": "s1", "paragraph": 3}, "urls": ["https://x.example/1", "u2"]}"#
    let variants = [
      common,
      #"{"provenance":{"paragraph":1000000,"source":"s1"},"speaker":"a1","text":"t","id":"q1"}"#,
      "{\n  \"id\" : \"q1\",\r\n\t\"text\":\"t\", \"speaker\": \"a1\",\n \"provenance\": { \"source\" : \"s1\" , \"paragraph\" : 2 } , \"urls\" : [ ] }",
      #"{"id": "q1", "text": "a \"b\" \u00e9", "speaker": "a1", "provenance": {"source": "s1", "paragraph": 1}}"#,
      #"{"id": "q1", "text": "t", "speaker": "a1", "event": null, "provenance": {"source": "s1", "paragraph": 1}}"#,
      #"{"id": "q1", "text": "t", "speaker": "a1", "_note": "x", "provenance": {"source": "s1", "paragraph": 1}}"#,
      #"{"id": "q1", "text": "t", "speaker": "a1", "colour": 1, "provenance": {"source": "s1", "paragraph": 1}}"#,
      #"{"id": "q1", "id": "q2", "text": "t", "speaker": "a1", "provenance": {"source": "s1", "paragraph": 1}}"#,
      #"{"id": "q1", "text": "t", "provenance": {"source": "s1", "paragraph": 1}}"#,
      #"{"id": "q1", "text": "t", "speaker": "a1", "kind": "whole", "provenance": {"source": "s1", "paragraph": 1}}"#,
      #"{"id": "q1", "text": "t", "speaker": "a1", "date": {"stated": "on Monday"}, "provenance": {"source": "s1", "paragraph": 1}}"#,
      #"{"id": "q1", "text": "t", "speaker": "a1", "provenance": {"source": "s1", "paragraph": 0}}"#,
      #"{"id": "q1", "text": "t", "speaker": "a1", "provenance": {"source": "s1", "paragraph": 1000001}}"#,
      #"{"id": "q1", "text": "t", "speaker": "a1", "provenance": {"source": "s1", "paragraph": 2.0}}"#,
      #"{"id": "q1", "text": "t", "speaker": "a1", "provenance": {"source": "s1", "paragraph": 1e1}}"#,
      #"{"id": "q1", "text": "t", "speaker": "a1", "provenance": {"source": "s1", "paragraph": 012}}"#,
      #"{"id": "q1", "text": "t", "speaker": "a1", "provenance": {"source": "s1", "paragraph": -1}}"#,
      #"{"id": "q1", "text": "t", "speaker": "a1", "provenance": {"source": "s1", "paragraph": 1, "x": 2}}"#,
      #"{"id": "q1", "text": "t", "speaker": "a1", "provenance": {"source": "s1"}}"#,
      #"{"id": "q1", "text": "t", "speaker": "a1", "provenance": {"source": "s1", "paragraph": 1}, "urls": ["a", 2]}"#,
      #"{"id": "q1", "text": "t", "speaker": "a1", "provenance": {"source": "s1", "paragraph": 1}, "urls": ["a",]}"#,
      #"{"id": "q1", "text": "t", "speaker": 7, "provenance": {"source": "s1", "paragraph": 1}}"#,
      #"{"id": "q1", "text": "t", "speaker": "a1", "provenance": {"source": "s1", "paragraph": 1},}"#,
      #"{"id": "q1" "text": "t", "speaker": "a1", "provenance": {"source": "s1", "paragraph": 1}}"#,
      "{\"id\": \"q1\", \"text\": \"tab\there\", \"speaker\": \"a1\", \"provenance\": {\"source\": \"s1\", \"paragraph\": 1}}",
      #"[1]"#,
    ]
    let head =
      #"{"format": "dateline/1", "sources": [{"id": "s1", "publisher": "P", "title": "T", "published": "2024-07-20", "url": "https://x.example/"}], "actors": [{"id": "a1", "name": "Ann Lee", "kind": "person"}], "events": [{"id": "e1", "headline": "H", "date": "2024-07-15", "participants": ["a1"], "provenance": {"source": "s1", "paragraph": 1}}], "quotes": [ "#
    for (number, variant) in variants.enumerated() {
      let bytes = Array((head + variant + ", " + common + "]}\n").utf8)
      let path = try scratch.write("q\(number).json", bytes)
      let expected = Self.whole(bytes, path: path)
      for chunk in [64] {
        let read = try #require(Self.streamed(path, chunk: chunk))
        #expect(read.0.dataset == expected.0.dataset, "variant \(number)")
        #expect(read.0.quotes.map(\.object) == expected.0.quotes.map(\.object), "variant \(number)")
        #expect(read.0.quotes.map(\.fields) == expected.0.quotes.map(\.fields), "variant \(number)")
        #expect(read.1 == expected.1, "variant \(number)")
      }
    }
    // The common shape is read from the bytes, not through the parser.
    let bytes = Array(common.utf8)
    let read = bytes.withUnsafeBufferPointer { buffer in
      var reader = QuoteBytes(
        buffer, start: 0, end: buffer.count, position: TextPosition(line: 1, column: 1))
      return reader.quote(path: "p")
    }
    let (quote, location) = try #require(read)
    #expect(quote.text == "Ça va, “yes”." && quote.kind == .partial && quote.urls.count == 2)
    #expect(location.fields["urls.1"] == TextPosition(line: 1, column: 192))
  }

  /// A file whose quotes come before its actors: an import steps over the quotes in its first
  /// pass (eight bytes at a time), and the actors' places it then records name them in a later
  /// problem exactly as the whole-file check does, whatever the scalars and line breaks stepped
  /// over (the actors start on the line where the quotes end).
  @Test func placesAfterSkippedQuotesAreTheWholeFilesPlaces() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    for count in [37, 38, 39, 40] {
      var quotes: [String] = []
      for index in 0..<count {
        let padding = String(repeating: " ", count: index % 9)
        let text = ["Ça “va”", "日本 \(index)", "plain words", "é\u{301}😀 x"][index % 4]
        let lineBreak = index % 3 == 0 ? "\n" : ""
        quotes.append(
          #"{\#(padding)"id": "q\#(index)", "text": "\#(text)",\#(lineBreak) "speaker": "a1", "#
            + #""provenance": {"source": "s1", "paragraph": \#(index + 1)}}"#)
      }
      let json = """
        {"format": "dateline/1",
          "sources": [{"id": "s1", "publisher": "P", "title": "T", "published": "2025-02-24"}],
          "quotes": [\(quotes.joined(separator: ", "))], "actors": [{"id": "q7", "name": "Seven", "kind": "person"}, {"id": "a1", "name": "Ann Lee", "kind": "person"}, {"id": "q30", "name": "Thirty", "kind": "person"}]}
        """
      let path = try scratch.write("d\(count).json", Array(json.utf8))
      var whole: [Diagnostic] = []
      do { _ = try DatasetLoader.load(path: path) } catch { whole = error.diagnostics }
      #expect(whole.count == 2)
      #expect(whole.allSatisfy { $0.message.contains("already used by the actor at \(path):") })
      DatasetLoader.$wholeFileLimit.withValue(0) {
        do throws(DatasetLoadError) {
          try DatasetStream.read(paths: [path], into: nil)
          Issue.record("the import went through")
        } catch {
          #expect(error.diagnostics == whole)
        }
      }
    }
  }
}
