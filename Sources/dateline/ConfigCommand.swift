import ArgumentParser
import DatelineUI
import Foundation

/// `dateline config`: where the configuration lives, the documented default file, and a check.
struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Show, check or write the configuration (keys, colours, data path).",
    discussion: """
      The configuration is $XDG_CONFIG_HOME/dateline/config.toml, else \
      ~/.config/dateline/config.toml. Without options, prints its path and whether it is valid. \
      A bad file is reported as PATH:LINE:COLUMN: error: MESSAGE (exit 1).
      """)

  @Flag(
    name: .customLong("print-default"),
    help: "Print the full default configuration, documented, to standard output.")
  var printDefault = false

  @Flag(name: .customLong("path"), help: "Print the path the configuration is read from.")
  var printPath = false

  func run() throws {
    let environment = CommandContext.current.environment
    if printDefault {
      Output.write(DefaultConfigFile.text())
      return
    }
    let path = Configuration.path(environment: environment)
    if printPath {
      Output.write(Output.clean(path))
      return
    }
    _ = try Configuration.load(environment: environment)
    let exists = FileManager.default.fileExists(atPath: path)
    Output.write(
      Output.clean(exists ? "\(path): ok" : "\(path): not found; the defaults apply"))
  }
}
