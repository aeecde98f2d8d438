import DatelineModel

/// Random but valid datasets for property tests: a seed gives the same dataset every run.
/// Names and quote text mix ASCII, accented and non-Latin letters, typographic apostrophes and
/// quotation marks, so search and mention matching meet what real news text holds.
public enum RandomDataset {
  static let firstNames = [
    "Donald", "Émile", "Ölaf", "İlker", "Σωκράτης", "Keir", "Volodymyr", "Ana", "José", "Li",
  ]
  static let surnames = [
    "Trump", "Zola", "Ærø", "Başbuğ", "Παππάς", "Starmer", "Zelenskyy", "Straße", "O’Neil", "Wu",
  ]
  static let groups = ["NATO", "the council", "Hamas", "Élysée", "EU"]
  static let words = [
    "peace", "war", "deal", "ceasefire", "don’t", "won't", "“now”", "Ukraine", "région", "ÉLAN",
    "straße", "STRASSE", "σοφία", "ΣΟΦΊΑ", "the", "a", "of", "İstanbul", "istanbul", "I",
    "résumé", "naïve", "50%", "—", "…", "co-operate", "U.S.", "\"quoted\"", "it’s", "Peace",
  ]

  public static func make(seed: UInt64, quotes quoteCount: Int? = nil) -> Dataset {
    var random = SeededGenerator(seed: seed)
    func pick<T>(_ list: [T]) -> T { list[Int.random(in: 0..<list.count, using: &random)] }
    func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    let sourceCount = Int.random(in: 1...3, using: &random)
    let sources = (0..<sourceCount).map { index in
      Source(
        id: "s\(index)", publisher: "P\(index)", title: "Story \(index) \(pick(words))",
        published: "2025-02-2\(Int.random(in: 0...8, using: &random))T12:00:00Z")
    }

    let actorCount = Int.random(in: 2...12, using: &random)
    var actors: [Actor] = []
    for index in 0..<actorCount {
      let kind: ActorKind = chance(70) ? .person : (chance(50) ? .group : .country)
      let name =
        kind == .person ? "\(pick(firstNames)) \(pick(surnames))" : pick(groups) + "\(index)"
      var aliases: [String] = []
      if chance(30) { aliases.append(pick(["the president", "PM", "Ærø", "σοφία", "chief"])) }
      actors.append(Actor(id: "a\(index)", name: name, aliases: aliases, kind: kind))
    }
    for index in actors.indices where chance(25) {
      let other = Int.random(in: 0..<actorCount, using: &random)
      if other != index { actors[index].affiliation = actors[other].id }
    }
    // Quotes need a speaker: when every actor drawn is a country, the first is a person.
    if !actors.contains(where: { $0.kind != .country }) { actors[0].kind = .person }
    let speakers = actors.filter { $0.kind == .person || $0.kind == .group }.map(\.id)

    func text(_ length: Int) -> String {
      (0..<length).map { _ -> String in
        chance(15) ? pick(actors).name.split(separator: " ").last.map(String.init)! : pick(words)
      }.joined(separator: chance(80) ? " " : ", ")
    }
    func provenance() -> Provenance {
      Provenance(source: pick(sources).id, paragraph: Int.random(in: 1...6, using: &random))
    }
    func edtf() -> String {
      switch Int.random(in: 0..<10, using: &random) {
      case 0: return "2025-03"
      case 1:
        return
          "2025-02-2\(Int.random(in: 0...4, using: &random))/2025-03-0\(Int.random(in: 1...9, using: &random))"
      case 2: return "2025-02~"
      default: return "2025-02-\(Int.random(in: 10...28, using: &random))"
      }
    }

    let eventCount = Int.random(in: 0...15, using: &random)
    var events: [Event] = []
    for index in 0..<eventCount {
      let date: DateSpec
      if index > 0 && chance(20) {
        date = .stated(
          StatedDate(
            stated: pick(["earlier in the day", "later that day"]),
            relativeTo: events[Int.random(in: 0..<index, using: &random)].id))
      } else if chance(20) {
        date = .stated(StatedDate(stated: "on Thursday", tense: pick([.past, .future])))
      } else {
        date = .edtf(edtf())
      }
      var participants: [String] = []
      for _ in 0..<Int.random(in: 0...3, using: &random) {
        let id = pick(actors).id
        if !participants.contains(id) { participants.append(id) }
      }
      events.append(
        Event(
          id: "e\(index)", headline: "Headline \(index) \(text(3))", summary: text(8), date: date,
          status: pick(EventStatus.allCases), participants: participants,
          location: chance(30) ? "Kyiv" : nil, provenance: provenance()))
    }

    let count = quoteCount ?? Int.random(in: 0...40, using: &random)
    let quotes = (0..<count).map { index in
      Quote(
        id: "q\(index)", text: text(Int.random(in: 1...14, using: &random)),
        speaker: pick(speakers),
        event: !events.isEmpty && chance(40) ? pick(events).id : nil,
        date: chance(50) ? .edtf(edtf()) : nil, kind: chance(80) ? .full : .partial,
        provenance: provenance())
    }

    var relations: [Relation] = []
    for _ in 0..<Int.random(in: 0...6, using: &random) {
      let from = pick(actors).id
      let to = pick(actors).id
      guard from != to else { continue }
      relations.append(
        Relation(
          from: from, to: to, kind: pick(RelationKind.allCases),
          event: !events.isEmpty && chance(40) ? pick(events).id : nil, provenance: provenance()))
    }
    return Dataset(
      title: chance(50) ? "Random \(seed)" : nil, sources: sources, actors: actors, events: events,
      quotes: quotes, relations: relations)
  }

  /// Searches drawn from a dataset's own text: pieces of quotes in either case, phrases,
  /// `@speaker` prefixes, short and non-ASCII words and punctuation.
  public static func queries(for dataset: Dataset, seed: UInt64, count: Int) -> [String] {
    var random = SeededGenerator(seed: seed)
    func pick<T>(_ list: [T]) -> T { list[Int.random(in: 0..<list.count, using: &random)] }
    var queries = [
      "", "a", "I", "pe", "peace", "Peace", "PEACE", "don't", "don’t", "\"now\"", "“now”",
      "straße", "STRASSE", "σοφία", "ΣΟΦΊΑ", "İstanbul", "istanbul", "i̇stanbul", "région", "ÉLAN",
      "élan", "50%", "—", "…", "u.s.", "co-op", "\"the war", "the war\"", "@", "@a1", "@donald",
      "@the", "@zz", "peace @a", "\"deal of\"", "résumé naïve", "'", "\"", "%", "_", "**",
    ]
    let texts = dataset.quotes.map(\.text)
    for _ in 0..<count where !texts.isEmpty {
      let characters = Array(pick(texts))
      let length = Int.random(in: 1...min(8, characters.count), using: &random)
      let start = Int.random(in: 0...(characters.count - length), using: &random)
      var piece = String(characters[start..<start + length])
      switch Int.random(in: 0..<6, using: &random) {
      case 0: piece = piece.uppercased()
      case 1: piece = "\"" + piece + "\""
      case 2: piece += " @" + String(pick(dataset.actors).name.prefix(2))
      case 3: piece = piece.lowercased() + " " + pick(words)
      default: break
      }
      queries.append(piece)
    }
    return queries
  }
}
