#ifndef DATELINE_CNCURSESW_SHIM_H
#define DATELINE_CNCURSESW_SHIM_H
// Wide-character ncurses. Swift does not import function-like macros, the A_* attributes, the
// octal KEY_* codes or the `stdscr`/`LINES`/`COLS` globals (shared mutable state in Swift 6), so
// the few we need are wrapped below as static inline functions, all prefixed `dl_`.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// MARK: - Screen

/// Starts curses on stdin/stdout. Unlike initscr, returns NULL instead of exiting when the
/// terminal cannot be used (unknown TERM, not a terminal).
static inline SCREEN *dl_start_screen(void) {
  // The size comes from the terminal itself: an exported COLUMNS/LINES (stale after any
  // resize) must not override it. (use_env(FALSE) would also stop curses following resizes.)
  unsetenv("LINES");
  unsetenv("COLUMNS");
  SCREEN *screen = newterm(NULL, stdout, stdin);
  if (screen != NULL) set_term(screen);
  return screen;
}

static inline WINDOW *dl_stdscr(void) { return stdscr; }
/// Marks the physical screen as garbage so the next refresh repaints everything (Ctrl-L).
static inline void dl_force_full_repaint(void) { clearok(curscr, TRUE); }
static inline int dl_rows(void) { return stdscr ? getmaxy(stdscr) : 0; }
static inline int dl_columns(void) { return stdscr ? getmaxx(stdscr) : 0; }
/// True when standard input has been closed or hung up (so reads would fail at once forever).
static inline int dl_input_lost(void) {
  struct pollfd input = {.fd = STDIN_FILENO, .events = POLLIN, .revents = 0};
  if (poll(&input, 1, 0) < 0) return 0;
  return (input.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

static inline int dl_set_locale_from_environment(void) {
  return setlocale(LC_ALL, "") != NULL;
}

/// Columns the C library (and so curses) gives a wide character: -1 when unprintable.
static inline int dl_wcwidth(int scalar) { return wcwidth((wchar_t)scalar); }
/// True when the locale's character set is UTF-8.
static inline int dl_locale_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

// MARK: - Attributes and colors

static inline attr_t dl_attr_normal(void) { return A_NORMAL; }
static inline attr_t dl_attr_bold(void) { return A_BOLD; }
static inline attr_t dl_attr_reverse(void) { return A_REVERSE; }
static inline attr_t dl_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t dl_attr_dim(void) { return A_DIM; }
static inline int dl_color_pairs(void) { return COLOR_PAIRS; }
static inline int dl_colors(void) { return COLORS; }

// MARK: - Key codes (wget_wch returns KEY_CODE_YES with one of these)

static inline int dl_key_code_yes(void) { return KEY_CODE_YES; }
static inline int dl_key_up(void) { return KEY_UP; }
static inline int dl_key_down(void) { return KEY_DOWN; }
static inline int dl_key_left(void) { return KEY_LEFT; }
static inline int dl_key_right(void) { return KEY_RIGHT; }
static inline int dl_key_home(void) { return KEY_HOME; }
static inline int dl_key_end(void) { return KEY_END; }
static inline int dl_key_page_up(void) { return KEY_PPAGE; }
static inline int dl_key_page_down(void) { return KEY_NPAGE; }
static inline int dl_key_back_tab(void) { return KEY_BTAB; }
static inline int dl_key_enter(void) { return KEY_ENTER; }
static inline int dl_key_backspace(void) { return KEY_BACKSPACE; }
static inline int dl_key_delete(void) { return KEY_DC; }
static inline int dl_key_resize(void) { return KEY_RESIZE; }
static inline int dl_key_mouse(void) { return KEY_MOUSE; }
// Some terminfo entries send these for Home/End on the keypad.
static inline int dl_key_a1(void) { return KEY_A1; }
static inline int dl_key_c1(void) { return KEY_C1; }
static inline int dl_key_beg(void) { return KEY_BEG; }
static inline int dl_key_find(void) { return KEY_FIND; }
static inline int dl_key_select(void) { return KEY_SELECT; }

// MARK: - Mouse

/// Reports clicks and the wheel (buttons 4 and 5). Returns nonzero when the terminal can.
static inline int dl_enable_mouse(void) {
  mmask_t wanted = BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
  mmask_t old = 0;
  mmask_t got = mousemask(wanted, &old);
  // Report presses at once instead of waiting to tell a click from a double click.
  mouseinterval(0);
  return got != 0;
}

static inline void dl_disable_mouse(void) { mousemask(0, NULL); }

/// The pending mouse event: kind 1 click, 2 wheel up, 3 wheel down, 0 anything else.
/// Returns 0 when there is none.
static inline int dl_read_mouse(int *kind, int *x, int *y) {
  MEVENT event;
  if (getmouse(&event) != OK) return 0;
  *x = event.x;
  *y = event.y;
  if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) {
    *kind = 1;
  } else if (event.bstate & BUTTON4_PRESSED) {
    *kind = 2;
  } else if (event.bstate & BUTTON5_PRESSED) {
    *kind = 3;
  } else {
    *kind = 0;
  }
  return 1;
}

// MARK: - Input

static inline void dl_set_escape_delay(int milliseconds) { set_escdelay(milliseconds); }

/// One wide key: returns OK (a character), KEY_CODE_YES (a key code) or ERR (timeout/none).
static inline int dl_read_key(int *code) {
  wint_t value = 0;
  int status = wget_wch(stdscr, &value);
  *code = (int)value;
  return status;
}

// MARK: - Output

/// Draws one cell at (y, x): the grapheme's scalars (base then combining marks, at most
/// CCHARW_MAX - 1 of them) with attributes and a color pair (0 = default colors).
static inline int dl_put_cell(int y, int x, const wchar_t *scalars, int count, attr_t attributes,
                              short pair) {
  wchar_t text[CCHARW_MAX + 1];
  if (count < 1) count = 1;
  if (count > CCHARW_MAX - 1) count = CCHARW_MAX - 1;
  for (int i = 0; i < count; i++) text[i] = scalars[i];
  text[count] = L'\0';
  cchar_t cell;
  if (setcchar(&cell, text, attributes, pair, NULL) != OK) return ERR;
  return mvwadd_wch(stdscr, y, x, &cell);
}

// MARK: - Last-resort terminal restore for fatal signals (async-signal-safe parts only)

/// Process-wide state for the fatal-signal restore. Function-local statics, because Swift's
/// clang importer does not emit file-scope static arrays or structs from a header.
struct dl_emergency_state {
  /// Captured before curses starts: the terminal as the user had it.
  struct termios saved_termios;
  int saved_termios_valid;
  /// Bytes that leave the alternate screen, show the cursor and stop mouse reporting.
  char reset[256];
  int reset_length;
};

static inline struct dl_emergency_state *dl_emergency(void) {
  static struct dl_emergency_state state;
  return &state;
}

static inline void dl_save_terminal_modes(void) {
  dl_emergency()->saved_termios_valid = tcgetattr(STDIN_FILENO, &dl_emergency()->saved_termios) == 0;
}

static inline void dl_append_reset(const char *bytes) {
  if (bytes == NULL || bytes == (char *)-1) return;
  size_t length = strlen(bytes);
  if (dl_emergency()->reset_length + length >= sizeof dl_emergency()->reset) return;
  memcpy(dl_emergency()->reset + dl_emergency()->reset_length, bytes, length);
  dl_emergency()->reset_length += (int)length;
}

/// After initscr: compute the reset bytes from terminfo while it is safe to do so.
static inline void dl_prepare_emergency_reset(void) {
  dl_emergency()->reset_length = 0;
  dl_append_reset("\033[?1000l\033[?1002l\033[?1006l");  // mouse reporting off
  dl_append_reset(tigetstr("sgr0"));
  dl_append_reset(tigetstr("cnorm"));
  dl_append_reset(tigetstr("rmkx"));
  dl_append_reset(tigetstr("rmcup"));
}

/// Puts back the modes saved by dl_save_terminal_modes (after endwin, as a second guarantee).
static inline void dl_restore_terminal_modes(void) {
  if (dl_emergency()->saved_termios_valid) tcsetattr(STDIN_FILENO, TCSADRAIN, &dl_emergency()->saved_termios);
}

static void dl_fatal_signal_handler(int signal_number) {
  if (dl_emergency()->reset_length > 0) {
    ssize_t ignored = write(STDOUT_FILENO, dl_emergency()->reset, (size_t)dl_emergency()->reset_length);
    (void)ignored;
  }
  if (dl_emergency()->saved_termios_valid) tcsetattr(STDIN_FILENO, TCSANOW, &dl_emergency()->saved_termios);
  signal(signal_number, SIG_DFL);
  raise(signal_number);
}

/// A crash (trap, abort, segfault) still leaves the terminal usable.
static inline void dl_install_fatal_signal_handlers(void) {
  int fatal[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGSYS};
  for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = dl_fatal_signal_handler;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    sigaction(fatal[i], &action, NULL);
  }
}

static inline void dl_remove_fatal_signal_handlers(void) {
  int fatal[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGSYS};
  for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) signal(fatal[i], SIG_DFL);
}

// MARK: - Quit signals: a flag the input loop checks (never endwin in a handler)

static inline volatile sig_atomic_t *dl_pending_quit_signal(void) {
  static volatile sig_atomic_t pending;
  return &pending;
}

static void dl_quit_signal_handler(int signal_number) { *dl_pending_quit_signal() = signal_number; }

/// Every signal whose default action ends the process, except the crash signals handled
/// above and SIGKILL/SIGSTOP (which nothing can catch): quit signals (SIGINT, SIGTERM, SIGHUP,
/// SIGQUIT), user and timer signals, resource limits and the real-time signals. Fills `out`,
/// returns the count.
static inline int dl_quit_signals(int *out, int capacity) {
  int base[] = {
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
    SIGXFSZ,
#ifdef SIGPOLL
    SIGPOLL,
#endif
#ifdef SIGPWR
    SIGPWR,
#endif
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
#ifdef SIGEMT
    SIGEMT,
#endif
#ifdef SIGLOST
    SIGLOST,
#endif
  };
  int count = 0;
  for (unsigned i = 0; i < sizeof base / sizeof base[0] && count < capacity; i++) out[count++] = base[i];
#ifdef SIGRTMIN
  for (int s = SIGRTMIN; s <= SIGRTMAX && count < capacity; s++) out[count++] = s;
#endif
  return count;
}

/// Whether each signal was ignored when the browser started (as a shell does for background
/// jobs): those stay ignored.
static inline unsigned char *dl_ignored_at_start(void) {
  static unsigned char ignored[128];
  return ignored;
}

/// The quit signals set the flag; no SA_RESTART, so a blocked read returns at once. A signal
/// that was ignored stays ignored. SIGPIPE is ignored: output goes to the terminal, and a
/// write error there ends the loop through the input checks rather than killing us mid-frame.
static inline void dl_install_quit_signal_handlers(void) {
  int quit[128];
  int count = dl_quit_signals(quit, 128);
  for (int i = 0; i < count; i++) {
    struct sigaction previous;
    memset(&previous, 0, sizeof previous);
    sigaction(quit[i], NULL, &previous);
    int ignored = previous.sa_handler == SIG_IGN;
    if (quit[i] < 128) dl_ignored_at_start()[quit[i]] = (unsigned char)ignored;
    if (ignored) continue;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = dl_quit_signal_handler;
    sigemptyset(&action.sa_mask);
    sigaction(quit[i], &action, NULL);
  }
  signal(SIGPIPE, SIG_IGN);
}

static inline void dl_remove_quit_signal_handlers(void) {
  int quit[128];
  int count = dl_quit_signals(quit, 128);
  for (int i = 0; i < count; i++) {
    if (quit[i] < 128 && dl_ignored_at_start()[quit[i]]) continue;
    signal(quit[i], SIG_DFL);
  }
}

static inline int dl_take_quit_signal(void) {
  int pending = *dl_pending_quit_signal();
  *dl_pending_quit_signal() = 0;
  return pending;
}

/// After the terminal is restored: die of the signal, so the parent sees how we ended.
static inline void dl_reraise(int signal_number) {
  signal(signal_number, SIG_DFL);
  raise(signal_number);
}

#endif
