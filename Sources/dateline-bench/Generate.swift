import DatelineModel
import Foundation

/// `dateline-bench generate --quotes N --seed S -o DIR`: a synthetic corpus, the same every time
/// for the same N and S, in two forms that import to the same quotes:
///
/// - `DIR/dataset/`: a dateline/1 dataset directory: `actors.json`, then one file per source
///   (news site) with its events and quotes;
/// - `DIR/quotebank.jsonl`: the quotes as Quotebank quote-centric JSON Lines;
/// - `DIR/quotes.txt`: the quote texts, one per line (what `grep`, `rg` and `fzf` search).
///
/// Proportions follow a year of news at scale: per million quotes, 100,000 events, 5,000
/// people and 2,000 sources. Text is English-like, words drawn with Zipf frequencies; speakers
/// too (a few speak often, most rarely); one quote in ten has no known speaker; dates fall over
/// the year 2024.
/// `--skeleton M` keeps the events, people and sources of an M-quote corpus whatever the number
/// of quotes: more quotes over the same items (what shows that an import's memory follows the
/// items it checks quotes against, not the quotes).
struct CorpusGenerator {
  let quotes: Int
  let seed: UInt64
  /// The number of quotes the events, people and sources are sized for.
  var skeletonQuotes: Int

  init(quotes: Int, seed: UInt64, skeletonQuotes: Int? = nil) {
    self.quotes = quotes
    self.seed = seed
    self.skeletonQuotes = skeletonQuotes ?? quotes
  }

  var events: Int { max(skeletonQuotes / 10, 1) }
  var people: Int { max(skeletonQuotes / 200, 5) }
  var sources: Int { max(skeletonQuotes / 500, 1) }

  static let year = 2024

  /// Writes the corpus; returns the bytes of quote text written.
  @discardableResult
  func write(to directory: String) throws -> Int {
    let fileManager = FileManager.default
    let datasetDirectory = directory + "/dataset"
    try fileManager.createDirectory(atPath: datasetDirectory, withIntermediateDirectories: true)
    let names = personNames()
    var actors = (0..<people).map { index in
      Actor(
        id: Self.qid(index), name: names[index], kind: .person,
        role: Self.roles[index % Self.roles.count])
    }
    actors.append(
      Actor(
        id: QuotebankMapper.unknownSpeakerID, name: QuotebankMapper.unknownSpeaker.name,
        kind: .group, role: QuotebankMapper.unknownSpeaker.role))
    try Data(
      DatasetWriter.utf8(Dataset(title: "Synthetic year of news (seed \(seed))", actors: actors))
    ).write(to: URL(fileURLWithPath: datasetDirectory + "/actors.json"))

    guard let lines = OutputStream(toFileAtPath: directory + "/quotebank.jsonl", append: false),
      let texts = OutputStream(toFileAtPath: directory + "/quotes.txt", append: false)
    else { throw GenerateError("cannot write in \(directory)") }
    lines.open()
    texts.open()
    defer {
      lines.close()
      texts.close()
    }
    let speakers = Zipf(count: people, exponent: 1.0)
    let words = Zipf(count: Self.vocabulary.count, exponent: 1.07)
    var textBytes = 0
    for source in 0..<sources {
      // Each source has its own random stream: the files do not depend on each other.
      var seeder = SplitMix64(seed: seed)
      var sourceSeeder = SplitMix64(seed: UInt64(source))
      var random = SplitMix64(seed: seeder.next() ^ sourceSeeder.next())
      let host = "news\(source + 1).example"
      let sourceID = "site-" + host
      let firstEvent = source * events / sources
      let lastEvent = (source + 1) * events / sources
      let firstQuote = source * quotes / sources
      let lastQuote = (source + 1) * quotes / sources
      var dataset = Dataset(sources: [
        Source(
          id: sourceID, publisher: host, title: host, published: "\(Self.year)-12-31",
          url: "https://\(host)/")
      ])
      var eventDays: [CivilDay] = []
      for index in firstEvent..<lastEvent {
        let day = Self.day(random.below(366))
        eventDays.append(day)
        let count = 1 + random.below(3)
        var participants: [String] = []
        for _ in 0..<count {
          let id = Self.qid(speakers.sample(&random))
          if !participants.contains(id) { participants.append(id) }
        }
        let topic = Self.topics[random.below(Self.topics.count)]
        dataset.events.append(
          Event(
            id: "e\(index + 1)", headline: "Talks on \(topic)",
            summary: "A synthetic event about \(topic).", date: .edtf(day.description),
            status: .occurred, participants: participants,
            provenance: Provenance(source: sourceID, paragraph: index - firstEvent + 1)))
      }
      for index in firstQuote..<lastQuote {
        let text = sentence(&random, words: words)
        textBytes += text.utf8.count
        let known = random.below(10) != 0
        let speakerIndex = speakers.sample(&random)
        let speakerID = known ? Self.qid(speakerIndex) : QuotebankMapper.unknownSpeakerID
        let eventOffset = eventDays.isEmpty ? nil : random.below(eventDays.count)
        let attached = eventOffset != nil && random.below(2) == 0
        let day =
          attached ? eventDays[eventOffset!] : Self.day(random.below(366))
        let id = String(format: "%d-%02d-%02d-%07d", day.year, day.month, day.day, index + 1)
        let url = "https://\(host)/\(day.year)/\(day.month)/\(day.day)/story-\(index + 1)"
        dataset.quotes.append(
          Quote(
            id: id, text: text, speaker: speakerID,
            event: attached ? "e\(firstEvent + eventOffset! + 1)" : nil,
            date: .edtf(day.description),
            provenance: Provenance(source: sourceID, paragraph: index - firstQuote + 1), urls: [url]
          ))
        let speakerName = known ? names[speakerIndex] : "None"
        let qids = known ? "[\"\(Self.qid(speakerIndex))\"]" : "[]"
        let line =
          #"{"quoteID": "\#(id)", "quotation": "\#(text)", "speaker": "\#(speakerName)", "qids": \#(qids), "date": "\#(day) 00:00:00", "numOccurrences": \#(1 + random.below(4)), "probas": [["\#(speakerName)", "0.\#(5 + random.below(5))"]], "urls": ["\#(url)"], "phase": "E"}"#
          + "\n"
        lines.write(line)
        texts.write(text + "\n")
      }
      let name = String(format: "source-%05d.json", source + 1)
      try Data(DatasetWriter.utf8(dataset)).write(
        to: URL(fileURLWithPath: datasetDirectory + "/" + name))
    }
    return textBytes
  }

  static func qid(_ index: Int) -> String { "Q\(1000 + index)" }

  static func day(_ offset: Int) -> CivilDay {
    CivilDay(year: year, month: 1, day: 1)!.adding(days: offset)
  }

  /// One sentence of 6 to 40 words, capitalized, ending in a period (now and then a comma).
  func sentence(_ random: inout SplitMix64, words: Zipf) -> String {
    let count = 6 + random.below(18) + random.below(18)
    var text = ""
    text.reserveCapacity(count * 7)
    for index in 0..<count {
      var word = Self.vocabulary[words.sample(&random)]
      if index == 0 { word = word.prefix(1).uppercased() + word.dropFirst() }
      if index > 0 { text += random.below(12) == 0 && index < count - 1 ? ", " : " " }
      text += word
    }
    return text + "."
  }

  /// Distinct "First Last" names, shuffled by the seed.
  func personNames() -> [String] {
    var seeder = SplitMix64(seed: seed ^ 0x5EED)
    var random = SplitMix64(seed: seeder.next())
    var names: [String] = []
    var seen = Set<String>()
    var attempt = 0
    while names.count < people {
      var name =
        Self.firstNames[random.below(Self.firstNames.count)] + " "
        + Self.lastNames[random.below(Self.lastNames.count)]
      attempt += 1
      if attempt > people * 4 { name += " \(names.count + 1)" }
      if seen.insert(name).inserted { names.append(name) }
    }
    return names
  }

  // MARK: Word lists

  /// Common English words first (Zipf gives the first the most weight), news words after.
  static let vocabulary: [String] = """
    the of and to a in that is it for we was on with he this be are not have they as at will \
    but by you from our people an about has what all there their i would said one more can if \
    been do so who which new no time very up now out them had there going year government \
    country think need make want said president minister public world just also because over \
    other than first into some years state could when work many those only support right take \
    economy health police security war peace election vote law court party plan deal talks \
    climate change energy prices market workers jobs growth tax budget trade border crisis \
    community families children school schools hospital vaccine pandemic virus care women \
    national local city council report years decision future important clear continue \
    together sure believe know say says told going look forward help country's leaders \
    agreement region military troops forces attack ceasefire sanctions investment companies \
    business industry bank banks inflation interest rates oil gas power water food farmers \
    students teachers patients doctors nurses police officers judge case evidence trial \
    rights freedom democracy justice safety crime victims protest protesters campaign \
    candidates voters results polls senate congress parliament bill reform policy policies \
    international foreign domestic european american british chinese russian ukrainian \
    africa asia europe america today tomorrow week month again never always every great \
    good better best bad worse strong stronger weak difficult easy hard long short last \
    next early late high low big small major minor own same different free fair open \
    team game season players coach win match league championship fans stadium goals \
    technology data internet online digital social media platform users privacy software \
    research science scientists study studies experts analysis
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init).uniqued()

  static let topics = [
    "trade", "the budget", "climate", "security", "health care", "energy", "the election",
    "education", "transport", "housing", "migration", "technology",
  ]

  static let roles = ["Minister", "Spokesperson", "Senator", "Analyst", "Chief executive", "Mayor"]

  static let firstNames = """
    James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara \
    Richard Susan Joseph Jessica Thomas Sarah Charles Karen Amara Chen Dmitri Elena Fatima \
    Hiroshi Ingrid Javier Kwame Leila Mateo Nadia Olga Pedro Priya Rafael Sofia Tariq Yuki \
    Zanele Ahmed Bruno Camille Diego Emeka Farah Gustav Hana Ivan Jana Kofi Lucia Marek Nour
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

  static let lastNames = """
    Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez \
    Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris \
    Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill \
    Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Okafor Petrov \
    Novak Kowalski Yamamoto Tanaka Schmidt Muller Rossi Dubois Haddad Mensah Silva Costa Ivanova \
    Kim Park Singh Patel Khan Ali Cohen Levi Berg Larsen Jensen Nielsen Fischer Weber Wagner
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
}

struct GenerateError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Ranks 0..<count drawn with probability proportional to 1 / (rank + 1)^exponent.
struct Zipf {
  private let cumulative: [Double]

  init(count: Int, exponent: Double) {
    var total = 0.0
    var sums: [Double] = []
    sums.reserveCapacity(count)
    for rank in 1...max(count, 1) {
      total += 1 / pow(Double(rank), exponent)
      sums.append(total)
    }
    cumulative = sums.map { $0 / total }
  }

  func sample(_ random: inout SplitMix64) -> Int {
    let target = random.unit()
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulative[middle] <= target { low = middle + 1 } else { high = middle }
    }
    return low
  }
}

extension Array where Element: Hashable {
  /// The elements in order, each only the first time it appears.
  func uniqued() -> [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}

extension OutputStream {
  func write(_ text: String) {
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(buffer.baseAddress! + offset, maxLength: buffer.count - offset)
        if written <= 0 { return }
        offset += written
      }
    }
  }
}

/// `dateline-bench generate --quotes N --seed S -o DIR`.
enum GenerateCommand {
  static func run(_ arguments: [String]) -> Int32 {
    var quotes: Int?
    var seed: UInt64 = 1
    var output: String?
    var skeleton: Int?
    var valid = true
    var rest = arguments[...]
    func positive(_ text: String?) -> Int? {
      text.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }
    while let argument = rest.popFirst() {
      switch argument {
      case "--quotes": quotes = positive(rest.popFirst())
      case "--skeleton":
        skeleton = positive(rest.popFirst())
        valid = valid && skeleton != nil
      case "--seed": seed = rest.popFirst().flatMap { UInt64($0) } ?? seed
      case "-o", "--output": output = rest.popFirst()
      default: valid = false
      }
    }
    guard valid, let quotes, let output else {
      FileHandle.standardError.write(
        Data("usage: dateline-bench generate --quotes N [--skeleton M] [--seed S] -o DIR\n".utf8))
      return 2
    }
    let generator = CorpusGenerator(quotes: quotes, seed: seed, skeletonQuotes: skeleton)
    do {
      let bytes = try generator.write(to: output)
      print(
        "wrote \(output)/dataset (\(generator.sources) sources, \(generator.people + 1) actors, \(generator.events) events, \(quotes) quotes), \(output)/quotebank.jsonl and \(output)/quotes.txt (\(bytes) bytes of quote text)"
      )
      return 0
    } catch {
      FileHandle.standardError.write(Data("dateline-bench: \(error)\n".utf8))
      return 1
    }
  }
}
