import DatelineModel
import DatelineUI
import Foundation

/// The user's configuration: `$XDG_CONFIG_HOME/dateline/config.toml`, else
/// `~/.config/dateline/config.toml`. Key bindings per mode, colours by role, the default data
/// path. A missing file means the defaults; a bad one is reported as `PATH:LINE:COLUMN: error:`
/// and never half-applied.
struct Configuration: Equatable {
  var keymap: Keymap = .standard
  var theme: ColorTheme = .standard
  var dataPath: String?

  static func == (lhs: Configuration, rhs: Configuration) -> Bool {
    lhs.dataPath == rhs.dataPath && lhs.theme == rhs.theme
      && BrowserAction.allCases.allSatisfy { lhs.keymap.keys(for: $0) == rhs.keymap.keys(for: $0) }
      && PromptAction.allCases.allSatisfy {
        lhs.keymap.prompt.keys(for: $0) == rhs.keymap.prompt.keys(for: $0)
      }
      && HelpAction.allCases.allSatisfy {
        lhs.keymap.help.keys(for: $0) == rhs.keymap.help.keys(for: $0)
      }
  }

  /// Where the configuration is read from.
  static func path(environment: [String: String]) -> String {
    if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") {
      return base + "/dateline/config.toml"
    }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return home + "/.config/dateline/config.toml"
  }

  /// The configuration in force: the file's, or the defaults when there is no file.
  static func load(environment: [String: String]) throws(CommandFailure) -> Configuration {
    let path = path(environment: environment)
    guard FileManager.default.fileExists(atPath: path) else { return Configuration() }
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else {
      throw ConfigError(path: path, line: 1, column: 1, message: "cannot read the file as UTF-8")
        .failure
    }
    do {
      return try ConfigParser(path: path, text: text).parse()
    } catch {
      throw error.failure
    }
  }
}

struct ConfigError: Error {
  var path: String
  var line: Int
  var column: Int
  var message: String

  var failure: CommandFailure {
    CommandFailure(
      message: Output.clean("\(path):\(line):\(column): error: \(message)"),
      status: ExitStatus.invalidData)
  }
}

/// Names used in the file: actions and roles in kebab case ("move-down", "focused-title").
enum ConfigNames {
  /// A key as the file writes it: a character ("j", "?"), a name ("Enter", "PgDn",
  /// "Shift-Tab", "Space"), or "Ctrl-x".
  static func key(_ text: String) -> Key? {
    if text.count == 1, let character = text.first {
      let key = KeyNotation.key(for: character)
      if case .character = key { return key }
      return nil
    }
    var name = text
    let lower = text.lowercased()
    if lower.hasPrefix("ctrl-") { name = "C-" + text.dropFirst(5) }
    if lower == "shift-tab" { name = "S-Tab" }
    guard let keys = try? KeyNotation.parse("<\(name)>"), keys.count == 1, let key = keys.first
    else { return nil }
    switch key {
    case .resize, .mouse: return nil
    case .character(let character)
    where text.count > 1 && character != " " && character != "<"
      && character != ">":
      return nil
    default: return key
    }
  }
}

struct ConfigParser {
  let path: String
  let text: String

  func error(_ message: String, at place: TOMLPosition) -> ConfigError {
    ConfigError(path: path, line: place.line, column: place.column, message: message)
  }

  func parse() throws(ConfigError) -> Configuration {
    let root: TOMLTable
    do {
      root = try TOMLReader.parse(text)
    } catch {
      throw self.error(error.message, at: error.position)
    }
    var configuration = Configuration()
    for name in root.keys where !["data", "keys", "colors"].contains(name) {
      throw self.error(
        "unknown section '\(name)'; the sections are [data], [keys.browse], [keys.search], [keys.help] and [colors]",
        at: root[name]!.keyPosition)
    }
    if let data = root["data"] {
      guard let table = data.item.table else {
        throw error("[data] must be a table", at: data.keyPosition)
      }
      for name in table.keys where name != "path" {
        throw error(
          "unknown setting '\(name)' in [data]; the only one is path",
          at: table[name]!.keyPosition)
      }
      if let entry = table["path"] {
        guard let path = entry.item.string, !path.isEmpty else {
          throw error("data.path must be a non-empty string", at: entry.keyPosition)
        }
        configuration.dataPath = Self.expandingHome(path)
      }
    }
    if let keys = root["keys"] {
      guard let table = keys.item.table else {
        throw error("[keys] must hold tables", at: keys.keyPosition)
      }
      for name in table.keys where !["browse", "search", "help"].contains(name) {
        throw error(
          "unknown key mode '\(name)'; the modes are browse, search and help",
          at: table[name]!.keyPosition)
      }
      let browse = try bindings(
        table["browse"], mode: "browse", actions: BrowserAction.allCases,
        defaults: { Keymap.standard.keys(for: $0) })
      let prompt = try bindings(
        table["search"], mode: "search", actions: PromptAction.allCases,
        defaults: { Keymap.standard.prompt.keys(for: $0) })
      let help = try bindings(
        table["help"], mode: "help", actions: HelpAction.allCases,
        defaults: { Keymap.standard.help.keys(for: $0) })
      configuration.keymap = Keymap(
        browse.map { Keymap.Binding($0.key, $0.action) },
        prompt: ModeKeys(prompt.map { ModeKeys.Binding($0.key, $0.action) }),
        help: ModeKeys(help.map { ModeKeys.Binding($0.key, $0.action) }))
    }
    if let colors = root["colors"] {
      guard let table = colors.item.table else {
        throw error("[colors] must be a table", at: colors.keyPosition)
      }
      for name in table.keys {
        let entry = table[name]!
        guard let role = ColorTheme.roles.first(where: { $0.configName == name }) else {
          throw error(
            "unknown colour role '\(name)'; the roles are \(ColorTheme.roles.map(\.configName).joined(separator: ", "))",
            at: entry.keyPosition)
        }
        guard let value = entry.item.string else {
          throw error(
            "colors.\(name) must be a string such as \"cyan\" or \"black on cyan\"",
            at: entry.keyPosition)
        }
        switch ColorChoice.parse(value) {
        case .success(let choice): configuration.theme[role] = choice
        case .failure(let failure):
          throw error("colors.\(name): \(failure.message)", at: entry.keyPosition)
        }
      }
    }
    return configuration
  }

  /// One mode's bindings: each action the file lists replaces its default keys; the others
  /// keep theirs. Two actions on one key is an error.
  func bindings<Action: RawRepresentable & Hashable>(
    _ mode: TOMLTable.Entry?, mode name: String, actions: [Action],
    defaults: (Action) -> [Key]
  ) throws(ConfigError) -> [(key: Key, action: Action)] where Action.RawValue == String {
    let tableName = "keys.\(name)"
    var configured: [Action: [Key]] = [:]
    var places: [Action: TOMLPosition] = [:]
    if let mode {
      guard let table = mode.item.table else {
        throw error("[\(tableName)] must be a table", at: mode.keyPosition)
      }
      for name in table.keys {
        let entry = table[name]!
        guard let action = actions.first(where: { kebabCase($0.rawValue) == name }) else {
          throw error(
            "unknown action '\(name)' in [\(tableName)]; `dateline config --print-default` lists them all",
            at: entry.keyPosition)
        }
        var texts: [(text: String, position: TOMLPosition)] = []
        if let single = entry.item.string {
          texts = [(single, entry.item.position)]
        } else if let array = entry.item.array {
          for element in array {
            guard let text = element.string else {
              throw error("\(tableName).\(name) must list keys as strings", at: element.position)
            }
            texts.append((text, element.position))
          }
        } else {
          throw error(
            "\(tableName).\(name) must be a key or a list of keys, e.g. [\"j\", \"Down\"]",
            at: entry.keyPosition)
        }
        var keys: [Key] = []
        for (text, position) in texts {
          guard let key = ConfigNames.key(text) else {
            throw error(
              "unknown key '\(text)' for \(name); write a character, Ctrl-x, or one of Up Down Left Right Home End PgUp PgDn Tab Shift-Tab Enter Esc Backspace Delete Space",
              at: position)
          }
          if !keys.contains(key) { keys.append(key) }
        }
        configured[action] = keys
        places[action] = entry.keyPosition
      }
    }
    var result: [(key: Key, action: Action)] = []
    var owner: [Key: Action] = [:]
    for action in actions {
      for key in configured[action] ?? defaults(action) {
        if let other = owner[key], other != action {
          let blamed = configured[action] != nil ? action : other
          throw error(
            "\(KeyNotation.label(key)) is bound to both \(kebabCase(other.rawValue)) and \(kebabCase(action.rawValue)) in [\(tableName)]; one key, one action",
            at: places[blamed] ?? mode?.keyPosition ?? TOMLPosition(line: 1, column: 1))
        }
        owner[key] = action
        result.append((key, action))
      }
    }
    return result
  }

  static func expandingHome(_ path: String) -> String {
    guard path == "~" || path.hasPrefix("~/") else { return path }
    return NSHomeDirectory() + path.dropFirst()
  }
}

/// The config fuzz target's oracle, also replayed by `swift test` over Tests/Regression/config/:
/// a file that is refused gets an error located inside it (line 1 up to one past the last line,
/// column 1 or more); a file that parses prints back (`--print-default`'s layout) to a text
/// that parses to the same configuration. Nil when all holds, else what went wrong.
enum ConfigOracle {
  static func check(_ bytes: [UInt8]) -> String? {
    guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
    // Counted in bytes: a String splits by Characters, and "\r\n" is one Character, not "\n".
    let lines = bytes.reduce(1) { count, byte in byte == 0x0A ? count + 1 : count }
    let configuration: Configuration
    do {
      configuration = try ConfigParser(path: "config.toml", text: text).parse()
    } catch {
      guard error.line >= 1, error.line <= lines + 1, error.column >= 1 else {
        return "error outside the file: \(error.line):\(error.column): \(error.message)"
      }
      return nil
    }
    let printed = DefaultConfigFile.text(for: configuration)
    do {
      let again = try ConfigParser(path: "printed.toml", text: printed).parse()
      return again == configuration ? nil : "printed back, the configuration changed:\n\(printed)"
    } catch {
      return "printed back, the configuration is refused: \(error.message)\n\(printed)"
    }
  }
}

/// `dateline config --print-default`: the whole default file, every setting documented. The
/// same layout prints any configuration (`text(for:)`), which parses back to it: the config
/// fuzz target checks that.
enum DefaultConfigFile {
  static func text() -> String { text(for: Configuration()) }

  static func text(for configuration: Configuration) -> String {
    let dataPath =
      configuration.dataPath.map { "path = \"\(escape($0))\"" } ?? "# path = \"~/news/story\""
    var lines = [
      "# Dateline configuration: $XDG_CONFIG_HOME/dateline/config.toml, else",
      "# ~/.config/dateline/config.toml. Written by `dateline config --print-default`; every",
      "# setting below is the default, so delete what you do not change.",
      "",
      "[data]",
      "# The dataset (a file or a directory) to read when neither --data nor $DATELINE_DATA",
      "# is given; \"~/\" is your home directory.",
      dataPath,
      "",
      "# Key bindings, per mode: action = [\"key\", ...]. A key is a character (\"j\", \"?\"),",
      "# Ctrl-x, or one of Up Down Left Right Home End PgUp PgDn Tab Shift-Tab Enter Esc",
      "# Backspace Delete Space. An action you list replaces its default keys; [] unbinds it.",
      "# One key may do only one thing in a mode.",
      "",
      "[keys.browse]",
    ]
    let keymap = configuration.keymap
    lines += section(BrowserAction.allCases, keys: { keymap.keys(for: $0) }, summary: \.summary)
    lines += [
      "", "# In the / search prompt (other printable keys are typed into the query).",
      "[keys.search]",
    ]
    lines += section(
      PromptAction.allCases, keys: { keymap.prompt.keys(for: $0) }, summary: \.summary)
    lines += ["", "# While the help screen is shown.", "[keys.help]"]
    lines += section(HelpAction.allCases, keys: { keymap.help.keys(for: $0) }, summary: \.summary)
    lines += [
      "",
      "# Colours by role: \"colour\" or \"colour on background\". A colour is default (the",
      "# terminal's own), one of \(ColorChoice.names.prefix(8).joined(separator: " ")),",
      "# their bright- forms (bright-red ...), or a number 0-255 on a 256-colour terminal.",
      "# With NO_COLOR set, or on a monochrome terminal, no colours are used at all.",
      "[colors]",
    ]
    for role in ColorTheme.roles {
      let choice = configuration.theme[role] ?? ColorChoice(nil)
      lines.append("\(role.configName) = \"\(choice.description)\"  # \(role.summary)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func section<Action: RawRepresentable>(
    _ actions: [Action], keys: (Action) -> [Key], summary: KeyPath<Action, String>
  ) -> [String] where Action.RawValue == String {
    actions.map { action in
      let list = keys(action).map { "\"\(escape(KeyNotation.label($0)))\"" }.joined(separator: ", ")
      return "\(kebabCase(action.rawValue)) = [\(list)]  # \(action[keyPath: summary])"
    }
  }

  /// The text as the inside of a TOML basic string. Scalar by scalar: a `"` or `\\` followed
  /// by a combining mark is one Swift Character, which a character-level replace would miss.
  static func escape(_ text: String) -> String {
    var escaped = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": escaped.append(contentsOf: "\\\\".unicodeScalars)
      case "\"": escaped.append(contentsOf: "\\\"".unicodeScalars)
      case "\n": escaped.append(contentsOf: "\\n".unicodeScalars)
      case "\t": escaped.append(contentsOf: "\\t".unicodeScalars)
      case "\r": escaped.append(contentsOf: "\\r".unicodeScalars)
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        let digits = String(scalar.value, radix: 16, uppercase: true)
        escaped.append(contentsOf: "\\u00\(digits.count < 2 ? "0" : "")\(digits)".unicodeScalars)
      default: escaped.append(scalar)
      }
    }
    return String(escaped)
  }
}
