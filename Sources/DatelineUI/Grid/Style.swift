/// How a cell looks. Attributes carry the meaning on a monochrome terminal; the role is a
/// semantic hint the backend maps to a color pair (and ignores under `NO_COLOR`).
public struct Style: Hashable, Sendable {
  public var attributes: TextAttributes
  public var role: ColorRole

  public init(_ attributes: TextAttributes = [], role: ColorRole = .normal) {
    self.attributes = attributes
    self.role = role
  }

  public static let plain = Style()

  public func adding(_ extra: TextAttributes) -> Style {
    Style(attributes.union(extra), role: role)
  }
}

public struct TextAttributes: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let bold = TextAttributes(rawValue: 1 << 0)
  public static let reverse = TextAttributes(rawValue: 1 << 1)
  public static let underline = TextAttributes(rawValue: 1 << 2)
  public static let dim = TextAttributes(rawValue: 1 << 3)
}

/// What a piece of text is, so the backend can pick a color for it. Never the only signal.
public enum ColorRole: String, CaseIterable, Hashable, Sendable {
  case normal
  /// Story title and pane titles.
  case title
  /// The title of the focused pane.
  case focusedTitle
  /// The selected row.
  case selection
  case date
  /// Events after the "as of" date, and the divider before them.
  case upcoming
  case status
  case speaker
  /// A search match inside quote text.
  case match
  /// Secondary text: counts, roles, explanations.
  case muted
  /// The bottom line with key hints.
  case hint
  /// The search prompt.
  case prompt
  case error
}
