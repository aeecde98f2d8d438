/// A date as the timeline uses it: the resolved EDTF value, plus how it was stated and why it
/// resolved the way it did.
public struct ResolvedDate: Hashable, Sendable {
  /// The resolved value.
  public var value: EDTFDate
  /// The expression as the article states it, when the date was relative.
  public var stated: String?
  /// Why: "Thursday after Mon 2025-02-24", or "as given" for a plain EDTF date.
  public var explanation: String
  /// The earliest day it can fall on.
  public var start: CivilDay
  /// Order hint within one day: -1 "earlier in the day", 0, +1 "later in the day".
  public var sameDayOrder: Int

  public init(value: EDTFDate, stated: String? = nil, explanation: String, sameDayOrder: Int = 0) {
    self.value = value
    self.stated = stated
    self.explanation = explanation
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
}
