import ArgumentParser
import DatelineIngest
import Foundation

/// `dateline ingest FILE...`: builds a dataset from plain-text news articles.
struct IngestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Extract actors, dated events and quotes from plain-text articles into a dataset.",
    discussion: """
      The publication date comes from --published or from a dateline header at the top of the \
      file (such as 'date 2025-02-24 Updated February 24, 2025 at 16:19 PM ET'). Without -o or \
      --merge the dataset is printed; an existing output is only replaced with --force.

      Exit codes: 0 ok, 1 bad input, 2 usage error.
      """)

  @Argument(help: ArgumentHelp("Plain-text article files.", valueName: "FILE"))
  var files: [String] = []

  @Option(
    help: ArgumentHelp(
      "Publication date: 2025-02-24 or 2025-02-24T16:19:00-05:00.", valueName: "DATE"))
  var published: String?

  @Option(
    name: .customLong("source-name"),
    help: ArgumentHelp("Publisher of the articles.", valueName: "NAME"))
  var sourceName: String?

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("Write the dataset to this file.", valueName: "OUT"))
  var output: String?

  @Option(
    help: ArgumentHelp(
      "Add to this dataset (file or directory), de-duplicating actors.", valueName: "INTO"))
  var merge: String?

  @Flag(help: "Overwrite an existing output file.")
  var force = false

  @Flag(help: "Print what was found, with confidence, for review.")
  var report = false

  @Flag(help: "With --report: one JSON object per input file.")
  var json = false

  func run() throws {
    let options = IngestOptions(
      files: files, published: published, sourceName: sourceName, output: output, merge: merge,
      force: force, report: report, json: json)
    let context = CommandContext.current
    let status = IngestRunner.run(
      options, output: { context.writeOutput(Data(($0 + "\n").utf8)) },
      errors: { context.writeError(Data(($0 + "\n").utf8)) })
    if status != IngestRunner.ok { throw ExitCode(status) }
  }
}
