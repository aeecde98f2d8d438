/// One token of an article: a word, a number, a punctuation mark or a quotation mark.
/// Offsets count Unicode scalars from the start of the file, end exclusive.
///
/// Indices are stored in 32 bits to keep the token small: the rules copy tokens constantly.
public struct Token: Sendable, Equatable {
  public enum Kind: UInt8, Sendable {
    case word, number, punctuation, quoteMark
  }

  private var startOffset: Int32
  private var endOffset: Int32
  private var sentenceIndex: Int32 = 0
  private var paragraphIndex: Int32 = 0
  private var quoteIndex: Int32 = -1
  /// The word lists the word is in.
  public var classes: WordClass = []
  public var kind: Kind
  /// The first scalar is an uppercase letter.
  public var isCapitalized: Bool
  /// Inside a photo credit or a byline: never an actor.
  public var isCredit: Bool = false
  /// Lowercased text with curly apostrophes made straight: "putin's", "u.s.", ",".
  public var lower: String

  public init(
    start: Int, end: Int, kind: Kind, lower: String, isCapitalized: Bool,
    classes: WordClass = [], paragraph: Int = 0
  ) {
    startOffset = Int32(truncatingIfNeeded: start)
    endOffset = Int32(truncatingIfNeeded: end)
    self.kind = kind
    self.lower = lower
    self.isCapitalized = isCapitalized
    self.classes = classes
    paragraphIndex = Int32(truncatingIfNeeded: paragraph)
  }

  public var start: Int { Int(startOffset) }
  public var end: Int { Int(endOffset) }
  /// Index of the sentence the token belongs to.
  public var sentence: Int {
    get { Int(sentenceIndex) }
    set { sentenceIndex = Int32(truncatingIfNeeded: newValue) }
  }
  /// Index of the paragraph the token belongs to.
  public var paragraph: Int {
    get { Int(paragraphIndex) }
    set { paragraphIndex = Int32(truncatingIfNeeded: newValue) }
  }
  /// Index into the quoted spans when the token lies inside one, else -1.
  public var quote: Int {
    get { Int(quoteIndex) }
    set { quoteIndex = Int32(truncatingIfNeeded: newValue) }
  }

  public var isWord: Bool { kind == .word }

  /// The word without a possessive ending: "putin's" -> "putin".
  public var stem: Substring {
    if lower.hasSuffix("'s") { return lower.dropLast(2) }
    if lower.hasSuffix("s'") { return lower.dropLast(1) }
    return Substring(lower)
  }

  public var isPossessive: Bool { lower.hasSuffix("'s") || lower.hasSuffix("s'") }
}
