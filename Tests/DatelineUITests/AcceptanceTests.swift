import DatelineModel
import Foundation
import Testing

@testable import DatelineUI

/// The walk-through from issue 3, on the bundled story in data/.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: Fixtures.bundledDataPath)))
struct AcceptanceTests {
  func loadStory() throws -> Timeline {
    do {
      return try Timeline(dataset: try DatasetLoader.load(path: Fixtures.bundledDataPath))
    } catch {
      Issue.record("bundled story does not load: \(error.diagnostics.map(\.description))")
      throw error
    }
  }

  @Test func theIssueWalkThrough() throws {
    let timeline = try loadStory()
    let app = BrowserApp(timeline: timeline, width: 100, height: 30)

    // Starting, the Starmer meeting on Thursday 27 February is in view and marked upcoming.
    let start = app.render(width: 100, height: 30).plainText()
    let starmer = timeline.events.first { $0.event.headline.contains("Starmer") }
    #expect(starmer?.isUpcoming == true)
    #expect(starmer.map { DateText.short($0.date) } == "Thu 27 Feb 2025")
    let starmerLine = start.split(separator: "\n").first { $0.contains("Thu 27 Feb 2025") }
    #expect(
      starmerLine.map { $0.contains(GlyphSet.unicode.upcoming) && $0.contains("Trump to meet") }
        == true,
      "Starmer meeting not in view and marked upcoming:\n\(start)")
    #expect(start.contains("── as of"))

    // `/deal` narrows Trump's quotes as you type.
    var counts: [Int] = []
    for key in try KeyNotation.parse("3/deal") {
      app.handle(key)
      counts.append(app.state.quoteRows.count)
    }
    #expect(counts == counts.sorted(by: >), "each keystroke narrows: \(counts)")
    #expect(counts.last ?? 0 > 0)
    for position in 0..<app.state.quoteRows.count {
      let quote = timeline.quotes[app.state.quoteRows[position]]
      #expect(quote.quote.text.lowercased().contains("deal"))
    }
    let speakers = Set(
      (0..<app.state.quoteRows.count).map { timeline.quotes[app.state.quoteRows[$0]].speakerName })
    #expect(speakers.contains { $0.contains("Trump") })
    #expect(app.render(width: 100, height: 30).plainText().contains("/deal"))
    app.handle(.enter)

    // Enter on Trump.
    app.handle(.character("2"))
    app.handle(.character("g"))
    while app.state.selectedActor?.actor.name.contains("Trump") != true {
      let before = app.state.people.selected
      app.handle(.character("j"))
      if app.state.people.selected == before {
        Issue.record("no Trump in People")
        return
      }
    }
    app.handle(.enter)
    guard case .person(let trumpID) = app.state.focus else {
      Issue.record("Enter on Trump did not focus him")
      return
    }

    // Step to Putin through the related actors, and jump there.
    for _ in 0..<app.state.related.count
    where app.state.selectedRelated?.actor.name.contains("Putin") != true {
      app.handle(.character("]"))
    }
    #expect(app.state.selectedRelated?.actor.name.contains("Putin") == true)
    app.handle(.enter)
    #expect(app.state.breadcrumb.count == 2)
    let focused = app.render(width: 100, height: 30).plainText()
    #expect(focused.contains("Trump > ") && focused.contains("Putin"))

    // Back with `<`, and quit with q.
    app.handle(.character("<"))
    #expect(app.state.focus == .person(actorID: trumpID))
    #expect(app.handle(.character("q")) == false)
  }

  @Test func headlessModeRendersTheSameScreen() throws {
    let timeline = try loadStory()
    let headless = try HeadlessSession.run(
      timeline: timeline, width: 100, height: 30, keys: "2j<Enter>")
    var state = BrowserState(timeline: timeline, width: 100, height: 30)
    state.press("2j<Enter>")
    #expect(headless == state.screen)
  }
}
