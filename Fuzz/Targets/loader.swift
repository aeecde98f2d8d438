// Fuzz target: the dataset loader. Oracles beyond "no crash" (FuzzOracle.loader): what
// validates also loads and builds; what loads writes and reloads the same; extension fields
// written back are all kept.
import DatelineModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if let broken = FuzzOracle.loader(bytes) { fatalError(broken) }
  return 0
}
