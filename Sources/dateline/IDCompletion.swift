import DatelineModel
import Foundation

/// Shell completion of ids (`dateline show <TAB>`): the ids of the events, actors and quotes of
/// the dataset the command line names with `--data`, else the one `dateline` would find.
/// Any problem (no dataset, invalid data) completes nothing rather than printing errors into
/// the user's shell.
enum IDCompletion {
  @Sendable static func ids(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    let path: String
    do {
      path = try DataLocator.locate(
        explicit: dataPath(in: words), environment: ProcessInfo.processInfo.environment,
        currentDirectory: FileManager.default.currentDirectoryPath)
    } catch {
      return []
    }
    guard let dataset = try? DatasetLoader.load(path: path) else { return [] }
    let ids =
      dataset.events.map(\.id) + dataset.actors.map(\.id) + dataset.quotes.map(\.id)
    return ids.filter { $0.hasPrefix(prefix) && !$0.contains(where: \.isNewline) }
  }

  /// The value of `--data PATH` or `--data=PATH` as typed (simple quotes removed, `~/` expanded).
  static func dataPath(in words: [String]) -> String? {
    var found: String?
    for (index, word) in words.enumerated() {
      if word == "--data", index + 1 < words.count {
        found = words[index + 1]
      } else if word.hasPrefix("--data=") {
        found = String(word.dropFirst("--data=".count))
      }
    }
    guard var path = found else { return nil }
    if path.count >= 2, let first = path.first, first == "'" || first == "\"", path.last == first {
      path = String(path.dropFirst().dropLast())
    }
    if path.hasPrefix("~/") {
      path = FileManager.default.homeDirectoryForCurrentUser.path + String(path.dropFirst())
    }
    return path
  }
}
