import DatelineModel
import Foundation

/// What an export's display date says beyond its numbers. Dates are worded by the model's
/// `DateWording` (one wording for the CLI, the browser and every export); this reads its markers
/// back (`c. `, a trailing `?`, `by `, `from `, `? – `, ` – ?`), so that the TimelineJS reader can
/// restore the qualifiers and open or unknown ends of an EDTF date.
public enum DisplayDate {
  /// True when the date needs words to be read right: qualified, or open or unknown at one end.
  /// Plain days, months, years and closed intervals are shown well by their numbers.
  public static func needsWords(_ date: EDTFDate) -> Bool {
    if !date.qualifier.isEmpty { return true }
    if case .interval(let start, let end) = date.form {
      return start.point == nil || end.point == nil
    }
    return false
  }

  /// What a display date written by `DateWording.words(_:weekday:)` says beyond its numbers:
  /// the qualifier of each end and whether an end is open (`by`, `from`) or unknown (`?`). Text
  /// in other words yields no markers.
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
    let parts = trimmed.components(separatedBy: DateWording.rangeSeparator)
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
