/// The rows a pane shows, as indices into one of the timeline's arrays.
///
/// `.all` costs nothing to build, so the unfiltered view of a million quotes is free; `.subset`
/// holds the indices a filter kept, in display order.
public enum RowSet: Equatable, Sendable {
  case all(count: Int)
  case subset([Int])

  public static let empty = RowSet.subset([])

  public var count: Int {
    switch self {
    case .all(let count): count
    case .subset(let indices): indices.count
    }
  }

  public var isEmpty: Bool { count == 0 }

  /// The timeline index shown at row `position`.
  public subscript(position: Int) -> Int {
    switch self {
    case .all: position
    case .subset(let indices): indices[position]
    }
  }

  /// The row showing timeline index `index`, if any. Linear for subsets: called on
  /// navigation, never per frame.
  public func position(of index: Int) -> Int? {
    switch self {
    case .all(let count): (0..<count).contains(index) ? index : nil
    case .subset(let indices): indices.firstIndex(of: index)
    }
  }

  /// All indices, for passing to the model as a search domain; nil means "everything".
  var domain: [Int]? {
    switch self {
    case .all: nil
    case .subset(let indices): indices
    }
  }
}
