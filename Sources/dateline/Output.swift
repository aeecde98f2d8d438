import DatelineUI
import Foundation

/// Where text goes. Every string that may hold data passes through `clean` first, so control
/// characters and escape sequences from a dataset never reach the terminal.
enum Output {
  /// Writes `text` to standard output, ending it with a newline when it has none.
  static func write(_ text: String) {
    CommandContext.current.writeOutput(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  /// `0..<count` in stretches of a few hundred: the rows of a listing read together.
  static func stretches(_ count: Int) -> [Range<Int>] {
    stride(from: 0, to: count, by: 512).map { $0..<min(count, $0 + 512) }
  }

  /// Standard output written a piece at a time, for listings too long to hold whole.
  struct Buffered {
    private var pending = ""
    private let limit = 1 << 16

    mutating func append(_ text: some StringProtocol) {
      pending += text
      if pending.utf8.count >= limit { flush() }
    }

    /// Writes `line` and a newline.
    mutating func line(_ line: String) {
      append(line)
      append("\n")
    }

    mutating func flush() {
      guard !pending.isEmpty else { return }
      CommandContext.current.writeOutput(Data(pending.utf8))
      pending = ""
    }
  }

  static func writeError(_ text: String) {
    CommandContext.current.writeError(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  /// Untrusted text made safe for one line of a terminal.
  static func clean(_ text: String) -> String {
    TerminalText.sanitize(text)
  }

  /// The width to wrap long text at when standard output is a terminal: `COLUMNS` when set (as
  /// GNU ls does), else the terminal's size, else 80. Nil (no wrapping) for pipes and files.
  static var terminalWidth: Int? {
    let context = CommandContext.current
    guard let measured = context.outputWidth() else { return nil }
    if let columns = context.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
      return columns
    }
    return measured
  }
}
