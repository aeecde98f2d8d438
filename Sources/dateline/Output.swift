import DatelineUI
import Foundation

/// Where text goes. Every string that may hold data passes through `clean` first, so control
/// characters and escape sequences from a dataset never reach the terminal.
enum Output {
  static func write(_ text: String) {
    FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  static func writeError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  /// Untrusted text made safe for one line of a terminal.
  static func clean(_ text: String) -> String {
    TerminalText.sanitize(text)
  }

  /// The width to wrap long text at: the terminal's columns when standard output is a terminal,
  /// nil (no wrapping) when it is a pipe or a file.
  static var terminalWidth: Int? {
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return Int(size.ws_col)
    }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
      return columns
    }
    return 80
  }
}
