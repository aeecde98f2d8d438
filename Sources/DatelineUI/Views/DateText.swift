import DatelineModel

/// How dates read on screen.
enum DateText {
  /// Width of the events pane's date column.
  static let columnWidth = 17

  /// "Thu 2025-02-27" for a day, "2025-03" for a month; intervals compactly:
  /// "2025-02-24–03-10", "by 2025-02-24", "from 2025-02-24". At most 16 columns for real dates.
  static func short(_ date: ResolvedDate) -> String {
    let value = date.value
    switch value.form {
    case .single(let point):
      if point.precision == .day { return "\(date.start.shortWeekdayName) \(point)" }
      return point.description
    case .interval(.point(let start), .point(let end)):
      let endText = end.year == start.year ? String(end.description.dropFirst(5)) : end.description
      return "\(start)–\(endText)"
    case .interval(_, .point(let end)):
      return "by \(end)"
    case .interval(.point(let start), _):
      return "from \(start)"
    case .interval:
      return value.description
    }
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
