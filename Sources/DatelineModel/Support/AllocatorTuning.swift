#if canImport(Glibc)
  import Glibc
#endif

/// Process-wide settings of the C allocator, applied once by each executable before it starts
/// any thread.
public enum AllocatorTuning {
  /// The most malloc arenas a store build's threads share.
  public static let storeBuildArenas = 2

  /// At most `storeBuildArenas` malloc arenas for all threads. glibc gives a thread that meets
  /// contention an arena of its own (up to 8 a core), and memory freed in one arena is never
  /// used by another thread's: a store build's reading, checking and writing threads each kept
  /// a high-water mark of their own. A 1M-quote directory import, quiet machine: 148-164 MB
  /// resident and 12.0 s of CPU with glibc's default, 131 MB and 13.2 s with two arenas, 120 MB
  /// and 13.5-14.7 s with one (its threads wait on one lock). A validation gains nothing (it
  /// writes no store) and its reading threads lost 15-20% of CPU time to a shared lock: see
  /// `sharesArenas(command:)`.
  public static func shareArenas() {
    #if canImport(Glibc)
      // glibc's `mallopt` and `M_ARENA_MAX` (malloc.h, which the Glibc module leaves out).
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      let arenaMaximum: Int32 = -8
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMaximum, Int32(storeBuildArenas))
    #endif
  }

  /// Whether a run of `command` (the first word of a command line) should share arenas:
  /// everything but a validation, which builds no store.
  public static func sharesArenas(command: String?) -> Bool {
    command != "validate"
  }

  /// How many malloc arenas the process has (from glibc's `malloc_info`), or nil where that is
  /// unknown.
  public static func arenaCount() -> Int? {
    #if canImport(Glibc)
      typealias MallocInfo = @convention(c) (Int32, UnsafeMutablePointer<FILE>?) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_info") else {
        return nil
      }
      var buffer: UnsafeMutablePointer<CChar>?
      var size = 0
      guard let stream = open_memstream(&buffer, &size) else { return nil }
      let status = unsafeBitCast(symbol, to: MallocInfo.self)(0, stream)
      fclose(stream)
      defer { free(buffer) }
      guard status == 0, let buffer else { return nil }
      return String(cString: buffer).components(separatedBy: "<heap nr=").count - 1
    #else
      return nil
    #endif
  }
}
