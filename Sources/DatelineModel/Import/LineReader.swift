#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file (or standard input) one line at a time through a buffer of fixed size, so memory
/// stays the same however long the file is: only the longest line has to fit.
public final class LineReader {
  /// A line longer than this is an error rather than a reason to grow without bound.
  public static let maximumLineLength = 64 * 1024 * 1024

  /// The path as given ("<stdin>" for standard input, "-"); what diagnostics name.
  public let path: String
  /// Bytes read from the file so far.
  public private(set) var bytesRead = 0
  /// Number of the line `next()` returned last (1-based).
  public private(set) var lineNumber = 0
  /// The size of the file when it is a regular file (for progress), else nil.
  public let totalBytes: Int?

  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private var buffer: [UInt8]
  private var start = 0
  private var end = 0
  private var atEndOfFile = false

  /// Opens `path`, or standard input for "-".
  public init(path: String, bufferSize: Int = 1 << 20) throws(DatasetLoadError) {
    self.path = path == "-" ? "<stdin>" : path
    if path == "-" {
      descriptor = 0
      ownsDescriptor = false
    } else {
      let opened = open(path, O_RDONLY)
      guard opened >= 0 else {
        let reason =
          errno == ENOENT ? "no such file" : "cannot open the file (\(Self.describe(errno)))"
        throw DatasetLoadError(diagnostics: [
          Diagnostic(path: path, line: 1, column: 1, message: "\(reason); check the path")
        ])
      }
      descriptor = opened
      ownsDescriptor = true
    }
    var status = stat()
    if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG {
      totalBytes = Int(status.st_size)
    } else {
      totalBytes = nil
    }
    buffer = [UInt8](repeating: 0, count: max(bufferSize, 16))
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  static func describe(_ code: Int32) -> String {
    String(cString: strerror(code))
  }

  /// The bytes that start the file, up to `count`, without consuming them (for detection).
  public func peek(_ count: Int) throws(DatasetLoadError) -> [UInt8] {
    while end - start < count && !atEndOfFile {
      try fill()
    }
    return Array(buffer[start..<min(end, start + count)])
  }

  /// The next line without its line break (`\n` or `\r\n`), or nil at the end of the file.
  /// `terminated` is false for a last line that has no line break (a file cut short, or one
  /// written without a final newline).
  public func next() throws(DatasetLoadError) -> (bytes: [UInt8], terminated: Bool)? {
    var searchFrom = start
    while true {
      if let newline = Self.find(UInt8(ascii: "\n"), in: buffer, from: searchFrom, to: end) {
        var lineEnd = newline
        if lineEnd > start && buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        let line = Array(buffer[start..<lineEnd])
        start = newline + 1
        lineNumber += 1
        return (line, true)
      }
      if atEndOfFile {
        guard end > start else { return nil }
        let line = Array(buffer[start..<end])
        start = end
        lineNumber += 1
        return (line, false)
      }
      searchFrom = end
      let before = start
      try fill()
      searchFrom -= before - start  // the buffer may have been compacted
    }
  }

  private static func find(_ byte: UInt8, in buffer: [UInt8], from: Int, to: Int) -> Int? {
    guard from < to else { return nil }
    return buffer.withUnsafeBufferPointer { pointer -> Int? in
      guard let base = pointer.baseAddress,
        let found = memchr(base + from, Int32(byte), to - from)
      else { return nil }
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
  }

  /// Reads more bytes: moves what is left to the front, grows the buffer only when one line
  /// fills it.
  private func fill() throws(DatasetLoadError) {
    if start > 0 {
      if end > start {
        buffer.withUnsafeMutableBufferPointer { pointer in
          guard let base = pointer.baseAddress else { return }
          memmove(base, base + start, end - start)
        }
      }
      end -= start
      start = 0
    }
    if end == buffer.count {
      guard buffer.count < Self.maximumLineLength else {
        throw DatasetLoadError(diagnostics: [
          Diagnostic(
            path: path, line: lineNumber + 1, column: 1,
            message:
              "a line longer than \(Self.maximumLineLength / 1024 / 1024) MB; is this JSON Lines (one object per line)?"
          )
        ])
      }
      buffer += [UInt8](repeating: 0, count: buffer.count)
    }
    while true {
      let count = buffer.withUnsafeMutableBufferPointer { pointer in
        read(descriptor, pointer.baseAddress! + end, pointer.count - end)
      }
      if count > 0 {
        end += count
        bytesRead += count
        return
      }
      if count == 0 {
        atEndOfFile = true
        return
      }
      if errno == EINTR { continue }
      throw DatasetLoadError(diagnostics: [
        Diagnostic(
          path: path, line: lineNumber + 1, column: 1,
          message: "cannot read the input (\(Self.describe(errno)))")
      ])
    }
  }
}
