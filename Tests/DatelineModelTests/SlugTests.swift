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
}
