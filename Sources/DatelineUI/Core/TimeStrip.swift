import DatelineModel

/// The time strip's histogram: how many of the visible events start in each day, week, month,
/// year or decade of their span, at the finest unit whose bins fit the width.
///
/// Computed when the Events rows or the width change (one pass over the rows), never per frame:
/// drawing reads `bins` and looks up only the selected event's bin.
public struct TimeStrip: Equatable, Sendable {
  public enum Unit: Int, CaseIterable, Sendable {
    case day, week, month, year, decade

    public var name: String {
      switch self {
      case .day: "day"
      case .week: "week"
      case .month: "month"
      case .year: "year"
      case .decade: "decade"
      }
    }

    /// The bin number of a day: consecutive bins have consecutive numbers.
    func bin(of day: CivilDay) -> Int {
      switch self {
      case .day: return day.dayNumber
      case .week:
        // Weeks start on Monday.
        let monday = day.dayNumber - (day.weekday - 1)
        return floorDivide(monday, 7)
      case .month: return day.year * 12 + day.month - 1
      case .year: return day.year
      case .decade: return floorDivide(day.year, 10)
      }
    }

    /// The first day of bin `bin`.
    func firstDay(ofBin bin: Int) -> CivilDay {
      switch self {
      case .day: return CivilDay(dayNumber: bin)
      case .week:
        // Mondays' day numbers all leave the same remainder by 7.
        let monday = CivilDay(year: 2025, month: 2, day: 24)?.dayNumber ?? 0
        return CivilDay(dayNumber: bin * 7 + (monday % 7 + 7) % 7)
      case .month:
        return CivilDay(
          year: floorDivide(bin, 12), month: bin - floorDivide(bin, 12) * 12 + 1, day: 1)
          ?? CivilDay(dayNumber: 0)
      case .year: return CivilDay(year: bin, month: 1, day: 1) ?? CivilDay(dayNumber: 0)
      case .decade: return CivilDay(year: bin * 10, month: 1, day: 1) ?? CivilDay(dayNumber: 0)
      }
    }

    /// How a bin is named at either end of the strip.
    func label(ofBin bin: Int) -> String {
      let day = firstDay(ofBin: bin)
      switch self {
      case .day, .week: return DateWording.day(day, weekday: false)
      case .month:
        return "\(DateWording.monthAbbreviations[day.month - 1]) \(DateWording.year(day.year))"
      case .year: return DateWording.year(day.year)
      case .decade: return "\(DateWording.year(day.year))s"
      }
    }
  }

  /// The rows and the width this was computed for.
  public var rows: RowSet
  public var width: Int
  public var unit: Unit = .day
  /// Bin number of `bins[0]`.
  public var firstBin = 0
  /// Events starting in each bin, first to last.
  public var bins: [Int] = []
  public var largest = 0
  public var startLabel = ""
  public var endLabel = ""

  public static let empty = TimeStrip()

  init() {
    rows = .empty
    width = 0
  }

  /// Columns kept for the labels and spaces around the bars.
  static func labelWidth(_ unit: Unit, first: Int, last: Int) -> Int {
    TerminalText.width(of: unit.label(ofBin: first))
      + TerminalText.width(of: unit.label(ofBin: last))
      + TerminalText.width(of: " by \(unit.name)") + 3
  }

  /// The histogram of `rows` (Events rows) for a strip `width` columns wide. The "as of" day
  /// is part of the span, so it can always be marked.
  public init(timeline: Timeline, rows: RowSet, width: Int) {
    self.rows = rows
    self.width = width
    guard !rows.isEmpty, width > 0 else { return }
    // One query for every event's start day, then the rows pick theirs (no row look-ups).
    let allStarts = timeline.eventStartDayNumbers()
    guard allStarts.count == timeline.events.count else { return }
    var starts: [CivilDay] = []
    starts.reserveCapacity(rows.count)
    var earliest = CivilDay(dayNumber: allStarts[rows[0]])
    var latest = earliest
    for position in 0..<rows.count {
      let day = CivilDay(dayNumber: allStarts[rows[position]])
      starts.append(day)
      if day < earliest { earliest = day }
      if latest < day { latest = day }
    }
    if let asOf = timeline.asOf {
      if asOf < earliest { earliest = asOf }
      if latest < asOf { latest = asOf }
    }
    var chosen = Unit.decade
    for unit in Unit.allCases {
      let first = unit.bin(of: earliest)
      let last = unit.bin(of: latest)
      if last - first + 1 <= width - Self.labelWidth(unit, first: first, last: last) {
        chosen = unit
        break
      }
    }
    unit = chosen
    firstBin = chosen.bin(of: earliest)
    let lastBin = chosen.bin(of: latest)
    bins = [Int](repeating: 0, count: lastBin - firstBin + 1)
    for day in starts { bins[chosen.bin(of: day) - firstBin] += 1 }
    largest = bins.max() ?? 0
    startLabel = chosen.label(ofBin: firstBin)
    endLabel = chosen.label(ofBin: lastBin)
  }

  /// The position in `bins` of the bin holding `day`, if it is in the span.
  public func binIndex(of day: CivilDay) -> Int? {
    let index = unit.bin(of: day) - firstBin
    return bins.indices.contains(index) ? index : nil
  }

  /// 0 for an empty bin, else 1...levels, proportional to the largest bin.
  public func level(_ index: Int, levels: Int) -> Int {
    let count = bins[index]
    guard count > 0, largest > 0 else { return 0 }
    return max(1, min(levels, (count * levels + largest - 1) / largest))
  }
}

private func floorDivide(_ value: Int, _ divisor: Int) -> Int {
  value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
}
