#include "config.h"

#include "cli.h"

/* one comparison per ruleset of the two assessments' @variant (as given where a side has
 * no such variant) */
static GPtrArray *
compare_all(const GPtrArray *a, const GPtrArray *b, AccordVariant variant, GError **error)
{
	g_autoptr(GPtrArray) out =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_comparison_free);

	for (guint i = 0; i < a->len; i++) {
		const AccordAssessment *x = g_ptr_array_index(a, i);
		const AccordAssessment *y = g_ptr_array_index(b, i);
		AccordComparison *c = accord_comparison_new(
		    accord_assessment_get_score(x,
						accord_assessment_has_variant(x, variant)
						    ? variant
						    : ACCORD_VARIANT_AS_GIVEN),
		    accord_assessment_get_score(y,
						accord_assessment_has_variant(y, variant)
						    ? variant
						    : ACCORD_VARIANT_AS_GIVEN),
		    error);

		if (c == NULL)
			return NULL;
		g_ptr_array_add(out, c);
	}
	return g_steal_pointer(&out);
}

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

/* accord compare A B: where two frameworks agree and diverge, clause by clause */
gboolean
accord_cli_compare_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	g_auto(AccordCliInputs) in = {0};
	g_autoptr(AccordProfile) pa = NULL;
	g_autoptr(AccordProfile) pb = NULL;
	g_autoptr(GPtrArray) a = NULL;
	g_autoptr(GPtrArray) b = NULL;
	g_autoptr(GPtrArray) comparisons = NULL;
	g_autoptr(GPtrArray) baselines = NULL;
	g_autoptr(AccordDocument) document = NULL;
	gboolean assumed = FALSE;

	if (!accord_cli_parse(cli, "compare", NULL, &argc, &argv, error) ||
	    !accord_cli_expect_arguments(argc, argv, 2, 2, "two profiles, A and B", error) ||
	    !accord_cli_load_inputs(cli, G_MAXUINT, &in, error))
		return FALSE;
	pa = accord_cli_load_profile(in.vocabulary, argv[1], error);
	pb = pa != NULL ? accord_cli_load_profile(in.vocabulary, argv[2], error) : NULL;
	if (pb == NULL || (a = assess_all(&in, pa, &assumed, error)) == NULL ||
	    (b = assess_all(&in, pb, &assumed, error)) == NULL ||
	    (comparisons = compare_all(a, b, ACCORD_VARIANT_AS_GIVEN, error)) == NULL)
		return FALSE;
	if (assumed &&
	    (baselines = compare_all(a, b, ACCORD_VARIANT_WITHOUT_ASSUMPTIONS, error)) == NULL)
		return FALSE;
	document = accord_comparisons_to_document(comparisons, baselines);
	return accord_cli_emit(cli, document, error);
}
