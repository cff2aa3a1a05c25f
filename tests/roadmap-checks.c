/* Every shipped profile against every shipped ruleset, under arithmetic and geometric
 * aggregation and each unknown policy: the roadmap's objective never falls from one step to
 * the next, and each phase's score and coverage are exactly what accord_assess() gives with
 * every change so far assumed (`accord score --assume FACT=VALUE …`). The same under the XCCDF
 * models, then each profile against all rulesets at once, checked for every ruleset. Profiles and
 * rulesets are read from the source tree, whatever is there. */
#include "config.h"

/* cmocka needs these before its header */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include <accord/accord.h>
#include <math.h>

typedef struct {
	AccordVocabulary *vocab;
	GPtrArray *profiles; /* AccordProfile* */
	GPtrArray *rulesets; /* AccordRuleset* */
} Data;

/* the .xml files of @dir, sorted, except @skip */
static GPtrArray *
list_xml(const gchar *dir, const gchar *skip)
{
	g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
	GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
	const gchar *name;

	assert_non_null(d);
	while ((name = g_dir_read_name(d)) != NULL)
		if (g_str_has_suffix(name, ".xml") && g_strcmp0(name, skip) != 0)
			g_ptr_array_add(paths, g_build_filename(dir, name, NULL));
	g_ptr_array_sort(paths, (GCompareFunc)g_strcmp0);
	return paths;
}

static int
setup(void **state)
{
	Data *d = g_new0(Data, 1);
	g_autofree gchar *vpath = g_build_filename(SOURCE_ROOT, "rulesets", "vocabulary.xml", NULL);
	g_autofree gchar *pdir = g_build_filename(SOURCE_ROOT, "profiles", NULL);
	g_autofree gchar *rdir = g_build_filename(SOURCE_ROOT, "rulesets", NULL);
	g_autoptr(GPtrArray) ppaths = list_xml(pdir, NULL);
	g_autoptr(GPtrArray) rpaths = list_xml(rdir, "vocabulary.xml");

	d->vocab = accord_vocabulary_load_file(vpath, NULL);
	assert_non_null(d->vocab);
	d->profiles = g_ptr_array_new_with_free_func((GDestroyNotify)accord_profile_unref);
	d->rulesets = g_ptr_array_new_with_free_func((GDestroyNotify)accord_ruleset_unref);
	for (guint i = 0; i < ppaths->len; i++) {
		AccordProfile *p =
		    accord_profile_load_file(g_ptr_array_index(ppaths, i), d->vocab, NULL);

		assert_non_null(p);
		g_ptr_array_add(d->profiles, p);
	}
	for (guint i = 0; i < rpaths->len; i++) {
		AccordRuleset *r =
		    accord_ruleset_load_file(g_ptr_array_index(rpaths, i), d->vocab, NULL);

		assert_non_null(r);
		g_ptr_array_add(d->rulesets, r);
	}
	/* the shipped data: at least the 15 profiles and 11 rulesets of the first release */
	assert_true(d->profiles->len >= 15 && d->rulesets->len >= 11);
	*state = d;
	return 0;
}

static int
teardown(void **state)
{
	Data *d = *state;

	g_ptr_array_unref(d->rulesets);
	g_ptr_array_unref(d->profiles);
	accord_vocabulary_unref(d->vocab);
	g_free(d);
	return 0;
}

/* two scores agree when both are the same double or both not applicable */
static gboolean
same(gdouble a, gdouble b)
{
	return a == b || (isnan(a) && isnan(b));
}

static void
report(const AccordRoadmap *roadmap, guint index, const gchar *what, gdouble got, gdouble want)
{
	const AccordAssessment *a = accord_roadmap_get_assessment(roadmap, index);
	const AccordScoreOptions *o =
	    accord_score_get_options(accord_assessment_get_score(a, ACCORD_VARIANT_AS_GIVEN));

	print_error("%s against %s (%s, unknown %s): %s %.17g, expected %.17g\n",
		    accord_profile_get_country(accord_assessment_get_profile(a)),
		    accord_ruleset_get_id(accord_assessment_get_ruleset(a)),
		    accord_aggregation_to_string(o->aggregation),
		    accord_unknown_policy_to_string(o->unknown),
		    what,
		    got,
		    want);
}

/* each phase end re-assessed from the profile file with the changes so far as assumptions */
static void
check_phases(const Data *d, const AccordRoadmap *roadmap, const AccordAssessmentOptions *options)
{
	g_autoptr(GPtrArray) assumptions = g_ptr_array_new_with_free_func(g_free);

	for (guint p = 0; p < accord_roadmap_get_n_phases(roadmap); p++) {
		const AccordRoadmapPhase *phase = accord_roadmap_get_phase(roadmap, p);

		for (guint k = phase->first; k < phase->first + phase->n_steps; k++) {
			const AccordRoadmapStep *step = accord_roadmap_get_step(roadmap, k);

			for (guint c = 0; c < step->n_changes; c++)
				g_ptr_array_add(
				    assumptions,
				    g_strdup_printf("%s=%s",
						    accord_fact_def_get_key(step->changes[c].fact),
						    step->changes[c].text));
		}
		g_ptr_array_add(assumptions, NULL);
		for (guint i = 0; i < accord_roadmap_get_n_assessments(roadmap); i++) {
			const AccordAssessment *a = accord_roadmap_get_assessment(roadmap, i);
			AccordAssessmentOptions o = *options;
			g_autoptr(AccordAssessment) again = NULL;
			const AccordScoreItem *overall;

			o.assumptions = (const gchar *const *)assumptions->pdata;
			again = accord_assess(accord_assessment_get_ruleset(a),
					      accord_assessment_get_profile(a),
					      &o,
					      NULL);
			assert_non_null(again);
			overall = accord_score_get_overall(
			    accord_assessment_get_score(again, ACCORD_VARIANT_AS_GIVEN));
			if (!same(phase->scores[i], overall->value) ||
			    phase->coverages[i] != overall->coverage) {
				report(roadmap, i, "phase score", phase->scores[i], overall->value);
				fail();
			}
		}
		g_ptr_array_remove_index(assumptions, assumptions->len - 1);
	}
}

/* the objective never falls, step by step (a gain of a step is at least −1e-9: rounding of
 * a re-scored mean that is mathematically unchanged) */
static void
check_never_falls(const AccordRoadmap *roadmap)
{
	gdouble before = accord_roadmap_get_start(roadmap)->objective;

	for (guint k = 0; k < accord_roadmap_get_n_steps(roadmap); k++) {
		const AccordRoadmapStep *step = accord_roadmap_get_step(roadmap, k);

		if (step->objective < before - 1e-9) {
			report(roadmap, 0, "objective fell to", step->objective, before);
			fail();
		}
		before = step->objective;
	}
	if (accord_roadmap_get_n_assessments(roadmap) > 1)
		return;
	/* with one ruleset, its score by phase, an n/a counting as below any score */
	before = accord_roadmap_get_start(roadmap)->scores[0];
	for (guint p = 0; p < accord_roadmap_get_n_phases(roadmap); p++) {
		gdouble after = accord_roadmap_get_phase(roadmap, p)->scores[0];

		if (isnan(after) && !isnan(before)) {
			report(roadmap, 0, "phase score fell to n/a from", after, before);
			fail();
		}
		if (!isnan(after) && !isnan(before) && after < before - 1e-9) {
			report(roadmap, 0, "phase score fell to", after, before);
			fail();
		}
		before = after;
	}
}

static void
check_plan(const Data *d,
	   const AccordProfile *profile,
	   const GPtrArray *rulesets,
	   const AccordAssessmentOptions *options)
{
	g_autoptr(GPtrArray) assessments =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_assessment_unref);
	g_autoptr(AccordRoadmap) roadmap = NULL;
	g_autoptr(GError) error = NULL;
	AccordRoadmapOptions ro;

	for (guint r = 0; r < rulesets->len; r++) {
		AccordAssessment *a =
		    accord_assess(g_ptr_array_index(rulesets, r), profile, options, NULL);

		assert_non_null(a);
		g_ptr_array_add(assessments, a);
	}
	accord_roadmap_options_init(&ro);
	roadmap = accord_roadmap_new((const AccordAssessment *const *)assessments->pdata,
				     assessments->len,
				     &ro,
				     &error);
	assert_null(error);
	check_never_falls(roadmap);
	check_phases(d, roadmap, options);
	/* a plan that says it is complete leaves nothing open */
	if (accord_roadmap_get_end(roadmap) == ACCORD_ROADMAP_END_COMPLETE)
		assert_int_equal(accord_roadmap_get_n_open(roadmap), 0);
}

static void
test_every_profile_and_ruleset(void **state)
{
	const Data *d = *state;
	const AccordAggregation aggregations[] = {ACCORD_AGGREGATION_ARITHMETIC,
						  ACCORD_AGGREGATION_GEOMETRIC};
	const AccordUnknownPolicy policies[] = {ACCORD_UNKNOWN_ZERO,
						ACCORD_UNKNOWN_EXCLUDE,
						ACCORD_UNKNOWN_PASS};

	for (guint p = 0; p < d->profiles->len; p++) {
		for (guint r = 0; r < d->rulesets->len; r++) {
			g_autoptr(GPtrArray) one = g_ptr_array_new();

			g_ptr_array_add(one, g_ptr_array_index(d->rulesets, r));
			for (guint a = 0; a < G_N_ELEMENTS(aggregations); a++) {
				for (guint u = 0; u < G_N_ELEMENTS(policies); u++) {
					AccordAssessmentOptions o;

					accord_assessment_options_init(&o);
					o.score.aggregation = aggregations[a];
					o.score.unknown = policies[u];
					check_plan(d, g_ptr_array_index(d->profiles, p), one, &o);
				}
			}
		}
	}
}

/* the XCCDF models too (their own aggregation; a partial scores as a fail, so attainment often
 * chooses the steps) */
static void
test_every_profile_and_ruleset_xccdf(void **state)
{
	const Data *d = *state;

	for (guint p = 0; p < d->profiles->len; p++) {
		for (guint r = 0; r < d->rulesets->len; r++) {
			g_autoptr(GPtrArray) one = g_ptr_array_new();

			g_ptr_array_add(one, g_ptr_array_index(d->rulesets, r));
			for (guint m = ACCORD_SCORE_MODEL_XCCDF_DEFAULT;
			     m <= ACCORD_SCORE_MODEL_XCCDF_ABSOLUTE;
			     m++) {
				AccordAssessmentOptions o;

				accord_assessment_options_init(&o);
				o.score.model = m;
				check_plan(d, g_ptr_array_index(d->profiles, p), one, &o);
			}
		}
	}
}

static void
test_every_profile_all_rulesets_at_once(void **state)
{
	const Data *d = *state;

	for (guint p = 0; p < d->profiles->len; p++) {
		AccordAssessmentOptions o;

		accord_assessment_options_init(&o);
		check_plan(d, g_ptr_array_index(d->profiles, p), d->rulesets, &o);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_profile_and_ruleset),
	    cmocka_unit_test(test_every_profile_and_ruleset_xccdf),
	    cmocka_unit_test(test_every_profile_all_rulesets_at_once),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
