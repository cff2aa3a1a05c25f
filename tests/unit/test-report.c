#include <json-glib/json-glib.h>

#include "fixtures.h"

/* The writers, through accord_report_render(), on the good fixtures: ruleset.xml with
 * profile-a.xml, weighted model, arithmetic aggregation, unknown = zero. By hand:
 *
 * criteria (credit):  r-ir:       c-csirt (w3) 1, c-cvd (w1) draft vs at-least adopted → 1/2
 *                     r-first:    c-first (w1) not stated → unknown, counts 0
 *                     r-process:  c-process consultation vs at-least open-comment → 1/2,
 *                                 c-iot precondition holds, mandatory ∉ {voluntary-label} → 0
 *                     r-strategy: c-strategy 0, c-workforce 1, c-enc not(false is true) → 1
 * rules:    r-ir       (3·1 + 1·0.5)/4 = 87.5
 *           r-first    0/1             = 0
 *           r-process  (0.5 + 0)/2     = 25
 *           r-strategy (0 + 1 + 1)/3   = 66.666667
 * pillars (effective rule weights: r-ir 2×1 = 2, r-first 2×0.5 = 1, r-process 1, r-strategy 1):
 *           ir     (2·87.5 + 1·0)/3   = 175/3 = 58.333333
 *           policy (1·25 + 1·66.67)/2 = 45.833333
 * overall (pillar weights ir 2, policy 1): (2·58.3333 + 45.8333)/3 = 162.5/3 = 54.166667
 * coverage: r-first 0, the other rules 1; ir (2·1 + 1·0)/3 = 2/3; policy 1;
 *           overall (2·2/3 + 1·1)/3 = 7/9 = 0.777778
 * shares:   pillars ir 2/3, policy 1/3; rules r-ir 2/3·2/3 = 4/9, r-first 2/3·1/3 = 2/9,
 *           r-process 1/3·1/2 = 1/6, r-strategy 1/6
 * gaps = share × (100 − score): r-first 2/9·100 = 22.222222; r-process 1/6·75 = 12.5;
 *           r-ir 4/9·12.5 = 50/9 = 5.555556; r-strategy 1/6·33.3333 = 50/9 = 5.555556 (a tie,
 *           broken by id: r-ir before r-strategy); total 45.833333 = 100 − 54.166667 */

static AccordReport *
report_for(const Fixture *f,
	   const gchar *profile,
	   AccordReportKind kind,
	   AccordUnknownPolicy unknown)
{
	AccordScoreOptions options;
	AccordEvaluation *evaluation = NULL;
	AccordScore *score;

	accord_score_options_init(&options);
	options.unknown = unknown;
	score = fixture_score(f, profile, &options, &evaluation);
	/* the report takes both */
	return accord_report_new(kind, evaluation, score);
}

static gchar *
render(const AccordReport *report, AccordFormat format)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) bytes = accord_report_render(report, format, &error);
	gsize len = 0;
	const gchar *data;

	assert_null(error);
	assert_non_null(bytes);
	data = g_bytes_get_data(bytes, &len);
	/* the output is text: no NUL inside */
	assert_int_equal(strnlen(data, len), len);
	return g_strndup(data, len);
}

static JsonNode *
parse_json(const gchar *text)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonParser) parser = json_parser_new();

	if (!json_parser_load_from_data(parser, text, -1, &error)) {
		print_error("JSON does not parse: %s\n", error->message);
		fail();
	}
	assert_int_equal(json_node_get_node_type(json_parser_get_root(parser)), JSON_NODE_OBJECT);
	return json_node_copy(json_parser_get_root(parser));
}

static JsonObject *
find_by_id(JsonArray *array, const gchar *id)
{
	for (guint i = 0; i < json_array_get_length(array); i++) {
		JsonObject *o = json_array_get_object_element(array, i);

		if (g_strcmp0(json_object_get_string_member(o, "id"), id) == 0)
			return o;
	}
	print_error("no element with id '%s'\n", id);
	fail();
	return NULL;
}

/* score, coverage and share of one item; the expected figures are the hand results written
 * to 6 decimals, so they are compared within 5e-7 */
static void
assert_item(JsonObject *o, gdouble score, gdouble coverage, gdouble share)
{
	assert_close(json_object_get_double_member(o, "score"), score, 5e-7);
	assert_close(json_object_get_double_member(o, "coverage"), coverage, 5e-7);
	assert_close(json_object_get_double_member(o, "share"), share, 5e-7);
}

static void
test_report_json_score_by_hand(void **state)
{
	Fixture f;
	g_autoptr(AccordReport) report = NULL;
	g_autofree gchar *text = NULL;
	g_autoptr(JsonNode) root = NULL;
	JsonObject *o, *options, *rule, *criterion;
	JsonArray *pillars, *rules, *criteria;

	fixture_load(&f);
	report = report_for(&f, "profile-a.xml", ACCORD_REPORT_SCORE, ACCORD_UNKNOWN_ZERO);
	text = render(report, ACCORD_FORMAT_JSON);
	root = parse_json(text);
	o = json_node_get_object(root);
	assert_string_equal(json_object_get_string_member(o, "schema_version"), "1.0");
	assert_string_equal(json_object_get_string_member(o, "schema_version"),
			    ACCORD_JSON_SCHEMA_VERSION);
	assert_true(g_str_has_prefix(json_object_get_string_member(o, "generator"), "accord "));
	assert_string_equal(json_object_get_string_member(o, "kind"), "score");
	assert_string_equal(
	    json_object_get_string_member(json_object_get_object_member(o, "profile"), "country"),
	    "AA");
	assert_string_equal(
	    json_object_get_string_member(json_object_get_object_member(o, "profile"), "as_of"),
	    "2025-06-30");
	assert_string_equal(
	    json_object_get_string_member(json_object_get_object_member(o, "ruleset"), "id"),
	    "test");
	options = json_object_get_object_member(o, "options");
	assert_string_equal(json_object_get_string_member(options, "model"), "weighted");
	assert_string_equal(json_object_get_string_member(options, "aggregation"), "arithmetic");
	assert_string_equal(json_object_get_string_member(options, "unknown"), "zero");
	/* overall 162.5/3 = 54.166667, coverage 7/9 = 0.777778, share 1 */
	assert_item(json_object_get_object_member(o, "overall"), 54.166667, 0.777778, 1.0);
	/* a score document has rules, not gaps */
	assert_false(json_object_has_member(o, "gaps"));

	pillars = json_object_get_array_member(o, "pillars");
	assert_int_equal(json_array_get_length(pillars), 2);
	/* ir: 175/3 = 58.333333, coverage 2/3, share 2/3, weight 2 */
	assert_item(find_by_id(pillars, "ir"), 58.333333, 0.666667, 0.666667);
	assert_close(json_object_get_double_member(find_by_id(pillars, "ir"), "weight"),
		     2.0,
		     1e-12);
	/* policy: 45.833333, coverage 1, share 1/3, weight 1 (the default) */
	assert_item(find_by_id(pillars, "policy"), 45.833333, 1.0, 0.333333);
	assert_close(json_object_get_double_member(find_by_id(pillars, "policy"), "weight"),
		     1.0,
		     1e-12);

	rules = json_object_get_array_member(o, "rules");
	assert_int_equal(json_array_get_length(rules), 4);
	/* in ruleset order */
	assert_string_equal(
	    json_object_get_string_member(json_array_get_object_element(rules, 0), "id"),
	    "r-ir");
	assert_string_equal(
	    json_object_get_string_member(json_array_get_object_element(rules, 3), "id"),
	    "r-strategy");
	assert_item(find_by_id(rules, "r-ir"), 87.5, 1.0, 0.444444);
	assert_item(find_by_id(rules, "r-first"), 0.0, 0.0, 0.222222);
	assert_item(find_by_id(rules, "r-process"), 25.0, 1.0, 0.166667);
	assert_item(find_by_id(rules, "r-strategy"), 66.666667, 1.0, 0.166667);
	/* r-first: endeavor (multiplier 0.5) × weight 2 = effective weight 1 */
	rule = find_by_id(rules, "r-first");
	assert_string_equal(json_object_get_string_member(rule, "obligation"), "endeavor");
	assert_close(json_object_get_double_member(rule, "multiplier"), 0.5, 1e-12);
	assert_close(json_object_get_double_member(rule, "weight"), 2.0, 1e-12);
	assert_close(json_object_get_double_member(rule, "effective_weight"), 1.0, 1e-12);
	assert_string_equal(json_object_get_string_member(rule, "pillar"), "ir");
	assert_string_equal(json_object_get_string_member(rule, "cite"), "Test Art. 1(b)");
	assert_true(json_object_get_boolean_member(rule, "verified"));
	/* its one criterion is unknown, credit 0, and counted under unknown = zero */
	criterion =
	    json_array_get_object_element(json_object_get_array_member(rule, "criteria"), 0);
	assert_string_equal(json_object_get_string_member(criterion, "outcome"), "unknown");
	assert_close(json_object_get_double_member(criterion, "credit"), 0.0, 1e-12);
	assert_true(json_object_get_boolean_member(criterion, "counted"));
	assert_non_null(strstr(json_object_get_string_member(criterion, "reason"), "not stated"));
	/* r-ir: c-csirt pass (weight 3, effort high), c-cvd partial 1/2 */
	criteria = json_object_get_array_member(find_by_id(rules, "r-ir"), "criteria");
	assert_int_equal(json_array_get_length(criteria), 2);
	criterion = find_by_id(criteria, "c-csirt");
	assert_string_equal(json_object_get_string_member(criterion, "outcome"), "pass");
	assert_close(json_object_get_double_member(criterion, "weight"), 3.0, 1e-12);
	assert_string_equal(json_object_get_string_member(criterion, "effort"), "high");
	criterion = find_by_id(criteria, "c-cvd");
	assert_string_equal(json_object_get_string_member(criterion, "outcome"), "partial");
	assert_close(json_object_get_double_member(criterion, "credit"), 0.5, 1e-12);
	fixture_clear(&f);
}

static void
test_report_json_gaps_ordered(void **state)
{
	Fixture f;
	g_autoptr(AccordReport) report = NULL;
	g_autofree gchar *text = NULL;
	g_autoptr(JsonNode) root = NULL;
	JsonObject *o, *gap, *unmet, *fact;
	JsonArray *gaps, *facts;
	const gchar *want_ids[] = {"r-first", "r-process", "r-ir", "r-strategy"};
	/* by hand, see the top of the file */
	const gdouble want_gaps[] = {22.222222, 12.5, 5.555556, 5.555556};
	const gdouble want_scores[] = {0.0, 25.0, 87.5, 66.666667};
	const gdouble want_shares[] = {0.222222, 0.166667, 0.444444, 0.166667};

	fixture_load(&f);
	report = report_for(&f, "profile-a.xml", ACCORD_REPORT_GAPS, ACCORD_UNKNOWN_ZERO);
	text = render(report, ACCORD_FORMAT_JSON);
	root = parse_json(text);
	o = json_node_get_object(root);
	assert_string_equal(json_object_get_string_member(o, "schema_version"), "1.0");
	assert_string_equal(json_object_get_string_member(o, "kind"), "gaps");
	assert_item(json_object_get_object_member(o, "overall"), 54.166667, 0.777778, 1.0);
	assert_false(json_object_has_member(o, "rules"));
	/* total 200/9 + 12.5 + 2·50/9 = 45.833333 = 100 − 54.166667 */
	assert_close(json_object_get_double_member(o, "total_gap"),
		     45.833333,
		     5e-7); /* 6-decimal hand figures */

	gaps = json_object_get_array_member(o, "gaps");
	assert_int_equal(json_array_get_length(gaps), 4);
	for (guint i = 0; i < 4; i++) {
		gap = json_array_get_object_element(gaps, i);
		assert_int_equal(json_object_get_int_member(gap, "rank"), i + 1);
		assert_string_equal(json_object_get_string_member(gap, "id"), want_ids[i]);
		assert_close(json_object_get_double_member(gap, "gap"), want_gaps[i], 5e-7);
		assert_close(json_object_get_double_member(gap, "score"), want_scores[i], 5e-7);
		assert_close(json_object_get_double_member(gap, "share"), want_shares[i], 5e-7);
	}
	/* the order rule itself: gap descending, equal gaps by id ascending */
	for (guint i = 0; i + 1 < json_array_get_length(gaps); i++) {
		JsonObject *a = json_array_get_object_element(gaps, i);
		JsonObject *b = json_array_get_object_element(gaps, i + 1);
		gdouble ga = json_object_get_double_member(a, "gap");
		gdouble gb = json_object_get_double_member(b, "gap");

		if (fabs(ga - gb) > 1e-6)
			assert_true(ga > gb);
		else
			assert_true(g_strcmp0(json_object_get_string_member(a, "id"),
					      json_object_get_string_member(b, "id")) < 0);
	}
	/* r-first: the provision with its quotes and comma survives the round trip */
	gap = json_array_get_object_element(gaps, 0);
	assert_string_equal(json_object_get_string_member(gap, "provision"),
			    "The Parties shall endeavor to cooperate, \"swiftly\", on incidents.");
	assert_string_equal(json_object_get_string_member(gap, "recommendation"), "Join FIRST.");
	assert_string_equal(json_object_get_string_member(gap, "cite"), "Test Art. 1(b)");
	unmet = json_array_get_object_element(json_object_get_array_member(gap, "unmet"), 0);
	assert_string_equal(json_object_get_string_member(unmet, "id"), "c-first");
	assert_string_equal(json_object_get_string_member(unmet, "outcome"), "unknown");
	facts = json_object_get_array_member(unmet, "facts");
	assert_int_equal(json_array_get_length(facts), 1);
	fact = json_array_get_object_element(facts, 0);
	assert_string_equal(json_object_get_string_member(fact, "key"), "ir.first");
	assert_false(json_object_get_boolean_member(fact, "stated"));
	assert_false(json_object_has_member(fact, "value"));
	/* r-process: two unmet criteria in ruleset order, the stated fact with its evidence */
	gap = json_array_get_object_element(gaps, 1);
	assert_int_equal(json_array_get_length(json_object_get_array_member(gap, "unmet")), 2);
	unmet = json_array_get_object_element(json_object_get_array_member(gap, "unmet"), 0);
	assert_string_equal(json_object_get_string_member(unmet, "id"), "c-process");
	assert_close(json_object_get_double_member(unmet, "credit"), 0.5, 1e-12);
	fact = json_array_get_object_element(json_object_get_array_member(unmet, "facts"), 0);
	assert_true(json_object_get_boolean_member(fact, "stated"));
	assert_string_equal(json_object_get_string_member(fact, "value"), "consultation");
	assert_string_equal(json_object_get_string_member(fact, "confidence"), "high");
	assert_true(json_object_get_null_member(fact, "note"));
	assert_string_equal(
	    json_object_get_string_member(
		json_array_get_object_element(json_object_get_array_member(fact, "evidence"), 0),
		"href"),
	    "https://example.org/source");
	unmet = json_array_get_object_element(json_object_get_array_member(gap, "unmet"), 1);
	assert_string_equal(json_object_get_string_member(unmet, "id"), "c-iot");
	assert_string_equal(json_object_get_string_member(unmet, "outcome"), "fail");
	fixture_clear(&f);
}

static void
test_report_json_null_when_not_applicable(void **state)
{
	Fixture f;
	g_autoptr(AccordReport) report = NULL;
	g_autofree gchar *text = NULL;
	g_autofree gchar *plain = NULL;
	g_autoptr(JsonNode) root = NULL;
	JsonObject *o;
	JsonArray *rules, *pillars;

	/* profile C states only iot.regime = none: with unknown = exclude every criterion is
	 * either excluded (unknown) or not applicable (c-iot), so nothing scores */
	fixture_load(&f);
	report = report_for(&f, "profile-c.xml", ACCORD_REPORT_SCORE, ACCORD_UNKNOWN_EXCLUDE);
	text = render(report, ACCORD_FORMAT_JSON);
	root = parse_json(text);
	o = json_node_get_object(root);
	assert_true(
	    json_object_get_null_member(json_object_get_object_member(o, "overall"), "score"));
	/* coverage is a number even then: no criterion weight has a known fact → 0 */
	assert_close(
	    json_object_get_double_member(json_object_get_object_member(o, "overall"), "coverage"),
	    0.0,
	    1e-12);
	assert_close(
	    json_object_get_double_member(json_object_get_object_member(o, "overall"), "share"),
	    0.0,
	    1e-12);
	pillars = json_object_get_array_member(o, "pillars");
	for (guint i = 0; i < json_array_get_length(pillars); i++)
		assert_true(json_object_get_null_member(json_array_get_object_element(pillars, i),
							"score"));
	rules = json_object_get_array_member(o, "rules");
	for (guint i = 0; i < json_array_get_length(rules); i++)
		assert_true(
		    json_object_get_null_member(json_array_get_object_element(rules, i), "score"));
	/* c-iot is not applicable and not counted; c-process is unknown and excluded */
	assert_string_equal(
	    json_object_get_string_member(
		find_by_id(json_object_get_array_member(find_by_id(rules, "r-process"), "criteria"),
			   "c-iot"),
		"outcome"),
	    "not-applicable");
	assert_false(json_object_get_boolean_member(
	    find_by_id(json_object_get_array_member(find_by_id(rules, "r-process"), "criteria"),
		       "c-process"),
	    "counted"));
	assert_string_equal(
	    json_object_get_string_member(json_object_get_object_member(o, "options"), "unknown"),
	    "exclude");
	/* the text report says n/a rather than a number */
	plain = render(report, ACCORD_FORMAT_TEXT);
	assert_non_null(strstr(plain, "Overall score: n/a / 100"));
	fixture_clear(&f);
}

/* docs/json.md: numbers are full-precision doubles, so a pipeline reads back exactly the
 * value the engine computed; the hand value of the overall score is 162.5/3 */
static void
test_report_json_numbers_full_precision(void **state)
{
	Fixture f;
	g_autoptr(AccordReport) report = NULL;
	g_autofree gchar *text = NULL;
	g_autoptr(JsonNode) root = NULL;
	JsonObject *overall;

	fixture_load(&f);
	report = report_for(&f, "profile-a.xml", ACCORD_REPORT_SCORE, ACCORD_UNKNOWN_ZERO);
	text = render(report, ACCORD_FORMAT_JSON);
	root = parse_json(text);
	overall = json_object_get_object_member(json_node_get_object(root), "overall");
	assert_close(json_object_get_double_member(overall, "score"), 162.5 / 3.0, 1e-12);
	assert_true(json_object_get_double_member(overall, "score") ==
		    accord_score_get_overall(accord_report_get_score(report))->value);
	fixture_clear(&f);
}

/* RFC 4180: records end in CRLF, fields that hold a comma, a quote or a line break are
 * quoted with quotes doubled. Returns the records (arrays of fields), or NULL when @text is
 * not valid RFC 4180 (a bare CR or LF, a quote inside an unquoted field, no final CRLF) */
static GPtrArray *
parse_csv(const gchar *text)
{
	g_autoptr(GPtrArray) records =
	    g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
	GPtrArray *record = NULL;
	const gchar *p = text;

	while (*p != '\0') {
		g_autoptr(GString) field = g_string_new(NULL);

		if (record == NULL) {
			record = g_ptr_array_new_with_free_func(g_free);
			g_ptr_array_add(records, record);
		}
		if (*p == '"') {
			for (p++;; p++) {
				if (*p == '\0')
					return NULL;
				if (*p == '"' && p[1] != '"') {
					p++;
					break;
				}
				if (*p == '"')
					p++;
				g_string_append_c(field, *p);
			}
		} else {
			for (; *p != '\0' && *p != ',' && *p != '\r' && *p != '\n'; p++) {
				if (*p == '"')
					return NULL;
				g_string_append_c(field, *p);
			}
		}
		g_ptr_array_add(record, g_string_free(g_steal_pointer(&field), FALSE));
		if (*p == ',' && p[1] != '\0') {
			p++;
			continue;
		}
		if (p[0] == '\r' && p[1] == '\n') {
			p += 2;
			record = NULL;
			continue;
		}
		return NULL;
	}
	return g_steal_pointer(&records);
}

static const gchar *
csv_field(GPtrArray *records, guint row, guint column)
{
	return g_ptr_array_index((GPtrArray *)g_ptr_array_index(records, row), column);
}

static void
assert_csv_shape(GPtrArray *records, guint n_records, guint n_fields)
{
	assert_int_equal(records->len, n_records);
	for (guint i = 0; i < records->len; i++)
		assert_int_equal(((GPtrArray *)g_ptr_array_index(records, i))->len, n_fields);
}

static void
test_report_csv_rfc4180(void **state)
{
	Fixture f;
	g_autoptr(AccordReport) scores = NULL;
	g_autoptr(AccordReport) gaps = NULL;
	g_autofree gchar *stext = NULL;
	g_autofree gchar *gtext = NULL;
	g_autoptr(GPtrArray) srecords = NULL;
	g_autoptr(GPtrArray) grecords = NULL;
	const gchar *provision =
	    "The Parties shall endeavor to cooperate, \"swiftly\", on incidents.";

	fixture_load(&f);
	scores = report_for(&f, "profile-a.xml", ACCORD_REPORT_SCORE, ACCORD_UNKNOWN_ZERO);
	gaps = report_for(&f, "profile-a.xml", ACCORD_REPORT_GAPS, ACCORD_UNKNOWN_ZERO);
	stext = render(scores, ACCORD_FORMAT_CSV);
	gtext = render(gaps, ACCORD_FORMAT_CSV);
	/* every line ends in CRLF, the last one too */
	assert_true(g_str_has_suffix(stext, "\r\n"));
	assert_true(g_str_has_suffix(gtext, "\r\n"));
	srecords = parse_csv(stext);
	if (srecords == NULL)
		print_error("not RFC 4180:\n%s\n", stext);
	assert_non_null(srecords);
	grecords = parse_csv(gtext);
	if (grecords == NULL)
		print_error("not RFC 4180:\n%s\n", gtext);
	assert_non_null(grecords);

	/* scores: a header, the overall row, 2 pillars and 4 rules, 8 fields each */
	assert_csv_shape(srecords, 1 + 1 + 2 + 4, 8);
	assert_true(
	    g_str_has_prefix(stext,
			     "country,ruleset,level,id,title,score,coverage_pct,share_pct\r\n"));
	/* overall 54.2, coverage 7/9 = 77.8%, share 100% */
	assert_non_null(
	    strstr(stext, "\r\nAA,test,overall,test,Accord test ruleset,54.2,77.8,100.0\r\n"));
	/* pillar ir 175/3 = 58.3, coverage 2/3 = 66.7%, share 2/3 = 66.7% */
	assert_non_null(
	    strstr(stext, "\r\nAA,test,pillar,ir,Incident response,58.3,66.7,66.7\r\n"));
	/* a title with a comma is quoted; 66.7, coverage 100%, share 1/6 = 16.7% */
	assert_non_null(
	    strstr(stext, ",\"Strategy, workforce and encryption\",66.7,100.0,16.7\r\n"));
	assert_string_equal(csv_field(srecords, 7, 4), "Strategy, workforce and encryption");

	/* gaps: a header, 4 gaps in gap order, then the overall record; 14 fields each */
	assert_csv_shape(grecords, 1 + 4 + 1, 14);
	assert_string_equal(csv_field(grecords, 0, 11), "provision");
	assert_string_equal(csv_field(grecords, 1, 2), "gap");
	assert_string_equal(csv_field(grecords, 1, 4), "r-first");
	assert_string_equal(csv_field(grecords, 2, 4), "r-process");
	assert_string_equal(csv_field(grecords, 3, 4), "r-ir");
	assert_string_equal(csv_field(grecords, 4, 4), "r-strategy");
	/* r-first: rank 1, score 0.0, share 2/9 = 22.2%, gap 22.2 */
	assert_string_equal(csv_field(grecords, 1, 3), "1");
	assert_string_equal(csv_field(grecords, 1, 7), "0.0");
	assert_string_equal(csv_field(grecords, 1, 8), "22.2");
	assert_string_equal(csv_field(grecords, 1, 9), "22.2");
	/* r-process lists both unmet criteria */
	assert_string_equal(csv_field(grecords, 2, 10), "c-process c-iot");
	/* overall 54.2; its gap is the total, 22.2 + 12.5 + 5.6 + 5.6 = 45.8 = 100 - 54.2 */
	assert_string_equal(csv_field(grecords, 5, 2), "overall");
	assert_string_equal(csv_field(grecords, 5, 7), "54.2");
	assert_string_equal(csv_field(grecords, 5, 9), "45.8");
	/* the provision with quotes and commas: quoted, quotes doubled, and it reads back */
	assert_non_null(strstr(
	    gtext,
	    ",\"The Parties shall endeavor to cooperate, \"\"swiftly\"\", on incidents.\","));
	assert_string_equal(csv_field(grecords, 1, 11), provision);
	/* a recommendation with commas is quoted too */
	assert_string_equal(csv_field(grecords, 4, 12),
			    "Adopt a strategy, grow the workforce, keep encryption strong.");
	fixture_clear(&f);
}

static void
test_report_csv_parser_rejects_bad_csv(void **state)
{
	/* the checker above must itself catch what it is there to catch */
	g_autoptr(GPtrArray) ok = parse_csv("a,\"b,\"\"c\"\"\"\r\nd,\r\n");
	const gchar *bad[] = {"a,b\n", "a,b\r\nc", "a,b\rc\r\n", "a\"b\r\n", "\"a\r\n"};

	assert_non_null(ok);
	assert_csv_shape(ok, 2, 2);
	assert_string_equal(csv_field(ok, 0, 1), "b,\"c\"");
	assert_string_equal(csv_field(ok, 1, 1), "");
	for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
		g_autoptr(GPtrArray) records = parse_csv(bad[i]);
		assert_null(records);
	}
}

/* a ruleset whose every text holds Markdown syntax, against the fixture vocabulary */
static const gchar markdown_ruleset[] =
    "<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"md\" version=\"1\">"
    "<title>Pipes | and *stars*</title><agreement name=\"A\"/>"
    "<obligations><obligation id=\"shall\" multiplier=\"1\">Binding.</obligation></obligations>"
    "<pillar id=\"p\"><title>Detect | respond *fast*</title></pillar>"
    "<rule id=\"r-md\" pillar=\"p\" obligation=\"shall\"><title>Use *strong* | crypto</title>"
    "<provision cite=\"Art. 1|2 *bis*\">A * B | C</provision>"
    "<criterion id=\"c-md\"><title>Crit | *x*</title><check fact=\"ir.first\" "
    "is=\"true\"/></criterion>"
    "<recommendation>Do *this* | that</recommendation></rule></ruleset>";

static guint
count_unescaped(const gchar *line, gchar c)
{
	guint n = 0;

	for (const gchar *p = line; *p != '\0' && *p != '\n'; p++) {
		if (*p == '\\' && p[1] != '\0')
			p++;
		else if (*p == c)
			n++;
	}
	return n;
}

static AccordReport *
markdown_report(const Fixture *f, AccordReportKind kind)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = test_data_path("good/profile-a.xml");
	g_autoptr(AccordRuleset) ruleset = accord_ruleset_load_data(markdown_ruleset,
								    strlen(markdown_ruleset),
								    "<markdown>",
								    f->vocab,
								    &error);
	g_autoptr(AccordProfile) profile = NULL;
	AccordEvaluation *evaluation;
	AccordScore *score;
	AccordScoreOptions options;

	assert_non_null(ruleset);
	profile = accord_profile_load_file(path, f->vocab, &error);
	assert_non_null(profile);
	evaluation = accord_evaluate(ruleset, profile, &error);
	assert_non_null(evaluation);
	accord_score_options_init(&options);
	score = accord_score_compute(evaluation, &options, &error);
	assert_non_null(score);
	return accord_report_new(kind, evaluation, score);
}

static void
test_report_markdown_escapes(void **state)
{
	Fixture f;
	g_autoptr(AccordReport) scores = NULL;
	g_autoptr(AccordReport) gaps = NULL;
	g_autofree gchar *stext = NULL;
	g_autofree gchar *gtext = NULL;
	const gchar *row;

	fixture_load(&f);
	scores = markdown_report(&f, ACCORD_REPORT_SCORE);
	gaps = markdown_report(&f, ACCORD_REPORT_GAPS);
	stext = render(scores, ACCORD_FORMAT_MARKDOWN);
	gtext = render(gaps, ACCORD_FORMAT_MARKDOWN);
	/* ir.first is not stated in profile A: r-md scores 0 and is the one gap */
	assert_non_null(strstr(stext, "Ruleset: Pipes \\| and \\*stars\\* (version 1)"));
	/* the pillar's table row keeps its three cells: 4 unescaped pipes */
	row = strstr(stext, "| Detect \\| respond \\*fast\\* | 0.0 | 0.0% |\n");
	assert_non_null(row);
	assert_int_equal(count_unescaped(row, '|'), 4);
	assert_int_equal(count_unescaped(row, '*'), 0);
	/* the rule's row: 6 unescaped pipes for 5 cells; the cite's | and * are escaped */
	row = strstr(stext, "| r-md | Art. 1\\|2 \\*bis\\* | 0.0 |");
	assert_non_null(row);
	assert_int_equal(count_unescaped(row, '|'), 6);

	assert_non_null(strstr(gtext, "### 1. Use \\*strong\\* \\| crypto (`r-md`)\n"));
	assert_non_null(strstr(gtext, "> A \\* B \\| C\n"));
	assert_non_null(strstr(gtext, "> — Art. 1\\|2 \\*bis\\* (shall)\n"));
	assert_non_null(strstr(gtext, ": Crit \\| \\*x\\*\n"));
	assert_non_null(strstr(gtext, "**Recommendation:** Do \\*this\\* \\| that\n"));
	/* no unescaped * or | is left in the provision line */
	row = strstr(gtext, "> A ");
	assert_int_equal(count_unescaped(row, '*'), 0);
	assert_int_equal(count_unescaped(row, '|'), 0);
	fixture_clear(&f);
}

static void
test_report_markdown_fixture(void **state)
{
	Fixture f;
	g_autoptr(AccordReport) scores = NULL;
	g_autofree gchar *text = NULL;

	fixture_load(&f);
	scores = report_for(&f, "profile-a.xml", ACCORD_REPORT_SCORE, ACCORD_UNKNOWN_ZERO);
	text = render(scores, ACCORD_FORMAT_MARKDOWN);
	/* 162.5/3 = 54.2 (one decimal), coverage 7/9 = 77.8% */
	assert_non_null(strstr(text, "**Overall score: 54.2 / 100**, coverage 77.8%\n"));
	assert_non_null(strstr(text, "| Incident response | 58.3 | 66.7% |\n"));
	assert_non_null(strstr(text, "| Policy | 45.8 | 100.0% |\n"));
	/* r-ir 87.5, coverage 100%, share 4/9 = 44.4% */
	assert_non_null(strstr(text, "| r-ir | Test Art. 1(a) | 87.5 | 100.0% | 44.4% |\n"));
	assert_non_null(strstr(text, "| r-first | Test Art. 1(b) | 0.0 | 0.0% | 22.2% |\n"));
	fixture_clear(&f);
}

static void
test_report_text_quotes_each_gap(void **state)
{
	Fixture f;
	g_autoptr(AccordReport) report = NULL;
	g_autofree gchar *text = NULL;
	const AccordGapList *gaps;

	fixture_load(&f);
	report = report_for(&f, "profile-a.xml", ACCORD_REPORT_GAPS, ACCORD_UNKNOWN_ZERO);
	text = render(report, ACCORD_FORMAT_TEXT);
	gaps = accord_report_get_gaps(report);
	assert_int_equal(accord_gap_list_get_n_gaps(gaps), 4);
	for (guint i = 0; i < accord_gap_list_get_n_gaps(gaps); i++) {
		const AccordRule *rule = accord_gap_list_get_gap(gaps, i)->rule;
		g_autofree gchar *quote =
		    g_strdup_printf("\"%s\"", accord_rule_get_provision(rule));
		g_autofree gchar *recommendation =
		    g_strdup_printf("Recommendation: %s", accord_rule_get_recommendation(rule));
		g_autofree gchar *heading = g_strdup_printf("%u. %s: %s\n",
							    i + 1,
							    accord_rule_get_id(rule),
							    accord_rule_get_title(rule));

		if (strstr(text, quote) == NULL ||
		    strstr(text, accord_rule_get_cite(rule)) == NULL ||
		    strstr(text, recommendation) == NULL || strstr(text, heading) == NULL)
			print_error("gap %s incomplete in:\n%s\n", accord_rule_get_id(rule), text);
		assert_non_null(strstr(text, heading));
		assert_non_null(strstr(text, quote));
		assert_non_null(strstr(text, accord_rule_get_cite(rule)));
		assert_non_null(strstr(text, recommendation));
	}
	/* the quote of r-first keeps its inner quotes and comma */
	assert_non_null(
	    strstr(text,
		   "\"The Parties shall endeavor to cooperate, \"swiftly\", on incidents.\""));
	/* the gap line: 2/9 = 22.2% × (100 − 0) = 22.2 points */
	assert_non_null(strstr(text, "Gap 22.2 points = weight share 22.2% x (100 - score 0.0)\n"));
	/* the numbers in the header: 54.2, coverage 77.8%, 4 gaps, 45.8 points */
	assert_non_null(strstr(text, "Overall score: 54.2 / 100"));
	assert_non_null(strstr(text, "coverage 77.8%"));
	assert_non_null(strstr(text, "Gaps: 4 rule(s) short of full marks, 45.8 points in all"));
	/* the unmet criterion that is not stated says so */
	assert_non_null(strstr(text, "profile: ir.first: not stated\n"));
	fixture_clear(&f);
}

static void
test_report_text_score(void **state)
{
	Fixture f;
	g_autoptr(AccordReport) report = NULL;
	g_autofree gchar *text = NULL;

	fixture_load(&f);
	report = report_for(&f, "profile-a.xml", ACCORD_REPORT_SCORE, ACCORD_UNKNOWN_ZERO);
	text = render(report, ACCORD_FORMAT_TEXT);
	assert_true(g_str_has_prefix(text, "Accord score report\n"));
	assert_non_null(strstr(text, "  r-ir  87.5 / 100  (coverage 100.0%, weight share 44.4%)"));
	assert_non_null(
	    strstr(text, "  r-strategy  66.7 / 100  (coverage 100.0%, weight share 16.7%)"));
	assert_non_null(strstr(text, "[partial 50.0%] c-cvd: CVD policy adopted\n"));
	assert_non_null(strstr(text, "[unknown 0.0%] c-first: FIRST membership\n"));
	fixture_clear(&f);
}

static void
test_report_render_is_deterministic(void **state)
{
	Fixture f;

	fixture_load(&f);
	for (guint kind = ACCORD_REPORT_SCORE; kind <= ACCORD_REPORT_GAPS; kind++) {
		g_autoptr(AccordReport) one =
		    report_for(&f, "profile-a.xml", kind, ACCORD_UNKNOWN_ZERO);
		g_autoptr(AccordReport) two =
		    report_for(&f, "profile-a.xml", kind, ACCORD_UNKNOWN_ZERO);

		for (guint format = ACCORD_FORMAT_TEXT; format <= ACCORD_FORMAT_MARKDOWN;
		     format++) {
			g_autoptr(GError) error = NULL;
			g_autoptr(GBytes) a = accord_report_render(one, format, &error);
			g_autoptr(GBytes) b = accord_report_render(one, format, &error);
			g_autoptr(GBytes) c = accord_report_render(two, format, &error);

			assert_null(error);
			assert_non_null(a);
			assert_true(g_bytes_get_size(a) > 0);
			/* the same report twice, and a report built afresh from the same inputs */
			assert_true(g_bytes_equal(a, b));
			assert_true(g_bytes_equal(a, c));
		}
	}
	fixture_clear(&f);
}

static void
test_report_format_names_and_bad_format(void **state)
{
	const gchar *names[] = {"text", "json", "csv", "markdown"};
	Fixture f;
	g_autoptr(AccordReport) report = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) bytes = NULL;
	AccordFormat format;

	for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
		assert_string_equal(accord_format_to_string((AccordFormat)i), names[i]);
		assert_true(accord_format_from_string(names[i], &format));
		assert_int_equal(format, i);
	}
	assert_false(accord_format_from_string("yaml", &format));
	assert_false(accord_format_from_string("JSON", &format));

	fixture_load(&f);
	report = report_for(&f, "profile-a.xml", ACCORD_REPORT_SCORE, ACCORD_UNKNOWN_ZERO);
	assert_int_equal(accord_report_get_kind(report), ACCORD_REPORT_SCORE);
	assert_non_null(accord_report_get_evaluation(report));
	assert_ptr_equal(accord_score_get_evaluation(accord_report_get_score(report)),
			 accord_report_get_evaluation(report));
	/* even a score report carries the gap list */
	assert_int_equal(accord_gap_list_get_n_gaps(accord_report_get_gaps(report)), 4);
	bytes = accord_report_render(report, (AccordFormat)42, &error);
	assert_null(bytes);
	assert_accord_error(error, ACCORD_ERROR_USAGE, "unknown output format");
	fixture_clear(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_report_json_score_by_hand),
	    cmocka_unit_test(test_report_json_gaps_ordered),
	    cmocka_unit_test(test_report_json_null_when_not_applicable),
	    cmocka_unit_test(test_report_json_numbers_full_precision),
	    cmocka_unit_test(test_report_csv_rfc4180),
	    cmocka_unit_test(test_report_csv_parser_rejects_bad_csv),
	    cmocka_unit_test(test_report_markdown_escapes),
	    cmocka_unit_test(test_report_markdown_fixture),
	    cmocka_unit_test(test_report_text_quotes_each_gap),
	    cmocka_unit_test(test_report_text_score),
	    cmocka_unit_test(test_report_render_is_deterministic),
	    cmocka_unit_test(test_report_format_names_and_bad_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
