import DatelineModel
import Testing

@testable import DatelineUI

/// The screen shown while a large story loads or its store is built.
@Suite struct LoadingScreenTests {
  @Test func showsTheSourceProgressAndHowToQuit() {
    var screen = LoadingScreen(source: "/data/quotebank-2020.jsonl", width: 80, height: 24)
    screen.progress = ImportProgress(
      phase: "importing", quotes: 120_000, bytesDone: 42, bytesTotal: 100)
    screen.elapsed = .milliseconds(3_200)
    let text = screen.render().plainText()
    #expect(text.contains("Opening /data/quotebank-2020.jsonl"))
    #expect(text.contains("Importing: 42% (0.0 of 0.0 MB), 120,000 quotes"))
    #expect(text.contains("[" + String(repeating: "#", count: 23)))
    #expect(text.contains("3.2 s · q quits"))
  }

  /// The whole box at 80x24 while a store builds: the figure done of the total, the percent,
  /// the quotes so far, a bar, the time, and how to quit.
  @Test func theBoxAtAFixedSizeShowsHowFarTheBuildIs() {
    var screen = LoadingScreen(source: "/news/2025", width: 80, height: 24)
    screen.progress = ImportProgress(
      phase: "building the store", quotes: 120_000, bytesDone: 12_700_000,
      bytesTotal: 30_300_000)
    screen.elapsed = .milliseconds(4_250)
    let lines = screen.render().plainText().split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: .whitespaces) }
    let box = lines.filter { !$0.isEmpty }
    #expect(
      box == [
        "┌──────────────────────────────────────────────────────────────┐",
        "│ Dateline                                                     │",
        "│ Opening /news/2025                                           │",
        "│ Building the store: 41% (12.1 of 28.8 MB), 120,000 quotes    │",
        "│ [########################----------------------------------] │",
        "│ 4.2 s · q quits                                              │",
        "└──────────────────────────────────────────────────────────────┘",
      ], "\(box.joined(separator: "\n"))")
    #expect(lines.firstIndex { !$0.isEmpty } == 8, "the box is in the middle")
  }

  @Test func withoutATotalTheBytesAndQuotesSoFar() {
    var screen = LoadingScreen(source: "-", width: 80, height: 24)
    screen.progress = ImportProgress(
      phase: "importing", quotes: 1, bytesDone: 3_145_728, bytesTotal: nil)
    #expect(screen.progressLine == "Importing: 3.0 MB, 1 quote")
    #expect(screen.fraction == nil)
  }

  @Test func withoutProgressItSaysItIsReading() {
    let text = LoadingScreen(source: "data", width: 60, height: 12).render().plainText()
    #expect(text.contains("Reading the data…"))
    #expect(!text.contains("[#"), "no bar without a total")
  }

  @Test func qAndCtrlCQuitAndOtherKeysWait() {
    var screen = LoadingScreen(source: "data")
    var answers: [Bool] = []
    for key in [Key.character("j"), .character("/"), .resize(width: 100, height: 30)] {
      answers.append(screen.handle(key))
    }
    #expect(answers == [true, true, true])
    #expect(screen.width == 100 && screen.height == 30)
    let quitsOnQ = screen.handle(.character("q"))
    let quitsOnCtrlC = screen.handle(.ctrl("c"))
    #expect(!quitsOnQ && !quitsOnCtrlC)
  }

  @Test func anySizeAndHostileNamesAreSafe() {
    for (width, height) in [(0, 0), (1, 1), (5, 3), (20, 4), (200, 60)] {
      var screen = LoadingScreen(source: "evil\u{1B}[2J\u{7}name", width: width, height: height)
      screen.progress = ImportProgress(phase: "", quotes: 0, bytesDone: 5, bytesTotal: 0)
      let grid = screen.render()
      #expect(grid.width == width && grid.height == height)
      #expect(!grid.plainText().contains("\u{1B}"))
    }
  }
}
