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
 * @ACCORD_CHART_RADAR: one axis per category, one polygon per series (pillar scores)
 * @ACCORD_CHART_BARS: one bar per category and series
 * @ACCORD_CHART_STEPS: a step line over ordered categories (expected score by phase)
 * @ACCORD_CHART_HEATMAP: a grid of series (rows) × categories (columns)
 * @ACCORD_CHART_INTERVALS: a point per category with a lower and upper bound
 *
 * The kind of chart a graphical serialiser draws; text serialisers skip charts.
 */
typedef enum {
	ACCORD_CHART_RADAR,
	ACCORD_CHART_BARS,
	ACCORD_CHART_STEPS,
	ACCORD_CHART_HEATMAP,
	ACCORD_CHART_INTERVALS,
} AccordChartKind;

typedef struct _AccordDocument AccordDocument;
typedef struct _AccordNode AccordNode;

AccordCell
accord_cell_empty(void);
AccordCell
accord_cell_score(gdouble points);
AccordCell
accord_cell_percent(gdouble share);
AccordCell
accord_cell_number(gdouble value, guint digits);
AccordCell
accord_cell_count(gint64 count);
AccordCell
accord_cell_id(const gchar *id);
AccordCell
accord_cell_text(const gchar *text);
AccordCell
accord_cell_quote(const gchar *text, const gchar *cite);
AccordCell
accord_cell_url(const gchar *href, const gchar *title);
AccordCell
accord_cell_date(const gchar *date);
AccordCell
accord_cell_confidence(const gchar *confidence);
AccordCell
accord_cell_outcome(const gchar *outcome);
AccordCell
accord_cell_boolean(gboolean value);
AccordCell
accord_cell_fact(const gchar *key,
		 const gchar *value,
		 const gchar *confidence,
		 const gchar *date,
		 const gchar *source,
		 const gchar *href);
AccordCell
accord_cell_with_marks(AccordCell cell, guint marks);

G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_document_new(const gchar *kind, const gchar *title) ACCORD_NON_NULL(1, 2);
void
accord_document_free(AccordDocument *self);
const gchar *
accord_document_get_kind(const AccordDocument *self) ACCORD_NON_NULL(1);
AccordNode *
accord_document_get_root(AccordDocument *self) ACCORD_NON_NULL(1);

AccordNode *
accord_node_add_section(AccordNode *parent, const gchar *key, const gchar *title)
    ACCORD_NON_NULL(1);
void
accord_node_add_field(AccordNode *parent, const gchar *key, const gchar *label, AccordCell cell)
    ACCORD_NON_NULL(1, 2, 3);
void
accord_node_add_key_field(AccordNode *parent,
			  const gchar *key,
			  const gchar *label,
			  AccordCell cell) ACCORD_NON_NULL(1, 2, 3);
void
accord_node_add_text(AccordNode *parent, const gchar *text) ACCORD_NON_NULL(1, 2);
AccordNode *
accord_node_add_list(AccordNode *parent, const gchar *key, const gchar *title)
    ACCORD_NON_NULL(1, 2);
AccordNode *
accord_node_add_item(AccordNode *list, const gchar *title) ACCORD_NON_NULL(1);
AccordNode *
accord_node_add_table(AccordNode *parent, const gchar *key, const gchar *title)
    ACCORD_NON_NULL(1, 2);
void
accord_table_add_column(AccordNode *table, const gchar *key, const gchar *label)
    ACCORD_NON_NULL(1, 2, 3);
void
accord_table_add_row(AccordNode *table, const AccordCell *cells, guint n_cells)
    ACCORD_NON_NULL(1, 2);
AccordNode *
accord_node_add_chart(AccordNode *parent,
		      const gchar *key,
		      AccordChartKind kind,
		      const gchar *title,
		      const gchar *axis) ACCORD_NON_NULL(1, 2, 4);
void
accord_chart_add_category(AccordNode *chart, const gchar *label) ACCORD_NON_NULL(1, 2);
void
accord_chart_add_series(AccordNode *chart,
			const gchar *label,
			const gdouble *values,
			const gdouble *lower,
			const gdouble *upper,
			guint n_values) ACCORD_NON_NULL(1, 2, 3);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordDocument, accord_document_free)

G_END_DECLS
