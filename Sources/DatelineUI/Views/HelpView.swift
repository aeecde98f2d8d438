import DatelineModel

/// The help screen, generated from the keymap: every action with all its keys, by section.
enum HelpView {
  /// The help text for a screen `width` columns wide; long descriptions wrap under themselves.
  static func lines(_ keymap: Keymap, width: Int, glyphs: GlyphSet = .unicode) -> [(
    String, Style
  )] {
    var entries: [(section: String, rows: [(keys: String, summary: String)])] = []
    for section in BrowserAction.Section.allCases {
      let actions = BrowserAction.allCases.filter {
        $0.section == section && !keymap.keys(for: $0).isEmpty
      }
      guard !actions.isEmpty else { continue }
      entries.append((section.rawValue, actions.map { (keymap.keyLabels(for: $0), $0.summary) }))
    }
    entries.append(
      (
        "In the search prompt",
        PromptAction.allCases.compactMap { action in
          let labels = keymap.prompt.keyLabels(for: action)
          return labels.isEmpty ? nil : (labels, action.summary)
        }
      ))
    entries.append(
      (
        "On this help screen",
        HelpAction.allCases.compactMap { action in
          let labels = keymap.help.keyLabels(for: action)
          return labels.isEmpty ? nil : (labels, action.summary)
        }
      ))
    entries.append(
      (
        "Event status (the last column of Events)",
        EventStatus.allCases.map { (glyphs.status($0), $0.rawValue) }
      ))
    entries.append(
      (
        "Marks",
        [
          ("\(glyphs.upcoming)", "Upcoming: after the \"as of\" date of the latest source"),
          ("\(glyphs.above) 5  \(glyphs.below) 3", "Rows hidden above and below a list"),
          (
            "Time strip",
            "Events per day, week, month or year; the selected event's bin reversed, upcoming bins highlighted"
          ),
        ]
      ))
    entries.append(
      (
        "Mouse",
        [
          ("Click", "Select a row and focus its pane"),
          ("Wheel", "Move in the pane under the pointer"),
        ]
      ))

    let keyWidth = max(8, min(22, width / 3))
    let summaryWidth = max(1, width - keyWidth - 4)
    var lines: [(String, Style)] = []
    for entry in entries {
      if !lines.isEmpty { lines.append(("", Theme.text)) }
      lines.append((entry.section, Theme.strong))
      for row in entry.rows {
        let wrapped = TerminalText.wrap(row.summary, width: summaryWidth)
        for (index, part) in wrapped.enumerated() {
          let keys = index == 0 ? row.keys : ""
          lines.append(("  " + TerminalText.pad(keys, toWidth: keyWidth) + " " + part, Theme.text))
        }
      }
    }
    return lines
  }

  static func lineCount(_ keymap: Keymap, width: Int, glyphs: GlyphSet = .unicode) -> Int {
    lines(keymap, width: width, glyphs: glyphs).count
  }

  static func render(_ state: BrowserState, into grid: inout CellGrid, rect: Rect) {
    guard !rect.isEmpty else { return }
    let titleRow = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
    grid.fill(titleRow, with: Cell(" ", style: Theme.focusedPaneTitle))
    grid.write(
      TerminalText.truncate("\(state.glyphs.focus) Dateline keys", toWidth: rect.width), x: rect.x,
      y: rect.y,
      style: Theme.focusedPaneTitle, maxX: rect.maxX)
    let all = lines(state.keymap, width: rect.width - 1, glyphs: state.glyphs)
    let body = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 1, height: rect.height - 1)
    for offset in 0..<body.height {
      let index = state.helpTop + offset
      guard index < all.count else { break }
      grid.write(all[index].0, x: body.x, y: body.y + offset, style: all[index].1, maxX: body.maxX)
    }
    // Say when there is more: the rows left below, or above, on the title row.
    let below = all.count - (state.helpTop + body.height)
    var more = ""
    if state.helpTop > 0 { more += "\(state.glyphs.above) \(state.helpTop) " }
    if below > 0 {
      let key = state.keymap.keys(for: .pageDown).first.map(KeyNotation.label) ?? "PgDn"
      more += "\(state.glyphs.below) \(below) more below (\(key)) "
    }
    if !more.isEmpty {
      grid.writeRight(
        more, y: rect.y, minX: rect.x + rect.width / 2, maxX: rect.maxX,
        style: Theme.focusedPaneTitle)
    }
  }

  /// Rows the help body shows at this layout.
  static func viewport(_ layout: ScreenLayout) -> Int {
    max(1, layout.bottom.y - layout.header.maxY - 1)
  }
}
