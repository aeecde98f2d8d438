import ArgumentParser
import DatelineExport
import DatelineModel
import Foundation

/// `dateline import PATH... [-o OUT.json]`: other tools' timelines as a dateline/1 dataset.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Read TimelineJS3 JSON or its Google Sheets CSV into a dateline dataset.",
    discussion: """
      Inputs are recognised by content: TimelineJS3 JSON (an object whose "events" have \
      "start_date"), or TimelineJS CSV (a header beginning Year,Month,Day). `-` reads standard \
      input. Several inputs merge into one dataset. The dataset is printed, or written to -o.

      Exit codes: 0 ok, 1 bad input (each problem as PATH:LINE:COLUMN: error: MESSAGE), 2 usage.
      """)

  @Argument(
    help: ArgumentHelp("TimelineJS JSON or CSV files, or - for standard input.", valueName: "PATH"))
  var paths: [String] = []

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("Write the dataset (dateline/1 JSON) to this file.", valueName: "OUT"))
  var output: String?

  func validate() throws {
    if paths.isEmpty {
      throw ValidationError("give at least one file to import, or - for standard input")
    }
  }

  func run() throws {
    var merged = Dataset()
    var diagnostics: [Diagnostic] = []
    for path in paths {
      let name = path == "-" ? "<stdin>" : path
      let bytes: [UInt8]
      if path == "-" {
        bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
      } else {
        guard let data = FileManager.default.contents(atPath: path) else {
          diagnostics.append(
            Diagnostic(
              path: name, line: 0, column: 0,
              message: "cannot read the file; check that it exists and is readable"))
          continue
        }
        bytes = Array(data)
      }
      do {
        let dataset = try TimelineJSImport.read(bytes, path: name)
        merged.title = merged.title ?? dataset.title
        merged.sources += dataset.sources
        merged.events += dataset.events
      } catch {
        diagnostics += error.diagnostics
      }
    }
    if !diagnostics.isEmpty { throw CommandFailure.invalidData(diagnostics) }
    // Never write what the model would refuse to load (ids that clash across inputs).
    do {
      try Timeline.check(merged)
    } catch {
      throw CommandFailure.invalidData(error.diagnostics)
    }
    let json = DatasetWriter.json(merged)
    guard let output, output != "-" else {
      Output.write(json)
      return
    }
    try OutputFile.replace(output, with: Data((json.hasSuffix("\n") ? json : json + "\n").utf8))
  }
}
