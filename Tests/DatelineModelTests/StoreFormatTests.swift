import DatelineTestSupport
import Foundation
import GRDB
import Testing

@testable import DatelineModel

/// How a store keeps quotes compactly: web addresses under their source's address, the default
/// kind left out, ids found by their hash. What goes in comes back out.
@Suite struct StoreFormatTests {
  static let site = "https://news.example/"

  static let urls = [
    "https://news.example/2024/1/1/story-1", "https://other.example/a", "+plus", "=equals",
    "https://news.example/", "", "quote \" and \\ and \n",
  ]

  static func dataset() -> Dataset {
    Dataset(
      title: "Format",
      sources: [
        Source(
          id: "s1", publisher: "News", title: "T", published: "2024-01-02", url: site),
        Source(id: "s2", publisher: "Other", title: "U", published: "2024-01-03"),
      ],
      actors: [Actor(id: "a", name: "Ann Example", kind: .person)],
      quotes: [
        Quote(
          id: "q-1", text: "First.", speaker: "a", date: .edtf("2024-01-01"),
          provenance: Provenance(source: "s1", paragraph: 1), urls: urls),
        Quote(
          id: "q-2", text: "Second", speaker: "a", kind: .partial,
          provenance: Provenance(source: "s2", paragraph: 1),
          urls: ["+x", "https://news.example/y"]),
        Quote(
          id: "q-3", text: "Third.", speaker: "a",
          provenance: Provenance(source: "s1", paragraph: 2)
        ),
      ])
  }

  @Test func addressesRoundTripWhateverTheyBeginWith() {
    let encoded = StoreURLs.encode(Self.urls, sourceURL: Self.site)
    #expect(
      encoded?.hasPrefix("[\"+2024/1/1/story-1\",\"https://other.example/a\",\"=+plus\"") == true)
    #expect(StoreURLs.decode(encoded, sourceURL: Self.site) == Self.urls)
    #expect(
      StoreURLs.decode(StoreURLs.encode(Self.urls, sourceURL: nil), sourceURL: nil) == Self.urls)
    #expect(StoreURLs.encode([], sourceURL: Self.site) == nil)
    #expect(StoreURLs.decode(nil, sourceURL: Self.site) == [])
  }

  @Test func quotesComeBackAsWrittenAndTheViewSpellsOutAddresses() throws {
    let scratch = try ScratchDirectory("format")
    defer { scratch.remove() }
    let (path, timeline) = try scratch.store(Self.dataset())
    let reference = try Timeline(dataset: Self.dataset())
    #expect(Array(timeline.quotes) == Array(reference.quotes))
    #expect(timeline.quote(id: "q-2")?.quote.kind == .partial)
    #expect(timeline.quote(id: "q-1")?.quote.urls == Self.urls)
    #expect(timeline.quote(id: "q-4") == nil)
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    let (urls, kinds): ([String], [String?]) = try queue.read { db in
      (
        try String.fetchAll(
          db,
          sql: """
            SELECT u.url FROM quote_urls u JOIN quotes q ON q.position = u.quote_position
            WHERE q.id = 'q-1' ORDER BY u.n
            """),
        try String?.fetchAll(db, sql: "SELECT kind FROM quotes ORDER BY input_order")
      )
    }
    #expect(urls == Self.urls)
    #expect(kinds == [nil, "partial", nil])
  }

  /// Two ids whose 23-bit `id_hash` is the same are still told apart by their text.
  @Test func idsSharingAHashAreFoundEach() throws {
    var byHash: [Int: String] = [:]
    var pair: (String, String)?
    for number in 0..<100_000 {
      let id = "q\(number)"
      if let other = byHash.updateValue(id, forKey: StoreSchema.idHash(id)) {
        pair = (other, id)
        break
      }
    }
    let (first, second) = try #require(pair)
    var dataset = Self.dataset()
    dataset.quotes[0].id = first
    dataset.quotes[2].id = second
    let timeline = try Timeline(dataset: dataset)
    #expect(StoreSchema.idHash(first) < 1 << 23)
    #expect(timeline.quote(id: first)?.quote.text == "First.")
    #expect(timeline.quote(id: second)?.quote.text == "Third.")
    #expect(timeline.quoteIndex(id: "q-2") != nil)
  }

  /// 8 KB pages, and the participants table keyed by actor (no rowid of its own).
  @Test func theStoreFileIsLaidOutCompactly() throws {
    let scratch = try ScratchDirectory("layout")
    defer { scratch.remove() }
    let (path, _) = try scratch.store(Self.dataset())
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    let (pageSize, participants) = try queue.read { db in
      (
        try Int.fetchOne(db, sql: "PRAGMA page_size"),
        try String.fetchOne(
          db, sql: "SELECT sql FROM sqlite_master WHERE name = 'event_participants'")
      )
    }
    #expect(pageSize == 8192)
    #expect(participants?.hasSuffix("WITHOUT ROWID") == true)
  }
}
