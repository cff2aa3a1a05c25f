#include <float.h>
#include <json-glib/json-glib.h>

#include "helpers.h"

/* The serialisers against a small document built by hand; every expected output is written
 * out here in full, character by character, from the rules in docs/formats.md ("Outputs"). */

static AccordDocument *
small_document(void)
{
	AccordDocument *doc = accord_document_new("demo", "Demo report");
	AccordNode *root = accord_document_get_root(doc);
	AccordNode *table, *list, *item;

	ACCORD_FIELDS(root,
		      {"country", "Country", accord_cell_id("AA"), TRUE},
		      {"overall", "Overall score", accord_cell_score(54.16666)},
		      {"coverage", "Coverage", accord_cell_percent(0.7778)});
	table = accord_node_add_table(root, "pillars", "Pillars", "pillar=Pillar|score=Score");
	ACCORD_ROW(table, accord_cell_id("ir"), accord_cell_score(58.3333));
	ACCORD_ROW(table, accord_cell_id("policy"), accord_cell_empty());
	list = accord_node_add_list(root, "gaps", "Gaps");
	item = accord_node_add_section(list, NULL, "First gap");
	ACCORD_FIELDS(item,
		      {"rule", "Rule", accord_cell_id("r-1"), TRUE},
		      {"provision", "Provision", accord_cell_quote("Parties shall.", "Art. 1")});
	return doc;
}

static gchar *
render(const AccordDocument *doc, AccordFormat format)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) bytes = accord_document_render(doc, format, &error);

	assert_null(error);
	return g_strndup(g_bytes_get_data(bytes, NULL), g_bytes_get_size(bytes));
}

static void
test_document_text(void **state)
{
	g_autoptr(AccordDocument) doc = small_document();
	g_autofree gchar *out = render(doc, ACCORD_FORMAT_TEXT);

	/* labels padded to the longest ("Overall score:" is 14), numbers right-aligned, an empty
	 * figure is "-", a list item's fields indented under its number */
	assert_string_equal(out,
			    "Demo report\n"
			    "\n"
			    "Country:       AA\n"
			    "Overall score: 54.2\n"
			    "Coverage:      77.8%\n"
			    "\n"
			    "Pillars:\n"
			    "  Pillar  Score\n"
			    "  ir       58.3\n"
			    "  policy      -\n"
			    "\n"
			    "Gaps:\n"
			    "\n"
			    "1. First gap\n"
			    "   Rule:      r-1\n"
			    "   Provision: \"Parties shall.\" (Art. 1)\n");
}

static void
test_document_markdown(void **state)
{
	g_autoptr(AccordDocument) doc = small_document();
	g_autofree gchar *out = render(doc, ACCORD_FORMAT_MARKDOWN);

	assert_string_equal(out,
			    "# Demo report\n"
			    "\n"
			    "- **Country:** `AA`\n"
			    "- **Overall score:** 54.2\n"
			    "- **Coverage:** 77.8%\n"
			    "\n"
			    "**Pillars**\n"
			    "\n"
			    "| Pillar | Score |\n"
			    "|---|---:|\n"
			    "| `ir` | 58.3 |\n"
			    "| `policy` | - |\n"
			    "\n"
			    "## Gaps\n"
			    "\n"
			    "### 1. First gap\n"
			    "\n"
			    "- **Rule:** `r-1`\n"
			    "\n"
			    "> Parties shall.\n"
			    ">\n"
			    "> — Art. 1\n");
}

static void
test_document_csv(void **state)
{
	g_autoptr(AccordDocument) doc = small_document();
	g_autofree gchar *out = render(doc, ACCORD_FORMAT_CSV);

	/* record names the section, list or table; key fields (country, rule) are repeated as
	 * context; numbers keep their digits; shares stay shares; a list item's heading is its
	 * title; a quote spreads over two columns */
	assert_string_equal(out,
			    "record,country,rule,overall,coverage,pillar,score,title,provision,"
			    "provision_cite\r\n"
			    "summary,AA,,54.16666,0.7778,,,,,\r\n"
			    "pillars,AA,,,,ir,58.3333,,,\r\n"
			    "pillars,AA,,,,policy,,,,\r\n"
			    "gaps,AA,r-1,,,,,First gap,Parties shall.,Art. 1\r\n");
}

static void
test_document_json(void **state)
{
	g_autoptr(AccordDocument) doc = small_document();
	g_autofree gchar *out = render(doc, ACCORD_FORMAT_JSON);
	g_autoptr(JsonParser) parser = json_parser_new();
	JsonObject *root, *gap;

	assert_true(json_parser_load_from_data(parser, out, -1, NULL));
	root = json_node_get_object(json_parser_get_root(parser));
	assert_string_equal(json_object_get_string_member(root, "schema_version"),
			    ACCORD_JSON_SCHEMA_VERSION);
	assert_string_equal(json_object_get_string_member(root, "kind"), "demo");
	assert_string_equal(json_object_get_string_member(root, "country"), "AA");
	assert_close(json_object_get_double_member(root, "overall"), 54.16666, 1e-12);
	assert_close(json_object_get_double_member(root, "coverage"), 0.7778, 1e-12);
	assert_int_equal(json_array_get_length(json_object_get_array_member(root, "pillars")), 2);
	/* an empty figure is null, not a string */
	assert_true(json_object_get_null_member(
	    json_array_get_object_element(json_object_get_array_member(root, "pillars"), 1),
	    "score"));
	gap = json_array_get_object_element(json_object_get_array_member(root, "gaps"), 0);
	assert_string_equal(json_object_get_string_member(gap, "title"), "First gap");
	assert_string_equal(
	    json_object_get_string_member(json_object_get_object_member(gap, "provision"), "cite"),
	    "Art. 1");
}

/* every double comes out as a number any JSON parser reads back, at the extremes too */
static void
test_document_json_extreme_numbers(void **state)
{
	const gdouble values[] = {1e21, -1e21, 2e300, DBL_MAX, 1e-300, 5e-324, 0.1, -0.0, 1e17};
	g_autoptr(AccordDocument) doc = accord_document_new("numbers", "Numbers");
	AccordNode *table = accord_node_add_table(accord_document_get_root(doc), "n", NULL, "v=V");
	g_autofree gchar *out = NULL;
	g_autoptr(JsonParser) parser = json_parser_new();
	g_autoptr(GError) error = NULL;
	JsonArray *rows;

	for (guint i = 0; i < G_N_ELEMENTS(values); i++)
		ACCORD_ROW(table, accord_cell_number(values[i], 3));
	out = render(doc, ACCORD_FORMAT_JSON);
	assert_null(strstr(out, "e+21.0"));
	assert_true(json_parser_load_from_data(parser, out, -1, &error));
	rows =
	    json_object_get_array_member(json_node_get_object(json_parser_get_root(parser)), "n");
	for (guint i = 0; i < G_N_ELEMENTS(values); i++) {
		JsonNode *v = json_object_get_member(json_array_get_object_element(rows, i), "v");
		gdouble got = json_node_get_value_type(v) == G_TYPE_INT64
				  ? (gdouble)json_node_get_int(v)
				  : json_node_get_double(v);

		/* written exactly, or one unit in the last place towards zero (see add_number) */
		assert_true(got == values[i] || got == nextafter(values[i], 0.0));
	}
}

static void
test_document_text_escapes_controls_and_bidi(void **state)
{
	g_autoptr(AccordDocument) doc = accord_document_new("t", "T");
	g_autofree gchar *text = NULL;
	g_autofree gchar *md = NULL;

	/* U+202E RIGHT-TO-LEFT OVERRIDE would show "gnp.exe" as "exe.png"; ESC could recolour a
	 * terminal */
	ACCORD_FIELDS(accord_document_get_root(doc),
		      {"name", "Name", accord_cell_text("a\u202Egnp.exe \x1b[31mred")});
	text = render(doc, ACCORD_FORMAT_TEXT);
	md = render(doc, ACCORD_FORMAT_MARKDOWN);
	assert_non_null(strstr(text, "a<U+202E>gnp.exe <U+001B>[31mred"));
	assert_null(strstr(text, "\u202E"));
	/* Markdown also escapes the angle brackets of the visible code, so it shows as text */
	assert_non_null(strstr(md, "a\\<U+202E\\>gnp.exe \\<U+001B\\>\\[31mred"));
}

static void
test_document_markdown_escapes_and_links(void **state)
{
	g_autoptr(AccordDocument) doc = accord_document_new("t", "T");
	g_autofree gchar *md = NULL;

	ACCORD_FIELDS(accord_document_get_root(doc),
		      {"a", "A", accord_cell_text("<script>alert(1)</script> *bold* [x](y)")},
		      {"b", "B", accord_cell_url("javascript:alert(1)", "click")},
		      {"c", "C", accord_cell_url("https://example.org/p", "page")});
	md = render(doc, ACCORD_FORMAT_MARKDOWN);
	assert_non_null(strstr(md, "\\<script\\>alert(1)\\</script\\> \\*bold\\* \\[x\\](y)"));
	/* only http and https become links */
	assert_non_null(strstr(md, "- **B:** click\n"));
	assert_non_null(strstr(md, "- **C:** [page](https://example.org/p)\n"));
}

static void
test_document_csv_neutralises_formulas(void **state)
{
	const gchar *texts[] = {"=1+1", "+x", "-x", "@SUM(A1)", "\tx", "plain", "a,\"b\""};
	g_autoptr(AccordDocument) doc = accord_document_new("t", "T");
	AccordNode *table = accord_node_add_table(accord_document_get_root(doc), "r", NULL, "v=V");
	g_autofree gchar *out = NULL;

	for (guint i = 0; i < G_N_ELEMENTS(texts); i++)
		ACCORD_ROW(table, accord_cell_text(texts[i]));
	/* a figure is data, never neutralised: −1.5 stays a negative number */
	ACCORD_ROW(table, accord_cell_number(-1.5, 1));
	out = render(doc, ACCORD_FORMAT_CSV);
	assert_string_equal(out,
			    "record,v\r\n"
			    "r,'=1+1\r\n"
			    "r,'+x\r\n"
			    "r,'-x\r\n"
			    "r,'@SUM(A1)\r\n"
			    "r,'\tx\r\n"
			    "r,plain\r\n"
			    "r,\"a,\"\"b\"\"\"\r\n"
			    "r,-1.5\r\n");
}

static void
test_document_marks_in_every_format(void **state)
{
	g_autoptr(AccordDocument) doc = accord_document_new("t", "T");
	g_autofree gchar *text = NULL;
	g_autofree gchar *json = NULL;
	g_autofree gchar *csv = NULL;

	ACCORD_FIELDS(accord_document_get_root(doc),
		      {"v",
		       "Value",
		       accord_cell_with_marks(accord_cell_text("x"),
					      ACCORD_MARK_LOW_CONFIDENCE | ACCORD_MARK_STALE)});
	text = render(doc, ACCORD_FORMAT_TEXT);
	json = render(doc, ACCORD_FORMAT_JSON);
	csv = render(doc, ACCORD_FORMAT_CSV);
	assert_non_null(strstr(text, "Value: x [low-confidence, stale]\n"));
	assert_non_null(
	    strstr(json, "\"v_marks\" : [\n    \"low-confidence\",\n    \"stale\"\n  ]"));
	assert_string_equal(csv, "record,v,v_marks\r\nsummary,x,\"low-confidence, stale\"\r\n");
}

static void
test_document_figures_never_nan(void **state)
{
	g_autoptr(AccordDocument) doc = accord_document_new("t", "T");
	g_autofree gchar *text = NULL;

	/* an inapplicable score is NAN: an empty cell, never "nan" or "-nan%" */
	ACCORD_FIELDS(accord_document_get_root(doc),
		      {"s", "Score", accord_cell_score(NAN)},
		      {"p", "Share", accord_cell_percent(NAN)},
		      {"z", "Zero", accord_cell_score(-0.00001)});
	text = render(doc, ACCORD_FORMAT_TEXT);
	assert_string_equal(text, "T\n\nScore: -\nShare: -\nZero:  0.0\n");
}

/* a document copied into another: a section named after its kind, everything in it, less the
 * fields a section around it already shows with the same value */
/* row r of a table of squares: the name @data holds at r, and r x r */
static void
square_row(guint r, AccordCell *cells, gpointer data)
{
	cells[0] = accord_cell_id(((gchar **)data)[r]);
	cells[1] = accord_cell_count(r * r);
}

/* rows made by a function are copied as they are added: three rows, 0, 1 and 4, named a, b
 * and c, although the names were freed before the document is written */
static void
test_document_add_rows(void **state)
{
	g_autoptr(AccordDocument) doc = accord_document_new("squares", "Squares");
	AccordNode *table = accord_node_add_table(accord_document_get_root(doc),
						  "squares",
						  NULL,
						  "n=N|square=Square");
	gchar **names = g_strsplit("a b c", " ", -1);
	g_autofree gchar *out = NULL;

	accord_table_add_rows(table, 3, square_row, names);
	g_strfreev(names);
	out = render(doc, ACCORD_FORMAT_CSV);
	assert_string_equal(out,
			    "record,n,square\r\n"
			    "squares,a,0\r\n"
			    "squares,b,1\r\n"
			    "squares,c,4\r\n");
}

static void
test_document_add_document(void **state)
{
	g_autoptr(AccordDocument) inner = small_document();
	g_autoptr(AccordDocument) outer = accord_document_new("report", "Report");
	AccordNode *root = accord_document_get_root(outer);
	g_autofree gchar *text = NULL;
	g_autofree gchar *json = NULL;
	g_autoptr(JsonParser) parser = json_parser_new();
	JsonObject *demo;

	ACCORD_FIELDS(root,
		      {"country", "Country", accord_cell_id("AA"), TRUE},
		      {"coverage", "Coverage", accord_cell_percent(0.5)});
	accord_node_add_document(root, inner);
	text = render(outer, ACCORD_FORMAT_TEXT);
	/* Country AA is shown around it, so left out; Coverage differs (77.8% ≠ 50%), so kept */
	assert_string_equal(text,
			    "Report\n"
			    "\n"
			    "Country:  AA\n"
			    "Coverage: 50.0%\n"
			    "\n"
			    "== Demo report ==\n"
			    "\n"
			    "Overall score: 54.2\n"
			    "Coverage:      77.8%\n"
			    "\n"
			    "Pillars:\n"
			    "  Pillar  Score\n"
			    "  ir       58.3\n"
			    "  policy      -\n"
			    "\n"
			    "Gaps:\n"
			    "\n"
			    "1. First gap\n"
			    "   Rule:      r-1\n"
			    "   Provision: \"Parties shall.\" (Art. 1)\n");
	json = render(outer, ACCORD_FORMAT_JSON);
	assert_true(json_parser_load_from_data(parser, json, -1, NULL));
	demo = json_object_get_object_member(json_node_get_object(json_parser_get_root(parser)),
					     "demo");
	assert_false(json_object_has_member(demo, "country"));
	assert_close(json_object_get_double_member(demo, "coverage"), 0.7778, 1e-12);
	assert_int_equal(json_array_get_length(json_object_get_array_member(demo, "pillars")), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_document_text),
	    cmocka_unit_test(test_document_markdown),
	    cmocka_unit_test(test_document_csv),
	    cmocka_unit_test(test_document_json),
	    cmocka_unit_test(test_document_json_extreme_numbers),
	    cmocka_unit_test(test_document_text_escapes_controls_and_bidi),
	    cmocka_unit_test(test_document_markdown_escapes_and_links),
	    cmocka_unit_test(test_document_csv_neutralises_formulas),
	    cmocka_unit_test(test_document_marks_in_every_format),
	    cmocka_unit_test(test_document_figures_never_nan),
	    cmocka_unit_test(test_document_add_document),
	    cmocka_unit_test(test_document_add_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
