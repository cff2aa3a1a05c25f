#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "macros.h"

G_BEGIN_DECLS

/**
 * AccordInputKind:
 * @ACCORD_INPUT_VOCABULARY: a vocabulary (`urn:accord:vocabulary:1`)
 * @ACCORD_INPUT_RULESET: a ruleset (`urn:accord:ruleset:1`)
 * @ACCORD_INPUT_PROFILE: a profile (`urn:accord:profile:1`)
 * @ACCORD_INPUT_TAILORING: a tailoring of a ruleset (`urn:accord:tailoring:1`)
 * @ACCORD_INPUT_WAIVERS: a list of waivers (`urn:accord:waivers:1`)
 * @ACCORD_INPUT_PLAN: a roadmap plan: efforts, kept facts, bundles (`urn:accord:plan:1`)
 */
typedef enum {
	ACCORD_INPUT_VOCABULARY,
	ACCORD_INPUT_RULESET,
	ACCORD_INPUT_PROFILE,
	ACCORD_INPUT_TAILORING,
	ACCORD_INPUT_WAIVERS,
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
