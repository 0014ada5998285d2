/* Deploy configs read into one model: the Lambda functions of a SAM / CloudFormation
 * template or a serverless.yml, with the place of every setting that matters to the scan. */
#ifndef LA_DEPLOY_H
#define LA_DEPLOY_H

#include "lambda_advisor/error.h"

#include <stdbool.h>
#include <stddef.h>

enum deploy_kind { DEPLOY_SAM, DEPLOY_SERVERLESS };

enum deploy_arch {
    DEPLOY_ARCH_DEFAULT, /* not set anywhere: Lambda's default, x86_64 */
    DEPLOY_ARCH_X86_64,
    DEPLOY_ARCH_ARM64,
    DEPLOY_ARCH_UNKNOWN, /* an intrinsic (!Ref, !If ...), a ${variable} or something else */
};

/* A number setting (MemorySize, Timeout). */
struct deploy_num {
    bool set;   /* written in the function or its globals / provider */
    bool known; /* a literal number: value is meaningful (the default when !set) */
    long value;
    int line, col; /* the key when set, else the function's key */
};

struct deploy_function {
    char *name;
    int line, col; /* the function's key (logical id / serverless function name) */
    /* certainly Rust: BuildMethod rust-cargolambda, the serverless-rust plugin, runtime "rust" */
    bool rust;
    /* an OS-only runtime (provided.*), zip-packaged, with no build method of another language:
     * Rust when the project holds a Lambda crate (Go and C++ use these runtimes too) */
    bool provided;
    bool cargo_lambda_build; /* SAM Metadata BuildMethod: rust-cargolambda (SAM adds --arm64
                              * for arm64 functions, nothing for x86_64) */
    enum deploy_arch arch;
    int arch_line, arch_col; /* the architecture value, or the function's key if DEFAULT */
    struct deploy_num memory, timeout;
    char *code_dir; /* CodeUri as a directory path joined to the file's directory, or NULL */
};

struct deploy_file {
    char *path;
    enum deploy_kind kind;
    struct deploy_function *fns;
    size_t nfns;
    long default_timeout; /* 3 (Lambda, SAM) or 6 (Serverless Framework) */
    long default_memory;  /* 128 (Lambda, SAM) or 1024 (Serverless Framework) */
};

/* Reads the deploy config in buf; path names it (and its directory anchors CodeUri). The
 * kind comes from the content (Resources: SAM; provider/functions: serverless), else from the
 * file name. A file that is neither gives no functions. Malformed YAML, alias bombs and absurd
 * nesting are refused with path:line:col. */
bool deploy_parse(struct deploy_file *out, const char *path, const char *buf, size_t len,
                  struct la_error *err);
/* Reads path (up to 4 MB) and parses it. */
bool deploy_read(struct deploy_file *out, const char *path, struct la_error *err);
void deploy_finish(struct deploy_file *f);

const char *deploy_arch_name(enum deploy_arch a); /* "x86_64", "arm64", ... */

#endif
