import DatelineModel
import DatelineTestSupport
import Foundation
import Testing

@testable import DatelineUI

/// A store that stops answering (damaged or cut short under a running browser) shows empty rows;
/// the bottom line says why instead of leaving the reader with a blank list.
@Suite struct StoreProblemTests {
  @Test func aStoreThatFailsToAnswerSaysSoOnTheBottomLine() throws {
    let scratch = try ScratchDirectory("store-problem")
    defer { scratch.remove() }
    let (path, timeline) = try scratch.store(RandomDataset.make(seed: 7, quotes: 300))
    let app = BrowserApp(timeline: timeline, width: 100, height: 30)
    #expect(!app.render(width: 100, height: 30).plainText().contains("cannot read the store"))
    // Cut the file to its first page: every page not yet read is gone.
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: 4096)
    try handle.close()
    app.handle(.character("3"))
    app.handle(.character("G"))
    let screen = app.render(width: 100, height: 30).plainText()
    #expect(screen.contains("cannot read the store"), "\(screen)")
  }
}
