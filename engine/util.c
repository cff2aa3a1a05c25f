#include "config.h"

#include <math.h>
#include <string.h>

#include "accord/ruleset.h"
#include "util-private.h"

static gboolean
skip_digits(const gchar **p)
{
	const gchar *start = *p;

	while (g_ascii_isdigit(**p))
		(*p)++;
	return *p != start;
}

/* a decimal number as written by people: optional sign, digits, optional fraction, optional
 * exponent; strtod alone would also take "inf", "nan", hex floats and leading blanks */
static gboolean
is_decimal(const gchar *p)
{
	gboolean digits;

	if (*p == '+' || *p == '-')
		p++;
	digits = skip_digits(&p);
	if (*p == '.') {
		p++;
		digits = skip_digits(&p) || digits;
	}
	if (!digits)
		return FALSE;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!skip_digits(&p))
			return FALSE;
	}
	return *p == '\0';
}

gboolean
accord_parse_number(const gchar *text, gdouble *out)
{
	gchar *end = NULL;
	gdouble value;

	if (!is_decimal(text))
		return FALSE;
	value = g_ascii_strtod(text, &end);
	if (end == NULL || *end != '\0' || !isfinite(value))
		return FALSE;
	*out = value;
	return TRUE;
}

/* weights and multipliers divide scores, so they must be strictly positive; the bounds keep
 * products of three of them (pillar × rule × multiplier, up to 10^18) and the shares derived
 * from them (down to some 10^-60) finite and normal, whatever a file says */
gboolean
accord_parse_weight(const gchar *text, gdouble *out)
{
	gdouble value = 0;

	if (!accord_parse_number(text, &value) || !(value >= ACCORD_WEIGHT_MIN) ||
	    !(value <= ACCORD_WEIGHT_MAX))
		return FALSE;
	*out = value;
	return TRUE;
}

static gboolean
parse_digits(const gchar *text, gsize len, guint *out)
{
	guint value = 0;

	for (gsize i = 0; i < len; i++) {
		if (!g_ascii_isdigit(text[i]))
			return FALSE;
		value = value * 10 + (guint)(text[i] - '0');
	}
	*out = value;
	return TRUE;
}

/* exactly YYYY-MM-DD, a real calendar day */
gboolean
accord_parse_date(const gchar *text, guint32 *julian)
{
	guint y, m, d;

	if (strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return FALSE;
	if (!parse_digits(text, 4, &y) || !parse_digits(text + 5, 2, &m) ||
	    !parse_digits(text + 8, 2, &d))
		return FALSE;
	if (y < 1 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy(d, m, y))
		return FALSE;
	if (julian != NULL) {
		GDate date;
		g_date_clear(&date, 1);
		g_date_set_dmy(&date, d, m, y);
		*julian = g_date_get_julian(&date);
	}
	return TRUE;
}

/* evidence is often dated only to the year or month: YYYY, YYYY-MM or YYYY-MM-DD */
gboolean
accord_parse_partial_date(const gchar *text)
{
	gsize len = strlen(text);
	guint y, m;

	if (len == 10)
		return accord_parse_date(text, NULL);
	if (len == 4)
		return parse_digits(text, 4, &y) && y > 0;
	if (len == 7 && text[4] == '-')
		return parse_digits(text, 4, &y) && y > 0 && parse_digits(text + 5, 2, &m) &&
		       m >= 1 && m <= 12;
	return FALSE;
}

/* the last day a partial date can mean: YYYY is 31 December, YYYY-MM the month's last day, so
 * that evidence is called older than a limit only when every day its date allows is older */
gboolean
accord_partial_date_last_day(const gchar *text, guint32 *julian)
{
	guint y = 0, m = 12;
	GDate date;

	if (!accord_parse_partial_date(text))
		return FALSE;
	if (strlen(text) == 10)
		return accord_parse_date(text, julian);
	parse_digits(text, 4, &y);
	if (strlen(text) == 7)
		parse_digits(text + 5, 2, &m);
	g_date_clear(&date, 1);
	g_date_set_dmy(&date, g_date_get_days_in_month(m, y), m, y);
	*julian = g_date_get_julian(&date);
	return TRUE;
}

/* Levenshtein distance with ASCII case folded, in two rows of the dynamic programme */
static guint
edit_distance(const gchar *a, const gchar *b)
{
	gsize m = strlen(b);
	g_autofree guint *row = g_new(guint, m + 1);

	for (gsize j = 0; j <= m; j++)
		row[j] = (guint)j;
	for (gsize i = 1; a[i - 1] != '\0'; i++) {
		guint diagonal = row[0];

		row[0] = (guint)i;
		for (gsize j = 1; j <= m; j++) {
			guint above = row[j];
			guint cost = g_ascii_tolower(a[i - 1]) != g_ascii_tolower(b[j - 1]);

			row[j] = MIN(MIN(row[j] + 1, row[j - 1] + 1), diagonal + cost);
			diagonal = above;
		}
	}
	return row[m];
}

/* the candidate nearest to @word, when near enough to be a likely typo: at most a third of
 * the word's length away (at least 1); ties go to the first. NULL for none, or for a word too
 * long to be a mistyped id (the cost is the product of the lengths) */
const gchar *
accord_nearest_word(const gchar *word, const gchar *const *candidates, guint n)
{
	const gchar *best = NULL;
	guint best_distance = G_MAXUINT;
	guint limit = MAX(1u, (guint)strlen(word) / 3);

	if (strlen(word) > 256)
		return NULL;
	for (guint i = 0; i < n; i++) {
		guint d;

		if (strlen(candidates[i]) > 256)
			continue;
		d = edit_distance(word, candidates[i]);
		if (d <= limit && d < best_distance) {
			best = candidates[i];
			best_distance = d;
		}
	}
	return best;
}

/* shortest round-trip form in the C locale, so "0.5" stays "0.5" and output is stable */
gchar *
accord_format_number(gdouble value)
{
	gchar buf[G_ASCII_DTOSTR_BUF_SIZE];
	gchar full[G_ASCII_DTOSTR_BUF_SIZE];

	if (value == floor(value) && fabs(value) < 1e15)
		return g_strdup_printf("%.0f", value);
	/* the shortest %g form that reads back as the same double: 0.1, not 0.10000000000000001;
	 * it may use an exponent only where %.17g does, so 1e15 stays 1000000000000000 */
	g_ascii_formatd(full, sizeof full, "%.17g", value);
	for (gint digits = 1; digits < 17; digits++) {
		gchar format[8];

		g_snprintf(format, sizeof format, "%%.%dg", digits);
		g_ascii_formatd(buf, sizeof buf, format, value);
		if (g_ascii_strtod(buf, NULL) == value &&
		    (strchr(buf, 'e') == NULL || strchr(full, 'e') != NULL))
			return g_strdup(buf);
	}
	return g_strdup(full);
}

gchar *
accord_format_date(guint32 julian)
{
	GDate date;

	g_date_clear(&date, 1);
	g_date_set_julian(&date, julian);
	return g_strdup_printf("%04u-%02u-%02u",
			       (guint)g_date_get_year(&date),
			       (guint)g_date_get_month(&date),
			       (guint)g_date_get_day(&date));
}

/* provision texts are wrapped in the XML for reading; the quote is the words, so runs of
 * white space become one space and the ends are trimmed */
gchar *
accord_normalize_space(const gchar *text)
{
	/* never longer than the text: written in place into one allocation */
	gchar *out = g_malloc(strlen(text) + 1);
	gchar *end = out;
	gboolean space = FALSE;

	for (const gchar *p = text; *p != '\0'; p++) {
		if (g_ascii_isspace(*p)) {
			space = end > out;
			continue;
		}
		if (space)
			*end++ = ' ';
		space = FALSE;
		*end++ = *p;
	}
	*end = '\0';
	return out;
}

static gboolean
is_xml_space(gchar c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* the next word of @p, of *len bytes, or NULL at the end: words are separated by runs of XML
 * white space */
const gchar *
accord_next_word(const gchar *p, gsize *len)
{
	while (is_xml_space(*p))
		p++;
	for (*len = 0; p[*len] != '\0' && !is_xml_space(p[*len]); (*len)++)
		;
	return *len > 0 ? p : NULL;
}

/* an XML list attribute (depends-on, in, not-in): its words, split at runs of XML white
 * space, none empty; counted first, so a word costs one allocation (g_strsplit_set() cost a
 * tenth of the time of loading a large ruleset) */
gchar **
accord_split_words(const gchar *text)
{
	gchar **words;
	const gchar *p;
	gsize n = 0, len;

	for (p = text; (p = accord_next_word(p, &len)) != NULL; p += len)
		n++;
	words = g_new(gchar *, n + 1);
	n = 0;
	for (p = text; (p = accord_next_word(p, &len)) != NULL; p += len)
		words[n++] = g_strndup(p, len);
	words[n] = NULL;
	return words;
}
