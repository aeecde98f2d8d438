// Fuzz target: one Quotebank JSON line (QuotebankRecord.parse). Oracle (FuzzOracle.quotebank):
// a record that parses maps to a dataset the model accepts.
import DatelineModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuotebank(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if let broken = FuzzOracle.quotebank(bytes) { fatalError(broken) }
  return 0
}
