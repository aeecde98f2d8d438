import DatelineModel

/// iCalendar (RFC 5545): one all-day `VEVENT` per event, CRLF line ends, lines folded at 75
/// octets (never inside a UTF-8 sequence), TEXT values escaped.
///
/// `UID`s are stable (the event id and its source id), so importing a later export updates
/// events instead of duplicating them. The status becomes `STATUS` (what has happened or is
/// scheduled is `CONFIRMED`; what is expected or predicted is `TENTATIVE`) and a `CATEGORIES`
/// entry with its name. Events outside the years 1...9999 cannot be written as iCalendar dates and
/// are left out.
public enum ICalendarWriter {
  public static let productID = "-//Dateline//Dateline timeline export//EN"

  static func calendar(_ timeline: ExportData, options: ExportOptions) -> String {
    var lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:\(productID)",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:\(text(timeline.title))",
    ]
    let stamp = utcStamp(options.timestamp)
    for item in timeline.events {
      lines += event(item, timeline, stamp: stamp)
    }
    lines.append("END:VCALENDAR")
    return lines.map(fold).joined()
  }

  static func event(_ item: TimelineEvent, _ timeline: ExportData, stamp: String) -> [String] {
    let first = item.date.start
    let last = item.date.value.latestDay
    guard (1...9999).contains(first.year), (1...9999).contains(last.year),
      last.adding(days: 1).year <= 9999
    else { return [] }
    let event = item.event
    var lines = [
      "BEGIN:VEVENT",
      "UID:\(text(event.id)).\(text(event.provenance.source))@dateline",
      "DTSTAMP:\(stamp)",
      "DTSTART;VALUE=DATE:\(basic(first))",
      // DTEND of an all-day event is exclusive: the day after the last.
      "DTEND;VALUE=DATE:\(basic(max(last, first).adding(days: 1)))",
      "SUMMARY:\(text(event.headline))",
      "DESCRIPTION:\(text(description(item, timeline)))",
      "STATUS:\(event.status == .occurred || event.status == .scheduled ? "CONFIRMED" : "TENTATIVE")",
      "CATEGORIES:\(text(event.status.rawValue))" + (item.isUpcoming ? ",upcoming" : ""),
      "TRANSP:TRANSPARENT",
    ]
    if let location = event.location, !location.isEmpty {
      lines.append("LOCATION:\(text(location))")
    }
    if let url = timeline.source(id: event.provenance.source)?.url,
      TimelineJSWriter.isWebAddress(url), !url.unicodeScalars.contains(where: { $0.value < 0x21 })
    {
      lines.append("URL:\(url)")
    }
    lines.append("END:VEVENT")
    return lines
  }

  /// The summary, when it happens in words (with the article's words when it was stated), the
  /// quotes at the event, and the source.
  static func description(_ item: TimelineEvent, _ timeline: ExportData) -> String {
    var parts = [item.event.summary]
    var when = "When: \(DateWording.words(item.date.value))"
    if let stated = item.date.stated { when += " (stated \u{201C}\(stated)\u{201D})" }
    parts.append(when)
    for quote in timeline.quotes(at: item.event.id) {
      parts.append("\u{201C}\(quote.quote.text)\u{201D} \u{2014} \(quote.speakerName)")
    }
    parts.append("Source: \(ExportText.citation(item.event.provenance, timeline))")
    return parts.joined(separator: "\n\n")
  }

  /// `20250227`
  static func basic(_ day: CivilDay) -> String {
    pad(day.year, 4) + pad(day.month, 2) + pad(day.day, 2)
  }

  /// Zero-padded decimal: `pad(7, 2)` is `07`.
  static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(abs(value))
    let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
    return value < 0 ? "-" + padded : padded
  }

  /// `20250224T211900Z` for seconds since 1970-01-01 UTC.
  static func utcStamp(_ seconds: Int) -> String {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let rest = seconds - days * 86_400
    let day = CivilDay(dayNumber: days)
    return basic(day) + "T" + pad(rest / 3600, 2) + pad(rest % 3600 / 60, 2)
      + pad(rest % 60, 2) + "Z"
  }

  /// A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as
  /// `\n`, other control characters dropped.
  static func text(_ value: String) -> String {
    var result = ""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\\": result += "\\\\"
      case ";": result += "\\;"
      case ",": result += "\\,"
      case "\n": result += "\\n"
      case "\r": continue
      default:
        switch scalar.properties.generalCategory {
        case .control, .surrogate, .unassigned: continue
        case .lineSeparator, .paragraphSeparator: result += "\\n"
        default: result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// One content line, folded: at most 75 octets a line, continuation lines starting with a
  /// space, breaks only between UTF-8 sequences; each physical line ends in CRLF.
  static func fold(_ line: String) -> String {
    let bytes = Array(line.utf8)
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + bytes.count / 70 * 3 + 2)
    var index = 0
    var limit = 75
    while index < bytes.count {
      var end = min(index + limit, bytes.count)
      // Back up to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
      while end < bytes.count, end > index, bytes[end] & 0xC0 == 0x80 { end -= 1 }
      if index > 0 { result += [0x0D, 0x0A, 0x20] }
      result += bytes[index..<end]
      index = end
      limit = 74  // the leading space counts
    }
    result += [0x0D, 0x0A]
    return String(decoding: result, as: UTF8.self)
  }
}
