// swift-tools-version: 6.0
import PackageDescription

// Layers depend one way: DatelineModel <- DatelineIngest, DatelineModel <- DatelineUI <- DatelineTerminal,
// and the `dateline` executable wires them together. Only DatelineTerminal touches ncurses.
let package = Package(
  name: "Dateline",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "dateline", targets: ["dateline"]),
    .executable(name: "dateline-bench", targets: ["dateline-bench"]),
    .library(name: "DatelineModel", targets: ["DatelineModel"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    // Pure Swift: data format, dates, chronology, links, queries. No terminal code.
    // The store is SQLite (the system library, with FTS5) through GRDB.
    .target(name: "DatelineModel", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
    // Rule-based extraction of a dataset from plain-text articles.
    .target(name: "DatelineIngest", dependencies: ["DatelineModel"]),
    // Exports of a timeline (TimelineJS, iCalendar, CSV, Markdown) and TimelineJS import.
    .target(name: "DatelineExport", dependencies: ["DatelineModel"]),
    // UI core: state, actions, update, rendering into a grid of cells. No ncurses.
    .target(name: "DatelineUI", dependencies: ["DatelineModel"]),
    // The system ncursesw library, with a small shim for the macros Swift cannot import.
    .systemLibrary(
      // The module map links ncursesw and the shim sets the wide-character macros itself:
      // no pkgConfig, whose `-D_XOPEN_SOURCE=600` SwiftPM refuses with a warning on every
      // build. Debian's package is libncurses-dev (.ci/run installs it).
      name: "CNcursesw"
    ),
    // Thin ncurses backend: draws the UI grid and turns input into keys.
    .target(name: "DatelineTerminal", dependencies: ["DatelineModel", "DatelineUI", "CNcursesw"]),
    .executableTarget(
      name: "dateline",
      dependencies: [
        "DatelineModel", "DatelineIngest", "DatelineUI", "DatelineTerminal", "DatelineExport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // A release binary carries the Swift runtime and Foundation in itself: resolving their
      // symbols in some twenty shared libraries at every start cost more than the bundled story's
      // whole load. Debug builds (and the tests that run them) link them dynamically. The list
      // names the static libraries, which link only in a group (they refer to each other).
      linkerSettings: [
        .unsafeFlags(
          [
            "-static-stdlib", "-Xlinker", "--start-group", "-lFoundation",
            "-lFoundationInternationalization", "-lFoundationEssentials", "-lCoreFoundation",
            "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections",
            "-lswiftSynchronization", "-lswift_StringProcessing", "-lswift_RegexParser",
            "-lswift_Concurrency", "-lswiftDispatch", "-ldispatch", "-lBlocksRuntime",
            "-lswiftGlibc", "-lswift_Builtin_float", "-lswiftCore", "-Xlinker", "--end-group",
          ], .when(platforms: [.linux], configuration: .release))
      ]
    ),
    // Benchmarks are programs: they print medians and ratios, they do not assert.
    .executableTarget(
      name: "dateline-bench",
      dependencies: ["DatelineModel", "DatelineIngest", "DatelineUI"]
    ),
    // Helpers shared by the test targets (seeded randomness), built only for tests.
    .target(
      name: "DatelineTestSupport", dependencies: ["DatelineModel"],
      path: "Tests/DatelineTestSupport"),
    .testTarget(
      name: "DatelineModelTests",
      dependencies: [
        "DatelineModel", "DatelineTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    .testTarget(
      name: "DatelineIngestTests",
      dependencies: ["DatelineIngest", "DatelineModel", "DatelineTestSupport"],
      exclude: ["Corpus"]),
    .testTarget(
      name: "DatelineUITests",
      dependencies: ["DatelineUI", "DatelineModel", "DatelineTestSupport"],
      exclude: ["Goldens"]),
    // Runs the built executables; also tests the `dateline` target's own code (the config
    // file reader) in process.
    .testTarget(
      name: "DatelineCLITests",
      dependencies: [
        "DatelineModel", "DatelineTestSupport", "dateline",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    .testTarget(
      name: "DatelineExportTests",
      dependencies: ["DatelineExport", "DatelineModel", "DatelineTestSupport"]),
    .testTarget(
      name: "DatelineTerminalTests",
      dependencies: ["DatelineModel", "DatelineTerminal", "DatelineUI", "DatelineTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
