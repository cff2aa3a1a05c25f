#include "fixtures.h"

/* Profile A against the test ruleset, criterion by criterion (credits by hand):
 *   r-ir:       c-csirt (w3) true → 1;  c-cvd (w1) draft, at-least adopted partial → 1/2
 *   r-first:    c-first (w1) not stated → unknown
 *   r-process:  c-process (w1) consultation, at-least open-comment partial → 1/2;
 *               c-iot (w1) precondition mandatory ∉ {none} holds, mandatory ∉ {voluntary-label} → 0
 *   r-strategy: c-strategy 2018-05-01 < 2020-01-01 → 0; c-workforce 5000 ≥ 1000 → 1;
 *               c-enc not(false = true) → 1
 * Effective rule weights: r-ir 2, r-first 1, r-process 1, r-strategy 1; pillars ir 2, policy 1. */

typedef struct {
	Fixture f;
	AccordEvaluation *evaluation;
	AccordScore *score;
} State;

static int
setup(void **state)
{
	State *s = g_new0(State, 1);

	fixture_load(&s->f);
	*state = s;
	return 0;
}

static int
teardown(void **state)
{
	State *s = *state;

	accord_score_unref(s->score);
	accord_evaluation_unref(s->evaluation);
	fixture_clear(&s->f);
	g_free(s);
	return 0;
}

static void
score_with(State *s,
	   const gchar *profile,
	   AccordScoreModel model,
	   AccordAggregation aggregation,
	   AccordUnknownPolicy unknown)
{
	AccordScoreOptions options;

	accord_score_options_init(&options);
	options.model = model;
	options.aggregation = aggregation;
	options.unknown = unknown;
	accord_score_unref(s->score);
	accord_evaluation_unref(s->evaluation);
	s->score = fixture_score(&s->f, profile, &options, &s->evaluation);
}

static void
test_score_weighted_mean_by_hand(void **state)
{
	State *s = *state;

	score_with(s,
		   "profile-a.xml",
		   ACCORD_SCORE_MODEL_WEIGHTED,
		   ACCORD_AGGREGATION_ARITHMETIC,
		   ACCORD_UNKNOWN_ZERO);
	/* r-ir: (3·1 + 1·0.5) / (3 + 1) = 3.5/4 = 0.875 */
	assert_close(rule_item(&s->f, s->score, "r-ir")->value, 87.5, 1e-9);
	assert_close(rule_item(&s->f, s->score, "r-ir")->numerator, 3.5, 1e-12);
	assert_close(rule_item(&s->f, s->score, "r-ir")->denominator, 4.0, 1e-12);
	/* r-first: the unknown counts as 0 → 0/1 */
	assert_close(rule_item(&s->f, s->score, "r-first")->value, 0.0, 1e-9);
	/* r-process: (0.5 + 0) / 2 = 0.25 */
	assert_close(rule_item(&s->f, s->score, "r-process")->value, 25.0, 1e-9);
	/* r-strategy: (0 + 1 + 1) / 3 */
	assert_close(rule_item(&s->f, s->score, "r-strategy")->value, 200.0 / 3.0, 1e-9);
	/* pillar ir: (2·0.875 + 1·0) / (2 + 1) = 1.75/3 = 0.583333… */
	assert_close(pillar_item(&s->f, s->score, 0)->value, 175.0 / 3.0, 1e-9);
	/* pillar policy: (1·0.25 + 1·0.666…) / 2 = 0.458333… */
	assert_close(pillar_item(&s->f, s->score, 1)->value,
		     100.0 * (0.25 + 2.0 / 3.0) / 2.0,
		     1e-9);
	/* overall: (2·0.583333 + 1·0.458333) / 3 = 1.625/3 = 0.541666… */
	assert_close(accord_score_get_overall(s->score)->value, 162.5 / 3.0, 1e-9);
}

static void
test_score_coverage_is_share_of_known_weight(void **state)
{
	State *s = *state;

	score_with(s,
		   "profile-a.xml",
		   ACCORD_SCORE_MODEL_WEIGHTED,
		   ACCORD_AGGREGATION_ARITHMETIC,
		   ACCORD_UNKNOWN_ZERO);
	/* only c-first is unknown: r-first coverage 0, every other rule 1;
	 * ir: (2·1 + 1·0)/3 = 2/3; policy: 1; overall: (2·2/3 + 1·1)/3 = 7/9 */
	assert_close(rule_item(&s->f, s->score, "r-first")->coverage, 0.0, 1e-12);
	assert_close(rule_item(&s->f, s->score, "r-ir")->coverage, 1.0, 1e-12);
	assert_close(pillar_item(&s->f, s->score, 0)->coverage, 2.0 / 3.0, 1e-12);
	assert_close(pillar_item(&s->f, s->score, 1)->coverage, 1.0, 1e-12);
	assert_close(accord_score_get_overall(s->score)->coverage, 7.0 / 9.0, 1e-12);
}

static void
test_score_unknown_exclude_drops_rule(void **state)
{
	State *s = *state;

	score_with(s,
		   "profile-a.xml",
		   ACCORD_SCORE_MODEL_WEIGHTED,
		   ACCORD_AGGREGATION_ARITHMETIC,
		   ACCORD_UNKNOWN_EXCLUDE);
	/* r-first has nothing left to count: not applicable, and ir is r-ir alone = 0.875;
	 * overall: (2·0.875 + 1·0.458333)/3 = 2.208333/3 = 0.736111… */
	assert_false(rule_item(&s->f, s->score, "r-first")->applicable);
	assert_true(isnan(rule_item(&s->f, s->score, "r-first")->value));
	assert_close(pillar_item(&s->f, s->score, 0)->value, 87.5, 1e-9);
	assert_close(accord_score_get_overall(s->score)->value,
		     100.0 * (1.75 + 0.25 / 2.0 + 1.0 / 3.0) / 3.0,
		     1e-9);
	assert_close(accord_score_get_overall(s->score)->value, 73.6111111111, 1e-6);
	/* coverage does not depend on the policy: still 7/9 */
	assert_close(accord_score_get_overall(s->score)->coverage, 7.0 / 9.0, 1e-12);
}

static void
test_score_unknown_pass_is_upper_bound(void **state)
{
	State *s = *state;

	score_with(s,
		   "profile-a.xml",
		   ACCORD_SCORE_MODEL_WEIGHTED,
		   ACCORD_AGGREGATION_ARITHMETIC,
		   ACCORD_UNKNOWN_PASS);
	/* r-first = 1; ir: (2·0.875 + 1·1)/3 = 2.75/3; overall: (2·2.75/3 + 0.458333)/3 = 0.763888…
	 */
	assert_close(rule_item(&s->f, s->score, "r-first")->value, 100.0, 1e-9);
	assert_close(pillar_item(&s->f, s->score, 0)->value, 275.0 / 3.0, 1e-9);
	assert_close(accord_score_get_overall(s->score)->value, 76.3888888889, 1e-6);
}

static void
test_score_geometric_aggregation(void **state)
{
	State *s = *state;

	score_with(s,
		   "profile-a.xml",
		   ACCORD_SCORE_MODEL_WEIGHTED,
		   ACCORD_AGGREGATION_GEOMETRIC,
		   ACCORD_UNKNOWN_ZERO);
	/* 0.583333^(2/3) · 0.458333^(1/3): cube roots 0.835532 and 0.771023 →
	 * 0.835532² · 0.771023 = 0.698114 · 0.771023 = 0.538263 */
	assert_close(accord_score_get_overall(s->score)->value, 53.8276, 1e-3);
	/* pillar scores are unchanged: aggregation acts only between pillars */
	assert_close(pillar_item(&s->f, s->score, 0)->value, 175.0 / 3.0, 1e-9);
}

static void
test_score_geometric_zero_pillar_zeroes_overall(void **state)
{
	State *s = *state;

	/* profile C states nothing the ir pillar needs: ir = 0, so the geometric mean is 0 */
	score_with(s,
		   "profile-c.xml",
		   ACCORD_SCORE_MODEL_WEIGHTED,
		   ACCORD_AGGREGATION_GEOMETRIC,
		   ACCORD_UNKNOWN_ZERO);
	assert_close(pillar_item(&s->f, s->score, 0)->value, 0.0, 1e-12);
	assert_close(accord_score_get_overall(s->score)->value, 0.0, 1e-12);
}

static void
test_score_xccdf_default_counts_partial_as_fail(void **state)
{
	State *s = *state;

	score_with(s,
		   "profile-a.xml",
		   ACCORD_SCORE_MODEL_XCCDF_DEFAULT,
		   ACCORD_AGGREGATION_ARITHMETIC,
		   ACCORD_UNKNOWN_ZERO);
	/* XCCDF results are pass/fail: c-cvd and c-process (partial) score 0.
	 * r-ir: (3·100 + 1·0)/4 = 75; r-process: 0; r-strategy: 200/3
	 * ir: (2·75 + 1·0)/3 = 50; policy: (0 + 66.67)/2 = 33.33; overall: (2·50 + 33.33)/3 = 44.44
	 */
	assert_close(rule_item(&s->f, s->score, "r-ir")->value, 75.0, 1e-9);
	assert_close(rule_item(&s->f, s->score, "r-process")->value, 0.0, 1e-9);
	assert_close(pillar_item(&s->f, s->score, 0)->value, 50.0, 1e-9);
	assert_close(pillar_item(&s->f, s->score, 1)->value, 100.0 / 3.0, 1e-9);
	assert_close(accord_score_get_overall(s->score)->value, 400.0 / 9.0, 1e-9);
}

static void
test_score_xccdf_flat_ignores_group_weights(void **state)
{
	State *s = *state;

	score_with(s,
		   "profile-a.xml",
		   ACCORD_SCORE_MODEL_XCCDF_FLAT,
		   ACCORD_AGGREGATION_ARITHMETIC,
		   ACCORD_UNKNOWN_ZERO);
	/* criterion weights only: passes c-csirt 3, c-workforce 1, c-enc 1 = 5 of
	 * 3+1+1+1+1+1+1+1 = 10 → 50. r-ir 3/4; ir (3+0)/(4+1) = 60; policy (0+2)/(2+3) = 40 */
	assert_close(accord_score_get_overall(s->score)->value, 50.0, 1e-9);
	assert_close(accord_score_get_overall(s->score)->numerator, 5.0, 1e-12);
	assert_close(accord_score_get_overall(s->score)->denominator, 10.0, 1e-12);
	assert_close(rule_item(&s->f, s->score, "r-ir")->value, 75.0, 1e-9);
	assert_close(pillar_item(&s->f, s->score, 0)->value, 60.0, 1e-9);
	assert_close(pillar_item(&s->f, s->score, 1)->value, 40.0, 1e-9);
	/* flat shares are parts of the flat denominator: r-ir 4/10, r-first 1/10 */
	assert_close(rule_item(&s->f, s->score, "r-ir")->share, 0.4, 1e-12);
	assert_close(rule_item(&s->f, s->score, "r-first")->share, 0.1, 1e-12);
}

static void
test_score_xccdf_flat_unweighted(void **state)
{
	State *s = *state;

	score_with(s,
		   "profile-a.xml",
		   ACCORD_SCORE_MODEL_XCCDF_FLAT_UNWEIGHTED,
		   ACCORD_AGGREGATION_ARITHMETIC,
		   ACCORD_UNKNOWN_ZERO);
	/* 3 passes of 8 criteria = 37.5; r-ir 1/2; ir 1/3; policy 2/5 */
	assert_close(accord_score_get_overall(s->score)->value, 37.5, 1e-9);
	assert_close(rule_item(&s->f, s->score, "r-ir")->value, 50.0, 1e-9);
	assert_close(pillar_item(&s->f, s->score, 0)->value, 100.0 / 3.0, 1e-9);
	assert_close(pillar_item(&s->f, s->score, 1)->value, 40.0, 1e-9);
}

static void
test_score_xccdf_absolute(void **state)
{
	State *s = *state;

	score_with(s,
		   "profile-a.xml",
		   ACCORD_SCORE_MODEL_XCCDF_ABSOLUTE,
		   ACCORD_AGGREGATION_ARITHMETIC,
		   ACCORD_UNKNOWN_ZERO);
	/* not every criterion passes → 0, also for r-strategy (2 of 3) */
	assert_close(accord_score_get_overall(s->score)->value, 0.0, 1e-12);
	assert_close(rule_item(&s->f, s->score, "r-strategy")->value, 0.0, 1e-12);
	score_with(s,
		   "profile-b.xml",
		   ACCORD_SCORE_MODEL_XCCDF_ABSOLUTE,
		   ACCORD_AGGREGATION_ARITHMETIC,
		   ACCORD_UNKNOWN_ZERO);
	assert_close(accord_score_get_overall(s->score)->value, 100.0, 1e-12);
}

static void
test_score_full_marks_under_every_model(void **state)
{
	State *s = *state;

	/* profile B meets every criterion, two of them exactly at the threshold */
	for (guint m = ACCORD_SCORE_MODEL_WEIGHTED; m <= ACCORD_SCORE_MODEL_XCCDF_ABSOLUTE; m++) {
		score_with(s,
			   "profile-b.xml",
			   m,
			   ACCORD_AGGREGATION_ARITHMETIC,
			   ACCORD_UNKNOWN_ZERO);
		assert_close(accord_score_get_overall(s->score)->value, 100.0, 1e-9);
		assert_close(accord_score_get_overall(s->score)->coverage, 1.0, 1e-12);
	}
}

static void
test_score_not_applicable_criterion_is_dropped(void **state)
{
	State *s = *state;
	const AccordCriterion *iot = accord_ruleset_lookup_criterion(s->f.ruleset, "c-iot");

	/* profile C: iot.regime = none makes c-iot not applicable; c-process is unknown → 0.
	 * r-process = 0/1 (one counted criterion, not 0/2), coverage 0 of weight 1 */
	score_with(s,
		   "profile-c.xml",
		   ACCORD_SCORE_MODEL_WEIGHTED,
		   ACCORD_AGGREGATION_ARITHMETIC,
		   ACCORD_UNKNOWN_ZERO);
	assert_int_equal(accord_evaluation_get_result(s->evaluation, iot)->outcome,
			 ACCORD_OUTCOME_NOT_APPLICABLE);
	assert_false(accord_score_counts_criterion(s->score, iot));
	assert_close(rule_item(&s->f, s->score, "r-process")->denominator, 1.0, 1e-12);
	assert_close(accord_score_get_overall(s->score)->coverage, 0.0, 1e-12);
}

static void
test_score_nothing_counted_is_not_applicable(void **state)
{
	State *s = *state;

	/* profile C under exclude: every counted criterion is unknown and left out */
	score_with(s,
		   "profile-c.xml",
		   ACCORD_SCORE_MODEL_WEIGHTED,
		   ACCORD_AGGREGATION_ARITHMETIC,
		   ACCORD_UNKNOWN_EXCLUDE);
	assert_false(accord_score_get_overall(s->score)->applicable);
	assert_true(isnan(accord_score_get_overall(s->score)->value));
}

static void
test_score_shares_multiply_down_the_tree(void **state)
{
	State *s = *state;

	score_with(s,
		   "profile-a.xml",
		   ACCORD_SCORE_MODEL_WEIGHTED,
		   ACCORD_AGGREGATION_ARITHMETIC,
		   ACCORD_UNKNOWN_ZERO);
	/* ir 2/3 × (2/3, 1/3); policy 1/3 × (1/2, 1/2) */
	assert_close(pillar_item(&s->f, s->score, 0)->share, 2.0 / 3.0, 1e-12);
	assert_close(rule_item(&s->f, s->score, "r-ir")->share, 4.0 / 9.0, 1e-12);
	assert_close(rule_item(&s->f, s->score, "r-first")->share, 2.0 / 9.0, 1e-12);
	assert_close(rule_item(&s->f, s->score, "r-process")->share, 1.0 / 6.0, 1e-12);
	assert_close(rule_item(&s->f, s->score, "r-strategy")->share, 1.0 / 6.0, 1e-12);
}

/* every weight at a bound of [1e-6, 1e6] (ACCORD_WEIGHT_MIN, ACCORD_WEIGHT_MAX):
 *   pillar big (P 1e6):   r1 W 1e6 × m 1e6 = 1e12: c1 w 1e6 ir.csirt is true → pass,
 *                                                   c2 w 1e-6 backdoor is true → fail
 *                          r2 W 1e-6 × m 1e-6 = 1e-12: c3 w 1 backdoor is true → fail
 *   pillar small (P 1e-6): r3 W 1 × m 1e-6 = 1e-6: c4 w 1 ir.csirt is true → pass */
#define EXTREME_RULESET                                                                            \
	"<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"extreme\" version=\"1\">"                    \
	"<title>Extreme</title><agreement name=\"A\"/><obligations>"                               \
	"<obligation id=\"big\" multiplier=\"1e6\">B.</obligation>"                                \
	"<obligation id=\"small\" multiplier=\"0.000001\">S.</obligation></obligations>"           \
	"<pillar id=\"big\" weight=\"1e6\"><title>B</title></pillar>"                              \
	"<pillar id=\"small\" weight=\"1e-6\"><title>S</title></pillar>"                           \
	"<rule id=\"r1\" pillar=\"big\" obligation=\"big\" weight=\"1e6\"><title>R</title>"        \
	"<provision cite=\"1\">P.</provision>"                                                     \
	"<criterion id=\"c1\" weight=\"1e6\"><title>C</title><check fact=\"ir.csirt\" "            \
	"is=\"true\"/>"                                                                            \
	"</criterion><criterion id=\"c2\" weight=\"1e-6\"><title>C</title>"                        \
	"<check fact=\"encryption.backdoor\" is=\"true\"/></criterion>"                            \
	"<recommendation>R.</recommendation></rule>"                                               \
	"<rule id=\"r2\" pillar=\"big\" obligation=\"small\" weight=\"1e-6\"><title>R</title>"     \
	"<provision cite=\"2\">P.</provision><criterion id=\"c3\"><title>C</title>"                \
	"<check fact=\"encryption.backdoor\" is=\"true\"/></criterion>"                            \
	"<recommendation>R.</recommendation></rule>"                                               \
	"<rule id=\"r3\" pillar=\"small\" obligation=\"small\"><title>R</title>"                   \
	"<provision cite=\"3\">P.</provision><criterion id=\"c4\"><title>C</title>"                \
	"<check fact=\"ir.csirt\" is=\"true\"/></criterion>"                                       \
	"<recommendation>R.</recommendation></rule></ruleset>"

static AccordScore *
score_extreme(State *s, AccordScoreModel model, AccordAggregation aggregation)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = test_data_path("good/profile-a.xml");
	g_autoptr(AccordRuleset) rs = accord_ruleset_load_data(EXTREME_RULESET,
							       strlen(EXTREME_RULESET),
							       NULL,
							       s->f.vocab,
							       &error);
	g_autoptr(AccordProfile) profile = NULL;
	AccordScoreOptions options;
	AccordScore *score;

	assert_null(error);
	profile = accord_profile_load_file(path, s->f.vocab, &error);
	assert_null(error);
	accord_evaluation_unref(s->evaluation);
	s->evaluation = accord_evaluate(rs, profile, &error);
	assert_null(error);
	accord_score_options_init(&options);
	options.model = model;
	options.aggregation = aggregation;
	score = accord_score_compute(s->evaluation, &options, &error);
	assert_null(error);
	return score;
}

static const AccordScoreItem *
extreme_rule(const AccordScore *score, const gchar *id)
{
	const AccordRuleset *rs = accord_evaluation_get_ruleset(accord_score_get_evaluation(score));

	return accord_score_get_rule(score, accord_ruleset_lookup_rule(rs, id));
}

static void
test_score_weights_at_the_bounds_stay_finite(void **state)
{
	State *s = *state;
	g_autoptr(AccordScore) score =
	    score_extreme(s, ACCORD_SCORE_MODEL_WEIGHTED, ACCORD_AGGREGATION_ARITHMETIC);
	const AccordScoreItem *overall = accord_score_get_overall(score);

	/* r1 = 100·1e6 / (1e6 + 1e-6) = 100 / (1 + 1e-12) ≈ 100 − 1e-10; r2 = 0; r3 = 100 */
	assert_close(extreme_rule(score, "r1")->value, 100 - 1e-10, 1e-12);
	assert_close(extreme_rule(score, "r2")->value, 0, 0);
	assert_close(extreme_rule(score, "r3")->value, 100, 0);
	/* big = (1e12·r1 + 1e-12·0) / (1e12 + 1e-12) = r1 / (1 + 1e-24) ≈ r1; small = 100;
	 * overall = (1e6·big + 1e-6·100) / (1e6 + 1e-6) ≈ (100 − 1e-10 + 1e-10)(1 − 1e-12)
	 * ≈ 100 − 1e-10 */
	assert_close(overall->value, 100 - 1e-10, 1e-12);
	/* the smallest share, 1e6/(1e6 + 1e-6) · 1e-12/(1e12 + 1e-12) ≈ 1e-24, is neither 0 nor
	 * subnormal; r3's is 1e-6/(1e6 + 1e-6) · 1 ≈ 1e-12 */
	assert_close(extreme_rule(score, "r2")->share / 1e-24, 1, 1e-9);
	assert_close(extreme_rule(score, "r3")->share / 1e-12, 1, 1e-9);
	assert_close(extreme_rule(score, "r1")->share, 1, 1e-9);
	assert_close(overall->coverage, 1, 0);
}

static void
test_score_weights_at_the_bounds_under_other_models(void **state)
{
	State *s = *state;
	AccordScore *score =
	    score_extreme(s, ACCORD_SCORE_MODEL_WEIGHTED, ACCORD_AGGREGATION_GEOMETRIC);

	/* geometric: exp((1e6·ln(big/100) + 1e-6·ln 1) / (1e6 + 1e-6)) ≈ big/100, so ≈ 100 −
	 * 1e-10 again */
	assert_close(accord_score_get_overall(score)->value, 100 - 1e-10, 1e-9);
	accord_score_unref(score);
	/* flat: passing weight c1 + c4 over all four, 100·(1e6 + 1) / (1e6 + 1e-6 + 1 + 1) */
	score = score_extreme(s, ACCORD_SCORE_MODEL_XCCDF_FLAT, ACCORD_AGGREGATION_ARITHMETIC);
	assert_close(accord_score_get_overall(score)->value,
		     100 * (1e6 + 1) / (1e6 + 1e-6 + 2),
		     1e-9);
	accord_score_unref(score);
}

static void
test_score_rejects_geometric_with_xccdf(void **state)
{
	State *s = *state;
	g_autoptr(GError) error = NULL;
	AccordScoreOptions options;

	score_with(s,
		   "profile-a.xml",
		   ACCORD_SCORE_MODEL_WEIGHTED,
		   ACCORD_AGGREGATION_ARITHMETIC,
		   ACCORD_UNKNOWN_ZERO);
	accord_score_options_init(&options);
	options.model = ACCORD_SCORE_MODEL_XCCDF_FLAT;
	options.aggregation = ACCORD_AGGREGATION_GEOMETRIC;
	assert_null(accord_score_compute(s->evaluation, &options, &error));
	assert_accord_error(error, ACCORD_ERROR_USAGE, "the xccdf-flat model");
}

static void
test_score_option_names_round_trip(void **state)
{
	AccordScoreModel model;
	AccordAggregation aggregation;
	AccordUnknownPolicy policy;

	for (guint m = 0; m <= ACCORD_SCORE_MODEL_XCCDF_ABSOLUTE; m++) {
		assert_true(
		    accord_score_model_from_string(accord_score_model_to_string(m), &model));
		assert_int_equal(model, m);
	}
	assert_true(accord_aggregation_from_string("geometric", &aggregation));
	assert_int_equal(aggregation, ACCORD_AGGREGATION_GEOMETRIC);
	assert_true(accord_unknown_policy_from_string("exclude", &policy));
	assert_int_equal(policy, ACCORD_UNKNOWN_EXCLUDE);
	assert_false(accord_score_model_from_string("flat", &model));
	assert_false(accord_unknown_policy_from_string("", &policy));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_score_weights_at_the_bounds_stay_finite,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_score_weights_at_the_bounds_under_other_models,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_score_weighted_mean_by_hand, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_score_coverage_is_share_of_known_weight,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_score_unknown_exclude_drops_rule, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_score_unknown_pass_is_upper_bound,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_score_geometric_aggregation, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_score_geometric_zero_pillar_zeroes_overall,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_score_xccdf_default_counts_partial_as_fail,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_score_xccdf_flat_ignores_group_weights,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_score_xccdf_flat_unweighted, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_score_xccdf_absolute, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_score_full_marks_under_every_model,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_score_not_applicable_criterion_is_dropped,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_score_nothing_counted_is_not_applicable,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_score_shares_multiply_down_the_tree,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_score_rejects_geometric_with_xccdf,
					    setup,
					    teardown),
	    cmocka_unit_test(test_score_option_names_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
