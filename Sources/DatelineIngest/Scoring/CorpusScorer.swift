import DatelineModel
import Foundation

/// Gold annotations for one corpus article, stored as `NAME.gold.json` next to `NAME.txt`.
/// Quotes and dates are given by their text (in reading order); the scorer finds their spans.
public struct GoldAnnotations: Decodable, Sendable {
  public struct GoldQuote: Decodable, Sendable {
    public var text: String
    public var speaker: String?
  }
  public struct GoldDate: Decodable, Sendable {
    public var text: String
    public var value: String?
  }
  public var published: String?
  public var quotes: [GoldQuote]
  public var dates: [GoldDate]
  public var people: [String]?
  public var notActors: [String]?
}

/// Precision, recall and F1 of one kind of item.
public struct PRF: Sendable, Equatable {
  public var truePositives = 0
  public var predicted = 0
  public var gold = 0
  /// Predicted items that match some gold item (for precision).
  public var matchedPredicted = 0

  public var precision: Double { predicted == 0 ? 1 : Double(matchedPredicted) / Double(predicted) }
  public var recall: Double { gold == 0 ? 1 : Double(truePositives) / Double(gold) }
  public var f1: Double {
    let sum = precision + recall
    return sum == 0 ? 0 : 2 * precision * recall / sum
  }

  static func + (lhs: PRF, rhs: PRF) -> PRF {
    PRF(
      truePositives: lhs.truePositives + rhs.truePositives,
      predicted: lhs.predicted + rhs.predicted,
      gold: lhs.gold + rhs.gold, matchedPredicted: lhs.matchedPredicted + rhs.matchedPredicted)
  }
}

/// Scores the extractor against a corpus of articles with gold annotations.
public struct CorpusScore: Sendable {
  public init() {}
  public var articles = 0
  public var quotesExact = PRF()
  public var quotesOverlap = PRF()
  /// Gold quotes found (overlap) whose speaker is right, over gold quotes found.
  public var speakersRight = 0
  public var speakersJudged = 0
  /// Gold dates found with the right value, over all gold dates.
  public var datesRight = 0
  public var datesGold = 0
  public var datesFound = PRF()
  public var peopleFound = 0
  public var peopleGold = 0
  public var creditsAsActors = 0
  /// Problems in the gold files themselves (a quote text not in the article, ...).
  public var goldErrors: [String] = []
  /// What was missed or wrong, one line each, for improving the rules.
  public var misses: [String] = []

  public var speakerAccuracy: Double {
    speakersJudged == 0 ? 1 : Double(speakersRight) / Double(speakersJudged)
  }
  public var dateAccuracy: Double { datesGold == 0 ? 1 : Double(datesRight) / Double(datesGold) }
  public var peopleRecall: Double { peopleGold == 0 ? 1 : Double(peopleFound) / Double(peopleGold) }

  public var summary: String {
    func pct(_ value: Double) -> String { String(format: "%.1f", value * 100) }
    var lines = [
      "corpus: \(articles) articles",
      "quotes exact:   P \(pct(quotesExact.precision))  R \(pct(quotesExact.recall))  F1 \(pct(quotesExact.f1))  (\(quotesExact.truePositives)/\(quotesExact.gold) gold, \(quotesExact.predicted) predicted)",
      "quotes overlap: P \(pct(quotesOverlap.precision))  R \(pct(quotesOverlap.recall))  F1 \(pct(quotesOverlap.f1))",
      "speaker accuracy: \(pct(speakerAccuracy))% (\(speakersRight)/\(speakersJudged) found quotes)",
      "date accuracy:    \(pct(dateAccuracy))% (\(datesRight)/\(datesGold) gold expressions with the right value)",
      "date spans:     P \(pct(datesFound.precision))  R \(pct(datesFound.recall))  F1 \(pct(datesFound.f1))",
      "people recall:    \(pct(peopleRecall))% (\(peopleFound)/\(peopleGold)); credits taken as actors: \(creditsAsActors)",
    ]
    if !goldErrors.isEmpty {
      lines.append("gold errors:\n  " + goldErrors.joined(separator: "\n  "))
    }
    return lines.joined(separator: "\n")
  }
}

public enum CorpusScorer {
  /// Scores every `*.txt` with a `*.gold.json` beside it in `directory`.
  public static func score(directory: String) -> CorpusScore {
    var total = CorpusScore()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    for name in names.sorted() where name.hasSuffix(".txt") {
      let base = String(name.dropLast(4))
      let textPath = directory + "/" + name
      let goldPath = directory + "/" + base + ".gold.json"
      guard let text = try? String(contentsOfFile: textPath, encoding: .utf8) else { continue }
      guard let data = FileManager.default.contents(atPath: goldPath) else {
        total.goldErrors.append("\(name): no \(base).gold.json")
        continue
      }
      do {
        let gold = try JSONDecoder().decode(GoldAnnotations.self, from: data)
        score(text: text, gold: gold, name: name, into: &total)
      } catch {
        total.goldErrors.append("\(base).gold.json: \(error)")
      }
    }
    return total
  }

  /// Scores one article.
  public static func score(
    text: String, gold: GoldAnnotations, name: String, into total: inout CorpusScore
  ) {
    total.articles += 1
    let published = gold.published.flatMap(PublicationHeader.parseOption)
    let analysis = ArticleAnalysis(text: text, published: published)
    let scalars = analysis.article.scalars
    // Gold texts are looked up after the dateline header, which is not part of the story.
    let bodyStart = analysis.article.header?.range.upperBound ?? 0
    // Quotes.
    var cursor = bodyStart
    var goldQuoteRanges: [(Range<Int>, String?)] = []
    for quote in gold.quotes {
      guard let range = find(Array(quote.text.unicodeScalars), in: scalars, from: cursor) else {
        total.goldErrors.append("\(name): quote not in the article: \(quote.text.prefix(40))")
        continue
      }
      goldQuoteRanges.append((range, quote.speaker))
      cursor = range.lowerBound + 1
    }
    let predicted = analysis.quotes.map { ($0.span.range, analysis.speakerName($0)) }
    var exact = PRF(predicted: predicted.count, gold: goldQuoteRanges.count)
    var overlap = exact
    for (range, speaker) in goldQuoteRanges {
      if predicted.contains(where: { $0.0 == range }) { exact.truePositives += 1 }
      if let match = predicted.first(where: { $0.0.overlaps(range) }) {
        overlap.truePositives += 1
        total.speakersJudged += 1
        if sameSpeaker(match.1, speaker) {
          total.speakersRight += 1
        } else {
          total.misses.append(
            "\(name): speaker \(match.1 ?? "none") for \(speaker ?? "none"): \(String(analysis.article.text(range).prefix(40)))"
          )
        }
      } else {
        total.misses.append(
          "\(name): missed quote: \(String(analysis.article.text(range).prefix(50)))")
      }
    }
    for (range, _) in predicted {
      if goldQuoteRanges.contains(where: { $0.0 == range }) { exact.matchedPredicted += 1 }
      if goldQuoteRanges.contains(where: { $0.0.overlaps(range) }) {
        overlap.matchedPredicted += 1
      } else {
        total.misses.append(
          "\(name): extra quote: \(String(analysis.article.text(range).prefix(50)))")
      }
    }
    total.quotesExact = total.quotesExact + exact
    total.quotesOverlap = total.quotesOverlap + overlap
    // Dates.
    cursor = bodyStart
    var spans = PRF(predicted: analysis.dates.count, gold: gold.dates.count)
    var goldDateRanges: [Range<Int>] = []
    for date in gold.dates {
      total.datesGold += 1
      guard let range = find(Array(date.text.unicodeScalars), in: scalars, from: cursor) else {
        total.goldErrors.append("\(name): date not in the article: \(date.text)")
        continue
      }
      goldDateRanges.append(range)
      cursor = range.lowerBound + 1
      guard let match = analysis.dates.first(where: { $0.range.overlaps(range) }) else {
        total.misses.append("\(name): missed date: \(date.text)")
        continue
      }
      spans.truePositives += 1
      let value = match.resolved?.value.description
      if value == date.value {
        total.datesRight += 1
      } else {
        total.misses.append(
          "\(name): date \(date.text) -> \(value ?? "nil"), gold \(date.value ?? "nil")")
      }
    }
    spans.matchedPredicted =
      analysis.dates.filter { found in goldDateRanges.contains { $0.overlaps(found.range) } }.count
    for found in analysis.dates where !goldDateRanges.contains(where: { $0.overlaps(found.range) })
    {
      total.misses.append("\(name): extra date: \(found.text)")
    }
    total.datesFound = total.datesFound + spans
    // People and credits.
    let people = analysis.actorEntities.filter { analysis.entities[$0].kind == .person }.map {
      analysis.entities[$0].name
    }
    for person in gold.people ?? [] {
      total.peopleGold += 1
      if people.contains(where: { sameSpeaker($0, person) }) {
        total.peopleFound += 1
      } else {
        total.misses.append("\(name): missed person \(person)")
      }
    }
    let actorNames = analysis.actorEntities.map { analysis.entities[$0].name.lowercased() }
    for credit in gold.notActors ?? []
    where actorNames.contains(where: { $0.contains(credit.lowercased()) }) {
      total.creditsAsActors += 1
      total.misses.append("\(name): credit taken as actor: \(credit)")
    }
  }

  /// Same person: equal names, or the same surname ("Trump" and "Donald Trump").
  static func sameSpeaker(_ predicted: String?, _ gold: String?) -> Bool {
    guard let predicted, let gold else { return predicted == nil && gold == nil }
    let a = predicted.lowercased()
    let b = gold.lowercased()
    if a == b { return true }
    return a.split(separator: " ").last == b.split(separator: " ").last
  }

  static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int)
    -> Range<Int>?
  {
    guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
    var index = max(0, start)
    while index + needle.count <= haystack.count {
      if haystack[index] == needle[0] && Array(haystack[index..<(index + needle.count)]) == needle {
        return index..<(index + needle.count)
      }
      index += 1
    }
    return nil
  }
}
