/// Keys to named actions, as data. The first key listed for an action is the one hints show.
public struct Keymap: Sendable {
  public struct Binding: Hashable, Sendable {
    public var key: Key
    public var action: BrowserAction

    public init(_ key: Key, _ action: BrowserAction) {
      self.key = key
      self.action = action
    }
  }

  public let bindings: [Binding]
  private let table: [Key: BrowserAction]
  /// Keys in the `/` prompt and on the help screen.
  public let prompt: ModeKeys<PromptAction>
  public let help: ModeKeys<HelpAction>

  public init(
    _ bindings: [Binding], prompt: ModeKeys<PromptAction> = .standard,
    help: ModeKeys<HelpAction> = .standard
  ) {
    self.bindings = bindings
    self.prompt = prompt
    self.help = help
    var table: [Key: BrowserAction] = [:]
    for binding in bindings where table[binding.key] == nil { table[binding.key] = binding.action }
    self.table = table
  }

  public func action(for key: Key) -> BrowserAction? { table[key] }

  public func keys(for action: BrowserAction) -> [Key] {
    bindings.filter { $0.action == action }.map(\.key)
  }

  /// "j, Down" for the help screen.
  public func keyLabels(for action: BrowserAction) -> String {
    keys(for: action).map(KeyNotation.label).joined(separator: ", ")
  }

  /// The actions the hint line offers, in order.
  public static let hintActions: [[BrowserAction]] = [
    [.moveDown, .moveUp], [.nextPane], [.follow], [.nextRelated, .previousRelated], [.back],
    [.search], [.nextMatch, .previousMatch], [.stepOut], [.copyQuote], [.help], [.quit],
  ]

  /// "j/k move  Tab pane  Enter follow ..." generated from the bindings; whole hints are
  /// dropped from the end (keeping "? help" and "q quit") until the line fits `width`.
  public func hintLine(width: Int = .max) -> String {
    var hints = Keymap.hintActions.compactMap { group -> String? in
      let keys = group.compactMap { self.keys(for: $0).first.map(KeyNotation.label) }
      guard !keys.isEmpty, let first = group.first else { return nil }
      return keys.joined(separator: "/") + " " + first.hint
    }
    while hints.count > 2, TerminalText.width(of: hints.joined(separator: "  ")) > width {
      hints.remove(at: hints.count - 3)
    }
    return hints.joined(separator: "  ")
  }

  public static let standard = Keymap([
    Binding(.character("j"), .moveDown), Binding(.down, .moveDown),
    Binding(.character("k"), .moveUp), Binding(.up, .moveUp),
    Binding(.character("g"), .moveToTop), Binding(.home, .moveToTop),
    Binding(.character("G"), .moveToBottom), Binding(.end, .moveToBottom),
    Binding(.pageDown, .pageDown), Binding(.character(" "), .pageDown),
    Binding(.pageUp, .pageUp),
    Binding(.ctrl("d"), .halfPageDown), Binding(.ctrl("u"), .halfPageUp),
    Binding(.character("J"), .detailDown), Binding(.character("K"), .detailUp),
    Binding(.tab, .nextPane), Binding(.right, .nextPane), Binding(.character("l"), .nextPane),
    Binding(.backTab, .previousPane), Binding(.left, .previousPane),
    Binding(.character("h"), .previousPane),
    Binding(.character("1"), .showEvents), Binding(.character("2"), .showPeople),
    Binding(.character("3"), .showQuotes),
    Binding(.enter, .follow), Binding(.character("e"), .followEvent),
    Binding(.character("]"), .nextRelated), Binding(.character("["), .previousRelated),
    Binding(.character("<"), .back), Binding(.backspace, .back),
    Binding(.character(">"), .forward), Binding(.escape, .stepOut),
    Binding(.character("0"), .clearFocus),
    Binding(.character("/"), .search), Binding(.character("n"), .nextMatch),
    Binding(.character("N"), .previousMatch),
    Binding(.character("?"), .help), Binding(.character("q"), .quit),
    Binding(.character("y"), .copyQuote), Binding(.character("Y"), .copyMarkdown),
    Binding(.character("o"), .openSource),
    Binding(.ctrl("c"), .quitNow), Binding(.ctrl("l"), .redraw), Binding(.ctrl("z"), .suspend),
  ])
}
