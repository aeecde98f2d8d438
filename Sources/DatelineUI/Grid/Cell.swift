/// One terminal column: a grapheme with its display width and style.
///
/// A wide grapheme (CJK, emoji) occupies two columns: the cell holding it has `width == 2` and
/// the cell to its right is a continuation (`width == 0`) that a backend must not draw.
public struct Cell: Hashable, Sendable {
  public var character: Character
  /// 1 for an ordinary cell, 2 for a wide grapheme, 0 for the right half of a wide grapheme.
  public var width: Int
  public var style: Style

  public init(_ character: Character = " ", width: Int = 1, style: Style = .plain) {
    self.character = character
    self.width = width
    self.style = style
  }

  public static let blank = Cell()

  public var isContinuation: Bool { width == 0 }

  static func continuation(style: Style) -> Cell { Cell(" ", width: 0, style: style) }
}
