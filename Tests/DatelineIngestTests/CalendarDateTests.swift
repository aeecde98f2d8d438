import DatelineIngest
import DatelineModel
import Testing

/// Date wordings that TimeBank showed, each on a short text of our own (Thursday 2025-10-30).
struct CalendarDateTests {
  func analyze(_ body: String) -> ArticleAnalysis {
    ArticleAnalysis(text: body, published: PublicationHeader.parseOption("2025-10-30"))
  }

  @Test func anEffectiveDateIsStillToCome() {
    // The verb is past, but "effective June 1" is when the plan starts: next June.
    let analysis = analyze("The board approved a pension plan effective June 1.")
    #expect(analysis.dateValues()["June 1"] == "2026-06-01")
  }

  @Test func aPeriodOfTheCalendarIsThatMonthOrYear() {
    let analysis = analyze(
      "Sales fell earlier this month. They rose over the past year and may slip for next year.")
    let values = analysis.dateValues()
    #expect(values["earlier this month"] == "2025-10")
    #expect(values["over the past year"] == "2024")
    #expect(values["for next year"] == "2026")
  }

  @Test func aValueIngestSettlesGoesIntoTheDatasetAsEDTF() throws {
    // The model would read "earlier this month" as the days up to the publication day; the
    // dataset must say what the report says.
    let analysis = analyze("Ann Lee resigned from the board earlier this month.")
    var builder = DatasetBuilder()
    builder.add(analysis, file: "x.txt", publisher: nil)
    let timeline = try Timeline(dataset: builder.dataset)
    #expect(timeline.events.first?.date.value.description == "2025-10")
  }
}
