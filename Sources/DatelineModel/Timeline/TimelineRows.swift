/// One of the timeline's lists (events, actors, quotes) as a random-access collection whose
/// elements are read from the store on demand, a page at a time, and cached: indexing costs
/// the same for ten rows or a million, and nothing is read until it is shown.
public struct TimelineRows<Element: Sendable>: RandomAccessCollection, Sendable {
  public let count: Int
  private let element: @Sendable (Int) -> Element
  private let prefetchRows: @Sendable ([Int]) -> Void

  init(
    count: Int, prefetch: @escaping @Sendable ([Int]) -> Void = { _ in },
    element: @escaping @Sendable (Int) -> Element
  ) {
    self.count = count
    self.element = element
    prefetchRows = prefetch
  }

  /// Reads the rows at these positions together, ahead of indexing them: the rows on a screen
  /// of search results lie anywhere in the list, and a page read for each would read dozens of
  /// rows for every one shown. Positions out of range are ignored.
  public func prefetch(_ positions: [Int]) {
    prefetchRows(positions)
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }

  public subscript(position: Int) -> Element {
    precondition(position >= 0 && position < count, "row \(position) out of range 0..<\(count)")
    return element(position)
  }
}
