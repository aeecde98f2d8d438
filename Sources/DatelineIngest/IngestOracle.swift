import DatelineModel

/// The property the ingest fuzz target and the regression corpus check: for any bytes, either
/// ingest refuses them as not text, or the dataset it builds passes the model's checks, what it
/// would write validates, and its own check of what it writes says so too. Nil when that holds,
/// else what broke.
public enum IngestOracle {
  static let published = PublicationHeader.parseOption("2025-02-24")

  public static func check(_ bytes: [UInt8]) -> String? {
    guard case .success(let text) = TextDecoding.decode(bytes) else { return nil }
    let analysis = ArticleAnalysis(text: text, published: published)
    let builder: DatasetBuilder
    do {
      builder = try IngestRunner.buildDataset([(analysis, "fuzz.txt")], publisher: nil)
    } catch {
      return "ingest built a dataset the model refuses: \(error.diagnostics)"
    }
    let written = DatasetWriter.utf8(builder.dataset)
    let problems = DatasetLoader.problems(inFile: written, path: "fuzz.json")
    if !problems.isEmpty { return "ingest would write what validate refuses: \(problems)" }
    // Ingest decides on the value, not the bytes, whether it may write them: the two must agree.
    let decided = IngestRunner.writtenProblems(
      builder.dataset, bytes: written, path: "fuzz.json", isWholeDataset: true)
    if !decided.isEmpty { return "ingest's check refuses what validate accepts: \(decided)" }
    _ = IngestReport.json(for: analysis, file: "fuzz.txt")
    return nil
  }
}
