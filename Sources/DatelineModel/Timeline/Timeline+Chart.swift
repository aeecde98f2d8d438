import GRDB

/// Whole-column reads for the browser's time strip and date column: one query each instead of
/// a row lookup per event, so a story of 100,000 events costs milliseconds, not seconds.
extension Timeline {
  /// Every event's earliest day (`CivilDay.dayNumber`), in chronological order: read from a
  /// narrow index, not from the events' rows.
  public func eventStartDayNumbers() -> [Int] {
    store.read { db -> [Int] in
      var days: [Int] = []
      days.reserveCapacity(events.count)
      let rows = try RawRows(
        db, "SELECT start_day FROM events INDEXED BY events_start_day ORDER BY position")
      while try rows.next() { days.append(rows.integer(0)) }
      return days
    } ?? []
  }

  /// The distinct resolved event dates (each EDTF value once), listed in the store's meta
  /// table when it was built.
  public func distinctEventDates() -> [EDTFDate] {
    let texts =
      store.read { db -> [String] in
        if let list = try String.fetchOne(
          db.cachedStatement(sql: "SELECT value FROM meta WHERE key = 'event_dates'"))
        {
          return StoreJSON.strings(list)
        }
        return try String.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT resolved FROM events"))
      } ?? []
    return texts.compactMap { try? EDTFDate(parsing: $0) }
  }
}
