#include "config.h"

#include <math.h>

#include "document-private.h"

/* cells are plain values; the document copies their strings when they are added */
static AccordCell
cell_of(AccordCellType type, gdouble number, const gchar *text)
{
	AccordCell cell = {type, ACCORD_MARK_NONE, number, 1, text, NULL, NULL, NULL, NULL, NULL};

	return cell;
}

/**
 * accord_cell_figure:
 * @type: %ACCORD_CELL_SCORE, %ACCORD_CELL_PERCENT (a share in [0, 1]), %ACCORD_CELL_NUMBER
 *   or %ACCORD_CELL_COUNT
 * @value: the figure; NAN gives an empty cell
 * @digits: the decimals text formats show (trailing zeros dropped for numbers)
 *
 * Returns: a figure cell (accord_cell_score() and its kin are shorthands)
 */
AccordCell
accord_cell_figure(AccordCellType type, gdouble value, guint digits)
{
	AccordCell cell = cell_of(type, value, NULL);

	cell.digits = digits;
	return isnan(value) ? cell_of(ACCORD_CELL_EMPTY, NAN, NULL) : cell;
}

/**
 * accord_cell_string:
 * @type: %ACCORD_CELL_ID, %ACCORD_CELL_TEXT, %ACCORD_CELL_DATE, %ACCORD_CELL_CONFIDENCE or
 *   %ACCORD_CELL_OUTCOME
 * @text: (nullable): the words; %NULL gives an empty cell
 *
 * Returns: a string cell (accord_cell_id() and its kin are shorthands)
 */
AccordCell
accord_cell_string(AccordCellType type, const gchar *text)
{
	return cell_of(text == NULL ? ACCORD_CELL_EMPTY : type, NAN, text);
}

/**
 * accord_cell_pair:
 * @type: %ACCORD_CELL_QUOTE (text and citation) or %ACCORD_CELL_URL (link and title)
 * @text: (nullable): the quoted words or the link; %NULL gives an empty cell
 * @detail: (nullable): the citation or the title
 *
 * Serialisers make a link only of an `http:` or `https:` address.
 *
 * Returns: a cell (accord_cell_quote() and accord_cell_url() are shorthands)
 */
AccordCell
accord_cell_pair(AccordCellType type, const gchar *text, const gchar *detail)
{
	AccordCell cell = accord_cell_string(type, text);

	cell.detail = text != NULL ? detail : NULL;
	return cell;
}

/**
 * accord_cell_fact:
 * @key: the fact's key
 * @value: (nullable): its value; %NULL when the profile does not state it
 * @confidence: (nullable): its confidence
 * @date: (nullable): the date of its newest evidence
 * @source: (nullable): the title of its newest evidence
 * @href: (nullable): the link of its newest evidence
 *
 * Returns: a fact cell
 */
AccordCell
accord_cell_fact(const gchar *key,
		 const gchar *value,
		 const gchar *confidence,
		 const gchar *date,
		 const gchar *source,
		 const gchar *href)
{
	AccordCell cell = cell_of(ACCORD_CELL_FACT, NAN, value);

	cell.detail = key;
	cell.confidence = confidence;
	cell.date = date;
	cell.source = source;
	cell.href = href;
	return cell;
}

/**
 * accord_cell_with_marks:
 * @cell: a cell
 * @marks: #AccordMark flags to add
 *
 * Returns: @cell with @marks added
 */
AccordCell
accord_cell_with_marks(AccordCell cell, guint marks)
{
	cell.marks |= marks;
	return cell;
}

static const gchar *
keep(AccordDocument *doc, const gchar *text)
{
	return text == NULL ? NULL : g_string_chunk_insert_const(doc->strings, text);
}

static AccordCell
keep_cell(AccordDocument *doc, AccordCell cell)
{
	cell.text = keep(doc, cell.text);
	cell.detail = keep(doc, cell.detail);
	cell.confidence = keep(doc, cell.confidence);
	cell.date = keep(doc, cell.date);
	cell.source = keep(doc, cell.source);
	cell.href = keep(doc, cell.href);
	return cell;
}

static void
node_free(AccordNode *node)
{
	g_clear_pointer(&node->children, g_ptr_array_unref);
	g_clear_pointer(&node->columns, g_ptr_array_unref);
	g_clear_pointer(&node->rows, g_ptr_array_unref);
	g_free(node->scratch);
	g_clear_pointer(&node->chart_series, g_array_unref);
	g_free(node);
}

static gint
column_index(const AccordNode *table, const gchar *key)
{
	for (guint i = 0; i < table->columns->len; i++)
		if (g_strcmp0(((AccordNode *)g_ptr_array_index(table->columns, i))->key, key) == 0)
			return (gint)i;
	return -1;
}

static AccordNode *
node_new(AccordDocument *doc, AccordNodeKind kind, const gchar *key, const gchar *title)
{
	AccordNode *node = g_new0(AccordNode, 1);

	node->kind = kind;
	node->document = doc;
	node->key = keep(doc, key);
	node->title = keep(doc, title);
	node->cell = cell_of(ACCORD_CELL_EMPTY, NAN, NULL);
	g_ptr_array_add(doc->nodes, node);
	return node;
}

static AccordNode *
add_child(AccordNode *parent, AccordNodeKind kind, const gchar *key, const gchar *title)
{
	AccordNode *node = node_new(parent->document, kind, key, title);

	node->parent = parent;
	if (parent->children == NULL)
		parent->children = g_ptr_array_new();
	g_ptr_array_add(parent->children, node);
	return node;
}

/**
 * accord_document_new:
 * @kind: what view the document shows (`gaps`, `rank` …); JSON's `kind` member
 * @title: the heading of the whole document
 *
 * Returns: (transfer full): an empty document whose root is a section
 */
AccordDocument *
accord_document_new(const gchar *kind, const gchar *title)
{
	AccordDocument *self = g_new0(AccordDocument, 1);

	self->kind = g_strdup(kind);
	self->strings = g_string_chunk_new(4096);
	self->nodes = g_ptr_array_new_with_free_func((GDestroyNotify)node_free);
	self->root = node_new(self, ACCORD_NODE_SECTION, NULL, title);
	return self;
}

/**
 * accord_document_free:
 * @self: (nullable) (transfer full): a document
 */
void
accord_document_free(AccordDocument *self)
{
	if (self == NULL)
		return;
	g_ptr_array_unref(self->nodes);
	g_string_chunk_free(self->strings);
	g_free(self->kind);
	g_free(self);
}

/**
 * accord_document_get_root:
 * @self: a document
 *
 * Returns: (transfer none): the root section, to add nodes to
 */
AccordNode *
accord_document_get_root(AccordDocument *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->root;
}

/**
 * accord_node_add_section:
 * @parent: a section, or a list (the section is then one of its items)
 * @key: (nullable): its JSON member and CSV record name; %NULL to group without nesting
 *   (JSON and CSV see its contents as the parent's), and for list items
 * @title: (nullable): its heading
 *
 * Returns: (transfer none): the new section
 */
AccordNode *
accord_node_add_section(AccordNode *parent, const gchar *key, const gchar *title)
{
	g_return_val_if_fail(parent != NULL, NULL);
	g_return_val_if_fail(parent->kind == ACCORD_NODE_SECTION ||
				 parent->kind == ACCORD_NODE_LIST,
			     NULL);
	return add_child(parent,
			 ACCORD_NODE_SECTION,
			 parent->kind == ACCORD_NODE_LIST ? NULL : key,
			 title);
}

/**
 * accord_node_add_fields:
 * @parent: a section or list item
 * @fields: (array length=n_fields): labelled values, in the order a reader sees them
 * @n_fields: their number
 *
 * A field marked @is_key identifies its section (a country, a ruleset, a rule): CSV repeats
 * it on every row of the records below it.
 */
void
accord_node_add_fields(AccordNode *parent, const AccordField *fields, guint n_fields)
{
	g_return_if_fail(parent != NULL && parent->kind == ACCORD_NODE_SECTION);
	for (guint i = 0; i < n_fields; i++) {
		AccordNode *node =
		    add_child(parent, ACCORD_NODE_FIELD, fields[i].key, fields[i].label);

		node->cell = keep_cell(parent->document, fields[i].cell);
		node->is_key = fields[i].is_key;
	}
}

/**
 * accord_node_add_text:
 * @parent: a section or list item
 * @text: prose for readers: how to read what follows (JSON and CSV leave it out)
 */
void
accord_node_add_text(AccordNode *parent, const gchar *text)
{
	AccordNode *node;

	g_return_if_fail(parent != NULL && parent->kind == ACCORD_NODE_SECTION && text != NULL);
	node = add_child(parent, ACCORD_NODE_TEXT, NULL, NULL);
	node->cell = keep_cell(parent->document, accord_cell_text(text));
}

/**
 * accord_node_add_list:
 * @parent: a section or list item
 * @key: the JSON member (an array) and CSV record name
 * @title: (nullable): its heading
 *
 * Returns: (transfer none): a list; accord_node_add_section() on it adds an item
 */
AccordNode *
accord_node_add_list(AccordNode *parent, const gchar *key, const gchar *title)
{
	g_return_val_if_fail(parent != NULL && parent->kind == ACCORD_NODE_SECTION, NULL);
	return add_child(parent, ACCORD_NODE_LIST, key, title);
}

/**
 * accord_node_add_table:
 * @parent: a section or list item
 * @key: the JSON member (an array of row objects) and CSV record name
 * @title: (nullable): its caption
 * @columns: `key=Label` pairs separated by `|`, e.g. `rule=Rule|score=Score`
 *
 * Returns: (transfer none): a table, to add rows (and further columns) to
 */
AccordNode *
accord_node_add_table(AccordNode *parent,
		      const gchar *key,
		      const gchar *title,
		      const gchar *columns)
{
	AccordNode *node;

	g_return_val_if_fail(parent != NULL && parent->kind == ACCORD_NODE_SECTION, NULL);
	node = add_child(parent, ACCORD_NODE_TABLE, key, title);
	node->columns = g_ptr_array_new();
	node->rows = g_ptr_array_new_with_free_func(g_free);
	accord_table_add_columns(node, columns != NULL ? columns : "");
	return node;
}

/**
 * accord_table_add_column:
 * @table: a table with no rows yet
 * @key: the JSON member and CSV column
 * @label: the column heading
 */
void
accord_table_add_column(AccordNode *table, const gchar *key, const gchar *label)
{
	g_return_if_fail(table != NULL && table->kind == ACCORD_NODE_TABLE);
	g_return_if_fail(accord_table_get_n_rows(table) == 0);
	g_ptr_array_add(table->columns, node_new(table->document, ACCORD_NODE_FIELD, key, label));
}

/**
 * accord_table_add_columns:
 * @table: a table with no rows yet
 * @columns: `key=Label` pairs separated by `|`, as accord_node_add_table() takes them
 *
 * Adds a column for each pair, in order; a key alone is its own label.
 */
void
accord_table_add_columns(AccordNode *table, const gchar *columns)
{
	g_auto(GStrv) specs = g_strsplit(columns, "|", -1);

	for (guint i = 0; specs[i] != NULL && specs[i][0] != '\0'; i++) {
		g_auto(GStrv) pair = g_strsplit(specs[i], "=", 2);

		accord_table_add_column(table, pair[0], pair[1] != NULL ? pair[1] : pair[0]);
	}
}

/**
 * accord_table_add_row:
 * @table: a table
 * @cells: (array length=n_cells): one cell per column, in column order
 * @n_cells: the number of columns
 */
void
accord_table_add_row(AccordNode *table, const AccordCell *cells, guint n_cells)
{
	AccordCell *row;

	g_return_if_fail(table != NULL && table->kind == ACCORD_NODE_TABLE);
	g_return_if_fail(n_cells == table->columns->len && table->source == NULL);
	row = g_new(AccordCell, n_cells);
	for (guint i = 0; i < n_cells; i++)
		row[i] = keep_cell(table->document, cells[i]);
	g_ptr_array_add(table->rows, row);
}

/**
 * accord_table_add_rows:
 * @table: a table with its columns
 * @n_rows: how many rows to add
 * @func: (scope call): makes each row, in order
 * @data: for @func
 *
 * Adds @n_rows rows that @func makes one at a time, copying each as accord_table_add_row()
 * does: a row source whose data need not outlive the call.
 */
void
accord_table_add_rows(AccordNode *table, guint n_rows, AccordRowFunc func, gpointer data)
{
	g_autofree AccordCell *cells = NULL;

	g_return_if_fail(table != NULL && table->kind == ACCORD_NODE_TABLE && func != NULL);
	cells = g_new0(AccordCell, MAX(table->columns->len, 1));
	for (guint r = 0; r < n_rows; r++) {
		func(r, cells, data);
		accord_table_add_row(table, cells, table->columns->len);
	}
}

/**
 * accord_table_set_row_source:
 * @table: a table with its columns and no rows
 * @n_rows: how many rows it has
 * @func: makes a row when a serialiser reads it
 * @data: (nullable): for @func; it must outlive the document
 *
 * Gives a table rows that are made as they are written rather than held, so that a table of
 * any length costs one row of memory: a serialiser may read a row more than once (text lays
 * out its columns first), so @func must make the same cells each time.
 */
void
accord_table_set_row_source(AccordNode *table, guint n_rows, AccordRowFunc func, gpointer data)
{
	g_return_if_fail(table != NULL && table->kind == ACCORD_NODE_TABLE && func != NULL);
	g_return_if_fail(accord_table_get_n_rows(table) == 0);
	table->source = func;
	table->source_data = data;
	table->n_source_rows = n_rows;
	table->scratch = g_new0(AccordCell, MAX(table->columns->len, 1));
	table->scratch_row = G_MAXUINT;
}

guint
accord_table_get_n_rows(const AccordNode *table)
{
	return table->source != NULL ? table->n_source_rows : table->rows->len;
}

const AccordCell *
accord_table_get_row(const AccordNode *table, guint row)
{
	AccordNode *t = (AccordNode *)table; /* only its cache of the last row made changes */

	g_return_val_if_fail(row < accord_table_get_n_rows(table), NULL);
	if (t->source == NULL)
		return g_ptr_array_index(t->rows, row);
	if (t->scratch_row != row) {
		t->source(row, t->scratch, t->source_data);
		t->scratch_row = row;
	}
	return t->scratch;
}

/**
 * accord_table_add_chart:
 * @table: a table
 * @kind: what to draw
 * @title: the chart's caption
 * @labels: the key of the column that names each row (a category, or a row of a heat map)
 * @series: the keys of the columns to plot, separated by `|` (each a series; for an
 *   interval chart, value|lower|upper)
 *
 * Draws the table's figures: a chart is a view of a table, so it can never show a number
 * the table does not. Serialisers that cannot draw show the table alone.
 */
void
accord_table_add_chart(AccordNode *table,
		       AccordChartKind kind,
		       const gchar *title,
		       const gchar *labels,
		       const gchar *series)
{
	g_auto(GStrv) keys = g_strsplit(series, "|", -1);

	g_return_if_fail(table != NULL && table->kind == ACCORD_NODE_TABLE);
	table->chart = kind;
	table->chart_title = keep(table->document, title);
	table->chart_labels = column_index(table, labels);
	table->chart_series = g_array_new(FALSE, FALSE, sizeof(gint));
	for (guint i = 0; keys[i] != NULL; i++) {
		gint c = column_index(table, keys[i]);

		g_return_if_fail(c >= 0);
		g_array_append_val(table->chart_series, c);
	}
}

static void
copy_table(AccordNode *parent, const AccordNode *from)
{
	AccordNode *to = accord_node_add_table(parent, from->key, from->title, NULL);

	for (guint c = 0; c < from->columns->len; c++) {
		const AccordNode *column = g_ptr_array_index(from->columns, c);

		accord_table_add_column(to, column->key, column->title);
	}
	for (guint r = 0; r < accord_table_get_n_rows(from); r++)
		accord_table_add_row(to, accord_table_get_row(from, r), from->columns->len);
	if (from->chart_series == NULL)
		return;
	to->chart = from->chart;
	to->chart_title = keep(to->document, from->chart_title);
	to->chart_labels = from->chart_labels;
	to->chart_series = g_array_copy(from->chart_series);
}

/* whether a section around @node already shows a field of this key with this value */
static gboolean
shown_around(const AccordNode *node, const AccordNode *field)
{
	for (const AccordNode *a = node; a != NULL; a = a->parent)
		for (guint i = 0; a->children != NULL && i < a->children->len; i++) {
			const AccordNode *f = g_ptr_array_index(a->children, i);

			if (f->kind == ACCORD_NODE_FIELD && g_strcmp0(f->key, field->key) == 0 &&
			    f->cell.type == field->cell.type &&
			    g_strcmp0(f->cell.text, field->cell.text) == 0 &&
			    (f->cell.number == field->cell.number ||
			     (isnan(f->cell.number) && isnan(field->cell.number))))
				return TRUE;
		}
	return FALSE;
}

/* a copy of @from's children under @to; with @drop_shown, less the fields a section around
 * @to already shows */
static void
copy_into(AccordNode *to, const AccordNode *from, gboolean drop_shown)
{
	guint n = from->children != NULL ? from->children->len : 0;

	for (guint i = 0; i < n; i++) {
		const AccordNode *child = g_ptr_array_index(from->children, i);
		AccordField field = {child->key, child->title, child->cell, child->is_key};

		if (child->kind == ACCORD_NODE_SECTION)
			copy_into(accord_node_add_section(to, child->key, child->title),
				  child,
				  FALSE);
		else if (child->kind == ACCORD_NODE_LIST)
			copy_into(accord_node_add_list(to, child->key, child->title), child, FALSE);
		else if (child->kind == ACCORD_NODE_TABLE)
			copy_table(to, child);
		else if (child->kind == ACCORD_NODE_TEXT)
			accord_node_add_text(to, child->cell.text);
		else if (!drop_shown || !shown_around(to->parent, child))
			accord_node_add_fields(to, &field, 1);
	}
}

/**
 * accord_node_add_document:
 * @parent: a section, or a list (the document then becomes one of its items)
 * @document: (transfer none): a document to copy in
 *
 * Adds a section headed by @document's title, with a copy of what it holds, so that a report
 * can be made of the documents of other views. A field of @document's own (not of its
 * sections) that a section around @parent already shows, with the same key and value, is
 * left out: a gap report inside a country's section does not name the country again. In
 * JSON and CSV the section is named after the document's kind (`gaps`, `roadmap` …).
 *
 * Returns: (transfer none): the new section
 */
AccordNode *
accord_node_add_document(AccordNode *parent, const AccordDocument *document)
{
	AccordNode *section;

	g_return_val_if_fail(parent != NULL && document != NULL, NULL);
	section = accord_node_add_section(parent, document->kind, document->root->title);
	copy_into(section, document->root, TRUE);
	return section;
}
