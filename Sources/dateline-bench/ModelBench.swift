import DatelineModel

/// `dateline-bench model [EVENTS QUOTES ACTORS]`: loading, building and searching a large
/// synthetic timeline (defaults: 20000 events, 10000 quotes, 500 actors).
enum ModelBench {
  static func run(_ arguments: [String]) {
    let numbers = arguments.compactMap { Int($0) }.filter { $0 > 0 }
    let results = ModelBenchmarks.run(
      events: numbers.count > 0 ? numbers[0] : 20_000,
      quotes: numbers.count > 1 ? numbers[1] : 10_000,
      actors: numbers.count > 2 ? numbers[2] : 500)
    for result in results { print(result) }
  }
}
