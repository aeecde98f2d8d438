/// Events and people searched with the quote query language (words, "phrases", `@name`,
/// `a | b`, smart case), for the browser's `/` in the Events and People panes.
extension Timeline {
  /// Indices of events whose headline or summary match `query`, in `among`'s order (all
  /// events, chronological, when nil). `@name` keeps events with a participant of that name.
  public func eventIndices(matching query: QuoteQuery, among: [Int]? = nil) -> [Int] {
    let indices = among ?? Array(events.indices)
    let needsKeys = query.alternatives.contains { !$0.speakers.isEmpty }
    return indices.filter { index in
      let event = events[index].event
      let keys =
        needsKeys
        ? event.participants.flatMap { id in
          actor(id: id).map { Self.searchKeys(of: $0.actor) } ?? [id.lowercased()]
        } : []
      return query.matches(text: event.headline + "\n" + event.summary, keys: keys)
    }
  }

  /// Indices of actors whose name, aliases or role match `query`, in `among`'s order (ranked,
  /// when nil). `@name` matches the actor's own id, name, a word of the name or an alias.
  public func actorIndices(matching query: QuoteQuery, among: [Int]? = nil) -> [Int] {
    let indices = among ?? Array(actors.indices)
    return indices.filter { index in
      let actor = actors[index].actor
      let text = ([actor.name] + actor.aliases + [actor.role ?? ""]).joined(separator: "\n")
      return query.matches(text: text, keys: Self.searchKeys(of: actor))
    }
  }

  /// Speakers whose id, name, a word of the name or an alias starts with `word` (lowercased),
  /// most quoted first: for suggesting `@name` when a word finds no quote.
  public func speakers(named word: String) -> [TimelineActor] {
    let wanted = word.lowercased()
    guard !wanted.isEmpty else { return [] }
    return actors.filter { item in
      item.quoteCount > 0 && Self.searchKeys(of: item.actor).contains { $0.hasPrefix(wanted) }
    }
  }

  /// Lowercased id, name, aliases and name words: what `@name` is matched against.
  static func searchKeys(of actor: Actor) -> [String] {
    var keys = [actor.id, actor.name] + actor.aliases
    keys += actor.name.split(separator: " ").map(String.init)
    return keys.map { $0.lowercased() }
  }
}
