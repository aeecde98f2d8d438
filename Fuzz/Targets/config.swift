// Fuzz target: the configuration file (`config.toml`: TOML through TOMLKit, then the key,
// action and colour names). Oracles beyond "no crash": a file that is refused gets an error
// located inside the file (line 1 up to one past the last line, column 1 or more); a file that
// parses prints back (in the layout of `dateline config --print-default`) to a text that
// parses to the same configuration.
import Foundation

@testable import dateline

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
  do {
    let configuration = try ConfigParser(path: "config.toml", text: text).parse()
    let printed = DefaultConfigFile.text(for: configuration)
    do {
      let again = try ConfigParser(path: "printed.toml", text: printed).parse()
      guard again == configuration else {
        fatalError("printed back, the configuration changed:\n\(printed)")
      }
    } catch {
      fatalError("printed back, the configuration is refused: \(error.message)\n\(printed)")
    }
  } catch {
    guard error.line >= 1, error.line <= lines + 1, error.column >= 1 else {
      fatalError("error outside the file: \(error.line):\(error.column): \(error.message)")
    }
  }
  return 0
}
