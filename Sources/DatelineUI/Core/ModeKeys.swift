/// What keys do in the `/` search prompt (typing aside: any other printable key is typed).
public enum PromptAction: String, CaseIterable, Hashable, Sendable {
  case deleteBackward, clear, submit, cancel, older, newer, quitNow, redraw

  public var summary: String {
    switch self {
    case .deleteBackward: "Delete the last character"
    case .clear: "Clear the query"
    case .submit: "Keep the result"
    case .cancel: "Restore the previous view"
    case .older: "Older search from the history"
    case .newer: "Newer search from the history"
    case .quitNow: "Quit from anywhere"
    case .redraw: "Redraw the screen"
    }
  }

  var message: BrowserMessage {
    switch self {
    case .deleteBackward: .searchDeleteBackward
    case .clear: .searchClear
    case .submit: .searchSubmit
    case .cancel: .searchCancel
    case .older: .searchHistoryOlder
    case .newer: .searchHistoryNewer
    case .quitNow: .action(.quitNow)
    case .redraw: .action(.redraw)
    }
  }
}

/// What keys do while the help screen is shown.
public enum HelpAction: String, CaseIterable, Hashable, Sendable {
  case scrollDown, scrollUp, pageDown, pageUp, top, bottom, close, quitNow, redraw, suspend

  public var summary: String {
    switch self {
    case .scrollDown: "Scroll down"
    case .scrollUp: "Scroll up"
    case .pageDown: "Page down"
    case .pageUp: "Page up"
    case .top: "Go to the top"
    case .bottom: "Go to the bottom"
    case .close: "Close the help"
    case .quitNow: "Quit from anywhere"
    case .redraw: "Redraw the screen"
    case .suspend: "Suspend (fg resumes)"
    }
  }

  /// The browse action the help screen already understands for this.
  var browserAction: BrowserAction {
    switch self {
    case .scrollDown: .moveDown
    case .scrollUp: .moveUp
    case .pageDown: .pageDown
    case .pageUp: .pageUp
    case .top: .moveToTop
    case .bottom: .moveToBottom
    case .close: .help
    case .quitNow: .quitNow
    case .redraw: .redraw
    case .suspend: .suspend
    }
  }
}

/// One mode's table: key -> action, first binding of a key wins (a configuration with two
/// actions on one key is rejected before it gets here).
public struct ModeKeys<Action: Hashable & Sendable>: Sendable {
  public struct Binding: Hashable, Sendable {
    public var key: Key
    public var action: Action

    public init(_ key: Key, _ action: Action) {
      self.key = key
      self.action = action
    }
  }

  public let bindings: [Binding]
  private let table: [Key: Action]

  public init(_ bindings: [Binding]) {
    self.bindings = bindings
    var table: [Key: Action] = [:]
    for binding in bindings where table[binding.key] == nil { table[binding.key] = binding.action }
    self.table = table
  }

  public func action(for key: Key) -> Action? { table[key] }

  public func keys(for action: Action) -> [Key] {
    bindings.filter { $0.action == action }.map(\.key)
  }

  public func keyLabels(for action: Action) -> String {
    keys(for: action).map(KeyNotation.label).joined(separator: ", ")
  }
}

extension ModeKeys where Action == PromptAction {
  public static let standard = ModeKeys([
    Binding(.backspace, .deleteBackward), Binding(.delete, .deleteBackward),
    Binding(.ctrl("u"), .clear), Binding(.enter, .submit), Binding(.escape, .cancel),
    Binding(.up, .older), Binding(.down, .newer), Binding(.ctrl("c"), .quitNow),
    Binding(.ctrl("l"), .redraw),
  ])
}

extension ModeKeys where Action == HelpAction {
  public static let standard = ModeKeys([
    Binding(.character("j"), .scrollDown), Binding(.down, .scrollDown),
    Binding(.character("k"), .scrollUp), Binding(.up, .scrollUp),
    Binding(.pageDown, .pageDown), Binding(.character(" "), .pageDown),
    Binding(.ctrl("d"), .pageDown), Binding(.pageUp, .pageUp), Binding(.ctrl("u"), .pageUp),
    Binding(.character("g"), .top), Binding(.home, .top),
    Binding(.character("G"), .bottom), Binding(.end, .bottom),
    Binding(.character("?"), .close), Binding(.character("q"), .close), Binding(.escape, .close),
    Binding(.character("<"), .close), Binding(.backspace, .close),
    Binding(.ctrl("c"), .quitNow), Binding(.ctrl("l"), .redraw), Binding(.ctrl("z"), .suspend),
  ])
}
