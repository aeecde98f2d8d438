import DatelineExport
import DatelineModel
import Foundation
import Testing

@Suite("TimelineJS export")
struct TimelineJSTests {
  let timeline: Timeline
  let document: [String: Any]
  let slides: [[String: Any]]

  init() throws {
    timeline = try ExportFixtures.timeline()
    document = try ExportFixtures.json(Exporter.export(timeline, to: .timelinejs))
    slides = try #require(document["events"] as? [[String: Any]])
  }

  func slide(_ id: String) throws -> [String: Any] {
    try #require(slides.first { $0["unique_id"] as? String == id }, "no slide for \(id)")
  }

  func date(_ slide: [String: Any], _ key: String) -> [String: Int]? {
    slide[key] as? [String: Int]
  }

  @Test func everyEventIsOneSlideInChronologicalOrder() throws {
    #expect(slides.map { $0["unique_id"] as? String } == timeline.events.map(\.event.id))
    for slide in slides {
      #expect(slide["start_date"] != nil)
      let text = try #require(slide["text"] as? [String: String])
      #expect(!(text["headline"] ?? "").isEmpty)
    }
  }

  @Test func theTitleSlideComesFromTheDataset() throws {
    let title = try #require(document["title"] as? [String: Any])
    let text = try #require(title["text"] as? [String: String])
    #expect(text["headline"] == "Talks, &lt;b&gt;tariffs&lt;/b&gt; &amp; a &quot;deal&quot;")
    #expect(text["text"]?.contains("10 events from 2 sources, as of 24 Feb 2025") == true)
    #expect(title["start_date"] == nil)
  }

  @Test func datesKeepTheirPrecision() throws {
    #expect(date(try slide("oval"), "start_date") == ["year": 2025, "month": 2, "day": 24])
    #expect(date(try slide("oval"), "end_date") == nil)
    #expect(date(try slide("march"), "start_date") == ["year": 2025, "month": 3])
    #expect(date(try slide("year"), "start_date") == ["year": 2024])
    #expect(date(try slide("talks"), "start_date") == ["year": 2025, "month": 2, "day": 10])
    #expect(date(try slide("talks"), "end_date") == ["year": 2025, "month": 2, "day": 21])
    #expect(date(try slide("span-months"), "start_date") == ["year": 2024, "month": 11])
    #expect(date(try slide("span-months"), "end_date") == ["year": 2025, "month": 1])
    // A stated date is exported as it resolved: "on Thursday" after Monday 24 February.
    #expect(
      date(try slide("starmer-visit"), "start_date") == ["year": 2025, "month": 2, "day": 27])
    // Open and unknown ends start at the known end.
    #expect(date(try slide("before"), "start_date") == ["year": 2025, "month": 2, "day": 24])
    #expect(date(try slide("before"), "end_date") == nil)
    #expect(date(try slide("unknown-start"), "start_date") == ["year": 2025, "month": 3, "day": 1])
  }

  @Test func displayDatesInWordsOnlyWhereNumbersWouldMislead() throws {
    #expect(try slide("march")["display_date"] as? String == "c. Mar 2025")
    #expect(try slide("maybe")["display_date"] as? String == "27 Feb 2025?")
    #expect(try slide("before")["display_date"] as? String == "by 24 Feb 2025")
    #expect(try slide("from")["display_date"] as? String == "from Jan 2025")
    #expect(try slide("unknown-start")["display_date"] as? String == "? \u{2013} 1 Mar 2025")
    for plain in ["oval", "year", "talks", "span-months", "starmer-visit"] {
      #expect(try slide(plain)["display_date"] == nil, "\(plain)")
    }
  }

  @Test func textHoldsTheSummaryAndQuotesWithSpeakersEscaped() throws {
    let text = try #require(try slide("oval")["text"] as? [String: String])
    #expect(text["headline"] == "Oval Office &lt;script&gt;alert(1)&lt;/script&gt; meeting")
    let body = try #require(text["text"])
    #expect(body.hasPrefix("<p>Trump and Macron talk, at length; &quot;warmly&quot;.</p>"))
    #expect(
      body.contains(
        "<blockquote>\u{201C}We spoke about &lt;Putin&gt; &amp; &quot;peace&quot;, at length\u{201D} <cite>\u{2014} Donald Trump</cite></blockquote>"
      ))
    #expect(body.contains("<cite>\u{2014} Emmanuel Macron</cite>"))
    #expect(!body.contains("<script"))
    #expect(!body.contains("<Putin>"))
    // The source, linked (its address escaped inside the attribute).
    #expect(body.contains("<a href=\"https://example.com/story?a=1&amp;b=2\">AP, "))
    #expect(body.contains("paragraph 2"))
  }

  @Test func groupsAreStatusesOrTheMostProminentActor() throws {
    #expect(try slide("oval")["group"] as? String == "occurred")
    #expect(try slide("starmer-visit")["group"] as? String == "scheduled")
    let byActor = try ExportFixtures.json(
      Exporter.export(timeline, to: .timelinejs, options: ExportOptions(grouping: .actor)))
    let actorSlides = try #require(byActor["events"] as? [[String: Any]])
    let oval = try #require(actorSlides.first { $0["unique_id"] as? String == "oval" })
    // Trump takes part in more events than Macron, so he leads the group.
    #expect(oval["group"] as? String == "Donald Trump")
    let march = try #require(actorSlides.first { $0["unique_id"] as? String == "march" })
    #expect(march["group"] == nil)
  }

  @Test func upcomingKeepsOnlyWhatComesAfterTheAsOfDate() throws {
    let upcoming = try ExportFixtures.json(
      Exporter.export(timeline, to: .timelinejs, options: ExportOptions(upcoming: true)))
    let ids = (upcoming["events"] as? [[String: Any]] ?? []).compactMap {
      $0["unique_id"] as? String
    }
    #expect(ids == timeline.events.filter(\.isUpcoming).map(\.event.id))
    #expect(ids.contains("starmer-visit"))
    #expect(!ids.contains("oval"))
  }

  @Test func theBundledStoryExportsEveryEvent() throws {
    let bundled = try ExportFixtures.bundled()
    let document = try ExportFixtures.json(Exporter.export(bundled, to: .timelinejs))
    let slides = try #require(document["events"] as? [[String: Any]])
    #expect(slides.count == bundled.events.count)
    #expect(Set(slides.compactMap { $0["unique_id"] as? String }).count == bundled.events.count)
  }
}
