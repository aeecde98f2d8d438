/// Properties that must hold for any input, checked by the fuzz targets (Fuzz/Targets) and by
/// the regression corpus that `swift test` replays (Tests/Regression). Each returns nil when
/// the property holds, else what broke.
public enum FuzzOracle {
  /// The dataset loader on one file's bytes: what validates also loads and builds; what loads
  /// writes and reloads to the same dataset; extension fields written back are all kept and
  /// change nothing else.
  public static func loader(_ bytes: [UInt8], buildTimeline: Bool = true) -> String? {
    guard DatasetLoader.problems(inFile: bytes, path: "fuzz.json").isEmpty else { return nil }
    let dataset: Dataset
    do {
      dataset = try DatasetLoader.load(
        json: String(decoding: bytes, as: UTF8.self), path: "fuzz.json")
    } catch {
      return "validated but did not load: \(error.diagnostics)"
    }
    do {
      try Timeline.check(dataset)
      if buildTimeline && dataset.events.count + dataset.quotes.count <= 8 {
        _ = try Timeline(dataset: dataset)
      }
    } catch {
      return "validated but the timeline refused it: \(error.diagnostics)"
    }
    let written = DatasetWriter.utf8(dataset)
    guard let again = try? DatasetLoader.load(json: String(decoding: written, as: UTF8.self)),
      again == dataset
    else { return "written and reloaded, the dataset differs" }
    let extensions = DatasetExtensions.scan(bytes)
    let kept = DatasetWriter.utf8(dataset, keeping: extensions)
    guard let reloaded = try? DatasetLoader.load(json: String(decoding: kept, as: UTF8.self)),
      reloaded == dataset
    else { return "written with its extension fields, it no longer loads the same" }
    let count = DatasetExtensions.scan(kept).count
    guard count == extensions.count else {
      return "extension fields lost: \(extensions.count) before, \(count) after"
    }
    return nil
  }

  /// One Quotebank line: a record that parses maps to a dataset the model accepts.
  public static func quotebank(_ bytes: [UInt8]) -> String? {
    guard
      case .some(.some(let record)) = try? QuotebankRecord.parse(
        bytes, path: "fuzz.jsonl", lineNumber: 1)
    else { return nil }
    // One line: a small filter of quoteIDs, not the import's 4 MB for every input.
    var mapper = SeenQuoteIDs.$filterBitCountLog2.withValue(10) { QuotebankMapper() }
    _ = mapper.add(record)
    do { try Timeline.check(mapper.takeChunk()) } catch {
      return "a parsed Quotebank line mapped to a dataset the model refuses: \(error.diagnostics)"
    }
    return nil
  }
}
