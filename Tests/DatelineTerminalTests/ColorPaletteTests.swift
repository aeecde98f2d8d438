import CNcursesw
import DatelineUI
import Testing

@testable import DatelineTerminal

@Suite("color palette")
struct ColorPaletteTests {
  @Test func colorOnlyWhenTheTerminalHasItAndNoColorIsUnsetOrEmpty() {
    #expect(ColorPalette.wantsColor(environment: [:], terminalHasColors: true))
    #expect(ColorPalette.wantsColor(environment: ["NO_COLOR": ""], terminalHasColors: true))
    #expect(!ColorPalette.wantsColor(environment: ["NO_COLOR": "1"], terminalHasColors: true))
    #expect(!ColorPalette.wantsColor(environment: [:], terminalHasColors: false))
    #expect(!ColorPalette.wantsColor(environment: ["NO_COLOR": ""], terminalHasColors: false))
  }

  @Test func monochromeUsesAttributesOnlyAndNoPair() {
    let palette = ColorPalette.monochrome
    #expect(!palette.usesColor)
    for role in ColorRole.allCases {
      let mapped = palette.attributes(for: Style([.reverse, .bold], role: role))
      #expect(mapped.pair == 0, "\(role)")
      // Without a color bar, reverse video must stay: it is what marks the selection.
      #expect(mapped.attributes == dl_attr_reverse() | dl_attr_bold(), "\(role)")
    }
  }

  @Test func eachTextAttributeMapsToItsCursesAttribute() {
    #expect(ColorPalette.curses([]) == dl_attr_normal())
    #expect(ColorPalette.curses(.bold) == dl_attr_bold())
    #expect(ColorPalette.curses(.reverse) == dl_attr_reverse())
    #expect(ColorPalette.curses(.underline) == dl_attr_underline())
    #expect(ColorPalette.curses(.dim) == dl_attr_dim())
    #expect(
      ColorPalette.curses([.bold, .dim, .underline])
        == dl_attr_bold() | dl_attr_dim() | dl_attr_underline())
  }
}
