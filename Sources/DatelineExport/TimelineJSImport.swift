import DatelineModel

/// Reads TimelineJS3 JSON, or the CSV of its Google Sheets template, back into a dateline/1
/// `Dataset`: one event per slide, with the slide's date (its precision, and the qualifiers and
/// open ends that `DateWording` wrote into `display_date`), headline and summary as plain text.
///
/// TimelineJS has no sources or speakers, so the dataset gets one source that says where it came
/// from, each event's provenance is its slide number, and its status is the slide's group when
/// that names a status (the default grouping of `dateline export`), else `occurred`.
/// Problems are reported as `PATH:LINE:COLUMN: error: MESSAGE`, all at once.
public enum TimelineJSImport {
  public enum Kind: Sendable, Equatable {
    case json
    case csv
  }

  /// A slide as read, before it becomes an event.
  struct Slide {
    var start: EDTFDate.Point
    var end: EDTFDate.Point?
    var displayDate: String
    var headline: String
    var text: String
    var group: String
    var uniqueID: String
    var line: Int
    var column: Int
  }

  /// What the input is, by content: a JSON object whose `events` hold `start_date`s, or CSV whose
  /// header begins `Year,Month,Day`. Nil for anything else.
  public static func detect(_ bytes: [UInt8]) -> Kind? {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if body.starts(with: Array("Year,Month,Day".utf8)) { return .csv }
    guard let first = body.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }),
      first == UInt8(ascii: "{"),
      let root = try? LocatedJSON.parse(bytes),
      case .array(let events)? = root["events"]?.value
    else { return nil }
    return events.isEmpty || events.contains { $0["start_date"] != nil } ? .json : nil
  }

  /// Reads either form (detected by content); `path` names the input in diagnostics and in the
  /// dataset's source.
  public static func read(_ bytes: [UInt8], path: String) throws(DatasetLoadError) -> Dataset {
    switch detect(bytes) {
    case .csv: return try readCSV(bytes, path: path)
    case .json: return try readJSON(bytes, path: path)
    case nil:
      throw DatasetLoadError(diagnostics: [
        Diagnostic(
          path: path, line: 1, column: 1,
          message:
            "not TimelineJS: expected a JSON object with \"events\" (slides with \"start_date\") or CSV whose header begins Year,Month,Day"
        )
      ])
    }
  }

  // MARK: JSON

  public static func readJSON(_ bytes: [UInt8], path: String) throws(DatasetLoadError) -> Dataset {
    let root: LocatedJSON
    do {
      root = try LocatedJSON.parse(bytes)
    } catch {
      throw DatasetLoadError(diagnostics: [
        Diagnostic(
          path: path, line: error.position.line, column: error.position.column,
          message: error.message)
      ])
    }
    var problems = Problems(path: path)
    guard case .object = root.value else {
      problems.add(
        root, "the file is \(root.typeName); TimelineJS data is an object with \"events\"")
      throw problems.error
    }
    guard let eventsNode = root["events"], case .array(let items) = eventsNode.value else {
      problems.add(
        root["events"] ?? root,
        "\"events\" must be an array of slides, each with a \"start_date\" such as {\"year\": 2025, \"month\": 2, \"day\": 24}"
      )
      throw problems.error
    }
    var title: String?
    if let titleNode = root["title"], let text = titleNode["text"] {
      title = problems.string(text["headline"], "title.text.headline").map(HTMLText.plain)
    }
    var slides: [Slide] = []
    for (index, item) in items.enumerated() {
      let label = "events[\(index)]"
      guard case .object = item.value else {
        problems.add(item, "\(label) is \(item.typeName); a slide is an object")
        continue
      }
      guard let startNode = item["start_date"] else {
        problems.add(
          item,
          "\(label) has no \"start_date\"; give the slide a date such as {\"year\": 2025, \"month\": 2}"
        )
        continue
      }
      guard let start = problems.point(startNode, "\(label).start_date") else { continue }
      var end: EDTFDate.Point?
      if let endNode = item["end_date"], !endNode.isNull {
        guard let point = problems.point(endNode, "\(label).end_date") else { continue }
        end = point
      }
      let text = item["text"]
      slides.append(
        Slide(
          start: start, end: end,
          displayDate: problems.string(item["display_date"], "\(label).display_date") ?? "",
          headline: problems.string(text?["headline"], "\(label).text.headline") ?? "",
          text: problems.string(text?["text"], "\(label).text.text") ?? "",
          group: problems.string(item["group"], "\(label).group") ?? "",
          uniqueID: problems.string(item["unique_id"], "\(label).unique_id") ?? "",
          line: startNode.position.line, column: startNode.position.column))
    }
    return try build(title: title, slides: slides, problems: &problems)
  }

  // MARK: CSV

  public static func readCSV(_ bytes: [UInt8], path: String) throws(DatasetLoadError) -> Dataset {
    var problems = Problems(path: path)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      problems.add(line: 1, column: 1, "the file is not UTF-8 text")
      throw problems.error
    }
    let rows: [[CSV.Field]]
    do {
      rows = try CSV.decode(text)
    } catch {
      problems.add(line: error.line, column: error.column, error.message)
      throw problems.error
    }
    guard let header = rows.first else {
      problems.add(
        line: 1, column: 1, "the file is empty; expected a header beginning Year,Month,Day")
      throw problems.error
    }
    var columns: [String: Int] = [:]
    for (index, field) in header.enumerated() {
      let name = field.text.trimmingSpaces().lowercased()
      if columns[name] == nil { columns[name] = index }
    }
    for required in ["year", "headline"] where columns[required] == nil {
      problems.add(
        line: 1, column: 1,
        "the header has no \(required.capitalized) column; use the TimelineJS template's header: \(TimelineJSWriter.csvHeader.joined(separator: ","))"
      )
    }
    if !problems.diagnostics.isEmpty { throw problems.error }
    var title: String?
    var slides: [Slide] = []
    for row in rows.dropFirst() {
      func cell(_ name: String) -> String {
        guard let index = columns[name], index < row.count else { return "" }
        // Our own export guards formula-like cells with an apostrophe; a spreadsheet hides it.
        return CSV.unguarded(row[index].text)
      }
      func located(_ name: String) -> (line: Int, column: Int) {
        if let index = columns[name], index < row.count {
          return (row[index].line, row[index].column)
        }
        return (row.first?.line ?? 0, row.first?.column ?? 0)
      }
      let type = cell("type").trimmingSpaces().lowercased()
      if type == "title" {
        title = HTMLText.plain(cell("headline"))
        continue
      }
      // Eras are spans drawn under the timeline, not slides.
      if type == "era" { continue }
      func number(_ name: String) -> Int?? {
        let text = cell(name).trimmingSpaces()
        if text.isEmpty { return .some(nil) }
        guard let value = Int(text) else {
          let place = located(name)
          problems.add(
            line: place.line, column: place.column,
            "\(name.capitalized) '\(text)' is not a whole number")
          return nil
        }
        return .some(value)
      }
      guard let year = number("year"), let month = number("month"), let day = number("day"),
        let endYear = number("end year"), let endMonth = number("end month"),
        let endDay = number("end day")
      else { continue }
      let place = located("year")
      guard let year else {
        problems.add(
          line: place.line, column: place.column,
          "the row has no Year; every slide needs at least a year (Type 'title' marks the title row)"
        )
        continue
      }
      guard
        let start = problems.point(
          year: year, month: month, day: day, line: place.line, column: place.column)
      else { continue }
      var end: EDTFDate.Point?
      if let endYear {
        let endPlace = located("end year")
        guard
          let point = problems.point(
            year: endYear, month: endMonth, day: endDay, line: endPlace.line,
            column: endPlace.column)
        else { continue }
        end = point
      }
      slides.append(
        Slide(
          start: start, end: end, displayDate: cell("display date"), headline: cell("headline"),
          text: cell("text"), group: cell("group"), uniqueID: "", line: place.line,
          column: place.column))
    }
    return try build(title: title, slides: slides, problems: &problems)
  }

  // MARK: Building the dataset

  static func build(title: String?, slides: [Slide], problems: inout Problems)
    throws(DatasetLoadError) -> Dataset
  {
    var used: Set<String> = []
    let sourceName = Slug.make(Identifier.fileStem(problems.path))
    let sourceID = Identifier.unique(
      "timelinejs" + (sourceName.isEmpty ? "" : "-" + sourceName), &used)
    var events: [Event] = []
    for (index, slide) in slides.enumerated() {
      guard let date = edtf(slide, problems: &problems) else { continue }
      var headline = HTMLText.plain(slide.headline)
      if headline.isEmpty { headline = "Slide \(index + 1)" }
      var summary = HTMLText.plain(HTMLText.firstParagraph(slide.text))
      if summary.isEmpty { summary = headline }
      // A unique_id becomes the id when it is short and printable; others get one made from
      // the headline.
      var wanted = slide.uniqueID.trimmingSpaces()
      if wanted.count > 100
        || wanted.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
      {
        wanted = ""
      }
      let id = Identifier.unique(
        wanted.isEmpty ? Slug.make(headline).nonEmpty(or: "slide-\(index + 1)") : wanted,
        &used)
      let status = EventStatus(rawValue: slide.group.trimmingSpaces().lowercased()) ?? .occurred
      events.append(
        Event(
          id: id, headline: headline, summary: summary, date: .edtf(date.description),
          status: status, participants: [],
          provenance: Provenance(source: sourceID, paragraph: index + 1)))
    }
    if !problems.diagnostics.isEmpty { throw problems.error }
    // Quotes after every event id is taken, so an actor's id never displaces an event's.
    var actors: [Actor] = []
    var actorIDByName: [String: String] = [:]
    var quotes: [Quote] = []
    for (event, slide) in zip(events, slides) {
      for (number, quoted) in HTMLText.quotations(slide.text).enumerated() {
        let actorID: String
        if let known = actorIDByName[quoted.speaker] {
          actorID = known
        } else {
          actorID = Identifier.unique(
            Slug.make(quoted.speaker).nonEmpty(or: "speaker-\(actors.count + 1)"), &used)
          actorIDByName[quoted.speaker] = actorID
          actors.append(Actor(id: actorID, name: quoted.speaker, kind: .person))
        }
        quotes.append(
          Quote(
            id: Identifier.unique("q-\(event.id)-\(number + 1)", &used), text: quoted.text,
            speaker: actorID, event: event.id, provenance: event.provenance))
      }
    }
    let source = Source(
      id: sourceID, publisher: "Unknown publisher (imported from TimelineJS)",
      title: title.flatMap { $0.isEmpty ? nil : $0 }
        ?? "TimelineJS timeline \(Identifier.fileStem(problems.path))",
      published: "")
    return Dataset(
      title: title.flatMap { $0.isEmpty ? nil : $0 }, sources: [source], actors: actors,
      events: events, quotes: quotes)
  }

  /// The slide's EDTF date: its points, with the qualifiers and open or unknown ends its display
  /// date states in `DateWording`' forms.
  static func edtf(_ slide: Slide, problems: inout Problems) -> EDTFDate? {
    let markers = DisplayDate.markers(in: HTMLText.plain(slide.displayDate))
    func qualified(_ point: EDTFDate.Point, _ end: DisplayDate.Markers.End?) -> EDTFDate.Point {
      var point = point
      if case .known(let qualifier)? = end { point.qualifier = qualifier }
      return point
    }
    let date: EDTFDate
    switch (markers.start, markers.end, slide.end) {
    case (.open, _, nil):
      date = EDTFDate(from: .open, to: .point(qualified(slide.start, markers.end)))
    case (.unknown, _, nil):
      date = EDTFDate(from: .unknown, to: .point(qualified(slide.start, markers.end)))
    case (_, .open?, nil):
      date = EDTFDate(from: .point(qualified(slide.start, markers.start)), to: .open)
    case (_, .unknown?, nil):
      date = EDTFDate(from: .point(qualified(slide.start, markers.start)), to: .unknown)
    case (_, _, let end?):
      date = EDTFDate(
        from: .point(qualified(slide.start, markers.start)),
        to: .point(qualified(end, markers.end ?? .known([]))))
    case (_, _, nil):
      date = EDTFDate(qualified(slide.start, markers.start))
    }
    // Parse the canonical text back: the same checks as a dataset's dates (an end before its
    // start, years beyond four digits).
    do {
      return try EDTFDate(parsing: date.description)
    } catch {
      problems.add(line: slide.line, column: slide.column, error.reason)
      return nil
    }
  }
}

/// Problems found while reading, located in the input.
struct Problems {
  var path: String
  var diagnostics: [Diagnostic] = []

  var error: DatasetLoadError { DatasetLoadError(diagnostics: diagnostics) }

  mutating func add(line: Int, column: Int, _ message: String) {
    diagnostics.append(Diagnostic(path: path, line: line, column: column, message: message))
  }

  mutating func add(_ node: LocatedJSON, _ message: String) {
    add(line: node.position.line, column: node.position.column, message)
  }

  /// A string field, absent or null as nil; anything else is reported.
  mutating func string(_ node: LocatedJSON?, _ label: String) -> String? {
    guard let node else { return nil }
    switch node.value {
    case .null: return nil
    case .string(let text): return text
    case .number(let number, _): return number.rounded() == number ? String(Int(number)) : nil
    default:
      add(node, "\(label) is \(node.typeName); expected a string")
      return nil
    }
  }

  /// A TimelineJS date object: `year` (a whole number, or its digits as a string), optional
  /// `month` and `day` (empty strings count as absent, as Google Sheets writes them).
  mutating func point(_ node: LocatedJSON, _ label: String) -> EDTFDate.Point? {
    guard case .object = node.value else {
      add(
        node,
        "\(label) is \(node.typeName); expected an object such as {\"year\": 2025, \"month\": 2}")
      return nil
    }
    func number(_ key: String) -> Int?? {
      guard let field = node[key] else { return .some(nil) }
      switch field.value {
      case .null: return .some(nil)
      case .number(let value, _) where value.rounded() == value && abs(value) < 1e9:
        return .some(Int(value))
      case .string(let text):
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty { return .some(nil) }
        if let value = Int(trimmed) { return .some(value) }
      default: break
      }
      add(field, "\(label).\(key) is not a whole number")
      return nil
    }
    guard let year = number("year"), let month = number("month"), let day = number("day") else {
      return nil
    }
    guard let year else {
      add(node, "\(label) has no \"year\"; a TimelineJS date needs at least a year")
      return nil
    }
    return point(
      year: year, month: month, day: day, line: node.position.line, column: node.position.column)
  }

  /// Checks the ranges a dateline date can hold: a four-digit year, a month, a real day.
  mutating func point(year: Int, month: Int?, day: Int?, line: Int, column: Int)
    -> EDTFDate.Point?
  {
    guard (-9999...9999).contains(year) else {
      add(
        line: line, column: column,
        "year \(year) is outside -9999...9999, the years a dateline date can hold")
      return nil
    }
    if day != nil, month == nil {
      add(line: line, column: column, "a day is given without a month; give the month too")
      return nil
    }
    if let month, !(1...12).contains(month) {
      add(line: line, column: column, "month \(month) is not 1-12")
      return nil
    }
    if let month, let day, CivilDay(year: year, month: month, day: day) == nil {
      add(line: line, column: column, "day \(day) does not exist in month \(month) of \(year)")
      return nil
    }
    return EDTFDate.Point.make(year: year, month: month, day: day)
  }
}

extension LocatedJSON {
  var isNull: Bool {
    if case .null = value { return true }
    return false
  }
}

/// Ids made unique, and file names for ids.
enum Identifier {
  /// `wanted`, or `wanted-2`, `wanted-3`, ... when taken; recorded as used.
  static func unique(_ wanted: String, _ used: inout Set<String>) -> String {
    var candidate = wanted
    var counter = 2
    while used.contains(candidate) {
      candidate = "\(wanted)-\(counter)"
      counter += 1
    }
    used.insert(candidate)
    return candidate
  }

  /// The file name without its directory and extension: `story` for `/tmp/story.json`.
  static func fileStem(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }
}

extension String {
  func nonEmpty(or fallback: String) -> String { isEmpty ? fallback : self }
}
