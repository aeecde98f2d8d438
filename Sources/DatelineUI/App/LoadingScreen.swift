import DatelineModel

/// What the browser shows while its timeline is still being read or its store built: the
/// source, progress when the builder reports it, the time so far, and that `q` quits. Keys
/// other than quitting do nothing until the timeline is ready.
public struct LoadingScreen: Sendable, Equatable {
  /// What is being loaded (a path), sanitized when drawn.
  public var source: String
  public var progress: ImportProgress?
  public var elapsed: Duration = .zero
  public private(set) var width: Int
  public private(set) var height: Int

  public init(source: String, width: Int = 80, height: Int = 24) {
    self.source = source
    self.width = width
    self.height = height
  }

  /// Applies a key while loading. Returns false when the user asked to quit.
  public mutating func handle(_ key: Key) -> Bool {
    switch key {
    case .character("q"), .ctrl("c"): return false
    case .resize(let width, let height):
      self.width = width
      self.height = height
      return true
    default: return true
    }
  }

  /// "Building the store: 42% (12.1 of 28.9 MB), 120,000 quotes", or without a known total
  /// "Importing: 12.1 MB, 120,000 quotes"; "Reading the data…" before any progress.
  public var progressLine: String {
    guard let progress else { return "Reading the data…" }
    var parts: [String] = []
    if let total = progress.bytesTotal, total > 0 {
      let percent = min(100, max(0, progress.bytesDone) * 100 / total)
      parts.append(
        "\(percent)% (\(Self.megabytes(progress.bytesDone)) of \(Self.megabytes(total)) MB)")
    } else if progress.bytesDone > 0 {
      parts.append("\(Self.megabytes(progress.bytesDone)) MB")
    }
    parts.append("\(Self.grouped(progress.quotes)) quote\(progress.quotes == 1 ? "" : "s")")
    let phase = progress.phase.isEmpty ? "Loading" : progress.phase
    return "\(phase.prefix(1).uppercased() + phase.dropFirst()): " + parts.joined(separator: ", ")
  }

  /// Bytes as megabytes with one decimal: "12.1".
  static func megabytes(_ bytes: Int) -> String {
    let tenths = max(0, bytes) * 10 / 1_048_576
    return "\(tenths / 10).\(tenths % 10)"
  }

  /// The fraction done, when the total is known.
  public var fraction: Double? {
    guard let progress, let total = progress.bytesTotal, total > 0 else { return nil }
    return min(1, Double(progress.bytesDone) / Double(total))
  }

  /// The screen: a box in the middle with the source, a bar when the total is known, the
  /// counts and time, and the quit hint.
  public func render() -> CellGrid {
    var grid = CellGrid(width: max(0, width), height: max(0, height))
    guard width > 0, height > 0 else { return grid }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    var lines = [
      "Dateline",
      "Opening " + TerminalText.sanitize(source),
      progressLine,
    ]
    let inner = max(10, min(60, width - 6))
    if let fraction {
      let filled = Int((Double(inner - 2) * fraction).rounded(.down))
      lines.append(
        "[" + String(repeating: "#", count: filled)
          + String(repeating: "-", count: max(0, inner - 2 - filled)) + "]")
    }
    lines.append(String(format: "%.1f s", seconds) + " · q quits")
    let shown = lines.map { TerminalText.truncate($0, toWidth: max(1, width - 4)) }
    let boxWidth = min(width, (shown.map { TerminalText.width(of: $0) }.max() ?? 0) + 4)
    let top = max(0, (height - shown.count - 2) / 2)
    let left = max(0, (width - boxWidth) / 2)
    if height >= shown.count + 2, boxWidth >= 4 {
      let rule = String(repeating: "─", count: boxWidth - 2)
      grid.write("┌" + rule + "┐", x: left, y: top, style: Theme.rule)
      grid.write("└" + rule + "┘", x: left, y: top + shown.count + 1, style: Theme.rule)
      for offset in 0..<shown.count {
        grid.write("│", x: left, y: top + 1 + offset, style: Theme.rule)
        grid.write("│", x: left + boxWidth - 1, y: top + 1 + offset, style: Theme.rule)
      }
    }
    for (offset, line) in shown.enumerated() where top + 1 + offset < height {
      grid.write(
        line, x: left + 2, y: top + 1 + offset, style: offset == 0 ? Theme.title : Theme.text,
        maxX: left + boxWidth - 2)
    }
    return grid
  }

  static func grouped(_ number: Int) -> String {
    let digits = String(number)
    var result = ""
    for (offset, character) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return result
  }
}
