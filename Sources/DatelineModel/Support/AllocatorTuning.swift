#if canImport(Glibc)
  import Glibc
#endif

/// Process-wide settings of the C allocator, applied once by each executable before it starts
/// any thread.
public enum AllocatorTuning {
  /// One malloc arena for every thread. glibc gives a thread that meets contention an arena of
  /// its own, and memory freed in one arena is never used by another thread's: a store build's
  /// reading, checking and writing threads each kept a high-water mark of their own (a 1M-quote
  /// import: about 150 MB resident instead of 120, for some 9% more CPU time, the threads
  /// waiting on one lock; the build stays well within its target). A validation gains nothing
  /// from it (no store is written) and its reading threads lost 15-20% of CPU time to the lock:
  /// see `sharesOneArena(command:)`.
  public static func shareOneArena() {
    #if canImport(Glibc)
      // glibc's `mallopt` and `M_ARENA_MAX` (malloc.h, which the Glibc module leaves out).
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      let arenaMaximum: Int32 = -8
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMaximum, 1)
    #endif
  }

  /// Whether a run of `command` (the first word of a command line) should share one arena:
  /// everything but a validation, which builds no store.
  public static func sharesOneArena(command: String?) -> Bool {
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
