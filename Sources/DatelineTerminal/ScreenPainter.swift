import CNcursesw
import DatelineUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Draws `CellGrid` frames on the curses screen, writing only the cells that changed since the
/// previous frame (curses then sends only what changed on the terminal).
struct ScreenPainter {
  private let palette: ColorPalette
  /// False under a non-UTF-8 locale: anything outside ASCII is drawn as "?".
  private let unicode: Bool
  private var previous: CellGrid?

  init(palette: ColorPalette, unicode: Bool) {
    self.palette = palette
    self.unicode = unicode
  }

  /// Forgets the previous frame so the next `paint` clears and draws every cell (after a
  /// resize, Ctrl-L, or anything else that may have disturbed the screen).
  mutating func invalidate() {
    previous = nil
  }

  /// Draws `grid` and flushes it to the terminal. A grid smaller than the screen leaves the
  /// rest blank; a larger one is clipped.
  mutating func paint(_ grid: CellGrid) {
    let rows = min(grid.height, Int(dl_rows()))
    let columns = min(grid.width, Int(dl_columns()))
    let last = previous.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
    if last == nil { werase(dl_stdscr()) }
    Self.forEachCellToDraw(in: grid, previous: last, rows: rows, columns: columns) { x, y in
      draw(grid[x, y], x: x, y: y, columns: columns)
    }
    previous = grid
    wnoutrefresh(dl_stdscr())
    doupdate()
  }

  /// Calls `body` for each cell of `grid` (within `rows` x `columns`) that must be drawn: every
  /// cell without a `previous` frame of the same size, else only those that changed.
  /// Continuation cells are skipped: they are drawn with the wide cell to their left.
  static func forEachCellToDraw(
    in grid: CellGrid, previous: CellGrid?, rows: Int, columns: Int,
    _ body: (_ x: Int, _ y: Int) -> Void
  ) {
    let last = previous.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
    for y in 0..<max(0, min(rows, grid.height)) {
      for x in 0..<max(0, min(columns, grid.width)) {
        let cell = grid[x, y]
        if let last, last[x, y] == cell { continue }
        if cell.isContinuation { continue }
        body(x, y)
      }
    }
  }

  private func draw(_ cell: Cell, x: Int, y: Int, columns: Int) {
    let (attributes, pair) = palette.attributes(for: cell.style)
    var scalars = drawableScalars(of: cell)
    if scalars.isEmpty || (cell.width == 2 && x + 1 >= columns) {
      // The terminal would draw this differently from how the grid measured it: draw a
      // placeholder of the same width so no column shifts.
      scalars = [wchar_t(UInt8(ascii: "?"))]
      put(scalars, x: x, y: y, attributes: attributes, pair: pair)
      for pad in 1..<max(1, cell.width) where x + pad < columns {
        put([wchar_t(UInt8(ascii: " "))], x: x + pad, y: y, attributes: attributes, pair: pair)
      }
      return
    }
    put(scalars, x: x, y: y, attributes: attributes, pair: pair)
  }

  private func put(_ scalars: [wchar_t], x: Int, y: Int, attributes: attr_t, pair: Int16) {
    scalars.withUnsafeBufferPointer { buffer in
      // The bottom-right cell reports ERR (the cursor cannot advance past it) but is drawn.
      _ = dl_put_cell(
        Int32(y), Int32(x), buffer.baseAddress, Int32(buffer.count), attributes, pair)
    }
  }

  /// The cell's grapheme as curses can draw it in exactly `cell.width` columns: the base
  /// scalar plus combining marks. Empty when the C library measures the base differently
  /// from the grid, or the scalar is not printable here.
  private func drawableScalars(of cell: Cell) -> [wchar_t] {
    let all = Array(cell.character.unicodeScalars)
    guard let base = all.first else { return [] }
    if base.value < 0x20 || (0x7F..<0xA0).contains(base.value) { return [] }
    if base.isASCII && all.count == 1 { return [wchar_t(base.value)] }
    guard unicode else { return base.isASCII ? [wchar_t(base.value)] : [] }
    let baseCharacter = wchar_t(base.value)
    guard Int(dl_wcwidth(Int32(base.value))) == cell.width else { return [] }
    var result = [baseCharacter]
    for mark in all.dropFirst() where result.count < 4 {
      // Only zero-width marks combine into the cell; a joined emoji (ZWJ) keeps its first part.
      if mark.value != 0x200D, dl_wcwidth(Int32(mark.value)) == 0 {
        result.append(wchar_t(mark.value))
      }
    }
    return result
  }
}
