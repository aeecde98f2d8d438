import DatelineExport
import DatelineModel
import Testing

@Suite("Markdown export")
struct MarkdownTests {
  @Test func theBriefHasTheChronologyQuotesAndCitations() throws {
    let timeline = try ExportFixtures.bundled()
    let brief = Exporter.export(timeline, to: .markdown)
    let lines = brief.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.first == "# Macron at the White House, three years into the war in Ukraine")
    #expect(brief.contains("in our own words"))
    #expect(lines.contains("## What happened"))
    #expect(lines.contains("## What comes next"))
    #expect(lines.contains("## Sources"))
    // Reported events before the upcoming ones, each once, in the timeline's order.
    let entries = lines.filter { $0.hasPrefix("- **") }
    #expect(entries.count == timeline.events.count)
    let starmer = try #require(entries.firstIndex { $0.contains("Keir Starmer") })
    let invasion = try #require(entries.firstIndex { $0.contains("full-scale invasion") })
    #expect(invasion < starmer)
    #expect(
      entries[starmer].hasPrefix(
        "- **27 Feb 2025**: **Trump to meet UK prime minister Keir Starmer.**"))
    #expect(entries.contains { $0.hasPrefix("- **c. Mar 2025**: ") })
    #expect(entries.contains { $0.hasPrefix("- **by 24 Feb 2025**: ") })
    // Every quote at an event, verbatim, with its speaker and a citation.
    let quoteLines = lines.filter { $0.hasPrefix("  > ") }
    #expect(quoteLines.count == timeline.quotes.filter { $0.quote.event != nil }.count)
    #expect(
      quoteLines.contains(
        "  > \u{201C}I really believe that he wants to make a deal,\u{201D} \u{2014} Donald Trump (Unattributed wire report (seed 000), para. 3)"
      ))
    #expect(brief.contains("Unattributed wire report (seed 000), \u{201C}Trump hosts Macron"))
    #expect(!brief.contains("\n\n\n"))
  }

  @Test func dataCannotInjectMarkup() throws {
    let brief = Exporter.export(try ExportFixtures.timeline(), to: .markdown)
    #expect(brief.contains("**Oval Office \\<script\\>alert(1)\\</script\\> meeting.**"))
    #expect(brief.hasPrefix("# Talks, \\<b\\>tariffs\\</b\\> & a \"deal\"\n"))
    // A line break inside a quote stays inside its line.
    #expect(brief.contains("Peace must not mean surrender, never"))
    #expect(brief.contains("<https://example.com/story?a=1&b=2>"))
  }

  @Test func upcomingOnly() throws {
    let timeline = try ExportFixtures.timeline()
    let brief = Exporter.export(timeline, to: .markdown, options: ExportOptions(upcoming: true))
    #expect(!brief.contains("## What happened"))
    #expect(brief.contains("Starmer visit"))
    #expect(!brief.contains("Oval Office"))
  }
}
