// Fuzz target: the key decoder and the browser behind it. The first two bytes pick a screen
// size (0x0 to 300x100); the rest is read three ways: as 32-bit codes through KeyDecoder (what
// curses hands the terminal backend), as key notation (`--keys`), and the keys that result
// drive a headless browser that renders after every key. Oracles: the grid always has the
// size asked for, and no control character reaches a cell.
import DatelineModel
import DatelineUI

@testable import DatelineTerminal

let timeline: Timeline = {
  let source = Source(id: "s", publisher: "P", title: "T", published: "2025-02-24T10:00:00Z")
  let actors = [
    Actor(id: "a", name: "Ana Lee", kind: .person, role: "Mayor"),
    Actor(id: "b", name: "Bo 日本", kind: .person),
  ]
  let events = (0..<6).map { index in
    Event(
      id: "e\(index)", headline: "Event \(index) ‘quoted’", summary: "Summary \(index)",
      date: .edtf("2025-02-2\(index)"), status: .occurred, participants: ["a", "b"],
      provenance: Provenance(source: "s", paragraph: 1))
  }
  let quotes = (0..<6).map { index in
    Quote(
      id: "q\(index)", text: "We will deal \(index)", speaker: index % 2 == 0 ? "a" : "b",
      event: "e\(index)", kind: .full, provenance: Provenance(source: "s", paragraph: 2))
  }
  let dataset = Dataset(
    title: "Fuzz", sources: [source], actors: actors, events: events, quotes: quotes)
  return try! Timeline(dataset: dataset)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeys(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard bytes.count >= 2 else { return 0 }
  let width = Int(bytes[0]) * 300 / 255
  let height = Int(bytes[1]) * 100 / 255
  var keys: [Key] = []
  var index = 2
  while index + 4 <= bytes.count && keys.count < 200 {
    let code = Int32(bitPattern: UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
      | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24)
    if let key = KeyDecoder.key(character: code) { keys.append(key) }
    if let key = KeyDecoder.key(
      code: code, size: { (width, height) }, mouse: { KeyDecoder.mouseEvent(kind: code, x: code & 0xFF, y: code >> 8) })
    {
      keys.append(key)
    }
    index += 4
  }
  if let notation = try? KeyNotation.parse(String(decoding: bytes.dropFirst(2), as: UTF8.self)) {
    keys += notation.prefix(200)
  }
  let app = BrowserApp(timeline: timeline, width: width, height: height)
  var (w, h) = (width, height)
  for key in keys {
    if case .resize(let newWidth, let newHeight) = key { (w, h) = (newWidth, newHeight) }
    guard app.handle(key) else { break }
    let grid = app.render(width: w, height: h)
    guard grid.width == max(0, w), grid.height == max(0, h) else {
      fatalError("grid \(grid.width)x\(grid.height) for \(w)x\(h)")
    }
  }
  return 0
}
