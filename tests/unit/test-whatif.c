#include "fixtures.h"

/* what-if evaluation: accord_profile_new_with_assumptions() copies a profile with KEY=VALUE
 * assumptions applied; scoring the copy gives the score "if these were so".
 * Profile A without assumptions (test-score.c): r-ir 87.5, r-first 0, r-process 25,
 * r-strategy 66.667; ir 175/3, policy (25 + 66.667)/2 = 45.8333; overall 162.5/3 = 54.1667. */

typedef struct {
	Fixture f;
	AccordProfile *base;
} State;

static int
setup(void **state)
{
	State *s = g_new0(State, 1);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = test_data_path("good/profile-a.xml");

	fixture_load(&s->f);
	s->base = accord_profile_load_file(path, s->f.vocab, &error);
	if (s->base == NULL) {
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

	accord_profile_unref(s->base);
	fixture_clear(&s->f);
	g_free(s);
	return 0;
}

static AccordProfile *
assume(State *s, const gchar *const *assumptions)
{
	g_autoptr(GError) error = NULL;
	AccordProfile *profile = accord_profile_new_with_assumptions(s->base, assumptions, &error);

	assert_null(error);
	assert_non_null(profile);
	return profile;
}

/* the overall score of @profile under the default options */
static gdouble
overall_of(const State *s, const AccordProfile *profile)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordEvaluation) evaluation = accord_evaluate(s->f.ruleset, profile, &error);
	g_autoptr(AccordScore) score = NULL;
	AccordScoreOptions options;

	assert_non_null(evaluation);
	accord_score_options_init(&options);
	score = accord_score_compute(evaluation, &options, &error);
	assert_non_null(score);
	return accord_score_get_overall(score)->value;
}

static void
test_whatif_replaces_value_and_keeps_old(void **state)
{
	State *s = *state;
	const gchar *const assumptions[] = {"framework.process=open-comment", NULL};
	g_autoptr(AccordProfile) profile = assume(s, assumptions);
	const AccordProfileFact *fact = accord_profile_lookup_fact(profile, "framework.process");

	assert_non_null(fact);
	assert_string_equal(accord_profile_fact_get_text(fact), "open-comment");
	/* open-comment is level 2 of closed < consultation < open-comment < co-developed */
	assert_int_equal(accord_profile_fact_get_value(fact)->v.level, 2);
	assert_true(accord_profile_fact_is_assumed(fact));
	assert_string_equal(accord_profile_fact_get_assumed_from(fact), "consultation");
	assert_int_equal(accord_profile_fact_get_confidence(fact), ACCORD_CONFIDENCE_LOW);
	/* a fact the assumptions leave alone is copied as stated */
	fact = accord_profile_lookup_fact(profile, "ir.csirt");
	assert_false(accord_profile_fact_is_assumed(fact));
	assert_null(accord_profile_fact_get_assumed_from(fact));
	assert_int_equal(accord_profile_fact_get_confidence(fact), ACCORD_CONFIDENCE_HIGH);
	/* the base profile is untouched */
	fact = accord_profile_lookup_fact(s->base, "framework.process");
	assert_string_equal(accord_profile_fact_get_text(fact), "consultation");
	assert_false(accord_profile_fact_is_assumed(fact));
	assert_string_equal(accord_profile_get_country(profile), "AA");
	assert_int_equal(accord_profile_get_n_facts(profile), 7);
}

static void
test_whatif_adds_unstated_fact(void **state)
{
	State *s = *state;
	const gchar *const assumptions[] = {"ir.first=true", NULL};
	g_autoptr(AccordProfile) profile = assume(s, assumptions);
	const AccordProfileFact *fact = accord_profile_lookup_fact(profile, "ir.first");

	/* A states 7 facts, not ir.first: the copy has 8, still sorted by key */
	assert_int_equal(accord_profile_get_n_facts(profile), 8);
	assert_non_null(fact);
	assert_true(accord_profile_fact_get_value(fact)->v.boolean);
	assert_true(accord_profile_fact_is_assumed(fact));
	assert_null(accord_profile_fact_get_assumed_from(fact));
	assert_string_equal(accord_fact_def_get_key(
				accord_profile_fact_get_def(accord_profile_get_fact(profile, 5))),
			    "ir.first");
	assert_null(accord_profile_lookup_fact(s->base, "ir.first"));
}

static void
test_whatif_old_value_is_the_files(void **state)
{
	State *s = *state;
	const gchar *const assumptions[] = {"framework.process=closed",
					    "framework.process=open-comment",
					    "ir.first=false",
					    "ir.first=true",
					    NULL};
	g_autoptr(AccordProfile) profile = assume(s, assumptions);
	const AccordProfileFact *fact = accord_profile_lookup_fact(profile, "framework.process");

	/* applied in order, the last wins; the old value is what the file stated, not the
	 * earlier assumption */
	assert_string_equal(accord_profile_fact_get_text(fact), "open-comment");
	assert_string_equal(accord_profile_fact_get_assumed_from(fact), "consultation");
	fact = accord_profile_lookup_fact(profile, "ir.first");
	assert_string_equal(accord_profile_fact_get_text(fact), "true");
	assert_null(accord_profile_fact_get_assumed_from(fact));
	assert_int_equal(accord_profile_get_n_facts(profile), 8);
}

static void
test_whatif_score_with_and_without(void **state)
{
	State *s = *state;
	const gchar *const first[] = {"ir.first=true", NULL};
	const gchar *const both[] = {"ir.first=true", "framework.process=open-comment", NULL};
	const gchar *const none[] = {NULL};
	g_autoptr(AccordProfile) with_first = assume(s, first);
	g_autoptr(AccordProfile) with_both = assume(s, both);
	g_autoptr(AccordProfile) with_none = assume(s, none);

	/* without: 162.5/3 = 54.1667 */
	assert_close(overall_of(s, s->base), 162.5 / 3.0, 1e-9);
	/* no assumptions: a plain copy, the same score */
	assert_close(overall_of(s, with_none), 162.5 / 3.0, 1e-9);
	/* ir.first = true: r-first 0 → 100; ir (2·0.875 + 1)/3 = 2.75/3;
	 * overall (2·2.75/3 + 0.458333)/3 = 2.291667/3 = 76.3889 (= 54.1667 + 2/9·100) */
	assert_close(overall_of(s, with_first), 162.5 / 3.0 + 200.0 / 9.0, 1e-9);
	assert_close(overall_of(s, with_first), 76.3888888889, 1e-6);
	/* and framework.process = open-comment: c-process 1/2 → 1, r-process (1 + 0)/2 = 50;
	 * policy (0.5 + 0.666667)/2 = 0.583333; overall (1.833333 + 0.583333)/3 = 80.5556 */
	assert_close(overall_of(s, with_both), 100.0 * (5.5 / 3.0 + 7.0 / 12.0) / 3.0, 1e-9);
	assert_close(overall_of(s, with_both), 80.5555555556, 1e-6);
}

static void
assert_assumption_rejected(State *s, const gchar *assumption, gint code)
{
	const gchar *const assumptions[] = {"ir.first=true", assumption, NULL};
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordProfile) profile =
	    accord_profile_new_with_assumptions(s->base, assumptions, &error);

	assert_null(profile);
	assert_accord_error(error, code, "--assume");
	/* the message quotes the assumption */
	if (g_strstr_len(error->message, -1, assumption) == NULL) {
		print_error("message '%s' does not quote '%s'\n", error->message, assumption);
		fail();
	}
}

static void
test_whatif_rejects_not_key_value(void **state)
{
	State *s = *state;

	assert_assumption_rejected(s, "ir.first", ACCORD_ERROR_USAGE);
	assert_assumption_rejected(s, "=true", ACCORD_ERROR_USAGE);
	assert_assumption_rejected(s, "ir.first=", ACCORD_ERROR_USAGE);
}

static void
test_whatif_rejects_unknown_fact(void **state)
{
	assert_assumption_rejected(*state, "ir.second=true", ACCORD_ERROR_REFERENCE);
}

static void
test_whatif_rejects_wrong_type(void **state)
{
	State *s = *state;

	assert_assumption_rejected(s, "ir.first=yes", ACCORD_ERROR_TYPE);
	/* off the scale, and not one of the enum's symbols */
	assert_assumption_rejected(s, "framework.process=secret", ACCORD_ERROR_TYPE);
	assert_assumption_rejected(s, "iot.regime=optional", ACCORD_ERROR_TYPE);
}

static void
test_whatif_rejects_malformed_number_and_date(void **state)
{
	State *s = *state;

	assert_assumption_rejected(s, "workforce.size=12abc", ACCORD_ERROR_VALUE);
	assert_assumption_rejected(s, "workforce.size=1,000", ACCORD_ERROR_VALUE);
	assert_assumption_rejected(s, "strategy.adopted=2021-02-30", ACCORD_ERROR_VALUE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_whatif_replaces_value_and_keeps_old,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_whatif_adds_unstated_fact, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_whatif_old_value_is_the_files, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_whatif_score_with_and_without, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_whatif_rejects_not_key_value, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_whatif_rejects_unknown_fact, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_whatif_rejects_wrong_type, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_whatif_rejects_malformed_number_and_date,
					    setup,
					    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
