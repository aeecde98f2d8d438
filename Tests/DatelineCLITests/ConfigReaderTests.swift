import Foundation
import Testing

@testable import dateline

/// The configuration file's own TOML reader (TOMLReader) and what the configuration makes of it,
/// in process: no binary is started here.
@Suite("config file reader")
struct ConfigReaderTests {
  func parse(_ text: String) throws(ConfigError) -> Configuration {
    try ConfigParser(path: "config.toml", text: text).parse()
  }

  /// The error for `text`, as `LINE:COLUMN: MESSAGE`; nil when it parses.
  func refusal(_ text: String) -> String? {
    do {
      _ = try parse(text)
      return nil
    } catch {
      return "\(error.line):\(error.column): \(error.message)"
    }
  }

  func table(_ text: String) throws -> TOMLTable {
    do {
      return try TOMLReader.parse(text)
    } catch {
      Issue.record("\(error.position.line):\(error.position.column): \(error.message)")
      throw error
    }
  }

  /// The two bytes that tripped toml++'s assertion in `parse_key` (a debug build aborted).
  @Test func aCaretInATableHeaderIsALocatedError() {
    let refused = refusal("[^")
    #expect(refused?.hasPrefix("1:2: expected a key") == true, "\(refused ?? "accepted")")
    #expect(refusal("[[^]]")?.hasPrefix("1:1: arrays of tables") == true)
    #expect(refusal("[a.^]\n")?.hasPrefix("1:4: expected a key") == true)
  }

  /// Tests/Regression/config/ (fuzz findings and the fuzz corpus) and the seed corpus, through
  /// the fuzz target's oracle.
  @Test func regressionAndSeedInputsKeepTheirProperties() throws {
    let root = CLI.packageRoot
    var count = 0
    for folder in ["Tests/Regression/config", "Fuzz/corpus/config"] {
      let directory = root.appendingPathComponent(folder)
      for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() {
        let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
        #expect(ConfigOracle.check(bytes) == nil, "\(folder)/\(name)")
        count += 1
      }
    }
    #expect(count >= 19)
  }

  /// A `"` or `\` followed by a combining mark is one Swift Character; escaped character by
  /// character it went out bare and the printed file did not parse back.
  @Test func printingEscapesEveryQuoteAndBackslashScalarByScalar() throws {
    var configuration = Configuration()
    configuration.dataPath = "/news/a\"\u{301}b\\\u{301}c\n\u{7}\t\u{7F}é"
    let printed = DefaultConfigFile.text(for: configuration)
    #expect(try parse(printed) == configuration)
    #expect(ConfigOracle.check(Array(printed.utf8)) == nil)
  }

  @Test func stringsFollowTOML() throws {
    let root = try table(
      #"""
      a = "tab\there \"q\" \\ \u00e9 \U0001F600 \b\f\r\n"
      b = 'C:\no\escapes'
      c = """
      one
      two \
          three"""
      d = '''
      raw \n ''x'''''
      "quoted key" = ""
      'literal key' = "x" # a comment
      """#)
    #expect(root["a"]?.item.string == "tab\there \"q\" \\ é 😀 \u{8}\u{C}\r\n")
    #expect(root["b"]?.item.string == #"C:\no\escapes"#)
    #expect(root["c"]?.item.string == "one\ntwo three")
    #expect(root["d"]?.item.string == "raw \\n ''x''")
    #expect(root["quoted key"]?.item.string == "")
    #expect(root["literal key"]?.item.string == "x")
    #expect(root.keys == ["a", "b", "c", "d", "quoted key", "literal key"])
  }

  @Test func numbersBooleansArraysAndTables() throws {
    let root = try table(
      """
      n = [+12, -7, 1_000, 0xff, 0o17, 0b101, 0, 9223372036854775807, -9223372036854775808]
      yes = true
      no = false
      list = [
        "a",  # first
        ["b", 1],
      ]
      inline = { x = "1", y.z = 2 }
      dotted.one = 1
      dotted.two = 2
      [t . "u"]
      k = 1
      [t]
      j = 2
      """)
    let numbers = root["n"]?.item.array?.map { item -> Int? in
      if case .integer(let value) = item.value { return value }
      return nil
    }
    #expect(numbers == [12, -7, 1000, 255, 15, 5, 0, Int.max, Int.min])
    if case .boolean(true) = root["yes"]?.item.value {} else { Issue.record("yes") }
    if case .boolean(false) = root["no"]?.item.value {} else { Issue.record("no") }
    #expect(root["list"]?.item.array?.count == 2)
    #expect(root["list"]?.item.array?[1].position == TOMLPosition(line: 6, column: 3))
    #expect(root["inline"]?.item.table?["y"]?.item.table?["z"] != nil)
    #expect(root["dotted"]?.item.table?.keys == ["one", "two"])
    let t = try #require(root["t"]?.item.table)
    #expect(t.keys == ["u", "j"])
    #expect(t["j"]?.keyPosition == TOMLPosition(line: 14, column: 1))
  }

  @Test(arguments: [
    ("a = 1\na = 2", "2:1: 'a' is defined twice"),
    ("[a]\n[a]", "2:1: the table [a] is defined twice"),
    ("a = 1\n[a]", "2:2: 'a' is already a value"),
    ("a.b = 1\n[a]", "2:2: 'a' was defined on line 1"),
    ("a = {b = 1}\na.c = 2", "2:1: 'a' is already defined"),
    ("[a.b]\n[a]\nb.c = 1", "3:1: 'b' is already defined"),
    ("a = 1.5", "1:5: floating-point numbers"),
    ("a = inf", "1:5: floating-point numbers"),
    ("a = 1979-05-27", "1:5: dates and times"),
    ("a = 07:32:00", "1:5: dates and times"),
    ("a = 012", "1:5: expected a value"),
    ("a = 1__0", "1:5: expected a value"),
    ("a = 9223372036854775808", "1:5: the integer 9223372036854775808 is too large"),
    ("a = yes", "1:5: expected a value"),
    ("a = \"open\nb = 1", "1:5: this string is not closed on its line"),
    ("a = \"\\x41\"", "1:6: unknown escape '\\x'"),
    ("a = \"\\uD800\"", "1:6: \\uD800 is not a Unicode scalar value"),
    ("a = \"\\u12\"", "1:6: \\u must be followed by 4 hexadecimal digits"),
    ("a = \"bell\u{7}\"", "1:10: control character U+0007"),
    ("# bell \u{7}", "1:8: control character U+0007 is not allowed in a comment"),
    ("a = 1\rb = 2", "1:6: a carriage return must be followed by a line feed"),
    ("a = 1 b = 2", "1:7: expected the end of the line after a value, found 'b'"),
    ("a = [1 2]", "1:8: expected ',' or ']' in the array"),
    ("a = { b = 1,\n c = 2 }", "1:13: expected a key in the inline table"),
    ("a = '''never closed", "1:5: this multi-line string is not closed"),
    ("\"\"\"k\"\"\" = 1", "1:1: a key cannot be a multi-line string"),
    ("= 1", "1:1: expected a key, a [table] header or a comment"),
    ("a", "1:2: expected '=' after the key, found the end of the file"),
    ("[a", "1:3: expected ']' to close the table header"),
    (
      String(repeating: "a = [", count: 1) + String(repeating: "[", count: 200),
      "1:69: arrays and tables nest"
    ),
  ])
  func notTOMLOrNotUsedIsALocatedError(text: String, expected: String) {
    let refused = refusal(text)
    #expect(refused?.hasPrefix(expected) == true, "\(refused ?? "accepted")")
  }

  /// Errors of the configuration's own checks point at the key, or at the very element of a list.
  @Test func settingsErrorsPointAtTheirKeyOrElement() {
    #expect(
      refusal("[keys.browse]\nhelp = [\"?\",\n  \"F1\"]")?.hasPrefix("3:3: unknown key 'F1'")
        == true)
    #expect(
      refusal("[keys]\nbrowse.quit = [1]")?.hasPrefix("2:16: keys.browse.quit must list keys")
        == true)
    #expect(
      refusal("keys.browse = { fly = \"f\" }")?.hasPrefix("1:17: unknown action 'fly'") == true)
    #expect(refusal("colors = 3")?.hasPrefix("1:1: [colors] must be a table") == true)
    #expect(refusal("[colors]\n  date = 'purple'")?.hasPrefix("2:3: colors.date:") == true)
  }

  /// A key of a hundred thousand parts (`a.a.a...`) was a chain of tables as deep, built in
  /// time quadratic in its length (the reader ran for minutes): now a located error at once, in
  /// a header, a key/value line and an inline table. Sixty-four parts still read.
  @Test(.timeLimit(.minutes(1)))
  func aKeyOfTooManyPartsIsALocatedError() throws {
    let deep = String(repeating: "a.", count: 100_000) + "a"
    for (text, column) in [("[\(deep)]", 2), ("\(deep) = 1", 1), ("x = { \(deep) = 1 }", 7)] {
      let refused = refusal(text)
      #expect(
        refused?.hasPrefix("1:\(column): a key has more than 64 parts") == true,
        "\(refused?.prefix(80) ?? "accepted")")
    }
    let most = Array(repeating: "k", count: 64).joined(separator: ".")
    var table = try table("[\(most)]\n\(most) = 1\n")
    // 64 tables of the header, then 63 of the dotted key inside it, then the value.
    for _ in 0..<(64 + 63) { table = try #require(table["k"]?.item.table) }
    guard case .integer(1) = table["k"]?.item.value else {
      Issue.record("no 1 at the end of the keys")
      return
    }
  }

  /// TOML lets a [header] open a sub-table of a table made by dotted keys, never that table
  /// itself (the TOML 1.0 example: `[fruit]`, `apple.color = ...`, then `[fruit.apple.texture]`).
  @Test func aHeaderMayOpenASubTableOfADottedTable() throws {
    let dotted = "[fruit]\napple.color = 'red'\napple.taste.sweet = true\n"
    let table = try table(dotted + "[fruit.apple.texture]\nsmooth = true\n")
    let apple = try #require(table["fruit"]?.item.table?["apple"]?.item.table)
    #expect(apple.keys == ["color", "taste", "texture"])
    #expect(
      refusal(dotted + "[fruit.apple]\n")?.hasPrefix("4:8: 'fruit.apple' was defined") == true)
    #expect(
      refusal(dotted + "[fruit.apple.taste]\n")?.hasPrefix("4:14: 'fruit.apple.taste'") == true)
  }

  /// Every way TOML allows to write the same settings gives the same configuration.
  @Test func equivalentSpellingsGiveOneConfiguration() throws {
    let headers = try parse("[keys.browse]\nquit = [\"x\"]\n[data]\npath = \"/d\"\n")
    let dotted = try parse("keys.browse.quit = 'x'\ndata.path = '/d'\n")
    let inline = try parse("keys = { browse = { quit = [\"x\",] } }\ndata = {path=\"\\u002Fd\"}")
    #expect(headers == dotted)
    #expect(headers == inline)
    #expect(headers.dataPath == "/d")
  }
}
