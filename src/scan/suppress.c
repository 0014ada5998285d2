/* The one suppression-comment parser (see suppress.h). */
#include "suppress.h"

#include <string.h>

static bool id_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

int supp_parse(const char *s, size_t n, struct supp *sp)
{
    const char *e = s + n;
    const char *p;
    if (n >= 2 && s[0] == '/' && s[1] == '/')
        p = s + 2;
    else if (n >= 1 && s[0] == '#')
        p = s + 1;
    else
        return 0;
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    static const char tag[] = "lambda-advisor:";
    if ((size_t)(e - p) < sizeof tag - 1 || memcmp(p, tag, sizeof tag - 1) != 0)
        return 0;
    p += sizeof tag - 1;
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    if ((size_t)(e - p) >= 11 && memcmp(p, "allow-file(", 11) == 0) {
        sp->file = true;
        p += 11;
    } else if ((size_t)(e - p) >= 6 && memcmp(p, "allow(", 6) == 0) {
        sp->file = false;
        p += 6;
    } else {
        return -1;
    }
    sp->nids = 0;
    for (;;) {
        while (p < e && *p == ' ')
            p++;
        const char *id = p;
        while (p < e && id_char(*p))
            p++;
        size_t idn = (size_t)(p - id);
        if (idn == 0 || idn >= sizeof sp->ids[0] || sp->nids == SUPP_MAX_IDS)
            return -1;
        memcpy(sp->ids[sp->nids], id, idn);
        sp->ids[sp->nids][idn] = '\0';
        sp->used[sp->nids++] = false;
        while (p < e && *p == ' ')
            p++;
        if (p < e && *p == ',') {
            p++;
            continue;
        }
        if (p < e && *p == ')') {
            p++;
            break;
        }
        return -1;
    }
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\r'))
        p++;
    if (p == e)
        return 1;
    if ((size_t)(e - p) >= 2 && p[0] == '-' && p[1] == '-')
        return 1;
    return -1;
}

const char *supp_hash_comment(const char *l, const char *e)
{
    char quote = 0;
    for (const char *p = l; p < e; p++) {
        if (quote) {
            if (*p == '\\' && quote == '"')
                p++;
            else if (*p == quote)
                quote = 0;
        } else if ((*p == '"' || *p == '\'') && (p == l || strchr(" \t:=[{,", p[-1]) != NULL)) {
            quote = *p; /* a quote that opens a value, not the one in "it's" */
        } else if (*p == '#') {
            return p;
        }
    }
    return NULL;
}
