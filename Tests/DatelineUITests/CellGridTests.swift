import Testing

@testable import DatelineUI

@Suite struct CellGridTests {
  @Test func writesAndClipsAtTheRightEdge() {
    var grid = CellGrid(width: 5, height: 2)
    let end = grid.write("hello world", x: 1, y: 0)
    #expect(end == 5)
    #expect(grid.plainText() == " hell\n")
  }

  @Test func wideCharactersTakeTwoCellsAndKeepColumnsAligned() {
    var grid = CellGrid(width: 6, height: 2)
    grid.write("日本x", x: 0, y: 0)
    grid.write("abcdef", x: 0, y: 1)
    #expect(grid[0, 0].width == 2)
    #expect(grid[1, 0].isContinuation)
    #expect(grid[4, 0].character == "x")
    #expect(grid.plainText() == "日本x\nabcdef")
  }

  @Test func aWideCharacterThatDoesNotFitBecomesASpace() {
    var grid = CellGrid(width: 3, height: 1, fill: Cell("."))
    grid.write("ab日", x: 0, y: 0)
    #expect(grid.row(0) == "ab ")
  }

  @Test func overwritingHalfAWideCharacterClearsTheOtherHalf() {
    var grid = CellGrid(width: 4, height: 1)
    grid.write("日本", x: 0, y: 0)
    grid.write("x", x: 1, y: 0)
    #expect(grid.row(0) == " x本")
    grid.write("y", x: 2, y: 0)
    #expect(grid.row(0) == " xy ")
  }

  @Test func combiningMarksStayWithTheirBase() {
    var grid = CellGrid(width: 4, height: 1)
    grid.write("e\u{301}x", x: 0, y: 0)
    #expect(grid[0, 0].character == "e\u{301}")
    #expect(grid[1, 0].character == "x")
  }

  @Test func controlCharactersNeverReachTheGrid() {
    var grid = CellGrid(width: 6, height: 1)
    grid.write("a\u{1B}b\u{9B}c", x: 0, y: 0)
    #expect(grid.row(0) == "a\u{FFFD}b\u{FFFD}c ")
  }

  @Test func fillAndStyleAreClipped() {
    var grid = CellGrid(width: 3, height: 2)
    grid.fill(Rect(x: 1, y: 1, width: 10, height: 10), with: Cell("#"))
    grid.setStyle(Style(.reverse), in: Rect(x: -2, y: 0, width: 3, height: 1))
    #expect(grid.plainText() == "\n ##")
    #expect(grid[0, 0].style.attributes == .reverse)
    #expect(grid[1, 0].style.attributes == [])
  }

  @Test func zeroSizedGridsAreSafe() {
    var grid = CellGrid(width: 0, height: 0)
    grid.write("abc", x: 0, y: 0)
    grid.fill(grid.bounds, with: Cell("x"))
    #expect(grid.plainText() == "")
  }
}
