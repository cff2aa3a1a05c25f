#include "fixtures.h"

/* Effort costs: low 1, medium 2 (the default), high 3. A step's value is
 * 100 × weight × shortfall / cost, where weight = rule share × criterion share in the rule. */

/* a small plan where value order and dependency order disagree: one pillar, two rules of
 * weight 1 (shares 1/2 each).
 *   r-a: c-base (weight 1, high = 3) and c-top (weight 3, low = 1, depends on c-base)
 *   r-b: c-side (weight 1, medium = 2)
 * Against a profile that meets none of them (shortfall 1 each):
 *   c-base  1/2 · 1/4 = 1/8 → 100 · 1/8 / 3 = 4.1667
 *   c-top   1/2 · 3/4 = 3/8 → 100 · 3/8 / 1 = 37.5
 *   c-side  1/2 · 1   = 1/2 → 100 · 1/2 / 2 = 25
 * By value alone: c-top, c-side, c-base. c-top must wait for c-base, so the greedy plan takes
 * c-side (25, the best ready step), then c-base (the only ready one), then c-top. */
static const gchar plan_ruleset[] =
    "<?xml version=\"1.0\"?>\n"
    "<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"plan\" version=\"1\">\n"
    "  <title>Plan</title>\n"
    "  <agreement name=\"Plan\"/>\n"
    "  <obligations><obligation id=\"shall\" multiplier=\"1\">Binding.</obligation></obligations>\n"
    "  <pillar id=\"p\"><title>P</title></pillar>\n"
    "  <rule id=\"r-a\" pillar=\"p\" obligation=\"shall\">\n"
    "    <title>A</title><provision cite=\"1\">A.</provision>\n"
    "    <criterion id=\"c-base\" effort=\"high\"><title>Base</title>"
    "<check fact=\"ir.csirt\" is=\"true\"/></criterion>\n"
    "    <criterion id=\"c-top\" weight=\"3\" effort=\"low\" depends-on=\"c-base\">"
    "<title>Top</title><check fact=\"ir.first\" is=\"true\"/></criterion>\n"
    "    <recommendation>Do A.</recommendation>\n"
    "  </rule>\n"
    "  <rule id=\"r-b\" pillar=\"p\" obligation=\"shall\">\n"
    "    <title>B</title><provision cite=\"2\">B.</provision>\n"
    "    <criterion id=\"c-side\"><title>Side</title>"
    "<check fact=\"workforce.size\" at-least=\"1000\"/></criterion>\n"
    "    <recommendation>Do B.</recommendation>\n"
    "  </rule>\n"
    "</ruleset>\n";

#define FACT(key, value)                                                                           \
	"<fact key=\"" key "\" value=\"" value "\" confidence=\"high\">"                           \
	"<evidence title=\"t\" date=\"2025\"/></fact>\n"
/* clang-format off */
static const gchar plan_profile[] =
    "<?xml version=\"1.0\"?>\n"
    "<profile xmlns=\"urn:accord:profile:1\" country=\"XX\" name=\"X\" as-of=\"2025-06-30\">\n"
    FACT("ir.csirt", "false")
    FACT("ir.first", "false")
    FACT("workforce.size", "10")
    "</profile>\n";
/* clang-format on */

typedef struct {
	Fixture f;
	AccordRuleset *plan;
	AccordEvaluation *evaluation;
	AccordScore *score;
} State;

static int
setup(void **state)
{
	State *s = g_new0(State, 1);
	g_autoptr(GError) error = NULL;

	fixture_load(&s->f);
	s->plan = accord_ruleset_load_data(plan_ruleset,
					   strlen(plan_ruleset),
					   "plan.xml",
					   s->f.vocab,
					   &error);
	if (s->plan == NULL) {
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
	accord_evaluation_unref(s->evaluation);
	accord_ruleset_unref(s->plan);
	fixture_clear(&s->f);
	g_free(s);
	return 0;
}

/* scores the plan profile against the plan ruleset (default options) */
static const AccordScore *
score_plan(State *s)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordProfile) profile = accord_profile_load_data(plan_profile,
								    strlen(plan_profile),
								    "x.xml",
								    s->f.vocab,
								    &error);
	AccordScoreOptions options;

	assert_non_null(profile);
	accord_score_options_init(&options);
	s->evaluation = accord_evaluate(s->plan, profile, &error);
	assert_non_null(s->evaluation);
	s->score = accord_score_compute(s->evaluation, &options, &error);
	assert_non_null(s->score);
	/* nothing met: r-a 0, r-b 0 → 0 */
	assert_close(accord_score_get_overall(s->score)->value, 0.0, 1e-12);
	return s->score;
}

static const AccordScore *
score_profile_a(State *s)
{
	AccordScoreOptions options;

	accord_score_options_init(&options);
	s->score = fixture_score(&s->f, "profile-a.xml", &options, &s->evaluation);
	return s->score;
}

static AccordRoadmap *
roadmap_for(const AccordScore *score, guint budget)
{
	g_autoptr(GError) error = NULL;
	AccordRoadmap *roadmap = accord_roadmap_new(score, budget, &error);

	assert_null(error);
	assert_non_null(roadmap);
	return roadmap;
}

static void
assert_step(const AccordRoadmap *roadmap, guint index, const gchar *id, guint phase)
{
	const AccordRoadmapStep *step = accord_roadmap_get_step(roadmap, index);

	assert_string_equal(accord_criterion_get_id(step->criterion), id);
	assert_int_equal(step->phase, phase);
}

static void
assert_phase(const AccordRoadmap *roadmap,
	     guint index,
	     guint first,
	     guint n_steps,
	     guint effort,
	     gdouble score)
{
	const AccordRoadmapPhase *phase = accord_roadmap_get_phase(roadmap, index);

	assert_int_equal(phase->number, index + 1);
	assert_int_equal(phase->first, first);
	assert_int_equal(phase->n_steps, n_steps);
	assert_int_equal(phase->effort, effort);
	assert_close(phase->score, score, 1e-9);
}

static void
test_roadmap_dependency_overrides_value_order(void **state)
{
	State *s = *state;
	g_autoptr(AccordRoadmap) roadmap = roadmap_for(score_plan(s), 4);
	const AccordRoadmapStep *step;

	assert_int_equal(accord_roadmap_get_n_steps(roadmap), 3);
	/* see the comment at the top: c-side, c-base, c-top, although c-top is worth most */
	step = accord_roadmap_get_step(roadmap, 0);
	assert_string_equal(accord_criterion_get_id(step->criterion), "c-side");
	assert_close(step->weight, 0.5, 1e-12);
	assert_close(step->shortfall, 1.0, 1e-12);
	assert_close(step->value, 25.0, 1e-9);
	/* gap of r-b: share 1/2 × (100 − 0) = 50 */
	assert_close(step->rule_gap, 50.0, 1e-9);
	step = accord_roadmap_get_step(roadmap, 1);
	assert_string_equal(accord_criterion_get_id(step->criterion), "c-base");
	assert_close(step->weight, 0.125, 1e-12);
	assert_close(step->value, 12.5 / 3.0, 1e-9);
	assert_close(step->rule_gap, 50.0, 1e-9);
	step = accord_roadmap_get_step(roadmap, 2);
	assert_string_equal(accord_criterion_get_id(step->criterion), "c-top");
	assert_close(step->weight, 0.375, 1e-12);
	assert_close(step->value, 37.5, 1e-9);
	/* c-top's one dependency, c-base, is planned as step 2 */
	assert_int_equal(step->n_dependencies, 1);
	assert_string_equal(accord_criterion_get_id(step->dependencies[0].criterion), "c-base");
	assert_int_equal(step->dependencies[0].status, ACCORD_DEPENDENCY_PLANNED);
	assert_int_equal(step->dependencies[0].step, 2);
	assert_int_equal(accord_roadmap_get_step(roadmap, 0)->n_dependencies, 0);
}

static void
test_roadmap_phases_rescored_by_hand(void **state)
{
	State *s = *state;
	g_autoptr(AccordRoadmap) roadmap = roadmap_for(score_plan(s), 4);

	/* budget 4: c-side (2) → phase 1; c-base would make 2 + 3 = 5 > 4 → phase 2; c-top:
	 * 3 + 1 = 4 ≤ 4 → phase 2.
	 * after phase 1: r-b met → r-a 0, r-b 100 → (0 + 100)/2 = 50
	 * after phase 2: everything met → 100 */
	assert_int_equal(accord_roadmap_get_phase_effort(roadmap), 4);
	assert_ptr_equal(accord_roadmap_get_score(roadmap), s->score);
	assert_int_equal(accord_roadmap_get_n_phases(roadmap), 2);
	assert_step(roadmap, 0, "c-side", 1);
	assert_step(roadmap, 1, "c-base", 2);
	assert_step(roadmap, 2, "c-top", 2);
	assert_phase(roadmap, 0, 0, 1, 2, 50.0);
	assert_phase(roadmap, 1, 1, 2, 4, 100.0);
	/* every fact is stated: coverage 1 throughout */
	assert_close(accord_roadmap_get_phase(roadmap, 0)->coverage, 1.0, 1e-12);
	assert_close(accord_roadmap_get_phase(roadmap, 1)->coverage, 1.0, 1e-12);
}

static void
test_roadmap_smaller_budget_splits_phases(void **state)
{
	State *s = *state;
	g_autoptr(AccordRoadmap) roadmap = roadmap_for(score_plan(s), 3);

	/* budget 3: c-side (2); 2 + 3 > 3 → c-base alone (3); 3 + 1 > 3 → c-top alone (1).
	 * after phase 2: r-a has c-base met = 1 of weight 4 → 25; (25 + 100)/2 = 62.5 */
	assert_int_equal(accord_roadmap_get_n_phases(roadmap), 3);
	assert_phase(roadmap, 0, 0, 1, 2, 50.0);
	assert_phase(roadmap, 1, 1, 1, 3, 62.5);
	assert_phase(roadmap, 2, 2, 1, 1, 100.0);
	assert_step(roadmap, 2, "c-top", 3);
}

static void
test_roadmap_large_budget_one_phase(void **state)
{
	State *s = *state;
	g_autoptr(AccordRoadmap) roadmap =
	    roadmap_for(score_plan(s), ACCORD_ROADMAP_DEFAULT_PHASE_EFFORT);

	/* 2 + 3 + 1 = 6 ≤ 6: one phase; the order is still c-side, c-base, c-top */
	assert_int_equal(accord_roadmap_get_n_phases(roadmap), 1);
	assert_phase(roadmap, 0, 0, 3, 6, 100.0);
	assert_step(roadmap, 0, "c-side", 1);
	assert_step(roadmap, 1, "c-base", 1);
	assert_step(roadmap, 2, "c-top", 1);
}

static void
test_roadmap_step_costlier_than_budget_alone(void **state)
{
	State *s = *state;
	g_autoptr(AccordRoadmap) roadmap = roadmap_for(score_plan(s), 1);

	/* budget 1: c-side (2) and c-base (3) each cost more than the budget; each gets a phase
	 * of its own, over budget, rather than being dropped */
	assert_int_equal(accord_roadmap_get_n_steps(roadmap), 3);
	assert_int_equal(accord_roadmap_get_n_phases(roadmap), 3);
	assert_phase(roadmap, 0, 0, 1, 2, 50.0);
	assert_phase(roadmap, 1, 1, 1, 3, 62.5);
	assert_phase(roadmap, 2, 2, 1, 1, 100.0);
}

static void
test_roadmap_zero_budget_is_usage_error(void **state)
{
	State *s = *state;
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordRoadmap) roadmap = accord_roadmap_new(score_plan(s), 0, &error);

	assert_null(roadmap);
	assert_accord_error(error, ACCORD_ERROR_USAGE, "");
}

static void
test_roadmap_profile_a_by_hand(void **state)
{
	State *s = *state;
	g_autoptr(AccordRoadmap) roadmap =
	    roadmap_for(score_profile_a(s), ACCORD_ROADMAP_DEFAULT_PHASE_EFFORT);
	const AccordRoadmapStep *step;

	/* open criteria of profile A (rule shares r-ir 4/9, r-first 2/9, r-process 1/6,
	 * r-strategy 1/6; c-csirt is met, so c-cvd is ready):
	 *   c-first    2/9 · 1   = 2/9,  shortfall 1,   low 1    → 100 · 2/9 / 1       = 22.2222
	 *   c-iot      1/6 · 1/2 = 1/12, shortfall 1,   medium 2 → 100 / 12 / 2        = 4.1667
	 *   c-cvd      4/9 · 1/4 = 1/9,  shortfall 1/2, medium 2 → 100 · 1/9 · 1/2 / 2 = 2.7778
	 *   c-strategy 1/6 · 1/3 = 1/18, shortfall 1,   medium 2 → 100 / 18 / 2        = 2.7778
	 *   c-process  1/6 · 1/2 = 1/12, shortfall 1/2, medium 2 → 100 / 12 / 2 / 2    = 2.0833
	 * c-cvd and c-strategy tie at 100/36: by id, c-cvd first */
	assert_int_equal(accord_roadmap_get_n_steps(roadmap), 5);
	step = accord_roadmap_get_step(roadmap, 0);
	assert_string_equal(accord_criterion_get_id(step->criterion), "c-first");
	assert_close(step->weight, 2.0 / 9.0, 1e-12);
	assert_close(step->value, 200.0 / 9.0, 1e-9);
	/* r-first's gap: 2/9 × 100 (test-gaps.c) */
	assert_close(step->rule_gap, 200.0 / 9.0, 1e-9);
	step = accord_roadmap_get_step(roadmap, 1);
	assert_string_equal(accord_criterion_get_id(step->criterion), "c-iot");
	assert_close(step->value, 100.0 / 24.0, 1e-9);
	assert_close(step->rule_gap, 12.5, 1e-9);
	step = accord_roadmap_get_step(roadmap, 2);
	assert_string_equal(accord_criterion_get_id(step->criterion), "c-cvd");
	assert_close(step->shortfall, 0.5, 1e-12);
	assert_close(step->value, 100.0 / 36.0, 1e-9);
	assert_close(step->rule_gap, 50.0 / 9.0, 1e-9);
	/* c-cvd depends on c-csirt, which A meets already: met, no step */
	assert_int_equal(step->n_dependencies, 1);
	assert_int_equal(step->dependencies[0].status, ACCORD_DEPENDENCY_MET);
	assert_int_equal(step->dependencies[0].step, 0);
	step = accord_roadmap_get_step(roadmap, 3);
	assert_string_equal(accord_criterion_get_id(step->criterion), "c-strategy");
	assert_close(step->value, 100.0 / 36.0, 1e-9);
	step = accord_roadmap_get_step(roadmap, 4);
	assert_string_equal(accord_criterion_get_id(step->criterion), "c-process");
	assert_close(step->value, 100.0 / 48.0, 1e-9);
	/* budget 6: 1 + 2 + 2 = 5, + 2 = 7 > 6 → phase 2 = c-strategy, c-process (4).
	 * After phase 1: r-ir 100, r-first 100, r-process (0.5 + 1)/2 = 75, r-strategy 66.667;
	 * ir 100, policy (0.75 + 0.666667)/2 = 0.708333, overall (2 + 0.708333)/3 = 90.2778.
	 * c-first, the only unknown, is now met: coverage 7/9 → 1. After phase 2: 100 */
	assert_int_equal(accord_roadmap_get_n_phases(roadmap), 2);
	assert_phase(roadmap, 0, 0, 3, 5, 100.0 * (2.0 + 17.0 / 24.0) / 3.0);
	assert_close(accord_roadmap_get_phase(roadmap, 0)->score, 90.2777777778, 1e-6);
	assert_close(accord_roadmap_get_phase(roadmap, 0)->coverage, 1.0, 1e-12);
	assert_phase(roadmap, 1, 3, 2, 4, 100.0);
}

static void
test_roadmap_empty_at_full_marks(void **state)
{
	State *s = *state;
	AccordScoreOptions options;
	g_autoptr(AccordRoadmap) roadmap = NULL;

	accord_score_options_init(&options);
	s->score = fixture_score(&s->f, "profile-b.xml", &options, &s->evaluation);
	roadmap = roadmap_for(s->score, ACCORD_ROADMAP_DEFAULT_PHASE_EFFORT);
	/* profile B meets everything: nothing to plan */
	assert_int_equal(accord_roadmap_get_n_steps(roadmap), 0);
	assert_int_equal(accord_roadmap_get_n_phases(roadmap), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_roadmap_dependency_overrides_value_order,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_phases_rescored_by_hand, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_smaller_budget_splits_phases,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_large_budget_one_phase, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_step_costlier_than_budget_alone,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_zero_budget_is_usage_error,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_profile_a_by_hand, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_empty_at_full_marks, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
