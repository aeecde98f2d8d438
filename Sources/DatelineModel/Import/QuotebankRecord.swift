/// One line of Quotebank's quote-centric JSON Lines: a quotation, who said it (as far as
/// Quotebank can tell), when, and the articles that carried it.
public struct QuotebankRecord: Sendable, Equatable {
  public var quoteID: String
  public var quotation: String
  /// nil when Quotebank's speaker is "None": the quotation is not attributed.
  public var speaker: String?
  /// Wikidata ids of the speaker's name, most likely first; empty when unknown.
  public var qids: [String]
  /// The day of Quotebank's `date` ("2020-01-16 12:00:00").
  public var date: CivilDay
  public var numOccurrences: Int?
  public var urls: [String]
  public var phase: String?

  public init(
    quoteID: String, quotation: String, speaker: String?, qids: [String] = [], date: CivilDay,
    numOccurrences: Int? = nil, urls: [String] = [], phase: String? = nil
  ) {
    self.quoteID = quoteID
    self.quotation = quotation
    self.speaker = speaker
    self.qids = qids
    self.date = date
    self.numOccurrences = numOccurrences
    self.urls = urls
    self.phase = phase
  }

  /// Parses one line. Returns nil for a blank line; throws a diagnostic at the line and column
  /// of the first problem.
  public static func parse(_ line: [UInt8], path: String, lineNumber: Int) throws(DatasetLoadError)
    -> QuotebankRecord?
  {
    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
    func failure(_ position: TextPosition, _ message: String) -> DatasetLoadError {
      DatasetLoadError(diagnostics: [
        Diagnostic(path: path, line: lineNumber, column: position.column, message: message)
      ])
    }
    let root: JSONNode
    do {
      root = try JSONParser.parse(line)
    } catch {
      throw failure(error.position, "invalid JSON: \(error.message)")
    }
    guard case .object(let members) = root.value else {
      throw failure(
        root.position,
        "a Quotebank line is one JSON object with \"quoteID\"; found \(root.typeName)")
    }
    var fields: [String: JSONNode] = [:]
    for member in members { fields[member.key] = member.value }

    func string(_ key: String, required: Bool = true) throws(DatasetLoadError) -> String? {
      guard let node = fields[key], !node.isNull else {
        if required {
          throw failure(root.position, "the quotation has no \"\(key)\"; each line needs one")
        }
        return nil
      }
      guard case .string(let text) = node.value else {
        throw failure(node.position, "\"\(key)\" must be a string, found \(node.typeName)")
      }
      return text
    }
    func strings(_ key: String) throws(DatasetLoadError) -> [String] {
      guard let node = fields[key], !node.isNull else { return [] }
      guard case .array(let elements) = node.value else {
        throw failure(
          node.position, "\"\(key)\" must be an array of strings, found \(node.typeName)")
      }
      var result: [String] = []
      result.reserveCapacity(elements.count)
      for element in elements {
        guard case .string(let text) = element.value else {
          throw failure(
            element.position, "\"\(key)\" must hold strings, found \(element.typeName)")
        }
        result.append(text)
      }
      return result
    }

    guard let quoteID = try string("quoteID"), let quotation = try string("quotation"),
      let speaker = try string("speaker"), let dateText = try string("date")
    else { throw failure(root.position, "incomplete quotation") }
    if quoteID.trimmingASCIIWhitespace().isEmpty {
      throw failure(fields["quoteID"]!.position, "\"quoteID\" is empty; each quotation needs an id")
    }
    if quoteID.unicodeScalars.count > DatasetChecker.maximumIDLength {
      // The id becomes the quote's id, which validate would refuse: say so at the line.
      throw failure(
        fields["quoteID"]!.position,
        "\"quoteID\" is \(quoteID.unicodeScalars.count) characters long; ids are at most \(DatasetChecker.maximumIDLength)"
      )
    }
    if quotation.trimmingASCIIWhitespace().isEmpty {
      throw failure(fields["quotation"]!.position, "\"quotation\" is empty")
    }
    guard let day = Self.day(of: dateText) else {
      throw failure(
        fields["date"]!.position,
        "\"date\" is \"\(dateText)\"; Quotebank writes dates like \"2020-01-16 12:00:00\"")
    }
    let qids = try strings("qids")
    let urls = try strings("urls")
    var occurrences: Int?
    if let node = fields["numOccurrences"], !node.isNull {
      guard case .number(let value, true) = node.value, value >= 0, value < 1e15 else {
        throw failure(
          node.position, "\"numOccurrences\" must be a whole number, found \(node.typeName)")
      }
      occurrences = Int(value)
    }
    if let node = fields["probas"], !node.isNull {
      guard case .array = node.value else {
        throw failure(
          node.position,
          "\"probas\" must be an array of [speaker, probability] pairs, found \(node.typeName)")
      }
    }
    let phase = try string("phase", required: false)
    let trimmed = speaker.trimmingASCIIWhitespace()
    let isUnknown = trimmed.isEmpty || trimmed == "None"
    return QuotebankRecord(
      quoteID: quoteID, quotation: quotation, speaker: isUnknown ? nil : trimmed,
      qids: isUnknown ? [] : qids, date: day, numOccurrences: occurrences, urls: urls,
      phase: phase)
  }

  /// "2020-01-16 12:00:00", "2020-01-16T12:00:00Z" or "2020-01-16": the day.
  static func day(of text: String) -> CivilDay? {
    let bytes = Array(text.utf8)
    guard bytes.count >= 10 else { return nil }
    if bytes.count > 10 && bytes[10] != UInt8(ascii: " ") && bytes[10] != UInt8(ascii: "T") {
      return nil
    }
    return CivilDay(iso: String(decoding: bytes[0..<10], as: UTF8.self))
  }
}

extension JSONNode {
  var isNull: Bool {
    if case .null = value { return true }
    return false
  }
}
