#define _XOPEN_SOURCE 700
#include <langinfo.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <wchar.h>
#include "include/cshim.h"

WINDOW *cs_stdscr(void) { return stdscr; }
void cs_getmaxyx(WINDOW *window, int *rows, int *columns) { getmaxyx(window, *rows, *columns); }
int cs_color_pair(int number) { return COLOR_PAIR(number); }
unsigned int cs_attr_bold(void) { return A_BOLD; }
unsigned int cs_attr_reverse(void) { return A_REVERSE; }
unsigned int cs_attr_underline(void) { return A_UNDERLINE; }
unsigned int cs_attr_dim(void) { return A_DIM; }
int cs_wcwidth(unsigned int codepoint) { return wcwidth((wchar_t)codepoint); }

int cs_add_grapheme(const unsigned int *codepoints, int count, unsigned int attributes, short pair) {
    wchar_t text[CCHARW_MAX + 1];
    int used = 0;
    for (int i = 0; i < count && used < CCHARW_MAX; i++) text[used++] = (wchar_t)codepoints[i];
    text[used] = 0;
    cchar_t cell;
    if (setcchar(&cell, text, (attr_t)attributes, pair, NULL) != OK) return ERR;
    return add_wch(&cell);
}

static volatile sig_atomic_t pending_signal = 0;
static void on_signal(int number) { pending_signal = number; }

void cs_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_signal; /* no SA_RESTART: get_wch returns */
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGWINCH);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

int cs_take_signal(void) {
    int number = pending_signal;
    pending_signal = 0;
    return number;
}

int cs_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}
