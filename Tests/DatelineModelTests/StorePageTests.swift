import Testing

@testable import DatelineModel

/// Rows are read from the store a page at a time when a list is browsed in order, and exactly
/// the rows asked for when they lie scattered (a screen of search results).
@Suite struct StorePageTests {
  /// 700 quotes over 10 actors and 300 events, in timeline order by day.
  static func timeline() throws -> Timeline {
    let source = Source(
      id: "s", publisher: "P", title: "T", published: "2025-01-01T12:00:00Z",
      url: "https://example.org/a")
    let actors = (0..<10).map {
      Actor(id: "a\($0)", name: "Person \($0)", aliases: ["P\($0)"], kind: .person)
    }
    let events = (0..<300).map { index in
      Event(
        id: "e\(index)", headline: "Event \(index)", summary: "Summary \(index)",
        date: .edtf(
          "2025-\(String(format: "%02d-%02d", index / 28 % 12 + 1, index % 28 + 1))"),
        status: .occurred, participants: ["a\(index % 10)"],
        provenance: Provenance(source: "s", paragraph: index + 1))
    }
    let quotes = (0..<700).map { index in
      Quote(
        id: "q\(index)", text: "Quote \(index)", speaker: "a\(index % 10)",
        event: "e\(index % 300)", provenance: Provenance(source: "s", paragraph: index % 40 + 1),
        urls: index % 3 == 0 ? ["https://example.org/a#\(index)"] : [])
    }
    return try Timeline(
      dataset: Dataset(
        title: "Pages", sources: [source], actors: actors, events: events, quotes: quotes))
  }

  @Test func scatteredRowsAreReadOneByOneAndThenServedFromTheCache() throws {
    let timeline = try Self.timeline()
    let pages = timeline.store.quotePages
    let scattered = [3, 130, 260, 399, 520, 699]
    timeline.quotes.prefetch(scattered + [130, -1, 700])  // repeats and strays are ignored
    #expect(pages.rowsRead == scattered.count, "one row each, not a page each")
    let reference = try Self.timeline()
    for position in scattered {
      #expect(timeline.quotes[position] == reference.quotes[position])
    }
    #expect(pages.rowsRead == scattered.count, "indexing a prefetched row reads nothing")
    timeline.quotes.prefetch(scattered)
    #expect(pages.rowsRead == scattered.count)
  }

  @Test func aRunOfRowsIsReadAsWholePages() throws {
    let timeline = try Self.timeline()
    let pages = timeline.store.quotePages
    let size = StoreReader.pageSize
    timeline.quotes.prefetch(Array(size - 2..<size + 30))  // 2 rows of page 0, 30 of page 1
    #expect(pages.rowsRead == 2 + size, "the page with many of the rows is read whole")
    let reference = try Self.timeline()
    for position in size - 2..<2 * size {
      #expect(timeline.quotes[position] == reference.quotes[position])
    }
    #expect(pages.rowsRead == 2 + size, "scrolling on within the page reads nothing")
  }

  @Test func eventsAndActorsArePrefetchedToo() throws {
    let timeline = try Self.timeline()
    let reference = try Self.timeline()
    timeline.events.prefetch([0, 150, 299])
    timeline.actors.prefetch([1, 9])
    #expect(timeline.store.eventPages.rowsRead == 3)
    #expect(timeline.store.actorPages.rowsRead == 2)
    for position in [0, 150, 299] {
      #expect(timeline.events[position] == reference.events[position])
    }
    for rank in [1, 9] { #expect(timeline.actors[rank] == reference.actors[rank]) }
    #expect(timeline.store.eventPages.rowsRead == 3)
    #expect(timeline.store.actorPages.rowsRead == 2)
  }

  /// A page that cannot be read (a damaged store) does not stop the prefetch: its rows are read
  /// with the scattered ones, and the pages after it are still read whole.
  @Test func aDensePageThatFailsIsReadRowByRow() {
    let size = StoreReader.pageSize
    let cache = PageCache<Int>(count: 10 * size)
    var pagesAsked: [Int] = []
    var rowsAsked: [Int] = []
    let wanted = Array(0..<6) + [3 * size + 1] + Array(5 * size..<5 * size + 6)
    cache.prefetch(
      wanted,
      page: { range in
        pagesAsked.append(range.lowerBound / size)
        return range.lowerBound == 0 ? nil : Array(range)
      },
      rows: { indices in
        rowsAsked = indices
        return indices.map { ($0, $0) }
      })
    #expect(pagesAsked == [0, 5])
    #expect(rowsAsked == Array(0..<6) + [3 * size + 1])
    for index in wanted {
      let row = cache.element(
        at: index,
        fetch: { _ in
          Issue.record("row \(index) was not prefetched")
          return nil
        }, placeholder: { -1 })
      #expect(row == index)
    }
  }
}
