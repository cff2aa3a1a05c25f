#include "config.h"

#include "cli.h"

/* "90,70,50" → {90, 70, 50}; the engine checks order and range (also for accord report) */
GArray *
accord_cli_parse_tiers(const gchar *text, GError **error)
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

/* the profiles named on the command line, or every shipped profile (also for accord report) */
GPtrArray *
accord_cli_load_profiles(const AccordVocabulary *vocab, int argc, char **argv, GError **error)
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

/* what the workers share: the ranking (only read while assessing) and the parties */
typedef struct {
	AccordRanking *ranking;
	AccordParties *parties; /* --parties, else NULL */
	const GPtrArray *rulesets;
	gchar *date;
} RankRun;

/* --parties: the profile is kept when every ruleset's agreement binds its country on --date */
static gboolean
is_bound(const RankRun *run, const AccordProfile *profile)
{
	for (guint r = 0; run->parties != NULL && r < run->rulesets->len; r++) {
		if (!accord_parties_is_bound(
			run->parties,
			accord_ruleset_get_id(g_ptr_array_index(run->rulesets, r)),
			accord_profile_get_country(profile),
			run->date))
			return FALSE;
	}
	return TRUE;
}

static gpointer
assess_profile(const AccordProfile *profile, gpointer data, GError **error)
{
	RankRun *run = data;

	if (!is_bound(run, profile))
		return NULL;
	return accord_ranking_assess(run->ranking, profile, error);
}

static gboolean
add_entry(gpointer result, gpointer data, GError **error)
{
	RankRun *run = data;

	return accord_ranking_add(run->ranking, result, error);
}

/* --parties: every ruleset must score an agreement the parties file knows */
static AccordParties *
load_parties(const GPtrArray *rulesets, GError **error)
{
	g_autofree gchar *path = accord_datadir_get_parties_path();
	g_autoptr(AccordParties) parties = accord_parties_load_file(path, error);

	if (parties == NULL)
		return NULL;
	for (guint r = 0; r < rulesets->len; r++) {
		const gchar *id = accord_ruleset_get_id(g_ptr_array_index(rulesets, r));

		if (!accord_parties_has_ruleset(parties, id)) {
			g_set_error(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_USAGE,
				    "--parties: ruleset %s scores no agreement of %s",
				    id,
				    path);
			return NULL;
		}
	}
	return g_steal_pointer(&parties);
}

/* the profiles named on the command line, or every shipped profile, assessed on --threads
 * workers and added in input order */
static gboolean
rank_profiles(const AccordCli *cli,
	      RankRun *run,
	      const AccordCliInputs *in,
	      int argc,
	      char **argv,
	      GError **error)
{
	AccordCliBatch batch = {in->vocabulary,
				assess_profile,
				add_entry,
				(GDestroyNotify)accord_rank_entry_free,
				run,
				(guint)cli->threads};
	g_autoptr(GPtrArray) shipped = NULL;

	if (argc > 1)
		return accord_cli_batch_run(&batch, argc, argv, error);
	shipped = accord_datadir_list("profiles");
	g_ptr_array_insert(shipped, 0, g_strdup(argv[0]));
	g_ptr_array_add(shipped, NULL);
	return accord_cli_batch_run(&batch, (int)shipped->len - 1, (char **)shipped->pdata, error);
}

/* --uncertainty: the profiles themselves, those bound by the parties when asked */
static GPtrArray *
parties_profiles(const AccordCli *cli,
		 AccordParties *parties,
		 const AccordCliInputs *in,
		 int argc,
		 char **argv,
		 GError **error)
{
	g_autofree gchar *date = accord_cli_get_date(cli);
	RankRun run = {NULL, parties, in->rulesets, date};
	g_autoptr(GPtrArray) profiles = accord_cli_load_profiles(in->vocabulary, argc, argv, error);

	for (guint i = profiles != NULL ? profiles->len : 0; i > 0; i--) {
		if (!is_bound(&run, g_ptr_array_index(profiles, i - 1)))
			g_ptr_array_remove_index(profiles, i - 1);
	}
	return g_steal_pointer(&profiles);
}

/* the ranking of a batch; a profile that failed to load is left in @failed while the others
 * are ranked, unless nothing could be */
static AccordRanking *
rank_batch(const AccordCli *cli,
	   AccordParties *parties,
	   const AccordCliInputs *in,
	   AccordRankMean mean,
	   int argc,
	   char **argv,
	   GError **failed,
	   GError **error)
{
	g_autoptr(AccordRanking) ranking =
	    accord_ranking_new_empty(in->rulesets, &in->options, mean, error);
	g_autofree gchar *date = accord_cli_get_date(cli);
	RankRun run = {ranking, parties, in->rulesets, date};
	g_autoptr(GError) local = NULL;

	if (ranking == NULL)
		return NULL;
	if (!rank_profiles(cli, &run, in, argc, argv, &local) &&
	    (!accord_cli_is_batch(argc, argv) || !accord_error_is_input(local) ||
	     local->code == ACCORD_ERROR_USAGE)) {
		g_propagate_error(error, g_steal_pointer(&local));
		return NULL;
	}
	if (!accord_ranking_finish(ranking, error))
		return NULL;
	if (local != NULL)
		g_propagate_error(failed, g_steal_pointer(&local));
	return g_steal_pointer(&ranking);
}

/* the countries ranked, for the checks of --assume: read only when an assumption names one,
 * as the rows are read back one at a time */
static gboolean
check_ranked_prefixes(const AccordCli *cli, const AccordRanking *ranking, GError **error)
{
	g_autoptr(GPtrArray) countries = g_ptr_array_new_with_free_func(g_free);

	for (guint i = 0; cli->assumptions != NULL && i < accord_ranking_get_n_rows(ranking); i++)
		g_ptr_array_add(countries,
				g_strdup(accord_profile_get_country(
				    accord_ranking_get_row(ranking, i)->profile)));
	return accord_cli_check_prefix_countries(cli, countries, error);
}

/* whether the rows the document read back from the ranking's records were whole */
static gboolean
check_rows(gconstpointer ranking, GError **error)
{
	return accord_ranking_check_rows(ranking, error);
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
	    {"mean",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &cli->mean,
	     "Which rulesets a country's mean averages: all, or verified (those whose every "
	     "provision was read verbatim); default: all",
	     "WHICH"},
	    {"parties",
	     0,
	     0,
	     G_OPTION_ARG_NONE,
	     &cli->parties,
	     "Rank only the parties of the rulesets' agreements, bound on --date (default today)",
	     NULL},
	    {"correlate",
	     0,
	     0,
	     G_OPTION_ARG_STRING_ARRAY,
	     &cli->correlate,
	     "Spearman rank correlation of each ruleset's scores with a profile index figure "
	     "(repeatable), e.g. gci-2020",
	     "INDEX"},
	    {NULL}};
	g_autoptr(GArray) all = g_array_new(TRUE, TRUE, sizeof(GOptionEntry));
	g_autoptr(AccordUncertainty) uncertainty = NULL;
	AccordUncertaintyOptions checked;
	g_auto(AccordCliInputs) in = {0};
	g_autoptr(GArray) cutoffs = NULL;
	g_autoptr(GPtrArray) profiles = NULL;
	g_autoptr(AccordRanking) ranking = NULL;
	g_autoptr(AccordParties) parties = NULL;
	g_autoptr(AccordDocument) document = NULL;
	g_autoptr(GError) failed = NULL;
	AccordRankMean mean;

	g_array_append_vals(all, entries, G_N_ELEMENTS(entries) - 1);
	accord_cli_uncertainty_add_entries(cli, all, TRUE);
	if (!accord_cli_parse(cli, "rank", (GOptionEntry *)all->data, &argc, &argv, error) ||
	    !accord_cli_uncertainty_options(cli, 0, &checked, error) ||
	    !accord_cli_uncertainty_check_used(cli, error))
		return FALSE;
	if (cli->uncertainty.enabled && cli->rulesets != NULL &&
	    g_strv_length(cli->rulesets) != 1) {
		g_set_error_literal(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_USAGE,
				    "--uncertainty ranks against one --ruleset");
		return FALSE;
	}
	if (cli->mean != NULL && g_strcmp0(cli->mean, "all") != 0 &&
	    g_strcmp0(cli->mean, "verified") != 0) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "--mean takes all or verified, not '%s'",
			    cli->mean);
		return FALSE;
	}
	if (cli->tiers != NULL && (cutoffs = accord_cli_parse_tiers(cli->tiers, error)) == NULL)
		return FALSE;
	if (!accord_cli_load_inputs(cli, G_MAXUINT, &in, error))
		return FALSE;
	if (cli->parties && (parties = load_parties(in.rulesets, error)) == NULL)
		return FALSE;
	mean = g_strcmp0(cli->mean, "verified") == 0 ? ACCORD_RANK_MEAN_VERIFIED
						     : ACCORD_RANK_MEAN_ALL;
	if (cli->uncertainty.enabled) {
		/* the analysis draws from every profile, so they are all kept */
		profiles = parties_profiles(cli, parties, &in, argc, argv, error);
		if (profiles == NULL)
			return FALSE;
		ranking = accord_ranking_new(in.rulesets, profiles, &in.options, mean, error);
	} else {
		ranking = rank_batch(cli, parties, &in, mean, argc, argv, &failed, error);
	}
	if (ranking == NULL || (profiles != NULL ? !accord_cli_check_prefixes(cli, profiles, error)
						 : !check_ranked_prefixes(cli, ranking, error)))
		return FALSE;
	if (cutoffs != NULL && !accord_ranking_set_tiers(ranking, cutoffs, error))
		return FALSE;
	/* each ruleset's scores, and with several rulesets the means too */
	for (guint r = 0; cli->correlate != NULL && r <= in.rulesets->len; r++) {
		if (r == in.rulesets->len && r == 1)
			break;
		for (guint c = 0; cli->correlate[c] != NULL; c++)
			accord_ranking_add_correlation(ranking, r, cli->correlate[c]);
	}
	if (cli->uncertainty.enabled) {
		uncertainty = accord_cli_uncertainty_new(cli,
							 g_ptr_array_index(in.rulesets, 0),
							 profiles,
							 &in.options,
							 error);
		if (uncertainty == NULL)
			return FALSE;
		document = accord_ranking_with_uncertainty_to_document(ranking, uncertainty);
	} else {
		document = accord_ranking_to_streamed_document(ranking);
	}
	if (!accord_cli_emit_checked(cli, document, check_rows, ranking, error))
		return FALSE;
	if (failed == NULL)
		return TRUE;
	g_propagate_error(error, g_steal_pointer(&failed));
	return FALSE;
}
