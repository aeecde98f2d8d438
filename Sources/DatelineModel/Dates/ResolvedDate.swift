/// A date as the timeline uses it: the resolved EDTF value, plus how it was stated and why it
/// resolved the way it did.
public struct ResolvedDate: Hashable, Sendable {
  /// The resolved value.
  public var value: EDTFDate
  /// The expression as the article states it, when the date was relative.
  public var stated: String?
  /// Why: "Thursday after Mon 2025-02-24", or "as given" for a plain EDTF date.
  public var explanation: String {
    get { why.text }
    set { why = .text(newValue) }
  }
  /// The earliest day it can fall on.
  public var start: CivilDay
  /// Order hint within one day: -1 "earlier in the day", 0, +1 "later in the day".
  public var sameDayOrder: Int
  /// The explanation, kept in parts and joined only when read: ingest resolves every date it
  /// finds but seldom shows why, and joining was a large part of resolving a phrase.
  var why: Explanation

  public init(value: EDTFDate, stated: String? = nil, explanation: String, sameDayOrder: Int = 0) {
    self.init(value: value, stated: stated, why: .text(explanation), sameDayOrder: sameDayOrder)
  }

  init(value: EDTFDate, stated: String?, why: Explanation, sameDayOrder: Int) {
    self.value = value
    self.stated = stated
    self.why = why
    self.start = value.earliestDay
    self.sameDayOrder = sameDayOrder
  }

  /// A plain EDTF date from the data.
  public static func given(_ value: EDTFDate) -> ResolvedDate {
    ResolvedDate(value: value, explanation: "as given")
  }

  /// The latest day it can fall on.
  public var end: CivilDay { value.latestDay }
  public var precision: EDTFDate.Precision { value.precision }
  /// True when the date came from an expression rather than a plain EDTF value.
  public var isRelative: Bool { stated != nil }

  // Equal when they read the same, however the explanation is kept.
  public static func == (lhs: ResolvedDate, rhs: ResolvedDate) -> Bool {
    lhs.value == rhs.value && lhs.stated == rhs.stated && lhs.start == rhs.start
      && lhs.sameDayOrder == rhs.sameDayOrder && lhs.explanation == rhs.explanation
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(value)
    hasher.combine(stated)
    hasher.combine(explanation)
    hasher.combine(start)
    hasher.combine(sameDayOrder)
  }
}

/// An explanation as text, or as up to four pieces followed by how an anchor day is named
/// ("Thursday", " ", "after", " ", then "Mon 2025-02-24 (story)"), joined when read.
enum Explanation: Sendable {
  case text(String)
  indirect case relative(
    String, String = "", String = "", String = "", anchorDay: Int, anchorLabel: String?)
  /// A quote dated by its event: the event's id and headline, and how the event was dated.
  indirect case ofEvent(id: String, headline: String, Explanation)

  var text: String {
    switch self {
    case .text(let text):
      return text
    case .relative(let first, let second, let third, let fourth, let anchorDay, let anchorLabel):
      let anchor = CivilDay(dayNumber: anchorDay).labeled
      guard let anchorLabel else { return "\(first)\(second)\(third)\(fourth)\(anchor)" }
      return "\(first)\(second)\(third)\(fourth)\(anchor) (\(anchorLabel))"
    case .ofEvent(let id, _, let inner):
      return "date of its event '\(id)' (\(inner.text))"
    }
  }
}
