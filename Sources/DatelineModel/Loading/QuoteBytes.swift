/// Reads a quote object straight from its bytes, for the shape nearly every quote of a large
/// dataset has: the known fields, strings without escapes, `date` as an EDTF string, a
/// `provenance` object with `source` and a whole-number `paragraph`, `urls` an array of strings.
///
/// It gives what `JSONParser` and `DatasetDecoder` give for such an object (the same `Quote`,
/// the same field positions) without building a tree of it, and nil for anything else (an
/// escape, a null, an unknown or repeated field, a missing one, a date in words, a number that
/// is not a plain whole number in range, a syntax error): the caller then reads the object
/// through the general path, which says what is wrong with it, if anything.
struct QuoteBytes {
  private let bytes: UnsafeBufferPointer<UInt8>
  private let end: Int
  private(set) var index: Int
  private(set) var line: Int
  private(set) var column: Int

  /// A reader of `bytes[start..<end]`, where `start` is at `position` in the file.
  init(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, position: TextPosition) {
    self.bytes = bytes
    self.end = end
    index = start
    line = position.line
    column = position.column
  }

  private var position: TextPosition { TextPosition(line: line, column: column) }

  private enum Field: Int {
    case id, text, speaker, event, date, kind, provenance, urls
  }

  /// Each field's name, at its raw value.
  private static let fieldNames = [
    "id", "text", "speaker", "event", "date", "kind", "provenance", "urls",
  ]
  private static let fieldBytes = fieldNames.map { Array($0.utf8) }

  private func knownField(_ key: Range<Int>) -> Field? {
    for (raw, name) in QuoteBytes.fieldBytes.enumerated() where equal(key, name) {
      return Field(rawValue: raw)
    }
    return nil
  }

  /// "urls.0", "urls.1", ...: the field names of the first addresses, made once.
  private static let urlFields = (0..<16).map { "urls.\($0)" }

  /// The quote object at the reader's start, and where each field's value is, as the decoder
  /// records them; the reader is then just after its closing brace. Nil: not the common shape.
  mutating func quote(path: String) -> (Quote, ItemLocation)? {
    let objectPosition = position
    guard take(UInt8(ascii: "{")) else { return nil }
    var values: [Range<Int>?] = Array(repeating: nil, count: 6)
    var positions: [TextPosition?] = Array(repeating: nil, count: 8)
    var source: (Range<Int>, TextPosition)?
    var paragraph: (Int, TextPosition)?
    var urls: [(Range<Int>, TextPosition)] = []
    while true {
      skipWhitespace()
      guard let key = string(), let field = knownField(key), positions[field.rawValue] == nil
      else { return nil }
      skipWhitespace()
      guard take(UInt8(ascii: ":")) else { return nil }
      skipWhitespace()
      positions[field.rawValue] = position
      switch field {
      case .provenance:
        guard let read = provenance() else { return nil }
        (source, paragraph) = (read.source, read.paragraph)
      case .urls:
        guard let read = strings() else { return nil }
        urls = read
      default:
        guard let value = string() else { return nil }
        values[field.rawValue] = value
      }
      skipWhitespace()
      if take(UInt8(ascii: ",")) { continue }
      guard take(UInt8(ascii: "}")) else { return nil }
      break
    }
    guard let id = values[Field.id.rawValue], let text = values[Field.text.rawValue],
      let speaker = values[Field.speaker.rawValue], let source, let paragraph
    else { return nil }
    var kind = QuoteKind.full
    if let written = values[Field.kind.rawValue] {
      guard let known = QuoteKind(rawValue: make(written)) else { return nil }
      kind = known
    }
    var location = ItemLocation(path: path, object: objectPosition)
    for field in [Field.id, .text, .speaker, .event, .date, .kind] {
      if let at = positions[field.rawValue] {
        location.record(QuoteBytes.fieldNames[field.rawValue], at)
      }
    }
    location.record("provenance", positions[Field.provenance.rawValue]!)
    location.record("provenance.source", source.1)
    location.record("provenance.paragraph", paragraph.1)
    if let at = positions[Field.urls.rawValue] { location.record("urls", at) }
    for (index, (_, at)) in urls.enumerated() {
      location.record(index < 16 ? QuoteBytes.urlFields[index] : "urls.\(index)", at)
    }
    let quote = Quote(
      id: make(id), text: make(text), speaker: make(speaker),
      event: values[Field.event.rawValue].map(make),
      date: values[Field.date.rawValue].map { .edtf(make($0)) }, kind: kind,
      provenance: Provenance(source: make(source.0), paragraph: paragraph.0),
      urls: urls.map { make($0.0) })
    return (quote, location)
  }

  /// `{"source": STRING, "paragraph": N}` in either order, N from 1 to 1,000,000.
  private mutating func provenance() -> (
    source: (Range<Int>, TextPosition), paragraph: (Int, TextPosition)
  )? {
    guard take(UInt8(ascii: "{")) else { return nil }
    var source: (Range<Int>, TextPosition)?
    var paragraph: (Int, TextPosition)?
    while true {
      skipWhitespace()
      guard let key = string() else { return nil }
      skipWhitespace()
      guard take(UInt8(ascii: ":")) else { return nil }
      skipWhitespace()
      let at = position
      if equal(key, QuoteBytes.sourceName), source == nil {
        guard let value = string() else { return nil }
        source = (value, at)
      } else if equal(key, QuoteBytes.paragraphName), paragraph == nil {
        guard let value = wholeNumber(), DatasetDecoder.paragraphRange.contains(value) else {
          return nil
        }
        paragraph = (value, at)
      } else {
        return nil
      }
      skipWhitespace()
      if take(UInt8(ascii: ",")) { continue }
      guard take(UInt8(ascii: "}")), let source, let paragraph else { return nil }
      return (source, paragraph)
    }
  }

  private static let sourceName = Array("source".utf8)
  private static let paragraphName = Array("paragraph".utf8)

  /// `[STRING, ...]`, each with where it starts.
  private mutating func strings() -> [(Range<Int>, TextPosition)]? {
    guard take(UInt8(ascii: "[")) else { return nil }
    var found: [(Range<Int>, TextPosition)] = []
    skipWhitespace()
    if take(UInt8(ascii: "]")) { return found }
    while true {
      skipWhitespace()
      let at = position
      guard let value = string() else { return nil }
      found.append((value, at))
      skipWhitespace()
      if take(UInt8(ascii: ",")) { continue }
      guard take(UInt8(ascii: "]")) else { return nil }
      return found
    }
  }

  /// A string without escapes or control characters: the range of its content.
  private mutating func string() -> Range<Int>? {
    guard index < end, bytes[index] == UInt8(ascii: "\"") else { return nil }
    let start = index + 1
    var at = start
    var columns = 1
    while at < end {
      let byte = bytes[at]
      if byte == UInt8(ascii: "\"") {
        index = at + 1
        column += columns + 1
        return start..<at
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
      if byte & 0xC0 != 0x80 { columns += 1 }
      at += 1
    }
    return nil
  }

  /// Digits without a leading zero, sign, fraction or exponent, followed by no other digit.
  private mutating func wholeNumber() -> Int? {
    var value = 0
    var at = index
    while at < end, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9"), at - index < 9 {
      value = value * 10 + Int(bytes[at] - UInt8(ascii: "0"))
      at += 1
    }
    guard at > index, bytes[index] != UInt8(ascii: "0"), at < end else { return nil }
    switch bytes[at] {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"),
      UInt8(ascii: "E"):
      return nil
    default: break
    }
    column += at - index
    index = at
    return value
  }

  private mutating func take(_ byte: UInt8) -> Bool {
    guard index < end, bytes[index] == byte else { return false }
    index += 1
    column += 1
    return true
  }

  private mutating func skipWhitespace() {
    while index < end {
      switch bytes[index] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): column += 1
      case UInt8(ascii: "\n"):
        line += 1
        column = 1
      default: return
      }
      index += 1
    }
  }

  private func make(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  private func equal(_ range: Range<Int>, _ name: [UInt8]) -> Bool {
    range.count == name.count && bytes[range].elementsEqual(name)
  }
}
