import DatelineModel

/// `dateline-bench model [EVENTS QUOTES ACTORS]`: loading, building and searching a large
/// synthetic timeline (defaults: 20000 events, 10000 quotes, 500 actors).
/// `dateline-bench model --store 100000,1000000`: the store's build, open and search figures.
enum ModelBench {
  static func run(_ arguments: [String]) {
    // `--store N[,N...]`: store build, open and search figures at N quotes.
    if let flag = arguments.firstIndex(of: "--store") {
      let sizes =
        arguments.dropFirst(flag + 1).first.map {
          $0.split(separator: ",").compactMap { Int($0) }
        } ?? [100_000]
      for quotes in sizes {
        for line in StoreBenchmarks.report(quotes: quotes) { print(line) }
      }
      return
    }
    let numbers = arguments.compactMap { Int($0) }.filter { $0 > 0 }
    let results = ModelBenchmarks.run(
      events: numbers.count > 0 ? numbers[0] : 20_000,
      quotes: numbers.count > 1 ? numbers[1] : 10_000,
      actors: numbers.count > 2 ? numbers[2] : 500)
    for result in results { print(result) }
  }
}
