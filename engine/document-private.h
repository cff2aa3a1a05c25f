#pragma once

#include "accord/document.h"
#include "accord/format.h"

G_BEGIN_DECLS

/* the node tree the serialisers walk; builders only see the opaque API of document.h */
typedef enum {
	ACCORD_NODE_SECTION,
	ACCORD_NODE_FIELD,
	ACCORD_NODE_TEXT,
	ACCORD_NODE_LIST,
	ACCORD_NODE_TABLE,
} AccordNodeKind;

struct _AccordNode {
	AccordNodeKind kind;
	AccordDocument *document;
	AccordNode *parent;   /* NULL for the root and for a table's columns */
	const gchar *key;     /* JSON member, CSV record; NULL for list items and prose */
	const gchar *title;   /* heading, field label or table caption; NULL for none */
	gboolean is_key;      /* a field that identifies its section (CSV context column) */
	AccordCell cell;      /* a field's value; a text node's words in cell.text */
	GPtrArray *children;  /* AccordNode*: of a section, a list (its items) */
	GPtrArray *columns;   /* AccordNode* fields used as column headers (key, title) */
	GPtrArray *rows;      /* AccordCell[] arrays of a table, each columns->len long */
	AccordRowFunc source; /* else the rows come from here, made as they are read */
	gpointer source_data;
	guint n_source_rows;
	AccordCell *scratch; /* the row the source made last, @scratch_row */
	guint scratch_row;
	GArray *chart_series;	  /* gint column indices; NULL when the table has no chart */
	AccordChartKind chart;	  /* how to draw them */
	const gchar *chart_title; /* its caption */
	gint chart_labels;	  /* the column naming each row */
};

struct _AccordDocument {
	gchar *kind;
	GStringChunk *strings;
	AccordNode *root;
	GPtrArray *nodes; /* every node, for freeing */
};

/* a table's rows, whether added or made by a source; a made row is valid until the next */
guint
accord_table_get_n_rows(const AccordNode *table);
const AccordCell *
accord_table_get_row(const AccordNode *table, guint row);

/* the serialisers: each renders any document, knowing no view */
GBytes *
accord_serialise_text(const AccordDocument *document, gboolean markdown);
gboolean
accord_serialise_text_to(const AccordDocument *document,
			 gboolean markdown,
			 AccordWriteFunc write,
			 gpointer user_data,
			 GError **error);
GBytes *
accord_serialise_json(const AccordDocument *document, gboolean pretty, GError **error);
GBytes *
accord_serialise_csv(const AccordDocument *document);
GBytes *
accord_serialise_html(const AccordDocument *document);

/* shared by the text-like serialisers (format.c) */
gchar *
accord_format_cell(const AccordCell *cell);
extern const gchar *const accord_mark_names[];
gchar *
accord_format_marks(guint marks);
guint
accord_cell_get_parts(const AccordCell *cell, const gchar **names, const gchar **values);
void
accord_append_escaped_bidi(GString *out, const gchar *text);
gboolean
accord_is_web_link(const gchar *href);
gboolean
accord_cell_is_numeric(const AccordCell *cell);
const gchar *
accord_item_title(const AccordNode *item);

G_END_DECLS
