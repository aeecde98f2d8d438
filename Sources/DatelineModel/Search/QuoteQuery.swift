import Foundation

/// A quote search as typed: words that must all appear, "quoted phrases" matched as written,
/// and `@name` to narrow to a speaker (prefix of the speaker's id, name, a word of the name or
/// an alias). Smart case: case-insensitive unless a word or phrase has a capital letter.
///
/// `a | b` is OR: a `|` outside a phrase splits the query into alternatives, each a query of
/// its own (its own smart case); an item matches when any alternative does. Empty alternatives
/// (`deal |` while typing) are ignored. For a query with alternatives, `words`, `phrases` and
/// `speakers` are empty: read `alternatives`, which is `[self]` for a query without `|`.
public struct QuoteQuery: Sendable, Equatable {
  public let text: String
  public let words: [String]
  public let phrases: [String]
  /// Lowercased, without the `@`.
  public let speakers: [String]
  public let isCaseSensitive: Bool
  /// Words and phrases as UTF-8, lowercased unless case-sensitive.
  private let needles: [[UInt8]]
  /// The alternatives of `a | b`; empty for a query without `|`.
  private let orClauses: [QuoteQuery]

  public init(_ text: String) {
    let clauses = QuoteQuery.splitAlternatives(text).map { QuoteQuery(plain: $0, text: $0) }
      .filter { !$0.isEmpty }
    if clauses.count == 1, let only = clauses.first {
      self.init(plain: only.text, text: text)
    } else {
      self.init(alternatives: clauses, text: text)
    }
  }

  private init(alternatives: [QuoteQuery], text: String) {
    self.text = text
    words = []
    phrases = []
    speakers = []
    isCaseSensitive = alternatives.contains { $0.isCaseSensitive }
    needles = []
    orClauses = alternatives
  }

  /// A query without alternatives.
  private init(plain: String, text: String) {
    self.text = text
    var words: [String] = []
    var phrases: [String] = []
    var speakers: [String] = []
    var current = ""
    var inPhrase = false
    func flush() {
      defer { current = "" }
      if inPhrase {
        let phrase = current.trimmingASCIIWhitespace()
        if !phrase.isEmpty { phrases.append(phrase) }
      } else if current.hasPrefix("@") {
        if current.count > 1 { speakers.append(String(current.dropFirst()).lowercased()) }
      } else if !current.isEmpty {
        words.append(current)
      }
    }
    for character in plain {
      if QuoteQuery.isPhraseMark(character) {
        flush()
        inPhrase.toggle()
      } else if !inPhrase && character.isWhitespace {
        flush()
      } else {
        current.append(character)
      }
    }
    flush()  // an unterminated phrase still counts, so typing "quote.. already narrows
    self.words = words
    self.phrases = phrases
    self.speakers = speakers
    let caseSensitive = (words + phrases).contains { $0.contains { $0.isUppercase } }
    isCaseSensitive = caseSensitive
    needles = (words + phrases).map {
      let folded = QuoteQuery.foldPunctuation($0)
      return Array((caseSensitive ? folded : folded.lowercased()).utf8)
    }
    orClauses = []
  }

  static func isPhraseMark(_ character: Character) -> Bool {
    character == "\"" || character == "\u{201C}" || character == "\u{201D}"
  }

  /// The text split at each `|` outside a phrase.
  static func splitAlternatives(_ text: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var inPhrase = false
    for character in text {
      if isPhraseMark(character) { inPhrase.toggle() }
      if character == "|" && !inPhrase {
        parts.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    parts.append(current)
    return parts
  }

  /// The queries an item may match any one of: `[self]` unless the query has `|`.
  public var alternatives: [QuoteQuery] { orClauses.isEmpty ? [self] : orClauses }

  public var isEmpty: Bool {
    words.isEmpty && phrases.isEmpty && speakers.isEmpty && orClauses.isEmpty
  }

  public func matches(_ quote: TimelineQuote) -> Bool {
    if !orClauses.isEmpty { return orClauses.contains { $0.matches(quote) } }
    if !speakers.isEmpty && !matchesSpeaker(keys: quote.speakerKeys) { return false }
    let plain = QuoteQuery.foldPunctuation(quote.quote.text)
    let haystack = Array((isCaseSensitive ? plain : plain.lowercased()).utf8)
    return needles.allSatisfy { ByteSearch.contains(haystack, $0) }
  }

  /// The same query over any text: words and phrases must appear in `text`, and each `@name`
  /// must be a prefix of one of `keys` (lowercased names, ids, aliases). For searching events
  /// and people with the language of quotes. Alternatives (`a | b`) are honoured.
  public func matches(text: String, keys: [String]) -> Bool {
    if !orClauses.isEmpty { return orClauses.contains { $0.matches(text: text, keys: keys) } }
    return matchesSpeaker(keys: keys) && matchesText(text)
  }

  /// Whether a speaker with these keys (see `TimelineQuote.speakerKeys`) passes the `@` filters.
  /// Of this query alone: for `a | b`, ask each of `alternatives`.
  func matchesSpeaker(keys: [String]) -> Bool {
    speakers.isEmpty
      || speakers.contains { wanted in keys.contains { $0.hasPrefix(wanted) } }
  }

  /// Whether quote text holds every word and phrase (the speaker filters aside). Of this query
  /// alone: for `a | b`, ask each of `alternatives`.
  func matchesText(_ text: String) -> Bool {
    if needles.isEmpty { return true }
    // Most quote text is ASCII: no punctuation to fold, and lowercasing is per byte, so the
    // needles are looked for in the bytes as they are (what a search checks most often).
    let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
      return needles.allSatisfy {
        QuoteQuery.asciiContains(bytes, $0, foldingCase: !isCaseSensitive)
      }
    }
    if let ascii, let answer = ascii { return answer }
    let plain = QuoteQuery.foldPunctuation(text)
    let haystack = Array((isCaseSensitive ? plain : plain.lowercased()).utf8)
    return needles.allSatisfy { ByteSearch.contains(haystack, $0) }
  }

  /// `matchesText` over quote text as UTF-8 bytes (as the store holds it), without making a
  /// string when it can: an ASCII word found in the bytes as they are (letters compared
  /// lowercased unless case-sensitive) is in the folded text too, and ASCII text needs no
  /// folding at all. Anything else goes through `matchesText`.
  func matchesText(utf8 text: UnsafeBufferPointer<UInt8>) -> Bool {
    if needles.isEmpty { return true }
    let folding = !isCaseSensitive
    var allFound = true
    for needle in needles where !QuoteQuery.asciiContains(text, needle, foldingCase: folding) {
      allFound = false
      break
    }
    if allFound && needles.allSatisfy({ $0.allSatisfy { $0 < 0x80 } }) { return true }
    if !text.contains(where: { $0 >= 0x80 }) { return allFound }
    return matchesText(String(decoding: text, as: UTF8.self))
  }

  /// Whether ASCII `haystack` holds `needle`, comparing its letters lowercased when
  /// `foldingCase` (the needle is lowercased already).
  static func asciiContains(
    _ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], foldingCase: Bool
  ) -> Bool {
    guard !needle.isEmpty else { return true }
    guard haystack.count >= needle.count else { return false }
    @inline(__always) func folded(_ byte: UInt8) -> UInt8 {
      foldingCase && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
    let first = needle[0]
    for offset in 0...(haystack.count - needle.count) where folded(haystack[offset]) == first {
      var index = 1
      while index < needle.count, folded(haystack[offset + index]) == needle[index] { index += 1 }
      if index == needle.count { return true }
    }
    return false
  }

  /// The words and phrases as the search index holds quote text (`QuoteSearchText.indexed`).
  /// Of this query alone: for `a | b`, ask each of `alternatives`.
  var indexTerms: [String] { (words + phrases).map(QuoteSearchText.indexed) }

  /// True when every quote this query matches is also matched by `previous`, so a UI may search
  /// only among `previous`'s results (typing "pea" after "pe", adding a word or an `@speaker`).
  /// With alternatives: each of this query's alternatives must narrow one of `previous`'s.
  public func narrows(_ previous: QuoteQuery) -> Bool {
    guard !isEmpty, !previous.isEmpty else { return previous.isEmpty }
    return alternatives.allSatisfy { mine in
      previous.alternatives.contains { mine.narrowsPlain($0) }
    }
  }

  private func narrowsPlain(_ previous: QuoteQuery) -> Bool {
    if previous.isCaseSensitive && !isCaseSensitive { return false }
    let mine = isCaseSensitive ? words + phrases : (words + phrases).map { $0.lowercased() }
    let theirs =
      previous.isCaseSensitive
      ? previous.words + previous.phrases
      : (previous.words + previous.phrases).map { $0.lowercased() }
    let foldedMine =
      isCaseSensitive && !previous.isCaseSensitive ? mine.map { $0.lowercased() } : mine
    let needlesCovered = theirs.allSatisfy { needle in foldedMine.contains { $0.contains(needle) } }
    let speakersCovered =
      previous.speakers.isEmpty
      || (!speakers.isEmpty
        && speakers.allSatisfy { speaker in previous.speakers.contains { speaker.hasPrefix($0) } })
    return needlesCovered && speakersCovered
  }

  /// Ranges in `text` of every matched word and phrase, in order, overlaps merged. With
  /// alternatives, only those whose words and phrases all appear in `text` are highlighted.
  public func highlights(in text: String) -> [Range<String.Index>] {
    guard orClauses.isEmpty else {
      let ranges = orClauses.flatMap { clause -> [Range<String.Index>] in
        let found = clause.foundRanges(in: text)
        return found.count == clause.words.count + clause.phrases.count
          ? found.flatMap { $0 } : []
      }
      return QuoteQuery.merged(ranges)
    }
    return QuoteQuery.merged(foundRanges(in: text).flatMap { $0 })
  }

  /// For each word and phrase that occurs in `text`, the ranges where it does.
  private func foundRanges(in text: String) -> [[Range<String.Index>]] {
    // Search the folded text (same characters, typographic apostrophes made plain), then carry
    // the ranges back to `text` by character position.
    let folded = QuoteQuery.foldPunctuation(text)
    let options: String.CompareOptions = isCaseSensitive ? [] : [.caseInsensitive]
    var perNeedle: [[Range<String.Index>]] = []
    for needle in (words + phrases).map(QuoteQuery.foldPunctuation) {
      var foundRanges: [Range<String.Index>] = []
      var searchStart = folded.startIndex
      while searchStart < folded.endIndex,
        let found = folded.range(
          of: needle, options: options, range: searchStart..<folded.endIndex)
      {
        foundRanges.append(found)
        searchStart =
          found.upperBound > found.lowerBound
          ? found.upperBound : folded.index(after: found.lowerBound)
      }
      if !foundRanges.isEmpty { perNeedle.append(foundRanges) }
    }
    guard !perNeedle.isEmpty else { return [] }
    var offsets: [String.Index: Int] = [:]
    for (offset, index) in folded.indices.enumerated() { offsets[index] = offset }
    offsets[folded.endIndex] = folded.count
    let textIndices = Array(text.indices) + [text.endIndex]
    return perNeedle.map { ranges in
      ranges.compactMap { range in
        guard let lower = offsets[range.lowerBound], let upper = offsets[range.upperBound],
          upper < textIndices.count
        else { return nil }
        return textIndices[lower]..<textIndices[upper]
      }
    }
  }

  static func merged(_ ranges: [Range<String.Index>]) -> [Range<String.Index>] {
    let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
    var merged: [Range<String.Index>] = []
    for range in sorted {
      if let last = merged.last, range.lowerBound <= last.upperBound {
        merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        merged.append(range)
      }
    }
    return merged
  }

  /// Typographic apostrophes and quotation marks as their plain forms, so "don't" finds the
  /// same word written with U+2019. Character for character, so positions carry over.
  static func foldPunctuation(_ text: String) -> String {
    guard holdsMarksToFold(text) else { return text }
    var folded = ""
    folded.reserveCapacity(text.utf8.count)
    for character in text {
      // A mark is folded when it is a character of its own: one scalar, not followed by a
      // combining mark. (Nothing else is canonically equivalent to these scalars, so this is
      // comparing characters, without the cost of comparing them as strings.)
      let scalars = character.unicodeScalars
      if scalars.index(after: scalars.startIndex) == scalars.endIndex,
        let plain = plainMark(scalars[scalars.startIndex])
      {
        folded.append(plain)
      } else {
        folded.append(character)
      }
    }
    return folded
  }

  /// The plain form of a typographic apostrophe or quotation mark, nil for anything else.
  private static func plainMark(_ scalar: Unicode.Scalar) -> Character? {
    switch scalar.value {
    case 0x2018, 0x2019, 0x201B, 0x2BC: "'"
    case 0x201C, 0x201D, 0x201F: "\""
    default: nil
    }
  }

  /// Whether `text` holds a scalar that `foldPunctuation` folds: U+2018 to U+201F, which are
  /// E2 80 98 to E2 80 9F in UTF-8, or U+02BC (CA BC). Looked for in the bytes with `memchr`:
  /// decoding every scalar of every quote read or indexed cost more than the rest of a search.
  static func holdsMarksToFold(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes -> Bool in
      guard let base = bytes.baseAddress else { return false }
      let count = bytes.count
      /// Whether some `lead` byte is followed by bytes that `rest` accepts (it is given the
      /// offset just after the lead).
      func leads(_ lead: UInt8, _ rest: (Int) -> Bool) -> Bool {
        var offset = 0
        while offset < count, let found = memchr(base + offset, Int32(lead), count - offset) {
          let after = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
          if rest(after) { return true }
          offset = after
        }
        return false
      }
      return leads(0xE2) {
        $0 + 1 < count && bytes[$0] == 0x80 && (0x98...0x9F).contains(bytes[$0 + 1])
      }
        || leads(0xCA) { $0 < count && bytes[$0] == 0xBC }
    }
  }

  public static func == (lhs: QuoteQuery, rhs: QuoteQuery) -> Bool {
    lhs.words == rhs.words && lhs.phrases == rhs.phrases && lhs.speakers == rhs.speakers
      && lhs.isCaseSensitive == rhs.isCaseSensitive && lhs.orClauses == rhs.orClauses
  }
}
