import Foundation
import Testing

@Suite("dateline people")
struct PeopleCommandTests {
  @Test func jsonListsEveryActorWithKindAndRole() throws {
    let result = try CLI.run(["people", "--json"])
    #expect(result.status == 0)
    let people = try result.jsonArray()
    let byID = Dictionary(uniqueKeysWithValues: people.map { ($0["id"] as! String, $0) })
    for person in people {
      for key in ["id", "name", "kind", "role"] { #expect(person.keys.contains(key)) }
      #expect(["person", "country", "organization", "group"].contains(person["kind"] as? String))
    }
    let roles = [
      "trump": "President of the United States", "macron": "President of France",
      "putin": "President of Russia", "zelenskyy": "President of Ukraine",
      "starmer": "Prime Minister of the United Kingdom",
      "shea": "Chargé d'Affaires of the U.S. Mission to the UN",
    ]
    for (id, role) in roles {
      #expect(byID[id]?["kind"] as? String == "person", "\(id)")
      #expect(byID[id]?["role"] as? String == role, "\(id)")
    }
    for id in ["united-states", "russia", "ukraine", "france", "united-kingdom"] {
      #expect(byID[id]?["kind"] as? String == "country", "\(id)")
    }
    #expect(byID["un-general-assembly"]?["kind"] as? String == "organization")
    #expect(byID["european-countries"]?["kind"] as? String == "group")
    let names = people.compactMap { $0["name"] as? String }.joined(separator: " ")
    #expect(
      !names.contains("Marin") && !names.contains("Getty") && !names.contains("AFP"),
      "a photo credit is not an actor")
  }

  @Test func textIsATableWithOneRowPerActor() throws {
    let result = try CLI.run(["people"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("ID") == true)
    #expect(lines.count == 14)
    #expect(
      lines.contains { $0.hasPrefix("trump ") && $0.contains("President of the United States") })
  }
}
