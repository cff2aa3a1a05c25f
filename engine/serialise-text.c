#include "config.h"

#include <string.h>

#include "document-private.h"

/* The two formats for readers, one walk: plain text (headings, aligned "Label: value"
 * blocks and tables) and GitHub-flavoured Markdown (headings by depth, "- **Label:**" items,
 * blockquoted provisions, pipe tables, links). Text from inputs goes through the control and
 * bidi escape, and in Markdown through the syntax escape too, so it never becomes markup */

typedef struct {
	GString *out;
	gboolean md;
	AccordWriteFunc write; /* else the whole text stays in @out */
	gpointer user_data;
	GError *error; /* the first of @write */
} Writer;

/* what a streamed writer passes on at once */
#define PIECE 65536

/* gives @write all but the last two bytes, which blank() and the final newline still read
 * (a table line ends with text and a newline, so nothing before them is ever changed) */
static void
pass_on(Writer *w)
{
	gsize n = w->out->len - 2;

	if (w->write == NULL || w->out->len < PIECE || w->error != NULL)
		return;
	if (!w->write(w->out->str, n, w->user_data, &w->error))
		return;
	g_string_erase(w->out, 0, (gssize)n);
}

static void
put(Writer *w, const gchar *text)
{
	g_autoptr(GString) plain = NULL;

	/* plain text only escapes control and bidi characters: straight into the output, as a
	 * table of n rows puts every cell twice (widths, then lines) */
	if (!w->md) {
		accord_append_escaped_bidi(w->out, text);
		return;
	}
	plain = g_string_new(NULL);
	accord_append_escaped_bidi(plain, text);
	for (const gchar *p = plain->str; *p != '\0'; p++) {
		if (w->md && strchr("\\`*_[]<>|#~&!", *p) != NULL)
			g_string_append_c(w->out, '\\');
		g_string_append_c(w->out, *p == '\n' && w->md ? ' ' : *p);
	}
}

/* end what came before with a blank line, once */
static void
blank(Writer *w)
{
	/* by length, not g_str_has_suffix(), whose strlen() made a long report quadratic */
	while (w->out->len > 0 && !(w->out->len >= 2 && w->out->str[w->out->len - 1] == '\n' &&
				    w->out->str[w->out->len - 2] == '\n'))
		g_string_append_c(w->out, '\n');
}

static void
indent(Writer *w, guint n)
{
	g_string_append_printf(w->out, "%*s", (int)n, "");
}

static void
put_link(Writer *w, const gchar *title, const gchar *href)
{
	if (!accord_is_web_link(href)) {
		put(w, title != NULL ? title : href);
		return;
	}
	g_string_append_c(w->out, '[');
	put(w, title != NULL ? title : href);
	g_string_append_printf(w->out, "](%s)", href);
}

/* a cell on one line: Markdown shows ids as code and links as links */
static void
put_cell(Writer *w, const AccordCell *cell)
{
	g_autofree gchar *marks = accord_format_marks(cell->marks);
	AccordCell bare = *cell;
	g_autofree gchar *text = NULL;

	if (w->md && cell->type == ACCORD_CELL_ID && strchr(cell->text, '`') == NULL) {
		g_string_append_printf(w->out, "`%s`", cell->text);
	} else if (w->md && cell->type == ACCORD_CELL_URL) {
		put_link(w, cell->detail, cell->text);
	} else {
		bare.href = w->md ? NULL : cell->href;
		text = accord_format_cell(&bare);
		g_strdelimit(text, "\n", ' ');
		put(w, text);
		if (w->md && cell->type == ACCORD_CELL_FACT && cell->text != NULL &&
		    cell->href != NULL) {
			g_string_append_c(w->out, ' ');
			put_link(w, "source", cell->href);
		}
	}
	put(w, marks);
}

static gchar *
cell_string(const AccordCell *cell, gboolean md)
{
	Writer w = {g_string_new(NULL), md};

	put_cell(&w, cell);
	return g_string_free(w.out, FALSE);
}

static void
heading(Writer *w, const gchar *title, guint depth, guint at)
{
	if (title == NULL)
		return;
	if (w->md) {
		g_string_append_printf(w->out, "%.*s ", (int)MIN(depth + 1, 6u), "######");
		put(w, title);
		g_string_append(w->out, "\n\n");
		return;
	}
	indent(w, at);
	g_string_append(w->out, depth == 0 ? "" : depth == 1 ? "== " : "-- ");
	put(w, title);
	g_string_append(w->out, depth == 0 ? "\n\n" : depth == 1 ? " ==\n\n" : " --\n\n");
}

/* consecutive fields: text aligns the labels; Markdown makes a list, a quotation a quote */
static guint
fields(Writer *w, const GPtrArray *children, guint from, guint at)
{
	glong width = 0;
	guint end = from;

	for (; end < children->len; end++) {
		const AccordNode *f = g_ptr_array_index(children, end);

		if (f->kind != ACCORD_NODE_FIELD)
			break;
		width = MAX(width, g_utf8_strlen(f->title, -1));
	}
	for (guint i = from; i < end; i++) {
		const AccordNode *f = g_ptr_array_index(children, i);

		if (w->md && f->cell.type == ACCORD_CELL_QUOTE) {
			blank(w);
			g_string_append(w->out, "> ");
			put(w, f->cell.text);
			g_string_append(w->out, "\n>\n> — ");
			put(w, f->cell.detail != NULL ? f->cell.detail : "");
			g_string_append(w->out, "\n");
			blank(w);
			continue;
		}
		indent(w, at);
		g_string_append(w->out, w->md ? "- **" : "");
		put(w, f->title);
		g_string_append(w->out, w->md ? ":** " : ": ");
		if (!w->md)
			indent(w, (guint)(width - g_utf8_strlen(f->title, -1)));
		put_cell(w, &f->cell);
		g_string_append_c(w->out, '\n');
	}
	return end;
}

static void
table_line(Writer *w, gchar **cells, const glong *width, const gboolean *right, guint n, guint at)
{
	indent(w, at);
	for (guint c = 0; c < n; c++) {
		glong pad = width[c] - g_utf8_strlen(cells[c], -1);

		g_string_append(w->out, w->md ? "| " : c > 0 ? "  " : "");
		if (right[c] && !w->md)
			indent(w, (guint)pad);
		g_string_append(w->out, cells[c]);
		if (!right[c] && !w->md && c + 1 < n)
			indent(w, (guint)pad);
		g_string_append(w->out, w->md ? " " : "");
	}
	g_string_append(w->out, w->md ? "|\n" : "\n");
}

/* line @r of a table: 0 the headings, then its rows; NULL-terminated, for g_strfreev() */
static gchar **
table_cells(const Writer *w, const AccordNode *t, guint r)
{
	guint n = t->columns->len;
	const AccordCell *row = r > 0 ? accord_table_get_row(t, r - 1) : NULL;
	gchar **cells = g_new0(gchar *, n + 1);

	for (guint c = 0; c < n; c++) {
		const AccordNode *col = g_ptr_array_index(t->columns, c);

		cells[c] =
		    row == NULL
			? cell_string(&(AccordCell){ACCORD_CELL_TEXT, 0, 0, 0, col->title}, w->md)
			: cell_string(&row[c], w->md);
	}
	return cells;
}

/* two passes over the rows, the widths then the lines, so that a table made by a row source
 * is never held whole */
static void
table(Writer *w, const AccordNode *t, guint at)
{
	guint n = t->columns->len;
	g_autofree glong *width = g_new0(glong, n);
	g_autofree gboolean *right = g_new0(gboolean, n);

	/* row by row, as a row source makes them: a column with any figure in it aligns right */
	for (guint r = 0; r <= accord_table_get_n_rows(t); r++) {
		g_auto(GStrv) cells = table_cells(w, t, r);

		for (guint c = 0; c < n; c++) {
			width[c] = MAX(width[c], g_utf8_strlen(cells[c], -1));
			right[c] |=
			    r > 0 && accord_cell_is_numeric(&accord_table_get_row(t, r - 1)[c]);
		}
	}
	if (t->title != NULL) {
		indent(w, at);
		g_string_append(w->out, w->md ? "**" : "");
		put(w, t->title);
		g_string_append(w->out, w->md ? "**\n\n" : ":\n");
	}
	for (guint l = 0; l <= accord_table_get_n_rows(t); l++) {
		g_auto(GStrv) cells = table_cells(w, t, l);

		table_line(w, cells, width, right, n, w->md ? 0 : at + 2);
		pass_on(w);
		for (guint c = 0; w->md && l == 0 && c < n; c++)
			g_string_append(w->out, right[c] ? "|---:" : "|---");
		if (w->md && l == 0)
			g_string_append(w->out, "|\n");
	}
}

static void
children(Writer *w, const AccordNode *node, guint depth, guint at);

static void
list(Writer *w, const AccordNode *l, guint depth, guint at)
{
	guint n = l->children == NULL ? 0 : l->children->len;

	if (l->title != NULL && w->md) {
		heading(w, l->title, depth + 1, at);
	} else if (l->title != NULL) {
		indent(w, at);
		put(w, l->title);
		g_string_append(w->out, ":\n");
	}
	for (guint i = 0; i < n; i++) {
		const AccordNode *item = g_ptr_array_index(l->children, i);
		g_autofree gchar *title =
		    g_strdup_printf("%u. %s", i + 1, item->title != NULL ? item->title : "");

		if (w->md) {
			heading(w, title, depth + 2, 0);
		} else {
			blank(w);
			indent(w, at);
			put(w, title);
			g_string_append(w->out, "\n");
		}
		children(w, item, depth + (w->md ? 2 : 1), w->md ? 0 : at + 3);
		blank(w);
	}
}

static void
children(Writer *w, const AccordNode *node, guint depth, guint at)
{
	guint n = node->children == NULL ? 0 : node->children->len;

	for (guint i = 0; i < n;) {
		const AccordNode *child = g_ptr_array_index(node->children, i);

		if (i > 0)
			blank(w);
		if (child->kind == ACCORD_NODE_FIELD) {
			i = fields(w, node->children, i, at);
			continue;
		}
		if (child->kind == ACCORD_NODE_TEXT) {
			indent(w, at);
			put(w, child->cell.text);
			g_string_append_c(w->out, '\n');
		} else if (child->kind == ACCORD_NODE_SECTION) {
			heading(w, child->title, depth + 1, at);
			children(w, child, depth + 1, at);
		} else if (child->kind == ACCORD_NODE_LIST) {
			list(w, child, depth, at);
		} else if (child->kind == ACCORD_NODE_TABLE) {
			table(w, child, at);
		}
		i++;
	}
}

static void
write_all(Writer *w, const AccordDocument *document)
{
	heading(w, document->root->title, 0, 0);
	children(w, document->root, 0, 0);
	/* one newline at the end */
	while (w->out->len > 1 && w->out->str[w->out->len - 1] == '\n' &&
	       w->out->str[w->out->len - 2] == '\n')
		g_string_truncate(w->out, w->out->len - 1);
}

/* the document as plain text, or as Markdown (@md) */
GBytes *
accord_serialise_text(const AccordDocument *document, gboolean md)
{
	Writer w = {g_string_new(NULL), md, NULL, NULL, NULL};

	write_all(&w, document);
	return g_string_free_to_bytes(w.out);
}

/* the same, given to @write in pieces as it is made */
gboolean
accord_serialise_text_to(const AccordDocument *document,
			 gboolean md,
			 AccordWriteFunc write,
			 gpointer user_data,
			 GError **error)
{
	g_autoptr(GString) out = g_string_new(NULL);
	Writer w = {out, md, write, user_data, NULL};

	write_all(&w, document);
	if (w.error == NULL)
		write(out->str, out->len, user_data, &w.error);
	if (w.error == NULL)
		return TRUE;
	g_propagate_error(error, w.error);
	return FALSE;
}
