import Foundation

/// Where the items of an import go: a store builder, a JSON writer, or nothing (validation).
/// Chunks arrive in an order that never references ahead: the first holds the title, sources,
/// actors, events and relations; the later ones hold quotes (and, from Quotebank, the new
/// speakers and sites those quotes need, in the same chunk).
public protocol DatasetSink: AnyObject {
  func add(_ chunk: Dataset) throws(DatasetLoadError)
  /// Quotes already checked against every item added before, with their resolved dates (one
  /// per quote). A sink that checks quotes itself can skip that; by default they are added as
  /// a chunk.
  func add(checkedQuotes quotes: [Quote], dates: [ResolvedDate]) throws(DatasetLoadError)
}

extension DatasetSink {
  public func add(checkedQuotes quotes: [Quote], dates: [ResolvedDate]) throws(DatasetLoadError) {
    try add(Dataset(quotes: quotes))
  }
}

/// Progress of a long read, for a progress bar.
public struct ImportProgress: Sendable, Equatable {
  /// "checking" during the first pass over dataset files, "importing" while items go out.
  public var phase: String
  public var quotes: Int
  public var bytesDone: Int
  /// nil when unknown (standard input).
  public var bytesTotal: Int?

  public init(phase: String, quotes: Int, bytesDone: Int, bytesTotal: Int?) {
    self.phase = phase
    self.quotes = quotes
    self.bytesDone = bytesDone
    self.bytesTotal = bytesTotal
  }
}

/// Counts of what an import or a validation read.
public struct ImportSummary: Sendable, Equatable {
  public var sources = 0
  public var actors = 0
  public var events = 0
  public var quotes = 0
  public var relations = 0
  /// Malformed lines skipped with `--skip-bad`, and the first few of their diagnostics.
  public var skippedLines = 0
  public var skipped: [Diagnostic] = []

  public init() {}

  mutating func count(_ chunk: Dataset) {
    sources += chunk.sources.count
    actors += chunk.actors.count
    events += chunk.events.count
    quotes += chunk.quotes.count
    relations += chunk.relations.count
  }
}

/// Reads a dataset (files and directories, merged as `DatasetLoader` merges them) a file at a
/// time, in two passes: the first checks every file and keeps only the sources, actors, events
/// and relations (small beside the quotes) and each quote's id; the second reads the files
/// again and checks and hands on their quotes one file at a time. Memory grows with the largest
/// file and the non-quote items, not with the number of quotes.
public enum DatasetStream {
  /// Every problem in the dataset made of `paths`; the same diagnostics as
  /// `DatasetLoader.validate(paths:)` gives for one dataset, in the same order.
  public static func validate(paths: [String]) -> (
    diagnostics: [Diagnostic], summary: ImportSummary
  ) {
    do {
      let summary = try read(paths: paths, into: nil, collectAll: true)
      return ([], summary)
    } catch {
      return (error.diagnostics, ImportSummary())
    }
  }

  /// Reads the dataset at `paths` into `sink`. Throws every problem found, sink errors included;
  /// the sink may have received chunks by then (write to a temporary file).
  @discardableResult
  public static func read(
    paths: [String], into sink: (any DatasetSink)?,
    progress: ((ImportProgress) -> Void)? = nil
  ) throws(DatasetLoadError) -> ImportSummary {
    try read(paths: paths, into: sink, collectAll: false, progress: progress)
  }

  private struct QuoteSpot {
    var file: Int32
    var line: Int32
    var column: Int32
  }

  private static func read(
    paths: [String], into sink: (any DatasetSink)?, collectAll: Bool,
    progress: ((ImportProgress) -> Void)? = nil
  ) throws(DatasetLoadError) -> ImportSummary {
    var diagnostics: [Diagnostic] = []
    var files: [String] = []
    var unreadable = false
    for path in paths {
      switch DatasetLoader.files(at: path) {
      case .failure(let error):
        diagnostics += error.diagnostics
        unreadable = true
      case .success(let found): files += found
      }
    }
    var fileOrder: [String: Int] = [:]
    for (index, file) in files.enumerated() where fileOrder[file] == nil {
      fileOrder[file] = index
    }
    let totalBytes = files.reduce(0) { total, file in
      total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
    }

    // Pass 1: syntax and shape of every file; everything but the quotes kept. An import skips
    // the quotes here (they are read, checked and handed on in pass 2, and their ids compared
    // there); a validation reads them too, to report every problem of every file.
    var skeleton = LocatedDataset()
    var firstQuote: [String: QuoteSpot] = [:]
    var quoteCount = 0
    var bytesDone = 0
    for (fileIndex, file) in files.enumerated() {
      guard var located = parse(file, into: &diagnostics, skippingQuotes: !collectAll) else {
        unreadable = true
        continue
      }
      bytesDone += located.byteCount
      for (quote, location) in zip(located.dataset.quotes, located.quotes)
      where firstQuote[quote.id] == nil {
        let position = location.position(of: "id")
        firstQuote[quote.id] = QuoteSpot(
          file: Int32(fileIndex), line: Int32(clamping: position.line),
          column: Int32(clamping: position.column))
      }
      quoteCount += located.dataset.quotes.count
      located.dataset.quotes = []
      located.quotes = []
      skeleton.merge(located)
      progress?(
        ImportProgress(
          phase: "checking", quotes: quoteCount, bytesDone: bytesDone, bytesTotal: totalBytes))
    }
    func fail() -> DatasetLoadError {
      DatasetLoadError(diagnostics: DatasetLoader.inReadingOrder(diagnostics, files: fileOrder))
    }
    // With a file missing, references into it would all look unknown: report only the cause.
    if unreadable { throw fail() }
    var (checker, result) = DatasetChecker.prepare(skeleton)
    diagnostics += result.diagnostics
    if !diagnostics.isEmpty && !collectAll { throw fail() }

    var summary = ImportSummary()
    let first = Dataset(
      title: skeleton.dataset.title, sources: skeleton.dataset.sources,
      actors: skeleton.dataset.actors, events: skeleton.dataset.events,
      relations: skeleton.dataset.relations)
    summary.count(first)
    if let sink, diagnostics.isEmpty { try sink.add(first) }

    // Pass 2: the quotes, one file at a time. Without pass 1's list of first places, repeats are
    // found here: the first place of each id, by a 64-bit hash of it.
    var seen: [UInt64: QuoteSpot] = [:]
    bytesDone = 0
    for (fileIndex, file) in files.enumerated() {
      var ignored: [Diagnostic] = []
      guard let located = parse(file, into: &ignored) else {
        // Changed since the first pass.
        diagnostics += ignored
        throw fail()
      }
      bytesDone += located.byteCount
      let quotes = located.dataset.quotes
      guard !quotes.isEmpty else { continue }
      for (quote, location) in zip(quotes, located.quotes) {
        let position = location.position(of: "id")
        func report(_ message: String) {
          diagnostics.append(
            Diagnostic(
              path: location.path, line: position.line, column: position.column, message: message))
        }
        if quote.id.trimmingASCIIWhitespace().isEmpty {
          report("the quote has an empty id; give it a short unique id such as \"quote-1\"")
        } else if let holder = checker.holder(of: quote.id) {
          report(duplicate(quote.id, holder))
        } else {
          let here = QuoteSpot(
            file: Int32(fileIndex), line: Int32(clamping: position.line),
            column: Int32(clamping: position.column))
          var first = firstQuote[quote.id]
          if collectAll == false {
            let key = QuotebankMapper.hash(quote.id)
            first = seen[key]
            if first == nil { seen[key] = here }
          }
          if let spot = first,
            spot.file != here.file || spot.line != here.line || spot.column != here.column
          {
            report(
              duplicate(
                quote.id, "the quote at \(files[Int(spot.file)]):\(spot.line):\(spot.column)"))
          }
        }
      }
      let checked = checker.checkQuotes(
        quotes, locations: located.quotes, eventDates: result.eventDates)
      diagnostics += checked.diagnostics
      if !diagnostics.isEmpty {
        if collectAll { continue }
        throw fail()
      }
      summary.quotes += quotes.count
      if let sink {
        let dates = checked.dates.compactMap { $0 }
        if dates.count == quotes.count {
          try sink.add(checkedQuotes: quotes, dates: dates)
        } else {
          try sink.add(Dataset(quotes: quotes))
        }
      }
      progress?(
        ImportProgress(
          phase: "importing", quotes: summary.quotes, bytesDone: bytesDone, bytesTotal: totalBytes))
    }
    if !diagnostics.isEmpty { throw fail() }
    return summary
  }

  /// The top-level `"quotes"` values of a dataset file, brackets included: a structural scan
  /// (strings, escapes, nesting), no parsing. Empty when the file is not an object or the scan
  /// loses its way (the parser then reads the file whole and reports what is wrong).
  static func quoteSpans(_ bytes: [UInt8]) -> [Range<Int>] {
    var index = 0
    let count = bytes.count
    func skipSpace() {
      while index < count,
        bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D
          || bytes[index] == 0x09
      {
        index += 1
      }
    }
    /// Moves past the string starting at `index`; false when it does not end.
    func skipString() -> Bool {
      index += 1
      while index < count {
        switch bytes[index] {
        case UInt8(ascii: "\\"): index += 2
        case UInt8(ascii: "\""):
          index += 1
          return true
        default: index += 1
        }
      }
      return false
    }
    /// Moves past one value (of any kind); false when it does not end.
    func skipValue() -> Bool {
      var depth = 0
      while index < count {
        switch bytes[index] {
        case UInt8(ascii: "\""):
          guard skipString() else { return false }
          if depth == 0 { return true }
          continue
        case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
          if depth == 0 { return true }
          depth -= 1
          if depth == 0 {
            index += 1
            return true
          }
        case UInt8(ascii: ","):
          if depth == 0 { return true }
        default: break
        }
        index += 1
      }
      return depth == 0
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    skipSpace()
    guard index < count, bytes[index] == UInt8(ascii: "{") else { return [] }
    index += 1
    var spans: [Range<Int>] = []
    let quotesKey = Array("\"quotes\"".utf8)
    while true {
      skipSpace()
      guard index < count, bytes[index] == UInt8(ascii: "\"") else { return [] }
      let keyStart = index
      guard skipString() else { return [] }
      let isQuotes = bytes[keyStart..<index].elementsEqual(quotesKey)
      skipSpace()
      guard index < count, bytes[index] == UInt8(ascii: ":") else { return [] }
      index += 1
      skipSpace()
      let valueStart = index
      guard valueStart < count, skipValue() else { return [] }
      if isQuotes && bytes[valueStart] == UInt8(ascii: "[") && bytes[index - 1] == UInt8(ascii: "]")
      {
        spans.append(valueStart..<index)
      }
      skipSpace()
      guard index < count else { return [] }
      if bytes[index] == UInt8(ascii: "}") { return spans }
      guard bytes[index] == UInt8(ascii: ",") else { return [] }
      index += 1
    }
  }

  /// The file with its quotes arrays emptied (`[` and `]` kept, everything between made spaces
  /// but line breaks), so lines and columns of everything else stay where they were.
  static func withoutQuotes(_ bytes: [UInt8]) -> [UInt8] {
    let spans = quoteSpans(bytes)
    guard !spans.isEmpty else { return bytes }
    var copy = bytes
    for span in spans where span.count >= 2 {
      for index in (span.lowerBound + 1)..<(span.upperBound - 1)
      where copy[index] != 0x0A && copy[index] != 0x0D {
        copy[index] = 0x20
      }
    }
    return copy
  }

  private static func duplicate(_ id: String, _ holder: String) -> String {
    "duplicate id '\(id)': already used by \(holder); give each source, actor, event and quote its own id"
  }

  /// One file, read and decoded; nil (with the reason in `diagnostics`) when it cannot be read
  /// or is not JSON.
  private static func parse(
    _ file: String, into diagnostics: inout [Diagnostic], skippingQuotes: Bool = false
  ) -> LocatedDataset? {
    // RegularFile never blocks (a FIFO is refused) and names what it could not read.
    let data: [UInt8]
    switch RegularFile.read(file) {
    case .success(let bytes): data = bytes
    case .failure(let problem):
      diagnostics.append(
        Diagnostic(
          path: file, line: 1, column: 1,
          message: problem.isMissing
            ? "cannot open the file; check that it exists and is readable" : problem.message))
      return nil
    }
    let (located, problems, isSyntaxError) = DatasetLoader.parse(
      bytes: skippingQuotes ? withoutQuotes(data) : data, path: file)
    diagnostics += problems
    if isSyntaxError { return nil }
    var result = located
    result.byteCount = data.count
    return result
  }
}

/// A store builder takes an import's chunks as they come.
extension StoreBuilder: DatasetSink {}
