/// RFC 4180 CSV: fields separated by commas, records by CRLF; a field holding a comma, a double
/// quote, a line break or leading or trailing spaces is quoted, with its quotes doubled.
///
/// Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return as a formula. `encode` prefixes such a field with an
/// apostrophe, which spreadsheets take as "this cell is text" and do not show; `unguarded`
/// removes it again when Dateline reads its own CSV back.
public enum CSV {
  /// The first characters that make a spreadsheet read a cell as a formula.
  static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
  public static func encode(_ rows: [[String]]) -> String {
    var text = ""
    for row in rows {
      text += row.map(field).joined(separator: ",")
      text += "\r\n"
    }
    return text
  }

  static func field(_ raw: String) -> String {
    var value = withoutControls(raw)
    if let first = value.unicodeScalars.first, formulaStarts.contains(first) {
      value = "'" + value
    }
    let needsQuotes =
      value.utf8.contains { byte in
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
          || byte == UInt8(ascii: "\r")
      } || value.first == " " || value.last == " "
    guard needsQuotes else { return value }
    return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
  }

  /// A field as written before `encode` guarded it: the apostrophe before a formula start goes.
  public static func unguarded(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard scalars.first == "'", let second = scalars.dropFirst().first,
      formulaStarts.contains(second)
    else { return text }
    return String(text.unicodeScalars.dropFirst())
  }

  /// Control characters other than tab and line breaks are dropped: an export printed on a
  /// terminal must not carry escape sequences from the data.
  static func withoutControls(_ text: String) -> String {
    guard
      text.unicodeScalars.contains(where: {
        $0.properties.generalCategory == .control && $0 != "\t" && $0 != "\n" && $0 != "\r"
      })
    else { return text }
    var result = ""
    for scalar in text.unicodeScalars
    where scalar.properties.generalCategory != .control || scalar == "\t" || scalar == "\n"
      || scalar == "\r"
    {
      result.unicodeScalars.append(scalar)
    }
    return result
  }

  /// One field as read, with the line and column (1-based, in Unicode scalars) where it starts.
  public struct Field: Sendable, Equatable {
    public var text: String
    public var line: Int
    public var column: Int
  }

  /// A malformed CSV file: where and why.
  public struct SyntaxError: Error, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: String
  }

  /// Reads RFC 4180 CSV (CRLF or LF line ends, a final line end optional, a leading byte-order
  /// mark skipped). Blank lines are skipped. Never traps on malformed input.
  public static func decode(_ text: String) throws(SyntaxError) -> [[Field]] {
    var rows: [[Field]] = []
    var row: [Field] = []
    var field = ""
    var fieldLine = 1
    var fieldColumn = 1
    var line = 1
    var column = 1
    var quoted = false
    var inQuotes = false
    var afterQuote = false
    var rowHasContent = false
    var scalars = text.unicodeScalars[...]
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    var iterator = scalars.makeIterator()
    var pending: Unicode.Scalar? = nil

    func endField() {
      row.append(Field(text: field, line: fieldLine, column: fieldColumn))
      field = ""
      quoted = false
      afterQuote = false
    }

    while let scalar = pending ?? iterator.next() {
      pending = nil
      if inQuotes {
        if scalar == "\"" {
          let next = iterator.next()
          if next == "\"" {
            field.unicodeScalars.append("\"")
            column += 2
            continue
          }
          inQuotes = false
          afterQuote = true
          column += 1
          pending = next
          continue
        }
        field.unicodeScalars.append(scalar)
        if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
        continue
      }
      switch scalar {
      case ",":
        endField()
        rowHasContent = true
        column += 1
        fieldLine = line
        fieldColumn = column
      case "\r", "\n":
        if scalar == "\r" {
          let next = iterator.next()
          if next != "\n" { pending = next }
        }
        if rowHasContent || !field.isEmpty || quoted {
          endField()
          rows.append(row)
        }
        row = []
        rowHasContent = false
        line += 1
        column = 1
        fieldLine = line
        fieldColumn = column
      case "\"":
        guard field.isEmpty, !quoted else {
          throw SyntaxError(
            line: line, column: column,
            message:
              "a double quote inside an unquoted field; quote the whole field and double the quotes inside (\"say \"\"hi\"\"\")"
          )
        }
        quoted = true
        inQuotes = true
        column += 1
      default:
        if afterQuote {
          throw SyntaxError(
            line: line, column: column,
            message: "text after a closing quote; a quoted field ends at its closing quote")
        }
        field.unicodeScalars.append(scalar)
        column += 1
      }
    }
    if inQuotes {
      throw SyntaxError(
        line: fieldLine, column: fieldColumn,
        message: "a quoted field is never closed; add the closing double quote")
    }
    if rowHasContent || !field.isEmpty || quoted {
      endField()
      rows.append(row)
    }
    return rows
  }
}

extension String {
  /// Every occurrence of `target` replaced, without Foundation.
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
