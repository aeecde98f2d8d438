/// SplitMix64: a small, fast generator whose stream depends only on its seed, the same on every
/// machine. The synthetic corpus, the browser soak and the tests all draw from it, so a seed in a
/// report replays the same input.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  public var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A whole number in 0..<bound (0 when bound is 0 or less).
  public mutating func below(_ bound: Int) -> Int {
    Int(next() % UInt64(max(1, bound)))
  }

  /// A number in [0, 1) from the top 53 bits.
  public mutating func unit() -> Double {
    Double(next() >> 11) / Double(1 << 53)
  }
}
