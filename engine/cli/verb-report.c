#include "config.h"

#include "cli.h"

/* one country against every --ruleset: its assessments (added to @assessments), the gaps
 * of each, and one roadmap of the changes that raise all its scores, as its briefing */
static AccordDocument *
brief(const AccordCli *cli,
      const AccordCliInputs *in,
      const AccordProfile *profile,
      GPtrArray *assessments,
      GError **error)
{
	g_autoptr(GPtrArray) gaps =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_gap_list_free);
	g_autoptr(AccordRoadmap) roadmap = NULL;
	AccordRoadmapOptions options;

	for (guint i = 0; i < in->rulesets->len; i++) {
		AccordAssessment *a =
		    accord_assess(g_ptr_array_index(in->rulesets, i), profile, &in->options, error);

		if (a == NULL)
			return NULL;
		g_ptr_array_add(assessments, a);
		g_ptr_array_add(
		    gaps,
		    accord_gaps_compute(accord_assessment_get_score(a, ACCORD_VARIANT_AS_GIVEN)));
	}
	accord_roadmap_options_init(&options);
	options.phase_effort = (guint)cli->phase_effort;
	roadmap = accord_roadmap_new((const AccordAssessment *const *)assessments->pdata,
				     assessments->len,
				     &options,
				     error);
	if (roadmap == NULL)
		return NULL;
	return accord_briefing_to_document(assessments, gaps, roadmap);
}

/* two countries side by side, ruleset by ruleset, as given */
static AccordDocument *
compare(const GPtrArray *a, const GPtrArray *b, GError **error)
{
	g_autoptr(GPtrArray) comparisons =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_comparison_free);

	for (guint i = 0; i < a->len; i++) {
		AccordComparison *c = accord_comparison_new(
		    accord_assessment_get_score(g_ptr_array_index(a, i), ACCORD_VARIANT_AS_GIVEN),
		    accord_assessment_get_score(g_ptr_array_index(b, i), ACCORD_VARIANT_AS_GIVEN),
		    error);

		if (c == NULL)
			return NULL;
		g_ptr_array_add(comparisons, c);
	}
	return accord_comparisons_to_document(comparisons, NULL);
}

/* what the report shows of all the countries first: the ranking, and for two countries
 * their comparison */
static GPtrArray *
overviews(const AccordCliInputs *in,
	  const GPtrArray *profiles,
	  const GArray *cutoffs,
	  const GPtrArray *assessed,
	  GError **error)
{
	g_autoptr(GPtrArray) out =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_document_free);
	g_autoptr(AccordRanking) ranking =
	    accord_ranking_new(in->rulesets, profiles, &in->options, ACCORD_RANK_MEAN_ALL, error);
	AccordDocument *comparison;

	if (ranking == NULL ||
	    (cutoffs != NULL && !accord_ranking_set_tiers(ranking, cutoffs, error)))
		return NULL;
	g_ptr_array_add(out, accord_ranking_to_document(ranking));
	if (profiles->len != 2)
		return g_steal_pointer(&out);
	comparison = compare(g_ptr_array_index(assessed, 0), g_ptr_array_index(assessed, 1), error);
	if (comparison == NULL)
		return NULL;
	g_ptr_array_add(out, comparison);
	return g_steal_pointer(&out);
}

/* accord report [PROFILE…]: one country's briefing against every --ruleset, or for several
 * countries (every shipped one when none is named) the ranking, the comparison of two, and
 * each country's briefing */
gboolean
accord_cli_report_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	const GOptionEntry entries[] = {
	    {"phase-effort",
	     0,
	     0,
	     G_OPTION_ARG_INT,
	     &cli->phase_effort,
	     "Effort budget of a roadmap phase in cost units (low 1, medium 2, high 3); default: 6",
	     "UNITS"},
	    {"tiers",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &cli->tiers,
	     "Band countries by mean score: descending cut-offs, e.g. 90,70,50",
	     "LIST"},
	    {NULL}};
	g_auto(AccordCliInputs) in = {0};
	g_autoptr(GArray) cutoffs = NULL;
	g_autoptr(GPtrArray) profiles = NULL;
	g_autoptr(GPtrArray) assessed =
	    g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
	g_autoptr(GPtrArray) briefings =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_document_free);
	g_autoptr(GPtrArray) overview = NULL;
	g_autoptr(AccordDocument) report = NULL;

	if (!accord_cli_parse(cli, "report", entries, &argc, &argv, error))
		return FALSE;
	if (cli->phase_effort < 1) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "--phase-effort must be at least 1, not %d",
			    cli->phase_effort);
		return FALSE;
	}
	if (cli->tiers != NULL && argc == 2) {
		g_set_error_literal(
		    error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_USAGE,
		    "--tiers bands several countries; a report on one has no ranking");
		return FALSE;
	}
	if ((cli->tiers != NULL && (cutoffs = accord_cli_parse_tiers(cli->tiers, error)) == NULL) ||
	    !accord_cli_load_inputs(cli, G_MAXUINT, &in, error) ||
	    (profiles = accord_cli_load_profiles(in.vocabulary, argc, argv, error)) == NULL)
		return FALSE;
	for (guint i = 0; i < profiles->len; i++) {
		GPtrArray *assessments =
		    g_ptr_array_new_with_free_func((GDestroyNotify)accord_assessment_unref);
		AccordDocument *briefing;

		g_ptr_array_add(assessed, assessments);
		briefing = brief(cli, &in, g_ptr_array_index(profiles, i), assessments, error);
		if (briefing == NULL)
			return FALSE;
		g_ptr_array_add(briefings, briefing);
	}
	if (profiles->len > 1) {
		overview = overviews(&in, profiles, cutoffs, assessed, error);
		if (overview == NULL)
			return FALSE;
		report = accord_report_to_document(overview, briefings);
	}
	/* the report is for people: HTML unless another format is asked for */
	if (cli->format == NULL)
		cli->format = g_strdup("html");
	return accord_cli_emit(cli,
			       report != NULL ? report : g_ptr_array_index(briefings, 0),
			       error);
}
