import ArgumentParser
import DatelineExport
import DatelineModel
import Foundation

extension ExportFormat: ExpressibleByArgument {}
extension ExportGrouping: ExpressibleByArgument {}

/// `dateline export --to FORMAT [-o FILE]`: the timeline in a format other tools read.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the timeline as TimelineJS, iCalendar, CSV or Markdown.",
    discussion: """
      Formats: \(ExportFormat.allCases.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: "; ")).

      Writes to standard output unless -o names a file; the file is replaced atomically. \
      `dateline import` reads timelinejs and timelinejs-csv back into a dataset.
      """)

  @OptionGroup var dataOptions: DataOptions

  @Option(name: .long, help: ArgumentHelp("The format to write.", valueName: "FORMAT"))
  var to: ExportFormat

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
  var output: String?

  @Flag(help: "Only the events after the \"as of\" date (the latest source's publication day).")
  var upcoming = false

  @Flag(help: "csv: one row per event instead of one per quote.")
  var events = false

  @Option(
    name: .customLong("group-by"),
    help: ArgumentHelp(
      "timelinejs, timelinejs-csv: group slides by status or by their most prominent actor.",
      valueName: "status|actor"))
  var groupBy: ExportGrouping = .status

  func validate() throws {
    if events, to != .csv {
      throw ValidationError("--events only applies to --to csv")
    }
  }

  func run() throws {
    let timeline = try dataOptions.loadTimeline()
    let options = ExportOptions(
      upcoming: upcoming, events: events, grouping: groupBy,
      timestamp: Int(Date().timeIntervalSince1970))
    if to == .csv {
      // Written as it is read from the store, not built whole (a million quotes: 1 GB).
      let write = { (write: (String) throws -> Void) throws in
        try SpreadsheetWriter.write(timeline, options: options, to: write)
      }
      guard let output, output != "-" else {
        try write { CommandContext.current.writeOutput(Data($0.utf8)) }
        return
      }
      do {
        try OutputFile.write(to: output) { piece throws in
          try write(piece)
          // A row the store could not read came out empty: keep the file as it was.
          if let problem = Timeline.firstStoreProblem {
            throw DatasetLoadError(diagnostics: [problem])
          }
        }
      } catch {
        throw CommandFailure.invalidData(error.diagnostics)
      }
      return
    }
    let text = Exporter.export(timeline, to: to, options: options)
    guard let output, output != "-" else {
      CommandContext.current.writeOutput(Data(text.utf8))
      return
    }
    do {
      try OutputFile.write(Array(text.utf8), to: output)
    } catch {
      throw CommandFailure.invalidData(error.diagnostics)
    }
  }
}
