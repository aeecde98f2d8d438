import DatelineModel
import Testing

@testable import DatelineExport

/// Exports word dates with the model's `DateWording`; the TimelineJS reader reads its markers
/// back. Every form that needs words must come back with its qualifiers and its kind of ends.
@Suite struct DisplayDateTests {
  @Test func theModelsWordingReadsBackToTheSameQualifiersAndEnds() throws {
    let cases: [(String, DisplayDate.Markers)] = [
      ("2025-03~", .init(start: .known(.approximate))),
      ("2025-02-27?", .init(start: .known(.uncertain))),
      ("../2025-02-24", .init(start: .open, end: .known([]))),
      ("2025-01/..", .init(start: .known([]), end: .open)),
      ("/2025-03-01", .init(start: .unknown, end: .known([]))),
      ("2025-02-24/", .init(start: .known([]), end: .unknown)),
      ("2025-02-24/2025-03-10~", .init(start: .known([]), end: .known(.approximate))),
      ("2025-02-24~/2025-02-28", .init(start: .known(.approximate), end: .known([]))),
    ]
    for (edtf, expected) in cases {
      let date = try EDTFDate(parsing: edtf)
      #expect(DisplayDate.needsWords(date), "\(edtf)")
      let words = DateWording.words(date)
      #expect(DisplayDate.markers(in: words) == expected, "\(edtf): \(words)")
    }
  }

  @Test func plainDatesAreShownByTheirNumbers() throws {
    for edtf in ["2025-02-24", "2025-03", "2025", "2025-02-24/2025-02-28"] {
      #expect(!DisplayDate.needsWords(try EDTFDate(parsing: edtf)), "\(edtf)")
    }
    // The same words as the CLI and the browser: a shared month and year are said once.
    #expect(DateWording.words(try EDTFDate(parsing: "2025-02-24/2025-02-28")) == "24–28 Feb 2025")
  }
}
