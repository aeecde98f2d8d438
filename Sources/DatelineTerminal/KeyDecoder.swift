import CNcursesw
import DatelineUI

/// Turns what `wget_wch` returns into a `Key`.
///
/// Characters arrive with status `OK` (control bytes included, since the terminal is raw);
/// function keys, the mouse and resizes arrive as key codes with status `KEY_CODE_YES`.
enum KeyDecoder {
  /// A character read with status `OK`; nil for bytes that mean nothing to us.
  static func key(character code: Int32) -> Key? {
    switch code {
    case 13, 10: return .enter  // nonl: Enter sends CR
    case 9: return .tab
    case 27: return .escape
    case 127, 8: return .backspace  // terminals disagree on which one Backspace sends
    case 1...26:
      return .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))
    case 0..<32, 0x80..<0xA0:
      return nil  // other C0 and C1 controls: never printed, never a key
    default:
      guard code > 0, let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
      return .character(Character(scalar))
    }
  }

  /// A key code read with status `KEY_CODE_YES`. Resize and mouse need the screen's current
  /// state, which the caller passes in.
  static func key(
    code: Int32, size: () -> (width: Int, height: Int), mouse: () -> MouseEvent?
  ) -> Key? {
    switch code {
    case dl_key_up(): return .up
    case dl_key_down(): return .down
    case dl_key_left(): return .left
    case dl_key_right(): return .right
    case dl_key_home(), dl_key_a1(), dl_key_find(), dl_key_beg(): return .home
    case dl_key_end(), dl_key_c1(), dl_key_select(): return .end
    case dl_key_page_up(): return .pageUp
    case dl_key_page_down(): return .pageDown
    case dl_key_back_tab(): return .backTab
    case dl_key_enter(): return .enter
    case dl_key_backspace(): return .backspace
    case dl_key_delete(): return .delete
    case dl_key_resize():
      let current = size()
      return .resize(width: current.width, height: current.height)
    case dl_key_mouse():
      return mouse().map(Key.mouse)
    default:
      return nil
    }
  }

  /// The pending mouse event, if it is one we use (click, wheel).
  static func readMouse() -> MouseEvent? {
    var kind: Int32 = 0
    var x: Int32 = 0
    var y: Int32 = 0
    guard dl_read_mouse(&kind, &x, &y) != 0 else { return nil }
    return mouseEvent(kind: kind, x: x, y: y)
  }

  /// The event for what `dl_read_mouse` reports: kind 1 click, 2 wheel up, 3 wheel down; nil
  /// for any other button.
  static func mouseEvent(kind: Int32, x: Int32, y: Int32) -> MouseEvent? {
    switch kind {
    case 1: return MouseEvent(.click, x: Int(x), y: Int(y))
    case 2: return MouseEvent(.wheelUp, x: Int(x), y: Int(y))
    case 3: return MouseEvent(.wheelDown, x: Int(x), y: Int(y))
    default: return nil
    }
  }
}
