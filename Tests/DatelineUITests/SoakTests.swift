import DatelineModel
import DatelineTestSupport
import Testing

@testable import DatelineUI

/// Thousands of random keys at random sizes, down to 1x1 and 0x0; invariants after each.
@Suite struct SoakTests {
  static let keys: [Key] =
    Keymap.standard.bindings.map(\.key).filter { $0 != .character("q") && $0 != .ctrl("c") } + [
      .character("d"), .character("e"), .character("a"), .character("l"), .character("@"),
      .character("\""), .character("Z"), .character("日"), .character("\u{1B}"), .delete, .ctrl("u"),
    ]

  static func randomKey(_ random: inout SeededGenerator, width: Int, height: Int) -> Key {
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<4:
      return .resize(
        width: Int.random(in: 0...140, using: &random),
        height: Int.random(in: 0...50, using: &random))
    case 4..<8:
      let kinds: [MouseEvent.Kind] = [.click, .wheelUp, .wheelDown]
      return .mouse(
        MouseEvent(
          kinds.randomElement(using: &random)!, x: Int.random(in: -1...width + 1, using: &random),
          y: Int.random(in: -1...height + 1, using: &random)))
    default:
      return keys.randomElement(using: &random)!
    }
  }

  @Test(arguments: [1 as UInt64, 2, 3, 4])
  func randomKeysKeepTheInvariants(seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    let datasets = [Fixtures.miniDataset, Dataset(), Fixtures.manyQuotes(60)]
    let timeline = Fixtures.timeline(datasets[Int(seed) % datasets.count])
    let app = BrowserApp(timeline: timeline, width: 80, height: 24)
    var trail: [Key] = []
    for step in 0..<300 {
      let key = Self.randomKey(
        &random, width: app.state.layout.width, height: app.state.layout.height)
      trail.append(key)
      guard app.handle(key) else {
        Issue.record("quit without a quit key after \(trail.map(KeyNotation.format).joined())")
        return
      }
      Invariants.check(
        app.state,
        "seed \(seed) step \(step) keys \(trail.suffix(20).map(KeyNotation.format).joined())")
      if step % 7 == 0 {
        let grid = app.render(width: app.state.layout.width, height: app.state.layout.height)
        #expect(grid.width == app.state.layout.width && grid.height == app.state.layout.height)
      }
    }
  }

  @Test func everySizeFromZeroUpRendersWithoutCrashing() {
    let timeline = Fixtures.timeline()
    for width in [0, 1, 2, 5, 29, 30, 31, 59, 60, 99, 100, 140] {
      for height in [0, 1, 2, 7, 8, 9, 15, 16, 24, 40] {
        // A state is a value: each copy starts as a new one at this size would.
        let start = BrowserState(timeline: timeline, width: width, height: height)
        for keys in ["", "2<Enter>", "3/deal", "?", "1<Enter>"] {
          var state = start
          state.press(keys)
          let grid = ScreenView.render(state)
          #expect(grid.width == width && grid.height == height)
          Invariants.check(state, "\(width)x\(height) \(keys)")
        }
      }
    }
  }
}

/// The soak `dateline-bench soak --keys 1000000` runs, shortened for CI: random keys at random
/// sizes from 0x0 to 300x100, every invariant checked after every key. (Short: a debug build
/// renders large screens slowly; the million-key run is the release benchmark's.)
@Suite struct BrowserSoakTests {
  @Test(arguments: [7 as UInt64, 8])
  func aShortSoakBreaksNoInvariant(seed: UInt64) {
    let timelines = [
      Fixtures.timeline(), Fixtures.timeline(Dataset()), Fixtures.timeline(Fixtures.manyQuotes(60)),
    ]
    let report = BrowserSoak.run(keys: 200, seed: seed, timelines: timelines)
    #expect(report.keys > 0 && report.frames > 0)
    #expect(report.violations.isEmpty, "\(report.violations.prefix(5).joined(separator: "\n"))")
  }
}
