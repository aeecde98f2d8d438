import Testing

@testable import DatelineIngest

/// The tokenizer's fast paths (byte-keyed word table, one-pass UTF-8 decoding, word endings
/// worked out once) must give what the plain definitions give.
struct TokenizerTests {
  @Test func everyListedWordIsFoundWithItsClasses() {
    for (word, classes) in WordClass.table {
      #expect(wordClasses(of: word) == classes.union(possessiveStemClasses(word)), "\(word)")
    }
  }

  @Test func wordLookupsFindExactlyTheirWords() {
    let table = ["in": 1, "within": 2, "mid-": 3, "late": 4, "été": 5, "a": 6]
    let lookup = WordLookup(table)
    for (word, value) in table { #expect(lookup.value(for: word) == value, "\(word)") }
    for word in ["", "i", "withi", "withinn", "mid", "Late", "ete", "aa"] {
      #expect(lookup.value(for: word) == nil, "\(word)")
    }
    // The tagger's word roles answer as the dictionary they are built from.
    for (word, role) in TemporalTagger.roles {
      #expect(TemporalTagger.roleTable.value(for: word) == role, "\(word)")
    }
  }

  @Test func unlistedWordsHaveNoClasses() {
    for word in ["", "zzzz", "sai", "saidd", "thursdays", "ü", "mondayx"] {
      #expect(wordClasses(of: word) == [], "\(word)")
    }
  }

  @Test func possessivesTakeTheClassesOfTheirStem() {
    #expect(wordClasses(of: "president's").contains(.title))
    #expect(!wordClasses(of: "said's").contains(.speechVerb))
  }

  @Test func listedWordsAreSharedStrings() {
    let article = Article(text: "The president said on Thursday that talks would resume.")
    let said = article.tokens.first { $0.lower == "said" }
    #expect(said?.classes.contains(.speechVerb) == true)
    #expect(
      article.tokens.map(\.lower).joined(separator: " ")
        == "the president said on thursday that talks would resume .")
  }

  @Test func wordEndingsAreKnownWithoutLookingAgain() {
    let article = Article(text: "Putin’s allies’ talks with the U.S. went on.")
    let byWord = Dictionary(article.tokens.map { ($0.lower, $0) }, uniquingKeysWith: { a, _ in a })
    #expect(byWord["putin's"]?.isPossessive == true)
    #expect(byWord["putin's"]?.stem == "putin")
    #expect(byWord["talks"]?.isPossessive == false)
    #expect(byWord["talks"]?.stem == "talks")
    #expect(byWord["u.s."]?.endsWithDot == true)
    #expect(byWord["went"]?.endsWithDot == false)
    var token = byWord["talks"]!
    token.lower = "nation's"
    #expect(token.isPossessive && token.stem == "nation")
    token.lower = "allies'"
    #expect(token.isPossessive && token.stem == "allies")
    token.lower = "u.k."
    #expect(!token.isPossessive && token.endsWithDot)
  }

  @Test func scalarOffsetsMatchTheStringsOwnScalars() {
    let text = "Zelenskyy’s “plan” — 10 €, 😀 naïve e\u{301}"
    let article = Article(text: text)
    #expect(article.scalars == Array(text.unicodeScalars))
    #expect(article.text(0..<article.scalars.count) == text)
    let fromScalars = Article(scalars: Array(text.unicodeScalars))
    #expect(fromScalars.tokens == article.tokens)
  }

  @Test func lowercasingThatGrowsTheWordFitsTheScratchBuffer() {
    // "İ" lowercases to two scalars, three bytes: the longest growth there is.
    let longest = String(repeating: "İ", count: Tokenizer.maximumWordLength)
    let article = Article(text: "\(longest) ẞIG Straße ÉLYSÉE")
    #expect(article.tokens.map { $0.lower.utf8.count } == [3 * longest.count, 4, 7, 8])
    #expect(article.tokens.map(\.isCapitalized) == [true, true, true, true])
    #expect(article.tokens[3].lower == "élysée")
  }

  @Test func overlongRunsOfLettersBecomeSeveralTokens() {
    let run = String(repeating: "ab", count: 1000)
    let article = Article(text: "x \(run) y")
    let pieces = article.tokens.dropFirst().dropLast()
    #expect(pieces.allSatisfy { $0.end - $0.start <= Tokenizer.maximumWordLength })
    #expect(pieces.map(\.lower).joined() == run)
    #expect(article.tokens.last?.lower == "y")
  }

  @Test func aTokenStaysSmall() {
    // The rules copy tokens constantly; growing past 48 bytes costs measurable time.
    #expect(MemoryLayout<Token>.stride <= 48)
  }

  @Test func headerLinesWithoutDigitsAreStillCounted() {
    // A header must be among the first four non-empty lines: text lines count even without
    // the tokenizer looking at them.
    let late = "One\nTwo\nThree\nFour\nPublished March 3, 2025\n\nBody text."
    #expect(Article(text: late).header == nil)
    let early = "One\n\nPublished March 3, 2025\n\nBody text."
    #expect(Article(text: early).header?.day.description == "2025-03-03")
  }

  private func wordClasses(of word: String) -> WordClass {
    Array(word.utf8).withUnsafeBufferPointer { WordClass.of($0).classes }
  }

  private func possessiveStemClasses(_ word: String) -> WordClass {
    guard word.utf8.count > 2, word.hasSuffix("'s"),
      let stem = WordClass.table[String(word.dropLast(2))]
    else { return [] }
    return stem.intersection([
      .title, .personTitle, .organizationWord, .placeWord, .thingWord, .nationality,
    ])
  }
}
