import DatelineModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A read-only hash table from words (as lowercase UTF-8 bytes) to values: the word classes the
/// tokenizer gives every word, the fixed word lists the rules ask about most tokens, the date
/// tagger's word roles.
///
/// A `[String: Value]` lookup builds or reads a String and hashes it with SipHash; here FNV-1a
/// over the bytes already in hand, open addressing and one memcmp are several times cheaper.
struct WordLookup<Value: Sendable>: Sendable {
  private let hashes: [UInt64]
  private let words: [String]
  private let values: [Value]
  /// Every word's bytes back to back, with where each starts: compared with memcmp.
  private let bytes: [UInt8]
  private let starts: [Int32]
  /// Index into the arrays above plus one; 0 marks an empty slot.
  private let slots: [Int32]
  private let mask: Int

  init(_ table: [String: Value]) {
    var capacity = 16
    while capacity < table.count * 4 { capacity *= 2 }
    var hashes: [UInt64] = []
    var words: [String] = []
    var values: [Value] = []
    var bytes: [UInt8] = []
    var starts: [Int32] = []
    var slots = [Int32](repeating: 0, count: capacity)
    for (word, value) in table.sorted(by: { $0.key < $1.key }) {
      let hash = word.withWordBytes(WordLookup.hash)
      hashes.append(hash)
      words.append(word)
      values.append(value)
      starts.append(Int32(bytes.count))
      bytes.append(contentsOf: word.utf8)
      var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
      while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
      slots[slot] = Int32(words.count)
    }
    starts.append(Int32(bytes.count))
    self.hashes = hashes
    self.words = words
    self.values = values
    self.bytes = bytes
    self.starts = starts
    self.slots = slots
    mask = capacity - 1
  }

  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    FNV1a.hash(bytes)
  }

  /// The listed word (a shared String) and its value.
  func find(_ word: UnsafeBufferPointer<UInt8>) -> (word: String, value: Value)? {
    let hash = WordLookup.hash(word)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let index = Int(slots[slot]) - 1
      guard index >= 0 else { return nil }
      if hashes[index] == hash, equalBytes(at: index, word) {
        return (words[index], values[index])
      }
      slot = (slot + 1) & mask
    }
  }

  func value(for word: String) -> Value? {
    word.withWordBytes { find($0)?.value }
  }

  private func equalBytes(at index: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(starts[index])
    let count = Int(starts[index + 1]) - start
    guard count == word.count else { return false }
    guard count > 0, let base = word.baseAddress else { return true }
    return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, base, count) == 0 }
  }
}

extension String {
  /// Runs `body` on the UTF-8 bytes in place. Native and small strings (every token's text) need
  /// no copy, and reading them this way skips the generic index walk of `utf8.first`/`last`.
  @inline(__always)
  func withWordBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(utf8).withUnsafeBufferPointer(body)
  }
}
