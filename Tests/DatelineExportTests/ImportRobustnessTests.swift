import DatelineExport
import DatelineModel
import DatelineTestSupport
import Testing

/// Mangled TimelineJS input never traps the reader: every input either reads into a dataset the
/// model accepts, or fails with located diagnostics.
@Suite("TimelineJS import robustness")
struct ImportRobustnessTests {
  static func mutate(_ bytes: [UInt8], _ generator: inout SeededGenerator) -> [UInt8] {
    var bytes = bytes
    let interesting: [UInt8] =
      Array("{}[]\",:\\0123456789-.\r\n\u{7F}".utf8) + [0x00, 0xC3, 0xA9, 0xFF]
    for _ in 0..<Int.random(in: 1...6, using: &generator) {
      guard !bytes.isEmpty else { break }
      let index = Int.random(in: 0..<bytes.count, using: &generator)
      switch Int.random(in: 0..<4, using: &generator) {
      case 0: bytes[index] = interesting.randomElement(using: &generator) ?? 0
      case 1: bytes.remove(at: index)
      case 2: bytes.insert(interesting.randomElement(using: &generator) ?? 0, at: index)
      default: bytes = Array(bytes[..<index])
      }
    }
    return bytes
  }

  @Test(arguments: [ExportFormat.timelinejs, .timelinejsCSV])
  func mangledInputReadsOrFailsWithLocations(format: ExportFormat) throws {
    let original = Array(Exporter.export(try ExportFixtures.timeline(), to: format).utf8)
    var generator = SeededGenerator(seed: format == .timelinejs ? 10 : 11)
    var read = 0
    var refused = 0
    for _ in 0..<200 {
      let input = Self.mutate(original, &generator)
      do {
        let dataset = try TimelineJSImport.read(input, path: "mangled")
        try Timeline.check(dataset)
        read += 1
      } catch {
        #expect(!error.diagnostics.isEmpty)
        for diagnostic in error.diagnostics {
          #expect(diagnostic.path == "mangled")
          #expect(diagnostic.line >= 1, "\(diagnostic)")
        }
        refused += 1
      }
    }
    #expect(read > 0)
    #expect(refused > 0)
  }
}
