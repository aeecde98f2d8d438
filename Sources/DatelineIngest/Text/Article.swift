/// An article split into paragraphs, tokens, sentences and quoted spans.
///
/// Everything works on one array of Unicode scalars; offsets are scalar offsets from the start
/// of the file, as the `--report --json` output promises.
public struct Article: Sendable {
  public let scalars: [Unicode.Scalar]
  /// The text as UTF-8, and where each scalar starts in it: slicing text out is a copy.
  private let utf8: [UInt8]
  private let utf8Offsets: [Int32]
  public let header: PublicationHeader?
  /// Scalar ranges of the paragraphs, header excluded, trimmed of surrounding whitespace.
  public private(set) var paragraphs: [Range<Int>] = []
  public internal(set) var tokens: [Token] = []
  /// Token index ranges, one per paragraph.
  public private(set) var paragraphTokens: [Range<Int>] = []
  /// Token index ranges, one per sentence.
  public internal(set) var sentences: [Range<Int>] = []
  public internal(set) var quoteSpans: [QuoteSpan] = []

  public init(text: String) {
    // One pass over the UTF-8 the String already holds gives the scalars and their offsets.
    var text = text
    let utf8 = text.withUTF8 { Array($0) }
    // Written straight into arrays of the most room they can need (one scalar per byte):
    // appending cost a capacity check per scalar and per offset.
    var offsets: [Int32] = []
    let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) {
      scalars, scalarCount in
      offsets = [Int32](unsafeUninitializedCapacity: utf8.count + 1) { offsets, offsetCount in
        utf8.withUnsafeBufferPointer { bytes in
          var index = 0
          var count = 0
          while index < bytes.count {
            offsets.initializeElement(at: count, to: Int32(truncatingIfNeeded: index))
            let lead = bytes[index]
            if lead < 0x80 {
              scalars.initializeElement(at: count, to: Unicode.Scalar(lead))
              count += 1
              index += 1
              continue
            }
            // A String's UTF-8 is always valid, so the lead byte gives the length.
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for continuation in 1..<length {
              value = value << 6 | (UInt32(bytes[index + continuation]) & 0x3F)
            }
            scalars.initializeElement(at: count, to: Unicode.Scalar(value) ?? "\u{FFFD}")
            count += 1
            index += length
          }
          offsets.initializeElement(at: count, to: Int32(truncatingIfNeeded: bytes.count))
          scalarCount = count
          offsetCount = count + 1
        }
      }
    }
    self.init(scalars: scalars, utf8: utf8, utf8Offsets: offsets)
  }

  public init(scalars: [Unicode.Scalar]) {
    var utf8: [UInt8] = []
    var offsets: [Int32] = []
    utf8.reserveCapacity(scalars.count + scalars.count / 8)
    offsets.reserveCapacity(scalars.count + 1)
    for scalar in scalars {
      offsets.append(Int32(utf8.count))
      let value = scalar.value
      if value < 0x80 {
        utf8.append(UInt8(value))
      } else {
        utf8.append(contentsOf: UTF8.encode(scalar)!)
      }
    }
    offsets.append(Int32(utf8.count))
    self.init(scalars: scalars, utf8: utf8, utf8Offsets: offsets)
  }

  private init(scalars: [Unicode.Scalar], utf8: [UInt8], utf8Offsets offsets: [Int32]) {
    self.scalars = scalars
    self.utf8 = utf8
    utf8Offsets = offsets
    header = PublicationHeader.find(in: scalars)
    paragraphs = Article.splitParagraphs(scalars, skipping: header?.range)
    tokens.reserveCapacity(scalars.count / 5)
    let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: Tokenizer.scratchCapacity)
    for (index, range) in paragraphs.enumerated() {
      let first = tokens.count
      Tokenizer.tokenize(scalars, range: range, paragraph: index, into: &tokens, scratch: scratch)
      paragraphTokens.append(first..<tokens.count)
    }
    scratch.deallocate()
    quoteSpans = QuotePairer.pair(&self)
    sentences = SentenceSplitter.split(&self)
    CreditFinder.mark(&self)
  }

  /// The text of a scalar range.
  public func text(_ range: Range<Int>) -> String {
    let lower = Int(utf8Offsets[range.lowerBound])
    let upper = Int(utf8Offsets[range.upperBound])
    return String(decoding: utf8[lower..<upper], as: UTF8.self)
  }

  /// The text from the first to the last token, inclusive.
  public func text(tokens first: Int, _ last: Int) -> String {
    guard first <= last, first >= 0, last < tokens.count else { return "" }
    return text(tokens[first].start..<tokens[last].end)
  }

  /// Blank lines separate paragraphs; a text without blank lines has one paragraph per line.
  static func splitParagraphs(_ scalars: [Unicode.Scalar], skipping header: Range<Int>?)
    -> [Range<Int>]
  {
    var lines: [Range<Int>] = []
    var start = 0
    scalars.withUnsafeBufferPointer { scalars in
      for index in scalars.indices
      where scalars[index].value == 0x0A || scalars[index].value == 0x2029 {
        lines.append(start..<index)
        start = index + 1
      }
    }
    lines.append(start..<scalars.count)
    var hasBlankLine = false
    var sawText = false
    for line in lines where !(header?.contains(line.lowerBound) ?? false) {
      if isBlank(scalars, line) {
        if sawText { hasBlankLine = true }
      } else {
        sawText = true
      }
    }
    var paragraphs: [Range<Int>] = []
    var current: Range<Int>?
    func flush() {
      if let range = current, let trimmed = trim(scalars, range) { paragraphs.append(trimmed) }
      current = nil
    }
    for line in lines {
      if let header, header.contains(line.lowerBound) { continue }
      if isBlank(scalars, line) {
        flush()
        continue
      }
      if hasBlankLine, let range = current {
        current = range.lowerBound..<line.upperBound
      } else {
        flush()
        current = line
      }
    }
    flush()
    return paragraphs
  }

  static func isBlank(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
    for index in range where !Tokenizer.isSpace(scalars[index]) { return false }
    return true
  }

  static func trim(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int>? {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper && Tokenizer.isSpace(scalars[lower]) { lower += 1 }
    while upper > lower && Tokenizer.isSpace(scalars[upper - 1]) { upper -= 1 }
    return lower < upper ? lower..<upper : nil
  }
}

/// Quoted text between two quotation marks (or from an opening mark to the paragraph's end).
public struct QuoteSpan: Sendable, Equatable {
  /// Scalar range of the quoted words, without the marks, trimmed.
  public var range: Range<Int>
  public var paragraph: Int
  /// Token index of the opening mark.
  public var openToken: Int
  /// Token index of the closing mark, nil when the paragraph ends first.
  public var closeToken: Int?
  /// Token indices of the quoted words (between the marks).
  public var innerTokens: Range<Int>
}
