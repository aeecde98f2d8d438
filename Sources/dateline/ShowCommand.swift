import ArgumentParser
import DatelineModel

/// `dateline show ID`: one event, actor or quote with everything linked to it.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one event, actor or quote with everything linked to it.",
    discussion:
      "For an actor: its events, its quotes, and the related actors with the reason for each link.")

  @OptionGroup var dataOptions: DataOptions

  @Flag(help: "Print a JSON object (with a \"type\" of event, actor or quote).")
  var json = false

  @Argument(
    help: ArgumentHelp("An event, actor or quote id (an actor's name works too).", valueName: "ID"),
    completion: .custom(IDCompletion.ids))
  var id: String

  func run() throws {
    let timeline = try dataOptions.loadTimeline()
    let width = Output.terminalWidth
    if let item = timeline.event(id: id) {
      if json {
        Output.write(try JSONOutput.render(eventDetail(item, timeline)))
      } else {
        writeEventText(item, timeline, width)
      }
    } else if let item = timeline.quote(id: id) {
      Output.write(
        json ? try JSONOutput.render(quoteDetail(item, timeline)) : quoteText(item, timeline, width)
      )
    } else {
      let item: TimelineActor
      do {
        item = try Lookup.actor(id, in: timeline, option: "show")
      } catch {
        throw CommandFailure.usage(
          Output.clean(
            "no event, actor or quote has the id '\(id)'; list them with `dateline events`, `dateline people` or `dateline quotes`"
          ))
      }
      if json {
        Output.write(try JSONOutput.render(actorDetail(item, timeline)))
      } else {
        writeActorText(item, timeline, width)
      }
    }
  }

  // MARK: JSON

  private func eventDetail(_ item: TimelineEvent, _ timeline: Timeline) -> EventDetailRecord {
    EventDetailRecord(
      event: EventRecord(item),
      participants: item.event.participants.compactMap {
        timeline.actor(id: $0).map(PersonRecord.init)
      },
      quotes: timeline.quotes(at: item.event.id).map(QuoteRecord.init),
      source: timeline.source(id: item.event.provenance.source).map {
        SourceRecord($0, paragraph: item.event.provenance.paragraph)
      })
  }

  private func actorDetail(_ item: TimelineActor, _ timeline: Timeline) -> ActorDetailRecord {
    ActorDetailRecord(
      actor: PersonRecord(item),
      events: timeline.events(involving: item.actor.id).map(EventRecord.init),
      quotes: timeline.quotes(by: item.actor.id).map(QuoteRecord.init),
      related: timeline.relatedActors(of: item.actor.id).map { related in
        RelatedRecord(
          id: related.actor.id, name: related.actor.name, kind: related.actor.kind.rawValue,
          score: related.score, reasons: related.reasons.map(timeline.describe))
      })
  }

  private func quoteDetail(_ item: TimelineQuote, _ timeline: Timeline) -> QuoteDetailRecord {
    QuoteDetailRecord(
      quote: QuoteRecord(item),
      speaker: timeline.actor(id: item.quote.speaker).map(PersonRecord.init),
      event: item.quote.event.flatMap { timeline.event(id: $0) }.map(EventRecord.init),
      source: timeline.source(id: item.quote.provenance.source).map {
        SourceRecord($0, paragraph: item.quote.provenance.paragraph)
      })
  }

  // MARK: Text

  private func fields(_ pairs: [(String, String?)]) -> [String] {
    var table = TextTable()
    for (label, value) in pairs {
      if let value, !value.isEmpty { table.append([label + ":", value]) }
    }
    return table.render(width: Output.terminalWidth, indent: "  ")
  }

  private func sourceLine(_ provenance: Provenance, _ timeline: Timeline) -> String {
    guard let source = timeline.source(id: provenance.source) else {
      return "\(provenance.source), paragraph \(provenance.paragraph)"
    }
    let published = source.publicationDay.map { DateWording.day($0) } ?? source.published
    return "\(source.publisher), \(published), paragraph \(provenance.paragraph)"
  }

  private func section(_ title: String, count: Int) -> String {
    "\n\(title) (\(count))"
  }

  /// The quotes at `indices`, as a table under a section line, written as they are read (an
  /// actor may have said a hundred thousand of them).
  private func writeQuotes(_ indices: [Int], _ timeline: Timeline, _ width: Int?) {
    Output.write(section("Quotes", count: indices.count))
    guard !indices.isEmpty else { return }
    QuotesCommand.writeTable(indices, of: timeline, width: width, indent: "  ")
  }

  private func writeEventText(_ item: TimelineEvent, _ timeline: Timeline, _ width: Int?) {
    let event = item.event
    var lines = [Output.clean("\(event.headline)  [\(event.id)]")]
    lines += fields([
      ("date", TimelineText.dateLine(item.date)),
      ("status", event.status.rawValue + (item.isUpcoming ? " (upcoming)" : "")),
      ("location", event.location),
      ("source", sourceLine(event.provenance, timeline)),
      ("summary", event.summary),
    ])
    let participants = event.participants.compactMap { timeline.actor(id: $0) }
    lines.append(section("Participants", count: participants.count))
    var table = TextTable()
    for participant in participants {
      table.append([participant.actor.id, participant.actor.name, participant.actor.role ?? ""])
    }
    lines += table.render(width: width, indent: "  ")
    Output.write(lines.joined(separator: "\n"))
    writeQuotes(timeline.quoteIndices(at: event.id), timeline, width)
  }

  private func writeActorText(_ item: TimelineActor, _ timeline: Timeline, _ width: Int?) {
    let actor = item.actor
    var lines = [Output.clean("\(actor.name)  [\(actor.id)]")]
    let affiliation = actor.affiliation.map { id in
      timeline.actor(id: id).map { "\($0.actor.name) (\(id))" } ?? id
    }
    lines += fields([
      ("kind", actor.kind.rawValue),
      ("role", actor.role),
      ("affiliation", affiliation),
      ("aliases", actor.aliases.joined(separator: ", ")),
    ])
    let events = timeline.eventIndices(involving: actor.id)
    lines.append(section("Events", count: events.count))
    Output.write(lines.joined(separator: "\n"))
    TextTable.write(
      header: nil, count: events.count, width: width, indent: "  ",
      row: { TimelineText.eventRow(timeline.events[events[$0]]) },
      ahead: { timeline.events.prefetch(Array(events[$0])) })
    writeQuotes(timeline.quoteIndices(by: actor.id), timeline, width)
    let related = timeline.relatedActors(of: actor.id)
    lines = [section("Related", count: related.count)]
    for other in related {
      lines.append(Output.clean("  \(other.actor.name)  [\(other.actor.id)]  score \(other.score)"))
      for reason in other.reasons {
        lines.append(Output.clean("    - \(timeline.describe(reason))"))
      }
    }
    Output.write(lines.joined(separator: "\n"))
  }

  private func quoteText(_ item: TimelineQuote, _ timeline: Timeline, _ width: Int?) -> String {
    let quote = item.quote
    var lines = [Output.clean("\u{201C}\(quote.text)\u{201D}")]
    let event = quote.event.flatMap { timeline.event(id: $0) }
    lines += fields([
      ("id", quote.id),
      ("speaker", "\(item.speakerName) (\(quote.speaker))"),
      ("kind", quote.kind == .partial ? "partial quotation" : "full quotation"),
      ("date", TimelineText.dateLine(item.date)),
      ("event", event.map { "\($0.event.headline) (\($0.event.id))" }),
      ("source", sourceLine(quote.provenance, timeline)),
    ])
    return lines.joined(separator: "\n")
  }
}
