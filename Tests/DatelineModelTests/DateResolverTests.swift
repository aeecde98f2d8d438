import DatelineTestSupport
import Testing

@testable import DatelineModel

@Suite struct DateResolverTests {
  /// A Monday, like the story's dateline.
  let monday = Fixtures.day("2025-02-24")

  func resolve(_ phrase: String, _ tense: Tense? = nil) throws(DateResolutionError) -> ResolvedDate
  {
    try DateResolver.resolve(
      StatedDate(stated: phrase, tense: tense), anchor: monday, anchorLabel: nil)
  }

  @Test func weekdayFollowsTense() throws {
    let future = try resolve("on Thursday", .future)
    #expect(future.value.description == "2025-02-27")
    #expect(future.stated == "on Thursday")
    #expect(future.explanation == "Thursday after Mon 2025-02-24")
    let past = try resolve("on Thursday", .past)
    #expect(past.value.description == "2025-02-20")
    #expect(past.explanation == "Thursday before Mon 2025-02-24")
    #expect(try resolve("Thursday", .present).value.description == "2025-02-27")
    #expect(try resolve("friday", .past).value.description == "2025-02-21")
  }

  /// The resolver keeps explanations in parts until read: a date must still equal, and hash
  /// like, one built with the same explanation as text, and setting the text replaces it.
  @Test func explanationsInPartsCompareByTheirText() throws {
    var resolved = try DateResolver.resolve(
      "on Thursday", tense: .future, anchor: monday, anchorLabel: "the summit")
    let written = ResolvedDate(
      value: resolved.value, stated: "on Thursday",
      explanation: "Thursday after Mon 2025-02-24 (the summit)")
    #expect(resolved == written)
    #expect(Set([resolved, written]).count == 1)
    resolved.explanation = "moved by hand"
    #expect(resolved != written)
    #expect(resolved.explanation == "moved by hand")
  }

  @Test func weekdayWithoutTenseTakesTheNearest() throws {
    #expect(try resolve("Wednesday").value.description == "2025-02-26")
    #expect(try resolve("Saturday").value.description == "2025-02-22")
  }

  @Test func sameWeekdayIsTheAnchorUnlessNextOrLast() throws {
    let same = try resolve("on Monday", .future)
    #expect(same.value.description == "2025-02-24")
    #expect(same.explanation.contains("same day"))
    #expect(try resolve("Monday", .past).value.description == "2025-02-24")
    #expect(try resolve("next Monday").value.description == "2025-03-03")
    #expect(try resolve("last Monday").value.description == "2025-02-17")
    #expect(try resolve("next Thursday").value.description == "2025-02-27")
    #expect(try resolve("last Thursday").value.description == "2025-02-20")
  }

  @Test func sameDayOrderHints() throws {
    for phrase in ["earlier in the day", "Earlier today", "this morning", "earlier that day"] {
      let earlier = try resolve(phrase)
      #expect(earlier.value.description == "2025-02-24", "\(phrase)")
      #expect(earlier.sameDayOrder == -1, "\(phrase)")
    }
    for phrase in ["later in the day", "tonight", "later Monday", "later today"] {
      let later = try resolve(phrase)
      #expect(later.value.description == "2025-02-24", "\(phrase)")
      #expect(later.sameDayOrder == 1, "\(phrase)")
    }
    #expect(try resolve("today").sameDayOrder == 0)
    #expect(try resolve("yesterday").value.description == "2025-02-23")
    #expect(try resolve("tomorrow").value.description == "2025-02-25")
    #expect(try resolve("Thursday morning", .future).sameDayOrder == -1)
  }

  @Test func anniversariesCountBackFromTheAnchor() throws {
    let third = try resolve("the third anniversary of")
    #expect(third.value.description == "2022-02-24")
    #expect(third.explanation == "3rd anniversary: 3 years before Mon 2025-02-24")
    #expect(try resolve("10th anniversary").value.description == "2015-02-24")
    #expect(
      try resolve("the twenty-fifth anniversary of the treaty").value.description == "2000-02-24")
    #expect(try resolve("three-year anniversary").value.description == "2022-02-24")
    #expect(throws: DateResolutionError.self) { try resolve("the anniversary of") }
  }

  @Test func intervals() throws {
    let next = try resolve("in the next two weeks", .future)
    #expect(next.value.description == "2025-02-24/2025-03-10")
    #expect(next.start.description == "2025-02-24")
    #expect(next.value.precision == .interval)
    #expect(try resolve("in the next 10 days").value.description == "2025-02-24/2025-03-06")
    #expect(try resolve("in the next three months").value.description == "2025-02-24/2025-05-24")
    #expect(try resolve("within a week").value.description == "2025-02-24/2025-03-03")
    #expect(try resolve("last week").value.description == "2025-02-17/2025-02-23")
    #expect(try resolve("next week").value.description == "2025-03-03/2025-03-09")
    #expect(try resolve("this week").value.description == "2025-02-24/2025-03-02")
    #expect(try resolve("in the next week").value.description == "2025-02-24/2025-03-03")
    #expect(try resolve("over the past three months").value.description == "2024-11-24/2025-02-24")
    #expect(try resolve("earlier this week").value.description == "2025-02-24")
    #expect(try resolve("later this month").value.description == "2025-02-24/2025-02-28")
    #expect(try resolve("next weekend").value.description == "2025-03-08/2025-03-09")
  }

  @Test func approximateFuture() throws {
    let weeks = try resolve("within weeks", .future)
    #expect(weeks.value.description == "2025-03~")
    #expect(weeks.value.isApproximate)
    #expect(try resolve("within days").value.description == "2025-02-27~")
    #expect(try resolve("in the coming weeks").value.description == "2025-03~")
  }

  @Test func monthsAndYears() throws {
    #expect(try resolve("last month").value.description == "2025-01")
    #expect(try resolve("next month").value.description == "2025-03")
    #expect(try resolve("this month").value.description == "2025-02")
    #expect(try resolve("last year").value.description == "2024")
    #expect(try resolve("next year").value.description == "2026")
    #expect(try resolve("three years ago").value.description == "2022-02-24~")
    #expect(try resolve("2 days ago").value.description == "2025-02-22")
    #expect(try resolve("in two weeks").value.description == "2025-03-10")
  }

  @Test func explicitDates() throws {
    #expect(try resolve("February 27").value.description == "2025-02-27")
    #expect(try resolve("Feb. 27, 2025").value.description == "2025-02-27")
    #expect(try resolve("27 February 2024").value.description == "2024-02-27")
    #expect(try resolve("March 2025").value.description == "2025-03")
    #expect(try resolve("2024").value.description == "2024")
    #expect(try resolve("in March", .future).value.description == "2025-03")
    #expect(try resolve("in March", .past).value.description == "2024-03")
    #expect(try resolve("January 5", .future).value.description == "2026-01-05")
    #expect(try resolve("January 5", .past).value.description == "2025-01-05")
    #expect(try resolve("December 30").value.description == "2024-12-30")
    #expect(try resolve("Thursday, February 27").value.description == "2025-02-27")
    #expect(try resolve("2025-02-27").explanation == "as stated")
    #expect(try resolve("February 24, 2025 at 16:19 PM ET").value.description == "2025-02-24")
    #expect(try resolve("mid-March", .future).value.description == "2025-03~")
  }

  /// A weekday stated with a month and day picks the year in which they agree, whatever the
  /// tense says: "Saturday, March 1" written in the past tense is still 2025-03-01 (a Saturday),
  /// not the Friday a year before.
  @Test func statedWeekdayPicksTheYear() throws {
    #expect(try resolve("Saturday, March 1", .past).value.description == "2025-03-01")
    #expect(try resolve("Thursday, February 29", .future).value.description == "2024-02-29")
  }

  @Test func tolerantOfCaseFillersAndPunctuation() throws {
    #expect(try resolve("  ON THURSDAY.", .future).value.description == "2025-02-27")
    #expect(try resolve("The third anniversary of,").value.description == "2022-02-24")
    #expect(try resolve("on the 27th of February").value.description == "2025-02-27")
  }

  @Test func resolvesDataDateSpecs() throws {
    let given = try DateResolver.resolve(DateSpec.edtf("2025-03~"), anchor: nil)
    #expect(given.explanation == "as given")
    #expect(given.stated == nil)
    let stated = try DateResolver.resolve(
      DateSpec.stated(StatedDate(stated: "on Thursday", tense: .future)), anchor: monday)
    #expect(stated.value.description == "2025-02-27")
    #expect(throws: DateResolutionError.self) {
      try DateResolver.resolve(DateSpec.stated(StatedDate(stated: "on Thursday")), anchor: nil)
    }
    do {
      _ = try DateResolver.resolve(DateSpec.edtf("2025-02-30"), anchor: monday)
      Issue.record("accepted 2025-02-30")
    } catch {
      #expect(error.isEDTF)
      #expect(error.description.hasPrefix("'2025-02-30' is not an EDTF date"))
    }
  }

  @Test func anchorLabelJoinsTheExplanation() throws {
    let resolved = try DateResolver.resolve(
      StatedDate(stated: "earlier in the day"), anchor: monday, anchorLabel: "Oval Office meeting")
    #expect(resolved.explanation == "earlier on Mon 2025-02-24 (Oval Office meeting)")
  }

  @Test func randomPhrasesNeverCrashAndResolveConsistently() {
    let vocabulary = [
      "on", "the", "next", "last", "this", "in", "within", "earlier", "later", "day", "days",
      "week",
      "weeks", "month", "months", "year", "years", "ago", "anniversary", "of", "third", "999999th",
      "Thursday", "Monday", "February", "29", "31st", "2024", "0000", "999999", "a", "few",
      "coming",
      "twenty", "five", "morning", "night", ",", ".", "-", "\u{2019}s", "at", "16:19", "..", "/",
      "~",
    ]
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<3000 {
      let count = Int.random(in: 1...5, using: &generator)
      let phrase = (0..<count).map { _ in vocabulary.randomElement(using: &generator)! }
        .joined(separator: " ")
      let tense = [Tense.past, .present, .future, nil].randomElement(using: &generator)!
      if let resolved = try? resolve(phrase, tense) {
        #expect(resolved.start <= resolved.end, "\(phrase)")
        #expect(resolved.stated == phrase)
        #expect(!resolved.explanation.isEmpty)
      }
    }
  }

  @Test(arguments: [
    "", "someday", "on Blursday", "February 30", "Thursday, February 28", "the 3rd of Smarch",
  ])
  func errorsAreTypedAndSayWhatIsAccepted(_ phrase: String) {
    do {
      _ = try resolve(phrase, .future)
      Issue.record("'\(phrase)' resolved")
    } catch {
      #expect(error.expression == phrase)
      #expect(error.description.contains("on Thursday"))
    }
  }
}
