/// Where each part of the screen goes at a given size. Pure: the same size, the same layout.
///
/// - Side by side (wide and tall enough): Events over Quotes on the left, People over Detail on
///   the right.
/// - Tabbed (narrower): one list pane at a time under a tab bar, the detail below it.
/// - Too small: only a message saying so.
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

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
      mode = .tooSmall
      return
    }
    let screen = Rect(x: 0, y: 0, width: width, height: height)
    let headerHeight = height >= Self.tallHeight ? 2 : 1
    let (header, rest) = screen.splitTop(headerHeight)
    let (body, bottom) = rest.splitTop(rest.height - 1)
    self.header = header
    self.bottom = bottom
    if width >= Self.sideBySideWidth && height >= Self.tallHeight {
      mode = .sideBySide
      let (left, rightWithRule) = body.splitLeft(width * 3 / 5)
      let (rule, right) = rightWithRule.splitLeft(1)
      separators = [rule]
      let (events, quotes) = left.splitTop(left.height / 2)
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
