import Testing

@testable import DatelineModel

/// The one slug function every id made from text goes through (ingest, Quotebank, TimelineJS).
struct SlugTests {
  @Test func slugsAreLowercaseASCIIJoinedByHyphens() {
    #expect(Slug.make("Keir Starmer") == "keir-starmer")
    #expect(Slug.make("Zelenskyy’s U.S. visit") == "zelenskyys-us-visit")
    #expect(Slug.make("Élysée  Palace!") == "elysee-palace")
    // Decomposed accents belong to their letter.
    #expect(Slug.make("E\u{301}lyse\u{301}e") == "elysee")
    #expect(Slug.make("  --  ") == "")
    #expect(Slug.make("site-www.example.com") == "site-wwwexamplecom")
  }

  @Test func lettersWithoutAnASCIIFormLeaveAHash() {
    let cjk = Slug.make("北京 2025")
    #expect(cjk.hasPrefix("2025-") && cjk.utf8.count == 13, "\(cjk)")
    #expect(cjk != Slug.make("上海 2025"))
    let cyrillic = Slug.make("Владимир Путин")
    #expect(cyrillic.utf8.count == 8 && cyrillic.allSatisfy { $0.isASCII }, "\(cyrillic)")
  }

  @Test func longSlugsAreCutWithAHashAndStayApart() {
    let long = String(repeating: "ab ", count: 40)
    let a = Slug.make(long + "lee")
    let b = Slug.make(long + "kim")
    #expect(a.utf8.count <= Slug.limit && b.utf8.count <= Slug.limit, "\(a) \(b)")
    #expect(a != b)
    #expect(a.hasPrefix("ab-ab-") && !a.contains("--"))
    // Exactly at the limit: kept whole.
    let fits = String(repeating: "a", count: Slug.limit)
    #expect(Slug.make(fits) == fits)
    #expect(Slug.bounded("Q22686") == "Q22686")
    let id = Slug.bounded(String(repeating: "Q9", count: 150))
    #expect(id.utf8.count <= Slug.limit && id.hasPrefix("Q9Q9"))
  }

  /// The ASCII byte path gives what the scalar path gives: random texts of letters, digits,
  /// apostrophes, dots, spaces and punctuation, at every length around the limits, and texts
  /// where a non-ASCII character comes before or after the cut.
  @Test func asciiPathAnswersAsTheScalarPath() {
    var generator = SplitMix64(seed: 7)
    let pieces = [
      "a", "Z", "7", "'", ".", " ", "-", "!", "ab", "Cd", "  ", "é", "北", "’", "\u{301}",
    ]
    var texts = ["", " ", "-a", "a-", "''", "..", String(repeating: "x", count: 49)]
    for length in 0..<70 {
      for _ in 0..<12 {
        var text = ""
        let asciiOnly = generator.next() % 3 != 0
        for _ in 0..<length {
          let index = Int(generator.next() % UInt64(asciiOnly ? 11 : pieces.count))
          text += pieces[index]
        }
        texts.append(text)
      }
    }
    for text in texts {
      for limit in [0, 1, 2, 3, 8, 9, 10, Slug.limit] {
        #expect(
          Slug.make(text, limit: limit) == Slug.scalarSlug(text, limit: limit), "\(text) \(limit)")
        if let ascii = Slug.asciiSlug(text, limit: limit) {
          #expect(ascii == Slug.scalarSlug(text, limit: limit), "\(text) \(limit)")
        }
      }
    }
    // Most of them took the byte path.
    #expect(texts.filter { Slug.asciiSlug($0, limit: Slug.limit) != nil }.count > texts.count / 4)
  }
}
