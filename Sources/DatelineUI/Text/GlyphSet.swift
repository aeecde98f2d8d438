import DatelineModel
import Foundation

/// The glyphs the browser draws its own marks with, chosen once at start from the locale:
/// Unicode on a UTF-8 terminal, plain ASCII otherwise (`LC_ALL=C`, a Latin-1 terminal), so the
/// marks read `>`, `|`, `-` instead of the `?` curses draws for what the locale cannot show.
///
/// Views draw these; `CellGrid.transliterated()` then turns whatever non-ASCII text is left (data,
/// punctuation) into its nearest ASCII so nothing becomes `?` when it need not.
public struct GlyphSet: Hashable, Sendable {
  public var isASCII: Bool
  /// The selected row.
  public var selection: String
  /// The focused pane's title.
  public var focus: String
  /// An upcoming event.
  public var upcoming: String
  /// A vertical rule between columns.
  public var verticalRule: String
  /// A horizontal rule (the "as of" divider).
  public var horizontalRule: String
  /// Separates parts of a title: "Detail · event".
  public var dot: String
  /// The focused person, and their related actors, in People.
  public var focusedPerson: String
  public var relatedPerson: String
  /// The breadcrumb's home mark.
  public var home: String
  /// Rows hidden above and below a list: "↑ 5", "↓ 3".
  public var above: String
  public var below: String
  /// The time strip's bars, lowest to highest (index 0 is an empty bin).
  public var bars: [String]
  /// The time strip's marks for the "as of" day and the selected event.
  public var asOfMark: String
  public var selectedMark: String

  public static let unicode = GlyphSet(
    isASCII: false, selection: "▸", focus: "▶", upcoming: "»", verticalRule: "│",
    horizontalRule: "─", dot: "·", focusedPerson: "●", relatedPerson: "↳", home: "⌂",
    above: "↑", below: "↓", bars: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
    asOfMark: "┆", selectedMark: "▼")

  public static let ascii = GlyphSet(
    isASCII: true, selection: ">", focus: ">", upcoming: ">", verticalRule: "|",
    horizontalRule: "-", dot: "-", focusedPerson: "*", relatedPerson: "+", home: "~",
    above: "^", below: "v", bars: [" ", ".", ".", ":", ":", "|", "|", "#", "#"],
    asOfMark: "!", selectedMark: "v")

  /// One cell for an event's status; the help screen's legend lists them.
  public func status(_ status: EventStatus) -> String {
    switch status {
    case .occurred: isASCII ? "*" : "●"
    case .scheduled: isASCII ? "+" : "◆"
    case .expected: isASCII ? "o" : "○"
    case .predicted: isASCII ? "?" : "◌"
    }
  }

  /// The glyph set for a locale named by the environment (`LC_ALL`, then `LC_CTYPE`, then
  /// `LANG`, as the C library reads them): Unicode when that locale is UTF-8. With none set,
  /// `unset` decides (the terminal backend asks the C library instead).
  public static func forLocale(environment: [String: String], unset: GlyphSet = .unicode)
    -> GlyphSet
  {
    for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
      guard let value = environment[name], !value.isEmpty else { continue }
      return isUTF8(localeName: value) ? .unicode : .ascii
    }
    return unset
  }

  /// True for "en_US.UTF-8", "C.utf8", "de_DE.UTF-8@euro".
  public static func isUTF8(localeName: String) -> Bool {
    let lowered = localeName.lowercased()
    return lowered.contains("utf-8") || lowered.contains("utf8")
  }
}

extension CellGrid {
  /// The grid with every non-ASCII character replaced by its nearest ASCII: box drawing by
  /// `|`, `-`, `+`; dashes, quotes and arrows by their plain forms; accented letters by the
  /// letter; anything else by `?` in each column it used, so columns stay where they were.
  public func transliterated() -> CellGrid {
    var copy = self
    copy.transliterate()
    return copy
  }

  mutating func transliterate() {
    for index in cells.indices {
      let cell = cells[index]
      if cell.isContinuation {
        cells[index] = Cell("?", width: 1, style: cell.style)
        continue
      }
      guard let first = cell.character.unicodeScalars.first, !first.isASCII else { continue }
      cells[index] = Cell(
        cell.width == 2 ? "?" : Transliteration.ascii(for: cell.character), width: 1,
        style: cell.style)
    }
  }
}

enum Transliteration {
  static let table: [Character: Character] = [
    "│": "|", "┆": "!", "─": "-", "┼": "+", "┬": "+", "┴": "+", "├": "+", "┤": "+",
    "▸": ">", "▶": ">", "»": ">", "«": "<", "›": ">", "‹": "<", "→": ">", "←": "<",
    "↑": "^", "↓": "v", "▲": "^", "▼": "v", "↳": "+", "●": "*", "◆": "+", "○": "o", "◌": "?",
    "⌂": "~", "·": "-", "•": "*", "…": "~", "–": "-", "—": "-", "‐": "-", "−": "-",
    "“": "\"", "”": "\"", "„": "\"", "‘": "'", "’": "'", "‚": "'", "′": "'", "″": "\"",
    "▁": ".", "▂": ".", "▃": ":", "▄": ":", "▅": "|", "▆": "|", "▇": "#", "█": "#",
    "\u{00A0}": " ", "×": "x", "ß": "s", "æ": "a", "Æ": "A", "ø": "o", "Ø": "O", "đ": "d",
    "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "œ": "o", "Œ": "O",
  ]

  /// One ASCII character for `character`: from the table, else its base letter with accents
  /// removed (é -> e), else "?".
  static func ascii(for character: Character) -> Character {
    if let mapped = table[character] { return mapped }
    for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars
    where scalar.isASCII && scalar.value >= 0x20 {
      return Character(scalar)
    }
    return "?"
  }
}
