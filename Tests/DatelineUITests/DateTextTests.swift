import DatelineModel
import Testing

@testable import DatelineUI

@Suite struct DateTextTests {
  func resolved(_ edtf: String) throws -> ResolvedDate {
    let value = try EDTFDate(parsing: edtf)
    return ResolvedDate(value: value, explanation: "as given")
  }

  @Test func dayPreciseDatesShowTheWeekday() throws {
    #expect(DateText.short(try resolved("2025-02-27")) == "Thu 2025-02-27")
    #expect(DateText.short(try resolved("2025-02-27?")) == "Thu 2025-02-27?")
  }

  @Test func coarserDatesShowAsWritten() throws {
    #expect(DateText.short(try resolved("2025-03")) == "2025-03")
    #expect(DateText.short(try resolved("2025-03~")) == "2025-03~")
    #expect(DateText.short(try resolved("2025")) == "2025")
  }

  @Test func intervalsFitTheDateColumn() throws {
    #expect(DateText.short(try resolved("2025-02-24/2025-03-10")) == "2025-02-24–03-10")
    #expect(DateText.short(try resolved("2024-12-24/2025-01-10")) == "2024-12-24–2025-01-10")
    #expect(DateText.short(try resolved("../2025-02-24")) == "by 2025-02-24")
    #expect(DateText.short(try resolved("2025-02-24/..")) == "from 2025-02-24")
    #expect(
      TerminalText.width(of: DateText.short(try resolved("2025-02-24/2025-03-10")))
        < DateText.columnWidth)
  }

  @Test func explanationsNameTheStatedWords() throws {
    var date = try resolved("2025-02-27")
    date.stated = "On Thursday"
    date.explanation = "Thursday after Mon 2025-02-24"
    #expect(
      DateText.explained(date)
        == "Thu 2025-02-27, stated \"On Thursday\": Thursday after Mon 2025-02-24")
    date.sameDayOrder = -1
    #expect(DateText.explained(date).hasSuffix(", earlier that day"))
  }
}

@Suite struct EventsDateColumnTests {
  /// The widest short date fills the column: the upcoming mark must still stand apart from it.
  @Test func upcomingMarkStandsApartFromTheWidestDate() throws {
    let dataset = Dataset(
      sources: [Fixtures.source],
      events: [
        Event(
          id: "visit", headline: "A visit in the next two weeks", summary: "",
          date: .edtf("2025-02-24/2025-03-10"), status: .expected, participants: [],
          provenance: Fixtures.provenance(1))
      ])
    let screen = Fixtures.state(Fixtures.timeline(dataset)).screen
    let row = try #require(screen.split(separator: "\n").first { $0.contains("A visit") })
    #expect(row.contains("2025-02-24–03-10 » A visit"))
  }
}
