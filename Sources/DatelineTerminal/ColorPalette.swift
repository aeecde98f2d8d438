import CNcursesw
import DatelineUI

/// Maps a cell's `Style` to curses attributes and a color pair.
///
/// Without colors (a monochrome terminal, or `NO_COLOR` set) only the attributes are used, and
/// they carry every distinction on their own. With colors, each `ColorRole` gets a pair; the
/// roles drawn as a solid bar (selection, focused title) get a background color instead of
/// reverse video.
struct ColorPalette {
  /// True when the screen uses color pairs.
  let usesColor: Bool
  private var pairs: [ColorRole: Int16] = [:]
  /// Roles whose pair already paints the bar, so reverse video would invert it again.
  private var solidRoles: Set<ColorRole> = []

  /// Attributes only.
  static let monochrome = ColorPalette(usesColor: false)

  private init(usesColor: Bool) {
    self.usesColor = usesColor
  }

  /// True when colors should be used: the terminal has them and `NO_COLOR` is unset or empty
  /// (https://no-color.org).
  static func wantsColor(environment: [String: String], terminalHasColors: Bool) -> Bool {
    guard terminalHasColors else { return false }
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
    return true
  }

  /// Starts curses colors and defines one pair per role from `theme`. Call after `initscr`.
  /// A colour the terminal does not have (a 256-colour number on an 8-colour terminal) falls
  /// back to the role's standard colour, else the terminal's own.
  static func start(theme: ColorTheme = .standard) -> ColorPalette {
    guard start_color() == OK else { return .monochrome }
    // -1 is the terminal's own foreground/background, so we do not repaint the user's theme.
    let usesDefault = use_default_colors() == OK
    let available = Int(dl_colors())
    var palette = ColorPalette(usesColor: true)
    var next: Int16 = 1
    for role in ColorTheme.roles where Int32(next) < dl_color_pairs() {
      guard let choice = theme[role] ?? ColorTheme.standard[role] else { continue }
      let fallback = ColorTheme.standard[role]
      func resolve(_ color: Int?, _ standard: Int?, _ plain: Int16) -> Int16 {
        let own: Int16 = usesDefault ? -1 : plain
        guard let color else { return own }
        if color < available { return Int16(color) }
        if let standard, standard < available { return Int16(standard) }
        return own
      }
      let fg = resolve(choice.foreground, fallback?.foreground, 7)
      let bg = resolve(choice.background, fallback?.background, 0)
      guard init_pair(next, fg, bg) == OK else { continue }
      palette.pairs[role] = next
      if choice.background != nil { palette.solidRoles.insert(role) }
      next += 1
    }
    return palette
  }

  /// The curses attributes and pair for `style`.
  func attributes(for style: Style) -> (attributes: attr_t, pair: Int16) {
    var attributes = style.attributes
    var pair: Int16 = 0
    if usesColor, let rolePair = pairs[style.role] {
      pair = rolePair
      if solidRoles.contains(style.role) { attributes.remove(.reverse) }
    }
    return (Self.curses(attributes), pair)
  }

  static func curses(_ attributes: TextAttributes) -> attr_t {
    var result = dl_attr_normal()
    if attributes.contains(.bold) { result |= dl_attr_bold() }
    if attributes.contains(.reverse) { result |= dl_attr_reverse() }
    if attributes.contains(.underline) { result |= dl_attr_underline() }
    if attributes.contains(.dim) { result |= dl_attr_dim() }
    return result
  }
}
