/// Benchmarks for `dateline-bench`: loading, building and searching a timeline far larger than a
/// news story, so a slow path shows up as a number. They measure and report; they never assert.
public enum ModelBenchmarks {
  public struct Result: Sendable, CustomStringConvertible {
    public var name: String
    public var size: String
    public var runs: Int
    public var median: Duration

    public var description: String {
      "model \(name)  \(size)  runs=\(runs)  median=\(ModelBenchmarks.milliseconds(median))"
    }
  }

  /// A consistent dataset: every event and quote dated (a third stated relative to the source,
  /// a third relative to another event), participants and speakers drawn from `actors`, quotes
  /// naming other actors so mentions are linked.
  public static func syntheticDataset(events: Int, quotes: Int, actors: Int) -> Dataset {
    let actorCount = max(actors, 2)
    let people = (0..<actorCount).map { index in
      Actor(
        id: "a\(index)", name: "Person\(index) Surname\(index)", aliases: ["P\(index)"],
        kind: .person)
    }
    let source = Source(
      id: "s", publisher: "Bench", title: "Synthetic story", published: "2025-02-24T12:00:00Z")
    let eventList = (0..<max(events, 1)).map { index -> Event in
      let date: DateSpec
      switch index % 3 {
      case 0: date = .stated(StatedDate(stated: "on Thursday", tense: .future))
      case 1 where index > 1:
        date = .stated(StatedDate(stated: "earlier in the day", relativeTo: "e\(index - 1)"))
      default: date = .edtf("2025-02-\(10 + index % 18)")
      }
      let named = (index * 7) % actorCount
      return Event(
        id: "e\(index)", headline: "Event \(index) with Surname\(index % actorCount)",
        summary: "A summary naming Person\(named) Surname\(named).", date: date,
        status: .occurred,
        participants: ["a\(index % actorCount)", "a\((index + 1) % actorCount)"],
        provenance: Provenance(source: "s", paragraph: index + 1))
    }
    let quoteList = (0..<quotes).map { index in
      Quote(
        id: "q\(index)",
        text:
          "We discussed the war and peace, and Surname\((index * 3) % actorCount) said many words about the future of the region \(index)",
        speaker: "a\(index % actorCount)", event: "e\(index % eventList.count)",
        provenance: Provenance(source: "s", paragraph: index % 50 + 1))
    }
    return Dataset(
      title: "Synthetic", sources: [source], actors: people, events: eventList, quotes: quoteList)
  }

  /// Parsing and checking JSON, building the timeline, and one incremental search keystroke.
  public static func run(
    events: Int = 20_000, quotes: Int = 10_000, actors: Int = 500, runs: Int = 5
  ) -> [Result] {
    let dataset = syntheticDataset(events: events, quotes: quotes, actors: actors)
    let size = "events=\(events) quotes=\(quotes) actors=\(actors)"
    var results: [Result] = []

    // Laid out as ingest writes datasets, so the parse is measured on what users load.
    let json = DatasetWriter.utf8(dataset)
    results.append(
      measure("parse+check", "\(size) bytes=\(json.count)", runs: runs) {
        _ = try? DatasetLoader.load(json: String(decoding: json, as: UTF8.self))
      })
    results.append(measure("build", size, runs: runs) { _ = try? Timeline(dataset: dataset) })

    guard let timeline = try? Timeline(dataset: dataset) else { return results }
    // Typing a search that matches everything at first, then fewer and fewer quotes.
    let typed = [
      "r", "re", "region", "region 1", "region 12", "region 123", "region 1234", "region 1234 @p",
    ]
    results.append(
      measure("search (full scan per keystroke)", "quotes=\(quotes)", runs: runs) {
        for text in typed { _ = timeline.quoteIndices(matching: QuoteQuery(text), among: nil) }
      }.perItem(typed.count))
    results.append(
      measure("search (narrowing per keystroke)", "quotes=\(quotes)", runs: runs) {
        var previous = QuoteQuery("")
        var rows: [Int]? = nil
        for text in typed {
          let query = QuoteQuery(text)
          rows = timeline.quoteIndices(matching: query, among: query.narrows(previous) ? rows : nil)
          previous = query
        }
      }.perItem(typed.count))
    return results
  }

  static func measure(_ name: String, _ size: String, runs: Int, _ body: () -> Void) -> Result {
    let clock = ContinuousClock()
    let count = max(runs, 1)
    var times: [Duration] = []
    for _ in 0..<count { times.append(clock.measure(body)) }
    times.sort()
    return Result(name: name, size: size, runs: count, median: times[times.count / 2])
  }

  static func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
    return value < 10 ? "\((value * 1000).rounded() / 1000) ms" : "\(value.rounded()) ms"
  }
}

extension ModelBenchmarks.Result {
  /// The same measurement expressed per item of a batch (per keystroke).
  func perItem(_ items: Int) -> ModelBenchmarks.Result {
    var result = self
    result.name += " per keystroke"
    result.median = median / max(items, 1)
    return result
  }
}
