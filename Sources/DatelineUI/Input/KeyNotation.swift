/// Key sequences as typed in `dateline browse --keys`: plain characters stand for themselves,
/// special keys are written in angle brackets (Vim style).
///
/// `jj/deal<Enter><Tab><S-Tab><Up><Down><PgDn><BS><C-x><Esc>`; `<lt>` is a literal `<`, and a
/// `<` that does not start a `<Name>` form is literal too, so `<` alone still means "back".
/// Also: `<Left> <Right> <Home> <End> <PgUp> <Del> <Space> <gt> <Resize:80x24> <Click:x,y>
/// <WheelUp:x,y> <WheelDown:x,y>`. Names are case-insensitive.
public enum KeyNotation {
  public struct ParseError: Error, Equatable, CustomStringConvertible {
    /// The form as written, e.g. "<Foo>".
    public var form: String
    /// Character offset of the form in the input, from 1.
    public var column: Int

    public var description: String {
      "unknown key \(form) at column \(column) of --keys; use a character or one of "
        + KeyNotation.knownForms
    }
  }

  public static let knownForms =
    "<Enter> <Esc> <Tab> <S-Tab> <Up> <Down> <Left> <Right> <Home> <End> <PgUp> <PgDn> <BS> "
    + "<Del> <Space> <lt> <gt> <C-x> <Resize:WxH> <Click:x,y> <WheelUp:x,y> <WheelDown:x,y>"

  private static let named: [String: Key] = [
    "enter": .enter, "cr": .enter, "return": .enter, "esc": .escape, "escape": .escape,
    "tab": .tab, "s-tab": .backTab, "backtab": .backTab, "up": .up, "down": .down,
    "left": .left, "right": .right, "home": .home, "end": .end, "pgup": .pageUp,
    "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "bs": .backspace,
    "backspace": .backspace, "del": .delete, "delete": .delete, "space": .character(" "),
    "lt": .character("<"), "gt": .character(">"),
  ]

  public static func parse(_ text: String) throws(ParseError) -> [Key] {
    var keys: [Key] = []
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "<", let close = formEnd(characters, from: index) {
        let name = String(characters[(index + 1)..<close])
        guard let key = key(named: name) else {
          throw ParseError(form: "<\(name)>", column: index + 1)
        }
        keys.append(key)
        index = close + 1
        continue
      }
      keys.append(key(for: character))
      index += 1
    }
    return keys
  }

  /// The key for one typed character: control characters map to their key.
  public static func key(for character: Character) -> Key {
    switch character {
    case "\r", "\n", "\r\n": return .enter
    case "\t": return .tab
    case "\u{1B}": return .escape
    case "\u{7F}", "\u{08}": return .backspace
    default:
      if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
        scalar.value >= 1, scalar.value <= 26
      {
        return .ctrl(Character(Unicode.Scalar(scalar.value + 0x60)!))
      }
      return .character(character)
    }
  }

  /// Index of the ">" closing a `<Name>` form starting at `start`, if the text there is one.
  private static func formEnd(_ characters: [Character], from start: Int) -> Int? {
    var index = start + 1
    while index < characters.count {
      let character = characters[index]
      if character == ">" { return index > start + 1 ? index : nil }
      guard
        character.isLetter || character.isNumber || character == "-" || character == ":"
          || character == "," || character == "_"
      else { return nil }
      index += 1
    }
    return nil
  }

  private static func key(named name: String) -> Key? {
    let lower = name.lowercased()
    if let key = named[lower] { return key }
    if lower.hasPrefix("c-"), lower.count == 3, let letter = lower.last, letter.isASCII,
      letter.isLetter
    {
      return .ctrl(letter)
    }
    let parts = lower.split(separator: ":", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { return nil }
    switch parts[0] {
    case "resize":
      let size = parts[1].split(separator: "x").compactMap { Int($0) }
      guard size.count == 2, size[0] >= 0, size[1] >= 0 else { return nil }
      return .resize(width: size[0], height: size[1])
    case "click", "wheelup", "wheeldown":
      let point = parts[1].split(separator: ",").compactMap { Int($0) }
      guard point.count == 2 else { return nil }
      let kind: MouseEvent.Kind =
        parts[0] == "click" ? .click : parts[0] == "wheelup" ? .wheelUp : .wheelDown
      return .mouse(MouseEvent(kind, x: point[0], y: point[1]))
    default:
      return nil
    }
  }

  /// The notation for one key, the inverse of `parse`.
  public static func format(_ key: Key) -> String {
    switch key {
    case .character("<"): return "<lt>"
    case .character(" "): return "<Space>"
    case .character(let c): return String(c)
    case .up: return "<Up>"
    case .down: return "<Down>"
    case .left: return "<Left>"
    case .right: return "<Right>"
    case .home: return "<Home>"
    case .end: return "<End>"
    case .pageUp: return "<PgUp>"
    case .pageDown: return "<PgDn>"
    case .tab: return "<Tab>"
    case .backTab: return "<S-Tab>"
    case .enter: return "<Enter>"
    case .escape: return "<Esc>"
    case .backspace: return "<BS>"
    case .delete: return "<Del>"
    case .ctrl(let c): return "<C-\(c)>"
    case .resize(let w, let h): return "<Resize:\(w)x\(h)>"
    case .mouse(let event):
      let kind =
        switch event.kind {
        case .click: "Click"
        case .wheelUp: "WheelUp"
        case .wheelDown: "WheelDown"
        }
      return "<\(kind):\(event.x),\(event.y)>"
    }
  }

  /// How a key reads in the help screen and hint line: "j", "Up", "Ctrl-d", "Shift-Tab".
  public static func label(_ key: Key) -> String {
    switch key {
    case .character(" "): return "Space"
    case .character(let c): return String(c)
    case .up: return "Up"
    case .down: return "Down"
    case .left: return "Left"
    case .right: return "Right"
    case .home: return "Home"
    case .end: return "End"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .tab: return "Tab"
    case .backTab: return "Shift-Tab"
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .backspace: return "Backspace"
    case .delete: return "Delete"
    case .ctrl(let c): return "Ctrl-\(c)"
    case .resize: return "Resize"
    case .mouse(let event):
      switch event.kind {
      case .click: return "Click"
      case .wheelUp: return "Wheel up"
      case .wheelDown: return "Wheel down"
      }
    }
  }
}
