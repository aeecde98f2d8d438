/// Writes a dataset as JSON laid out the way people read and correct it, as in `data/`: fields
/// in the documented order, two-space indents, lists of ids and small objects (dates,
/// provenance, relations) on one line, absent optionals left out.
///
/// Hand-written rather than `JSONEncoder`: encoding took longer than extracting the article
/// it came from, and the encoder can only sort keys alphabetically.
public enum DatasetWriter {
  public static func json(_ dataset: Dataset, keeping extensions: DatasetExtensions = .init())
    -> String
  {
    String(decoding: utf8(dataset, keeping: extensions), as: UTF8.self)
  }

  /// The same JSON as UTF-8 bytes, ready for a file without a round trip through String.
  /// `extensions` (read from the file being rewritten) go back where they were.
  public static func utf8(_ dataset: Dataset, keeping extensions: DatasetExtensions = .init())
    -> [UInt8]
  {
    var writer = JSONWriter()
    writer.extensions = extensions.isEmpty ? nil : extensions
    writer.open("{", path: "")
    writer.field("format", dataset.format)
    if let title = dataset.title {
      writer.field("title", title)
    }
    writer.list("sources", dataset.sources, id: \.id) { writer, source in
      writer.field("id", source.id)
      writer.field("publisher", source.publisher)
      writer.field("title", source.title)
      writer.field("published", source.published)
      writer.optional("url", source.url)
    }
    writer.list("actors", dataset.actors, id: \.id) { writer, actor in
      writer.field("id", actor.id)
      writer.field("name", actor.name)
      writer.key("aliases")
      writer.strings(actor.aliases)
      writer.field("kind", actor.kind.rawValue)
      writer.optional("role", actor.role)
      writer.optional("affiliation", actor.affiliation)
    }
    writer.list("events", dataset.events, id: \.id) { writer, event in
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
    writer.list("quotes", dataset.quotes, id: \.id) { writer, quote in
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
    writer.list("relations", dataset.relations, oneLine: true, id: nil) { writer, relation in
      writer.field("from", relation.from)
      writer.field("to", relation.to)
      writer.field("kind", relation.kind.rawValue)
      writer.optional("event", relation.event)
      writer.key("provenance")
      writer.provenance(relation.provenance)
    }
    writer.close("}")
    writer.append(UInt8(ascii: "\n"))
    return writer.takeBytes()
  }
}

/// Appends JSON to a byte buffer, keeping track of commas and indentation.
private struct JSONWriter {
  /// The bytes written so far, in a buffer written through its pointer: the writer appends a
  /// few bytes at a time, and an array's append checks uniqueness and capacity on every call,
  /// which cost more than the bytes. Freed by `takeBytes`, the writer's last call.
  private var base: UnsafeMutablePointer<UInt8>
  private var count = 0
  private var capacity = 16 * 1024
  private var depth = 0
  /// One bit per open container, innermost in bit 0 (the dataset nests four deep): set when
  /// the container has a member already, so the next one needs a comma.
  private var hasMember: UInt64 = 0
  /// One bit per open container: set when it keeps its members on one line.
  private var inline: UInt64 = 0

  /// Fields to write back (see `DatasetExtensions`), the ones still to write in each open
  /// object (innermost last), the last member written in each, and the current item's path.
  var extensions: DatasetExtensions?
  private var pending: [[DatasetExtensions.Member]] = []
  private var lastKey: [String?] = []
  private var itemPath = ""

  init() { base = .allocate(capacity: capacity) }

  /// The JSON written, as an array; the writer's buffer is freed.
  mutating func takeBytes() -> [UInt8] {
    let bytes = Array(UnsafeBufferPointer(start: base, count: count))
    base.deallocate()
    count = 0
    capacity = 0
    return bytes
  }

  @inline(__always)
  private mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(count + extra) }
  }

  private mutating func grow(_ needed: Int) {
    var newCapacity = max(capacity * 2, 64)
    while newCapacity < needed { newCapacity *= 2 }
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count += 1
  }

  @inline(__always)
  private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    reserve(bytes.count)
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  /// Writes the pending extension members that followed `key` (and those that followed them).
  private mutating func writeExtensions(after key: String?) {
    guard !pending.isEmpty, !pending[pending.count - 1].isEmpty else { return }
    var anchor = key
    while let found = pending[pending.count - 1].firstIndex(where: { $0.after == anchor }) {
      let member = pending[pending.count - 1].remove(at: found)
      writeRaw(member)
      anchor = member.key
    }
  }

  private mutating func writeRaw(_ member: DatasetExtensions.Member) {
    beginMember()
    string(member.key)
    append(": ")
    member.raw.withUnsafeBufferPointer { append($0) }
  }

  @inline(__always)
  private mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { append($0) }
  }

  /// Most of the punctuation is one byte: cheaper than appending a buffer.
  @inline(__always)
  private mutating func append(_ character: Unicode.Scalar) {
    append(UInt8(truncatingIfNeeded: character.value))
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
    let spaces = 2 * depth
    reserve(1 + spaces)
    base[count] = UInt8(ascii: "\n")
    (base + count + 1).initialize(repeating: UInt8(ascii: " "), count: spaces)
    count += 1 + spaces
  }

  mutating func open(_ bracket: Unicode.Scalar, oneLine: Bool = false, path: String? = nil) {
    append(bracket)
    depth += 1
    hasMember <<= 1
    inline = inline << 1 | (oneLine ? 1 : 0)
    guard let extensions else { return }
    pending.append(path.flatMap { extensions.members[$0] } ?? [])
    lastKey.append(nil)
    writeExtensions(after: nil)
  }

  mutating func close(_ bracket: Unicode.Scalar) {
    if extensions != nil, !pending.isEmpty {
      writeExtensions(after: lastKey[lastKey.count - 1])
      // Members whose neighbour is gone go last.
      for member in pending.removeLast() { writeRaw(member) }
      lastKey.removeLast()
    }
    depth -= 1
    let hadMembers = hasMember & 1 == 1
    let wasInline = inline & 1 == 1
    hasMember >>= 1
    inline >>= 1
    if !wasInline && hadMembers { newLine() }
    append(bracket)
  }

  mutating func key(_ name: StaticString) {
    if extensions != nil, !lastKey.isEmpty {
      writeExtensions(after: lastKey[lastKey.count - 1])
      lastKey[lastKey.count - 1] = name.description
    }
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
    _ name: StaticString, _ items: [Item], oneLine: Bool = false, id: ((Item) -> String)?,
    _ members: (inout JSONWriter, Item) -> Void
  ) {
    key(name)
    open("[")
    for (position, item) in items.enumerated() {
      element()
      if extensions != nil {
        itemPath = "\(name)/" + (id.map { $0(item) } ?? "#\(position)")
      }
      open("{", oneLine: oneLine, path: extensions == nil ? nil : itemPath)
      members(&self, item)
      close("}")
    }
    close("]")
  }

  mutating func provenance(_ provenance: Provenance) {
    open("{", oneLine: true, path: extensions == nil ? nil : itemPath + "/provenance")
    key("source")
    string(provenance.source)
    key("paragraph")
    integer(provenance.paragraph)
    close("}")
  }

  mutating func date(_ date: DateSpec) {
    switch date {
    case .edtf(let text):
      string(text)
    case .stated(let stated):
      open("{", oneLine: true, path: extensions == nil ? nil : itemPath + "/date")
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

  /// A decimal integer, as `String(value)` writes it.
  mutating func integer(_ value: Int) {
    guard value >= 0, value < 10_000 else {
      Array(String(value).utf8).withUnsafeBufferPointer { append($0) }
      return
    }
    var divisor = 1
    while divisor * 10 <= value { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      append(UInt8(ascii: "0") + UInt8(rest / divisor))
      rest %= divisor
      divisor /= 10
    }
  }

  /// A JSON string: quotation marks, backslashes and control characters escaped; everything
  /// else, slashes and non-ASCII included, written as it is.
  mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      append(UInt8(ascii: "\""))
      // Most text needs no escapes: copied whole. Text that does (a summary quoting someone)
      // is copied in runs between the bytes to escape.
      var run = DatasetWriter.firstEscape(in: utf8, from: 0)
      if run == utf8.count {
        append(utf8)
      } else {
        var start = 0
        while start < utf8.count {
          append(UnsafeBufferPointer(rebasing: utf8[start..<run]))
          guard run < utf8.count else { break }
          escape(utf8[run])
          start = run + 1
          run = DatasetWriter.firstEscape(in: utf8, from: start)
        }
      }
      append(UInt8(ascii: "\""))
    }
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
        append(hex[Int(byte >> 4)])
        append(hex[Int(byte & 0x0F)])
      }
    default: append(byte)
    }
  }
}

extension DatasetWriter {
  @inline(__always)
  static func needsEscape(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
  }

  /// The index of the first byte from `start` on that needs an escape, else `bytes.count`:
  /// eight bytes at a time, as most text has none.
  static func firstEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let base = bytes.baseAddress else { return bytes.count }
    var index = start
    while index + 8 <= bytes.count {
      let word = ByteScan.word(at: base + index)
      if ByteScan.hasByte(below: 0x20, in: word) || ByteScan.hasByte(UInt8(ascii: "\""), in: word)
        || ByteScan.hasByte(UInt8(ascii: "\\"), in: word)
      {
        break
      }
      index += 8
    }
    while index < bytes.count, !needsEscape(bytes[index]) { index += 1 }
    return index
  }
}
