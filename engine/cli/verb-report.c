#include "config.h"

#include "cli.h"

/* one country against every --ruleset: its assessments (added to @assessments), the gaps
 * of each, and one roadmap of the changes that raise all its scores, as its briefing */
static AccordDocument *
brief(const AccordCli *cli,
      const AccordCliInputs *in,
      const AccordProfile *profile,
      AccordBriefingFlags flags,
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
	return accord_briefing_to_document(assessments, gaps, roadmap, flags);
}

/* the countries side by side, ruleset by ruleset, as given: @assessed holds each
 * country's assessments, one per ruleset */
static AccordDocument *
compare(const GPtrArray *assessed, guint n_rulesets, GError **error)
{
	g_autoptr(GPtrArray) sets =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_comparison_set_free);
	g_autofree const AccordScore **scores = g_new(const AccordScore *, assessed->len);

	for (guint r = 0; r < n_rulesets; r++) {
		AccordComparisonSet *set;

		for (guint c = 0; c < assessed->len; c++)
			scores[c] = accord_assessment_get_score(
			    g_ptr_array_index((GPtrArray *)g_ptr_array_index(assessed, c), r),
			    ACCORD_VARIANT_AS_GIVEN);
		set = accord_comparison_set_new(scores, assessed->len, error);
		if (set == NULL)
			return NULL;
		g_ptr_array_add(sets, set);
	}
	return accord_comparison_sets_to_document(sets, NULL);
}

/* a comparison draws one series per country, and six is as many as its charts tell apart
 * (colour, dash and point shape); more countries are compared through the ranking's heat
 * map, and a comparison of all 28 shipped profiles would run to 15 MB of divergences */
#define MAX_COMPARED 6

/* what the report shows of all the countries first: the ranking, and for two to
 * MAX_COMPARED countries their comparison */
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
	if (profiles->len > MAX_COMPARED)
		return g_steal_pointer(&out);
	comparison = compare(assessed, in->rulesets->len, error);
	if (comparison == NULL)
		return NULL;
	g_ptr_array_add(out, comparison);
	return g_steal_pointer(&out);
}

/* accord report [PROFILE…]: one country's briefing against every --ruleset, or for several
 * countries (every shipped one when none is named) the ranking, the comparison of up to six,
 * and each country's briefing */
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
	    (profiles = accord_cli_load_profiles(in.vocabulary, argc, argv, error)) == NULL ||
	    !accord_cli_check_prefixes(cli, profiles, error))
		return FALSE;
	for (guint i = 0; i < profiles->len; i++) {
		GPtrArray *assessments =
		    g_ptr_array_new_with_free_func((GDestroyNotify)accord_assessment_unref);
		AccordDocument *briefing;

		g_ptr_array_add(assessed, assessments);
		/* a report of several countries quotes each rule once, after the countries */
		briefing =
		    brief(cli,
			  &in,
			  g_ptr_array_index(profiles, i),
			  profiles->len > 1 ? ACCORD_BRIEFING_CITE_RULES : ACCORD_BRIEFING_DEFAULT,
			  assessments,
			  error);
		if (briefing == NULL)
			return FALSE;
		g_ptr_array_add(briefings, briefing);
	}
	if (profiles->len > 1) {
		overview = overviews(&in, profiles, cutoffs, assessed, error);
		if (overview == NULL)
			return FALSE;
		report = accord_report_to_document(overview, briefings, in.rulesets);
	}
	/* the report is for people: HTML unless another format is asked for */
	if (cli->format == NULL)
		cli->format = g_strdup("html");
	return accord_cli_emit(cli,
			       report != NULL ? report : g_ptr_array_index(briefings, 0),
			       error);
}
