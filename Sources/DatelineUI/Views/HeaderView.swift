import DatelineModel

/// The header: story title, the "as of" date of the latest source, counts, and the
/// breadcrumb of where you are ("Trump > Putin").
enum HeaderView {
  static func render(_ state: BrowserState, into grid: inout CellGrid, rect: Rect) {
    guard !rect.isEmpty else { return }
    let timeline = state.timeline
    grid.fill(
      Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), with: Cell(" ", style: Theme.title))
    let asOf =
      timeline.asOf.map {
        rect.width >= 60
          ? " as of \(DateText.day($0)) " : " as of \(DateWording.day($0, weekday: false)) "
      } ?? ""
    let breadcrumb = state.breadcrumb.map { TerminalText.sanitize($0) }.joined(separator: " > ")
    let title = TerminalText.sanitize(timeline.title)
    let start = grid.writeRight(
      asOf, y: rect.y, minX: rect.x + rect.width / 3, maxX: rect.maxX, style: Theme.title)
    if rect.height == 1 {
      let text = TerminalText.truncate(" \(breadcrumb) │ \(title)", toWidth: start - rect.x)
      grid.write(text, x: rect.x, y: rect.y, style: Theme.title, maxX: start)
      return
    }
    grid.write(
      TerminalText.truncate(" Dateline │ \(title)", toWidth: start - rect.x), x: rect.x, y: rect.y,
      style: Theme.title, maxX: start)
    let counts =
      "\(timeline.events.count) events · \(timeline.actors.count) people · \(timeline.quotes.count) quotes "
    let countsStart = grid.writeRight(
      counts, y: rect.y + 1, minX: rect.x + rect.width / 2, maxX: rect.maxX, style: Theme.muted)
    grid.write(
      segments: [(" \(state.glyphs.home) ", Theme.muted), (breadcrumb, Theme.strong)], x: rect.x,
      y: rect.y + 1,
      maxX: countsStart - 1)
  }
}
