import DatelineModel
import Foundation

@testable import DatelineUI

/// Small stories for tests, written inline so each test shows what it depends on.
enum Fixtures {
  static let source = Source(
    id: "npr", publisher: "NPR", title: "Trump and Macron meet",
    published: "2025-02-24T16:19:00-05:00")

  static func provenance(_ paragraph: Int) -> Provenance {
    Provenance(source: "npr", paragraph: paragraph)
  }

  /// A miniature of the bundled story: enough people, events and quotes to follow links.
  static let miniDataset = Dataset(
    title: "Talks on ending the war in Ukraine",
    sources: [source],
    actors: [
      Actor(
        id: "trump", name: "Donald Trump", aliases: ["Trump"], kind: .person,
        role: "President of the United States"),
      Actor(id: "macron", name: "Emmanuel Macron", kind: .person, role: "President of France"),
      Actor(id: "putin", name: "Vladimir Putin", kind: .person, role: "President of Russia"),
      Actor(
        id: "starmer", name: "Keir Starmer", kind: .person,
        role: "Prime Minister of the United Kingdom"),
      Actor(
        id: "zelenskyy", name: "Volodymyr Zelenskyy", kind: .person, role: "President of Ukraine"),
      Actor(id: "shea", name: "Dorothy Shea", kind: .person, role: "US envoy to the UN"),
    ],
    events: [
      Event(
        id: "un-vote", headline: "US votes against UN resolution on the invasion",
        summary: "The US opposed the text.",
        date: .edtf("2025-02-24"), status: .occurred, participants: ["shea"],
        provenance: provenance(7)),
      Event(
        id: "oval", headline: "Trump hosts Macron at the White House",
        summary: "They talked about a peace deal.",
        date: .edtf("2025-02-24"), status: .occurred, participants: ["trump", "macron"],
        location: "Oval Office",
        provenance: provenance(3)),
      Event(
        id: "starmer-meeting", headline: "Trump to meet Starmer",
        summary: "A meeting is planned for Thursday.",
        date: .stated(StatedDate(stated: "On Thursday", tense: .future)), status: .scheduled,
        participants: ["trump", "starmer"], provenance: provenance(6)),
      Event(
        id: "call", headline: "Trump and Putin discuss peacekeepers",
        summary: "Putin would accept peacekeepers.",
        date: .edtf("2025-02"), status: .occurred, participants: ["trump", "putin"],
        provenance: provenance(12)),
      Event(
        id: "no-one", headline: "A deadline passes", summary: "Nobody is named.",
        date: .edtf("2025-01-15"), status: .occurred, participants: [], provenance: provenance(13)),
    ],
    quotes: [
      Quote(
        id: "q1", text: "I really believe that he wants to make a deal", speaker: "trump",
        event: "oval", provenance: provenance(2)),
      Quote(
        id: "q2", text: "I may be wrong, but I believe he wants to make a Deal", speaker: "trump",
        event: "oval", provenance: provenance(2)),
      Quote(
        id: "q3", text: "This peace must not mean a surrender of Ukraine", speaker: "macron",
        event: "oval", provenance: provenance(4)),
      Quote(
        id: "q4", text: "Once we settle, there's going to be no more war in Ukraine",
        speaker: "trump", event: "oval", provenance: provenance(14)),
      Quote(
        id: "q5", text: "They would be there to ensure that the peace is respected",
        speaker: "macron", event: "oval", provenance: provenance(16)),
      Quote(
        id: "q6", text: "a durable end to the war", speaker: "shea", event: "un-vote",
        kind: .partial, provenance: provenance(8)),
    ],
    relations: [
      Relation(
        from: "trump", to: "putin", kind: .spokeWith, event: "call", provenance: provenance(12))
    ]
  )

  /// The mini story plus `count` extra quotes by Trump, for scrolling.
  static func manyQuotes(_ count: Int) -> Dataset {
    var dataset = miniDataset
    for index in 0..<count {
      dataset.quotes.append(
        Quote(
          id: "extra\(index)", text: "Extra quote number \(index)", speaker: "trump",
          provenance: provenance(20)))
    }
    return dataset
  }

  static func timeline(_ dataset: Dataset = miniDataset) -> Timeline {
    do {
      return try Timeline(dataset: dataset)
    } catch {
      fatalError("fixture does not load: \(error.diagnostics)")
    }
  }

  /// The bundled story in data/, found from this file's path.
  static var bundledDataPath: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data").path
  }

  static func state(_ timeline: Timeline = timeline(), width: Int = 120, height: Int = 40)
    -> BrowserState
  {
    BrowserState(timeline: timeline, width: width, height: height)
  }
}

extension BrowserState {
  /// Applies keys the way the headless app does (searches run at once, in order); returns
  /// the effects left for the backend.
  @discardableResult
  mutating func press(_ notation: String) -> [BrowserEffect] {
    let keys: [Key]
    do {
      keys = try KeyNotation.parse(notation)
    } catch {
      fatalError("bad key notation in test: \(error)")
    }
    var effects: [BrowserEffect] = []
    for key in keys { effects += applyRunningSearches(BrowserApp.message(for: key, in: self)) }
    return effects
  }

  /// The effects left for the backend after pressing `notation`.
  func effects(of notation: String) -> [BrowserEffect] {
    var copy = self
    return copy.press(notation)
  }

  func pressing(_ notation: String) -> BrowserState {
    var copy = self
    copy.press(notation)
    return copy
  }

  var screen: String { ScreenView.render(self).plainText() }
}
