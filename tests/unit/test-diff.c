#include "fixtures.h"

/* Two snapshots of country AA: good/profile-a.xml (2025) and the newer one below (2026),
 * which adds ir.first = true, raises disclosure.cvd draft → adopted, drops strategy.adopted
 * (2018-05-01) and cuts workforce.size 5000 → 500; the other facts stay as they were.
 *
 * Old gaps (test-gaps.c): r-ir 50/9, r-first 200/9, r-process 12.5, r-strategy 50/9.
 * New evaluation: c-csirt pass, c-cvd pass → r-ir 100; c-first pass → r-first 100;
 * r-process unchanged 25; r-strategy: c-strategy unknown (0), c-workforce 500 < 1000 fails,
 * c-enc passes → 1/3. Every rule stays applicable, so the shares stay 4/9, 2/9, 1/6, 1/6.
 * New gaps: r-ir 0 (closed), r-first 0 (closed), r-process 1/6 × 75 = 12.5 (stayed),
 * r-strategy 1/6 × 66.667 = 100/9 = 11.1111 (stayed, wider).
 * New overall: ir 100, policy (0.25 + 1/3)/2 = 7/24, (2 + 7/24)/3 = 76.3889
 * = 100 − 12.5 − 11.1111. */

#define FACT(key, value)                                                                           \
	"<fact key=\"" key "\" value=\"" value "\" confidence=\"high\">"                           \
	"<evidence title=\"t\" date=\"2026\"/></fact>\n"
/* clang-format off */
#define SNAPSHOT(country)                                                                          \
	"<?xml version=\"1.0\"?>\n"                                                                \
	"<profile xmlns=\"urn:accord:profile:1\" country=\"" country "\" name=\"Testland A\" "     \
	"as-of=\"2026-06-30\">\n"                                                                  \
	FACT("ir.csirt", "true")                                                                   \
	FACT("ir.first", "true")                                                                   \
	FACT("disclosure.cvd", "adopted")                                                          \
	FACT("framework.process", "consultation")                                                  \
	FACT("iot.regime", "mandatory")                                                            \
	FACT("workforce.size", "500")                                                              \
	FACT("encryption.backdoor", "false")                                                       \
	"</profile>\n"
/* clang-format on */

static const gchar newer_aa[] = SNAPSHOT("AA");
static const gchar newer_bb[] = SNAPSHOT("BB");

static AccordEvaluation *
evaluate_file(const Fixture *f, const AccordRuleset *ruleset, const gchar *name)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *rel = g_strdup_printf("good/%s", name);
	g_autofree gchar *path = test_data_path(rel);
	g_autoptr(AccordProfile) profile = accord_profile_load_file(path, f->vocab, &error);
	AccordEvaluation *evaluation;

	assert_non_null(profile);
	evaluation = accord_evaluate(ruleset, profile, &error);
	assert_non_null(evaluation);
	return evaluation;
}

static AccordEvaluation *
evaluate_data(const Fixture *f, const gchar *xml)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordProfile) profile =
	    accord_profile_load_data(xml, strlen(xml), "new.xml", f->vocab, &error);
	AccordEvaluation *evaluation;

	assert_non_null(profile);
	evaluation = accord_evaluate(f->ruleset, profile, &error);
	assert_non_null(evaluation);
	return evaluation;
}

/* scores two evaluations (taken over) under the default options and diffs them */
static AccordDiff *
diff_of(AccordEvaluation *older, AccordEvaluation *newer, GError **error)
{
	g_autoptr(AccordEvaluation) a = older;
	g_autoptr(AccordEvaluation) b = newer;
	g_autoptr(AccordScore) sa = NULL;
	g_autoptr(AccordScore) sb = NULL;
	AccordScoreOptions options;

	accord_score_options_init(&options);
	sa = accord_score_compute(a, &options, NULL);
	sb = accord_score_compute(b, &options, NULL);
	assert_non_null(sa);
	assert_non_null(sb);
	return accord_diff_new(sa, sb, error);
}

static AccordDiff *
diff(AccordEvaluation *older, AccordEvaluation *newer)
{
	g_autoptr(GError) error = NULL;
	AccordDiff *d;

	d = diff_of(older, newer, &error);
	assert_null(error);
	assert_non_null(d);
	return d;
}

static void
assert_fact_change(const AccordDiff *d,
		   guint index,
		   const gchar *key,
		   const gchar *old_value,
		   const gchar *new_value)
{
	const AccordFactChange *change = accord_diff_get_fact_change(d, index);

	assert_string_equal(change->key, key);
	if (old_value == NULL)
		assert_null(change->old_value);
	else
		assert_string_equal(change->old_value, old_value);
	if (new_value == NULL)
		assert_null(change->new_value);
	else
		assert_string_equal(change->new_value, new_value);
}

static void
assert_gap_change(const AccordDiff *d,
		  guint index,
		  const gchar *rule,
		  gdouble old_gap,
		  gdouble new_gap,
		  AccordGapChangeKind kind)
{
	const AccordGapChange *change = accord_diff_get_gap_change(d, index);

	assert_string_equal(accord_gap_change_kind_to_string(change->kind),
			    accord_gap_change_kind_to_string(kind));

	assert_string_equal(accord_rule_get_id(change->rule), rule);
	assert_close(change->old_gap, old_gap, 1e-9);
	assert_close(change->new_gap, new_gap, 1e-9);
}

static void
test_diff_fact_changes_in_key_order(void **state)
{
	Fixture f;
	g_autoptr(AccordDiff) d = NULL;

	fixture_load(&f);
	d = diff(evaluate_file(&f, f.ruleset, "profile-a.xml"), evaluate_data(&f, newer_aa));
	/* changed, added, removed, changed: sorted by key, whatever the file order */
	assert_int_equal(accord_diff_get_n_fact_changes(d), 4);
	assert_fact_change(d, 0, "disclosure.cvd", "draft", "adopted");
	assert_fact_change(d, 1, "ir.first", NULL, "true");
	assert_fact_change(d, 2, "strategy.adopted", "2018-05-01", NULL);
	assert_fact_change(d, 3, "workforce.size", "5000", "500");
	fixture_clear(&f);
}

static void
test_diff_gaps_closed_and_stayed(void **state)
{
	Fixture f;
	g_autoptr(AccordDiff) d = NULL;

	fixture_load(&f);
	d = diff(evaluate_file(&f, f.ruleset, "profile-a.xml"), evaluate_data(&f, newer_aa));
	/* in ruleset order; see the comment at the top */
	assert_int_equal(accord_diff_get_n_gap_changes(d), 4);
	assert_gap_change(d, 0, "r-ir", 50.0 / 9.0, 0.0, ACCORD_GAP_CLOSED);
	assert_gap_change(d, 1, "r-first", 200.0 / 9.0, 0.0, ACCORD_GAP_CLOSED);
	assert_gap_change(d, 2, "r-process", 12.5, 12.5, ACCORD_GAP_STILL_OPEN);
	assert_gap_change(d, 3, "r-strategy", 50.0 / 9.0, 100.0 / 9.0, ACCORD_GAP_MOVED);
	assert_close(accord_score_get_overall(accord_diff_get_old_score(d))->value,
		     162.5 / 3.0,
		     1e-9);
	assert_close(accord_score_get_overall(accord_diff_get_new_score(d))->value,
		     100.0 * (2.0 + 7.0 / 24.0) / 3.0,
		     1e-9);
	assert_close(accord_score_get_overall(accord_diff_get_new_score(d))->value,
		     76.3888888889,
		     1e-6);
	fixture_clear(&f);
}

static void
test_diff_reversed_opens_gaps(void **state)
{
	Fixture f;
	g_autoptr(AccordDiff) d = NULL;

	fixture_load(&f);
	/* the same two snapshots the other way round: added ↔ removed, closed → opened */
	d = diff(evaluate_data(&f, newer_aa), evaluate_file(&f, f.ruleset, "profile-a.xml"));
	assert_int_equal(accord_diff_get_n_fact_changes(d), 4);
	assert_fact_change(d, 0, "disclosure.cvd", "adopted", "draft");
	assert_fact_change(d, 1, "ir.first", "true", NULL);
	assert_fact_change(d, 2, "strategy.adopted", NULL, "2018-05-01");
	assert_fact_change(d, 3, "workforce.size", "500", "5000");
	assert_int_equal(accord_diff_get_n_gap_changes(d), 4);
	assert_gap_change(d, 0, "r-ir", 0.0, 50.0 / 9.0, ACCORD_GAP_OPENED);
	assert_gap_change(d, 1, "r-first", 0.0, 200.0 / 9.0, ACCORD_GAP_OPENED);
	assert_gap_change(d, 2, "r-process", 12.5, 12.5, ACCORD_GAP_STILL_OPEN);
	assert_gap_change(d, 3, "r-strategy", 100.0 / 9.0, 50.0 / 9.0, ACCORD_GAP_MOVED);
	fixture_clear(&f);
}

static void
test_diff_same_snapshot(void **state)
{
	Fixture f;
	g_autoptr(AccordDiff) d = NULL;

	fixture_load(&f);
	d = diff(evaluate_file(&f, f.ruleset, "profile-a.xml"),
		 evaluate_file(&f, f.ruleset, "profile-a.xml"));
	/* no fact moved; every gap stayed open at its size */
	assert_int_equal(accord_diff_get_n_fact_changes(d), 0);
	assert_int_equal(accord_diff_get_n_gap_changes(d), 4);
	assert_gap_change(d, 1, "r-first", 200.0 / 9.0, 200.0 / 9.0, ACCORD_GAP_STILL_OPEN);
	fixture_clear(&f);
}

static void
test_diff_full_marks_lists_no_gaps(void **state)
{
	Fixture f;
	g_autoptr(AccordDiff) d = NULL;

	fixture_load(&f);
	/* B then B: no gap either side, so no gap changes at all */
	d = diff(evaluate_file(&f, f.ruleset, "profile-b.xml"),
		 evaluate_file(&f, f.ruleset, "profile-b.xml"));
	assert_int_equal(accord_diff_get_n_gap_changes(d), 0);
	fixture_clear(&f);
}

static void
test_diff_rejects_two_countries(void **state)
{
	Fixture f;
	g_autoptr(GError) error = NULL;
	AccordScoreOptions options;
	AccordDiff *d;

	fixture_load(&f);
	accord_score_options_init(&options);
	/* the diff takes both evaluations over, also when it fails */
	d = diff_of(evaluate_file(&f, f.ruleset, "profile-a.xml"),
		    evaluate_data(&f, newer_bb),
		    &error);
	assert_null(d);
	assert_accord_error(error, ACCORD_ERROR_USAGE, "");
	if (g_strstr_len(error->message, -1, "AA") == NULL ||
	    g_strstr_len(error->message, -1, "BB") == NULL) {
		print_error("message '%s' does not name both countries\n", error->message);
		fail();
	}
	fixture_clear(&f);
}

static void
test_diff_rejects_two_rulesets(void **state)
{
	Fixture f;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *rpath = test_data_path("good/ruleset.xml");
	g_autoptr(AccordRuleset) other = NULL;
	AccordScoreOptions options;
	AccordDiff *d;

	fixture_load(&f);
	other = accord_ruleset_load_file(rpath, f.vocab, &error);
	assert_non_null(other);
	accord_score_options_init(&options);
	d = diff_of(evaluate_file(&f, f.ruleset, "profile-a.xml"),
		    evaluate_file(&f, other, "profile-a.xml"),
		    &error);
	assert_null(d);
	assert_accord_error(error, ACCORD_ERROR_USAGE, "");
	fixture_clear(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_diff_fact_changes_in_key_order),
	    cmocka_unit_test(test_diff_gaps_closed_and_stayed),
	    cmocka_unit_test(test_diff_reversed_opens_gaps),
	    cmocka_unit_test(test_diff_same_snapshot),
	    cmocka_unit_test(test_diff_full_marks_lists_no_gaps),
	    cmocka_unit_test(test_diff_rejects_two_countries),
	    cmocka_unit_test(test_diff_rejects_two_rulesets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
