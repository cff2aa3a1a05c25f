#include "helpers.h"

#include "document-private.h"

/* The HTML serialiser against small documents built by hand: escaping, links, marks, links
 * to sections, and the charts' marks and geometry, each worked out from the drawing rules in
 * engine/serialise-html.c (a radar of radius 130 around (300, 180), the first axis pointing
 * up; a step chart 200 units high whose 0 line is at y = 216; viridis for heat maps). The
 * browser test (tests/browser/check-reports.py) checks the same pages as Chromium parses them. */

static gchar *
render_html(const AccordDocument *doc)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) bytes = accord_document_render(doc, ACCORD_FORMAT_HTML, &error);

	assert_null(error);
	return g_strndup(g_bytes_get_data(bytes, NULL), g_bytes_get_size(bytes));
}

static guint
count(const gchar *haystack, const gchar *needle)
{
	guint n = 0;

	for (const gchar *p = strstr(haystack, needle); p != NULL; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void
test_html_escapes_text_and_refuses_other_links(void **state)
{
	g_autoptr(AccordDocument) doc = accord_document_new("t", "<b>Title</b>");
	AccordNode *root = accord_document_get_root(doc);
	g_autofree gchar *out = NULL;

	ACCORD_FIELDS(
	    root,
	    {"a", "Plain", accord_cell_text("<script>alert(1)</script>")},
	    {"b", "Bad link", accord_cell_url("javascript:alert(1)", "<i>click</i>")},
	    {"c", "Good link", accord_cell_url("https://example.org/a?b=1&c=\"2\"", "Source")},
	    {"d", "Quoted href", accord_cell_url("https://example.org/\"onmouseover=x", "Q")},
	    {"e",
	     "Fact",
	     accord_cell_fact("k", "v", "high", "2024", "<script>x</script>", "javascript:x")},
	    {"f",
	     "Hidden",
	     accord_cell_text("a\xe2\x80\xae"
			      "b")});
	out = render_html(doc);
	/* the one <script in the page would be markup; there is none, only its escaped text */
	assert_null(strstr(out, "<script"));
	assert_null(strstr(out, "<b>"));
	assert_null(strstr(out, "<i>"));
	assert_non_null(strstr(out, "<title>&lt;b&gt;Title&lt;/b&gt;</title>"));
	assert_non_null(strstr(out, "<dd>&lt;script&gt;alert(1)&lt;/script&gt;</dd>"));
	/* javascript: is shown by its title, as text; a quote inside an address refuses it too */
	assert_non_null(strstr(out, "<dd>&lt;i&gt;click&lt;/i&gt;</dd>"));
	assert_null(strstr(out, "javascript"));
	assert_null(strstr(out, "onmouseover"));
	assert_non_null(strstr(out, "<dd>Q</dd>"));
	/* no link at all: an address with a quote in it is refused like javascript: */
	assert_int_equal(count(out, "<a href="), 0);
	g_clear_pointer(&out, g_free);

	/* one web address: a link, its & escaped in the attribute */
	ACCORD_FIELDS(root, {"g", "Amp", accord_cell_url("https://example.org/a?b=1&c=2", "S")});
	out = render_html(doc);
	assert_int_equal(count(out, "<a href="), 1);
	assert_non_null(strstr(out, "<a href=\"https://example.org/a?b=1&amp;c=2\">S</a>"));
	/* no page a link leads to learns this page's address */
	assert_non_null(strstr(out, "<meta name=\"referrer\" content=\"no-referrer\">"));
	/* the fact: key, value, confidence, date, source as text (its address is not a web one) */
	assert_non_null(strstr(out,
			       "<code>k</code> = v (confidence high; evidence 2024: "
			       "&lt;script&gt;x&lt;/script&gt;)"));
	/* a right-to-left override is written visibly, not obeyed */
	assert_non_null(strstr(out, "<dd>a&lt;U+202E&gt;b</dd>"));
	/* nothing is loaded and no script may run */
	assert_non_null(strstr(out, "content=\"default-src 'none'; style-src 'unsafe-inline'\""));
	assert_null(strstr(out, "src="));
}

static void
test_html_marks_in_symbols_and_words_with_legend(void **state)
{
	g_autoptr(AccordDocument) doc = accord_document_new("t", "T");
	g_autofree gchar *out = NULL;

	ACCORD_FIELDS(
	    accord_document_get_root(doc),
	    {"v",
	     "Value",
	     accord_cell_with_marks(accord_cell_text("x"),
				    ACCORD_MARK_LOW_CONFIDENCE | ACCORD_MARK_UNVERIFIED)});
	out = render_html(doc);
	/* each mark twice: beside the value and in the legend; the others nowhere */
	assert_int_equal(count(out, "?&#160;low-confidence</span>"), 2);
	assert_int_equal(count(out, "\xe2\x89\x88&#160;unverified</span>"), 2);
	assert_non_null(strstr(out, "<aside class=\"legend\"><h2>Marks</h2>"));
	assert_non_null(strstr(out, "<dd>quotes treaty text that was not read verbatim</dd>"));
	assert_null(strstr(out, "stale"));
	assert_null(strstr(out, "waived"));
}

/* the marks of the fact filter: evidence too old is stale, and a fact left out is not counted */
static void
test_html_stale_and_not_counted_marks_with_legend(void **state)
{
	g_autoptr(AccordDocument) doc = accord_document_new("t", "T");
	g_autofree gchar *out = NULL;

	ACCORD_FIELDS(accord_document_get_root(doc),
		      {"v",
		       "Value",
		       accord_cell_with_marks(accord_cell_fact("k", "v", "high", "2001", "S", NULL),
					      ACCORD_MARK_STALE | ACCORD_MARK_NOT_COUNTED)});
	out = render_html(doc);
	/* U+26A0 stale, U+2298 not-counted: beside the fact and in the legend */
	assert_int_equal(count(out, "\xe2\x9a\xa0&#160;stale</span>"), 2);
	assert_int_equal(count(out, "\xe2\x8a\x98&#160;not-counted</span>"), 2);
	assert_non_null(
	    strstr(out, "<dd>rests on evidence older than the chosen maximum age</dd>"));
	assert_non_null(strstr(out,
			       "<dd>stated by the profile but treated as unknown: below the "
			       "confidence floor, stale or expired</dd>"));
	assert_null(strstr(out, "low-confidence"));
}

static void
test_html_no_legend_without_marks(void **state)
{
	g_autoptr(AccordDocument) doc = accord_document_new("t", "T");
	g_autofree gchar *out = NULL;

	ACCORD_FIELDS(accord_document_get_root(doc), {"v", "Value", accord_cell_text("x")});
	out = render_html(doc);
	assert_null(strstr(out, "legend\">"));
	assert_null(strstr(out, "class=\"mark\""));
}

/* two countries, each with a rule r-1; a ranking table names both, and a table inside the
 * second country names r-1 */
static AccordDocument *
linked_document(void)
{
	AccordDocument *doc = accord_document_new("t", "T");
	AccordNode *root = accord_document_get_root(doc);
	AccordNode *ranking = accord_node_add_table(root, "rows", "Ranking", "country=Country");
	AccordNode *list = accord_node_add_list(root, "countries", "Countries");

	ACCORD_ROW(ranking, accord_cell_id("AA"));
	ACCORD_ROW(ranking, accord_cell_id("BB"));
	ACCORD_ROW(ranking, accord_cell_id("CC"));
	for (guint i = 0; i < 2; i++) {
		AccordNode *item = accord_node_add_section(list, NULL, i == 0 ? "A" : "B");
		AccordNode *rules = accord_node_add_list(item, "rules", "Rules");
		AccordNode *rule = accord_node_add_section(rules, NULL, "Rule");

		ACCORD_FIELDS(item,
			      {"country", "Country", accord_cell_id(i == 0 ? "AA" : "BB"), TRUE});
		ACCORD_FIELDS(rule, {"rule", "Rule", accord_cell_id("r-1"), TRUE});
		if (i == 1)
			ACCORD_ROW(accord_node_add_table(item, "t", NULL, "rule=Rule"),
				   accord_cell_id("r-1"));
	}
	return doc;
}

static void
test_html_id_cells_link_to_the_nearest_section(void **state)
{
	g_autoptr(AccordDocument) doc = linked_document();
	g_autofree gchar *out = render_html(doc);

	/* sections are numbered in document order: AA 1, its r-1 2, BB 3, its r-1 4 */
	assert_non_null(strstr(out, "<li id=\"s1\"><h3>A</h3>"));
	assert_non_null(strstr(out, "<li id=\"s4\"><h5>Rule</h5>"));
	/* a column of ids only is set in code type by its table's class, not cell by cell */
	assert_non_null(strstr(out, "<table class=\"c1\"><caption>Ranking</caption>"));
	assert_non_null(strstr(out, "<td><a href=\"#s1\">AA</a></td>"));
	assert_non_null(strstr(out, "<td><a href=\"#s3\">BB</a></td>"));
	/* no section for CC: no link */
	assert_non_null(strstr(out, "<td>CC</td>"));
	/* r-1 in country B's table is B's rule, not A's */
	assert_non_null(strstr(out, "<td><a href=\"#s4\">r-1</a></td>"));
	assert_int_equal(count(out, "href=\"#s2\""), 0);
}

/* a report's shape: country AA's ruleset x with its gap on rule r-1, then the rulesets
 * quoted once, x with its rule r-1; the root names a country too */
static void
test_html_id_fields_link_within_their_context_never_to_themselves(void **state)
{
	g_autoptr(AccordDocument) doc = accord_document_new("t", "T");
	AccordNode *root = accord_document_get_root(doc);
	AccordNode *countries, *country, *ruleset, *rules;
	g_autofree gchar *out = NULL;

	ACCORD_FIELDS(root, {"country", "Country", accord_cell_id("AA"), TRUE});
	countries = accord_node_add_list(root, "countries", "Countries");
	country = accord_node_add_section(countries, NULL, "A");
	ACCORD_FIELDS(country, {"country", "Country", accord_cell_id("AA"), TRUE});
	ruleset = accord_node_add_section(country, "x", "X in A");
	ACCORD_FIELDS(ruleset, {"ruleset", "Ruleset", accord_cell_id("x"), TRUE});
	ACCORD_FIELDS(accord_node_add_section(ruleset, "gap", "Gap"),
		      {"rule", "Rule", accord_cell_id("r-1"), TRUE});
	rules = accord_node_add_list(root, "rulesets", "Rulesets");
	ruleset = accord_node_add_section(rules, NULL, "X");
	ACCORD_FIELDS(ruleset, {"ruleset", "Ruleset", accord_cell_id("x"), TRUE});
	ACCORD_FIELDS(accord_node_add_section(ruleset, "rule", "Rule r-1"),
		      {"rule", "Rule", accord_cell_id("r-1"), TRUE});
	out = render_html(doc);
	/* numbered in document order below the root (the page, never a target): AA 1, AA's x 2,
	 * AA's gap on r-1 3, x 4, x's r-1 5 */
	assert_int_equal(count(out, " id=\"s"), 5);
	assert_non_null(strstr(out, "<section id=\"s3\"><h5>Gap</h5>"));
	assert_non_null(strstr(out, "<li id=\"s4\"><h3>X</h3>"));
	/* the gap's rule r-1 is its own section; the nearest other is x's r-1 outside AA */
	assert_non_null(
	    strstr(out, "<h5>Gap</h5>\n<dl><dt>Rule</dt><dd><a href=\"#s5\"><code>r-1"));
	/* AA's ruleset x links to x outside AA */
	assert_non_null(strstr(out, "<h4>X in A</h4>\n<dl><dt>Ruleset</dt><dd><a href=\"#s4\">"));
	/* the root's AA is the page's: it links to the section of AA within it */
	assert_non_null(strstr(out, "<h1>T</h1>\n<dl><dt>Country</dt><dd><a href=\"#s1\">"));
	/* nothing else links: no section to itself */
	assert_int_equal(count(out, "<a href="), 3);
}

static void
test_html_tables_set_columns_by_class(void **state)
{
	g_autoptr(AccordDocument) doc = accord_document_new("t", "T");
	AccordNode *root = accord_document_get_root(doc);
	AccordNode *t = accord_node_add_table(root, "t", NULL, "id=Id|mixed=Mixed|n=N|text=Text");
	g_autofree gchar *out = NULL;

	ACCORD_ROW(t,
		   accord_cell_id("a"),
		   accord_cell_id("b"),
		   accord_cell_score(1),
		   accord_cell_text("x"));
	ACCORD_ROW(t,
		   accord_cell_empty(),
		   accord_cell_text("c"),
		   accord_cell_empty(),
		   accord_cell_text("y"));
	out = render_html(doc);
	/* column 1 holds ids (and an empty cell): code type; column 3 a figure: right-aligned;
	 * column 2 mixes an id with text, so its id is set in code type in its cell */
	assert_non_null(strstr(out, "<table class=\"c1 n3\"><thead><tr><th>Id</th>"));
	assert_non_null(strstr(out, "<tr><td>a</td><td><code>b</code></td><td>1.0</td><td>x</td>"));
	assert_null(strstr(out, "class=\"n\""));
	/* one rule per column class used, and none for the others */
	assert_non_null(strstr(out,
			       ".n3>*>tr>:nth-child(3){text-align:right;font-variant-numeric:"
			       "tabular-nums}.c1>tbody>tr>:nth-child(1){font-family:monospace}"
			       "</style>"));
	assert_null(strstr(out, ".c2>"));
	assert_null(strstr(out, ".n1>"));
}

static AccordNode *
pillar_table(AccordNode *root, guint n_rows)
{
	static const gchar *const ids[] = {"ir", "policy", "trust", "skills"};
	static const gdouble a[] = {50, 100, 25, 0};
	static const gdouble b[] = {100, 75, 0, 50};
	AccordNode *table =
	    accord_node_add_table(root, "pillars", "Pillars", "pillar=Pillar|a=Score A|b=Score B");

	for (guint i = 0; i < n_rows; i++)
		ACCORD_ROW(table,
			   accord_cell_id(ids[i]),
			   accord_cell_score(a[i]),
			   i == 3 ? accord_cell_empty() : accord_cell_score(b[i]));
	return table;
}

static void
test_html_radar_overlays_series(void **state)
{
	g_autoptr(AccordDocument) doc = accord_document_new("t", "T");
	g_autofree gchar *out = NULL;

	accord_table_add_chart(pillar_table(accord_document_get_root(doc), 4),
			       ACCORD_CHART_RADAR,
			       "Pillar scores",
			       "pillar",
			       "a|b");
	out = render_html(doc);
	assert_int_equal(count(out, "<svg class=\"radar\""), 1);
	assert_non_null(strstr(out, "<figcaption>Figure 1. Pillar scores</figcaption>"));
	/* 4 rows × 2 series: 8 marks, series A circles, series B squares; one polygon each */
	assert_int_equal(count(out, "class=\"datum"), 8);
	assert_int_equal(count(out, "<circle class=\"datum s0\""), 4);
	assert_int_equal(count(out, "<rect class=\"datum s1\""), 4);
	assert_int_equal(count(out, "<polygon class=\"area"), 2);
	/* A's ir = 50 on the upward axis: 130 × 50/100 = 65 above the centre → (300, 115);
	 * A's policy = 100 on the rightward axis → (430, 180) */
	assert_non_null(strstr(out,
			       "<circle class=\"datum s0\" cx=\"300\" cy=\"115\" r=\"4\">"
			       "<title>ir \xe2\x80\x94 Score A: 50.0</title></circle>"));
	assert_non_null(strstr(out, "cx=\"430\" cy=\"180\" r=\"4\"><title>policy"));
	/* B's skills is empty: drawn at the centre, its title says so; B's square of ir = 100 is
	 * at (300, 50), its 8 × 8 box from (296, 46) */
	assert_non_null(strstr(out, "<title>skills \xe2\x80\x94 Score B: -</title>"));
	assert_non_null(strstr(out, "x=\"296\" y=\"46\" width=\"8\" height=\"8\">"));
	/* the key names both series, and the table follows */
	assert_non_null(strstr(out, "Key to figure 1: values from 0 to 100"));
	assert_non_null(strstr(out, "</svg> Score A, "));
	assert_non_null(strstr(out, "</svg> Score B.</p>"));
	assert_non_null(strstr(out, "<caption>Pillars</caption>"));
}

static void
test_html_charts_reuse_identical_frames(void **state)
{
	g_autoptr(AccordDocument) doc = accord_document_new("t", "T");
	AccordNode *root = accord_document_get_root(doc);
	g_autofree gchar *out = NULL;

	/* two radars on the same four pillars, then one on three */
	accord_table_add_chart(pillar_table(root, 4), ACCORD_CHART_RADAR, "One", "pillar", "a");
	accord_table_add_chart(pillar_table(root, 4), ACCORD_CHART_RADAR, "Two", "pillar", "a");
	accord_table_add_chart(pillar_table(root, 3), ACCORD_CHART_RADAR, "Three", "pillar", "a");
	out = render_html(doc);
	/* parts numbered as first written: the four-axis frame g1, the key's swatch of series 0
	 * g2, the three-axis frame g3; the second radar draws g1 and g2 again */
	assert_int_equal(count(out, "<g id=\"g"), 3);
	assert_non_null(strstr(out, "<title>One</title><g id=\"g1\"><path class=\"grid\""));
	assert_non_null(
	    strstr(out,
		   "height=\"12\"><g id=\"g2\"><line class=\"line s0\" x1=\"1\" y1=\"6\" "
		   "x2=\"27\" y2=\"6\"/><circle class=\"s0\" cx=\"14\" cy=\"6\" "
		   "r=\"4\"/></g></svg> Score A."));
	assert_non_null(strstr(out, "<title>Two</title><use href=\"#g1\"/><polygon"));
	assert_non_null(strstr(out, "height=\"12\"><use href=\"#g2\"/></svg> Score A."));
	assert_non_null(strstr(out, "<title>Three</title><g id=\"g3\"><path class=\"grid\""));
	assert_int_equal(count(out, "<use href=\"#g2\"/>"), 2);
	/* the frame's four axis labels once; every radar keeps its own points */
	assert_int_equal(count(out, "class=\"m\">ir</text>"), 2);
	assert_int_equal(count(out, "class=\"datum"), 11);
}

static void
test_html_small_tables_draw_bars_or_nothing(void **state)
{
	g_autoptr(AccordDocument) doc = accord_document_new("t", "T");
	AccordNode *root = accord_document_get_root(doc);
	g_autofree gchar *out = NULL;

	/* two axes make no radar: bars; one row makes no chart at all */
	accord_table_add_chart(pillar_table(root, 2), ACCORD_CHART_RADAR, "Two", "pillar", "a|b");
	accord_table_add_chart(pillar_table(root, 1), ACCORD_CHART_RADAR, "One", "pillar", "a");
	out = render_html(doc);
	assert_int_equal(count(out, "<svg class=\"bars\""), 1);
	assert_int_equal(count(out, "<svg class=\"radar\""), 0);
	assert_int_equal(count(out, "<figure"), 1);
	assert_int_equal(count(out, "class=\"datum"), 4);
	/* bar lengths: 360 units for 100; A's ir 50 → 180 */
	assert_non_null(strstr(out, "x=\"180\" y=\"10\" width=\"180\" height=\"12\"><title>ir"));
	assert_int_equal(count(out, "<caption>Pillars</caption>"), 2);
}

static void
test_html_heatmap_prints_each_figure_on_its_colour(void **state)
{
	g_autoptr(AccordDocument) doc = accord_document_new("t", "T");
	AccordNode *table = accord_node_add_table(accord_document_get_root(doc),
						  "rows",
						  "Ranking",
						  "name=Name|x=x|y=y");
	g_autofree gchar *out = NULL;

	ACCORD_ROW(table, accord_cell_text("Aland"), accord_cell_score(100), accord_cell_score(0));
	ACCORD_ROW(table, accord_cell_text("Bland"), accord_cell_score(50), accord_cell_empty());
	ACCORD_ROW(table,
		   accord_cell_text("Cland"),
		   accord_cell_score(6.25),
		   accord_cell_with_marks(accord_cell_score(75), ACCORD_MARK_ASSUMED));
	accord_table_add_chart(table, ACCORD_CHART_HEATMAP, "Scores", "name", "x|y");
	out = render_html(doc);
	assert_int_equal(count(out, "<rect class=\"datum\""), 6);
	/* 100 is the light end (#fde725), 0 the dark end (#440154), 50 the middle stop
	 * (#21918c); 6.25 is half way from the first stop to the second (12.5):
	 * (0x44+0x47)/2 = 69.5 → 70 = 0x46, (0x01+0x2d)/2 = 23 = 0x17, (0x54+0x7b)/2 = 103.5 →
	 * 104 = 0x68 */
	assert_non_null(strstr(out, "fill=\"#fde725\"><title>Aland \xe2\x80\x94 x: 100.0</title>"));
	assert_non_null(strstr(out, "fill=\"#440154\"><title>Aland \xe2\x80\x94 y: 0.0</title>"));
	assert_non_null(strstr(out, "fill=\"#21918c\"><title>Bland"));
	assert_non_null(strstr(out, "fill=\"#461768\"><title>Cland"));
	/* an empty cell is white with "-"; a mark is in the title in words */
	assert_non_null(strstr(out, "fill=\"#ffffff\"><title>Bland \xe2\x80\x94 y: -</title>"));
	assert_non_null(strstr(out, "<title>Cland \xe2\x80\x94 y: 75.0 [assumed]</title>"));
	/* figures in the cells: light text on the dark end, dark on the light end */
	assert_non_null(strstr(out,
			       "<g class=\"on-light\"><text x=\"211\" y=\"105\" "
			       "class=\"m\">100.0</text></g>"));
	assert_non_null(strstr(out,
			       "<g class=\"on-dark\"><text x=\"275\" y=\"105\" "
			       "class=\"m\">0.0</text></g>"));
	assert_non_null(strstr(out, "Key to figure 1: colour from dark (0) to light (100)"));
}

static void
test_html_steps_hold_each_figure_across_its_slot(void **state)
{
	g_autoptr(AccordDocument) doc = accord_document_new("t", "T");
	AccordNode *table = accord_node_add_table(accord_document_get_root(doc),
						  "plan",
						  "Plan",
						  "phase=Phase|score=Score after it");
	g_autofree gchar *out = NULL;

	ACCORD_ROW(table, accord_cell_count(0), accord_cell_score(50));
	ACCORD_ROW(table, accord_cell_count(1), accord_cell_score(75));
	ACCORD_ROW(table, accord_cell_count(2), accord_cell_score(100));
	accord_table_add_chart(table, ACCORD_CHART_STEPS, "By phase", "phase", "score");
	out = render_html(doc);
	assert_int_equal(count(out, "class=\"datum"), 3);
	/* slots of 520/3 units from x = 60; y = 216 − 2 × score: 50 → 116, 75 → 66, 100 → 16;
	 * slot ends at 60 + 173.3 = 233, 60 + 346.7 = 407, 580 */
	assert_non_null(
	    strstr(out, "<path class=\"line s0\" d=\"M60,116 V116 H233 V66 H407 V16 H580\"/>"));
	/* points at the slots' middles: 60 + 86.7 = 147, 60 + 260 = 320, 60 + 433.3 = 493 */
	assert_non_null(strstr(out,
			       "cx=\"147\" cy=\"116\" r=\"4\"><title>0 \xe2\x80\x94 Score "
			       "after it: 50.0</title>"));
	assert_non_null(strstr(out, "cx=\"320\" cy=\"66\""));
	assert_non_null(strstr(out, "cx=\"493\" cy=\"16\""));
}

static void
test_html_empty_table_says_none(void **state)
{
	g_autoptr(AccordDocument) doc = accord_document_new("t", "T");
	g_autofree gchar *out = NULL;

	accord_node_add_table(accord_document_get_root(doc), "d", "Dependencies", "a=A");
	out = render_html(doc);
	assert_non_null(strstr(out, "<p class=\"none\">Dependencies: none</p>"));
	assert_null(strstr(out, "<table>"));
}

static void
test_html_same_bytes_twice(void **state)
{
	g_autoptr(AccordDocument) doc = linked_document();
	g_autofree gchar *one = render_html(doc);
	g_autofree gchar *two = render_html(doc);

	assert_string_equal(one, two);
}

/* every mark the library has gets a symbol and a meaning in the legend (a mark added to
 * accord_mark_names without them read past the serialiser's tables; the fuzzer found it) */
static void
test_html_legend_knows_every_mark(void **state)
{
	g_autoptr(AccordDocument) doc = accord_document_new("t", "T");
	g_autofree gchar *out = NULL;
	const gchar *legend;
	guint all = 0;

	for (guint i = 0; accord_mark_names[i] != NULL; i++)
		all |= 1u << i;
	ACCORD_FIELDS(accord_document_get_root(doc),
		      {"v", "Value", accord_cell_with_marks(accord_cell_text("x"), all)});
	out = render_html(doc);
	legend = strstr(out, "<aside class=\"legend\">");
	assert_non_null(legend);
	for (guint i = 0; accord_mark_names[i] != NULL; i++)
		assert_non_null(strstr(legend, accord_mark_names[i]));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_html_legend_knows_every_mark),
	    cmocka_unit_test(test_html_escapes_text_and_refuses_other_links),
	    cmocka_unit_test(test_html_marks_in_symbols_and_words_with_legend),
	    cmocka_unit_test(test_html_stale_and_not_counted_marks_with_legend),
	    cmocka_unit_test(test_html_no_legend_without_marks),
	    cmocka_unit_test(test_html_id_cells_link_to_the_nearest_section),
	    cmocka_unit_test(test_html_id_fields_link_within_their_context_never_to_themselves),
	    cmocka_unit_test(test_html_tables_set_columns_by_class),
	    cmocka_unit_test(test_html_radar_overlays_series),
	    cmocka_unit_test(test_html_charts_reuse_identical_frames),
	    cmocka_unit_test(test_html_small_tables_draw_bars_or_nothing),
	    cmocka_unit_test(test_html_heatmap_prints_each_figure_on_its_colour),
	    cmocka_unit_test(test_html_steps_hold_each_figure_across_its_slot),
	    cmocka_unit_test(test_html_empty_table_says_none),
	    cmocka_unit_test(test_html_same_bytes_twice),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
