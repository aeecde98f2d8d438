import Foundation
import Testing

/// Golden screens: text files under Tests/DatelineUITests/Goldens, compared exactly.
///
/// `DATELINE_UPDATE_GOLDENS=1 swift test --filter GoldenTests` rewrites them; review the diff
/// before committing. A missing golden fails (it is never created silently).
enum Golden {
  static var directory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Goldens")
  }

  static var isUpdating: Bool {
    ProcessInfo.processInfo.environment["DATELINE_UPDATE_GOLDENS"] == "1"
  }

  static func check(
    _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let url = directory.appendingPathComponent(name + ".txt")
    let text = actual + "\n"
    if isUpdating {
      do {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
      } catch {
        Issue.record("could not write golden \(url.path): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let data = FileManager.default.contents(atPath: url.path),
      let expected = String(data: data, encoding: .utf8)
    else {
      Issue.record(
        "missing golden \(url.path); create it with DATELINE_UPDATE_GOLDENS=1 swift test --filter GoldenTests",
        sourceLocation: sourceLocation)
      return
    }
    guard expected != text else { return }
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line =
      zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(expectedLines.count, actualLines.count)
    let want = line < expectedLines.count ? String(expectedLines[line]) : "<end>"
    let got = line < actualLines.count ? String(actualLines[line]) : "<end>"
    Issue.record(
      """
      screen differs from golden \(name).txt at line \(line + 1):
        expected: \(want)
        actual:   \(got)
      Whole screen:
      \(actual)
      If the change is intended: DATELINE_UPDATE_GOLDENS=1 swift test --filter GoldenTests, then review the diff.
      """, sourceLocation: sourceLocation)
  }
}
