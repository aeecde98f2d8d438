import Foundation

/// What an input to `dateline import` holds, told by its content.
public enum ImportInputKind: String, Sendable, Equatable {
  /// A dateline/1 dataset file, or a directory of them.
  case dataset
  /// Quotebank's quote-centric JSON Lines: the first line is an object with "quoteID".
  case quotebank
  /// TimelineJS3 JSON: an object whose `events` have `start_date`.
  case timelineJSON
  /// TimelineJS's spreadsheet as CSV: the header begins `Year,Month,Day`.
  case timelineCSV
}

/// Reads the inputs of an import, whatever their kind, and hands their items to a sink in
/// chunks. The library reports problems (as diagnostics); the command decides exit codes.
public struct Importer {
  /// Skip malformed Quotebank lines (counting them) instead of stopping at the first.
  public var skipBad = false
  /// Quotebank quotes per chunk.
  public var chunkSize = 10_000
  /// Called now and then with how far the import has got.
  public var progress: ((ImportProgress) -> Void)?
  /// Where standard input is copied when it holds a dataset (which is read twice).
  public var temporaryDirectory = NSTemporaryDirectory()
  /// Reads TimelineJS3 JSON or CSV (the whole input, and the name for diagnostics) into a
  /// dataset; `DatelineExport.TimelineJSImport.read` in the command. Without it, TimelineJS
  /// inputs are refused.
  public var timelineJS: (([UInt8], String) throws(DatasetLoadError) -> Dataset)?

  public init(skipBad: Bool = false, progress: ((ImportProgress) -> Void)? = nil) {
    self.skipBad = skipBad
    self.progress = progress
  }

  /// The first bytes of a file tell its kind.
  public static func detect(prefix bytes: [UInt8]) -> ImportInputKind? {
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
    let rest = bytes[start...]
    if rest.starts(with: Array("Year,Month,Day".utf8)) { return .timelineCSV }
    // Quotebank: a line among the first few is an object with "quoteID" (the very first may be
    // the malformed line that --skip-bad is for).
    for line in rest.split(separator: UInt8(ascii: "\n")).prefix(20) {
      if line.first == UInt8(ascii: "{"), let node = try? JSONParser.parse(Array(line)),
        case .object(let members) = node.value, members.contains(where: { $0.key == "quoteID" })
      {
        return .quotebank
      }
    }
    guard rest.first == UInt8(ascii: "{") else { return nil }
    let lineEnd = rest.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
    if let first = try? JSONParser.parse(Array(rest[..<lineEnd])),
      case .object(let members) = first.value
    {
      if members.contains(where: { $0.key == "quoteID" }) { return .quotebank }
      if members.contains(where: { $0.key == "format" }) { return .dataset }
    }
    let text = String(decoding: rest, as: UTF8.self)
    if text.contains("\"start_date\"") && !text.contains("\"format\"") { return .timelineJSON }
    return .dataset
  }

  /// The kind of one input path ("-" is standard input, which is peeked, not consumed).
  public static func detect(path: String, reader: LineReader? = nil) throws(DatasetLoadError)
    -> ImportInputKind
  {
    var isDirectory: ObjCBool = false
    if path != "-" {
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw DatasetLoadError(diagnostics: [
          Diagnostic(
            path: path, line: 1, column: 1,
            message:
              "no such file or directory; pass dataset files or directories, Quotebank JSON Lines, or - for standard input"
          )
        ])
      }
      if isDirectory.boolValue { return .dataset }
    }
    let lines: LineReader
    if let reader { lines = reader } else { lines = try LineReader(path: path) }
    let prefix = try lines.peek(64 * 1024)
    if prefix.isEmpty {
      throw DatasetLoadError(diagnostics: [
        Diagnostic(path: path, line: 1, column: 1, message: "the input is empty")
      ])
    }
    guard let kind = detect(prefix: prefix) else {
      throw DatasetLoadError(diagnostics: [
        Diagnostic(
          path: path, line: 1, column: 1,
          message:
            "cannot tell what this is: not a dateline dataset (JSON), Quotebank JSON Lines, TimelineJS JSON or TimelineJS CSV"
        )
      ])
    }
    return kind
  }

  /// Reads every input into `sink`. Dataset inputs are read first, as one dataset (they may
  /// refer to each other), then Quotebank inputs, whose speakers and sites are merged across
  /// files. Throws the first problem (or, for a dataset, every problem found).
  public func run(inputs: [String], into sink: any DatasetSink) throws(DatasetLoadError)
    -> ImportSummary
  {
    var datasetPaths: [String] = []
    var quotebank: [LineReader] = []
    var spooled: [String] = []
    var timelines: [Dataset] = []
    defer { for file in spooled { try? FileManager.default.removeItem(atPath: file) } }
    for path in inputs {
      let reader: LineReader? =
        FileManager.default.fileExists(atPath: path) || path == "-"
        ? try LineReader(path: path) : nil
      var isDirectory: ObjCBool = false
      if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        datasetPaths.append(path)
        continue
      }
      switch try Self.detect(path: path, reader: reader) {
      case .quotebank:
        if let reader { quotebank.append(reader) }
      case .dataset:
        if path == "-", let reader {
          let copy = try spool(reader)
          spooled.append(copy)
          datasetPaths.append(copy)
        } else {
          datasetPaths.append(path)
        }
      case .timelineJSON, .timelineCSV:
        guard let timelineJS, let reader else {
          throw DatasetLoadError(diagnostics: [
            Diagnostic(
              path: path, line: 1, column: 1,
              message: "this is TimelineJS data, which this build of dateline cannot import")
          ])
        }
        var bytes: [UInt8] = []
        while let (line, terminated) = try reader.next() {
          bytes += line
          if terminated { bytes.append(UInt8(ascii: "\n")) }
        }
        timelines.append(try timelineJS(bytes, path == "-" ? "<stdin>" : path))
      }
    }
    var summary = ImportSummary()
    let reserved = IDSet()
    // The ids are kept only for Quotebank inputs to avoid (100k events: 4 MB).
    let recorder: any DatasetSink =
      quotebank.isEmpty ? sink : ReservingSink(inner: sink, reserved: reserved)
    if !datasetPaths.isEmpty {
      let read = try DatasetStream.read(paths: datasetPaths, into: recorder, progress: progress)
      summary = read
    }
    for timeline in timelines {
      summary.count(timeline)
      try recorder.add(timeline)
    }
    guard !quotebank.isEmpty else { return summary }
    var mapper = QuotebankMapper(
      reserving: reserved.ids, speakers: reserved.speakers, sources: reserved.sources,
      seen: reserved.quoteIDs)
    var skippedAt: [(file: Int, line: Int)] = []
    do {
      for (file, reader) in quotebank.enumerated() {
        try readQuotebank(
          reader, file: file, mapper: &mapper, into: sink, summary: &summary,
          skippedAt: &skippedAt)
      }
    } catch {
      // A line that repeats an earlier chunk's quoteID is found only now; it came before this
      // problem and stops the import, as it would have at its line.
      guard !skipBad, let repeated = try repeats(in: mapper, of: quotebank, limit: 1).first
      else { throw error }
      throw DatasetLoadError(diagnostics: [repeated.diagnostic])
    }
    summary.quoteIDsHeld = max(summary.quoteIDsHeld, mapper.quoteIDsHeld)
    let repeated = try repeats(in: mapper, of: quotebank, limit: skipBad ? .max : 1)
    guard let first = repeated.first else { return summary }
    guard skipBad, let dropping = sink as? any QuoteDroppingSink else {
      throw DatasetLoadError(diagnostics: [first.diagnostic])
    }
    // Places count every quote taken, those before the lines included (`IDSet.take`): they
    // are the quotes' places in the sink.
    try dropping.dropQuotes(at: repeated.map(\.position))
    summary.quotes -= repeated.count
    summary.skippedLines += repeated.count
    // The first few skipped lines, in input order, whenever they were found.
    let early = zip(skippedAt, summary.skipped).map { ($0.file, $0.line, $1) }
    let late = repeated.map { ($0.file, $0.line, $0.diagnostic) }
    summary.skipped = (early + late).sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(10).map(\.2)
    return summary
  }

  /// The lines whose quoteID an earlier chunk had (the first `limit`), with their diagnostics.
  private func repeats(in mapper: QuotebankMapper, of inputs: [LineReader], limit: Int)
    throws(DatasetLoadError) -> [(file: Int, line: Int, position: Int, diagnostic: Diagnostic)]
  {
    switch mapper.repeats(limit: limit) {
    case .success(let places):
      return places.map { place in
        (
          place.file, place.line, place.position,
          Self.repeatedQuoteID(
            place.id, path: inputs[place.file].path, line: place.line,
            ofTheDataset: place.firstFile == SeenQuoteIDs.earlierInput)
        )
      }
    case .failure(let error):
      throw DatasetLoadError(diagnostics: [
        Diagnostic(path: inputs[0].path, line: 1, column: 1, message: error.message)
      ])
    }
  }

  static func repeatedQuoteID(_ id: String, path: String, line: Int, ofTheDataset: Bool = false)
    -> Diagnostic
  {
    Diagnostic(
      path: path, line: line, column: 1,
      message: ofTheDataset
        ? "quoteID '\(id)' is the id of a quote of the dataset imported with it; each quotation is imported once (leave the line out, or use --skip-bad)"
        : "quoteID '\(id)' was already imported from an earlier line; each quotation is imported once"
    )
  }

  /// The dates of a mapped chunk's quotes, when the chunk is as the checks would find it: the
  /// mapper gives new ids that no item or quote has, a person or group for a speaker, text and
  /// a day; nil when a quote's date or id is not what the checks accept (a `quote-` id made
  /// longer than an id may be), and then the chunk goes to be checked.
  static func checkedDates(_ chunk: Dataset) -> [ResolvedDate]? {
    var dates: [ResolvedDate] = []
    dates.reserveCapacity(chunk.quotes.count)
    for quote in chunk.quotes {
      guard case .edtf(let text) = quote.date, let date = try? EDTFDate(parsing: text),
        quote.id.unicodeScalars.count <= DatasetChecker.maximumIDLength
      else { return nil }
      dates.append(.given(date))
    }
    return dates
  }

  /// Reads one Quotebank input (the `file`th) into `sink`; the lines skipped go to `summary`,
  /// where the first ten were read to `skippedAt`.
  private func readQuotebank(
    _ reader: LineReader, file: Int, mapper: inout QuotebankMapper, into sink: any DatasetSink,
    summary: inout ImportSummary, skippedAt: inout [(file: Int, line: Int)]
  ) throws(DatasetLoadError) {
    func flush() throws(DatasetLoadError) {
      let chunk = mapper.takeChunk()
      guard !chunk.quotes.isEmpty || !chunk.actors.isEmpty || !chunk.sources.isEmpty else { return }
      summary.count(chunk)
      if let dates = Self.checkedDates(chunk) {
        try sink.add(checkedItems: chunk, quoteDates: dates)
      } else {
        try sink.add(chunk)
      }
      progress?(
        ImportProgress(
          phase: "importing", quotes: summary.quotes, bytesDone: reader.bytesRead,
          bytesTotal: reader.totalBytes))
    }
    func bad(_ diagnostic: Diagnostic) throws(DatasetLoadError) {
      guard skipBad else { throw DatasetLoadError(diagnostics: [diagnostic]) }
      summary.skippedLines += 1
      if summary.skipped.count < 10 {
        summary.skipped.append(diagnostic)
        skippedAt.append((file, diagnostic.line))
      }
    }
    while let (line, terminated) = try reader.next() {
      let record: QuotebankRecord?
      do {
        record = try QuotebankRecord.parse(line, path: reader.path, lineNumber: reader.lineNumber)
      } catch {
        var diagnostic = error.diagnostics[0]
        if !terminated && diagnostic.message.hasPrefix("invalid JSON") {
          diagnostic.message += " (the last line has no line break: the file looks truncated)"
        }
        try bad(diagnostic)
        continue
      }
      guard let record else { continue }
      if !mapper.add(record, file: file, line: reader.lineNumber) {
        try bad(Self.repeatedQuoteID(record.quoteID, path: reader.path, line: reader.lineNumber))
        continue
      }
      if mapper.pending.quotes.count >= chunkSize { try flush() }
    }
    try flush()
  }

  /// Copies standard input to a temporary file (a dataset is read twice).
  private func spool(_ reader: LineReader) throws(DatasetLoadError) -> String {
    let path = (temporaryDirectory as NSString).appendingPathComponent(
      "dateline-import-stdin-\(getpid())-\(UUID().uuidString).json")
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else {
      throw DatasetLoadError(diagnostics: [
        Diagnostic(
          path: path, line: 1, column: 1,
          message:
            "cannot create a temporary copy of standard input; set TMPDIR to a writable directory")
      ])
    }
    defer { try? handle.close() }
    do {
      while let (line, terminated) = try reader.next() {
        try handle.write(contentsOf: line)
        if terminated { try handle.write(contentsOf: [UInt8(ascii: "\n")]) }
      }
    } catch let error as DatasetLoadError {
      throw error
    } catch {
      throw DatasetLoadError(diagnostics: [
        Diagnostic(
          path: path, line: 1, column: 1,
          message: "cannot write a temporary copy of standard input: \(error.localizedDescription)")
      ])
    }
    return path
  }
}

/// A sink that can leave out quotes it was given. With `skipBad`, a Quotebank line whose
/// quoteID an earlier chunk had is found only at the end of the input, after its quote went
/// out: it is dropped then. (A sink that cannot drop quotes fails the import instead.)
public protocol QuoteDroppingSink: DatasetSink {
  /// Leaves out the quotes at `positions` (ascending places among all the quotes added) before
  /// the sink is finished.
  func dropQuotes(at positions: [Int]) throws(DatasetLoadError)
}

extension StoreBuilder: QuoteDroppingSink {}

extension Dataset {
  /// Removes the quotes at `positions` (ascending).
  public mutating func removeQuotes(at positions: [Int]) {
    var kept: [Quote] = []
    kept.reserveCapacity(quotes.count)
    var next = positions.startIndex
    for (position, quote) in quotes.enumerated() {
      if next < positions.endIndex && positions[next] == position {
        next += 1
      } else {
        kept.append(quote)
      }
    }
    quotes = kept
  }
}

/// The ids a dataset import used, so Quotebank speakers and sites imported with it get others.
final class IDSet: @unchecked Sendable {
  var ids: Set<String> = []
  /// Of them, the actors that can speak (people and groups) and the sources.
  var speakers: Set<String> = []
  var sources: Set<String> = []
  /// The quote ids, kept as a Quotebank import keeps its own (a filter, the rest on disk),
  /// so that a line repeating one is found as a repeat, at its line. Made only for an import
  /// with Quotebank lines (its filter takes 4 MB).
  lazy var quoteIDs = SeenQuoteIDs()

  func take(_ quotes: [Quote]) {
    for quote in quotes {
      let hash = quoteIDs.hash(quote.id)
      quoteIDs.add(
        quote.id, hash: hash, maybe: quoteIDs.mayContain(hash: hash),
        file: SeenQuoteIDs.earlierInput, line: 0)
    }
  }
}

private final class ReservingSink: DatasetSink {
  let inner: any DatasetSink
  let reserved: IDSet

  init(inner: any DatasetSink, reserved: IDSet) {
    self.inner = inner
    self.reserved = reserved
  }

  func add(_ chunk: Dataset) throws(DatasetLoadError) {
    reserve(chunk)
    reserved.take(chunk.quotes)
    try inner.add(chunk)
  }

  func add(checkedSkeleton chunk: Dataset, eventDates: SharedDates) throws(DatasetLoadError) {
    reserve(chunk)
    try inner.add(checkedSkeleton: chunk, eventDates: eventDates)
  }

  func add(
    checkedSkeleton chunk: Dataset, shelvedEvents events: EventShelf, eventDates: SharedDates
  ) throws(DatasetLoadError) {
    reserve(chunk)
    try events.forEachID { _, id in reserved.ids.insert(id) }
    try inner.add(checkedSkeleton: chunk, shelvedEvents: events, eventDates: eventDates)
  }

  private func reserve(_ chunk: Dataset) {
    for actor in chunk.actors {
      reserved.ids.insert(actor.id)
      if actor.kind == .person || actor.kind == .group { reserved.speakers.insert(actor.id) }
    }
    for source in chunk.sources {
      reserved.ids.insert(source.id)
      reserved.sources.insert(source.id)
    }
    for event in chunk.events { reserved.ids.insert(event.id) }
  }

  func add(checkedQuotes quotes: [Quote], dates: [ResolvedDate]) throws(DatasetLoadError) {
    reserved.take(quotes)
    try inner.add(checkedQuotes: quotes, dates: dates)
  }

  func add(checkedItems chunk: Dataset, quoteDates: [ResolvedDate]) throws(DatasetLoadError) {
    reserve(chunk)
    reserved.take(chunk.quotes)
    try inner.add(checkedItems: chunk, quoteDates: quoteDates)
  }
}
