import DatelineTestSupport
import Foundation
import GRDB
import Testing

@testable import DatelineModel

/// Store files: keyed by their input files, rebuilt when stale, corrupt or foreign; never a crash.
@Suite struct StoreCacheTests {
  /// A fresh temporary directory holding `data/` with one dataset file.
  static func workspace(seed: UInt64 = 5) throws -> (
    scratch: ScratchDirectory, directory: String, data: String
  ) {
    let scratch = try ScratchDirectory("store")
    try scratch.write("data/a.json", DatasetWriter.json(RandomDataset.make(seed: seed, quotes: 30)))
    return (scratch, scratch.url.path, scratch.path("data"))
  }

  @Test func cacheDirectoryFollowsXDGThenHome() {
    #expect(
      TimelineCache.directory(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/dateline")
    #expect(TimelineCache.directory(environment: ["HOME": "/h"]) == "/h/.cache/dateline")
    #expect(
      TimelineCache.directory(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"])
        == "/h/.cache/dateline")
    #expect(TimelineCache.directory(environment: [:]) == nil)
  }

  @Test func keyNamesEveryFileWithSizeAndTimeAndTheVersions() throws {
    let (scratch, _, data) = try Self.workspace()
    defer { scratch.remove() }
    let (key, bytes) = try TimelineCache.inputKey(dataPath: data)
    #expect(key.hasPrefix("dateline-store/\(StoreSchema.version) dateline/1\n"))
    #expect(key.contains("/data/a.json\t\(bytes)\t"))
    #expect(
      TimelineCache.storePath(forKey: key, in: "/c")
        != TimelineCache.storePath(forKey: key + "x", in: "/c"))
    #expect(TimelineCache.storePath(forKey: key, in: "/c").hasPrefix("/c/store-"))
  }

  @Test func builtOnceThenOpenedThenRebuiltWhenStale() throws {
    let (scratch, directory, data) = try Self.workspace()
    defer { scratch.remove() }
    let store = directory + "/story.sqlite"
    let first = try TimelineCache.timeline(dataPath: data, store: store, environment: [:])
    #expect(first.outcome == .built(store))
    #expect(first.timeline.storePath == store)
    let reference = try Timeline(path: data)
    #expect(Array(first.timeline.quotes) == Array(reference.quotes))
    let second = try TimelineCache.timeline(dataPath: data, store: store, environment: [:])
    #expect(second.outcome == .opened(store))
    #expect(Array(second.timeline.events) == Array(reference.events))

    // A new file in the directory makes the store stale.
    try DatasetWriter.json(Dataset()).write(
      toFile: data + "/b.json", atomically: true, encoding: .utf8)
    let third = try TimelineCache.timeline(dataPath: data, store: store, environment: [:])
    #expect(third.outcome == .built(store))
    // So does an edited one.
    try DatasetWriter.json(RandomDataset.make(seed: 6, quotes: 10)).write(
      toFile: data + "/a.json", atomically: true, encoding: .utf8)
    let fourth = try TimelineCache.timeline(dataPath: data, store: store, environment: [:])
    #expect(fourth.outcome == .built(store))
    #expect(fourth.timeline.quotes.count == 10)
    // No temporary files are left beside the store.
    let left = try FileManager.default.contentsOfDirectory(atPath: directory)
    #expect(!left.contains { $0.contains(StoreFiles.temporaryMarker) })
  }

  @Test func aStoreBuildReportsItsProgressToTheEnd() throws {
    let (scratch, directory, data) = try Self.workspace()
    defer { scratch.remove() }
    let heard = Locked<[ImportProgress]>([])
    let built = try TimelineCache.timeline(
      dataPath: data, store: directory + "/story.sqlite", environment: [:],
      progress: { step in heard.withLock { $0.append(step) } })
    #expect(built.timeline.quotes.count == 30)
    let steps = heard.withLock { $0 }
    let phases = steps.map(\.phase).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
    #expect(phases == ["checking the data", "building the store", "indexing the store"])
    let bytes = try TimelineCache.inputKey(dataPath: data).bytes
    #expect(steps.allSatisfy { $0.bytesTotal == bytes && $0.bytesDone <= bytes })
    #expect(steps.last?.bytesDone == bytes)
    #expect(steps.last?.quotes == 30)
    // Opening the built store again has nothing to report.
    heard.withLock { $0 = [] }
    _ = try TimelineCache.timeline(
      dataPath: data, store: directory + "/story.sqlite", environment: [:],
      progress: { step in heard.withLock { $0.append(step) } })
    #expect(heard.withLock { $0 }.isEmpty)
  }

  @Test(arguments: ["garbage", "empty", "foreign", "truncated", "version"])
  func corruptOrForeignStoresAreRebuiltNeverTrusted(kind: String) throws {
    let (scratch, directory, data) = try Self.workspace()
    defer { scratch.remove() }
    let store = directory + "/story.sqlite"
    _ = try TimelineCache.timeline(dataPath: data, store: store, environment: [:])
    switch kind {
    case "garbage":
      try Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(
        to: URL(fileURLWithPath: store))
    case "empty":
      try Data().write(to: URL(fileURLWithPath: store))
    case "truncated":
      let bytes = try Data(contentsOf: URL(fileURLWithPath: store))
      try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: store))
    case "foreign":
      try FileManager.default.removeItem(atPath: store)
      let other = StoreBuilder(path: store)
      _ = try other.finish()
      // Another application's table of the same name.
      let queue = try DatabaseQueue(path: store)
      try queue.write { db in
        try db.execute(sql: "UPDATE meta SET value = 'other' WHERE key = 'application'")
      }
    default:
      let queue = try DatabaseQueue(path: store)
      try queue.write { db in
        try db.execute(sql: "UPDATE meta SET value = '0' WHERE key = 'store_version'")
      }
    }
    #expect(throws: DatasetLoadError.self) { _ = try Timeline(storePath: store) }
    let rebuilt = try TimelineCache.timeline(dataPath: data, store: store, environment: [:])
    #expect(rebuilt.outcome == .built(store))
    #expect(rebuilt.timeline.quotes.count == 30)
  }

  @Test func largeDatasetsGoToTheCacheDirectorySmallOnesToMemory() throws {
    let (scratch, directory, data) = try Self.workspace()
    defer { scratch.remove() }
    let environment = ["XDG_CACHE_HOME": directory + "/cache"]
    let small = try TimelineCache.timeline(dataPath: data, environment: environment)
    #expect(small.outcome == .memory)
    #expect(small.timeline.storePath == nil)
    let large = try TimelineCache.timeline(
      dataPath: data, environment: environment, memoryLimit: 10)
    guard case .built(let path) = large.outcome else {
      Issue.record("expected a built store, got \(large.outcome)")
      return
    }
    #expect(path.hasPrefix(directory + "/cache/dateline/store-"))
    let again = try TimelineCache.timeline(
      dataPath: data, environment: environment, memoryLimit: 10)
    #expect(again.outcome == .opened(path))
    // An unwritable cache directory is no failure: the timeline is built in memory.
    let blocked = ["XDG_CACHE_HOME": data + "/a.json"]
    let fallback = try TimelineCache.timeline(dataPath: data, environment: blocked, memoryLimit: 10)
    #expect(fallback.outcome == .memory)
  }

  @Test func missingStoreFileIsAnError() {
    #expect(throws: DatasetLoadError.self) { _ = try Timeline(storePath: "/nonexistent/x.sqlite") }
  }
}
