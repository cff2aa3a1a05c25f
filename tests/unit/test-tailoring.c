#include "fixtures.h"

/* Tailoring the test ruleset, scored on profile A (weighted, unknown = 0). Untailored
 * (test-score.c): rules r-ir 0.875 (3.5/4), r-first 0, r-process 0.25, r-strategy 2/3;
 * effective rule weights r-ir 2, r-first 1 (2 × endeavor 0.5), r-process 1, r-strategy 1
 * (2 × 0.5); pillars ir 2 → 1.75/3 = 0.583333, policy 1 → 0.458333; overall 54.1667. */

#define TAILORING(body)                                                                            \
	"<?xml version=\"1.0\"?>\n"                                                                \
	"<tailoring xmlns=\"urn:accord:tailoring:1\" id=\"t\" ruleset=\"test\">\n"                 \
	"  <title>Test tailoring</title>\n" body "</tailoring>\n"

typedef struct {
	Fixture f;
	AccordProfile *profile;
	AccordEvaluation *evaluation;
	AccordTailoring *tailoring;
	AccordScore *score;
} State;

static int
setup(void **state)
{
	State *s = g_new0(State, 1);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = test_data_path("good/profile-a.xml");

	fixture_load(&s->f);
	s->profile = accord_profile_load_file(path, s->f.vocab, &error);
	if (s->profile == NULL) {
		print_error("%s\n", error->message);
		return -1;
	}
	s->evaluation = accord_evaluate(s->f.ruleset, s->profile, &error);
	if (s->evaluation == NULL) {
		print_error("%s\n", error->message);
		return -1;
	}
	*state = s;
	return 0;
}

static int
teardown(void **state)
{
	State *s = *state;

	accord_score_unref(s->score);
	accord_tailoring_unref(s->tailoring);
	accord_evaluation_unref(s->evaluation);
	accord_profile_unref(s->profile);
	fixture_clear(&s->f);
	g_free(s);
	return 0;
}

/* loads @xml as a tailoring of the test ruleset and scores profile A with it */
static const AccordScore *
score_tailored(State *s, const gchar *xml)
{
	g_autoptr(GError) error = NULL;
	AccordScoreOptions options;

	s->tailoring = accord_tailoring_load_data(xml, strlen(xml), "t.xml", s->f.ruleset, &error);
	assert_null(error);
	assert_non_null(s->tailoring);
	accord_score_options_init(&options);
	options.tailoring = s->tailoring;
	s->score = accord_score_compute(s->evaluation, &options, &error);
	assert_null(error);
	assert_non_null(s->score);
	return s->score;
}

static const AccordRule *
rule(const State *s, const gchar *id)
{
	const AccordRule *r = accord_ruleset_lookup_rule(s->f.ruleset, id);

	assert_non_null(r);
	return r;
}

static const AccordCriterion *
criterion(const State *s, const gchar *id)
{
	const AccordCriterion *c = accord_ruleset_lookup_criterion(s->f.ruleset, id);

	assert_non_null(c);
	return c;
}

static void
test_tailoring_deselect_rule(void **state)
{
	State *s = *state;
	const AccordScore *score =
	    score_tailored(s, TAILORING("  <rule id=\"r-first\" selected=\"false\"/>\n"));

	/* r-first out: ir is r-ir alone = 87.5; overall (2·0.875 + 1·0.458333)/3
	 * = 2.208333/3 = 73.6111 */
	assert_false(accord_tailoring_selects_rule(s->tailoring, rule(s, "r-first")));
	assert_false(accord_tailoring_selects_criterion(s->tailoring, criterion(s, "c-first")));
	assert_false(accord_score_selects_criterion(score, criterion(s, "c-first")));
	assert_false(accord_score_counts_criterion(score, criterion(s, "c-first")));
	assert_true(accord_tailoring_selects_rule(s->tailoring, rule(s, "r-ir")));
	assert_false(accord_score_get_rule(score, rule(s, "r-first"))->applicable);
	assert_close(pillar_item(&s->f, score, 0)->value, 87.5, 1e-9);
	assert_close(accord_score_get_overall(score)->value,
		     100.0 * (1.75 + 0.458333333333) / 3.0,
		     1e-6);
	assert_close(accord_score_get_overall(score)->value, 73.6111111111, 1e-6);
	/* the only unknown (c-first) is gone: coverage 1 */
	assert_close(accord_score_get_overall(score)->coverage, 1.0, 1e-12);
	/* shares renormalise: r-ir carries all of ir, 2/3 */
	assert_close(accord_score_get_rule(score, rule(s, "r-ir"))->share, 2.0 / 3.0, 1e-12);
	assert_int_equal(accord_tailoring_get_n_changes(s->tailoring), 1);
	assert_string_equal(accord_tailoring_get_change(s->tailoring, 0),
			    "rule r-first deselected");
}

static void
test_tailoring_deselect_pillar(void **state)
{
	State *s = *state;
	const AccordScore *score =
	    score_tailored(s, TAILORING("  <pillar id=\"policy\" selected=\"false\"/>\n"));
	const AccordPillar *policy = accord_ruleset_get_pillar(s->f.ruleset, 1);

	/* only ir is left: overall = ir = 1.75/3 = 58.3333 */
	assert_false(accord_tailoring_selects_pillar(s->tailoring, policy));
	assert_false(accord_tailoring_selects_rule(s->tailoring, rule(s, "r-strategy")));
	assert_false(accord_tailoring_selects_criterion(s->tailoring, criterion(s, "c-enc")));
	assert_false(accord_score_get_pillar(score, policy)->applicable);
	assert_close(accord_score_get_overall(score)->value, 175.0 / 3.0, 1e-9);
	/* coverage of ir alone: (2·1 + 1·0)/3 = 2/3 */
	assert_close(accord_score_get_overall(score)->coverage, 2.0 / 3.0, 1e-12);
	assert_string_equal(accord_tailoring_get_change(s->tailoring, 0),
			    "pillar policy deselected");
}

static void
test_tailoring_deselect_criterion(void **state)
{
	State *s = *state;
	const AccordScore *score =
	    score_tailored(s, TAILORING("  <criterion id=\"c-strategy\" selected=\"false\"/>\n"));

	/* r-strategy: c-workforce and c-enc both met → 100; policy (0.25 + 1)/2 = 0.625;
	 * overall (2·0.583333 + 0.625)/3 = 1.791667/3 = 59.7222 */
	assert_false(accord_tailoring_selects_criterion(s->tailoring, criterion(s, "c-strategy")));
	assert_true(accord_tailoring_selects_criterion(s->tailoring, criterion(s, "c-enc")));
	assert_true(accord_tailoring_selects_rule(s->tailoring, rule(s, "r-strategy")));
	assert_close(accord_score_get_rule(score, rule(s, "r-strategy"))->value, 100.0, 1e-9);
	assert_close(accord_score_get_rule(score, rule(s, "r-strategy"))->denominator, 2.0, 1e-12);
	assert_close(pillar_item(&s->f, score, 1)->value, 62.5, 1e-9);
	assert_close(accord_score_get_overall(score)->value,
		     100.0 * (3.5 / 3.0 + 0.625) / 3.0,
		     1e-9);
	assert_close(accord_score_get_overall(score)->value, 59.7222222222, 1e-6);
}

static void
test_tailoring_override_pillar_weight(void **state)
{
	State *s = *state;
	const AccordScore *score =
	    score_tailored(s, TAILORING("  <pillar id=\"policy\" weight=\"2\"/>\n"));
	const AccordPillar *policy = accord_ruleset_get_pillar(s->f.ruleset, 1);

	/* pillars 2 and 2: overall (0.583333 + 0.458333)/2 = 52.0833 */
	assert_close(accord_tailoring_get_pillar_weight(s->tailoring, policy), 2.0, 1e-12);
	assert_close(accord_score_get_pillar_weight(score, policy), 2.0, 1e-12);
	assert_true(accord_tailoring_selects_pillar(s->tailoring, policy));
	assert_close(accord_score_get_overall(score)->value,
		     100.0 * (7.0 / 12.0 + 5.5 / 12.0) / 2.0,
		     1e-9);
	assert_close(accord_score_get_overall(score)->value, 52.0833333333, 1e-6);
	assert_string_equal(accord_tailoring_get_change(s->tailoring, 0), "pillar policy weight 2");
}

static void
test_tailoring_override_rule_weight(void **state)
{
	State *s = *state;
	const AccordScore *score =
	    score_tailored(s, TAILORING("  <rule id=\"r-first\" weight=\"4\"/>\n"));

	/* r-first 4 × endeavor 0.5 = 2: ir (2·0.875 + 2·0)/4 = 0.4375;
	 * overall (2·0.4375 + 0.458333)/3 = 1.333333/3 = 44.4444 */
	assert_close(accord_tailoring_get_rule_weight(s->tailoring, rule(s, "r-first")),
		     4.0,
		     1e-12);
	assert_close(accord_score_get_rule_weight(score, rule(s, "r-first")), 2.0, 1e-12);
	assert_close(pillar_item(&s->f, score, 0)->value, 43.75, 1e-9);
	assert_close(accord_score_get_overall(score)->value, 400.0 / 9.0, 1e-9);
	/* shares: ir 2/3 × (2/4, 2/4) */
	assert_close(accord_score_get_rule(score, rule(s, "r-first"))->share, 1.0 / 3.0, 1e-12);
}

static void
test_tailoring_override_criterion_weight(void **state)
{
	State *s = *state;
	const AccordScore *score =
	    score_tailored(s, TAILORING("  <criterion id=\"c-cvd\" weight=\"3\"/>\n"));

	/* r-ir: (3·1 + 3·0.5)/6 = 0.75; ir (2·0.75 + 0)/3 = 0.5;
	 * overall (2·0.5 + 0.458333)/3 = 1.458333/3 = 48.6111 */
	assert_close(accord_tailoring_get_criterion_weight(s->tailoring, criterion(s, "c-cvd")),
		     3.0,
		     1e-12);
	/* not overridden: the ruleset's weight */
	assert_close(accord_tailoring_get_criterion_weight(s->tailoring, criterion(s, "c-csirt")),
		     3.0,
		     1e-12);
	assert_close(accord_tailoring_get_criterion_weight(s->tailoring, criterion(s, "c-iot")),
		     1.0,
		     1e-12);
	assert_close(accord_score_get_rule(score, rule(s, "r-ir"))->value, 75.0, 1e-9);
	assert_close(accord_score_get_overall(score)->value,
		     100.0 * (1.0 + 5.5 / 12.0) / 3.0,
		     1e-9);
	assert_close(accord_score_get_overall(score)->value, 48.6111111111, 1e-6);
}

static void
test_tailoring_combined_by_hand(void **state)
{
	State *s = *state;
	const AccordScore *score =
	    score_tailored(s,
			   TAILORING("  <pillar id=\"policy\" weight=\"2\"/>\n"
				     "  <rule id=\"r-first\" selected=\"true\" weight=\"4\"/>\n"
				     "  <criterion id=\"c-cvd\" weight=\"3\"/>\n"
				     "  <criterion id=\"c-iot\" selected=\"false\"/>\n"));

	/* r-ir 0.75 (weight 2); r-first 0 (weight 4 × 0.5 = 2): ir (1.5 + 0)/4 = 0.375;
	 * r-process without c-iot: c-process 0.5; policy (0.5 + 0.666667)/2 = 0.583333;
	 * overall, pillars 2 and 2: (0.375 + 0.583333)/2 = 47.9167 */
	assert_close(pillar_item(&s->f, score, 0)->value, 37.5, 1e-9);
	assert_close(pillar_item(&s->f, score, 1)->value, 700.0 / 12.0, 1e-9);
	assert_close(accord_score_get_overall(score)->value,
		     100.0 * (0.375 + 7.0 / 12.0) / 2.0,
		     1e-9);
	assert_close(accord_score_get_overall(score)->value, 47.9166666667, 1e-6);
	/* one change per deselection or weight, in file order */
	assert_int_equal(accord_tailoring_get_n_changes(s->tailoring), 4);
	assert_string_equal(accord_tailoring_get_change(s->tailoring, 0), "pillar policy weight 2");
	assert_string_equal(accord_tailoring_get_change(s->tailoring, 1), "rule r-first weight 4");
	assert_string_equal(accord_tailoring_get_change(s->tailoring, 2),
			    "criterion c-cvd weight 3");
	assert_string_equal(accord_tailoring_get_change(s->tailoring, 3),
			    "criterion c-iot deselected");
	assert_string_equal(accord_tailoring_get_id(s->tailoring), "t");
	assert_string_equal(accord_tailoring_get_title(s->tailoring), "Test tailoring");
	assert_ptr_equal(accord_tailoring_get_ruleset(s->tailoring), s->f.ruleset);
}

static void
test_tailoring_everything_deselected(void **state)
{
	State *s = *state;
	const AccordScore *score =
	    score_tailored(s,
			   TAILORING("  <pillar id=\"ir\" selected=\"false\"/>\n"
				     "  <pillar id=\"policy\" selected=\"false\"/>\n"));

	/* nothing left to count: not applicable, NAN */
	assert_false(accord_score_get_overall(score)->applicable);
	assert_true(isnan(accord_score_get_overall(score)->value));
}

static void
test_tailoring_empty_changes_nothing(void **state)
{
	State *s = *state;
	const AccordScore *score = score_tailored(s, TAILORING(""));

	assert_int_equal(accord_tailoring_get_n_changes(s->tailoring), 0);
	assert_close(accord_score_get_overall(score)->value, 162.5 / 3.0, 1e-9);
}

/* loads bad/<name> against the test ruleset: the code and the "path:line:" prefix */
static void
assert_tailoring_rejects(State *s, const gchar *name, gint code, gint line, const gchar *needle)
{
	g_autofree gchar *rel = g_strconcat("bad/", name, NULL);
	g_autofree gchar *path = test_data_path(rel);
	g_autofree gchar *prefix = g_strdup_printf("%s:%d:", path, line);
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordTailoring) tailoring =
	    accord_tailoring_load_file(path, s->f.ruleset, &error);

	assert_null(tailoring);
	assert_accord_error(error, code, prefix);
	if (g_strstr_len(error->message, -1, needle) == NULL) {
		print_error("message '%s' does not name '%s'\n", error->message, needle);
		fail();
	}
}

static void
test_tailoring_rejects_missing_rule(void **state)
{
	assert_tailoring_rejects(*state,
				 "tailoring-reference-unknown-rule.xml",
				 ACCORD_ERROR_REFERENCE,
				 6,
				 "r-missing");
}

static void
test_tailoring_rejects_wrong_ruleset(void **state)
{
	assert_tailoring_rejects(*state,
				 "tailoring-reference-wrong-ruleset.xml",
				 ACCORD_ERROR_REFERENCE,
				 3,
				 "other");
}

static void
test_tailoring_rejects_duplicate_entry(void **state)
{
	assert_tailoring_rejects(*state,
				 "tailoring-duplicate-rule.xml",
				 ACCORD_ERROR_DUPLICATE,
				 6,
				 "r-first");
}

static void
test_tailoring_rejects_zero_weight(void **state)
{
	assert_tailoring_rejects(*state,
				 "tailoring-value-weight-zero.xml",
				 ACCORD_ERROR_VALUE,
				 5,
				 "policy");
}

static void
test_tailoring_rejects_weight_out_of_range(void **state)
{
	assert_tailoring_rejects(
	    *state,
	    "tailoring-value-weight-overflow.xml",
	    ACCORD_ERROR_VALUE,
	    5,
	    "'1e308' of rule 'r-first' is not a number from 0.000001 to 1000000");
}

/* reads @name (under tests/data) and peeks at the ruleset it is for */
static gchar *
peek(const gchar *name, glong *line, GError **error)
{
	g_autofree gchar *path = test_data_path(name);
	g_autofree gchar *data = NULL;
	gsize len = 0;

	assert_true(g_file_get_contents(path, &data, &len, NULL));
	return accord_tailoring_peek_ruleset(data, len, name, line, error);
}

static void
test_tailoring_peek_ruleset_gives_id_and_line(void **state)
{
	g_autoptr(GError) error = NULL;
	glong line = 0;
	g_autofree gchar *id = peek("good/tailoring-test.xml", &line, &error);

	assert_null(error);
	assert_string_equal(id, "test");
	/* the root element opens on line 6, after the comment */
	assert_int_equal(line, 6);
}

/* a path in the ruleset attribute is a schema error, found before anything is read */
static void
test_tailoring_peek_ruleset_refuses_path(void **state)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *id = peek("bad/tailoring-schema-ruleset-path.xml", NULL, &error);

	assert_null(id);
	assert_accord_error(error,
			    ACCORD_ERROR_SCHEMA,
			    "bad/tailoring-schema-ruleset-path.xml:4: element 'tailoring'");
}

/* the paths issue 8 found followed; none reaches a reader, all fail the schema */
static void
test_tailoring_peek_ruleset_refuses_every_path(void **state)
{
	const gchar *paths[] = {"/etc/passwd", "/dev/zero", "/dev/stdin", "../rulesets/usmca"};

	for (guint i = 0; i < G_N_ELEMENTS(paths); i++) {
		g_autofree gchar *xml = g_strdup_printf(
		    "<tailoring xmlns=\"urn:accord:tailoring:1\" id=\"t\" ruleset=\"%s\">"
		    "<title>T</title></tailoring>",
		    paths[i]);
		g_autoptr(GError) error = NULL;
		g_autofree gchar *id =
		    accord_tailoring_peek_ruleset(xml, strlen(xml), "t.xml", NULL, &error);

		assert_null(id);
		assert_accord_error(error, ACCORD_ERROR_SCHEMA, "t.xml:1: element 'tailoring'");
	}
}

static void
test_tailoring_rejects_schema_violation(void **state)
{
	State *s = *state;
	g_autofree gchar *path = test_data_path("bad/tailoring-schema-no-title.xml");
	g_autofree gchar *prefix = g_strconcat(path, ":", NULL);
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordTailoring) tailoring =
	    accord_tailoring_load_file(path, s->f.ruleset, &error);

	assert_null(tailoring);
	assert_accord_error(error, ACCORD_ERROR_SCHEMA, prefix);
}

static void
assert_inline_rejected(State *s, const gchar *xml, gint code, const gchar *prefix)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordTailoring) tailoring =
	    accord_tailoring_load_data(xml, strlen(xml), "t.xml", s->f.ruleset, &error);

	assert_null(tailoring);
	assert_accord_error(error, code, prefix);
}

static void
test_tailoring_rejects_bad_weights(void **state)
{
	State *s = *state;

	/* the target is on line 4 of TAILORING() */
	assert_inline_rejected(s,
			       TAILORING("  <rule id=\"r-ir\" weight=\"-1\"/>\n"),
			       ACCORD_ERROR_VALUE,
			       "t.xml:4:");
	assert_inline_rejected(s,
			       TAILORING("  <rule id=\"r-ir\" weight=\"heavy\"/>\n"),
			       ACCORD_ERROR_VALUE,
			       "t.xml:4:");
	assert_inline_rejected(s,
			       TAILORING("  <criterion id=\"c-cvd\" weight=\"inf\"/>\n"),
			       ACCORD_ERROR_VALUE,
			       "t.xml:4:");
}

static void
test_tailoring_rejects_unknown_pillar_and_criterion(void **state)
{
	State *s = *state;

	assert_inline_rejected(s,
			       TAILORING("  <pillar id=\"trade\" selected=\"false\"/>\n"),
			       ACCORD_ERROR_REFERENCE,
			       "t.xml:4:");
	/* a rule id is not a criterion id */
	assert_inline_rejected(s,
			       TAILORING("  <criterion id=\"r-ir\" selected=\"false\"/>\n"),
			       ACCORD_ERROR_REFERENCE,
			       "t.xml:4:");
	/* no name: <memory> */
	{
		static const gchar xml[] = TAILORING("  <rule id=\"r-nope\"/>\n");
		g_autoptr(GError) error = NULL;
		g_autoptr(AccordTailoring) tailoring =
		    accord_tailoring_load_data(xml, strlen(xml), NULL, s->f.ruleset, &error);

		assert_null(tailoring);
		assert_accord_error(error, ACCORD_ERROR_REFERENCE, "<memory>:4:");
	}
}

static void
test_tailoring_for_another_ruleset_refused_by_score(void **state)
{
	State *s = *state;
	static const gchar xml[] = TAILORING("  <rule id=\"r-first\" selected=\"false\"/>\n");
	g_autofree gchar *rpath = test_data_path("good/ruleset.xml");
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordRuleset) other = accord_ruleset_load_file(rpath, s->f.vocab, &error);
	g_autoptr(AccordTailoring) tailoring = NULL;
	g_autoptr(AccordScore) score = NULL;
	AccordScoreOptions options;

	/* the same file loaded again is another ruleset, with the same id */
	assert_non_null(other);
	tailoring = accord_tailoring_load_data(xml, strlen(xml), "t.xml", other, &error);
	assert_non_null(tailoring);
	accord_score_options_init(&options);
	options.tailoring = tailoring;
	score = accord_score_compute(s->evaluation, &options, &error);
	assert_null(score);
	assert_accord_error(error, ACCORD_ERROR_USAGE, "tailoring 't'");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_tailoring_deselect_rule, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tailoring_deselect_pillar, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tailoring_deselect_criterion, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tailoring_override_pillar_weight, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tailoring_override_rule_weight, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tailoring_override_criterion_weight,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_tailoring_combined_by_hand, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tailoring_everything_deselected, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tailoring_empty_changes_nothing, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tailoring_rejects_missing_rule, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tailoring_rejects_wrong_ruleset, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tailoring_rejects_duplicate_entry,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_tailoring_rejects_zero_weight, setup, teardown),
	    cmocka_unit_test(test_tailoring_peek_ruleset_gives_id_and_line),
	    cmocka_unit_test(test_tailoring_peek_ruleset_refuses_path),
	    cmocka_unit_test(test_tailoring_peek_ruleset_refuses_every_path),
	    cmocka_unit_test_setup_teardown(test_tailoring_rejects_weight_out_of_range,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_tailoring_rejects_schema_violation,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_tailoring_rejects_bad_weights, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tailoring_rejects_unknown_pillar_and_criterion,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_tailoring_for_another_ruleset_refused_by_score,
					    setup,
					    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
