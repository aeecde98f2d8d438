import DatelineModel
import Foundation

/// Shell completion of ids (`dateline show <TAB>`): the ids of the events, actors and quotes of
/// the dataset or store the command line names with `--data` or `--store`, else the one
/// `dateline` would find.
/// Any problem (no dataset, invalid data) completes nothing rather than printing errors into
/// the user's shell.
enum IDCompletion {
  /// Quote ids are offered up to this many quotes; beyond, events and actors only (reading a
  /// million ids on each TAB would be slow).
  static let maximumQuotes = 100_000

  @Sendable static func ids(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    // The same options the command would get, so the same dataset or store (and its cache).
    var arguments: [String] = []
    if let data = value(of: "--data", in: words) { arguments += ["--data", data] }
    if let store = value(of: "--store", in: words) { arguments += ["--store", store] }
    guard let options = try? DataOptions.parse(arguments),
      let timeline = try? options.loadTimeline()
    else { return [] }
    var ids = timeline.events.map(\.event.id) + timeline.actors.map(\.actor.id)
    if timeline.quotes.count <= maximumQuotes { ids += timeline.quotes.map(\.quote.id) }
    return ids.filter { $0.hasPrefix(prefix) && !$0.contains(where: \.isNewline) }
  }

  /// The value of `--name VALUE` or `--name=VALUE` as typed (simple quotes removed, `~/`
  /// expanded).
  static func value(of option: String, in words: [String]) -> String? {
    var found: String?
    for (index, word) in words.enumerated() {
      if word == option, index + 1 < words.count {
        found = words[index + 1]
      } else if word.hasPrefix(option + "=") {
        found = String(word.dropFirst(option.count + 1))
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
