import DatelineTestSupport
import Foundation
import Testing

/// The bundled data must match docs/dateline.schema.json, and the schema must accept what the
/// model accepts. Checked with python3's jsonschema when it is installed (it is on CI and on the
/// team's machines); skipped, and reported as skipped, elsewhere.
@Suite("JSON Schema")
struct SchemaTests {
  static let schema = CLI.packageRoot.appendingPathComponent("docs/dateline.schema.json")

  /// Checks the schema itself, then each file named after it: one line per file, its path
  /// and the number of problems found, then the problems, indented.
  static let checker = """
    import json, sys, jsonschema
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in sys.argv[2:]:
        errors = list(validator.iter_errors(json.load(open(path, encoding="utf-8"))))
        print(f"{path}\\t{len(errors)}")
        for error in errors:
            print(f"  /{'/'.join(map(str, error.absolute_path))}: {error.message}")
    """

  static let pythonHasJSONSchema: Bool = (try? python(["-c", "import jsonschema"]).status) == 0

  static func python(_ arguments: [String]) throws -> CLI.Result {
    try CLI.runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
  }

  /// The number of problems the schema finds in each of `files`, in one run of python (it
  /// takes a few hundred milliseconds to start with jsonschema), and everything it printed.
  static func check(_ files: [String]) throws -> (problems: [String: Int], output: String) {
    let outcome = try python(["-c", checker, schema.path] + files)
    #expect(outcome.status == 0, "\(outcome.stdout + outcome.stderr)")
    var problems: [String: Int] = [:]
    for line in outcome.stdout.split(separator: "\n") where !line.hasPrefix("  ") {
      let fields = line.split(separator: "\t")
      if fields.count == 2, let count = Int(fields[1]) { problems[String(fields[0])] = count }
    }
    return (problems, outcome.stdout + outcome.stderr)
  }

  /// Broken copies of `Fixtures.tiny` that the model rejects: one changed piece each.
  static let breakages = [
    (#""status": "scheduled""#, #""status": "rumoured""#),
    (#""kind": "person""#, #""kind": "pet""#),
    (#""paragraph": 2"#, #""paragraph": 0"#),
    (#""participants""#, #""participantz""#),
    (#""on Friday", "tense": "future""#, #""on Friday", "tense": "soon""#),
  ]

  /// The bundled data and a tiny valid dataset match the schema; each broken copy, which the
  /// model rejects, the schema rejects too. One python run checks them all.
  @Test(.enabled(if: pythonHasJSONSchema, "python3 with jsonschema is not installed"))
  func theSchemaAcceptsAndRejectsWhatTheModelDoes() throws {
    let data = CLI.packageRoot.appendingPathComponent("data")
    let bundled = try FileManager.default.contentsOfDirectory(atPath: data.path)
      .filter { $0.hasSuffix(".json") }.sorted().map { data.appendingPathComponent($0).path }
    #expect(!bundled.isEmpty)
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    let tiny = try directory.write("tiny.json", Fixtures.tiny)
    #expect(try CLI.run(["validate", tiny]).status == 0)
    var broken: [String] = []
    for (index, (original, replacement)) in Self.breakages.enumerated() {
      #expect(Fixtures.tiny.contains(original))
      let file = try directory.write(
        "broken-\(index).json", Fixtures.tiny.replacingOccurrences(of: original, with: replacement))
      #expect(try CLI.run(["validate", file]).status == 1, "the model rejects \(replacement)")
      broken.append(file)
    }
    let (problems, output) = try Self.check(bundled + [tiny] + broken)
    for file in bundled + [tiny] {
      #expect(problems[file] == 0, "the schema accepts \(file): \(output)")
    }
    for (file, (_, replacement)) in zip(broken, Self.breakages) {
      #expect((problems[file] ?? 0) > 0, "the schema rejects \(replacement): \(output)")
    }
  }
}
