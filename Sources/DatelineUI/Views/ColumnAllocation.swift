import DatelineModel

/// How the list panes share a narrow row between their columns. Pure, so the rules are tested
/// directly; fixed per pane width (never measured over the rows) so columns do not jump while
/// scrolling and a frame stays proportional to the visible rows.
enum ColumnAllocation {
  /// Columns the People pane sets aside for counts ("10 ev 7 q") when sizing the name, whatever
  /// each row's counts measure.
  static let peopleCountsWidth = 9

  /// The People pane's name column. The name is what you scan for, so it gets priority: it
  /// takes everything but `minimumDetail` columns of role, up to `maximumName`.
  /// `available` is the width for name, one space and role.
  static func peopleNameWidth(available: Int, maximumName: Int = 20, minimumDetail: Int = 7)
    -> Int
  {
    let wanted = available - 1 - minimumDetail
    return max(0, min(available, max(min(8, available), min(maximumName, wanted))))
  }

  /// The Quotes pane's speaker column for a row `width` wide: a quarter of it, 6...18.
  static func quoteSpeakerWidth(rowWidth width: Int) -> Int {
    min(18, max(6, width / 4))
  }

  /// `name` when it fits in `width` columns, else the first alias that fits (datasets list the
  /// short name first: "Macron"), else the name's last word, else `name` truncated with "…".
  static func fittedName(_ name: String, aliases: [String], width: Int) -> String {
    if TerminalText.width(of: name) <= width { return name }
    for alias in aliases where !alias.isEmpty && TerminalText.width(of: alias) <= width {
      return alias
    }
    if let last = name.split(separator: " ").last, last.count < name.count,
      TerminalText.width(of: last) <= width
    {
      return String(last)
    }
    return TerminalText.truncate(name, toWidth: width)
  }
}

/// Column widths measured on the story's content, once per story (the timeline never changes),
/// so columns do not jump while scrolling or refocusing and a frame never measures rows.
public struct ColumnWidths: Hashable, Sendable {
  /// The events pane's date column: the widest date in words.
  public var date: Int
  /// Digits of the largest event and quote counts in People.
  public var eventDigits: Int
  public var quoteDigits: Int
  /// The widest actor name, at most `ColumnAllocation` allows.
  public var name: Int

  init(_ timeline: Timeline) {
    date = DateText.columnWidth(of: timeline)
    var events = 0
    var quotes = 0
    var name = 0
    for item in timeline.actors {
      events = max(events, item.eventCount)
      quotes = max(quotes, item.quoteCount)
      if name < 20 { name = max(name, TerminalText.width(of: item.actor.name)) }
    }
    eventDigits = String(events).count
    quoteDigits = String(quotes).count
    self.name = name
  }

  /// People's counts column: "10 ev  7 q", digits right-aligned.
  public var counts: Int { eventDigits + quoteDigits + 6 }

  func counts(events: Int, quotes: Int) -> String {
    let eventText = String(events)
    let quoteText = String(quotes)
    return String(repeating: " ", count: max(0, eventDigits - eventText.count)) + eventText
      + " ev " + String(repeating: " ", count: max(0, quoteDigits - quoteText.count)) + quoteText
      + " q"
  }
}
