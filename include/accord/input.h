#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

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

/**
 * AccordInputKind:
 * @ACCORD_INPUT_VOCABULARY: a vocabulary (`urn:accord:vocabulary:1`)
 * @ACCORD_INPUT_RULESET: a ruleset (`urn:accord:ruleset:1`)
 * @ACCORD_INPUT_PROFILE: a profile (`urn:accord:profile:1`)
 * @ACCORD_INPUT_TAILORING: a tailoring of a ruleset (`urn:accord:tailoring:1`)
 * @ACCORD_INPUT_WAIVERS: a list of waivers (`urn:accord:waivers:1`)
 * @ACCORD_INPUT_PARTIES: the parties of agreements (`urn:accord:parties:1`)
 * @ACCORD_INPUT_PLAN: a roadmap plan: efforts, kept facts, bundles (`urn:accord:plan:1`)
 */
typedef enum {
	ACCORD_INPUT_VOCABULARY,
	ACCORD_INPUT_RULESET,
	ACCORD_INPUT_PROFILE,
	ACCORD_INPUT_TAILORING,
	ACCORD_INPUT_WAIVERS,
	ACCORD_INPUT_PARTIES,
	ACCORD_INPUT_PLAN,
} AccordInputKind;

gboolean
accord_input_sniff(const gchar *data,
		   gsize len,
		   const gchar *name,
		   AccordInputKind *kind,
		   GError **error) ACCORD_NON_NULL(1, 4);

G_GNUC_WARN_UNUSED_RESULT gchar *
accord_input_get_root_attribute(const gchar *data,
				gsize len,
				const gchar *name,
				const gchar *attribute,
				GError **error) ACCORD_NON_NULL(1, 4);

/**
 * AccordValidation:
 * @path: the file checked
 * @summary: (nullable): what it holds, when valid (e.g. "ruleset usmca, 4 rules, 9 criteria")
 * @error: (nullable): the load error message, when invalid
 *
 * One file's validation result, for accord_validation_to_document().
 */
typedef struct {
	gchar *path;
	gchar *summary;
	gchar *error;
} AccordValidation;

G_GNUC_WARN_UNUSED_RESULT AccordValidation *
accord_validation_new(const gchar *path, const gchar *summary, const GError *error)
    ACCORD_NON_NULL(1);
void
accord_validation_free(AccordValidation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordValidation, accord_validation_free)

G_END_DECLS
