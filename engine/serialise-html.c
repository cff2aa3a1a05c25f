#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "accord/version.h"
#include "document-private.h"

/* HTML: one self-contained page for people to open, print and forward. Sections become
 * headed sections, fields a definition list, lists an ordered list, tables tables; a table
 * with a chart is drawn as inline SVG beside it, from its own cells, so a chart never shows a
 * number the table does not. Nothing is loaded: no script (a Content-Security-Policy forbids
 * it too), no font, no image. All text from the document goes through the control and bidi
 * escape and g_markup_escape_text(); only http and https addresses become links. An id cell
 * in a table links to the section it names, when the document has one (a country's section
 * from its row in a ranking), found by the identifying fields of the sections around it */

typedef struct {
	GString *out;
	GHashTable *anchors; /* the path of each identified section → its number */
	GHashTable *ids;     /* section node → its number */
	GString *path;	     /* "\x1fkey=value" of each identified section around the writer */
	guint marks;	     /* the marks the document uses, for the legend */
	GByteArray *columns; /* by column index, the styles its tables set it in (Style) */
	GHashTable *parts;   /* each part of a chart drawn so far → its number */
	guint figures;	     /* charts written so far, to number them */
} Html;

/* how a table sets a column: figures right-aligned, identifiers in code type, else as text;
 * the table names its set columns once, by class ("c1 n2"), rather than every cell its own */
typedef enum {
	STYLE_TEXT = 0,
	STYLE_NUMBER = 1 << 0,
	STYLE_CODE = 1 << 1,
} Style;

static void
put(Html *h, const gchar *text)
{
	g_autoptr(GString) plain = g_string_new(NULL);
	g_autofree gchar *escaped = NULL;

	accord_append_escaped_bidi(plain, text);
	escaped = g_markup_escape_text(plain->str, (gssize)plain->len);
	g_string_append(h->out, escaped);
}

/* escaped text between two pieces of markup (either may be NULL); no text is none */
static void
put_in(Html *h, const gchar *before, const gchar *text, const gchar *after)
{
	g_string_append(h->out, before != NULL ? before : "");
	put(h, text != NULL ? text : "");
	g_string_append(h->out, after != NULL ? after : "");
}

static void
put_cell_text(Html *h, const AccordCell *cell)
{
	g_autofree gchar *text = accord_format_cell(cell);

	put(h, text);
}

/* symbols and words: a mark is never shown by colour alone; one of each per AccordMark bit */
static const gchar *const mark_symbols[] =
    {"?", "\u26a0", "\u2248", "\u2691", "\u2713", "\u2205", "\u2298"};
static const gchar *const mark_meanings[] = {
    "rests on a low-confidence (inferred) fact",
    "rests on evidence older than the chosen maximum age",
    "quotes treaty text that was not read verbatim",
    "rests on a what-if assumption, not on the profile",
    "counted as met because of a waiver",
    "left out of the score by the tailoring",
    "stated by the profile but treated as unknown: below the confidence floor, stale or "
    "expired",
};
G_STATIC_ASSERT(G_N_ELEMENTS(mark_symbols) == G_N_ELEMENTS(mark_meanings));
G_STATIC_ASSERT(1u << (G_N_ELEMENTS(mark_symbols) - 1) == ACCORD_MARK_NOT_COUNTED);

/* a mark in symbol and word; the legend at the top of the page says what each means */
static void
put_marks(Html *h, guint marks)
{
	for (guint i = 0; i < G_N_ELEMENTS(mark_symbols); i++)
		if (marks & (1u << i))
			g_string_append_printf(h->out,
					       " <span class=\"mark\">%s&#160;%s</span>",
					       mark_symbols[i],
					       accord_mark_names[i]);
}

static void
put_link(Html *h, const gchar *href, const gchar *title)
{
	g_autofree gchar *attribute = NULL;

	if (!accord_is_web_link(href)) {
		put(h, title != NULL ? title : href);
		return;
	}
	attribute = g_markup_escape_text(href, -1);
	g_string_append_printf(h->out, "<a href=\"%s\">", attribute);
	put_in(h, NULL, title != NULL ? title : href, "</a>");
}

/* key = value (confidence c; evidence date: source), the source a link */
static void
put_fact(Html *h, const AccordCell *cell)
{
	put_in(h, "<code>", cell->detail, "</code>");
	if (cell->text == NULL) {
		g_string_append(h->out, ": not stated");
		return;
	}
	put_in(h, " = ", cell->text, NULL);
	if (cell->confidence == NULL)
		return;
	put_in(h, " (confidence ", cell->confidence, NULL);
	if (cell->date != NULL)
		put_in(h, "; evidence ", cell->date, NULL);
	if (cell->source != NULL || cell->href != NULL) {
		g_string_append(h->out, ": ");
		put_link(h, cell->href, cell->source);
	}
	g_string_append_c(h->out, ')');
}

/* the section an id cell of column (or field) @key names: the nearest section identified as
 * @key = @value within a run of the sections around the writer, from the longest run (the
 * outermost first) to none, and never the section being written: from a country's gap on
 * rule r of ruleset x, "rule = r" is the gap itself, then the rule r of ruleset x outside any
 * country, where a report quotes it */
static guint
find_anchor(Html *h, const gchar *key, const gchar *value)
{
	g_auto(GStrv) around = g_strsplit(h->path->str, "\x1f", -1);
	guint n = h->path->len > 0 ? g_strv_length(around) - 1 : 0; /* around[0] is "" */
	g_autoptr(GString) path = g_string_new(NULL);

	for (guint len = n + 1; len-- > 0;)
		for (guint from = 1; from + len <= n + 1; from++) {
			guint id;

			g_string_truncate(path, 0);
			for (guint i = from; i < from + len; i++)
				g_string_append_printf(path, "\x1f%s", around[i]);
			g_string_append_printf(path, "\x1f%s=%s", key, value);
			id = GPOINTER_TO_UINT(g_hash_table_lookup(h->anchors, path->str));
			if (id > 0 && strcmp(path->str, h->path->str) != 0)
				return id;
		}
	return 0;
}

/* a cell; an id in code type, unless its whole column is (@in_code) */
static void
put_cell(Html *h, const AccordCell *cell, const gchar *column, gboolean in_code)
{
	guint anchor;

	switch (cell->type) {
	case ACCORD_CELL_ID:
		anchor = column != NULL ? find_anchor(h, column, cell->text) : 0;
		if (anchor > 0)
			g_string_append_printf(h->out, "<a href=\"#s%u\">", anchor);
		put_in(h, in_code ? "" : "<code>", cell->text, in_code ? "" : "</code>");
		g_string_append(h->out, anchor > 0 ? "</a>" : "");
		break;
	case ACCORD_CELL_URL:
		put_link(h, cell->text, cell->detail);
		break;
	case ACCORD_CELL_QUOTE:
		put_in(h, "<blockquote>", cell->text, NULL);
		if (cell->detail != NULL)
			put_in(h, " <cite>", cell->detail, "</cite>");
		g_string_append(h->out, "</blockquote>");
		break;
	case ACCORD_CELL_FACT:
		put_fact(h, cell);
		break;
	default:
		put_cell_text(h, cell);
	}
	put_marks(h, cell->marks);
}

/* ---- charts: SVG in whole units of a fixed view box, so no locale or rounding of the
 * figures' own digits is involved; every figure a reader can hover is the table's text ---- */

/* text anchors, as classes of the style sheet */
#define START  ""
#define MIDDLE " class=\"m\""
#define END    " class=\"e\""

static const AccordCell *
at(const AccordNode *t, guint row, gint column)
{
	return &accord_table_get_row(t, row)[column];
}

static gint
series(const AccordNode *t, guint s)
{
	return g_array_index(t->chart_series, gint, s);
}

static const gchar *
column_title(const AccordNode *t, gint column)
{
	return ((const AccordNode *)g_ptr_array_index(t->columns, (guint)column))->title;
}

/* shares are drawn as percentages, so a coverage shares the 0–100 axis of a score */
static gdouble
plotted(const AccordCell *cell)
{
	if (!accord_cell_is_numeric(cell) || !isfinite(cell->number))
		return 0;
	return MAX(0, cell->type == ACCORD_CELL_PERCENT ? 100 * cell->number : cell->number);
}

/* the length a cell's figure takes of an axis of @length whose end is @top, clipped to it */
static gdouble
extent(const AccordCell *cell, gdouble top, gdouble length)
{
	return length * MIN(plotted(cell), top) / top;
}

/* the top of the value axis: 100 for scores and shares, else the largest figure rounded up
 * to 1, 2 or 5 × 10^k */
static gdouble
axis_top(const AccordNode *t)
{
	gdouble top = 0, unit;
	gboolean hundred = TRUE;

	for (guint r = 0; r < accord_table_get_n_rows(t); r++)
		for (guint s = 0; s < t->chart_series->len; s++) {
			const AccordCell *c = at(t, r, series(t, s));

			hundred &= c->type == ACCORD_CELL_SCORE || c->type == ACCORD_CELL_PERCENT ||
				   c->type == ACCORD_CELL_EMPTY;
			top = MAX(top, plotted(c));
		}
	if (hundred && top <= 100)
		return 100;
	if (top <= 0)
		return 1;
	unit = pow(10, floor(log10(top)));
	return top <= unit	 ? unit
	       : top <= 2 * unit ? 2 * unit
	       : top <= 5 * unit ? 5 * unit
				 : 10 * unit;
}

static gint
px(gdouble v)
{
	return (gint)lround(v);
}

static void
svg_text(Html *h, gint x, gint y, const gchar *anchor, const gchar *text)
{
	g_string_append_printf(h->out, "<text x=\"%d\" y=\"%d\"%s>", x, y, anchor);
	put_in(h, NULL, text, "</text>");
}

static void
svg_cell_text(Html *h, gint x, gint y, const gchar *anchor, const AccordCell *cell)
{
	g_autofree gchar *text = accord_format_cell(cell);

	svg_text(h, x, y, anchor, text);
}

/* an element of a chart showing one figure of the table, its opening tag made of @format;
 * its <title> holds the words of the table, "row label — series: value [marks]", for hover
 * and screen readers */
static void G_GNUC_PRINTF(5, 6)
    datum(Html *h, const AccordNode *t, guint row, gint column, const gchar *format, ...)
{
	const AccordCell *cell = at(t, row, column);
	g_autofree gchar *marks = accord_format_marks(cell->marks);
	va_list args;

	va_start(args, format);
	g_string_append_vprintf(h->out, format, args);
	va_end(args);
	g_string_append(h->out, "<title>");
	if (t->chart_labels >= 0) {
		put_cell_text(h, at(t, row, t->chart_labels));
		g_string_append(h->out, " \u2014 ");
	}
	put_in(h, NULL, column_title(t, column), ": ");
	put_cell_text(h, cell);
	put_in(h, NULL, marks, "</title>");
	g_string_append_printf(h->out, "</%.*s>", (int)strcspn(format + 1, " "), format + 1);
}

/* a row's label, or its number when the chart has no label column */
static void
row_label(Html *h, const AccordNode *t, guint row, gint x, gint y, const gchar *anchor)
{
	g_autofree gchar *text = t->chart_labels >= 0
				     ? accord_format_cell(at(t, row, t->chart_labels))
				     : g_strdup_printf("%u", row + 1);

	svg_text(h, x, y, anchor, text);
}

/* a point of series @s: circles and squares alternate, so series differ in shape as well as
 * in colour and dash */
static void
point(Html *h, const AccordNode *t, guint row, guint s, gint x, gint y)
{
	gint odd = (gint)(s % 2);

	datum(h,
	      t,
	      row,
	      series(t, s),
	      odd ? "<rect class=\"datum s%u\" x=\"%d\" y=\"%d\" width=\"8\" height=\"8\">"
		  : "<circle class=\"datum s%u\" cx=\"%d\" cy=\"%d\" r=\"4\">",
	      s % 6,
	      x - 4 * odd,
	      y - 4 * odd);
}

/* a tick value of the axis: a whole number when it is one */
static void
tick_label(Html *h, gint x, gint y, const gchar *anchor, gdouble value)
{
	gchar buf[G_ASCII_DTOSTR_BUF_SIZE];

	g_ascii_formatd(buf, sizeof buf, value == floor(value) ? "%.0f" : "%.2g", value);
	svg_text(h, x, y, anchor, buf);
}

static void
svg_open(Html *h, const gchar *kind, gint width, gint height, const gchar *title)
{
	g_string_append_printf(h->out,
			       "<svg class=\"%s\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" "
			       "height=\"%d\"><title>",
			       kind,
			       width,
			       height,
			       width,
			       height);
	put_in(h, NULL, title, "</title>");
}

/* the parts of charts that repeat (a frame of grid lines and axis labels, a key's swatch) are
 * written once, numbered, and drawn again with <use> wherever they are identical: the radars
 * of one ruleset in every country's section share one frame. begin_part() diverts the output
 * into a new part; end_part() writes it, or a <use> of the same part written before */
static GString *
begin_part(Html *h)
{
	GString *page = h->out;

	h->out = g_string_new(NULL);
	return page;
}

static void
end_part(Html *h, GString *page)
{
	g_autoptr(GString) part = h->out;
	guint id = GPOINTER_TO_UINT(g_hash_table_lookup(h->parts, part->str));

	h->out = page;
	if (id > 0) {
		g_string_append_printf(h->out, "<use href=\"#g%u\"/>", id);
		return;
	}
	id = g_hash_table_size(h->parts) + 1;
	g_string_append_printf(h->out, "<g id=\"g%u\">%s</g>", id, part->str);
	g_hash_table_insert(h->parts,
			    g_string_free(g_steal_pointer(&part), FALSE),
			    GUINT_TO_POINTER(id));
}

/* a value axis of @length from (@x, @y), with a grid line of @span at each quarter of @top:
 * along y (@vertical), its ticks left of it, or along x, its ticks below it */
static void
value_axis(Html *h, gboolean vertical, gint x, gint y, gint length, gint span, gdouble top)
{
	g_string_append(h->out, "<path class=\"grid\" d=\"");
	for (guint k = 0; k <= 4; k++)
		g_string_append_printf(h->out,
				       vertical ? "M%d,%dh%d" : "M%d,%dV%d",
				       vertical ? x : x + px(length * k / 4.0),
				       vertical ? y - px(length * k / 4.0) : y - span,
				       vertical ? span : y);
	g_string_append(h->out, "\"/>");
	for (guint k = 0; k <= 4; k++)
		tick_label(h,
			   vertical ? x - 6 : x + px(length * k / 4.0),
			   vertical ? y - px(length * k / 4.0) + 4 : y + 14,
			   vertical ? END : MIDDLE,
			   top * k / 4);
}

enum { RADAR_W = 600, RADAR_H = 360, RADAR_CX = 300, RADAR_CY = 180, RADAR_R = 130 };

/* the axis of row @i of @n, the first straight up */
static gdouble
radar_angle(guint i, guint n)
{
	return -G_PI / 2 + 2 * G_PI * i / n;
}

static void
radar_vertex(GString *out, guint i, guint n, gdouble r)
{
	gdouble a = radar_angle(i, n);

	g_string_append_printf(out, "%d,%d ", RADAR_CX + px(r * cos(a)), RADAR_CY + px(r * sin(a)));
}

static void
radar_frame(Html *h, const AccordNode *t, gdouble top)
{
	guint n = accord_table_get_n_rows(t);

	g_string_append(h->out, "<path class=\"grid\" d=\"");
	for (guint k = 1; k <= 4; k++) {
		g_string_append_c(h->out, 'M');
		for (guint i = 0; i < n; i++)
			radar_vertex(h->out, i, n, RADAR_R * k / 4.0);
		g_string_append_c(h->out, 'Z');
	}
	for (guint i = 0; i < n; i++) {
		g_string_append_printf(h->out, "M%d,%d ", RADAR_CX, RADAR_CY);
		radar_vertex(h->out, i, n, RADAR_R);
	}
	g_string_append(h->out, "\"/>");
	for (guint k = 1; k <= 4; k++)
		tick_label(h,
			   RADAR_CX + 4,
			   RADAR_CY - px(RADAR_R * k / 4.0) + 12,
			   START,
			   top * k / 4);
	for (guint i = 0; i < n; i++) {
		gdouble a = radar_angle(i, n);
		gint x = RADAR_CX + px((RADAR_R + 10) * cos(a));
		gint y = RADAR_CY + px((RADAR_R + 10) * sin(a)) + (sin(a) > 0.3 ? 10 : 3);

		row_label(h, t, i, x, y, cos(a) > 0.3 ? START : cos(a) < -0.3 ? END : MIDDLE);
	}
}

/* one axis per row, one polygon per series, overlaid */
static void
radar(Html *h, const AccordNode *t, gdouble top)
{
	guint n = accord_table_get_n_rows(t);
	GString *page;

	svg_open(h, "radar", RADAR_W, RADAR_H, t->chart_title);
	page = begin_part(h);
	radar_frame(h, t, top);
	end_part(h, page);
	for (guint s = 0; s < t->chart_series->len; s++) {
		g_string_append_printf(h->out, "<polygon class=\"area s%u\" points=\"", s % 6);
		for (guint i = 0; i < n; i++)
			radar_vertex(h->out, i, n, extent(at(t, i, series(t, s)), top, RADAR_R));
		g_string_append(h->out, "\"/>");
	}
	for (guint s = 0; s < t->chart_series->len; s++)
		for (guint i = 0; i < n; i++) {
			gdouble a = radar_angle(i, n);
			gdouble r = extent(at(t, i, series(t, s)), top, RADAR_R);

			point(h, t, i, s, RADAR_CX + px(r * cos(a)), RADAR_CY + px(r * sin(a)));
		}
	g_string_append(h->out, "</svg>");
}

enum { LEFT = 180, PLOT_W = 360, CHART_W = 600 };

/* the value axis of bars and intervals, and each row's label left of it at @first + r × @band */
static void
rows_frame(Html *h, const AccordNode *t, gdouble top, gint bottom, gint first, gint band)
{
	GString *page = begin_part(h);

	value_axis(h, FALSE, LEFT, bottom, PLOT_W, bottom - 6, top);
	for (guint r = 0; r < accord_table_get_n_rows(t); r++)
		row_label(h, t, r, LEFT - 6, first + (gint)r * band, END);
	end_part(h, page);
}

/* one bar per row and series, from 0, the figure written at its end */
static void
bars(Html *h, const AccordNode *t, gdouble top)
{
	guint ns = t->chart_series->len;
	gint band = (gint)ns * 14 + 10;
	gint bottom = 10 + (gint)accord_table_get_n_rows(t) * band;

	svg_open(h, "bars", CHART_W, bottom + 24, t->chart_title);
	rows_frame(h, t, top, bottom, 10 + band / 2, band);
	for (guint r = 0; r < accord_table_get_n_rows(t); r++)
		for (guint s = 0; s < ns; s++) {
			const AccordCell *c = at(t, r, series(t, s));
			gint y = 10 + (gint)r * band + (gint)s * 14, w = px(extent(c, top, PLOT_W));

			datum(h,
			      t,
			      r,
			      series(t, s),
			      "<rect class=\"datum s%u\" x=\"%d\" y=\"%d\" width=\"%d\" "
			      "height=\"12\">",
			      s % 6,
			      LEFT,
			      y,
			      w);
			svg_cell_text(h, LEFT + w + 4, y + 10, START, c);
		}
	g_string_append(h->out, "</svg>");
}

enum { STEPS_H = 280, STEPS_TOP = 16, STEPS_PLOT_H = 200, STEPS_LEFT = 60, STEPS_W = 520 };

static gint
steps_y(const AccordCell *cell, gdouble top)
{
	return STEPS_TOP + STEPS_PLOT_H - px(extent(cell, top, STEPS_PLOT_H));
}

static void
steps_frame(Html *h, const AccordNode *t, gdouble top, gdouble slot)
{
	gint bottom = STEPS_TOP + STEPS_PLOT_H;

	value_axis(h, TRUE, STEPS_LEFT, bottom, STEPS_PLOT_H, STEPS_W, top);
	for (guint r = 0; r < accord_table_get_n_rows(t); r++)
		row_label(h, t, r, STEPS_LEFT + px(slot * (r + 0.5)), bottom + 16, MIDDLE);
	if (t->chart_labels >= 0)
		svg_text(h,
			 STEPS_LEFT + STEPS_W / 2,
			 bottom + 40,
			 MIDDLE,
			 column_title(t, t->chart_labels));
	if (t->chart_series->len != 1)
		return;
	g_string_append_printf(h->out, "<g transform=\"rotate(-90 14 %d)\">", bottom / 2);
	svg_text(h, 14, bottom / 2, MIDDLE, column_title(t, series(t, 0)));
	g_string_append(h->out, "</g>");
}

/* a step line over the rows in order: each row's figure holds across its slot */
static void
steps(Html *h, const AccordNode *t, gdouble top)
{
	gdouble slot = (gdouble)STEPS_W / accord_table_get_n_rows(t);
	GString *page;

	svg_open(h, "steps", CHART_W, STEPS_H, t->chart_title);
	page = begin_part(h);
	steps_frame(h, t, top, slot);
	end_part(h, page);
	for (guint s = 0; s < t->chart_series->len; s++) {
		g_string_append_printf(h->out,
				       "<path class=\"line s%u\" d=\"M%d,%d",
				       s % 6,
				       STEPS_LEFT,
				       steps_y(at(t, 0, series(t, s)), top));
		for (guint r = 0; r < accord_table_get_n_rows(t); r++)
			g_string_append_printf(h->out,
					       " V%d H%d",
					       steps_y(at(t, r, series(t, s)), top),
					       STEPS_LEFT + px(slot * (r + 1)));
		g_string_append(h->out, "\"/>");
		for (guint r = 0; r < accord_table_get_n_rows(t); r++)
			point(h,
			      t,
			      r,
			      s,
			      STEPS_LEFT + px(slot * (r + 0.5)),
			      steps_y(at(t, r, series(t, s)), top));
	}
	g_string_append(h->out, "</svg>");
}

/* viridis: perceptually even, readable by the colour-blind, and monotonic in lightness, so a
 * greyscale print keeps the order */
static const guint8 viridis[][3] = {{0x44, 0x01, 0x54},
				    {0x47, 0x2d, 0x7b},
				    {0x3b, 0x52, 0x8b},
				    {0x2c, 0x72, 0x8e},
				    {0x21, 0x91, 0x8c},
				    {0x28, 0xae, 0x80},
				    {0x5e, 0xc9, 0x62},
				    {0xad, 0xdc, 0x30},
				    {0xfd, 0xe7, 0x25}};

/* "#rrggbb" of a share of the scale, into @colour */
static const gchar *
heat_colour(gchar colour[8], gdouble share)
{
	gdouble at8 = CLAMP(share, 0, 1) * 8;
	guint i = MIN((guint)at8, 7u);
	gdouble f = at8 - i;

	g_snprintf(colour,
		   8,
		   "#%02x%02x%02x",
		   (guint)lround(viridis[i][0] + f * (viridis[i + 1][0] - viridis[i][0])),
		   (guint)lround(viridis[i][1] + f * (viridis[i + 1][1] - viridis[i][1])),
		   (guint)lround(viridis[i][2] + f * (viridis[i + 1][2] - viridis[i][2])));
	return colour;
}

enum { HEAT_CELL_W = 64, HEAT_CELL_H = 24, HEAT_HEAD = 90 };

static void
heat_cell(Html *h, const AccordNode *t, guint r, guint s, gdouble top)
{
	const AccordCell *c = at(t, r, series(t, s));
	gint x = LEFT + (gint)s * HEAT_CELL_W, y = HEAT_HEAD + (gint)r * HEAT_CELL_H;
	gdouble share = plotted(c) / top;
	gboolean none = !accord_cell_is_numeric(c);
	gchar colour[8];

	datum(h,
	      t,
	      r,
	      series(t, s),
	      "<rect class=\"datum\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">",
	      x,
	      y,
	      HEAT_CELL_W - 2,
	      HEAT_CELL_H - 2,
	      none ? "#ffffff" : heat_colour(colour, share));
	/* dark text on the light end of the scale, light text on the dark end */
	g_string_append_printf(h->out,
			       "<g class=\"%s\">",
			       none || share >= 0.45 ? "on-light" : "on-dark");
	svg_cell_text(h, x + HEAT_CELL_W / 2 - 1, y + 15, MIDDLE, c);
	g_string_append(h->out, "</g>");
}

static void
heat_legend(Html *h, gint y, gdouble top)
{
	gchar colour[8];

	for (guint k = 0; k <= 10; k++)
		g_string_append_printf(h->out,
				       "<rect x=\"%d\" y=\"%d\" width=\"24\" height=\"12\" "
				       "fill=\"%s\"/>",
				       LEFT + (gint)k * 24,
				       y,
				       heat_colour(colour, k / 10.0));
	tick_label(h, LEFT, y + 26, START, 0);
	tick_label(h, LEFT + 132, y + 26, MIDDLE, top / 2);
	tick_label(h, LEFT + 264, y + 26, END, top);
}

/* rows × series: each cell coloured on the scale and its figure printed in it */
static void
heatmap(Html *h, const AccordNode *t, gdouble top)
{
	guint ns = t->chart_series->len;
	gint bottom = HEAT_HEAD + (gint)accord_table_get_n_rows(t) * HEAT_CELL_H;

	svg_open(h,
		 "heatmap",
		 MAX(CHART_W, LEFT + (gint)ns * HEAT_CELL_W + 100),
		 bottom + 50,
		 t->chart_title);
	for (guint s = 0; s < ns; s++) {
		gint x = LEFT + (gint)s * HEAT_CELL_W + HEAT_CELL_W / 2;

		g_string_append_printf(h->out,
				       "<g transform=\"rotate(-40 %d %d)\">",
				       x,
				       HEAT_HEAD - 8);
		svg_text(h, x, HEAT_HEAD - 8, START, column_title(t, series(t, s)));
		g_string_append(h->out, "</g>");
	}
	for (guint r = 0; r < accord_table_get_n_rows(t); r++) {
		row_label(h, t, r, LEFT - 6, HEAT_HEAD + (gint)r * HEAT_CELL_H + 15, END);
		for (guint s = 0; s < ns; s++)
			heat_cell(h, t, r, s, top);
	}
	heat_legend(h, bottom + 10, top);
	g_string_append(h->out, "</svg>");
}

/* a point per row (the first series column) on a line from the second to the third */
static void
intervals(Html *h, const AccordNode *t, gdouble top)
{
	gint bottom = 10 + (gint)accord_table_get_n_rows(t) * 22;

	svg_open(h, "intervals", CHART_W, bottom + 24, t->chart_title);
	rows_frame(h, t, top, bottom, 25, 22);
	for (guint r = 0; r < accord_table_get_n_rows(t); r++) {
		gint y = 21 + (gint)r * 22;

		if (t->chart_series->len >= 3)
			g_string_append_printf(
			    h->out,
			    "<line class=\"whisker\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
			    LEFT + px(extent(at(t, r, series(t, 1)), top, PLOT_W)),
			    y,
			    LEFT + px(extent(at(t, r, series(t, 2)), top, PLOT_W)),
			    y);
		point(h, t, r, 0, LEFT + px(extent(at(t, r, series(t, 0)), top, PLOT_W)), y);
	}
	g_string_append(h->out, "</svg>");
}

/* a line and a point in a series' style, for the key */
static void
swatch(Html *h, guint s)
{
	GString *page;

	g_string_append(h->out,
			"<svg class=\"swatch\" viewBox=\"0 0 28 12\" width=\"28\" height=\"12\">");
	page = begin_part(h);
	g_string_append_printf(h->out,
			       "<line class=\"line s%u\" x1=\"1\" y1=\"6\" x2=\"27\" y2=\"6\"/>",
			       s % 6);
	if (s % 2 == 0)
		g_string_append_printf(h->out,
				       "<circle class=\"s%u\" cx=\"14\" cy=\"6\" r=\"4\"/>",
				       s % 6);
	else
		g_string_append_printf(h->out,
				       "<rect class=\"s%u\" x=\"10\" y=\"2\" width=\"8\" "
				       "height=\"8\"/>",
				       s % 6);
	end_part(h, page);
	g_string_append(h->out, "</svg> ");
}

/* the key below a chart, in words: what the axes and colours mean and which series is which */
static void
chart_key(Html *h, const AccordNode *t, gdouble top)
{
	gchar buf[G_ASCII_DTOSTR_BUF_SIZE];

	g_ascii_formatd(buf, sizeof buf, "%.0f", top);
	g_string_append_printf(h->out, "<p class=\"key\">Key to figure %u: ", h->figures);
	if (t->chart == ACCORD_CHART_HEATMAP) {
		g_string_append_printf(h->out,
				       "colour from dark (0) to light (%s), the figure printed in "
				       "each cell; an empty cell has no figure.</p>",
				       buf);
		return;
	}
	if (t->chart == ACCORD_CHART_INTERVALS) {
		g_string_append_printf(h->out, "values from 0 to %s; a point is ", buf);
		put_in(h,
		       NULL,
		       column_title(t, series(t, 0)),
		       t->chart_series->len >= 3 ? ", its line the range.</p>" : ".</p>");
		return;
	}
	g_string_append_printf(h->out,
			       "values from 0 to %s%s; ",
			       buf,
			       t->chart == ACCORD_CHART_RADAR && accord_table_get_n_rows(t) >= 3
				   ? ", from the centre of the chart outwards"
				   : "");
	for (guint s = 0; s < t->chart_series->len; s++) {
		g_string_append(h->out, s > 0 ? ", " : "");
		swatch(h, s);
		put(h, column_title(t, series(t, s)));
	}
	g_string_append(h->out, ".</p>");
}

typedef void (*Drawing)(Html *h, const AccordNode *t, gdouble top);

/* the chart of a table: numbered, captioned, with a key in words; a radar needs three axes,
 * so fewer rows are drawn as bars */
static void
chart(Html *h, const AccordNode *t)
{
	static const Drawing drawings[] = {radar, bars, steps, heatmap, intervals}; /* by kind */
	AccordChartKind kind = t->chart == ACCORD_CHART_RADAR && accord_table_get_n_rows(t) < 3
				   ? ACCORD_CHART_BARS
				   : t->chart;
	gdouble top = axis_top(t);

	h->figures++;
	g_string_append_printf(h->out,
			       "<figure class=\"chart\"><figcaption>Figure %u. ",
			       h->figures);
	put_in(h, NULL, t->chart_title, "</figcaption>");
	drawings[kind](h, t, top);
	chart_key(h, t, top);
	g_string_append(h->out, "</figure>");
}

/* ---- the page ---- */

static const AccordNode *
key_field(const AccordNode *section)
{
	for (guint i = 0; section->children != NULL && i < section->children->len; i++) {
		const AccordNode *child = g_ptr_array_index(section->children, i);

		if (child->kind == ACCORD_NODE_FIELD && child->is_key)
			return child->cell.type == ACCORD_CELL_ID ? child : NULL;
	}
	return NULL;
}

/* the path of the sections around the writer grows by a section's identifying field; the
 * separator is a character XML input cannot hold */
static void
enter(Html *h, const AccordNode *section)
{
	const AccordNode *f = key_field(section);

	if (f != NULL)
		g_string_append_printf(h->path, "\x1f%s=%s", f->key, f->cell.text);
}

/* each column's style, in one pass over the rows (a row source makes a row per read): figures
 * if any cell is one, else text if any cell is neither an id nor empty, else code if any is an
 * id */
static void
column_styles(const AccordNode *t, Style *styles)
{
	guint n = t->columns->len;
	g_autofree guint *seen = g_new0(guint, n); /* 1 figure, 2 text, 4 id */

	for (guint r = 0; r < accord_table_get_n_rows(t); r++) {
		const AccordCell *row = accord_table_get_row(t, r);

		for (guint c = 0; c < n; c++)
			seen[c] |= accord_cell_is_numeric(&row[c])    ? 1
				   : row[c].type == ACCORD_CELL_ID    ? 4
				   : row[c].type != ACCORD_CELL_EMPTY ? 2
								      : 0;
	}
	for (guint c = 0; c < n; c++)
		styles[c] = (seen[c] & 1)   ? STYLE_NUMBER
			    : (seen[c] & 2) ? STYLE_TEXT
			    : (seen[c] & 4) ? STYLE_CODE
					    : STYLE_TEXT;
}

/* the style rules of the column classes the document's tables use: .n2>*>tr>:nth-child(2) */
static void
column_rules(Html *h)
{
	static const struct {
		Style style;
		const gchar *name, *cells, *rule;
	} styles[] = {
	    {STYLE_NUMBER, "n", "*", "text-align:right;font-variant-numeric:tabular-nums"},
	    {STYLE_CODE, "c", "tbody", "font-family:monospace"},
	};

	for (guint k = 0; k < G_N_ELEMENTS(styles); k++) {
		gboolean any = FALSE;

		for (guint c = 0; c < h->columns->len; c++) {
			if ((h->columns->data[c] & styles[k].style) == 0)
				continue;
			g_string_append_printf(h->out,
					       "%s.%s%u>%s>tr>:nth-child(%u)",
					       any ? "," : "",
					       styles[k].name,
					       c + 1,
					       styles[k].cells,
					       c + 1);
			any = TRUE;
		}
		if (any)
			g_string_append_printf(h->out, "{%s}", styles[k].rule);
	}
}

static guint
row_marks(const AccordNode *table)
{
	guint marks = 0;

	for (guint r = 0; r < accord_table_get_n_rows(table); r++)
		for (guint c = 0; c < table->columns->len; c++)
			marks |= at(table, r, (gint)c)->marks;
	return marks;
}

/* before writing: number every identified section below the root (the first of a path wins;
 * the root is the page, which no link needs to lead to) and gather the marks for the legend
 * and the styles of the tables' columns */
static void
collect(Html *h, const AccordNode *node)
{
	gsize len = h->path->len;

	if (node->kind == ACCORD_NODE_FIELD)
		h->marks |= node->cell.marks;
	if (node->kind == ACCORD_NODE_TABLE) {
		h->marks |= row_marks(node);
		g_autofree Style *styles = g_new0(Style, node->columns->len);

		column_styles(node, styles);
		while (h->columns->len < node->columns->len)
			g_byte_array_append(h->columns, (const guint8[]){STYLE_TEXT}, 1);
		for (guint c = 0; c < node->columns->len; c++)
			h->columns->data[c] |= styles[c];
	}
	if (node->kind == ACCORD_NODE_SECTION) {
		enter(h, node);
		if (h->path->len > len && node != node->document->root &&
		    !g_hash_table_contains(h->anchors, h->path->str)) {
			guint id = g_hash_table_size(h->anchors) + 1;

			g_hash_table_insert(h->anchors,
					    g_strdup(h->path->str),
					    GUINT_TO_POINTER(id));
			g_hash_table_insert(h->ids, (gpointer)node, GUINT_TO_POINTER(id));
		}
	}
	for (guint i = 0; node->children != NULL && i < node->children->len; i++)
		collect(h, g_ptr_array_index(node->children, i));
	g_string_truncate(h->path, len);
}

static void
heading(Html *h, const gchar *title, guint depth)
{
	if (title == NULL)
		return;
	g_string_append_printf(h->out, "<h%u>", MIN(depth + 1, 6u));
	put(h, title);
	g_string_append_printf(h->out, "</h%u>\n", MIN(depth + 1, 6u));
}

/* consecutive fields as one definition list; returns the index after them */
static guint
fields(Html *h, const GPtrArray *children, guint from)
{
	guint i = from;

	g_string_append(h->out, "<dl>");
	for (; i < children->len; i++) {
		const AccordNode *f = g_ptr_array_index(children, i);

		if (f->kind != ACCORD_NODE_FIELD)
			break;
		put_in(h, "<dt>", f->title, "</dt><dd>");
		put_cell(h, &f->cell, f->key, FALSE);
		g_string_append(h->out, "</dd>");
	}
	g_string_append(h->out, "</dl>\n");
	return i;
}

static void
table(Html *h, const AccordNode *t)
{
	guint n = t->columns->len;
	g_autofree Style *styles = g_new0(Style, n);
	g_autoptr(GString) classes = g_string_new(NULL);
	/* a chart of one row would say nothing its table does not */
	gboolean drawn = t->chart_series != NULL && accord_table_get_n_rows(t) >= 2;

	if (accord_table_get_n_rows(t) == 0) {
		put_in(h,
		       "<p class=\"none\">",
		       t->title,
		       t->title != NULL ? ": none</p>\n" : "None</p>\n");
		return;
	}
	if (drawn) {
		g_string_append(h->out, "<div class=\"pair\">");
		chart(h, t);
	}
	column_styles(t, styles);
	for (guint c = 0; c < n; c++) {
		if (styles[c] != STYLE_TEXT)
			g_string_append_printf(classes,
					       " %s%u",
					       styles[c] == STYLE_NUMBER ? "n" : "c",
					       c + 1);
	}
	if (classes->len > 0) {
		g_string_overwrite(classes, 0, "\"");
		g_string_prepend(classes, " class=");
		g_string_append_c(classes, '"');
	}
	g_string_append_printf(h->out, "<div class=\"table\"><table%s>", classes->str);
	if (t->title != NULL)
		put_in(h, "<caption>", t->title, "</caption>");
	g_string_append(h->out, "<thead><tr>");
	for (guint c = 0; c < n; c++)
		put_in(h, "<th>", column_title(t, (gint)c), "</th>");
	g_string_append(h->out, "</tr></thead><tbody>\n");
	for (guint r = 0; r < accord_table_get_n_rows(t); r++) {
		g_string_append(h->out, "<tr>");
		for (guint c = 0; c < n; c++) {
			g_string_append(h->out, "<td>");
			put_cell(h,
				 at(t, r, (gint)c),
				 ((const AccordNode *)g_ptr_array_index(t->columns, c))->key,
				 styles[c] == STYLE_CODE);
			g_string_append(h->out, "</td>");
		}
		g_string_append(h->out, "</tr>\n");
	}
	g_string_append(h->out, "</tbody></table></div>\n");
	if (drawn)
		g_string_append(h->out, "</div>\n");
}

static void
children(Html *h, const AccordNode *node, guint depth);

/* a section, or a list item (@tag "li"), with its number when a link may lead to it */
static void
section(Html *h, const AccordNode *s, guint depth, const gchar *tag)
{
	guint id = GPOINTER_TO_UINT(g_hash_table_lookup(h->ids, s));
	gsize len = h->path->len;

	enter(h, s);
	g_string_append_printf(h->out, "<%s", tag);
	if (id > 0)
		g_string_append_printf(h->out, " id=\"s%u\"", id);
	g_string_append(h->out, ">");
	heading(h, s->title, depth);
	children(h, s, depth);
	g_string_append_printf(h->out, "</%s>\n", tag);
	g_string_truncate(h->path, len);
}

static void
list(Html *h, const AccordNode *l, guint depth)
{
	g_string_append(h->out, "<section class=\"list\">");
	heading(h, l->title, depth + 1);
	g_string_append(h->out, "<ol>\n");
	for (guint i = 0; l->children != NULL && i < l->children->len; i++)
		section(h, g_ptr_array_index(l->children, i), depth + 2, "li");
	g_string_append(h->out, "</ol></section>\n");
}

static void
children(Html *h, const AccordNode *node, guint depth)
{
	guint n = node->children == NULL ? 0 : node->children->len;

	for (guint i = 0; i < n;) {
		const AccordNode *child = g_ptr_array_index(node->children, i);

		if (child->kind == ACCORD_NODE_FIELD) {
			i = fields(h, node->children, i);
			continue;
		}
		if (child->kind == ACCORD_NODE_TEXT) {
			put_in(h, "<p>", child->cell.text, "</p>\n");
		} else if (child->kind == ACCORD_NODE_SECTION) {
			section(h, child, depth + 1, "section");
		} else if (child->kind == ACCORD_NODE_LIST) {
			list(h, child, depth);
		} else if (child->kind == ACCORD_NODE_TABLE) {
			table(h, child);
		}
		i++;
	}
}

/* the legend of the marks the document uses, in symbols and words */
static void
legend(Html *h)
{
	if (h->marks == 0)
		return;
	g_string_append(h->out, "<aside class=\"legend\"><h2>Marks</h2><dl>");
	for (guint i = 0; i < G_N_ELEMENTS(mark_symbols); i++)
		if (h->marks & (1u << i))
			g_string_append_printf(h->out,
					       "<dt><span class=\"mark\">%s&#160;%s</span></dt>"
					       "<dd>%s</dd>",
					       mark_symbols[i],
					       accord_mark_names[i],
					       mark_meanings[i]);
	g_string_append(h->out, "</dl></aside>\n");
}

/* the style sheet, an asset (engine/report.css, one rule a line) written without its newlines.
 * Series: the Okabe–Ito colours, told apart by dash and point shape as well; sections off
 * screen are laid out only when scrolled to, so a report of every country opens at once */
static void
put_style(Html *h)
{
	g_autoptr(GBytes) css = g_resources_lookup_data("/org/accord/report/report.css",
							G_RESOURCE_LOOKUP_FLAGS_NONE,
							NULL);
	gsize len = 0;
	const gchar *text = css != NULL ? g_bytes_get_data(css, &len) : NULL;

	for (gsize i = 0; i < len; i++)
		if (text[i] != '\n')
			g_string_append_c(h->out, text[i]);
}

/* the document as one HTML page; its links to other sites send no referrer (the page's own
 * address may be private), and open in the same tab, so no page they lead to gets a handle on
 * this one */
GBytes *
accord_serialise_html(const AccordDocument *document)
{
	Html h = {g_string_sized_new(65536),
		  g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
		  g_hash_table_new(NULL, NULL),
		  g_string_new(NULL),
		  0,
		  g_byte_array_new(),
		  g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
		  0};
	const gchar *title = document->root->title != NULL ? document->root->title : "";

	collect(&h, document->root);
	g_string_append(
	    h.out,
	    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
	    "'none'; style-src 'unsafe-inline'\">\n<meta name=\"referrer\" "
	    "content=\"no-referrer\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<meta name=\"generator\" content=\"accord " ACCORD_VERSION_STRING
	    "\">\n<title>");
	put(&h, title);
	g_string_append(h.out, "</title>\n<style>");
	put_style(&h);
	column_rules(&h);
	g_string_append(h.out, "</style></head>\n<body><main>\n");
	heading(&h, title, 0);
	legend(&h);
	enter(&h, document->root); /* as collect() did: the root's field identifies the page */
	children(&h, document->root, 0);
	g_string_append(h.out, "</main></body></html>\n");
	g_hash_table_unref(h.anchors);
	g_hash_table_unref(h.ids);
	g_string_free(h.path, TRUE);
	g_byte_array_unref(h.columns);
	g_hash_table_unref(h.parts);
	return g_string_free_to_bytes(h.out);
}
