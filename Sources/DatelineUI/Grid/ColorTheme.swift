/// Colours by role, as a configuration gives them and the terminal backend uses them: each
/// colour is a terminal colour number (0-7 the basic eight, 8-15 their bright forms, 16-255
/// the 256-colour palette) or nil for the terminal's own. A role with a background is drawn as
/// a solid bar (no reverse video on top).
public struct ColorChoice: Hashable, Sendable {
  public var foreground: Int?
  public var background: Int?

  public init(_ foreground: Int?, on background: Int? = nil) {
    self.foreground = foreground
    self.background = background
  }

  /// Names for the sixteen basic colours, by number.
  public static let names = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white", "bright-black",
    "bright-red", "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan",
    "bright-white",
  ]

  /// "cyan", "black on cyan", "208 on 236", "default".
  public var description: String {
    let front = Self.name(foreground)
    guard let background else { return front }
    return "\(front) on \(Self.name(background))"
  }

  static func name(_ color: Int?) -> String {
    guard let color else { return "default" }
    return color < names.count ? names[color] : String(color)
  }

  /// Parses `description`'s forms; nil with a reason when it is not one.
  public static func parse(_ text: String) -> Result<ColorChoice, ColorError> {
    let words = text.lowercased().split(separator: " ").map(String.init)
    func color(_ word: String) -> Result<Int?, ColorError> {
      if word == "default" { return .success(nil) }
      if let index = names.firstIndex(of: word) { return .success(index) }
      if let number = Int(word) {
        return (0...255).contains(number)
          ? .success(number) : .failure(ColorError("colour \(number) is not in 0...255"))
      }
      return .failure(
        ColorError(
          "unknown colour '\(word)'; use default, \(names.joined(separator: ", ")) or 0...255"))
    }
    switch words.count {
    case 1:
      return color(words[0]).map { ColorChoice($0) }
    case 3 where words[1] == "on":
      switch (color(words[0]), color(words[2])) {
      case (.success(let front), .success(let back)): return .success(ColorChoice(front, on: back))
      case (.failure(let error), _), (_, .failure(let error)): return .failure(error)
      }
    default:
      return .failure(
        ColorError("write a colour as \"cyan\" or \"black on cyan\", not \"\(text)\""))
    }
  }

  public struct ColorError: Error, Hashable, Sendable {
    public var message: String
    init(_ message: String) { self.message = message }
  }
}

/// Every role's colour.
public struct ColorTheme: Hashable, Sendable {
  public var colors: [ColorRole: ColorChoice]

  public init(_ colors: [ColorRole: ColorChoice]) { self.colors = colors }

  public subscript(role: ColorRole) -> ColorChoice? {
    get { colors[role] }
    set { colors[role] = newValue }
  }

  /// The roles a theme colours, in the order the default file lists them.
  public static let roles: [ColorRole] = ColorRole.allCases.filter { $0 != .normal }

  public static let standard = ColorTheme([
    .title: ColorChoice(6),
    .focusedTitle: ColorChoice(0, on: 6),
    .selection: ColorChoice(7, on: 4),
    .date: ColorChoice(6),
    .upcoming: ColorChoice(5),
    .status: ColorChoice(2),
    .speaker: ColorChoice(3),
    .match: ColorChoice(0, on: 3),
    .muted: ColorChoice(nil),
    .hint: ColorChoice(nil),
    .prompt: ColorChoice(3),
    .error: ColorChoice(1),
  ])
}

extension ColorRole {
  /// The role's name in a configuration file: "focused-title".
  public var configName: String { kebabCase(rawValue) }

  /// What the role colours, for the default configuration file.
  public var summary: String {
    switch self {
    case .normal: "Ordinary text"
    case .title: "The story title and pane titles"
    case .focusedTitle: "The title of the focused pane"
    case .selection: "The selected row"
    case .date: "Dates"
    case .upcoming: "Upcoming events, the \"as of\" line and later bins of the time strip"
    case .status: "Event status"
    case .speaker: "Speakers and names"
    case .match: "Search matches"
    case .muted: "Secondary text: counts, roles, explanations"
    case .hint: "The bottom line's key hints"
    case .prompt: "The search prompt"
    case .error: "Errors"
    }
  }
}

/// A case name as configuration files write roles and actions: "focusedTitle" -> "focused-title".
public func kebabCase(_ name: String) -> String {
  var result = ""
  for character in name {
    if character.isUppercase {
      result += "-" + character.lowercased()
    } else {
      result.append(character)
    }
  }
  return result
}
