/// Whether a headline is a complete short clause: a subject and a finite verb, names rather than
/// pronouns, not cut in the middle of a clause, not a label ("Trump and Macron: press conference").
///
/// The check reads words only (no parse), so it is strict about shapes ingest writes and lenient
/// elsewhere; `problem(in:)` names the first failing rule, which the scorer lists as a miss.
public enum HeadlineCheck {
  /// Why the headline is not a complete clause, or nil when it is.
  public static func problem(in headline: String) -> String? {
    // Nearly every headline is printable ASCII: one byte one character, read in place.
    // (The outer optional: contiguous storage; the middle one: printable ASCII.)
    let fast: String??? = headline.utf8.withContiguousStorageIfAvailable { bytes -> String?? in
      guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x80 }) else { return nil }
      return .some(asciiProblem(in: bytes))
    }
    if case .some(.some(let answer)) = fast { return answer }
    return characterProblem(in: headline)
  }

  /// `problem(in:)` read through Characters: the rules as written, for any text.
  static func characterProblem(in headline: String) -> String? {
    let words = split(headline)
    guard let first = words.first else { return "empty" }
    if words.count > 18 { return "longer than 18 words" }
    guard first.first?.isUppercase == true || first.first?.isNumber == true else {
      return "does not start with a capital"
    }
    var text = headline
    if let problem = text.withUTF8({ punctuationProblem(in: $0) }) { return problem }
    // Each word bare and lower case, made once: the verb test reads them for every word.
    let lower = words.map(bareLowercased)
    let lowerStart = words.map { startsLowercase($0) }
    if let pronoun = lower.first(where: { pronouns.contains($0) }) {
      return "pronoun '\(pronoun)' instead of a name"
    }
    guard let last = lower.last, !last.isEmpty else { return "empty" }
    if danglingEnds.contains(last) || headline.hasSuffix(",") {
      return "cut mid-clause (ends with '\(last)')"
    }
    // "paid the last claims": after a determiner or such an adjective the word is a noun.
    let endsInNoun = lower.count > 1 && nounMarkers.contains(lower[lower.count - 2])
    if !endsInNoun, reportingEnds.contains(last) || clauseVerbs.contains(last) {
      return "ends with a reporting verb, without what was said"
    }
    guard
      let verb = lower.indices.dropFirst().first(where: {
        lowerStart[$0]
          && isFiniteVerb(
            at: $0, word: lower[$0], previous: lower[$0 - 1], previousIsName: !lowerStart[$0 - 1],
            afterAnd: lower[..<$0].contains("and"))
      })
    else { return "no finite verb" }
    // A verb that takes a clause ("says", "thinks") needs that clause's own verb after it.
    if clauseVerbs.contains(lower[verb]) {
      let rest = lower.indices.filter { $0 > verb }
      if rest.isEmpty { return "reporting verb without what was said" }
      // (After "insisted", "suggested that", a base form is the clause's verb: "the first lady
      // go", "the program end".)
      if !rest.contains(where: {
        lowerStart[$0]
          && isFiniteVerb(
            at: $0, word: lower[$0], previous: lower[$0 - 1], previousIsName: true,
            afterAnd: true)
      }) {
        return "cut mid-clause (no verb after '\(lower[verb])')"
      }
    }
    return nil
  }

  /// `characterProblem(in:)` for a headline of printable ASCII bytes (no control characters,
  /// so a byte is a character and a word's bytes are its characters), without a String per
  /// word: the words are split, trimmed and lowercased into one buffer.
  static func asciiProblem(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var count = 0
    var index = 0
    let space = UInt8(ascii: " ")
    while index < bytes.count {
      if bytes[index] == space {
        index += 1
        continue
      }
      count += 1
      while index < bytes.count, bytes[index] != space { index += 1 }
    }
    guard count > 0 else { return "empty" }
    if count > 18 { return "longer than 18 words" }
    var start = 0
    while bytes[start] == space { start += 1 }
    let firstByte = bytes[start]
    guard isUpper(firstByte) || isDigit(firstByte) else { return "does not start with a capital" }
    if let problem = punctuationProblem(in: bytes) { return problem }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
      withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: count) { ranges in
        // Each word bare (letters and digits at its ends) and lowercased, back to back.
        var written = 0
        var word = 0
        var index = 0
        var lowerStart: UInt32 = 0
        while index < bytes.count {
          if bytes[index] == space {
            index += 1
            continue
          }
          var end = index
          while end < bytes.count, bytes[end] != space { end += 1 }
          var first = index
          while first < end, !isLetterOrDigit(bytes[first]) { first += 1 }
          var last = end
          while last > first, !isLetterOrDigit(bytes[last - 1]) { last -= 1 }
          let wordStart = written
          if first < last {
            if bytes[first] >= 0x61 && bytes[first] <= 0x7A { lowerStart |= 1 << UInt32(word) }
            for offset in first..<last {
              buffer[written] = isUpper(bytes[offset]) ? bytes[offset] | 0x20 : bytes[offset]
              written += 1
            }
          }
          ranges[word] = wordStart..<written
          word += 1
          index = end
        }
        let base = UnsafeBufferPointer(buffer)
        func lower(_ word: Int) -> UnsafeBufferPointer<UInt8> {
          UnsafeBufferPointer(rebasing: base[ranges[word]])
        }
        func startsLower(_ word: Int) -> Bool { lowerStart & (1 << UInt32(word)) != 0 }
        func text(_ word: Int) -> String { String(decoding: lower(word), as: UTF8.self) }
        if let pronoun = (0..<count).first(where: { pronouns.contains(ascii: lower($0)) }) {
          return "pronoun '\(text(pronoun))' instead of a name"
        }
        let last = count - 1
        guard !lower(last).isEmpty else { return "empty" }
        if danglingEnds.contains(ascii: lower(last)) || bytes[bytes.count - 1] == UInt8(ascii: ",")
        {
          return "cut mid-clause (ends with '\(text(last))')"
        }
        // "paid the last claims": after a determiner or such an adjective the word is a noun.
        let endsInNoun = count > 1 && nounMarkers.contains(ascii: lower(count - 2))
        if !endsInNoun,
          reportingEnds.contains(ascii: lower(last)) || clauseVerbs.contains(ascii: lower(last))
        {
          return "ends with a reporting verb, without what was said"
        }
        var afterAnd = false
        var verb: Int?
        for position in 1..<max(count, 1) {
          if !afterAnd, equal(lower(position - 1), "and") { afterAnd = true }
          if startsLower(position),
            isFiniteVerb(
              at: position, word: lower(position), previous: lower(position - 1),
              previousIsName: !startsLower(position - 1), afterAnd: afterAnd)
          {
            verb = position
            break
          }
        }
        guard let verb else { return "no finite verb" }
        // A verb that takes a clause ("says", "thinks") needs that clause's own verb after it.
        if clauseVerbs.contains(ascii: lower(verb)) {
          if verb == last { return "reporting verb without what was said" }
          if !((verb + 1)...last).contains(where: {
            startsLower($0)
              && isFiniteVerb(
                at: $0, word: lower($0), previous: lower($0 - 1), previousIsName: true,
                afterAnd: true)
          }) {
            return "cut mid-clause (no verb after '\(text(verb))')"
          }
        }
        return nil
      }
    }
  }

  @inline(__always)
  /// A colon, a parenthesis or an odd number of quotation marks, read from the UTF-8 bytes in
  /// one pass (Character comparisons cost more than the rest of the check).
  private static func punctuationProblem(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var (colon, parenthesis, quoteMarks) = (false, false, 0)
    for byte in bytes {
      switch byte {
      case UInt8(ascii: ":"): colon = true
      case UInt8(ascii: "("), UInt8(ascii: ")"): parenthesis = true
      case UInt8(ascii: "\""): quoteMarks += 1
      default: break
      }
    }
    if colon { return "a label, not a clause (colon)" }
    if parenthesis { return "parentheses" }
    if quoteMarks % 2 == 1 { return "unbalanced quotation mark" }
    return nil
  }

  private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
  @inline(__always)
  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  @inline(__always)
  private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || isDigit(byte)
  }

  private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
    word.withUTF8Buffer { bytes.elementsEqual($0) }
  }

  private static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ end: StaticString) -> Bool {
    end.withUTF8Buffer { end in
      bytes.count >= end.count && bytes[(bytes.count - end.count)...].elementsEqual(end)
    }
  }

  /// `isFiniteVerb(at:word:previous:previousIsName:afterAnd:)` for ASCII words.
  private static func isFiniteVerb(
    at index: Int, word: UnsafeBufferPointer<UInt8>, previous: UnsafeBufferPointer<UInt8>,
    previousIsName: Bool, afterAnd: Bool
  ) -> Bool {
    if modals.contains(ascii: word) || auxiliaries.contains(ascii: word) { return true }
    if pastVerbs.contains(ascii: word) || speechVerbs.contains(ascii: word) && hasSuffix(word, "ed")
    {
      return true
    }
    if determiners.contains(ascii: previous) { return false }
    if hasSuffix(word, "ed"), word.count > 4 { return true }
    if hasSuffix(word, "s"), !hasSuffix(word, "ss"), !hasSuffix(word, "'s"), word.count > 3,
      !nounsInS.contains(ascii: word)
    {
      return index > 0 && !prepositions.contains(ascii: previous)
    }
    return baseVerbs.contains(ascii: word) && index > 0 && !prepositions.contains(ascii: previous)
      && !equal(previous, "to") && (previousIsName || hasSuffix(previous, "s") || afterAnd)
  }

  /// Is the headline a complete clause?
  public static func isComplete(_ headline: String) -> Bool { problem(in: headline) == nil }

  /// The words between spaces. An ASCII headline is split by its bytes, one byte one
  /// character; any other by its characters (a space with a combining mark is no space).
  static func split(_ headline: String) -> [String] {
    let ascii: [String]?? = headline.utf8.withContiguousStorageIfAvailable {
      bytes -> [String]? in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      var words: [String] = []
      words.reserveCapacity(bytes.count / 4 + 1)
      var start = 0
      while start < bytes.count {
        if bytes[start] == UInt8(ascii: " ") {
          start += 1
          continue
        }
        var end = start + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: " ") { end += 1 }
        words.append(
          String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        start = end
      }
      return words
    }
    if case .some(.some(let ascii)) = ascii { return ascii }
    return headline.split(whereSeparator: { $0 == " " }).map(String.init)
  }

  /// The word without punctuation around it ("deal," -> "deal"; "Russia's" stays).
  static func bare(_ word: String) -> Substring {
    // ASCII: letters and digits are A-Z, a-z, 0-9, found by their bytes.
    let range: Range<Int>?? = word.utf8.withContiguousStorageIfAvailable { bytes in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x30 && byte <= 0x39
      }
      guard let first = bytes.firstIndex(where: isLetterOrDigit),
        let last = bytes.lastIndex(where: isLetterOrDigit)
      else { return 0..<0 }
      return first..<(last + 1)
    }
    if case .some(.some(let range)) = range {
      let utf8 = word.utf8
      let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
      return word[start..<utf8.index(start, offsetBy: range.count)]
    }
    guard let start = word.firstIndex(where: { $0.isLetter || $0.isNumber }),
      let end = word.lastIndex(where: { $0.isLetter || $0.isNumber })
    else { return "" }
    return word[start...end]
  }

  /// `bare(word).lowercased()`; an ASCII word is trimmed and lowercased by its bytes.
  static func bareLowercased(_ word: String) -> String {
    let ascii: String?? = word.utf8.withContiguousStorageIfAvailable { bytes in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x30 && byte <= 0x39
      }
      guard let first = bytes.firstIndex(where: isLetterOrDigit),
        let last = bytes.lastIndex(where: isLetterOrDigit)
      else { return "" }
      return String(unsafeUninitializedCapacity: last + 1 - first) { buffer in
        for offset in first...last {
          let byte = bytes[offset]
          buffer[offset - first] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        return last + 1 - first
      }
    }
    if case .some(.some(let lower)) = ascii { return lower }
    return bare(word).lowercased()
  }

  /// Whether the word, bare, starts with a lower-case letter.
  static func startsLowercase(_ word: String) -> Bool {
    let ascii: Bool?? = word.utf8.withContiguousStorageIfAvailable { bytes in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x30 && byte <= 0x39
      }
      guard let first = bytes.first(where: isLetterOrDigit) else { return false }
      return first >= 0x61 && first <= 0x7A
    }
    if case .some(.some(let answer)) = ascii { return answer }
    return bare(word).first?.isLowercase == true
  }

  /// A finite verb: a modal or auxiliary, a past form, or a third-person form after its subject;
  /// for words of what was said ("suggested that the program end"), also a base form.
  static func isFiniteVerb(at index: Int, in words: [String]) -> Bool {
    guard startsLowercase(words[index]) else { return false }
    return isFiniteVerb(
      at: index, word: bareLowercased(words[index]),
      previous: index > 0 ? bareLowercased(words[index - 1]) : "", previousIsName: true,
      afterAnd: true)
  }

  /// The same for a word that starts lower case, given bare and lowercased, with the word
  /// before it.
  private static func isFiniteVerb(
    at index: Int, word: String, previous: String, previousIsName: Bool, afterAnd: Bool
  ) -> Bool {
    if modals.contains(word) || auxiliaries.contains(word) { return true }
    if pastVerbs.contains(word) || speechVerbs.contains(word) && word.hasSuffix("ed") {
      return true
    }
    if determiners.contains(previous) { return false }
    if word.hasSuffix("ed"), word.hasMoreCharacters(than: 4) { return true }
    if word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("'s"), !word.hasSuffix("’s"),
      word.hasMoreCharacters(than: 3), !nounsInS.contains(word)
    {
      // "Trump says", "the board meets": right after the subject's last word.
      return index > 0 && !prepositions.contains(previous)
    }
    // A base form after a plural or compound subject: "Trump and Macron meet", "the loans come
    // due"; after a singular common noun it is a noun ("the second rise").
    return baseVerbs.contains(word) && index > 0 && !prepositions.contains(previous)
      && previous != "to" && (previousIsName || previous.hasSuffix("s") || afterAnd)
  }

  /// `Lexicon`'s lists, looked up by their bytes.
  static let pastVerbs = WordSet(Lexicon.pastVerbs)
  static let speechVerbs = WordSet(Lexicon.speechVerbs)

  static let pronouns: WordSet = [
    "he", "him", "his", "she", "her", "hers", "they", "them", "their", "theirs", "i", "me", "my",
    "we", "us", "our", "you", "your", "himself", "herself", "themselves",
  ]
  static let danglingEnds: WordSet = [
    "the", "a", "an", "of", "to", "in", "on", "at", "with", "and", "or", "but", "for", "by",
    "from", "that", "which", "who", "whose", "its", "as", "into", "about", "than", "will",
    "would", "could", "can", "may", "might", "should", "must", "shall", "is", "are", "was",
    "were", "be", "been", "has", "have", "had", "not", "if", "when", "while", "because", "after",
    "before", "over", "under", "between", "against", "during", "toward", "towards", "some",
    "any", "this", "these", "those", "every", "each", "all", "no", "titled", "entitled",
    "headlined", "dubbed",
  ]
  static let modals: WordSet = [
    "will", "would", "could", "can", "may", "might", "should", "must", "shall",
  ]
  static let auxiliaries: WordSet = [
    "is", "are", "was", "were", "has", "have", "had", "does", "did", "do",
  ]
  static let determiners: WordSet = [
    "the", "a", "an", "its", "this", "that", "these", "those", "some", "any", "every", "each",
    "of", "no",
  ]
  static let prepositions: WordSet = [
    "of", "in", "on", "at", "with", "for", "by", "from", "into", "about", "over", "under",
    "between", "against", "during", "after", "before", "as", "to", "the", "a", "an",
  ]
  /// Common words in -s that are not verbs after a name ("Macron's talks" is caught by "'s").
  static let nounsInS: WordSet = [
    "news", "talks", "minerals", "rates", "troops", "peacekeepers", "years", "weeks", "days",
    "months", "jobs", "prices", "fares", "hours", "members", "workers", "states", "countries",
    "guarantees", "plans", "funds", "forces", "officials", "leaders", "students", "figures",
  ]
  /// Base forms that read as the verb of a plural subject ("Norland and Estmark sign").
  static let baseVerbs: WordSet = [
    "meet", "sign", "agree", "vote", "hold", "resume", "begin", "end", "open", "close", "take",
    "make", "say", "tell", "visit", "talk", "announce", "disagree", "differ", "gather", "rise",
    "fall", "stage", "approve", "reject", "plan", "expect", "want", "need", "face", "return",
    "win", "lose", "send", "accept", "reach", "mark", "call", "ask", "warn", "vow", "promise",
    "think", "believe", "hope", "fear", "predict", "come", "go", "stay", "remain", "fail",
  ]
  /// Words after which a reporting word is a noun: "the claims", "its last reports".
  static let nounMarkers: WordSet = [
    "the", "a", "an", "its", "their", "his", "her", "these", "those", "last", "first", "final",
    "new", "earlier", "later", "false", "such",
  ]
  /// Verbs that report speech: a headline that ends with one has left out what was said.
  static let reportingEnds: WordSet = [
    "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "asked", "asks",
    "replied", "replies", "responded", "responds", "stated", "states", "declared", "declares",
    "explained", "explains", "commented", "remarked", "announced", "announces", "confirmed",
    "confirms",
  ]
  /// Verbs whose object is a clause: "says", "thinks" need what is said or thought after them.
  static let clauseVerbs: WordSet = [
    "says", "said", "thinks", "thought", "believes", "believed", "hopes", "hoped", "fears",
    "feared", "predicts", "predicted", "claims", "claimed", "argues", "argued", "insists",
    "insisted", "adds", "added", "expects", "expected", "reports", "reported",
  ]
}
