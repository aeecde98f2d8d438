import GRDB
import GRDBSQLite

/// The terms of the search index (`quote_search`): the trigrams (three Unicode scalars in a row)
/// *within* each word, words being split at U+0020 only, and each word of one or two scalars as
/// one term padded on the left with spaces to three (`"am"` is `" am"`, `"a"` is `"  a"`).
/// ASCII letters are lowercased; other text comes in folded already (`QuoteSearchText.indexed`).
///
/// A trigram across a space ("e t") is left out: those were 61% of the entries of a trigram
/// index. Nothing a search needs is lost: a query word of three or more scalars without a space
/// lies within one word of the quote, so the quote holds all its trigrams; a shorter one lies
/// in a longer word (a trigram contains it) or is a short word, or in one (its padded term
/// contains it). `SearchPlan` asks the index accordingly.
enum WordTrigrams {
  /// Calls `emit` with each term of `text` (bytes valid during the call only) and the byte
  /// range of its word or trigram in `text`; stops at, and returns, the first non-zero result.
  static func forEach(
    in text: UnsafeBufferPointer<UInt8>,
    _ emit: (UnsafeBufferPointer<UInt8>, Int, Int) -> Int32
  ) -> Int32 {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { buffer in
      let count = text.count
      /// The start of the scalar after the one at `index` (at most four bytes on).
      func next(_ index: Int, _ end: Int) -> Int {
        var next = index + 1
        while next < end, next - index < 4, text[next] & 0xC0 == 0x80 { next += 1 }
        return next
      }
      func term(padding: Int, _ start: Int, _ end: Int) -> Int32 {
        for index in 0..<padding { buffer[index] = 0x20 }
        var length = padding
        for index in start..<end {
          let byte = text[index]
          buffer[length] = byte &- 0x41 < 26 ? byte | 0x20 : byte
          length += 1
        }
        return emit(UnsafeBufferPointer(rebasing: buffer[0..<length]), start, end)
      }
      var start = 0
      while start < count {
        guard text[start] != 0x20 else {
          start += 1
          continue
        }
        var end = start
        while end < count, text[end] != 0x20 { end += 1 }
        var first = start
        var second = next(first, end)
        var result: Int32
        if second == end {
          result = term(padding: 2, first, end)
        } else {
          var third = next(second, end)
          if third == end {
            result = term(padding: 1, first, end)
          } else {
            while true {
              let fourth = next(third, end)
              result = term(padding: 0, first, fourth)
              if result != 0 || fourth == end { break }
              (first, second, third) = (second, third, fourth)
            }
          }
        }
        if result != 0 { return result }
        start = end
      }
      return 0
    }
  }

  /// The terms of `text`, in order (repeats kept): for tests and for planning searches.
  static func terms(_ text: String) -> [String] {
    var text = text
    var terms: [String] = []
    _ = text.withUTF8 { bytes in
      forEach(in: bytes) { term, _, _ in
        terms.append(String(decoding: term, as: UTF8.self))
        return 0
      }
    }
    return terms
  }
}

/// The index's tokenizer, registered under its name on every connection to a store
/// (`StoreTokenizer.register`): the same terms for a quote's text and for a `MATCH` string.
final class WordTrigramTokenizer: FTS5CustomTokenizer {
  static let name = "dateline_words"

  init(db: Database, arguments: [String]) throws {}

  func tokenize(
    context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization,
    pText: UnsafePointer<CChar>?, nText: CInt, tokenCallback: @escaping FTS5TokenCallback
  ) -> CInt {
    guard let pText, nText > 0 else { return SQLITE_OK }
    let bytes = UnsafeBufferPointer(
      start: UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self), count: Int(nText))
    return WordTrigrams.forEach(in: bytes) { term, start, end in
      term.withMemoryRebound(to: CChar.self) { token in
        tokenCallback(context, 0, token.baseAddress, CInt(token.count), CInt(start), CInt(end))
      }
    }
  }
}

enum StoreTokenizer {
  /// Makes every connection of `configuration` know the search index's tokenizer: a store's
  /// `quote_search` cannot be read or written without it.
  static func register(_ configuration: inout Configuration) {
    configuration.prepareDatabase { db in db.add(tokenizer: WordTrigramTokenizer.self) }
  }

  static var configuration: Configuration {
    var configuration = Configuration()
    register(&configuration)
    return configuration
  }
}

extension QuoteSearchText {
  /// The words of a (folded) query term as the index splits text: at U+0020 only.
  static func words(_ term: String) -> [String] {
    term.unicodeScalars.split(separator: " ").map { String(String.UnicodeScalarView($0)) }
  }

  /// The trigrams within the words of `word` (a word of `words`, of three scalars or more), in
  /// order, repeats and those holding a NUL left out.
  static func trigrams(_ word: String) -> [String] {
    let scalars = Array(word.unicodeScalars)
    guard scalars.count >= 3 else { return [] }
    var seen = Set<String>()
    var trigrams: [String] = []
    for start in 0...(scalars.count - 3) {
      let slice = scalars[start..<start + 3]
      guard !slice.contains(where: { $0.value == 0 }) else { continue }
      let text = String(String.UnicodeScalarView(slice))
      if seen.insert(text).inserted { trigrams.append(text) }
    }
    return trigrams
  }
}
