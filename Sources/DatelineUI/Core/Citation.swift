import DatelineModel

/// What `y`, `Y` and `o` take from the selection: a quote with its citation, the selected item
/// as one Markdown line, and the source's URL. Pure, so tests read them directly; text from the
/// data is sanitized (no control characters reach a clipboard or a shell).
public enum Citation {
  /// `"I really believe that he wants to make a deal," Donald Trump said on Mon 24 Feb 2025
  /// (Publisher, "Title").` A partial quotation is run into the sentence instead:
  /// `Donald Trump said "within weeks" on Mon 24 Feb 2025 (Publisher, "Title").`
  public static func quote(_ item: TimelineQuote, in timeline: Timeline) -> String {
    let text = clean(item.quote.text).trimmingCharacters(in: " ")
    let speaker = clean(item.speakerName)
    let when = said(item.date)
    let source = sourceNote(item.quote.provenance, in: timeline).map { " (\($0))" } ?? ""
    if item.quote.kind == .partial {
      let bare = text.trimmingTrailing(in: ".,;:")
      return "\(speaker) said \"\(bare)\" \(when)\(source)."
    }
    var body = text
    if let last = body.last, ".;:".contains(last) { body.removeLast() }
    if let last = body.last, !",?!".contains(last) { body.append(",") }
    return "\"\(body)\" \(speaker) said \(when)\(source)."
  }

  /// The selected item as one Markdown list line.
  public static func markdown(_ state: BrowserState) -> String? {
    let timeline = state.timeline
    switch state.pane {
    case .events:
      guard let item = state.selectedEvent else { return nil }
      var line =
        "- **\(DateWording.words(item.date))**: \(escape(clean(item.event.headline))) (\(item.event.status.rawValue))"
      if let link = link(item.event.provenance, url: nil, in: timeline) { line += " — " + link }
      return line
    case .people:
      guard let item = state.selectedActor else { return nil }
      let role = item.actor.role.map { ", " + escape(clean($0)) } ?? ""
      return "- **\(escape(clean(item.actor.name)))**\(role)"
    case .quotes:
      guard let item = state.selectedQuote else { return nil }
      var line =
        "- **\(DateWording.words(item.date))**: \(escape(clean(item.speakerName))): “\(escape(clean(item.quote.text)))”"
      if let link = link(item.quote.provenance, url: quoteURL(item, in: timeline), in: timeline) {
        line += " — " + link
      }
      return line
    }
  }

  /// The URL `o` opens for the selection: a quote's own, else its source's; an event's
  /// source's. Nil when there is none (people have none).
  public static func url(_ state: BrowserState) -> String? {
    let timeline = state.timeline
    let found: String?
    switch state.pane {
    case .events:
      found = state.selectedEvent.flatMap {
        timeline.source(id: $0.event.provenance.source)?.url
      }
    case .people:
      found = nil
    case .quotes:
      found = state.selectedQuote.flatMap { quoteURL($0, in: timeline) }
    }
    guard let found else { return nil }
    let url = clean(found).trimmingCharacters(in: " ")
    return isWebURL(url) ? url : nil
  }

  /// Only http(s) URLs are handed to a browser, never a path or another scheme.
  public static func isWebURL(_ text: String) -> Bool {
    let lowered = text.lowercased()
    return (lowered.hasPrefix("https://") || lowered.hasPrefix("http://"))
      && !text.contains(" ") && text.count > 8
  }

  // MARK: Pieces

  static func quoteURL(_ item: TimelineQuote, in timeline: Timeline) -> String? {
    timeline.source(id: item.quote.provenance.source)?.url
  }

  /// "on Mon 24 Feb 2025", "in Mar 2025", "by 24 Feb 2025".
  static func said(_ date: ResolvedDate) -> String {
    let words = DateWording.words(date)
    switch date.value.form {
    case .single(let point): return (point.precision == .day ? "on " : "in ") + words
    case .interval(.point, .point): return "between " + words.replacingOccurrences(" – ", "–")
    case .interval: return words
    }
  }

  /// `Publisher, "Title"`.
  static func sourceNote(_ provenance: Provenance, in timeline: Timeline) -> String? {
    guard let source = timeline.source(id: provenance.source) else { return nil }
    return "\(clean(source.publisher)), \"\(clean(source.title))\""
  }

  /// `[Publisher, “Title”](url)`, or without the link when there is no URL.
  static func link(_ provenance: Provenance, url: String?, in timeline: Timeline) -> String? {
    guard let source = timeline.source(id: provenance.source) else { return nil }
    let text = "\(escape(clean(source.publisher))), “\(escape(clean(source.title)))”"
    let target = (url ?? source.url).map(clean)
    guard let target, isWebURL(target) else { return text }
    return "[\(text)](\(target.replacingOccurrences("(", "%28").replacingOccurrences(")", "%29")))"
  }

  /// Markdown's inline punctuation escaped, so data cannot turn into markup.
  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      if "\\`*_[]<>#|".contains(character) { result.append("\\") }
      result.append(character)
    }
    return result
  }

  static func clean(_ text: String) -> String { TerminalText.sanitize(text) }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var text = Substring(self)
    while let first = text.first, set.contains(first) { text.removeFirst() }
    while let last = text.last, set.contains(last) { text.removeLast() }
    return String(text)
  }

  fileprivate func trimmingTrailing(in set: String) -> String {
    var text = self
    while let last = text.last, set.contains(last) { text.removeLast() }
    return text
  }

  fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
