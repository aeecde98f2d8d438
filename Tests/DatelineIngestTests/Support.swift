import DatelineIngest
import DatelineModel
import DatelineTestSupport
import Foundation

/// Paths the tests read, derived from this file's location.
enum TestPaths {
  /// The repository root: Tests/DatelineIngestTests/Support.swift is three levels down.
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let corpus = repositoryRoot.appendingPathComponent("Tests/DatelineIngestTests/Corpus")
  /// The seed article lives next to the repository (../shared/seeds/), or in the folder that
  /// `DATELINE_SEEDS` names (for a worktree elsewhere).
  static let seed =
    (ProcessInfo.processInfo.environment["DATELINE_SEEDS"].map { URL(fileURLWithPath: $0) }
    ?? repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds"))
    .appendingPathComponent("000_18e010c6cd004529.txt")
  static let story = repositoryRoot.appendingPathComponent("data/seed-000.json")
  static var seedExists: Bool { FileManager.default.fileExists(atPath: seed.path) }
}

extension ArticleAnalysis {
  func quoteSpeakers() -> [String?] { quotes.map { speakerName($0) } }
  func people() -> [String] {
    actorEntities.filter { entities[$0].kind == .person }.map { entities[$0].name }
  }
  func dateValues() -> [String: String?] {
    Dictionary(
      dates.map { ($0.text, $0.resolved?.value.description) }, uniquingKeysWith: { a, _ in a })
  }
}

/// Runs the ingest command in-process and collects what it prints.
func runIngest(_ options: IngestOptions) -> (status: Int32, output: String, errors: String) {
  var output: [String] = []
  var errors: [String] = []
  let status = IngestRunner.run(
    options, output: { output.append($0) }, errors: { errors.append($0) })
  return (status, output.joined(separator: "\n"), errors.joined(separator: "\n"))
}
