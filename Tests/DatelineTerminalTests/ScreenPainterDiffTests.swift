import DatelineUI
import Testing

@testable import DatelineTerminal

/// The painter's pure part: which cells a frame must write.
@Suite("screen painter diffing")
struct ScreenPainterDiffTests {
  private func cellsToDraw(
    _ grid: CellGrid, previous: CellGrid?, rows: Int? = nil, columns: Int? = nil
  ) -> [[Int]] {
    var drawn: [[Int]] = []
    ScreenPainter.forEachCellToDraw(
      in: grid, previous: previous, rows: rows ?? grid.height, columns: columns ?? grid.width
    ) { x, y in drawn.append([x, y]) }
    return drawn
  }

  @Test func withoutAPreviousFrameEveryCellIsDrawn() {
    let grid = CellGrid(width: 3, height: 2)
    #expect(cellsToDraw(grid, previous: nil).count == 6)
  }

  @Test func anUnchangedFrameDrawsNothing() {
    var grid = CellGrid(width: 10, height: 3)
    _ = grid.write("hello", x: 1, y: 1)
    #expect(cellsToDraw(grid, previous: grid).isEmpty)
  }

  @Test func onlyChangedCellsAreDrawn() {
    var before = CellGrid(width: 10, height: 3)
    _ = before.write("hello", x: 0, y: 1)
    var after = before
    _ = after.write("J", x: 0, y: 1)
    _ = after.write("!", x: 9, y: 2)
    #expect(cellsToDraw(after, previous: before) == [[0, 1], [9, 2]])
  }

  @Test func aStyleChangeAloneIsRedrawn() {
    var before = CellGrid(width: 4, height: 1)
    _ = before.write("ab", x: 0, y: 0)
    var after = before
    after.setStyle(Style(.reverse, role: .selection), in: Rect(x: 1, y: 0, width: 1, height: 1))
    #expect(cellsToDraw(after, previous: before) == [[1, 0]])
  }

  @Test func aPreviousFrameOfAnotherSizeMeansRedrawEverything() {
    let before = CellGrid(width: 4, height: 2)
    let after = CellGrid(width: 5, height: 2)
    #expect(cellsToDraw(after, previous: before).count == 10)
  }

  @Test func wideCharactersAreDrawnOnceFromTheirFirstColumn() {
    var grid = CellGrid(width: 4, height: 1)
    _ = grid.write("中a", x: 0, y: 0)
    #expect(cellsToDraw(grid, previous: nil) == [[0, 0], [2, 0], [3, 0]])
  }

  @Test func cellsBeyondTheScreenAreClipped() {
    let grid = CellGrid(width: 6, height: 4)
    #expect(cellsToDraw(grid, previous: nil, rows: 2, columns: 3).count == 6)
    #expect(cellsToDraw(grid, previous: nil, rows: 0, columns: 3).isEmpty)
  }
}
