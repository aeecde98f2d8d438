/// One token of an article: a word, a number, a punctuation mark or a quotation mark.
/// Offsets count Unicode scalars from the start of the file, end exclusive.
public struct Token: Sendable, Equatable {
  public enum Kind: UInt8, Sendable {
    case word, number, punctuation, quoteMark
  }

  public var start: Int
  public var end: Int
  public var kind: Kind
  /// Lowercased text with curly apostrophes made straight: "putin's", "u.s.", ",".
  public var lower: String
  /// The first scalar is an uppercase letter.
  public var isCapitalized: Bool
  /// The word lists the word is in.
  public var classes: WordClass = []
  /// Index of the sentence the token belongs to.
  public var sentence: Int = 0
  /// Index of the paragraph the token belongs to.
  public var paragraph: Int = 0
  /// Index into the quoted spans when the token lies inside one, else -1.
  public var quote: Int = -1
  /// Inside a photo credit or a byline: never an actor.
  public var isCredit: Bool = false

  public var isWord: Bool { kind == .word }

  /// The word without a possessive ending: "putin's" -> "putin".
  public var stem: Substring {
    if lower.hasSuffix("'s") { return lower.dropLast(2) }
    if lower.hasSuffix("s'") { return lower.dropLast(1) }
    return Substring(lower)
  }

  public var isPossessive: Bool { lower.hasSuffix("'s") || lower.hasSuffix("s'") }
}
