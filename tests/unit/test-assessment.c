#include "fixtures.h"

/* Profile A against the test ruleset (see test-score.c for the rule scores):
 *   as stated: ir = (2·87.5 + 1·0)/3 = 58.3333, policy = (25 + 66.6667)/2 = 45.8333,
 *              overall = (2·58.3333 + 45.8333)/3 = 54.1667
 *   assuming ir.first=true: r-first 100, ir = (175 + 100)/3 = 91.6667,
 *              overall = (2·91.6667 + 45.8333)/3 = 76.3889
 *   waivers-test.xml on 2026-03-01 applies c-process (r-process (1 + 0)/2 = 50, policy
 *              (50 + 66.6667)/2 = 58.3333): overall = (2·58.3333 + 58.3333)/3 = 58.3333
 *   both: overall = (2·91.6667 + 58.3333)/3 = 80.5556 */

typedef struct {
	Fixture f;
	AccordProfile *profile;
	AccordWaiverList *waivers;
} State;

static int
setup(void **state)
{
	State *s = g_new0(State, 1);
	g_autofree gchar *ppath = test_data_path("good/profile-a.xml");
	g_autofree gchar *wpath = test_data_path("good/waivers-test.xml");

	fixture_load(&s->f);
	s->profile = accord_profile_load_file(ppath, s->f.vocab, NULL);
	s->waivers = accord_waiver_list_load_file(wpath, NULL);
	assert_non_null(s->profile);
	assert_non_null(s->waivers);
	*state = s;
	return 0;
}

static int
teardown(void **state)
{
	State *s = *state;

	accord_waiver_list_unref(s->waivers);
	accord_profile_unref(s->profile);
	fixture_clear(&s->f);
	g_free(s);
	return 0;
}

static AccordAssessment *
assess(State *s, const gchar *const *assumptions, gboolean waivers)
{
	g_autoptr(GError) error = NULL;
	AccordAssessmentOptions options;
	AccordAssessment *a;

	accord_assessment_options_init(&options);
	options.assumptions = assumptions;
	options.waivers = waivers ? s->waivers : NULL;
	options.date = "2026-03-01";
	a = accord_assess(s->f.ruleset, s->profile, &options, &error);
	assert_null(error);
	assert_non_null(a);
	return a;
}

static gdouble
overall(const AccordAssessment *a, AccordVariant variant)
{
	assert_true(accord_assessment_has_variant(a, variant));
	return accord_score_get_overall(accord_assessment_get_score(a, variant))->value;
}

static void
test_assessment_plain_has_no_variants(void **state)
{
	g_autoptr(AccordAssessment) a = assess(*state, NULL, FALSE);

	assert_close(overall(a, ACCORD_VARIANT_AS_GIVEN), 650.0 / 12.0, 1e-9);
	assert_false(accord_assessment_has_variant(a, ACCORD_VARIANT_WITHOUT_ASSUMPTIONS));
	assert_false(accord_assessment_has_variant(a, ACCORD_VARIANT_BEFORE_WAIVERS));
	assert_null(accord_assessment_get_waivers(a));
}

static void
test_assessment_assumption_variant(void **state)
{
	const gchar *assumptions[] = {"ir.first=true", NULL};
	g_autoptr(AccordAssessment) a = assess(*state, assumptions, FALSE);

	assert_close(overall(a, ACCORD_VARIANT_AS_GIVEN), 76.388888888889, 1e-9);
	assert_close(overall(a, ACCORD_VARIANT_WITHOUT_ASSUMPTIONS), 650.0 / 12.0, 1e-9);
	assert_false(accord_assessment_has_variant(a, ACCORD_VARIANT_BEFORE_WAIVERS));
	/* the profile the assessment reports is the file's, not the assumed copy */
	assert_null(accord_profile_lookup_fact(accord_assessment_get_profile(a), "ir.first"));
}

static void
test_assessment_waiver_and_assumption_variants(void **state)
{
	const gchar *assumptions[] = {"ir.first=true", NULL};
	g_autoptr(AccordAssessment) a = assess(*state, assumptions, TRUE);

	assert_close(overall(a, ACCORD_VARIANT_AS_GIVEN), 80.555555555556, 1e-9);
	/* without assumptions the waivers still apply; before waivers the assumptions do */
	assert_close(overall(a, ACCORD_VARIANT_WITHOUT_ASSUMPTIONS), 175.0 / 3.0, 1e-9);
	assert_close(overall(a, ACCORD_VARIANT_BEFORE_WAIVERS), 76.388888888889, 1e-9);
	assert_string_equal(accord_waiver_outcome_get_date(accord_assessment_get_waivers(a)),
			    "2026-03-01");
}

static void
test_assessment_country_prefix(void **state)
{
	/* a prefix matches the profile's country in any case; another country's is left out */
	const gchar *mine[] = {"aa:ir.first=true", NULL};
	const gchar *other[] = {"BB:ir.first=true", NULL};
	g_autoptr(AccordAssessment) a = assess(*state, mine, FALSE);
	g_autoptr(AccordAssessment) b = assess(*state, other, FALSE);

	assert_close(overall(a, ACCORD_VARIANT_AS_GIVEN), 76.388888888889, 1e-9);
	assert_close(overall(b, ACCORD_VARIANT_AS_GIVEN), 650.0 / 12.0, 1e-9);
	assert_false(accord_assessment_has_variant(b, ACCORD_VARIANT_WITHOUT_ASSUMPTIONS));
}

static void
test_assessment_bad_assumption(void **state)
{
	State *s = *state;
	const gchar *bad[] = {"ir.first", NULL};
	g_autoptr(GError) error = NULL;
	AccordAssessmentOptions options;

	accord_assessment_options_init(&options);
	options.assumptions = bad;
	assert_null(accord_assess(s->f.ruleset, s->profile, &options, &error));
	assert_accord_error(error, ACCORD_ERROR_USAGE, "");
}

static void
test_assessment_outlives_its_inputs(void **state)
{
	State *s = *state;
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordAssessment) a = NULL;
	g_autofree gchar *ppath = test_data_path("good/profile-b.xml");
	AccordProfile *profile = accord_profile_load_file(ppath, s->f.vocab, &error);
	AccordAssessmentOptions options;

	/* the assessment holds what it needs: dropping the caller's profile is safe */
	accord_assessment_options_init(&options);
	a = accord_assess(s->f.ruleset, profile, &options, &error);
	accord_profile_unref(profile);
	assert_close(overall(a, ACCORD_VARIANT_AS_GIVEN), 100.0, 1e-9);
	assert_string_equal(accord_profile_get_country(accord_assessment_get_profile(a)), "BB");
}

static gdouble
rescored(const AccordAssessment *a, const gchar *const *more)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordScore) score = accord_assessment_rescore(a, more, &error);

	assert_null(error);
	assert_non_null(score);
	return accord_score_get_overall(score)->value;
}

static void
test_assessment_rescore_adds_assumptions(void **state)
{
	const gchar *const first[] = {"ir.first=true", NULL};
	const gchar *const none[] = {NULL};
	g_autoptr(AccordAssessment) plain = assess(*state, NULL, FALSE);
	g_autoptr(AccordAssessment) waived = assess(*state, NULL, TRUE);

	/* the header's figures: nothing more gives the score as given again; ir.first=true gives
	 * 76.3889, with the waivers (checked on the same 2026-03-01) 80.5556 */
	assert_close(rescored(plain, none), 650.0 / 12.0, 1e-9);
	assert_close(rescored(plain, first), (2 * 275.0 / 3.0 + 45.8333333333333) / 3.0, 1e-9);
	assert_close(rescored(waived, first), (2 * 275.0 / 3.0 + 350.0 / 6.0) / 3.0, 1e-9);
}

static void
test_assessment_rescore_after_its_own(void **state)
{
	const gchar *const own[] = {"ir.first=true", NULL};
	const gchar *const back[] = {"ir.first=false", NULL};
	const gchar *const bad[] = {"ir.first=maybe", NULL};
	g_autoptr(AccordAssessment) a = assess(*state, own, FALSE);
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordScore) score = NULL;

	/* the assessment's own ir.first=true comes first, so ir.first=false wins: r-first fails,
	 * which is the file's 54.1667 less nothing (unknown and false both score 0) */
	assert_close(rescored(a, back), 650.0 / 12.0, 1e-9);
	score = accord_assessment_rescore(a, bad, &error);
	assert_null(score);
	assert_accord_error(error, ACCORD_ERROR_TYPE, "--assume ir.first=maybe");
}

/* profile-aged.xml under a confidence floor, and with an assumption restating a dropped fact */
static void
test_assessment_filters_before_assumptions(void **state)
{
	State *s = *state;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = test_data_path("good/profile-aged.xml");
	g_autoptr(AccordProfile) aged = accord_profile_load_file(path, s->f.vocab, &error);
	g_autoptr(AccordAssessment) a = NULL;
	g_autoptr(AccordAssessment) b = NULL;
	const gchar *assume[] = {"ir.first=true", NULL};
	const AccordProfile *evaluated;
	AccordAssessmentOptions options;

	assert_non_null(aged);
	accord_assessment_options_init(&options);
	options.min_confidence = ACCORD_CONFIDENCE_HIGH;
	options.date = "2026-06-30";
	/* floor high: ir.first, disclosure.cvd, workforce.size below it, encryption.backdoor
	 * expired: r-ir (3·1 + 0)/4 = 75, r-first 0, ir (2·75 + 0)/3 = 50; r-process 100,
	 * r-strategy 0, policy 50; overall (2·50 + 50)/3 = 50, coverage (2·0.5 + 0.5)/3 = 0.5 */
	a = accord_assess(s->f.ruleset, aged, &options, &error);
	assert_non_null(a);
	assert_close(accord_score_get_overall(accord_assessment_get_score(a, 0))->value,
		     50.0,
		     1e-9);
	assert_close(accord_score_get_overall(accord_assessment_get_score(a, 0))->coverage,
		     0.5,
		     1e-12);
	evaluated = accord_evaluation_get_profile(
	    accord_score_get_evaluation(accord_assessment_get_score(a, ACCORD_VARIANT_AS_GIVEN)));
	assert_int_equal(accord_profile_get_n_dropped(evaluated), 4);
	assert_ptr_equal(accord_assessment_get_profile(a), aged);
	/* the assumption states ir.first again after the filter dropped it: r-first 100,
	 * ir (150 + 100)/3 = 83.3333, overall (2·83.3333 + 50)/3 = 72.2222; without the
	 * assumption the filtered profile still scores 50 */
	options.assumptions = assume;
	b = accord_assess(s->f.ruleset, aged, &options, &error);
	assert_non_null(b);
	assert_close(accord_score_get_overall(accord_assessment_get_score(b, 0))->value,
		     650.0 / 9.0,
		     1e-9);
	assert_close(accord_score_get_overall(
			 accord_assessment_get_score(b, ACCORD_VARIANT_WITHOUT_ASSUMPTIONS))
			 ->value,
		     50.0,
		     1e-9);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_assessment_plain_has_no_variants, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_assessment_assumption_variant, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_assessment_waiver_and_assumption_variants,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_assessment_country_prefix, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_assessment_bad_assumption, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_assessment_outlives_its_inputs, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_assessment_rescore_adds_assumptions,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_assessment_rescore_after_its_own, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_assessment_filters_before_assumptions,
					    setup,
					    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
