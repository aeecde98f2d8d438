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
    var layout = Layout()
    for row in all { layout.measure(row) }
    return all.flatMap { layout.lines(of: $0, width: width, indent: indent) }
  }

  /// The columns' widths, measured a row at a time, and the lines of a row laid out in them:
  /// what `render` does, for a table whose rows are read twice instead of held (`write`).
  struct Layout {
    private var widths: [Int] = []

    mutating func measure(_ row: [String]) {
      if row.count > widths.count {
        widths += [Int](repeating: 0, count: row.count - widths.count)
      }
      for (index, cell) in row.enumerated() {
        widths[index] = max(
          widths[index],
          min(
            TextTable.maximumColumnWidth,
            TerminalText.width(of: cell.prefix(TextTable.maximumColumnWidth + 1))))
      }
    }

    func lines(of row: [String], width: Int?, indent: String) -> [String] {
      // The last column is never padded: its width does not count.
      let padded = widths.dropLast()
      let leading = TerminalText.width(of: indent) + padded.reduce(0) { $0 + $1 + 2 }
      var line = indent
      for (index, cell) in row.enumerated() where index < row.count - 1 {
        line += TerminalText.pad(cell, toWidth: padded[index]) + "  "
      }
      let last = row.last ?? ""
      var lines: [String] = []
      if let width, width - leading >= 20, TerminalText.width(of: last) > width - leading {
        let wrapped = TerminalText.wrap(last, width: width - leading)
        line += wrapped.first ?? ""
        lines.append(line)
        let padding = String(repeating: " ", count: leading)
        lines += wrapped.dropFirst().map { padding + $0 }
      } else {
        lines.append(line + last)
      }
      return lines.map(TextTable.trimmingTrailingSpaces)
    }
  }

  /// Writes a table of `count` rows that `row` makes (cells cleaned here), under `header`:
  /// the rows are made twice, to measure the columns and then to write them, and never held
  /// together. `ahead` is told each stretch of rows before they are made (to read them from
  /// the store together); `before` may give a line to write ahead of a row (a divider).
  static func write(
    header: [String]?, count: Int, width: Int?, indent: String = "", row: (Int) -> [String],
    ahead: (Range<Int>) -> Void = { _ in }, before: (Int) -> String? = { _ in nil }
  ) {
    var output = Output.Buffered()
    lines(
      header: header, count: count, width: width, indent: indent, row: row, ahead: ahead,
      before: before
    ) { output.line($0) }
    output.flush()
  }

  /// The lines of that table, handed to `emit` one at a time.
  static func lines(
    header: [String]?, count: Int, width: Int?, indent: String = "", row: (Int) -> [String],
    ahead: (Range<Int>) -> Void = { _ in }, before: (Int) -> String? = { _ in nil },
    emit: (String) -> Void
  ) {
    var layout = Layout()
    if let header { layout.measure(header) }
    for stretch in Output.stretches(count) {
      ahead(stretch)
      for index in stretch {
        // The last column's width does not count: a full row's last cell is not cleaned to be
        // measured (a shorter row's last cell is in another column, and counts).
        var cells = row(index)
        if let header, cells.count == header.count, !cells.isEmpty { cells[cells.count - 1] = "" }
        layout.measure(cells.map(Output.clean))
      }
    }
    if let header {
      for line in layout.lines(of: header, width: width, indent: indent) { emit(line) }
    }
    for stretch in Output.stretches(count) {
      ahead(stretch)
      for index in stretch {
        if let divider = before(index) { emit(divider) }
        for line in layout.lines(of: row(index).map(Output.clean), width: width, indent: indent) {
          emit(line)
        }
      }
    }
  }

  fileprivate static func trimmingTrailingSpaces(_ line: String) -> String {
    var line = line
    while line.last == " " { line.removeLast() }
    return line
  }
}
