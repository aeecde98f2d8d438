/// Turns Quotebank records into dateline/1 items (docs/FORMAT.md, "Importing Quotebank"): one
/// actor per speaker (by Wikidata id, else by name), one source per web site, the quote itself.
///
/// Only what is new goes into the pending chunk, so a caller can hand chunks to a writer and
/// forget them. What it remembers in memory grows with the number of speakers and sites, not of
/// quotes: the quoteIDs taken are kept by `SeenQuoteIDs` (a fixed filter, the rest on disk).
///
/// A `quoteID` given again within the pending chunk is refused at once; one given in an earlier
/// chunk is taken, and found by `repeats(limit:)` at the end of the input (the caller then
/// fails, or drops the quote). A chunk never holds the same `quoteID` twice.
///
/// Ids never collide across kinds, as the format requires: a new actor or source id skips every
/// `quoteID` seen so far (by hash: a false match only costs a `-2`), and a `quoteID` that an
/// actor or source already holds becomes `quote-` and the `quoteID` (a fuzz finding: the
/// speaker ".....8..." made the actor `8` beside the quote `8`).
///
/// Use one mapper for one import and do not copy it: the quoteIDs taken live in a shared
/// object (`SeenQuoteIDs`, with its files), the pending chunk in the value, so a copy would
/// share the one and not the other.
public struct QuotebankMapper {
  public static let unknownSpeaker = Actor(
    id: unknownSpeakerID, name: "Unknown speaker", kind: .group,
    role: "not attributed by the source")
  public static let unknownSpeakerID = "unknown-speaker"
  public static let unattributedSource = Source(
    id: "quotebank", publisher: "Quotebank", title: "Quotebank quotation without a source URL",
    published: "")

  private var actorByKey: [String: String] = [:]
  /// Actor and source ids given or reserved.
  private var usedIDs: Set<String> = [
    QuotebankMapper.unknownSpeakerID, QuotebankMapper.unattributedSource.id,
  ]
  private var sourceByHost: [String: String] = [:]
  private let seenQuoteIDs: SeenQuoteIDs
  /// The hashes of the pending chunk's `quoteID`s, one a quote, and the `quoteID`s of its
  /// quotes given another id: a repeat there is refused at its line.
  private var pendingHashes: [UInt64] = []
  private var pendingRenamed: [Int: String] = [:]
  private var mostPendingQuoteIDs = 0
  /// Quote ids given in place of a `quoteID` that an actor or source held (rare).
  private var renamedQuoteIDs: Set<String> = []
  private var addedUnknownSpeaker = false
  private var addedUnattributedSource = false
  /// The dataset imported with the lines has the unknown speaker or the unattributed source
  /// already (an earlier import wrote it): theirs is used, and not added again.
  private var givenUnknownSpeaker = false
  private var givenUnattributedSource = false
  /// The ids they take here: theirs, or the next free ones when the dataset holds these ids
  /// for something else.
  private var unknownSpeakerID = QuotebankMapper.unknownSpeakerID
  private var unattributedSourceID = QuotebankMapper.unattributedSource.id
  private var reservedSourceIDs: Set<String> = []

  /// New items since the last `takeChunk()`.
  public private(set) var pending = Dataset()
  public private(set) var quoteCount = 0

  public init() {
    seenQuoteIDs = SeenQuoteIDs()
  }

  /// A mapper whose new actors and sources avoid `ids` (those of a dataset imported with it);
  /// of them, `speakers` are its people and groups and `sources` its sources (the unknown
  /// speaker and the unattributed source are used where the dataset has them as such).
  public init(reserving ids: Set<String>, speakers: Set<String> = [], sources: Set<String> = []) {
    self.init(reserving: ids, speakers: speakers, sources: sources, seen: SeenQuoteIDs())
  }

  /// The same, with the quote ids `seen` holds already taken (those of the dataset's quotes,
  /// added with `SeenQuoteIDs.earlierInput`): a line that takes one again is a repeat.
  init(
    reserving ids: Set<String>, speakers: Set<String>, sources: Set<String>, seen: SeenQuoteIDs
  ) {
    seenQuoteIDs = seen
    usedIDs.formUnion(ids)
    reservedSourceIDs = ids
    // Taken by something else (an event, an organization, a quote of the dataset): the next.
    if speakers.contains(Self.unknownSpeakerID) {
      givenUnknownSpeaker = true
    } else if ids.contains(Self.unknownSpeakerID) || seen.contains(Self.unknownSpeakerID) {
      unknownSpeakerID = unusedID(Self.unknownSpeakerID)
    }
    if sources.contains(Self.unattributedSource.id) {
      givenUnattributedSource = true
    } else if ids.contains(Self.unattributedSource.id)
      || seen.contains(Self.unattributedSource.id)
    {
      unattributedSourceID = unusedID(Self.unattributedSource.id)
    }
  }

  public var actorCount: Int { actorByKey.count + (addedUnknownSpeaker ? 1 : 0) }
  public var sourceCount: Int { sourceByHost.count + (addedUnattributedSource ? 1 : 0) }

  /// The most quote ids (or their hashes) held in memory at once: bounded by a chunk and the
  /// runs of `SeenQuoteIDs`, whatever the number of quotes.
  public var quoteIDsHeld: Int { seenQuoteIDs.mostHeld + mostPendingQuoteIDs }

  /// Adds the record read at `line` of input `file`; false when the pending chunk has its
  /// `quoteID` already (the record is not added).
  public mutating func add(_ record: QuotebankRecord, file: Int = 0, line: Int = 0) -> Bool {
    let hash = seenQuoteIDs.hash(record.quoteID)
    // Only a "maybe" of the filter can be in the chunk (the usual answer is a quick "no").
    let maybe = seenQuoteIDs.mayContain(hash: hash)
    if maybe && isPending(record.quoteID, hash: hash) { return false }
    seenQuoteIDs.add(record.quoteID, hash: hash, maybe: maybe, file: file, line: line)
    pendingHashes.append(hash)
    mostPendingQuoteIDs = max(mostPendingQuoteIDs, pendingHashes.count)
    let speaker = speakerID(for: record)
    let source = sourceID(for: record.urls.first)
    let id = quoteID(for: record.quoteID)
    if id != record.quoteID { pendingRenamed[pending.quotes.count] = record.quoteID }
    pending.quotes.append(
      Quote(
        id: id, text: record.quotation, speaker: speaker,
        date: .edtf(record.date.description), provenance: Provenance(source: source, paragraph: 1),
        urls: record.urls))
    quoteCount += 1
    return true
  }

  /// The items added since the last call.
  public mutating func takeChunk() -> Dataset {
    defer {
      pending = Dataset()
      pendingHashes.removeAll(keepingCapacity: true)
      pendingRenamed = [:]
    }
    return pending
  }

  /// Whether a quote of the pending chunk has `quoteID` (of hash `hash`).
  private func isPending(_ quoteID: String, hash: UInt64) -> Bool {
    pendingHashes.indices.contains { index in
      pendingHashes[index] == hash
        && (pendingRenamed[index] ?? pending.quotes[index].id) == quoteID
    }
  }

  /// The records added whose `quoteID` an earlier chunk had (the first `limit` of them, in the
  /// order added); a message when the temporary files cannot be read back.
  func repeats(limit: Int = .max) -> Result<[SeenQuoteIDs.Place], RepeatFinderError> {
    seenQuoteIDs.repeats(limit: limit)
  }

  private mutating func speakerID(for record: QuotebankRecord) -> String {
    guard let name = record.speaker else {
      if !addedUnknownSpeaker && !givenUnknownSpeaker {
        addedUnknownSpeaker = true
        var actor = Self.unknownSpeaker
        actor.id = unknownSpeakerID
        pending.actors.append(actor)
      }
      return unknownSpeakerID
    }
    let qid = record.qids.first.map { $0.trimmingASCIIWhitespace() }.flatMap {
      $0.isEmpty ? nil : $0
    }
    let key = qid.map { "qid:" + $0 } ?? "name:" + name
    if let id = actorByKey[key] { return id }
    let base = qid.map { Slug.bounded($0) } ?? Slug.make(name)
    let id = unusedID(base.isEmpty ? "speaker" : base)
    actorByKey[key] = id
    pending.actors.append(Actor(id: id, name: name, kind: .person))
    return id
  }

  /// A new actor or source id: `base`, or `base-2`, `base-3`, ...
  private mutating func unusedID(_ base: String) -> String {
    let id = firstFree(base)
    usedIDs.insert(id)
    return id
  }

  /// The record's `quoteID`, unless an actor or source (or an earlier renamed quote) holds it.
  private mutating func quoteID(for quoteID: String) -> String {
    guard usedIDs.contains(quoteID) || renamedQuoteIDs.contains(quoteID) else { return quoteID }
    let id = firstFree("quote-" + quoteID)
    renamedQuoteIDs.insert(id)
    return id
  }

  /// `base`, or `base-2`, `base-3`, ...: the first that no actor, source or quote holds.
  private func firstFree(_ base: String) -> String {
    var candidate = base
    var number = 2
    while usedIDs.contains(candidate) || renamedQuoteIDs.contains(candidate)
      || seenQuoteIDs.contains(candidate)
    {
      candidate = "\(base)-\(number)"
      number += 1
    }
    return candidate
  }

  private mutating func sourceID(for url: String?) -> String {
    guard let url, let host = Self.host(of: url) else {
      if !addedUnattributedSource && !givenUnattributedSource {
        addedUnattributedSource = true
        var source = Self.unattributedSource
        source.id = unattributedSourceID
        pending.sources.append(source)
      }
      return unattributedSourceID
    }
    if let id = sourceByHost[host] { return id }
    var base = Slug.bounded("site-" + host)
    if reservedSourceIDs.contains(base) { base += "-quotebank" }
    let id = unusedID(base)
    sourceByHost[host] = id
    pending.sources.append(
      Source(id: id, publisher: host, title: host, published: "", url: "https://\(host)/"))
    return id
  }

  /// "https://www.example.com/a/b?c" -> "www.example.com" (lower case, no port or user).
  static func host(of url: String) -> String? {
    // Nearly every address is ASCII: read its bytes (a million quotes have several each).
    if let host = asciiHost(of: url) { return host.isEmpty ? nil : host }
    var rest = Substring(url)
    if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
    if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
      rest = rest[..<end]
    }
    if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
    if let colon = rest.lastIndex(of: ":") { rest = rest[..<colon] }
    let host = rest.lowercased()
    guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" })
    else { return nil }
    return host
  }

  /// `host(of:)` for an ASCII address: "" when it has no valid host, nil when it is not ASCII.
  private static func asciiHost(of url: String) -> String? {
    let bytes = url.utf8
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    let all = Array(bytes)
    var start = 0
    if all.count >= 3 {
      for index in 0...(all.count - 3)
      where all[index] == UInt8(ascii: ":") && all[index + 1] == UInt8(ascii: "/")
        && all[index + 2] == UInt8(ascii: "/")
      {
        start = index + 3
        break
      }
    }
    var end = start
    while end < all.count, all[end] != UInt8(ascii: "/"), all[end] != UInt8(ascii: "?"),
      all[end] != UInt8(ascii: "#")
    {
      end += 1
    }
    if let at = all[start..<end].lastIndex(of: UInt8(ascii: "@")) { start = at + 1 }
    if let colon = all[start..<end].lastIndex(of: UInt8(ascii: ":")) { end = colon }
    var host: [UInt8] = []
    host.reserveCapacity(end - start)
    for byte in all[start..<end] {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): host.append(byte + 32)
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "."), UInt8(ascii: "-"):
        host.append(byte)
      default: return ""
      }
    }
    return String(decoding: host, as: UTF8.self)
  }
}
