#pragma once

#include <glib.h>

#include "macros.h"

G_BEGIN_DECLS

/**
 * AccordDocumentKind:
 * @ACCORD_DOCUMENT_VOCABULARY: a vocabulary (`urn:accord:vocabulary:1`)
 * @ACCORD_DOCUMENT_RULESET: a ruleset (`urn:accord:ruleset:1`)
 * @ACCORD_DOCUMENT_PROFILE: a profile (`urn:accord:profile:1`)
 * @ACCORD_DOCUMENT_TAILORING: a tailoring of a ruleset (`urn:accord:tailoring:1`)
 * @ACCORD_DOCUMENT_WAIVERS: a list of waivers (`urn:accord:waivers:1`)
 */
typedef enum {
	ACCORD_DOCUMENT_VOCABULARY,
	ACCORD_DOCUMENT_RULESET,
	ACCORD_DOCUMENT_PROFILE,
	ACCORD_DOCUMENT_TAILORING,
	ACCORD_DOCUMENT_WAIVERS,
} AccordDocumentKind;

gboolean
accord_document_sniff(const gchar *data,
		      gsize len,
		      const gchar *name,
		      AccordDocumentKind *kind,
		      GError **error) ACCORD_NON_NULL(1, 4);

G_GNUC_WARN_UNUSED_RESULT gchar *
accord_document_get_root_attribute(const gchar *data,
				   gsize len,
				   const gchar *name,
				   const gchar *attribute,
				   GError **error) ACCORD_NON_NULL(1, 4);

G_END_DECLS
