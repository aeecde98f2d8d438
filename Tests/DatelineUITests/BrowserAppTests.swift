import Testing

@testable import DatelineUI

@Suite struct BrowserAppTests {
  @Test func quitKeysEndTheSession() {
    #expect(BrowserApp().handle(.character("q")) == false)
    #expect(BrowserApp().handle(.ctrl("c")) == false)
    #expect(BrowserApp().handle(.character("j")) == true)
  }

  @Test func ctrlLRequestsOneRedraw() {
    let app = BrowserApp()
    #expect(app.takeRedrawRequest() == false)
    _ = app.handle(.ctrl("l"))
    #expect(app.takeRedrawRequest() == true)
    #expect(app.takeRedrawRequest() == false)
  }

  @Test func rendersAtAnySize() {
    let app = BrowserApp()
    for (w, h) in [(0, 0), (1, 1), (80, 24)] {
      let grid = app.render(width: w, height: h)
      #expect(grid.width == w && grid.height == h)
    }
  }
}
