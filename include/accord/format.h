#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "document.h"
#include "macros.h"

G_BEGIN_DECLS

/**
 * AccordFormat:
 * @ACCORD_FORMAT_TEXT: plain text for a terminal
 * @ACCORD_FORMAT_JSON: JSON with a schema version (docs/json.md)
 * @ACCORD_FORMAT_CSV: RFC 4180 comma-separated values, one row per record
 * @ACCORD_FORMAT_MARKDOWN: GitHub-flavoured Markdown
 * @ACCORD_FORMAT_HTML: one self-contained HTML page with SVG charts, no script
 * @ACCORD_FORMAT_JSONL: the JSON of %ACCORD_FORMAT_JSON on one line (JSON Lines), so a batch
 *   writes one document per line
 *
 * The output formats; each is one serialiser of any #AccordDocument.
 */
typedef enum {
	ACCORD_FORMAT_TEXT,
	ACCORD_FORMAT_JSON,
	ACCORD_FORMAT_CSV,
	ACCORD_FORMAT_MARKDOWN,
	ACCORD_FORMAT_HTML,
	ACCORD_FORMAT_JSONL,
} AccordFormat;

/* the version of the JSON document layout; bumped on any incompatible change */
#define ACCORD_JSON_SCHEMA_VERSION "2.0"

const gchar *
accord_format_to_string(AccordFormat format);
gboolean
accord_format_from_string(const gchar *text, AccordFormat *format);
G_GNUC_WARN_UNUSED_RESULT GBytes *
accord_document_render(const AccordDocument *document, AccordFormat format, GError **error)
    ACCORD_NON_NULL(1);

/**
 * AccordWriteFunc:
 * @data: the next bytes of the output
 * @len: how many
 * @user_data: the data given with the function
 * @error: return location for an error
 *
 * Takes a piece of a document being written (accord_document_write()).
 *
 * Returns: %TRUE, or %FALSE with @error set to stop the writing
 */
typedef gboolean (*AccordWriteFunc)(const gchar *data,
				    gsize len,
				    gpointer user_data,
				    GError **error);

gboolean
accord_document_write(const AccordDocument *document,
		      AccordFormat format,
		      AccordWriteFunc write,
		      gpointer user_data,
		      GError **error) ACCORD_NON_NULL(1, 3);

G_END_DECLS
