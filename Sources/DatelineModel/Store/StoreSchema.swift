/// The tables of a store (documented in docs/STORE.md). Rows of `events`, `quotes` and `actors`
/// are numbered by their place in the timeline (`position`, `rank`), which is also their rowid,
/// so a page of the chronology is a range scan and search candidates come back in order.
enum StoreSchema {
  /// Written to `meta.application`; a file without it is not a Dateline store.
  static let application = "dateline-store"
  /// Bumped whenever the tables or what they hold change: an older store is rebuilt.
  static let version = 6

  static let tables = """
    CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT) WITHOUT ROWID;
    CREATE TABLE sources (
      input_order INTEGER PRIMARY KEY,
      id TEXT NOT NULL, publisher TEXT NOT NULL, title TEXT NOT NULL, published TEXT NOT NULL,
      url TEXT, publication_day TEXT);
    CREATE TABLE actors (
      rank INTEGER PRIMARY KEY,
      id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, role TEXT, affiliation TEXT,
      aliases TEXT NOT NULL, event_count INTEGER NOT NULL, quote_count INTEGER NOT NULL,
      input_order INTEGER NOT NULL);
    CREATE TABLE actor_aliases (actor_id TEXT NOT NULL, n INTEGER NOT NULL, alias TEXT NOT NULL);
    CREATE TABLE events (
      position INTEGER PRIMARY KEY,
      id TEXT NOT NULL, headline TEXT NOT NULL, summary TEXT NOT NULL, status TEXT NOT NULL,
      location TEXT, participants TEXT NOT NULL, source TEXT NOT NULL, paragraph INTEGER NOT NULL,
      date_edtf TEXT, date_stated TEXT, date_tense TEXT, date_relative_to TEXT,
      resolved TEXT NOT NULL, resolved_stated TEXT, explanation TEXT NOT NULL,
      start_day INTEGER NOT NULL, end_day INTEGER NOT NULL, same_day_order INTEGER NOT NULL,
      upcoming INTEGER NOT NULL, input_order INTEGER NOT NULL);
    CREATE TABLE event_participants (
      actor_id TEXT NOT NULL, event_position INTEGER NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (actor_id, event_position)) WITHOUT ROWID;
    CREATE TABLE quotes (
      position INTEGER PRIMARY KEY,
      id TEXT NOT NULL, text TEXT NOT NULL, speaker TEXT NOT NULL, event TEXT, kind TEXT,
      source INTEGER NOT NULL, paragraph INTEGER NOT NULL,
      date_edtf TEXT, date_stated TEXT, date_tense TEXT, date_relative_to TEXT,
      resolved TEXT, resolved_stated TEXT, explanation TEXT, same_day_order INTEGER NOT NULL,
      urls TEXT, input_order INTEGER NOT NULL, id_hash INTEGER NOT NULL);
    CREATE TABLE relations (
      input_order INTEGER PRIMARY KEY,
      from_id TEXT NOT NULL, to_id TEXT NOT NULL, kind TEXT NOT NULL, event TEXT,
      source TEXT NOT NULL, paragraph INTEGER NOT NULL);
    CREATE TABLE quote_mentions (
      quote_position INTEGER NOT NULL, n INTEGER NOT NULL, actor_id TEXT NOT NULL);
    CREATE TABLE event_mentions (
      event_position INTEGER NOT NULL, n INTEGER NOT NULL, actor_id TEXT NOT NULL);
    \(searchTable)
    """

  /// The search index (see `SearchIndexWriter`), of the trigrams within words (`WordTrigrams`).
  static let searchTable = """
    CREATE VIRTUAL TABLE quote_search USING fts5(
      text, content='', tokenize='\(WordTrigramTokenizer.name)', detail='none', columnsize=0);
    """

  /// A row of `quotes`. Its text columns are bound in the order `QuoteSpool` keeps them
  /// (`insertQuoteTextParameters`); the numbers come from the spooled quote's place.
  static let insertQuote = """
    INSERT INTO quotes(position, id, text, speaker, event, kind, source, paragraph,
      date_edtf, date_stated, date_tense, date_relative_to, resolved, resolved_stated,
      explanation, same_day_order, urls, input_order, id_hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    """
  /// The parameters of `insertQuote`'s text columns, in the spool's order: id, text, speaker,
  /// event, kind; the four date columns, resolved, resolved_stated, explanation; urls.
  static let insertQuoteTextParameters: [Int32] = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 17]

  /// A quote's `id_hash`: the low 23 bits of the FNV-1a hash of its id's UTF-8 bytes (three
  /// bytes in a record). The index on it finds a quote by id (checking `id` itself too) in a
  /// third of the room an index on the text would take; at a million quotes one look-up in eight
  /// reads one other quote.
  static func idHash(_ id: String) -> Int {
    idHash(FNV1a.hash(id.utf8))
  }

  static func idHash(_ hash: UInt64) -> Int {
    Int(hash & 0x7F_FFFF)
  }

  /// Bytes per page: larger pages waste less room at their ends than SQLite's 4096.
  static let pageSize = 8192

  /// The web addresses of each quote, one row each (see `StoreURLs`).
  static let views = """
    CREATE VIEW quote_urls AS
      SELECT q.position AS quote_position, j.key AS n,
        CASE substr(j.value, 1, 1)
          WHEN '+' THEN s.url || substr(j.value, 2)
          WHEN '=' THEN substr(j.value, 2)
          ELSE j.value END AS url
      FROM quotes q JOIN sources s ON s.input_order = q.source, json_each(q.urls) j
      WHERE q.urls IS NOT NULL;
    """

  /// Created after the rows are in: building an index once is cheaper than keeping it sorted.
  /// An index ends with the rowid, so `quotes_speaker` and `quotes_event` are read in `position`
  /// order (and by a `position` range) without naming it.
  static let indexes = """
    CREATE INDEX sources_id ON sources(id);
    CREATE INDEX actors_id ON actors(id);
    CREATE INDEX actors_affiliation ON actors(affiliation);
    CREATE INDEX actor_aliases_actor ON actor_aliases(actor_id);
    CREATE INDEX events_id ON events(id);
    CREATE INDEX events_start_day ON events(position, start_day);
    CREATE INDEX event_participants_event ON event_participants(event_position);
    CREATE INDEX quotes_id_hash ON quotes(id_hash);
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE INDEX quotes_event ON quotes(event) WHERE event IS NOT NULL;
    CREATE INDEX relations_from ON relations(from_id);
    CREATE INDEX relations_to ON relations(to_id);
    CREATE INDEX quote_mentions_actor ON quote_mentions(actor_id, quote_position);
    CREATE INDEX quote_mentions_quote ON quote_mentions(quote_position);
    CREATE INDEX event_mentions_actor ON event_mentions(actor_id, event_position);
    CREATE INDEX event_mentions_event ON event_mentions(event_position);
    """
}
