import Foundation
import Testing

/// docs/dateline.1 is generated from the commands' help (swift-argument-parser's generate-manual
/// plugin). It must name every subcommand and every long option the binary has, so a new
/// command or option without a regenerated page fails here.
@Suite("Manual page")
struct ManualPageTests {
  static let regenerate =
    "regenerate it: swift package plugin generate-manual --configuration debug && cp .build/plugins/GenerateManual/outputs/dateline/dateline.1 docs/dateline.1"

  @Test func namesEverySubcommandAndOption() throws {
    let page = try String(
      contentsOf: CLI.packageRoot.appendingPathComponent("docs/dateline.1"), encoding: .utf8)
    let dump = try CLI.run(["--experimental-dump-help"])
    #expect(dump.status == 0)
    let root = try #require(try dump.jsonObject()["command"] as? [String: Any])
    var missing: [String] = []
    func visit(_ command: [String: Any]) {
      for argument in command["arguments"] as? [[String: Any]] ?? [] {
        guard argument["shouldDisplay"] as? Bool ?? true else { continue }
        for name in argument["names"] as? [[String: String]] ?? [] where name["kind"] == "long" {
          let option = name["name"] ?? ""
          if !page.contains("Fl -\(option)"), !page.contains(", -\(option)") {
            missing.append("--\(option)")
          }
        }
      }
      for subcommand in command["subcommands"] as? [[String: Any]] ?? [] {
        guard subcommand["shouldDisplay"] as? Bool ?? true else { continue }
        let name = subcommand["commandName"] as? String ?? ""
        if !page.contains(".It Em \(name)\n") { missing.append(name) }
        visit(subcommand)
      }
    }
    visit(root)
    #expect(missing.isEmpty, "docs/dateline.1 does not mention \(missing); \(Self.regenerate)")
  }
}
