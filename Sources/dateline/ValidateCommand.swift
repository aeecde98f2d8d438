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
    // Each path is its own dataset, read a file at a time (memory follows the largest file).
    var diagnostics: [Diagnostic] = []
    var summaries: [String] = []
    for path in paths {
      let (problems, counts) = DatasetStream.validate(paths: [path])
      diagnostics += problems
      summaries.append(
        "\(path): valid (\(count(counts.sources, "source")), \(count(counts.actors, "actor")), \(count(counts.events, "event")), \(count(counts.quotes, "quote")), \(count(counts.relations, "relation")))"
      )
    }
    guard diagnostics.isEmpty else {
      throw CommandFailure.invalidData(diagnostics)
    }
    for summary in summaries { Output.write(Output.clean(summary)) }
  }

  private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
