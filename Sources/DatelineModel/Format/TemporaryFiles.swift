#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one owner of the handlers that remove temporary files when the process is told to stop.
///
/// A writer registers each temporary file before creating it and unregisters it once the file
/// is renamed into place or removed. While at least one file is registered, SIGINT, SIGTERM and
/// SIGHUP run a handler that removes every registered file, puts back the action that was in
/// place before (the default, or a handler such as the browser's terminal restore) and raises
/// the signal again, so the process ends, or goes on, as it would have without a write in
/// progress. A signal that was ignored when the first file was registered stays ignored.
///
/// `AtomicFileWriter` and the store builder use it; nothing else installs handlers for these
/// signals except the browser's terminal session, which this chains to.
public enum TemporaryFiles {
  /// A registered file; `none` when the table was full (the file is then still removed on
  /// errors by its writer, just not on signals).
  public struct Registration: Sendable, Equatable {
    let slot: Int
    public static let none = Registration(slot: -1)
  }

  static let slots = 64
  static let slotSize = 4096
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// A fixed table of NUL-terminated paths, the slot-in-use flags, the saved actions and
  /// whether each signal's handler is ours: allocated once, readable from a handler.
  nonisolated(unsafe) static let table = UnsafeMutablePointer<CChar>.allocate(
    capacity: slots * slotSize)
  nonisolated(unsafe) static let used: UnsafeMutablePointer<sig_atomic_t> = {
    let pointer = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: slots)
    pointer.initialize(repeating: 0, count: slots)
    return pointer
  }()
  nonisolated(unsafe) static let saved = UnsafeMutablePointer<sigaction>.allocate(capacity: 3)
  nonisolated(unsafe) static let installed: UnsafeMutablePointer<sig_atomic_t> = {
    let pointer = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 3)
    pointer.initialize(repeating: 0, count: 3)
    return pointer
  }()
  nonisolated(unsafe) static var active = 0
  nonisolated(unsafe) static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
    let pointer = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    pthread_mutex_init(pointer, nil)
    return pointer
  }()

  /// Lists `path` for removal on SIGINT, SIGTERM and SIGHUP. Call it before the file is
  /// created, so a signal in between cannot leave it behind.
  public static func register(_ path: String) -> Registration {
    _ = (table, used, saved, installed)
    pthread_mutex_lock(lock)
    defer { pthread_mutex_unlock(lock) }
    let bytes = Array(path.utf8)
    guard bytes.count < slotSize, let free = (0..<slots).first(where: { used[$0] == 0 }) else {
      return .none
    }
    let start = table + free * slotSize
    for (offset, byte) in bytes.enumerated() { start[offset] = CChar(bitPattern: byte) }
    start[bytes.count] = 0
    used[free] = 1
    if active == 0 { install() }
    active += 1
    return Registration(slot: free)
  }

  /// Lists several paths (a file and the side files a library may create beside it).
  public static func register(_ paths: [String]) -> [Registration] {
    paths.map { register($0) }
  }

  /// Takes `registration` off the list (the file was renamed into place or removed).
  public static func unregister(_ registration: Registration) {
    let slot = registration.slot
    guard slot >= 0 else { return }
    pthread_mutex_lock(lock)
    defer { pthread_mutex_unlock(lock) }
    guard used[slot] != 0 else { return }
    used[slot] = 0
    active -= 1
    if active == 0 { uninstall() }
  }

  public static func unregister(_ registrations: [Registration]) {
    for registration in registrations { unregister(registration) }
  }

  /// How many files are listed now (for tests).
  public static var count: Int {
    pthread_mutex_lock(lock)
    defer { pthread_mutex_unlock(lock) }
    return active
  }

  private static func install() {
    for (index, number) in signals.enumerated() {
      var previous = sigaction()
      sigaction(number, nil, &previous)
      if isIgnored(previous) { continue }
      var action = sigaction()
      #if os(Linux)
        action.__sigaction_handler.sa_handler = { TemporaryFiles.removeAllAndReraise($0) }
      #else
        action.__sigaction_u.__sa_handler = { TemporaryFiles.removeAllAndReraise($0) }
      #endif
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      saved[index] = previous
      installed[index] = 1
      sigaction(number, &action, nil)
    }
    // A write that is told to stop must stop, even where a parent blocked the signals.
    unblockStopSignals()
  }

  /// Unblocks SIGINT, SIGTERM and SIGHUP for the calling thread: a parent may have started the
  /// process with them blocked (test runners do), and then nothing could stop it. `dateline`
  /// calls it first thing; their actions are left as they are.
  public static func unblockStopSignals() {
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for number in signals { sigaddset(&unblock, number) }
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
  }

  private static func uninstall() {
    for (index, number) in signals.enumerated() where installed[index] != 0 {
      installed[index] = 0
      sigaction(number, saved + index, nil)
    }
  }

  private static func isIgnored(_ action: sigaction) -> Bool {
    #if os(Linux)
      let handler = action.__sigaction_handler.sa_handler
    #else
      let handler = action.__sigaction_u.__sa_handler
    #endif
    return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
  }

  /// In the signal handler: only unlink, sigaction and raise, which are async-signal-safe.
  static func removeAllAndReraise(_ number: Int32) {
    for slot in 0..<slots where used[slot] != 0 { unlink(table + slot * slotSize) }
    if let index = signals.firstIndex(of: number), installed[index] != 0 {
      installed[index] = 0
      sigaction(number, saved + index, nil)
    }
    raise(number)
  }
}
