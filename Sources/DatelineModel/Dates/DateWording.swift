/// Dates in words, for people: "Mon 24 Feb 2025", "c. Mar 2025", "24 Feb – 10 Mar 2025",
/// "by 24 Feb 2025". The one formatter the CLI's text output, the browser and the exports
/// (TimelineJS display dates, CSV, iCalendar, Markdown) share; `--json` keeps EDTF.
///
/// Approximate (`~`) reads "c. ", uncertain (`?`) a trailing "?", both "c. …?". An interval
/// whose ends share a year names it once; an open start (`../`) reads "by", an open end (`/..`)
/// "from", an unknown end (`/2025-03-01`, `2025-02-24/`) "?" beside the separator: "? – 1 Mar
/// 2025". The TimelineJS reader restores qualifiers and ends from these markers.
public enum DateWording {
  public static let monthAbbreviations = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// Between the two ends of an interval: an en dash between spaces.
  public static let rangeSeparator = " \u{2013} "

  /// "Mon 24 Feb 2025", or "24 Feb 2025" without the weekday.
  public static func day(_ day: CivilDay, weekday: Bool = true) -> String {
    let text = "\(day.day) \(monthAbbreviations[day.month - 1]) \(year(day.year))"
    return weekday ? "\(day.shortWeekdayName) \(text)" : text
  }

  /// An EDTF value in words. `weekday` adds the weekday to a single day-precise date.
  public static func words(_ date: EDTFDate, weekday: Bool = false) -> String {
    switch date.form {
    case .single(let point):
      return words(point, weekday: weekday)
    case .interval(.point(let start), .point(let end)):
      return interval(start, end)
    case .interval(.open, .point(let end)):
      return "by " + words(end)
    case .interval(.point(let start), .open):
      return "from " + words(start)
    case .interval(.unknown, .point(let end)):
      return "?" + rangeSeparator + words(end)
    case .interval(.point(let start), .unknown):
      return words(start) + rangeSeparator + "?"
    case .interval:
      return "date unknown"
    }
  }

  /// A resolved date in words; day-precise single dates name the weekday by default.
  public static func words(_ date: ResolvedDate, weekday: Bool = true) -> String {
    words(date.value, weekday: weekday)
  }

  /// How the date was found, in words with no ids and no brackets inside brackets: "Thursday
  /// after Mon 24 Feb 2025", "the date of its event". Nil for a date
  /// given as it is.
  public static func explanation(_ date: ResolvedDate) -> String? {
    let text = explanation(date.why)
    return text.isEmpty || text == "as given" ? nil : text
  }

  /// The date, how the article states it and why it resolved so, on one line:
  /// "Thu 27 Feb 2025, stated “on Thursday”: Thursday after Mon 24 Feb 2025".
  public static func explained(_ date: ResolvedDate) -> String {
    var text = words(date)
    let why = explanation(date)
    if let stated = date.stated {
      text += ", stated “\(stated)”"
      if let why, why != "as stated" { text += ": " + why }
    } else if let why {
      text += ", " + why
    }
    switch date.sameDayOrder {
    case ..<0: text += ", earlier that day"
    case 1...: text += ", later that day"
    default: break
    }
    return text
  }

  // MARK: Pieces

  public static func year(_ year: Int) -> String {
    year >= 1 ? "\(year)" : "\(1 - year) BC"
  }

  static func words(_ point: EDTFDate.Point, weekday: Bool = false) -> String {
    var text: String
    if let month = point.month, (1...12).contains(month) {
      let monthYear = "\(monthAbbreviations[month - 1]) \(year(point.year))"
      if let day = point.day {
        let weekdayName = weekday ? point.firstDay.shortWeekdayName + " " : ""
        text = "\(weekdayName)\(day) \(monthYear)"
      } else {
        text = monthYear
      }
    } else {
      text = year(point.year)
    }
    return qualified(text, point.qualifier)
  }

  static func qualified(_ text: String, _ qualifier: EDTFDate.Qualifier) -> String {
    var result = text
    if qualifier.contains(.approximate) { result = "c. " + result }
    if qualifier.contains(.uncertain) { result += "?" }
    return result
  }

  /// "24–28 Feb 2025", "24 Feb – 10 Mar 2025", "30 Dec 2024 – 2 Jan 2025", "Feb – Mar 2025".
  static func interval(_ start: EDTFDate.Point, _ end: EDTFDate.Point) -> String {
    let plain = start.qualifier.isEmpty && end.qualifier.isEmpty
    guard plain, start.year == end.year, start.precision == end.precision,
      start.precision != .year, let startMonth = start.month, let endMonth = end.month,
      (1...12).contains(startMonth), (1...12).contains(endMonth)
    else {
      if start == end { return words(start) }
      return words(start) + rangeSeparator + words(end)
    }
    let yearText = year(end.year)
    switch (start.day, end.day) {
    case (let first?, let last?):
      if startMonth == endMonth {
        if first == last { return words(start) }
        return "\(first)–\(last) \(monthAbbreviations[endMonth - 1]) \(yearText)"
      }
      return
        "\(first) \(monthAbbreviations[startMonth - 1]) – \(last) \(monthAbbreviations[endMonth - 1]) \(yearText)"
    default:
      if startMonth == endMonth { return words(start) }
      return
        "\(monthAbbreviations[startMonth - 1]) – \(monthAbbreviations[endMonth - 1]) \(yearText)"
    }
  }

  static func explanation(_ why: Explanation) -> String {
    switch why {
    case .text(let text):
      return reword(text)
    case .relative(let first, let second, let third, let fourth, let anchorDay, let anchorLabel):
      let anchor = day(CivilDay(dayNumber: anchorDay))
      let base = "\(first)\(second)\(third)\(fourth)\(anchor)"
      guard let anchorLabel, !anchorLabel.isEmpty else { return base }
      return "\(base), the day of “\(anchorLabel)”"
    case .ofEvent(_, _, let inner):
      // Whoever shows this names the event next to it ("At:", "event:").
      let how = explanation(inner)
      let base = "the date of its event"
      return how.isEmpty || how == "as given" || how == "as stated" ? base : "\(base): \(how)"
    }
  }

  /// An explanation kept as text (a store keeps only the text) in the same words as the
  /// structured ones: ISO days in words, a quote's "date of its event 'id' (...)" without the
  /// id, and the anchor's headline in quotation marks instead of brackets.
  static func reword(_ text: String) -> String {
    let prefix = "date of its event '"
    if text.hasPrefix(prefix), let open = text.range(of: "' ("), text.hasSuffix(")") {
      let inner = String(text[open.upperBound..<text.index(before: text.endIndex)])
      let how = reword(inner)
      let base = "the date of its event"
      return how.isEmpty || how == "as given" || how == "as stated" ? base : "\(base): \(how)"
    }
    var result = ""
    var rest = Substring(text)
    while !rest.isEmpty {
      if let (day, length) = isoDay(at: rest) {
        // "Mon 2025-02-24": the weekday written before the day is part of it.
        for name in CivilDay.weekdayNames.map({ $0.prefix(3) + " " })
        where result.hasSuffix(String(name)) {
          result.removeLast(name.count)
        }
        result += DateWording.day(day)
        rest = rest.dropFirst(length)
        if rest.hasPrefix(" ("), rest.hasSuffix(")") {
          // "Mon 2025-02-24 (Headline)" at the end: the anchor's name.
          let label = rest.dropFirst(2).dropLast()
          result += ", the day of “\(label)”"
          rest = ""
        }
        continue
      }
      result.append(rest.removeFirst())
    }
    return result
  }

  /// A "YYYY-MM-DD" day at the start of `text`, and its length.
  static func isoDay(at text: Substring) -> (CivilDay, Int)? {
    let bytes = Array(text.utf8.prefix(10))
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    for index in [0, 1, 2, 3, 5, 6, 8, 9]
    where !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
      return nil
    }
    if text.utf8.count > 10 {
      let next = text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: 10)]
      if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next) { return nil }
    }
    guard let day = CivilDay(iso: String(decoding: bytes, as: UTF8.self)) else { return nil }
    return (day, 10)
  }
}
