import DatelineIngest
import DatelineModel
import DatelineTestSupport
import Foundation
import Testing

struct IngestRunnerTests {
  static let article = """
    Published March 4, 2025 9:15 a.m. EST

    Mayor Lina Ortiz will open the new bridge on Friday. "It took ten years," Ortiz said.
    """
  static let second = """
    date 2025-03-10

    "We are ready," said Mayor Ortiz, who met Governor Sam Hale on Monday.
    """

  @Test func missingFileNamesThePathAndExitsOne() {
    let result = runIngest(IngestOptions(files: ["/nonexistent/story.txt"]))
    #expect(result.status == 1)
    #expect(result.errors.contains("/nonexistent/story.txt"))
  }

  @Test func usageErrorsExitTwo() {
    #expect(runIngest(IngestOptions(files: [])).status == 2)
    let scratch = try! ScratchDirectory()
    let file = try! scratch.write("a.txt", Self.article)
    #expect(runIngest(IngestOptions(files: [file], published: "yesterday-ish")).status == 2)
  }

  @Test func articleWithoutAnyDateSaysSoAndExitsOne() throws {
    let scratch = try ScratchDirectory()
    let file = try scratch.write("a.txt", "Nothing dated here. \"Hello,\" Ann Lee said.")
    let result = runIngest(IngestOptions(files: [file]))
    #expect(result.status == 1)
    #expect(result.errors.contains("no publication date"))
    #expect(runIngest(IngestOptions(files: [file], published: "2025-02-24")).status == 0)
  }

  @Test func writesAValidDatasetAndNeverOverwritesWithoutForce() throws {
    let scratch = try ScratchDirectory()
    let file = try scratch.write("a.txt", Self.article)
    let out = scratch.path("out.json")
    #expect(runIngest(IngestOptions(files: [file], output: out)).status == 0)
    #expect(DatasetLoader.validate(paths: [out]).isEmpty)
    let before = try String(contentsOfFile: out, encoding: .utf8)
    let refused = runIngest(IngestOptions(files: [file], published: "2025-03-05", output: out))
    #expect(refused.status == 1)
    #expect(refused.errors.contains("--force"))
    #expect(try String(contentsOfFile: out, encoding: .utf8) == before)
    #expect(
      runIngest(IngestOptions(files: [file], published: "2025-03-05", output: out, force: true))
        .status == 0)
    #expect(try String(contentsOfFile: out, encoding: .utf8) != before)
    // Atomic writes leave no temporary files behind.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == [
        "a.txt", "out.json",
      ])
  }

  @Test func mergeAddsASourceAndDeduplicatesActors() throws {
    let scratch = try ScratchDirectory()
    let first = try scratch.write("first.txt", Self.article)
    let second = try scratch.write("second.txt", Self.second)
    let out = scratch.path("story.json")
    #expect(runIngest(IngestOptions(files: [first], output: out)).status == 0)
    let merged = runIngest(IngestOptions(files: [second], merge: out))
    #expect(merged.status == 0, "\(merged.errors)")
    let dataset = try DatasetLoader.load(path: out)
    #expect(dataset.sources.count == 2)
    #expect(dataset.actors.filter { $0.name.contains("Ortiz") }.count == 1)
    #expect(dataset.actors.contains { $0.name == "Sam Hale" })
    _ = try Timeline(dataset: dataset)
  }

  @Test func mergingTheSameArticleTwiceIsRecognizedAndNeverDuplicates() throws {
    let scratch = try ScratchDirectory()
    let first = try scratch.write("first.txt", Self.article)
    let copy = try scratch.write("copy.txt", Self.article)
    let out = scratch.path("story.json")
    #expect(runIngest(IngestOptions(files: [first], output: out)).status == 0)
    let before = try DatasetLoader.load(path: out)
    let again = runIngest(IngestOptions(files: [copy], merge: out))
    #expect(again.status == 0, "\(again.errors)")
    #expect(again.errors.contains("already in"))
    #expect(again.errors.contains("--force"))
    #expect(try DatasetLoader.load(path: out) == before)
    // With --force the article is replaced: the same counts, nothing twice.
    let replaced = runIngest(IngestOptions(files: [copy], merge: out, force: true))
    #expect(replaced.status == 0, "\(replaced.errors)")
    let after = try DatasetLoader.load(path: out)
    #expect(after.sources.count == 1)
    #expect(after.events.count == before.events.count)
    #expect(after.quotes.count == before.quotes.count)
    #expect(after.actors.count == before.actors.count)
    #expect(Set(after.quotes.map(\.text)).count == after.quotes.count)
  }

  @Test func idsAreShortSlugsAndPeopleComeBeforeTheirCountry() throws {
    let scratch = try ScratchDirectory()
    let file = try scratch.write(
      "000_0123456789abcdef.txt",
      """
      date 2025-03-10

      Prime Minister Keir Starmer of the United Kingdom will meet President Donald Trump on Thursday. "We will talk about trade," Starmer said.
      """)
    let out = scratch.path("story.json")
    #expect(runIngest(IngestOptions(files: [file], output: out)).status == 0)
    let dataset = try DatasetLoader.load(path: out)
    let ids = dataset.events.map(\.id) + dataset.quotes.map(\.id) + dataset.sources.map(\.id)
    #expect(!ids.contains { $0.contains("0123456789abcdef") }, "\(ids)")
    #expect(dataset.quotes.first?.id == "keir-starmer-quote")
    for event in dataset.events {
      let kinds = event.participants.compactMap { id in dataset.actors.first { $0.id == id }?.kind }
      if let country = kinds.firstIndex(of: .country), let person = kinds.lastIndex(of: .person) {
        #expect(person < country, "\(event.participants)")
      }
    }
  }

  @Test func mergeIntoADirectoryAddsAFileThatLoadsWithTheOthers() throws {
    let scratch = try ScratchDirectory()
    let first = try scratch.write("first.txt", Self.article)
    let second = try scratch.write("second.txt", Self.second)
    let directory = scratch.path("story")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
    #expect(runIngest(IngestOptions(files: [first], output: directory + "/one.json")).status == 0)
    #expect(runIngest(IngestOptions(files: [second], merge: directory)).status == 0)
    let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    #expect(files == ["one.json", "second.json"])
    #expect(DatasetLoader.validate(paths: [directory]).isEmpty)
    let dataset = try DatasetLoader.load(path: directory)
    #expect(dataset.actors.filter { $0.name.contains("Ortiz") }.count == 1)
  }

  @Test func reportJSONIsOneObjectPerFile() throws {
    let scratch = try ScratchDirectory()
    let first = try scratch.write("first.txt", Self.article)
    let second = try scratch.write("second.txt", Self.second)
    let result = runIngest(IngestOptions(files: [first, second], report: true, json: true))
    #expect(result.status == 0)
    let lines = result.output.split(separator: "\n")
    #expect(lines.count == 2)
    let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
    let quotes = object?["quotes"] as? [[String: Any]]
    #expect(quotes?.first?["text"] as? String == "It took ten years,")
    #expect(quotes?.first?["speaker"] as? String == "Lina Ortiz")
    #expect(quotes?.first?["cue"] as? String == "said")
    let dates = object?["dates"] as? [[String: Any]]
    #expect(dates?.first?["value"] as? String == "2025-03-07")
  }

  @Test func humanReportStripsControlCharacters() throws {
    let scratch = try ScratchDirectory()
    let file = try scratch.write("a.txt", Self.article + "\n\n\"Bad \u{1B}[31mred,\" Ortiz said.")
    let result = runIngest(IngestOptions(files: [file], report: true))
    #expect(result.status == 0)
    #expect(!result.output.contains("\u{1B}"))
  }

  /// Issue 11, item 6: --merge and --force write to a link's target and keep the file's mode.
  @Test func mergeThroughASymbolicLinkUpdatesTheTargetAndKeepsItsMode() throws {
    let scratch = try ScratchDirectory()
    let first = try scratch.write("first.txt", Self.article)
    let second = try scratch.write("second.txt", Self.second)
    try FileManager.default.createDirectory(
      atPath: scratch.path("real"), withIntermediateDirectories: false)
    let real = scratch.path("real/story.json")
    #expect(runIngest(IngestOptions(files: [first], output: real)).status == 0)
    chmod(real, 0o600)
    let link = scratch.path("story.json")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real/story.json")
    let merged = runIngest(IngestOptions(files: [second], merge: link))
    #expect(merged.status == 0, "\(merged.errors)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real/story.json")
    #expect(try DatasetLoader.load(path: real).sources.count == 2)
    var info = stat()
    stat(real, &info)
    #expect(info.st_mode & 0o777 == 0o600)
    let forced = runIngest(IngestOptions(files: [first], output: link, force: true))
    #expect(forced.status == 0)
    #expect(try DatasetLoader.load(path: real).sources.count == 1)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real/story.json")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: scratch.path("real")) == ["story.json"])
  }

  /// Issue 11, item 7: a temporary file left by a process that died (kill -9) is removed by
  /// the next write to the same dataset.
  @Test func theNextWriteRemovesStaleTemporaryFiles() throws {
    let scratch = try ScratchDirectory()
    let first = try scratch.write("a.txt", Self.article)
    let out = scratch.path("out.json")
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/bin/true")
    try child.run()
    child.waitUntilExit()
    let stale = scratch.path(".out.json.dateline-tmp-\(child.processIdentifier)")
    _ = FileManager.default.createFile(atPath: stale, contents: Data("partial".utf8))
    #expect(runIngest(IngestOptions(files: [first], output: out)).status == 0)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == [
        "a.txt", "out.json",
      ])
  }

  /// What ingest may write is decided on the dataset it built, with the loader's checks; bytes
  /// that carry extension fields kept from a rewritten file are read back as validate reads them.
  @Test func theWriteCheckDecidesOnTheValueUnlessExtensionsComeAlong() throws {
    let analysis = ArticleAnalysis(text: Self.article, published: nil)
    var dataset = try IngestRunner.buildDataset([(analysis, "a.txt")], publisher: nil).dataset
    let bytes = DatasetWriter.utf8(dataset)
    #expect(
      IngestRunner.writtenProblems(dataset, bytes: bytes, path: "o.json", isWholeDataset: true)
        .isEmpty)
    dataset.events[0].provenance.paragraph = 0
    #expect(
      !IngestRunner.writtenProblems(dataset, bytes: bytes, path: "o.json", isWholeDataset: false)
        .isEmpty)
    let extensions = DatasetExtensions.scan(Array(#"{"_note": 1, "format": "dateline/1"}"#.utf8))
    #expect(!extensions.isEmpty)
    let broken = Array(bytes.dropLast(3))
    let read = IngestRunner.writtenProblems(
      try IngestRunner.buildDataset([(analysis, "a.txt")], publisher: nil).dataset, bytes: broken,
      keeping: extensions, path: "o.json", isWholeDataset: true)
    #expect(read.first?.message.contains("invalid JSON") == true)
  }
}
