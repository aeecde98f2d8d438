#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
    return table
  }()

  static func of(_ word: String) -> WordClass {
    var bytes = Array(word.utf8)
    return bytes.withUnsafeMutableBufferPointer { of(UnsafeBufferPointer($0)).classes }
  }

  /// The classes of a lowercased word given as UTF-8 bytes, and the word as a String when it is
  /// listed (so the tokenizer need not decode it again). "'s" words also take some classes of
  /// their stem: "president's" is a title.
  static func of(_ word: UnsafeBufferPointer<UInt8>, in lookup: WordLookup = lookup) -> (
    classes: WordClass, listed: String?
  ) {
    let entry = lookup.find(word)
    var classes = entry?.classes ?? []
    let count = word.count
    if count > 2, word[count - 2] == UInt8(ascii: "'"), word[count - 1] == UInt8(ascii: "s"),
      let stem = lookup.find(UnsafeBufferPointer(rebasing: word[0..<(count - 2)]))
    {
      classes.formUnion(
        stem.classes.intersection([
          .title, .personTitle, .organizationWord, .placeWord, .thingWord, .nationality,
        ]))
    }
    return (classes, entry?.word)
  }

  static let lookup = WordLookup(table)
}

/// A read-only hash table from lowercase UTF-8 bytes to word classes.
///
/// The tokenizer looks up every word of every article; with `[String: WordClass]` most of that
/// time went to building a String and hashing it with SipHash. FNV-1a over the bytes already in
/// hand, open addressing and a byte comparison are several times cheaper.
struct WordLookup: Sendable {
  private let hashes: [UInt64]
  private let words: [String]
  private let classes: [WordClass]
  /// Every word's bytes back to back, with where each starts: compared with memcmp.
  private let bytes: [UInt8]
  private let starts: [Int32]
  /// Index into the arrays above plus one; 0 marks an empty slot.
  private let slots: [Int32]
  private let mask: Int

  init(_ table: [String: WordClass]) {
    var capacity = 16
    while capacity < table.count * 4 { capacity *= 2 }
    var hashes: [UInt64] = []
    var words: [String] = []
    var classes: [WordClass] = []
    var bytes: [UInt8] = []
    var starts: [Int32] = []
    var slots = [Int32](repeating: 0, count: capacity)
    for (word, wordClasses) in table.sorted(by: { $0.key < $1.key }) {
      let hash = Array(word.utf8).withUnsafeBufferPointer { WordLookup.hash($0) }
      hashes.append(hash)
      words.append(word)
      classes.append(wordClasses)
      starts.append(Int32(bytes.count))
      bytes.append(contentsOf: word.utf8)
      var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
      while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
      slots[slot] = Int32(words.count)
    }
    starts.append(Int32(bytes.count))
    self.hashes = hashes
    self.words = words
    self.classes = classes
    self.bytes = bytes
    self.starts = starts
    self.slots = slots
    mask = capacity - 1
  }

  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x100_0000_01b3
    }
    return hash
  }

  func find(_ word: UnsafeBufferPointer<UInt8>) -> (word: String, classes: WordClass)? {
    let hash = WordLookup.hash(word)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let index = Int(slots[slot]) - 1
      guard index >= 0 else { return nil }
      if hashes[index] == hash, equalBytes(at: index, word) {
        return (words[index], classes[index])
      }
      slot = (slot + 1) & mask
    }
  }

  private func equalBytes(at index: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(starts[index])
    let count = Int(starts[index + 1]) - start
    guard count == word.count else { return false }
    guard count > 0, let base = word.baseAddress else { return true }
    return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, base, count) == 0 }
  }
}
