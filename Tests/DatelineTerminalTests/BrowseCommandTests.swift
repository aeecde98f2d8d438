import DatelineTestSupport
import Foundation
import Testing

/// `dateline browse` and plain `dateline` without a terminal: text output, headless screens and
/// usage errors. Runs the built binary with pipes.
@Suite("browse without a terminal")
struct BrowseCommandTests {
  let data = ["--data", BuiltBinary.bundledData]

  @Test func plainDatelineWithoutATerminalPrintsTheTimeline() async throws {
    let result = try await BuiltBinary.run(data)
    #expect(result.status == 0)
    #expect(result.output.contains("as of Mon 24 Feb 2025"))
    #expect(result.output.contains("HEADLINE"))
    #expect(!result.output.contains("\u{1B}"), "escape sequences in piped output")
    #expect(result.error.isEmpty)
  }

  @Test func browseWithoutATerminalPrintsTheTimelineToo() async throws {
    let plain = try await BuiltBinary.run(data)
    let browse = try await BuiltBinary.run(["browse"] + data)
    #expect(browse.status == 0)
    #expect(browse.output == plain.output)
  }

  @Test func headlessModePrintsTheFinalScreen() async throws {
    let result = try await BuiltBinary.run(
      ["browse", "--screen", "100x30", "--keys", "3/deal"] + data)
    #expect(result.status == 0)
    let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count >= 30)
    #expect(lines[0].contains("Dateline │"))
    #expect(result.output.contains("▶ Quotes /deal"))
    #expect(result.output.contains("make a deal"))
    #expect(lines.allSatisfy { $0.count <= 100 })
  }

  @Test func headlessModeRendersTinyScreens() async throws {
    for size in ["1x1", "2x2", "10x3", "40x12"] {
      let result = try await BuiltBinary.run(
        ["browse", "--screen", size, "--keys", "jj/a<Tab>?"] + data)
      #expect(result.status == 0, "at \(size): \(result.error)")
    }
  }

  @Test(arguments: ["100", "0x10", "axb", "100x30x2", "-5x10", "5000x10"])
  func aBadScreenSizeIsAUsageError(size: String) async throws {
    let result = try await BuiltBinary.run(["browse", "--screen=\(size)", "--keys", "j"] + data)
    #expect(result.status == 2)
    #expect(result.error.contains("--screen"))
    #expect(result.error.contains("WIDTHxHEIGHT"))
    #expect(result.output.isEmpty)
  }

  @Test func aBadKeyIsAUsageErrorNamingIt() async throws {
    let result = try await BuiltBinary.run(
      ["browse", "--screen", "80x24", "--keys", "jj<Nope>"] + data)
    #expect(result.status == 2)
    #expect(result.error.contains("<Nope>"))
    #expect(result.error.contains("column 3"))
  }

  @Test func aBrokenDatasetFailsBeforeTheTerminalIsTouched() async throws {
    let scratch = try ScratchDirectory("terminal")
    defer { scratch.remove() }
    let path = try scratch.write("broken.json", #"{"format": "dateline/1", "events": [}"#)
    let result = try await BuiltBinary.run(["browse", "--data", path])
    #expect(result.status == 1)
    #expect(result.error.contains("\(path):1:"))
    #expect(result.output.isEmpty)
  }

  @Test func printKeysListsEveryActionOfTheHelpScreen() async throws {
    let result = try await BuiltBinary.run(["browse", "--print-keys"])
    #expect(result.status == 0)
    #expect(result.output.hasPrefix("| Keys | Action |"))
    for expected in [
      "`j` `Down`", "`Tab` `Right` `l`", "`/`", "`?`", "`q`", "`Ctrl-c`", "`<` `Backspace`",
    ] {
      #expect(result.output.contains(expected), "missing \(expected)")
    }
  }

  @Test func readmeKeysTableMatchesTheKeymap() async throws {
    let readme = try String(
      contentsOf: BuiltBinary.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let begin = try #require(
      readme.range(of: "<!-- keys:begin"), "README lost its keys:begin marker")
    let end = try #require(readme.range(of: "<!-- keys:end -->"), "README lost its keys:end marker")
    let afterMarker = try #require(readme[begin.upperBound...].firstIndex(of: "\n"))
    let table = readme[readme.index(after: afterMarker)..<end.lowerBound]
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let generated = try await BuiltBinary.run(["browse", "--print-keys"]).output
      .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(
      table == generated,
      "README's keys table is out of date: paste the output of `dateline browse --print-keys` between the keys:begin and keys:end markers"
    )
  }
}
