import ArgumentParser
import DatelineExport
import DatelineModel
import Foundation

/// `dateline import PATH... -o OUT`: builds a store (or a dataset file) from dataset files and
/// directories, from Quotebank JSON Lines, read as streams, and from TimelineJS3 JSON or CSV.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Build a store or a dataset from datasets, Quotebank JSON Lines or TimelineJS.",
    discussion: """
      Inputs are recognised by their content: a dateline dataset (a JSON file or a directory of \
      them), Quotebank quote-centric JSON Lines, TimelineJS3 JSON (an object whose "events" \
      have "start_date") or TimelineJS CSV (a header beginning Year,Month,Day). - reads standard input, so \
      `bzcat quotes-2020-01.json.bz2 | dateline import - -o jan.sqlite` works. OUT ending in .json \
      gets a dateline/1 dataset (an existing one is replaced only with --force); any other OUT \
      gets a store, replaced when it exists. The output is written to a temporary file and \
      renamed at the end: a failed or interrupted import leaves the previous output as it was.

      Exit codes: 0 ok, 1 bad input or cannot write, 2 usage error.
      """)

  @Argument(
    help: ArgumentHelp(
      "Dataset files or directories, Quotebank .json/.jsonl files, TimelineJS .json/.csv files, or - for standard input.",
      valueName: "PATH"))
  var inputs: [String] = []

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("The store to build, or a .json dataset file.", valueName: "OUT"))
  var output: String

  @Flag(
    name: .customLong("skip-bad"),
    help: "Skip malformed Quotebank lines (and count them) instead of stopping at the first.")
  var skipBad = false

  @Flag(help: "Replace an existing .json output.")
  var force = false

  func validate() throws {
    if inputs.isEmpty {
      throw ValidationError("give at least one input: dateline import PATH... -o OUT")
    }
    if inputs.filter({ $0 == "-" }).count > 1 {
      throw ValidationError("standard input (-) can be given once")
    }
  }

  func run() throws {
    let isJSON = output.lowercased().hasSuffix(".json")
    if isJSON && !force && FileManager.default.fileExists(atPath: output) {
      throw CommandFailure(
        message:
          "\(Output.clean(output)): error: the output exists; pass --force to replace it",
        status: ExitStatus.invalidData)
    }
    let bar = ProgressBar.forStandardError(noun: "quotes")
    var importer = Importer(skipBad: skipBad, progress: bar.map { bar in { bar.update($0) } })
    importer.chunkSize = 10_000
    importer.timelineJS = TimelineJSImport.read
    let sink: any ImportOutput =
      isJSON ? try JSONImportOutput(path: output) : try StoreImportOutput(path: output)
    let summary: ImportSummary
    do {
      summary = try importer.run(inputs: inputs, into: sink.sink)
      try sink.finish()
    } catch {
      bar?.clear()
      sink.discard()
      throw CommandFailure.invalidData(error.diagnostics)
    }
    bar?.clear()
    for diagnostic in summary.skipped {
      Output.writeError(Output.clean(diagnostic.description))
    }
    if summary.skippedLines > summary.skipped.count {
      Output.writeError(
        "dateline import: ... and \(summary.skippedLines - summary.skipped.count) more malformed lines"
      )
    }
    var counts =
      "\(summary.quotes) quotes, \(summary.actors) actors, \(summary.sources) sources, \(summary.events) events"
    if skipBad { counts += "; \(summary.skippedLines) malformed lines skipped" }
    Output.writeError(Output.clean("dateline import: wrote \(output) (\(counts))"))
  }
}

/// An import's output: a sink for its chunks that writes to a temporary file, and then either
/// replaces the output (`finish`) or leaves it untouched (`discard`).
protocol ImportOutput {
  /// Where the chunks go: the writer itself, not a wrapper, so that every way of adding (the
  /// checked skeleton, shelved events, checked quotes) reaches it and none falls back to the
  /// protocol's defaults (a wrapper once sent a store's checked skeleton as a plain chunk, so
  /// every event was held and checked again).
  var sink: any QuoteDroppingSink { get }
  func finish() throws(DatasetLoadError)
  func discard()
}

/// A dataset file: the chunks are gathered, checked as the model would check them, and written
/// with `DatasetWriter`'s layout. (For a big import, write a store: this holds it all in memory.)
final class JSONImportOutput: ImportOutput, QuoteDroppingSink {
  let path: String
  var sink: any QuoteDroppingSink { self }
  private var dataset = Dataset()

  init(path: String) throws {
    self.path = path
  }

  func add(_ chunk: Dataset) throws(DatasetLoadError) {
    dataset.append(chunk)
  }

  func dropQuotes(at positions: [Int]) throws(DatasetLoadError) {
    dataset.removeQuotes(at: positions)
  }

  func finish() throws(DatasetLoadError) {
    try Timeline.check(dataset)
    try OutputFile.write(DatasetWriter.utf8(dataset), to: path)
  }

  func discard() {}
}

/// A store file, written by the store builder beside its target and renamed into place.
final class StoreImportOutput: ImportOutput {
  let path: String
  private let builder: StoreBuilder

  init(path: String) throws {
    self.path = path
    builder = StoreBuilder(path: path)
  }

  var sink: any QuoteDroppingSink { builder }

  func finish() throws(DatasetLoadError) { _ = try builder.finish() }

  func discard() { builder.discard() }
}

/// Writes an import's `.json` output or an export with the project's one atomic writer (links
/// followed, the file's mode kept, temporary files removed on SIGINT/SIGTERM/SIGHUP), reporting
/// a failure as a diagnostic naming the output.
enum OutputFile {
  static func write(_ bytes: [UInt8], to path: String) throws(DatasetLoadError) {
    do {
      try AtomicFileWriter.write(bytes, to: path)
    } catch {
      throw failure(path, error)
    }
  }

  /// Writes what `body` hands on, piece by piece, to `path` atomically: all of it or, when
  /// anything fails, nothing.
  static func write(
    to path: String, _ body: (_ write: (String) throws -> Void) throws -> Void
  ) throws(DatasetLoadError) {
    let writer: AtomicFileWriter
    do {
      writer = try AtomicFileWriter(path: path)
    } catch {
      throw failure(path, error)
    }
    do {
      try body { text in try writer.append(Array(text.utf8)) }
      try writer.commit()
    } catch let error as AtomicFileWriter.WriteError {
      writer.discard()
      throw failure(path, error)
    } catch let error as DatasetLoadError {
      writer.discard()
      throw error
    } catch {
      writer.discard()
      throw DatasetLoadError(diagnostics: [
        Diagnostic(path: path, line: 0, column: 0, message: "\(error); nothing was changed")
      ])
    }
  }

  private static func failure(_ path: String, _ error: AtomicFileWriter.WriteError)
    -> DatasetLoadError
  {
    DatasetLoadError(diagnostics: [
      Diagnostic(path: path, line: 0, column: 0, message: "\(error.message); nothing was changed")
    ])
  }
}
