import DatelineModel

/// How dates read on screen: in words, through the model's `DateWording` (the CLI's text output
/// uses the same), never as EDTF.
enum DateText {
  /// The widest date the events pane's date column makes room for; longer ones are cut.
  static let maximumColumnWidth = 24

  /// "Thu 27 Feb 2025", "c. Mar 2025", "24 Feb – 10 Mar 2025", "by 24 Feb 2025".
  static func short(_ date: ResolvedDate) -> String { DateWording.words(date) }

  /// "Mon 24 Feb 2025".
  static func day(_ day: CivilDay) -> String { DateWording.day(day) }

  /// "Thu 27 Feb 2025, stated “On Thursday”: Thursday after Mon 24 Feb 2025".
  static func explained(_ date: ResolvedDate) -> String { DateWording.explained(date) }

  /// The width of the widest date among `events`, at most `maximumColumnWidth`: the events
  /// pane's date column, measured once per story (never per frame). Each distinct value is
  /// worded once.
  static func columnWidth(of events: some Collection<TimelineEvent>) -> Int {
    var seen = Set<EDTFDate>()
    var widest = 0
    for item in events where seen.insert(item.date.value).inserted {
      widest = max(widest, TerminalText.width(of: short(item.date)))
      if widest >= maximumColumnWidth { return maximumColumnWidth }
    }
    return widest
  }
}

extension DateText {
  /// The widest date of a whole story, from its distinct dates (one query, not a row per event).
  static func columnWidth(of timeline: Timeline) -> Int {
    var widest = 0
    for date in timeline.distinctEventDates() {
      let weekday = date.precision == .day
      widest = max(widest, TerminalText.width(of: DateWording.words(date, weekday: weekday)))
      if widest >= maximumColumnWidth { return maximumColumnWidth }
    }
    return widest
  }
}
