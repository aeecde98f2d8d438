import DatelineModel
import DatelineUI
import Foundation

/// `dateline-bench scale [--sizes 10000,100000,1000000] [--seed S] [--keep DIR]`: for each size,
/// a generated corpus (`generate`) is built into a store and opened in the browser, each step in
/// a child process so its peak memory is its own; the same queries then run through `fzf`,
/// `grep` and `rg` over the same quote text. Prints figures and the issue's targets beside them.
enum ScaleBench {
  /// Typed one character at a time, as a reader would.
  static let queries = [
    "climate", "president", "economy", "vaccine", "ceasefire", "inflation", "we will",
    "health care", "police officers", "the",
  ]

  struct Options {
    var sizes = [10_000, 100_000, 1_000_000]
    var seed: UInt64 = 1
    var keep: String?
  }

  static func parse(_ arguments: [String]) -> Options? {
    var options = Options()
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      switch argument {
      case "--sizes":
        guard let value = rest.popFirst() else { return nil }
        let sizes = value.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
        guard !sizes.isEmpty else { return nil }
        options.sizes = sizes
      case "--seed":
        guard let value = rest.popFirst().flatMap({ UInt64($0) }) else { return nil }
        options.seed = value
      case "--keep":
        guard let value = rest.popFirst() else { return nil }
        options.keep = value
      default: return nil
      }
    }
    return options
  }

  static func run(_ arguments: [String]) -> Int32 {
    guard let options = parse(arguments) else {
      printError("usage: dateline-bench scale [--sizes N,N,...] [--seed S] [--keep DIR]")
      return 2
    }
    let base =
      options.keep
      ?? NSTemporaryDirectory() + "/dateline-scale-\(getpid())"
    defer { if options.keep == nil { try? FileManager.default.removeItem(atPath: base) } }
    print("scale benchmark: \(machine())")
    let peers = ["fzf", "grep", "rg"].filter { which($0) != nil }
    let missing = ["fzf", "grep", "rg"].filter { which($0) == nil }
    if !missing.isEmpty {
      print("  peers skipped (not installed): \(missing.joined(separator: ", "))")
    }
    print("  queries: \(queries.map { "\"\($0)\"" }.joined(separator: ", "))")
    for size in options.sizes {
      let directory = base + "/\(size)"
      let result = runSize(size, seed: options.seed, directory: directory, peers: peers)
      if result != 0 { return result }
    }
    return 0
  }

  static func runSize(_ size: Int, seed: UInt64, directory: String, peers: [String]) -> Int32 {
    let generator = CorpusGenerator(quotes: size, seed: seed)
    print(
      "\n\(size) quotes, \(generator.events) events, \(generator.people) people, \(generator.sources) sources"
    )
    let clock = ContinuousClock()
    var textBytes = 0
    let generation = clock.measure {
      textBytes = (try? generator.write(to: directory)) ?? -1
    }
    guard textBytes >= 0 else {
      printError("dateline-bench: cannot write the corpus in \(directory)")
      return 1
    }
    print("  generate: \(secondsText(generation)) (not a target)")
    let store = directory + "/store.sqlite"

    // The whole dataset as one file: validated in pieces, in memory that must not follow the
    // number of quotes (only the events, actors and sources kept for the checks).
    let oneFile = directory + "/one.json"
    guard let oneFileBytes = try? OneFile.write(dataset: directory + "/dataset", to: oneFile),
      let validate = Child.run(["scale-step", "validate", oneFile])
    else {
      printError("dateline-bench: validating the dataset as one file failed")
      return 1
    }
    print(
      "  validate as one file (\(megabytes(oneFileBytes))): \(validate.values["seconds"] ?? "?") s wall, \(validate.values["cpu"] ?? "?") s CPU; peak memory \(megabytes(validate.maxRSS)) (flat: should not grow with the quotes)"
    )
    try? FileManager.default.removeItem(atPath: oneFile)

    guard let build = Child.run(["scale-step", "build", directory + "/dataset", store]) else {
      printError("dateline-bench: the store build failed")
      return 1
    }
    let buildSeconds = Double(build.values["seconds"] ?? "") ?? build.wall
    let rate = Double(size) / buildSeconds
    // On a shared machine the wall clock counts the waits for a core; CPU time (both threads
    // of the build) only the work.
    let buildCPU = Double(build.values["cpu"] ?? "") ?? .nan
    print(
      "  store build: \(format(buildSeconds)) s wall, \(format(buildCPU)) s CPU; \(Int(rate)) quotes/s wall, \(buildCPU > 0 ? Int(Double(size) / buildCPU) : 0) per CPU-second; peak memory \(megabytes(build.maxRSS))  [target at 1M: >= 50000 quotes/s: \(rate >= 50_000 ? "met" : "NOT met")]"
    )
    if let steps = build.values["steps"] { print("    steps: \(steps)") }
    let storeBytes = (try? FileManager.default.attributesOfItem(atPath: store)[.size] as? Int) ?? 0
    let ratio = Double(storeBytes) / Double(max(textBytes, 1))
    print(
      "  store size: \(megabytes(storeBytes)) for \(megabytes(textBytes)) of quote text = \(format(ratio))x  [target <= 3x: \(ratio <= 3 ? "met" : "NOT met")]"
    )

    guard let browse = Child.run(["scale-step", "browse", store] + queries) else {
      printError("dateline-bench: opening the store failed")
      return 1
    }
    let open = Double(browse.values["open"] ?? "") ?? .nan
    let openCPU = Double(browse.values["open_cpu"] ?? "") ?? .nan
    print(
      "  open to first frame: \(format(open * 1000)) ms wall, \(format(openCPU * 1000)) ms CPU  [target <= 300 ms: \(open <= 0.3 ? "met" : "NOT met")]"
    )
    let frame = Double(browse.values["frame"] ?? "") ?? .nan
    let frameCPU = Double(browse.values["frame_cpu"] ?? "") ?? .nan
    print(
      "  frame: median \(format(frame * 1000)) ms wall, \(format(frameCPU * 1000)) ms CPU (a key and a render)  [target <= 1 ms: \(frame <= 0.001 ? "met" : "NOT met")]"
    )
    let keys = (browse.values["keys"] ?? "").split(separator: ",").compactMap { Double($0) }
      .sorted()
    let keyMedian = percentile(keys, 0.5)
    let keyP99 = percentile(keys, 0.99)
    print(
      "  search keystroke (\(keys.count) keys): median \(format(keyMedian * 1000)) ms, p99 \(format(keyP99 * 1000)) ms, max \(format((keys.last ?? .nan) * 1000)) ms  [targets median <= 5 ms: \(keyMedian <= 0.005 ? "met" : "NOT met"), p99 <= 16 ms: \(keyP99 <= 0.016 ? "met" : "NOT met")]"
    )
    let keysCPU = (browse.values["keys_cpu"] ?? "").split(separator: ",").compactMap {
      Double($0)
    }.sorted()
    print(
      "  search keystroke CPU (every thread of the process, the worker's search included): median \(format(percentile(keysCPU, 0.5) * 1000)) ms, p99 \(format(percentile(keysCPU, 0.99) * 1000)) ms, max \(format((keysCPU.last ?? .nan) * 1000)) ms"
    )
    let render = (browse.values["keys_render"] ?? "").split(separator: ",").compactMap {
      Double($0)
    }.sorted()
    let renderCPU = (browse.values["keys_render_cpu"] ?? "").split(separator: ",").compactMap {
      Double($0)
    }.sorted()
    print(
      "  of which the frame (drawing the rows, reading them from the store): median \(format(percentile(render, 0.5) * 1000)) ms wall, \(format(percentile(renderCPU, 0.5) * 1000)) ms CPU; p99 \(format(percentile(render, 0.99) * 1000)) ms wall, \(format(percentile(renderCPU, 0.99) * 1000)) ms CPU"
    )
    print(
      "  peak memory with the store open (browse, search): \(megabytes(browse.maxRSS))  [target <= 300 MB: \(browse.maxRSS <= 300 * 1_048_576 ? "met" : "NOT met")]"
    )
    let texts = directory + "/quotes.txt"
    for peer in peers {
      var times: [Double] = []
      for query in queries {
        let arguments: [String]
        switch peer {
        case "fzf": arguments = ["--filter", query, "-e"]
        case "grep": arguments = ["-F", "-i", "-c", query, texts]
        default: arguments = ["-F", "-i", "-c", query, texts]
        }
        let start = clock.now
        _ = Child.runProgram(which(peer)!, arguments, input: peer == "fzf" ? texts : nil)
        times.append(seconds(clock.now - start))
      }
      times.sort()
      let median = percentile(times, 0.5)
      let speedup = median / keyMedian
      let target =
        peer == "rg" ? "  [target >= 10x faster than rg: \(speedup >= 10 ? "met" : "NOT met")]" : ""
      print(
        "  \(peer): median \(format(median * 1000)) ms per query; \(peer)/dateline keystroke = \(format(speedup))x (above 1: dateline is faster)\(target)"
      )
    }
    return 0
  }

  // MARK: Steps run in a child process

  /// `scale-step build DATASET STORE` and `scale-step browse STORE QUERY...`: print `key=value`
  /// lines for the parent.
  static func step(_ arguments: [String]) -> Int32 {
    let clock = ContinuousClock()
    switch arguments.first {
    case "build" where arguments.count == 3:
      let builder = StoreBuilder(path: arguments[2])
      let start = clock.now
      let startCPU = processCPUNow()
      // Each step's wall and process CPU time (all threads), from the end of the previous one.
      // With the process's peak memory so far at its end (the step that raised it stands out).
      var steps: [(name: String, wall: Double, cpu: Double, peak: Int)] = []
      var step = (name: "read", wall: start, cpu: startCPU)
      builder.steps = { name in
        let (now, cpu) = (clock.now, processCPUNow())
        steps.append((step.name, seconds(now - step.wall), cpu - step.cpu, peakMemorySoFar()))
        step = (name, now, cpu)
      }
      do {
        _ = try Importer().run(inputs: [arguments[1]], into: builder)
        _ = try builder.finish()
      } catch {
        printError(error.description)
        return 1
      }
      print("seconds=\(seconds(clock.now - start))")
      print("cpu=\(processCPUNow() - startCPU)")
      print(
        "steps="
          + steps.map {
            "\($0.name):\(format($0.wall)) s wall/\(format($0.cpu)) s CPU/peak \(megabytes($0.peak))"
          }
          .joined(separator: "; "))
      return 0
    case "validate" where arguments.count == 2:
      let start = clock.now
      let startCPU = processCPUNow()
      let problems = DatasetLoader.validate(paths: [arguments[1]])
      for problem in problems.prefix(5) { printError(problem.description) }
      print("seconds=\(format(seconds(clock.now - start)))")
      print("cpu=\(format(processCPUNow() - startCPU))")
      return problems.isEmpty ? 0 : 1
    case "browse" where arguments.count >= 2:
      // `--pause-ms N` after the store: wait N ms after each key's rows (a reader typing), so
      // the counts of earlier prefixes run while later keys come.
      var queries = Array(arguments.dropFirst(2))
      var pause = 0
      if queries.first == "--pause-ms", queries.count >= 2, let value = Int(queries[1]) {
        pause = value
        queries.removeFirst(2)
      }
      let start = clock.now
      let startCPU = processCPUNow()
      guard let timeline = try? Timeline(storePath: arguments[1]) else {
        printError("dateline-bench: cannot open \(arguments[1])")
        return 1
      }
      let app = BrowserApp(timeline: timeline, width: 120, height: 40, background: true)
      var sink = app.render(width: 120, height: 40).cells.count
      print("open=\(seconds(clock.now - start))")
      print("open_cpu=\(processCPUNow() - startCPU)")
      // Frames: move down the Quotes list.
      app.handle(.character("3"))
      var frames: [Double] = []
      var frameCPU: [Double] = []
      for _ in 0..<200 {
        let frameStart = clock.now
        let cpuStart = cpuNow()
        app.handle(.character("j"))
        sink &+= app.render(width: 120, height: 40).cells.count
        frameCPU.append(cpuNow() - cpuStart)
        frames.append(seconds(clock.now - frameStart))
      }
      frames.sort()
      frameCPU.sort()
      print("frame=\(percentile(frames, 0.5))")
      print("frame_cpu=\(percentile(frameCPU, 0.5))")
      // Keystrokes: each query typed after `/`, timed to the frame showing its rows.
      var keys: [Double] = []
      var keysCPU: [Double] = []
      // The frame's part of each keystroke: drawing the rows (and reading them from the store).
      var render: [Double] = []
      var renderCPUs: [Double] = []
      for query in queries {
        app.handle(.character("/"))
        for character in query {
          let keyStart = clock.now
          let keyCPU = processCPUNow()
          app.handle(.character(character))
          // Until this query's rows are shown (a count or page of an older one does not do).
          while app.state.search.isSearching && app.isSearching {
            if !app.receiveResults() { usleep(50) }
          }
          let renderStart = clock.now
          let renderCPU = processCPUNow()
          sink &+= app.render(width: 120, height: 40).cells.count
          keys.append(seconds(clock.now - keyStart))
          keysCPU.append(processCPUNow() - keyCPU)
          render.append(seconds(clock.now - renderStart))
          renderCPUs.append(processCPUNow() - renderCPU)
          let pauseStart = clock.now
          while clock.now - pauseStart < .milliseconds(pause) {
            if app.receiveResults() { sink &+= app.render(width: 120, height: 40).cells.count }
            usleep(200)
          }
        }
        app.handle(.escape)
        while app.isSearching {
          app.receiveResults()
          usleep(50)
        }
        app.handle(.escape)
      }
      print("keys=\(keys.map { String($0) }.joined(separator: ","))")
      print("keys_cpu=\(keysCPU.map { String($0) }.joined(separator: ","))")
      print("keys_render=\(render.map { String($0) }.joined(separator: ","))")
      print("keys_render_cpu=\(renderCPUs.map { String($0) }.joined(separator: ","))")
      print("checksum=\(sink % 1000)")
      return 0
    case "search" where arguments.count >= 2:
      // Each query typed one character at a time, searched on this thread as the browser's
      // worker does: thread CPU for the first rows (a page of 100) and for the count.
      guard let timeline = try? Timeline(storePath: arguments[1]) else {
        printError("dateline-bench: cannot open \(arguments[1])")
        return 1
      }
      _ = timeline.quoteIndices(matching: QuoteQuery("warm"), among: nil, offset: 0, limit: 1)
      var rows: [Double] = []
      var counts: [Double] = []
      var cancels: [Double] = []
      for query in arguments.dropFirst(2) {
        for end in 1...query.count {
          let text = String(query.prefix(end))
          let typed = QuoteQuery(text)
          var start = cpuNow()
          let found = timeline.quoteIndices(matching: typed, among: nil, offset: 0, limit: 101)
          let rowsCPU = cpuNow() - start
          start = cpuNow()
          let count = timeline.countQuotes(matching: typed)
          let countCPU = cpuNow() - start
          rows.append(rowsCPU)
          counts.append(countCPU)
          // A count made stale after 1 ms of its thread's CPU (the next key): the CPU it
          // spends after that before it gives up.
          let cancelStart = cpuNow()
          _ = timeline.countQuotes(
            matching: typed, among: nil, isCancelled: { cpuNow() - cancelStart > 0.001 })
          let cancel = max(0, cpuNow() - cancelStart - 0.001)
          cancels.append(cancel)
          print(
            "search \"\(text)\": \(found.count) rows \(format(rowsCPU * 1000)) ms CPU; count \(count) \(format(countCPU * 1000)) ms CPU; a stale count stops \(format(cancel * 1000)) ms late"
          )
        }
      }
      rows.sort()
      counts.sort()
      print(
        "rows: median \(format(percentile(rows, 0.5) * 1000)) ms, p99 \(format(percentile(rows, 0.99) * 1000)) ms, max \(format((rows.last ?? .nan) * 1000)) ms thread CPU (\(rows.count) keys)"
      )
      print(
        "counts: median \(format(percentile(counts, 0.5) * 1000)) ms, p99 \(format(percentile(counts, 0.99) * 1000)) ms, max \(format((counts.last ?? .nan) * 1000)) ms thread CPU"
      )
      cancels.sort()
      print(
        "stale counts stop: median \(format(percentile(cancels, 0.5) * 1000)) ms, max \(format((cancels.last ?? .nan) * 1000)) ms thread CPU after being made stale"
      )
      return 0
    default:
      printError(
        "usage: dateline-bench scale-step build DATASET STORE | browse STORE QUERY... | search STORE QUERY..."
      )
      return 2
    }
  }

  // MARK: Helpers

  /// CPU seconds of the whole process (every thread) so far.
  static func processCPUNow() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let index = min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.down)))
    return sorted[index]
  }

  static func seconds(_ duration: Duration) -> Double {
    let (whole, attoseconds) = duration.components
    return Double(whole) + Double(attoseconds) / 1e18
  }

  static func secondsText(_ duration: Duration) -> String {
    format(seconds(duration)) + " s"
  }

  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "n/a" }
    if value >= 100 { return String(format: "%.0f", value) }
    if value >= 10 { return String(format: "%.1f", value) }
    return String(format: "%.2f", value)
  }

  static func megabytes(_ bytes: Int) -> String {
    format(Double(bytes) / 1_048_576) + " MB"
  }

  static func which(_ program: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/\(program)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  static func machine() -> String {
    var name = utsname()
    uname(&name)
    let machine = withUnsafeBytes(of: &name.machine) {
      String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
    }
    let release = withUnsafeBytes(of: &name.release) {
      String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
    }
    var model = ""
    if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") })
    {
      model =
        line.split(separator: ":", maxSplits: 1).last.map {
          $0.trimmingCharacters(in: .whitespaces)
        } ?? ""
    }
    let memory = ProcessInfo.processInfo.physicalMemory / 1_073_741_824
    return
      "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(memory) GB, Linux \(release) \(machine)"
  }

  static func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}

/// A child process with its own peak memory (from `wait4`), its `key=value` output and its
/// wall time.
struct Child {
  var values: [String: String]
  var maxRSS: Int
  var wall: Double

  /// Runs this program again with `arguments`.
  static func run(_ arguments: [String]) -> Child? {
    guard let result = runProgram("/proc/self/exe", arguments, input: nil), result.status == 0
    else { return nil }
    var values: [String: String] = [:]
    for line in result.output.split(separator: "\n") {
      let parts = line.split(separator: "=", maxSplits: 1)
      if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
    }
    return Child(values: values, maxRSS: result.maxRSS, wall: result.wall)
  }

  /// Runs `program`, standard input from `input` (else /dev/null), standard output captured
  /// in a temporary file, standard error passed through.
  static func runProgram(_ program: String, _ arguments: [String], input: String?)
    -> (status: Int32, output: String, maxRSS: Int, wall: Double)?
  {
    let outputPath = NSTemporaryDirectory() + "/dateline-bench-\(getpid())-\(UUID().uuidString)"
    defer { unlink(outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let start = Date()
    guard posix_spawn(&pid, program, &actions, nil, argv, environ) == 0 else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let wall = Date().timeIntervalSince(start)
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    let exited = status & 0x7F == 0
    return (
      exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), output, usage.ru_maxrss * 1024, wall
    )
  }
}

/// A dataset directory written as one file: each array of the directory's files (written by
/// `DatasetWriter`, an item per block ending with a line `  ]`) joined, file by file, without
/// holding more than one file.
enum OneFile {
  /// Writes the file; returns its size in bytes.
  static func write(dataset directory: String, to path: String) throws -> Int {
    let files = try DatasetLoader.files(at: directory).get()
    guard let output = OutputStream(toFileAtPath: path, append: false) else {
      throw GenerateError("cannot write \(path)")
    }
    output.open()
    defer { output.close() }
    var written = 0
    func put(_ text: String) {
      let bytes = Array(text.utf8)
      written += bytes.count
      _ = output.write(bytes, maxLength: bytes.count)
    }
    put("{\n  \"format\": \"dateline/1\",\n  \"title\": \"One file\",\n")
    let keys = ["sources", "actors", "events", "relations", "quotes"]
    for (number, key) in keys.enumerated() {
      put("  \"\(key)\": [\n")
      var first = true
      for file in files {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        guard let body = items(key, in: text) else { continue }
        if !first { put(",\n") }
        put(String(body))
        first = false
      }
      put(number == keys.count - 1 ? "\n  ]\n}\n" : "\n  ],\n")
    }
    return written
  }

  /// The items of the array `key` in a file `DatasetWriter` wrote, nil when it is empty.
  static func items(_ key: String, in text: String) -> Substring? {
    guard let open = text.range(of: "\n  \"\(key)\": [\n"),
      let close = text.range(of: "\n  ]", range: open.upperBound..<text.endIndex)
    else { return nil }
    return text[open.upperBound..<close.lowerBound]
  }
}

/// The process's peak resident memory so far, in bytes (`VmHWM` in /proc/self/status; 0 where
/// there is none).
func peakMemorySoFar() -> Int {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
    return 0
  }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    return kilobytes * 1024
  }
  return 0
}
