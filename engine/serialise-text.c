#include "config.h"

#include <string.h>

#include "document-private.h"

/* plain text for a terminal: headings, aligned "Label: value" blocks, aligned tables; every
 * string from an input goes through the control/bidi escape */

static void
append_cell(GString *out, const AccordCell *cell, gboolean one_line)
{
	g_autofree gchar *text = accord_format_cell(cell);
	g_autofree gchar *marks = accord_format_marks(cell->marks);

	if (one_line)
		g_strdelimit(text, "\n", ' ');
	accord_append_escaped_bidi(out, text);
	g_string_append(out, marks);
}

static gchar *
cell_string(const AccordCell *cell)
{
	GString *s = g_string_new(NULL);

	append_cell(s, cell, TRUE);
	return g_string_free(s, FALSE);
}

static void
pad(GString *out, const gchar *text, glong width, gboolean right)
{
	glong n = width - g_utf8_strlen(text, -1);

	if (right)
		for (; n > 0; n--)
			g_string_append_c(out, ' ');
	g_string_append(out, text);
	if (!right)
		for (; n > 0; n--)
			g_string_append_c(out, ' ');
}

/* a run of consecutive fields, labels padded to the longest */
static guint
append_fields(GString *out, const GPtrArray *children, guint from, guint indent)
{
	glong width = 0;
	guint end = from;

	while (end < children->len &&
	       ((AccordNode *)g_ptr_array_index(children, end))->kind == ACCORD_NODE_FIELD) {
		AccordNode *f = g_ptr_array_index(children, end++);
		width = MAX(width, g_utf8_strlen(f->title, -1) + 1);
	}
	for (guint i = from; i < end; i++) {
		AccordNode *f = g_ptr_array_index(children, i);
		g_autofree gchar *label = g_strconcat(f->title, ":", NULL);

		g_string_append_printf(out, "%*s", (int)indent, "");
		pad(out, label, width + 1, FALSE);
		append_cell(out, &f->cell, FALSE);
		g_string_append_c(out, '\n');
	}
	return end;
}

static void
append_row(GString *out, gchar **cells, const glong *width, const gboolean *right, guint n)
{
	GString *line = g_string_new(NULL);

	for (guint c = 0; c < n; c++) {
		if (c > 0)
			g_string_append(line, "  ");
		pad(line, cells[c], c + 1 < n || right[c] ? width[c] : 0, right[c]);
	}
	g_string_append(out, line->str);
	g_string_append_c(out, '\n');
	g_string_free(line, TRUE);
}

static void
append_table(GString *out, const AccordNode *table, guint indent)
{
	guint n = table->columns->len;
	g_autofree glong *width = g_new0(glong, n);
	g_autofree gboolean *right = g_new0(gboolean, n);
	g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
	gchar **header = g_new0(gchar *, n + 1);

	for (guint c = 0; c < n; c++) {
		header[c] = g_strdup(((AccordNode *)g_ptr_array_index(table->columns, c))->title);
		right[c] = accord_table_column_is_numeric(table, c);
	}
	g_ptr_array_add(lines, header);
	for (guint r = 0; r < table->rows->len; r++) {
		const AccordCell *row = g_ptr_array_index(table->rows, r);
		gchar **cells = g_new0(gchar *, n + 1);

		for (guint c = 0; c < n; c++)
			cells[c] = cell_string(&row[c]);
		g_ptr_array_add(lines, cells);
	}
	for (guint l = 0; l < lines->len; l++)
		for (guint c = 0; c < n; c++)
			width[c] = MAX(width[c],
				       g_utf8_strlen(((gchar **)g_ptr_array_index(lines, l))[c], -1));
	if (table->title != NULL) {
		g_string_append_printf(out, "%*s", (int)indent, "");
		accord_append_escaped_bidi(out, table->title);
		g_string_append(out, ":\n");
	}
	for (guint l = 0; l < lines->len; l++) {
		g_string_append_printf(out, "%*s", (int)indent + 2, "");
		append_row(out, g_ptr_array_index(lines, l), width, right, n);
	}
}

static void append_children(GString *out, const AccordNode *node, guint depth, guint indent);

static void
append_heading(GString *out, const gchar *title, guint depth, guint indent)
{
	const gchar *rule = depth <= 1 ? "==" : "--";

	if (title == NULL)
		return;
	g_string_append_printf(out, "%*s", (int)indent, "");
	if (depth == 0) {
		accord_append_escaped_bidi(out, title);
		g_string_append_c(out, '\n');
		return;
	}
	g_string_append_printf(out, "%s ", rule);
	accord_append_escaped_bidi(out, title);
	g_string_append_printf(out, " %s\n", rule);
}

static void
append_list(GString *out, const AccordNode *list, guint depth, guint indent)
{
	guint n = list->children == NULL ? 0 : list->children->len;

	if (list->title != NULL) {
		g_string_append_printf(out, "%*s", (int)indent, "");
		accord_append_escaped_bidi(out, list->title);
		g_string_append(out, ":\n\n");
	}
	for (guint i = 0; i < n; i++) {
		const AccordNode *item = g_ptr_array_index(list->children, i);
		g_autofree gchar *number = g_strdup_printf("%u. ", i + 1);

		g_string_append_printf(out, "%*s%s", (int)indent, "", number);
		accord_append_escaped_bidi(out, item->title != NULL ? item->title : "");
		g_string_append_c(out, '\n');
		append_children(out, item, depth + 1, indent + (guint)strlen(number));
		if (i + 1 < n)
			g_string_append_c(out, '\n');
	}
}

static void
append_children(GString *out, const AccordNode *node, guint depth, guint indent)
{
	guint n = node->children == NULL ? 0 : node->children->len;

	for (guint i = 0; i < n;) {
		const AccordNode *child = g_ptr_array_index(node->children, i);

		if (i > 0 && child->kind != ACCORD_NODE_CHART)
			g_string_append_c(out, '\n');
		if (child->kind == ACCORD_NODE_FIELD) {
			i = append_fields(out, node->children, i, indent);
			continue;
		}
		if (child->kind == ACCORD_NODE_TEXT) {
			g_string_append_printf(out, "%*s", (int)indent, "");
			accord_append_escaped_bidi(out, child->cell.text);
			g_string_append_c(out, '\n');
		} else if (child->kind == ACCORD_NODE_SECTION) {
			append_heading(out, child->title, depth + 1, indent);
			if (child->title != NULL && child->children != NULL)
				g_string_append_c(out, '\n');
			append_children(out, child, depth + 1, indent);
		} else if (child->kind == ACCORD_NODE_LIST) {
			append_list(out, child, depth, indent);
		} else if (child->kind == ACCORD_NODE_TABLE) {
			append_table(out, child, indent);
		}
		i++;
	}
}

/**
 * accord_serialise_text:
 * @document: a document
 *
 * Returns: (transfer full): the document as plain text
 */
GBytes *
accord_serialise_text(const AccordDocument *document)
{
	GString *out = g_string_new(NULL);

	append_heading(out, document->root->title, 0, 0);
	if (document->root->children != NULL) {
		g_string_append_c(out, '\n');
		append_children(out, document->root, 0, 0);
	}
	return g_string_free_to_bytes(out);
}
