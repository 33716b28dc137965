#ifndef CSHIM_H
#define CSHIM_H
#include "../../CNcursesw/shim.h"

/* Swift 6 rejects the curses globals and does not import these macros. */
WINDOW *cs_stdscr(void);
void cs_getmaxyx(WINDOW *window, int *rows, int *columns);
int cs_color_pair(int number);
unsigned int cs_attr_bold(void);
unsigned int cs_attr_reverse(void);
unsigned int cs_attr_underline(void);
unsigned int cs_attr_dim(void);
int cs_wcwidth(unsigned int codepoint);
/* Draws one grapheme (up to 8 code points) at the cursor with attributes and a colour pair. */
int cs_add_grapheme(const unsigned int *codepoints, int count, unsigned int attributes, short pair);

/* SIGINT/SIGTERM/SIGHUP set a flag (no SA_RESTART); the loop polls it. Also unblocks them and SIGWINCH. */
void cs_install_signal_handlers(void);
/* The pending signal number, or 0; clears it. */
int cs_take_signal(void);
/* Whether the codeset of the current locale is UTF-8. */
int cs_locale_is_utf8(void);
/* Whether TERM names a terminal with a terminfo description (without initscr's "Error opening terminal" exit). */
int cs_terminal_is_known(void);
#endif
