import DatelineModel

/// Everything about the selection of the focused pane: full text, the date and how it was
/// resolved, participants, the source and paragraph, related actors with reasons.
enum DetailPaneView {
  static func render(_ state: BrowserState, into grid: inout CellGrid, rect: Rect) {
    guard !rect.isEmpty else { return }
    let titleRow = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
    grid.fill(titleRow, with: Cell(" ", style: Theme.paneTitle))
    let kind: String
    switch state.detail.key {
    case .nothing: kind = ""
    case .event: kind = " · event"
    case .person: kind = " · person"
    case .quote: kind = " · quote"
    }
    grid.write("  Detail" + kind, x: rect.x, y: rect.y, style: Theme.paneTitle, maxX: rect.maxX)
    let body = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 1)
    guard !body.isEmpty else { return }
    // Build only as far as the bottom of the view, plus one line to know if there is more.
    var text = DetailText(width: body.width, limit: state.detailTop + body.height + 1)
    build(state, into: &text)
    let shown = text.lines.dropFirst(state.detailTop).prefix(body.height)
    for (offset, line) in shown.enumerated() {
      grid.write(segments: line, x: body.x, y: body.y + offset, maxX: body.maxX)
    }
    let more =
      (state.detailTop > 0 ? "▲" : "")
      + (text.lines.count > state.detailTop + body.height ? "▼" : "")
    if !more.isEmpty {
      grid.writeRight(
        " \(more) \(state.keyName(.detailDown))/\(state.keyName(.detailUp)) ", y: rect.y,
        minX: rect.x + rect.width / 2, maxX: rect.maxX,
        style: Theme.paneTitle)
    }
  }

  /// How many lines the detail of the current selection has at this width.
  static func lineCount(_ state: BrowserState, width: Int) -> Int {
    guard width > 0 else { return 0 }
    var text = DetailText(width: width, limit: Int.max)
    build(state, into: &text)
    return text.lines.count
  }

  static func build(_ state: BrowserState, into text: inout DetailText) {
    let timeline = state.timeline
    let facts = state.detail
    switch facts.key {
    case .nothing:
      text.paragraph(emptyText(state), style: Theme.muted)
    case .event(let index):
      let item = timeline.events[index]
      let event = item.event
      text.paragraph(clean(event.headline), style: Theme.strong)
      text.field("When", DateText.explained(item.date).sanitized)
      text.field("Status", event.status.rawValue + (item.isUpcoming ? " · upcoming" : ""))
      if let location = event.location { text.field("Where", clean(location)) }
      text.paragraph(clean(event.summary))
      text.field(
        "Who",
        facts.participantNames.isEmpty
          ? "no participants recorded" : facts.participantNames.map(clean).joined(separator: ", "))
      if facts.eventQuoteCount > 0 {
        text.field("Quotes", "\(facts.eventQuoteCount)")
        for quote in facts.eventQuotes {
          text.paragraph("\(clean(quote.speakerName)): “\(clean(quote.quote.text))”", indent: 2)
        }
      } else {
        text.field("Quotes", "none")
      }
      text.field("Source", source(event.provenance, facts.source))
    case .person(let index):
      let item = timeline.actors[index]
      let actor = item.actor
      text.paragraph(clean(actor.name), style: Theme.strong)
      text.field("Role", actor.role.map(clean) ?? actor.kind.rawValue)
      if let affiliation = facts.affiliationName { text.field("Part of", clean(affiliation)) }
      if !actor.aliases.isEmpty {
        text.field("Also", actor.aliases.map(clean).joined(separator: ", "))
      }
      text.field("In", "\(counted(item.eventCount, "event")), \(counted(item.quoteCount, "quote"))")
      if let position = state.relatedPosition(ofRow: state.people.selected),
        state.related[position].actor.id == actor.id, position < state.relatedReasons.count
      {
        text.field(
          "Linked to \(clean(state.name(of: state.focus)))",
          state.relatedReasons[position],
          hanging: 2)
      }
      if facts.related.isEmpty {
        text.field("Related", "none")
      } else {
        text.field(
          "Related",
          "\(facts.related.count) (\(state.keyName(.nextRelated)) and \(state.keyName(.previousRelated)) step through them, \(state.keyName(.follow)) jumps)"
        )
        for (relatedActor, reasons) in zip(facts.related, facts.relatedReasons) {
          text.field("  " + clean(relatedActor.actor.name), reasons, hanging: 4)
        }
      }
    case .quote(let index):
      let item = timeline.quotes[index]
      let quote = item.quote
      let query = QuoteQuery(state.search[.quotes].shownQuery)
      text.paragraph(
        "“\(clean(quote.text))”" + (quote.kind == .partial ? " (partial)" : ""),
        highlighting: query.isEmpty ? nil : query)
      text.field("Said by", clean(item.speakerName))
      text.field("When", DateText.explained(item.date).sanitized)
      if let headline = facts.quoteEventHeadline {
        text.field("At", clean(headline) + " (\(state.keyName(.followEvent)) goes there)")
      }
      text.field("Source", source(quote.provenance, facts.source))
    }
  }

  static func emptyText(_ state: BrowserState) -> String {
    switch state.pane {
    case .events: "No event selected."
    case .people: "No person selected."
    case .quotes:
      state.search[.quotes].query.isEmpty ? "No quote selected." : "No quote matches the search."
    }
  }

  static func source(_ provenance: Provenance, _ source: Source?) -> String {
    guard let source, source.id == provenance.source else {
      return "\(clean(provenance.source)), paragraph \(provenance.paragraph)"
    }
    return
      "\(clean(source.publisher)), “\(clean(source.title))”, \(published(source)), paragraph \(provenance.paragraph)"
  }

  static func clean(_ text: String) -> String { TerminalText.sanitize(text) }

  /// "Mon 24 Feb 2025", or the publication date as written when it has no day.
  static func published(_ source: Source) -> String {
    source.publicationDay.map { DateText.day($0) } ?? clean(String(source.published.prefix(10)))
  }

  static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}

extension String {
  fileprivate var sanitized: String { TerminalText.sanitize(self) }
}

/// Lines of styled text for the detail pane, wrapped to its width and stopped at its height.
struct DetailText {
  let width: Int
  let limit: Int
  private(set) var lines: [[(String, Style)]] = []

  var isFull: Bool { lines.count >= limit }

  mutating func line(_ segments: [(String, Style)]) {
    guard !isFull else { return }
    lines.append(segments)
  }

  /// Wrapped text; with a query, its matches on each line are highlighted (a match broken
  /// across lines is not).
  mutating func paragraph(
    _ text: String, style: Style = Theme.text, indent: Int = 0,
    highlighting query: QuoteQuery? = nil
  ) {
    guard !isFull else { return }
    let pad = String(repeating: " ", count: indent)
    for line in TerminalText.wrap(text, width: max(1, width - indent)) {
      self.line([(pad, style)] + Self.segments(line, style: style, highlighting: query))
      if isFull { return }
    }
  }

  static func segments(_ line: String, style: Style, highlighting query: QuoteQuery?) -> [(
    String, Style
  )] {
    guard let query else { return [(line, style)] }
    var segments: [(String, Style)] = []
    var cursor = line.startIndex
    for range in query.highlights(in: line).sorted(by: { $0.lowerBound < $1.lowerBound })
    where range.lowerBound >= cursor {
      segments.append((String(line[cursor..<range.lowerBound]), style))
      segments.append((String(line[range]), Theme.match))
      cursor = range.upperBound
    }
    segments.append((String(line[cursor...]), style))
    return segments
  }

  /// "Label: value", the value wrapped under itself (or under `hanging` columns, if given).
  mutating func field(_ label: String, _ value: String, hanging: Int? = nil) {
    guard !isFull else { return }
    let head = label + ": "
    let headWidth = TerminalText.width(of: head)
    let indent = hanging ?? headWidth
    guard width - max(indent, headWidth) >= 10 else {
      paragraph(head + value)
      return
    }
    // The first line continues after the label; the rest hang at `indent`.
    let firstRoom = width - headWidth
    let (first, rest) = TerminalText.split(Substring(value), atWidth: firstRoom)
    var firstLine = String(first)
    var remainder = String(rest)
    if !remainder.isEmpty, !remainder.hasPrefix(" "), let space = firstLine.lastIndex(of: " ") {
      // Break at the last space instead of inside a word.
      remainder = String(firstLine[firstLine.index(after: space)...]) + remainder
      firstLine = String(firstLine[..<space])
    }
    line([(head, Theme.strong), (firstLine, Theme.text)])
    let trimmed = remainder.drop { $0 == " " }
    guard !trimmed.isEmpty else { return }
    for line in TerminalText.wrap(String(trimmed), width: width - indent) {
      if isFull { return }
      self.line([(String(repeating: " ", count: indent) + line, Theme.text)])
    }
  }
}
