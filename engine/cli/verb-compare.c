#include "config.h"

#include "cli.h"

/* the scores of every profile against ruleset @r, in @variant (as given where a profile has
 * no such variant) */
static GPtrArray *
scores_of(GPtrArray *const *assessments, guint n, guint r, AccordVariant variant)
{
	GPtrArray *scores = g_ptr_array_new();

	for (guint i = 0; i < n; i++) {
		const AccordAssessment *a = g_ptr_array_index(assessments[i], r);
		g_ptr_array_add(
		    scores,
		    (gpointer)accord_assessment_get_score(a,
							  accord_assessment_has_variant(a, variant)
							      ? variant
							      : ACCORD_VARIANT_AS_GIVEN));
	}
	return scores;
}

/* one comparison of every profile per ruleset, in @variant */
static GPtrArray *
compare_all(GPtrArray *const *assessments,
	    guint n,
	    guint n_rulesets,
	    AccordVariant variant,
	    GError **error)
{
	g_autoptr(GPtrArray) out =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_comparison_set_free);

	for (guint r = 0; r < n_rulesets; r++) {
		g_autoptr(GPtrArray) scores = scores_of(assessments, n, r, variant);
		AccordComparisonSet *set =
		    accord_comparison_set_new((const AccordScore *const *)scores->pdata,
					      scores->len,
					      error);

		if (set == NULL)
			return NULL;
		g_ptr_array_add(out, set);
	}
	return g_steal_pointer(&out);
}

/* one assessment of @profile per ruleset */
static GPtrArray *
assess_all(const AccordCliInputs *in,
	   const AccordProfile *profile,
	   gboolean *assumed,
	   GError **error)
{
	g_autoptr(GPtrArray) out =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_assessment_unref);

	for (guint i = 0; i < in->rulesets->len; i++) {
		AccordAssessment *a =
		    accord_assess(g_ptr_array_index(in->rulesets, i), profile, &in->options, error);

		if (a == NULL)
			return NULL;
		*assumed |= accord_assessment_has_variant(a, ACCORD_VARIANT_WITHOUT_ASSUMPTIONS);
		g_ptr_array_add(out, a);
	}
	return g_steal_pointer(&out);
}

/* accord compare A B [C…]: where frameworks agree and diverge, clause by clause */
gboolean
accord_cli_compare_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	g_auto(AccordCliInputs) in = {0};
	g_autoptr(GPtrArray) profiles =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_profile_unref);
	g_autoptr(GPtrArray) assessments =
	    g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
	g_autoptr(GPtrArray) sets = NULL;
	g_autoptr(GPtrArray) baselines = NULL;
	g_autoptr(AccordDocument) document = NULL;
	gboolean assumed = FALSE;

	if (!accord_cli_parse(cli, "compare", NULL, &argc, &argv, error) ||
	    !accord_cli_expect_arguments(argc,
					 argv,
					 2,
					 G_MAXINT,
					 "two or more profiles (ids such as us, or files)",
					 error) ||
	    !accord_cli_load_inputs(cli, G_MAXUINT, &in, error))
		return FALSE;
	for (gint i = 1; i < argc; i++) {
		AccordProfile *p = accord_cli_load_profile(in.vocabulary, argv[i], error);

		if (p == NULL)
			return FALSE;
		g_ptr_array_add(profiles, p);
	}
	if (!accord_cli_check_prefixes(cli, profiles, error))
		return FALSE;
	for (guint i = 0; i < profiles->len; i++) {
		GPtrArray *a = assess_all(&in, g_ptr_array_index(profiles, i), &assumed, error);

		if (a == NULL)
			return FALSE;
		g_ptr_array_add(assessments, a);
	}
	sets = compare_all((GPtrArray *const *)assessments->pdata,
			   assessments->len,
			   in.rulesets->len,
			   ACCORD_VARIANT_AS_GIVEN,
			   error);
	if (sets == NULL ||
	    (assumed && (baselines = compare_all((GPtrArray *const *)assessments->pdata,
						 assessments->len,
						 in.rulesets->len,
						 ACCORD_VARIANT_WITHOUT_ASSUMPTIONS,
						 error)) == NULL))
		return FALSE;
	document = accord_comparison_sets_to_document(sets, baselines);
	return accord_cli_emit(cli, document, error);
}
