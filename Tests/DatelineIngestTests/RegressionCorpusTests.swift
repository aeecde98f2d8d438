import DatelineIngest
import DatelineModel
import Foundation
import Testing

/// Replays Tests/Regression/TARGET/* (inputs the fuzzers or bug reports found) through the
/// fuzz targets' oracles.
struct RegressionCorpusTests {
  static let root = TestPaths.repositoryRoot.appendingPathComponent("Tests/Regression")

  static func files(_ target: String) -> [URL] {
    let directory = root.appendingPathComponent(target)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.sorted().map { directory.appendingPathComponent($0) }
  }

  /// (The config folder is replayed by ConfigReaderTests, in the tests that can import the
  /// `dateline` executable's code.)
  @Test func everyTargetHasItsFolder() {
    for target in ["loader", "ingest", "quotebank", "config"] {
      #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(target).path))
    }
  }

  @Test func loaderInputsKeepTheirProperties() throws {
    for file in Self.files("loader") {
      let bytes = [UInt8](try Data(contentsOf: file))
      #expect(FuzzOracle.loader(bytes) == nil, "\(file.lastPathComponent)")
    }
  }

  @Test func ingestInputsKeepTheirProperties() throws {
    for file in Self.files("ingest") {
      let bytes = [UInt8](try Data(contentsOf: file))
      #expect(IngestOracle.check(bytes) == nil, "\(file.lastPathComponent)")
    }
  }

  @Test func quotebankInputsKeepTheirProperties() throws {
    for file in Self.files("quotebank") {
      let bytes = [UInt8](try Data(contentsOf: file))
      #expect(FuzzOracle.quotebank(bytes) == nil, "\(file.lastPathComponent)")
    }
  }
}
