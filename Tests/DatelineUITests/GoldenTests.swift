import DatelineModel
import Foundation
import Testing

@testable import DatelineUI

/// Screens to compare, as steps from the starting view.
struct GoldenScenario: Sendable, CustomTestStringConvertible {
  var name: String
  var steps: @Sendable (inout BrowserState) -> Void

  var testDescription: String { name }

  static let all: [GoldenScenario] = [
    GoldenScenario(name: "default") { _ in },
    GoldenScenario(name: "events") { $0.press("1j") },
    GoldenScenario(name: "people") { $0.press("2j") },
    GoldenScenario(name: "quotes") { $0.press("3j") },
    GoldenScenario(name: "search") { $0.press("3/deal") },
    GoldenScenario(name: "search-events") { $0.press("/meet") },
    GoldenScenario(name: "search-people") { $0.press("2/pres<Enter>") },
    GoldenScenario(name: "search-or") { $0.press("3/peace | deal<Enter>") },
    GoldenScenario(name: "search-suggest") { $0.press("3/macron<Enter>") },
    GoldenScenario(name: "person") { state in
      state.selectPerson(named: "Trump")
      state.press("<Enter>]")
    },
    GoldenScenario(name: "help") { $0.press("?") },
  ]

  static let sizes = [(80, 24), (120, 40), (40, 12)]
}

extension BrowserState {
  /// Selects the first person in People whose name contains `name`.
  mutating func selectPerson(named name: String) {
    press("2g")
    for _ in 0..<rows(.people).count {
      if selectedActor?.actor.name.contains(name) == true { return }
      press("j")
    }
  }
}

@Suite struct GoldenTests {
  /// The mini story from the fixtures: always present, so these always run.
  @Test(arguments: GoldenScenario.all)
  func fixtureScreens(scenario: GoldenScenario) {
    let timeline = Fixtures.timeline()
    for (width, height) in GoldenScenario.sizes {
      var state = BrowserState(timeline: timeline, width: width, height: height)
      scenario.steps(&state)
      Golden.check(state.screen, named: "fixture-\(width)x\(height)-\(scenario.name)")
    }
  }

  /// Skipped only when the repository has no data/ at all; then every golden must exist.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: Fixtures.bundledDataPath)))
  func bundledStoryScreens() throws {
    let path = Fixtures.bundledDataPath
    let timeline: Timeline
    do {
      timeline = try Timeline(dataset: try DatasetLoader.load(path: path))
    } catch {
      Issue.record(
        "bundled story does not load: \(error.diagnostics.map(\.description).joined(separator: "\n"))"
      )
      return
    }
    for scenario in GoldenScenario.all {
      for (width, height) in GoldenScenario.sizes {
        var state = BrowserState(timeline: timeline, width: width, height: height)
        scenario.steps(&state)
        Golden.check(state.screen, named: "story-\(width)x\(height)-\(scenario.name)")
      }
    }
  }
}
