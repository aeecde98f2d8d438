import Foundation
import Testing

/// The README's opening sample is real: every line shown after `$ swift run dateline ...` there is
/// a line that command prints today ("..." marks lines left out). Only the introduction, before
/// the first `##` heading, is checked; the browser's screens further down are checked by their
/// own golden tests.
@Suite("README samples")
struct ReadmeTests {
  @Test func sampleOutputMatchesTheCommands() throws {
    let readme = try String(
      contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    var samples: [(arguments: [String], lines: [String])] = []
    var inCodeBlock = false
    var collecting = false
    for line in readme.components(separatedBy: "\n") {
      if line.hasPrefix("## ") { break }
      if line.hasPrefix("```") {
        inCodeBlock.toggle()
        collecting = false
      } else if inCodeBlock, line.hasPrefix("$ swift run dateline") {
        let command = line.dropFirst("$ swift run dateline".count)
        samples.append((command.split(separator: " ").map(String.init), []))
        collecting = true
      } else if collecting, !line.isEmpty, line != "..." {
        samples[samples.count - 1].lines.append(line)
      } else if line.isEmpty {
        collecting = false
      }
    }
    #expect(samples.count >= 2)
    for sample in samples {
      let result = try CLI.run(sample.arguments)
      #expect(result.status == 0)
      let printed = Set(result.stdout.components(separatedBy: "\n"))
      for line in sample.lines {
        #expect(
          printed.contains(line),
          "`dateline \(sample.arguments.joined(separator: " "))` prints: \(line)")
      }
    }
  }
}
