#include "config.h"

#include <string.h>

#include "document-private.h"

/* GitHub-flavoured Markdown: headings by depth, "- **Label:** value" fields, blockquoted
 * provisions, pipe tables; text from inputs is escaped so it can never become markup */

static void
append_escaped(GString *out, const gchar *text)
{
	g_autoptr(GString) plain = g_string_new(NULL);

	accord_append_escaped_bidi(plain, text);
	for (const gchar *p = plain->str; *p != '\0'; p++) {
		if (*p == '\n') {
			g_string_append_c(out, ' ');
			continue;
		}
		if (strchr("\\`*_[]<>|#~&!", *p) != NULL)
			g_string_append_c(out, '\\');
		g_string_append_c(out, *p);
	}
}

static gboolean
is_web_link(const gchar *href)
{
	return href != NULL &&
	       (g_str_has_prefix(href, "https://") || g_str_has_prefix(href, "http://")) &&
	       strpbrk(href, " <>()\n") == NULL;
}

static void
append_link(GString *out, const gchar *title, const gchar *href)
{
	if (!is_web_link(href)) {
		append_escaped(out, title != NULL ? title : href);
		return;
	}
	g_string_append_c(out, '[');
	append_escaped(out, title != NULL ? title : href);
	g_string_append_printf(out, "](%s)", href);
}

static void
append_cell(GString *out, const AccordCell *cell)
{
	g_autofree gchar *marks = accord_format_marks(cell->marks);

	if (cell->type == ACCORD_CELL_ID && strchr(cell->text, '`') == NULL) {
		g_string_append_printf(out, "`%s`", cell->text);
	} else if (cell->type == ACCORD_CELL_URL) {
		append_link(out, cell->detail, cell->text);
	} else if (cell->type == ACCORD_CELL_FACT && cell->text != NULL && cell->href != NULL) {
		AccordCell bare = *cell;
		g_autofree gchar *text = NULL;

		bare.href = NULL;
		text = accord_format_cell(&bare);
		append_escaped(out, text);
		g_string_append(out, " ");
		append_link(out, "source", cell->href);
	} else {
		g_autofree gchar *text = accord_format_cell(cell);
		append_escaped(out, text);
	}
	append_escaped(out, marks);
}

static void
append_heading(GString *out, const gchar *title, guint depth)
{
	if (title == NULL)
		return;
	g_string_append_printf(out, "%.*s ", (int)MIN(depth + 1, 6u), "######");
	append_escaped(out, title);
	g_string_append(out, "\n\n");
}

static void
append_field(GString *out, const AccordNode *field)
{
	if (field->cell.type == ACCORD_CELL_QUOTE) {
		g_string_append(out, "> ");
		append_escaped(out, field->cell.text);
		if (field->cell.detail != NULL) {
			g_string_append(out, "\n>\n> — ");
			append_escaped(out, field->cell.detail);
		}
		g_string_append(out, "\n\n");
		return;
	}
	g_string_append(out, "- **");
	append_escaped(out, field->title);
	g_string_append(out, ":** ");
	append_cell(out, &field->cell);
	g_string_append_c(out, '\n');
}

static void
append_table(GString *out, const AccordNode *table)
{
	guint n = table->columns->len;

	if (table->title != NULL) {
		g_string_append(out, "**");
		append_escaped(out, table->title);
		g_string_append(out, "**\n\n");
	}
	for (guint c = 0; c < n; c++) {
		g_string_append(out, "| ");
		append_escaped(out, ((AccordNode *)g_ptr_array_index(table->columns, c))->title);
		g_string_append_c(out, ' ');
	}
	g_string_append(out, "|\n");
	for (guint c = 0; c < n; c++) {
		g_string_append(out, accord_table_column_is_numeric(table, c) ? "|---:" : "|---");
	}
	g_string_append(out, "|\n");
	for (guint r = 0; r < table->rows->len; r++) {
		const AccordCell *row = g_ptr_array_index(table->rows, r);

		for (guint c = 0; c < n; c++) {
			g_string_append(out, "| ");
			append_cell(out, &row[c]);
			g_string_append_c(out, ' ');
		}
		g_string_append(out, "|\n");
	}
	g_string_append_c(out, '\n');
}

static void append_children(GString *out, const AccordNode *node, guint depth);

static void
append_list(GString *out, const AccordNode *list, guint depth)
{
	append_heading(out, list->title, depth + 1);
	for (guint i = 0; list->children != NULL && i < list->children->len; i++) {
		const AccordNode *item = g_ptr_array_index(list->children, i);
		g_autofree gchar *title =
		    g_strdup_printf("%u. %s", i + 1, item->title != NULL ? item->title : "");

		append_heading(out, title, depth + 2);
		append_children(out, item, depth + 2);
	}
}

static void
append_children(GString *out, const AccordNode *node, guint depth)
{
	gboolean in_fields = FALSE;

	for (guint i = 0; node->children != NULL && i < node->children->len; i++) {
		const AccordNode *child = g_ptr_array_index(node->children, i);
		gboolean field = child->kind == ACCORD_NODE_FIELD && child->cell.type != ACCORD_CELL_QUOTE;

		if (in_fields && !field)
			g_string_append_c(out, '\n');
		in_fields = field;
		if (child->kind == ACCORD_NODE_FIELD) {
			append_field(out, child);
		} else if (child->kind == ACCORD_NODE_TEXT) {
			append_escaped(out, child->cell.text);
			g_string_append(out, "\n\n");
		} else if (child->kind == ACCORD_NODE_SECTION) {
			append_heading(out, child->title, depth + 1);
			append_children(out, child, depth + 1);
		} else if (child->kind == ACCORD_NODE_LIST) {
			append_list(out, child, depth);
		} else if (child->kind == ACCORD_NODE_TABLE) {
			append_table(out, child);
		}
	}
	if (in_fields)
		g_string_append_c(out, '\n');
}

/**
 * accord_serialise_markdown:
 * @document: a document
 *
 * Returns: (transfer full): the document as Markdown
 */
GBytes *
accord_serialise_markdown(const AccordDocument *document)
{
	GString *out = g_string_new(NULL);

	append_heading(out, document->root->title, 0);
	append_children(out, document->root, 0);
	/* one newline at the end, not the blank line every block leaves */
	while (out->len > 1 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
		g_string_truncate(out, out->len - 1);
	return g_string_free_to_bytes(out);
}
