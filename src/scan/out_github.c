/* The GitHub Actions report: one workflow command per finding, which the runner turns into
 * an annotation on the file and line (and on the pull request's diff):
 *   ::warning file=F,line=L,col=C,endLine=E,endColumn=EC,title=RULE::message
 * Data is escaped as the runner unescapes it (% CR LF); property values also escape : and ,
 * (GitHub's toolkit, command.ts: escapeData / escapeProperty). Paths are made relative to
 * $GITHUB_WORKSPACE when they are under it, since annotations name files that way. */
#include "lambda_advisor/scan_out.h"
#include "lambda_advisor/strbuf.h"

#include <stdlib.h>
#include <string.h>

static void escape(struct strbuf *sb, const char *s, bool property)
{
    for (; *s; s++) {
        switch (*s) {
        case '%':
            sb_adds(sb, "%25");
            break;
        case '\r':
            sb_adds(sb, "%0D");
            break;
        case '\n':
            sb_adds(sb, "%0A");
            break;
        case ':':
            sb_adds(sb, property ? "%3A" : ":");
            break;
        case ',':
            sb_adds(sb, property ? "%2C" : ",");
            break;
        default:
            sb_addc(sb, *s);
        }
    }
}

char *scan_out_github(const struct scan_result *r, size_t *len)
{
    struct strbuf sb = STRBUF_INIT;
    const char *ws = getenv("GITHUB_WORKSPACE");
    for (size_t i = 0; i < r->n; i++) {
        const struct finding *f = &r->v[i];
        const char *path = f->path;
        size_t wl = ws ? strlen(ws) : 0;
        if (wl > 1 && strncmp(path, ws, wl) == 0 && (path[wl] == '/' || ws[wl - 1] == '/'))
            path += wl + (path[wl] == '/'); /* annotations need workspace-relative paths */
        while (path[0] == '.' && path[1] == '/')
            path += 2;
        sb_addf(&sb, "::%s file=",
                f->severity == SEV_ERROR     ? "error"
                : f->severity == SEV_WARNING ? "warning"
                                             : "notice");
        escape(&sb, path, true);
        sb_addf(&sb, ",line=%d,col=%d,endLine=%d", f->line, f->col,
                f->end_line >= f->line ? f->end_line : f->line);
        if (f->end_line == f->line && f->end_col > f->col)
            sb_addf(&sb, ",endColumn=%d", f->end_col);
        sb_adds(&sb, ",title=");
        escape(&sb, f->rule, true);
        sb_adds(&sb, "::");
        escape(&sb, f->message, false);
        if (f->fix && *f->fix) {
            escape(&sb, "\n\nFix: ", false);
            escape(&sb, f->fix, false);
        }
        escape(&sb, "\n(lambda-advisor explain ", false);
        escape(&sb, f->rule, false);
        sb_adds(&sb, ")\n");
    }
    *len = sb.len;
    return sb_detach(&sb);
}
