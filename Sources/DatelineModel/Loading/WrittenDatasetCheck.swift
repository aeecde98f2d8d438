extension DatasetLoader {
  /// What `problems(inFile: DatasetWriter.utf8(dataset), ...)` would say, decided on the value
  /// itself without writing and re-reading it: empty exactly when the loader would accept the
  /// written file. The writer always writes well-formed JSON of the right shape, so of the
  /// decoder's checks only those on values remain (the format version and the paragraph range);
  /// the semantic checks are the loader's own `DatasetChecker`, run on the value. Diagnostics
  /// name items by path (`events[2].provenance.paragraph`), as for a dataset built in memory.
  ///
  /// `DatasetWriter` with extension fields (raw JSON kept from a file being rewritten) is not
  /// covered: check those bytes with `problems(inFile:)`. That the two agree, and that a value
  /// passing this check writes and loads back unchanged, is a property test
  /// (`WrittenDatasetCheckTests`), not a run-time step.
  public static func problems(writing dataset: Dataset, isWholeDataset: Bool = true)
    -> [Diagnostic]
  {
    var problems: [Diagnostic] = []
    if dataset.format != Dataset.currentFormat {
      problems.append(
        Diagnostic(
          path: "format", line: 0, column: 0,
          message:
            "unknown format version \"\(dataset.format)\"; this Dateline reads \"\(Dataset.currentFormat)\""
        ))
    }
    func checkParagraph(_ provenance: Provenance, _ item: @autoclosure () -> String) {
      guard !DatasetDecoder.paragraphRange.contains(provenance.paragraph) else { return }
      problems.append(
        Diagnostic(
          path: "\(item()).provenance.paragraph", line: 0, column: 0,
          message:
            "\"paragraph\" is \(provenance.paragraph); it must be a whole number from 1 (the first paragraph) to \(DatasetDecoder.paragraphRange.upperBound)"
        ))
    }
    for (index, event) in dataset.events.enumerated() {
      checkParagraph(event.provenance, "events[\(index)]")
    }
    for (index, quote) in dataset.quotes.enumerated() {
      checkParagraph(quote.provenance, "quotes[\(index)]")
    }
    for (index, relation) in dataset.relations.enumerated() {
      checkParagraph(relation.provenance, "relations[\(index)]")
    }
    guard isWholeDataset else { return problems }
    // A value the decoder refuses would be dropped from the file read back, and the checks
    // below would then see a different dataset: the shape problems alone say it will not load.
    guard problems.isEmpty else { return problems }
    do {
      try Timeline.check(dataset)
    } catch {
      problems += error.diagnostics
    }
    return problems
  }
}
