import Testing

@testable import DatelineModel

@Suite struct CivilDayTests {
  @Test func weekdaysAndNames() {
    let monday = Fixtures.day("2025-02-24")
    #expect(monday.weekday == 1)
    #expect(monday.weekdayName == "Monday")
    #expect(monday.shortWeekdayName == "Mon")
    #expect(Fixtures.day("1970-01-01").weekday == 4)
    #expect(Fixtures.day("2000-01-02").weekday == 7)
    #expect(Fixtures.day("1969-12-31").weekday == 3)
  }

  @Test func arithmeticCrossesMonthsYearsAndLeapDays() {
    let day = Fixtures.day("2024-02-28")
    #expect(day.adding(days: 1).description == "2024-02-29")
    #expect(day.adding(days: 2).description == "2024-03-01")
    #expect(Fixtures.day("2025-12-31").adding(days: 1).description == "2026-01-01")
    #expect(Fixtures.day("2025-01-31").adding(months: 1).description == "2025-02-28")
    #expect(Fixtures.day("2024-02-29").adding(years: 1).description == "2025-02-28")
    #expect(Fixtures.day("2025-02-24").adding(years: -3).description == "2022-02-24")
    #expect(Fixtures.day("2025-01-15").adding(months: -13).description == "2023-12-15")
    #expect(Fixtures.day("2025-03-01").adding(days: -1).description == "2025-02-28")
  }

  @Test func dayNumbersRoundTripOverCenturies() {
    for number in stride(from: -800_000, through: 800_000, by: 997) {
      let day = CivilDay(dayNumber: number)
      #expect(CivilDay(year: day.year, month: day.month, day: day.day)?.dayNumber == number)
    }
  }

  @Test func rejectsImpossibleDays() {
    #expect(CivilDay(year: 2025, month: 2, day: 29) == nil)
    #expect(CivilDay(year: 2025, month: 13, day: 1) == nil)
    #expect(CivilDay(iso: "2025-2-24") == nil)
    #expect(CivilDay(iso: "2025-02-24x") == nil)
    #expect(CivilDay(iso: "abcd-ef-gh") == nil)
    #expect(Fixtures.day("2025-02-24") < Fixtures.day("2025-02-25"))
  }
}

@Suite struct EDTFTests {
  @Test(arguments: [
    "2025-02-27", "2025-03", "2025", "2025-02-27?", "2025-03~", "2025%",
    "2025-02-24/2025-03-10", "../2025-03", "2025-02/..", "/2025", "2025-02-24~/2025-03",
  ])
  func roundTrips(_ text: String) throws {
    #expect(try EDTFDate(parsing: text).description == text)
  }

  @Test func boundsAndPrecision() throws {
    let month = try EDTFDate(parsing: "2024-02")
    #expect(month.precision == .month)
    #expect(month.earliestDay.description == "2024-02-01")
    #expect(month.latestDay.description == "2024-02-29")
    let year = try EDTFDate(parsing: "2025~")
    #expect(year.precision == .year)
    #expect(year.isApproximate)
    #expect(year.latestDay.description == "2025-12-31")
    let interval = try EDTFDate(parsing: "2025-02-24/2025-03")
    #expect(interval.precision == .interval)
    #expect(interval.earliestDay.description == "2025-02-24")
    #expect(interval.latestDay.description == "2025-03-31")
    let openStart = try EDTFDate(parsing: "../2025-03-10")
    #expect(openStart.earliestDay.description == "2025-03-10")
    let uncertain = try EDTFDate(parsing: "2025-02-27?")
    #expect(uncertain.isUncertain && !uncertain.isApproximate)
    #expect(try EDTFDate(parsing: "2025-02-27%").qualifier == [.uncertain, .approximate])
  }

  @Test(arguments: [
    "", "..", "2025-13", "2025-02-30", "25-02-24", "2025-2-4", "2025/2024",
    "2025-02-24/2025-02-01", "../..", "2025-02-24/2025/2026", "yesterday", "2025-02-24T10:00",
  ])
  func rejects(_ text: String) {
    #expect(throws: EDTFError.self) { try EDTFDate(parsing: text) }
  }

  @Test func handBuiltOpenIntervalDoesNotTrap() {
    let open = EDTFDate(from: .open, to: .unknown)
    #expect(open.description == "../")
    #expect(open.earliestDay <= open.latestDay)
  }

  @Test func errorSaysWhatIsAccepted() {
    do {
      _ = try EDTFDate(parsing: "2025-02-30")
      Issue.record("accepted a day that does not exist")
    } catch {
      #expect(error.description.contains("does not exist"))
      #expect(error.description.contains("2025-02-27"))
    }
  }
}

@Suite struct EDTFFastPathTests {
  /// The byte reader of well-formed values accepts exactly what the general parser accepts, with
  /// the same value: random strings of the characters EDTF uses, half of them shaped like dates.
  @Test func wellFormedAgreesWithTheGeneralParser() {
    var random = SplitMix64(seed: 9)
    let alphabet = Array("0123456789-/.?~%")
    var taken = 0
    for round in 0..<800 {
      var text: String
      if round % 2 == 0 {
        text = String(
          (0..<Int.random(in: 0...12, using: &random)).map { _ in
            alphabet.randomElement(using: &random)!
          })
      } else {
        func point() -> String {
          let year = CivilDay.pad(Int.random(in: 0...2100, using: &random), 4)
          let month = "-" + CivilDay.pad(Int.random(in: 0...13, using: &random), 2)
          let day = "-" + CivilDay.pad(Int.random(in: 0...32, using: &random), 2)
          let shapes = [year, year + month, year + month + day, "..", ""]
          return (Bool.random(using: &random) ? "-" : "") + shapes.randomElement(using: &random)!
            + ["", "?", "~", "%"].randomElement(using: &random)!
        }
        text = Bool.random(using: &random) ? point() : point() + "/" + point()
      }
      // A leading space keeps the general parser from taking the byte reader's path.
      let general = try? EDTFDate(parsing: " " + text)
      let fast = EDTFDate.wellFormed(text)
      if let fast {
        taken += 1
        #expect(general?.form == fast, "\(text)")
      } else if general != nil, !text.isEmpty {
        Issue.record("valid '\(text)' not read by the byte reader")
      }
      #expect((try? EDTFDate(parsing: text))?.form == general?.form, "\(text)")
    }
    #expect(taken > 100)
  }
}
