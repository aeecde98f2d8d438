import ArgumentParser
import DatelineModel
import Foundation

/// The `dateline` command: the root of every subcommand, and the entry point that maps every
/// outcome to our exit codes (0 ok, 1 invalid or missing data, 2 usage).
@main
struct Dateline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dateline",
    abstract: "A timeline browser for the news: events, people and quotes of a story.",
    discussion: """
      Without a subcommand, opens the browser (`browse`); prints the timeline as text when \
      standard output is not a terminal.

      The dataset is read from --data PATH, else from $DATELINE_DATA, else from data/ in the \
      current directory or the nearest enclosing directory holding Package.swift and data/.

      Exit codes: 0 ok, 1 invalid or missing data, 2 usage error.
      """,
    version: "0.1.0",
    // Subcommands, in help order. To add one, create its file and list its type here.
    subcommands: [
      EventsCommand.self,
      PeopleCommand.self,
      QuotesCommand.self,
      ShowCommand.self,
      ValidateCommand.self,
      IngestCommand.self,
      ImportCommand.self,
      ExportCommand.self,
      BrowseCommand.self,
      ConfigCommand.self,
    ]
  )

  @OptionGroup var dataOptions: DataOptions

  /// Plain `dateline` is `dateline browse`: the browser on a terminal, the text timeline when
  /// standard output is not one.
  func run() throws {
    try BrowseCommand.runDefault(dataOptions)
  }

  static func main() {
    if AllocatorTuning.sharesArenas(command: CommandLine.arguments.dropFirst().first) {
      AllocatorTuning.shareArenas()
    }
    TemporaryFiles.unblockStopSignals()
    Foundation.exit(execute(Array(CommandLine.arguments.dropFirst())))
  }

  /// Runs one command line in `context` (its environment, output and error) instead of the
  /// process's; returns the exit status the binary would exit with. A store read that fails in
  /// another such run does not count against this one.
  static func execute(_ arguments: [String], in context: CommandContext) -> Int32 {
    CommandContext.$current.withValue(context) {
      Timeline.withOwnStoreProblems { execute(arguments) }
    }
  }

  /// Parses and runs one command line; returns the process exit status.
  static func execute(_ arguments: [String]) -> Int32 {
    var command: any ParsableCommand
    do {
      command = try parseAsRoot(arguments)
    } catch {
      return report(error)
    }
    do {
      try command.run()
      // A store that failed to answer a query printed what it could: say so and fail.
      if let problem = Timeline.firstStoreProblem {
        Output.writeError(Output.clean(problem.description))
        return ExitStatus.invalidData
      }
      return ExitStatus.ok
    } catch let failure as CommandFailure {
      Output.writeError(failure.message)
      return failure.status
    } catch {
      return report(error)
    }
  }

  /// ArgumentParser errors: help and version go to stdout with status 0; usage errors (its
  /// status 64) become our usage status 2.
  private static func report(_ error: any Error) -> Int32 {
    let message = fullMessage(for: error, columns: CommandContext.current.helpColumns)
    let code = exitCode(for: error)
    if code == .success {
      if !message.isEmpty { Output.write(message) }
      return ExitStatus.ok
    }
    if !message.isEmpty { Output.writeError(message) }
    return code == .validationFailure ? ExitStatus.usage : code.rawValue
  }
}

enum ExitStatus {
  static let ok: Int32 = 0
  static let invalidData: Int32 = 1
  static let usage: Int32 = 2
}

/// A failure with its message (already sanitized and complete) and exit status.
struct CommandFailure: Error {
  var message: String
  var status: Int32

  static func usage(_ message: String) -> CommandFailure {
    CommandFailure(message: "dateline: error: \(message)", status: ExitStatus.usage)
  }

  /// Dataset problems, one sanitized `PATH:LINE:COLUMN: error: MESSAGE` line each.
  static func invalidData(_ diagnostics: [Diagnostic]) -> CommandFailure {
    CommandFailure(
      message: diagnostics.map { Output.clean($0.description) }.joined(separator: "\n"),
      status: ExitStatus.invalidData)
  }
}
