/// One of the timeline's lists (events, actors, quotes) as a random-access collection whose
/// elements are read from the store on demand, a page at a time, and cached: indexing costs
/// the same for ten rows or a million, and nothing is read until it is shown.
public struct TimelineRows<Element: Sendable>: RandomAccessCollection, Sendable {
  public let count: Int
  private let element: @Sendable (Int) -> Element

  init(count: Int, element: @escaping @Sendable (Int) -> Element) {
    self.count = count
    self.element = element
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }

  public subscript(position: Int) -> Element {
    precondition(position >= 0 && position < count, "row \(position) out of range 0..<\(count)")
    return element(position)
  }
}
