/* The guided session's entry point and loop: read a key, let the session act, redraw once.
 * The terminal is restored on every way out: q, Ctrl-C, SIGTERM/SIGHUP, and errors. */
#include "app.h"
#include "../cli/cli.h"
#include "colors.h"
#include "keys.h"
#include "session.h"
#include "view.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
    got_signal = sig;
}

static bool curses_on;

void tui_fatal(const char *fmt, ...)
{
    if (curses_on)
        endwin();
    curses_on = false;
    va_list ap;
    va_start(ap, fmt);
    fputs("lambda-advisor: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(EXIT_USAGE);
}

/* A crash (or an abort after "out of memory"): give the terminal back, then die as before. */
static void on_crash(int sig)
{
    if (curses_on)
        endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns and the loop sees the flag */
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    sa.sa_handler = on_crash;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGABRT, &sa, NULL);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
}

static const char not_a_terminal[] =
    "lambda-advisor: the guided session needs a terminal on stdin and stdout.\n"
    "For scripts, use 'lambda-advisor advise' with the answers, for example:\n"
    "  lambda-advisor advise --defaults --answer workload=io --format markdown\n"
    "('lambda-advisor questions' lists every question id and its values.)\n";

/* Runs the loop until the session quits or a signal arrives; returns the exit code. */
static int run(struct session *s, SCREEN *scr)
{
    struct view v;
    view_init(&v);
    unsigned reaction = TR_ALL;
    int code = EXIT_OK;
    for (;;) {
        if (reaction != TR_NONE)
            view_draw(&v, s, reaction); /* the one screen update of this turn */
        reaction = TR_NONE;
        wint_t ch = 0;
        int rc = wget_wch(view_input(&v), &ch);
        if (got_signal) {
            code = 128 + got_signal;
            break;
        }
        if (rc == ERR)
            continue; /* timeout or interrupted read */
        bool keycode = rc == KEY_CODE_YES;
        enum tui_action a = keys_action((int)ch, keycode);
        if (a == TA_RESIZE) {
            view_resize(&v);
            reaction = TR_ALL;
            continue;
        }
        if (v.too_small) { /* only quitting works until the terminal is large enough */
            if (a == TA_INTERRUPT || a == TA_QUIT) {
                code = a == TA_INTERRUPT ? 130 : EXIT_OK;
                break;
            }
            continue;
        }
        reaction = session_act(s, a, keycode ? 0 : (wchar_t)ch);
        if (reaction & TR_QUIT) {
            code = a == TA_INTERRUPT ? 130 : EXIT_OK;
            break;
        }
    }
    view_finish(&v);
    endwin();
    curses_on = false;
    /* No delscreen(): the panel library keeps a pseudo-panel for stdscr that only the screen
     * points to; freeing the screen would lose it (a leak under LeakSanitizer). */
    (void)scr;
    return code;
}

/* Leaves before the session starts, on a terminal it cannot use. */
static int refuse_terminal(struct session *s, struct tree *t, const char *what)
{
    const char *term = getenv("TERM");
    session_finish(s);
    tree_destroy(t);
    return cli_fail("%s terminal type '%s'; use 'lambda-advisor advise' instead", what,
                    term ? term : "(unset)");
}

int tui_main(int argc, char **argv)
{
    if (argc > 1)
        return cli_fail("unknown option '%s' (see lambda-advisor --help)", argv[1]);
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fputs(not_a_terminal, stderr);
        return EXIT_USAGE;
    }
    setlocale(LC_ALL, "");
    struct tree *t = cli_tree_load();
    if (t == NULL)
        return EXIT_USAGE;
    struct session s;
    session_init(&s, t);

    catch_signals();
    set_escdelay(25);
    SCREEN *scr = newterm(NULL, stdout, stdin);
    if (scr == NULL)
        return refuse_terminal(&s, t, "cannot start the guided session on");
    set_term(scr);
    curses_on = true;
    const char *cup = tigetstr("cup");
    if (cup == NULL || cup == (char *)-1) { /* a terminal that cannot move the cursor */
        endwin();
        curses_on = false;
        return refuse_terminal(&s, t, "cannot move the cursor (needed for the guided session) on");
    }
    /* Every update is finished even when keys are waiting: no half-drawn screens. */
    typeahead(-1);
    raw();
    noecho();
    nonl();
    curs_set(0);
    colors_init();

    int code = run(&s, scr);
    session_finish(&s);
    tree_destroy(t);
    return code;
}
