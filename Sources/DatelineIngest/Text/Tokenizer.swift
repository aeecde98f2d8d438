/// Splits a paragraph of scalars into tokens in one pass, without regular expressions.
enum Tokenizer {
  @inline(__always)
  static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 {
      return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
        || (value >= 0x30 && value <= 0x39)
    }
    return isNonASCIILetterOrDigit(scalar)
  }

  static func isNonASCIILetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
    let properties = scalar.properties
    return properties.isAlphabetic || properties.numericType != nil
      || properties.generalCategory == .nonspacingMark
  }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x30 && scalar.value <= 0x39
  }

  static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value >= 0x41 && value <= 0x5A }
    return scalar.properties.isUppercase
  }

  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x2028, 0x2029, 0x202F, 0x2009, 0x200A,
      0x3000, 0xFEFF:
      return true
    default:
      return scalar.value >= 0x2000 && scalar.value <= 0x200B
    }
  }

  /// Spaces and control characters separate tokens; everything else is part of one.
  @inline(__always)
  static func startsToken(_ scalar: Unicode.Scalar) -> Bool {
    !(isSpace(scalar) || scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0))
  }

  static func isQuoteMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x22, 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB: return true
    default: return false
    }
  }

  static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value == 0x27 || scalar.value == 0x2019 || scalar.value == 0x2018
  }

  /// The most scalars one token takes.
  static let maximumWordLength = 256

  /// Appends the tokens of `scalars[range]` to `tokens`.
  static func tokenize(
    _ scalars: [Unicode.Scalar], range: Range<Int>, paragraph: Int, into tokens: inout [Token]
  ) {
    let lower = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchCapacity)
    defer { lower.deallocate() }
    tokenize(scalars, range: range, paragraph: paragraph, into: &tokens, scratch: lower)
  }

  /// The bytes of the scratch buffer for every word's lowercase bytes, big enough for the
  /// longest word: a scalar lowercases to at most three scalars of four bytes.
  static let scratchCapacity = 12 * maximumWordLength + 16

  /// `tokenize` with a scratch buffer of `scratchCapacity` bytes from the caller, who
  /// tokenizes many paragraphs with one.
  static func tokenize(
    _ scalars: [Unicode.Scalar], range: Range<Int>, paragraph: Int, into tokens: inout [Token],
    scratch lower: UnsafeMutablePointer<UInt8>
  ) {
    let words = WordClass.lookup
    scalars.withUnsafeBufferPointer { scalars in
      var index = range.lowerBound
      let end = range.upperBound
      while index < end {
        let scalar = scalars[index]
        guard startsToken(scalar) else {
          index += 1
          continue
        }
        guard isLetterOrDigit(scalar) else {
          index = punctuation(scalars, at: index, end: end, paragraph: paragraph, into: &tokens)
          continue
        }
        let start = index
        var allDigits = true
        var length = 0
        // No word is this long: a run of letters that is gets cut into several tokens.
        let wordEnd = min(end, start + maximumWordLength)
        while index < wordEnd {
          let current = scalars[index]
          // ASCII letters and digits, nearly every scalar of a word, in a few instructions.
          let value = current.value
          if value &- 0x30 < 10 {
            lower[length] = UInt8(truncatingIfNeeded: value)
            length += 1
            index += 1
            continue
          }
          if (value | 0x20) &- 0x61 < 26 {
            allDigits = false
            lower[length] = UInt8(truncatingIfNeeded: value | 0x20)
            length += 1
            index += 1
            continue
          }
          if isLetterOrDigit(current) {
            if !isDigit(current) { allDigits = false }
            length = appendLowercased(current, to: lower, at: length)
            index += 1
            continue
          }
          // Joiners inside a word or number: don't, U.S, large-scale, 16:19, 2,000, 3.5
          let next = index + 1 < end ? scalars[index + 1] : " "
          guard isLetterOrDigit(next) else { break }
          var joiner: UInt8?
          switch current.value {
          case 0x27, 0x2019: joiner = UInt8(ascii: "'")
          case 0x2D, 0x2010, 0x2011: joiner = UInt8(ascii: "-")
          // "U.S", "3.5": a dot between letters or digits.
          case 0x2E: joiner = UInt8(ascii: ".")
          case 0x3A, 0x2C: if allDigits && isDigit(next) { joiner = UInt8(current.value) }
          case 0x26: joiner = UInt8(ascii: "&")
          default: joiner = nil
          }
          guard let joiner else { break }
          lower[length] = joiner
          length += 1
          index += 1
        }
        // "U.S." and "p.m.": letters separated by dots keep their final dot.
        if index < end, scalars[index].value == 0x2E,
          isDottedInitials(UnsafeBufferPointer(start: lower, count: length))
        {
          lower[length] = UInt8(ascii: ".")
          length += 1
          index += 1
        }
        var word = UnsafeBufferPointer(start: lower, count: length)
        // "Friday's ruling", "last year's vote": the date word and its "'s" are two tokens,
        // so that date rules read the word itself.
        var possessiveEnd: Int? = nil
        if length > 2, lower[length - 2] == UInt8(ascii: "'"),
          lower[length - 1] == UInt8(ascii: "s"),
          let stem = words.find(UnsafeBufferPointer(start: lower, count: length - 2)),
          stem.value.contains(.possessiveDateWord)
        {
          possessiveEnd = index
          index -= 2
          word = UnsafeBufferPointer(start: lower, count: length - 2)
        }
        let (classes, listed) = WordClass.of(word, in: words)
        tokens.append(
          Token(
            start: start, end: index, kind: allDigits ? .number : .word,
            lower: listed ?? String(decoding: word, as: UTF8.self),
            ending: Token.Ending(bytes: word), isCapitalized: isUppercase(scalars[start]),
            classes: classes, paragraph: paragraph))
        if let possessiveEnd {
          tokens.append(
            Token(
              start: index, end: possessiveEnd, kind: .punctuation, lower: "'s", ending: [],
              isCapitalized: false, classes: [], paragraph: paragraph))
          index = possessiveEnd
        }
      }
    }
  }

  /// Appends the punctuation or quotation mark token at `index` and returns where the next
  /// token may start.
  static func punctuation(
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>, at index: Int, end: Int, paragraph: Int,
    into tokens: inout [Token]
  ) -> Int {
    let scalar = scalars[index]
    // "..." is one token.
    var tokenEnd = index + 1
    if scalar.value == 0x2E {
      while tokenEnd < end && scalars[tokenEnd].value == 0x2E && tokenEnd - index < 3 {
        tokenEnd += 1
      }
    }
    let text: String
    if tokenEnd - index > 1 {
      text = "…"
    } else if scalar.value == 0x2019 {
      text = "'"
    } else if scalar.value < 0x80 {
      text = asciiStrings[Int(scalar.value)]
    } else {
      text = String(Character(scalar))
    }
    tokens.append(
      Token(
        start: index, end: tokenEnd, kind: isQuoteMark(scalar) ? .quoteMark : .punctuation,
        lower: text, ending: [], isCapitalized: false, classes: [], paragraph: paragraph))
    return tokenEnd
  }

  /// One-character strings for ASCII punctuation, made once rather than per token.
  static let asciiStrings: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }

  /// "u.s", "u.k", "p.m", "d.c": single letters joined by dots.
  static func isDottedInitials(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    var count = 0
    var expectLetter = true
    for byte in word {
      if expectLetter {
        guard byte != UInt8(ascii: "."), byte < 0x80 else { return false }
        count += 1
        expectLetter = false
      } else {
        guard byte == UInt8(ascii: ".") else { return false }
        expectLetter = true
      }
    }
    return count >= 2 && !expectLetter
  }

  /// Writes the lowercase UTF-8 of `scalar` at `offset` and returns the offset after it.
  @inline(__always)
  static func appendLowercased(
    _ scalar: Unicode.Scalar, to bytes: UnsafeMutablePointer<UInt8>, at offset: Int
  ) -> Int {
    let value = scalar.value
    if value < 0x80 {
      bytes[offset] = value >= 0x41 && value <= 0x5A ? UInt8(value + 32) : UInt8(value)
      return offset + 1
    }
    var next = offset
    func write(_ byte: UInt8) {
      bytes[next] = byte
      next += 1
    }
    if scalar.properties.isUppercase {
      for byte in scalar.properties.lowercaseMapping.utf8 { write(byte) }
    } else {
      UTF8.encode(scalar, into: write)
    }
    return next
  }
}
