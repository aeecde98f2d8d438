// Fuzz target: the configuration file (`config.toml`: our own TOML reader, TOMLReader, then the
// key, action and colour names). Oracles beyond "no crash" (`ConfigOracle.check`, which
// `swift test` also runs over Tests/Regression/config/): a file that is refused gets an error
// located inside the file (line 1 up to one past the last line, column 1 or more); a file that
// parses prints back (in the layout of `dateline config --print-default`) to a text that
// parses to the same configuration.
@testable import dateline

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if let problem = ConfigOracle.check(bytes) { fatalError(problem) }
  return 0
}
