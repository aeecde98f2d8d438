import ArgumentParser
import DatelineModel

/// `dateline people`: the actors, most present first.
struct PeopleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "people",
    abstract: "List the people, countries, organizations and groups of the story.")

  @OptionGroup var dataOptions: DataOptions

  @Flag(help: "Print a JSON array instead of a table.")
  var json = false

  func run() throws {
    let timeline = try dataOptions.loadTimeline()
    if json {
      Output.write(try JSONOutput.render(timeline.actors.map(PersonRecord.init)))
      return
    }
    var table = TextTable(header: ["ID", "NAME", "KIND", "EVENTS", "QUOTES", "ROLE"])
    for item in timeline.actors {
      table.append([
        item.actor.id, item.actor.name, item.actor.kind.rawValue, String(item.eventCount),
        String(item.quoteCount), item.actor.role ?? "",
      ])
    }
    Output.write(table.render(width: Output.terminalWidth).joined(separator: "\n"))
  }
}
