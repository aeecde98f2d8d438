import DatelineIngest
import Foundation

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "model":
  ModelBench.run(Array(arguments.dropFirst()))
case "report":
  for path in arguments.dropFirst() {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
    let analysis = ArticleAnalysis(text: text)
    print(IngestReport.text(for: analysis, file: path))
  }
default:
  print("usage: dateline-bench ingest | score | report FILE...")
}
