/// A place in the browser, as `<` and `>` return to it.
public struct Location: Hashable, Sendable {
  public var focus: BrowserFocus
  public var pane: Pane
  public var events: ListState
  public var people: ListState
  public var quotes: ListState
}

/// Back and forward stacks, like a web browser's.
public struct NavigationHistory: Hashable, Sendable {
  public private(set) var backStack: [Location] = []
  public private(set) var forwardStack: [Location] = []

  /// Bounded so a long session cannot grow without limit.
  static let limit = 200

  mutating func push(_ location: Location) {
    backStack.append(location)
    if backStack.count > Self.limit { backStack.removeFirst(backStack.count - Self.limit) }
    forwardStack.removeAll()
  }

  mutating func back(from current: Location) -> Location? {
    guard let previous = backStack.popLast() else { return nil }
    forwardStack.append(current)
    return previous
  }

  mutating func forward(from current: Location) -> Location? {
    guard let next = forwardStack.popLast() else { return nil }
    backStack.append(current)
    return next
  }
}
