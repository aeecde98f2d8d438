import DatelineModel
import Foundation

/// Benchmarks for `dateline-bench`: the cost of a frame must not grow with the story.
/// These measure and report; they never assert (timing belongs in a program, not a test).
public enum UIBenchmarks {
  public struct FrameCost: Sendable, CustomStringConvertible {
    public var quotes: Int
    public var width: Int
    public var height: Int
    public var frames: Int
    /// Median time of one frame: apply a key, render.
    public var median: Duration

    public var description: String {
      "ui frame  quotes=\(quotes)  \(width)x\(height)  frames=\(frames)  median=\(UIBenchmarks.format(median))"
    }
  }

  /// A story with `quotes` quotes spread over a few speakers and events.
  public static func syntheticTimeline(quotes: Int, actors: Int = 20, events: Int = 50)
    throws(DatasetLoadError)
    -> Timeline
  {
    let source = Source(
      id: "s", publisher: "Bench", title: "Synthetic story", published: "2025-02-24T12:00:00Z")
    let people = (0..<actors).map {
      Actor(id: "a\($0)", name: "Person \($0)", kind: .person, role: "Role \($0)")
    }
    let eventList = (0..<events).map { index in
      Event(
        id: "e\(index)", headline: "Event number \(index)", summary: "Synthetic event \(index).",
        date: .edtf("2025-02-\(String(format: "%02d", index % 28 + 1))"),
        status: index % 28 + 1 > 24 ? .scheduled : .occurred,
        participants: ["a\(index % actors)", "a\((index + 1) % actors)"],
        provenance: Provenance(source: "s", paragraph: index + 1))
    }
    let words = ["deal", "peace", "war", "talks", "minerals", "security", "troops", "Ukraine"]
    let quoteList = (0..<quotes).map { index in
      Quote(
        id: "q\(index)",
        text:
          "Quote \(index) about \(words[index % words.count]) and \(words[(index / 8) % words.count])",
        speaker: "a\(index % actors)", event: "e\(index % events)",
        provenance: Provenance(source: "s", paragraph: index % 40 + 1))
    }
    return try Timeline(
      dataset: Dataset(
        title: "Synthetic", sources: [source], actors: people, events: eventList, quotes: quoteList)
    )
  }

  /// Renders `frames` frames on the Quotes pane, moving down one row before each.
  public static func measureFrames(
    timeline: Timeline, width: Int = 120, height: Int = 40, frames: Int = 200
  )
    -> FrameCost
  {
    let app = BrowserApp(timeline: timeline, width: width, height: height)
    app.handle(.character("3"))
    var samples: [Duration] = []
    samples.reserveCapacity(frames)
    let clock = ContinuousClock()
    var sink = 0
    for _ in 0..<frames {
      let start = clock.now
      app.handle(.character("j"))
      let grid = app.render(width: width, height: height)
      samples.append(clock.now - start)
      sink &+= grid.cells.count
    }
    precondition(sink > 0)
    samples.sort()
    return FrameCost(
      quotes: timeline.quotes.count, width: width, height: height, frames: frames,
      median: samples[samples.count / 2])
  }

  /// One search keystroke, three ways, medians over every keystroke of the typed queries.
  public struct TypingCost: Sendable {
    /// The update alone: the prompt shows the key (the search is only requested).
    public var echo: Duration
    /// Update plus the first rows the update asks for (a few screens): what a background
    /// search shows first.
    public var firstRows: Duration
    /// Update plus every match counted (the separate count that follows the rows).
    public var allRows: Duration
  }

  /// Median cost of one search keystroke while typing `query` after `/`, through the
  /// browser's own update and its search seam.
  public static func measureTyping(timeline: Timeline, query: String = "deal", repeats: Int = 5)
    -> TypingCost
  {
    let clock = ContinuousClock()
    var echo: [Duration] = []
    var first: [Duration] = []
    var all: [Duration] = []
    let engine = SearchEngine.timeline
    for _ in 0..<repeats {
      var state = BrowserState(timeline: timeline, width: 120, height: 40)
      state.apply(.action(.showQuotes))  // `/` searches the focused pane
      state.apply(.action(.search))
      for character in query {
        var start = clock.now
        let effects = state.apply(.searchType(character))
        echo.append(clock.now - start)
        for case .search(let request) in effects {
          start = clock.now
          let answer = engine.answer(timeline, request, request.limit, { false })
          first.append(clock.now - start + echo[echo.count - 1])
          start = clock.now
          let rows = engine.count(timeline, request, { false })
          all.append(clock.now - start + echo[echo.count - 1])
          // As while typing a burst: the screen has the first rows, the count comes later.
          if let answer {
            state.apply(
              .searchResults(
                generation: request.generation, rows: answer.rows,
                count: answer.isComplete ? answer.rows.count : nil))
          }
          _ = rows
        }
      }
    }
    return TypingCost(echo: median(echo), firstRows: median(first), allRows: median(all))
  }

  static func median(_ samples: [Duration]) -> Duration {
    guard !samples.isEmpty else { return .zero }
    return samples.sorted()[samples.count / 2]
  }

  /// Frame cost for stories of growing size, and the ratio largest/smallest (about 1 when
  /// rendering is O(visible rows)). Returns printable lines.
  public static func report(quoteCounts: [Int] = [10, 10_000, 1_000_000]) -> [String] {
    var lines: [String] = []
    var costs: [FrameCost] = []
    for count in quoteCounts {
      do {
        let timeline = try syntheticTimeline(quotes: count)
        let cost = measureFrames(timeline: timeline)
        costs.append(cost)
        lines.append(cost.description)
        let typing = measureTyping(timeline: timeline)
        lines.append(
          "ui search keystroke  quotes=\(count)  echo=\(format(typing.echo))  first rows=\(format(typing.firstRows))  count=\(format(typing.allRows))  (medians)"
        )
      } catch {
        lines.append(
          "ui frame  quotes=\(count)  could not build the timeline: \(error.diagnostics.map(\.description))"
        )
      }
    }
    if let first = costs.first, let last = costs.last, first.median > .zero {
      let ratio = microseconds(last.median) / microseconds(first.median)
      lines.append(
        "ui frame  ratio \(last.quotes)/\(first.quotes) quotes = \(String(format: "%.2f", ratio))x  (O(visible) means about 1)"
      )
    }
    return lines
  }

  static func microseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
  }

  static func format(_ duration: Duration) -> String {
    String(format: "%.1f µs", microseconds(duration))
  }
}
