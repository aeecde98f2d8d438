import DatelineUI

/// Rows of text in aligned columns, measured in display columns (wide characters count two).
/// Every cell is sanitized. The last column is never padded; when a width is given (standard
/// output is a terminal) it wraps under itself instead of running back to column 0.
struct TextTable {
  /// No column but the last is wider than this: longer cells are cut with "…" (as the browser
  /// does), so one huge cell cannot pad every other row to its width.
  static let maximumColumnWidth = 48

  var header: [String]?
  var rows: [[String]] = []

  init(header: [String]? = nil) { self.header = header }

  mutating func append(_ row: [String]) { rows.append(row.map(Output.clean)) }

  func render(width: Int?, indent: String = "") -> [String] {
    let all = (header.map { [$0] } ?? []) + rows
    guard let columnCount = all.map(\.count).max(), columnCount > 0 else { return [] }
    var widths = [Int](repeating: 0, count: columnCount)
    for row in all {
      for (index, cell) in row.enumerated() where index < columnCount - 1 {
        widths[index] = max(
          widths[index],
          min(
            Self.maximumColumnWidth,
            TerminalText.width(of: cell.prefix(Self.maximumColumnWidth + 1))))
      }
    }
    let leading = TerminalText.width(of: indent) + widths.dropLast().reduce(0) { $0 + $1 + 2 }
    var lines: [String] = []
    for row in all {
      var line = indent
      for (index, cell) in row.enumerated() where index < row.count - 1 {
        line += TerminalText.pad(cell, toWidth: widths[index]) + "  "
      }
      let last = row.last ?? ""
      if let width, width - leading >= 20, TerminalText.width(of: last) > width - leading {
        let wrapped = TerminalText.wrap(last, width: width - leading)
        line += wrapped.first ?? ""
        lines.append(line)
        let padding = String(repeating: " ", count: leading)
        lines += wrapped.dropFirst().map { padding + $0 }
      } else {
        lines.append(line + last)
      }
    }
    return lines.map(Self.trimmingTrailingSpaces)
  }

  private static func trimmingTrailingSpaces(_ line: String) -> String {
    var line = line
    while line.last == " " { line.removeLast() }
    return line
  }
}
