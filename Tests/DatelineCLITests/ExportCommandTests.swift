import DatelineTestSupport
import Foundation
import Testing

@Suite("export, import and completions")
struct ExportCommandTests {
  static func run(_ arguments: [String], in directory: ScratchDirectory? = nil) throws
    -> CLI.Result
  {
    let scratch = try directory ?? ScratchDirectory("cli-tests")
    defer { if directory == nil { scratch.remove() } }
    return try CLI.run(
      arguments,
      environment: ["XDG_CACHE_HOME": scratch.url.path, "XDG_CONFIG_HOME": scratch.url.path])
  }

  @Test func exportWritesTimelineJSToStandardOutput() throws {
    let result = try Self.run(["export", "--to", "timelinejs"])
    #expect(result.status == 0, "\(result.stderr)")
    let document = try result.jsonObject()
    let slides = try #require(document["events"] as? [[String: Any]])
    #expect(slides.count == 15)
    #expect(slides.contains { $0["unique_id"] as? String == "starmer-meeting" })
  }

  @Test(arguments: ["timelinejs-csv", "ics", "csv", "markdown"])
  func everyFormatWrites(format: String) throws {
    let result = try Self.run(["export", "--to", format])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.utf8.count > 500)
    #expect(result.stderr.isEmpty)
  }

  @Test func outputFileIsWrittenAndReplaced() throws {
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    let file = try directory.write("story.md", "old contents")
    let result = try Self.run(
      ["export", "--to", "markdown", "-o", file, "--upcoming"], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let written = try String(contentsOfFile: file, encoding: .utf8)
    #expect(written.hasPrefix("# Macron at the White House"))
    #expect(written.contains("Keir Starmer"))
    #expect(!written.contains("full-scale invasion"))
    // Nothing left beside it.
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["story.md"])
  }

  @Test func usageErrors() throws {
    let unknown = try Self.run(["export", "--to", "pdf"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("timelinejs"))
    let events = try Self.run(["export", "--to", "ics", "--events"])
    #expect(events.status == 2)
    #expect(events.stderr.contains("--events only applies to --to csv"))
    let unwritable = try Self.run(["export", "--to", "csv", "-o", "/nonexistent/dir/x.csv"])
    #expect(unwritable.status == 1)
    #expect(
      unwritable.stderr.hasPrefix(
        "/nonexistent/dir/x.csv:0:0: error: cannot create a temporary file in /nonexistent/dir"))
  }

  @Test(arguments: ["timelinejs", "timelinejs-csv"])
  func importGivesBackTheSameEventsDatesAndHeadlines(format: String) throws {
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    let exported = directory.url.appendingPathComponent("story.export").path
    let dataset = directory.url.appendingPathComponent("story.json").path
    #expect(try Self.run(["export", "--to", format, "-o", exported], in: directory).status == 0)
    let imported = try Self.run(["import", exported, "-o", dataset], in: directory)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(try Self.run(["validate", dataset], in: directory).status == 0)
    func essentials(_ data: String?) throws -> [[String]] {
      var arguments = ["events", "--json"]
      if let data { arguments += ["--data", data] }
      return try Self.run(arguments, in: directory).jsonArray().map {
        [$0["title"] as? String ?? "", $0["date"] as? String ?? "", $0["status"] as? String ?? ""]
      }
    }
    let original = try essentials(nil)
    #expect(original.count == 15)
    #expect(try essentials(dataset) == original)
  }

  @Test func importReportsProblemsWhereTheyAre() throws {
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    let bad = try directory.write(
      "bad.json", "{\"events\": [\n  {\"start_date\": {\"year\": 2025, \"month\": 13}}\n]}")
    let out = directory.url.appendingPathComponent("out.json").path
    let result = try Self.run(["import", bad, "-o", out], in: directory)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("\(bad):2:18: error: month 13"), "\(result.stderr)")
    let other = try directory.write("notes.txt", "hello")
    let refused = try Self.run(["import", other, "-o", out], in: directory)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("cannot tell what this is"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func showCompletesIDs() throws {
    let result = try Self.run([
      "---completion", "show", "--", "positional@0", "1", "2", "show", "st",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let candidates = result.stdout.split(separator: "\n").map(String.init)
    #expect(candidates.contains("starmer-meeting"))
    #expect(candidates.contains("starmer"))
    #expect(candidates.allSatisfy { $0.hasPrefix("st") })
    let quotes = try Self.run(
      [
        "---completion", "show", "--", "positional@0", "3", "4", "show", "--data", CLI.bundledData,
        "q-tr",
      ])
    #expect(quotes.stdout.contains("q-trump-wants-deal"))
    // No dataset: nothing to offer, and nothing printed into the shell.
    let none = try Self.run(
      [
        "---completion", "show", "--", "positional@0", "3", "0", "show", "--data", "/nonexistent",
        "",
      ])
    #expect(none.status == 0)
    #expect(none.stdout.isEmpty)
    #expect(none.stderr.isEmpty)
  }

  /// A store (SQLite) answers the same export and completes the same ids as its dataset.
  @Test func storesExportAndCompleteLikeTheirDataset() throws {
    let directory = try ScratchDirectory("cli-tests")
    defer { directory.remove() }
    let store = directory.url.appendingPathComponent("story.sqlite").path
    let built = try Self.run(
      ["events", "--data", CLI.bundledData, "--store", store], in: directory)
    #expect(built.status == 0, "\(built.stderr)")
    for format in ["timelinejs", "markdown", "csv"] {
      let fromData = try Self.run(["export", "--to", format], in: directory)
      let fromStore = try Self.run(["export", "--store", store, "--to", format], in: directory)
      #expect(fromStore.status == 0, "\(fromStore.stderr)")
      #expect(fromStore.stdout == fromData.stdout, "\(format)")
    }
    let completed = try Self.run(
      ["---completion", "show", "--", "positional@0", "3", "2", "show", "--store", store, "st"],
      in: directory)
    #expect(Set(completed.stdout.split(separator: "\n")) == ["starmer-meeting", "starmer"])
  }

  @Test(arguments: ["bash", "zsh", "fish"])
  func completionScripts(shell: String) throws {
    let result = try Self.run(["--generate-completion-script", shell])
    #expect(result.status == 0)
    #expect(result.stdout.contains("dateline"))
    #expect(result.stdout.contains("---completion"))
    #expect(result.stdout.contains("timelinejs-csv"))
  }

  /// The generated bash script, sourced in a real bash, completes ids after `show` and formats
  /// after `export --to`.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
  func bashCompletesIDsAndFormats() throws {
    let scratch = try ScratchDirectory("cli-tests")
    defer { scratch.remove() }
    let binary = try CLI.binary()
    let script = """
      source <("$DATELINE" --generate-completion-script bash)
      complete_line() {
        COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}; read -r -a COMP_WORDS <<< "$1"
        if [[ "$1" == *" " ]]; then COMP_WORDS+=(""); fi
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=()
        _dateline dateline "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        echo "${COMPREPLY[*]}"
      }
      complete_line "dateline show starm"
      complete_line "dateline export --to "
      """
    var environment = ProcessInfo.processInfo.environment
    environment["DATELINE_DATA"] = nil
    environment["DATELINE"] = binary.path
    environment["PATH"] =
      binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["XDG_CACHE_HOME"] = scratch.url.path
    environment["XDG_CONFIG_HOME"] = scratch.url.path
    let result = try CLI.runProgram(
      URL(fileURLWithPath: "/bin/bash"), ["-c", script], in: CLI.packageRoot,
      environment: environment)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 2, "\(result.stdout)\(result.stderr)")
    #expect(lines.first.map { Set($0.split(separator: " ")) } == ["starmer-meeting", "starmer"])
    #expect(lines.last == "timelinejs timelinejs-csv ics csv markdown")
  }
}
