// Fuzz target: TimelineJS3 JSON and CSV import (TimelineJSImport.read). Oracles: what it
// returns passes the model's checks (it throws diagnostics otherwise, never traps), and what
// imports validates: the dataset written as `dateline import` writes it passes `validate`.
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
  // What imports validates: the file `dateline import` would write passes `validate`.
  let written = DatasetWriter.utf8(dataset)
  let problems = DatasetLoader.problems(inFile: written, path: "imported.json")
  if !problems.isEmpty {
    fatalError("the imported dataset, written, does not validate: \(problems.prefix(3))")
  }
  return 0
}
