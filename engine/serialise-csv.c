#include "config.h"

#include <math.h>
#include <string.h>

#include "document-private.h"

/* RFC 4180, one row per record: every section or list item with fields of its own, and every
 * table row. Column `record` names the section, list or table; the key fields of enclosing
 * sections (country, ruleset, rule …) are repeated on each row below them; a compound cell
 * spreads over columns (`provision`, `provision_cite`). Numbers keep every digit, as in JSON.
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return
 * first) is prefixed with an apostrophe */

typedef struct {
	GPtrArray *key_columns; /* gchar*, first-appearance order */
	GPtrArray *columns;
	GHashTable *seen; /* column name → itself */
	GPtrArray *rows;  /* GHashTable column → value */
	const AccordNode *root;
} Sheet;

static void
see_column(Sheet *sheet, const gchar *name, gboolean key)
{
	gchar *copy;

	if (g_hash_table_contains(sheet->seen, name))
		return;
	copy = g_strdup(name);
	g_hash_table_add(sheet->seen, copy);
	g_ptr_array_add(key ? sheet->key_columns : sheet->columns, copy);
}

/* the shortest decimal that reads back as the same double: 0.7777777777777777, not
 * 0.77777777777777768 */
static gchar *
number_text(gdouble value)
{
	gchar buf[G_ASCII_DTOSTR_BUF_SIZE];

	if (!isfinite(value))
		return g_strdup("");
	if (value == floor(value) && fabs(value) < 9007199254740992.0)
		return g_strdup_printf("%" G_GINT64_FORMAT, (gint64)value);
	for (gint digits = 15; digits < 17; digits++) {
		gchar fmt[8];

		g_snprintf(fmt, sizeof fmt, "%%.%dg", digits);
		g_ascii_formatd(buf, sizeof buf, fmt, value);
		if (g_ascii_strtod(buf, NULL) == value)
			return g_strdup(buf);
	}
	return g_strdup(g_ascii_dtostr(buf, sizeof buf, value));
}

static gchar *
text_value(const gchar *text)
{
	if (text == NULL)
		return g_strdup("");
	if (text[0] != '\0' && strchr("=+-@\t\r", text[0]) != NULL)
		return g_strconcat("'", text, NULL);
	return g_strdup(text);
}

static void
put(Sheet *sheet, GHashTable *row, const gchar *column, gchar *value, gboolean key)
{
	see_column(sheet, column, key);
	g_hash_table_insert(row, g_strdup(column), value);
}

static void
put_cell(Sheet *sheet, GHashTable *row, const gchar *key, const AccordCell *cell, gboolean is_key)
{
	const gchar *names[6], *values[6];
	guint n = accord_cell_get_parts(cell, names, values);

	if (accord_cell_is_numeric(cell))
		put(sheet, row, key, number_text(cell->number), is_key);
	else if (cell->type == ACCORD_CELL_BOOLEAN)
		put(sheet, row, key, g_strdup(cell->number != 0 ? "true" : "false"), is_key);
	else
		put(sheet, row, key, text_value(cell->text), is_key);
	for (guint i = 1; i < n; i++) {
		g_autofree gchar *column = g_strconcat(key, "_", names[i], NULL);
		put(sheet, row, column, text_value(values[i]), FALSE);
	}
	if (cell->marks != 0) {
		g_autofree gchar *column = g_strconcat(key, "_marks", NULL);
		g_autofree gchar *marks = accord_format_marks(cell->marks);

		/* " [a, b]" → "a, b" */
		marks[strlen(marks) - 1] = '\0';
		put(sheet, row, column, g_strdup(marks + 2), FALSE);
	}
}

static GHashTable *
new_row(Sheet *sheet, const gchar *record, const GPtrArray *context)
{
	GHashTable *row = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);

	g_hash_table_insert(row, g_strdup("record"), g_strdup(record));
	for (guint i = 0; i < context->len; i++) {
		const AccordNode *f = g_ptr_array_index(context, i);
		put_cell(sheet, row, f->key, &f->cell, TRUE);
	}
	g_ptr_array_add(sheet->rows, row);
	return row;
}

static void
add_table(Sheet *sheet, const AccordNode *table, const GPtrArray *context)
{
	for (guint r = 0; r < accord_table_get_n_rows(table); r++) {
		const AccordCell *cells = accord_table_get_row(table, r);
		GHashTable *row = new_row(sheet, table->key, context);

		for (guint c = 0; c < table->columns->len; c++)
			put_cell(sheet,
				 row,
				 ((AccordNode *)g_ptr_array_index(table->columns, c))->key,
				 &cells[c],
				 FALSE);
	}
}

static void
add_section(Sheet *sheet, const AccordNode *section, const gchar *record, const GPtrArray *outer)
{
	g_autoptr(GPtrArray) context = g_ptr_array_copy((GPtrArray *)outer, NULL, NULL);
	guint n = section->children == NULL ? 0 : section->children->len;
	GHashTable *row = NULL;

	for (guint i = 0; i < n; i++) {
		const AccordNode *c = g_ptr_array_index(section->children, i);
		if (c->kind == ACCORD_NODE_FIELD && c->is_key)
			g_ptr_array_add(context, (gpointer)c);
	}
	for (guint i = 0; i < n; i++) {
		const AccordNode *c = g_ptr_array_index(section->children, i);

		if (c->kind == ACCORD_NODE_FIELD && !c->is_key) {
			if (row == NULL)
				row = new_row(sheet, record, context);
			if (accord_item_title(section) != NULL && section != sheet->root &&
			    !g_hash_table_contains(row, "title"))
				put(sheet, row, "title", text_value(section->title), FALSE);
			put_cell(sheet, row, c->key, &c->cell, FALSE);
		} else if (c->kind == ACCORD_NODE_SECTION) {
			add_section(sheet, c, c->key != NULL ? c->key : record, context);
		} else if (c->kind == ACCORD_NODE_LIST) {
			for (guint j = 0; c->children != NULL && j < c->children->len; j++)
				add_section(sheet,
					    g_ptr_array_index(c->children, j),
					    c->key,
					    context);
		} else if (c->kind == ACCORD_NODE_TABLE) {
			add_table(sheet, c, context);
		}
	}
}

static void
append_value(GString *out, const gchar *value)
{
	if (strpbrk(value, ",\"\r\n") == NULL) {
		g_string_append(out, value);
		return;
	}
	g_string_append_c(out, '"');
	for (const gchar *p = value; *p != '\0'; p++) {
		if (*p == '"')
			g_string_append_c(out, '"');
		g_string_append_c(out, *p);
	}
	g_string_append_c(out, '"');
}

static void
append_line(GString *out, const GPtrArray *header, GHashTable *row)
{
	for (guint c = 0; c < header->len; c++) {
		const gchar *name = g_ptr_array_index(header, c);
		const gchar *value = row == NULL ? name : g_hash_table_lookup(row, name);

		if (c > 0)
			g_string_append_c(out, ',');
		append_value(out, value != NULL ? value : "");
	}
	g_string_append(out, "\r\n");
}

/**
 * accord_serialise_csv:
 * @document: a document
 *
 * Returns: (transfer full): the document as CSV, a header line first
 */
GBytes *
accord_serialise_csv(const AccordDocument *document)
{
	Sheet sheet = {g_ptr_array_new(),
		       g_ptr_array_new(),
		       g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
		       g_ptr_array_new_with_free_func((GDestroyNotify)g_hash_table_unref),
		       document->root};
	g_autoptr(GPtrArray) header = g_ptr_array_new();
	g_autoptr(GPtrArray) none = g_ptr_array_new();
	GString *out = g_string_new(NULL);

	add_section(&sheet, document->root, "summary", none);
	g_ptr_array_add(header, "record");
	g_ptr_array_extend(header, sheet.key_columns, NULL, NULL);
	g_ptr_array_extend(header, sheet.columns, NULL, NULL);
	append_line(out, header, NULL);
	for (guint r = 0; r < sheet.rows->len; r++)
		append_line(out, header, g_ptr_array_index(sheet.rows, r));
	g_ptr_array_unref(sheet.rows);
	g_ptr_array_unref(sheet.key_columns);
	g_ptr_array_unref(sheet.columns);
	g_hash_table_unref(sheet.seen);
	return g_string_free_to_bytes(out);
}
