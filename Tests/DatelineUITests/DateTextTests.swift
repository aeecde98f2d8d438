import DatelineModel
import Testing

@testable import DatelineUI

@Suite struct DateTextTests {
  func resolved(_ edtf: String) throws -> ResolvedDate {
    let value = try EDTFDate(parsing: edtf)
    return ResolvedDate(value: value, explanation: "as given")
  }

  @Test func dayPreciseDatesShowTheWeekdayInWords() throws {
    #expect(DateText.short(try resolved("2025-02-27")) == "Thu 27 Feb 2025")
    #expect(DateText.short(try resolved("2025-02-27?")) == "Thu 27 Feb 2025?")
  }

  @Test func coarserDatesReadInWords() throws {
    #expect(DateText.short(try resolved("2025-03")) == "Mar 2025")
    #expect(DateText.short(try resolved("2025-03~")) == "c. Mar 2025")
    #expect(DateText.short(try resolved("2025")) == "2025")
  }

  @Test func intervalsReadInWords() throws {
    #expect(DateText.short(try resolved("2025-02-24/2025-03-10")) == "24 Feb – 10 Mar 2025")
    #expect(DateText.short(try resolved("2024-12-24/2025-01-10")) == "24 Dec 2024 – 10 Jan 2025")
    #expect(DateText.short(try resolved("../2025-02-24")) == "by 24 Feb 2025")
    #expect(DateText.short(try resolved("2025-02-24/..")) == "from 24 Feb 2025")
  }

  @Test func theDateColumnIsAsWideAsTheWidestDate() throws {
    let timeline = Fixtures.timeline()
    #expect(DateText.columnWidth(of: timeline.events) == TerminalText.width(of: "Thu 27 Feb 2025"))
  }

  @Test func explanationsNameTheStatedWords() throws {
    var date = try resolved("2025-02-27")
    date.stated = "On Thursday"
    date.explanation = "Thursday after Mon 2025-02-24"
    #expect(
      DateText.explained(date)
        == "Thu 27 Feb 2025, stated “On Thursday”: Thursday after Mon 24 Feb 2025")
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
    #expect(row.contains("24 Feb – 10 Mar 2025 » A visit"))
  }
}
