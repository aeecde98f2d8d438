import Foundation

/// What a command reads and writes besides its arguments and files: the environment, standard
/// output and standard error, and whether they are terminals. A command asks
/// `CommandContext.current` and never the process directly, so a caller can run commands inside
/// its own process with a context of its own (`Dateline.execute(_:in:)`; the command-line tests
/// do, instead of starting the binary for every case).
///
/// Relative paths in arguments still resolve against the process's working directory, and
/// standard input is the process's: a caller that needs another of either starts the binary.
struct CommandContext: Sendable {
  var environment: [String: String]
  /// Writes bytes to standard output, then to standard error.
  var writeOutput: @Sendable (Data) -> Void
  var writeError: @Sendable (Data) -> Void
  /// Standard output (and input) can host the full-screen browser; standard error is a terminal.
  var mayOpenTerminal: Bool
  var errorIsTerminal: Bool
  /// The width of standard output when it is a terminal; nil when it is not one.
  var outputWidth: @Sendable () -> Int?
  /// The width help and usage text wraps at; nil: ArgumentParser measures the terminal itself.
  var helpColumns: Int?

  /// The context of the running command: the process's own unless a caller sets one.
  @TaskLocal static var current = CommandContext.process

  /// The process's environment, standard output and error, and terminal.
  static let process = CommandContext(
    environment: ProcessInfo.processInfo.environment,
    writeOutput: { FileHandle.standardOutput.write($0) },
    writeError: { FileHandle.standardError.write($0) },
    mayOpenTerminal: true,
    errorIsTerminal: isatty(STDERR_FILENO) == 1,
    outputWidth: { terminalWidth(of: STDOUT_FILENO) },
    helpColumns: nil)

  /// A context whose output and error go to `output` and `error`, neither of them a terminal, as
  /// when the binary's output goes to files: text is not wrapped, help is 80 columns wide (or
  /// `COLUMNS`), and the browser prints the timeline as text.
  static func captured(
    environment: [String: String], output: CapturedBytes, error: CapturedBytes
  ) -> CommandContext {
    CommandContext(
      environment: environment,
      writeOutput: { output.append($0) },
      writeError: { error.append($0) },
      mayOpenTerminal: false,
      errorIsTerminal: false,
      outputWidth: { nil },
      helpColumns: environment["COLUMNS"].flatMap(Int.init) ?? 80)
  }

  /// The columns of the terminal `descriptor` is, or nil when it is not a terminal.
  static func terminalWidth(of descriptor: Int32) -> Int? {
    guard isatty(descriptor) == 1 else { return nil }
    var size = winsize()
    guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
    return Int(size.ws_col)
  }
}

/// Bytes a command wrote, gathered under a lock (a command may write from more than one thread).
final class CapturedBytes: @unchecked Sendable {
  private let lock = NSLock()
  private var bytes = Data()

  func append(_ data: Data) {
    lock.lock()
    defer { lock.unlock() }
    bytes.append(data)
  }

  var text: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: bytes, as: UTF8.self)
  }
}
