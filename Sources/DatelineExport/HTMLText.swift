import Foundation

/// Plain text from the small HTML TimelineJS slides hold: tags dropped, character references
/// decoded, runs of white space collapsed to one space.
enum HTMLText {
  static func plain(_ html: String) -> String {
    var result = ""
    var scalars = Substring(html).unicodeScalars[...]
    var pendingSpace = false
    func append(_ scalar: Unicode.Scalar) {
      if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
        pendingSpace = !result.isEmpty
        return
      }
      if pendingSpace { result += " " }
      pendingSpace = false
      result.unicodeScalars.append(scalar)
    }
    while let scalar = scalars.first {
      scalars.removeFirst()
      switch scalar {
      case "<":
        // A tag ends at the next '>'; a '<' that opens no tag is text.
        if let close = scalars.firstIndex(of: ">"), let next = scalars.first,
          next == "/" || next == "!" || next.properties.isAlphabetic
        {
          scalars = scalars[scalars.index(after: close)...]
          pendingSpace = !result.isEmpty
        } else {
          append(scalar)
        }
      case "&":
        if let semicolon = scalars.prefix(12).firstIndex(of: ";"),
          let decoded = reference(String(scalars[..<semicolon]))
        {
          scalars = scalars[scalars.index(after: semicolon)...]
          append(decoded)
        } else {
          append(scalar)
        }
      default:
        append(scalar)
      }
    }
    return result
  }

  /// The named references HTML text commonly uses, and numeric ones.
  static func reference(_ name: String) -> Unicode.Scalar? {
    switch name {
    case "amp": return "&"
    case "lt": return "<"
    case "gt": return ">"
    case "quot": return "\""
    case "apos": return "'"
    case "nbsp": return " "
    case "mdash": return "\u{2014}"
    case "ndash": return "\u{2013}"
    case "hellip": return "\u{2026}"
    case "lsquo": return "\u{2018}"
    case "rsquo": return "\u{2019}"
    case "ldquo": return "\u{201C}"
    case "rdquo": return "\u{201D}"
    default: break
    }
    guard name.hasPrefix("#") else { return nil }
    let digits = name.dropFirst()
    let value: UInt32?
    if digits.hasPrefix("x") || digits.hasPrefix("X") {
      value = UInt32(digits.dropFirst(), radix: 16)
    } else {
      value = UInt32(digits)
    }
    guard let value, let scalar = Unicode.Scalar(value), value != 0 else { return nil }
    return scalar
  }

  /// The first `<p>` of a slide's text (where `dateline export` puts the summary), or the whole
  /// text when it does not start with a paragraph.
  static func firstParagraph(_ html: String) -> String {
    let trimmed = html.trimmingSpaces()
    guard trimmed.lowercased().hasPrefix("<p>") || trimmed.lowercased().hasPrefix("<p "),
      let close = trimmed.range(of: "</p>", options: .caseInsensitive)
    else { return trimmed }
    return String(trimmed[..<close.lowerBound])
  }
}

extension HTMLText {
  /// A quotation as `dateline export` writes it in a slide:
  /// `<blockquote>“TEXT” <cite>— SPEAKER</cite></blockquote>`.
  struct Quotation: Equatable {
    var text: String
    var speaker: String
  }

  /// The quotations of a slide's text that name their speaker in a `<cite>`; others are left
  /// out (a quote needs a speaker).
  static func quotations(_ html: String) -> [Quotation] {
    var found: [Quotation] = []
    var rest = html[...]
    while let open = rest.range(of: "<blockquote", options: .caseInsensitive),
      let close = rest.range(
        of: "</blockquote>", options: .caseInsensitive, range: open.upperBound..<rest.endIndex)
    {
      defer { rest = rest[close.upperBound...] }
      guard let tagEnd = rest[open.upperBound..<close.lowerBound].firstIndex(of: ">") else {
        continue
      }
      let inside = rest[rest.index(after: tagEnd)..<close.lowerBound]
      guard let cite = inside.range(of: "<cite", options: .caseInsensitive) else { continue }
      var text = plain(String(inside[..<cite.lowerBound]))
      var speaker = plain(String(inside[cite.lowerBound...]))
      while let first = speaker.first, "\u{2014}\u{2013}-~ ".contains(first) {
        speaker.removeFirst()
      }
      if text.count >= 2, text.first == "\u{201C}", text.last == "\u{201D}" {
        text = String(text.dropFirst().dropLast())
      }
      guard !text.isEmpty, !speaker.isEmpty else { continue }
      found.append(Quotation(text: text, speaker: speaker))
    }
    return found
  }
}
