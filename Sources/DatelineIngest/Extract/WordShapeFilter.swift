/// A quick "certainly not in the list" test for short ASCII word lists, by first letter and
/// length: one array load and one bit test, where a `Set<String>` lookup hashes the whole word.
/// Most words of running text fail it, so only the few that pass pay for the real lookup.
struct WordShapeFilter: Sendable {
  /// For each first byte a-z, a bit for each length (below 64) of a listed word.
  private var lengthsByFirstLetter = [UInt64](repeating: 0, count: 26)

  /// Every word must start with a lowercase ASCII letter and be shorter than 64 bytes.
  init<Words: Sequence<String>>(_ words: Words) {
    for word in words {
      let bytes = word.utf8
      guard let first = bytes.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first),
        bytes.count < 64
      else { preconditionFailure("WordShapeFilter cannot hold '\(word)'") }
      lengthsByFirstLetter[Int(first - UInt8(ascii: "a"))] |= 1 << UInt64(bytes.count)
    }
  }

  /// False when `word` is surely not listed; true when it may be.
  @inline(__always)
  func mayContain(_ word: String) -> Bool {
    word.withWordBytes { bytes in
      guard let first = bytes.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else {
        return false
      }
      let count = bytes.count
      return count < 64
        && lengthsByFirstLetter[Int(first - UInt8(ascii: "a"))] & (1 << UInt64(count)) != 0
    }
  }
}
