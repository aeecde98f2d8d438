/// FNV-1a, 64 bits: the one cheap, stable hash of bytes the project uses (cached store file
/// names, slugs' short suffixes, quote id hashes, word filters). Stable across runs and
/// machines, unlike `Hasher`, so it may be written to disk.
public enum FNV1a {
  public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  public static let prime: UInt64 = 0x100_0000_01b3

  /// The hash of `bytes`.
  @inlinable public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash = offsetBasis
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
    return hash
  }
}
