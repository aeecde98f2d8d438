import Foundation
import Testing

@testable import DatelineModel

struct DatasetWriterTests {
  /// Every field, both kinds of date, absent optionals, and text that needs escaping.
  static let awkward = Dataset(
    title: "Quotes \"inside\", back\\slash, a/b, tab\there, bell\u{07}, é, 😀",
    sources: [
      Source(
        id: "s", publisher: "P", title: "T", published: "2025-02-24",
        url: "https://example.com/a/b")
    ],
    actors: [
      Actor(
        id: "a", name: "Ann \"A\" Lee", aliases: ["Lee", "A. Lee"], kind: .person,
        role: "Envoy\nto the UN", affiliation: "c"),
      Actor(id: "c", name: "Côte d’Ivoire", kind: .country),
    ],
    events: [
      Event(
        id: "e1", headline: "H", summary: "S", date: .edtf("2025-02-24"), status: .occurred,
        participants: ["a", "c"], location: "Paris",
        provenance: Provenance(source: "s", paragraph: 2)
      ),
      Event(
        id: "e2", headline: "H2", summary: "S2",
        date: .stated(StatedDate(stated: "on Thursday", tense: .future)), status: .scheduled,
        participants: [], provenance: Provenance(source: "s", paragraph: 3)),
      Event(
        id: "e3", headline: "H3", summary: "S3",
        date: .stated(StatedDate(stated: "earlier in the day", relativeTo: "e1")),
        status: .occurred, participants: ["a"], provenance: Provenance(source: "s", paragraph: 4)),
    ],
    quotes: [
      Quote(
        id: "q1", text: "“Curly” and \u{1B}[31mred", speaker: "a", event: "e1",
        provenance: Provenance(source: "s", paragraph: 2)),
      Quote(
        id: "q2", text: "within weeks", speaker: "a", date: .edtf("2025-03~"), kind: .partial,
        provenance: Provenance(source: "s", paragraph: 5)),
    ],
    relations: [
      Relation(
        from: "a", to: "c", kind: .represents, event: "e1",
        provenance: Provenance(source: "s", paragraph: 2)),
      Relation(
        from: "c", to: "a", kind: .supports, provenance: Provenance(source: "s", paragraph: 6)),
    ])

  /// The eight-bytes-at-a-time scan finds the byte a plain scan finds: the bytes around each
  /// one to escape, at random positions of buffers of every length up to 40, from every start.
  @Test func escapeScanFindsWhatAPlainScanFinds() {
    func plain(_ bytes: [UInt8], from start: Int) -> Int {
      bytes[start...].firstIndex(where: DatasetWriter.needsEscape) ?? bytes.count
    }
    var random = SplitMix64(seed: 3)
    for length in 0...40 {
      for byte: UInt8 in [
        0, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF,
      ] {
        var bytes = (0..<length).map { _ in UInt8(ascii: "a") + UInt8(random.next() % 26) }
        if length > 0 { bytes[Int(random.next() % UInt64(length))] = byte }
        for start in 0...length {
          let found = bytes.withUnsafeBufferPointer {
            DatasetWriter.firstEscape(in: $0, from: start)
          }
          #expect(found == plain(bytes, from: start), "\(bytes) \(start)")
        }
      }
    }
  }

  @Test func writtenJSONLoadsBackToTheSameDataset() throws {
    for dataset in [Self.awkward, Dataset(), try DatasetLoader.load(json: Fixtures.story)] {
      let json = DatasetWriter.json(dataset)
      #expect(try DatasetLoader.load(json: json) == dataset)
    }
  }

  /// The writer is hand-written: when the format gains a field, this fails until the writer
  /// writes it too.
  @Test func writesWhatTheCodableEncodingWrites() throws {
    let ours = try JSONSerialization.jsonObject(with: Data(DatasetWriter.json(Self.awkward).utf8))
    let theirs = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.awkward))
    #expect((ours as? NSDictionary) == (theirs as? NSDictionary))
  }

  @Test func layoutIsForPeople() {
    let json = DatasetWriter.json(Self.awkward)
    #expect(json.hasPrefix("{\n  \"format\": \"dateline/1\",\n  \"title\": "))
    #expect(json.contains("\"aliases\": [\"Lee\", \"A. Lee\"],"))
    #expect(json.contains("\"aliases\": [],"))
    #expect(json.contains("\"provenance\": {\"source\": \"s\", \"paragraph\": 2}"))
    #expect(json.contains("\"date\": {\"stated\": \"on Thursday\", \"tense\": \"future\"}"))
    #expect(
      json.contains(
        "\n    {\"from\": \"c\", \"to\": \"a\", \"kind\": \"supports\", \"provenance\": {\"source\": \"s\", \"paragraph\": 6}}\n"
      ))
    #expect(json.contains("https://example.com/a/b"))
    #expect(json.contains("bell\\u0007"))
    #expect(json.contains("\\u001b[31m"))
    #expect(!json.contains("\u{1B}"))
    #expect(json.hasSuffix("}\n"))
    #expect(DatasetWriter.json(Dataset()).contains("\"relations\": []\n}"))
  }
}
