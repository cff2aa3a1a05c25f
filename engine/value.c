#include "config.h"

#include "accord/error.h"
#include "util-private.h"
#include "vocabulary-private.h"

/* an error message names at most this many of the allowed values */
#define MAX_LISTED_VALUES 20

/* the model is immutable and shared between threads, so build the list in a copy; a long
 * list is cut short, so an enum of 10^5 values does not make a message of 700 KB */
static gchar *
join_strings(const GPtrArray *items, const gchar *separator)
{
	GString *out = g_string_new(NULL);

	for (guint i = 0; i < items->len && i < MAX_LISTED_VALUES; i++) {
		if (i > 0)
			g_string_append(out, separator);
		g_string_append(out, g_ptr_array_index(items, i));
	}
	if (items->len > MAX_LISTED_VALUES)
		g_string_append_printf(out, "%s… (%u in all)", separator, items->len);
	return g_string_free(out, FALSE);
}

static gboolean
parse_symbol(const AccordFactDef *def, const gchar *text, guint *out, GError **error)
{
	g_autofree gchar *allowed = NULL;
	gint index = accord_fact_def_find_symbol(def, text);

	if (index >= 0) {
		*out = (guint)index;
		return TRUE;
	}
	allowed = join_strings(def->symbols, ", ");
	g_set_error(error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_TYPE,
		    "'%s' is not a value of fact '%s' (expected one of: %s)",
		    text,
		    def->key,
		    allowed);
	return FALSE;
}

static gboolean
parse_level(const AccordFactDef *def, const gchar *text, guint *out, GError **error)
{
	g_autofree gchar *allowed = NULL;
	gint index = accord_scale_find_level(def->scale, text);

	if (index >= 0) {
		*out = (guint)index;
		return TRUE;
	}
	allowed = join_strings(def->scale->levels, " < ");
	g_set_error(error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_TYPE,
		    "'%s' is not a level of scale '%s' used by fact '%s' (expected one of: %s)",
		    text,
		    def->scale->id,
		    def->key,
		    allowed);
	return FALSE;
}

/**
 * accord_value_parse:
 * @def: the fact the value is for
 * @text: the value as written in a file
 * @value: (out caller-allocates): the parsed value
 * @error: return location for an `ACCORD_ERROR`; the message has no file or line, so the
 *   caller can prefix them
 *
 * Parses @text as a value of @def's type: `true`/`false`, a level of the scale, one of the
 * enum's symbols, a decimal number, or a `YYYY-MM-DD` date.
 *
 * Returns: %TRUE on success; %FALSE with `ACCORD_ERROR_TYPE` (wrong kind of value, off the
 *   scale) or `ACCORD_ERROR_VALUE` (malformed number or date)
 */
gboolean
accord_value_parse(const AccordFactDef *def, const gchar *text, AccordValue *value, GError **error)
{
	g_return_val_if_fail(def != NULL && text != NULL && value != NULL, FALSE);
	value->type = def->type;
	switch (def->type) {
	case ACCORD_FACT_TYPE_BOOLEAN:
		if (g_strcmp0(text, "true") == 0 || g_strcmp0(text, "false") == 0) {
			value->v.boolean = g_strcmp0(text, "true") == 0;
			return TRUE;
		}
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_TYPE,
			    "'%s' is not a boolean for fact '%s' (expected true or false)",
			    text,
			    def->key);
		return FALSE;
	case ACCORD_FACT_TYPE_LEVEL:
		return parse_level(def, text, &value->v.level, error);
	case ACCORD_FACT_TYPE_ENUM:
		return parse_symbol(def, text, &value->v.symbol, error);
	case ACCORD_FACT_TYPE_NUMBER:
		if (accord_parse_number(text, &value->v.number))
			return TRUE;
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_VALUE,
			    "'%s' is not a finite decimal number for fact '%s'",
			    text,
			    def->key);
		return FALSE;
	case ACCORD_FACT_TYPE_DATE:
		if (accord_parse_date(text, &value->v.julian))
			return TRUE;
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_VALUE,
			    "'%s' is not a valid YYYY-MM-DD date for fact '%s'",
			    text,
			    def->key);
		return FALSE;
	default:
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_INTERNAL,
			    "fact '%s' has no type",
			    def->key);
		return FALSE;
	}
}

/**
 * accord_value_to_string:
 * @def: the fact the value belongs to
 * @value: a value of @def's type
 *
 * Returns: (transfer full): the value as it would be written in a file
 */
gchar *
accord_value_to_string(const AccordFactDef *def, const AccordValue *value)
{
	g_return_val_if_fail(def != NULL && value != NULL, NULL);
	switch (value->type) {
	case ACCORD_FACT_TYPE_BOOLEAN:
		return g_strdup(value->v.boolean ? "true" : "false");
	case ACCORD_FACT_TYPE_LEVEL:
		return g_strdup(accord_scale_get_level(def->scale, value->v.level));
	case ACCORD_FACT_TYPE_ENUM:
		return g_strdup(accord_fact_def_get_symbol(def, value->v.symbol));
	case ACCORD_FACT_TYPE_NUMBER:
		return accord_format_number(value->v.number);
	case ACCORD_FACT_TYPE_DATE:
		return accord_format_date(value->v.julian);
	default:
		return g_strdup("?");
	}
}

/**
 * accord_value_compare:
 * @a: a value
 * @b: a value of the same type
 *
 * Orders two values of one fact: levels by scale position, numbers and dates numerically,
 * booleans false < true. Enum symbols have no order; they compare by declaration position,
 * which only tells equal from different.
 *
 * Returns: negative, 0 or positive as @a is below, equal to or above @b
 */
gint
accord_value_compare(const AccordValue *a, const AccordValue *b)
{
	g_return_val_if_fail(a != NULL && b != NULL && a->type == b->type, 0);
	switch (a->type) {
	case ACCORD_FACT_TYPE_BOOLEAN:
		return (gint)(a->v.boolean != 0) - (gint)(b->v.boolean != 0);
	case ACCORD_FACT_TYPE_LEVEL:
		return (a->v.level > b->v.level) - (a->v.level < b->v.level);
	case ACCORD_FACT_TYPE_ENUM:
		return (a->v.symbol > b->v.symbol) - (a->v.symbol < b->v.symbol);
	case ACCORD_FACT_TYPE_NUMBER:
		return (a->v.number > b->v.number) - (a->v.number < b->v.number);
	case ACCORD_FACT_TYPE_DATE:
		return (a->v.julian > b->v.julian) - (a->v.julian < b->v.julian);
	default:
		return 0;
	}
}
