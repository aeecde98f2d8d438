import DatelineTestSupport
import Testing

@testable import DatelineModel

@Suite struct TimelineTests {
  /// Writers (ingest) rely on `check` rejecting exactly what building the timeline rejects.
  @Test func checkRejectsWhatTheTimelineRejects() throws {
    let valid = try DatasetLoader.load(json: Fixtures.story)
    try Timeline.check(valid)
    var broken = valid
    broken.events[0].participants.append("nobody")
    broken.quotes[0].speaker = "france"
    broken.events[1].date = .stated(StatedDate(stated: "when the moon turns blue"))
    var fromCheck: [String] = []
    var fromInit: [String] = []
    do { try Timeline.check(broken) } catch { fromCheck = error.diagnostics.map(\.description) }
    do { _ = try Timeline(dataset: broken) } catch {
      fromInit = error.diagnostics.map(\.description)
    }
    #expect(fromCheck.count == 3, "\(fromCheck)")
    #expect(fromCheck == fromInit)
  }

  @Test func resolvesAndOrdersTheChronology() throws {
    let timeline = try Fixtures.timeline()
    #expect(
      timeline.events.map(\.event.id) == [
        // The interval starting the same day comes after the day (precision); "war-end" and
        // "march" are both March months, so the source paragraph decides.
        "invasion", "un-vote", "oval", "deal", "starmer-visit", "war-end", "march",
      ])
    let byID = Dictionary(uniqueKeysWithValues: timeline.events.map { ($0.event.id, $0) })
    #expect(byID["invasion"]?.date.value.description == "2022-02-24")
    #expect(byID["un-vote"]?.date.sameDayOrder == -1)
    #expect(byID["starmer-visit"]?.date.value.description == "2025-02-27")
    #expect(byID["starmer-visit"]?.date.explanation == "Thursday after Mon 2025-02-24")
    #expect(byID["deal"]?.date.value.description == "2025-02-24/2025-03-10")
    #expect(byID["war-end"]?.date.value.description == "2025-03~")
    #expect(byID["un-vote"]?.date.explanation == "earlier on Mon 2025-02-24 (Oval Office meeting)")
  }

  @Test func sameStartOrdersByHintThenPrecisionThenSourcePosition() throws {
    let sources = [
      Source(id: "a", publisher: "P", title: "First", published: "2025-01-01"),
      Source(id: "b", publisher: "P", title: "Second", published: "2025-01-02"),
    ]
    func event(_ id: String, _ date: DateSpec, source: String = "a", paragraph: Int) -> Event {
      Event(
        id: id, headline: id, summary: "", date: date, status: .occurred, participants: [],
        provenance: Provenance(source: source, paragraph: paragraph))
    }
    let dataset = Dataset(
      sources: sources,
      events: [
        event("year", .edtf("2025"), paragraph: 1),
        event("month", .edtf("2025-01"), paragraph: 2),
        event("span", .edtf("2025-01-01/2025-01-05"), paragraph: 3),
        event("day-b", .edtf("2025-01-01"), source: "b", paragraph: 1),
        event("day-a9", .edtf("2025-01-01"), paragraph: 9),
        event("day-a4", .edtf("2025-01-01"), paragraph: 4),
        event("later", .stated(StatedDate(stated: "later in the day")), paragraph: 1),
        event("earlier", .stated(StatedDate(stated: "earlier in the day")), paragraph: 8),
      ])
    let timeline = try Timeline(dataset: dataset)
    #expect(
      timeline.events.map(\.event.id) == [
        "earlier", "day-a4", "day-a9", "day-b", "month", "year", "span", "later",
      ])
    #expect(timeline.asOf?.description == "2025-01-02")
    #expect(timeline.title == "First")
  }

  @Test func upcomingIsAfterTheLatestPublicationDay() throws {
    let timeline = try Fixtures.timeline()
    #expect(timeline.asOf?.description == "2025-02-24")
    #expect(timeline.event(id: "starmer-visit")?.isUpcoming == true)
    #expect(timeline.event(id: "oval")?.isUpcoming == false)
    // Expected "in the next two weeks": it starts on the "as of" day but has not happened yet.
    #expect(timeline.event(id: "deal")?.isUpcoming == true)
    #expect(timeline.title == "Test story")
  }

  @Test func upcomingEventsSortAfterEverythingAlreadyReported() throws {
    let timeline = try Fixtures.timeline()
    let flags = timeline.events.map(\.isUpcoming)
    #expect(flags.contains(true))
    #expect(flags == flags.sorted { !$0 && $1 }, "reported events first, then upcoming ones")
  }

  @Test func aReportedEventThatMayStillRunIsNotUpcoming() {
    let asOf = CivilDay(iso: "2025-02-24")!
    let span = ResolvedDate.given(try! EDTFDate(parsing: "2025-02-20/2025-03-01"))
    #expect(!Timeline.isUpcoming(span, status: .occurred, asOf: asOf))
    #expect(Timeline.isUpcoming(span, status: .expected, asOf: asOf))
    #expect(!Timeline.isUpcoming(span, status: .expected, asOf: nil))
  }

  @Test func lookUpsByID() throws {
    let timeline = try Fixtures.timeline()
    let index = try #require(timeline.eventIndex(id: "oval"))
    #expect(timeline.events[index].event.id == "oval")
    #expect(timeline.actor(id: "macron")?.actor.name == "Emmanuel Macron")
    #expect(timeline.quote(id: "q-oval")?.speakerName == "Donald Trump")
    #expect(timeline.source(id: "ap")?.publisher == "AP")
    #expect(timeline.event(id: "nope") == nil)
    #expect(timeline.actorIndex(id: "nope") == nil)
  }

  @Test func quotesAreChronologicalWithDefaultDates() throws {
    let timeline = try Fixtures.timeline()
    #expect(timeline.quotes.map(\.quote.id) == ["q-oval", "q-macron", "q-later"])
    #expect(timeline.quote(id: "q-oval")?.date.value.description == "2025-02-24")
    #expect(timeline.quote(id: "q-later")?.date.explanation == "publication day of its source")
    #expect(timeline.quotes(by: "trump").map(\.quote.id) == ["q-oval", "q-later"])
    #expect(timeline.quotes(at: "oval").map(\.quote.id) == ["q-oval", "q-macron"])
  }

  @Test func actorsRankedByAppearances() throws {
    let timeline = try Fixtures.timeline()
    #expect(timeline.actors.first?.actor.id == "trump")
    #expect(timeline.actor(id: "trump")?.eventCount == 4)
    #expect(timeline.actor(id: "trump")?.quoteCount == 2)
    #expect(timeline.events(involving: "macron").map(\.event.id) == ["oval"])
    // Equal counts fall back to the name.
    let ones = timeline.actors.filter { $0.eventCount + $0.quoteCount == 1 }.map(\.actor.name)
    #expect(ones == ones.sorted())
  }

  @Test func eventsInARange() throws {
    let timeline = try Fixtures.timeline()
    let range = timeline.events(from: Fixtures.day("2025-02-25"), to: Fixtures.day("2025-02-28"))
    #expect(range.map(\.event.id) == ["deal", "starmer-visit"])
    #expect(
      timeline.events(from: nil, to: Fixtures.day("2023-01-01")).map(\.event.id) == ["invasion"])
  }

  @Test func relatedActorsWithReasons() throws {
    let timeline = try Fixtures.timeline()
    let related = timeline.relatedActors(of: "trump")
    let macron = try #require(related.first { $0.actor.id == "macron" })
    #expect(macron.reasons.contains(.statedRelation(kind: .metWith, eventID: "oval")))
    #expect(macron.reasons.contains(.sharedEvent(eventID: "oval", headline: "Oval Office meeting")))
    #expect(macron.reasons.contains(.mentionedInQuote(quoteID: "q-macron", speakerID: "macron")))
    #expect(macron.score == 5 + 3 + 2)
    #expect(related.first?.actor.id == "macron")
    let putin = try #require(related.first { $0.actor.id == "putin" })
    #expect(putin.reasons.contains(.mentionedInQuote(quoteID: "q-oval", speakerID: "trump")))
    #expect(putin.reasons.contains(.mentionedInSummary(eventID: "oval")))
    let us = try #require(related.first { $0.actor.id == "us" })
    #expect(us.reasons == [.affiliation])
    #expect(related.map(\.score) == related.map(\.score).sorted(by: >))
    #expect(timeline.relatedActors(of: "putin").contains { $0.actor.id == "macron" })
    #expect(
      timeline.describe(.mentionedInQuote(quoteID: "q-oval", speakerID: "trump"))
        == "named in a quote by Donald Trump")
    #expect(
      LinkReason.sharedEvent(eventID: "oval", headline: "Oval Office meeting").description
        == "both at: Oval Office meeting")
    #expect(LinkReason.statedRelation(kind: .metWith, eventID: nil).description == "met with")
  }

  @Test func oneWayRelationsReadFromEachEnd() throws {
    var dataset = try DatasetLoader.load(json: Fixtures.story)
    dataset.relations.append(
      Relation(
        from: "macron", to: "zelenskyy", kind: .supports,
        provenance: Provenance(source: "ap", paragraph: 4)))
    let timeline = try Timeline(dataset: dataset)
    let reason = LinkReason.statedRelation(kind: .supports, eventID: nil)
    #expect(
      timeline.relatedActors(of: "zelenskyy").first { $0.actor.id == "macron" }?.reasons == [reason]
    )
    #expect(timeline.describe(reason, for: "macron", with: "zelenskyy") == "supports")
    #expect(timeline.describe(reason, for: "zelenskyy", with: "macron") == "supported by")
    let met = LinkReason.statedRelation(kind: .metWith, eventID: "oval")
    #expect(
      timeline.describe(met, for: "macron", with: "trump") == "met with (Oval Office meeting)")
  }

  @Test func namesMatchAsWholeWordsAndProperNamesByCase() {
    let matcher = NameMatcher(actor: Actor(id: "trump", name: "Donald Trump", kind: .person))
    #expect(matcher.isMentioned(in: "Trump said"))
    #expect(matcher.isMentioned(in: "as Trump's aide put it"))
    #expect(!matcher.isMentioned(in: "a trumpet played"))
    #expect(!matcher.isMentioned(in: "trump card"))
    #expect(!matcher.isMentioned(in: "Trumpism"))
  }

  @Test func mentionFinderMatchesManyActorsAtOnce() {
    let finder = MentionFinder(actors: [
      Actor(id: "trump", name: "Donald Trump", kind: .person),
      Actor(id: "us", name: "United States", aliases: ["US", "the americans"], kind: .country),
      Actor(id: "un", name: "UN General Assembly", kind: .organization),
    ])
    #expect(finder.mentionedActors(in: "Trump told the United States") == ["trump", "us"])
    #expect(
      finder.mentionedActors(in: "The Americans and the UN General Assembly") == ["us", "un"])
    #expect(finder.mentionedActors(in: "the united states; a trumpet; the UN General") == [])
    #expect(finder.mentionedActors(in: "Trump's US") == ["trump", "us"])
  }

  /// Random texts of names, aliases, their words in other cases, non-ASCII words and
  /// punctuation: the finder (which skips most words by a hash of their bytes) names exactly the
  /// actors that each actor's own matcher finds.
  @Test func mentionFinderNamesWhatEachActorsMatcherFinds() {
    let actors = [
      Actor(id: "trump", name: "Donald Trump", kind: .person),
      Actor(id: "us", name: "United States", aliases: ["US", "the americans"], kind: .country),
      Actor(id: "who", name: "who", aliases: ["Ärzte ohne Grenzen", "ÉLAN"], kind: .organization),
      Actor(id: "unknown", name: "unknown speaker", kind: .group),
      Actor(id: "kelvin", name: "Kelvin Lee", aliases: ["kelvin"], kind: .person),
    ]
    let finder = MentionFinder(actors: actors)
    let words = [
      "Trump", "trump", "TRUMP", "Donald", "United", "States", "united", "states", "US", "us",
      "the", "The", "americans", "Americans", "AMERICANS", "who", "Who", "WHO", "Ärzte", "ärzte",
      "ohne", "Grenzen", "ÉLAN", "élan", "unknown", "Unknown", "speaker", "Speaker", "Kelvin",
      "\u{212A}elvin", "kelvin", "Lee", "lee", "a", "Trump's", "é", "42", ",", ".", " ", "-",
    ]
    var random = SeededGenerator(seed: 5)
    for _ in 0..<300 {
      var text = ""
      for _ in 0..<Int.random(in: 1...9, using: &random) {
        text += words.randomElement(using: &random)!
        text += [" ", " ", ", ", "-", "", "\n"].randomElement(using: &random)!
      }
      let found = finder.mentionedActors(in: text)
      let expected = actors.filter { NameMatcher(actor: $0).isMentioned(in: text) }.map(\.id)
      #expect(Set(found) == Set(expected), "\(text)")
      #expect(found.count == Set(found).count)
    }
  }

  @Test func rejectsAnInvalidDatasetBuiltInMemory() {
    var dataset = Dataset(sources: [
      Source(id: "s", publisher: "P", title: "T", published: "2025-02-24")
    ])
    dataset.events = [
      Event(
        id: "e", headline: "h", summary: "s", date: .edtf("2025-02-24"), status: .occurred,
        participants: ["ghost"], provenance: Provenance(source: "s", paragraph: 1))
    ]
    do {
      _ = try Timeline(dataset: dataset)
      Issue.record("accepted an unknown participant")
    } catch {
      #expect(
        error.diagnostics.map(\.description) == [
          "events[0].participants[0]:0:0: error: unknown actor id 'ghost' as participant of event 'e'; use the id of an actor listed in \"actors\", or add the actor"
        ])
    }
  }
}

@Suite struct QuoteQueryTests {
  @Test func allWordsMustAppearCaseInsensitively() throws {
    let timeline = try Fixtures.timeline()
    #expect(timeline.searchQuotes(QuoteQuery("peace putin")).map(\.quote.id) == ["q-oval"])
    #expect(timeline.searchQuotes(QuoteQuery("peace")).map(\.quote.id) == ["q-oval", "q-macron"])
    #expect(timeline.searchQuotes(QuoteQuery("peace elephant")).isEmpty)
    #expect(QuoteQuery("  ").isEmpty)
    #expect(timeline.searchQuotes(QuoteQuery("")).count == 3)
  }

  @Test func smartCase() throws {
    let timeline = try Fixtures.timeline()
    #expect(QuoteQuery("Peace").isCaseSensitive)
    #expect(!QuoteQuery("peace").isCaseSensitive)
    #expect(timeline.searchQuotes(QuoteQuery("Peace")).map(\.quote.id) == ["q-macron"])
  }

  @Test func quotedPhrase() throws {
    let timeline = try Fixtures.timeline()
    #expect(timeline.searchQuotes(QuoteQuery("\"about peace\"")).map(\.quote.id) == ["q-oval"])
    #expect(timeline.searchQuotes(QuoteQuery("\"peace about\"")).isEmpty)
    #expect(QuoteQuery("war \"within weeks\" @tr").phrases == ["within weeks"])
  }

  @Test func speakerNarrowing() throws {
    let timeline = try Fixtures.timeline()
    #expect(timeline.searchQuotes(QuoteQuery("peace @macron")).map(\.quote.id) == ["q-macron"])
    #expect(timeline.searchQuotes(QuoteQuery("@TRU")).map(\.quote.id) == ["q-oval", "q-later"])
    #expect(timeline.searchQuotes(QuoteQuery("@emman")).map(\.quote.id) == ["q-macron"])
    #expect(timeline.searchQuotes(QuoteQuery("@nobody")).isEmpty)
  }

  @Test func incrementalNarrowing() throws {
    let timeline = try Fixtures.timeline()
    let first = timeline.quoteIndices(matching: QuoteQuery("pe"), among: nil)
    #expect(first.count == 2)
    let narrowed = timeline.quoteIndices(matching: QuoteQuery("peace sur"), among: first)
    #expect(narrowed.map { timeline.quotes[$0].quote.id } == ["q-macron"])
    #expect(timeline.quoteIndices(matching: QuoteQuery("peace"), among: [99, 0]) == [0])
  }

  @Test func knowsWhenAQueryNarrowsAnother() throws {
    #expect(QuoteQuery("pea").narrows(QuoteQuery("pe")))
    #expect(QuoteQuery("peace war").narrows(QuoteQuery("peace")))
    #expect(QuoteQuery("\"about peace\"").narrows(QuoteQuery("peace")))
    #expect(QuoteQuery("peace @trump").narrows(QuoteQuery("peace @tr")))
    #expect(QuoteQuery("Peace").narrows(QuoteQuery("pea")))
    #expect(QuoteQuery("").narrows(QuoteQuery("")))
    #expect(!QuoteQuery("pe").narrows(QuoteQuery("pea")))
    #expect(!QuoteQuery("peace").narrows(QuoteQuery("Peace")))
    #expect(!QuoteQuery("peace").narrows(QuoteQuery("peace @tr")))
    #expect(!QuoteQuery("peace @macron").narrows(QuoteQuery("peace @tr")))
    // What narrows really finds a subset.
    let timeline = try Fixtures.timeline()
    let pairs = [("pea", "pe"), ("peace @tr", "peace"), ("Peace", "peace"), ("\"we spoke\"", "we")]
    for (next, previous) in pairs {
      let all = Set(timeline.quoteIndices(matching: QuoteQuery(next), among: nil))
      let narrowed = timeline.quoteIndices(
        matching: QuoteQuery(next),
        among: timeline.quoteIndices(matching: QuoteQuery(previous), among: nil))
      #expect(QuoteQuery(next).narrows(QuoteQuery(previous)))
      #expect(Set(narrowed) == all, "\(next) after \(previous)")
    }
  }

  @Test func typographicApostrophesMatchPlainOnes() throws {
    let quote = TimelineQuote(
      quote: Quote(
        id: "q", text: "We don\u{2019}t — and won't — give up", speaker: "s",
        provenance: Provenance(source: "a", paragraph: 1)),
      date: .given(.day(Fixtures.day("2025-02-24"))), speakerName: "S")
    #expect(QuoteQuery("don't").matches(quote))
    #expect(QuoteQuery("won\u{2019}t").matches(quote))
    #expect(QuoteQuery("\"we don't\"").matches(quote))
    let text = quote.quote.text
    #expect(
      QuoteQuery("don't give").highlights(in: text).map { String(text[$0]) } == [
        "don\u{2019}t", "give",
      ])
  }

  @Test func highlightsMatchedWordsAndPhrases() {
    let text = "We spoke about Putin and about peace"
    let ranges = QuoteQuery("about \"and about\" putin").highlights(in: text)
    #expect(ranges.map { String(text[$0]) } == ["about", "Putin", "and about"])
    #expect(QuoteQuery("@trump").highlights(in: text).isEmpty)
    let overlapping = QuoteQuery("\"Putin and\" and").highlights(in: text)
    #expect(overlapping.map { String(text[$0]) } == ["Putin and"])
  }
}
