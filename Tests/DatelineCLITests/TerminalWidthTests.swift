import Foundation
import Testing

/// On a terminal, long text wraps under its own column instead of running back to column 0.
/// Runs the binary on a pseudo-terminal with util-linux `script`.
@Suite("text on a terminal")
struct TerminalWidthTests {
  static let script = "/usr/bin/script"

  @Test(
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: script), "util-linux script is not installed"
    ))
  func longQuotesWrapUnderTheirColumn() throws {
    let binary = try CLI.binary().path.replacingOccurrences(of: "'", with: "'\\''")
    let result = try CLI.runProgram(
      URL(fileURLWithPath: Self.script),
      [
        "-q", "-c",
        "env COLUMNS=90 '\(binary)' --data '\(CLI.bundledData)' quotes --speaker macron",
        "/dev/null",
      ])
    #expect(result.status == 0, "\(result.stderr)")
    let text = result.stdout.replacingOccurrences(of: "\r", with: "")
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.count > 4, "the three Macron quotes wrap onto more lines: \(lines)")
    let quoteColumn = try #require(lines.first?.range(of: "QUOTE")).lowerBound
    let indent = lines[0].distance(from: lines[0].startIndex, to: quoteColumn)
    for line in lines {
      #expect(line.count <= 90, "fits the terminal: \(line)")
      if line.hasPrefix(" ") {
        #expect(line.prefix { $0 == " " }.count == indent, "continuation under QUOTE: \(line)")
      }
    }
  }
}
