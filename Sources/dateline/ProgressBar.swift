import DatelineModel
import Foundation

/// A one-line progress bar on standard error, redrawn in place at most ten times a second:
/// count, rate, a bar and the time left when the size is known. Only on a terminal.
final class ProgressBar {
  private let noun: String
  private let start = Date()
  private var lastDraw = Date.distantPast
  private var drawn = false
  private let width: Int
  private let write: @Sendable (Data) -> Void

  /// nil when standard error is not a terminal: then nothing is drawn at all.
  static func forStandardError(noun: String) -> ProgressBar? {
    let context = CommandContext.current
    guard context.errorIsTerminal else { return nil }
    let columns = CommandContext.terminalWidth(of: STDERR_FILENO) ?? 80
    return ProgressBar(noun: noun, width: columns, write: context.writeError)
  }

  init(noun: String, width: Int, write: @escaping @Sendable (Data) -> Void) {
    self.noun = noun
    self.width = width
    self.write = write
  }

  func update(_ progress: ImportProgress) {
    let now = Date()
    guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
    lastDraw = now
    let line = Self.line(progress, noun: noun, elapsed: now.timeIntervalSince(start), width: width)
    write(Data(("\r" + line + "\u{1B}[K").utf8))
    drawn = true
  }

  /// Erases the bar so the next message starts on a clean line.
  func clear() {
    guard drawn else { return }
    write(Data("\r\u{1B}[K".utf8))
    drawn = false
  }

  /// "importing  120,000 quotes  48.2k/s  [#######.............]  35%  0:07 left"
  static func line(_ progress: ImportProgress, noun: String, elapsed: Double, width: Int) -> String
  {
    let rate = elapsed > 0 ? Double(progress.quotes) / elapsed : 0
    var text = "\(progress.phase)  \(grouped(progress.quotes)) \(noun)  \(short(rate))/s"
    if let total = progress.bytesTotal, total > 0 {
      let fraction = min(1, Double(progress.bytesDone) / Double(total))
      let barWidth = max(10, min(30, width - text.count - 24))
      let filled = Int(fraction * Double(barWidth))
      text +=
        "  [" + String(repeating: "#", count: filled)
        + String(repeating: ".", count: barWidth - filled) + "]"
      text += "  \(Int(fraction * 100))%"
      if fraction > 0.01 {
        let left = elapsed / fraction - elapsed
        text += "  \(clock(left)) left"
      }
    }
    return String(text.prefix(max(width - 1, 10)))
  }

  static func grouped(_ value: Int) -> String {
    let digits = String(value)
    var result = ""
    for (index, character) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return result
  }

  static func short(_ rate: Double) -> String {
    if rate >= 1_000_000 { return String(format: "%.1fM", rate / 1_000_000) }
    if rate >= 1000 { return String(format: "%.1fk", rate / 1000) }
    return String(format: "%.0f", rate)
  }

  static func clock(_ seconds: Double) -> String {
    let total = Int(seconds.rounded())
    if total >= 3600 {
      return String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
    }
    return String(format: "%d:%02d", total / 60, total % 60)
  }
}
