#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads one dataset file in bounded pieces: memory holds one chunk of the file (and one item,
/// should an item be larger) and the items decoded since the last batch was handed on, never the
/// whole file or a tree of it.
///
/// Only the root object and its item arrays are walked here; each item, and every other value,
/// is parsed by the same `JSONParser` the whole-file path uses (given the item's bytes and where
/// they are in the file) and decoded by the same `DatasetDecoder`. The diagnostics are the whole-
/// file path's: a file that is not valid UTF-8 is reported at its first bad byte wherever that
/// is, and a syntax error at the first one, with the same message.
final class DatasetFileReader {
  /// What to do with the items of one array.
  enum Mode {
    /// Parse and decode each item, and hand it on.
    case decode
    /// Parse each item (so syntax errors are found), then drop it.
    case check
    /// Step over each item by its brackets and strings, without parsing it. Faster, but a
    /// malformed item may go unnoticed or lead the reader astray: a pass that skips must be
    /// followed by one that parses those items, and a syntax error found while skipping is
    /// located again by a pass that parses everything.
    case skip
  }

  /// The mode for the quotes and the mode for the other item arrays.
  struct Modes: Equatable {
    var quotes: Mode
    var others: Mode

    static let decodeAll = Modes(quotes: .decode, others: .decode)
    static let checkAll = Modes(quotes: .check, others: .check)

    func mode(_ collection: DatasetChecker.Collection) -> Mode {
      collection == .quotes ? quotes : others
    }
  }

  /// How a read ended.
  enum Outcome: Equatable {
    /// Read to the end; the number of bytes of the file.
    case read(byteCount: Int)
    /// The file could not be opened or read: a diagnostic at 1:1 in `DatasetLoader`'s words.
    case unreadable(Diagnostic)
    /// Not JSON: not UTF-8, or a syntax error (the first one). Batches handed on before it
    /// should be dropped, as the whole-file path reports nothing else about such a file.
    case invalid(Diagnostic)
  }

  /// Bytes read at a time. A task-local value so tests can make files span many chunks.
  @TaskLocal static var chunkSize = 1 << 20
  /// Items decoded before they are handed on.
  static let batchSize = 2048

  /// Reads the dataset file at `path`, handing decoded items (and the problems found in them) to
  /// `body` in batches in file order; the last batch holds the title and the root's own
  /// problems. Items of arrays whose mode is not `.decode` never reach `body`.
  static func read(
    _ path: String, modes: Modes,
    _ body: (LocatedDataset, [Diagnostic]) throws(DatasetLoadError) -> Void
  ) throws(DatasetLoadError) -> Outcome {
    let first = try readOnce(path, modes: modes, body)
    guard case .invalid = first, modes.quotes == .skip || modes.others == .skip else {
      return first
    }
    // Skipping may have lost its way before the real first error: parse everything to find it.
    return try readOnce(path, modes: .checkAll) { _, _ throws(DatasetLoadError) in }
  }

  private static func readOnce(
    _ path: String, modes: Modes,
    _ body: (LocatedDataset, [Diagnostic]) throws(DatasetLoadError) -> Void
  ) throws(DatasetLoadError) -> Outcome {
    let fd: Int32
    switch RegularFile.openForReading(path) {
    case .success(let (descriptor, _)): fd = descriptor
    case .failure(let problem):
      return .unreadable(
        Diagnostic(
          path: path, line: 1, column: 1,
          message: problem.isMissing
            ? "cannot open the file; check that it exists and is readable" : problem.message))
    }
    defer { close(fd) }
    let reader = DatasetFileReader(path: path, descriptor: fd, modes: modes)
    var syntaxError: JSONSyntaxError?
    do {
      try reader.readRoot(body)
    } catch let error as JSONSyntaxError {
      syntaxError = error
    } catch let error as DatasetLoadError {
      throw error
    } catch {
      preconditionFailure("unexpected error \(error)")
    }
    // The whole-file parser checks all of the file's UTF-8 first: a bad byte anywhere wins.
    reader.readToEnd()
    if let message = reader.readError {
      return .unreadable(Diagnostic(path: path, line: 1, column: 1, message: message))
    }
    if let offset = reader.invalidUTF8Offset {
      let position = position(ofOffset: offset, in: path)
      return .invalid(
        Diagnostic(
          path: path, line: position.line, column: position.column,
          message: "invalid JSON: the file is not valid UTF-8 here; save it as UTF-8"))
    }
    if let syntaxError {
      return .invalid(
        Diagnostic(
          path: path, line: syntaxError.position.line, column: syntaxError.position.column,
          message: "invalid JSON: \(syntaxError.message)"))
    }
    return .read(byteCount: reader.bufferOffset + reader.filled)
  }

  /// Line and column (in Unicode scalars, a byte-order mark counted) of a byte offset whose
  /// file is valid UTF-8 up to it: the file is read again up to there.
  private static func position(ofOffset offset: Int, in path: String) -> TextPosition {
    var line = 1
    var column = 1
    guard case .success(let (fd, _)) = RegularFile.openForReading(path) else {
      return TextPosition(line: 1, column: 1)
    }
    defer { close(fd) }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var done = 0
    while done < offset {
      let wanted = min(chunk.count, offset - done)
      let count = chunk.withUnsafeMutableBytes { readBytes(fd, $0.baseAddress, wanted) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      for byte in chunk[0..<count] {
        if byte == UInt8(ascii: "\n") {
          line += 1
          column = 1
        } else if byte & 0xC0 != 0x80 {
          column += 1
        }
      }
      done += count
    }
    return TextPosition(line: line, column: column)
  }

  /// The positions of the fields of one item, as the decoder records them, read again from the
  /// file: the item's object starts at byte `offset`, at `position`. Nil when the file no longer
  /// holds an object there.
  static func fieldPositions(
    path: String, offset: Int, position: TextPosition, collection: DatasetChecker.Collection
  ) -> FieldPositions? {
    guard case .success(let (fd, _)) = RegularFile.openForReading(path) else { return nil }
    defer { close(fd) }
    guard lseek(fd, off_t(offset), SEEK_SET) == off_t(offset) else { return nil }
    // An item is small: read a few kilobytes at a time, not a chunk of the file.
    let reader = DatasetFileReader(path: path, descriptor: fd, modes: .decodeAll, chunkSize: 4096)
    reader.bufferOffset = offset
    reader.line = position.line
    reader.column = position.column
    reader.depth = 2  // in the root object's item array
    guard reader.peek() == UInt8(ascii: "{"), let node = try? reader.parseValue() else {
      return nil
    }
    var decoder = DatasetDecoder(path: path)
    decoder.decode(node, as: collection, index: 0)
    let located = decoder.take().0
    let list =
      switch collection {
      case .sources: located.sources
      case .actors: located.actors
      case .events: located.events
      case .quotes: located.quotes
      case .relations: located.relations
      }
    return list.last?.fields
  }

  // MARK: The byte buffer

  let path: String
  private let descriptor: Int32
  private let modes: Modes
  private var decoder: DatasetDecoder
  private var decodedSinceBatch = 0
  /// `buffer[0..<filled]` is read from the file; `buffer[0..<visible]` is checked UTF-8, all that
  /// the parsing sees; `index` is the next byte to parse. Bytes before `index` are dropped when
  /// more are read.
  private var buffer: [UInt8]
  private(set) var filled = 0
  private var visible = 0
  private var index = 0
  /// File offset of `buffer[0]`.
  private(set) var bufferOffset = 0
  private var atEndOfFile = false
  private(set) var invalidUTF8Offset: Int?
  private(set) var readError: String?
  private var line = 1
  private var column = 1
  private var depth = 0

  private init(
    path: String, descriptor: Int32, modes: Modes, chunkSize: Int = DatasetFileReader.chunkSize
  ) {
    self.path = path
    self.descriptor = descriptor
    self.modes = modes
    self.decoder = DatasetDecoder(path: path)
    self.buffer = [UInt8](repeating: 0, count: max(chunkSize, 16))
  }

  private var position: TextPosition { TextPosition(line: line, column: column) }

  /// Reads more of the file, keeping the bytes from `index` on; false when no more bytes will
  /// become visible (end of file, a read error, or invalid UTF-8 ahead).
  private func more() -> Bool {
    while true {
      if atEndOfFile || invalidUTF8Offset != nil || readError != nil { return false }
      if index > 0 {
        let keep = filled - index
        if keep > 0 {
          buffer.withUnsafeMutableBufferPointer { pointer in
            guard let base = pointer.baseAddress else { return }
            memmove(base, base + index, keep)
          }
        }
        bufferOffset += index
        filled -= index
        visible -= index
        index = 0
      }
      if filled == buffer.count {
        buffer.append(contentsOf: repeatElement(0, count: buffer.count))
      }
      let count = buffer.withUnsafeMutableBufferPointer { pointer in
        readBytes(descriptor, pointer.baseAddress! + filled, pointer.count - filled)
      }
      if count < 0 {
        if errno == EINTR { continue }
        readError = "cannot read the file: \(String(cString: strerror(errno)))"
        return false
      }
      if count == 0 { atEndOfFile = true } else { filled += count }
      let before = visible
      checkUTF8()
      if visible > before { return true }
    }
  }

  /// Moves `visible` over the new bytes that are valid UTF-8; an incomplete sequence at the end
  /// waits for the next read, unless the file ends there.
  private func checkUTF8() {
    guard let bad = TextDecoding.firstInvalidUTF8(buffer[visible..<filled]) else {
      visible = filled
      return
    }
    visible = bad
    let lead = buffer[bad]
    let length =
      switch lead {
      case 0xC2...0xDF: 2
      case 0xE0...0xEF: 3
      case 0xF0...0xF4: 4
      default: 0
      }
    let incomplete =
      length > 0 && bad + length > filled
      && buffer[(bad + 1)..<filled].allSatisfy { $0 & 0xC0 == 0x80 }
    if !(incomplete && !atEndOfFile) { invalidUTF8Offset = bufferOffset + bad }
  }

  /// Reads (and checks) what is left of the file after the parse stopped.
  fileprivate func readToEnd() {
    index = visible
    while more() { index = visible }
  }

  private func peek() -> UInt8? {
    if index < visible { return buffer[index] }
    return more() ? buffer[index] : nil
  }

  private func advance() {
    let byte = buffer[index]
    index += 1
    if byte == UInt8(ascii: "\n") {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {
      column += 1
    }
  }

  private func skipWhitespace() {
    while let byte = peek(),
      byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
        || byte == UInt8(ascii: "\r")
    {
      advance()
    }
  }

  private func error(_ message: String) -> JSONSyntaxError {
    JSONSyntaxError(position: position, message: message)
  }

  private func describeCurrent() -> String { JSONParser.describe(peek()) }

  /// Where the value starting at `index` ends, by its brackets and strings; the bytes up to
  /// there are visible (at the end of the file, what there is). A parser given them never runs
  /// out before the value ends or turns out malformed.
  private func valueEnd() -> Int {
    var at = index
    var nesting = 0
    var inString = false
    var escaped = false
    while true {
      let limit = visible
      let found: Int? = buffer.withUnsafeBufferPointer { bytes in
        while at < limit {
          let byte = bytes[at]
          at += 1
          if inString {
            if escaped {
              escaped = false
            } else if byte == UInt8(ascii: "\\") {
              escaped = true
            } else if byte == UInt8(ascii: "\"") {
              inString = false
              if nesting == 0 { return at }
            }
            continue
          }
          switch byte {
          case UInt8(ascii: "\""): inString = true
          case UInt8(ascii: "{"), UInt8(ascii: "["): nesting += 1
          case UInt8(ascii: "}"), UInt8(ascii: "]"):
            if nesting == 0 { return at - 1 }
            nesting -= 1
            if nesting == 0 { return at }
          case UInt8(ascii: ","), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"),
            UInt8(ascii: "\r"):
            if nesting == 0 { return at - 1 }
          default: break
          }
        }
        return nil
      }
      if let found { return found }
      let shift = index
      guard more() else { return visible }
      at -= shift
    }
  }

  /// Moves `index` to `end` (visible bytes), counting lines and columns as `advance` does.
  private func advance(to end: Int) {
    let start = index
    guard end > start else { return }
    var line = self.line
    var column = self.column
    buffer.withUnsafeBufferPointer { bytes in
      let base = UnsafeRawPointer(bytes.baseAddress!)
      var at = start
      // Eight bytes at a time (a first pass steps over every quote so): newlines and bytes
      // that begin a scalar (not 10xxxxxx) counted by their high bits.
      let highBits: UInt64 = 0x8080_8080_8080_8080
      let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
      while at + 8 <= end {
        let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self))
        let notNewline = word ^ 0x0A0A_0A0A_0A0A_0A0A
        let newlines = ~(((notNewline & lowBits) &+ lowBits) | notNewline | lowBits)
        let continuations = word & ~(word << 1) & highBits
        if newlines == 0 {
          column += 8 - continuations.nonzeroBitCount
        } else {
          line += newlines.nonzeroBitCount
          // The bytes after the last newline, from the first of the next line.
          let last = (63 - newlines.leadingZeroBitCount) >> 3
          let after = 7 - last
          let tail = after == 0 ? 0 : continuations >> UInt64((last + 1) * 8)
          column = 1 + after - tail.nonzeroBitCount
        }
        at += 8
      }
      while at < end {
        let byte = bytes[at]
        if byte == UInt8(ascii: "\n") {
          line += 1
          column = 1
        } else if byte & 0xC0 != 0x80 {
          column += 1
        }
        at += 1
      }
    }
    self.line = line
    self.column = column
    index = end
  }

  /// Reads the quote at `index` the quick way (`QuoteBytes`) when it has the common shape;
  /// false (nothing read) when it has not, or is malformed.
  private func decodeCommonQuote() -> Bool {
    let end = valueEnd()
    let start = index
    guard end > start else { return false }
    let read = buffer.withUnsafeBufferPointer { bytes in
      var reader = QuoteBytes(bytes, start: start, end: end, position: position)
      return reader.quote(path: path).map { ($0, $1, reader) }
    }
    guard let (quote, location, reader) = read, reader.index == end else { return false }
    decoder.append(quote, at: location)
    index = end
    line = reader.line
    column = reader.column
    return true
  }

  /// Parses the value at `index` with the whole-file parser.
  private func parseValue() throws(JSONSyntaxError) -> JSONNode {
    _ = valueEnd()
    var parser = JSONParser(
      bytes: buffer, start: index, end: visible, position: position, depth: depth)
    do {
      let node = try parser.parseValue()
      index = parser.index
      line = parser.line
      column = parser.column
      return node
    } catch {
      throw error
    }
  }

  /// Steps over the value at `index` without parsing it.
  private func skipValue() throws(JSONSyntaxError) {
    let end = valueEnd()
    // Nothing there: no value. The parsing pass that follows says what is wrong.
    guard end > index else { throw self.error("expected a value") }
    advance(to: end)
  }

  // MARK: The root object and its arrays

  private func readRoot(
    _ body: (LocatedDataset, [Diagnostic]) throws(DatasetLoadError) -> Void
  ) throws {
    if peek() != nil, visible >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
      index = 3  // a byte-order mark, tolerated and not counted as a column, as the parser does
    }
    skipWhitespace()
    guard let first = peek() else {
      throw error("the file is empty; expected a JSON object")
    }
    let start = position
    if first == UInt8(ascii: "{") {
      try readRootObject(body)
    } else if first == UInt8(ascii: "[") {
      try readArray(nil, body)
      decoder.reportNotAnObject(JSONNode(value: .array([]), position: start))
    } else {
      decoder.reportNotAnObject(try parseValue())
    }
    skipWhitespace()
    if peek() != nil {
      throw error(
        "unexpected \(describeCurrent()) after the end of the JSON value; remove it or wrap the values in an array"
      )
    }
    let (located, diagnostics) = decoder.take()
    try body(located, diagnostics)
  }

  private func readRootObject(
    _ body: (LocatedDataset, [Diagnostic]) throws(DatasetLoadError) -> Void
  ) throws {
    let start = position
    advance()  // {
    depth = 1
    var members: [JSONNode.Member] = []
    var seen: [String: TextPosition] = [:]
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      advance()
      depth = 0
      decoder.decodeRootMembers(members, position: start)
      return
    }
    while true {
      skipWhitespace()
      let keyPosition = position
      guard peek() == UInt8(ascii: "\"") else {
        if peek() == nil {
          throw error("unexpected end of file inside an object; add the missing '}'")
        }
        if peek() == UInt8(ascii: "}") {
          throw error("trailing comma before '}'; remove the comma")
        }
        throw error("expected a member name in double quotes, found \(describeCurrent())")
      }
      guard case .string(let key) = try parseValue().value else {
        preconditionFailure("a value that starts with a double quote is a string")
      }
      if let previous = seen[key] {
        throw JSONSyntaxError(
          position: keyPosition,
          message:
            "duplicate key \"\(key)\" (first at line \(previous.line), column \(previous.column)); keep only one"
        )
      }
      seen[key] = keyPosition
      skipWhitespace()
      guard peek() == UInt8(ascii: ":") else {
        throw error("expected ':' after the member name \"\(key)\", found \(describeCurrent())")
      }
      advance()
      skipWhitespace()
      if let collection = DatasetChecker.Collection(rawValue: key), peek() == UInt8(ascii: "[") {
        try readArray(collection, body)
      } else {
        let value = try parseValue()
        members.append(JSONNode.Member(key: key, keyPosition: keyPosition, value: value))
      }
      skipWhitespace()
      switch peek() {
      case UInt8(ascii: ","):
        advance()
      case UInt8(ascii: "}"):
        advance()
        depth = 0
        decoder.decodeRootMembers(members, position: start)
        return
      case nil:
        throw error(
          "unexpected end of file inside the object that starts at line \(start.line), column \(start.column); add the missing '}'"
        )
      default:
        throw error(
          "expected ',' or '}' after a member, found \(describeCurrent()); is a comma missing?")
      }
    }
  }

  /// The array at `index`: the items of `collection` (nil: a root that is an array, whose
  /// elements are only checked).
  private func readArray(
    _ collection: DatasetChecker.Collection?,
    _ body: (LocatedDataset, [Diagnostic]) throws(DatasetLoadError) -> Void
  ) throws {
    let start = position
    advance()  // [
    depth += 1
    defer { depth -= 1 }
    let mode = collection.map { modes.mode($0) } ?? .check
    var count = 0
    skipWhitespace()
    if peek() == UInt8(ascii: "]") {
      advance()
      return
    }
    while true {
      skipWhitespace()
      if peek() == UInt8(ascii: "]") { throw error("trailing comma before ']'; remove the comma") }
      switch mode {
      case .decode:
        // Quotes go on in batches with their fields' positions; the other items stay for the
        // whole read, so they keep only where they start (`ItemLocation.reread`).
        if let collection {
          if collection == .quotes && decodeCommonQuote() {
            // Read without a tree of it: it has the usual shape.
          } else {
            decoder.itemOffset = collection == .quotes ? nil : bufferOffset + index
            decoder.decode(try parseValue(), as: collection, index: count)
          }
          decodedSinceBatch += 1
          if decodedSinceBatch >= DatasetFileReader.batchSize {
            decodedSinceBatch = 0
            let (located, diagnostics) = decoder.take()
            try body(located, diagnostics)
          }
        }
      case .check: _ = try parseValue()
      case .skip: try skipValue()
      }
      count += 1
      skipWhitespace()
      switch peek() {
      case UInt8(ascii: ","):
        advance()
      case UInt8(ascii: "]"):
        advance()
        return
      case nil:
        throw error(
          "unexpected end of file inside the array that starts at line \(start.line), column \(start.column); add the missing ']'"
        )
      default:
        throw error(
          "expected ',' or ']' after an element, found \(describeCurrent()); is a comma missing?")
      }
    }
  }
}

private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
