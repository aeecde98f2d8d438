import GRDB
import GRDBSQLite

extension StoreReader {
  // MARK: Related actors

  /// The actors linked to one actor, each with its reasons, from indexed queries on that actor
  /// alone: stated relations, affiliations, shared events, mentions in quotes and in event
  /// summaries (the mentions were found when the store was built).
  func relatedActors(of actorID: String) -> [RelatedActor] {
    read { db -> [RelatedActor] in
      guard
        try Int.fetchOne(
          db.cachedStatement(sql: "SELECT 1 FROM actors WHERE id = ?"), arguments: [actorID])
          != nil
      else { return [] }
      /// The rows of one of the queries below, each about this actor (`?1`).
      func rows(_ sql: String) throws -> RowCursor {
        try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: [actorID])
      }
      var reasons: [String: [LinkReason]] = [:]
      func add(_ other: String, _ reason: LinkReason, deduplicate: Bool = false) {
        guard other != actorID else { return }
        if deduplicate, reasons[other]?.contains(reason) == true { return }
        reasons[other, default: []].append(reason)
      }

      let relations = try rows(
        """
        SELECT from_id, to_id, kind, event FROM relations WHERE from_id = ?1 OR to_id = ?1
        ORDER BY input_order
        """)
      while let row = try relations.next() {
        let from: String = row[0]
        let to: String = row[1]
        guard let kind = RelationKind(rawValue: row[2]) else { continue }
        add(
          from == actorID ? to : from, .statedRelation(kind: kind, eventID: row[3]),
          deduplicate: true)
      }

      let affiliations = try rows(
        """
        SELECT id, affiliation FROM actors WHERE affiliation = ?1 OR id = ?1 ORDER BY input_order
        """)
      while let row = try affiliations.next() {
        let id: String = row[0]
        guard let affiliation: String = row[1] else { continue }
        if id == actorID {
          add(affiliation, .affiliation, deduplicate: true)
        } else if affiliation == actorID {
          add(id, .affiliation, deduplicate: true)
        }
      }

      let shared = try rows(
        """
        SELECT other.actor_id, e.id, e.headline
        FROM event_participants own
        JOIN event_participants other ON other.event_position = own.event_position
          AND other.actor_id != own.actor_id
        JOIN events e ON e.position = own.event_position
        WHERE own.actor_id = ? ORDER BY own.event_position
        """)
      while let row = try shared.next() {
        add(row[0], .sharedEvent(eventID: row[1], headline: row[2]))
      }

      // Quotes: by this actor naming another, or by another naming this actor; chronological.
      var quoteReasons: [(position: Int, other: String, reason: LinkReason)] = []
      let named = try rows(
        """
        SELECT q.position, q.id, m.actor_id FROM quotes q
        JOIN quote_mentions m ON m.quote_position = q.position
        WHERE q.speaker = ?1 AND m.actor_id != ?1
        """)
      while let row = try named.next() {
        quoteReasons.append(
          (row[0], row[2], .mentionedInQuote(quoteID: row[1], speakerID: actorID)))
      }
      let namedBy = try rows(
        """
        SELECT q.position, q.id, q.speaker FROM quote_mentions m
        JOIN quotes q ON q.position = m.quote_position
        WHERE m.actor_id = ?1 AND q.speaker != ?1
        """)
      while let row = try namedBy.next() {
        let speaker: String = row[2]
        quoteReasons.append(
          (row[0], speaker, .mentionedInQuote(quoteID: row[1], speakerID: speaker)))
      }
      quoteReasons.sort { $0.position < $1.position }
      for item in quoteReasons { add(item.other, item.reason) }

      // Event summaries: naming someone who does not take part links them to each participant.
      // In event order. An event gives rows to one side only: the actor takes part or not.
      let summaries = try rows(
        """
        SELECT p.event_position, e.id, m.actor_id FROM event_participants p
        JOIN event_mentions m ON m.event_position = p.event_position
        JOIN events e ON e.position = p.event_position
        WHERE p.actor_id = ?1 AND NOT EXISTS (
          SELECT 1 FROM event_participants x
          WHERE x.event_position = p.event_position AND x.actor_id = m.actor_id)
        UNION ALL
        SELECT m.event_position, e.id, p.actor_id FROM event_mentions m
        JOIN event_participants p ON p.event_position = m.event_position
        JOIN events e ON e.position = m.event_position
        WHERE m.actor_id = ?1 AND NOT EXISTS (
          SELECT 1 FROM event_participants x
          WHERE x.event_position = m.event_position AND x.actor_id = ?1)
        ORDER BY 1
        """)
      while let row = try summaries.next() { add(row[2], .mentionedInSummary(eventID: row[1])) }

      guard !reasons.isEmpty else { return [] }
      var actors: [String: Actor] = [:]
      let others = Array(reasons.keys)
      for chunk in stride(from: 0, to: others.count, by: 500) {
        let ids = StoreReader.inList(Array(others[chunk..<min(others.count, chunk + 500)]))
        let rows = try Row.fetchCursor(
          db.cachedStatement(
            sql: """
              SELECT id, name, aliases, kind, role, affiliation FROM actors
              WHERE id IN (\(ids.marks)) ORDER BY input_order DESC
              """), arguments: ids.arguments)
        while let row = try rows.next() {
          actors[row[0]] = Actor(
            id: row[0], name: row[1], aliases: StoreJSON.strings(row[2]),
            kind: ActorKind(rawValue: row[3]) ?? .person, role: row[4], affiliation: row[5])
        }
      }
      var related: [RelatedActor] = reasons.compactMap { other, list in
        guard let actor = actors[other] else { return nil }
        let sorted = list.enumerated().sorted { lhs, rhs in
          lhs.element.weight != rhs.element.weight
            ? lhs.element.weight > rhs.element.weight : lhs.offset < rhs.offset
        }.map(\.element)
        return RelatedActor(actor: actor, reasons: sorted, score: list.reduce(0) { $0 + $1.weight })
      }
      related.sort { a, b in
        if a.score != b.score { return a.score > b.score }
        if a.actor.name != b.actor.name { return a.actor.name < b.actor.name }
        return a.actor.id < b.actor.id
      }
      return related
    } ?? []
  }

  /// Whether the story states `kind` from `from` to `to` (at `eventID`).
  func statesRelation(_ kind: RelationKind, eventID: String?, from: String, to: String) -> Bool {
    integer(
      """
      SELECT 1 FROM relations WHERE from_id = ? AND to_id = ? AND kind = ? AND event IS ?
      LIMIT 1
      """, [from, to, kind.rawValue, eventID]) != nil
  }

  // MARK: Search

  /// Positions of the quotes matching `query`, in chronological order (or in the order of
  /// `among` when given, considering only those), skipping `offset` matches and stopping
  /// after `limit`. Words of three or more characters are looked up in the trigram index;
  /// every candidate is then checked by `QuoteQuery` itself, so the answers are exactly its own.
  func searchQuotes(
    _ query: QuoteQuery, among: [Int]?, after: Int? = nil, offset: Int, limit: Int?,
    isCancelled: () -> Bool = { false }
  ) -> [Int]? {
    if limit == 0 { return [] }
    var matches = QuoteMatches(offset: offset, limit: limit)
    let completed = searchQuotes(query, among: among, after: after, isCancelled: isCancelled) {
      matches.add($0)
    }
    return completed ? matches.found : nil
  }

  /// How many quotes match; no rows are kept. nil when cancelled.
  func countQuotes(_ query: QuoteQuery, among: [Int]?, isCancelled: () -> Bool = { false })
    -> Int?
  {
    var count = 0
    let completed = searchQuotes(query, among: among, after: nil, isCancelled: isCancelled) { _ in
      count += 1
      return true
    }
    return completed ? count : nil
  }

  /// Calls `found` with each matching position in order (after position `after`, when given
  /// without `among`) until it returns false. Polls `isCancelled` every few hundred rows; false
  /// when it stopped for it.
  private func searchQuotes(
    _ query: QuoteQuery, among: [Int]?, after: Int?, isCancelled: () -> Bool,
    found: (Int) -> Bool
  ) -> Bool {
    let after = after ?? -1
    var polled = 0
    var cancelled = false
    func stop() -> Bool {
      polled += 1
      if polled % 256 == 0 && isCancelled() { cancelled = true }
      return cancelled
    }
    // Each alternative of `a | b` with the speakers its `@name`s allow (nil: anyone); an
    // alternative whose `@name` names nobody matches nothing.
    var filters: [(speakers: Set<String>?, query: QuoteQuery)] = []
    for alternative in query.alternatives {
      guard !alternative.speakers.isEmpty else {
        filters.append((nil, alternative))
        continue
      }
      let matching = allSpeakerKeys().filter { alternative.matchesSpeaker(keys: $0.keys) }
      if !matching.isEmpty { filters.append((Set(matching.map(\.id)), alternative)) }
    }
    if filters.isEmpty { return true }
    let speakers: Set<String>? =
      filters.contains { $0.speakers == nil }
      ? nil : filters.reduce(into: Set<String>()) { $0.formUnion($1.speakers ?? []) }
    let needsSpeaker = speakers != nil || filters.contains { $0.speakers != nil }
    func accept(text: UnsafeBufferPointer<UInt8>, speaker: () -> String) -> Bool {
      let speaker = needsSpeaker ? speaker() : ""
      return filters.contains { filter in
        (filter.speakers?.contains(speaker) ?? true) && filter.query.matchesText(utf8: text)
      }
    }
    func search(_ db: Database) throws {
      if let among {
        try searchAmong(
          among, db: db, match: StoreReader.indexQuery(query), accept: accept(text:speaker:),
          stop: stop,
          found: found)
        return
      }
      let vocabulary = try searchVocabulary(db)
      let plan = SearchPlan(
        filters.map(\.query), vocabulary: vocabulary, quoteCount: counts.quotes)
      let rows: RawRows
      // Quotes too short for a trigram that match, merged into the index's candidates.
      var short: [Int] = []
      switch plan.source {
      case .nothing:
        return
      case .index(let match, let includesShort):
        if includesShort, let vocabulary {
          short = try shortMatches(
            vocabulary.shortQuotes.filter { $0 > after }, db: db, accept: accept(text:speaker:))
        }
        guard let match else {
          for position in short where !found(position) { return }
          return
        }
        rows = try RawRows(
          db,
          """
          SELECT q.position, q.text, q.speaker FROM quote_search s
          JOIN quotes q ON q.position = s.rowid
          WHERE quote_search MATCH ? AND s.rowid > ? ORDER BY s.rowid
          """, [match, after])
      case .scan:
        if let speakers, speakers.count <= 500 {
          let list = StoreReader.inList(Array(speakers))
          rows = try RawRows(
            db,
            """
            SELECT position, text, speaker FROM quotes
            WHERE speaker IN (\(list.marks)) AND position > ?
            ORDER BY position
            """, list.arguments + [after])
        } else {
          rows = try RawRows(
            db, "SELECT position, text, speaker FROM quotes WHERE position > ? ORDER BY position",
            [after])
        }
      }
      var next = short.startIndex
      while try rows.next() {
        if stop() { return }
        let position = rows.integer(0)
        while next < short.endIndex, short[next] <= position {
          if short[next] < position, !found(short[next]) { return }
          next += 1
        }
        if accept(text: rows.bytes(1), speaker: { rows.text(2) }), !found(position) { return }
      }
      for position in short[next...] where !found(position) { return }
    }
    _ = read(search: true) { db in
      if try StoreReader.interruptible(db, isCancelled, { try search(db) }) { cancelled = true }
    }
    return !cancelled
  }

  /// SQLite's work for one step can be long (an index query whose few candidates lie far
  /// apart), and the row loop looks at `isCancelled` only between rows: this runs `body` with
  /// SQLite itself asking `isCancelled` every few thousand instructions of its virtual machine,
  /// so a stale search stops within a fraction of a millisecond. True when it stopped so (the
  /// interruption is not an error of the store).
  static func interruptible(
    _ db: Database, _ isCancelled: () -> Bool, _ body: () throws -> Void
  ) throws -> Bool {
    guard let connection = db.sqliteConnection else {
      try body()
      return false
    }
    return try withoutActuallyEscaping(isCancelled) { isCancelled in
      let check = CancellationCheck(isCancelled)
      sqlite3_progress_handler(
        connection, CancellationCheck.instructions,
        { context in
          guard let context else { return 0 }
          let check = Unmanaged<CancellationCheck>.fromOpaque(context).takeUnretainedValue()
          if check.isCancelled() { check.fired = true }
          return check.fired ? 1 : 0
        }, Unmanaged.passUnretained(check).toOpaque())
      defer { sqlite3_progress_handler(connection, 0, nil, nil) }
      do {
        try body()
      } catch let error as DatabaseError where check.fired && error.resultCode == .SQLITE_INTERRUPT
      {
        return true
      }
      return check.fired
    }
  }

  /// The store's search vocabulary, read at the first search (nil when the store has none).
  private func searchVocabulary(_ db: Database) throws -> SearchVocabulary? {
    if let known = vocabulary.withLock({ $0 }) { return known }
    let loaded = try SearchVocabulary.load(db)
    vocabulary.withLock { $0 = .some(loaded) }
    return loaded
  }

  /// Which of the short quotes at `positions` match.
  private func shortMatches(
    _ positions: [Int], db: Database,
    accept: (UnsafeBufferPointer<UInt8>, () -> String) -> Bool
  ) throws -> [Int] {
    var matching: [Int] = []
    for chunk in stride(from: 0, to: positions.count, by: 500) {
      let list = StoreReader.inList(Array(positions[chunk..<min(positions.count, chunk + 500)]))
      let rows = try RawRows(
        db,
        """
        SELECT position, text, speaker FROM quotes
        WHERE position IN (\(list.marks)) ORDER BY position
        """, list.arguments)
      while try rows.next() {
        if accept(rows.bytes(1), { rows.text(2) }) { matching.append(rows.integer(0)) }
      }
    }
    return matching
  }

  /// The matches among `among`, in its order. Each chunk's rows are checked as the bytes SQLite
  /// holds, as the other searches check them (a narrowing keystroke searches this way; making
  /// a string of every row cost more than the check), then reported in the chunk's order.
  private func searchAmong(
    _ among: [Int], db: Database, match: String?,
    accept: (UnsafeBufferPointer<UInt8>, () -> String) -> Bool, stop: () -> Bool,
    found: (Int) -> Bool
  ) throws {
    let valid = among.filter { $0 >= 0 && $0 < counts.quotes }
    // A large domain with an index term: let the index pick the candidates first.
    var candidates: Set<Int>?
    if let match, valid.count > 2000, let low = valid.min(), let high = valid.max() {
      candidates = Set(
        try Int.fetchAll(
          db.cachedStatement(
            sql: """
              SELECT rowid FROM quote_search WHERE quote_search MATCH ? AND rowid BETWEEN ? AND ?
              """), arguments: [match, low, high]))
    }
    var index = 0
    while index < valid.count {
      var chunk: [Int] = []
      while index < valid.count && chunk.count < 500 {
        if candidates?.contains(valid[index]) ?? true { chunk.append(valid[index]) }
        index += 1
      }
      if chunk.isEmpty { continue }
      let list = StoreReader.inList(chunk)
      let rows = try RawRows(
        db, "SELECT position, text, speaker FROM quotes WHERE position IN (\(list.marks))",
        list.arguments)
      var accepted = Set<Int>()
      while try rows.next() {
        if stop() { return }
        if accept(rows.bytes(1), { rows.text(2) }) { accepted.insert(rows.integer(0)) }
      }
      for position in chunk where accepted.contains(position) && !found(position) { return }
    }
  }

  /// An FTS5 query for the index terms of three or more characters: each term becomes the
  /// trigrams it contains (the index keeps no positions, so candidates are verified after).
  /// nil when no term is long enough to use the index.
  static func indexQuery(_ query: QuoteQuery) -> String? {
    let alternatives = query.alternatives
    guard alternatives.count > 1 else { return plainIndexQuery(query) }
    // `a | b`: either alternative's trigrams; one without an index term means a scan.
    var parts: [String] = []
    for alternative in alternatives {
      guard let part = plainIndexQuery(alternative) else { return nil }
      parts.append("(" + part + ")")
    }
    return parts.joined(separator: " OR ")
  }

  private static func plainIndexQuery(_ query: QuoteQuery) -> String? {
    var trigrams: [String] = []
    var seen = Set<String>()
    for word in query.indexTerms.flatMap(QuoteSearchText.words) {
      let scalars = Array(word.unicodeScalars)
      guard scalars.count >= 3 else { continue }
      // Enough trigrams to cover the term: every third one, and the last.
      var starts = Array(stride(from: 0, through: scalars.count - 3, by: 3))
      if starts.last != scalars.count - 3 { starts.append(scalars.count - 3) }
      for start in starts {
        var trigram = String.UnicodeScalarView()
        trigram.append(contentsOf: scalars[start..<start + 3])
        let text = String(trigram)
        if text.unicodeScalars.contains(where: { $0.value == 0 }) { continue }
        if seen.insert(text).inserted {
          trigrams.append(ftsString(trigram))
        }
      }
    }
    return trigrams.isEmpty ? nil : trigrams.joined(separator: " AND ")
  }

  /// An FTS5 string literal: `"` doubled scalar by scalar. String's own replacing works on
  /// characters, and a `"` followed by a combining mark is one character that is not `"`, so it
  /// went through unescaped and broke the query (the release soak found it).
  static func ftsString(_ scalars: String.UnicodeScalarView) -> String {
    var quoted = String.UnicodeScalarView()
    quoted.append("\"")
    for scalar in scalars {
      quoted.append(scalar)
      if scalar == "\"" { quoted.append(scalar) }
    }
    quoted.append("\"")
    return String(quoted)
  }
}

/// What SQLite's progress handler asks while a search runs.
private final class CancellationCheck {
  /// Virtual machine instructions between two looks (some microseconds of work).
  static let instructions: Int32 = 1_000
  let isCancelled: () -> Bool
  var fired = false

  init(_ isCancelled: @escaping () -> Bool) {
    self.isCancelled = isCancelled
  }
}

/// Collects matches after an offset, up to a limit.
struct QuoteMatches {
  var offset: Int
  var limit: Int?
  var found: [Int] = []

  /// False once the limit is reached.
  mutating func add(_ position: Int) -> Bool {
    if let limit, found.count >= limit { return false }
    if offset > 0 {
      offset -= 1
      return true
    }
    found.append(position)
    if let limit { return found.count < limit }
    return true
  }
}
