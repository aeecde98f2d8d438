import Testing

@testable import DatelineModel

struct TextDecodingTests {
  /// `decode` takes the library's UTF-8 validation as its fast path: it must accept exactly
  /// the bytes `firstInvalidUTF8` accepts, and give the same text. Random byte strings made of
  /// UTF-8 pieces, broken ones among them (overlong forms, surrogates, cut sequences, stray
  /// continuation bytes, values past U+10FFFF).
  @Test func libraryValidationAgreesWithOurs() {
    let pieces: [[UInt8]] = [
      [0x41], [0x20], [0x0A], [0xC3, 0xA9], [0xE2, 0x80, 0x9C], [0xF0, 0x9F, 0x98, 0x80],
      [0xC0, 0x80], [0xC1, 0xBF], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80],
      [0xF5], [0x80], [0xBF], [0xE2, 0x80], [0xF0, 0x9F], [0xFE], [0xFF], [0xEF, 0xBB, 0xBF],
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for _ in 0..<800 {
      var bytes: [UInt8] = [0x61]
      for _ in 0..<next(8) { bytes += pieces[next(pieces.count)] }
      let slice = bytes[...]
      let valid = String(validating: slice, as: UTF8.self)
      #expect((valid != nil) == (TextDecoding.firstInvalidUTF8(slice) == nil), "\(bytes)")
      if let valid { #expect(valid == String(decoding: slice, as: UTF8.self)) }
      let decoded = try? TextDecoding.decode(bytes).get()
      #expect(decoded == valid, "\(bytes)")
    }
  }
}
