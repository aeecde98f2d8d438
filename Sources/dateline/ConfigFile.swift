import DatelineModel
import DatelineUI
import Foundation
import TOMLKit

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

  func error(_ message: String, table: String?, key: String?) -> ConfigError {
    let (line, column) = locate(table: table, key: key)
    return ConfigError(path: path, line: line, column: column, message: message)
  }

  func parse() throws(ConfigError) -> Configuration {
    let root: TOMLTable
    do {
      root = try TOMLTable(string: text)
    } catch let parseError as TOMLParseError {
      throw ConfigError(
        path: path, line: max(1, parseError.source.begin.line),
        column: max(1, parseError.source.begin.column), message: parseError.description)
    } catch {
      throw ConfigError(path: path, line: 1, column: 1, message: "\(error)")
    }
    var configuration = Configuration()
    for name in root.keys where !["data", "keys", "colors"].contains(name) {
      throw self.error(
        "unknown section '\(name)'; the sections are [data], [keys.browse], [keys.search], [keys.help] and [colors]",
        table: nil, key: name)
    }
    if let data = root["data"] {
      guard let table = data.table else {
        throw error("[data] must be a table", table: nil, key: "data")
      }
      for name in table.keys where name != "path" {
        throw error(
          "unknown setting '\(name)' in [data]; the only one is path", table: "data", key: name)
      }
      if let value = table["path"] {
        guard let path = value.string, !path.isEmpty else {
          throw error("data.path must be a non-empty string", table: "data", key: "path")
        }
        configuration.dataPath = Self.expandingHome(path)
      }
    }
    if let keys = root["keys"] {
      guard let table = keys.table else {
        throw error("[keys] must hold tables", table: nil, key: "keys")
      }
      for name in table.keys where !["browse", "search", "help"].contains(name) {
        throw error(
          "unknown key mode '\(name)'; the modes are browse, search and help", table: "keys",
          key: name)
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
      guard let table = colors.table else {
        throw error("[colors] must be a table", table: nil, key: "colors")
      }
      for name in table.keys {
        guard let role = ColorTheme.roles.first(where: { $0.configName == name }) else {
          throw error(
            "unknown colour role '\(name)'; the roles are \(ColorTheme.roles.map(\.configName).joined(separator: ", "))",
            table: "colors", key: name)
        }
        guard let value = table[name]?.string else {
          throw error(
            "colors.\(name) must be a string such as \"cyan\" or \"black on cyan\"",
            table: "colors", key: name)
        }
        switch ColorChoice.parse(value) {
        case .success(let choice): configuration.theme[role] = choice
        case .failure(let failure):
          throw error("colors.\(name): \(failure.message)", table: "colors", key: name)
        }
      }
    }
    return configuration
  }

  /// One mode's bindings: each action the file lists replaces its default keys; the others
  /// keep theirs. Two actions on one key is an error.
  func bindings<Action: RawRepresentable & Hashable>(
    _ value: TOMLValueConvertible?, mode: String, actions: [Action],
    defaults: (Action) -> [Key]
  ) throws(ConfigError) -> [(key: Key, action: Action)] where Action.RawValue == String {
    let tableName = "keys.\(mode)"
    var configured: [Action: [Key]] = [:]
    if let value {
      guard let table = value.table else {
        throw error("[\(tableName)] must be a table", table: "keys", key: mode)
      }
      for name in table.keys {
        guard let action = actions.first(where: { kebabCase($0.rawValue) == name }) else {
          throw error(
            "unknown action '\(name)' in [\(tableName)]; `dateline config --print-default` lists them all",
            table: tableName, key: name)
        }
        let entry = table[name]
        var texts: [String] = []
        if let single = entry?.string {
          texts = [single]
        } else if let array = entry?.array {
          for element in array {
            guard let text = element.string else {
              throw error(
                "\(tableName).\(name) must list keys as strings", table: tableName, key: name)
            }
            texts.append(text)
          }
        } else {
          throw error(
            "\(tableName).\(name) must be a key or a list of keys, e.g. [\"j\", \"Down\"]",
            table: tableName, key: name)
        }
        var keys: [Key] = []
        for text in texts {
          guard let key = ConfigNames.key(text) else {
            throw error(
              "unknown key '\(text)' for \(name); write a character, Ctrl-x, or one of Up Down Left Right Home End PgUp PgDn Tab Shift-Tab Enter Esc Backspace Delete Space",
              table: tableName, key: name)
          }
          if !keys.contains(key) { keys.append(key) }
        }
        configured[action] = keys
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
            table: tableName, key: kebabCase(blamed.rawValue))
        }
        owner[key] = action
        result.append((key, action))
      }
    }
    return result
  }

  /// Line and column of `key = ...` in `[table]` (or of the table header, or 1:1): TOMLKit
  /// does not keep positions of values, so they are found in the text.
  func locate(table: String?, key: String?) -> (Int, Int) {
    var current: String? = nil
    var headerLine: (Int, Int)?
    for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = rawLine.drop { $0 == " " || $0 == "\t" }
      let indent = rawLine.count - line.count
      if line.hasPrefix("[") {
        let name = line.dropFirst().prefix { $0 != "]" }.filter { $0 != " " }
        current = String(name)
        if let key, table == nil, current == key || current?.hasPrefix(key + ".") == true {
          return (offset + 1, indent + 1)
        }
        if current == table { headerLine = (offset + 1, indent + 1) }
        continue
      }
      guard let key, current == table || (table == nil && current == nil) else { continue }
      let name = line.prefix { $0 != "=" && $0 != " " && $0 != "\t" }
      let unquoted = name.hasPrefix("\"") ? name.dropFirst().dropLast() : name[...]
      if String(unquoted) == key,
        line.dropFirst(name.count).drop(while: { $0 == " " }).hasPrefix("=")
      {
        return (offset + 1, indent + 1)
      }
    }
    return headerLine ?? (1, 1)
  }

  static func expandingHome(_ path: String) -> String {
    guard path == "~" || path.hasPrefix("~/") else { return path }
    return NSHomeDirectory() + path.dropFirst()
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

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
  }
}
