/// Below a usable size: a clear message instead of a mangled screen.
enum TooSmallView {
  static func render(_ state: BrowserState, into grid: inout CellGrid) {
    let width = state.layout.width
    let height = state.layout.height
    guard width > 0, height > 0 else { return }
    let text =
      "Terminal too small (\(width)x\(height)). Dateline needs \(ScreenLayout.minimumWidth)x\(ScreenLayout.minimumHeight). q quits."
    let lines = TerminalText.wrap(text, width: width)
    let top = max(0, (height - lines.count) / 2)
    for (offset, line) in lines.prefix(height).enumerated() {
      let x = max(0, (width - TerminalText.width(of: line)) / 2)
      grid.write(line, x: x, y: top + offset, style: Theme.error)
    }
  }
}
