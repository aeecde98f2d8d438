import Foundation

/// Ids made from text: the one way ingest (`DatasetBuilder`), the Quotebank import and the
/// TimelineJS import turn a name, a headline or a host into an id, so that ids look alike
/// whoever made them. Callers still make each id unique in its dataset (`-2`, `-3`, ...).
public enum Slug {
  /// The longest slug `make` and `bounded` return, hash suffix included.
  public static let limit = 48

  /// Lowercase ASCII letters and digits joined by single hyphens: "Keir Starmer" ->
  /// "keir-starmer", "Élysée  Palace!" -> "elysee-palace", "Zelenskyy’s U.S. visit" ->
  /// "zelenskyys-us-visit". Accented letters lose their accents; apostrophes and dots vanish;
  /// any other run of characters is one hyphen. A letter or digit with no ASCII form ("北京",
  /// "Путин") is left out, and then, as when the slug would be longer than `limit`, the slug
  /// ends in a hash of the whole text, so texts that differ only there still get different
  /// slugs ("北京 2025" -> "2025-" and eight hex digits; "Путин" -> the hash alone).
  public static func make(_ text: String, limit: Int = limit) -> String {
    // Nearly every name and headline is ASCII: those are read as bytes, without decoding
    // scalars or growing an array (`SlugTests` holds the two paths to the same answers).
    if let slug = asciiSlug(text, limit: limit) { return slug }
    return scalarSlug(text, limit: limit)
  }

  /// `make` of an ASCII text, as the scalar path makes it; nil when a byte is not ASCII.
  static func asciiSlug(_ text: String, limit: Int) -> String? {
    guard limit >= 0 else { return nil }
    let answer: String?? = text.utf8.withContiguousStorageIfAvailable { utf8 -> String? in
      // At most `limit` bytes before a character, which adds a hyphen and a letter.
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: limit + 2) { slug -> String? in
        var count = 0
        var pendingHyphen = false
        for byte in utf8 {
          // The scalar path's cut: the slug is full before this character is read.
          if count > limit {
            return withHash(Array(slug[0..<count]), of: text, limit: limit)
          }
          var kept = byte
          switch byte {
          case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
          case UInt8(ascii: "A")...UInt8(ascii: "Z"): kept = byte + 0x20
          case UInt8(ascii: "'"), UInt8(ascii: "."): continue
          case 0x80...: return nil
          default:
            pendingHyphen = true
            continue
          }
          if pendingHyphen && count > 0 {
            slug[count] = UInt8(ascii: "-")
            count += 1
          }
          pendingHyphen = false
          slug[count] = kept
          count += 1
        }
        if count > limit { return withHash(Array(slug[0..<count]), of: text, limit: limit) }
        return String(decoding: UnsafeBufferPointer(rebasing: slug[0..<count]), as: UTF8.self)
      }
    }
    return answer ?? nil
  }

  /// `make` by Unicode scalars: any text.
  static func scalarSlug(_ text: String, limit: Int) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(text.utf8.count, limit + 1) + 1)
    var pendingHyphen = false
    var lost = false
    var cut = false
    func append(_ byte: UInt8) {
      if pendingHyphen && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
      pendingHyphen = false
      bytes.append(byte)
    }
    for scalar in text.unicodeScalars {
      if bytes.count > limit {
        cut = true
        break
      }
      let value = scalar.value
      if value < 0x80 {
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
          append(byte)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): append(byte + 0x20)
        case UInt8(ascii: "'"), UInt8(ascii: "."): break
        default: pendingHyphen = true
        }
        continue
      }
      if scalar == "’" { continue }
      let properties = scalar.properties
      switch properties.generalCategory {
      // A combining accent belongs to the letter before it.
      case .nonspacingMark, .spacingMark, .enclosingMark: continue
      default: break
      }
      if let folded = foldToASCII(scalar), folded.isASCII,
        folded.properties.isAlphabetic || ("0"..."9").contains(folded)
      {
        let byte = UInt8(folded.value)
        append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte)
      } else if properties.isAlphabetic || properties.numericType != nil {
        lost = true
        pendingHyphen = true
      } else {
        pendingHyphen = true
      }
    }
    if bytes.count > limit { cut = true }
    guard lost || cut else { return String(decoding: bytes, as: UTF8.self) }
    return withHash(bytes, of: text, limit: limit)
  }

  /// `id` itself when it has at most `limit` characters, else its beginning and a hash of the
  /// whole: for ids taken as they are given (a Wikidata id, "site-" and a host).
  public static func bounded(_ id: String, limit: Int = limit) -> String {
    guard id.unicodeScalars.count > limit else { return id }
    return withHash(Array(id.utf8), of: id, limit: limit)
  }

  /// The first characters of `head` that leave room for "-" and eight hex digits (hyphens at
  /// the cut dropped), then those: at most `limit` characters in all.
  static func withHash(_ head: [UInt8], of text: String, limit: Int) -> String {
    let hash = hexHash(text)
    var kept = Array(head.prefix(max(0, limit - hash.utf8.count - 1)))
    // A cut inside a multi-byte character drops that character's bytes.
    while let last = kept.last, last >= 0x80, last < 0xC0 { kept.removeLast() }
    if let last = kept.last, last >= 0xC0 { kept.removeLast() }
    while kept.last == UInt8(ascii: "-") { kept.removeLast() }
    let prefix = String(decoding: kept, as: UTF8.self)
    return prefix.isEmpty ? hash : prefix + "-" + hash
  }

  /// FNV-1a over the UTF-8 bytes, folded to 32 bits: eight lowercase hex digits.
  static func hexHash(_ text: String) -> String {
    let hash = FNV1a.hash(text.utf8)
    let folded = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    let digits = String(folded, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
  }

  /// The letter without its accents ("é" -> "e"), when that is ASCII.
  static func foldToASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
    return decomposed.first.flatMap { $0.isASCII ? $0 : nil }
  }
}
