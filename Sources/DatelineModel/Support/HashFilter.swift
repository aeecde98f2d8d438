/// A set of 64-bit hashes, a bit each (the hash modulo the number of bits): it may say "maybe"
/// for a hash it was not given, never "no" for one it was. A cheap test before an exact look-up
/// that mostly fails, such as a dictionary of strings.
struct HashFilter: Sendable {
  private var words: [UInt64]

  /// A filter of `1 << bitCountLog2` bits.
  init(bitCountLog2: Int) {
    words = [UInt64](repeating: 0, count: max(1, (1 << bitCountLog2) / 64))
  }

  private var mask: UInt64 { UInt64(words.count * 64 - 1) }

  mutating func insert(_ hash: UInt64) {
    let bit = Int(hash & mask)
    words[bit >> 6] |= 1 << UInt64(bit & 63)
  }

  func mayContain(_ hash: UInt64) -> Bool {
    let bit = Int(hash & mask)
    return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
  }
}
