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

/// The gold chronology of one corpus article, stored as `NAME.chronology.json` next to
/// `NAME.txt`: every dated or clearly reported happening, as a careful editor would list it.
///
/// An event is found when ingest writes one with a date value among `date` (the resolved EDTF;
/// a list when the article leaves the day open between two), the same `status`, and its
/// provenance paragraph among `paragraphs` (counted as docs/FORMAT.md counts them: the dateline
/// line is paragraph 1). Its participants are right when its people are exactly `participants`,
/// give or take the people in `optional` (places, countries and organizations are not judged;
/// `optional` lists them for the reader).
public struct GoldChronology: Decodable, Sendable {
  public struct GoldEvent: Decodable, Sendable {
    /// What happened, in a few words, for the reader of the gold file and of misses.
    public var about: String
    public var dates: [String]
    public var status: String
    public var paragraphs: [Int]
    public var participants: [String]
    public var optional: [String]

    public init(
      about: String, dates: [String], status: String, paragraphs: [Int],
      participants: [String], optional: [String] = []
    ) {
      self.about = about
      self.dates = dates
      self.status = status
      self.paragraphs = paragraphs
      self.participants = participants
      self.optional = optional
    }

    enum CodingKeys: String, CodingKey {
      case about, date, status, paragraphs, participants, optional
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      about = try container.decode(String.self, forKey: .about)
      if let one = try? container.decode(String.self, forKey: .date) {
        dates = [one]
      } else {
        dates = try container.decode([String].self, forKey: .date)
      }
      status = try container.decode(String.self, forKey: .status)
      paragraphs = try container.decode([Int].self, forKey: .paragraphs)
      participants = try container.decodeIfPresent([String].self, forKey: .participants) ?? []
      optional = try container.decodeIfPresent([String].self, forKey: .optional) ?? []
    }
  }
  public var events: [GoldEvent]

  public init(events: [GoldEvent]) { self.events = events }
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
  /// Gold events found (date, status and paragraph right) over gold events; predicted events
  /// that match a gold event over predicted events (articles with a chronology only).
  public var events = PRF()
  /// Found events whose people are right.
  public var participantsRight = 0
  /// Headlines that are complete clauses (`HeadlineCheck`), over every event ingest wrote.
  public var headlinesComplete = 0
  public var headlinesTotal = 0
  /// Problems in the gold files themselves (a quote text not in the article, ...).
  public var goldErrors: [String] = []
  /// What was missed or wrong, one line each, for improving the rules.
  public var misses: [String] = []

  public var speakerAccuracy: Double {
    speakersJudged == 0 ? 1 : Double(speakersRight) / Double(speakersJudged)
  }
  public var dateAccuracy: Double { datesGold == 0 ? 1 : Double(datesRight) / Double(datesGold) }
  public var peopleRecall: Double { peopleGold == 0 ? 1 : Double(peopleFound) / Double(peopleGold) }
  public var participantsAccuracy: Double {
    events.truePositives == 0 ? 1 : Double(participantsRight) / Double(events.truePositives)
  }
  public var headlineCompleteness: Double {
    headlinesTotal == 0 ? 1 : Double(headlinesComplete) / Double(headlinesTotal)
  }

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
      "events:         P \(pct(events.precision))  R \(pct(events.recall))  F1 \(pct(events.f1))  (\(events.truePositives)/\(events.gold) gold found with date, status and paragraph; \(events.predicted) predicted)",
      "participants right: \(pct(participantsAccuracy))% (\(participantsRight)/\(events.truePositives) events found)",
      "headlines complete: \(pct(headlineCompleteness))% (\(headlinesComplete)/\(headlinesTotal))",
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
      var chronology: GoldChronology?
      if let events = FileManager.default.contents(
        atPath: directory + "/" + base + ".chronology.json")
      {
        do {
          chronology = try JSONDecoder().decode(GoldChronology.self, from: events)
        } catch {
          total.goldErrors.append("\(base).chronology.json: \(error)")
        }
      }
      do {
        let gold = try JSONDecoder().decode(GoldAnnotations.self, from: data)
        score(text: text, gold: gold, chronology: chronology, name: name, into: &total)
      } catch {
        total.goldErrors.append("\(base).gold.json: \(error)")
      }
    }
    return total
  }

  /// Scores one article.
  public static func score(
    text: String, gold: GoldAnnotations, chronology: GoldChronology? = nil, name: String,
    into total: inout CorpusScore
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
    // Events and headlines.
    let headlines = headlineMisses(analysis, prefix: "\(name): ")
    total.headlinesTotal += analysis.events.count
    total.headlinesComplete += headlines.complete
    total.misses += headlines.misses
    if let chronology {
      let compared = compareEvents(
        analysis, gold: chronology.events, labels: chronology.events.map(\.about),
        prefix: "\(name): ")
      var events = PRF(predicted: analysis.events.count, gold: chronology.events.count)
      events.truePositives = compared.found
      events.matchedPredicted = events.truePositives
      total.events = total.events + events
      total.participantsRight += compared.participantsRight
      total.misses += compared.misses
    }
  }

  /// An article's events against gold ones: how many were found, how many with the right
  /// people, and the misses (each labelled by `labels[gold index]`, after `prefix`): gold
  /// events not found, found with other people, and the events ingest wrote that are no gold's.
  static func compareEvents(
    _ analysis: ArticleAnalysis, gold: [GoldChronology.GoldEvent], labels: [String],
    prefix: String
  ) -> (matches: [Int?], found: Int, participantsRight: Int, misses: [String]) {
    let result = matchEvents(analysis, gold: gold)
    var found = 0
    var participantsRight = 0
    var misses: [String] = []
    for (goldIndex, match) in result.matches.enumerated() {
      let goldEvent = gold[goldIndex]
      guard let match else {
        misses.append(
          "\(prefix)missed event (\(goldEvent.dates[0]), \(goldEvent.status), paragraph \(goldEvent.paragraphs[0])): \(labels[goldIndex])"
        )
        continue
      }
      found += 1
      if result.peopleRight[goldIndex] {
        participantsRight += 1
      } else {
        misses.append(
          "\(prefix)participants \(peopleNames(of: analysis.events[match], in: analysis)) for \(goldEvent.participants): \(labels[goldIndex])"
        )
      }
    }
    for (index, event) in analysis.events.enumerated() where !result.matches.contains(index) {
      misses.append(
        "\(prefix)extra event (\(event.resolved?.value.description ?? "no date"), \(event.status.rawValue), paragraph \(analysis.article.provenanceParagraph(event.paragraph))): \(event.headline)"
      )
    }
    return (result.matches, found, participantsRight, misses)
  }

  /// How many of the article's event headlines are complete clauses, and a miss for each other.
  static func headlineMisses(_ analysis: ArticleAnalysis, prefix: String)
    -> (complete: Int, misses: [String])
  {
    var complete = 0
    var misses: [String] = []
    for event in analysis.events {
      if let problem = HeadlineCheck.problem(in: event.headline) {
        misses.append("\(prefix)headline \(problem): \(event.headline)")
      } else {
        complete += 1
      }
    }
    return (complete, misses)
  }

  /// For each gold event, the predicted event found for it (each used once), and whether its
  /// people are right. Events with the right people are matched first.
  public static func matchEvents(_ analysis: ArticleAnalysis, gold: [GoldChronology.GoldEvent])
    -> (matches: [Int?], peopleRight: [Bool])
  {
    var matches = [Int?](repeating: nil, count: gold.count)
    var peopleRight = [Bool](repeating: false, count: gold.count)
    var used = Set<Int>()
    let header = analysis.article.headerParagraphs
    let keys = analysis.events.map {
      (
        value: $0.resolved?.value.description ?? "", status: $0.status.rawValue,
        paragraph: analysis.article.provenanceParagraph($0.paragraph, headerParagraphs: header)
      )
    }
    for strict in [true, false] {
      for (goldIndex, goldEvent) in gold.enumerated() where matches[goldIndex] == nil {
        for (index, key) in keys.enumerated() where !used.contains(index) {
          guard goldEvent.dates.contains(key.value), goldEvent.status == key.status,
            goldEvent.paragraphs.contains(key.paragraph)
          else { continue }
          let right = sameParticipants(analysis.events[index], goldEvent, in: analysis)
          if strict && !right { continue }
          matches[goldIndex] = index
          peopleRight[goldIndex] = right
          used.insert(index)
          break
        }
      }
    }
    return (matches, peopleRight)
  }

  /// The event's people are exactly the gold's, give or take its optional ones.
  static func sameParticipants(
    _ event: FoundEvent, _ gold: GoldChronology.GoldEvent, in analysis: ArticleAnalysis
  ) -> Bool {
    let people = event.participants.filter { analysis.entities[$0].kind == .person }.map {
      analysis.entities[$0]
    }
    func matches(_ entity: Entity, _ name: String) -> Bool {
      ([entity.name] + entity.aliases).contains { sameSpeaker($0, name) }
    }
    let allowed = gold.participants + gold.optional
    return people.allSatisfy { person in allowed.contains { matches(person, $0) } }
      && gold.participants.allSatisfy { name in people.contains { matches($0, name) } }
  }

  static func peopleNames(of event: FoundEvent, in analysis: ArticleAnalysis) -> [String] {
    event.participants.filter { analysis.entities[$0].kind == .person }.map {
      analysis.entities[$0].name
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

/// How ingest's chronology of an article compares with a dataset written by hand for it (the
/// bundled story for the seed article): its events are the gold, its quotes' events the gold ties.
public struct StoryEventScore: Sendable {
  public var gold = 0
  /// Gold events found with the right date value, status and paragraph.
  public var found = 0
  public var participantsRight = 0
  public var predicted = 0
  /// Quotes of the story found by ingest, and those tied to the right event (or to none).
  public var quotes = 0
  public var quotesTied = 0
  public var headlinesComplete = 0
  public var misses: [String] = []

  public var summary: String {
    [
      "events found: \(found) of \(gold) with the right date, status and paragraph (\(predicted) written; participants right in \(participantsRight))",
      "quotes tied to the right event (or to none): \(quotesTied) of \(quotes)",
      "headlines complete: \(headlinesComplete) of \(predicted)",
    ].joined(separator: "\n")
  }
}

extension CorpusScorer {
  /// Scores ingest's events for `text` against `story`, a dataset written by hand for it.
  public static func scoreEvents(text: String, against story: Dataset) throws -> StoryEventScore {
    let analysis = ArticleAnalysis(text: text)
    let timeline = try Timeline(dataset: story)
    let actors = Dictionary(story.actors.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var ids: [String] = []
    var gold: [GoldChronology.GoldEvent] = []
    for row in timeline.events {
      let event = row.event
      ids.append(event.id)
      gold.append(
        GoldChronology.GoldEvent(
          about: event.headline, dates: [row.date.value.description],
          status: event.status.rawValue, paragraphs: [event.provenance.paragraph],
          participants: event.participants.compactMap {
            actors[$0].flatMap { $0.kind == .person ? $0.name : nil }
          }))
    }
    let compared = compareEvents(analysis, gold: gold, labels: ids, prefix: "")
    var score = StoryEventScore()
    score.gold = gold.count
    score.predicted = analysis.events.count
    score.found = compared.found
    score.participantsRight = compared.participantsRight
    score.misses = compared.misses
    let headlines = headlineMisses(analysis, prefix: "")
    score.headlinesComplete = headlines.complete
    score.misses += headlines.misses
    for quote in story.quotes {
      guard let found = analysis.quotes.firstIndex(where: { $0.text == quote.text }) else {
        continue
      }
      score.quotes += 1
      let tied = analysis.quoteEvents[found]
      let expected = quote.event.flatMap { ids.firstIndex(of: $0) }.flatMap {
        compared.matches[$0]
      }
      if quote.event == nil ? tied == nil : (expected != nil && tied == expected) {
        score.quotesTied += 1
      } else {
        score.misses.append(
          "quote \(quote.id) tied to \(tied.map { analysis.events[$0].headline } ?? "none"), story: \(quote.event ?? "none")"
        )
      }
    }
    return score
  }
}
