import DatelineTestSupport
import Foundation
import Testing

/// `dateline-bench generate` and `scale`: the corpus is the same for the same seed, both of its
/// forms import, and the benchmark prints every figure (never checked for speed).
@Suite("dateline-bench generate and scale")
struct ScaleBenchmarkTests {
  static func files(in directory: URL) throws -> [String: Data] {
    var found: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: directory.path)
    while let name = enumerator?.nextObject() as? String {
      let url = directory.appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        found[name] = try Data(contentsOf: url)
      }
    }
    return found
  }

  @Test func theSameSeedGivesTheSameBytes() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    var corpora: [[String: Data]] = []
    for (name, seed) in [("a", "7"), ("b", "7"), ("c", "8")] {
      let out = scratch.url.appendingPathComponent(name)
      let result = try CLI.run(
        ["generate", "--quotes", "120", "--seed", seed, "-o", out.path], program: "dateline-bench")
      #expect(result.status == 0, "\(result.stderr)")
      corpora.append(try Self.files(in: out))
    }
    #expect(
      corpora[0].keys.sorted() == [
        "dataset/actors.json", "dataset/source-00001.json", "quotebank.jsonl", "quotes.txt",
      ])
    #expect(corpora[0] == corpora[1])
    #expect(corpora[0]["quotes.txt"] != corpora[2]["quotes.txt"])
  }

  /// `--skeleton M`: more quotes over the events, people and sources of an M-quote corpus.
  @Test func aSkeletonOptionKeepsTheItemsOfASmallerCorpus() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let out = scratch.url.appendingPathComponent("corpus")
    let generated = try CLI.run(
      ["generate", "--quotes", "720", "--skeleton", "240", "--seed", "3", "-o", out.path],
      program: "dateline-bench")
    #expect(generated.status == 0, "\(generated.stderr)")
    #expect(generated.stdout.contains("(1 sources, 6 actors, 24 events, 720 quotes)"))
    let validated = try CLI.run(["validate", out.appendingPathComponent("dataset").path])
    #expect(validated.status == 0, "\(validated.stderr)")
    #expect(validated.stdout.contains("720 quotes, 0 relations"))
    #expect(validated.stdout.contains("24 events"))
    for bad in [["--skeleton", "0"], ["--skeleton"], ["--events", "3"]] {
      let refused = try CLI.run(
        ["generate", "--quotes", "10"] + bad + ["-o", out.path], program: "dateline-bench")
      #expect(refused.status == 2, "\(bad)")
    }
  }

  @Test func bothFormsImportToTheSameQuotes() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let out = scratch.url.appendingPathComponent("corpus")
    _ = try CLI.run(
      ["generate", "--quotes", "240", "--seed", "3", "-o", out.path], program: "dateline-bench")
    let validated = try CLI.run(["validate", out.appendingPathComponent("dataset").path])
    #expect(validated.status == 0, "\(validated.stderr)")
    #expect(validated.stdout.contains("240 quotes, 0 relations"))
    #expect(validated.stdout.contains("24 events"))
    let fromDataset = scratch.url.appendingPathComponent("a.json").path
    let fromQuotebank = scratch.url.appendingPathComponent("b.json").path
    #expect(
      try CLI.run(["import", out.appendingPathComponent("dataset").path, "-o", fromDataset]).status
        == 0)
    #expect(
      try CLI.run([
        "import", out.appendingPathComponent("quotebank.jsonl").path, "-o", fromQuotebank,
      ])
      .status == 0)
    func quotes(_ path: String) throws -> [String: String] {
      let result = try CLI.run(["quotes", "--json", "--data", path])
      var byID: [String: String] = [:]
      for quote in try result.jsonArray() {
        byID[quote["id"] as? String ?? ""] =
          "\(quote["text"] ?? "") | \(quote["speaker"] ?? "") | \(quote["date"] ?? "")"
      }
      return byID
    }
    let a = try quotes(fromDataset)
    #expect(a.count == 240)
    #expect(a == (try quotes(fromQuotebank)))
    let lines = try String(
      contentsOf: out.appendingPathComponent("quotes.txt"), encoding: .utf8
    ).split(separator: "\n")
    #expect(lines.count == 240)
  }

  @Test func scalePrintsEveryFigure() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let result = try CLI.run(
      ["scale", "--sizes", "300", "--seed", "2"], environment: ["XDG_CACHE_HOME": scratch.url.path],
      program: "dateline-bench")
    #expect(result.status == 0, "\(result.stderr)")
    let output = result.stdout
    for figure in [
      "scale benchmark: ", "300 quotes, 30 events, 5 people, 1 sources", "store build: ",
      "quotes/s", "store size: ", "of quote text = ", "open to first frame: ", "frame: median",
      "search keystroke (", "p99", "max", "peak memory with the store open", "grep: median",
      "target <= 300 ms", "target <= 3x", "target <= 1 ms", "median <= 5 ms", "p99 <= 16 ms",
      "target <= 300 MB", ">= 50000 quotes/s",
    ] {
      #expect(output.contains(figure), "missing '\(figure)' in:\n\(output)")
    }
    // Each peer is either measured or named as skipped.
    for peer in ["fzf", "rg"] {
      #expect(output.contains("  \(peer): median") || output.contains("skipped (not installed)"))
    }
    #expect(output.contains("grep/dateline keystroke = "))
  }

  /// The benchmarks run with the allocator setting `dateline` starts with: at most two malloc
  /// arenas however many threads allocate at once (an arena a thread kept an import's memory
  /// high); glibc's default gives the four threads more.
  @Test func threadsShareAtMostTwoMallocArenas() throws {
    let result = try CLI.run(["arenas"], program: "dateline-bench")
    #expect(result.status == 0)
    #if canImport(Glibc)
      let count = result.stdout.split(separator: "=").last.flatMap {
        Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
      }
      #expect(count.map { (1...2).contains($0) } == true, "\(result.stdout)")
    #endif
  }

  @Test func badArgumentsAreUsageErrors() throws {
    #expect(try CLI.run(["scale", "--sizes", "x"], program: "dateline-bench").status == 2)
    #expect(
      try CLI.run(["generate", "--quotes", "0", "-o", "x"], program: "dateline-bench").status == 2)
  }
}
