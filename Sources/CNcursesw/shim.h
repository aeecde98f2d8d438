#ifndef DATELINE_CNCURSESW_SHIM_H
#define DATELINE_CNCURSESW_SHIM_H
// Wide-character ncurses. Swift does not import function-like macros, so the few we need
// are wrapped below as static inline functions.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>

#endif
