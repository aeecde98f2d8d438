import DatelineTestSupport
import Foundation
import Testing

@testable import DatelineModel

/// Issue 11, items 6 and 7: writes go through links to their target, keep the mode, and leave
/// no temporary file behind (stale ones of dead processes are removed by the next write).
@Suite struct AtomicFileWriterTests {
  /// Removed with the suite's instance, when its one test is over.
  let scratch: ScratchDirectory
  var directory: String { scratch.url.path }

  init() throws {
    scratch = try ScratchDirectory("atomic")
  }

  func read(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  func names() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
  }

  func mode(_ path: String) -> mode_t {
    var info = stat()
    stat(path, &info)
    return info.st_mode & 0o7777
  }

  @Test func writesANewFileAndReplacesAnOldOne() throws {
    let path = directory + "/a.json"
    try AtomicFileWriter.write(Array("one".utf8), to: path)
    #expect(read(path) == "one")
    try AtomicFileWriter.write(Array("two".utf8), to: path)
    #expect(read(path) == "two")
    #expect(names() == ["a.json"])
  }

  @Test func writesThroughASymbolicLinkChainToItsTarget() throws {
    try FileManager.default.createDirectory(
      atPath: directory + "/real", withIntermediateDirectories: false)
    let target = directory + "/real/story.json"
    try AtomicFileWriter.write(Array("old".utf8), to: target)
    symlink("real/story.json", directory + "/link1.json")
    symlink(directory + "/link1.json", directory + "/link2.json")
    try AtomicFileWriter.write(Array("new".utf8), to: directory + "/link2.json")
    #expect(read(target) == "new")
    let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/link2.json")
    #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: directory + "/link1.json")
        == "real/story.json")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory + "/real") == ["story.json"])
  }

  @Test func aDanglingLinkGetsItsTargetCreated() throws {
    symlink("made.json", directory + "/dangling.json")
    try AtomicFileWriter.write(Array("x".utf8), to: directory + "/dangling.json")
    #expect(read(directory + "/made.json") == "x")
  }

  @Test func keepsThePermissionBits() throws {
    let path = directory + "/private.json"
    try AtomicFileWriter.write(Array("one".utf8), to: path)
    chmod(path, 0o600)
    try AtomicFileWriter.write(Array("two".utf8), to: path)
    #expect(mode(path) == 0o600)
    chmod(path, 0o640)
    try AtomicFileWriter.write(Array("three".utf8), to: path)
    #expect(mode(path) == 0o640)
  }

  /// The documented choice: the name written to gets the new content; other hard links keep
  /// the old one (an in-place edit could be left half-written).
  @Test func aHardLinkKeepsTheOldContent() throws {
    let path = directory + "/a.json"
    try AtomicFileWriter.write(Array("old".utf8), to: path)
    link(path, directory + "/b.json")
    try AtomicFileWriter.write(Array("new".utf8), to: path)
    #expect(read(path) == "new")
    #expect(read(directory + "/b.json") == "old")
  }

  @Test func refusesToReplaceADirectoryOrAFIFO() throws {
    try FileManager.default.createDirectory(
      atPath: directory + "/d.json", withIntermediateDirectories: false)
    #expect(throws: AtomicFileWriter.WriteError.self) {
      try AtomicFileWriter.write(Array("x".utf8), to: directory + "/d.json")
    }
    mkfifo(directory + "/f.json", 0o600)
    do {
      try AtomicFileWriter.write(Array("x".utf8), to: directory + "/f.json")
      Issue.record("wrote over a FIFO")
    } catch {
      #expect(error.message.contains("FIFO"))
    }
    #expect(names() == ["d.json", "f.json"])
  }

  @Test func removesStaleTemporaryFilesOfDeadProcessesOnly() throws {
    let path = directory + "/a.json"
    // A process that has exited: its id is free (until reused, which the test tolerates).
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/bin/true")
    try child.run()
    child.waitUntilExit()
    let dead = child.processIdentifier
    let live = getppid()
    let stale = directory + "/.a.json.dateline-tmp-\(dead)"
    let staleSecond = directory + "/.a.json.dateline-tmp-\(dead)-2"
    let running = directory + "/.a.json.dateline-tmp-\(live)"
    let other = directory + "/.b.json.dateline-tmp-\(dead)"
    for file in [stale, staleSecond, running, other] {
      _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
    }
    try AtomicFileWriter.write(Array("one".utf8), to: path)
    #expect(!FileManager.default.fileExists(atPath: stale))
    #expect(!FileManager.default.fileExists(atPath: staleSecond))
    #expect(FileManager.default.fileExists(atPath: running))
    #expect(FileManager.default.fileExists(atPath: other))
  }

  @Test func recognisesItsOwnTemporaryNames() {
    #expect(AtomicFileWriter.owner(ofTemporary: ".a.json.dateline-tmp-123", name: "a.json") == 123)
    #expect(
      AtomicFileWriter.owner(ofTemporary: ".a.json.dateline-tmp-123-4", name: "a.json") == 123)
    #expect(AtomicFileWriter.owner(ofTemporary: ".a.json.dateline-tmp-x", name: "a.json") == nil)
    #expect(AtomicFileWriter.owner(ofTemporary: ".a.json.dateline-tmp-12x", name: "a.json") == nil)
    #expect(AtomicFileWriter.owner(ofTemporary: "a.json", name: "a.json") == nil)
  }

  @Test func discardingLeavesTheTargetAndNoTemporaryFile() throws {
    let path = directory + "/a.json"
    try AtomicFileWriter.write(Array("old".utf8), to: path)
    let writer = try AtomicFileWriter(path: path)
    try writer.append(Array("half".utf8))
    #expect(FileManager.default.fileExists(atPath: writer.temporaryPath))
    writer.discard()
    #expect(read(path) == "old")
    #expect(names() == ["a.json"])
  }
}
