import GRDB

/// Whole-column reads for the browser's time strip and date column: one query each instead of
/// a row lookup per event, so a story of 100,000 events costs milliseconds, not seconds.
extension Timeline {
  /// Every event's earliest day (`CivilDay.dayNumber`), in chronological order.
  public func eventStartDayNumbers() -> [Int] {
    store.integers("SELECT start_day FROM events ORDER BY position")
  }

  /// The distinct resolved event dates (each EDTF value once).
  public func distinctEventDates() -> [EDTFDate] {
    let texts =
      store.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT resolved FROM events") }
      ?? []
    return texts.compactMap { try? EDTFDate(parsing: $0) }
  }
}
