import DatelineModel
import Foundation

/// Figures on real news with annotations made by others: PolNeAR's brat attributions (who said
/// which span) and TempEval-3's TimeML date values. The corpora are read from a directory given
/// on the command line; nothing of them is stored in this repository.
public struct AttributionScore: Sendable {
  public init() {}
  public var articles = 0
  /// Quoted spans: matched one to one when they overlap by at least half of each.
  public var spans = PRF()
  /// Gold spans with a named source, and those of them found.
  public var namedGold = 0
  public var namedFound = 0
  /// Found spans with a named source whose speaker is right.
  public var namedRight = 0
  public var misses: [String] = []

  public var speakerAccuracy: Double {
    namedFound == 0 ? 1 : Double(namedRight) / Double(namedFound)
  }
  public var attributedRecall: Double {
    namedGold == 0 ? 1 : Double(namedRight) / Double(namedGold)
  }

  public var summary: String {
    func pct(_ value: Double) -> String { String(format: "%.1f", value * 100) }
    return [
      "articles: \(articles)",
      "quoted spans (overlap at least half): P \(pct(spans.precision))  R \(pct(spans.recall))  F1 \(pct(spans.f1))  (\(spans.truePositives)/\(spans.gold) gold, \(spans.predicted) found)",
      "speaker right, of spans found with a named source: \(pct(speakerAccuracy))% (\(namedRight)/\(namedFound))",
      "attributed recall (found and speaker right, of spans with a named source): \(pct(attributedRecall))% (\(namedRight)/\(namedGold))",
    ].joined(separator: "\n")
  }
}

public struct DateValueScore: Sendable {
  public init() {}
  public var articles = 0
  /// Gold calendar dates, our calendar dates, and those of ours on a gold span with its value.
  public var gold = 0
  public var predicted = 0
  public var right = 0
  public var misses: [String] = []

  public var precision: Double { predicted == 0 ? 1 : Double(right) / Double(predicted) }
  public var recall: Double { gold == 0 ? 1 : Double(right) / Double(gold) }
  public var f1: Double {
    let sum = precision + recall
    return sum == 0 ? 0 : 2 * precision * recall / sum
  }

  public var summary: String {
    func pct(_ value: Double) -> String { String(format: "%.1f", value * 100) }
    return
      "articles: \(articles)\ncalendar date values: P \(pct(precision))  R \(pct(recall))  F1 \(pct(f1))  (\(right) right, \(gold) gold, \(predicted) found)"
  }
}

/// One brat text-bound annotation: kind and its (possibly discontinuous) scalar ranges.
struct BratSpan {
  var kind: String
  var ranges: [Range<Int>]
  var text: String
}

public enum PolNeARScorer {
  /// Scores the articles of `directory/split` (`text/NAME.txt`, `attributions/NAME_ANNOTATOR.ann`).
  /// When an article was annotated more than once, the first annotation file by name is used.
  public static func score(directory: String, split: String) -> AttributionScore {
    var total = AttributionScore()
    let base = directory + "/" + split
    let annotations =
      ((try? FileManager.default.contentsOfDirectory(atPath: base + "/attributions")) ?? [])
      .filter { $0.hasSuffix(".ann") }.sorted()
    var chosen: [String: String] = [:]
    var order: [String] = []
    for name in annotations {
      guard let underscore = name.lastIndex(of: "_") else { continue }
      let article = String(name[..<underscore])
      if chosen[article] == nil {
        chosen[article] = name
        order.append(article)
      }
    }
    for article in order {
      guard
        let text = try? String(contentsOfFile: base + "/text/" + article + ".txt", encoding: .utf8),
        let ann = try? String(
          contentsOfFile: base + "/attributions/" + chosen[article]!, encoding: .utf8)
      else { continue }
      score(text: text, annotations: ann, name: article, into: &total)
    }
    return total
  }

  /// The publication day is in the file name: `outlet_YYYY-MM-DD_slug`.
  static func publication(of name: String) -> PublicationHeader? {
    let parts = name.split(separator: "_")
    guard parts.count >= 2 else { return nil }
    return PublicationHeader.parseOption(String(parts[1]))
  }

  /// Parses brat `T` lines into spans and `E` lines into attribution events (role -> T id).
  static func parse(_ annotations: String) -> ([String: BratSpan], [[String: String]]) {
    var spans: [String: BratSpan] = [:]
    var events: [[String: String]] = []
    for line in annotations.split(separator: "\n") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count >= 2 else { continue }
      if fields[0].hasPrefix("T") {
        let head = fields[1].split(separator: " ", maxSplits: 1)
        guard head.count == 2 else { continue }
        var ranges: [Range<Int>] = []
        for piece in head[1].split(separator: ";") {
          let numbers = piece.split(separator: " ").compactMap { Int($0) }
          if numbers.count == 2, numbers[0] <= numbers[1] { ranges.append(numbers[0]..<numbers[1]) }
        }
        spans[String(fields[0])] = BratSpan(
          kind: String(head[0]), ranges: ranges, text: fields.count > 2 ? String(fields[2]) : "")
      } else if fields[0].hasPrefix("E") {
        var roles: [String: String] = [:]
        for argument in fields[1].split(separator: " ") {
          let pair = argument.split(separator: ":")
          if pair.count == 2 { roles[String(pair[0])] = String(pair[1]) }
        }
        events.append(roles)
      }
    }
    return (spans, events)
  }

  /// Quoted spans of a text (titles are left out by the caller): the words between an opening and a closing quotation mark in one
  /// paragraph, or, when a paragraph ends with a quotation still open, up to the paragraph's
  /// end. Marks: curly double quotes, or straight double quotes paired in order. Single quotes
  /// are not spans (they are nested quotes or apostrophes).
  static func quotedSpans(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var open: Int? = nil
    func close(at end: Int) {
      guard let start = open else { return }
      var lower = start + 1
      var upper = end
      while lower < upper, scalars[lower].properties.isWhitespace { lower += 1 }
      while upper > lower, scalars[upper - 1].properties.isWhitespace { upper -= 1 }
      if upper > lower { result.append(lower..<upper) }
      open = nil
    }
    for index in scalars.indices {
      switch scalars[index] {
      case "\u{201C}":
        if open != nil { close(at: index) }
        open = index
      case "\u{201D}":
        // A closing mark typed where an opening one belongs (`”Fortunately, ...` at the start of
        // a paragraph): with nothing open, a space before it and a letter after, it opens.
        let before = index > 0 ? scalars[index - 1] : "\n"
        let after = index + 1 < scalars.count ? scalars[index + 1] : " "
        if open == nil, before.properties.isWhitespace, after.properties.isAlphabetic {
          open = index
        } else {
          close(at: index)
        }
      case "\"":
        if open == nil { open = index } else { close(at: index) }
      case "\n":
        close(at: index)
      default: break
      }
    }
    close(at: scalars.count)
    return result
  }

  static let smallWords: Set<String> = [
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from",
  ]

  /// A title or a name in quotation marks ("Meet the Press", "Miss Piggy", "American Skin (41
  /// Shots)"): at most six words, every one capitalized except small function words. The issue
  /// this scorer follows does not count titles as quotations.
  static func isTitle(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars)
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).filter {
      $0.contains(where: \.isLetter)
    }
    guard !words.isEmpty, words.count <= 6 else { return false }
    var capitalized = 0
    for (index, word) in words.enumerated() {
      let letters = word.drop(while: { !$0.isLetter })
      guard let first = letters.first else { continue }
      if first.isUppercase {
        capitalized += 1
      } else if index == 0 || !smallWords.contains(letters.lowercased()) {
        return false
      }
    }
    // One capitalized word alone ("Yes.") may be speech; two or more make a title.
    return capitalized >= 2 || (words.count == 1 && !text.contains(where: { ".?!,".contains($0) }))
  }

  static let determiners: Set<String> = [
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
    "one", "some", "many", "other", "another", "both", "all", "each", "several", "most", "such",
    "he", "she", "they", "it", "we", "i", "you", "who", "which", "mr.", "mrs.", "ms.", "dr.",
    "rep.", "sen.", "gov.", "gen.", "lt.", "col.", "sgt.", "capt.", "adm.", "retired", "former",
    // Party labels describe a person; they name no one.
    "democrat", "democrats", "democratic", "republican", "republicans", "gop",
  ]
  static let partyLabels: Set<String> = ["democrat", "democrats", "republican", "republicans"]
  static let headBreaks: Set<String> = ["for", "of", "at", "from", "with", "to", "in", "on", "by"]
  static let generationalSuffixes: Set<String> = ["jr.", "jr", "sr.", "sr", "ii", "iii", "iv"]
  /// Lowercase words after a name that do not make it a modifier: conjunctions, reflexives,
  /// relative pronouns and the particles inside names ("Bill de Blasio").
  static let nounPhraseLinks: Set<String> = [
    "and", "or", "nor", "but", "&", "himself", "herself", "themselves", "itself", "who", "which",
    "that", "whose", "de", "da", "van", "von", "der", "den", "bin", "al", "la", "le", "du", "del",
  ]

  /// The name that heads a source mention, or nil when the source names no one.
  ///
  /// The source is cut into parts at commas, dashes and parentheses (an apposition: "Charlie
  /// King, a New York Democrat"); the first part with a name gives it. In a part, only the words
  /// before the first preposition count ("a spokesman for Clinton" names no speaker: the
  /// speaker is the spokesman), and the last run of capitalized words that is not a possessor
  /// ("Trump's campaign manager Kellyanne Conway" gives "Kellyanne Conway") nor a modifier of
  /// a common noun after it ("one Clinton aide", "the Vermont senator": no one named). Determiners,
  /// pronouns, honorifics and party labels are not names, nor is a capitalized word the
  /// article also writes in lower case ("Officials said" at the start of a sentence).
  static func headName(_ source: String, lowercaseWords: Set<String> = []) -> String? {
    // A digest's headline in capitals ("HOW CHINA'S DECLINE AFFECTS THE REST OF THE WORLD"),
    // marked as the source of the quote under it, is a label: it names no speaker. A one- or
    // two-word label in capitals ("PENCE", "FBI") still does.
    if isHeadline(source) { return nil }
    let parts = source.split(whereSeparator: { ",;()\u{2014}\u{2013}".contains($0) })
    for part in parts {
      var runs: [[String]] = []
      var current: [String] = []
      // Any white space separates words: a no-break space ("Sen.\u{A0}Sanders") too.
      for (index, raw) in part.split(whereSeparator: \.isWhitespace).enumerated() {
        var word = String(raw).replacingOccurrences(of: "\u{2019}", with: "'")
        var possessive = false
        for suffix in ["'s", "'"] where word.hasSuffix(suffix) {
          word = String(word.dropLast(suffix.count))
          possessive = true
          break
        }
        let lower = word.lowercased()
        if headBreaks.contains(lower) && index > 0 { break }
        let isName =
          word.first.map { $0.isUppercase } == true && !determiners.contains(lower)
          && word.contains(where: { $0.isLetter })
          && !(index == 0 && lowercaseWords.contains(lower))
        if isName {
          current.append(word)
          if possessive { current = [] }
        } else if !current.isEmpty {
          // "one Clinton aide", "the Florida senator", "White House officials": names right
          // before a common noun only modify it; the source is the aide, who is not named.
          // A party label is such a noun: "an Iowa Democrat" names no one.
          let commonNoun =
            word.first.map { $0.isLowercase } == true && !nounPhraseLinks.contains(lower)
            || partyLabels.contains(lower)
          if !commonNoun {
            runs.append(current)
          }
          current = []
        }
      }
      if !current.isEmpty { runs.append(current) }
      // "Robert P. Casey Jr.": a generational suffix is no surname.
      if var head = runs.last {
        if head.count > 1, let last = head.last, generationalSuffixes.contains(last.lowercased()) {
          head.removeLast()
        }
        return head.joined(separator: " ")
      }
    }
    return nil
  }

  /// Three words or more, and every letter a capital.
  static func isHeadline(_ source: String) -> Bool {
    let words = source.split(whereSeparator: \.isWhitespace).filter {
      $0.contains(where: \.isLetter)
    }
    return words.count >= 3 && !source.contains(where: { $0.isLetter && !$0.isUppercase })
  }

  /// Our speaker is right when one of its words is the head name's last word, ignoring case,
  /// curly apostrophes and trailing periods ("Trump" and "Donald J. Trump", "the Post" and
  /// "The New York Post").
  static func speakerMatches(_ ours: String?, _ head: String) -> Bool {
    guard let ours else { return false }
    func words(_ text: String) -> [String] {
      text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'").split(
        whereSeparator: { $0.isWhitespace || $0 == "-" }
      ).map {
        $0.trimmingCharacters(in: CharacterSet(charactersIn: ".,"))
      }.filter { !$0.isEmpty }
    }
    guard let last = words(head).last else { return false }
    return words(ours).contains(last)
  }

  /// The content of an attribution as ranges of text: every `Content`, `Content2`, ... role
  /// (brat gives a second role to the part of a quote after its attribution), with the pieces
  /// of a discontinuous span joined when only white space lies between them (the annotation
  /// tool cuts a selection at sentence ends).
  static func contentRanges(
    of event: [String: String], spans: [String: BratSpan], scalars: [Unicode.Scalar]
  ) -> [Range<Int>] {
    var pieces: [Range<Int>] = []
    for (role, id) in event where role.hasPrefix("Content") {
      if let span = spans[id] { pieces += span.ranges }
    }
    pieces.sort { $0.lowerBound < $1.lowerBound }
    var merged: [Range<Int>] = []
    for piece in pieces {
      if let last = merged.last, piece.lowerBound >= last.upperBound,
        (last.upperBound..<min(piece.lowerBound, scalars.count)).allSatisfy({
          scalars[$0].properties.isWhitespace
        })
      {
        merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, piece.upperBound)
      } else {
        merged.append(piece)
      }
    }
    return merged
  }

  /// The span without a leading speaker label of one to four capitalized words and a colon
  /// (`WALLACE: Let's start ...`), or the span itself.
  static func afterSpeakerLabel(_ range: Range<Int>, _ scalars: [Unicode.Scalar]) -> Range<Int> {
    var index = range.lowerBound
    var words = 0
    var atWordStart = true
    while index < min(range.upperBound, range.lowerBound + 40) {
      let scalar = scalars[index]
      if scalar == ":" {
        guard words > 0, index > range.lowerBound else { return range }
        var start = index + 1
        while start < range.upperBound, scalars[start].properties.isWhitespace { start += 1 }
        return start < range.upperBound ? start..<range.upperBound : range
      }
      if scalar == " " {
        atWordStart = true
      } else if atWordStart {
        guard scalar.properties.isUppercase, words < 4 else { return range }
        words += 1
        atWordStart = false
      } else if !(scalar.properties.isAlphabetic || scalar == "." || scalar == "'") {
        return range
      }
      index += 1
    }
    return range
  }

  public static func score(
    text: String, annotations: String, name: String, into total: inout AttributionScore
  ) {
    total.articles += 1
    let analysis = ArticleAnalysis(text: text, published: publication(of: name))
    let scalars = analysis.article.scalars
    let (spans, events) = parse(annotations)
    // Words the article writes in lower case somewhere: capitalized, they only start a sentence.
    var lowercaseWords = Set<String>()
    for word in text.split(whereSeparator: { !$0.isLetter }) where word.first?.isLowercase == true {
      lowercaseWords.insert(String(word))
    }
    // Gold: quoted spans inside the content of an attribution; the source of that attribution.
    var gold: [(range: Range<Int>, head: String?)] = []
    let contents = events.map { contentRanges(of: $0, spans: spans, scalars: scalars) }
    for range in quotedSpans(scalars) where !isTitle(scalars[range]) {
      var found = false
      var head: String? = nil
      // A transcript's `PENCE: ...` in quotation marks: the label is the source, the rest is
      // the content.
      let said = afterSpeakerLabel(range, scalars)
      for (number, event) in events.enumerated() {
        let inside = contents[number].contains {
          $0.lowerBound <= said.lowerBound + 1 && said.upperBound <= $0.upperBound + 1
        }
        guard inside else { continue }
        found = true
        if let sourceID = event["Source"], let source = spans[sourceID] {
          head = headName(source.text, lowercaseWords: lowercaseWords)
        }
        break
      }
      if found { gold.append((range, head)) }
    }
    let predicted = analysis.quotes.map { ($0.span.range, analysis.speakerName($0), $0.reason) }
    var used = Array(repeating: false, count: predicted.count)
    var prf = PRF(predicted: predicted.count, gold: gold.count)
    func enough(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
      let overlap = min(a.upperBound, b.upperBound) - max(a.lowerBound, b.lowerBound)
      return overlap * 2 >= a.count && overlap * 2 >= b.count && overlap > 0
    }
    func excerpt(_ range: Range<Int>) -> String {
      String(analysis.article.text(range).prefix(60)).replacingOccurrences(of: "\n", with: " ")
    }
    for item in gold {
      if item.head != nil { total.namedGold += 1 }
      guard
        let index = predicted.indices.first(where: {
          !used[$0] && enough(predicted[$0].0, item.range)
        })
      else {
        total.misses.append("\(name): missed span: \(excerpt(item.range))")
        continue
      }
      used[index] = true
      prf.truePositives += 1
      prf.matchedPredicted += 1
      guard let head = item.head else { continue }
      total.namedFound += 1
      if speakerMatches(predicted[index].1, head) {
        total.namedRight += 1
      } else {
        // The rule that chose our speaker (or gave up), to group the misses by kind.
        total.misses.append(
          "\(name): speaker \(predicted[index].1 ?? "none") for \(head) [\(predicted[index].2)]: "
            + excerpt(item.range))
      }
    }
    for index in predicted.indices where !used[index] {
      total.misses.append("\(name): extra span: \(excerpt(predicted[index].0))")
    }
    total.spans = total.spans + prf
  }
}

public enum TimeMLScorer {
  /// Scores every `.tml` file under `directory` (recursively).
  public static func score(directory: String) -> DateValueScore {
    var total = DateValueScore()
    let enumerator = FileManager.default.enumerator(atPath: directory)
    var files: [String] = []
    while let path = enumerator?.nextObject() as? String {
      if path.hasSuffix(".tml") { files.append(path) }
    }
    for path in files.sorted() {
      guard let xml = try? String(contentsOfFile: directory + "/" + path, encoding: .utf8) else {
        continue
      }
      score(timeML: xml, name: path, into: &total)
    }
    return total
  }

  /// A calendar value: a year, a month or a day (`1998`, `1998-08`, `1998-08-07`). TIMEX3 of
  /// type DATE or TIME whose value has one (after `calendarPart`) are the gold dates.
  static func isCalendar(_ value: String) -> Bool {
    let parts = value.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
    for (index, part) in parts.enumerated() {
      guard part.allSatisfy(\.isASCII), part.allSatisfy(\.isNumber) else { return false }
      if index > 0 && part.count != 2 { return false }
    }
    return true
  }

  /// The calendar part of a TIMEX3 value: `2000-01-05TEV` and `2000-04-04T09:00` name the day
  /// `2000-01-05`, `1968-XX` and `1994-XX-XX` the year; other values are kept as they are.
  static func calendarPart(_ value: String) -> String {
    var parts = value.split(separator: "T", maxSplits: 1).first.map(String.init) ?? value
    while parts.hasSuffix("-XX") { parts.removeLast(3) }
    return isCalendar(parts) ? parts : value
  }

  /// Our value as a calendar value: a month or year without its qualifier (`1998-11~`, "late
  /// November", is the month 1998-11; an approximate day is no calendar value), and an interval that covers exactly one whole month or
  /// year as that month or year (`1999-01-01/1999-12-31` is 1999). Nil for anything else.
  static func calendarValue(_ date: EDTFDate) -> String? {
    switch date.form {
    case .single(var point):
      // An approximate day ("in nine months") is an estimate, not a calendar date.
      if point.day != nil && !point.qualifier.isEmpty { return nil }
      point.qualifier = []
      return point.description
    case .interval:
      let first = date.earliestDay
      let last = date.latestDay
      guard first.day == 1 else { return nil }
      if first.year == last.year, first.month == last.month,
        last.day == CivilDay.daysIn(month: last.month, year: last.year)
      {
        return EDTFDate.month(year: first.year, month: first.month).description
      }
      if first.year == last.year, first.month == 1, last.month == 12, last.day == 31 {
        return EDTFDate.year(first.year).description
      }
      return nil
    }
  }

  /// "within weeks", "in the coming months": a span with no count, which ingest places an
  /// approximate month or year a guessed amount after publication. Like an approximate day,
  /// that is an estimate, not a calendar date, and is not scored (TimeML marks these as
  /// durations or FUTURE_REF).
  static func isVagueSpan(_ text: String) -> Bool {
    let fillers: Set<String> = [
      "in", "within", "over", "the", "coming", "next", "a", "few", "several", "matter", "of",
      "couple",
    ]
    let words = text.lowercased().split(separator: " ").filter { !fillers.contains(String($0)) }
    return words.count == 1 && ["hours", "days", "weeks", "months", "years"].contains(words[0])
  }

  /// The text between `<TEXT>` and `</TEXT>` without tags, with the TIMEX3 of type DATE in it
  /// (scalar ranges in that text) and the creation time's value.
  static func parse(_ xml: String) -> (
    text: [Unicode.Scalar], timexes: [(Range<Int>, String)], created: String?
  ) {
    let scalars = Array(xml.unicodeScalars)
    var created: String? = nil
    var text: [Unicode.Scalar] = []
    var timexes: [(Range<Int>, String)] = []
    var inText = false
    var open: (start: Int, value: String?)? = nil
    var index = 0
    func attribute(_ tag: String, _ name: String) -> String? {
      guard let range = tag.range(of: " " + name + "=\"") else { return nil }
      let rest = tag[range.upperBound...]
      guard let end = rest.firstIndex(of: "\"") else { return nil }
      return String(rest[..<end])
    }
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "<" {
        var end = index
        while end < scalars.count, scalars[end] != ">" { end += 1 }
        var tag = ""
        tag.unicodeScalars.append(contentsOf: scalars[index..<min(end + 1, scalars.count)])
        if tag.hasPrefix("<TEXT>") {
          inText = true
        } else if tag.hasPrefix("</TEXT>") {
          inText = false
        } else if tag.hasPrefix("<TIMEX3") {
          if attribute(tag, "functionInDocument") == "CREATION_TIME" {
            created = attribute(tag, "value")
          } else if inText {
            // Dates and times name a day; durations and sets do not (value "" marks them).
            let type = attribute(tag, "type")
            let namesDay = type == "DATE" || type == "TIME"
            open = (text.count, namesDay ? calendarPart(attribute(tag, "value") ?? "") : "")
          }
        } else if tag.hasPrefix("</TIMEX3"), let started = open {
          if let value = started.value { timexes.append((started.start..<text.count, value)) }
          open = nil
        }
        index = end + 1
        continue
      }
      if inText {
        if scalar == "&" {
          var end = index
          while end < scalars.count, end - index < 8, scalars[end] != ";" { end += 1 }
          var entity = ""
          entity.unicodeScalars.append(contentsOf: scalars[index..<min(end + 1, scalars.count)])
          let map: [String: Unicode.Scalar] = [
            "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&apos;": "'",
          ]
          if let replacement = map[entity] {
            text.append(replacement)
            index = end + 1
            continue
          }
        }
        text.append(scalar)
      }
      index += 1
    }
    return (text, timexes, created)
  }

  public static func score(timeML xml: String, name: String, into total: inout DateValueScore) {
    let (text, timexes, created) = parse(xml)
    guard let created, let published = PublicationHeader.parseOption(String(created.prefix(10)))
    else { return }
    total.articles += 1
    _ = published
    // A blank line before the text so that no header is taken from its first line.
    var body: [Unicode.Scalar] = ["\n", "\n"]
    body.append(contentsOf: text)
    let shift = 2
    let analysis = ArticleAnalysis(article: Article(scalars: body), published: published)
    // Every gold TIMEX3 of type DATE, calendar or not: a calendar value of ours on a span gold
    // gives another value is wrong, not unscored.
    let goldSpans = timexes.map { ($0.0.lowerBound + shift..<$0.0.upperBound + shift, $0.1) }
    let goldCalendar = goldSpans.filter { isCalendar($0.1) }
    total.gold += goldCalendar.count
    var matchedGold = Set<Int>()
    for date in analysis.dates {
      guard let resolved = date.resolved, let value = calendarValue(resolved.value),
        isCalendar(value), !(resolved.value.isApproximate && isVagueSpan(date.text))
      else { continue }
      let hit = goldSpans.indices.first {
        !matchedGold.contains($0) && goldSpans[$0].0.overlaps(date.range)
      }
      // A quarter, a half or a week (`1988-Q3`, `1990-H1`, `1998-W02`): gold names no calendar
      // date there, so a year or day of ours on it is outside the measure, neither right nor
      // wrong. (Durations and sets, marked "", do count against us.)
      if let hit, !goldSpans[hit].1.isEmpty, !isCalendar(goldSpans[hit].1),
        goldSpans[hit].1.first?.isNumber == true
      {
        continue
      }
      total.predicted += 1
      if let hit, goldSpans[hit].1 == value {
        matchedGold.insert(hit)
        total.right += 1
      } else {
        let goldValue = hit.map { goldSpans[$0].1 } ?? "no gold date"
        var context = ""
        context.unicodeScalars.append(
          contentsOf: body[
            max(0, date.range.lowerBound - 50)..<min(body.count, date.range.upperBound + 30)])
        total.misses.append(
          "\(name): \(date.text) -> \(value) (\(date.tense.map { "\($0)" } ?? "no tense")), gold \(goldValue) in: \(context.replacingOccurrences(of: "\n", with: " "))"
        )
      }
    }
    for (index, item) in goldSpans.enumerated()
    where isCalendar(item.1) && !matchedGold.contains(index) {
      if let other = analysis.dates.first(where: { $0.range.overlaps(item.0) }) {
        let value = other.resolved?.value.description ?? "nothing"
        if other.resolved.flatMap({ calendarValue($0.value) }).map(isCalendar) != true {
          total.misses.append(
            "\(name): \(other.text) -> \(value) (not a calendar value), gold \(item.1)")
        }
      } else {
        var words = ""
        words.unicodeScalars.append(contentsOf: body[item.0])
        var context = ""
        context.unicodeScalars.append(
          contentsOf: body[max(0, item.0.lowerBound - 50)..<min(body.count, item.0.upperBound + 30)]
        )
        total.misses.append(
          "\(name): missed \(words) = \(item.1) in: \(context.replacingOccurrences(of: "\n", with: " "))"
        )
      }
    }
  }
}
