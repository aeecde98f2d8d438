#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads files that must be regular files: a FIFO, a socket or a device is refused at once
/// (the file is opened with O_NONBLOCK and checked with `fstat` before any read, so nothing
/// blocks), and a directory, a link to one, or a file the kernel will not read (`/proc/self/mem`)
/// is named for what it is rather than read as empty.
public enum RegularFile {
  /// Why a path could not be read, in words that complete "PATH: error: ...".
  public struct Problem: Error, Sendable, Equatable {
    public var message: String
    /// True when the path names no file at all.
    public var isMissing = false
  }

  /// What a path is, following symbolic links: nil when it does not exist.
  public static func kind(of path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & S_IFMT
  }

  /// "a FIFO (named pipe)", "a symbolic link to a directory", ...: what `path` is.
  public static func describe(_ path: String) -> String {
    var link = stat()
    let isLink = lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
    guard let kind = kind(of: path) else {
      return isLink ? "a symbolic link to nothing (its target does not exist)" : "nothing"
    }
    let described = FileKind.describe(mode: kind)
    return isLink ? "a symbolic link to \(described)" : described
  }

  /// The whole content of the regular file at `path`, or why not. With `limit`, a larger file
  /// is refused with `tooLarge(limit)`'s message once `limit + 1` bytes are read.
  public static func read(
    _ path: String, limit: Int? = nil,
    tooLarge: (Int) -> String = {
      "the file is larger than \($0) bytes"
    }
  ) -> Result<[UInt8], Problem> {
    let fd: Int32
    let info: stat
    switch openForReading(path) {
    case .success(let opened): (fd, info) = opened
    case .failure(let problem): return .failure(problem)
    }
    defer { close(fd) }
    let cap = limit.map { $0 + 1 } ?? Int.max
    var bytes: [UInt8] = []
    let expected = Int(info.st_size)
    if expected > 0 { bytes.reserveCapacity(min(expected, cap)) }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while bytes.count < cap {
      let wanted = min(chunk.count, cap - bytes.count)
      let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, wanted) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(
          Problem(message: "cannot read the file: \(String(cString: strerror(errno)))"))
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    if let limit, bytes.count > limit { return .failure(Problem(message: tooLarge(limit))) }
    return .success(bytes)
  }
}

extension RegularFile {
  /// Opens the regular file at `path` for reading (the caller closes the descriptor), with its
  /// `fstat`; or why not, in the words `read` uses.
  public static func openForReading(_ path: String) -> Result<(Int32, stat), Problem> {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else {
      let code = errno
      if code == ENOENT {
        return .failure(
          Problem(
            message: kind(of: path) == nil && describe(path).hasPrefix("a symbolic link")
              ? "is a symbolic link to nothing (its target does not exist)"
              : "no such file or directory",
            isMissing: true))
      }
      if code == ENXIO {  // a FIFO or socket with nobody on the other end
        return .failure(Problem(message: "is \(describe(path)), not a regular file"))
      }
      return .failure(Problem(message: "cannot open the file: \(String(cString: strerror(code)))"))
    }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let problem = Problem(message: "cannot read the file: \(String(cString: strerror(errno)))")
      close(fd)
      return .failure(problem)
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      close(fd)
      return .failure(Problem(message: "is \(describe(path)), not a regular file"))
    }
    // Regular files never block; clear O_NONBLOCK anyway so reads behave as usual.
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    return .success((fd, info))
  }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
