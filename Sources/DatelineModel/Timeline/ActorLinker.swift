/// Builds the actor-to-actor links of a timeline, each with its reasons.
enum ActorLinker {
  static func link(
    actors: [Actor], events: [TimelineEvent], quotes: [TimelineQuote],
    relations: [Relation]
  ) -> [String: [RelatedActor]] {
    // Reasons per actor index, per other actor index. Only stated relations and affiliations
    // can repeat (the same relation written twice); the other reasons are unique by construction.
    var indexByID: [String: Int] = [:]
    for (index, actor) in actors.enumerated() where indexByID[actor.id] == nil {
      indexByID[actor.id] = index
    }
    var reasons = [[Int: [LinkReason]]](repeating: [:], count: actors.count)
    func add(_ a: String, _ b: String, _ reason: LinkReason, deduplicate: Bool = false) {
      guard a != b, let first = indexByID[a], let second = indexByID[b] else { return }
      for (from, to) in [(first, second), (second, first)]
      where !deduplicate || reasons[from][to]?.contains(reason) != true {
        reasons[from][to, default: []].append(reason)
      }
    }

    for relation in relations {
      add(
        relation.from, relation.to, .statedRelation(kind: relation.kind, eventID: relation.event),
        deduplicate: true)
    }
    for actor in actors {
      if let affiliation = actor.affiliation {
        add(actor.id, affiliation, .affiliation, deduplicate: true)
      }
    }
    for item in events {
      let participants = Array(Set(item.event.participants)).sorted()
      for (offset, a) in participants.enumerated() {
        for b in participants[(offset + 1)...] {
          add(a, b, .sharedEvent(eventID: item.event.id, headline: item.event.headline))
        }
      }
    }

    let finder = MentionFinder(actors: actors)
    for item in quotes {
      for actorID in finder.mentionedActors(in: item.quote.text) where actorID != item.quote.speaker
      {
        add(
          item.quote.speaker, actorID,
          .mentionedInQuote(quoteID: item.quote.id, speakerID: item.quote.speaker))
      }
    }
    for item in events {
      let participants = Set(item.event.participants)
      let text = item.event.headline + "\n" + item.event.summary
      for actorID in finder.mentionedActors(in: text) where !participants.contains(actorID) {
        for participant in participants.sorted() {
          add(participant, actorID, .mentionedInSummary(eventID: item.event.id))
        }
      }
    }

    var result: [String: [RelatedActor]] = [:]
    for (actorIndex, others) in reasons.enumerated() where !others.isEmpty {
      var related = others.map { otherIndex, list -> RelatedActor in
        let other = actors[otherIndex]
        // Stable sort keeps the order found within one weight.
        let sorted = list.enumerated().sorted { lhs, rhs in
          lhs.element.weight != rhs.element.weight
            ? lhs.element.weight > rhs.element.weight : lhs.offset < rhs.offset
        }.map(\.element)
        return RelatedActor(actor: other, reasons: sorted, score: list.reduce(0) { $0 + $1.weight })
      }
      related.sort { a, b in
        if a.score != b.score { return a.score > b.score }
        if a.actor.name != b.actor.name { return a.actor.name < b.actor.name }
        return a.actor.id < b.actor.id
      }
      result[actors[actorIndex].id] = related
    }
    return result
  }
}

/// Finds which actors a text names, for many actors at once: each name is filed under its first
/// word, so a text costs one dictionary look-up per word rather than one search per name.
struct MentionFinder {
  private struct Term {
    var actorID: String
    var bytes: [UInt8]
    var isSingleWord: Bool
  }

  /// First word (as written) -> case-sensitive terms; first word lowercased -> the others.
  private var exactTerms: [String: [Term]] = [:]
  private var foldedTerms: [String: [Term]] = [:]

  init(actors: [Actor]) {
    for actor in actors {
      for (name, caseSensitive) in NameMatcher.terms(of: actor) {
        let words = MentionFinder.words(of: name)
        guard let first = words.first.map(String.init) else { continue }
        let term = Term(actorID: actor.id, bytes: Array(name.utf8), isSingleWord: words.count == 1)
        if caseSensitive {
          exactTerms[first, default: []].append(term)
        } else {
          foldedTerms[first, default: []].append(term)
        }
      }
    }
  }

  /// Ids of the actors named in `text`, in the order first found.
  func mentionedActors(in text: String) -> [String] {
    var found: [String] = []
    var seen = Set<String>()
    var exactBytes: [UInt8]?
    var foldedBytes: [UInt8]?
    for slice in MentionFinder.words(of: text) {
      let word = String(slice)
      for term in exactTerms[word] ?? [] where !seen.contains(term.actorID) {
        if term.isSingleWord {
          seen.insert(term.actorID)
          found.append(term.actorID)
        } else {
          if exactBytes == nil { exactBytes = Array(text.utf8) }
          if ByteSearch.containsWord(exactBytes!, term.bytes) {
            seen.insert(term.actorID)
            found.append(term.actorID)
          }
        }
      }
      if foldedTerms.isEmpty { continue }
      for term in foldedTerms[word.lowercased()] ?? [] where !seen.contains(term.actorID) {
        if term.isSingleWord {
          seen.insert(term.actorID)
          found.append(term.actorID)
        } else {
          if foldedBytes == nil { foldedBytes = Array(text.lowercased().utf8) }
          if ByteSearch.containsWord(foldedBytes!, term.bytes) {
            seen.insert(term.actorID)
            found.append(term.actorID)
          }
        }
      }
    }
    return found
  }

  /// Runs of letters and digits: the units whole-word matching respects.
  static func words(of text: String) -> [Substring] {
    var words: [Substring] = []
    let scalars = text.unicodeScalars
    var start: String.Index?
    var index = scalars.startIndex
    while index < scalars.endIndex {
      if isWordScalar(scalars[index]) {
        if start == nil { start = index }
      } else if let wordStart = start {
        words.append(text[wordStart..<index])
        start = nil
      }
      scalars.formIndex(after: &index)
    }
    if let wordStart = start { words.append(text[wordStart...]) }
    return words
  }

  /// Letters and digits; ASCII is decided without the (slower) Unicode property tables.
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value
      return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
        || (value >= 0x61 && value <= 0x7A)
    }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }
}

/// Finds an actor's name or aliases in text as whole words. Capitalized names (proper names)
/// match case-sensitively, so "Trump" is not found in "trumpet" nor "Shea" in "shea butter";
/// lowercase aliases ("the president") match in any case.
struct NameMatcher {
  let actorID: String
  private let terms: [(bytes: [UInt8], caseSensitive: Bool)]

  init(actor: Actor) {
    actorID = actor.id
    terms = NameMatcher.terms(of: actor).map { name, caseSensitive in
      (Array(name.utf8), caseSensitive)
    }
  }

  /// The names an actor goes by, each with whether it matches case-sensitively (proper names,
  /// capitalized) or in any case (then lowercased here).
  static func terms(of actor: Actor) -> [(String, Bool)] {
    var names = [actor.name] + actor.aliases
    // A person is usually named by surname after first mention: "Macron".
    if actor.kind == .person, let surname = actor.name.split(separator: " ").last,
      surname.count >= 3, actor.name.contains(" ")
    {
      names.append(String(surname))
    }
    var seen = Set<String>()
    return names.compactMap { name in
      let trimmed = name.trimmingASCIIWhitespace()
      guard !trimmed.isEmpty, seen.insert(trimmed).inserted else { return nil }
      let caseSensitive = trimmed.first?.isUppercase == true
      return (caseSensitive ? trimmed : trimmed.lowercased(), caseSensitive)
    }
  }

  func isMentioned(in text: String) -> Bool {
    let exact = Array(text.utf8)
    var folded: [UInt8]?
    for term in terms {
      let haystack: [UInt8]
      if term.caseSensitive {
        haystack = exact
      } else {
        if folded == nil { folded = Array(text.lowercased().utf8) }
        haystack = folded!
      }
      if ByteSearch.containsWord(haystack, term.bytes) { return true }
    }
    return false
  }
}

enum ByteSearch {
  /// Offsets of every occurrence of `needle` in `haystack`.
  static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
    var found: [Int] = []
    var start = 0
    while let offset = firstOffset(of: needle, in: haystack, from: start) {
      found.append(offset)
      start = offset + 1
    }
    return found
  }

  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    firstOffset(of: needle, in: haystack, from: 0) != nil
  }

  static func firstOffset(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty else { return start <= haystack.count ? start : nil }
    guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
    let first = needle[0]
    var offset = start
    let last = haystack.count - needle.count
    while offset <= last {
      if haystack[offset] == first {
        var matched = true
        var index = 1
        while index < needle.count {
          if haystack[offset + index] != needle[index] {
            matched = false
            break
          }
          index += 1
        }
        if matched { return offset }
      }
      offset += 1
    }
    return nil
  }

  /// Whether `needle` occurs with no letter or digit right before or after it.
  static func containsWord(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    for offset in occurrences(of: needle, in: haystack) {
      let before = offset > 0 ? scalar(endingAt: offset, in: haystack) : nil
      let after =
        offset + needle.count < haystack.count
        ? scalar(startingAt: offset + needle.count, in: haystack) : nil
      if !isWordScalar(before) && !isWordScalar(after) { return true }
    }
    return false
  }

  private static func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    return MentionFinder.isWordScalar(scalar)
  }

  private static func scalar(startingAt offset: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
    var end = offset + 1
    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    return String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars.first
  }

  private static func scalar(endingAt offset: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
    var start = offset - 1
    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return String(decoding: bytes[start..<offset], as: UTF8.self).unicodeScalars.first
  }
}
