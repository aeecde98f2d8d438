import DatelineModel

/// How dates read on screen.
enum DateText {
  /// Width of the events pane's date column.
  static let columnWidth = 16

  /// "Thu 2025-02-27" for a day, "2025-03" for a month, the EDTF form otherwise.
  static func short(_ date: ResolvedDate) -> String {
    let value = date.value
    if value.precision == .day {
      return "\(date.start.shortWeekdayName) \(value.description)"
    }
    return value.description
  }

  static func day(_ day: CivilDay) -> String { "\(day.shortWeekdayName) \(day)" }

  /// "Thu 2025-02-27, stated "on Thursday": Thursday after Mon 2025-02-24".
  static func explained(_ date: ResolvedDate) -> String {
    var text = short(date)
    if let stated = date.stated {
      text += ", stated \"\(stated)\": \(date.explanation)"
    } else if !date.explanation.isEmpty && date.explanation != "as given" {
      text += " (\(date.explanation))"
    }
    switch date.sameDayOrder {
    case ..<0: text += ", earlier that day"
    case 1...: text += ", later that day"
    default: break
    }
    return text
  }
}
