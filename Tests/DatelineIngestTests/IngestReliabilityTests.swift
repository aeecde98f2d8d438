import DatelineIngest
import DatelineModel
import DatelineTestSupport
import Foundation
import Testing

/// Issue 11, items 1, 5 and 9: ingest never writes what the loader would refuse, keeps the
/// fields it does not own, and reads only text.
struct IngestReliabilityTests {
  static let article = IngestRunnerTests.article

  /// Item 9: UTF-16 in either byte order, by its byte-order mark, reads like UTF-8.
  @Test(arguments: [false, true])
  func utf16WithABOMReadsLikeUTF8(bigEndian: Bool) throws {
    let scratch = try ScratchDirectory()
    let plain = try scratch.write("plain.txt", Self.article)
    var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in Self.article.utf16 {
      let high = UInt8(unit >> 8)
      let low = UInt8(unit & 0xFF)
      bytes += bigEndian ? [high, low] : [low, high]
    }
    let wide = scratch.path("wide.txt")
    try Data(bytes).write(to: URL(fileURLWithPath: wide))
    let expected = runIngest(IngestOptions(files: [plain], report: true, json: true))
    let result = runIngest(IngestOptions(files: [wide], report: true, json: true))
    #expect(result.status == 0, "\(result.errors)")
    #expect(!result.output.contains("\u{FFFD}"))
    #expect(
      result.output.replacingOccurrences(of: "wide.txt", with: "plain.txt") == expected.output)
  }

  /// Item 9: binary and non-UTF-8 input is refused, naming the file and what it holds.
  @Test func binaryAndLatin1AreRefusedAndNothingIsWritten() throws {
    let scratch = try ScratchDirectory()
    let out = scratch.path("out.json")
    let binary = "/bin/ls"
    let refused = runIngest(IngestOptions(files: [binary], published: "2025-02-24", output: out))
    #expect(refused.status == 1)
    #expect(
      refused.errors.contains("/bin/ls: error: the file is an ELF executable"), "\(refused.errors)")
    var latin1 = Array("date 2025-02-24\n\nCaf".utf8)
    latin1 += [0xE9, 0x20]
    latin1 += Array("\"Oui,\" said Ann Lee.\n".utf8)
    let latin = scratch.path("latin.txt")
    try Data(latin1).write(to: URL(fileURLWithPath: latin))
    let notUTF8 = runIngest(IngestOptions(files: [latin], output: out))
    #expect(notUTF8.status == 1)
    #expect(
      notUTF8.errors.contains("latin.txt: error: the file is not UTF-8 text: byte 0xE9"),
      "\(notUTF8.errors)")
    let withNul = try scratch.write("nul.txt", "date 2025-02-24\n\nHello\u{0}world")
    let nul = runIngest(IngestOptions(files: [withNul], output: out))
    #expect(nul.status == 1)
    #expect(nul.errors.contains("binary data"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  /// Item 5: --merge keeps `$schema` and every `_` field, in place, values as written.
  @Test func mergeKeepsExtensionFieldsWhereTheyWere() throws {
    let scratch = try ScratchDirectory()
    let first = try scratch.write("first.txt", Self.article)
    let second = try scratch.write("second.txt", IngestRunnerTests.second)
    let out = scratch.path("story.json")
    #expect(runIngest(IngestOptions(files: [first], output: out)).status == 0)
    var text = try String(contentsOfFile: out, encoding: .utf8)
    let dataset = try DatasetLoader.load(path: out)
    let event = try #require(dataset.events.first)
    let actor = try #require(dataset.actors.first)
    text = text.replacingOccurrences(
      of: "{\n  \"format\"",
      with: "{\n  \"$schema\": \"https://example.org/dateline.schema.json\",\n  \"format\"")
    text = text.replacingOccurrences(
      of: "\"id\": \"\(event.id)\",",
      with:
        "\"id\": \"\(event.id)\",\n      \"_checked\": {\"by\": \"desk\", \"n\": 12345678901234567890},"
    )
    text = text.replacingOccurrences(
      of: "\"id\": \"\(actor.id)\",", with: "\"_first\": true, \"id\": \"\(actor.id)\",")
    text = text.replacingOccurrences(
      of: "\"relations\": [", with: "\"_note\": \"checked against print\",\n  \"relations\": [")
    try text.write(toFile: out, atomically: true, encoding: .utf8)
    #expect(DatasetLoader.validate(paths: [out]).isEmpty)
    let merged = runIngest(IngestOptions(files: [second], merge: out))
    #expect(merged.status == 0, "\(merged.errors)")
    let after = try String(contentsOfFile: out, encoding: .utf8)
    #expect(DatasetLoader.validate(paths: [out]).isEmpty)
    #expect(try DatasetLoader.load(path: out).sources.count == 2)
    #expect(
      after.contains(
        "{\n  \"$schema\": \"https://example.org/dateline.schema.json\",\n  \"format\""))
    #expect(
      after.contains(
        "\"id\": \"\(event.id)\",\n      \"_checked\": {\"by\": \"desk\", \"n\": 12345678901234567890},"
      ))
    #expect(after.contains("\"_first\": true,\n      \"id\": \"\(actor.id)\""))
    #expect(after.contains("\"_note\": \"checked against print\",\n  \"relations\": ["))
  }

  /// Item 1, now that the loader reads a file of any size: a merge into a dataset larger than
  /// the loader reads whole (that limit lowered to 512 bytes here) is written, and the loader's
  /// piecewise read of it gives the dataset a whole read gives.
  @Test func aMergeLargerThanTheWholeFileLimitIsWrittenAndLoads() throws {
    try DatasetLoader.$wholeFileLimit.withValue(512) {
      let scratch = try ScratchDirectory()
      let first = try scratch.write("first.txt", Self.article)
      let second = try scratch.write("second.txt", IngestRunnerTests.second)
      let out = scratch.path("story.json")
      #expect(runIngest(IngestOptions(files: [first], output: out)).status == 0)
      let merged = runIngest(IngestOptions(files: [second], merge: out))
      #expect(merged.status == 0, "\(merged.errors.prefix(500))")
      let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
      #expect(bytes.count > DatasetLoader.wholeFileLimit)
      let streamed = try DatasetLoader.load(path: out)
      #expect(try DatasetLoader.load(json: String(decoding: bytes, as: UTF8.self)) == streamed)
      #expect(streamed.sources.count == 2)
    }
  }
}
