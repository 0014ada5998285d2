/* The guided session's entry point and loop: read a key, let the session act, redraw once.
 * The terminal is restored on every way out: q, Ctrl-C, SIGTERM/SIGHUP (also in the middle
 * of a scan), errors and crashes; Ctrl-Z suspends and resumes it. */
#include "app.h"
#include "colors.h"
#include "keys.h"
#include "lambda_advisor/strbuf.h"
#include "lambda_advisor/xalloc.h"
#include "plain.h"
#include "prompt.h"
#include "resume.h"
#include "session.h"
#include "tui.h"
#include "view.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

enum { EXIT_OK = 0, EXIT_USAGE = 2 };

static volatile sig_atomic_t got_signal;
static volatile sig_atomic_t busy; /* long work (a scan) is running: signals end it at once */
static bool curses_on;
static struct termios saved_tty; /* the terminal as the shell left it */
static bool have_tty;
static char reset_seq[256]; /* leaves the alternate screen, shows the cursor, plain text */
static size_t reset_len;

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

/* Gives the terminal back with async-signal-safe calls only (write, tcsetattr). */
static void restore_tty_now(void)
{
    if (reset_len)
        (void)!write(STDOUT_FILENO, reset_seq, reset_len);
    if (have_tty)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
}

static void on_signal(int sig)
{
    if (busy) { /* no loop will look at the flag until the work ends: leave now */
        restore_tty_now();
        _exit(128 + sig);
    }
    got_signal = sig;
}

/* A crash (or an abort after "out of memory"): give the terminal back, then die as before. */
static void on_crash(int sig)
{
    if (curses_on)
        restore_tty_now();
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

static void add_cap(const char *name)
{
    const char *cap = tigetstr(name);
    if (cap == NULL || cap == (char *)-1)
        return;
    size_t n = strlen(cap);
    if (reset_len + n < sizeof reset_seq) {
        memcpy(reset_seq + reset_len, cap, n);
        reset_len += n;
    }
}

static const char not_a_terminal[] =
    "lambda-advisor: the guided session needs a terminal on stdin and stdout.\n"
    "For scripts, use 'lambda-advisor advise' with the answers, for example:\n"
    "  lambda-advisor advise --defaults --answer workload=io --format markdown\n"
    "('lambda-advisor questions' lists every question id and its values.)\n";

static struct view *the_view; /* for the busy hook */

/* Around a scan: keys are not read, so Ctrl-C must be a signal again (cbreak keeps ISIG),
 * and the status line says what is going on. */
static void on_busy(bool on, const char *what)
{
    if (on) {
        noraw();
        cbreak();
        if (the_view && the_view->win[VP_MSG] && !the_view->too_small) {
            WINDOW *w = the_view->win[VP_MSG];
            werase(w);
            mvwprintw(w, 0, 1, "%s... (Ctrl-C stops)", what);
            wnoutrefresh(w);
            doupdate();
        }
        busy = 1;
    } else {
        busy = 0;
        raw();
    }
}

/* OSC 52: the terminal (or tmux) puts text on the clipboard. */
static void osc52(const char *text)
{
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, "\033]52;c;");
    const unsigned char *p = (const unsigned char *)text;
    size_t n = strlen(text);
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) |
                     (i + 2 < n ? p[i + 2] : 0);
        sb_addc(&sb, b64[v >> 18 & 63]);
        sb_addc(&sb, b64[v >> 12 & 63]);
        sb_addc(&sb, i + 1 < n ? b64[v >> 6 & 63] : '=');
        sb_addc(&sb, i + 2 < n ? b64[v & 63] : '=');
    }
    sb_adds(&sb, "\a");
    fflush(stdout);
    (void)!write(STDOUT_FILENO, sb.s, sb.len);
    sb_finish(&sb);
}

/* Ctrl-Z: the shell gets the terminal back until the process is continued. */
static void suspend(void)
{
    endwin();
    signal(SIGTSTP, SIG_DFL);
    raise(SIGTSTP);
    /* continued */
    refresh();
    clearok(curscr, TRUE);
}

/* A mouse event: the wheel scrolls the pane under the pointer, a click chooses or ticks. */
static unsigned mouse(struct view *v, struct session *s)
{
    MEVENT ev;
    if (getmouse(&ev) != OK || v->too_small)
        return TR_NONE;
    enum tui_focus pane = TF_MAIN;
    if (v->win[VP_CODE] && panel_hidden(v->panel[VP_CODE]) == FALSE &&
        wenclose(v->win[VP_CODE], ev.y, ev.x))
        pane = TF_CODE;
    else if (v->win[VP_ADVICE] && panel_hidden(v->panel[VP_ADVICE]) == FALSE &&
             wenclose(v->win[VP_ADVICE], ev.y, ev.x))
        pane = TF_ADVICE;
    if (ev.bstate & BUTTON4_PRESSED)
        return session_wheel(s, pane, -1);
#ifdef BUTTON5_PRESSED
    if (ev.bstate & BUTTON5_PRESSED)
        return session_wheel(s, pane, +1);
#endif
    if ((ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED)) && pane == TF_MAIN &&
        v->win[VP_MAIN] && wenclose(v->win[VP_MAIN], ev.y, ev.x)) {
        if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_RELEASED)))
            return TR_NONE;
        int row = ev.y - getbegy(v->win[VP_MAIN]) - 1; /* inside the border */
        return row >= 0 ? session_click(s, s->main_top + row) : TR_NONE;
    }
    return TR_NONE;
}

/* Runs the loop until the session quits or a signal arrives; returns the exit code. */
static int run(struct session *s)
{
    struct view v;
    view_init(&v);
    the_view = &v;
    unsigned reaction = TR_ALL;
    int code = EXIT_OK;
    for (;;) {
        if (s->suspend) {
            s->suspend = false;
            suspend();
            view_resize(&v);
            reaction = TR_ALL;
        }
        if (s->redraw) {
            s->redraw = false;
            clearok(curscr, TRUE);
            reaction = TR_ALL;
        }
        if (reaction != TR_NONE)
            view_draw(&v, s, reaction); /* the one screen update of this turn */
        if (s->copy) {
            osc52(s->copy);
            free(s->copy);
            s->copy = NULL;
        }
        reaction = TR_NONE;
        wint_t ch = 0;
        int rc;
        if (v.ascii) {
            /* Not a UTF-8 locale: curses would drop the bytes it cannot decode (a UTF-8 name
             * typed under LANG=C); read bytes and keep those as raw bytes for the editor. */
            int c = wgetch(view_input(&v));
            rc = c == ERR ? ERR : c >= KEY_MIN ? KEY_CODE_YES : OK;
            ch = c >= 0x80 && c < 0x100 ? (wint_t)(0xDC00 + c) : (wint_t)c;
        } else {
            rc = wget_wch(view_input(&v), &ch);
        }
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
            session_clamp(s);
            reaction = TR_ALL;
            continue;
        }
        if (a == TA_MOUSE) {
            reaction = mouse(&v, s);
            continue;
        }
        if (v.too_small) {
            /* Only quitting works until the terminal is large enough, and it still asks
             * about advice that has not been exported. */
            if (a == TA_INTERRUPT) {
                code = 130;
                break;
            }
            if (a == TA_REDRAW) {
                clearok(curscr, TRUE);
                reaction = TR_ALL;
                continue;
            }
            bool confirm = s->prompt.kind == PK_CONFIRM && s->prompt.op == PO_QUIT;
            if (a != TA_QUIT && !confirm)
                continue;
            if (!confirm && s->prompt.kind != PK_NONE)
                prompt_close(s);
            reaction = session_act(s, a, keycode ? 0 : (wchar_t)ch) | TR_ALL;
            if (reaction & TR_QUIT)
                break;
            continue;
        }
        reaction = session_act(s, a, keycode ? 0 : (wchar_t)ch);
        if (reaction & TR_QUIT) {
            code = a == TA_INTERRUPT ? 130 : EXIT_OK;
            break;
        }
    }
    the_view = NULL;
    view_finish(&v);
    endwin();
    curses_on = false;
    return code;
}

/* After the session: one line on what was advised and the command that gives it again. */
static void print_summary(const struct session *s)
{
    if (s->eng.nhistory == 0)
        return;
    const struct setting *ps = tree_setting(s->tree, "pattern");
    size_t answered = 0, asked = 0;
    for (size_t i = 0; i < s->tree->nquestions; i++)
        if (engine_is_asked(&s->eng, i)) {
            asked++;
            answered += s->eng.answers[i].set;
        }
    printf("lambda-advisor: ");
    if (ps && s->adv.settings) {
        const struct choice *pat = &ps->values[s->adv.settings[ps - s->tree->settings].choice];
        printf("%s (%s), ", pat->label, pat->value);
    }
    printf("%zu of %zu questions answered%s. The same advice again:\n", answered, asked,
           answered < asked ? " (defaults for the rest)" : "");
    char *cmd = session_command(s);
    printf("  %s\n", cmd);
    free(cmd);
    fflush(stdout);
}

/* Leaves before the session starts, on a terminal it cannot use. */
static int refuse_terminal(const char *what)
{
    const char *term = getenv("TERM");
    fprintf(stderr, "lambda-advisor: %s terminal type '%s'; use 'lambda-advisor advise' instead\n",
            what, term ? term : "(unset)");
    return EXIT_USAGE;
}

int tui_run(const struct tree *t, const struct tui_opts *opts)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fputs(not_a_terminal, stderr);
        return EXIT_USAGE;
    }
    setlocale(LC_ALL, "");
    have_tty = tcgetattr(STDIN_FILENO, &saved_tty) == 0;
    struct session s;
    session_start(&s, t, opts ? opts->answers : NULL);
    s.busy = on_busy;
    if (opts && opts->answers_from && s.eng.nhistory) {
        session_say(&s, false, "%zu answers from %s; the rest is asked", s.eng.nhistory,
                    opts->answers_from);
    } else if (s.eng.nhistory == 0) { /* offer the last session's answers */
        struct engine *last = xmalloc(sizeof *last);
        engine_init(last, t);
        size_t n = resume_load(last);
        if (n > 0) {
            s.resume = last;
            prompt_open(&s, PK_CONFIRM, PO_RESUME, "Resume",
                        xasprintf("Your last session answered %zu question%s. Resume from "
                                  "those answers? (y/n)",
                                  n, n == 1 ? "" : "s"),
                        NULL, NULL);
        } else {
            engine_finish(last);
            free(last);
        }
    }

    const char *acc = getenv("ACCESSIBLE");
    if (acc && *acc && strcmp(acc, "0") != 0) { /* line by line, for screen readers */
        if (s.resume) {
            prompt_close(&s);
            char *in = NULL;
            size_t cap = 0;
            printf("Your last session answered %zu questions. Resume from those answers? "
                   "(y/n) ",
                   s.resume->nhistory);
            fflush(stdout);
            if (getline(&in, &cap, stdin) > 0 && (in[0] == 'y' || in[0] == 'Y'))
                session_adopt(&s, s.resume);
            free(in);
        }
        int code = tui_plain(&s);
        advice_finish(&s.adv);
        advice_compute(&s.adv, &s.eng);
        resume_save(&s.eng);
        print_summary(&s);
        session_finish(&s);
        return code;
    }
    catch_signals();
    set_escdelay(25);
    SCREEN *scr = newterm(NULL, stdout, stdin);
    if (scr == NULL) {
        session_finish(&s);
        return refuse_terminal("cannot start the guided session on");
    }
    set_term(scr);
    curses_on = true;
    const char *cup = tigetstr("cup");
    if (cup == NULL || cup == (char *)-1) { /* a terminal that cannot move the cursor */
        endwin();
        curses_on = false;
        session_finish(&s);
        return refuse_terminal("cannot move the cursor (needed for the guided session) on");
    }
    add_cap("rmcup");
    add_cap("sgr0");
    add_cap("cnorm");
    add_cap("rmkx");
    /* Every update is finished even when keys are waiting: no half-drawn screens. */
    typeahead(-1);
    raw();
    noecho();
    nonl();
    curs_set(0);
    colors_init();
    if (!(opts && opts->no_mouse) && getenv("LAMBDA_ADVISOR_NO_MOUSE") == NULL) {
        mouseinterval(0); /* a press and its release are a click at once, no waiting */
        mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
                      | BUTTON5_PRESSED
#endif
                  ,
                  NULL);
    }

    int code = run(&s);
    /* No delscreen(): the panel library keeps a pseudo-panel for stdscr that only the screen
     * points to; freeing the screen would lose it (a leak under LeakSanitizer). */
    (void)scr;
    resume_save(&s.eng); /* offered on the next start */
    if (code == EXIT_OK || code == 130)
        print_summary(&s);
    session_finish(&s);
    return code;
}
