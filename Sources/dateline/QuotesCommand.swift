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
    // Search results lie anywhere in the list: read each stretch's rows together.
    let ahead = { (stretch: Range<Int>) in timeline.quotes.prefetch(Array(found[stretch])) }
    // Read from the store as they are written, never all held (a million quotes took 5.8 GB).
    if json {
      try JSONOutput.writeArray(count: found.count, ahead: ahead) {
        QuoteRecord(timeline.quotes[found[$0]])
      }
    } else if found.isEmpty {
      Output.write("No quotes match.")
    } else {
      TextTable.write(
        header: QuotesCommand.header, count: found.count, width: Output.terminalWidth,
        row: { QuotesCommand.row(timeline.quotes[found[$0]]) }, ahead: ahead)
    }
  }

  static let header = ["DATE", "SPEAKER", "ID", "QUOTE"]

  static func row(_ item: TimelineQuote) -> [String] {
    [
      DateWording.words(item.date), item.speakerName, item.quote.id,
      "\u{201C}\(item.quote.text)\u{201D}",
    ]
  }
}
