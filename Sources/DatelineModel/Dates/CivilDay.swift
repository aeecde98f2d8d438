/// A day of the proleptic Gregorian calendar, with no time and no zone.
///
/// Arithmetic is done on a plain day number (days since 1970-01-01) with Howard Hinnant's
/// civil-from-days algorithms, so there are no time-zone or daylight-saving surprises.
public struct CivilDay: Comparable, Hashable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int
  /// Days since 1970-01-01 (negative before it).
  public let dayNumber: Int

  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= CivilDay.daysIn(month: month, year: year)
    else {
      return nil
    }
    self.year = year
    self.month = month
    self.day = day
    self.dayNumber = CivilDay.dayNumber(year: year, month: month, day: day)
  }

  public init(dayNumber: Int) {
    let (year, month, day) = CivilDay.civil(fromDayNumber: dayNumber)
    self.year = year
    self.month = month
    self.day = day
    self.dayNumber = dayNumber
  }

  /// Parses exactly `YYYY-MM-DD`.
  public init?(iso text: some StringProtocol) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = CivilDay.digits(bytes[0..<4]), let month = CivilDay.digits(bytes[5..<7]),
      let day = CivilDay.digits(bytes[8..<10])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// ISO weekday: 1 = Monday ... 7 = Sunday.
  public var weekday: Int {
    // 1970-01-01 was a Thursday (4).
    let offset = (dayNumber + 3) % 7
    return (offset < 0 ? offset + 7 : offset) + 1
  }

  public var weekdayName: String { CivilDay.weekdayNames[weekday - 1] }
  public var shortWeekdayName: String { String(weekdayName.prefix(3)) }

  /// "Mon 2025-02-24": how explanations name a day.
  public var labeled: String {
    guard (0...9999).contains(year) else { return "\(shortWeekdayName) \(description)" }
    // Every explanation names its anchor: write the 14 bytes directly, no interpolation.
    let name = CivilDay.weekdayNames[weekday - 1].utf8
    return String(unsafeUninitializedCapacity: 14) { bytes in
      var index = 0
      for byte in name.prefix(3) {
        bytes[index] = byte
        index += 1
      }
      bytes[3] = UInt8(ascii: " ")
      writeISO(into: UnsafeMutableBufferPointer(rebasing: bytes[4...]))
      return 14
    }
  }

  public var description: String {
    guard (0...9999).contains(year) else {
      return "\(CivilDay.pad(year, 4))-\(CivilDay.pad(month, 2))-\(CivilDay.pad(day, 2))"
    }
    return String(unsafeUninitializedCapacity: 10) { bytes in
      writeISO(into: bytes)
      return 10
    }
  }

  /// Writes "YYYY-MM-DD" into the first 10 bytes; only for years 0 to 9999.
  private func writeISO(into bytes: UnsafeMutableBufferPointer<UInt8>) {
    func digit(_ value: Int) -> UInt8 { UInt8(ascii: "0") + UInt8(value % 10) }
    bytes[0] = digit(year / 1000)
    bytes[1] = digit(year / 100)
    bytes[2] = digit(year / 10)
    bytes[3] = digit(year)
    bytes[4] = UInt8(ascii: "-")
    bytes[5] = digit(month / 10)
    bytes[6] = digit(month)
    bytes[7] = UInt8(ascii: "-")
    bytes[8] = digit(day / 10)
    bytes[9] = digit(day)
  }

  public func adding(days: Int) -> CivilDay { CivilDay(dayNumber: dayNumber + days) }

  /// Adds calendar months; the day is clamped to the end of a shorter month (Jan 31 + 1 = Feb 28).
  public func adding(months: Int) -> CivilDay {
    let total = year * 12 + (month - 1) + months
    let newYear = total >= 0 ? total / 12 : (total - 11) / 12
    let newMonth = total - newYear * 12 + 1
    let newDay = min(day, CivilDay.daysIn(month: newMonth, year: newYear))
    return CivilDay(year: newYear, month: newMonth, day: newDay)!
  }

  /// Adds calendar years; February 29 becomes February 28 in a common year.
  public func adding(years: Int) -> CivilDay { adding(months: years * 12) }

  /// Days from `self` to `other` (positive when `other` is later).
  public func days(to other: CivilDay) -> Int { other.dayNumber - dayNumber }

  public static func < (lhs: CivilDay, rhs: CivilDay) -> Bool { lhs.dayNumber < rhs.dayNumber }

  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static let weekdayNames = [
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  ]
  public static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  static func dayNumber(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146097 + dayOfEra - 719468
  }

  static func civil(fromDayNumber number: Int) -> (Int, Int, Int) {
    let z = number + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let dayOfEra = z - era * 146097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shifted = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shifted + 2) / 5 + 1
    let month = shifted < 10 ? shifted + 3 : shifted - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
    var value = 0
    for byte in bytes {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return bytes.isEmpty ? nil : value
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(abs(value))
    let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
    return value < 0 ? "-" + padded : padded
  }
}
