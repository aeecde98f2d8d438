/// Where each part of the screen goes at a given size. Pure: the same size, the same layout.
///
/// - Side by side (wide and tall enough): Events across the whole width (headlines are what
///   you read, so they get the room), then Quotes on the left and People over Detail on the
///   right. Events take the rows the story needs, up to half the body.
/// - Tabbed (narrower): one list pane at a time under a tab bar, the detail below it.
/// - Too small: only a message saying so.
///
/// On tall screens a one-line time strip sits under the header.
public struct ScreenLayout: Hashable, Sendable {
  public enum Mode: Hashable, Sendable { case sideBySide, tabbed, tooSmall }

  public static let minimumWidth = 30
  public static let minimumHeight = 8
  static let sideBySideWidth = 100
  static let tallHeight = 16

  public var mode: Mode
  public var width: Int
  public var height: Int
  public var header = Rect.zero
  /// The time strip under the header (empty on short screens).
  public var strip = Rect.zero
  /// Events, People, Quotes; each rect includes its title row. In tabbed mode all three share
  /// one rect and only the focused pane is drawn.
  var paneRects = [Rect](repeating: .zero, count: 3)
  public var detail = Rect.zero
  public var bottom = Rect.zero
  /// Columns drawn as a vertical rule between side-by-side columns.
  public var separators: [Rect] = []

  public func rect(for pane: Pane) -> Rect { paneRects[pane.rawValue] }

  /// The rows of a pane below its title.
  public func rowsRect(for pane: Pane) -> Rect {
    let rect = rect(for: pane)
    return Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
  }

  /// How many rows a pane shows: the page size for PgDn and the scroll window.
  public func viewport(for pane: Pane) -> Int { max(0, rect(for: pane).height - 1) }

  /// `eventRows`: how many rows the whole story's events take (with the "as of" divider), so
  /// a short chronology does not get more room than it fills; nil means "many".
  public init(width: Int, height: Int, eventRows: Int? = nil) {
    self.width = max(0, width)
    self.height = max(0, height)
    guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
      mode = .tooSmall
      return
    }
    let screen = Rect(x: 0, y: 0, width: width, height: height)
    let tall = height >= Self.tallHeight
    let (header, belowHeader) = screen.splitTop(tall ? 2 : 1)
    let (strip, rest) = belowHeader.splitTop(tall ? 1 : 0)
    let (body, bottom) = rest.splitTop(rest.height - 1)
    self.header = header
    self.strip = strip
    self.bottom = bottom
    if width >= Self.sideBySideWidth && tall {
      mode = .sideBySide
      let wanted = (eventRows ?? Int.max / 2) + 1
      let (events, lower) = body.splitTop(max(5, min(wanted, body.height / 2)))
      let (quotes, rightWithRule) = lower.splitLeft(width * 3 / 5)
      let (rule, right) = rightWithRule.splitLeft(1)
      separators = [rule]
      let (people, detail) = right.splitTop(max(4, right.height * 2 / 5))
      paneRects = [events, people, quotes]
      self.detail = detail
    } else {
      mode = .tabbed
      let (list, detail) = body.splitTop(min(body.height, body.height / 2 + 1))
      paneRects = [list, list, list]
      self.detail = detail
    }
  }

  /// The pane whose rect contains a point, preferring the focused one where they overlap.
  func pane(atX x: Int, y: Int, focused: Pane) -> Pane? {
    if rect(for: focused).contains(x: x, y: y) { return focused }
    return Pane.allCases.first { rect(for: $0).contains(x: x, y: y) }
  }
}
