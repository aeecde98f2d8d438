import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a program with a clean signal state, no inherited file descriptors, and its output in
/// files.
///
/// Foundation's `Process` passes on the spawning thread's signal mask, in which the test
/// runner blocks most signals; a tmux server started that way never sees SIGCHLD or SIGTERM and
/// outlives `kill-server`. And a daemon (the tmux server) that inherits the write end of some
/// other test's pipe keeps that test waiting for end-of-file forever. So: posix_spawn with an
/// empty mask and default handlers, every descriptor above 2 closed, stdin from /dev/null,
/// stdout and stderr to files.
enum Spawn {
  /// Runs `arguments` (the first is looked up in PATH) with stdout and stderr together.
  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let result = try run(arguments, mergingErrors: true, environment: [:])
    return (result.status, result.output)
  }

  /// Runs `arguments` with `environment` added to ours; returns status, stdout and stderr
  /// (stderr is empty when `mergingErrors`).
  static func run(_ arguments: [String], mergingErrors: Bool, environment extra: [String: String])
    throws -> (status: Int32, output: String, error: String)
  {
    precondition(!arguments.isEmpty)
    let base = FileManager.default.temporaryDirectory
      .appendingPathComponent("dateline-spawn-\(UUID().uuidString)").path
    let outputPath = base + ".out"
    let errorPath = base + ".err"
    defer {
      unlink(outputPath)
      unlink(errorPath)
    }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    if mergingErrors {
      posix_spawn_file_actions_adddup2(&actions, 1, 2)
    } else {
      posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    }
    #if canImport(Glibc)
      if let closeFrom = closeFromAction { _ = closeFrom(&actions, 3) }
    #endif

    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU] {
      sigaddset(&defaults, signal)
    }
    #if canImport(Darwin)
      let flags = POSIX_SPAWN_CLOEXEC_DEFAULT
    #else
      let flags: Int32 = 0
    #endif
    let environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
      .map { "\($0.key)=\($0.value)" }
    let pid = try start(
      arguments, environment: environment, actions: &actions, defaults: defaults, flags: flags,
      searchingPath: true)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { throw HarnessError("waitpid failed for \(arguments[0])") }
    }
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    let error = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
    // WIFEXITED / WEXITSTATUS are macros Swift does not import.
    let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return (exitStatus, output, error)
  }

  /// posix_spawn (posix_spawnp when `searchingPath`) with `actions`, an empty signal mask, the
  /// signals in `defaults` reset to their default action and `flags` besides; returns the pid.
  static func start(
    _ arguments: [String], environment: [String], actions: inout posix_spawn_file_actions_t,
    defaults: sigset_t, flags: Int32, searchingPath: Bool
  ) throws -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var defaults = defaults
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(
      &attributes, Int16(Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) | flags))
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid: pid_t = 0
    let spawned =
      searchingPath
      ? posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
      : posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
    guard spawned == 0 else {
      throw HarnessError("cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
    }
    return pid
  }

  #if canImport(Glibc)
    typealias CloseFrom =
      @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32)
      -> Int32
    /// glibc 2.34+ has posix_spawn_file_actions_addclosefrom_np, but Swift's Glibc module does not
    /// export it; look it up at run time.
    static let closeFromAction: CloseFrom? = {
      guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
      return unsafeBitCast(symbol, to: CloseFrom.self)
    }()
  #endif
}
