#pragma once

#include <glib.h>

#include "macros.h"

G_BEGIN_DECLS

/**
 * ACCORD_INPUT_MAX_BYTES:
 *
 * The largest input Accord reads, 16 MiB; real rulesets are a few hundred KiB. The limit also
 * bounds how many pillars, rules and criteria a file can hold (docs/scoring.md section 14).
 */
#define ACCORD_INPUT_MAX_BYTES (16 * 1024 * 1024)

/**
 * ACCORD_INPUT_STDIN_NAME:
 *
 * The name errors give standard input, read as `-`.
 */
#define ACCORD_INPUT_STDIN_NAME "<stdin>"

/**
 * AccordInputFlags:
 * @ACCORD_INPUT_NONE: the path must name a regular file
 * @ACCORD_INPUT_ALLOW_STDIN: `-` means standard input, whatever kind of file that is
 *
 * What accord_input_read() accepts besides a regular file.
 */
typedef enum {
	ACCORD_INPUT_NONE = 0,
	ACCORD_INPUT_ALLOW_STDIN = 1 << 0,
} AccordInputFlags;

G_GNUC_WARN_UNUSED_RESULT GBytes *
accord_input_read(const gchar *path, AccordInputFlags flags, GError **error) ACCORD_NON_NULL(1);
const gchar *
accord_input_get_name(const gchar *path, AccordInputFlags flags) ACCORD_NON_NULL(1);

G_END_DECLS
