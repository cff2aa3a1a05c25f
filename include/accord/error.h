#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

#define ACCORD_ERROR accord_error_quark()

/**
 * AccordError:
 * @ACCORD_ERROR_IO: an input file could not be read
 * @ACCORD_ERROR_PARSE: not well-formed XML, or over a size or depth limit
 * @ACCORD_ERROR_SCHEMA: the document violates its RELAX NG schema
 * @ACCORD_ERROR_DUPLICATE: an id or key is defined twice
 * @ACCORD_ERROR_REFERENCE: a reference names nothing defined, or references form a cycle
 * @ACCORD_ERROR_TYPE: a value of the wrong type for its fact, or off its scale
 * @ACCORD_ERROR_VALUE: a malformed number, date or weight
 * @ACCORD_ERROR_USAGE: the caller asked for something impossible (bad option, bad combination)
 * @ACCORD_ERROR_WRITE: an output could not be written
 * @ACCORD_ERROR_INTERNAL: a bug in Accord
 *
 * Codes say what kind of failure it is, not where it happened; the message says where.
 */
typedef enum {
	ACCORD_ERROR_IO,
	ACCORD_ERROR_PARSE,
	ACCORD_ERROR_SCHEMA,
	ACCORD_ERROR_DUPLICATE,
	ACCORD_ERROR_REFERENCE,
	ACCORD_ERROR_TYPE,
	ACCORD_ERROR_VALUE,
	ACCORD_ERROR_USAGE,
	ACCORD_ERROR_WRITE,
	ACCORD_ERROR_INTERNAL,
} AccordError;

GQuark
accord_error_quark(void);
gboolean
accord_error_is_input(const GError *error);

G_END_DECLS
