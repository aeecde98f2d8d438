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
/// `SearchEngine.answer`, and every count through `SearchEngine.count`, so changing how the
/// model answers is one line here.
///
/// `answer` gets the first `limit` matches (all when nil) of the request's page (after
/// `request.after`), and polls `isCancelled` between chunks of work; it returns nil when
/// cancelled. Tests inject slow functions.
public struct SearchEngine: Sendable {
  public typealias Function =
    @Sendable (
      _ timeline: Timeline, _ request: SearchRequest, _ limit: Int?, _ isCancelled: () -> Bool
    ) -> SearchAnswer?
  public typealias CountFunction =
    @Sendable (_ timeline: Timeline, _ request: SearchRequest, _ isCancelled: () -> Bool) -> Int?

  public let answer: Function
  public let count: CountFunction

  /// An engine whose count is the number of rows `answer` finds with no limit.
  public init(_ answer: @escaping Function) {
    self.answer = answer
    count = { timeline, request, isCancelled in
      var whole = request
      whole.offset = 0
      whole.after = nil
      whole.limit = nil
      return answer(timeline, whole, nil, isCancelled)?.rows.count
    }
  }

  public init(answer: @escaping Function, count: @escaping CountFunction) {
    self.answer = answer
    self.count = count
  }

  /// The model's own queries.
  public static let timeline = SearchEngine(
    answer: { timeline, request, limit, isCancelled in
      TimelineSearch.answer(timeline, request, limit: limit, isCancelled: isCancelled)
    },
    count: { timeline, request, isCancelled in
      TimelineSearch.count(timeline, request, isCancelled: isCancelled)
    })

  /// All rows for `request`, uncancelled: for synchronous runners (headless, tests).
  func allRows(_ timeline: Timeline, _ request: SearchRequest) -> [Int] {
    answer(timeline, request, nil, { false })?.rows ?? []
  }
}

/// Searches over the timeline, in chunks so a search can stop early (at a limit, or when
/// cancelled) whatever the size of the story.
enum TimelineSearch {
  /// Items examined between two looks at `isCancelled`.
  static let chunk = 16_384

  static func answer(
    _ timeline: Timeline, _ request: SearchRequest, limit: Int?, isCancelled: () -> Bool
  ) -> SearchAnswer? {
    let query = QuoteQuery(request.query)
    if isCancelled() { return nil }
    let domain = remainingDomain(request)
    switch request.pane {
    case .quotes:
      // The store answers the first rows from its index without finding every match; a page
      // resumes after the last quote shown (quotes are in timeline order).
      if domain == nil, let after = request.after {
        guard
          let rows = timeline.quoteIndices(
            matching: query, after: after, limit: limit.map { $0 + 1 }, isCancelled: isCancelled)
        else { return nil }
        return SearchAnswer(
          rows: Array(rows.prefix(limit ?? rows.count)),
          isComplete: limit.map { rows.count <= $0 } ?? true)
      }
      guard
        let rows = timeline.quoteIndices(
          matching: query, among: domain, offset: 0, limit: limit.map { $0 + 1 },
          isCancelled: isCancelled)
      else { return nil }
      return SearchAnswer(
        rows: Array(rows.prefix(limit ?? rows.count)),
        isComplete: limit.map { rows.count <= $0 } ?? true)
    case .events:
      return chunked(
        total: timeline.events.count, domain: domain, from: firstIndex(request), limit: limit,
        isCancelled: isCancelled
      ) { timeline.eventIndices(matching: query, among: $0) }
    case .people:
      return chunked(
        total: timeline.actors.count, domain: domain, from: firstIndex(request), limit: limit,
        isCancelled: isCancelled
      ) { timeline.actorIndices(matching: query, among: $0) }
    }
  }

  /// How many items match the whole request (its domain, from the start).
  static func count(_ timeline: Timeline, _ request: SearchRequest, isCancelled: () -> Bool)
    -> Int?
  {
    switch request.pane {
    case .quotes:
      return timeline.countQuotes(
        matching: QuoteQuery(request.query), among: request.domain, isCancelled: isCancelled)
    case .events, .people:
      var whole = request
      whole.offset = 0
      whole.after = nil
      return answer(timeline, whole, limit: nil, isCancelled: isCancelled)?.rows.count
    }
  }

  /// The part of the request's domain after the last row shown (`after`); nil when the domain
  /// is everything (then the rows after `after` are the indices above it).
  static func remainingDomain(_ request: SearchRequest) -> [Int]? {
    guard let domain = request.domain else { return nil }
    guard let after = request.after else { return domain }
    guard let position = domain.firstIndex(of: after) else { return [] }
    return Array(domain[(position + 1)...])
  }

  /// Where a search over everything starts: after the last row shown.
  static func firstIndex(_ request: SearchRequest) -> Int {
    request.domain == nil ? (request.after.map { $0 + 1 } ?? 0) : 0
  }

  /// Runs `search` over the domain (or `from..<total`) chunk by chunk.
  static func chunked(
    total: Int, domain: [Int]?, from: Int = 0, limit: Int?, isCancelled: () -> Bool,
    search: ([Int]) -> [Int]
  ) -> SearchAnswer? {
    let count = domain?.count ?? max(0, total - from)
    let base = domain == nil ? from : 0
    var found: [Int] = []
    var start = 0
    while start < count {
      if isCancelled() { return nil }
      let end = min(count, start + chunk)
      found += search(domain.map { Array($0[start..<end]) } ?? Array((base + start)..<(base + end)))
      if let limit, found.count >= limit, end < count || found.count > limit {
        return SearchAnswer(rows: Array(found.prefix(limit)), isComplete: false)
      }
      start = end
    }
    return SearchAnswer(rows: found, isComplete: true)
  }
}
