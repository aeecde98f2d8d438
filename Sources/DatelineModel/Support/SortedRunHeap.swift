/// A cursor over one sorted run (of keys, of records) being merged with others.
protocol SortedRunCursor {
  associatedtype Key: Comparable
  /// The key the cursor is at; nil once its run is used up.
  var currentKey: Key? { get }
}

/// The cursors of sorted runs in a binary min-heap by their current keys: the first is at the
/// smallest key of all, so taking from it and moving it on, over and over, merges the runs.
struct SortedRunHeap<Cursor: SortedRunCursor> {
  private var cursors: [Cursor]

  /// The cursors not yet at their run's end.
  init(_ cursors: [Cursor]) {
    self.cursors = cursors.filter { $0.currentKey != nil }
    for index in stride(from: self.cursors.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
  }

  var isEmpty: Bool { cursors.isEmpty }

  /// The cursor at the smallest key.
  var first: Cursor? { cursors.first }

  /// Lets `body` use the first cursor and move it on, then puts it where its new key belongs
  /// (or drops it at its run's end). Nothing is put back when `body` throws.
  mutating func moveFirst(_ body: (inout Cursor) throws -> Void) rethrows {
    try body(&cursors[0])
    if cursors[0].currentKey == nil {
      cursors.swapAt(0, cursors.count - 1)
      cursors.removeLast()
    }
    if !cursors.isEmpty { siftDown(0) }
  }

  private mutating func siftDown(_ start: Int) {
    var parent = start
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < cursors.count, cursors[left].currentKey! < cursors[smallest].currentKey! {
        smallest = left
      }
      if right < cursors.count, cursors[right].currentKey! < cursors[smallest].currentKey! {
        smallest = right
      }
      if smallest == parent { return }
      cursors.swapAt(parent, smallest)
      parent = smallest
    }
  }
}
