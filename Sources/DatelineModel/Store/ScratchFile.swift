import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A temporary file for what outgrows memory during a build (sorted runs of quote id hashes, of
/// staged quotes), written at its end and read back anywhere. It is unlinked as soon as it is
/// made, so it goes away with its descriptor, whatever happens to the process.
final class ScratchFile {
  private let descriptor: Int32
  /// Bytes written so far: where the next `append` goes.
  private(set) var size = 0

  /// A new empty file in the temporary directory, named after `name`; nil when none can be made
  /// (the caller then keeps its data in memory).
  init?(name: String) {
    var template = Array((NSTemporaryDirectory() + "/dateline-\(name)-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return nil }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    self.descriptor = descriptor
  }

  deinit { close(descriptor) }

  /// Writes `bytes` at the end of the file and returns where they start; nil when they could
  /// not all be written (a full disk): the file's size is then unchanged.
  func append(_ bytes: UnsafeRawBufferPointer) -> Int? {
    var done = 0
    while done < bytes.count {
      let result = pwrite(
        descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(size + done))
      if result < 0 && errno == EINTR { continue }
      if result <= 0 { return nil }
      done += result
    }
    let start = size
    size += bytes.count
    return start
  }

  /// Fills `destination` with the bytes at `offset`; a message when they cannot be read.
  func read(into destination: UnsafeMutableRawBufferPointer, at offset: Int) -> String? {
    var done = 0
    while done < destination.count {
      let result = pread(
        descriptor, destination.baseAddress! + done, destination.count - done,
        off_t(offset + done))
      if result < 0 && errno == EINTR { continue }
      if result <= 0 {
        return result < 0 ? String(cString: strerror(errno)) : "it is shorter than written"
      }
      done += result
    }
    return nil
  }
}
