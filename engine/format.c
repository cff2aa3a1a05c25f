#include "config.h"

#include <math.h>
#include <string.h>

#include "accord/error.h"
#include "document-private.h"

static const gchar *const format_names[] = {"text", "json", "csv", "markdown", "html", "jsonl"};

/**
 * accord_format_to_string:
 * @format: a format
 *
 * Returns: (transfer none): its name, as `--format` takes it
 */
const gchar *
accord_format_to_string(AccordFormat format)
{
	g_return_val_if_fail(format <= ACCORD_FORMAT_JSONL, NULL);
	return format_names[format];
}

/**
 * accord_format_from_string:
 * @text: a format name
 * @format: (out): the format
 *
 * Returns: %TRUE when @text names a format
 */
gboolean
accord_format_from_string(const gchar *text, AccordFormat *format)
{
	for (guint i = 0; i < G_N_ELEMENTS(format_names); i++) {
		if (g_strcmp0(text, format_names[i]) == 0) {
			*format = (AccordFormat)i;
			return TRUE;
		}
	}
	return FALSE;
}

/**
 * accord_document_render:
 * @document: a document
 * @format: the output format
 * @error: return location for an `ACCORD_ERROR`
 *
 * Serialises @document. Every serialiser renders any document and escapes for its format:
 * control and bidirectional characters in text and Markdown, Markdown syntax, RFC 4180
 * quoting and spreadsheet formulas in CSV, markup in HTML (docs/formats.md).
 *
 * Returns: (transfer full) (nullable): the bytes, or %NULL with `ACCORD_ERROR_INTERNAL`
 */
GBytes *
accord_document_render(const AccordDocument *document, AccordFormat format, GError **error)
{
	g_return_val_if_fail(document != NULL, NULL);
	switch (format) {
	case ACCORD_FORMAT_TEXT:
		return accord_serialise_text(document, FALSE);
	case ACCORD_FORMAT_MARKDOWN:
		return accord_serialise_text(document, TRUE);
	case ACCORD_FORMAT_CSV:
		return accord_serialise_csv(document);
	case ACCORD_FORMAT_JSON:
		return accord_serialise_json(document, TRUE, error);
	case ACCORD_FORMAT_JSONL:
		return accord_serialise_json(document, FALSE, error);
	case ACCORD_FORMAT_HTML:
		return accord_serialise_html(document);
	}
	g_set_error(error, ACCORD_ERROR, ACCORD_ERROR_INTERNAL, "unknown format %d", format);
	return NULL;
}

/**
 * accord_document_write:
 * @document: a document
 * @format: the output format
 * @write: takes the output, piece by piece
 * @user_data: for @write
 * @error: return location for an `ACCORD_ERROR`, or @write's error
 *
 * Serialises @document as accord_document_render() does, giving @write the bytes as they are
 * made: text and Markdown in pieces of some 64 KiB, so that a document whose tables come from
 * row sources (accord_table_set_row_source()) is written in bounded memory; the other formats
 * whole.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
accord_document_write(const AccordDocument *document,
		      AccordFormat format,
		      AccordWriteFunc write,
		      gpointer user_data,
		      GError **error)
{
	g_autoptr(GBytes) bytes = NULL;
	gsize len = 0;
	const gchar *data;

	g_return_val_if_fail(document != NULL && write != NULL, FALSE);
	if (format == ACCORD_FORMAT_TEXT || format == ACCORD_FORMAT_MARKDOWN)
		return accord_serialise_text_to(document,
						format == ACCORD_FORMAT_MARKDOWN,
						write,
						user_data,
						error);
	bytes = accord_document_render(document, format, error);
	if (bytes == NULL)
		return FALSE;
	data = g_bytes_get_data(bytes, &len);
	return write(data, len, user_data, error);
}

/* a fixed number of decimals, in the C locale, without a minus sign on a rounded zero */
static gchar *
fixed(gdouble value, guint digits, gboolean trim)
{
	static const gchar *const formats[] =
	    {"%.0f", "%.1f", "%.2f", "%.3f", "%.4f", "%.5f", "%.6f", "%.7f", "%.8f", "%.9f"};
	gchar buf[G_ASCII_DTOSTR_BUF_SIZE];
	gchar *out;

	g_ascii_formatd(buf, sizeof buf, formats[MIN(digits, 9u)], value);
	out = g_strdup(buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1) ? buf + 1 : buf);
	if (trim && strchr(out, '.') != NULL) {
		gsize n = strlen(out);

		while (out[n - 1] == '0')
			out[--n] = '\0';
		if (out[n - 1] == '.')
			out[n - 1] = '\0';
	}
	return out;
}

/* non-finite figures never reach a reader as "inf" or "nan" */
static gchar *
figure(const AccordCell *cell)
{
	if (!isfinite(cell->number))
		return g_strdup("n/a");
	switch (cell->type) {
	case ACCORD_CELL_SCORE:
		return fixed(cell->number, 1, FALSE);
	case ACCORD_CELL_PERCENT: {
		g_autofree gchar *n = fixed(100.0 * cell->number, 1, FALSE);
		return g_strconcat(n, "%", NULL);
	}
	case ACCORD_CELL_NUMBER:
		return fixed(cell->number, cell->digits, TRUE);
	default:
		return fixed(cell->number, 0, FALSE);
	}
}

static gchar *
fact_text(const AccordCell *cell)
{
	GString *s = g_string_new(cell->detail);

	if (cell->text == NULL)
		return g_string_free(g_string_append(s, ": not stated"), FALSE);
	g_string_append_printf(s, " = %s", cell->text);
	if (cell->confidence != NULL)
		g_string_append_printf(s, " (confidence %s", cell->confidence);
	if (cell->date != NULL)
		g_string_append_printf(s, "; evidence %s", cell->date);
	if (cell->source != NULL)
		g_string_append_printf(s, ": %s", cell->source);
	if (cell->href != NULL)
		g_string_append_printf(s, " <%s>", cell->href);
	if (cell->confidence != NULL)
		g_string_append_c(s, ')');
	return g_string_free(s, FALSE);
}

/* the words of a cell in the formats for readers, before escaping and without marks */
gchar *
accord_format_cell(const AccordCell *cell)
{
	switch (cell->type) {
	case ACCORD_CELL_EMPTY:
		return g_strdup("-");
	case ACCORD_CELL_SCORE:
	case ACCORD_CELL_PERCENT:
	case ACCORD_CELL_NUMBER:
	case ACCORD_CELL_COUNT:
		return figure(cell);
	case ACCORD_CELL_BOOLEAN:
		return g_strdup(cell->number != 0 ? "yes" : "no");
	case ACCORD_CELL_QUOTE:
		return cell->detail == NULL
			   ? g_strdup_printf("\"%s\"", cell->text)
			   : g_strdup_printf("\"%s\" (%s)", cell->text, cell->detail);
	case ACCORD_CELL_URL:
		return cell->detail == NULL ? g_strdup(cell->text)
					    : g_strdup_printf("%s <%s>", cell->detail, cell->text);
	case ACCORD_CELL_FACT:
		return fact_text(cell);
	default:
		return g_strdup(cell->text);
	}
}

const gchar *const accord_mark_names[] = {"low-confidence",
					  "stale",
					  "unverified",
					  "assumed",
					  "waived",
					  "deselected",
					  "not-counted",
					  NULL};

/* the marks in words, " [low-confidence, stale]", or "" */
gchar *
accord_format_marks(guint marks)
{
	GString *s = g_string_new(NULL);

	for (guint i = 0; accord_mark_names[i] != NULL; i++)
		if (marks & (1u << i))
			g_string_append_printf(s,
					       "%s%s",
					       s->len == 0 ? " [" : ", ",
					       accord_mark_names[i]);
	if (s->len > 0)
		g_string_append_c(s, ']');
	return g_string_free(s, FALSE);
}

/* the named parts of a compound cell, for the data formats (a JSON object, CSV columns
 * `<key>_<name>`); the first part is the cell's main value */
guint
accord_cell_get_parts(const AccordCell *cell, const gchar **names, const gchar **values)
{
	static const gchar *const quote[] = {"text", "cite"};
	static const gchar *const url[] = {"href", "title"};
	static const gchar *const fact[] = {"value", "key", "confidence", "date", "source", "href"};
	const gchar *const *n = cell->type == ACCORD_CELL_QUOTE	 ? quote
				: cell->type == ACCORD_CELL_URL	 ? url
				: cell->type == ACCORD_CELL_FACT ? fact
								 : NULL;
	const gchar *v[] =
	    {cell->text, cell->detail, cell->confidence, cell->date, cell->source, cell->href};

	if (n == NULL)
		return 0;
	for (guint i = 0; i < (n == fact ? 6u : 2u); i++) {
		names[i] = n[i];
		values[i] = v[i];
	}
	return n == fact ? 6 : 2;
}

/* characters that reorder or hide text on a terminal or in a viewer: C0/C1 controls other
 * than tab and newline, and the Unicode bidirectional formatting characters */
static gboolean
is_hidden(gunichar c)
{
	if (c == '\n' || c == '\t')
		return FALSE;
	return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x061c || c == 0x200e || c == 0x200f ||
	       (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* appends @text with each control or bidirectional formatting character written visibly as
 * `<U+XXXX>`, so that a right-to-left override cannot disguise what a report says */
void
accord_append_escaped_bidi(GString *out, const gchar *text)
{
	g_autofree gchar *valid = NULL;
	const gchar *p = text;

	/* printable ASCII, tab and newline hide nothing: as they are, in one copy */
	while ((*p >= 0x20 && *p < 0x7f) || *p == '\n' || *p == '\t')
		p++;
	if (*p == '\0') {
		g_string_append_len(out, text, p - text);
		return;
	}
	/* input files are valid UTF-8 (libxml2 checks); a command-line argument may not be */
	valid = g_utf8_make_valid(text, -1);

	for (p = valid; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (is_hidden(c))
			g_string_append_printf(out, "<U+%04X>", c);
		else
			g_string_append_len(out, p, g_utf8_next_char(p) - p);
	}
}

/* an http or https address with nothing that could end a link early: the only kind a
 * serialiser makes a link of, so a `javascript:` or `data:` address stays text */
gboolean
accord_is_web_link(const gchar *href)
{
	return href != NULL &&
	       (g_str_has_prefix(href, "https://") || g_str_has_prefix(href, "http://")) &&
	       strpbrk(href, " <>()\"'`\n\t\r") == NULL;
}

/* figures, which tables align to the right */
gboolean
accord_cell_is_numeric(const AccordCell *cell)
{
	return cell->type == ACCORD_CELL_SCORE || cell->type == ACCORD_CELL_PERCENT ||
	       cell->type == ACCORD_CELL_NUMBER || cell->type == ACCORD_CELL_COUNT;
}

/* a list item's heading, which the data formats give as a "title" member unless the item has
 * a field of that name */
const gchar *
accord_item_title(const AccordNode *item)
{
	for (guint i = 0; item->title != NULL && item->children != NULL && i < item->children->len;
	     i++) {
		const AccordNode *c = g_ptr_array_index(item->children, i);

		if (c->kind == ACCORD_NODE_FIELD && g_strcmp0(c->key, "title") == 0)
			return NULL;
	}
	return item->title;
}
