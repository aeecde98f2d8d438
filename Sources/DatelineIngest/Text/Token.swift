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
  /// How the word ends, worked out once: the rules ask on almost every token. Declared
  /// before `lower` so it fits in the padding and the token stays 48 bytes.
  private var ending: Ending
  /// Lowercased text with curly apostrophes made straight: "putin's", "u.s.", ",".
  public var lower: String {
    didSet { ending = Ending(lower) }
  }

  struct Ending: OptionSet {
    let rawValue: UInt8
    static let dot = Ending(rawValue: 1 << 0)  // "u.s."
    static let apostropheS = Ending(rawValue: 1 << 1)  // "putin's"
    static let sApostrophe = Ending(rawValue: 1 << 2)  // "allies'"

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ word: String) {
      var word = word
      self = word.withUTF8 { Ending(bytes: $0) }
    }

    init(bytes: UnsafeBufferPointer<UInt8>) {
      var ending: Ending = []
      guard let last = bytes.last else {
        self = ending
        return
      }
      if last == UInt8(ascii: ".") { ending.insert(.dot) }
      let beforeLast = bytes.count > 1 ? bytes[bytes.count - 2] : 0
      if last == UInt8(ascii: "s") && beforeLast == UInt8(ascii: "'") {
        ending.insert(.apostropheS)
      }
      if last == UInt8(ascii: "'") && beforeLast == UInt8(ascii: "s") {
        ending.insert(.sApostrophe)
      }
      self = ending
    }
  }

  public init(
    start: Int, end: Int, kind: Kind, lower: String, isCapitalized: Bool,
    classes: WordClass = [], paragraph: Int = 0
  ) {
    self.init(
      start: start, end: end, kind: kind, lower: lower, ending: Ending(lower),
      isCapitalized: isCapitalized, classes: classes, paragraph: paragraph)
  }

  /// For the tokenizer, which knows the ending from the bytes it just wrote.
  init(
    start: Int, end: Int, kind: Kind, lower: String, ending: Ending, isCapitalized: Bool,
    classes: WordClass, paragraph: Int
  ) {
    startOffset = Int32(truncatingIfNeeded: start)
    endOffset = Int32(truncatingIfNeeded: end)
    self.kind = kind
    self.lower = lower
    self.ending = ending
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
    if ending.contains(.apostropheS) { return lower.dropLast(2) }
    if ending.contains(.sApostrophe) { return lower.dropLast(1) }
    return Substring(lower)
  }

  public var isPossessive: Bool { !ending.isDisjoint(with: [.apostropheS, .sApostrophe]) }

  /// "u.s.", "p.m.": a word that keeps its final dot.
  public var endsWithDot: Bool { ending.contains(.dot) }
}
