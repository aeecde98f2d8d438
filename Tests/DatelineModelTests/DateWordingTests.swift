import Testing

@testable import DatelineModel

@Suite struct DateWordingTests {
  func words(_ edtf: String, weekday: Bool = false) throws -> String {
    DateWording.words(try EDTFDate(parsing: edtf), weekday: weekday)
  }

  @Test func daysMonthsAndYears() throws {
    #expect(try words("2025-02-24", weekday: true) == "Mon 24 Feb 2025")
    #expect(try words("2025-02-24") == "24 Feb 2025")
    #expect(try words("2025-03") == "Mar 2025")
    #expect(try words("2025") == "2025")
  }

  @Test func qualifiersReadAsWords() throws {
    #expect(try words("2025-03~") == "c. Mar 2025")
    #expect(try words("2025-02-27?") == "27 Feb 2025?")
    #expect(try words("2025%") == "c. 2025?")
  }

  @Test func intervalsNameASharedYearOnce() throws {
    #expect(try words("2025-02-24/2025-03-10") == "24 Feb – 10 Mar 2025")
    #expect(try words("2025-02-24/2025-02-28") == "24–28 Feb 2025")
    #expect(try words("2024-12-30/2025-01-02") == "30 Dec 2024 – 2 Jan 2025")
    #expect(try words("2025-02/2025-03") == "Feb – Mar 2025")
    #expect(try words("../2025-02-24") == "by 24 Feb 2025")
    #expect(try words("/2025-02-24") == "? – 24 Feb 2025")
    #expect(try words("2025-02-24/") == "24 Feb 2025 – ?")
    #expect(try words("2025-02-24/..") == "from 24 Feb 2025")
  }

  @Test func neverEDTFSyntax() throws {
    for edtf in [
      "../2025-02-24", "2025-03~", "2025-02-24/2025-03-10", "2025-02-27?", "2025-02/..",
      "/2025-02-24",
    ] {
      let text = try words(edtf)
      #expect(
        !text.contains("..") && !text.contains("~") && !text.contains("/"), "\(edtf): \(text)")
    }
  }

  @Test func explanationsHaveNoIdsAndNoNestedBrackets() throws {
    let timeline = try Fixtures.timeline()
    for item in timeline.events {
      let text = DateWording.explained(item.date)
      #expect(!text.contains("(("), "nested brackets: \(text)")
      #expect(!text.contains("2025-"), "an ISO date: \(text)")
    }
    for item in timeline.quotes {
      let text = DateWording.explained(item.date)
      #expect(!text.contains("'"), "an id in quotes: \(text)")
      #expect(!text.contains("(("), "nested brackets: \(text)")
      if let event = item.quote.event { #expect(!text.contains(event), "the event id: \(text)") }
    }
  }
}
