import DatelineTestSupport
import Foundation
import Testing

/// Malformed data gets errors, never a crash: the bundled story cut short or with a byte changed,
/// at spread-out positions, always exits 1 with `PATH:LINE:COLUMN: error:` lines.
@Suite("malformed data never crashes")
struct MalformedDataTests {
  static let story = CLI.packageRoot.appendingPathComponent("data/seed-000.json")

  func expectCleanFailure(_ bytes: Data, label: String) throws {
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    let file = directory.url.appendingPathComponent("story.json")
    try bytes.write(to: file)
    let result = try CLI.run(["events", "--data", file.path])
    #expect(result.status == 1, "\(label): exit \(result.status), stderr: \(result.stderr)")
    let lines = result.stderr.split(separator: "\n")
    #expect(!lines.isEmpty, "\(label)")
    for line in lines {
      #expect(line.hasPrefix(file.path + ":") && line.contains(": error: "), "\(label): \(line)")
    }
    #expect(result.stdout.isEmpty, "\(label)")
  }

  @Test func truncatedFiles() throws {
    let data = try Data(contentsOf: Self.story)
    let cuts = stride(from: 1, to: data.count - 1, by: max(1, data.count / 24))
    for cut in cuts {
      try expectCleanFailure(data.prefix(cut), label: "cut at byte \(cut)")
    }
  }

  @Test func corruptedStructure() throws {
    let data = try Data(contentsOf: Self.story)
    // Structural characters replaced by others: each breaks syntax or shape somewhere.
    let replacements: [(UInt8, UInt8)] = [
      (UInt8(ascii: "{"), UInt8(ascii: "[")), (UInt8(ascii: "]"), UInt8(ascii: "}")),
      (UInt8(ascii: ":"), UInt8(ascii: ",")), (UInt8(ascii: "\""), UInt8(ascii: "'")),
    ]
    for (from, to) in replacements {
      let positions = data.indices.filter { data[$0] == from }
      for position in stride(from: 0, to: positions.count, by: max(1, positions.count / 4)) {
        var broken = data
        broken[positions[position]] = to
        try expectCleanFailure(
          broken,
          label:
            "byte \(positions[position]) \(Character(Unicode.Scalar(from)))→\(Character(Unicode.Scalar(to)))"
        )
      }
    }
  }
}
