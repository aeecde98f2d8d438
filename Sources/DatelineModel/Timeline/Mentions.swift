/// Finds which actors a text names, for many actors at once: each name is filed under its first
/// word, so a text costs one dictionary look-up per word rather than one search per name.
struct MentionFinder {
  private struct Term {
    var actorID: String
    var bytes: [UInt8]
    var isSingleWord: Bool
  }

  /// First word (as written) -> case-sensitive terms; first word lowercased -> the others.
  private var exactTerms: [String: [Term]] = [:]
  private var foldedTerms: [String: [Term]] = [:]
  /// A bit per hash of each ASCII first word the terms are filed under (`wordHash`): an ASCII
  /// word whose bit is clear is none of them, and costs no string and no dictionary look-up.
  private var firstWordBits = HashFilter(bitCountLog2: 18)

  init(actors: [Actor]) {
    for actor in actors {
      for (name, caseSensitive) in NameMatcher.terms(of: actor) {
        let words = MentionFinder.words(of: name)
        guard let first = words.first.map(String.init) else { continue }
        let term = Term(actorID: actor.id, bytes: Array(name.utf8), isSingleWord: words.count == 1)
        if caseSensitive {
          exactTerms[first, default: []].append(term)
        } else {
          foldedTerms[first, default: []].append(term)
        }
        var key = first
        let hashes = key.withUTF8 { bytes in MentionFinder.wordHashes(bytes, 0..<bytes.count) }
        if hashes.ascii { firstWordBits.insert(hashes.exact) }
      }
    }
  }

  /// FNV-1a of a word's bytes as they are and with ASCII letters lowercased, in one pass, and
  /// whether it is all ASCII. The folded terms' keys are lowercased already, so an ASCII word's
  /// lowercased form and its key hash alike.
  private static func wordHashes(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (
    exact: UInt64, folded: UInt64, ascii: Bool
  ) {
    var exact = FNV1a.offsetBasis
    var folded = FNV1a.offsetBasis
    var high: UInt8 = 0
    for index in range {
      let byte = bytes[index]
      high |= byte
      exact = (exact ^ UInt64(byte)) &* FNV1a.prime
      let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
      folded = (folded ^ UInt64(lower)) &* FNV1a.prime
    }
    return (exact, folded, high < 0x80)
  }

  /// Ids of the actors named in `text`, in the order first found.
  func mentionedActors(in text: String) -> [String] {
    if exactTerms.isEmpty && foldedTerms.isEmpty { return [] }
    var contiguous = text
    return contiguous.withUTF8 { bytes in mentionedActors(inUTF8: bytes) }
  }

  /// The words of the UTF-8 text `bytes` are read from its bytes; a word becomes a `String` only
  /// when it can name someone (a store build runs this on every quote).
  func mentionedActors(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    if exactTerms.isEmpty && foldedTerms.isEmpty { return [] }
    var found: [String] = []
    var seen = Set<String>()
    var exactBytes: [UInt8]?
    var foldedBytes: [UInt8]?
    func visit(_ range: Range<Int>) {
      // Case-sensitive names begin with a capital: an ASCII word that does not cannot be one
      // (most words of a text), so it costs no look-up.
      let first = bytes[range.lowerBound]
      let capital = first >= 0x41 && first <= 0x5A
      if first < 0x80 && !capital && foldedTerms.isEmpty { return }
      if first < 0x80 {
        let hashes = MentionFinder.wordHashes(bytes, range)
        if hashes.ascii && !(capital && firstWordBits.mayContain(hashes.exact))
          && !(!foldedTerms.isEmpty && firstWordBits.mayContain(hashes.folded))
        {
          return
        }
      }
      let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
      let exact = first >= 0x80 || capital ? exactTerms[word] : nil
      for term in exact ?? [] where !seen.contains(term.actorID) {
        if term.isSingleWord {
          seen.insert(term.actorID)
          found.append(term.actorID)
        } else {
          if exactBytes == nil { exactBytes = Array(bytes) }
          if ByteSearch.containsWord(exactBytes!, term.bytes) {
            seen.insert(term.actorID)
            found.append(term.actorID)
          }
        }
      }
      if foldedTerms.isEmpty { return }
      for term in foldedTerms[word.lowercased()] ?? [] where !seen.contains(term.actorID) {
        if term.isSingleWord {
          seen.insert(term.actorID)
          found.append(term.actorID)
        } else {
          if foldedBytes == nil {
            foldedBytes = Array(String(decoding: bytes, as: UTF8.self).lowercased().utf8)
          }
          if ByteSearch.containsWord(foldedBytes!, term.bytes) {
            seen.insert(term.actorID)
            found.append(term.actorID)
          }
        }
      }
    }
    var start: Int?
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      let isWord: Bool
      var length = 1
      if byte < 0x80 {
        isWord =
          (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
          || (byte >= 0x61 && byte <= 0x7A)
      } else {
        length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        length = min(length, count - index)
        let scalar = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]), as: UTF8.self
        ).unicodeScalars.first
        isWord = scalar.map(MentionFinder.isWordScalar) ?? false
      }
      if isWord {
        if start == nil { start = index }
      } else if let wordStart = start {
        visit(wordStart..<index)
        start = nil
      }
      index += length
    }
    if let wordStart = start { visit(wordStart..<count) }
    return found
  }

  /// Runs of letters and digits: the units whole-word matching respects.
  static func words(of text: String) -> [Substring] {
    var words: [Substring] = []
    let scalars = text.unicodeScalars
    var start: String.Index?
    var index = scalars.startIndex
    while index < scalars.endIndex {
      if isWordScalar(scalars[index]) {
        if start == nil { start = index }
      } else if let wordStart = start {
        words.append(text[wordStart..<index])
        start = nil
      }
      scalars.formIndex(after: &index)
    }
    if let wordStart = start { words.append(text[wordStart...]) }
    return words
  }

  /// Letters and digits; ASCII is decided without the (slower) Unicode property tables.
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value
      return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
        || (value >= 0x61 && value <= 0x7A)
    }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }
}

/// Finds an actor's name or aliases in text as whole words. Capitalized names (proper names)
/// match case-sensitively, so "Trump" is not found in "trumpet" nor "Shea" in "shea butter";
/// lowercase aliases ("the president") match in any case.
struct NameMatcher {
  let actorID: String
  private let terms: [(bytes: [UInt8], caseSensitive: Bool)]

  init(actor: Actor) {
    actorID = actor.id
    terms = NameMatcher.terms(of: actor).map { name, caseSensitive in
      (Array(name.utf8), caseSensitive)
    }
  }

  /// The names an actor goes by, each with whether it matches case-sensitively (proper names,
  /// capitalized) or in any case (then lowercased here).
  static func terms(of actor: Actor) -> [(String, Bool)] {
    var names = [actor.name] + actor.aliases
    // A person is usually named by surname after first mention: "Macron".
    if actor.kind == .person, let surname = actor.name.split(separator: " ").last,
      surname.count >= 3, actor.name.contains(" ")
    {
      names.append(String(surname))
    }
    var seen = Set<String>()
    return names.compactMap { name in
      let trimmed = name.trimmingASCIIWhitespace()
      guard !trimmed.isEmpty, seen.insert(trimmed).inserted else { return nil }
      let caseSensitive = trimmed.first?.isUppercase == true
      return (caseSensitive ? trimmed : trimmed.lowercased(), caseSensitive)
    }
  }

  func isMentioned(in text: String) -> Bool {
    let exact = Array(text.utf8)
    var folded: [UInt8]?
    for term in terms {
      let haystack: [UInt8]
      if term.caseSensitive {
        haystack = exact
      } else {
        if folded == nil { folded = Array(text.lowercased().utf8) }
        haystack = folded!
      }
      if ByteSearch.containsWord(haystack, term.bytes) { return true }
    }
    return false
  }
}

enum ByteSearch {
  /// Offsets of every occurrence of `needle` in `haystack`.
  static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
    var found: [Int] = []
    var start = 0
    while let offset = firstOffset(of: needle, in: haystack, from: start) {
      found.append(offset)
      start = offset + 1
    }
    return found
  }

  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    firstOffset(of: needle, in: haystack, from: 0) != nil
  }

  static func firstOffset(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty else { return start <= haystack.count ? start : nil }
    guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
    let first = needle[0]
    var offset = start
    let last = haystack.count - needle.count
    while offset <= last {
      if haystack[offset] == first {
        var matched = true
        var index = 1
        while index < needle.count {
          if haystack[offset + index] != needle[index] {
            matched = false
            break
          }
          index += 1
        }
        if matched { return offset }
      }
      offset += 1
    }
    return nil
  }

  /// Whether `needle` occurs with no letter or digit right before or after it.
  static func containsWord(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    for offset in occurrences(of: needle, in: haystack) {
      let before = offset > 0 ? scalar(endingAt: offset, in: haystack) : nil
      let after =
        offset + needle.count < haystack.count
        ? scalar(startingAt: offset + needle.count, in: haystack) : nil
      if !isWordScalar(before) && !isWordScalar(after) { return true }
    }
    return false
  }

  private static func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    return MentionFinder.isWordScalar(scalar)
  }

  private static func scalar(startingAt offset: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
    var end = offset + 1
    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    return String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars.first
  }

  private static func scalar(endingAt offset: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
    var start = offset - 1
    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return String(decoding: bytes[start..<offset], as: UTF8.self).unicodeScalars.first
  }
}
