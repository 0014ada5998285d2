/* A small TOML reader for Cargo.toml and .cargo/config.toml: every value keeps its place.
 * It lives here because Debian 12 packages no C TOML library (no tomlc99, no toml++ for C). */
#ifndef LA_TOML_H
#define LA_TOML_H

#include "lambda_advisor/error.h"

#include <stdbool.h>
#include <stddef.h>

enum toml_type {
    TOML_STRING,
    TOML_INTEGER,
    TOML_FLOAT,
    TOML_BOOL,
    TOML_DATETIME, /* kept opaque: str holds the text as written */
    TOML_ARRAY,
    TOML_TABLE,
};

struct toml_kv;

struct toml_value {
    enum toml_type type;
    int line, col; /* 1-based, bytes; a table: its [header], its '{' or its first dotted key */
    char *str;     /* STRING (escapes decoded, NUL-terminated), DATETIME (as written) */
    size_t len;
    long long i;               /* INTEGER */
    double f;                  /* FLOAT */
    bool b;                    /* BOOL */
    struct toml_value **items; /* ARRAY */
    size_t nitems;
    struct toml_kv *kvs; /* TABLE, in document order */
    size_t nkvs;
    /* private to the reader */
    size_t cap;
    unsigned flags;
    size_t *index; /* hash of key -> kvs slot + 1, for big tables */
    size_t index_cap;
};

struct toml_kv {
    char *key;     /* decoded key text */
    int line, col; /* where the key is written (the last part of a dotted key) */
    struct toml_value *value;
};

struct toml_doc {
    struct toml_value *root; /* a TABLE; never NULL after a successful parse */
};

/* Nesting of arrays and inline tables beyond this is refused (no stack exhaustion). */
#define TOML_MAX_DEPTH 100
/* Parts of one dotted key (a.b.c) beyond this are refused. */
#define TOML_MAX_KEY_PARTS 32

/* Parses buf (len bytes, need not be NUL-terminated). name is used in errors. Returns false
 * with name:line:col and what was expected on any error; never crashes on any input. */
bool toml_parse(struct toml_doc *doc, const char *name, const char *buf, size_t len,
                struct la_error *err);
void toml_finish(struct toml_doc *doc);

/* Lookups: NULL when absent or when t is not a table. */
const struct toml_kv *toml_find(const struct toml_value *t, const char *key);
const struct toml_value *toml_get(const struct toml_value *t, const char *key);
/* Follows keys (a NULL-terminated list): toml_path(root, "package", "metadata", NULL). */
const struct toml_value *toml_path(const struct toml_value *t, ...) __attribute__((sentinel));
/* The string's text when v is a STRING, else NULL. */
const char *toml_str(const struct toml_value *v);
const char *toml_type_name(enum toml_type t);

#endif
