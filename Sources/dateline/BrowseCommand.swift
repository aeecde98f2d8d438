import ArgumentParser
import DatelineModel
import DatelineTerminal
import DatelineUI
import Foundation

/// `dateline browse`: the full-screen browser, or with `--screen`/`--keys` the same screens
/// rendered headless and printed as text. Plain `dateline` runs this too.
struct BrowseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "browse",
    abstract: "Browse the story full-screen: events, people and quotes, linked.",
    discussion: """
      Press ? in the browser for every key. When standard input or output is not a terminal \
      (or TERM is dumb), prints the timeline as text instead.

      Headless mode renders through the same path as the terminal and prints the final screen: \
      dateline browse --screen 100x30 --keys '2j<Enter>]'. Keys are typed characters plus \
      \(KeyNotation.knownForms).
      """
  )

  @OptionGroup var dataOptions: DataOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Headless: render at this size and print the final screen as text (default 80x24).",
      valueName: "WxH"))
  var screen: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Headless: the keys to apply before printing, e.g. '/deal<Enter>'.", valueName: "KEYS"))
  var keys: String?

  @Flag(name: .customLong("print-keys"), help: "Print the key bindings as a Markdown table.")
  var printKeys = false

  static let defaultScreen = (width: 80, height: 24)

  func validate() throws {
    if let screen, HeadlessSession.parseScreenSize(screen) == nil {
      throw ValidationError(
        "--screen \(Output.clean(screen)) is not a size; write WIDTHxHEIGHT, each 1...1000, e.g. --screen 100x30"
      )
    }
    if let keys {
      do {
        _ = try KeyNotation.parse(keys)
      } catch {
        throw ValidationError(Output.clean(error.description))
      }
    }
  }

  func run() throws {
    if printKeys {
      Output.write(KeyTable.markdown(.standard))
      return
    }
    // The configuration first: a bad one is an error even when the data is fine.
    let configuration = try Configuration.load(environment: CommandContext.current.environment)
    if screen != nil || keys != nil {
      let timeline = try dataOptions.loadTimeline()
      let size = screen.flatMap(HeadlessSession.parseScreenSize) ?? Self.defaultScreen
      let parsed = (try? KeyNotation.parse(keys ?? "")) ?? []
      // Headless output follows the locale too: ASCII when it names one without UTF-8.
      let glyphs = GlyphSet.forLocale(environment: CommandContext.current.environment)
      Output.write(
        HeadlessSession.run(
          timeline: timeline, width: size.width, height: size.height, keys: parsed, glyphs: glyphs,
          keymap: configuration.keymap))
      return
    }
    try Self.browse(dataOptions, configuration: configuration)
  }

  /// Plain `dateline`: the browser on a terminal, the timeline as text otherwise.
  static func runDefault(_ dataOptions: DataOptions) throws {
    let configuration = try Configuration.load(environment: CommandContext.current.environment)
    try browse(dataOptions, configuration: configuration)
  }

  /// Opens the browser, or prints the timeline as text when there is no terminal to open.
  ///
  /// The timeline loads on a worker thread: a quick load (the bundled story) opens straight on
  /// the browser and its data errors print on a normal terminal; a slow one (a large dataset)
  /// shows a loading screen at once, where `q` quits at any moment.
  static func browse(_ dataOptions: DataOptions, configuration: Configuration) throws {
    let environment = CommandContext.current.environment
    guard CommandContext.current.mayOpenTerminal,
      TerminalSession.isInteractive(environment: environment)
    else {
      let timeline = try dataOptions.loadTimeline()
      Output.write(TimelineText.overview(of: timeline, width: Output.terminalWidth))
      return
    }
    let source = dataOptions.data ?? "the story"
    let ending: TerminalSession.Ending
    do {
      ending = try TerminalSession.run(
        loading: LoadingScreen(source: source),
        load: { progress in try dataOptions.loadTimeline(progress: progress) },
        makeApp: {
          BrowserApp(
            timeline: $0, keymap: configuration.keymap, glyphs: TerminalSession.localeGlyphs(),
            background: true)
        },
        environment: environment, theme: configuration.theme)
    } catch let error as TerminalSession.StartError {
      throw CommandFailure(message: "dateline: error: \(error.description)", status: 1)
    }
    TerminalSession.finish(ending)
  }
}

/// The keymap as a Markdown table, one row per action, in help-screen order.
enum KeyTable {
  static func markdown(_ keymap: Keymap) -> String {
    var lines = ["| Keys | Action |", "| --- | --- |"]
    for section in BrowserAction.Section.allCases {
      for action in BrowserAction.allCases where action.section == section {
        let keys = keymap.keys(for: action).map { "`\(KeyNotation.label($0))`" }
        guard !keys.isEmpty else { continue }
        let summary = action.summary.replacingOccurrences(of: "|", with: "\\|")
        lines.append("| \(keys.joined(separator: " ")) | \(summary) |")
      }
    }
    return lines.joined(separator: "\n")
  }
}
