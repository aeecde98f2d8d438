import DatelineModel
import Testing

@testable import DatelineIngest

/// The extractor's shortcuts give what the plain library calls they replace give, including on
/// the inputs where a shortcut has to step aside (non-ASCII, "\r\n", odd years).
struct FastPathTests {
  @Test func publicationDayResolvesAsItsParsedText() throws {
    for (year, month, day) in [
      (2025, 2, 24), (1, 1, 1), (999, 12, 31), (9999, 6, 15), (2024, 2, 29),
    ] {
      let civil = try #require(CivilDay(year: year, month: month, day: day))
      let parsed = try? DateResolver.resolve(DateSpec.edtf(civil.description), anchor: nil)
      #expect(EventBuilder.resolvedDay(civil) == parsed)
    }
  }

  /// The byte path for ASCII words gives what trimming and lowercasing Characters gives.
  @Test(arguments: [
    "Deal,", "\"Trump's", "(U.S.)", "--", "", "x", "ABC-12!", "Élysée,", "café", "“Wait”",
    "O'Neil.",
  ])
  func bareLowercasedMatchesTheCharacterPath(_ word: String) {
    #expect(HeadlineCheck.bareLowercased(word) == HeadlineCheck.bare(word).lowercased())
  }

  /// The length and first-byte filter rejects only words that are not listed: every word of
  /// a set and its near misses (other lengths, other first bytes, case, long words) are
  /// answered as the plain Set answers.
  @Test func wordSetFilterAnswersAsTheSet() {
    let long = String(repeating: "x", count: 70)
    let listed = ["said", "U.S.", "—", "?", "", "résumé", long, "@home", "a"]
    let set = WordSet(listed)
    var asked = listed + ["says", "sai", "aid", "Said", "SAID", "—x", "!", "resume", "x", "A"]
    asked += [long + "x", String(repeating: "x", count: 64), "@hom", "Résumé", "b", "@"]
    for word in asked {
      #expect(set.contains(word) == Set(listed).contains(word), "\(word)")
      #expect(set.containsLowercased(word) == Set(listed).contains(word.lowercased()), "\(word)")
      var copy = word
      let bytesAnswer = copy.withUTF8 { set.containsLowercased($0) }
      #expect(bytesAnswer == Set(listed).contains(word.lowercased()), "\(word)")
    }
  }

  /// A set of plain ASCII words rejects a word by its length and first byte unread: words
  /// outside ASCII, canonical equivalents of listed words ("e" + U+0301 for "é", U+212A for
  /// "K", U+037E for ";") and near misses get the plain Set's answer, for sets that take the
  /// shortcut and sets that cannot.
  @Test func asciiWordSetAnswersAsTheSet() {
    let lists = [
      ["said", "the", "a", "year-end", "u.s.", ",", "—"], ["said", "the", "a", "year-end", "u.s."],
      ["x;y", "kelvin"], ["Kelvin", "ok"], ["`a", "b"], ["café"], [],
    ]
    let asked = [
      "said", "sai", "saidx", "Said", "", "the", "thé", "th\u{E9}", "a", "\u{E1}", "year-end",
      "u.s.", "u.s", ",", "—", "x;y", "x\u{037E}y", "kelvin", "\u{212A}elvin", "Kelvin", "ok",
      "`a", "\u{1FEF}a", "b", "café", "cafe\u{301}", "caf", "日本", "s\u{301}aid",
    ]
    for list in lists {
      let set = WordSet(list)
      for word in asked {
        #expect(set.contains(word) == Set(list).contains(word), "\(list) \(word)")
      }
    }
  }

  /// The report's text is cleaned as a scalar-by-scalar replacement cleans it, with the byte
  /// that needs it anywhere among the eight-byte steps: line breaks and tabs become spaces,
  /// other control and bidirectional characters U+FFFD, everything else stays.
  @Test func reportTextIsCleanedAsScalarsWouldBe() {
    func expected(_ text: String) -> String {
      var view = String.UnicodeScalarView()
      for scalar in text.unicodeScalars {
        let value = scalar.value
        let unsafe =
          value < 0x20 || (0x7F..<0xA0).contains(value) || (0x2028...0x202E).contains(value)
          || (0x2066...0x2069).contains(value)
        view.append(unsafe ? (value == 0x0A || value == 0x09 ? " " : "\u{FFFD}") : scalar)
      }
      return String(view)
    }
    let plain = "Trump met Starmer at the White House on Monday, 24 February."
    let inserted = [
      "", "\u{01}", "\n", "\t", "\u{7F}", "\u{85}", "\u{A0}", "\u{2027}", "\u{2028}", "\u{202E}",
      "\u{202F}", "\u{2066}", "\u{2069}", "\u{206A}", "é", "—", "~", " ",
    ]
    for piece in inserted {
      for offset in 0...20 {
        let index = plain.index(plain.startIndex, offsetBy: offset)
        let text = String(plain[..<index]) + piece + String(plain[index...])
        #expect(IngestReport.safe(text) == expected(text), "\(text.debugDescription)")
      }
    }
  }

  @Test func characterCountsMatchGraphemeCounts() {
    for text in ["Macron", "", "Chargé", "e\u{301}te", "a\r\nb", "Zoë Ørsted", "日本"] {
      #expect(text.characterCount == text.count)
      for limit in 0...8 {
        #expect(text.hasMoreCharacters(than: limit) == (text.count > limit))
      }
    }
  }

  /// For the words the rules compare with: ASCII (without ";", "`", "K"), dashes and "’s".
  @Test func lengthFirstComparisonMatchesStringEquality() {
    for (text, word) in [
      ("the", "the"), ("they", "the"), ("—", "—"), ("–", "—"), ("’s", "'s"), ("’s", "’s"),
      (",", "."),
    ] {
      #expect(text.equals(word) == (text == word))
    }
  }

  @Test func concatenationJoinsPiecesInOrder() {
    #expect(String(concatenating: ["Trump", " ", "met", "", " Chargé"]) == "Trump met Chargé")
    #expect(String(concatenating: []) == "")
    #expect(
      EventBuilder.joinWords(["Macron", "’s", "visit", "'s", "end"]) == "Macron’s visit's end")
    #expect(EventBuilder.joinWords(["", "'s", "x"]) == "'s x")
  }

  @Test func capitalizingMatchesCharacterUppercasing() {
    for text in ["trump met", "Trump", "élysée", "1 vote", "", "a", "e\u{301}tat", "ßtraße"] {
      let expected = text.first.map { $0.uppercased() + text.dropFirst() } ?? text
      #expect(EventBuilder.capitalized(text) == expected)
    }
  }

  @Test func surnamesAreTheLastWordOfTheName() {
    for name in [
      "Donald Trump", "Trump", "Ursula von der Leyen", "Keir  Starmer", "", "Zoë Ørsted",
      // A space followed by a combining or spacing mark is one character with it.
      "Ab \u{301}c", "Ab \u{93E}c", "a\r\nb c",
    ] {
      let entity = Entity(name: name, kind: .person)
      let words = name.split(separator: " ")
      #expect(entity.surnameCapitalized == String(words.last ?? Substring(name)))
      #expect(entity.lastWordLowercased == words.last?.lowercased())
    }
  }

  @Test func firstNamesAndLowercasingMatchTheUnicodeVersions() {
    for name in ["Donald Trump", "Trump", " Keir  Starmer ", "Zoë Ørsted", "ÉMILE Zola", "", "A B"]
    {
      let words = name.split(separator: " ")
      #expect(EntityFinder.firstNameKey(name) == (words.count > 1 ? words[0].lowercased() : nil))
      #expect(name.asciiLowercased() == name.lowercased())
    }
  }

  @Test func terminalMarksMatchTheList() {
    for mark in [",", ".", "?", "!", "…", "—", "-", ":", ";", "'", "a", "–"] {
      #expect(SpeakerFinder.isTerminalMark(mark) == SpeakerFinder.terminalMarks.contains(mark))
    }
  }

  @Test func wordSetsAnswerAsSetsDo() {
    let list = ["the", "élysée", ";", "—", "said"]
    let wordSet = WordSet(list)
    let set = Set(list)
    for word in [
      "the", "The", "élysée", "e\u{301}lyse\u{301}e", ";", "\u{37E}", "—", "said", "", "thee",
    ] {
      #expect(wordSet.contains(word) == set.contains(word))
    }
  }

  /// The byte path of the headline check gives what the Character path gives, rule by rule:
  /// every prefix of each headline (cut mid-clause, reporting verb at the end, no verb), with
  /// a comma, lowercased, and shapes that are not clauses.
  @Test func asciiHeadlineCheckMatchesTheCharacterPath() {
    let headlines = [
      "Trump said Russia could not stand either Democrat", "Zelenskyy could visit him soon",
      "Norland and Estmark sign the treaty", "The board meets on Thursday",
      "Calder insisted the first lady go home", "Trump thinks the war in Ukraine",
      "Ms. Weingarten said the union's members will vote", "Officials paid the last claims",
      "The loans come due", "Trump and Macron: press conference", "A (rare) vote",
      "He said \"no", "  Macron  met  Starmer  ", "2025 budget passed", "the mayor resigned",
      "Mayor Lund's talks resume in March", "UN chief warns of famine", "A - B",
      "Putin says peacekeepers are not wanted", "Russia's minerals deal was signed",
      "Calder suggested that the program end", "O'Neil replied", "Voters expected",
      String(repeating: "Word ", count: 19), "", " ", "Students rally", "Prices rise again",
    ]
    for headline in headlines {
      let words = headline.split(separator: " ").map(String.init)
      var variants = [headline, headline + ",", headline.lowercased()]
      for end in words.indices { variants.append(words[...end].joined(separator: " ")) }
      for text in variants {
        var copy = text
        let fast = copy.withUTF8 { HeadlineCheck.asciiProblem(in: $0) }
        #expect(fast == HeadlineCheck.characterProblem(in: text), "\(text)")
        #expect(HeadlineCheck.problem(in: text) == HeadlineCheck.characterProblem(in: text))
      }
    }
    // Not printable ASCII: the Character path answers.
    for text in ["Zoë Ørsted met Macron", "Trump said\r\nmore", "Café owners protest"] {
      #expect(HeadlineCheck.problem(in: text) == HeadlineCheck.characterProblem(in: text))
    }
  }

  /// The date tagger's byte split and numeral test answer as `split` and scalar properties do.
  @Test func dateWordSplitAndNumeralsMatchTheLibrary() {
    for text in [
      "last june", "  two  years ago ", "", " ", "a\r\nb c", "café  noir", "e\u{301} x",
      "½ year", "٣ days", "jan. 14", "year-end",
    ] {
      #expect(TemporalTagger.spaceSeparated(text) == text.split(separator: " "), "\(text)")
      #expect(
        TemporalTagger.hasNumeral(text)
          == text.unicodeScalars.contains(where: { $0.properties.numericType != nil }))
    }
  }

  /// The byte lookup of country and demonym names answers as the dictionaries do, for every
  /// name, its capitalized form, decomposed accents and words that are no name.
  @Test func wordMapsAnswerAsDictionariesDo() {
    for (map, dictionary) in [
      (Lexicon.countryNames, Lexicon.countries), (Lexicon.demonymNames, Lexicon.demonyms),
    ] {
      var asked = Array(dictionary.keys) + ["", "the", "côte d’ivoire", "e\u{301}", "K"]
      asked += dictionary.keys.map { $0.capitalized } + dictionary.keys.map { $0 + "s" }
      asked += dictionary.keys.map { $0.decomposedStringWithCanonicalMapping }
      for word in asked { #expect(map[word] == dictionary[word], "\(word)") }
    }
  }
}
