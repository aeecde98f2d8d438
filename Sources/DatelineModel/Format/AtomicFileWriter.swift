#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a file so that readers see either the old content or the new, never a part.
///
/// - The new content goes to a temporary file beside the *target*: when `path` is a symbolic
///   link (or a chain of them), the file it points to is replaced and the link stays a link.
/// - The temporary file is named `.NAME.dateline-tmp-PID` (`-PID-N` when that is taken), so a
///   later write to the same target recognises leftovers of a process that died (even of
///   `kill -9`) and removes them; files of a process that is still running are left alone.
/// - It is removed when SIGINT, SIGTERM or SIGHUP arrives during the write (the signal then
///   does what it did before, normally ending the process).
/// - The replaced file's permission bits are kept (a 0600 dataset stays 0600), and its owner
///   and group when the process may set them; a new file gets 0666 less the umask.
/// - The data is flushed to disk (`fsync`) before the rename, and the directory after it.
/// - A file with several hard links is replaced, not edited in place: the name written to gets
///   the new content, the other links keep the old one. Editing in place could leave a
///   half-written file, which is what this type exists to prevent.
///
/// Use `write(_:to:)` for bytes in memory; for content produced in pieces (or written by a
/// library such as SQLite to a path), create a writer, `append` or write to `temporaryPath`,
/// then `commit()`; `discard()` (or dropping an uncommitted writer) removes the temporary file.
public final class AtomicFileWriter {
  /// A write that failed: the path and what went wrong, ready for `PATH: error: MESSAGE`.
  public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): error: \(message)" }
  }

  /// The path given, the file actually replaced (symbolic links followed) and the temporary
  /// file the content goes to until `commit`.
  public let path: String
  public let targetPath: String
  public let temporaryPath: String
  private var descriptor: Int32
  private var finished = false
  private var slot: TemporaryFiles.Registration

  /// Writes `bytes` to `path` atomically.
  public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
    let writer = try AtomicFileWriter(path: path)
    do {
      try writer.append(bytes)
      try writer.commit()
    } catch {
      writer.discard()
      throw error
    }
  }

  /// Starts a write: resolves links, removes stale temporary files of this target, and creates
  /// the temporary file.
  public init(path: String) throws(WriteError) {
    self.path = path
    let target = try Self.resolveLinks(path)
    targetPath = target
    var existing = stat()
    let exists = stat(target, &existing) == 0
    if exists && (existing.st_mode & S_IFMT) != S_IFREG {
      throw WriteError(
        path: path,
        message:
          "cannot replace \(FileKind.describe(mode: existing.st_mode)) with a dataset; give the path of a file"
      )
    }
    let (directory, name) = Self.split(target)
    Self.removeStaleTemporaries(directory: directory, name: name)
    var attempt = 1
    var candidate = ""
    var fd: Int32 = -1
    // Registered before the file exists, so a signal between open and registration can't
    // leave it behind.
    slot = .none
    while true {
      candidate =
        directory + "/." + name + ".dateline-tmp-\(getpid())" + (attempt > 1 ? "-\(attempt)" : "")
      slot = TemporaryFiles.register(candidate)
      fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if fd >= 0 { break }
      let code = errno
      TemporaryFiles.unregister(slot)
      if code == EEXIST && attempt < 1000 {
        attempt += 1
        continue
      }
      throw WriteError(
        path: path,
        message:
          "cannot create a temporary file in \(directory): \(String(cString: strerror(code)))")
    }
    temporaryPath = candidate
    descriptor = fd
    if exists {
      _ = fchown(fd, existing.st_uid, existing.st_gid)
      _ = fchmod(fd, existing.st_mode & 0o7777)
    }
  }

  deinit {
    if !finished { discard() }
  }

  /// Appends bytes to the temporary file.
  public func append(_ bytes: [UInt8]) throws(WriteError) {
    var failure: WriteError?
    bytes.withUnsafeBytes { buffer in
      do throws(WriteError) { try append(buffer) } catch { failure = error }
    }
    if let failure { throw failure }
  }

  /// Appends raw bytes to the temporary file.
  public func append(_ buffer: UnsafeRawBufferPointer) throws(WriteError) {
    guard !finished, descriptor >= 0 else {
      throw WriteError(path: path, message: "the write was already finished")
    }
    var offset = 0
    while offset < buffer.count {
      let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        throw WriteError(path: path, message: "cannot write: \(String(cString: strerror(errno)))")
      }
      offset += written
    }
  }

  /// Flushes the temporary file to disk and renames it over the target.
  public func commit() throws(WriteError) {
    guard !finished else { throw WriteError(path: path, message: "the write was already finished") }
    if descriptor >= 0 {
      if fsync(descriptor) != 0 && errno != EINVAL {
        let message = String(cString: strerror(errno))
        discard()
        throw WriteError(path: path, message: "cannot flush to disk: \(message)")
      }
      close(descriptor)
      descriptor = -1
    }
    if rename(temporaryPath, targetPath) != 0 {
      let message = String(cString: strerror(errno))
      discard()
      throw WriteError(path: path, message: "cannot replace the file: \(message)")
    }
    finished = true
    TemporaryFiles.unregister(slot)
    let directory = open(Self.split(targetPath).directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if directory >= 0 {
      _ = fsync(directory)
      close(directory)
    }
  }

  /// Abandons the write: the temporary file is removed, the target untouched.
  public func discard() {
    if descriptor >= 0 {
      close(descriptor)
      descriptor = -1
    }
    if !finished { unlink(temporaryPath) }
    finished = true
    TemporaryFiles.unregister(slot)
  }

  /// The directory and the name of a path (`.` for a bare name).
  static func split(_ path: String) -> (directory: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let directory = String(path[..<slash])
    return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
  }

  /// Follows symbolic links (relative ones from their own directory) to the file they name,
  /// which need not exist yet.
  static func resolveLinks(_ path: String) throws(WriteError) -> String {
    var current = path
    for _ in 0..<40 {
      var info = stat()
      guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(current, &buffer, buffer.count - 1)
      guard count > 0 else { return current }
      let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = link.hasPrefix("/") ? link : split(current).directory + "/" + link
    }
    throw WriteError(path: path, message: "too many levels of symbolic links")
  }

  /// The process id a temporary file of `name` belongs to, or nil when it is not one of ours.
  static func owner(ofTemporary file: String, name: String) -> pid_t? {
    let prefix = "." + name + ".dateline-tmp-"
    guard file.hasPrefix(prefix) else { return nil }
    let rest = file.dropFirst(prefix.count)
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, let pid = pid_t(digits) else { return nil }
    let suffix = rest.dropFirst(digits.count)
    guard suffix.isEmpty || (suffix.first == "-" && suffix.dropFirst().allSatisfy(\.isNumber))
    else { return nil }
    return pid
  }

  /// Removes temporary files left beside `name` by processes that no longer run.
  public static func removeStaleTemporaries(directory: String, name: String) {
    guard let handle = opendir(directory) else { return }
    defer { closedir(handle) }
    var stale: [String] = []
    while let entry = readdir(handle) {
      let file = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard let pid = owner(ofTemporary: file, name: name), pid != getpid() else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH { stale.append(file) }
    }
    for file in stale { unlink(directory + "/" + file) }
  }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}

/// Kinds of file, in words, for messages ("a FIFO (named pipe)").
public enum FileKind {
  public static func describe(mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFREG: "a regular file"
    case S_IFDIR: "a directory"
    case S_IFIFO: "a FIFO (named pipe)"
    case S_IFSOCK: "a socket"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFLNK: "a symbolic link"
    default: "not a regular file"
    }
  }
}
