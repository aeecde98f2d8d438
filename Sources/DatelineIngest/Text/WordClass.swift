/// The word lists a token belongs to, looked up once when the token is made, so the rules test
/// bits instead of hashing the same string again and again.
public struct WordClass: OptionSet, Sendable, Hashable {
  public let rawValue: UInt32
  public init(rawValue: UInt32) { self.rawValue = rawValue }

  public static let speechVerb = WordClass(rawValue: 1 << 0)
  public static let month = WordClass(rawValue: 1 << 1)
  public static let weekday = WordClass(rawValue: 1 << 2)
  public static let fullWeekday = WordClass(rawValue: 1 << 3)
  public static let title = WordClass(rawValue: 1 << 4)
  public static let personTitle = WordClass(rawValue: 1 << 5)
  public static let organizationWord = WordClass(rawValue: 1 << 6)
  public static let commonCapitalized = WordClass(rawValue: 1 << 7)
  public static let nationality = WordClass(rawValue: 1 << 8)  // demonym or one-word country
  public static let abbreviatedTitle = WordClass(rawValue: 1 << 9)
  public static let abbreviation = WordClass(rawValue: 1 << 10)
  public static let pastVerb = WordClass(rawValue: 1 << 11)
  public static let presentVerb = WordClass(rawValue: 1 << 12)
  public static let notPastEd = WordClass(rawValue: 1 << 13)
  public static let gatheringNoun = WordClass(rawValue: 1 << 14)
  public static let dateStart = WordClass(rawValue: 1 << 15)
  public static let auxiliary = WordClass(rawValue: 1 << 16)
  public static let placeWord = WordClass(rawValue: 1 << 17)
  public static let thingWord = WordClass(rawValue: 1 << 18)
  public static let locative = WordClass(rawValue: 1 << 19)
  public static let connector = WordClass(rawValue: 1 << 20)
  public static let intentVerb = WordClass(rawValue: 1 << 21)
  public static let predictionMarker = WordClass(rawValue: 1 << 22)
  public static let expectationMarker = WordClass(rawValue: 1 << 23)
  /// A date word whose possessive splits into the word and "'s": "Friday's", "last year's".
  public static let possessiveDateWord = WordClass(rawValue: 1 << 24)
  /// "commending", "thanked": what someone is credited for is an act (`EventBuilder.creditVerbs`).
  public static let creditVerb = WordClass(rawValue: 1 << 25)
  /// "met", "signed", "voted": an act news reports without a date (`EventBuilder.happeningVerbs`).
  public static let happeningVerb = WordClass(rawValue: 1 << 26)

  /// Every listed word with its classes.
  static let table: [String: WordClass] = {
    var table: [String: WordClass] = [:]
    func add<S: Sequence>(_ words: S, _ wordClass: WordClass) where S.Element == String {
      for word in words { table[word, default: []].insert(wordClass) }
    }
    add(Lexicon.speechVerbs, .speechVerb)
    add(Lexicon.months.keys, .month)
    add(Lexicon.weekdays.keys, .weekday)
    add(Lexicon.fullWeekdays, .fullWeekday)
    add(Lexicon.titles, .title)
    add(Lexicon.personTitles, .personTitle)
    add(Lexicon.organizationWords, .organizationWord)
    add(Lexicon.commonCapitalized, .commonCapitalized)
    add(Lexicon.demonyms.keys, .nationality)
    add(Lexicon.countries.keys.filter { !$0.contains(" ") }, .nationality)
    add(Lexicon.abbreviatedTitles, .abbreviatedTitle)
    add(Lexicon.abbreviations, .abbreviation)
    add(Lexicon.pastVerbs, .pastVerb)
    add(Lexicon.presentVerbs, .presentVerb)
    add(Lexicon.notPastEd, .notPastEd)
    add(Lexicon.gatheringNouns, .gatheringNoun)
    add(TemporalTagger.startWords, .dateStart)
    add(Lexicon.auxiliaries, .auxiliary)
    add(Lexicon.placeWords, .placeWord)
    add(Lexicon.thingWords, .thingWord)
    add(Lexicon.locativePrepositions, .locative)
    add(EntityFinder.connectors, .connector)
    add(TemporalTagger.intentVerbs, .intentVerb)
    add(Lexicon.predictionMarkers, .predictionMarker)
    add(Lexicon.expectationMarkers, .expectationMarker)
    add(Lexicon.fullWeekdays, .possessiveDateWord)
    add(EventBuilder.creditVerbs.words, .creditVerb)
    add(EventBuilder.happeningVerbs.words, .happeningVerb)
    add(
      [
        "yesterday", "tomorrow", "today", "tonight", "week", "month", "year", "weekend",
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december",
      ], .possessiveDateWord)
    return table
  }()

  /// The classes of a lowercased word given as UTF-8 bytes, and the word as a String when it is
  /// listed (so the tokenizer need not decode it again). "'s" words also take some classes of
  /// their stem: "president's" is a title.
  static func of(_ word: UnsafeBufferPointer<UInt8>, in lookup: WordLookup<WordClass> = lookup) -> (
    classes: WordClass, listed: String?
  ) {
    let entry = lookup.find(word)
    var classes = entry?.value ?? []
    let count = word.count
    if count > 2, word[count - 2] == UInt8(ascii: "'"), word[count - 1] == UInt8(ascii: "s"),
      let stem = lookup.find(UnsafeBufferPointer(rebasing: word[0..<(count - 2)]))
    {
      classes.formUnion(
        stem.value.intersection([
          .title, .personTitle, .organizationWord, .placeWord, .thingWord, .nationality,
        ]))
    }
    return (classes, entry?.word)
  }

  static let lookup = WordLookup<WordClass>(table)
}
