/// Selection and scroll position of one list pane.
///
/// `top` counts display rows, which include the events pane's "as of" divider; `selected`
/// counts items. Keeping the two apart lets resize keep both as they were.
public struct ListState: Hashable, Sendable {
  public var selected: Int
  public var top: Int

  public init(selected: Int = 0, top: Int = 0) {
    self.selected = selected
    self.top = top
  }
}

/// The geometry of a list: how many items, and where a non-selectable divider row sits.
struct ListGeometry {
  var count: Int
  /// The divider is drawn just before this item (may equal `count`: after the last item).
  var dividerBefore: Int?

  var displayCount: Int { count + (dividerBefore == nil ? 0 : 1) }

  func displayRow(ofItem item: Int) -> Int {
    guard let divider = dividerBefore else { return item }
    return item >= divider ? item + 1 : item
  }

  /// How many items sit on display rows before `row`.
  func items(beforeDisplayRow row: Int) -> Int {
    let row = max(0, row)
    guard let divider = dividerBefore, row > divider else { return min(row, count) }
    return min(row - 1, count)
  }

  /// The item on a display row, or nil for the divider and rows past the end.
  func item(atDisplayRow row: Int) -> Int? {
    guard row >= 0, row < displayCount else { return nil }
    guard let divider = dividerBefore else { return row }
    if row == divider { return nil }
    return row > divider ? row - 1 : row
  }
}

extension ListState {
  /// Clamps the selection into range and scrolls the least needed to keep it visible.
  mutating func clamp(_ geometry: ListGeometry, viewport: Int) {
    selected = geometry.count == 0 ? 0 : min(max(0, selected), geometry.count - 1)
    top = max(0, top)
    guard viewport > 0, geometry.count > 0 else {
      top = max(0, min(top, geometry.displayCount - 1))
      return
    }
    var row = geometry.displayRow(ofItem: selected)
    // Show the divider above the first upcoming event when scrolling up onto it.
    if let divider = geometry.dividerBefore, divider == selected, row - 1 < top { row -= 1 }
    if row < top { top = row }
    let selectedRow = geometry.displayRow(ofItem: selected)
    if selectedRow >= top + viewport { top = selectedRow - viewport + 1 }
  }

  /// Moves the selection by `delta` items and keeps it visible.
  mutating func move(by delta: Int, _ geometry: ListGeometry, viewport: Int) {
    selected += delta
    clamp(geometry, viewport: viewport)
  }
}
