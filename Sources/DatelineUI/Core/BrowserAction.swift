/// A named thing the user can do. Keys map to these through the `Keymap`; the help screen and
/// the hint line are generated from the same table.
public enum BrowserAction: String, CaseIterable, Hashable, Sendable {
  case moveDown, moveUp, moveToTop, moveToBottom, pageDown, pageUp, halfPageDown, halfPageUp
  case detailDown, detailUp
  case nextPane, previousPane, showEvents, showPeople, showQuotes
  case follow, followEvent, nextRelated, previousRelated, back, forward, stepOut, clearFocus
  case search, nextMatch, previousMatch
  case copyQuote, copyMarkdown, openSource
  case help, quit, quitNow, redraw, suspend

  public enum Section: String, CaseIterable, Sendable {
    case move = "Move"
    case panes = "Panes"
    case follow = "Follow"
    case search = "Search"
    case copy = "Copy and open"
    case other = "Other"
  }

  public var section: Section {
    switch self {
    case .moveDown, .moveUp, .moveToTop, .moveToBottom, .pageDown, .pageUp, .halfPageDown,
      .halfPageUp, .detailDown, .detailUp:
      .move
    case .nextPane, .previousPane, .showEvents, .showPeople, .showQuotes: .panes
    case .follow, .followEvent, .nextRelated, .previousRelated, .back, .forward, .stepOut,
      .clearFocus:
      .follow
    case .search, .nextMatch, .previousMatch: .search
    case .copyQuote, .copyMarkdown, .openSource: .copy
    case .help, .quit, .quitNow, .redraw, .suspend: .other
    }
  }

  /// One line for the help screen.
  public var summary: String {
    switch self {
    case .moveDown: "Move down"
    case .moveUp: "Move up"
    case .moveToTop: "Go to the first row"
    case .moveToBottom: "Go to the last row"
    case .pageDown: "Page down"
    case .pageUp: "Page up"
    case .halfPageDown: "Half a page down"
    case .halfPageUp: "Half a page up"
    case .detailDown: "Scroll the detail pane down"
    case .detailUp: "Scroll the detail pane up"
    case .nextPane: "Next pane"
    case .previousPane: "Previous pane"
    case .showEvents: "Events pane"
    case .showPeople: "People pane"
    case .showQuotes: "Quotes pane"
    case .follow:
      "Follow: event -> its people and quotes; person -> focus on them; quote -> its speaker"
    case .followEvent: "Go to the event of the selected quote (focus and detail move there)"
    case .nextRelated: "Step to the next actor related to the focused person"
    case .previousRelated: "Step to the previous related actor"
    case .back: "Back to where you were"
    case .forward: "Forward again"
    case .stepOut: "Step back one level: the search, then the person, then the whole story"
    case .clearFocus: "Clear the focus: show the whole story"
    case .search:
      "Search the focused pane as you type (words, \"a phrase\", @name, a | b for either)"
    case .nextMatch: "Next search match (in the focused pane, else the pane searched last)"
    case .previousMatch: "Previous search match"
    case .copyQuote: "Copy the selected quote with its citation to the clipboard"
    case .copyMarkdown: "Copy the selected item as a Markdown line"
    case .openSource: "Open the source's web page in a browser"
    case .suspend: "Suspend (fg resumes)"
    case .help: "Show or close this help"
    case .quit: "Quit (closes help first)"
    case .quitNow: "Quit from anywhere"
    case .redraw: "Redraw the screen"
    }
  }

  /// A word or two for the hint line.
  public var hint: String {
    switch self {
    case .moveDown, .moveUp: "move"
    case .nextPane: "pane"
    case .follow: "follow"
    case .nextRelated, .previousRelated: "related"
    case .back: "back"
    case .search: "search"
    case .nextMatch, .previousMatch: "match"
    case .stepOut: "up"
    case .clearFocus: "all"
    case .copyQuote: "copy"
    case .openSource: "open"
    case .help: "help"
    case .quit: "quit"
    default: summary.lowercased()
    }
  }
}
