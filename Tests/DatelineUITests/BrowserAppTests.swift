import Testing

@testable import DatelineUI

@Suite struct BrowserAppTests {
  @Test func quitKeysEndTheSession() {
    #expect(BrowserApp(timeline: Fixtures.timeline()).handle(.character("q")) == false)
    #expect(BrowserApp(timeline: Fixtures.timeline()).handle(.ctrl("c")) == false)
    #expect(BrowserApp(timeline: Fixtures.timeline()).handle(.character("j")) == true)
  }

  @Test func ctrlLRequestsOneRedraw() {
    let app = BrowserApp(timeline: Fixtures.timeline())
    #expect(app.takeRedrawRequest() == false)
    _ = app.handle(.ctrl("l"))
    #expect(app.takeRedrawRequest() == true)
    #expect(app.takeRedrawRequest() == false)
  }

  @Test func rendersAtAnySize() {
    let app = BrowserApp(timeline: Fixtures.timeline())
    for (w, h) in [(0, 0), (1, 1), (80, 24)] {
      let grid = app.render(width: w, height: h)
      #expect(grid.width == w && grid.height == h)
    }
  }
}
