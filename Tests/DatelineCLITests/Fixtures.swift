/// Small datasets for the tests that must not depend on the bundled story.
enum Fixtures {
  /// A valid dataset with one event and one quote; its text carries control characters and an
  /// escape sequence to prove the command line never prints them.
  static let tiny = """
    {
      "format": "dateline/1",
      "title": "Tiny fixture",
      "sources": [{"id": "s", "publisher": "P", "title": "T", "published": "2024-05-06T09:00:00Z"}],
      "actors": [
        {"id": "ana", "name": "Ana Example", "kind": "person", "role": "Mayor"},
        {"id": "town", "name": "Townsville", "kind": "organization"}
      ],
      "events": [
        {"id": "fixture-vote", "headline": "Council vote\\u001b[31m red\\u0007", "summary": "A vote.", "date": {"stated": "on Friday", "tense": "future"}, "status": "scheduled", "participants": ["ana", "town"], "provenance": {"source": "s", "paragraph": 2}}
      ],
      "quotes": [
        {"id": "fixture-quote", "text": "We will\\u001b]0;pwned\\u0007 vote", "speaker": "ana", "event": "fixture-vote", "provenance": {"source": "s", "paragraph": 3}}
      ],
      "relations": []
    }
    """

  /// Builds a one-file dataset around the given arrays, one item per line, so a test knows the
  /// line of every item: line 1 `{`, line 2 format, line 3 sources, line 4 onward actors, events,
  /// quotes, each item on its own line.
  static func dataset(
    sources: [String] = [
      #"{"id": "s", "publisher": "P", "title": "T", "published": "2025-02-24T16:19:00-05:00"}"#
    ],
    actors: [String], events: [String] = [], quotes: [String] = []
  ) -> String {
    func list(_ items: [String]) -> String { items.joined(separator: ",\n") }
    return """
      {
      "format": "dateline/1",
      "sources": [\(list(sources))],
      "actors": [
      \(list(actors))
      ],
      "events": [
      \(list(events))
      ],
      "quotes": [
      \(list(quotes))
      ],
      "relations": []
      }
      """
  }

  static let ana = #"{"id": "ana", "name": "Ana", "kind": "person"}"#
  static let country = #"{"id": "land", "name": "Land", "kind": "country"}"#

  static func event(
    _ id: String, date: String = #""2025-02-24""#, participants: String = #"["ana"]"#
  )
    -> String
  {
    #"{"id": "\#(id)", "headline": "H", "summary": "S", "date": \#(date), "status": "occurred", "participants": \#(participants), "provenance": {"source": "s", "paragraph": 1}}"#
  }
}
