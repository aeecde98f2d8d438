import DatelineTestSupport
import Foundation
import Testing

/// The bundled data must match docs/dateline.schema.json, and the schema must accept what the
/// model accepts. Checked with python3's jsonschema when it is installed (it is on CI and on the
/// team's machines); skipped, and reported as skipped, elsewhere.
@Suite("JSON Schema")
struct SchemaTests {
  static let schema = CLI.packageRoot.appendingPathComponent("docs/dateline.schema.json")

  static let checker = """
    import json, sys, jsonschema
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    problems = 0
    for path in sys.argv[2:]:
        for error in validator.iter_errors(json.load(open(path, encoding="utf-8"))):
            print(f"{path}: /{'/'.join(map(str, error.absolute_path))}: {error.message}")
            problems += 1
    sys.exit(1 if problems else 0)
    """

  static let pythonHasJSONSchema: Bool = (try? python(["-c", "import jsonschema"]).status) == 0

  static func python(_ arguments: [String]) throws -> CLI.Result {
    try CLI.runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
  }

  static func check(_ files: [String]) throws -> CLI.Result {
    try python(["-c", checker, schema.path] + files)
  }

  @Test(.enabled(if: pythonHasJSONSchema, "python3 with jsonschema is not installed"))
  func bundledDataMatchesTheSchema() throws {
    let data = CLI.packageRoot.appendingPathComponent("data")
    let files = try FileManager.default.contentsOfDirectory(atPath: data.path)
      .filter { $0.hasSuffix(".json") }.sorted().map { data.appendingPathComponent($0).path }
    #expect(!files.isEmpty)
    let outcome = try Self.check(files)
    #expect(outcome.status == 0, "\(outcome.stdout + outcome.stderr)")
  }

  @Test(.enabled(if: pythonHasJSONSchema, "python3 with jsonschema is not installed"))
  func schemaAcceptsWhatTheModelAccepts() throws {
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    let file = try directory.write("tiny.json", Fixtures.tiny)
    #expect(try CLI.run(["validate", file]).status == 0)
    let outcome = try Self.check([file])
    #expect(outcome.status == 0, "\(outcome.stdout + outcome.stderr)")
  }

  @Test(
    .enabled(if: pythonHasJSONSchema, "python3 with jsonschema is not installed"),
    arguments: [
      (#""status": "scheduled""#, #""status": "rumoured""#),
      (#""kind": "person""#, #""kind": "pet""#),
      (#""paragraph": 2"#, #""paragraph": 0"#),
      (#""participants""#, #""participantz""#),
      (#""on Friday", "tense": "future""#, #""on Friday", "tense": "soon""#),
    ])
  func schemaRejectsWhatTheModelRejects(original: String, broken: String) throws {
    #expect(Fixtures.tiny.contains(original))
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    let json = Fixtures.tiny.replacingOccurrences(of: original, with: broken)
    let file = try directory.write("broken.json", json)
    #expect(try CLI.run(["validate", file]).status == 1, "the model rejects it")
    let outcome = try Self.check([file])
    #expect(outcome.status == 1, "the schema rejects it: \(outcome.stdout + outcome.stderr)")
  }
}
