import Foundation
import Testing

@Suite("dateline events")
struct EventsCommandTests {
  let requiredKeys = ["id", "title", "summary", "date", "start", "status", "participants"]

  func events(_ arguments: [String] = []) throws -> [[String: Any]] {
    let result = try CLI.run(["events", "--json"] + arguments)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    return try result.jsonArray()
  }

  func ids(_ events: [[String: Any]]) -> [String] { events.compactMap { $0["id"] as? String } }

  @Test func jsonHasTheContractFieldsWithTheirTypes() throws {
    let all = try events()
    #expect(all.count >= 10)
    for event in all {
      for key in requiredKeys { #expect(event[key] != nil, "\(event["id"] ?? "?") lacks \(key)") }
      #expect(event["id"] is String)
      #expect(event["title"] is String)
      #expect(event["summary"] is String)
      #expect(event["date"] is String)
      #expect((event["start"] as? String)?.count == 10)
      #expect(
        ["occurred", "scheduled", "expected", "predicted"].contains(event["status"] as? String))
      #expect(event["participants"] is [String])
      #expect(event["upcoming"] is Bool)
      #expect(event["explanation"] is String)
      #expect(event.keys.contains("stated"))
    }
  }

  @Test func theBundledStoryIsInChronologicalOrderWithTheStatedDates() throws {
    let all = try events()
    let byID = Dictionary(uniqueKeysWithValues: all.map { ($0["id"] as! String, $0) })
    let order = ids(all)
    let starts = all.compactMap { $0["start"] as? String }
    #expect(starts == starts.sorted(), "events are ordered by start day")

    #expect(order.first == "invasion")
    #expect(byID["invasion"]?["date"] as? String == "2022-02-24")
    #expect(byID["invasion"]?["stated"] as? String == "the third anniversary of")
    #expect(byID["war-anniversary"]?["date"] as? String == "2025-02-24")
    #expect(
      (byID["invasion"]?["explanation"] as? String)?.contains("3 years before Mon 2025-02-24")
        == true)

    for id in ["un-vote", "macron-visit", "oval-office-meeting", "joint-press-conference"] {
      #expect(byID[id]?["date"] as? String == "2025-02-24", "\(id)")
      #expect(byID[id]?["status"] as? String == "occurred", "\(id)")
    }
    let unVote = try #require(order.firstIndex(of: "un-vote"))
    for later in ["macron-visit", "oval-office-meeting", "joint-press-conference"] {
      #expect(
        unVote < order.firstIndex(of: later)!, "the UN vote was earlier in the day than \(later)")
    }
    #expect(byID["un-vote"]?["stated"] as? String == "earlier in the day")

    let starmer = try #require(byID["starmer-meeting"])
    #expect(starmer["date"] as? String == "2025-02-27")
    #expect(starmer["status"] as? String == "scheduled")
    #expect(starmer["upcoming"] as? Bool == true)
    #expect((starmer["explanation"] as? String)?.contains("Thursday after Mon 2025-02-24") == true)
    #expect(Set(starmer["participants"] as? [String] ?? []).isSuperset(of: ["trump", "starmer"]))

    let zelenskyy = try #require(byID["zelenskyy-minerals-visit"])
    #expect(zelenskyy["status"] as? String == "expected")
    #expect(zelenskyy["date"] as? String == "2025-02-24/2025-03-10")

    let prediction = try #require(byID["war-end-prediction"])
    #expect(prediction["status"] as? String == "predicted")
    #expect(prediction["stated"] as? String == "within weeks")

    for id in [
      "putin-accepts-peacekeepers", "loan-or-aid-disagreement", "shea-statement",
      "european-troops-offer",
    ] {
      #expect(byID[id] != nil, "\(id) is in the story")
    }
  }

  @Test func actorFilterKeepsTheActorsEventsAndAcceptsAName() throws {
    #expect(ids(try events(["--actor", "starmer"])) == ["starmer-meeting"])
    #expect(ids(try events(["--actor", "Keir Starmer"])) == ["starmer-meeting"])
    let putin = ids(try events(["--actor", "putin"]))
    #expect(Set(putin) == ["trump-on-putin", "putin-accepts-peacekeepers"])
  }

  @Test func unknownActorIsAUsageError() throws {
    let result = try CLI.run(["events", "--actor", "nobody"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("'nobody'"))
    #expect(result.stderr.contains("trump"), "lists the known ids")
  }

  @Test func dateRangeKeepsEventsThatCanOverlapIt() throws {
    #expect(ids(try events(["--to", "2024"])) == ["invasion"])
    let after = ids(try events(["--from", "2025-02-25"]))
    #expect(after.contains("starmer-meeting"))
    #expect(after.contains("zelenskyy-minerals-visit"), "the two-week window overlaps")
    #expect(!after.contains("macron-visit"))
    let thursday = ids(try events(["--from", "2025-02-27", "--to", "2025-02-27"]))
    #expect(thursday.contains("starmer-meeting"))
    #expect(!thursday.contains("invasion"))
    let march = ids(try events(["--from", "2025-03", "--to", "2025-03"]))
    #expect(march.contains("war-end-prediction"))
    #expect(!march.contains("starmer-meeting"))
  }

  @Test(arguments: [
    ["--from", "yesterday"], ["--to", "2025-13-01"], ["--from", "2025-03", "--to", "2025-02"],
  ])
  func badDatesAreUsageErrors(arguments: [String]) throws {
    let result = try CLI.run(["events"] + arguments)
    #expect(result.status == 2)
    #expect(result.stderr.contains("error"))
    #expect(result.stdout.isEmpty)
  }

  @Test func textIsAlignedAndSetsUpcomingEventsApart() throws {
    let result = try CLI.run(["events"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("DATE") == true)
    let headlineColumn = try #require(lines.first?.range(of: "HEADLINE")).lowerBound.utf16Offset(
      in: lines[0])
    let divider = try #require(lines.firstIndex { $0.hasPrefix("-- as of Mon 24 Feb 2025") })
    let starmer = try #require(lines.firstIndex { $0.contains("starmer-meeting") })
    #expect(divider < starmer)
    for line in lines.dropFirst() where !line.hasPrefix("--") {
      // ASCII up to the headline column: the column starts at the same offset on every line.
      #expect(line.count > headlineColumn)
      #expect(line.prefix(headlineColumn).last == " ", "columns aligned: \(line)")
    }
    #expect(!result.stdout.contains("\u{1B}"), "no escape sequences when piped")
  }

  /// Issue 10: text output reads dates in words; `--json` keeps EDTF.
  @Test func textOutputHasDatesInWordsAndJSONKeepsEDTF() throws {
    let commands: [[String]] = [
      ["events"], ["quotes"], ["show", "starmer-meeting"], ["show", "trump"],
      ["show", "q-trump-wants-deal"], ["show", "putin-accepts-peacekeepers"],
      ["show", "war-end-prediction"],
    ]
    for arguments in commands {
      let text = try CLI.run(arguments).stdout
      for edtf in ["../2025", "2025-03~", "2025-02-24", "2025-02-27"] {
        #expect(
          !text.contains(edtf), "`dateline \(arguments.joined(separator: " "))` prints \(edtf)")
      }
      for line in text.split(separator: "\n") where line.hasPrefix("  date:") {
        #expect(!line.contains("'") && !line.contains("(("), "an id or nested brackets: \(line)")
      }
    }
    #expect(try CLI.run(["events"]).stdout.contains("c. Mar 2025"))
    #expect(try CLI.run(["events"]).stdout.contains("24 Feb – 10 Mar 2025"))
    #expect(try CLI.run(["events"]).stdout.contains("by 24 Feb 2025"))
    let json = try CLI.run(["events", "--json"]).stdout
    #expect(json.contains("\"../2025-02-24\"") && json.contains("\"2025-03~\""))
  }
}
