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

  /// The width to wrap long text at when standard output is a terminal: `COLUMNS` when set (as
  /// GNU ls does), else the terminal's size, else 80. Nil (no wrapping) for pipes and files.
  static var terminalWidth: Int? {
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
      return columns
    }
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return Int(size.ws_col)
    }
    return 80
  }
}
