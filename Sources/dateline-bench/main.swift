import DatelineIngest
import DatelineModel
import DatelineUI
import Foundation

// Benchmarks are programs: they print medians and ratios; they assert nothing.
//   swift run -c release dateline-bench ingest [--megabytes N] [--runs N] [--shape-megabytes N] [FILE...]
//                                                 extraction throughput in MB/s
//   swift run -c release dateline-bench score    quality against the gold corpus
//     [--polnear DIR [--split train|dev]] [--timeml DIR]   and on real news annotated by others
//   swift run -c release dateline-bench model    loading, building and searching a large timeline
//   swift run -c release dateline-bench ui       frame and search-keystroke cost, 10 to 1M quotes
//   swift run dateline-bench report FILE...      the human report of each file
//   swift run -c release dateline-bench soak [--keys N] [--seed S]   random keys, invariants each step
//   dateline-bench hold-write PATH               (tests) an atomic write held open until stdin closes
//   swift run -c release dateline-bench generate --quotes N [--skeleton M] --seed S -o DIR
//                                                 a synthetic corpus (items sized for M quotes)
//   swift run -c release dateline-bench scale [--sizes 10000,100000]   store, open, search, memory

/// The test corpus and the seed article, found from this file's location.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
let corpusDirectory = repositoryRoot.appendingPathComponent("Tests/DatelineIngestTests/Corpus")
/// Next to the repository (../shared/seeds/), or in the folder `DATELINE_SEEDS` names.
let seedFile =
  (ProcessInfo.processInfo.environment["DATELINE_SEEDS"].map { URL(fileURLWithPath: $0) }
  ?? repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds"))
  .appendingPathComponent("000_18e010c6cd004529.txt")

func articleTexts() -> [String] {
  var texts: [String] = []
  let names = (try? FileManager.default.contentsOfDirectory(atPath: corpusDirectory.path)) ?? []
  for name in names.sorted() where name.hasSuffix(".txt") {
    if let text = try? String(
      contentsOf: corpusDirectory.appendingPathComponent(name), encoding: .utf8)
    {
      texts.append(text)
    }
  }
  if let seed = try? String(contentsOf: seedFile, encoding: .utf8) { texts.append(seed) }
  return texts
}

func now() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// CPU time of this thread: what one core spent, whatever else the machine is doing.
func cpuNow() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

/// The peer: a plain pass over the same text that converts it to scalars and counts quotation
/// marks and line breaks. Extraction is measured as a multiple of this.
func plainScan(_ texts: [String]) -> Int {
  var count = 0
  for text in texts {
    let scalars = Array(text.unicodeScalars)
    for scalar in scalars where scalar == "\"" || scalar == "\u{201C}" || scalar == "\n" {
      count += 1
    }
  }
  return count
}

/// One article's whole extraction; never inlined, so callgrind can count it alone
/// (`--toggle-collect='*analyzeArticle*'`).
@inline(never)
func analyzeArticle(_ text: String, published: PublicationHeader?) -> Int {
  let analysis = ArticleAnalysis(text: text, published: published)
  return analysis.quotes.count + analysis.dates.count + analysis.events.count
}

/// What `dateline ingest FILE... -o OUT` does with the files' bytes: decoding them as text,
/// extraction, one dataset for all of them, its JSON, and the check that validate would accept
/// that JSON (decided on the dataset with the loader's checks, as ingest decides it). Only the
/// system calls that read and write the files are left out.
@inline(never)
func ingestFiles(_ files: [[UInt8]], published: PublicationHeader?) -> Int {
  var analyses: [(ArticleAnalysis, String)] = []
  for (index, bytes) in files.enumerated() {
    guard case .success(let text) = TextDecoding.decode(bytes) else { return 0 }
    analyses.append((ArticleAnalysis(text: text, published: published), "article-\(index).txt"))
  }
  guard let builder = try? IngestRunner.buildDataset(analyses, publisher: nil, checked: false)
  else { return 0 }
  let bytes = DatasetWriter.utf8(builder.dataset)
  let problems = IngestRunner.writtenProblems(
    builder.dataset, bytes: bytes, path: "out.json", isWholeDataset: true)
  return problems.isEmpty ? bytes.count : 0
}

func benchIngest(
  files: [String], megabytes workloadSize: Double, runs: Int, shapeMegabytes: Double = 1
) {
  var articles = articleTexts()
  if !files.isEmpty {
    articles = []
    for file in files {
      guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
        FileHandle.standardError.write(
          Data("dateline-bench: cannot read \(file) as UTF-8 text; check the path\n".utf8))
        exit(1)
      }
      articles.append(text)
    }
  }
  guard !articles.isEmpty, articles.contains(where: { !$0.isEmpty }) else {
    FileHandle.standardError.write(
      Data("dateline-bench: no article text found (looked in \(corpusDirectory.path))\n".utf8))
    exit(1)
  }
  let articleBytes = articles.reduce(0) { $0 + $1.utf8.count }
  let files = articles.map { Array($0.utf8) }
  let copies = max(1, Int(workloadSize * 1_000_000) / articleBytes)
  let workload = Array(repeating: articles, count: copies).flatMap { $0 }
  let totalBytes = Double(articleBytes * copies)
  let published = PublicationHeader.parseOption("2025-02-24")
  var extractTimes: [Double] = []
  var scanTimes: [Double] = []
  var extractCPU: [Double] = []
  var scanCPU: [Double] = []
  var splitCPU: [Double] = []
  var wholeCPU: [Double] = []
  var sink = 0
  for _ in 0..<runs {
    var start = now()
    var startCPU = cpuNow()
    sink &+= plainScan(workload)
    scanTimes.append(now() - start)
    scanCPU.append(cpuNow() - startCPU)
    start = now()
    startCPU = cpuNow()
    for text in workload {
      sink &+= analyzeArticle(text, published: published)
    }
    extractTimes.append(now() - start)
    extractCPU.append(cpuNow() - startCPU)
    // The first stage on its own: paragraphs, tokens, quoted spans, sentences, credits.
    startCPU = cpuNow()
    for text in workload { sink &+= Article(text: text).tokens.count }
    splitCPU.append(cpuNow() - startCPU)
    startCPU = cpuNow()
    // Each copy of the files is one `dateline ingest` run.
    for _ in 0..<copies { sink &+= ingestFiles(files, published: published) }
    wholeCPU.append(cpuNow() - startCPU)
  }
  let megabytes = totalBytes / 1_000_000
  func rate(_ seconds: Double) -> String { String(format: "%.1f MB/s", megabytes / seconds) }
  let extract = median(extractCPU)
  let scan = median(scanCPU)
  print(
    "ingest benchmark: \(workload.count) articles, \(String(format: "%.2f", megabytes)) MB, \(runs) runs, one thread"
  )
  print("  extraction: \(rate(extract)) median CPU time (\(rate(median(extractTimes))) wall clock)")
  print("  plain scan: \(rate(scan)) median CPU time (\(rate(median(scanTimes))) wall clock)")
  let split = median(splitCPU)
  print(
    "  of which splitting into tokens, quotes and sentences: \(rate(split)) (\(String(format: "%.0f", 100 * split / extract))% of extraction)"
  )
  let whole = median(wholeCPU)
  print(
    "  whole ingest (extraction, dataset, validation, JSON): \(rate(whole)) median CPU time, as `dateline ingest FILE... -o OUT` (\(articles.count) file\(articles.count == 1 ? "" : "s") per run)"
  )
  print("  ratio: extraction takes \(String(format: "%.1f", extract / scan))x the plain scan")
  print(
    "  target 5 MB/s: extraction \(megabytes / extract >= 5 ? "met" : "NOT met"), whole ingest \(megabytes / whole >= 5 ? "met" : "NOT met")  (checksum \(sink % 1000))"
  )
  benchPathological(megabytes: shapeMegabytes)
}

/// Whole ingest of each pathological shape at half and full size: the rate, and how much the
/// time grows when the input doubles (2 is linear, 4 quadratic). Each size is measured three
/// times, alternating, after a warm-up at full size, and the fastest run counts: measured once
/// each, the first run was faster per byte (glibc serves the first large arrays with mmap,
/// later ones from the heap), which showed linear stages as x3.
func benchPathological(megabytes: Double) {
  print(
    "pathological inputs, whole ingest, \(megabytes) MB and half that (CPU time, one thread, best of 3):"
  )
  let bytes = Int(megabytes * 1_048_576)
  for shape in PathologicalText.shapes {
    let texts = [bytes / 2, bytes].map { Array(PathologicalText.make(shape.make, bytes: $0).utf8) }
    func seconds(_ text: [UInt8]) -> Double {
      let start = cpuNow()
      _ = ingestFiles([text], published: nil)
      return cpuNow() - start
    }
    _ = seconds(texts[1])
    var best = [Double.infinity, Double.infinity]
    for _ in 0..<3 {
      for index in 0..<2 { best[index] = min(best[index], seconds(texts[index])) }
    }
    let (half, whole) = (best[0], best[1])
    print(
      "  \(shape.name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(String(format: "%6.1f MB/s", megabytes / whole))   doubling: x\(String(format: "%.2f", whole / max(half, 1e-6)))"
    )
  }
}

let arguments = CommandLine.arguments.dropFirst()
// As `dateline` does, so the figures are the product's (`arenas --default` shows why); the
// scale benchmark's validation step runs as `dateline validate` does.
let stepCommand = arguments.first == "scale-step" ? arguments.dropFirst().first : arguments.first
if Array(arguments) != ["arenas", "--default"],
  AllocatorTuning.sharesArenas(command: stepCommand)
{
  AllocatorTuning.shareArenas()
}
switch arguments.first {
case "arenas":
  // Four threads allocate at once; prints how many malloc arenas the process then has (at most
  // `AllocatorTuning.storeBuildArenas` with the setting `dateline` starts with; usually more
  // with glibc's default, `--default`).
  let threads = (0..<4).map { _ in
    Thread {
      var held: [[UInt8]] = []
      for round in 0..<20_000 {
        held.append([UInt8](repeating: UInt8(truncatingIfNeeded: round), count: 64 + round % 512))
        if held.count > 64 { held.removeFirst(32) }
      }
    }
  }
  let started = Date()
  for thread in threads { thread.start() }
  while threads.contains(where: { !$0.isFinished }) && Date().timeIntervalSince(started) < 30 {
    Thread.sleep(forTimeInterval: 0.01)
  }
  print("arenas=\(AllocatorTuning.arenaCount().map(String.init) ?? "unknown")")
case "ingest":
  // --megabytes and --runs shrink the workload, e.g. to count instructions under callgrind.
  var files: [String] = []
  var megabytes = 4.0
  var runs = 7
  var rest = Array(arguments.dropFirst())[...]
  var shapes = 1.0
  while let argument = rest.popFirst() {
    switch argument {
    case "--megabytes": megabytes = rest.popFirst().flatMap(Double.init) ?? megabytes
    case "--runs": runs = max(1, rest.popFirst().flatMap(Int.init) ?? runs)
    case "--shape-megabytes": shapes = rest.popFirst().flatMap(Double.init) ?? shapes
    default: files.append(argument)
    }
  }
  if files.isEmpty {
    // Two workloads: a real news article (the seed, when present) and the test corpus, whose
    // short articles are far denser in quotes and dates than news usually is.
    if FileManager.default.fileExists(atPath: seedFile.path) {
      print("news article (seed):")
      benchIngest(files: [seedFile.path], megabytes: megabytes, runs: runs, shapeMegabytes: shapes)
    }
    print("test corpus and seed:")
    benchIngest(files: [], megabytes: megabytes, runs: runs, shapeMegabytes: shapes)
  } else {
    benchIngest(files: files, megabytes: megabytes, runs: runs, shapeMegabytes: shapes)
  }
case "score":
  let options = Array(arguments.dropFirst())
  func value(_ name: String) -> String? {
    guard let index = options.firstIndex(of: name), index + 1 < options.count else { return nil }
    return options[index + 1]
  }
  let verbose = options.contains("-v")
  let result = CorpusScorer.score(directory: corpusDirectory.path)
  print("our corpus (Tests/DatelineIngestTests/Corpus):")
  print(result.summary)
  if verbose { print(result.misses.joined(separator: "\n")) }
  // The seed article's chronology against the bundled story written by hand for it.
  let story = repositoryRoot.appendingPathComponent("data/seed-000.json").path
  if let text = try? String(contentsOf: seedFile, encoding: .utf8) {
    do {
      let seed = try CorpusScorer.scoreEvents(
        text: text, against: try DatasetLoader.load(path: story))
      print("seed article against the bundled story (data/seed-000.json):")
      print(seed.summary)
      if verbose { print(seed.misses.joined(separator: "\n")) }
    } catch {
      print("seed article: \(story): \(error)")
    }
  } else {
    print("seed article: skipped (\(seedFile.path) is not present)")
  }
  // Real news annotated by others, read from where the corpora were fetched.
  if let polnear = value("--polnear") {
    let split = value("--split") ?? "dev"
    guard split == "train" || split == "dev" else {
      print("dateline-bench: --split is train or dev (the test split is held out)")
      exit(2)
    }
    let score = PolNeARScorer.score(directory: polnear + "/data", split: split)
    let fallback =
      score.articles == 0 ? PolNeARScorer.score(directory: polnear, split: split) : score
    print("PolNeAR \(split) (\(polnear)):")
    print(
      fallback.articles == 0
        ? "no articles found under \(polnear)/[data/]\(split)" : fallback.summary)
    if verbose { print(fallback.misses.joined(separator: "\n")) }
  } else {
    print("PolNeAR: skipped (give --polnear DIR [--split train|dev] to score attributions)")
  }
  if let timeml = value("--timeml") {
    let score = TimeMLScorer.score(directory: timeml)
    print("TimeML (\(timeml)):")
    print(
      score.articles == 0 ? "no .tml files with a creation time under \(timeml)" : score.summary)
    if verbose { print(score.misses.joined(separator: "\n")) }
  } else {
    print(
      "TimeML: skipped (give --timeml DIR, e.g. TempEval-3's TBAQ-cleaned, to score date values)")
  }
case "model":
  ModelBench.run(Array(arguments.dropFirst()))
case "ui":
  // Frame cost at 10, 10k and 1M quotes (it should not grow) and search keystroke cost.
  for line in UIBenchmarks.report() { print(line) }
case "generate":
  exit(GenerateCommand.run(Array(arguments.dropFirst())))
case "scale":
  exit(ScaleBench.run(Array(arguments.dropFirst())))
case "scale-step":
  exit(ScaleBench.step(Array(arguments.dropFirst())))
case "report":
  for path in arguments.dropFirst() {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      print("\(path): cannot read")
      continue
    }
    print(IngestReport.text(for: ArticleAnalysis(text: text), file: path))
  }
case "soak":
  // Random keys at random sizes (0x0 to 300x100) through the headless browser, invariants
  // checked after every key; exit 1 on any violation.
  var keys = 1_000_000
  var seed: UInt64 = 1
  var rest = Array(arguments.dropFirst())[...]
  while let argument = rest.popFirst() {
    switch argument {
    case "--keys": keys = rest.popFirst().flatMap(Int.init) ?? keys
    case "--seed": seed = rest.popFirst().flatMap(UInt64.init) ?? seed
    default:
      print("usage: dateline-bench soak [--keys N] [--seed S]")
      exit(2)
    }
  }
  let bundled = repositoryRoot.appendingPathComponent("data").path
  var timelines = [
    try! UIBenchmarks.syntheticTimeline(quotes: 500), try! Timeline(dataset: Dataset()),
  ]
  if let story = try? Timeline(path: bundled) { timelines.insert(story, at: 0) }
  let start = now()
  let report = BrowserSoak.run(
    keys: keys, seed: seed, timelines: timelines,
    progress: { step in
      FileHandle.standardError.write(
        Data("soak: \(step) keys, \(String(format: "%.0f", now() - start)) s\n".utf8))
    })
  print(
    "soak: \(report.keys) keys, \(report.frames) frames, \(report.restarts) restarts after quit keys, seed \(seed), \(String(format: "%.1f", now() - start)) s: \(report.violations.isEmpty ? "no invariant broken" : "\(report.violations.count) violations")"
  )
  for violation in report.violations { print("  \(violation)") }
  exit(report.violations.isEmpty ? 0 : 1)
case "hold-write":
  // Test helper: starts an atomic write of PATH, prints the temporary file's path, and waits
  // for standard input to close, so a test can signal the process in the middle of a write.
  guard let path = arguments.dropFirst().first else {
    print("usage: dateline-bench hold-write PATH")
    exit(2)
  }
  // A parent may have started us with signals blocked (a test runner's thread): unblock them.
  var none = sigset_t()
  sigemptyset(&none)
  sigprocmask(SIG_SETMASK, &none, nil)
  do {
    let writer = try AtomicFileWriter(path: path)
    try writer.append(Array("partial".utf8))
    FileHandle.standardOutput.write(Data((writer.temporaryPath + "\n").utf8))
    _ = FileHandle.standardInput.readDataToEndOfFile()
    try writer.commit()
  } catch {
    print(error)
    exit(1)
  }
default:
  print(
    "usage: dateline-bench ingest [FILE...] | score [-v] [--polnear DIR [--split train|dev]] [--timeml DIR] | model | ui | report FILE... | generate --quotes N [--skeleton M] --seed S -o DIR | scale [--sizes N,N,...]"
  )
}
