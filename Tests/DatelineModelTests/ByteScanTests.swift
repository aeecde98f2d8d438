import Testing

@testable import DatelineModel

/// The eight-byte tests answer as a byte-by-byte scan: every byte value at every position,
/// among random neighbours, for each limit the writers use and its neighbours.
struct ByteScanTests {
  @Test func eightByteTestsAnswerAsAByteScan() {
    var random = SplitMix64(seed: 11)
    for byte in 0...255 {
      for position in 0..<8 {
        for _ in 0..<4 {
          var bytes = (0..<8).map { _ in UInt8(truncatingIfNeeded: random.next()) }
          bytes[position] = UInt8(byte)
          let word = bytes.withUnsafeBufferPointer { ByteScan.word(at: $0.baseAddress!) }
          for limit: UInt8 in [1, 0x1F, 0x20, 0x21, 0x7F, 0x80] {
            #expect(ByteScan.hasByte(below: limit, in: word) == bytes.contains { $0 < limit })
          }
          for limit: UInt8 in [0, 0x20, 0x7D, 0x7E, 0x7F] {
            #expect(ByteScan.hasByte(above: limit, in: word) == bytes.contains { $0 > limit })
          }
          for wanted: UInt8 in [0, 0x22, 0x5C, 0xFF, UInt8(byte)] {
            #expect(ByteScan.hasByte(wanted, in: word) == bytes.contains(wanted))
          }
        }
      }
    }
  }
}
