import CNcursesw
import DatelineUI
import Testing

@testable import DatelineTerminal

/// What `wget_wch` hands the backend, turned into keys. No curses screen is needed: the key
/// codes are constants and resize/mouse state is passed in.
@Suite("key decoder")
struct KeyDecoderTests {
  private func function(_ code: Int32) -> Key? {
    KeyDecoder.key(code: code, size: { (width: 100, height: 30) }, mouse: { nil })
  }

  @Test(arguments: [
    (Int32(UInt8(ascii: "j")), Character("j")),
    (Int32(UInt8(ascii: " ")), Character(" ")),
    (Int32(UInt8(ascii: "<")), Character("<")),
    (Int32(UInt8(ascii: "/")), Character("/")),
    (Int32(0xE9), Character("é")),
    (Int32(0x4E2D), Character("中")),
    (Int32(0x1F600), Character("😀")),
  ])
  func printableCharactersBecomeCharacterKeys(code: Int32, expected: Character) {
    #expect(KeyDecoder.key(character: code) == .character(expected))
  }

  @Test func enterArrivesAsCarriageReturnOrLineFeed() {
    #expect(KeyDecoder.key(character: 13) == .enter)
    #expect(KeyDecoder.key(character: 10) == .enter)
    #expect(function(dl_key_enter()) == .enter)
  }

  @Test func tabEscapeAndBackspaceBytes() {
    #expect(KeyDecoder.key(character: 9) == .tab)
    #expect(KeyDecoder.key(character: 27) == .escape)
    #expect(KeyDecoder.key(character: 127) == .backspace)
    #expect(KeyDecoder.key(character: 8) == .backspace)
    #expect(function(dl_key_backspace()) == .backspace)
  }

  @Test func controlLettersBecomeCtrlKeys() {
    #expect(KeyDecoder.key(character: 1) == .ctrl("a"))
    #expect(KeyDecoder.key(character: 3) == .ctrl("c"))
    #expect(KeyDecoder.key(character: 4) == .ctrl("d"))
    #expect(KeyDecoder.key(character: 12) == .ctrl("l"))
    #expect(KeyDecoder.key(character: 21) == .ctrl("u"))
    #expect(KeyDecoder.key(character: 26) == .ctrl("z"))
  }

  @Test(arguments: [Int32(0), 28, 29, 30, 31, 0x80, 0x9B, 0x9F, -1])
  func otherControlBytesAreDropped(code: Int32) {
    #expect(KeyDecoder.key(character: code) == nil)
  }

  @Test func arrowsAndPagingKeys() {
    #expect(function(dl_key_up()) == .up)
    #expect(function(dl_key_down()) == .down)
    #expect(function(dl_key_left()) == .left)
    #expect(function(dl_key_right()) == .right)
    #expect(function(dl_key_page_up()) == .pageUp)
    #expect(function(dl_key_page_down()) == .pageDown)
    #expect(function(dl_key_back_tab()) == .backTab)
    #expect(function(dl_key_delete()) == .delete)
  }

  @Test func homeAndEndIncludingKeypadAndFindSelectVariants() {
    for code in [dl_key_home(), dl_key_a1(), dl_key_find(), dl_key_beg()] {
      #expect(function(code) == .home, "code \(code)")
    }
    for code in [dl_key_end(), dl_key_c1(), dl_key_select()] {
      #expect(function(code) == .end, "code \(code)")
    }
  }

  @Test func resizeReportsTheScreenSizeAtThatMoment() {
    let key = KeyDecoder.key(
      code: dl_key_resize(), size: { (width: 57, height: 13) }, mouse: { nil })
    #expect(key == .resize(width: 57, height: 13))
  }

  @Test func mouseKeyCarriesTheEventOrNothing() {
    let click = MouseEvent(.click, x: 4, y: 7)
    #expect(
      KeyDecoder.key(code: dl_key_mouse(), size: { (1, 1) }, mouse: { click }) == .mouse(click))
    #expect(KeyDecoder.key(code: dl_key_mouse(), size: { (1, 1) }, mouse: { nil }) == nil)
  }

  @Test func mouseKindsMapToClickAndWheel() {
    #expect(KeyDecoder.mouseEvent(kind: 1, x: 3, y: 9) == MouseEvent(.click, x: 3, y: 9))
    #expect(KeyDecoder.mouseEvent(kind: 2, x: 0, y: 1) == MouseEvent(.wheelUp, x: 0, y: 1))
    #expect(KeyDecoder.mouseEvent(kind: 3, x: 5, y: 2) == MouseEvent(.wheelDown, x: 5, y: 2))
    #expect(KeyDecoder.mouseEvent(kind: 0, x: 5, y: 2) == nil)
    #expect(KeyDecoder.mouseEvent(kind: 9, x: 5, y: 2) == nil)
  }

  @Test func unknownKeyCodesAreDropped() {
    // F1 (KEY_F0 + 1 = 0o411) and KEY_IC (insert, 0o513) are not bound.
    #expect(function(0o411) == nil)
    #expect(function(0o513) == nil)
  }
}
