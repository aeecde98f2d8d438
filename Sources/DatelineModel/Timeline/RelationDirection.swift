extension RelationKind {
  /// True when the relation reads the same from both ends: "met with", "spoke with",
  /// "negotiates with", "disagrees with".
  public var isSymmetric: Bool {
    switch self {
    case .metWith, .spokeWith, .negotiatesWith, .disagreesWith: true
    case .supports, .praised, .represents, .memberOf: false
    }
  }

  /// The phrase read from the other end: "supported by", "has as member".
  public var inversePhrase: String {
    switch self {
    case .metWith, .spokeWith, .negotiatesWith, .disagreesWith: phrase
    case .supports: "supported by"
    case .praised: "praised by"
    case .represents: "represented by"
    case .memberOf: "has as member"
    }
  }
}
