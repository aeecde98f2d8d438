import Testing

@testable import DatelineModel

/// The hash is written to disk (cached store names, quote id hashes in stores): it must stay
/// FNV-1a exactly. Reference values from the algorithm's published test vectors.
@Test func fnv1aMatchesItsReferenceValues() {
  #expect(FNV1a.hash([UInt8]()) == 0xcbf2_9ce4_8422_2325)
  #expect(FNV1a.hash("a".utf8) == 0xaf63_dc4c_8601_ec8c)
  #expect(FNV1a.hash("foobar".utf8) == 0x8594_4171_f739_67e8)
  // A store's `quotes.id_hash`: the low 23 bits.
  #expect(StoreSchema.idHash("foobar") == 0x39_67e8)
}
