import DatelineModel

/// Random keys at random sizes through the headless browser, with the state's invariants
/// checked after every key and every frame checked as it renders. `dateline-bench soak --keys
/// 1000000` runs a million; a test runs a shorter one.
///
/// Invariants: each pane's selection is a row it has (0 when empty) and is on screen when the
/// pane has room; rows point into the timeline; the focus names an item that exists; the frame
/// has exactly the size asked for and no control character in any cell. Quit keys are part of
/// the mix: a browser that quits is started again.
public enum BrowserSoak {
  public struct Report: Sendable {
    public var keys = 0
    public var frames = 0
    public var restarts = 0
    public var violations: [String] = []
  }

  static let pool: [Key] =
    Keymap.standard.bindings.map(\.key) + [
      .character("d"), .character("e"), .character("a"), .character("l"), .character("@"),
      .character("\""), .character("Z"), .character("日"), .character("\u{301}"),
      .character("\u{1B}"), .delete, .ctrl("u"), .ctrl("w"), .character(" "),
    ]

  /// Runs `keys` keys with `seed` over `timelines` (one per restart, in turn). `stopAfter`
  /// violations ends the run early.
  public static func run(
    keys: Int, seed: UInt64, timelines: [Timeline], stopAfter: Int = 20,
    progress: ((Int) -> Void)? = nil
  ) -> Report {
    var random = SplitMix64(seed: seed)
    var report = Report()
    guard !timelines.isEmpty else { return report }
    var width = random.below(301)
    var height = random.below(101)
    var app = BrowserApp(timeline: timelines[0], width: width, height: height)
    var trail: [Key] = []
    for step in 0..<keys {
      let key: Key
      switch random.below(100) {
      case 0..<5:
        width = random.below(301)
        height = random.below(101)
        key = .resize(width: width, height: height)
      case 5..<9:
        let kinds: [MouseEvent.Kind] = [.click, .wheelUp, .wheelDown]
        key = .mouse(
          MouseEvent(
            kinds[random.below(kinds.count)], x: random.below(width + 3) - 1,
            y: random.below(height + 3) - 1))
      default:
        key = pool[random.below(pool.count)]
      }
      trail.append(key)
      if trail.count > 24 { trail.removeFirst() }
      report.keys += 1
      if !app.handle(key) {
        report.restarts += 1
        app = BrowserApp(
          timeline: timelines[report.restarts % timelines.count], width: width, height: height)
        continue
      }
      _ = app.receiveResults()
      _ = app.takeEffects()
      let context = {
        "seed \(seed) key \(step) at \(width)x\(height), last keys \(trail.map(KeyNotation.format).joined())"
      }
      report.violations += check(app.state).map { "\($0): \(context())" }
      let grid = app.render(width: width, height: height)
      report.frames += 1
      report.violations += checkGrid(grid, width: width, height: height).map {
        "\($0): \(context())"
      }
      if report.violations.count >= stopAfter { break }
      if step % 100_000 == 0 { progress?(step) }
    }
    return report
  }

  /// What is wrong with `state`, if anything.
  static func check(_ state: BrowserState) -> [String] {
    var problems: [String] = []
    for pane in Pane.allCases {
      let list = state.shownList(pane)
      let rows = state.rows(pane)
      let count = rows.count
      if count == 0 {
        if list.selected != 0 { problems.append("\(pane) selects \(list.selected) with no rows") }
      } else if !(0..<count).contains(list.selected) {
        problems.append("\(pane) selects \(list.selected) of \(count)")
      }
      if list.top < 0 { problems.append("\(pane) top is \(list.top)") }
      let viewport = state.layout.viewport(for: pane)
      if count > 0 && viewport > 0 && (0..<count).contains(list.selected) {
        let row = state.geometry(pane).displayRow(ofItem: list.selected)
        if row < list.top || row >= list.top + viewport {
          problems.append(
            "\(pane) selection row \(row) off screen \(list.top)..<\(list.top + viewport)")
        }
      }
      for position in [0, count - 1] where count > 0 {
        let index = rows[position]
        let valid: Bool
        switch pane {
        case .events: valid = state.timeline.events.indices.contains(index)
        case .people: valid = state.timeline.actors.indices.contains(index)
        case .quotes: valid = state.timeline.quotes.indices.contains(index)
        }
        if !valid {
          problems.append("\(pane) row \(position) points at \(index), outside the timeline")
        }
      }
    }
    switch state.focus {
    case .none: break
    case .person(let id):
      if state.timeline.actor(id: id) == nil { problems.append("focus on unknown actor") }
    case .event(let id):
      if state.timeline.event(id: id) == nil { problems.append("focus on unknown event") }
    }
    if state.helpTop < 0 { problems.append("help scrolled to \(state.helpTop)") }
    return problems
  }

  static func checkGrid(_ grid: CellGrid, width: Int, height: Int) -> [String] {
    guard grid.width == width, grid.height == height else {
      return ["frame is \(grid.width)x\(grid.height), asked \(width)x\(height)"]
    }
    for cell in grid.cells {
      for scalar in cell.character.unicodeScalars {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) || (0x202A...0x202E).contains(v)
          || (0x2066...0x2069).contains(v)
        {
          return ["control U+\(String(v, radix: 16, uppercase: true)) on screen"]
        }
      }
    }
    return []
  }
}
