@testable import DatelineModel

/// Builds every actor-to-actor link with its reasons at once (the reference for
/// `Timeline.relatedActors(of:)`, which the store computes per actor).
enum ReferenceLinker {
  static func link(
    actors: [Actor], events: [TimelineEvent], quotes: [TimelineQuote],
    relations: [Relation]
  ) -> [String: [RelatedActor]] {
    // Reasons per actor index, per other actor index. Only stated relations and affiliations
    // can repeat (the same relation written twice); the other reasons are unique by construction.
    var indexByID: [String: Int] = [:]
    for (index, actor) in actors.enumerated() where indexByID[actor.id] == nil {
      indexByID[actor.id] = index
    }
    var reasons = [[Int: [LinkReason]]](repeating: [:], count: actors.count)
    func add(_ a: String, _ b: String, _ reason: LinkReason, deduplicate: Bool = false) {
      guard a != b, let first = indexByID[a], let second = indexByID[b] else { return }
      for (from, to) in [(first, second), (second, first)]
      where !deduplicate || reasons[from][to]?.contains(reason) != true {
        reasons[from][to, default: []].append(reason)
      }
    }

    for relation in relations {
      add(
        relation.from, relation.to, .statedRelation(kind: relation.kind, eventID: relation.event),
        deduplicate: true)
    }
    for actor in actors {
      if let affiliation = actor.affiliation {
        add(actor.id, affiliation, .affiliation, deduplicate: true)
      }
    }
    for item in events {
      let participants = Array(Set(item.event.participants)).sorted()
      for (offset, a) in participants.enumerated() {
        for b in participants[(offset + 1)...] {
          add(a, b, .sharedEvent(eventID: item.event.id, headline: item.event.headline))
        }
      }
    }

    let finder = MentionFinder(actors: actors)
    for item in quotes {
      for actorID in finder.mentionedActors(in: item.quote.text) where actorID != item.quote.speaker
      {
        add(
          item.quote.speaker, actorID,
          .mentionedInQuote(quoteID: item.quote.id, speakerID: item.quote.speaker))
      }
    }
    for item in events {
      let participants = Set(item.event.participants)
      let text = item.event.headline + "\n" + item.event.summary
      for actorID in finder.mentionedActors(in: text) where !participants.contains(actorID) {
        for participant in participants.sorted() {
          add(participant, actorID, .mentionedInSummary(eventID: item.event.id))
        }
      }
    }

    var result: [String: [RelatedActor]] = [:]
    for (actorIndex, others) in reasons.enumerated() where !others.isEmpty {
      var related = others.map { otherIndex, list -> RelatedActor in
        let other = actors[otherIndex]
        // Stable sort keeps the order found within one weight.
        let sorted = list.enumerated().sorted { lhs, rhs in
          lhs.element.weight != rhs.element.weight
            ? lhs.element.weight > rhs.element.weight : lhs.offset < rhs.offset
        }.map(\.element)
        return RelatedActor(actor: other, reasons: sorted, score: list.reduce(0) { $0 + $1.weight })
      }
      related.sort { a, b in
        if a.score != b.score { return a.score > b.score }
        if a.actor.name != b.actor.name { return a.actor.name < b.actor.name }
        return a.actor.id < b.actor.id
      }
      result[actors[actorIndex].id] = related
    }
    return result
  }
}
