import Testing

@testable import DatelineUI

@Suite struct KeyNotationTests {
  @Test func parsesCharactersAndNamedForms() throws {
    let keys = try KeyNotation.parse("jj/deal<Enter><Tab><S-Tab><Up><Down><PgDn><BS><C-x><Esc>")
    #expect(
      keys == [
        .character("j"), .character("j"), .character("/"), .character("d"), .character("e"),
        .character("a"), .character("l"), .enter, .tab, .backTab, .up, .down, .pageDown,
        .backspace, .ctrl("x"), .escape,
      ])
  }

  @Test func parsesTheOtherForms() throws {
    let keys = try KeyNotation.parse(
      "<left><RIGHT><Home><End><PgUp><Del><Space><lt><gt><Resize:40x12><Click:3,4><WheelUp:1,2><WheelDown:0,0>"
    )
    #expect(
      keys == [
        .left, .right, .home, .end, .pageUp, .delete, .character(" "), .character("<"),
        .character(">"), .resize(width: 40, height: 12), .mouse(MouseEvent(.click, x: 3, y: 4)),
        .mouse(MouseEvent(.wheelUp, x: 1, y: 2)), .mouse(MouseEvent(.wheelDown, x: 0, y: 0)),
      ])
  }

  @Test func aLoneAngleBracketIsLiteral() throws {
    #expect(try KeyNotation.parse("<") == [.character("<")])
    #expect(try KeyNotation.parse("<>") == [.character("<"), .character(">")])
    #expect(
      try KeyNotation.parse("a< b") == [
        .character("a"), .character("<"), .character(" "), .character("b"),
      ])
  }

  @Test func unknownFormsAreErrorsNamingTheColumn() {
    #expect(throws: KeyNotation.ParseError(form: "<Foo>", column: 3)) {
      try KeyNotation.parse("ab<Foo>")
    }
    #expect(throws: KeyNotation.ParseError.self) { try KeyNotation.parse("<C-ab>") }
    #expect(throws: KeyNotation.ParseError.self) { try KeyNotation.parse("<Resize:x>") }
    let message = KeyNotation.ParseError(form: "<Foo>", column: 3).description
    #expect(
      message.contains("<Foo>") && message.contains("column 3") && message.contains("<Enter>"))
  }

  @Test func controlCharactersMapToKeys() {
    #expect(KeyNotation.key(for: "\u{03}") == .ctrl("c"))
    #expect(KeyNotation.key(for: "\r") == .enter)
    #expect(KeyNotation.key(for: "\u{7F}") == .backspace)
    #expect(KeyNotation.key(for: "\u{1B}") == .escape)
  }

  @Test func formattingRoundTrips() throws {
    let keys: [Key] = [
      .character("<"), .character("x"), .enter, .ctrl("d"), .backTab, .resize(width: 1, height: 1),
      .mouse(MouseEvent(.click, x: 2, y: 3)),
    ]
    let text = keys.map(KeyNotation.format).joined()
    #expect(try KeyNotation.parse(text) == keys)
  }
}
