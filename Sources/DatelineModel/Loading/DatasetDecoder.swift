/// Where one item of a dataset was read from: its file, its object, and the value of each field
/// that a later check may point at ("id", "date.relativeTo", "participants.2", ...).
///
/// An item of a large file read in pieces keeps only where its object starts (`reread`): the
/// positions of its fields would cost more memory than the item itself, and are wanted only for
/// a diagnostic, when the item is read again from the file.
struct ItemLocation: Sendable {
  var path: String
  var object: TextPosition
  var fields = FieldPositions()
  /// Where to read the item again for its fields' positions; nil when `fields` holds them.
  var reread: Reread?

  struct Reread: Sendable {
    /// Byte offset of the item's `{` in its file.
    var offset: Int
    var collection: DatasetChecker.Collection
  }

  func position(of field: String) -> TextPosition {
    if let position = fields[field] { return position }
    guard let reread,
      let fields = DatasetFileReader.fieldPositions(
        path: path, offset: reread.offset, position: object, collection: reread.collection)
    else { return object }
    return fields[field] ?? object
  }

  /// Notes where `field`'s value is, unless the item is to be read again for it.
  mutating func record(_ field: String, _ position: TextPosition) {
    if reread == nil { fields[field] = position }
  }
}

/// The positions of an item's fields, in the order they were noted: a short list, looked up
/// from its end (the last note of a field wins). An item has a dozen fields or so, and most are
/// never looked up: a dictionary's hashing and growing cost an import of a million quotes
/// several seconds.
struct FieldPositions: Sendable, Sequence, Equatable {
  private var entries: [(field: String, position: TextPosition)] = []

  var isEmpty: Bool { entries.isEmpty }

  /// Each field's position as a lookup finds it.
  var dictionary: [String: TextPosition] {
    Dictionary(entries, uniquingKeysWith: { _, last in last })
  }

  static func == (lhs: FieldPositions, rhs: FieldPositions) -> Bool {
    lhs.dictionary == rhs.dictionary
  }

  subscript(field: String) -> TextPosition? {
    get { entries.last { $0.field == field }?.position }
    set {
      if let newValue {
        entries.append((field, newValue))
      } else {
        entries.removeAll { $0.field == field }
      }
    }
  }

  func makeIterator() -> IndexingIterator<[(field: String, position: TextPosition)]> {
    entries.makeIterator()
  }
}

/// A dataset with the location of every item, parallel to the dataset's arrays.
struct LocatedDataset: Sendable {
  var dataset = Dataset()
  var sources: [ItemLocation] = []
  var actors: [ItemLocation] = []
  var events: [ItemLocation] = []
  var quotes: [ItemLocation] = []
  var relations: [ItemLocation] = []
  /// Ids of items that were dropped for errors; references to them are not reported again.
  var brokenIDs: Set<String> = []
  /// Size of the file it was read from (for progress), 0 when not read from a file.
  var byteCount = 0

  mutating func merge(_ other: LocatedDataset) {
    dataset.append(other.dataset)
    sources.appendSharingStorage(other.sources)
    actors.appendSharingStorage(other.actors)
    events.appendSharingStorage(other.events)
    quotes.appendSharingStorage(other.quotes)
    relations.appendSharingStorage(other.relations)
    brokenIDs.formUnion(other.brokenIDs)
  }
}

/// Turns parsed JSON into `Dataset` values, reporting every type error, missing or unknown field
/// with its position instead of stopping at the first.
struct DatasetDecoder {
  let path: String
  /// Set while decoding an item of a file read in pieces: where the item starts, so its location
  /// keeps that instead of every field's position (see `ItemLocation`).
  var itemOffset: Int?
  private(set) var diagnostics: [Diagnostic] = []
  private(set) var result = LocatedDataset()

  init(path: String) { self.path = path }

  /// The paragraph numbers a provenance may give (counted from 1).
  static let paragraphRange = 1...1_000_000

  static func decode(_ root: JSONNode, path: String) -> (LocatedDataset, [Diagnostic]) {
    var decoder = DatasetDecoder(path: path)
    decoder.decodeRoot(root)
    return (decoder.result, decoder.diagnostics)
  }

  private mutating func report(_ position: TextPosition, _ message: String) {
    diagnostics.append(
      Diagnostic(path: path, line: position.line, column: position.column, message: message))
  }

  private static let rootFields = [
    "$schema", "format", "title", "sources", "actors", "events", "quotes", "relations",
  ]

  private mutating func decodeRoot(_ root: JSONNode) {
    guard case .object(let members) = root.value else {
      reportNotAnObject(root)
      return
    }
    for member in members {
      guard let collection = DatasetChecker.Collection(rawValue: member.key),
        case .array(let elements) = member.value.value
      else { continue }
      for (index, element) in elements.enumerated() {
        decode(element, as: collection, index: index)
      }
    }
    decodeRootMembers(members, position: root.position)
  }

  /// A root that is not an object.
  mutating func reportNotAnObject(_ root: JSONNode) {
    report(
      root.position,
      "a dataset file must be a JSON object with \"format\": \"\(Dataset.currentFormat)\" and the arrays sources, actors, events, quotes, relations; found \(root.typeName)"
    )
  }

  /// One element of the array `collection` of the root object, the `index`-th.
  mutating func decode(_ element: JSONNode, as collection: DatasetChecker.Collection, index: Int) {
    switch collection {
    case .sources: decodeSource(element, index)
    case .actors: decodeActor(element, index)
    case .events: decodeEvent(element, index)
    case .quotes: decodeQuote(element, index)
    case .relations: decodeRelation(element, index)
    }
  }

  /// The root object's own fields (format, title, unknown fields, an item list that is not an
  /// array), given its members; the elements of item arrays are decoded apart, with
  /// `decode(_:as:index:)` (a reader that streams them may leave those arrays out of `members`).
  mutating func decodeRootMembers(_ members: [JSONNode.Member], position: TextPosition) {
    var reader = ObjectReader(members: members, position: position, label: "the dataset")
    if let format = reader.member("format") {
      if case .string(let text) = format.value.value {
        if text != Dataset.currentFormat {
          report(
            format.value.position,
            "unknown format version \"\(text)\"; this Dateline reads \"\(Dataset.currentFormat)\": set \"format\": \"\(Dataset.currentFormat)\""
          )
        }
      } else {
        report(
          format.value.position,
          "\"format\" must be a string such as \"\(Dataset.currentFormat)\", found \(format.value.typeName)"
        )
      }
    } else {
      report(
        position,
        "the dataset has no \"format\"; add \"format\": \"\(Dataset.currentFormat)\" at the top")
    }
    result.dataset.title = string(&reader, "title", required: false)
    for key in ["sources", "actors", "events", "quotes", "relations"] {
      guard let member = reader.member(key) else { continue }
      switch member.value.value {
      case .array, .null: break
      default:
        report(member.value.position, "\"\(key)\" must be an array, found \(member.value.typeName)")
      }
    }
    finish(reader, known: DatasetDecoder.rootFields)
  }

  /// What was decoded since the last call, and its problems; the decoder starts afresh.
  mutating func take() -> (LocatedDataset, [Diagnostic]) {
    defer {
      result = LocatedDataset()
      diagnostics = []
    }
    return (result, diagnostics)
  }

  /// Reports fields the format does not know (usually a typo).
  private mutating func finish(_ reader: ObjectReader, known: [String]) {
    for member in reader.members where !known.contains(member.key) && !member.key.hasPrefix("_") {
      report(
        member.keyPosition,
        "unknown field \"\(member.key)\" in \(reader.label); known fields: \(known.filter { $0 != "$schema" }.joined(separator: ", "))"
      )
    }
  }

  // MARK: Items

  private mutating func beginItem(
    _ node: JSONNode, kind: String, index: Int
  ) -> ObjectReader? {
    guard case .object(let members) = node.value else {
      report(node.position, "each of \(kind)s must be an object, found \(node.typeName)")
      return nil
    }
    var reader = ObjectReader(
      members: members, position: node.position, label: "\(kind) #\(index + 1)")
    if let idMember = reader.member("id"),
      case .string(let id) = idMember.value.value
    {
      reader.label = "\(kind) '\(id)'"
    }
    return reader
  }

  private mutating func decodeSource(_ node: JSONNode, _ index: Int) {
    guard var reader = beginItem(node, kind: "source", index: index) else { return }
    var location = itemLocation(node, .sources)
    let id = string(&reader, "id", location: &location)
    let publisher = string(&reader, "publisher", location: &location)
    let title = string(&reader, "title", location: &location)
    let published = string(&reader, "published", location: &location)
    let url = string(&reader, "url", required: false, location: &location)
    finish(reader, known: ["id", "publisher", "title", "published", "url"])
    guard let id, let publisher, let title, let published else { return markBroken(id) }
    result.dataset.sources.append(
      Source(id: id, publisher: publisher, title: title, published: published, url: url))
    result.sources.append(location)
  }

  private mutating func decodeActor(_ node: JSONNode, _ index: Int) {
    guard var reader = beginItem(node, kind: "actor", index: index) else { return }
    var location = itemLocation(node, .actors)
    let id = string(&reader, "id", location: &location)
    let name = string(&reader, "name", location: &location)
    let aliases = stringArray(&reader, "aliases", location: &location)
    let kind: ActorKind? = enumeration(&reader, "kind", location: &location)
    let role = string(&reader, "role", required: false, location: &location)
    let affiliation = string(&reader, "affiliation", required: false, location: &location)
    finish(reader, known: ["id", "name", "aliases", "kind", "role", "affiliation"])
    guard let id, let name, let aliases, let kind else { return markBroken(id) }
    result.dataset.actors.append(
      Actor(id: id, name: name, aliases: aliases, kind: kind, role: role, affiliation: affiliation))
    result.actors.append(location)
  }

  private mutating func decodeEvent(_ node: JSONNode, _ index: Int) {
    guard var reader = beginItem(node, kind: "event", index: index) else { return }
    var location = itemLocation(node, .events)
    let id = string(&reader, "id", location: &location)
    let headline = string(&reader, "headline", location: &location)
    let summary = string(&reader, "summary", location: &location)
    let date = dateSpec(&reader, "date", required: true, location: &location)
    let status: EventStatus? = enumeration(&reader, "status", location: &location)
    let participants = stringArray(&reader, "participants", location: &location)
    let place = string(&reader, "location", required: false, location: &location)
    let provenance = provenance(&reader, location: &location)
    finish(
      reader,
      known: [
        "id", "headline", "summary", "date", "status", "participants", "location", "provenance",
      ])
    guard let id, let headline, let summary, let date, let status, let participants, let provenance
    else { return markBroken(id) }
    result.dataset.events.append(
      Event(
        id: id, headline: headline, summary: summary, date: date, status: status,
        participants: participants, location: place, provenance: provenance))
    result.events.append(location)
  }

  private mutating func decodeQuote(_ node: JSONNode, _ index: Int) {
    guard var reader = beginItem(node, kind: "quote", index: index) else { return }
    var location = itemLocation(node, .quotes)
    let id = string(&reader, "id", location: &location)
    let text = string(&reader, "text", location: &location)
    let speaker = string(&reader, "speaker", location: &location)
    let event = string(&reader, "event", required: false, location: &location)
    let date = dateSpec(&reader, "date", required: false, location: &location)
    let kind: QuoteKind? =
      reader.member("kind") == nil
      ? .full : enumeration(&reader, "kind", location: &location)
    let provenance = provenance(&reader, location: &location)
    let urls = stringArray(&reader, "urls", location: &location)
    finish(reader, known: ["id", "text", "speaker", "event", "date", "kind", "provenance", "urls"])
    guard let id, let text, let speaker, let kind, let provenance, let urls else {
      return markBroken(id)
    }
    result.dataset.quotes.append(
      Quote(
        id: id, text: text, speaker: speaker, event: event, date: date, kind: kind,
        provenance: provenance, urls: urls))
    result.quotes.append(location)
  }

  /// A quote decoded elsewhere (`QuoteBytes`), with its location, as `decode` would add it.
  mutating func append(_ quote: Quote, at location: ItemLocation) {
    result.dataset.quotes.append(quote)
    result.quotes.append(location)
  }

  private mutating func decodeRelation(_ node: JSONNode, _ index: Int) {
    guard var reader = beginItem(node, kind: "relation", index: index) else { return }
    var location = itemLocation(node, .relations)
    let from = string(&reader, "from", location: &location)
    let to = string(&reader, "to", location: &location)
    let kind: RelationKind? = enumeration(&reader, "kind", location: &location)
    let event = string(&reader, "event", required: false, location: &location)
    let provenance = provenance(&reader, location: &location)
    finish(reader, known: ["from", "to", "kind", "event", "provenance"])
    guard let from, let to, let kind, let provenance else { return }
    result.dataset.relations.append(
      Relation(from: from, to: to, kind: kind, event: event, provenance: provenance))
    result.relations.append(location)
  }

  private func itemLocation(_ node: JSONNode, _ collection: DatasetChecker.Collection)
    -> ItemLocation
  {
    var location = ItemLocation(path: path, object: node.position)
    location.reread = itemOffset.map { ItemLocation.Reread(offset: $0, collection: collection) }
    return location
  }

  private mutating func markBroken(_ id: String?) {
    if let id { result.brokenIDs.insert(id) }
  }

  // MARK: Fields

  private mutating func string(
    _ reader: inout ObjectReader, _ key: String, required: Bool = true
  ) -> String? {
    var ignored = ItemLocation(path: path, object: reader.position)
    return string(&reader, key, required: required, location: &ignored)
  }

  private mutating func string(
    _ reader: inout ObjectReader, _ key: String, required: Bool = true,
    location: inout ItemLocation
  ) -> String? {
    guard let member = present(&reader, key, required: required) else { return nil }
    location.record(key, member.value.position)
    guard case .string(let text) = member.value.value else {
      report(
        member.value.position,
        "\"\(key)\" of \(reader.label) must be a string, found \(member.value.typeName)")
      return nil
    }
    return text
  }

  /// An optional array of strings; absent or null reads as empty.
  private mutating func stringArray(
    _ reader: inout ObjectReader, _ key: String, location: inout ItemLocation
  ) -> [String]? {
    guard let member = present(&reader, key, required: false) else { return [] }
    location.record(key, member.value.position)
    guard case .array(let elements) = member.value.value else {
      report(
        member.value.position,
        "\"\(key)\" of \(reader.label) must be an array of strings, found \(member.value.typeName)")
      return nil
    }
    var strings: [String] = []
    var valid = true
    for (index, element) in elements.enumerated() {
      location.record("\(key).\(index)", element.position)
      if case .string(let text) = element.value {
        strings.append(text)
      } else {
        report(
          element.position,
          "\"\(key)\" of \(reader.label) must hold strings, found \(element.typeName)")
        valid = false
      }
    }
    return valid ? strings : nil
  }

  private mutating func enumeration<Value: RawRepresentable & CaseIterable>(
    _ reader: inout ObjectReader, _ key: String, location: inout ItemLocation
  ) -> Value? where Value.RawValue == String {
    guard let member = present(&reader, key, required: true) else { return nil }
    location.record(key, member.value.position)
    let choices = Value.allCases.map(\.rawValue).joined(separator: ", ")
    guard case .string(let text) = member.value.value else {
      report(
        member.value.position,
        "\"\(key)\" of \(reader.label) must be one of: \(choices); found \(member.value.typeName)")
      return nil
    }
    guard let value = Value(rawValue: text) else {
      report(
        member.value.position,
        "\"\(key)\" of \(reader.label) is \"\(text)\"; use one of: \(choices)")
      return nil
    }
    return value
  }

  private mutating func dateSpec(
    _ reader: inout ObjectReader, _ key: String, required: Bool, location: inout ItemLocation
  ) -> DateSpec? {
    guard let member = present(&reader, key, required: required) else { return nil }
    location.record(key, member.value.position)
    switch member.value.value {
    case .string(let text):
      return .edtf(text)
    case .object(let members):
      var inner = ObjectReader(
        members: members, position: member.value.position, label: "the date of \(reader.label)")
      var innerLocation = ItemLocation(path: path, object: member.value.position)
      let stated = string(&inner, "stated", location: &innerLocation)
      let tense: Tense? =
        inner.member("tense") == nil
        ? nil : enumeration(&inner, "tense", location: &innerLocation)
      let relativeTo = string(&inner, "relativeTo", required: false, location: &innerLocation)
      finish(inner, known: ["stated", "tense", "relativeTo"])
      for (field, position) in innerLocation.fields {
        location.record("\(key).\(field)", position)
      }
      guard let stated else { return nil }
      if inner.member("tense") != nil && tense == nil { return nil }
      return .stated(StatedDate(stated: stated, tense: tense, relativeTo: relativeTo))
    default:
      report(
        member.value.position,
        "\"\(key)\" of \(reader.label) must be an EDTF string (\"2025-02-27\") or an object {\"stated\": \"on Thursday\", \"tense\": \"future\"}; found \(member.value.typeName)"
      )
      return nil
    }
  }

  private mutating func provenance(
    _ reader: inout ObjectReader, location: inout ItemLocation
  ) -> Provenance? {
    guard let member = present(&reader, "provenance", required: true) else { return nil }
    location.record("provenance", member.value.position)
    guard case .object(let members) = member.value.value else {
      report(
        member.value.position,
        "\"provenance\" of \(reader.label) must be an object {\"source\": ID, \"paragraph\": N}; found \(member.value.typeName)"
      )
      return nil
    }
    var inner = ObjectReader(
      members: members, position: member.value.position, label: "the provenance of \(reader.label)")
    var innerLocation = ItemLocation(path: path, object: member.value.position)
    let source = string(&inner, "source", location: &innerLocation)
    var paragraph: Int?
    if let paragraphMember = present(&inner, "paragraph", required: true) {
      innerLocation.fields["paragraph"] = paragraphMember.value.position
      if case .number(let value, true) = paragraphMember.value.value,
        value >= Double(DatasetDecoder.paragraphRange.lowerBound),
        value <= Double(DatasetDecoder.paragraphRange.upperBound)
      {
        paragraph = Int(value)
      } else {
        report(
          paragraphMember.value.position,
          "\"paragraph\" of \(inner.label) must be a whole number from 1 (the first paragraph)")
      }
    }
    finish(inner, known: ["source", "paragraph"])
    for (field, position) in innerLocation.fields {
      location.record("provenance.\(field)", position)
    }
    guard let source, let paragraph else { return nil }
    return Provenance(source: source, paragraph: paragraph)
  }

  /// The member, or nil when absent or null; reports a missing required field.
  private mutating func present(
    _ reader: inout ObjectReader, _ key: String, required: Bool
  ) -> JSONNode.Member? {
    if let member = reader.member(key) {
      if case .null = member.value.value {
        if required {
          report(member.value.position, "\"\(key)\" of \(reader.label) is null; give it a value")
        }
        return nil
      }
      return member
    }
    if required {
      report(reader.position, "\(reader.label) is missing the required field \"\(key)\"; add it")
    }
    return nil
  }
}

/// The members of one JSON object, with a label for messages ("event 'oval'").
struct ObjectReader {
  let members: [JSONNode.Member]
  let position: TextPosition
  var label: String

  func member(_ key: String) -> JSONNode.Member? {
    members.first { $0.key == key }
  }
}
