/* Kept apart from cshim.c: <term.h> defines macros (columns, lines) that clash with ordinary names. */
#include <unistd.h>
#include "include/cshim.h"
#include <term.h>

int cs_terminal_is_known(void) {
    int status = 0;
    return setupterm(NULL, STDOUT_FILENO, &status) == OK && status == 1;
}
