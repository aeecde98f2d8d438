import DatelineModel

/// The browser as a backend drives it: feed keys, draw frames, perform effects.
///
/// The backend loop is: `render(width:height:)`, draw the grid, read a key, `handle(key)`;
/// stop when `handle` returns false. On KEY_RESIZE send `.resize(width:height:)` (rendering at
/// a new size also resizes). After each key, `takeEffects()` hands over what the app does not
/// do itself (`.redraw`: clear and repaint the whole screen).
///
/// Searches: with `background: false` (headless, tests) each runs to the end, in order, before
/// `handle` returns, so output is deterministic. With `background: true` (a terminal) they run
/// on a worker thread: `handle` returns at once, and `receiveResults()` applies what finished.
public final class BrowserApp {
  public private(set) var state: BrowserState
  private let engine: SearchEngine
  private let worker: SearchWorker?
  private var outbox: [BrowserEffect] = []
  private var quitRequested = false

  public init(
    timeline: Timeline, width: Int = 80, height: Int = 24, keymap: Keymap = .standard,
    glyphs: GlyphSet = .unicode, search engine: SearchEngine = .timeline, background: Bool = false
  ) {
    state = BrowserState(
      timeline: timeline, width: width, height: height, keymap: keymap, glyphs: glyphs)
    self.engine = engine
    worker = background ? SearchWorker(timeline: timeline, engine: engine) : nil
  }

  deinit {
    worker?.cancelAll()
  }

  /// Applies one key. Returns false when the user asked to quit.
  @discardableResult
  public func handle(_ key: Key) -> Bool {
    send(Self.message(for: key, in: state))
    return !quitRequested
  }

  /// Applies a message and performs the effects it asks for (and those their results ask
  /// for), in order.
  public func send(_ message: BrowserMessage) {
    let effects: [BrowserEffect]
    if let worker {
      effects = state.apply(message).filter { effect in
        switch effect {
        case .search(let request): worker.submit(request)
        case .count(let request): worker.submitCount(request)
        default: return true
        }
        return false
      }
      for pane in Pane.allCases {
        worker.supersede(pane, generation: state.search[pane].generation)
      }
    } else {
      effects = state.applyRunningSearches(message, engine: engine)
    }
    for effect in effects {
      if effect == .quit {
        quitRequested = true
        worker?.cancelAll()
      } else {
        outbox.append(effect)
      }
    }
  }

  /// True while a background search runs or its answer waits: poll `receiveResults()` soon.
  public var isSearching: Bool { worker?.isBusy ?? false }

  /// Applies the background searches' finished answers; true when there were any (draw a
  /// new frame).
  @discardableResult
  public func receiveResults() -> Bool {
    guard let worker else { return false }
    let results = worker.takeResults()
    for message in results { send(message) }
    return !results.isEmpty
  }

  /// Effects for the backend, oldest first; each is handed over once.
  public func takeEffects() -> [BrowserEffect] {
    defer { outbox = [] }
    return outbox
  }

  /// True once after the user asked for a full redraw (Ctrl-L); other pending effects stay.
  public func takeRedrawRequest() -> Bool {
    let asked = outbox.contains(.redraw)
    outbox.removeAll { $0 == .redraw }
    return asked
  }

  /// The frame for a terminal of this size.
  public func render(width: Int, height: Int) -> CellGrid {
    if width != state.layout.width || height != state.layout.height {
      send(.resize(width: width, height: height))
    }
    // A store that failed to answer shows as empty rows: say why on the bottom line.
    if let problem = state.timeline.takeStoreProblem() {
      state.message = "error: \(problem.message) (\(problem.path))"
    }
    return ScreenView.render(state)
  }

  /// What a key means in the current mode: the search prompt takes typing; otherwise the
  /// keymap decides.
  public static func message(for key: Key, in state: BrowserState) -> BrowserMessage {
    switch key {
    case .resize(let width, let height): return .resize(width: width, height: height)
    case .mouse(let event): return .mouse(event)
    default: break
    }
    if state.search.isEditing {
      if let action = state.keymap.prompt.action(for: key) { return action.message }
      if case .character(let character) = key {
        // A stray control character (from a paste, say) has no place in a query.
        if character.unicodeScalars.contains(where: DisplayWidth.isControl) { return .unbound(key) }
        return .searchType(character)
      }
      return .unbound(key)
    }
    if state.showsHelp {
      // The help screen's own keys, as the browse actions it already understands.
      if let action = state.keymap.help.action(for: key) { return .action(action.browserAction) }
      return .unbound(key)
    }
    if let action = state.keymap.action(for: key) { return .action(action) }
    return .unbound(key)
  }
}

extension BrowserState {
  /// Applies `message` and runs the searches and counts it asks for at once, in order, feeding
  /// their results back (what a synchronous app does); returns the other effects.
  @discardableResult
  public mutating func applyRunningSearches(
    _ message: BrowserMessage, engine: SearchEngine = .timeline
  ) -> [BrowserEffect] {
    var queue = [message]
    var others: [BrowserEffect] = []
    while !queue.isEmpty {
      for effect in apply(queue.removeFirst()) {
        switch effect {
        case .search(let request):
          let answer =
            engine.answer(timeline, request, request.limit, { false })
            ?? SearchAnswer(rows: [], isComplete: true)
          if request.offset == 0 {
            queue.append(
              .searchResults(
                generation: request.generation, rows: answer.rows,
                count: answer.isComplete ? answer.rows.count : nil))
          } else {
            queue.append(
              .searchPage(
                generation: request.generation, offset: request.offset, rows: answer.rows,
                isComplete: answer.isComplete))
          }
        case .count(let request):
          if let count = engine.count(timeline, request, { false }) {
            queue.append(.searchCount(generation: request.generation, count: count))
          }
        default:
          others.append(effect)
        }
      }
    }
    return others
  }
}
