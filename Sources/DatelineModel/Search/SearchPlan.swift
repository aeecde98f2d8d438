/// Where a quote search over the whole story finds its candidates, chosen with the store's
/// trigram vocabulary when it has one. Every candidate is still checked by `QuoteQuery`, so the
/// plan decides speed only, never the answer (it may only leave out quotes that cannot match).
struct SearchPlan {
  enum Source: Equatable {
    /// No quote can match (a word holds a trigram no quote has).
    case nothing
    /// The quotes the FTS query `match` finds (none when nil), and with `short` also those too
    /// short to hold a trigram.
    case index(match: String?, short: Bool)
    /// Every quote (or every quote of the speakers asked for).
    case scan
  }

  let source: Source

  /// The most trigrams one word asks the index for, rarest first.
  static let maximumTrigrams = 8

  /// `alternatives`: the query's plain alternatives (those whose `@name` names somebody).
  init(_ alternatives: [QuoteQuery], vocabulary: SearchVocabulary?, quoteCount: Int) {
    var parts: [String] = []
    var short = false
    for alternative in alternatives {
      switch Self.part(alternative, vocabulary: vocabulary, quoteCount: quoteCount) {
      case .nothing: continue
      case .scan:
        source = .scan
        return
      case .index(let match, let needsShort):
        if let match { parts.append(match) }
        short = short || needsShort
      }
    }
    if parts.isEmpty && !short {
      source = .nothing
    } else if parts.count == 1 {
      source = .index(match: parts[0], short: short)
    } else {
      source = .index(
        match: parts.isEmpty ? nil : parts.map { "(" + $0 + ")" }.joined(separator: " OR "),
        short: short)
    }
  }

  /// The candidates of one alternative.
  static func part(_ query: QuoteQuery, vocabulary: SearchVocabulary?, quoteCount: Int)
    -> Source
  {
    // The index holds trigrams within words only (`WordTrigrams`): a phrase is asked for by
    // its words.
    let words = query.indexTerms.flatMap(QuoteSearchText.words)
    guard !words.isEmpty else { return .scan }
    let long = words.filter { $0.unicodeScalars.count >= 3 }
    if long.isEmpty {
      return shortPart(words, vocabulary: vocabulary, quoteCount: quoteCount)
    }
    // Every trigram of every long word, rarest first: the index intersects their quote lists,
    // so the rare ones cut the candidates most. A trigram no quote holds: nothing matches.
    var seen = Set<String>()
    var trigrams: [(text: String, documents: Int)] = []
    for word in long {
      for text in QuoteSearchText.trigrams(word) where seen.insert(text).inserted {
        let documents = vocabulary?.documents(of: text)
        if documents == 0 { return .nothing }
        trigrams.append((text, documents ?? quoteCount))
      }
    }
    guard !trigrams.isEmpty else { return .scan }
    let chosen = trigrams.enumerated().sorted { lhs, rhs in
      lhs.element.documents != rhs.element.documents
        ? lhs.element.documents < rhs.element.documents : lhs.offset < rhs.offset
    }.prefix(maximumTrigrams)
    return .index(
      match: chosen.map { StoreReader.ftsString($0.element.text.unicodeScalars) }
        .joined(separator: " AND "),
      short: false)
  }

  /// The candidates of an alternative whose words are all one or two characters: the quotes
  /// holding a trigram that contains its rarest word, and the quotes too short for a trigram.
  /// A scan when that is most quotes anyway (the first screen of them comes at once) or the
  /// store has no vocabulary.
  static func shortPart(_ terms: [String], vocabulary: SearchVocabulary?, quoteCount: Int)
    -> Source
  {
    guard let vocabulary else { return .scan }
    var best: [(term: String, documents: Int)]?
    var bestTotal = Int.max
    for term in terms {
      guard let trigrams = vocabulary.trigrams(containing: term) else { return .scan }
      let total = trigrams.reduce(0) { $0 + $1.documents }
      if total < bestTotal {
        best = trigrams
        bestTotal = total
      }
    }
    guard let best, bestTotal <= quoteCount / 8, best.count <= 2_000,
      vocabulary.shortQuotes.count <= 10_000
    else { return .scan }
    let match =
      best.isEmpty
      ? nil
      : best.sorted { $0.term < $1.term }.map { StoreReader.ftsString($0.term.unicodeScalars) }
        .joined(separator: " OR ")
    return .index(match: match, short: true)
  }
}
