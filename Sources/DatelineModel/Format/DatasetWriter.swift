/// Writes a dataset as JSON laid out the way people read and correct it, as in `data/`: fields
/// in the documented order, two-space indents, lists of ids and small objects (dates,
/// provenance, relations) on one line, absent optionals left out.
///
/// Hand-written rather than `JSONEncoder`: encoding took longer than extracting the article
/// it came from, and the encoder can only sort keys alphabetically.
public enum DatasetWriter {
  public static func json(_ dataset: Dataset) -> String {
    String(decoding: utf8(dataset), as: UTF8.self)
  }

  /// The same JSON as UTF-8 bytes, ready for a file without a round trip through String.
  public static func utf8(_ dataset: Dataset) -> [UInt8] {
    var writer = JSONWriter()
    writer.open("{")
    writer.field("format", dataset.format)
    if let title = dataset.title {
      writer.field("title", title)
    }
    writer.list("sources", dataset.sources) { writer, source in
      writer.field("id", source.id)
      writer.field("publisher", source.publisher)
      writer.field("title", source.title)
      writer.field("published", source.published)
      writer.optional("url", source.url)
    }
    writer.list("actors", dataset.actors) { writer, actor in
      writer.field("id", actor.id)
      writer.field("name", actor.name)
      writer.key("aliases")
      writer.strings(actor.aliases)
      writer.field("kind", actor.kind.rawValue)
      writer.optional("role", actor.role)
      writer.optional("affiliation", actor.affiliation)
    }
    writer.list("events", dataset.events) { writer, event in
      writer.field("id", event.id)
      writer.field("headline", event.headline)
      writer.field("summary", event.summary)
      writer.key("date")
      writer.date(event.date)
      writer.field("status", event.status.rawValue)
      writer.key("participants")
      writer.strings(event.participants)
      writer.optional("location", event.location)
      writer.key("provenance")
      writer.provenance(event.provenance)
    }
    writer.list("quotes", dataset.quotes) { writer, quote in
      writer.field("id", quote.id)
      writer.field("text", quote.text)
      writer.field("speaker", quote.speaker)
      writer.optional("event", quote.event)
      if let date = quote.date {
        writer.key("date")
        writer.date(date)
      }
      writer.field("kind", quote.kind.rawValue)
      writer.key("provenance")
      writer.provenance(quote.provenance)
      if !quote.urls.isEmpty {
        writer.key("urls")
        writer.strings(quote.urls)
      }
    }
    writer.list("relations", dataset.relations, oneLine: true) { writer, relation in
      writer.field("from", relation.from)
      writer.field("to", relation.to)
      writer.field("kind", relation.kind.rawValue)
      writer.optional("event", relation.event)
      writer.key("provenance")
      writer.provenance(relation.provenance)
    }
    writer.close("}")
    writer.bytes.append(UInt8(ascii: "\n"))
    return writer.bytes
  }
}

/// Appends JSON to a byte buffer, keeping track of commas and indentation.
private struct JSONWriter {
  var bytes: [UInt8] = []
  private var depth = 0
  /// One bit per open container, innermost in bit 0 (the dataset nests four deep): set when
  /// the container has a member already, so the next one needs a comma.
  private var hasMember: UInt64 = 0
  /// One bit per open container: set when it keeps its members on one line.
  private var inline: UInt64 = 0

  init() { bytes.reserveCapacity(16 * 1024) }

  private mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Most of the punctuation is one byte: cheaper than appending a buffer.
  private mutating func append(_ character: Unicode.Scalar) {
    bytes.append(UInt8(truncatingIfNeeded: character.value))
  }

  /// Starts a member of the current container: comma, then a new line or a space.
  private mutating func beginMember() {
    guard depth > 0 else { return }
    let hadMember = hasMember & 1 == 1
    if hadMember { append(Unicode.Scalar(",")) }
    hasMember |= 1
    if inline & 1 == 1 {
      if hadMember { append(Unicode.Scalar(" ")) }
    } else {
      newLine()
    }
  }

  private mutating func newLine() {
    bytes.append(UInt8(ascii: "\n"))
    for _ in 0..<(2 * depth) { bytes.append(UInt8(ascii: " ")) }
  }

  mutating func open(_ bracket: Unicode.Scalar, oneLine: Bool = false) {
    append(bracket)
    depth += 1
    hasMember <<= 1
    inline = inline << 1 | (oneLine ? 1 : 0)
  }

  mutating func close(_ bracket: Unicode.Scalar) {
    depth -= 1
    let hadMembers = hasMember & 1 == 1
    let wasInline = inline & 1 == 1
    hasMember >>= 1
    inline >>= 1
    if !wasInline && hadMembers { newLine() }
    append(bracket)
  }

  mutating func key(_ name: StaticString) {
    beginMember()
    append(Unicode.Scalar("\""))
    append(name)
    append("\": ")
  }

  /// A value in an array (object members start with `key`).
  mutating func element() { beginMember() }

  mutating func field(_ name: StaticString, _ value: String) {
    key(name)
    string(value)
  }

  mutating func optional(_ name: StaticString, _ value: String?) {
    guard let value else { return }
    key(name)
    string(value)
  }

  mutating func strings(_ values: [String]) {
    open("[", oneLine: true)
    for value in values {
      element()
      string(value)
    }
    close("]")
  }

  mutating func list<Item>(
    _ name: StaticString, _ items: [Item], oneLine: Bool = false,
    _ members: (inout JSONWriter, Item) -> Void
  ) {
    key(name)
    open("[")
    for item in items {
      element()
      open("{", oneLine: oneLine)
      members(&self, item)
      close("}")
    }
    close("]")
  }

  mutating func provenance(_ provenance: Provenance) {
    open("{", oneLine: true)
    key("source")
    string(provenance.source)
    key("paragraph")
    bytes.append(contentsOf: String(provenance.paragraph).utf8)
    close("}")
  }

  mutating func date(_ date: DateSpec) {
    switch date {
    case .edtf(let text):
      string(text)
    case .stated(let stated):
      open("{", oneLine: true)
      key("stated")
      string(stated.stated)
      if let tense = stated.tense {
        key("tense")
        string(tense.rawValue)
      }
      optional("relativeTo", stated.relativeTo)
      close("}")
    }
  }

  /// A JSON string: quotation marks, backslashes and control characters escaped; everything
  /// else, slashes and non-ASCII included, written as it is.
  mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      bytes.append(UInt8(ascii: "\""))
      // Most text needs no escapes: copy it whole.
      var needsEscapes = false
      for byte in utf8 where JSONWriter.needsEscape(byte) {
        needsEscapes = true
        break
      }
      if !needsEscapes {
        bytes.append(contentsOf: utf8)
      } else {
        for byte in utf8 { escape(byte) }
      }
      bytes.append(UInt8(ascii: "\""))
    }
  }

  @inline(__always)
  private static func needsEscape(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
  }

  private mutating func escape(_ byte: UInt8) {
    switch byte {
    case UInt8(ascii: "\""): append("\\\"")
    case UInt8(ascii: "\\"): append("\\\\")
    case 0x0A: append("\\n")
    case 0x0D: append("\\r")
    case 0x09: append("\\t")
    case 0x00..<0x20:
      append("\\u00")
      let digits: StaticString = "0123456789abcdef"
      digits.withUTF8Buffer { hex in
        bytes.append(hex[Int(byte >> 4)])
        bytes.append(hex[Int(byte & 0x0F)])
      }
    default: bytes.append(byte)
    }
  }
}
