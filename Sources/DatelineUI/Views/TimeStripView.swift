import DatelineModel

/// One line under the header: the visible events as a histogram over their span, by day,
/// week, month, year or decade (whichever fits), with the bins after the "as of" day in the
/// upcoming style and the selected event's bin reversed. "Feb 2022 ▁  █▂ Mar 2025 by month".
enum TimeStripView {
  static func render(_ state: BrowserState, into grid: inout CellGrid, rect: Rect) {
    guard !rect.isEmpty else { return }
    grid.fill(rect, with: Cell(" ", style: Theme.muted))
    // Normally computed in update; a state built some other way still draws correctly.
    let strip =
      state.timeStrip.width == rect.width && state.timeStrip.rows == state.eventRows
      ? state.timeStrip
      : TimeStrip(timeline: state.timeline, rows: state.eventRows, width: rect.width)
    guard !strip.bins.isEmpty else {
      grid.write(" no events to chart", x: rect.x, y: rect.y, style: Theme.muted, maxX: rect.maxX)
      return
    }
    let glyphs = state.glyphs
    let levels = glyphs.bars.count - 1
    var x = grid.write(
      " " + strip.startLabel + " ", x: rect.x, y: rect.y, style: Theme.muted, maxX: rect.maxX)
    let asOfBin = state.timeline.asOf.flatMap(strip.binIndex(of:))
    let selectedBin = state.selectedEvent.flatMap { strip.binIndex(of: $0.date.start) }
    // Spread the bins over the room the labels leave: each bin gets the same whole columns.
    let endText = " " + strip.endLabel + " by \(strip.unit.name)"
    let room = rect.maxX - x - TerminalText.width(of: endText)
    let columnsPerBin = max(1, min(4, room / strip.bins.count))
    for index in strip.bins.indices where x < rect.maxX {
      var glyph = glyphs.bars[strip.level(index, levels: levels)]
      var style = asOfBin.map { index > $0 } == true ? Theme.upcoming : Theme.date
      if index == asOfBin, glyph == glyphs.bars[0] { glyph = glyphs.asOfMark }
      if index == selectedBin {
        if glyph == glyphs.bars[0] { glyph = glyphs.selectedMark }
        style = style.adding(.reverse)
      }
      x = grid.write(
        String(repeating: glyph, count: columnsPerBin), x: x, y: rect.y, style: style,
        maxX: rect.maxX)
    }
    grid.write(endText, x: x, y: rect.y, style: Theme.muted, maxX: rect.maxX)
  }
}
