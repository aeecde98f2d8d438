import DatelineModel

/// Finds what a user names on the command line, forgivingly: an exact id first, then an id, name
/// or alias in any case. Unknown names are usage errors (status 2) that list what exists.
enum Lookup {
  static func actor(_ name: String, in timeline: Timeline, option: String) throws -> TimelineActor {
    if let found = timeline.actor(id: name) { return found }
    let folded = name.lowercased()
    let matches = timeline.actors.filter { item in
      item.actor.id.lowercased() == folded || item.actor.name.lowercased() == folded
        || item.actor.aliases.contains { $0.lowercased() == folded }
    }
    if matches.count == 1 { return matches[0] }
    let known = timeline.actors.map(\.actor.id).sorted().joined(separator: ", ")
    let problem = matches.isEmpty ? "no actor has the id or name" : "several actors match"
    throw CommandFailure.usage(
      Output.clean("\(option): \(problem) '\(name)'; use one of: \(known)"))
  }

  /// A day range bound for --from/--to: a day, a month or a year (EDTF). A month or year as
  /// --from means its first day; as --to, its last day.
  static func day(_ text: String, option: String, end: Bool) throws -> CivilDay {
    guard let date = try? EDTFDate(parsing: text), date.precision != .interval else {
      throw CommandFailure.usage(
        Output.clean(
          "\(option): '\(text)' is not a date; write a day (2025-02-24), a month (2025-02) or a year (2025)"
        ))
    }
    return end ? date.latestDay : date.earliestDay
  }
}
