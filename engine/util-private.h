#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* how error messages state the range accord_parse_weight() accepts */
#define ACCORD_WEIGHT_RANGE_TEXT "a number from 0.000001 to 1000000"

/* strict parsers shared by the loaders and the CLI: they accept exactly the documented forms
 * and never depend on the locale */
gboolean
accord_parse_number(const gchar *text, gdouble *out);
gboolean
accord_parse_weight(const gchar *text, gdouble *out);
gboolean
accord_parse_date(const gchar *text, guint32 *julian);
gboolean
accord_parse_partial_date(const gchar *text);
gboolean
accord_partial_date_last_day(const gchar *text, guint32 *julian);
const gchar *
accord_nearest_word(const gchar *word, const gchar *const *candidates, guint n);
gchar *
accord_format_number(gdouble value);
gchar *
accord_format_date(guint32 julian);
gchar *
accord_normalize_space(const gchar *text);
gchar **
accord_split_words(const gchar *text);
const gchar *
accord_next_word(const gchar *p, gsize *len);

G_END_DECLS
