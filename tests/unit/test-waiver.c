#include "fixtures.h"

/* Waivers against the test ruleset. Profile A (test-score.c): c-iot fails, c-strategy fails,
 * c-csirt passes; r-ir 0.875, r-first 0, r-process 0.25, r-strategy 2/3; pillars ir 7/12,
 * policy 11/24; overall (2·7/12 + 11/24)/3 = 39/72 = 54.1667. */

#define WAIVER(country, ruleset, criterion, expires)                                               \
	"  <waiver country=\"" country "\" ruleset=\"" ruleset "\" criterion=\"" criterion         \
	"\" approver=\"Test board\" expires=\"" expires "\">Accepted for the test.</waiver>\n"

/* one waiver per line, from line 3 */
/* clang-format off */
static const gchar waivers_xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<waivers xmlns=\"urn:accord:waivers:1\">\n"
    /* 3: A fails it: applied while in force */
    WAIVER("AA", "test", "c-iot", "2025-12-31")
    /* 4: A meets it anyway: redundant */
    WAIVER("AA", "test", "c-csirt", "2025-12-31")
    /* 5: A fails it; in force up to and including 2025-06-29 */
    WAIVER("AA", "test", "c-strategy", "2025-06-29")
    /* 6: no such criterion: orphan */
    WAIVER("AA", "test", "c-nope", "2025-12-31")
    /* 7, 8: another country, another ruleset: not A's business */
    WAIVER("BB", "test", "c-iot", "2025-12-31")
    WAIVER("AA", "other", "c-iot", "2025-12-31")
    /* 9: C's c-iot is not applicable: redundant */
    WAIVER("CC", "test", "c-iot", "2025-12-31")
    "</waivers>\n";
/* clang-format on */

typedef struct {
	Fixture f;
	AccordWaiverList *list;
	AccordEvaluation *evaluation;
} State;

static int
setup(void **state)
{
	State *s = g_new0(State, 1);
	g_autoptr(GError) error = NULL;

	fixture_load(&s->f);
	s->list = accord_waiver_list_load_data(waivers_xml, strlen(waivers_xml), "w.xml", &error);
	if (s->list == NULL) {
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

	accord_evaluation_unref(s->evaluation);
	accord_waiver_list_unref(s->list);
	fixture_clear(&s->f);
	g_free(s);
	return 0;
}

static const AccordEvaluation *
evaluate(State *s, const gchar *name)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *rel = g_strdup_printf("good/%s", name);
	g_autofree gchar *path = test_data_path(rel);
	g_autoptr(AccordProfile) profile = accord_profile_load_file(path, s->f.vocab, &error);

	assert_non_null(profile);
	accord_evaluation_unref(s->evaluation);
	s->evaluation = accord_evaluate(s->f.ruleset, profile, &error);
	assert_non_null(s->evaluation);
	return s->evaluation;
}

static AccordWaiverOutcome *
apply_on(State *s, const gchar *date)
{
	g_autoptr(GError) error = NULL;
	AccordWaiverOutcome *outcome = accord_waivers_apply(s->list, s->evaluation, date, &error);

	assert_null(error);
	assert_non_null(outcome);
	return outcome;
}

static gdouble
overall_of(const AccordEvaluation *evaluation)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordScore) score = NULL;
	AccordScoreOptions options;

	accord_score_options_init(&options);
	score = accord_score_compute(evaluation, &options, &error);
	assert_non_null(score);
	return accord_score_get_overall(score)->value;
}

static void
assert_use(const AccordWaiverOutcome *outcome,
	   guint index,
	   const gchar *criterion,
	   AccordWaiverStatus status)
{
	const AccordWaiverUse *use = accord_waiver_outcome_get_use(outcome, index);

	assert_string_equal(use->waiver->criterion, criterion);
	if (use->status != status) {
		print_error("waiver of %s: %s, expected %s\n",
			    criterion,
			    accord_waiver_status_to_string(use->status),
			    accord_waiver_status_to_string(status));
		fail();
	}
}

static void
test_waiver_loads_fields(void **state)
{
	State *s = *state;
	const AccordWaiver *w;

	assert_int_equal(accord_waiver_list_get_n_waivers(s->list), 7);
	w = accord_waiver_list_get_waiver(s->list, 0);
	assert_string_equal(w->country, "AA");
	assert_string_equal(w->ruleset, "test");
	assert_string_equal(w->criterion, "c-iot");
	assert_string_equal(w->approver, "Test board");
	assert_string_equal(w->expires, "2025-12-31");
	assert_string_equal(w->justification, "Accepted for the test.");
	assert_int_equal(w->line, 3);
	assert_int_equal(accord_waiver_list_get_waiver(s->list, 6)->line, 9);
}

static void
test_waiver_statuses_and_score(void **state)
{
	State *s = *state;
	g_autoptr(AccordWaiverOutcome) outcome = NULL;
	g_autofree gchar *reason = NULL;
	const AccordEvaluation *after;
	const AccordCriterion *iot = accord_ruleset_lookup_criterion(s->f.ruleset, "c-iot");

	evaluate(s, "profile-a.xml");
	outcome = apply_on(s, "2025-06-30");
	assert_string_equal(accord_waiver_outcome_get_date(outcome), "2025-06-30");
	/* A's four waivers in file order; BB's and the other ruleset's are left out */
	assert_int_equal(accord_waiver_outcome_get_n_uses(outcome), 4);
	assert_use(outcome, 0, "c-iot", ACCORD_WAIVER_APPLIED);
	assert_use(outcome, 1, "c-csirt", ACCORD_WAIVER_REDUNDANT);
	/* expired 2025-06-29: the day after, it has lapsed */
	assert_use(outcome, 2, "c-strategy", ACCORD_WAIVER_LAPSED);
	assert_use(outcome, 3, "c-nope", ACCORD_WAIVER_ORPHAN);
	assert_ptr_equal(accord_waiver_outcome_get_use(outcome, 0)->criterion, iot);
	assert_null(accord_waiver_outcome_get_use(outcome, 3)->criterion);
	/* c-iot counted as met, with the reason saying so; the base evaluation is untouched */
	after = accord_waiver_outcome_get_evaluation(outcome);
	assert_int_equal(accord_evaluation_get_result(after, iot)->outcome, ACCORD_OUTCOME_PASS);
	assert_close(accord_evaluation_get_result(after, iot)->credit, 1.0, 1e-12);
	reason = accord_evaluation_format_reason(after, iot);
	assert_true(g_str_has_prefix(reason, "waived"));
	assert_int_equal(accord_evaluation_get_result(s->evaluation, iot)->outcome,
			 ACCORD_OUTCOME_FAIL);
	/* before: 39/72 = 54.1667. After: r-process (0.5 + 1)/2 = 0.75, policy (0.75 + 2/3)/2
	 * = 17/24, overall (2·7/12 + 17/24)/3 = 45/72 = 62.5 */
	assert_close(overall_of(s->evaluation), 162.5 / 3.0, 1e-9);
	assert_close(overall_of(after), 62.5, 1e-9);
}

static void
test_waiver_in_force_on_expiry_day(void **state)
{
	State *s = *state;
	g_autoptr(AccordWaiverOutcome) outcome = NULL;

	evaluate(s, "profile-a.xml");
	outcome = apply_on(s, "2025-06-29");
	/* the expiry day itself is still in force: c-strategy applied too */
	assert_use(outcome, 0, "c-iot", ACCORD_WAIVER_APPLIED);
	assert_use(outcome, 2, "c-strategy", ACCORD_WAIVER_APPLIED);
	/* r-strategy 1, policy (0.75 + 1)/2 = 7/8, overall (2·7/12 + 7/8)/3 = 49/72 = 68.0556 */
	assert_close(overall_of(accord_waiver_outcome_get_evaluation(outcome)),
		     100.0 * 49.0 / 72.0,
		     1e-9);
	assert_close(overall_of(accord_waiver_outcome_get_evaluation(outcome)),
		     68.0555555556,
		     1e-6);
}

static void
test_waiver_all_lapsed_changes_nothing(void **state)
{
	State *s = *state;
	g_autoptr(AccordWaiverOutcome) outcome = NULL;

	evaluate(s, "profile-a.xml");
	outcome = apply_on(s, "2026-01-01");
	/* a lapsed waiver never counts, also one that would be redundant */
	assert_use(outcome, 0, "c-iot", ACCORD_WAIVER_LAPSED);
	assert_use(outcome, 1, "c-csirt", ACCORD_WAIVER_LAPSED);
	assert_use(outcome, 2, "c-strategy", ACCORD_WAIVER_LAPSED);
	/* an orphan stays an orphan whatever the date */
	assert_use(outcome, 3, "c-nope", ACCORD_WAIVER_ORPHAN);
	assert_close(overall_of(accord_waiver_outcome_get_evaluation(outcome)), 162.5 / 3.0, 1e-9);
	/* the last day of c-iot's waiver: applied */
	{
		g_autoptr(AccordWaiverOutcome) last = apply_on(s, "2025-12-31");

		assert_use(last, 0, "c-iot", ACCORD_WAIVER_APPLIED);
		assert_close(overall_of(accord_waiver_outcome_get_evaluation(last)), 62.5, 1e-9);
	}
}

static void
test_waiver_redundant_when_not_applicable(void **state)
{
	State *s = *state;
	g_autoptr(AccordWaiverOutcome) outcome = NULL;
	const AccordCriterion *iot = accord_ruleset_lookup_criterion(s->f.ruleset, "c-iot");

	/* C: iot.regime = none makes c-iot not applicable; waiving it changes nothing */
	evaluate(s, "profile-c.xml");
	outcome = apply_on(s, "2025-06-30");
	assert_int_equal(accord_waiver_outcome_get_n_uses(outcome), 1);
	assert_use(outcome, 0, "c-iot", ACCORD_WAIVER_REDUNDANT);
	assert_int_equal(
	    accord_evaluation_get_result(accord_waiver_outcome_get_evaluation(outcome), iot)
		->outcome,
	    ACCORD_OUTCOME_NOT_APPLICABLE);
}

static void
test_waiver_none_for_this_country(void **state)
{
	State *s = *state;
	g_autoptr(AccordWaiverOutcome) outcome = NULL;

	/* BB's one waiver (c-iot) is redundant: B meets everything; the score stays 100 */
	evaluate(s, "profile-b.xml");
	outcome = apply_on(s, "2025-06-30");
	assert_int_equal(accord_waiver_outcome_get_n_uses(outcome), 1);
	assert_use(outcome, 0, "c-iot", ACCORD_WAIVER_REDUNDANT);
	assert_close(overall_of(accord_waiver_outcome_get_evaluation(outcome)), 100.0, 1e-9);
}

static void
test_waiver_evaluation_outlives_outcome(void **state)
{
	State *s = *state;
	AccordWaiverOutcome *outcome = NULL;
	g_autoptr(AccordEvaluation) kept = NULL;

	/* evaluations are shared by reference: one taken from the outcome stays valid after it */
	evaluate(s, "profile-a.xml");
	outcome = apply_on(s, "2025-06-30");
	kept = accord_evaluation_ref(accord_waiver_outcome_get_evaluation(outcome));
	accord_waiver_outcome_free(outcome);
	assert_close(overall_of(kept), 62.5, 1e-9);
}

static void
test_waiver_rejects_malformed_date(void **state)
{
	State *s = *state;
	const gchar *bad[] = {"2025-6-30", "30/06/2025", "2025-02-29", "today", ""};

	evaluate(s, "profile-a.xml");
	for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(AccordWaiverOutcome) outcome =
		    accord_waivers_apply(s->list, s->evaluation, bad[i], &error);

		assert_null(outcome);
		assert_accord_error(error, ACCORD_ERROR_USAGE, "");
	}
}

static void
test_waiver_status_names(void **state)
{
	assert_string_equal(accord_waiver_status_to_string(ACCORD_WAIVER_APPLIED), "applied");
	assert_string_equal(accord_waiver_status_to_string(ACCORD_WAIVER_REDUNDANT), "redundant");
	assert_string_equal(accord_waiver_status_to_string(ACCORD_WAIVER_LAPSED), "lapsed");
	assert_string_equal(accord_waiver_status_to_string(ACCORD_WAIVER_ORPHAN), "orphan");
}

/* loads bad/<name>: the code, the "path:line:" prefix, and that the message names @needle */
static void
assert_waivers_reject(const gchar *name, gint code, gint line, const gchar *needle)
{
	g_autofree gchar *rel = g_strconcat("bad/", name, NULL);
	g_autofree gchar *path = test_data_path(rel);
	g_autofree gchar *prefix = g_strdup_printf("%s:%d:", path, line);
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordWaiverList) list = accord_waiver_list_load_file(path, &error);

	assert_null(list);
	assert_accord_error(error, code, prefix);
	if (g_strstr_len(error->message, -1, needle) == NULL) {
		print_error("message '%s' does not name '%s'\n", error->message, needle);
		fail();
	}
}

static void
test_waiver_rejects_missing_expiry(void **state)
{
	assert_waivers_reject("waivers-schema-missing-expires.xml",
			      ACCORD_ERROR_SCHEMA,
			      6,
			      "waiver");
}

static void
test_waiver_rejects_malformed_expiry(void **state)
{
	assert_waivers_reject("waivers-value-malformed-date.xml",
			      ACCORD_ERROR_VALUE,
			      4,
			      "2025-02-30");
}

static void
test_waiver_rejects_bad_country(void **state)
{
	assert_waivers_reject("waivers-schema-bad-country.xml",
			      ACCORD_ERROR_SCHEMA,
			      5,
			      "attribute country 'aa' is not a country code");
}

static void
test_waiver_rejects_duplicate(void **state)
{
	assert_waivers_reject("waivers-duplicate-criterion.xml",
			      ACCORD_ERROR_DUPLICATE,
			      7,
			      "c-iot");
}

/* @n waivers of criteria c1…cn for AA, then the same criteria for BB and of another
 * ruleset for AA, none of them a duplicate; with @duplicate, one more repeats AA's c1 on
 * line 3n + 2 */
static gchar *
many_waivers(guint n, gboolean duplicate)
{
	const gchar *pairs[] = {"AA\" ruleset=\"test",
				"BB\" ruleset=\"test",
				"AA\" ruleset=\"other"};
	GString *xml = g_string_new("<waivers xmlns=\"urn:accord:waivers:1\">\n");

	for (guint p = 0; p < G_N_ELEMENTS(pairs); p++) {
		for (guint i = 1; i <= n; i++)
			g_string_append_printf(
			    xml,
			    "<waiver country=\"%s\" criterion=\"c%u\" "
			    "approver=\"A\" expires=\"2030-01-01\">W.</waiver>\n",
			    pairs[p],
			    i);
	}
	if (duplicate)
		g_string_append(xml,
				"<waiver country=\"AA\" ruleset=\"test\" criterion=\"c1\" "
				"approver=\"A\" expires=\"2030-01-01\">Again.</waiver>\n");
	g_string_append(xml, "</waivers>\n");
	return g_string_free(xml, FALSE);
}

static void
test_waiver_many_distinct_load(void **state)
{
	g_autofree gchar *xml = many_waivers(10000, FALSE);
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordWaiverList) list =
	    accord_waiver_list_load_data(xml, strlen(xml), "many.xml", &error);

	assert_null(error);
	assert_int_equal(accord_waiver_list_get_n_waivers(list), 30000);
}

static void
test_waiver_many_rejects_duplicate_at_end(void **state)
{
	g_autofree gchar *xml = many_waivers(10000, TRUE);
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordWaiverList) list =
	    accord_waiver_list_load_data(xml, strlen(xml), "many.xml", &error);

	assert_null(list);
	assert_accord_error(error, ACCORD_ERROR_DUPLICATE, "many.xml:30002:");
	assert_non_null(strstr(error->message, "criterion c1 of test is waived twice for AA"));
}

/* waiving c-first, which profile A does not state, makes it pass (r-first 0 → 100, overall
 * (2·(2·0.875 + 1)/3 + 11/24)/3 = 76.3889) but its fact stays unknown: coverage stays 7/9 */
static void
test_waiver_of_unknown_keeps_coverage(void **state)
{
	State *s = *state;
	const gchar *xml =
	    "<waivers xmlns=\"urn:accord:waivers:1\">" WAIVER("AA",
							      "test",
							      "c-first",
							      "2030-01-01") "</waivers>";
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordWaiverList) list =
	    accord_waiver_list_load_data(xml, strlen(xml), "first.xml", &error);
	g_autoptr(AccordWaiverOutcome) outcome = NULL;
	g_autoptr(AccordScore) score = NULL;
	AccordScoreOptions options;

	assert_non_null(list);
	evaluate(s, "profile-a.xml");
	outcome = accord_waivers_apply(list, s->evaluation, "2026-01-01", &error);
	assert_non_null(outcome);
	assert_int_equal(accord_waiver_outcome_get_use(outcome, 0)->status, ACCORD_WAIVER_APPLIED);
	accord_score_options_init(&options);
	score =
	    accord_score_compute(accord_waiver_outcome_get_evaluation(outcome), &options, &error);
	assert_close(accord_score_get_overall(score)->value, 76.3888888889, 1e-6);
	assert_close(accord_score_get_overall(score)->coverage, 7.0 / 9.0, 1e-12);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_waiver_loads_fields, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_waiver_statuses_and_score, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_waiver_in_force_on_expiry_day, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_waiver_all_lapsed_changes_nothing,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_waiver_redundant_when_not_applicable,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_waiver_none_for_this_country, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_waiver_evaluation_outlives_outcome,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_waiver_rejects_malformed_date, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_waiver_of_unknown_keeps_coverage, setup, teardown),
	    cmocka_unit_test(test_waiver_status_names),
	    cmocka_unit_test(test_waiver_rejects_missing_expiry),
	    cmocka_unit_test(test_waiver_rejects_malformed_expiry),
	    cmocka_unit_test(test_waiver_rejects_duplicate),
	    cmocka_unit_test(test_waiver_rejects_bad_country),
	    cmocka_unit_test(test_waiver_many_distinct_load),
	    cmocka_unit_test(test_waiver_many_rejects_duplicate_at_end),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
