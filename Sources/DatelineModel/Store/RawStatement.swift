import GRDB
import GRDBSQLite

/// A prepared statement bound and stepped through SQLite's C interface. A store build runs a few
/// million inserts, and binding through `StatementArguments` (an array of boxed values per row)
/// cost more than SQLite itself; this binds each value in place.
struct RawStatement {
  private let statement: Statement
  private let db: Database
  private var handle: OpaquePointer { statement.sqliteStatement }

  init(_ db: Database, _ sql: String) throws {
    self.db = db
    statement = try db.makeStatement(sql: sql)
  }

  /// SQLite copies the bytes (`SQLITE_TRANSIENT`): the Swift string may go away at once.
  static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  func bind(_ index: Int32, _ value: String) {
    bindText(handle, index, value)
  }

  /// Binds UTF-8 bytes as text without copying them: they must stay until `run()` returns.
  func bind(_ index: Int32, utf8 value: UnsafeBufferPointer<UInt8>) {
    guard let base = value.baseAddress else {
      _ = sqlite3_bind_text(handle, index, "", 0, RawStatement.transient)
      return
    }
    _ = base.withMemoryRebound(to: CChar.self, capacity: value.count) { pointer in
      sqlite3_bind_text(handle, index, pointer, Int32(value.count), nil)
    }
  }

  /// Binds UTF-8 bytes as text without copying them (NULL for nil): they must stay until `run()`
  /// returns.
  func bind(_ index: Int32, utf8 value: UnsafeBufferPointer<UInt8>?) {
    if let value { bind(index, utf8: value) } else { sqlite3_bind_null(handle, index) }
  }

  func bind(_ index: Int32, _ value: String?) {
    if let value { bind(index, value) } else { sqlite3_bind_null(handle, index) }
  }

  func bind(_ index: Int32, _ value: Int) {
    sqlite3_bind_int64(handle, index, Int64(value))
  }

  func bind(_ index: Int32, _ value: Int?) {
    if let value { bind(index, value) } else { sqlite3_bind_null(handle, index) }
  }

  /// Binds bytes as a blob (SQLite copies them).
  func bind(_ index: Int32, blob value: [UInt8]) {
    value.withUnsafeBytes { bytes in
      _ = sqlite3_bind_blob(
        handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count),
        RawStatement.transient)
    }
  }

  /// Runs the statement with the values bound, ready for the next row.
  func run() throws {
    let code = sqlite3_step(handle)
    sqlite3_reset(handle)
    guard code == SQLITE_DONE else { throw stepFailure(code, db) }
  }
}

/// Rows of a query read through SQLite's C interface, a column at a time: a search checks quote
/// text as the bytes SQLite holds, without making a string of every candidate. The statement is
/// the connection's cached one for this SQL (prepared once), reset when the rows are let go, so
/// a search that stops early leaves no statement running.
final class RawRows {
  private let statement: Statement
  private let db: Database
  private var handle: OpaquePointer { statement.sqliteStatement }

  /// Without `arguments`, bind the parameters with `bind` before the first `next()`.
  init(_ db: Database, _ sql: String, _ arguments: StatementArguments? = nil) throws {
    self.db = db
    statement = try db.cachedStatement(sql: sql)
    if let arguments { try statement.setArguments(arguments) }
  }

  deinit {
    sqlite3_reset(handle)
  }

  /// Binds text for the next rows (NUL bytes kept), before the first `next()`.
  func bind(_ index: Int32, _ value: String) {
    bindText(handle, index, value)
  }

  /// Steps to the next row; false after the last.
  func next() throws -> Bool {
    let code = sqlite3_step(handle)
    if code == SQLITE_ROW { return true }
    sqlite3_reset(handle)
    guard code == SQLITE_DONE else { throw stepFailure(code, db) }
    return false
  }

  func integer(_ column: Int32) -> Int {
    Int(sqlite3_column_int64(handle, column))
  }

  /// The column's text as UTF-8 bytes, valid until the next step; empty for NULL.
  func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
    guard let pointer = sqlite3_column_text(handle, column) else {
      return UnsafeBufferPointer(start: nil, count: 0)
    }
    return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column)))
  }

  func isNull(_ column: Int32) -> Bool {
    sqlite3_column_type(handle, column) == SQLITE_NULL
  }

  /// The column's text, nil for NULL.
  func optionalText(_ column: Int32) -> String? {
    isNull(column) ? nil : text(column)
  }

  /// The column's bytes as a blob holds them, valid until the next step; empty for NULL.
  func blob(_ column: Int32) -> UnsafeRawBufferPointer {
    guard let pointer = sqlite3_column_blob(handle, column) else {
      return UnsafeRawBufferPointer(start: nil, count: 0)
    }
    return UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column)))
  }

  /// The column's text (NUL bytes kept), "" for NULL.
  func text(_ column: Int32) -> String {
    guard let pointer = sqlite3_column_text(handle, column) else { return "" }
    let count = Int(sqlite3_column_bytes(handle, column))
    return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
  }
}

/// Binds a string's UTF-8 bytes as text, NUL bytes and all (SQLite copies them).
private func bindText(_ handle: OpaquePointer, _ index: Int32, _ value: String) {
  var value = value
  value.withUTF8 { bytes in
    if let base = bytes.baseAddress {
      _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
        sqlite3_bind_text(handle, index, pointer, Int32(bytes.count), RawStatement.transient)
      }
    } else {
      _ = sqlite3_bind_text(handle, index, "", 0, RawStatement.transient)
    }
  }
}

/// The error of a step that did not finish, with SQLite's own message.
private func stepFailure(_ code: Int32, _ db: Database) -> DatabaseError {
  let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
  return DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
}
