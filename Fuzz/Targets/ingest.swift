// Fuzz target: the ingester from raw bytes (decoding included). Oracle (IngestOracle): the
// dataset ingest builds passes the model's checks, and what it would write validates.
import DatelineIngest

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIngest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if let broken = IngestOracle.check(bytes) { fatalError(broken) }
  return 0
}
