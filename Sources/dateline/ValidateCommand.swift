import ArgumentParser
import DatelineModel

/// `dateline validate PATH...`: checks datasets, one `PATH:LINE:COLUMN: error: MESSAGE` line per
/// problem on standard error.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check dataset files or directories; exit 1 and list every problem if invalid.",
    discussion: "Each path is its own dataset: a file, or a directory whose *.json files merge.")

  @Argument(help: ArgumentHelp("Dataset files or directories of *.json files.", valueName: "PATH"))
  var paths: [String]

  func validate() throws {
    if paths.isEmpty { throw ValidationError("give at least one dataset file or directory") }
  }

  func run() throws {
    let diagnostics = DatasetLoader.validate(paths: paths)
    guard diagnostics.isEmpty else {
      throw CommandFailure.invalidData(diagnostics)
    }
    // Each path is its own dataset: one summary line each.
    for path in paths {
      var summary = "\(path): valid"
      if let dataset = try? DatasetLoader.load(path: path) {
        summary +=
          " (\(count(dataset.sources.count, "source")), \(count(dataset.actors.count, "actor")), \(count(dataset.events.count, "event")), \(count(dataset.quotes.count, "quote")), \(count(dataset.relations.count, "relation")))"
      }
      Output.write(Output.clean(summary))
    }
  }

  private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
