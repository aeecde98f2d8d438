import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// File steps of writing a store: a temporary name beside the target, fsync, rename into place.
enum StoreFiles {
  /// Marks temporary store files, so a stale one left by a killed build is recognisable.
  static let temporaryMarker = ".dateline-tmp-"

  static func temporaryPath(beside path: String) -> String {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    let name = url.lastPathComponent
    let suffix = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    return directory + "/." + name + temporaryMarker + suffix
  }

  static func syncFile(_ path: String) throws {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw StoreFileError(path: path, operation: "open") }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else { throw StoreFileError(path: path, operation: "fsync") }
  }

  /// Renames `temporary` over `path` (following a symlink at `path` to its target), then syncs
  /// the directory so the rename survives a crash.
  static func replace(_ path: String, with temporary: String) throws {
    let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map {
      $0.hasPrefix("/")
        ? $0 : URL(fileURLWithPath: path).deletingLastPathComponent().path + "/" + $0
    }
    let destination = target ?? path
    guard rename(temporary, destination) == 0 else {
      throw StoreFileError(path: destination, operation: "rename")
    }
    for suffix in ["-wal", "-shm", "-journal"] { remove(destination + suffix) }
    let directory = URL(fileURLWithPath: destination).deletingLastPathComponent().path
    let descriptor = open(directory, O_RDONLY)
    if descriptor >= 0 {
      _ = fsync(descriptor)
      close(descriptor)
    }
  }

  static func remove(_ path: String) {
    _ = unlink(path)
    for suffix in ["-wal", "-shm", "-journal"] { _ = unlink(path + suffix) }
  }
}

struct StoreFileError: Error, CustomStringConvertible {
  var path: String
  var operation: String
  var code = errno

  var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
}
