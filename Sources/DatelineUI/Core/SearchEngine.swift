import DatelineModel

/// What a search found: timeline indices in display order, and whether that is all of them.
public struct SearchAnswer: Hashable, Sendable {
  public var rows: [Int]
  /// False when the search stopped at its limit: more matches may follow.
  public var isComplete: Bool

  public init(rows: [Int], isComplete: Bool) {
    self.rows = rows
    self.isComplete = isComplete
  }
}

/// The one seam between the browser and the model's queries. Every search the browser runs
/// (typed in the prompt, on a background worker, or at once after a focus change) goes through
/// `SearchEngine.answer`, so changing how the model answers is one line here.
///
/// The function gets the first `limit` matches (all when nil) and polls `isCancelled`
/// between chunks of work; it returns nil when cancelled. Tests inject slow functions.
public struct SearchEngine: Sendable {
  public typealias Function =
    @Sendable (
      _ timeline: Timeline, _ request: SearchRequest, _ limit: Int?, _ isCancelled: () -> Bool
    ) -> SearchAnswer?

  public let answer: Function

  public init(_ answer: @escaping Function) {
    self.answer = answer
  }

  /// The model's own queries.
  public static let timeline = SearchEngine { timeline, request, limit, isCancelled in
    TimelineSearch.answer(timeline, request, limit: limit, isCancelled: isCancelled)
  }

  /// All rows for `request`, uncancelled: for synchronous runners (headless, tests).
  func allRows(_ timeline: Timeline, _ request: SearchRequest) -> [Int] {
    answer(timeline, request, nil, { false })?.rows ?? []
  }
}

/// Searches over the in-memory `Timeline`, in chunks so a search can stop early (at a limit,
/// or when cancelled) whatever the size of the story.
enum TimelineSearch {
  /// Items examined between two looks at `isCancelled`.
  static let chunk = 16_384

  static func answer(
    _ timeline: Timeline, _ request: SearchRequest, limit: Int?, isCancelled: () -> Bool
  ) -> SearchAnswer? {
    let query = QuoteQuery(request.query)
    switch request.pane {
    case .quotes:
      // The store answers the first rows from its index without finding every match; the
      // whole answer is one more query.
      if isCancelled() { return nil }
      guard let limit else {
        return SearchAnswer(
          rows: timeline.quoteIndices(matching: query, among: request.domain), isComplete: true)
      }
      let rows = timeline.quoteIndices(
        matching: query, among: request.domain, offset: 0, limit: limit + 1)
      return SearchAnswer(rows: Array(rows.prefix(limit)), isComplete: rows.count <= limit)
    case .events:
      return chunked(
        total: timeline.events.count, domain: request.domain, limit: limit,
        isCancelled: isCancelled
      ) { timeline.eventIndices(matching: query, among: $0) }
    case .people:
      return chunked(
        total: timeline.actors.count, domain: request.domain, limit: limit,
        isCancelled: isCancelled
      ) { timeline.actorIndices(matching: query, among: $0) }
    }
  }

  /// Runs `search` over the domain (or 0..<total) chunk by chunk.
  static func chunked(
    total: Int, domain: [Int]?, limit: Int?, isCancelled: () -> Bool,
    search: ([Int]) -> [Int]
  ) -> SearchAnswer? {
    let count = domain?.count ?? total
    var found: [Int] = []
    var start = 0
    while start < count {
      if isCancelled() { return nil }
      let end = min(count, start + chunk)
      found += search(domain.map { Array($0[start..<end]) } ?? Array(start..<end))
      if let limit, found.count >= limit, end < count || found.count > limit {
        return SearchAnswer(rows: Array(found.prefix(limit)), isComplete: false)
      }
      start = end
    }
    return SearchAnswer(rows: found, isComplete: true)
  }
}
