import DatelineModel
import Foundation

/// Dates in words for readers of an export: `24 Feb 2025`, `c. Mar 2025`, `2025?`,
/// `24 Feb – 10 Mar 2025`, `by 24 Feb 2025` (open start), `from Mar 2025` (open end).
///
/// The TimelineJS reader recognises the markers these forms use (`c. `, a trailing `?`, `by `,
/// `from `, `? – `, ` – ?`) to restore the qualifiers and open ends of an EDTF date.
public enum DateWords {
  static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// The separator between the two ends of an interval: an en dash between spaces.
  public static let rangeSeparator = " \u{2013} "

  public static func words(_ date: EDTFDate) -> String {
    switch date.form {
    case .single(let point):
      return words(point)
    case .interval(.point(let start), .point(let end)):
      // The shared year is said once: "24 Feb – 10 Mar 2025".
      if start.year == end.year, start.month != nil, end.month != nil, start.qualifier.isEmpty {
        return plain(start, withYear: false) + rangeSeparator + words(end)
      }
      return words(start) + rangeSeparator + words(end)
    case .interval(.open, .point(let end)):
      return "by " + words(end)
    case .interval(.point(let start), .open):
      return "from " + words(start)
    case .interval(.unknown, .point(let end)):
      return "?" + rangeSeparator + words(end)
    case .interval(.point(let start), .unknown):
      return words(start) + rangeSeparator + "?"
    case .interval:
      return date.description
    }
  }

  /// True when the date needs words to be read right: qualified, or open or unknown at one end.
  /// Plain days, months, years and closed intervals are shown well by their numbers.
  public static func needsWords(_ date: EDTFDate) -> Bool {
    if !date.qualifier.isEmpty { return true }
    if case .interval(let start, let end) = date.form {
      return start.point == nil || end.point == nil
    }
    return false
  }

  public static func words(_ point: EDTFDate.Point) -> String {
    var text = plain(point, withYear: true)
    if point.qualifier.contains(.approximate) { text = "c. " + text }
    if point.qualifier.contains(.uncertain) { text += "?" }
    return text
  }

  static func plain(_ point: EDTFDate.Point, withYear: Bool) -> String {
    var parts: [String] = []
    if let day = point.day { parts.append(String(day)) }
    if let month = point.month, (1...12).contains(month) { parts.append(monthNames[month - 1]) }
    if withYear || point.month == nil { parts.append(year(point.year)) }
    return parts.joined(separator: " ")
  }

  /// Years before 1 in astronomical numbering become BC (year 0 is 1 BC).
  static func year(_ year: Int) -> String {
    year >= 1 ? String(year) : "\(1 - year) BC"
  }

  /// What a display date written by `words(_:)` says beyond its numbers: the qualifier of each
  /// end and whether an end is open (`by`, `from`) or unknown (`?`). Text in other words yields
  /// no markers.
  struct Markers: Equatable {
    enum End: Equatable {
      case known(EDTFDate.Qualifier)
      case open
      case unknown
    }
    var start: End = .known([])
    var end: End?
  }

  static func markers(in text: String) -> Markers {
    let trimmed = text.trimmingSpaces()
    func qualifier(_ part: String) -> EDTFDate.Qualifier {
      var result: EDTFDate.Qualifier = []
      if part.hasPrefix("c. ") || part.hasPrefix("c.") && part.count > 2 {
        result.insert(.approximate)
      }
      if part.hasSuffix("?") && part != "?" { result.insert(.uncertain) }
      return result
    }
    if trimmed.hasPrefix("by ") {
      return Markers(start: .open, end: .known(qualifier(String(trimmed.dropFirst(3)))))
    }
    if trimmed.hasPrefix("from ") {
      return Markers(start: .known(qualifier(String(trimmed.dropFirst(5)))), end: .open)
    }
    let parts = trimmed.components(separatedBy: rangeSeparator)
    if parts.count == 2 {
      let start: Markers.End = parts[0] == "?" ? .unknown : .known(qualifier(parts[0]))
      let end: Markers.End = parts[1] == "?" ? .unknown : .known(qualifier(parts[1]))
      return Markers(start: start, end: end)
    }
    return Markers(start: .known(qualifier(trimmed)), end: nil)
  }
}

extension String {
  func trimmingSpaces() -> String {
    var scalars = Substring(self).unicodeScalars
    while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}

extension EDTFDate.Point {
  /// A point from its parts (the model's memberwise initializer is internal). `day` needs
  /// `month`, and the day must exist; the caller checks.
  static func make(year: Int, month: Int?, day: Int?) -> EDTFDate.Point {
    let date: EDTFDate
    if let month, let day, let civil = CivilDay(year: year, month: month, day: day) {
      date = .day(civil)
    } else if let month {
      date = .month(year: year, month: month)
    } else {
      date = .year(year)
    }
    guard case .single(let point) = date.form else { preconditionFailure("a single date") }
    return point
  }
}
