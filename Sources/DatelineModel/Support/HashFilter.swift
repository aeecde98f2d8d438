/// A set of 64-bit hashes in a fixed number of bits: it may say "maybe" for a hash it was not
/// given, never "no" for one it was. A cheap test before an exact look-up that mostly fails,
/// such as a dictionary of strings.
///
/// With one bit a hash, the bit is the hash modulo the number of bits. With more (a Bloom
/// filter whose bits for a hash share one 64-bit word, so a look-up touches memory once), the
/// word comes from the low bits of the hash, remixed, and each bit from six of its high bits:
/// far fewer false "maybe"s once many hashes are in.
struct HashFilter: Sendable {
  private var words: [UInt64]
  private let bitsPerHash: Int

  /// A filter of `1 << bitCountLog2` bits, setting `bitsPerHash` of them (1 to 7) a hash.
  init(bitCountLog2: Int, bitsPerHash: Int = 1) {
    words = [UInt64](repeating: 0, count: max(1, (1 << bitCountLog2) / 64))
    self.bitsPerHash = min(max(bitsPerHash, 1), 7)
  }

  private var mask: UInt64 { UInt64(words.count * 64 - 1) }

  /// The word that holds a hash's bits, and those bits.
  private func place(_ hash: UInt64) -> (word: Int, bits: UInt64) {
    guard bitsPerHash > 1 else {
      let bit = Int(hash & mask)
      return (bit >> 6, 1 << UInt64(bit & 63))
    }
    // A multiply and shifts spread every input bit (FNV-1a's high bits mix poorly).
    var mixed = (hash ^ (hash >> 33)) &* 0xFF51_AFD7_ED55_8CCD
    mixed ^= mixed >> 29
    var bits: UInt64 = 0
    for slice in 1...bitsPerHash {
      bits |= 1 << ((mixed >> UInt64(64 - 6 * slice)) & 63)
    }
    return (Int(mixed & UInt64(words.count - 1)), bits)
  }

  mutating func insert(_ hash: UInt64) {
    let (word, bits) = place(hash)
    words[word] |= bits
  }

  func mayContain(_ hash: UInt64) -> Bool {
    let (word, bits) = place(hash)
    return words[word] & bits == bits
  }
}
