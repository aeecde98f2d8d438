/// Marks photo credits ("Name / AGENCY via Getty Images", "(AP Photo/Name)", "Photo: Name")
/// and bylines ("By Name", "Reporting by Name") so their names never become actors.
enum CreditFinder {
  static let agencyWords: WordSet = [
    "getty", "images", "ap", "afp", "reuters", "epa", "pool", "shutterstock", "bloomberg",
    "xinhua", "anadolu", "tass", "sputnik", "efe", "dpa", "upi", "photo", "photos", "courtesy",
  ]
  static let creditLeads: WordSet = ["photo", "photograph", "credit", "image", "pictured"]

  /// `creditLeads.contains(word)`, hashing only words of a lead's length: this runs for every
  /// capitalized word.
  @inline(__always)
  static func isCreditLead(_ word: String) -> Bool {
    switch word.utf8.count {
    case 5, 6, 8, 10: creditLeads.contains(word)
    default: false
    }
  }
  static let creditLeadFollowers: WordSet = [":", "by", "/"]
  static let bylineLeads: WordSet = [
    "reporting", "editing", "writing", "compiled", "additional",
  ]

  static func mark(_ article: inout Article) {
    for tokenRange in article.paragraphTokens where !tokenRange.isEmpty {
      markByline(&article, tokenRange)
      var index = tokenRange.lowerBound
      while index < tokenRange.upperBound {
        if article.tokens[index].kind == .word, !article.tokens[index].isCapitalized,
          article.tokens[index].end - article.tokens[index].start != 3
        {
          index += 1
          continue
        }
        // Fields read in place: copying a token retains its string.
        if article.tokens[index].lower.equals("/") || article.tokens[index].lower.equals("via") {
          if let end = creditChainEnd(article, from: index, limit: tokenRange.upperBound),
            let start = creditStart(article, slash: index, floor: tokenRange.lowerBound)
          {
            for position in start...end { article.tokens[position].isCredit = true }
            index = end + 1
            continue
          }
        }
        if article.tokens[index].isCapitalized, Self.isCreditLead(article.tokens[index].lower),
          index + 1 < tokenRange.upperBound,
          Self.creditLeadFollowers.contains(article.tokens[index + 1].lower)
        {
          var end = index + 1
          while end + 1 < tokenRange.upperBound {
            let next = article.tokens[end + 1]
            guard
              next.isCapitalized || next.lower.equals("/") || next.lower.equals("via")
                || next.kind == .punctuation && !next.lower.equals(".") && !next.lower.equals("(")
            else { break }
            end += 1
            if next.lower.equals(")") { break }
          }
          for position in index...end { article.tokens[position].isCredit = true }
          index = end + 1
          continue
        }
        index += 1
      }
    }
  }

  /// "By Jane Doe and John Roe" or "Reporting by ...": the whole short paragraph is a byline.
  static func markByline(_ article: inout Article, _ range: Range<Int>) {
    markDateline(&article, range)
    var start = range.lowerBound
    // "(Reporting by ...; Editing by ...)"
    if article.tokens[start].lower.equals("("), start + 1 < range.upperBound { start += 1 }
    // Only a capitalized first word can lead a byline: test that before hashing it.
    let isByline =
      article.tokens[start].isCapitalized
      && ((article.tokens[start].lower.equals("by") && range.count <= 16)
        || (range.count <= 30 && bylineLeads.contains(article.tokens[start].lower)
          && article.tokens[range].contains { $0.lower.equals("by") }))
    guard isByline else { return }
    for index in range { article.tokens[index].isCredit = true }
  }

  /// "BRASOV, Valdoria (AP) — ...": the place and agency before the dash open the story but
  /// are not actors.
  static func markDateline(_ article: inout Article, _ range: Range<Int>) {
    guard
      isAllCaps(
        article.scalars, kind: article.tokens[range.lowerBound].kind,
        article.tokens[range.lowerBound].start..<article.tokens[range.lowerBound].end)
    else { return }
    var index = range.lowerBound
    while index < min(range.upperBound, range.lowerBound + 12) {
      let token = article.tokens[index]
      if token.lower.equals("—") || token.lower.equals("–")
        || (token.lower.equals("-") && index + 1 < range.upperBound
          && article.tokens[index + 1].lower.equals("-"))
      {
        for position in range.lowerBound...index { article.tokens[position].isCredit = true }
        return
      }
      if token.kind == .quoteMark || token.lower.equals(".") { return }
      index += 1
    }
  }

  /// From a "/" or "via" inside a credit, the last token of the chain of agency names.
  static func creditChainEnd(_ article: Article, from index: Int, limit: Int) -> Int? {
    var cursor = index
    var end: Int?
    while cursor < limit,
      article.tokens[cursor].lower.equals("/") || article.tokens[cursor].lower.equals("via")
    {
      var run = 0
      var position = cursor + 1
      while position < limit,
        article.tokens[position].isCapitalized || article.tokens[position].kind == .number,
        run < 4
      {
        let word = article.tokens[position]
        run += 1
        position += 1
        // An agency in capitals or a known one ends the run unless the chain continues.
        if word.lower.equals("images")
          || (isAllCaps(article, word) && word.lower.hasMoreCharacters(than: 1))
        {
          break
        }
      }
      guard run > 0 else { break }
      end = position - 1
      cursor = position
    }
    guard let end else { return nil }
    // A real credit names an agency somewhere in the chain.
    let names = article.tokens[index...end]
    guard names.contains(where: { agencyWords.contains($0.lower) || isAllCaps(article, $0) }) else {
      return nil
    }
    return end
  }

  /// The photographer's name before the first "/": up to four capitalized words.
  static func creditStart(_ article: Article, slash: Int, floor: Int) -> Int? {
    var start = slash
    while start - 1 >= floor, article.tokens[start - 1].isCapitalized, slash - start < 4 {
      start -= 1
    }
    if start == slash {
      // "(AP Photo/Evan Vucci)": the chain itself starts at "Photo".
      return article.tokens[slash].lower.equals("via") ? nil : slash
    }
    if start - 1 >= floor, article.tokens[start - 1].lower.equals("(") { start -= 1 }
    return start
  }

  static func isAllCaps(_ article: Article, _ token: Token) -> Bool {
    isAllCaps(article.scalars, kind: token.kind, token.start..<token.end)
  }

  /// The same test on the token at `index`, which is not copied (that would retain its text).
  static func isAllCaps(_ article: Article, at index: Int) -> Bool {
    isAllCaps(
      article.scalars, kind: article.tokens[index].kind,
      article.tokens[index].start..<article.tokens[index].end)
  }

  static func isAllCaps(_ scalars: [Unicode.Scalar], kind: Token.Kind, _ range: Range<Int>)
    -> Bool
  {
    guard kind == .word else { return false }
    var letters = 0
    for index in range {
      let scalar = scalars[index]
      if scalar.isASCII {
        if scalar.value >= 0x61 && scalar.value <= 0x7A { return false }
        if scalar.value >= 0x41 && scalar.value <= 0x5A { letters += 1 }
        continue
      }
      if scalar.properties.isLowercase { return false }
      if scalar.properties.isAlphabetic { letters += 1 }
    }
    return letters >= 2
  }
}
