import Foundation
import Testing

@Suite("dateline show")
struct ShowCommandTests {
  @Test func actorShowsEventsQuotesAndRelatedActorsWithReasons() throws {
    let result = try CLI.run(["show", "trump", "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let detail = try result.jsonObject()
    #expect(detail["type"] as? String == "actor")
    let actor = try #require(detail["actor"] as? [String: Any])
    #expect(actor["name"] as? String == "Donald Trump")
    let events = try #require(detail["events"] as? [[String: Any]])
    #expect(events.contains { $0["id"] as? String == "starmer-meeting" })
    let quotes = try #require(detail["quotes"] as? [[String: Any]])
    #expect(quotes.count == 7)
    let related = try #require(detail["related"] as? [[String: Any]])
    let byID = Dictionary(uniqueKeysWithValues: related.map { ($0["id"] as! String, $0) })
    let putinReasons = try #require(byID["putin"]?["reasons"] as? [String])
    #expect(putinReasons.contains("negotiates with"))
    let macronReasons = try #require(byID["macron"]?["reasons"] as? [String])
    #expect(macronReasons.contains { $0.hasPrefix("met with") })
    #expect(macronReasons.contains { $0.hasPrefix("disagrees with") })
    #expect(related.first?["id"] as? String == "macron", "the strongest link ranks first")
    let scores = related.compactMap { $0["score"] as? Int }
    #expect(scores == scores.sorted(by: >))
  }

  @Test func actorTextListsRelatedActorsWithReasons() throws {
    let result = try CLI.run(["show", "Vladimir Putin"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("Vladimir Putin  [putin]"))
    #expect(result.stdout.contains("role:"))
    #expect(result.stdout.contains("President of Russia"))
    #expect(result.stdout.contains("Related"))
    #expect(result.stdout.contains("Donald Trump  [trump]"))
    #expect(result.stdout.contains("- negotiates with"))
  }

  @Test func eventShowsItsDateResolutionParticipantsAndSource() throws {
    let json = try CLI.run(["show", "starmer-meeting", "--json"]).jsonObject()
    #expect(json["type"] as? String == "event")
    let event = try #require(json["event"] as? [String: Any])
    #expect(event["date"] as? String == "2025-02-27")
    let participants = try #require(json["participants"] as? [[String: Any]])
    #expect(participants.contains { $0["id"] as? String == "starmer" })
    let source = try #require(json["source"] as? [String: Any])
    #expect(source["paragraph"] as? Int == 7)
    #expect(source["published"] as? String == "2025-02-24T16:19:00-05:00")

    let text = try CLI.run(["show", "starmer-meeting"])
    #expect(text.stdout.contains("Thursday after Mon 24 Feb 2025"))
    #expect(text.stdout.contains("scheduled (upcoming)"))
    #expect(text.stdout.contains("Keir Starmer"))
  }

  @Test func eventShowsTheQuotesSaidAtIt() throws {
    let json = try CLI.run(["show", "loan-or-aid-disagreement", "--json"]).jsonObject()
    let quotes = try #require(json["quotes"] as? [[String: Any]])
    #expect(
      Set(quotes.compactMap { $0["id"] as? String }) == [
        "q-trump-okay-with-me", "q-trump-money-back",
      ])
  }

  @Test func quoteShowsSpeakerAndEvent() throws {
    let json = try CLI.run(["show", "q-shea-resolution", "--json"]).jsonObject()
    #expect(json["type"] as? String == "quote")
    #expect((json["speaker"] as? [String: Any])?["id"] as? String == "shea")
    #expect((json["event"] as? [String: Any])?["id"] as? String == "shea-statement")
    #expect((json["quote"] as? [String: Any])?["kind"] as? String == "partial")

    let withoutEvent = try CLI.run(["show", "q-trump-within-weeks", "--json"]).jsonObject()
    #expect(withoutEvent["event"] is NSNull)
  }

  @Test func unknownIDIsAUsageError() throws {
    let result = try CLI.run(["show", "no-such-thing"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("no event, actor or quote has the id 'no-such-thing'"))
    #expect(result.stdout.isEmpty)
  }
}
