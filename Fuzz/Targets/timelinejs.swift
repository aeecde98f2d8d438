// Fuzz target: TimelineJS3 JSON and CSV import (TimelineJSImport.read). Oracle: what it
// returns passes the model's checks (it throws diagnostics otherwise, never traps).
import DatelineExport
import DatelineModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTimelineJS(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = TimelineJSImport.detect(bytes)
  guard let dataset = try? TimelineJSImport.read(bytes, path: "fuzz.json") else { return 0 }
  do { try Timeline.check(dataset) } catch {
    fatalError("TimelineJS import returned a dataset the model refuses: \(error.diagnostics)")
  }
  return 0
}
