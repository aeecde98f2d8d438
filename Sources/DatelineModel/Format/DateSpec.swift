/// A date as the data states it: either a known EDTF value, or the words of the article,
/// which the model resolves against an anchor when it loads.
///
/// JSON: `"2025-02-27"` (EDTF), or
/// `{"stated": "on Thursday", "tense": "future"}` (anchored on the source's publication date), or
/// `{"stated": "earlier in the day", "relativeTo": "EVENT-ID"}` (anchored on another event).
public enum DateSpec: Sendable, Equatable, Codable {
  case edtf(String)
  case stated(StatedDate)

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let text = try? container.decode(String.self) {
      self = .edtf(text)
    } else {
      self = .stated(try container.decode(StatedDate.self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .edtf(let text): try container.encode(text)
    case .stated(let stated): try container.encode(stated)
    }
  }
}

public enum Tense: String, Sendable, Equatable, Codable, CaseIterable {
  case past, present, future
}

public struct StatedDate: Sendable, Equatable, Codable {
  /// The expression as the article states it: "on Thursday", "earlier in the day",
  /// "the third anniversary of", "in the next two weeks", "within weeks".
  public var stated: String
  /// Tense of the verb the expression goes with; decides direction for weekdays.
  public var tense: Tense?
  /// Event id to resolve against; when absent, the publication date of the provenance source.
  public var relativeTo: String?

  public init(stated: String, tense: Tense? = nil, relativeTo: String? = nil) {
    self.stated = stated
    self.tense = tense
    self.relativeTo = relativeTo
  }
}
