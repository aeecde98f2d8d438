import DatelineModel
import Foundation

/// What `dateline ingest` was asked to do.
public struct IngestOptions: Sendable, Equatable {
  public var files: [String]
  public var published: String?
  public var sourceName: String?
  public var output: String?
  public var merge: String?
  public var force = false
  public var report = false
  public var json = false

  public init(
    files: [String], published: String? = nil, sourceName: String? = nil, output: String? = nil,
    merge: String? = nil, force: Bool = false, report: Bool = false, json: Bool = false
  ) {
    self.files = files
    self.published = published
    self.sourceName = sourceName
    self.output = output
    self.merge = merge
    self.force = force
    self.report = report
    self.json = json
  }
}

/// Runs `dateline ingest`: reads articles, extracts, reports, and writes the dataset atomically.
/// Exit codes: 0 ok, 1 bad input (missing or unusable file, no publication date, existing
/// output without --force), 2 usage (no files, a malformed option).
public enum IngestRunner {
  public static let ok: Int32 = 0
  public static let badInput: Int32 = 1
  public static let usage: Int32 = 2
  static let maximumArticleSize = 32 * 1024 * 1024

  public static func run(
    _ options: IngestOptions, output: (String) -> Void, errors: (String) -> Void
  ) -> Int32 {
    guard !options.files.isEmpty else {
      errors(
        "dateline ingest: give at least one article file: dateline ingest FILE... [--published DATE]"
      )
      return usage
    }
    if options.json && !options.report {
      errors("dateline ingest: --json goes with --report (dateline ingest FILE --report --json)")
      return usage
    }
    var published: PublicationHeader?
    if let text = options.published {
      guard let parsed = PublicationHeader.parseOption(text) else {
        errors(
          "dateline ingest: --published '\(IngestReport.safe(text))' is not a date; write it like 2025-02-24 or 2025-02-24T16:19:00-05:00"
        )
        return usage
      }
      published = parsed
    }
    var analyses: [(ArticleAnalysis, String)] = []
    for file in options.files {
      let shown = IngestReport.safe(file)
      let bytes: [UInt8]
      switch RegularFile.read(
        file, limit: maximumArticleSize,
        tooLarge: { "the file is larger than \($0 / 1024 / 1024) MB; split it into articles" })
      {
      case .success(let read):
        bytes = read
      case .failure(let problem):
        if problem.isMissing {
          errors("\(shown): error: no such file; check the path of the article to ingest")
        } else if RegularFile.kind(of: file) == S_IFDIR {
          errors(
            "\(shown): error: is \(RegularFile.describe(file)); pass the article files themselves (for example \(shown)/*.txt)"
          )
        } else {
          errors("\(shown): error: \(IngestReport.safe(problem.message))")
        }
        return badInput
      }
      let text: String
      switch TextDecoding.decode(bytes) {
      case .success(let decoded): text = decoded
      case .failure(let problem):
        errors("\(shown): error: \(problem.message); nothing was written")
        return badInput
      }
      let analysis = ArticleAnalysis(text: text, published: published)
      guard analysis.publication != nil else {
        errors(
          "\(shown):1:1: error: no publication date: the article has no dateline header (such as 'date 2025-02-24' or 'Published February 24, 2025') and no --published was given; pass --published YYYY-MM-DD"
        )
        return badInput
      }
      analyses.append((analysis, file))
    }
    if options.report {
      for (analysis, file) in analyses {
        output(
          options.json
            ? IngestReport.json(for: analysis, file: file)
            : IngestReport.text(for: analysis, file: file))
      }
    }
    var existing: Dataset?
    var mergeIsDirectory = false
    var extensions = DatasetExtensions()
    if let merge = options.merge {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: merge, isDirectory: &isDirectory) else {
        errors(
          "\(IngestReport.safe(merge)): error: no such dataset to merge into; check the path or drop --merge"
        )
        return badInput
      }
      mergeIsDirectory = isDirectory.boolValue
      do {
        existing = try DatasetLoader.load(path: merge)
        // Fields the tool does not own ($schema, _comments) go back where they were.
        if !mergeIsDirectory, case .success(let bytes) = RegularFile.read(merge) {
          extensions = DatasetExtensions.scan(bytes)
        }
      } catch {
        for diagnostic in error.diagnostics { errors(IngestReport.safe(diagnostic.description)) }
        errors(
          "dateline ingest: fix the dataset \(IngestReport.safe(merge)) before merging into it")
        return badInput
      }
    }
    // An article already in the dataset (same title and publication time) is skipped, or
    // replaced with --force: merging the same article twice never duplicates it.
    if let merge = options.merge, var dataset = existing {
      var kept: [(ArticleAnalysis, String)] = []
      for (analysis, file) in analyses {
        guard
          let source = DatasetBuilder.existingSource(
            in: dataset, for: analysis, file: file, publisher: options.sourceName)
        else {
          kept.append((analysis, file))
          continue
        }
        if options.force {
          dataset = DatasetBuilder.removing(source: source.id, from: dataset)
          errors(
            "\(IngestReport.safe(file)): already in \(IngestReport.safe(merge)) as source '\(IngestReport.safe(source.id))'; replacing it (--force)"
          )
          kept.append((analysis, file))
        } else {
          errors(
            "\(IngestReport.safe(file)): already in \(IngestReport.safe(merge)) as source '\(IngestReport.safe(source.id))' (same title and publication time); skipped; pass --force to replace it"
          )
        }
      }
      guard !kept.isEmpty else { return ok }
      analyses = kept
      existing = dataset
    }
    let builder: DatasetBuilder
    // A file that holds the whole dataset is checked once, as it will be written (below), with
    // every check of the model: checking it here first would do it twice.
    let writesWholeDataset = options.output != nil || (options.merge != nil && !mergeIsDirectory)
    do {
      builder = try buildDataset(
        analyses, into: existing, publisher: options.sourceName, checked: !writesWholeDataset)
    } catch {
      for diagnostic in error.diagnostics {
        errors("dateline ingest: internal: \(diagnostic.message)")
      }
      errors("dateline ingest: the extracted dataset does not validate; nothing was written")
      return badInput
    }
    var target = options.output
    var payload = builder.dataset
    if target == nil, let merge = options.merge {
      if mergeIsDirectory {
        // Named after the article's file, unless a file of that name is there already.
        var name = builder.added.sources.first?.id ?? "ingested"
        if let file = analyses.first?.1 {
          let base = Slug.make(DatasetBuilder.baseName(file))
          let taken = FileManager.default.fileExists(
            atPath: (merge.hasSuffix("/") ? merge : merge + "/") + "\(base).json")
          if !base.isEmpty && !taken { name = base }
        }
        target = (merge.hasSuffix("/") ? merge : merge + "/") + "\(name).json"
        payload = builder.added
        payload.title = nil
      } else {
        target = merge
      }
    }
    guard let target else {
      if !options.report { output(DatasetWriter.json(payload)) }
      return ok
    }
    let isMergeTarget = options.merge.map { !mergeIsDirectory && $0 == target } ?? false
    if FileManager.default.fileExists(atPath: target) && !options.force && !isMergeTarget {
      errors(
        "\(IngestReport.safe(target)): error: the output exists; pass --force to overwrite it, or --merge \(IngestReport.safe(target)) to add to it"
      )
      return badInput
    }
    let bytes = DatasetWriter.utf8(payload, keeping: extensions)
    // Whatever the loader would refuse is never written.
    let problems = writtenProblems(
      payload, bytes: bytes, keeping: extensions, path: target,
      isWholeDataset: !mergeIsDirectory || options.output != nil)
    guard problems.isEmpty else {
      for problem in problems.prefix(10) { errors(IngestReport.safe(problem.description)) }
      errors(
        "dateline ingest: \(IngestReport.safe(target)) would not load, so nothing was written\(options.merge != nil ? "; the dataset is unchanged" : "")"
      )
      return badInput
    }
    do {
      // Temporary file beside the target (links followed), mode kept, fsync, then rename.
      try AtomicFileWriter.write(bytes, to: target)
    } catch {
      errors(
        "\(IngestReport.safe(target)): error: cannot write the dataset: \(IngestReport.safe(error.message))"
      )
      return badInput
    }
    if !options.report {
      let counts =
        "\(builder.added.events.count) events, \(builder.added.quotes.count) quotes, \(builder.added.actors.count) new actors"
      errors("dateline ingest: wrote \(IngestReport.safe(target)) (\(counts))")
    }
    return ok
  }

  /// The dataset of the analysed articles (added to `existing`), checked by loading it as a
  /// timeline: ingest never writes what our own model would reject. `checked: false` leaves the
  /// check to the caller, which must then check what it writes (`writtenProblems`).
  public static func buildDataset(
    _ analyses: [(ArticleAnalysis, String)], into existing: Dataset? = nil, publisher: String?,
    checked: Bool = true
  ) throws(DatasetLoadError) -> DatasetBuilder {
    var builder = DatasetBuilder(existing: existing)
    for (analysis, file) in analyses {
      builder.add(analysis, file: file, publisher: publisher)
    }
    if checked { try Timeline.check(builder.dataset) }
    return builder
  }

  /// Empty exactly when `dateline validate` would accept `bytes`, the file written for
  /// `payload` (with `extensions`) at `path`; else what it would say. Decided on the value, as
  /// the loader's own checks would decide on the file read back (`DatasetLoader.problems(writing:)`;
  /// a property test holds the two to agreeing), so the JSON is not parsed again. Extension
  /// fields kept from a file being rewritten are raw JSON from outside: then the bytes are read
  /// back as validate reads them.
  public static func writtenProblems(
    _ payload: Dataset, bytes: [UInt8], keeping extensions: DatasetExtensions = .init(),
    path: String, isWholeDataset: Bool
  ) -> [Diagnostic] {
    guard extensions.isEmpty else {
      return DatasetLoader.problems(inFile: bytes, path: path, isWholeDataset: isWholeDataset)
    }
    return DatasetLoader.problems(writing: payload, isWholeDataset: isWholeDataset)
  }
}
