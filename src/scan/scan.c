/* Placeholder until the scan lands. */
#include "lambda_advisor/scan.h"

#include <string.h>

bool scan_run(const char *const *paths, size_t npaths, const struct scan_opts *opts,
              struct scan_result *out, struct la_error *err)
{
    (void)paths;
    (void)npaths;
    (void)opts;
    memset(out, 0, sizeof *out);
    return la_error_set(err, NULL, 0, 0, "the scan is not available yet");
}

void scan_result_finish(struct scan_result *r)
{
    (void)r;
}

const char *severity_name(enum severity s)
{
    return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}
