import DatelineModel
import Foundation

/// A scratch directory for one test, under the system's temporary directory: removed by
/// `remove()`, or when the last reference to it goes. The one copy of the temp-dir setup the
/// test targets used to write each for themselves.
public final class ScratchDirectory: Sendable {
  public let url: URL

  /// `label` goes into the directory's name, to tell whose a leftover is.
  public init(_ label: String = "tests") throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("dateline-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { remove() }

  /// The path of `name` inside the directory.
  public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// Writes `text` (UTF-8) to `name`, creating the folders on the way; returns its path.
  @discardableResult
  public func write(_ name: String, _ text: String) throws -> String {
    try write(name, Array(text.utf8))
  }

  /// Writes `bytes` to `name`, creating the folders on the way; returns its path.
  @discardableResult
  public func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
    return file.path
  }

  /// Removes the directory and everything in it. A store's last connection may still be closing
  /// on another thread and write (then delete) its journal meanwhile, so that the directory is not
  /// yet empty when it is removed: then it tries again, a few times, a moment later.
  public func remove() {
    for attempt in 0..<5 {
      try? FileManager.default.removeItem(at: url)
      guard FileManager.default.fileExists(atPath: url.path) else { return }
      usleep(useconds_t(10_000 << attempt))
    }
  }

  /// Builds the store file `name` from `dataset`; returns its path and the timeline it answers.
  public func store(_ dataset: Dataset, name: String = "story.sqlite") throws -> (
    path: String, timeline: Timeline
  ) {
    let file = path(name)
    let builder = StoreBuilder(path: file)
    try builder.add(dataset)
    return (file, try builder.finish())
  }
}
