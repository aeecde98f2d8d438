/// A read-only table from short words to values, for lookups on the tagger's hot path: a word's
/// bytes (at most 16) are packed into two integers, hashed with two multiplies and compared as
/// integers, where a `[String: Value]` lookup runs SipHash and then compares strings.
struct ShortWordTable<Value: Sendable>: Sendable {
  private struct Key: Equatable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0
  }

  private var keys: [Key]
  /// nil marks an empty slot.
  private var values: [Value?]
  private let mask: Int

  /// Every word must have 1 to 16 bytes.
  init(_ entries: [String: Value]) {
    var capacity = 16
    while capacity < entries.count * 4 { capacity *= 2 }
    keys = Array(repeating: Key(), count: capacity)
    values = Array(repeating: nil, count: capacity)
    mask = capacity - 1
    for (word, value) in entries {
      guard let key = word.withWordBytes(ShortWordTable.key) else {
        preconditionFailure("ShortWordTable cannot hold '\(word)'")
      }
      var slot = ShortWordTable.slot(of: key, mask: mask)
      while values[slot] != nil { slot = (slot + 1) & mask }
      keys[slot] = key
      values[slot] = value
    }
  }

  func value(for word: String) -> Value? {
    guard let key = word.withWordBytes(ShortWordTable.key) else { return nil }
    var slot = ShortWordTable.slot(of: key, mask: mask)
    while let value = values[slot] {
      if keys[slot] == key { return value }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// The bytes packed little-endian into two integers; nil when empty or longer than 16.
  private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key? {
    guard (1...16).contains(bytes.count) else { return nil }
    var key = Key()
    for (index, byte) in bytes.enumerated() {
      if index < 8 {
        key.low |= UInt64(byte) << (8 * index)
      } else {
        key.high |= UInt64(byte) << (8 * (index - 8))
      }
    }
    return key
  }

  private static func slot(of key: Key, mask: Int) -> Int {
    let mixed = (key.low &+ key.high &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
    return Int(truncatingIfNeeded: mixed >> 32) & mask
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
