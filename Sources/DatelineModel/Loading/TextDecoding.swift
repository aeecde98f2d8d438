#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns the bytes of a file that should be text into a String, or says what the bytes are.
///
/// UTF-8 (with or without a byte-order mark) is read as it is; UTF-16 is read in either byte
/// order when a byte-order mark says which. Anything else is refused rather than decoded into
/// replacement characters: binary data (a NUL byte, or the signature of a known format: an
/// executable, an archive, an image, a PDF), UTF-32, or bytes that are not valid UTF-8.
public enum TextDecoding {
  /// Why bytes are not text we read, ready for "PATH: error: ...".
  public struct Problem: Error, Sendable, Equatable {
    public var message: String
  }

  /// Formats recognised by their first bytes, for a message that says what was found.
  static let signatures: [([UInt8], String)] = [
    ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
    ([0x25, 0x50, 0x44, 0x46], "a PDF document"),
    ([0x1F, 0x8B], "gzip-compressed data"),
    ([0x42, 0x5A, 0x68], "bzip2-compressed data"),
    ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed data"),
    ([0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed data"),
    ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or a .docx, .odt or .epub)"),
    ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
    ([0xFF, 0xD8, 0xFF], "a JPEG image"),
    ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
    ([0xD0, 0xCF, 0x11, 0xE0], "an old Microsoft Office document"),
    ([0x53, 0x51, 0x4C, 0x69, 0x74, 0x65], "an SQLite database"),
    ([0xCF, 0xFA, 0xED, 0xFE], "a Mach-O executable"),
    ([0x4D, 0x5A], "a Windows executable"),
  ]

  public static func decode(_ bytes: [UInt8]) -> Result<String, Problem> {
    if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])
    {
      return .failure(
        Problem(message: "the file is UTF-32 text; convert it to UTF-8 (iconv -f UTF-32 -t UTF-8)"))
    }
    if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), bigEndian: false) }
    if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), bigEndian: true) }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
    for (signature, name) in signatures where body.starts(with: signature) {
      // "MZ" and "BZh" also start ordinary words; call it binary only with a NUL in sight.
      if signature.count < 4 && !body.prefix(4096).contains(0) { continue }
      return .failure(Problem(message: "the file is \(name), not text"))
    }
    // (A NUL is looked for in one library call; its offset only once one is there.)
    let hasNUL = body.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false
    }
    if hasNUL, let nul = body.firstIndex(of: 0) {
      return .failure(
        Problem(
          message:
            "the file holds binary data (a NUL byte at offset \(nul)), not text; give a UTF-8 or UTF-16 text file"
        ))
    }
    // Valid UTF-8 (nearly every file) is validated and copied by the library in one pass;
    // it rejects exactly what `firstInvalidUTF8` finds (a test holds the two together).
    if let text = String(validating: body, as: UTF8.self) { return .success(text) }
    if let bad = firstInvalidUTF8(body) {
      let line = body[..<bad].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
      let hex = String(body[bad], radix: 16, uppercase: true)
      return .failure(
        Problem(
          message:
            "the file is not UTF-8 text: byte 0x\(hex) at offset \(bad) (line \(line)) is not valid UTF-8; convert it first (for Latin-1: iconv -f LATIN1 -t UTF-8)"
        ))
    }
    return .success(String(decoding: body, as: UTF8.self))
  }

  /// The offset of the first byte that does not belong to valid UTF-8, or nil.
  public static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
    let first = bytes.startIndex
    return bytes.withUnsafeBufferPointer { buffer in
      firstInvalidUTF8(buffer).map { first + $0 }
    }
  }

  /// The offset in `bytes` of the first byte that does not belong to valid UTF-8, or nil.
  static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var index = 0
    let end = bytes.count
    while index < end {
      // Text is mostly ASCII: eight bytes at a time while they are.
      if let base = bytes.baseAddress {
        while index + 8 <= end,
          UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080
            == 0
        {
          index += 8
        }
        if index == end { break }
      }
      let byte = bytes[index]
      if byte < 0x80 {
        index += 1
        continue
      }
      let length: Int
      var minimum: UInt32
      switch byte {
      case 0xC2...0xDF: (length, minimum) = (2, 0x80)
      case 0xE0...0xEF: (length, minimum) = (3, 0x800)
      case 0xF0...0xF4: (length, minimum) = (4, 0x10000)
      default: return index
      }
      guard index + length <= end else { return index }
      var value = UInt32(byte) & (0xFF >> (length + 1))
      for offset in 1..<length {
        let next = bytes[index + offset]
        guard next & 0xC0 == 0x80 else { return index }
        value = value << 6 | UInt32(next & 0x3F)
      }
      if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return index }
      minimum = 0
      index += length
    }
    return nil
  }

  private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> Result<String, Problem>
  {
    guard bytes.count % 2 == 0 else {
      return .failure(
        Problem(message: "the file starts like UTF-16 text but has an odd number of bytes"))
    }
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let first = UInt16(bytes[index])
      let second = UInt16(bytes[index + 1])
      units.append(bigEndian ? first << 8 | second : second << 8 | first)
      index += 2
    }
    var scalars = String.UnicodeScalarView()
    var iterator = units.makeIterator()
    var decoder = UTF16()
    var offset = 0
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        if scalar.value == 0 {
          return .failure(
            Problem(
              message: "the file holds binary data (a NUL character in its UTF-16 text), not text"))
        }
        scalars.append(scalar)
        offset += scalar.value > 0xFFFF ? 2 : 1
      case .emptyInput:
        break loop
      case .error:
        return .failure(
          Problem(
            message:
              "the file is not valid UTF-16 \(bigEndian ? "big" : "little")-endian text: an unpaired surrogate near code unit \(offset)"
          ))
      }
    }
    return .success(String(scalars))
  }
}
