/// Pairs quotation marks within each paragraph. Straight marks are told apart by the spaces
/// around them; curly ones by their shape. Unbalanced marks never fail: a quote left open runs
/// to the end of its paragraph (the news convention for a quote that continues), a stray
/// closing mark is ignored.
enum QuotePairer {
  static func pair(_ article: inout Article) -> [QuoteSpan] {
    var spans: [QuoteSpan] = []
    let scalars = article.scalars
    for (paragraph, tokenRange) in article.paragraphTokens.enumerated() {
      let paragraphRange = article.paragraphs[paragraph]
      var open: Int?
      // A quote left open ends where the next one opens, else at the end of its paragraph:
      // spans never overlap, so their total length stays linear in the paragraph.
      func emit(closingAt close: Int?, endToken: Int) {
        guard let opened = open else { return }
        open = nil
        let lower = article.tokens[opened].end
        let upper =
          close.map { article.tokens[$0].start }
          ?? (endToken < tokenRange.upperBound
            ? article.tokens[endToken].start : paragraphRange.upperBound)
        guard let trimmed = Article.trim(scalars, lower..<upper) else { return }
        spans.append(
          QuoteSpan(
            range: trimmed, paragraph: paragraph, openToken: opened, closeToken: close,
            innerTokens: (opened + 1)..<endToken))
      }
      // Inside markup pasted with the text (`<tweet author="...">`) quotation marks delimit
      // attributes, not speech.
      var inTag = false
      for index in tokenRange
      where article.tokens[index].kind == .quoteMark || article.tokens[index].kind == .punctuation {
        let token = article.tokens[index]
        let mark = scalars[token.start]
        if token.kind == .punctuation {
          if mark == "<", token.end < paragraphRange.upperBound,
            Tokenizer.isLetterOrDigit(scalars[token.end]) || scalars[token.end] == "/"
          {
            inTag = true
          } else if mark == ">" {
            inTag = false
          }
          continue
        }
        guard !inTag else { continue }
        let before = token.start > paragraphRange.lowerBound ? scalars[token.start - 1] : " "
        let after = token.end < paragraphRange.upperBound ? scalars[token.end] : " "
        let spaceBefore =
          Tokenizer.isSpace(before) || "([{\u{2014}\u{2013}-/".unicodeScalars.contains(before)
        let spaceAfter =
          Tokenizer.isSpace(after) || ".,;:!?)]}\u{2014}\u{2013}-".unicodeScalars.contains(after)
        var opens: Bool
        switch mark.value {
        // An opening mark typed where a closing one belongs (`a fascist?“ he asked`): attached
        // to the word before it, with a space after, it closes the open quote.
        case 0x201C: opens = !(open != nil && !spaceBefore && spaceAfter)
        case 0x201E, 0x00AB: opens = true
        case 0x201D, 0x00BB: opens = spaceBefore && !spaceAfter && open == nil
        default:
          if spaceBefore && !spaceAfter {
            opens = true
          } else if spaceAfter && !spaceBefore {
            opens = false
          } else {
            opens = open == nil
          }
        }
        if opens {
          if open != nil { emit(closingAt: nil, endToken: index) }
          open = index
        } else if open != nil {
          emit(closingAt: index, endToken: index)
        }
      }
      emit(closingAt: nil, endToken: tokenRange.upperBound)
    }
    for (number, span) in spans.enumerated() {
      for index in span.innerTokens { article.tokens[index].quote = number }
    }
    return spans
  }
}

/// Splits paragraphs into sentences. A dot after an abbreviation ("Mr.", "Lt.", "Feb.") or an
/// initial ("J.") does not end a sentence; "U.S." does only when a sentence clearly starts next.
enum SentenceSplitter {
  static func split(_ article: inout Article) -> [Range<Int>] {
    var sentences: [Range<Int>] = []
    let count = article.tokens.count
    let closeTokens = Set(article.quoteSpans.compactMap(\.closeToken))
    for tokenRange in article.paragraphTokens where !tokenRange.isEmpty {
      var start = tokenRange.lowerBound
      var index = tokenRange.lowerBound
      while index < tokenRange.upperBound {
        // Most tokens are plain words: skip them without copying.
        if article.tokens[index].kind == .number
          || (article.tokens[index].kind == .word && !article.tokens[index].endsWithDot)
        {
          index += 1
          continue
        }
        // Fields read in place: copying a token retains its text.
        let kind = article.tokens[index].kind
        var ends = false
        var endIndex = index
        let mark = article.scalars[article.tokens[index].start]
        if kind == .punctuation,
          mark == "." || mark == "!" || mark == "?" || mark == "…"
        {
          ends = true
          if mark == ".", article.tokens[index].end - article.tokens[index].start == 1,
            index > start
          {
            let previous = index - 1
            if article.tokens[previous].kind == .word,
              article.tokens[previous].classes.contains(.abbreviation)
                || (article.tokens[previous].end - article.tokens[previous].start == 1
                  && article.tokens[previous].isCapitalized)
            {
              ends = false
            }
          }
        } else if kind == .word, article.tokens[index].endsWithDot,
          article.tokens[index].lower.utf8.count > 2
        {
          // Words keep a final dot only as ASCII initials, so bytes count characters here.
          // "U.S." ends a sentence only when a common sentence opener follows.
          let next = index + 1 < tokenRange.upperBound ? article.tokens[index + 1] : nil
          ends =
            next.map { $0.isCapitalized && $0.classes.contains(.commonCapitalized) } ?? false
        }
        if ends {
          // Closing marks belong to the sentence they close.
          while endIndex + 1 < tokenRange.upperBound {
            let next = endIndex + 1
            if (article.tokens[next].kind == .quoteMark && closeTokens.contains(next))
              || article.tokens[next].lower == ")"
            {
              endIndex += 1
            } else {
              break
            }
          }
          let next = endIndex + 1 < tokenRange.upperBound ? article.tokens[endIndex + 1] : nil
          if let next, next.kind == .word, !next.isCapitalized {
            ends = false  // "Go!" he said.
          }
          if let next, next.kind == .punctuation, next.lower == "," { ends = false }
          // `"Why now?" Trump asked.`: a name and a speech verb closing the sentence.
          if ends, endIndex > index, let next, next.isCapitalized,
            attributionFollows(article, from: endIndex + 1, limit: tokenRange.upperBound)
          {
            ends = false
          }
        }
        if ends {
          sentences.append(start..<(endIndex + 1))
          start = endIndex + 1
          index = endIndex + 1
          continue
        }
        index += 1
      }
      if start < tokenRange.upperBound { sentences.append(start..<tokenRange.upperBound) }
    }
    for (number, range) in sentences.enumerated() {
      for index in range where index < count { article.tokens[index].sentence = number }
    }
    return sentences
  }

  /// Up to four capitalized words, then a speech verb that ends the clause.
  static func attributionFollows(_ article: Article, from start: Int, limit: Int) -> Bool {
    var index = start
    while index < limit, index - start < 4 {
      let token = article.tokens[index]
      if token.classes.contains(.speechVerb) {
        guard index > start else { return false }
        let after = index + 1 < limit ? article.tokens[index + 1].lower : "."
        return after == "." || after == "," || after == "!"
      }
      guard token.kind == .word, token.isCapitalized || token.lower == "the" else { return false }
      index += 1
    }
    return false
  }
}
