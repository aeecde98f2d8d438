import Foundation

/// Store figures for `dateline-bench model --store N`: build rate, open to the first screen,
/// per-keystroke search (first screenful, and the count apart), related actors. Printed, never
/// asserted.
public enum StoreBenchmarks {
  /// A synthetic dataset of `quotes` quotes, a tenth as many events, `actors` people; quote
  /// text varies word by word so searches have rare and common answers.
  public static func dataset(quotes: Int, actors: Int = 5000) -> Dataset {
    var dataset = ModelBenchmarks.syntheticDataset(
      events: max(1, quotes / 10), quotes: 0, actors: actors)
    let vocabulary = [
      "peace", "talks", "ceasefire", "minister", "border", "economy", "election", "tariffs",
      "sanctions", "summit", "refugees", "energy", "budget", "court", "reform", "strike",
      "vaccine", "climate", "security", "trade", "ukraine", "europe", "deal", "war", "region",
    ]
    var state: UInt64 = 0x1234_5678
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    dataset.quotes.reserveCapacity(quotes)
    for index in 0..<quotes {
      // Zipf-like: low word indices far more often.
      var words: [String] = []
      for _ in 0..<(8 + next(12)) {
        let rank = min(
          vocabulary.count - 1, next(vocabulary.count) * next(vocabulary.count) / vocabulary.count)
        words.append(vocabulary[rank])
      }
      let speaker = min(actors - 1, next(actors) * next(actors) / actors)
      words.insert("Surname\(next(actors))", at: next(words.count))
      dataset.quotes.append(
        Quote(
          id: "q\(index)", text: "We said \(words.joined(separator: " ")) \(index)",
          speaker: "a\(speaker)", event: next(3) == 0 ? "e\(next(dataset.events.count))" : nil,
          provenance: Provenance(source: "s", paragraph: index % 50 + 1)))
    }
    return dataset
  }

  public static func report(quotes: Int, directory: String = NSTemporaryDirectory()) -> [String] {
    var lines: [String] = []
    let clock = ContinuousClock()
    func ms(_ duration: Duration) -> String { ModelBenchmarks.milliseconds(duration) }
    let generated = clock.now
    let data = dataset(quotes: quotes)
    lines.append(
      "store quotes=\(quotes) events=\(data.events.count) actors=\(data.actors.count)  generated in \(ms(clock.now - generated))"
    )
    let path = directory + "/dateline-bench-store-\(getpid()).sqlite"
    defer { StoreFiles.remove(path) }

    // CPU seconds of this process beside the wall clock: on a shared machine the wall clock
    // counts the waits for a core, CPU time only the work (the build is single-threaded).
    func cpu() -> Double {
      var time = timespec()
      clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
      return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
    let buildCPU = cpu()
    let buildStart = clock.now
    let builder = StoreBuilder(path: path)
    do {
      try builder.add(data)
      _ = try builder.finish()
    } catch {
      lines.append("store build failed: \(error.diagnostics.first?.description ?? "")")
      return lines
    }
    let build = clock.now - buildStart
    let buildCPUSeconds = cpu() - buildCPU
    let seconds = Double(build.components.seconds) + Double(build.components.attoseconds) / 1e18
    let size =
      (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    let textBytes = data.quotes.reduce(0) { $0 + $1.text.utf8.count }
    lines.append(
      "store build  \(ms(build))  \(Int(Double(quotes) / max(seconds, 1e-9))) quotes/s  cpu \(Int(buildCPUSeconds * 1000)) ms = \(Int(Double(quotes) / max(buildCPUSeconds, 1e-9))) quotes/cpu-s  file=\(size / 1_048_576) MB  (quote text \(textBytes / 1_048_576) MB)"
    )

    // Open and read the first screen of every pane.
    let openCPU = cpu()
    let openStart = clock.now
    guard let timeline = try? Timeline(storePath: path) else {
      lines.append("store open failed")
      return lines
    }
    for index in 0..<min(30, timeline.events.count) { _ = timeline.events[index] }
    for index in 0..<min(30, timeline.actors.count) { _ = timeline.actors[index] }
    for index in 0..<min(30, timeline.quotes.count) { _ = timeline.quotes[index] }
    lines.append(
      "store open to first screen  \(ms(clock.now - openStart))  cpu \(Int((cpu() - openCPU) * 1000)) ms"
    )

    // Typing queries one character at a time: the first 40 rows per keystroke, then the count.
    let typed = [
      "ceasefire", "surname42", "peace talks", "\"border economy\"", "@person1 war", "zzz",
    ]
    var firstRows: [Duration] = []
    var counts: [Duration] = []
    for text in typed {
      for end in 1...text.count {
        let query = QuoteQuery(String(text.prefix(end)))
        firstRows.append(
          clock.measure {
            _ = timeline.quoteIndices(matching: query, among: nil, offset: 0, limit: 40)
          })
        counts.append(clock.measure { _ = timeline.countQuotes(matching: query) })
      }
    }
    firstRows.sort()
    counts.sort()
    func stats(_ list: [Duration]) -> String {
      "median \(ms(list[list.count / 2]))  p99 \(ms(list[min(list.count - 1, list.count * 99 / 100)]))  max \(ms(list.last!))"
    }
    lines.append(
      "store search first 40 rows per keystroke (\(firstRows.count) keystrokes)  \(stats(firstRows))"
    )
    lines.append("store search count per keystroke  \(stats(counts))")
    var related: [Duration] = []
    for id in ["a0", "a1", "a10", "a100", "a1000"] {
      related.append(clock.measure { _ = timeline.relatedActors(of: id) })
    }
    related.sort()
    lines.append("store related actors (5 actors, busiest first)  \(stats(related))")
    return lines
  }
}
