import ArgumentParser
import DatelineModel

/// `dateline quotes`: every quotation, optionally searched or narrowed to a speaker.
struct QuotesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quotes",
    abstract: "List quotations in chronological order.",
    discussion: """
      --search keeps quotes holding all its words; "a phrase" in quotes matches as written, \
      @name narrows to a speaker. Case is ignored unless the search has a capital letter.
      """)

  @OptionGroup var dataOptions: DataOptions

  @Flag(help: "Print a JSON array instead of a table.")
  var json = false

  @Option(help: ArgumentHelp("Only quotes matching this search.", valueName: "TEXT"))
  var search: String?

  @Option(help: ArgumentHelp("Only quotes by this speaker (id or name).", valueName: "ID"))
  var speaker: String?

  func run() throws {
    let timeline = try dataOptions.loadTimeline()
    // One model question: the speaker's quotes (or all), narrowed by the search.
    var among: [Int]?
    if let speaker {
      let found = try Lookup.actor(speaker, in: timeline, option: "--speaker")
      among = timeline.quoteIndices(by: found.actor.id)
    }
    let found = timeline.quoteIndices(matching: QuoteQuery(search ?? ""), among: among)
    // Read from the store as they are written, never all held (a million quotes took 5.8 GB),
    // each stretch's rows together (search results lie anywhere in the list).
    if json {
      try JSONOutput.writeArray(
        count: found.count, ahead: { timeline.quotes.prefetch(Array(found[$0])) },
        { QuoteRecord(timeline.quotes[found[$0]]) })
    } else if found.isEmpty {
      Output.write("No quotes match.")
    } else {
      QuotesCommand.writeTable(found, of: timeline, width: Output.terminalWidth)
    }
  }

  static let header = ["DATE", "SPEAKER", "ID", "QUOTE"]

  /// The quotes at `indices` as a table, written as they are read, each stretch together
  /// (search results lie anywhere in the list).
  static func writeTable(
    _ indices: [Int], of timeline: Timeline, width: Int?, indent: String = ""
  ) {
    TextTable.write(
      header: header, count: indices.count, width: width, indent: indent,
      row: { row(timeline.quotes[indices[$0]]) },
      ahead: { timeline.quotes.prefetch(Array(indices[$0])) })
  }

  static func row(_ item: TimelineQuote) -> [String] {
    [
      DateWording.words(item.date), item.speakerName, item.quote.id,
      "\u{201C}\(item.quote.text)\u{201D}",
    ]
  }
}
