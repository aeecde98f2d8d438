import DatelineTestSupport
import Foundation
import Testing

/// The benchmark is a program, not a timed test: these check only that it runs and prints the
/// figures the README quotes, never how fast anything was. The sizes are tiny (a debug build
/// ingests the default 1 MB pathological shapes in minutes).
struct BenchmarkProgramTests {
  @Test func ingestBenchmarkPrintsEveryFigure() throws {
    let result = try CLI.run(
      ["ingest", "--megabytes", "0.01", "--runs", "1", "--shape-megabytes", "0.001"],
      program: "dateline-bench")
    #expect(result.status == 0, "\(result.stderr)")
    let output = result.stdout
    for figure in [
      "test corpus and seed:", "extraction:", "plain scan:",
      "of which splitting into tokens, quotes and sentences:", "whole ingest (extraction, dataset",
      "ratio: extraction takes", "target 5 MB/s: extraction", "pathological inputs",
      "newlines only", "doubling: x",
    ] {
      #expect(output.contains(figure), "missing '\(figure)' in:\n\(output)")
    }
    #expect(output.contains("MB/s median CPU time"))
  }

  @Test func ingestBenchmarkTakesArticleFiles() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let article = try scratch.write(
      "a.txt", "date 2025-02-24\n\n\"We will meet on Thursday,\" the minister said.\n")
    let result = try CLI.run(
      [
        "ingest", "--megabytes", "0.001", "--runs", "1", "--shape-megabytes", "0.001", article,
      ],
      program: "dateline-bench")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("1 file per run"))
    #expect(!result.stdout.contains("test corpus"))
  }

  @Test func unreadableArticleIsNamedAndExitsOne() throws {
    let result = try CLI.run(
      ["ingest", "--runs", "1", "no-such-article.txt"], program: "dateline-bench")
    #expect(result.status == 1)
    #expect(result.stderr.contains("no-such-article.txt"))
    #expect(result.stdout.isEmpty)
  }
}
