/// Inputs that once made, or could make, a stage of ingest slower than linear: the shapes
/// `dateline-bench ingest` reports rates for and a test times at two sizes.
public enum PathologicalText {
  /// The shapes, by name: each makes about `bytes` bytes of UTF-8 after a dateline header.
  public static let shapes: [(name: String, make: @Sendable (Int) -> String)] = [
    ("unclosed “", { repeated("“Word after word ", bytes: $0) }),
    ("unclosed «", { repeated("« mot après mot ", bytes: $0) }),
    ("unclosed „", { repeated("„Wort um Wort ", bytes: $0) }),
    ("unclosed \"", { repeated(" \"word after word", bytes: $0) }),
    ("unclosed ‘", { repeated(" ‘word after word", bytes: $0) }),
    ("100k quote marks", { quoteMarks(bytes: $0) }),
    ("one long word", { String(repeating: "a", count: $0) }),
    ("newlines only", { String(repeating: "\n", count: $0) }),
    ("short paragraphs", { repeated("\"Yes,\" Ann Lee said on Monday.\n\n", bytes: $0) }),
  ]

  /// The header every shape starts with, so the article has a publication date.
  public static let header = "date 2025-02-24\n\n"

  /// `shape` at about `bytes` bytes, header included.
  public static func make(_ shape: (Int) -> String, bytes: Int) -> String {
    header + shape(max(0, bytes - header.utf8.count))
  }

  static func repeated(_ unit: String, bytes: Int) -> String {
    String(repeating: unit, count: max(1, bytes / unit.utf8.count))
  }

  /// Quotation marks of every kind, straight and curly, one in about ten bytes: 100,000 at
  /// 1 MB (the benchmark's size), fewer in a smaller input. (A fixed 100,000 made every size
  /// nearly the same work, so the linearity test compared like with like, slowly.)
  static func quoteMarks(bytes: Int) -> String {
    let marks = ["\"", "“", "”", "«", "»", "‘", "’", "„", "'"]
    let count = min(100_000, max(1, bytes / 10))
    let filler = max(0, bytes / count - 3)
    let word = String(repeating: "x", count: filler)
    var text = ""
    text.reserveCapacity(bytes + 16)
    for index in 0..<count {
      text += marks[index % marks.count]
      text += word
      text += index % 7 == 0 ? " " : ""
    }
    return text
  }
}
