/// The styles views use. Every distinction is carried by an attribute or a glyph first, so the
/// screen reads the same on a monochrome terminal and under `NO_COLOR`.
enum Theme {
  static let text = Style.plain
  static let strong = Style(.bold)
  static let muted = Style(.dim, role: .muted)
  static let title = Style(.bold, role: .title)
  static let paneTitle = Style(.underline, role: .title)
  static let focusedPaneTitle = Style([.bold, .reverse], role: .focusedTitle)
  static let selectedFocused = Style(.reverse, role: .selection)
  static let selectedUnfocused = Style(.bold, role: .normal)
  static let date = Style(role: .date)
  static let upcoming = Style(.bold, role: .upcoming)
  static let divider = Style(.dim, role: .upcoming)
  static let status = Style(role: .status)
  static let speaker = Style(.bold, role: .speaker)
  static let match = Style([.bold, .underline], role: .match)
  static let hint = Style(role: .hint)
  static let message = Style(.bold, role: .hint)
  static let prompt = Style(.bold, role: .prompt)
  static let cursor = Style(.reverse, role: .prompt)
  static let error = Style(.bold, role: .error)
  static let rule = Style(.dim, role: .muted)

  /// A row style: reverse in the focused pane, bold elsewhere.
  static func row(selected: Bool, focused: Bool) -> Style {
    guard selected else { return text }
    return focused ? selectedFocused : selectedUnfocused
  }

  /// `style` as it looks on a selected row (keeps the row's reverse video).
  static func on(_ style: Style, row: Style) -> Style {
    Style(
      style.attributes.union(row.attributes), role: row.role == .selection ? .selection : style.role
    )
  }
}

/// Writing styled pieces of text in a row.
extension CellGrid {
  /// Writes `segments` left to right from x, clipped at `maxX`. Returns the next column.
  @discardableResult
  mutating func write(segments: [(String, Style)], x: Int, y: Int, maxX: Int) -> Int {
    var column = x
    for (text, style) in segments where column < maxX {
      column = write(text, x: column, y: y, style: style, maxX: maxX)
    }
    return column
  }

  /// Writes `text` right-aligned so it ends at `maxX`. Returns the column it starts at.
  @discardableResult
  mutating func writeRight(_ text: String, y: Int, minX: Int, maxX: Int, style: Style) -> Int {
    let fitted = TerminalText.truncate(text, toWidth: maxX - minX)
    let start = maxX - TerminalText.width(of: fitted)
    write(fitted, x: start, y: y, style: style, maxX: maxX)
    return start
  }

  /// Writes `text` with the given ranges in `highlight` style, clipped at `maxX`.
  mutating func write(
    _ text: String, highlighting ranges: [Range<String.Index>], x: Int, y: Int, style: Style,
    highlight: Style, maxX: Int
  ) {
    guard !ranges.isEmpty else {
      write(text, x: x, y: y, style: style, maxX: maxX)
      return
    }
    var segments: [(String, Style)] = []
    var cursor = text.startIndex
    for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound })
    where range.lowerBound >= cursor {
      segments.append((String(text[cursor..<range.lowerBound]), style))
      segments.append((String(text[range]), highlight))
      cursor = range.upperBound
    }
    segments.append((String(text[cursor...]), style))
    write(segments: segments, x: x, y: y, maxX: maxX)
  }
}
