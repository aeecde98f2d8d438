/// Text that is safe and measurable on a terminal.
///
/// Untrusted text (articles, quotes, names) passes through `sanitize` before it reaches a view:
/// escape sequences are dropped whole, other control characters become a visible placeholder,
/// and bidirectional overrides are removed. Widths are display columns, not characters.
public enum TerminalText {
  /// Shown in place of a control character, so hostile input is visible but harmless.
  public static let placeholder: Character = "\u{FFFD}"
  public static let ellipsis: Character = "…"

  /// Removes ANSI/OSC/DCS escape sequences and bidi overrides, and replaces other C0/C1
  /// controls and DEL with `placeholder`. Tabs and line breaks become spaces unless
  /// `keepNewlines` is set, in which case "\n" is kept (and "\r\n" becomes "\n").
  public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
    // Fast path: most text has nothing to strip.
    if !text.unicodeScalars.contains(where: needsSanitizing) { return text }
    var output = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      let value = scalar.value
      switch value {
      case 0x1B:
        index = endOfEscapeSequence(scalars, from: index)
        continue
      case 0x9B:  // C1 CSI
        index = endOfControlSequence(scalars, from: index + 1)
        continue
      case 0x9D, 0x90, 0x98, 0x9E, 0x9F:  // C1 OSC, DCS, SOS, PM, APC: skip to the terminator
        index = endOfStringSequence(scalars, from: index + 1)
        continue
      case 0x09:
        output.append(" ")
      case 0x0A:
        output.append(keepNewlines ? "\n" : " ")
      case 0x0D:
        if index + 1 < scalars.count, scalars[index + 1].value == 0x0A {
          // "\r\n" is one line break.
        } else {
          output.append(keepNewlines ? "\n" : " ")
        }
      case 0x202A...0x202E, 0x2066...0x2069:
        break  // Bidi embeddings and overrides can reorder what the user sees.
      default:
        if DisplayWidth.isControl(scalar) {
          output.append(contentsOf: placeholder.unicodeScalars)
        } else {
          output.append(scalar)
        }
      }
      index += 1
    }
    return String(output)
  }

  /// Display columns of one grapheme: 0, 1 or 2.
  public static func width(of character: Character) -> Int {
    DisplayWidth.of(character)
  }

  /// Display columns of a (sanitized) string.
  public static func width(of text: some StringProtocol) -> Int {
    // Printable ASCII, the common case, is one column a byte.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
    var total = 0
    for character in text {
      total += DisplayWidth.of(character)
    }
    return total
  }

  /// The longest prefix of `text` that fits in `width` columns, ending in an ellipsis when cut.
  public static func truncate(_ text: String, toWidth width: Int) -> String {
    guard width > 0 else { return "" }
    if TerminalText.width(of: text) <= width { return text }
    var result = ""
    var used = 0
    let room = width - 1  // for the ellipsis
    for character in text {
      let w = DisplayWidth.of(character)
      if used + w > room { break }
      result.append(character)
      used += w
    }
    result.append(ellipsis)
    return result
  }

  /// `text` padded with spaces (or truncated) to exactly `width` columns.
  public static func pad(_ text: String, toWidth width: Int) -> String {
    let fitted = truncate(text, toWidth: width)
    let used = TerminalText.width(of: fitted)
    return used >= width ? fitted : fitted + String(repeating: " ", count: width - used)
  }

  /// Word-wraps `text` into lines of at most `width` columns. Words longer than a line are
  /// broken at grapheme boundaries; explicit newlines start a new line.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var lineWidth = 0
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
        var wordWidth = TerminalText.width(of: word)
        var rest = Substring(word)
        if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
          line += " " + rest
          lineWidth += 1 + wordWidth
          continue
        }
        if lineWidth > 0 {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
        while wordWidth > width {
          let (head, tail) = split(rest, atWidth: width)
          if head.isEmpty {
            // A single grapheme wider than the line: drop it rather than loop forever.
            rest = tail.dropFirst()
          } else {
            lines.append(String(head))
            rest = tail
          }
          wordWidth = TerminalText.width(of: rest)
        }
        line = String(rest)
        lineWidth = wordWidth
      }
      lines.append(line)
    }
    return lines
  }

  /// Splits `text` so the head fits in `width` columns.
  static func split(_ text: Substring, atWidth width: Int) -> (Substring, Substring) {
    var used = 0
    var index = text.startIndex
    while index < text.endIndex {
      let w = DisplayWidth.of(text[index])
      if used + w > width { break }
      used += w
      index = text.index(after: index)
    }
    return (text[text.startIndex..<index], text[index...])
  }

  private static func needsSanitizing(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return v < 0x20 || (v >= 0x7F && v < 0xA0) || (0x202A...0x202E).contains(v)
      || (0x2066...0x2069).contains(v)
  }

  /// Index just past an escape sequence starting with ESC at `start`.
  private static func endOfEscapeSequence(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    let next = start + 1
    guard next < scalars.count else { return next }
    switch scalars[next].value {
    case 0x5B:  // "[": CSI
      return endOfControlSequence(scalars, from: next + 1)
    case 0x5D, 0x50, 0x58, 0x5E, 0x5F:  // "]" OSC, "P" DCS, "X" SOS, "^" PM, "_" APC
      return endOfStringSequence(scalars, from: next + 1)
    case 0x20...0x2F:
      // nF escape: intermediates then one final byte.
      var index = next
      while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) { index += 1 }
      return min(index + 1, scalars.count)
    default:
      // Two-character escape (ESC c, ESC 7, ...). A control after ESC is left for the caller.
      return DisplayWidth.isControl(scalars[next]) ? next : next + 1
    }
  }

  /// Index just past a CSI's parameters, intermediates and final byte (0x40...0x7E).
  private static func endOfControlSequence(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var index = start
    while index < scalars.count {
      let v = scalars[index].value
      index += 1
      if (0x40...0x7E).contains(v) { return index }
      if !(0x20...0x3F).contains(v) { return index - 1 }  // malformed: stop before it
    }
    return index
  }

  /// Index just past a string sequence's terminator: BEL, ST (ESC \) or C1 ST.
  private static func endOfStringSequence(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var index = start
    while index < scalars.count {
      let v = scalars[index].value
      if v == 0x07 || v == 0x9C { return index + 1 }
      if v == 0x1B {
        return index + 1 < scalars.count && scalars[index + 1].value == 0x5C ? index + 2 : index + 1
      }
      index += 1
    }
    return index
  }
}
