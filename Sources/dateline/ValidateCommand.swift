import ArgumentParser
import DatelineModel

/// `dateline validate PATH...`: checks datasets, one `PATH:LINE:COLUMN: error: MESSAGE` line per
/// problem on standard error.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check dataset files or directories; exit 1 and list every problem if invalid.",
    discussion: "Several paths are checked together, as one merged dataset.")

  @Argument(help: ArgumentHelp("Dataset files or directories of *.json files.", valueName: "PATH"))
  var paths: [String]

  func validate() throws {
    if paths.isEmpty { throw ValidationError("give at least one dataset file or directory") }
  }

  func run() throws {
    let diagnostics = DatasetLoader.validate(paths: paths)
    guard diagnostics.isEmpty else {
      throw CommandFailure.invalidData(
        DatasetLoadErrorLines(lines: diagnostics.map { Output.clean($0.description) }))
    }
    Output.write(
      Output.clean(
        "\(paths.joined(separator: ", ")): valid"))
  }
}
