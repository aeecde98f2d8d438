import DatelineTestSupport
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `dateline` on a pseudo-terminal of this process's own, without tmux: for what a terminal's
/// settings, the bytes the program writes and the way it ends show (signals, Ctrl-C, a data
/// error, a dumb terminal), where no screen needs reading. The program is a session leader
/// with the terminal as its controlling terminal, as under a shell; a thread reads everything
/// it writes, so it never blocks on a full terminal. Cheaper than a tmux pane: no server, no
/// wrapper shell, no polling clients, and waits end as soon as the bytes arrive.
final class PseudoTerminal: @unchecked Sendable {
  let pid: pid_t
  private let controller: Int32
  /// Kept open by the test so the terminal's settings can be read after the program ended.
  private let terminal: Int32
  /// The settings before the program started.
  let settingsBefore: [UInt8]
  private let scratch: ScratchDirectory
  private let lock = NSLock()
  private var received: [UInt8] = []
  private var status: Int32?
  private var closed = false

  /// Starts `dateline ARGUMENTS` on a `width` x `height` terminal; `environment` is added to the
  /// test's (TERM defaults to xterm-256color, LANG and LC_ALL to C.UTF-8; NO_COLOR, COLUMNS and
  /// LINES are removed unless given). The working and configuration directory is a scratch
  /// directory.
  init(
    arguments: [String], width: Int = 100, height: Int = 30, environment: [String: String] = [:]
  ) throws {
    guard let binary = BuiltBinary.path else { throw HarnessError(BuiltBinary.missingMessage) }
    scratch = try ScratchDirectory("pty")
    let (controller, path): (Int32, String)
    do {
      (controller, path) = try Self.openController()
    } catch {
      scratch.remove()
      throw error
    }
    self.controller = controller
    var size = winsize(
      ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(controller, UInt(TIOCSWINSZ), &size)
    terminal = open(path, O_RDWR | O_NOCTTY)
    guard terminal >= 0 else {
      closeDescriptor(controller)
      scratch.remove()
      throw HarnessError("cannot open \(path): errno \(errno)")
    }
    settingsBefore = Self.settings(of: terminal)

    var variables = ProcessInfo.processInfo.environment
    for name in ["NO_COLOR", "COLUMNS", "LINES"] { variables[name] = nil }
    variables.merge([
      "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
      "XDG_CONFIG_HOME": scratch.url.path, "XDG_CACHE_HOME": scratch.path("cache"),
    ]) { $1 }
    variables.merge(environment) { $1 }
    do {
      pid = try Self.spawn(
        [binary] + arguments, terminal: path, directory: scratch.url.path,
        environment: variables)
    } catch {
      closeDescriptor(terminal)
      closeDescriptor(controller)
      scratch.remove()
      throw error
    }
    let thread = Thread { [self] in readAll() }
    thread.start()
  }

  deinit { close() }

  /// Ends the program if it still runs, stops reading and removes the scratch directory. Safe
  /// to call twice.
  func close() {
    lock.lock()
    let wasClosed = closed
    closed = true
    let running = status == nil
    lock.unlock()
    guard !wasClosed else { return }
    if running {
      kill(pid, SIGKILL)
      _ = reap(blocking: true)
    }
    // With the program gone and our own end of the terminal closed, the reader sees EIO.
    closeDescriptor(terminal)
    scratch.remove()
  }

  // MARK: Driving

  /// Writes `text` to the terminal, as typed keys.
  func type(_ text: String) throws {
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
    guard written == bytes.count else { throw HarnessError("cannot write to the terminal") }
  }

  // MARK: Waiting

  /// Everything the program wrote so far, decoded leniently.
  var output: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: received, as: UTF8.self)
  }

  /// Waits until the program's output holds `text` after byte `offset`; returns the offset just
  /// past the first such `text`. Throws with the output on timeout.
  @discardableResult
  func waitFor(_ text: String, after offset: Int = 0, timeout: Duration = .seconds(30))
    async throws -> Int
  {
    let needle = Array(text.utf8)
    let deadline = ContinuousClock.now + timeout
    while true {
      if let end = find(needle, after: offset) { return end }
      if ContinuousClock.now >= deadline { break }
      TerminalSlots.pause(.milliseconds(5))
    }
    throw HarnessError(
      "timed out waiting for \(text.debugDescription) on the terminal; it received:\n\(output.debugDescription)"
    )
  }

  /// The first frame is complete once its last row, the hint line, arrived.
  func waitForFirstFrame() async throws -> Int {
    try await waitFor("q quit")
  }

  /// Waits for the program to end; returns its status as a shell reports it (128+N for
  /// signal N).
  func waitForExit(timeout: Duration = .seconds(30)) async throws -> Int32 {
    let deadline = ContinuousClock.now + timeout
    while true {
      if let status = reap(blocking: false) { return status }
      if ContinuousClock.now >= deadline { break }
      TerminalSlots.pause(.milliseconds(5))
    }
    throw HarnessError(
      "timed out waiting for dateline to exit; it wrote:\n\(output.debugDescription)")
  }

  /// The terminal's settings now (compare with `settingsBefore`, as `stty -g` would).
  var settingsNow: [UInt8] { Self.settings(of: terminal) }

  /// The bytes received after `offset`, decoded leniently.
  func output(after offset: Int) -> String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: received[min(offset, received.count)...], as: UTF8.self)
  }

  // MARK: Inside

  private func find(_ needle: [UInt8], after offset: Int) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard !needle.isEmpty, received.count >= offset + needle.count else { return nil }
    var start = offset
    while start + needle.count <= received.count {
      if received[start] == needle[0], received[start..<start + needle.count].elementsEqual(needle)
      {
        return start + needle.count
      }
      start += 1
    }
    return nil
  }

  private func readAll() {
    var buffer = [UInt8](repeating: 0, count: 16_384)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(controller, $0.baseAddress, $0.count) }
      if count > 0 {
        lock.lock()
        received.append(contentsOf: buffer[0..<count])
        lock.unlock()
      } else if count < 0 && errno == EINTR {
        continue
      } else {
        break
      }
    }
    closeDescriptor(controller)
  }

  /// The program's status once it ended (waited for when `blocking`), else nil.
  private func reap(blocking: Bool) -> Int32? {
    lock.lock()
    if let status {
      lock.unlock()
      return status
    }
    lock.unlock()
    var raw: Int32 = 0
    var result: pid_t
    repeat {
      result = waitpid(pid, &raw, blocking ? 0 : WNOHANG)
    } while result < 0 && errno == EINTR
    guard result == pid else { return nil }
    // WIFEXITED / WEXITSTATUS are macros Swift does not import.
    let value = (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
    lock.lock()
    status = value
    lock.unlock()
    return value
  }

  private static func settings(of descriptor: Int32) -> [UInt8] {
    var settings = termios()
    guard tcgetattr(descriptor, &settings) == 0 else { return [] }
    return withUnsafeBytes(of: &settings) { Array($0) }
  }

  typealias DescriptorCall = @convention(c) (Int32) -> Int32
  typealias NameCall = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

  /// Opens a new pseudo-terminal's controlling side; returns it and the terminal's path.
  /// (posix_openpt, grantpt, unlockpt and ptsname_r are not in Swift's Glibc module: looked up
  /// at run time.)
  private static func openController() throws -> (Int32, String) {
    guard let openSymbol = dlsym(nil, "posix_openpt"), let grantSymbol = dlsym(nil, "grantpt"),
      let unlockSymbol = dlsym(nil, "unlockpt"), let nameSymbol = dlsym(nil, "ptsname_r")
    else { throw HarnessError("this system has no pseudo-terminal functions") }
    let openpt = unsafeBitCast(openSymbol, to: DescriptorCall.self)
    let grant = unsafeBitCast(grantSymbol, to: DescriptorCall.self)
    let unlock = unsafeBitCast(unlockSymbol, to: DescriptorCall.self)
    let name = unsafeBitCast(nameSymbol, to: NameCall.self)
    let controller = openpt(O_RDWR | O_NOCTTY)
    guard controller >= 0 else { throw HarnessError("posix_openpt failed: errno \(errno)") }
    var path = [CChar](repeating: 0, count: 256)
    guard grant(controller) == 0, unlock(controller) == 0, name(controller, &path, 256) == 0
    else {
      closeDescriptor(controller)
      throw HarnessError("cannot set up a pseudo-terminal: errno \(errno)")
    }
    _ = fcntl(controller, F_SETFD, FD_CLOEXEC)
    let bytes = path.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return (controller, String(decoding: bytes, as: UTF8.self))
  }

  /// posix_spawn's flag for a new session (glibc 2.26 and later); not in Swift's Glibc module.
  private static let newSession: Int32 = 0x80

  /// Starts `arguments` as a session leader whose standard input, output and error are the
  /// terminal at `path` (opened without O_NOCTTY, so it becomes the controlling terminal), with
  /// a clean signal state and no other descriptors.
  private static func spawn(
    _ arguments: [String], terminal path: String, directory: String,
    environment: [String: String]
  ) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, path, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    if let closeFrom = Spawn.closeFromAction { _ = closeFrom(&actions, 3) }
    if let changeDirectory = changeDirectoryAction {
      _ = changeDirectory(&actions, directory)
    }

    // Every signal as the system defines it, even one this process ignores.
    var defaults = sigset_t()
    sigfillset(&defaults)
    sigdelset(&defaults, SIGKILL)
    sigdelset(&defaults, SIGSTOP)
    return try Spawn.start(
      arguments, environment: environment.map { "\($0.key)=\($0.value)" }, actions: &actions,
      defaults: defaults, flags: newSession, searchingPath: false)
  }

  typealias ChangeDirectory =
    @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>)
    -> Int32
  /// posix_spawn_file_actions_addchdir_np (glibc 2.29+), looked up at run time like closefrom.
  static let changeDirectoryAction: ChangeDirectory? = {
    guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { return nil }
    return unsafeBitCast(symbol, to: ChangeDirectory.self)
  }()
}

private func closeDescriptor(_ descriptor: Int32) {
  #if canImport(Glibc)
    _ = Glibc.close(descriptor)
  #else
    _ = Darwin.close(descriptor)
  #endif
}
