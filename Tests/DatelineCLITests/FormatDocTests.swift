import DatelineModel
import Foundation
import Testing

/// docs/FORMAT.md promises which dates Dateline reads; these tests hold the model to every
/// example in its tables, so the reference cannot drift from the code.
@Suite("docs/FORMAT.md examples")
struct FormatDocTests {
  static let document = CLI.packageRoot.appendingPathComponent("docs/FORMAT.md")

  /// The backticked examples in the first column of the table under `heading`.
  static func examples(under heading: String) throws -> [String] {
    let text = try String(contentsOf: document, encoding: .utf8)
    let lines = text.components(separatedBy: "\n")
    let start = try #require(lines.firstIndex(of: heading), "FORMAT.md has \(heading)")
    var examples: [String] = []
    var inTable = false
    for line in lines[(start + 1)...] {
      if line.hasPrefix("|") {
        inTable = true
        let firstCell = line.split(separator: "|", omittingEmptySubsequences: true).first ?? ""
        let parts = firstCell.split(separator: "`", omittingEmptySubsequences: false)
        // Odd-numbered parts are inside backticks.
        for (index, part) in parts.enumerated() where index % 2 == 1 {
          examples.append(String(part))
        }
      } else if inTable {
        break
      }
    }
    return examples
  }

  @Test func everyAcceptedExpressionResolves() throws {
    let examples = try Self.examples(under: "### Accepted expressions")
    #expect(examples.count > 40)
    let anchor = CivilDay(iso: "2025-02-24")!
    for example in examples {
      for tense in [Tense.future, .past, nil] {
        #expect(throws: Never.self, "'\(example)' (\(tense.map(\.rawValue) ?? "no tense"))") {
          _ = try DateResolver.resolve(example, tense: tense, anchor: anchor)
        }
      }
    }
  }

  @Test func documentedResolutionsHold() throws {
    let anchor = CivilDay(iso: "2025-02-24")!  // a Monday
    let cases: [(String, Tense?, String)] = [
      ("on Thursday", .future, "2025-02-27"),
      ("Thursday", .past, "2025-02-20"),
      ("on Monday", .past, "2025-02-24"),
      ("earlier in the day", nil, "2025-02-24"),
      ("the third anniversary of", nil, "2022-02-24"),
      ("in the next two weeks", .future, "2025-02-24/2025-03-10"),
      ("within weeks", .future, "2025-03~"),
    ]
    for (stated, tense, expected) in cases {
      let resolved = try DateResolver.resolve(stated, tense: tense, anchor: anchor)
      #expect(resolved.value.description == expected, "\(stated)")
    }
    #expect(try DateResolver.resolve("earlier in the day", anchor: anchor).sameDayOrder == -1)
    #expect(
      try DateResolver.resolve("on Thursday", tense: .future, anchor: anchor).explanation
        == "Thursday after Mon 2025-02-24")
  }

  @Test func everyEDTFExampleParses() throws {
    let examples = try Self.examples(under: "### EDTF strings")
    #expect(examples.count >= 10)
    for example in examples {
      #expect(throws: Never.self, "'\(example)'") { _ = try EDTFDate(parsing: example) }
    }
    #expect(throws: EDTFError.self) { _ = try EDTFDate(parsing: "2025-02-30") }
  }
}
