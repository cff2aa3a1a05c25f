#include "fixtures.h"

/* Marginal gains for profile A (weighted, unknown = 0): each open criterion met alone,
 * re-scored. Rule shares r-ir 4/9, r-first 2/9, r-process 1/6, r-strategy 1/6, so a rule
 * moving by Δ points moves the overall by share × Δ:
 *   c-first    r-first   0    → 100  (1/1):         2/9 × 100  = 22.2222
 *   c-iot      r-process 25   → 75   ((0.5 + 1)/2): 1/6 × 50   = 8.3333
 *   c-cvd      r-ir      87.5 → 100  ((3 + 1)/4):   4/9 × 12.5 = 5.5556
 *   c-strategy r-strategy 66.7 → 100 (3/3):         1/6 × 33.3 = 5.5556
 *   c-process  r-process 25   → 50   ((1 + 0)/2):   1/6 × 25   = 4.1667
 * Largest first; c-cvd and c-strategy tie at 50/9 and go by id. c-csirt, c-workforce and
 * c-enc are met and have no line. */

typedef struct {
	Fixture f;
	AccordEvaluation *evaluation;
	AccordScore *score;
	AccordTailoring *tailoring;
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
	accord_tailoring_unref(s->tailoring);
	fixture_clear(&s->f);
	g_free(s);
	return 0;
}

static AccordExplanation *
explain(State *s, const gchar *profile, AccordUnknownPolicy unknown)
{
	g_autoptr(GError) error = NULL;
	AccordScoreOptions options;
	AccordExplanation *explanation;

	accord_score_options_init(&options);
	options.unknown = unknown;
	options.tailoring = s->tailoring;
	s->score = fixture_score(&s->f, profile, &options, &s->evaluation);
	explanation = accord_explanation_new(s->score, &error);
	assert_null(error);
	assert_non_null(explanation);
	return explanation;
}

static void
assert_gain(const AccordExplanation *explanation, guint index, const gchar *id, gdouble gain)
{
	const AccordMarginalGain *g = accord_explanation_get_gain(explanation, index);

	assert_string_equal(accord_criterion_get_id(g->criterion), id);
	assert_close(g->gain, gain, 1e-9);
}

static void
test_explain_gains_by_hand(void **state)
{
	State *s = *state;
	g_autoptr(AccordExplanation) explanation = explain(s, "profile-a.xml", ACCORD_UNKNOWN_ZERO);

	assert_ptr_equal(accord_explanation_get_score(explanation), s->score);
	assert_int_equal(accord_explanation_get_n_gains(explanation), 5);
	assert_gain(explanation, 0, "c-first", 200.0 / 9.0);
	assert_gain(explanation, 1, "c-iot", 50.0 / 6.0);
	assert_gain(explanation, 2, "c-cvd", 50.0 / 9.0);
	assert_gain(explanation, 3, "c-strategy", 50.0 / 9.0);
	assert_gain(explanation, 4, "c-process", 25.0 / 6.0);
	/* c-first alone: 54.1667 → 76.3889 */
	assert_close(accord_score_get_overall(s->score)->value + 200.0 / 9.0, 76.3888888889, 1e-6);
}

static void
test_explain_rule_fractions_add_up_to_overall(void **state)
{
	State *s = *state;
	g_autoptr(AccordExplanation) explanation = explain(s, "profile-a.xml", ACCORD_UNKNOWN_ZERO);
	const gchar *ids[] = {"r-ir", "r-first", "r-process", "r-strategy"};
	/* numerator / denominator per rule (weights × credits):
	 *   r-ir 3·1 + 1·0.5 = 3.5 / 4;  r-first 0 / 1;  r-process 0.5 + 0 = 0.5 / 2;
	 *   r-strategy 0 + 1 + 1 = 2 / 3 */
	const gdouble numerators[] = {3.5, 0.0, 0.5, 2.0};
	const gdouble denominators[] = {4.0, 1.0, 2.0, 3.0};
	const gdouble shares[] = {4.0 / 9.0, 2.0 / 9.0, 1.0 / 6.0, 1.0 / 6.0};
	gdouble sum = 0;

	for (guint i = 0; i < G_N_ELEMENTS(ids); i++) {
		const AccordScoreItem *item = rule_item(&s->f, s->score, ids[i]);

		assert_close(item->numerator, numerators[i], 1e-12);
		assert_close(item->denominator, denominators[i], 1e-12);
		assert_close(item->share, shares[i], 1e-12);
		sum += item->share * 100.0 * item->numerator / item->denominator;
	}
	/* 4/9·87.5 + 2/9·0 + 1/6·25 + 1/6·66.667 = 38.8889 + 0 + 4.1667 + 11.1111 = 54.1667 */
	assert_close(sum, 162.5 / 3.0, 1e-9);
	assert_close(sum, accord_score_get_overall(s->score)->value, 1e-9);
	/* the pillar fractions: ir (2·0.875 + 1·0) = 1.75 / 3, policy (0.25 + 0.6667) / 2;
	 * overall (2·1.75/3 + 1·0.916667/2) = 1.625 / 3 */
	assert_close(pillar_item(&s->f, s->score, 0)->numerator, 1.75, 1e-12);
	assert_close(pillar_item(&s->f, s->score, 0)->denominator, 3.0, 1e-12);
	assert_close(pillar_item(&s->f, s->score, 1)->numerator, 0.25 + 2.0 / 3.0, 1e-12);
	assert_close(pillar_item(&s->f, s->score, 1)->denominator, 2.0, 1e-12);
	assert_close(accord_score_get_overall(s->score)->numerator, 1.625, 1e-12);
	assert_close(accord_score_get_overall(s->score)->denominator, 3.0, 1e-12);
	assert_close(100.0 * accord_score_get_overall(s->score)->numerator /
			 accord_score_get_overall(s->score)->denominator,
		     accord_score_get_overall(s->score)->value,
		     1e-9);
}

static void
test_explain_gains_follow_unknown_policy(void **state)
{
	State *s = *state;
	g_autoptr(AccordExplanation) explanation =
	    explain(s, "profile-a.xml", ACCORD_UNKNOWN_EXCLUDE);

	/* exclude: r-first is out, so ir = r-ir = 0.875 and overall 73.6111 (test-score.c).
	 * Meeting c-first brings r-first back at 100: ir (2·0.875 + 1)/3 = 0.916667,
	 * overall (2·0.916667 + 0.458333)/3 = 76.3889: a gain of 2.7778 = 25/9, not 22.2222.
	 * Shares under exclude: r-ir 2/3, r-process 1/6, r-strategy 1/6:
	 *   c-iot 8.3333, c-cvd 2/3 × 12.5 = 8.3333 (a tie: c-cvd first by id), c-strategy 5.5556,
	 *   c-process 4.1667 */
	assert_int_equal(accord_explanation_get_n_gains(explanation), 5);
	assert_gain(explanation, 0, "c-cvd", 25.0 / 3.0);
	assert_gain(explanation, 1, "c-iot", 25.0 / 3.0);
	assert_gain(explanation, 2, "c-strategy", 50.0 / 9.0);
	assert_gain(explanation, 3, "c-process", 25.0 / 6.0);
	assert_gain(explanation, 4, "c-first", 25.0 / 9.0);
}

static void
test_explain_skips_deselected(void **state)
{
	static const gchar xml[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<tailoring xmlns=\"urn:accord:tailoring:1\" id=\"t\" ruleset=\"test\">\n"
	    "  <title>Without c-iot</title>\n"
	    "  <criterion id=\"c-iot\" selected=\"false\"/>\n"
	    "</tailoring>\n";
	State *s = *state;
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordExplanation) explanation = NULL;

	s->tailoring = accord_tailoring_load_data(xml, strlen(xml), "t.xml", s->f.ruleset, &error);
	assert_non_null(s->tailoring);
	explanation = explain(s, "profile-a.xml", ACCORD_UNKNOWN_ZERO);
	/* r-process is c-process alone (0.5); the overall is (2·7/12 + (0.5 + 2/3)/2)/3
	 * = (7/6 + 7/12)/3 = 58.3333. c-iot has no line; c-process now carries all of r-process:
	 * 1/6 × 50 = 8.3333 */
	assert_close(accord_score_get_overall(s->score)->value, 175.0 / 3.0, 1e-9);
	assert_int_equal(accord_explanation_get_n_gains(explanation), 4);
	assert_gain(explanation, 0, "c-first", 200.0 / 9.0);
	assert_gain(explanation, 1, "c-process", 50.0 / 6.0);
	assert_gain(explanation, 2, "c-cvd", 50.0 / 9.0);
	assert_gain(explanation, 3, "c-strategy", 50.0 / 9.0);
}

static void
test_explain_nothing_open_at_full_marks(void **state)
{
	State *s = *state;
	g_autoptr(AccordExplanation) explanation = explain(s, "profile-b.xml", ACCORD_UNKNOWN_ZERO);

	assert_int_equal(accord_explanation_get_n_gains(explanation), 0);
}

static void
test_explain_from_nothing_applicable(void **state)
{
	State *s = *state;
	g_autoptr(AccordExplanation) explanation =
	    explain(s, "profile-c.xml", ACCORD_UNKNOWN_EXCLUDE);

	/* C under exclude: nothing counts, the overall is NAN and a gain is measured from 0.
	 * c-iot is not applicable and has no line; the other 7 are unknown. Meeting c-csirt
	 * alone: r-ir = c-csirt alone = 100, ir 100, policy not applicable → overall 100 */
	assert_true(isnan(accord_score_get_overall(s->score)->value));
	assert_int_equal(accord_explanation_get_n_gains(explanation), 7);
	for (guint i = 0; i < 7; i++)
		assert_close(accord_explanation_get_gain(explanation, i)->gain, 100.0, 1e-9);
	/* all tie: ordered by id */
	assert_gain(explanation, 0, "c-csirt", 100.0);
	assert_gain(explanation, 6, "c-workforce", 100.0);
}

static const AccordScoreTerm *
term(const State *s, const gchar *id)
{
	return accord_score_get_term(s->score, accord_ruleset_lookup_criterion(s->f.ruleset, id));
}

static void
test_explain_terms_say_why(void **state)
{
	State *s = *state;
	g_autoptr(AccordExplanation) explanation = explain(s, "profile-a.xml", ACCORD_UNKNOWN_ZERO);
	const AccordRuleTerm *r_first = accord_explanation_get_rule(explanation, 1);

	/* A: c-csirt passes and counts with weight 3; c-first is unknown and counts as 0 */
	assert_int_equal(term(s, "c-csirt")->status, ACCORD_TERM_COUNTED);
	assert_close(term(s, "c-csirt")->weight, 3.0, 0);
	assert_close(term(s, "c-csirt")->credit, 1.0, 0);
	assert_int_equal(term(s, "c-first")->status, ACCORD_TERM_UNKNOWN_AS_ZERO);
	assert_close(term(s, "c-first")->credit, 0.0, 0);
	/* r-first: weight 2 as set × 0.5 (endeavor) = 1 in its pillar */
	assert_string_equal(accord_rule_get_id(r_first->rule), "r-first");
	assert_close(r_first->weight_as_set, 2.0, 1e-12);
	assert_close(r_first->multiplier, 0.5, 1e-12);
	assert_close(r_first->weight, 1.0, 1e-12);
	/* arithmetic aggregation: no pillar zeroes anything */
	assert_int_equal(accord_explanation_get_n_zeroing(explanation), 0);
}

static void
test_explain_terms_excluded_and_not_applicable(void **state)
{
	State *s = *state;
	g_autoptr(AccordExplanation) explanation =
	    explain(s, "profile-c.xml", ACCORD_UNKNOWN_EXCLUDE);

	/* C states no IoT regime: c-iot's precondition is false; its other facts are unknown */
	assert_int_equal(term(s, "c-iot")->status, ACCORD_TERM_NOT_APPLICABLE);
	assert_false(term(s, "c-iot")->applicable);
	assert_int_equal(term(s, "c-csirt")->status, ACCORD_TERM_UNKNOWN_EXCLUDED);
	assert_false(accord_term_is_counted(term(s, "c-csirt")));
}

static void
test_explain_zeroing_pillar(void **state)
{
	State *s = *state;
	const gchar *no_ir[] = {"ir.csirt=false", "disclosure.cvd=none", NULL};
	g_autofree gchar *path = test_data_path("good/profile-a.xml");
	g_autoptr(AccordProfile) base = accord_profile_load_file(path, s->f.vocab, NULL);
	g_autoptr(AccordProfile) profile = accord_profile_new_with_assumptions(base, no_ir, NULL);
	g_autoptr(AccordEvaluation) evaluation = accord_evaluate(s->f.ruleset, profile, NULL);
	g_autoptr(AccordScore) score = NULL;
	g_autoptr(AccordExplanation) explanation = NULL;
	AccordScoreOptions options;

	/* A without a CSIRT or CVD policy: r-ir 0 and r-first 0 (unknown), so pillar ir is 0;
	 * policy stays (25 + 66.6667)/2 = 45.8333. The arithmetic mean would be
	 * (2·0 + 45.8333)/3 = 15.28; the geometric mean is 0, and ir alone zeroes it */
	accord_score_options_init(&options);
	options.aggregation = ACCORD_AGGREGATION_GEOMETRIC;
	score = accord_score_compute(evaluation, &options, NULL);
	explanation = accord_explanation_new(score, NULL);
	assert_close(accord_score_get_overall(score)->value, 0.0, 0);
	assert_int_equal(accord_explanation_get_n_zeroing(explanation), 1);
	assert_true(accord_explanation_get_pillar(explanation, 0)->zeroes);
	assert_false(accord_explanation_get_pillar(explanation, 1)->zeroes);
	assert_close(accord_explanation_get_pillar(explanation, 1)->score->value,
		     275.0 / 6.0,
		     1e-9);
}

/* random rulesets and profiles over the fixture vocabulary, from a fixed seed */
static const gchar *const random_checks[] = {
    "<check fact=\"ir.csirt\" is=\"true\"/>",
    "<check fact=\"ir.first\" is=\"true\"/>",
    "<check fact=\"encryption.backdoor\" is=\"false\"/>",
    "<check fact=\"framework.process\" at-least=\"open-comment\" partial=\"yes\"/>",
    "<check fact=\"framework.process\" at-most=\"consultation\" partial=\"yes\"/>",
    "<check fact=\"disclosure.cvd\" at-least=\"adopted\" partial=\"yes\"/>",
    "<check fact=\"disclosure.cvd\" at-least=\"draft\"/>",
    "<check fact=\"iot.regime\" in=\"voluntary-label mandatory\"/>",
    "<check fact=\"workforce.size\" at-least=\"1000\"/>",
    "<check fact=\"strategy.adopted\" on-or-after=\"2020-01-01\"/>",
    "<any><check fact=\"ir.csirt\" is=\"true\"/><check fact=\"ir.first\" is=\"true\"/></any>",
    "<all><check fact=\"disclosure.cvd\" at-least=\"adopted\" partial=\"yes\"/>"
    "<not><check fact=\"encryption.backdoor\" is=\"true\"/></not></all>",
};

static const gchar *const random_weights[] = {"0.5", "1", "1", "2", "3", "0.25"};

static gchar *
random_ruleset(GRand *rng)
{
	GString *out = g_string_new(
	    "<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"random\" version=\"1\"><title>R</title>"
	    "<agreement name=\"R\"/><obligations><obligation id=\"shall\" multiplier=\"1\"/>"
	    "<obligation id=\"may\" multiplier=\"0.5\"/></obligations>");
	guint n_pillars = (guint)g_rand_int_range(rng, 1, 5);
	guint n_rules = (guint)g_rand_int_range(rng, 1, 13);

	for (guint p = 0; p < n_pillars; p++)
		g_string_append_printf(out,
				       "<pillar id=\"p%u\" weight=\"%s\"><title>P</title></pillar>",
				       p,
				       random_weights[g_rand_int_range(rng, 0, 6)]);
	for (guint r = 0; r < n_rules; r++) {
		guint n_criteria = (guint)g_rand_int_range(rng, 1, 6);

		g_string_append_printf(
		    out,
		    "<rule id=\"r%u\" pillar=\"p%u\" obligation=\"%s\" weight=\"%s\">"
		    "<title>R</title><provision cite=\"c\">T</provision>",
		    r,
		    (guint)g_rand_int_range(rng, 0, (gint)n_pillars),
		    g_rand_boolean(rng) ? "shall" : "may",
		    random_weights[g_rand_int_range(rng, 0, 6)]);
		for (guint c = 0; c < n_criteria; c++) {
			g_string_append_printf(
			    out,
			    "<criterion id=\"c%u-%u\" weight=\"%s\"><title>C</title>",
			    r,
			    c,
			    random_weights[g_rand_int_range(rng, 0, 6)]);
			if (g_rand_int_range(rng, 0, 5) == 0)
				g_string_append(
				    out,
				    "<when><check fact=\"ir.csirt\" is=\"true\"/></when>");
			g_string_append_printf(
			    out,
			    "%s</criterion>",
			    random_checks[g_rand_int_range(rng, 0, G_N_ELEMENTS(random_checks))]);
		}
		g_string_append(out, "<recommendation>Do.</recommendation></rule>");
	}
	g_string_append(out, "</ruleset>");
	return g_string_free(out, FALSE);
}

static gchar *
random_profile(GRand *rng)
{
	static const gchar *const facts[][4] = {
	    {"ir.csirt", "true", "false", "true"},
	    {"ir.first", "true", "false", "false"},
	    {"encryption.backdoor", "true", "false", "false"},
	    {"framework.process", "closed", "consultation", "co-developed"},
	    {"disclosure.cvd", "none", "draft", "adopted"},
	    {"iot.regime", "none", "voluntary-label", "mandatory"},
	    {"workforce.size", "10", "999.5", "5000"},
	    {"strategy.adopted", "2015-01-01", "2020-01-01", "2024-06-30"},
	};
	GString *out = g_string_new("<profile xmlns=\"urn:accord:profile:1\" country=\"RR\" "
				    "name=\"R\" as-of=\"2025-01-01\">");

	for (guint f = 0; f < G_N_ELEMENTS(facts); f++) {
		if (g_rand_int_range(rng, 0, 10) < 3)
			continue;
		g_string_append_printf(out,
				       "<fact key=\"%s\" value=\"%s\" confidence=\"high\">"
				       "<evidence title=\"t\" date=\"2024\"/></fact>",
				       facts[f][0],
				       facts[f][1 + g_rand_int_range(rng, 0, 3)]);
	}
	g_string_append(out, "</profile>");
	return g_string_free(out, FALSE);
}

/* every explanation gain equals the gain of re-scoring the whole ruleset with the criterion
 * met, under each model, aggregation and unknown policy */
static guint
compare_gains_with_rescoring(const AccordEvaluation *evaluation, const AccordScoreOptions *options)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordScore) score = accord_score_compute(evaluation, options, &error);
	g_autoptr(AccordExplanation) explanation = NULL;

	assert_non_null(score);
	explanation = accord_explanation_new(score, &error);
	assert_non_null(explanation);
	for (guint i = 0; i < accord_explanation_get_n_gains(explanation); i++) {
		const AccordMarginalGain *g = accord_explanation_get_gain(explanation, i);
		g_autoptr(GPtrArray) met = g_ptr_array_new();
		gdouble full = 0;

		g_ptr_array_add(met, (gpointer)g->criterion);
		assert_true(accord_score_gain_if_met(score, met, &full, &error));
		if (fabs(full - g->gain) > 1e-9) {
			print_error("%s under %s/%s/%s: gain %.17g, re-scored %.17g\n",
				    accord_criterion_get_id(g->criterion),
				    accord_score_model_to_string(options->model),
				    accord_aggregation_to_string(options->aggregation),
				    accord_unknown_policy_to_string(options->unknown),
				    g->gain,
				    full);
			fail();
		}
	}
	return accord_explanation_get_n_gains(explanation);
}

static void
test_explain_gains_equal_rescoring(void **state)
{
	State *s = *state;
	g_autoptr(GRand) rng = g_rand_new_with_seed(12);
	guint n_gains = 0, n_scores = 0;

	for (guint k = 0; k < 60; k++) {
		g_autofree gchar *rtext = random_ruleset(rng);
		g_autoptr(GError) error = NULL;
		g_autoptr(AccordRuleset) rs =
		    accord_ruleset_load_data(rtext, strlen(rtext), "<random>", s->f.vocab, &error);

		assert_non_null(rs);
		for (guint p = 0; p < 5; p++) {
			g_autofree gchar *ptext = random_profile(rng);
			g_autoptr(AccordProfile) profile = accord_profile_load_data(ptext,
										    strlen(ptext),
										    "<random>",
										    s->f.vocab,
										    &error);
			g_autoptr(AccordEvaluation) evaluation = NULL;

			assert_non_null(profile);
			evaluation = accord_evaluate(rs, profile, &error);
			for (AccordScoreModel m = 0; m <= ACCORD_SCORE_MODEL_XCCDF_ABSOLUTE; m++) {
				for (AccordAggregation a = 0; a <= ACCORD_AGGREGATION_GEOMETRIC;
				     a++) {
					for (AccordUnknownPolicy u = 0; u <= ACCORD_UNKNOWN_PASS;
					     u++) {
						AccordScoreOptions o = {m, a, u, NULL};

						if (m != ACCORD_SCORE_MODEL_WEIGHTED &&
						    a == ACCORD_AGGREGATION_GEOMETRIC)
							continue;
						n_gains +=
						    compare_gains_with_rescoring(evaluation, &o);
						n_scores++;
					}
				}
			}
		}
	}
	/* 60 rulesets x 5 profiles x 18 option sets, and enough open criteria to mean something */
	assert_int_equal(n_scores, 60 * 5 * 18);
	assert_true(n_gains > 10000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_explain_gains_by_hand, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_explain_rule_fractions_add_up_to_overall,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_explain_gains_follow_unknown_policy,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_explain_skips_deselected, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_explain_nothing_open_at_full_marks,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_explain_from_nothing_applicable, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_explain_terms_say_why, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_explain_terms_excluded_and_not_applicable,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_explain_zeroing_pillar, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_explain_gains_equal_rescoring, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
