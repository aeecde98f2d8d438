import DatelineModel

/// Deterministic randomness for fuzz and soak tests: the same seed gives the same inputs on every
/// run, so a failure can be replayed. The model's SplitMix64, under the name the tests use.
public typealias SeededGenerator = SplitMix64
