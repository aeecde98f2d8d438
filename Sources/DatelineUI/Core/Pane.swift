/// The three list panes, in Tab order.
public enum Pane: Int, CaseIterable, Hashable, Sendable {
  case events, people, quotes

  public var title: String {
    switch self {
    case .events: "Events"
    case .people: "People"
    case .quotes: "Quotes"
    }
  }

  public var next: Pane { Pane(rawValue: (rawValue + 1) % 3)! }
  public var previous: Pane { Pane(rawValue: (rawValue + 2) % 3)! }
}

/// What the browser is centred on. Lists narrow to it; the breadcrumb names it.
public enum BrowserFocus: Hashable, Sendable {
  /// The whole story.
  case none
  /// A person (any actor): their events and quotes, and the actors related to them.
  case person(actorID: String)
  /// An event: its participants and the quotes said at it.
  case event(eventID: String)
}
