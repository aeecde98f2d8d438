import DatelineIngest
import DatelineModel
import Testing

/// One behaviour per test, on short texts of our own.
struct ExtractionTests {
  func analyze(_ body: String, published: String = "2025-02-24") -> ArticleAnalysis {
    ArticleAnalysis(text: body, published: PublicationHeader.parseOption(published))
  }

  @Test func abbreviationsAndInitialsDoNotEndSentences() {
    let analysis = analyze(
      "Mr. Roe met Lt. Gen. Ada B. Cole in the U.S. capital. The U.K. envoy left. Then it rained.")
    #expect(analysis.article.sentences.count == 3)
  }

  @Test func straightAndCurlyQuotesSplitByAttribution() {
    let analysis = analyze(
      "“We will rebuild,” said Nia Park. \"It will take years,\" she added. \"But we start now.\"")
    #expect(
      analysis.quotes.map(\.text) == [
        "We will rebuild,", "It will take years,", "But we start now.",
      ])
    #expect(analysis.quoteSpeakers() == ["Nia Park", "Nia Park", "Nia Park"])
    #expect(analysis.quotes.map(\.cue) == ["said", "added", nil])
  }

  @Test func partialQuoteInReportedSpeech() {
    let analysis = analyze(
      "Mayor Tom Reid told reporters the bridge could reopen \"within weeks.\"")
    #expect(analysis.quotes.count == 1)
    #expect(analysis.quotes.first?.kind == .partial)
    #expect(analysis.quoteSpeakers() == ["Tom Reid"])
    #expect(analysis.dateValues()["within weeks"] == "2025-03~")
  }

  @Test func scareQuotesAndTitlesAreNotQuotes() {
    let analysis = analyze(
      "Critics called it a \"reset.\" The so-called \"peace bloc\" met. Ana Ruiz wrote a book titled \"The Long Winter.\" The \"experts\" disagree."
    )
    #expect(analysis.quotes.isEmpty)
  }

  @Test func nestedSingleQuotesStayInside() {
    let analysis = analyze("\"He said 'never again' and meant it,\" said Lars Berg.")
    #expect(analysis.quotes.map(\.text) == ["He said 'never again' and meant it,"])
  }

  @Test func photoCreditsAndBylinesAreNotActors() {
    let analysis = analyze(
      "By Kim Daly\n\nJo Marsh / AFP via Getty Images\n\nPresident Ravi Shah spoke on Monday, aides said."
    )
    #expect(analysis.people() == ["Ravi Shah"])
  }

  @Test func sectionLabelsHeadlinesAndPlacesAreNotActors() {
    let analysis = analyze(
      "ABSTRACT\n\nGovernor Lena Voss Makes Surprise Return\n\nFULL TEXT\n\n"
        + "Mayor Omar Diallo toured the Lower West Side on Monday. \"The buses run late,\" Diallo said."
    )
    #expect(analysis.entities.map(\.name) == ["Omar Diallo"])
  }

  @Test func repeatedTranscriptLabelsAreThePersonNotAnOrganization() {
    let analysis = analyze(
      "The host, Dana Pruitt of WKRN, asked the first question.\n\n"
        + "PRUITT: Senator, why now?\n\nHALE: Because the wait is over.\n\nPRUITT: And the cost?"
    )
    #expect(!analysis.entities.contains { $0.name == "PRUITT" })
    #expect(analysis.entities.first { $0.name == "Dana Pruitt" }?.kind == .person)
  }

  /// A label that opens one paragraph only is left to the name finder; it is one mention of
  /// the person it names, not two (the label pass must not count it again).
  @Test func aLabelOpeningOneParagraphIsOneMention() {
    let analysis = analyze("Mike Pence spoke to the crowd.\n\nPENCE: Well, thank you all.")
    let pence = analysis.entities.firstIndex { $0.name == "Mike Pence" }
    #expect(pence != nil)
    let mentions = analysis.mentions.filter { $0.entity == pence }
    #expect(mentions.count == analysis.entities[pence ?? 0].mentionCount)
    #expect(Set(mentions.map(\.first)).count == mentions.count, "\(mentions)")
  }

  @Test func aliasesMergeIntoOnePerson() {
    let analysis = analyze(
      "President Donald Trump spoke. Trump said no. \"Fine,\" President Trump said later.")
    #expect(analysis.people() == ["Donald Trump"])
    let trump = analysis.entities.first { $0.name == "Donald Trump" }
    #expect(trump?.aliases.contains("Trump") == true)
    #expect(trump?.aliases.contains("President Trump") == true)
  }

  @Test func appositionGivesTheRole() {
    let analysis = analyze("Mira Holt, director of the Delta Water Agency, said the dam held.")
    #expect(
      analysis.entities.first { $0.name == "Mira Holt" }?.role
        == "Director of the Delta Water Agency")
  }

  @Test func weekdaysFollowTheTense() {
    // Monday 2025-02-24: "will meet on Thursday" is after, "met on Thursday" before.
    let future = analyze("On Thursday, Ann Lee will meet Bo Kim.")
    #expect(future.dateValues()["Thursday"] == "2025-02-27")
    let past = analyze("Ann Lee met Bo Kim on Thursday.")
    #expect(past.dateValues()["Thursday"] == "2025-02-20")
    let same = analyze("Ann Lee said Monday that talks continue.")
    #expect(same.dateValues()["Monday"] == "2025-02-24")
  }

  @Test func relativeExpressionsResolve() {
    let analysis = analyze(
      "Earlier in the day, Ann Lee voted. She left last week and returns next month. Talks end in the next two weeks, on the third anniversary of the accord, later Monday, on March 3, 2025, in 2019."
    )
    let values = analysis.dateValues()
    #expect(values["Earlier in the day"] == "2025-02-24")
    #expect(values["last week"] == "2025-02-17/2025-02-23")
    #expect(values["next month"] == "2025-03")
    #expect(values["in the next two weeks"] == "2025-02-24/2025-03-10")
    #expect(values["the third anniversary"] == "2022-02-24")
    #expect(values["later Monday"] == "2025-02-24")
    #expect(values["March 3, 2025"] == "2025-03-03")
    #expect(values["2019"] == "2019")
  }

  @Test func eventsCarryStatusFromTense() {
    let analysis = analyze(
      "Ann Lee met Bo Kim on Friday. Ann Lee will visit Rome on Thursday. Bo Kim could resign within weeks."
    )
    // "could" hedges a plan (expected); a forecast needs a forecaster ("thinks", "predicted").
    #expect(analysis.events.map(\.status) == [.occurred, .scheduled, .expected])
    #expect(
      analysis.events.map { $0.resolved?.value.description } == [
        "2025-02-21", "2025-02-27", "2025-03~",
      ])
  }

  @Test func headerWithStrayPMAndZoneIsRead() {
    let header = PublicationHeader.parseOption("Updated February 24, 2025 at 16:19 PM ET")
    #expect(header?.iso == "2025-02-24T16:19:00-05:00")
    let summer = PublicationHeader.parseOption("Published June 3, 2025 4:05 p.m. ET")
    #expect(summer?.iso == "2025-06-03T16:05:00-04:00")
    #expect(PublicationHeader.parseOption("not a date") == nil)
  }

  @Test func reportOffsetsCountUnicodeScalars() {
    let text = "Café owners — “Prices rose,” said Éva Nagy."
    let analysis = analyze(text)
    let quote = try! #require(analysis.quotes.first)
    let scalars = Array(text.unicodeScalars)
    let slice = String(String.UnicodeScalarView(scalars[quote.span.range]))
    #expect(slice == "Prices rose,")
    let json = IngestReport.json(for: analysis, file: "x.txt")
    #expect(json.contains("\"start\":\(quote.span.range.lowerBound)"))
    #expect(json.contains("\"speaker\":\"Éva Nagy\""))
  }
}

struct AttributionVariantTests {
  func analyze(_ body: String) -> ArticleAnalysis {
    ArticleAnalysis(text: body, published: PublicationHeader.parseOption("2025-02-24"))
  }

  @Test func ageBetweenCommasAfterTheName() {
    let analysis = analyze("\"We lost everything,\" Maria Santos, 67, said.")
    #expect(analysis.quoteSpeakers() == ["Maria Santos"])
  }

  @Test func titleWordsBetweenVerbAndName() {
    let analysis = analyze("\"No comment,\" said White House press secretary Jo Park.")
    #expect(analysis.quoteSpeakers() == ["Jo Park"])
  }

  @Test func particlesInNames() {
    let analysis = analyze("\"Europe is ready,\" said Ursula von der Leyen.")
    #expect(analysis.quoteSpeakers() == ["Ursula von der Leyen"])
  }

  @Test func accordingToAndColon() {
    let analysis = analyze(
      "According to Ken Ito, \"the plan is dead.\" Later, Ito said: \"It was never alive.\"")
    #expect(analysis.quoteSpeakers() == ["Ken Ito", "Ken Ito"])
  }

  @Test func theTitleResolvesToThePerson() {
    let analysis = analyze(
      "Prime Minister Arjun Mehta arrived on Monday. \"We came to listen,\" the prime minister said."
    )
    #expect(analysis.quoteSpeakers() == ["Arjun Mehta"])
  }
}

struct DateVariantTests {
  func analyze(_ body: String, published: String = "2025-10-16") -> ArticleAnalysis {
    ArticleAnalysis(text: body, published: PublicationHeader.parseOption(published))
  }

  @Test func holidaysResolveByTense() {
    let analysis = analyze(
      "Ana Reyes wants the bill signed before Thanksgiving. Bo Lind met her on Memorial Day.")
    let values = analysis.dateValues()
    #expect(values["Thanksgiving"] == "2025-11-27")
    #expect(values["Memorial Day"] == "2025-05-26")
  }

  @Test func holidayEventsCarryTheirValueIntoValidData() throws {
    let analysis = analyze("Ana Reyes will visit Rome on Christmas Eve.")
    var builder = DatasetBuilder()
    builder.add(analysis, file: "x.txt", publisher: nil)
    let timeline = try Timeline(dataset: builder.dataset)
    #expect(timeline.events.first?.date.value.description == "2025-12-24")
  }

  @Test func aFullMonthNameBeforeAFullStopIsJustTheMonth() {
    let analysis = analyze("The bill passed the House in June. It stalled later.")
    #expect(analysis.dates.first?.text == "June")
  }

  @Test func durationsAreNotDates() {
    let analysis = analyze(
      "The plan would spend $4 billion over five years. Rates rose for the third time in six months."
    )
    #expect(analysis.dates.isEmpty)
  }
}

struct OrganizationSpeakerTests {
  @Test func theMinistryIsTheMinistryNamedBefore() {
    let analysis = ArticleAnalysis(
      text: "The Finance Ministry raised taxes. \"We had no choice,\" the ministry said.",
      published: PublicationHeader.parseOption("2025-02-24"))
    #expect(analysis.quoteSpeakers() == ["Finance Ministry"])
  }
}
