import DatelineModel
import Testing

@testable import DatelineIngest

/// Events from statements and acts the article does not date, the day they take from the
/// story, and the quotes tied to them.
struct EventBuilderTests {
  static let text = """
    date 2025-03-03

    Mayor Lina Holt said on Monday that the Tern Bridge would reopen on Friday.

    Council member Omar Reyes criticized the plan.

    "It is too soon," Reyes said.

    Reyes said Holt told him that she would resign. Analysts think the vote could fail within weeks.
    """

  @Test func undatedStatementsAndNestedReportsBecomeEvents() throws {
    let analysis = ArticleAnalysis(text: Self.text)
    let events = analysis.events.map {
      "\($0.resolved?.value.description ?? "-") \($0.status.rawValue) \($0.headline)"
    }
    #expect(events.contains("2025-03-03 occurred Holt said the Tern Bridge would reopen"))
    #expect(events.contains("2025-03-07 scheduled The Tern Bridge would reopen"))
    #expect(events.contains("2025-03-03 occurred Reyes criticized the plan"))
    #expect(events.contains("../2025-03-03 occurred Holt would resign"))
    #expect(
      events.contains { $0.hasSuffix("predicted Analysts think the vote could fail") }, "\(events)")
    // The quote after Reyes's criticism was said there; each summary is its sentence.
    let criticism = try #require(analysis.events.firstIndex { $0.headline.hasPrefix("Reyes") })
    #expect(analysis.quoteEvents == [criticism])
    #expect(analysis.events[criticism].summary == "Council member Omar Reyes criticized the plan.")
  }

  /// Each event of `text`, published on Friday 2016-10-07, as "DATE STATUS HEADLINE".
  static func eventLines(_ text: String) -> [String] {
    ArticleAnalysis(text: text, published: PublicationHeader.parseOption("2016-10-07")).events.map {
      "\($0.resolved?.value.description ?? "-") \($0.status.rawValue) \($0.headline)"
    }
  }

  @Test func aPluralNounAfterToIsNoInfinitive() {
    let events = Self.eventLines(
      "Mira Okafor spoke to reporters on Thursday. Ben Ode wrote to investors on Tuesday.")
    #expect(events.contains("2016-10-06 occurred Okafor spoke to reporters"), "\(events)")
    #expect(events.contains("2016-10-04 occurred Ode wrote to investors"), "\(events)")
    #expect(TemporalTagger.looksLikePluralNoun("reporters"))
    #expect(!TemporalTagger.looksLikePluralNoun("discuss"))
    #expect(!TemporalTagger.looksLikePluralNoun("focus"))
  }

  @Test func aSubjectOpeningTheSentenceMakesTheVerbPastNotAParticiple() {
    let events = Self.eventLines("The board voted on Thursday to raise rates.")
    #expect(events == ["2016-10-06 occurred The board voted to raise rates"], "\(events)")
  }

  @Test func aQuotationAloneIsNoEventAndAQuoteAfterAnotherSpeakersEventIsTiedToNone() {
    let analysis = ArticleAnalysis(
      text: """
        date 2025-03-03

        Judge Ida Marsh blocked the map on Monday.

        "We will appeal," said Tom Vale, the state's lawyer.
        """)
    #expect(analysis.events.count == 1)
    #expect(analysis.quoteEvents == [nil])
  }

  /// A headline cut at its word limit back to a place before a dropped "said that": the cut
  /// leaves fewer words than where "that" was, and the clause must not read past them (this
  /// sentence trapped with an index out of range before the bounds check in `appendClause`).
  @Test func aHeadlineCutBeforeADroppedThatKeepsItsWords() throws {
    let analysis = ArticleAnalysis(
      text: """
        date 2025-03-03

        On Monday, Mayor Rosa Lindgren sent letters to members and said that harbor crews expected heavy storms would damage old piers.
        """)
    let event = try #require(analysis.events.first)
    #expect(event.headline == "Lindgren sent letters to members", "\(analysis.events)")
  }

  /// A possessive with no one to name ("their lowest", "its loans") reads as "the": the
  /// statement is an event with a complete headline; "their own" still ends the clause.
  @Test func aPossessiveWithNoOneToNameReadsAsThe() {
    let events = Self.events(
      """
      date 2025-11-03

      Hydrologist Nadia Karimi said reservoir levels were at their lowest since 1998.

      The plant was rebuilt four years ago, and its loans come due next year.
      """)
    #expect(
      events.contains(
        "2025-11-03 occurred Karimi said reservoir levels were at the lowest since 1998"),
      "\(events)")
    // Its own clause ("..., and its loans come due next year") takes its tense from the date.
    #expect(events.contains("2026 scheduled The loans come due"), "\(events)")
  }

  /// A date inside a relative clause dates that clause: the clause is its event.
  @Test func aRelativeClauseWithTheDateIsNotSteppedOver() {
    let events = Self.events(
      """
      date 2026-10-28

      The owners, who bought the docks from the city in 1889, have been looking for a buyer.

      The bill, which the council debated for weeks, passed on Tuesday.

      Pressure is building on Ames, who was booed at a rally on Monday, aides said.
      """)
    #expect(events.contains("1889 occurred The owners bought the docks from the city"), "\(events)")
    #expect(events.contains("2026-10-27 occurred The bill passed"), "\(events)")
    // After a verb, the clause is not the subject's: the headline stops before it.
    #expect(events.contains("2026-10-26 occurred Pressure is building on Ames"), "\(events)")
  }

  /// The dated events of a text as "date status headline".
  static func events(_ text: String) -> [String] {
    ArticleAnalysis(text: text).events.map {
      "\($0.resolved?.value.description ?? "-") \($0.status.rawValue) \($0.headline)"
    }
  }

  /// Statuses of plans, wishes and postponements (corpus 18, 40, 60): the noun "plan" plans
  /// nothing; a wish fixes no date; a postponed thing's new day is still to come.
  @Test func plansWishesAndPostponementsGetTheirStatus() {
    // 2026-04-14 is a Tuesday.
    let presented = Self.events(
      """
      date 2026-04-14

      Mayor Rosa Lindgren presented a flood plan to the city council on Tuesday. The dock workers plan to march on Saturday.
      """)
    #expect(
      presented.contains("2026-04-14 occurred Lindgren presented a flood plan to the city council"),
      "\(presented)")
    #expect(presented.contains { $0.hasPrefix("2026-04-18 scheduled") }, "\(presented)")
    let wished = Self.events(
      """
      date 2025-10-16

      President Elena Ruiz has urged Congress to send the bill to her desk before Thanksgiving. The union wants a deal before Election Day.
      """)
    #expect(wished.contains { $0.hasPrefix("2025-11-27 expected") }, "\(wished)")
    #expect(wished.contains { $0.hasPrefix("2025-11-04 expected") }, "\(wished)")
    let postponed = Self.events(
      """
      date 2026-10-28

      Dock workers postponed until Friday a strike over night shifts.
      """)
    #expect(postponed == ["2026-10-30 scheduled Dock workers postponed a strike over night shifts"])
  }

  /// A wire dateline's date tells when the story was filed: the sentence after it is dated by
  /// its own words, and its headline starts after the dateline.
  @Test func aWireDatelineDatesNoEvent() {
    let events = Self.events(
      """
      Published October 28, 2026

      KESTREL BAY, October 28 (Harbor Wire) -- Dock workers postponed a strike until Friday, union leaders said.
      """)
    #expect(events == ["2026-10-30 scheduled Dock workers postponed a strike"], "\(events)")
  }

  /// The story's own gathering names the noun with its modifiers, not the verb before it
  /// (corpus 43 read "Morin and Greer held held talks").
  @Test func aGatheringHeldIsNamedOnce() {
    let events = Self.events(
      """
      date 2025-06-13

      Prime Minister Adele Morin of Veland held talks with President Tomas Greer of Norvik at a summit in Halden on Friday.
      """)
    #expect(events == ["2025-06-13 occurred Morin and Greer held talks"], "\(events)")
  }
}
