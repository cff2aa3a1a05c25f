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
 * accord_cell_empty:
 *
 * Returns: a cell with no value (JSON `null`, an empty CSV cell, "n/a" in text)
 */
AccordCell
accord_cell_empty(void)
{
	return cell_of(ACCORD_CELL_EMPTY, NAN, NULL);
}

/**
 * accord_cell_score:
 * @points: points on 0–100, or points of a score; NAN gives an empty cell
 *
 * Returns: a score cell
 */
AccordCell
accord_cell_score(gdouble points)
{
	return isnan(points) ? accord_cell_empty() : cell_of(ACCORD_CELL_SCORE, points, NULL);
}

/**
 * accord_cell_percent:
 * @share: a share in [0, 1]; NAN gives an empty cell
 *
 * Returns: a percent cell (shown ×100 with a `%` sign; JSON keeps the share)
 */
AccordCell
accord_cell_percent(gdouble share)
{
	return isnan(share) ? accord_cell_empty() : cell_of(ACCORD_CELL_PERCENT, share, NULL);
}

/**
 * accord_cell_number:
 * @value: a real number; NAN gives an empty cell
 * @digits: at most this many decimals in text formats, trailing zeros dropped
 *
 * Returns: a number cell
 */
AccordCell
accord_cell_number(gdouble value, guint digits)
{
	AccordCell cell = cell_of(ACCORD_CELL_NUMBER, value, NULL);

	if (isnan(value))
		return accord_cell_empty();
	cell.digits = digits;
	return cell;
}

/**
 * accord_cell_count:
 * @count: a whole number
 *
 * Returns: a count cell
 */
AccordCell
accord_cell_count(gint64 count)
{
	return cell_of(ACCORD_CELL_COUNT, (gdouble)count, NULL);
}

/**
 * accord_cell_id:
 * @id: (nullable): an identifier; %NULL gives an empty cell
 *
 * Returns: an id cell
 */
AccordCell
accord_cell_id(const gchar *id)
{
	return id == NULL ? accord_cell_empty() : cell_of(ACCORD_CELL_ID, NAN, id);
}

/**
 * accord_cell_text:
 * @text: (nullable): words; %NULL gives an empty cell
 *
 * Returns: a text cell
 */
AccordCell
accord_cell_text(const gchar *text)
{
	return text == NULL ? accord_cell_empty() : cell_of(ACCORD_CELL_TEXT, NAN, text);
}

/**
 * accord_cell_quote:
 * @text: the quoted words
 * @cite: (nullable): where they come from
 *
 * Returns: a quotation cell
 */
AccordCell
accord_cell_quote(const gchar *text, const gchar *cite)
{
	AccordCell cell = cell_of(ACCORD_CELL_QUOTE, NAN, text);

	cell.detail = cite;
	return text == NULL ? accord_cell_empty() : cell;
}

/**
 * accord_cell_url:
 * @href: (nullable): the link; %NULL gives an empty cell
 * @title: (nullable): what it is
 *
 * Serialisers make a link only of an `http:` or `https:` address.
 *
 * Returns: a link cell
 */
AccordCell
accord_cell_url(const gchar *href, const gchar *title)
{
	AccordCell cell = cell_of(ACCORD_CELL_URL, NAN, href);

	cell.detail = title;
	return href == NULL ? accord_cell_empty() : cell;
}

/**
 * accord_cell_date:
 * @date: (nullable): a date; %NULL gives an empty cell
 *
 * Returns: a date cell
 */
AccordCell
accord_cell_date(const gchar *date)
{
	return date == NULL ? accord_cell_empty() : cell_of(ACCORD_CELL_DATE, NAN, date);
}

/**
 * accord_cell_confidence:
 * @confidence: (nullable): high, medium or low
 *
 * Returns: a confidence cell
 */
AccordCell
accord_cell_confidence(const gchar *confidence)
{
	return confidence == NULL ? accord_cell_empty()
				  : cell_of(ACCORD_CELL_CONFIDENCE, NAN, confidence);
}

/**
 * accord_cell_outcome:
 * @outcome: (nullable): the name of an outcome or classification
 *
 * Returns: an outcome cell
 */
AccordCell
accord_cell_outcome(const gchar *outcome)
{
	return outcome == NULL ? accord_cell_empty() : cell_of(ACCORD_CELL_OUTCOME, NAN, outcome);
}

/**
 * accord_cell_boolean:
 * @value: yes or no
 *
 * Returns: a boolean cell
 */
AccordCell
accord_cell_boolean(gboolean value)
{
	return cell_of(ACCORD_CELL_BOOLEAN, value ? 1 : 0, NULL);
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
	g_clear_pointer(&node->categories, g_ptr_array_unref);
	if (node->series != NULL) {
		for (guint i = 0; i < node->series->len; i++) {
			AccordSeries *s = &g_array_index(node->series, AccordSeries, i);

			g_free(s->values);
			g_free(s->lower);
			g_free(s->upper);
		}
		g_array_unref(node->series);
	}
	g_free(node);
}

static AccordNode *
node_new(AccordDocument *doc, AccordNodeKind kind, const gchar *key, const gchar *title)
{
	AccordNode *node = g_new0(AccordNode, 1);

	node->kind = kind;
	node->document = doc;
	node->key = keep(doc, key);
	node->title = keep(doc, title);
	node->cell = accord_cell_empty();
	g_ptr_array_add(doc->nodes, node);
	return node;
}

static AccordNode *
add_child(AccordNode *parent, AccordNodeKind kind, const gchar *key, const gchar *title)
{
	AccordNode *node = node_new(parent->document, kind, key, title);

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
 * accord_document_get_kind:
 * @self: a document
 *
 * Returns: (transfer none): the view it shows
 */
const gchar *
accord_document_get_kind(const AccordDocument *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->kind;
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
 * @parent: a section or list item
 * @key: (nullable): its JSON member and CSV record name; %NULL for prose-only sections
 * @title: (nullable): its heading
 *
 * Returns: (transfer none): the new section
 */
AccordNode *
accord_node_add_section(AccordNode *parent, const gchar *key, const gchar *title)
{
	g_return_val_if_fail(parent != NULL && parent->kind == ACCORD_NODE_SECTION, NULL);
	return add_child(parent, ACCORD_NODE_SECTION, key, title);
}

/**
 * accord_node_add_field:
 * @parent: a section or list item
 * @key: the JSON member and CSV column
 * @label: what a reader sees before the value
 * @cell: the value
 *
 * Adds a labelled value.
 */
void
accord_node_add_field(AccordNode *parent, const gchar *key, const gchar *label, AccordCell cell)
{
	AccordNode *node;

	g_return_if_fail(parent != NULL && parent->kind == ACCORD_NODE_SECTION);
	node = add_child(parent, ACCORD_NODE_FIELD, key, label);
	node->cell = keep_cell(parent->document, cell);
}

/**
 * accord_node_add_key_field:
 * @parent: a section or list item
 * @key: the JSON member and CSV column
 * @label: what a reader sees before the value
 * @cell: the value
 *
 * Adds a field that identifies its section (a country, a ruleset, a rule): CSV repeats it on
 * every row of the records below it.
 */
void
accord_node_add_key_field(AccordNode *parent,
			  const gchar *key,
			  const gchar *label,
			  AccordCell cell)
{
	g_return_if_fail(parent != NULL && parent->kind == ACCORD_NODE_SECTION);
	accord_node_add_field(parent, key, label, cell);
	((AccordNode *)g_ptr_array_index(parent->children, parent->children->len - 1))->is_key =
	    TRUE;
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
 * Returns: (transfer none): a list, to add items to with accord_node_add_item()
 */
AccordNode *
accord_node_add_list(AccordNode *parent, const gchar *key, const gchar *title)
{
	g_return_val_if_fail(parent != NULL && parent->kind == ACCORD_NODE_SECTION, NULL);
	return add_child(parent, ACCORD_NODE_LIST, key, title);
}

/**
 * accord_node_add_item:
 * @list: a list
 * @title: (nullable): the item's heading
 *
 * Returns: (transfer none): the item, a section to add fields and nodes to
 */
AccordNode *
accord_node_add_item(AccordNode *list, const gchar *title)
{
	AccordNode *node;

	g_return_val_if_fail(list != NULL && list->kind == ACCORD_NODE_LIST, NULL);
	node = node_new(list->document, ACCORD_NODE_SECTION, NULL, title);
	if (list->children == NULL)
		list->children = g_ptr_array_new();
	g_ptr_array_add(list->children, node);
	return node;
}

/**
 * accord_node_add_table:
 * @parent: a section or list item
 * @key: the JSON member (an array of row objects) and CSV record name
 * @title: (nullable): its caption
 *
 * Returns: (transfer none): a table; add every column before the first row
 */
AccordNode *
accord_node_add_table(AccordNode *parent, const gchar *key, const gchar *title)
{
	AccordNode *node;

	g_return_val_if_fail(parent != NULL && parent->kind == ACCORD_NODE_SECTION, NULL);
	node = add_child(parent, ACCORD_NODE_TABLE, key, title);
	node->columns = g_ptr_array_new();
	node->rows = g_ptr_array_new_with_free_func(g_free);
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
	g_return_if_fail(table->rows->len == 0);
	g_ptr_array_add(table->columns, node_new(table->document, ACCORD_NODE_FIELD, key, label));
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
	g_return_if_fail(n_cells == table->columns->len);
	row = g_new(AccordCell, n_cells);
	for (guint i = 0; i < n_cells; i++)
		row[i] = keep_cell(table->document, cells[i]);
	g_ptr_array_add(table->rows, row);
}

/**
 * accord_node_add_chart:
 * @parent: a section or list item
 * @key: a name for the chart
 * @kind: what to draw
 * @title: its caption
 * @axis: (nullable): the label of the value axis (e.g. "score, 0–100")
 *
 * Returns: (transfer none): a chart; add its categories before its series
 */
AccordNode *
accord_node_add_chart(AccordNode *parent,
		      const gchar *key,
		      AccordChartKind kind,
		      const gchar *title,
		      const gchar *axis)
{
	AccordNode *node;

	g_return_val_if_fail(parent != NULL && parent->kind == ACCORD_NODE_SECTION, NULL);
	node = add_child(parent, ACCORD_NODE_CHART, key, title);
	node->chart = kind;
	node->cell = keep_cell(parent->document, accord_cell_text(axis));
	node->categories = g_ptr_array_new();
	node->series = g_array_new(FALSE, TRUE, sizeof(AccordSeries));
	return node;
}

/**
 * accord_chart_add_category:
 * @chart: a chart with no series yet
 * @label: the category (an axis of a radar, a column of a heat map)
 */
void
accord_chart_add_category(AccordNode *chart, const gchar *label)
{
	g_return_if_fail(chart != NULL && chart->kind == ACCORD_NODE_CHART);
	g_return_if_fail(chart->series->len == 0);
	g_ptr_array_add(chart->categories, (gpointer)keep(chart->document, label));
}

/**
 * accord_chart_add_series:
 * @chart: a chart
 * @label: the series (a country, a ruleset)
 * @values: (array length=n_values): one value per category, NAN for none
 * @lower: (nullable) (array length=n_values): lower bounds, for an interval chart
 * @upper: (nullable) (array length=n_values): upper bounds
 * @n_values: the number of categories
 */
void
accord_chart_add_series(AccordNode *chart,
			const gchar *label,
			const gdouble *values,
			const gdouble *lower,
			const gdouble *upper,
			guint n_values)
{
	AccordSeries s = {NULL, NULL, NULL, NULL};

	g_return_if_fail(chart != NULL && chart->kind == ACCORD_NODE_CHART);
	g_return_if_fail(n_values == chart->categories->len);
	s.label = keep(chart->document, label);
	s.values = g_memdup2(values, n_values * sizeof(gdouble));
	if (lower != NULL && upper != NULL) {
		s.lower = g_memdup2(lower, n_values * sizeof(gdouble));
		s.upper = g_memdup2(upper, n_values * sizeof(gdouble));
	}
	g_array_append_val(chart->series, s);
}
