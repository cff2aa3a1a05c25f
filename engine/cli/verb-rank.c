#include "config.h"

#include "cli.h"

/* "90,70,50" → {90, 70, 50}; the engine checks order and range */
static GArray *
parse_tiers(const gchar *text, GError **error)
{
	g_auto(GStrv) parts = g_strsplit(text, ",", -1);
	g_autoptr(GArray) cutoffs = g_array_new(FALSE, FALSE, sizeof(gdouble));

	for (guint i = 0; parts[i] != NULL; i++) {
		gchar *end = NULL;
		gdouble value = g_ascii_strtod(g_strstrip(parts[i]), &end);

		if (parts[i][0] == '\0' || end == NULL || *end != '\0') {
			g_set_error(
			    error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "--tiers takes comma-separated scores such as 90,70,50, not '%s'",
			    text);
			return NULL;
		}
		g_array_append_val(cutoffs, value);
	}
	return g_steal_pointer(&cutoffs);
}

/* the profiles named on the command line, or every shipped profile */
static GPtrArray *
load_profiles(const AccordVocabulary *vocab, int argc, char **argv, GError **error)
{
	g_autoptr(GPtrArray) ids = NULL;
	g_autoptr(GPtrArray) profiles =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_profile_unref);

	if (argc > 1) {
		ids = g_ptr_array_new();
		for (int i = 1; i < argc; i++)
			g_ptr_array_add(ids, argv[i]);
	} else {
		ids = accord_datadir_list("profiles");
	}
	for (guint i = 0; i < ids->len; i++) {
		AccordProfile *p = accord_cli_load_profile(vocab, g_ptr_array_index(ids, i), error);
		if (p == NULL)
			return NULL;
		g_ptr_array_add(profiles, p);
	}
	return g_steal_pointer(&profiles);
}

static AccordRanking *
rank_profiles(AccordCli *cli,
	      const GPtrArray *rulesets,
	      const GPtrArray *profiles,
	      const GArray *cutoffs,
	      GError **error)
{
	g_autoptr(AccordRanking) ranking = NULL;
	AccordScoreOptions options;

	if (!accord_cli_get_score_options(cli, &options, error))
		return NULL;
	ranking = accord_ranking_new(rulesets, profiles, &options, error);
	if (ranking == NULL)
		return NULL;
	if (cutoffs != NULL && !accord_ranking_set_tiers(ranking, cutoffs, error))
		return NULL;
	for (guint r = 0; cli->correlate != NULL && r < rulesets->len; r++) {
		for (guint c = 0; cli->correlate[c] != NULL; c++)
			accord_ranking_add_correlation(ranking, r, cli->correlate[c]);
	}
	return g_steal_pointer(&ranking);
}

/* the profiles as ranked: each with its own assumptions, if any */
static GPtrArray *
assume_all(AccordCli *cli, const GPtrArray *profiles, GError **error)
{
	g_autoptr(GPtrArray) out =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_profile_unref);

	for (guint i = 0; i < profiles->len; i++) {
		AccordProfile *p =
		    accord_cli_apply_assumptions(cli, g_ptr_array_index(profiles, i), error);
		if (p == NULL)
			return NULL;
		g_ptr_array_add(out, p);
	}
	return g_steal_pointer(&out);
}

static AccordReport *
build_report(AccordCli *cli, int argc, char **argv, GError **error)
{
	g_autoptr(AccordVocabulary) vocab = NULL;
	g_autoptr(GPtrArray) rulesets = NULL;
	g_autoptr(GPtrArray) profiles = NULL;
	g_autoptr(GPtrArray) assumed = NULL;
	g_autoptr(GArray) cutoffs = NULL;
	g_autoptr(AccordReport) report = NULL;
	AccordScoreOptions options;
	AccordRanking *ranking;

	if (!accord_cli_get_score_options(cli, &options, error) ||
	    !accord_cli_refuse_options(cli, "rank", FALSE, FALSE, TRUE, error))
		return NULL;
	if (cli->tiers != NULL && (cutoffs = parse_tiers(cli->tiers, error)) == NULL)
		return NULL;
	vocab = accord_cli_load_vocabulary(cli, error);
	if (vocab == NULL)
		return NULL;
	rulesets = accord_cli_load_rulesets(cli, vocab, G_MAXUINT, error);
	if (rulesets == NULL)
		return NULL;
	profiles = load_profiles(vocab, argc, argv, error);
	if (profiles == NULL || (assumed = assume_all(cli, profiles, error)) == NULL)
		return NULL;
	ranking = rank_profiles(cli, rulesets, assumed, cutoffs, error);
	if (ranking == NULL)
		return NULL;
	report = accord_report_new_ranking(ranking);
	if (cli->assumptions != NULL) {
		AccordRanking *plain = rank_profiles(cli, rulesets, profiles, cutoffs, error);
		if (plain == NULL)
			return NULL;
		accord_report_add_alternative(report,
					      ACCORD_ALTERNATIVE_WITHOUT_ASSUMPTIONS,
					      accord_report_new_ranking(plain));
	}
	return g_steal_pointer(&report);
}

/* accord rank [PROFILE…]: countries × rulesets, ranked by mean overall score, with optional
 * tiers and rank correlations with the index figures the profiles carry */
gboolean
accord_cli_rank_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	const GOptionEntry entries[] = {
	    {"tiers",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &cli->tiers,
	     "Band countries by mean score: descending cut-offs, e.g. 90,70,50",
	     "LIST"},
	    {"correlate",
	     0,
	     0,
	     G_OPTION_ARG_STRING_ARRAY,
	     &cli->correlate,
	     "Spearman rank correlation of each ruleset's scores with a profile index figure "
	     "(repeatable), e.g. gci-2020",
	     "INDEX"},
	    {NULL}};
	g_autoptr(GOptionContext) context =
	    accord_cli_context_new(cli, accord_cli_find_verb("rank"), TRUE);
	g_autoptr(AccordReport) report = NULL;

	g_option_context_add_main_entries(context, entries, NULL);
	if (!accord_cli_parse(context, &argc, &argv, error))
		return FALSE;
	report = build_report(cli, argc, argv, error);
	if (report == NULL)
		return FALSE;
	return accord_cli_emit_report(cli, report, error);
}
