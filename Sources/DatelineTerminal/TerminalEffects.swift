import CNcursesw
import DatelineUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the terminal backend does for the effects the browser asks for: the clipboard through
/// OSC 52, opening a URL in a browser, suspending like a shell job.
enum TerminalEffects {
  // MARK: Clipboard

  /// `ESC ] 52 ; c ; BASE64 BEL`: asks the terminal (and tmux, with `set-clipboard on`) to put
  /// `text` on the system clipboard. Base64, so nothing in the text can act on the terminal.
  static func osc52(_ text: String) -> [UInt8] {
    Array("\u{1B}]52;c;".utf8) + base64(Array(text.utf8)) + [0x07]
  }

  static func base64(_ bytes: [UInt8]) -> [UInt8] {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var output: [UInt8] = []
    output.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let first = UInt32(bytes[index])
      let second = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
      let third = index + 2 < bytes.count ? UInt32(bytes[index + 2]) : 0
      let triple = first << 16 | second << 8 | third
      output.append(alphabet[Int(triple >> 18 & 63)])
      output.append(alphabet[Int(triple >> 12 & 63)])
      output.append(index + 1 < bytes.count ? alphabet[Int(triple >> 6 & 63)] : UInt8(ascii: "="))
      output.append(index + 2 < bytes.count ? alphabet[Int(triple & 63)] : UInt8(ascii: "="))
      index += 3
    }
    return output
  }

  /// Writes the OSC 52 sequence straight to the terminal, after curses has flushed its frame
  /// (so it never lands inside curses' own output).
  static func copy(_ text: String) {
    let bytes = osc52(text)
    bytes.withUnsafeBufferPointer { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
        if written <= 0 {
          if written < 0 && errno == EINTR { continue }
          return
        }
        offset += written
      }
    }
  }

  // MARK: Opening a URL

  /// The command that opens URLs: the first entry of `$BROWSER` (its words; `%s` stands for
  /// the URL, else the URL is added last), else `xdg-open` when it is on PATH.
  static func browserCommand(for url: String, environment: [String: String]) -> [String]? {
    if let browser = environment["BROWSER"],
      let first = browser.split(separator: ":").first.map(String.init),
      !first.trimmingSpaces.isEmpty
    {
      var words = first.split(separator: " ").map(String.init)
      if words.contains(where: { $0.contains("%s") }) {
        words = words.map { $0.replacingPercentS(with: url) }
      } else {
        words.append(url)
      }
      return words
    }
    let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/xdg-open"
      if access(candidate, X_OK) == 0 { return [candidate, url] }
    }
    return nil
  }

  /// Runs the browser command with the terminal given back to it, and waits for it. Returns a
  /// note for the bottom line when it could not.
  static func open(_ url: String, environment: [String: String]) -> String? {
    guard let command = browserCommand(for: url, environment: environment) else {
      return "No browser to open \(url): set $BROWSER or install xdg-open"
    }
    return leavingCurses {
      var pid: pid_t = 0
      var arguments = command.map { strdup($0) } + [nil]
      defer { for argument in arguments { free(argument) } }
      let status = posix_spawnp(&pid, command[0], nil, nil, &arguments, environ)
      guard status == 0 else {
        return "Could not start \(command[0]) to open \(url)"
      }
      var exit: Int32 = 0
      while waitpid(pid, &exit, 0) < 0 && errno == EINTR {}
      return nil
    }
  }

  // MARK: Suspending

  /// Ctrl-Z: gives the terminal back, stops like any job, and takes the screen again on `fg`.
  ///
  /// The stop goes to the whole process group, as the terminal's own Ctrl-Z would: when the
  /// browser runs under a wrapper script, the shell waits for the wrapper, which must stop too
  /// for the shell to see a stopped job and print its prompt. `fg` continues the whole group.
  static func suspend() {
    _ = leavingCurses { () -> String? in
      let previous = signal(SIGTSTP, SIG_DFL)
      kill(0, SIGTSTP)
      // Here again after SIGCONT.
      signal(SIGTSTP, previous)
      return nil
    }
  }

  /// Restores the terminal, runs `body`, then takes the screen back (the caller repaints).
  static func leavingCurses(_ body: () -> String?) -> String? {
    dl_disable_mouse()
    def_prog_mode()
    endwin()
    dl_restore_terminal_modes()
    let note = body()
    reset_prog_mode()
    _ = dl_enable_mouse()
    dl_force_full_repaint()
    return note
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var text = Substring(self)
    while text.first == " " { text.removeFirst() }
    while text.last == " " { text.removeLast() }
    return String(text)
  }

  fileprivate func replacingPercentS(with value: String) -> String {
    split(separator: "%s", omittingEmptySubsequences: false).joined(separator: value)
  }
}
