/// Tests of eight UTF-8 bytes at once, for the writers that copy text through unless a rare
/// byte needs care: the JSON writer's escapes, ingest's replacing of control characters.
///
/// Each test is exact for the eight bytes as a whole, which is all the callers ask (they read
/// the bytes one by one once a test says yes): a byte below n sets the high bit of
/// `(w - n * ones) & ~w` for n <= 128, and a byte above n (n < 128) that of
/// `(w + (127 - n) * ones) | w` ("Bit Twiddling Hacks", hasless and hasmore).
public enum ByteScan {
  @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
  @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

  /// The eight bytes at `pointer`, which need no alignment, first byte lowest.
  @inlinable @inline(__always)
  public static func word(at pointer: UnsafePointer<UInt8>) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
  }

  /// Whether a byte of `word` is below `limit`, which is at most 128.
  @inlinable @inline(__always)
  public static func hasByte(below limit: UInt8, in word: UInt64) -> Bool {
    (word &- ones &* UInt64(limit)) & ~word & highs != 0
  }

  /// Whether a byte of `word` is above `limit`, which is below 128.
  @inlinable @inline(__always)
  public static func hasByte(above limit: UInt8, in word: UInt64) -> Bool {
    ((word &+ ones &* UInt64(127 - limit)) | word) & highs != 0
  }

  /// Whether a byte of `word` is `byte`.
  @inlinable @inline(__always)
  public static func hasByte(_ byte: UInt8, in word: UInt64) -> Bool {
    hasByte(below: 1, in: word ^ (ones &* UInt64(byte)))
  }
}
