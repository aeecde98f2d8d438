import Foundation
import Testing

@Suite("JSON output shape")
struct JSONShapeTests {
  /// Absent optional fields are written as null, so scripts can rely on every key being there.
  @Test(arguments: ["events", "people", "quotes"])
  func everyObjectOfAListHasTheSameKeys(command: String) throws {
    let result = try CLI.run([command, "--json"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let objects = try result.jsonArray()
    let keySets = Set(objects.map { Set($0.keys) })
    #expect(keySets.count == 1, "\(command): objects differ in keys: \(keySets)")
  }

  @Test func absentValuesAreNullNotMissing() throws {
    let people = try CLI.run(["people", "--json"]).jsonArray()
    // Countries in the bundled story have no role.
    #expect(people.contains { $0["role"] is NSNull })
  }
}
