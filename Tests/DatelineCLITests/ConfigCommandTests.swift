import DatelineTestSupport
import Foundation
import Testing

/// Issue 10's configuration: `config.toml` under XDG_CONFIG_HOME, always a temporary one here.
@Suite("dateline config")
struct ConfigCommandTests {
  /// A temporary XDG_CONFIG_HOME holding `text` as dateline/config.toml (nil: no file).
  func configHome(_ text: String?) throws -> ScratchDirectory {
    let home = try ScratchDirectory("config")
    if let text { try home.write("dateline/config.toml", text) }
    return home
  }

  func run(_ arguments: [String], config text: String?) throws -> CLI.Result {
    let home = try configHome(text)
    defer { home.remove() }
    return try CLI.run(arguments, environment: ["XDG_CONFIG_HOME": home.url.path])
  }

  @Test func theDefaultFileParsesBackToTheDefaults() throws {
    let defaults = try CLI.run(["config", "--print-default"])
    #expect(defaults.status == 0)
    #expect(defaults.stdout.contains("[keys.browse]") && defaults.stdout.contains("[colors]"))
    #expect(defaults.stdout.contains("move-down = [\"j\", \"Down\"]"))
    #expect(defaults.stdout.contains("copy-quote = [\"y\"]"))
    // Written back as the configuration, it is valid and changes nothing on screen.
    let checked = try run(["config"], config: defaults.stdout)
    #expect(checked.status == 0, "\(checked.stderr)")
    #expect(checked.stdout.hasSuffix(": ok\n"))
    let plain = try CLI.run(["browse", "--screen", "100x30", "--keys", "?G"])
    let configured = try run(
      ["browse", "--screen", "100x30", "--keys", "?G"], config: defaults.stdout)
    #expect(configured.stdout == plain.stdout)
  }

  @Test func noFileMeansTheDefaults() throws {
    let result = try run(["config"], config: nil)
    #expect(result.status == 0)
    #expect(result.stdout.contains("not found; the defaults apply"))
    let path = try run(["config", "--path"], config: nil)
    #expect(path.stdout.hasSuffix("/dateline/config.toml\n"))
  }

  @Test func rebindingAKeyChangesTheHintsHelpAndMessages() throws {
    let config = """
      [keys.browse]
      search = ["f"]
      help = ["F1", "h"]
      previous-pane = ["Left"]
      """
    // "F1" is not a key we know: an error pointing at its line.
    let bad = try run(["browse", "--screen", "100x30"], config: config)
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("/dateline/config.toml:3:9: error: unknown key 'F1'"))
    let good = config.replacingOccurrences(of: "\"F1\", ", with: "")
    let screen = try run(["browse", "--screen", "100x30"], config: good)
    #expect(screen.status == 0, "\(screen.stderr)")
    #expect(screen.stdout.contains("f search") && screen.stdout.contains("h help"))
    #expect(!screen.stdout.contains("/ search"))
    let unbound = try run(["browse", "--screen", "100x30", "--keys", "/"], config: good)
    #expect(unbound.stdout.contains("/ does nothing here; press h for help"))
    let help = try run(["browse", "--screen", "100x100", "--keys", "h"], config: good)
    let searchLine = help.stdout.split(separator: "\n").first { $0.contains("Search the focused") }
    #expect(searchLine?.trimmingCharacters(in: .whitespaces).hasPrefix("f ") == true)
  }

  @Test func twoActionsOnOneKeyIsAnError() throws {
    let result = try run(
      ["events"],
      config: """
        # j for quitting, while move-down keeps j
        [keys.browse]
        quit = ["j"]
        """)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "config.toml:3:1: error: j is bound to both move-down and quit in [keys.browse]"))
  }

  @Test(arguments: [
    ("[keys.browse\nquit = [\"q\"]\n", ":1:", "error:"),
    ("[colors]\ndate = \"purple\"\n", ":2:1:", "unknown colour 'purple'"),
    ("[colors]\nselection = \"white on 300\"\n", ":2:1:", "not in 0...255"),
    ("[colors]\nsparkle = \"red\"\n", ":2:1:", "unknown colour role 'sparkle'"),
    ("[keys.browse]\nfly = [\"f\"]\n", ":2:1:", "unknown action 'fly'"),
    ("[keys.typing]\n", ":1:1:", "unknown key mode 'typing'"),
    ("[data]\npath = 3\n", ":2:1:", "data.path must be a non-empty string"),
    ("title = \"x\"\n", ":1:1:", "unknown section 'title'"),
  ])
  func badConfigurationsAreReportedWithTheirPlace(text: String, place: String, message: String)
    throws
  {
    let result = try run(["browse", "--screen", "80x24"], config: text)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("config.toml\(place)"), "\(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(!result.stderr.contains("Fatal error"))
  }

  @Test func colorsAcceptNamesNumbersAndBackgrounds() throws {
    let result = try run(
      ["config"],
      config: """
        [colors]
        date = "208"
        selection = "bright-white on 24"
        match = "default on yellow"
        """)
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test func theDataPathComesFromTheConfiguration() throws {
    let data = CLI.packageRoot.appendingPathComponent("data").path
    let elsewhere = FileManager.default.temporaryDirectory.path
    let home = try configHome("[data]\npath = \"\(data)\"\n")
    defer { home.remove() }
    let result = try CLI.run(
      ["events"], in: URL(fileURLWithPath: elsewhere),
      environment: ["XDG_CONFIG_HOME": home.url.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("starmer-meeting"))
  }

  @Test func searchPromptAndHelpKeysAreConfigurable() throws {
    let config = """
      [keys.search]
      submit = ["Tab"]
      [keys.help]
      close = ["x"]
      """
    let screen = try run(["browse", "--screen", "100x30", "--keys", "3/deal"], config: config)
    #expect(screen.stdout.contains("Tab keeps"))
    let help = try run(["browse", "--screen", "100x30", "--keys", "?"], config: config)
    #expect(help.stdout.contains("x close help"))
    let closed = try run(["browse", "--screen", "100x30", "--keys", "?x"], config: config)
    #expect(!closed.stdout.contains("Dateline keys"))
  }
}
