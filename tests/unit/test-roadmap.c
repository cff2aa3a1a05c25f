#include "helpers.h"
#include "roadmap-private.h"

/* Hand-worked plans on a small world of its own. Efforts (vocabulary below): a.csirt high 3,
 * a.first low 1, a.size medium 2 (the default); a.cvd none → draft low 1, draft → adopted
 * medium 2 (none → adopted 3); a.iot code low 1, label, mandatory and none medium 2.
 *
 * Every ruleset has pillars of weight 1, rules of weight 1 under a multiplier 1 and criteria
 * of weight 1 unless stated, so a rule's share is 1 / (rules in its pillar) / (pillars), and
 * each step's gain is worked out from shares below. After each test, every phase's scores are
 * checked against accord_assess() with the changes so far as assumptions (assert_rescored). */

/* clang-format off */
static const gchar vocabulary[] =
    "<vocabulary xmlns=\"urn:accord:vocabulary:1\" version=\"t\">"
    "<scale id=\"adoption\"><level id=\"none\">n</level><level id=\"draft\">d</level>"
    "<level id=\"adopted\">a</level></scale>"
    "<fact key=\"a.csirt\" type=\"boolean\" effort=\"high\">CSIRT.</fact>"
    "<fact key=\"a.first\" type=\"boolean\" effort=\"low\">FIRST.</fact>"
    "<fact key=\"a.cvd\" type=\"level\" scale=\"adoption\" "
    "value-effort=\"draft:low adopted:medium\">CVD.</fact>"
    "<fact key=\"a.iot\" type=\"enum\" values=\"none code label mandatory\" "
    "value-effort=\"code:low\">IoT.</fact>"
    "<fact key=\"a.size\" type=\"number\">Workforce.</fact>"
    "</vocabulary>";

#define RULESET_HEAD(id)                                                                           \
	"<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"" id "\" version=\"1\"><title>T</title>"      \
	"<agreement name=\"T\"/><obligations><obligation id=\"shall\" multiplier=\"1\"/>"           \
	"</obligations>"
#define PILLAR(id) "<pillar id=\"" id "\"><title>P</title></pillar>"
#define RULE(id, pillar, criteria)                                                                 \
	"<rule id=\"" id "\" pillar=\"" pillar "\" obligation=\"shall\"><title>R</title>"           \
	"<provision cite=\"" id "\">T.</provision>" criteria "<recommendation>D.</recommendation>"  \
	"</rule>"
#define CRITERION(id, extra, check)                                                                \
	"<criterion id=\"" id "\"" extra "><title>" id "</title>" check "</criterion>"

/* one: a pillar of two rules (shares 1/2). r-iot: c-approach (a.iot not none) and c-label
 * (a.iot is label); r-first: c-first (a.first is true) */
static const gchar ruleset_one[] =
    RULESET_HEAD("one") PILLAR("p")
    RULE("r-iot", "p",
	 CRITERION("c-approach", "", "<check fact=\"a.iot\" not-in=\"none\"/>")
	 CRITERION("c-label", "", "<check fact=\"a.iot\" is=\"label\"/>"))
    RULE("r-first", "p", CRITERION("c-first", "", "<check fact=\"a.first\" is=\"true\"/>"))
    "</ruleset>";

/* two: one pillar, one rule: c-mandatory (a.iot is mandatory) and c-csirt (a.csirt true) */
static const gchar ruleset_two[] =
    RULESET_HEAD("two") PILLAR("p")
    RULE("r", "p",
	 CRITERION("c-mandatory", "", "<check fact=\"a.iot\" is=\"mandatory\"/>")
	 CRITERION("c-csirt", "", "<check fact=\"a.csirt\" is=\"true\"/>"))
    "</ruleset>";

/* order: a pillar of two rules (shares 1/2). r-a: c-base (a.csirt true) and c-top (weight 3,
 * a.first true, depends on c-base); r-b: c-side (a.size at least 1000) */
static const gchar ruleset_order[] =
    RULESET_HEAD("order") PILLAR("p")
    RULE("r-a", "p",
	 CRITERION("c-base", "", "<check fact=\"a.csirt\" is=\"true\"/>")
	 CRITERION("c-top", " weight=\"3\" depends-on=\"c-base\"",
		   "<check fact=\"a.first\" is=\"true\"/>"))
    RULE("r-b", "p", CRITERION("c-side", "", "<check fact=\"a.size\" at-least=\"1000\"/>"))
    "</ruleset>";

/* three: three pillars of one rule of one criterion: c1 a.csirt true, c2 a.first true, c3 a.cvd
 * at least adopted with partial credit (draft earns 1/2) */
static const gchar ruleset_three[] =
    RULESET_HEAD("three") PILLAR("p1") PILLAR("p2") PILLAR("p3")
    RULE("r1", "p1", CRITERION("c1", "", "<check fact=\"a.csirt\" is=\"true\"/>"))
    RULE("r2", "p2", CRITERION("c2", "", "<check fact=\"a.first\" is=\"true\"/>"))
    RULE("r3", "p3", CRITERION("c3", "", "<check fact=\"a.cvd\" at-least=\"adopted\" partial=\"yes\"/>"))
    "</ruleset>";

#define FACT(key, value)                                                                           \
	"<fact key=\"" key "\" value=\"" value "\" confidence=\"high\">"                           \
	"<evidence title=\"t\" date=\"2025\"/></fact>"
#define PROFILE(facts)                                                                             \
	"<profile xmlns=\"urn:accord:profile:1\" country=\"XX\" name=\"X\" as-of=\"2025-06-30\">"   \
	facts "</profile>"

static const gchar profile_none[] =
    PROFILE(FACT("a.csirt", "false") FACT("a.first", "false") FACT("a.iot", "none")
	    FACT("a.cvd", "none") FACT("a.size", "10"));
/* clang-format on */

typedef struct {
	AccordVocabulary *vocab;
	AccordProfile *profile;
	GPtrArray *rulesets;	/* AccordRuleset* */
	GPtrArray *assessments; /* AccordAssessment* */
	AccordAssessmentOptions options;
	GStringChunk *strings; /* a search's, when a test makes one */
} State;

static int
setup(void **state)
{
	State *s = g_new0(State, 1);
	g_autoptr(GError) error = NULL;

	s->vocab = accord_vocabulary_load_data(vocabulary, strlen(vocabulary), "v", &error);
	assert_non_null(s->vocab);
	s->profile =
	    accord_profile_load_data(profile_none, strlen(profile_none), "x", s->vocab, &error);
	assert_non_null(s->profile);
	s->rulesets = g_ptr_array_new_with_free_func((GDestroyNotify)accord_ruleset_unref);
	s->assessments = g_ptr_array_new_with_free_func((GDestroyNotify)accord_assessment_unref);
	accord_assessment_options_init(&s->options);
	*state = s;
	return 0;
}

static int
teardown(void **state)
{
	State *s = *state;

	g_ptr_array_unref(s->assessments);
	g_ptr_array_unref(s->rulesets);
	if (s->strings != NULL)
		g_string_chunk_free(s->strings);
	accord_profile_unref(s->profile);
	accord_vocabulary_unref(s->vocab);
	g_free(s);
	return 0;
}

/* assesses the profile against @xml (added to the state's assessments) */
static void
add_ruleset(State *s, const gchar *xml)
{
	g_autoptr(GError) error = NULL;
	AccordRuleset *rs = accord_ruleset_load_data(xml, strlen(xml), "r", s->vocab, &error);
	AccordAssessment *a;

	assert_null(error);
	g_ptr_array_add(s->rulesets, rs);
	a = accord_assess(rs, s->profile, &s->options, &error);
	assert_null(error);
	g_ptr_array_add(s->assessments, a);
}

/* every assessment's score after each phase, and after each step, is what accord_assess()
 * gives with every change so far as an assumption: the check docs/scoring.md promises */
static void
assert_rescored(const State *s, const AccordRoadmap *roadmap)
{
	g_autoptr(GPtrArray) assumptions = g_ptr_array_new_with_free_func(g_free);

	/* the assessment's own assumptions first, as accord_assessment_rescore() takes them */
	for (guint i = 0; s->options.assumptions != NULL && s->options.assumptions[i] != NULL; i++)
		g_ptr_array_add(assumptions, g_strdup(s->options.assumptions[i]));
	for (guint k = 0; k < accord_roadmap_get_n_steps(roadmap); k++) {
		const AccordRoadmapStep *step = accord_roadmap_get_step(roadmap, k);
		const AccordRoadmapPhase *phase =
		    accord_roadmap_get_phase(roadmap, step->phase - 1);

		for (guint c = 0; c < step->n_changes; c++)
			g_ptr_array_add(
			    assumptions,
			    g_strdup_printf("%s=%s",
					    accord_fact_def_get_key(step->changes[c].fact),
					    step->changes[c].text));
		g_ptr_array_add(assumptions, NULL);
		for (guint i = 0; i < s->rulesets->len; i++) {
			AccordAssessmentOptions o = s->options;
			g_autoptr(GError) error = NULL;
			g_autoptr(AccordAssessment) a = NULL;
			const AccordScoreItem *overall;

			o.assumptions = (const gchar *const *)assumptions->pdata;
			a = accord_assess(g_ptr_array_index(s->rulesets, i),
					  s->profile,
					  &o,
					  &error);
			assert_non_null(a);
			overall = accord_score_get_overall(
			    accord_assessment_get_score(a, ACCORD_VARIANT_AS_GIVEN));
			assert_true(step->scores[i] == overall->value);
			if (k + 1 == phase->first + phase->n_steps)
				assert_true(phase->scores[i] == overall->value &&
					    phase->coverages[i] == overall->coverage);
		}
		g_ptr_array_remove_index(assumptions, assumptions->len - 1);
	}
}

static AccordRoadmap *
plan(State *s, const AccordRoadmapOptions *options)
{
	g_autoptr(GError) error = NULL;
	AccordRoadmap *roadmap =
	    accord_roadmap_new((const AccordAssessment *const *)s->assessments->pdata,
			       s->assessments->len,
			       options,
			       &error);

	assert_null(error);
	assert_non_null(roadmap);
	assert_rescored(s, roadmap);
	return roadmap;
}

static AccordRoadmap *
plan_default(State *s)
{
	AccordRoadmapOptions options;

	accord_roadmap_options_init(&options);
	return plan(s, &options);
}

/* step @index sets @fact to @value alone, costs @cost and gains @gain */
static void
assert_step(const AccordRoadmap *roadmap,
	    guint index,
	    const gchar *fact,
	    const gchar *value,
	    guint cost,
	    gdouble gain)
{
	const AccordRoadmapStep *step = accord_roadmap_get_step(roadmap, index);

	assert_int_equal(step->n_changes, 1);
	assert_string_equal(accord_fact_def_get_key(step->changes[0].fact), fact);
	assert_string_equal(step->changes[0].text, value);
	assert_int_equal(step->cost, cost);
	assert_close(step->gain, gain, 1e-9);
	assert_close(step->value, gain / cost, 1e-9);
}

static void
test_roadmap_one_change_meets_two_criteria(void **state)
{
	State *s = *state;
	g_autoptr(AccordRoadmap) roadmap = NULL;
	const AccordRoadmapStep *step;

	add_ruleset(s, ruleset_one);
	roadmap = plan_default(s);
	/* start 0. Step 1, gain per unit: a.first=true (cost 1) r-first 100 → 50, 50 a unit;
	 * a.iot=code (1) c-approach → r-iot 50 → 25, 25 a unit; a.iot=label (2) both → r-iot 100
	 * → 50, 25 a unit; a.iot=mandatory (2) → 25, 12.5 a unit. a.first goes first.
	 * Step 2: code and label tie at 25 a unit; the larger gain, label's 50, wins: one step
	 * meets both criteria of r-iot, planned once. 50 + 50 = 100 */
	assert_int_equal(accord_roadmap_get_n_steps(roadmap), 2);
	assert_step(roadmap, 0, "a.first", "true", 1, 50.0);
	assert_step(roadmap, 1, "a.iot", "label", 2, 50.0);
	step = accord_roadmap_get_step(roadmap, 1);
	assert_string_equal(step->changes[0].from, "none");
	assert_int_equal(step->basis, ACCORD_ROADMAP_BASIS_GAIN);
	assert_int_equal(step->n_effects, 2);
	assert_string_equal(accord_criterion_get_id(step->effects[0].criterion), "c-approach");
	assert_string_equal(accord_criterion_get_id(step->effects[1].criterion), "c-label");
	assert_int_equal(step->effects[1].before, ACCORD_OUTCOME_FAIL);
	assert_int_equal(step->effects[1].after, ACCORD_OUTCOME_PASS);
	/* both steps fit one phase of 6: 1 + 2 = 3 */
	assert_int_equal(accord_roadmap_get_n_phases(roadmap), 1);
	assert_int_equal(accord_roadmap_get_phase(roadmap, 0)->effort, 3);
	assert_close(accord_roadmap_get_phase(roadmap, 0)->scores[0], 100.0, 1e-9);
	assert_int_equal(accord_roadmap_get_end(roadmap), ACCORD_ROADMAP_END_COMPLETE);
	assert_int_equal(accord_roadmap_get_n_open(roadmap), 0);
}

static void
test_roadmap_dependency_orders_against_value(void **state)
{
	State *s = *state;
	AccordRoadmapOptions options;
	g_autoptr(AccordRoadmap) roadmap = NULL;
	const AccordRoadmapStep *step;

	add_ruleset(s, ruleset_order);
	accord_roadmap_options_init(&options);
	options.phase_effort = 4;
	roadmap = plan(s, &options);
	/* per unit: a.first=true would gain 1/2 · 3/4 · 100 = 37.5 for 1, but it raises c-top,
	 * whose dependency c-base is open: not yet. a.size=1000 (medium 2): r-b 100 → 50, 25 a
	 * unit; a.csirt=true (high 3): 1/2 · 1/4 · 100 = 12.5, 4.17 a unit. So a.size, then
	 * a.csirt (the only one ready), then a.first (37.5) */
	assert_int_equal(accord_roadmap_get_n_steps(roadmap), 3);
	assert_step(roadmap, 0, "a.size", "1000", 2, 50.0);
	assert_step(roadmap, 1, "a.csirt", "true", 3, 12.5);
	assert_step(roadmap, 2, "a.first", "true", 1, 37.5);
	step = accord_roadmap_get_step(roadmap, 2);
	assert_int_equal(step->n_effects, 1);
	assert_int_equal(step->effects[0].n_dependencies, 1);
	assert_string_equal(accord_criterion_get_id(step->effects[0].dependencies[0].criterion),
			    "c-base");
	assert_int_equal(step->effects[0].dependencies[0].status, ACCORD_DEPENDENCY_PLANNED);
	assert_int_equal(step->effects[0].dependencies[0].step, 2);
	/* phases of 4: a.size (2); 2 + 3 > 4 → phase 2: a.csirt (3) + a.first (1) = 4.
	 * After phase 1: 50; after phase 2: 100 */
	assert_int_equal(accord_roadmap_get_n_phases(roadmap), 2);
	assert_int_equal(accord_roadmap_get_phase(roadmap, 0)->n_steps, 1);
	assert_close(accord_roadmap_get_phase(roadmap, 0)->scores[0], 50.0, 1e-9);
	assert_int_equal(accord_roadmap_get_phase(roadmap, 1)->effort, 4);
	assert_close(accord_roadmap_get_phase(roadmap, 1)->scores[0], 100.0, 1e-9);
}

static void
test_roadmap_geometric_look_ahead(void **state)
{
	State *s = *state;
	g_autoptr(AccordRoadmap) roadmap = NULL;
	const AccordRoadmapStep *step;

	s->options.score.aggregation = ACCORD_AGGREGATION_GEOMETRIC;
	add_ruleset(s, ruleset_three);
	roadmap = plan_default(s);
	/* every pillar at 0, so the geometric mean is 0 and no change or pair raises it.
	 * Attainment (the arithmetic mean of the pillars) per unit: a.first 33.33/1,
	 * a.cvd=draft 16.67/1, a.csirt 33.33/3, a.cvd=adopted 33.33/3 → step 1 a.first,
	 * objective still 0, attainment +33.33 */
	assert_int_equal(accord_roadmap_get_n_steps(roadmap), 3);
	assert_step(roadmap, 0, "a.first", "true", 1, 0.0);
	step = accord_roadmap_get_step(roadmap, 0);
	assert_int_equal(step->basis, ACCORD_ROADMAP_BASIS_ATTAINMENT);
	assert_close(step->attainment_gain, 100.0 / 3.0, 1e-9);
	/* step 2: p1 and p3 are at 0; no single change gains. Pairs: a.csirt + a.cvd=draft
	 * (cost 4): 100 · (1 · 1 · 1/2)^(1/3) = 79.37, 19.84 a unit; a.csirt + a.cvd=adopted
	 * (cost 6): 100, 16.67 a unit. The first pair, as one step */
	step = accord_roadmap_get_step(roadmap, 1);
	assert_int_equal(step->basis, ACCORD_ROADMAP_BASIS_PAIR);
	assert_int_equal(step->n_changes, 2);
	assert_string_equal(accord_fact_def_get_key(step->changes[0].fact), "a.csirt");
	assert_string_equal(accord_fact_def_get_key(step->changes[1].fact), "a.cvd");
	assert_string_equal(step->changes[1].text, "draft");
	assert_int_equal(step->cost, 4);
	assert_close(step->gain, 100.0 * cbrt(0.5), 1e-9);
	/* attainment: (100 + 100 + 50)/3 − 100/3 = 50 */
	assert_close(step->attainment_gain, 50.0, 1e-9);
	/* step 3, a stage: a.cvd draft → adopted costs the one step up (medium 2) */
	assert_step(roadmap, 2, "a.cvd", "adopted", 2, 100.0 - 100.0 * cbrt(0.5));
	assert_int_equal(accord_roadmap_get_step(roadmap, 2)->basis, ACCORD_ROADMAP_BASIS_GAIN);
	assert_int_equal(accord_roadmap_get_effort(roadmap), 7);
}

static void
test_roadmap_budget_changes_the_choice(void **state)
{
	State *s = *state;
	AccordRoadmapOptions options;
	g_autoptr(AccordRoadmap) roadmap = NULL;

	add_ruleset(s, ruleset_one);
	accord_roadmap_options_init(&options);
	options.budget = 2;
	roadmap = plan(s, &options);
	/* step 1 a.first (1), as without a budget; 1 unit left: a.iot=label (2) no longer fits,
	 * a.iot=code (1) does: r-iot 50 → 75. Then nothing is left: label (2 from code, +25)
	 * would gain but does not fit */
	assert_int_equal(accord_roadmap_get_n_steps(roadmap), 2);
	assert_step(roadmap, 0, "a.first", "true", 1, 50.0);
	assert_step(roadmap, 1, "a.iot", "code", 1, 25.0);
	assert_int_equal(accord_roadmap_get_effort(roadmap), 2);
	assert_int_equal(accord_roadmap_get_end(roadmap), ACCORD_ROADMAP_END_BUDGET);
	assert_int_equal(accord_roadmap_get_n_open(roadmap), 1);
	assert_string_equal(accord_criterion_get_id(accord_roadmap_get_open(roadmap, 0)->criterion),
			    "c-label");
}

static void
test_roadmap_target_stops_the_plan(void **state)
{
	State *s = *state;
	AccordRoadmapOptions options;
	g_autoptr(AccordRoadmap) roadmap = NULL;

	add_ruleset(s, ruleset_one);
	accord_roadmap_options_init(&options);
	options.target = 50;
	options.phase_effort = 1;
	roadmap = plan(s, &options);
	/* step 1 (a.first) reaches 50: the plan stops there, one phase */
	assert_int_equal(accord_roadmap_get_n_steps(roadmap), 1);
	assert_int_equal(accord_roadmap_get_n_phases(roadmap), 1);
	assert_close(accord_roadmap_get_phase(roadmap, 0)->objective, 50.0, 1e-9);
	assert_int_equal(accord_roadmap_get_end(roadmap), ACCORD_ROADMAP_END_TARGET);
}

static void
test_roadmap_two_rulesets_mean(void **state)
{
	State *s = *state;
	g_autoptr(AccordRoadmap) roadmap = NULL;
	const AccordRoadmapPhase *phase;

	add_ruleset(s, ruleset_one);
	add_ruleset(s, ruleset_two);
	roadmap = plan_default(s);
	/* objective (one + two)/2, per unit. Step 1: a.first (1) one +50 → +25; a.iot=mandatory
	 * (2) one +25, two +50 → +37.5, 18.75 a unit; label (2) +25, 12.5; code (1) +12.5;
	 * a.csirt (3) two +50 → +25, 8.33 → a.first.
	 * Step 2: a.iot=mandatory (18.75 a unit) → one 75, two 50, mean 62.5.
	 * Step 3: a.iot again to label would take c-mandatory back: not allowed; a.csirt
	 * → two 100, mean 87.5. Then nothing may gain: c-label stays open */
	assert_int_equal(accord_roadmap_get_n_steps(roadmap), 3);
	assert_step(roadmap, 0, "a.first", "true", 1, 25.0);
	assert_step(roadmap, 1, "a.iot", "mandatory", 2, 37.5);
	assert_step(roadmap, 2, "a.csirt", "true", 3, 25.0);
	phase = accord_roadmap_get_phase(roadmap, 0);
	/* 1 + 2 + 3 = 6: one phase */
	assert_close(phase->objective, 87.5, 1e-9);
	assert_close(phase->scores[0], 75.0, 1e-9);
	assert_close(phase->scores[1], 100.0, 1e-9);
	assert_int_equal(accord_roadmap_get_end(roadmap), ACCORD_ROADMAP_END_NO_GAIN);
	assert_int_equal(accord_roadmap_get_n_open(roadmap), 1);
	assert_int_equal(accord_roadmap_get_open(roadmap, 0)->assessment, 0);
}

static void
test_roadmap_two_rulesets_weighted(void **state)
{
	State *s = *state;
	const gdouble weights[] = {3, 1};
	AccordRoadmapOptions options;
	g_autoptr(AccordRoadmap) roadmap = NULL;

	add_ruleset(s, ruleset_one);
	add_ruleset(s, ruleset_two);
	accord_roadmap_options_init(&options);
	options.weights = weights;
	roadmap = plan(s, &options);
	/* objective (3·one + two)/4. Step 1: a.first 3·50/4 = 37.5 for 1. Step 2: a.iot=label
	 * 3·50/4 = 37.5 for 2 and code 3·25/4 = 18.75 for 1 tie at 18.75 a unit: label, the
	 * larger gain (mandatory: (3·25 + 50)/4 = 31.25 for 2, 15.6). Objective 75.
	 * Step 3: a.csirt (50/4 = 12.5 for 3); mandatory would take c-label back. 87.5 */
	assert_int_equal(accord_roadmap_get_n_steps(roadmap), 3);
	assert_step(roadmap, 0, "a.first", "true", 1, 37.5);
	assert_step(roadmap, 1, "a.iot", "label", 2, 37.5);
	assert_step(roadmap, 2, "a.csirt", "true", 3, 12.5);
	assert_close(accord_roadmap_get_weight(roadmap, 0), 3.0, 0);
	assert_close(accord_roadmap_get_phase(roadmap, 0)->objective, 87.5, 1e-9);
	assert_string_equal(accord_criterion_get_id(accord_roadmap_get_open(roadmap, 0)->criterion),
			    "c-mandatory");
}

/* a plan file: a.first costs 5, a.csirt is kept, and a.iot=label comes with a.cvd=adopted */
static const gchar plan_file[] =
    "<plan xmlns=\"urn:accord:plan:1\" id=\"p\"><title>P</title>"
    "<effort fact=\"a.first\" cost=\"5\">Slow.</effort>"
    "<keep fact=\"a.csirt\">Not now.</keep>"
    "<bundle id=\"b\" cost=\"1\"><title>B</title><set fact=\"a.iot\" value=\"label\"/>"
    "<set fact=\"a.cvd\" value=\"adopted\"/></bundle></plan>";

static void
test_roadmap_plan_file_efforts_keep_and_bundle(void **state)
{
	State *s = *state;
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordPlan) file = NULL;
	AccordRoadmapOptions options;
	g_autoptr(AccordRoadmap) roadmap = NULL;
	const AccordRoadmapStep *step;

	add_ruleset(s, ruleset_one);
	add_ruleset(s, ruleset_two);
	file = accord_plan_load_data(plan_file, strlen(plan_file), "p", s->vocab, &error);
	assert_non_null(file);
	accord_roadmap_options_init(&options);
	options.plan = file;
	roadmap = plan(s, &options);
	/* a.iot alone is not tried (the bundle sets it), a.csirt never. Step 1: the bundle
	 * (cost 1): one +50 → mean +25, 25 a unit; a.first now costs 5: +25, 5 a unit.
	 * Step 2: a.first. Mean (100 + 0)/2 = 50; c-mandatory and c-csirt stay open */
	assert_int_equal(accord_roadmap_get_n_steps(roadmap), 2);
	step = accord_roadmap_get_step(roadmap, 0);
	assert_string_equal(step->bundle, "b");
	assert_int_equal(step->n_changes, 2);
	assert_string_equal(step->changes[1].text, "adopted");
	assert_int_equal(step->cost, 1);
	assert_close(step->gain, 25.0, 1e-9);
	assert_step(roadmap, 1, "a.first", "true", 5, 25.0);
	assert_int_equal(accord_roadmap_get_n_open(roadmap), 2);
	assert_int_equal(accord_roadmap_get_end(roadmap), ACCORD_ROADMAP_END_NO_GAIN);
}

static void
test_roadmap_bad_options(void **state)
{
	State *s = *state;
	const gdouble weights[] = {0};
	AccordRoadmapOptions options;
	g_autoptr(GError) error = NULL;
	g_autoptr(GError) error2 = NULL;
	g_autoptr(AccordRoadmap) roadmap = NULL;

	add_ruleset(s, ruleset_one);
	accord_roadmap_options_init(&options);
	options.phase_effort = 0;
	roadmap = accord_roadmap_new((const AccordAssessment *const *)s->assessments->pdata,
				     1,
				     &options,
				     &error);
	assert_null(roadmap);
	assert_accord_error(error, ACCORD_ERROR_USAGE, "the effort budget of a phase");
	accord_roadmap_options_init(&options);
	options.weights = weights;
	roadmap = accord_roadmap_new((const AccordAssessment *const *)s->assessments->pdata,
				     1,
				     &options,
				     &error2);
	assert_null(roadmap);
	assert_accord_error(error2, ACCORD_ERROR_USAGE, "weight 0 of ruleset one");
}

static void
test_roadmap_same_ruleset_twice(void **state)
{
	State *s = *state;
	AccordRoadmapOptions options;
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordRoadmap) roadmap = NULL;

	/* one's scores would be listed twice under one id */
	add_ruleset(s, ruleset_one);
	add_ruleset(s, ruleset_one);
	accord_roadmap_options_init(&options);
	roadmap = accord_roadmap_new((const AccordAssessment *const *)s->assessments->pdata,
				     2,
				     &options,
				     &error);
	assert_null(roadmap);
	assert_accord_error(error, ACCORD_ERROR_USAGE, "ruleset one is given twice");
}

static void
test_roadmap_nothing_open_is_empty(void **state)
{
	State *s = *state;
	const gchar *const met[] = {"a.first=true", "a.iot=label", NULL};
	g_autoptr(AccordRoadmap) roadmap = NULL;

	s->options.assumptions = met;
	add_ruleset(s, ruleset_one);
	roadmap = plan_default(s);
	assert_int_equal(accord_roadmap_get_n_steps(roadmap), 0);
	assert_int_equal(accord_roadmap_get_n_phases(roadmap), 0);
	assert_close(accord_roadmap_get_start(roadmap)->scores[0], 100.0, 1e-9);
	assert_int_equal(accord_roadmap_get_end(roadmap), ACCORD_ROADMAP_END_COMPLETE);
}

/* clang-format off */
/* fast: two pillars. r-a (p1): c-pre, when a.csirt is true, a.cvd at least adopted with
 * partial credit (draft earns 1/2); c-dep, a.first is true, depending on c-pre. r-b (p2):
 * c-size, a.size at least 1000; c-iot, a.iot is label or a.size at least 1000 */
static const gchar ruleset_fast[] =
    RULESET_HEAD("fast") PILLAR("p1") PILLAR("p2")
    RULE("r-a", "p1",
	 "<criterion id=\"c-pre\"><title>c-pre</title>"
	 "<when><check fact=\"a.csirt\" is=\"true\"/></when>"
	 "<check fact=\"a.cvd\" at-least=\"adopted\" partial=\"yes\"/></criterion>"
	 CRITERION("c-dep", " depends-on=\"c-pre\"", "<check fact=\"a.first\" is=\"true\"/>"))
    RULE("r-b", "p2",
	 CRITERION("c-size", "", "<check fact=\"a.size\" at-least=\"1000\"/>")
	 CRITERION("c-iot", "", "<any><check fact=\"a.iot\" is=\"label\"/>"
		   "<check fact=\"a.size\" at-least=\"1000\"/></any>"))
    "</ruleset>";

/* a.size is not stated: unknown */
static const gchar profile_no_size[] =
    PROFILE(FACT("a.csirt", "false") FACT("a.first", "false") FACT("a.iot", "none")
	    FACT("a.cvd", "none"));
/* clang-format on */

static AccordRoadmapChange
change_of(const State *s, const gchar *key, const gchar *text)
{
	AccordRoadmapChange change = {accord_vocabulary_lookup_fact(s->vocab, key),
				      {0},
				      text,
				      NULL};

	assert_non_null(change.fact);
	assert_true(accord_value_parse(change.fact, text, &change.value, NULL));
	return change;
}

/* the changes tried below: singles, then pairs */
static const gchar *const tried[][4] = {
    {"a.csirt", "true", NULL, NULL},
    {"a.first", "true", NULL, NULL},
    {"a.size", "1000", NULL, NULL},
    {"a.iot", "label", NULL, NULL},
    {"a.cvd", "draft", NULL, NULL},
    {"a.csirt", "true", "a.first", "true"},
    {"a.csirt", "true", "a.cvd", "draft"},
    {"a.iot", "label", "a.size", "1000"},
};

/* @index of tried[] both ways: the fast path must give the full re-score's doubles exactly */
static AccordRoadmapTry
try_both(const State *s, AccordRoadmapSearch *search, guint index)
{
	AccordRoadmapChange changes[2];
	guint n = tried[index][2] != NULL ? 2 : 1;
	AccordRoadmapTry fast, full;
	g_autoptr(GError) error = NULL;

	for (guint k = 0; k < n; k++)
		changes[k] = change_of(s, tried[index][2 * k], tried[index][2 * k + 1]);
	assert_true(accord_roadmap_search_try(search, changes, n, FALSE, &fast, &error));
	assert_true(accord_roadmap_search_try(search, changes, n, TRUE, &full, &error));
	for (guint i = 0; i < s->assessments->len; i++)
		assert_true(fast.overall[i] == full.overall[i] ||
			    (isnan(fast.overall[i]) && isnan(full.overall[i])));
	assert_true(fast.gain == full.gain);
	assert_true(fast.attainment == full.attainment);
	assert_int_equal(fast.useful, full.useful);
	assert_int_equal(fast.lowers, full.lowers);
	assert_int_equal(fast.ready, full.ready);
	return fast;
}

static AccordRoadmapSearch *
search_of(State *s, const gchar *profile)
{
	g_autoptr(GError) error = NULL;
	AccordRoadmapOptions options;

	accord_profile_unref(s->profile);
	s->profile = accord_profile_load_data(profile, strlen(profile), "x", s->vocab, &error);
	assert_non_null(s->profile);
	add_ruleset(s, ruleset_fast);
	add_ruleset(s, ruleset_three);
	accord_roadmap_options_init(&options);
	s->strings = g_string_chunk_new(64);
	return accord_roadmap_search_new((const AccordAssessment *const *)s->assessments->pdata,
					 s->assessments->len,
					 NULL,
					 &options,
					 s->strings);
}

/* the fast path (criteria that read a changed fact, rules they move) against the full
 * re-score, on a precondition, a dependency, partial credit, an unknown fact and two
 * assessments. At the start every score is 0: c-pre is not applicable (a.csirt false),
 * c-dep fails, c-size and c-iot are unknown (scored as 0), c1–c3 fail */
static void
test_roadmap_fast_path_is_the_full_rescore(void **state)
{
	State *s = *state;
	AccordRoadmapSearch *search = search_of(s, profile_no_size);
	AccordRoadmapTry t;
	AccordRoadmapChoice choice = {0};
	gboolean found = FALSE;
	g_autoptr(GError) error = NULL;

	/* a.csirt=true: c-pre applies and fails (none earns 0 of adopted): fast stays 0;
	 * three: c1 passes, (100 + 0 + 0) / 3. Objective (0 + 33.3) / 2 */
	t = try_both(s, search, 0);
	assert_close(t.overall[0], 0, 1e-9);
	assert_close(t.overall[1], 100.0 / 3, 1e-9);
	assert_close(t.gain, 50.0 / 3, 1e-9);
	assert_true(t.useful && t.ready && !t.lowers);
	/* a.first=true: c-dep passes, c-pre not applicable is met: r-a 1/1, p1 100, p2 0, 50;
	 * three 33.3; objective 41.7 */
	t = try_both(s, search, 1);
	assert_close(t.overall[0], 50, 1e-9);
	assert_close(t.gain, (50 + 100.0 / 3) / 2, 1e-9);
	assert_true(t.useful && t.ready);
	/* a.size=1000: the unknown becomes known: c-size and c-iot pass, r-b 100, fast 50;
	 * three reads no a.size and stays 0; objective 25 */
	t = try_both(s, search, 2);
	assert_close(t.overall[0], 50, 1e-9);
	assert_close(t.overall[1], 0, 1e-9);
	assert_close(t.gain, 25, 1e-9);
	/* a.iot=label: c-iot passes (any of a known pass and an unknown), c-size stays
	 * unknown: r-b (0 + 1) / 2, fast 25, objective 12.5 */
	t = try_both(s, search, 3);
	assert_close(t.overall[0], 25, 1e-9);
	assert_close(t.gain, 12.5, 1e-9);
	/* a.cvd=draft: c-pre stays not applicable; three: c3 earns 1/2, 50 / 3 */
	t = try_both(s, search, 4);
	assert_close(t.overall[0], 0, 1e-9);
	assert_close(t.overall[1], 50.0 / 3, 1e-9);
	/* a.csirt and a.first: c-pre fails, so c-dep passes before its dependency: not ready;
	 * r-a (0 + 1) / 2 = 50, fast 25; three (100 + 100 + 0) / 3 */
	t = try_both(s, search, 5);
	assert_close(t.overall[0], 25, 1e-9);
	assert_close(t.overall[1], 200.0 / 3, 1e-9);
	assert_true(t.useful && !t.ready);
	/* a.csirt and a.cvd=draft: c-pre partial 1/2: r-a (0.5 + 0) / 2, fast 12.5; three
	 * (100 + 0 + 50) / 3 = 50; objective 31.25 */
	t = try_both(s, search, 6);
	assert_close(t.overall[0], 12.5, 1e-9);
	assert_close(t.overall[1], 50, 1e-9);
	assert_close(t.gain, 31.25, 1e-9);
	try_both(s, search, 7);

	/* after steps, from the state they leave: the two paths still agree */
	for (guint step = 0; step < 3; step++) {
		assert_true(accord_roadmap_search_next(search, &choice, &found, &error));
		assert_true(found);
		accord_roadmap_choice_clear(&choice);
		for (guint i = 0; i < G_N_ELEMENTS(tried); i++)
			try_both(s, search, i);
	}
	accord_roadmap_search_free(search);
}

/* the same under geometric aggregation, unknowns excluded */
static void
test_roadmap_fast_path_geometric_excluded(void **state)
{
	State *s = *state;
	AccordRoadmapSearch *search;
	AccordRoadmapChoice choice = {0};
	gboolean found = FALSE;
	g_autoptr(GError) error = NULL;

	s->options.score.aggregation = ACCORD_AGGREGATION_GEOMETRIC;
	s->options.score.unknown = ACCORD_UNKNOWN_EXCLUDE;
	search = search_of(s, profile_no_size);
	for (guint step = 0; step < 3; step++) {
		for (guint i = 0; i < G_N_ELEMENTS(tried); i++)
			try_both(s, search, i);
		assert_true(accord_roadmap_search_next(search, &choice, &found, &error));
		accord_roadmap_choice_clear(&choice);
		if (!found)
			break;
	}
	accord_roadmap_search_free(search);
}

/* clang-format off */
/* lock: two pillars. r-a (p1): c-base (a.csirt true), c-anti (a.csirt not true), c-top
 * (a.first true, depending on c-base); r-b (p2): c-cvd (a.cvd at least adopted), c-cvd-anti
 * (a.cvd not at least adopted), c-lab (a.iot is label, depending on c-cvd). Every criterion
 * weighs 1, so a criterion is 1/3 of its pillar. a.csirt and a.cvd=adopted each raise one
 * criterion and lower another (no gain); a.first and a.iot=label each raise one before its
 * dependency: no single change gains, and the plan goes by pairs */
#define RULESET_LOCK(id, iot)                                                                      \
    RULESET_HEAD(id) PILLAR("p1") PILLAR("p2")                                                     \
    RULE("r-a", "p1",                                                                              \
	 CRITERION("c-base", "", "<check fact=\"a.csirt\" is=\"true\"/>")                          \
	 CRITERION("c-anti", "", "<not><check fact=\"a.csirt\" is=\"true\"/></not>")               \
	 CRITERION("c-top", " depends-on=\"c-base\"", "<check fact=\"a.first\" is=\"true\"/>"))    \
    RULE("r-b", "p2",                                                                              \
	 CRITERION("c-cvd", "", "<check fact=\"a.cvd\" at-least=\"adopted\"/>")                    \
	 CRITERION("c-cvd-anti", "", "<not><check fact=\"a.cvd\" at-least=\"adopted\"/></not>")    \
	 CRITERION("c-lab", " depends-on=\"c-cvd\"", "<check fact=\"a.iot\" is=\"" iot "\"/>"))    \
    "</ruleset>"

static const gchar ruleset_lock[] = RULESET_LOCK("lock", "label");
/* the same with c-lab reading a.iot is code (low 1): both pairs then cost 4 */
static const gchar ruleset_tie[] = RULESET_LOCK("tie", "code");

/* reader: two pillars. r-a (p1): c-z (a.first true), c-x (a.first true and a.csirt not true,
 * depending on c-d) and c-d (a.cvd at least adopted); r-b (p2): c-y (a.csirt true). Every
 * criterion weighs 1, so each of r-a's is 1/3 of p1 */
static const gchar ruleset_reader[] =
    RULESET_HEAD("reader") PILLAR("p1") PILLAR("p2")
    RULE("r-a", "p1",
	 CRITERION("c-z", "", "<check fact=\"a.first\" is=\"true\"/>")
	 CRITERION("c-x", " depends-on=\"c-d\"",
		   "<all><check fact=\"a.first\" is=\"true\"/>"
		   "<not><check fact=\"a.csirt\" is=\"true\"/></not></all>")
	 CRITERION("c-d", "", "<check fact=\"a.cvd\" at-least=\"adopted\"/>"))
    RULE("r-b", "p2", CRITERION("c-y", "", "<check fact=\"a.csirt\" is=\"true\"/>"))
    "</ruleset>";
/* clang-format on */

/* steps @s's assessments with the look-ahead leaving out the pairs it can tell are not ready
 * (the default) and scoring every pair (exhaustive), side by side: every step must be the
 * same, to the last bit of every score. Gives the pairs each scored */
static void
assert_pairs_as_exhaustive(State *s, guint *scored, guint *exhaustive)
{
	AccordRoadmapSearch *search[2];
	AccordRoadmapOptions options;
	gboolean found[2] = {TRUE, TRUE};
	g_autoptr(GError) error = NULL;

	accord_roadmap_options_init(&options);
	s->strings = g_string_chunk_new(64);
	for (guint k = 0; k < 2; k++) {
		search[k] = accord_roadmap_search_new(
		    (const AccordAssessment *const *)s->assessments->pdata,
		    s->assessments->len,
		    NULL,
		    &options,
		    s->strings);
		accord_roadmap_search_set_exhaustive(search[k], k == 1);
	}
	while (found[0]) {
		AccordRoadmapChoice choice[2] = {{0}, {0}};

		for (guint k = 0; k < 2; k++)
			assert_true(
			    accord_roadmap_search_next(search[k], &choice[k], &found[k], &error));
		assert_int_equal(found[0], found[1]);
		if (found[0]) {
			assert_int_equal(choice[0].basis, choice[1].basis);
			assert_int_equal(choice[0].cost, choice[1].cost);
			assert_int_equal(choice[0].changes->len, choice[1].changes->len);
			for (guint c = 0; c < choice[0].changes->len; c++) {
				const AccordRoadmapChange *a =
				    &g_array_index(choice[0].changes, AccordRoadmapChange, c);
				const AccordRoadmapChange *b =
				    &g_array_index(choice[1].changes, AccordRoadmapChange, c);

				assert_ptr_equal(a->fact, b->fact);
				assert_string_equal(a->text, b->text);
			}
			for (guint i = 0; i < s->assessments->len; i++)
				assert_true(
				    accord_score_get_overall(g_ptr_array_index(choice[0].scores, i))
					->value ==
				    accord_score_get_overall(g_ptr_array_index(choice[1].scores, i))
					->value);
		}
		for (guint k = 0; k < 2; k++)
			accord_roadmap_choice_clear(&choice[k]);
	}
	assert_int_equal(accord_roadmap_search_get_end(search[0]),
			 accord_roadmap_search_get_end(search[1]));
	*scored = accord_roadmap_search_get_pairs_scored(search[0]);
	*exhaustive = accord_roadmap_search_get_pairs_scored(search[1]);
	for (guint k = 0; k < 2; k++)
		accord_roadmap_search_free(search[k]);
}

/* @xml planned with the look-ahead beside the exhaustive search (assert_pairs_as_exhaustive()),
 * which must score @exhaustive pairs where the look-ahead scores @scored; then its plan, which
 * must have @n_steps steps */
static AccordRoadmap *
plan_as_exhaustive(State *s, const gchar *xml, guint scored, guint exhaustive, guint n_steps)
{
	guint got_scored = 0, got_exhaustive = 0;
	AccordRoadmap *roadmap;

	add_ruleset(s, xml);
	assert_pairs_as_exhaustive(s, &got_scored, &got_exhaustive);
	assert_int_equal(got_scored, scored);
	assert_int_equal(got_exhaustive, exhaustive);
	roadmap = plan_default(s);
	assert_int_equal(accord_roadmap_get_n_steps(roadmap), n_steps);
	return roadmap;
}

/* step @index is the pair @fact_a=@value_a, @fact_b=@value_b, costs @cost and gains @gain */
static void
assert_pair_step(const AccordRoadmap *roadmap,
		 guint index,
		 const gchar *const change[4],
		 guint cost,
		 gdouble gain)
{
	const AccordRoadmapStep *step = accord_roadmap_get_step(roadmap, index);

	assert_int_equal(step->basis, ACCORD_ROADMAP_BASIS_PAIR);
	assert_int_equal(step->n_changes, 2);
	for (guint k = 0; k < 2; k++) {
		assert_string_equal(accord_fact_def_get_key(step->changes[k].fact), change[2 * k]);
		assert_string_equal(step->changes[k].text, change[2 * k + 1]);
	}
	assert_int_equal(step->cost, cost);
	assert_close(step->gain, gain, 1e-9);
}

static const gchar *const lock_first[4] = {"a.csirt", "true", "a.first", "true"};

/* lock, arithmetic. At the start c-anti and c-cvd-anti pass: each pillar 1/3, 33.33. The
 * useful changes: a.csirt=true (c-base up, c-anti down: gain 0), a.first=true (c-top before
 * c-base: not ready), a.cvd=adopted (0), a.iot=label (c-lab before c-cvd). Their six pairs:
 * a.csirt+a.first gains 16.67 (p1 2/3: (66.67 + 33.33) / 2 = 50) for 3 + 1 = 4, 4.17 a unit;
 * a.cvd=adopted+a.iot=label 16.67 for 3 + 2 = 5; a.csirt+a.cvd 0; three are not ready, which
 * the single changes tell: a.first's c-top waits on c-base, which neither a.cvd nor a.iot
 * reads; a.iot's c-lab waits on c-cvd, which neither a.csirt nor a.first reads. Step 1 scores
 * 3 pairs (6 exhaustive); step 2 the one pair left (a.cvd+a.iot, 66.67); then no change is
 * useful but a.iot to code or mandatory, which takes c-lab back from a fact changed before:
 * no-gain. So 4 pairs scored, 7 exhaustive */
static void
test_roadmap_pairs_left_out_only_when_not_ready(void **state)
{
	State *s = *state;
	static const gchar *const lock_second[4] = {"a.cvd", "adopted", "a.iot", "label"};
	g_autoptr(AccordRoadmap) roadmap = plan_as_exhaustive(s, ruleset_lock, 4, 7, 2);

	assert_pair_step(roadmap, 0, lock_first, 4, 100.0 / 6);
	assert_pair_step(roadmap, 1, lock_second, 5, 100.0 / 6);
	assert_int_equal(accord_roadmap_get_end(roadmap), ACCORD_ROADMAP_END_NO_GAIN);
}

/* lock, geometric: 100 · √(1/3 · 1/3) = 33.33 at the start; a.csirt+a.first makes p1 2/3:
 * 100 · √(2/9) = 47.14, a gain of 13.81 for 4 (a.cvd+a.iot the same for 5); then a.cvd+a.iot
 * makes both 2/3: 66.67, a gain of 19.53. The same pairs are left out */
static void
test_roadmap_pairs_geometric_as_exhaustive(void **state)
{
	State *s = *state;
	static const gchar *const lock_second[4] = {"a.cvd", "adopted", "a.iot", "label"};
	g_autoptr(AccordRoadmap) roadmap = NULL;

	s->options.score.aggregation = ACCORD_AGGREGATION_GEOMETRIC;
	roadmap = plan_as_exhaustive(s, ruleset_lock, 4, 7, 2);
	assert_pair_step(roadmap, 0, lock_first, 4, 100.0 * sqrt(2.0 / 9) - 100.0 / 3);
	assert_pair_step(roadmap, 1, lock_second, 5, 200.0 / 3 - 100.0 * sqrt(2.0 / 9));
}

/* tie: a.cvd=adopted+a.iot=code costs 3 + 1 = 4 like a.csirt+a.first, and gains the same
 * 16.67: the pair generated first goes first (a.csirt+a.first), in both searches */
static void
test_roadmap_pairs_tie_as_exhaustive(void **state)
{
	State *s = *state;
	static const gchar *const tie_second[4] = {"a.cvd", "adopted", "a.iot", "code"};
	g_autoptr(AccordRoadmap) roadmap = plan_as_exhaustive(s, ruleset_tie, 4, 7, 2);

	assert_pair_step(roadmap, 0, lock_first, 4, 100.0 / 6);
	assert_pair_step(roadmap, 1, tie_second, 4, 100.0 / 6);
}

/* reader, geometric: every pillar at 0, and no single change gains while the other pillar stays
 * at 0. Alone, a.first=true raises c-z and c-x before c-d (not ready); a.csirt=true raises p2
 * and a.cvd=adopted p1 (gain 0). Their pairs: a.csirt+a.first: c-x also reads a.csirt and
 * fails in the pair, so nothing is raised before its dependency: ready, p1 1/3 and p2 1, so
 * 100 · √(1/3) = 57.74 for 3 + 1 = 4; a.csirt+a.cvd: the same 57.74 for 3 + 3 = 6;
 * a.first+a.cvd: p2 still 0. The first pair is left out only by a look-ahead that keeps
 * a.first's wait without asking whether a.csirt reads c-x, the criterion that waits; it must
 * score all three. Step 2: a.cvd=adopted makes p1 2/3: 100 · (√(2/3) − √(1/3)) = 23.91 for 3.
 * Then a.csirt back to false would raise c-x but take p2 to 0: no gain */
static void
test_roadmap_pairs_other_part_reads_the_waiting_criterion(void **state)
{
	State *s = *state;
	g_autoptr(AccordRoadmap) roadmap = NULL;

	s->options.score.aggregation = ACCORD_AGGREGATION_GEOMETRIC;
	roadmap = plan_as_exhaustive(s, ruleset_reader, 3, 3, 2);
	assert_pair_step(roadmap, 0, lock_first, 4, 100.0 * sqrt(1.0 / 3));
	assert_step(roadmap, 1, "a.cvd", "adopted", 3, 100.0 * (sqrt(2.0 / 3) - sqrt(1.0 / 3)));
	assert_int_equal(accord_roadmap_get_end(roadmap), ACCORD_ROADMAP_END_NO_GAIN);
}

/* the other worlds of this file, alone and together, under both aggregations: whatever the
 * search leaves out (pairs that are not ready, and changes left unevaluated while what held
 * them back stands, as a.first while c-base fails in order), the plan is the exhaustive one */
static void
test_roadmap_pairs_other_worlds_as_exhaustive(void **state)
{
	State *s = *state;
	const gchar *const worlds[] = {ruleset_one,
				       ruleset_two,
				       ruleset_order,
				       ruleset_three,
				       ruleset_fast,
				       ruleset_lock,
				       ruleset_tie,
				       ruleset_reader};
	guint scored = 0, exhaustive = 0;

	for (guint g = 0; g < 2; g++) {
		s->options.score.aggregation = g == 0 ? ACCORD_AGGREGATION_ARITHMETIC
						      : ACCORD_AGGREGATION_GEOMETRIC;
		for (guint w = 0; w <= G_N_ELEMENTS(worlds); w++) {
			g_ptr_array_set_size(s->assessments, 0);
			g_ptr_array_set_size(s->rulesets, 0);
			g_clear_pointer(&s->strings, g_string_chunk_free);
			/* the last round: every world at once */
			for (guint k = 0; k < G_N_ELEMENTS(worlds); k++)
				if (k == w || w == G_N_ELEMENTS(worlds))
					add_ruleset(s, worlds[k]);
			assert_pairs_as_exhaustive(s, &scored, &exhaustive);
			assert_true(scored <= exhaustive);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_roadmap_one_change_meets_two_criteria,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_dependency_orders_against_value,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_geometric_look_ahead, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_budget_changes_the_choice,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_target_stops_the_plan, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_two_rulesets_mean, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_two_rulesets_weighted, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_plan_file_efforts_keep_and_bundle,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_bad_options, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_same_ruleset_twice, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_nothing_open_is_empty, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_fast_path_is_the_full_rescore,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_fast_path_geometric_excluded,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_pairs_left_out_only_when_not_ready,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_pairs_geometric_as_exhaustive,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_pairs_tie_as_exhaustive, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		test_roadmap_pairs_other_part_reads_the_waiting_criterion,
		setup,
		teardown),
	    cmocka_unit_test_setup_teardown(test_roadmap_pairs_other_worlds_as_exhaustive,
					    setup,
					    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
