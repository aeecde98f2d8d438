import ArgumentParser
import DatelineModel

/// `dateline events`: the chronology, optionally narrowed to an actor and a day range.
struct EventsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "events",
    abstract: "List events in chronological order.",
    discussion:
      "--from and --to keep events that can overlap the range; they take a day (2025-02-24), a month (2025-02) or a year (2025)."
  )

  @OptionGroup var dataOptions: DataOptions

  @Flag(help: "Print a JSON array instead of a table.")
  var json = false

  @Option(help: ArgumentHelp("Only events this actor takes part in (id or name).", valueName: "ID"))
  var actor: String?

  @Option(help: ArgumentHelp("Only events on or after this date.", valueName: "DATE"))
  var from: String?

  @Option(help: ArgumentHelp("Only events on or before this date.", valueName: "DATE"))
  var to: String?

  func run() throws {
    let first = try from.map { try Lookup.day($0, option: "--from", end: false) }
    let last = try to.map { try Lookup.day($0, option: "--to", end: true) }
    if let first, let last, last < first {
      throw CommandFailure.usage("--to \(last) is before --from \(first)")
    }
    let timeline = try dataOptions.loadTimeline()
    var found = timeline.eventIndices(from: first, to: last)
    if let actor {
      let person = try Lookup.actor(actor, in: timeline, option: "--actor")
      let involved = Set(timeline.eventIndices(involving: person.actor.id))
      found = found.filter { involved.contains($0) }
    }
    // Read from the store as they are written, never all held; a stretch's rows together.
    let ahead = { (stretch: Range<Int>) in timeline.events.prefetch(Array(found[stretch])) }
    if json {
      try JSONOutput.writeArray(count: found.count, ahead: ahead) {
        EventRecord(timeline.events[found[$0]])
      }
    } else if found.isEmpty {
      Output.write("No events match.")
    } else {
      TimelineText.writeEvents(count: found.count, asOf: timeline.asOf, ahead: ahead) {
        timeline.events[found[$0]]
      }
    }
  }
}
