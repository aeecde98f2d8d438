/// A width x height buffer of cells that views render into and a backend draws.
///
/// Writes clip at the grid's (or a given) right edge; a wide grapheme that would straddle the
/// edge is replaced by a space so columns never shift. Control characters are replaced by
/// `TerminalText.placeholder` as a last line of defence: nothing written here can move the
/// terminal's cursor or change its state.
public struct CellGrid: Hashable, Sendable {
  public let width: Int
  public let height: Int
  public internal(set) var cells: [Cell]

  public init(width: Int, height: Int, fill: Cell = .blank) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: fill, count: self.width * self.height)
  }

  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  public subscript(x: Int, y: Int) -> Cell {
    get {
      guard x >= 0, x < width, y >= 0, y < height else { return .blank }
      return cells[y * width + x]
    }
  }

  /// Fills `rect` (clipped to the grid) with `cell`.
  public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
    let clipped = rect.clipped(to: bounds)
    guard !clipped.isEmpty else { return }
    for y in clipped.y..<clipped.maxY {
      for x in clipped.x..<clipped.maxX { set(x: x, y: y, cell) }
    }
  }

  /// Applies `style` to every cell in `rect`, keeping the characters.
  public mutating func setStyle(_ style: Style, in rect: Rect) {
    let clipped = rect.clipped(to: bounds)
    guard !clipped.isEmpty else { return }
    for y in clipped.y..<clipped.maxY {
      for x in clipped.x..<clipped.maxX { cells[y * width + x].style = style }
    }
  }

  /// Writes `text` from (x, y), stopping at `maxX` (exclusive; default: the grid's width).
  /// Returns the column after the last one written.
  @discardableResult
  public mutating func write(
    _ text: some StringProtocol, x: Int, y: Int, style: Style = .plain, maxX: Int? = nil
  )
    -> Int
  {
    let limit = min(maxX ?? width, width)
    guard y >= 0, y < height else { return x }
    var column = x
    for character in text {
      if column >= limit { break }
      var shown = character
      var w = DisplayWidth.of(character)
      if let first = character.unicodeScalars.first, DisplayWidth.isControl(first) {
        shown = TerminalText.placeholder
        w = 1
      }
      if w == 0 { continue }  // a stray mark or ZWJ with nothing to combine with
      if column < 0 {
        column += w
        continue
      }
      if column + w > limit {
        // A wide grapheme that does not fit: pad so the next cell stays aligned.
        set(x: column, y: y, Cell(" ", width: 1, style: style))
        column += 1
        break
      }
      set(x: column, y: y, Cell(shown, width: w, style: style))
      if w == 2 { set(x: column + 1, y: y, .continuation(style: style)) }
      column += w
    }
    return column
  }

  /// Sets one cell, repairing any wide grapheme it overlaps so no half-grapheme is left.
  private mutating func set(x: Int, y: Int, _ cell: Cell) {
    guard x >= 0, x < width, y >= 0, y < height else { return }
    let index = y * width + x
    let old = cells[index]
    if old.isContinuation && x > 0 && !cell.isContinuation {
      cells[index - 1] = Cell(" ", width: 1, style: cells[index - 1].style)
    }
    if old.width == 2 && x + 1 < width && cell.width != 2 {
      cells[index + 1] = Cell(" ", width: 1, style: old.style)
    }
    if cell.width == 2 && x + 1 >= width {
      cells[index] = Cell(" ", width: 1, style: cell.style)
      return
    }
    cells[index] = cell
  }

  /// The grid as text, one line per row, trailing spaces trimmed: for golden tests and for
  /// headless mode.
  public func plainText() -> String {
    var lines: [String] = []
    lines.reserveCapacity(height)
    for y in 0..<height {
      var line = ""
      for x in 0..<width {
        let cell = cells[y * width + x]
        if cell.isContinuation { continue }
        line.append(cell.character)
      }
      while line.last == " " { line.removeLast() }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  /// Row `y` as text, untrimmed.
  public func row(_ y: Int) -> String {
    guard y >= 0, y < height else { return "" }
    var line = ""
    for x in 0..<width where !cells[y * width + x].isContinuation {
      line.append(cells[y * width + x].character)
    }
    return line
  }
}

extension Rect {
  public func clipped(to other: Rect) -> Rect {
    let left = max(x, other.x)
    let top = max(y, other.y)
    let right = min(maxX, other.maxX)
    let bottom = min(maxY, other.maxY)
    return Rect(x: left, y: top, width: right - left, height: bottom - top)
  }
}
