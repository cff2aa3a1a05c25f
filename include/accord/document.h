#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "macros.h"

G_BEGIN_DECLS

/**
 * AccordCellType:
 * @ACCORD_CELL_EMPTY: no value (an absent or not applicable figure)
 * @ACCORD_CELL_SCORE: points on the 0–100 scale, or points of a score (a gap, a gain)
 * @ACCORD_CELL_PERCENT: a share in [0, 1], shown as a percentage
 * @ACCORD_CELL_NUMBER: any other real number (a weight, a multiplier, a coefficient)
 * @ACCORD_CELL_COUNT: a whole number (a rank, a phase, an effort in units)
 * @ACCORD_CELL_ID: an identifier from an input file (a rule id, a fact key)
 * @ACCORD_CELL_TEXT: words from an input file or from Accord
 * @ACCORD_CELL_QUOTE: quoted treaty text with its citation
 * @ACCORD_CELL_URL: a link with an optional title
 * @ACCORD_CELL_DATE: a date, as precise as known (YYYY, YYYY-MM or YYYY-MM-DD)
 * @ACCORD_CELL_CONFIDENCE: a confidence level (high, medium, low)
 * @ACCORD_CELL_OUTCOME: an outcome or a classification (pass, fail, opened, conflict …)
 * @ACCORD_CELL_BOOLEAN: yes or no
 * @ACCORD_CELL_FACT: a fact of a profile: key, value (or not stated), confidence, newest
 *   evidence
 *
 * What a cell holds, so that each serialiser renders it in its own way: a JSON number, a
 * right-aligned figure, a blockquote, a link.
 */
typedef enum {
	ACCORD_CELL_EMPTY,
	ACCORD_CELL_SCORE,
	ACCORD_CELL_PERCENT,
	ACCORD_CELL_NUMBER,
	ACCORD_CELL_COUNT,
	ACCORD_CELL_ID,
	ACCORD_CELL_TEXT,
	ACCORD_CELL_QUOTE,
	ACCORD_CELL_URL,
	ACCORD_CELL_DATE,
	ACCORD_CELL_CONFIDENCE,
	ACCORD_CELL_OUTCOME,
	ACCORD_CELL_BOOLEAN,
	ACCORD_CELL_FACT,
} AccordCellType;

/**
 * AccordMark:
 * @ACCORD_MARK_NONE: nothing to flag
 * @ACCORD_MARK_LOW_CONFIDENCE: rests on a low-confidence (inferred) fact
 * @ACCORD_MARK_STALE: rests on evidence older than the chosen maximum age
 * @ACCORD_MARK_UNVERIFIED: quotes treaty text that was not read verbatim
 * @ACCORD_MARK_ASSUMED: rests on a what-if assumption, not on the profile
 * @ACCORD_MARK_WAIVED: counted as met because of a waiver
 * @ACCORD_MARK_DESELECTED: left out of the score by the tailoring
 * @ACCORD_MARK_NOT_COUNTED: stated by the profile but treated as unknown: below the confidence
 *   floor, stale or expired
 *
 * Flags a reader must see beside a value; serialisers show them in words or symbols, never by
 * colour alone. They combine as a bit mask.
 */
typedef enum {
	ACCORD_MARK_NONE = 0,
	ACCORD_MARK_LOW_CONFIDENCE = 1 << 0,
	ACCORD_MARK_STALE = 1 << 1,
	ACCORD_MARK_UNVERIFIED = 1 << 2,
	ACCORD_MARK_ASSUMED = 1 << 3,
	ACCORD_MARK_WAIVED = 1 << 4,
	ACCORD_MARK_DESELECTED = 1 << 5,
	ACCORD_MARK_NOT_COUNTED = 1 << 6,
} AccordMark;

/**
 * AccordCell:
 * @type: what the cell holds
 * @marks: #AccordMark flags
 * @number: the figure of a score, percent, number or count cell; NAN for none
 * @digits: the decimals a number cell is shown with (text formats; JSON keeps every digit)
 * @text: the text, id, date, confidence, outcome or quotation; the URL of a link; the value
 *   of a fact (%NULL when the profile does not state it)
 * @detail: the citation of a quotation, the title of a link, the key of a fact
 * @confidence: the confidence of a fact, as text
 * @date: the date of a fact's newest evidence
 * @source: the title of a fact's newest evidence
 * @href: the link of a fact's newest evidence
 *
 * One typed value. Make cells with the `accord_cell_*()` constructors; the strings are
 * borrowed until the cell is added to a document, which copies them.
 */
typedef struct {
	AccordCellType type;
	guint marks;
	gdouble number;
	guint digits;
	const gchar *text;
	const gchar *detail;
	const gchar *confidence;
	const gchar *date;
	const gchar *source;
	const gchar *href;
} AccordCell;

/**
 * AccordChartKind:
 * @ACCORD_CHART_RADAR: one axis per row, one polygon per series column (pillar scores)
 * @ACCORD_CHART_BARS: one bar per row and series column
 * @ACCORD_CHART_STEPS: a step line over the rows in order (expected score by phase)
 * @ACCORD_CHART_HEATMAP: a grid of rows × series columns
 * @ACCORD_CHART_INTERVALS: a point per row with a lower and upper bound (three columns)
 *
 * How a graphical serialiser draws a table's figures (accord_table_add_chart()).
 */
typedef enum {
	ACCORD_CHART_RADAR,
	ACCORD_CHART_BARS,
	ACCORD_CHART_STEPS,
	ACCORD_CHART_HEATMAP,
	ACCORD_CHART_INTERVALS,
} AccordChartKind;

/**
 * AccordField:
 * @key: its JSON member and CSV column
 * @label: what a reader sees before the value
 * @cell: the value
 * @is_key: %TRUE when it identifies its section (CSV repeats it on the rows below)
 *
 * A labelled value, for accord_node_add_fields().
 */
typedef struct {
	const gchar *key;
	const gchar *label;
	AccordCell cell;
	gboolean is_key;
} AccordField;

/**
 * AccordDocument:
 *
 * A report as a tree of typed nodes, which every serialiser renders in its own way
 * (accord_document_render()). Has a single owner, who frees it with accord_document_free(); it owns
 * its nodes and copies every string added to it.
 */
typedef struct _AccordDocument AccordDocument;

/**
 * AccordNode:
 *
 * A section, field, text, list or table of an #AccordDocument, made with the `accord_node_add_*()`
 * functions. Borrowed: the document owns its nodes and frees them with itself.
 */
typedef struct _AccordNode AccordNode;

AccordCell
accord_cell_figure(AccordCellType type, gdouble value, guint digits);
AccordCell
accord_cell_string(AccordCellType type, const gchar *text);
AccordCell
accord_cell_pair(AccordCellType type, const gchar *text, const gchar *detail);
AccordCell
accord_cell_fact(const gchar *key,
		 const gchar *value,
		 const gchar *confidence,
		 const gchar *date,
		 const gchar *source,
		 const gchar *href);
AccordCell
accord_cell_with_marks(AccordCell cell, guint marks);

/* shorthands */
#define accord_cell_empty()	      accord_cell_string(ACCORD_CELL_EMPTY, NULL)
#define accord_cell_boolean(v)	      accord_cell_figure(ACCORD_CELL_BOOLEAN, (v) ? 1 : 0, 0)
#define accord_cell_quote(text, cite) accord_cell_pair(ACCORD_CELL_QUOTE, (text), (cite))
#define accord_cell_url(href, title)  accord_cell_pair(ACCORD_CELL_URL, (href), (title))
#define accord_cell_score(points)     accord_cell_figure(ACCORD_CELL_SCORE, (points), 1)
#define accord_cell_percent(share)    accord_cell_figure(ACCORD_CELL_PERCENT, (share), 1)
#define accord_cell_number(v, d)      accord_cell_figure(ACCORD_CELL_NUMBER, (v), (d))
#define accord_cell_count(n)	      accord_cell_figure(ACCORD_CELL_COUNT, (gdouble)(n), 0)
#define accord_cell_id(id)	      accord_cell_string(ACCORD_CELL_ID, (id))
#define accord_cell_text(text)	      accord_cell_string(ACCORD_CELL_TEXT, (text))
#define accord_cell_date(date)	      accord_cell_string(ACCORD_CELL_DATE, (date))
#define accord_cell_confidence(c)     accord_cell_string(ACCORD_CELL_CONFIDENCE, (c))
#define accord_cell_outcome(outcome)  accord_cell_string(ACCORD_CELL_OUTCOME, (outcome))

G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_document_new(const gchar *kind, const gchar *title) ACCORD_NON_NULL(1, 2);
void
accord_document_free(AccordDocument *self);
AccordNode *
accord_document_get_root(AccordDocument *self) ACCORD_NON_NULL(1);

/**
 * AccordRowFunc:
 * @row: which row, from 0
 * @cells: (out caller-allocates) (array): one cell per column of the table, to fill in column
 *   order
 * @data: the data given to accord_table_set_row_source() or accord_table_add_rows()
 *
 * Makes one row of a table whose rows come from a function. The cells' strings are not copied
 * by a row source: they must stay valid as long as the document; accord_table_add_rows()
 * copies them as soon as @func returns.
 */
typedef void (*AccordRowFunc)(guint row, AccordCell *cells, gpointer data);

AccordNode *
accord_node_add_section(AccordNode *parent, const gchar *key, const gchar *title)
    ACCORD_NON_NULL(1);
void
accord_node_add_fields(AccordNode *parent, const AccordField *fields, guint n_fields)
    ACCORD_NON_NULL(1);
void
accord_node_add_text(AccordNode *parent, const gchar *text) ACCORD_NON_NULL(1, 2);
AccordNode *
accord_node_add_list(AccordNode *parent, const gchar *key, const gchar *title)
    ACCORD_NON_NULL(1, 2);
AccordNode *
accord_node_add_table(AccordNode *parent,
		      const gchar *key,
		      const gchar *title,
		      const gchar *columns) ACCORD_NON_NULL(1, 2);
void
accord_table_add_column(AccordNode *table, const gchar *key, const gchar *label)
    ACCORD_NON_NULL(1, 2, 3);
void
accord_table_add_columns(AccordNode *table, const gchar *columns) ACCORD_NON_NULL(1, 2);
void
accord_table_add_row(AccordNode *table, const AccordCell *cells, guint n_cells)
    ACCORD_NON_NULL(1, 2);
void
accord_table_add_rows(AccordNode *table, guint n_rows, AccordRowFunc func, gpointer data)
    ACCORD_NON_NULL(1, 3);
void
accord_table_set_row_source(AccordNode *table, guint n_rows, AccordRowFunc func, gpointer data)
    ACCORD_NON_NULL(1, 3);
AccordNode *
accord_node_add_document(AccordNode *parent, const AccordDocument *document) ACCORD_NON_NULL(1, 2);
void
accord_table_add_chart(AccordNode *table,
		       AccordChartKind kind,
		       const gchar *title,
		       const gchar *labels,
		       const gchar *series) ACCORD_NON_NULL(1, 3, 4, 5);

/* a row of cells, or a run of fields, written in place: ACCORD_ROW (table, cell, cell, …) */
#define ACCORD_ROW(table, ...)                                                                     \
	accord_table_add_row((table),                                                              \
			     (AccordCell[]){__VA_ARGS__},                                          \
			     sizeof((AccordCell[]){__VA_ARGS__}) / sizeof(AccordCell))
#define ACCORD_FIELDS(node, ...)                                                                   \
	accord_node_add_fields((node),                                                             \
			       (AccordField[]){__VA_ARGS__},                                       \
			       sizeof((AccordField[]){__VA_ARGS__}) / sizeof(AccordField))

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordDocument, accord_document_free)

G_END_DECLS
