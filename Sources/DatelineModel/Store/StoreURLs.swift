/// A quote's web addresses as the store keeps them in `quotes.urls`: a JSON array, or NULL when
/// there are none. Most addresses begin with the address of the quote's source (the site), so
/// an entry that does is written as `+` and the rest (`"+2024/1/1/story-118"` under
/// `https://news1.example/`); an address that itself begins with `+` or `=` is written with `=`
/// before it; every other entry is the address as is. The view `quote_urls` spells them out.
enum StoreURLs {
  static func encode(_ urls: [String], sourceURL: String?) -> String? {
    guard !urls.isEmpty else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(urls.reduce(2) { $0 + $1.utf8.count + 4 })
    append(urls, sitePrefix: sourceURL.map { Array($0.utf8) } ?? [], to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the JSON array of `urls` to `out`, with the UTF-8 bytes of the source's address
  /// given once for many quotes (empty when it has none).
  static func append(_ urls: [String], sitePrefix prefix: [UInt8], to out: inout [UInt8]) {
    out.append(UInt8(ascii: "["))
    for (index, url) in urls.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      out.append(UInt8(ascii: "\""))
      var url = url
      url.withUTF8 { bytes in
        var rest = bytes[...]
        if !prefix.isEmpty && bytes.starts(with: prefix) {
          out.append(UInt8(ascii: "+"))
          rest = rest.dropFirst(prefix.count)
        } else if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "=")
        {
          out.append(UInt8(ascii: "="))
        }
        appendEscaped(UnsafeBufferPointer(rebasing: rest), to: &out)
      }
      out.append(UInt8(ascii: "\""))
    }
    out.append(UInt8(ascii: "]"))
  }

  static func decode(_ text: String?, sourceURL: String?) -> [String] {
    guard let text else { return [] }
    return StoreJSON.strings(text).map { entry in
      switch entry.utf8.first {
      case UInt8(ascii: "+"): (sourceURL ?? "") + String(entry.unicodeScalars.dropFirst())
      case UInt8(ascii: "="): String(entry.unicodeScalars.dropFirst())
      default: entry
      }
    }
  }

  /// The bytes of a JSON string's content: quotation marks, backslashes and control
  /// characters escaped, everything else (UTF-8 included) as it is.
  static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    // Most addresses need no escape: they go in at once.
    if !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
    {
      out.append(contentsOf: bytes)
      return
    }
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
      case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
      case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
      case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
      default: out.append(byte)
      }
    }
  }
}
