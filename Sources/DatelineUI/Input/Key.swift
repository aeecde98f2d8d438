/// One input event, as the backend (or headless mode) delivers it.
public enum Key: Hashable, Sendable, CustomStringConvertible {
  /// A printable character, including space.
  case character(Character)
  case up, down, left, right
  case home, end, pageUp, pageDown
  case tab, backTab
  case enter, escape, backspace, delete
  /// Control plus a letter, lowercase: `.ctrl("c")`.
  case ctrl(Character)
  /// The terminal changed size.
  case resize(width: Int, height: Int)
  case mouse(MouseEvent)

  /// The key in headless notation: `j`, `<Enter>`, `<C-d>`, `<lt>`. `KeyNotation.parse` reads it back.
  public var description: String { KeyNotation.format(self) }
}

public struct MouseEvent: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case click
    case wheelUp
    case wheelDown
  }

  public var kind: Kind
  /// Column, from 0.
  public var x: Int
  /// Row, from 0.
  public var y: Int

  public init(_ kind: Kind, x: Int, y: Int) {
    self.kind = kind
    self.x = x
    self.y = y
  }
}
