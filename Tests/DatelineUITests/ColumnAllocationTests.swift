import Testing

@testable import DatelineUI

@Suite("column allocation")
struct ColumnAllocationTests {
  @Test func peopleNamesTakeAllButAMinimumOfRole() {
    // 27 columns for name, space and role: the name gets 19, the role keeps 7 ("country").
    #expect(ColumnAllocation.peopleNameWidth(available: 27) == 19)
    // Wide: the name stops growing at its maximum, the role gets the rest.
    #expect(ColumnAllocation.peopleNameWidth(available: 40) == 20)
    // Narrow: the name keeps at least 8 columns, the role gives way.
    #expect(ColumnAllocation.peopleNameWidth(available: 12) == 8)
    // Tiny or broken: never more than there is, never negative.
    #expect(ColumnAllocation.peopleNameWidth(available: 5) == 5)
    #expect(ColumnAllocation.peopleNameWidth(available: -3) == 0)
  }

  @Test func quoteSpeakerColumnIsAQuarterBetweenSixAndEighteen() {
    #expect(ColumnAllocation.quoteSpeakerWidth(rowWidth: 58) == 14)
    #expect(ColumnAllocation.quoteSpeakerWidth(rowWidth: 10) == 6)
    #expect(ColumnAllocation.quoteSpeakerWidth(rowWidth: 200) == 18)
  }

  @Test func fullNameWhenItFits() {
    let aliases = ["Macron", "French President Emmanuel Macron"]
    #expect(
      ColumnAllocation.fittedName("Emmanuel Macron", aliases: aliases, width: 15)
        == "Emmanuel Macron")
  }

  @Test func firstFittingAliasWhenTheNameDoesNot() {
    let aliases = ["French President Emmanuel Macron", "Macron"]
    #expect(ColumnAllocation.fittedName("Emmanuel Macron", aliases: aliases, width: 14) == "Macron")
    #expect(
      ColumnAllocation.fittedName("United States", aliases: ["U.S.", "US"], width: 6) == "U.S.")
  }

  @Test func lastWordWhenNoAliasFits() {
    #expect(ColumnAllocation.fittedName("Emmanuel Macron", aliases: [], width: 8) == "Macron")
  }

  @Test func truncatedWhenNothingFits() {
    #expect(ColumnAllocation.fittedName("European countries", aliases: [], width: 8) == "Europea…")
    #expect(ColumnAllocation.fittedName("Shea", aliases: [], width: 3) == "Sh…")
  }
}
