#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

/* ACCORD_NON_NULL marks pointer parameters that must not be NULL, so callers get a compiler
 * warning. Inside the library it expands to nothing: there the functions keep their
 * g_return_val_if_fail() checks, which the attribute would let the optimiser delete */
#if defined(__GNUC__) && !defined(ACCORD_COMPILATION)
#define ACCORD_NON_NULL(...) __attribute__((nonnull(__VA_ARGS__)))
#else
#define ACCORD_NON_NULL(...)
#endif
