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
	g_auto(AccordCliInputs) in = {0};
	g_autoptr(GArray) cutoffs = NULL;
	g_autoptr(AccordRanking) ranking = NULL;
	g_autoptr(AccordParties) parties = NULL;
	g_autoptr(AccordDocument) document = NULL;
	g_autofree gchar *date = NULL;
	g_autoptr(GError) failed = NULL;
	RankRun run;

	if (!accord_cli_parse(cli, "rank", entries, &argc, &argv, error))
		return FALSE;
	if (cli->mean != NULL && g_strcmp0(cli->mean, "all") != 0 &&
	    g_strcmp0(cli->mean, "verified") != 0) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "--mean takes all or verified, not '%s'",
			    cli->mean);
		return FALSE;
	}
	if (cli->tiers != NULL && (cutoffs = parse_tiers(cli->tiers, error)) == NULL)
		return FALSE;
	if (!accord_cli_load_inputs(cli, G_MAXUINT, &in, error))
		return FALSE;
	if (cli->parties && (parties = load_parties(in.rulesets, error)) == NULL)
		return FALSE;
	ranking = accord_ranking_new_empty(in.rulesets,
					   &in.options,
					   g_strcmp0(cli->mean, "verified") == 0
					       ? ACCORD_RANK_MEAN_VERIFIED
					       : ACCORD_RANK_MEAN_ALL,
					   error);
	if (ranking == NULL)
		return FALSE;
	date = accord_cli_get_date(cli);
	run = (RankRun){ranking, parties, in.rulesets, date};
	/* a profile that failed in a batch is reported; the others are ranked and written */
	if (!rank_profiles(cli, &run, &in, argc, argv, &failed) &&
	    (!accord_cli_is_batch(argc, argv) || !accord_error_is_input(failed) ||
	     failed->code == ACCORD_ERROR_USAGE)) {
		g_propagate_error(error, g_steal_pointer(&failed));
		return FALSE;
	}
	if (!accord_ranking_finish(ranking, error))
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
	document = accord_ranking_to_document(ranking);
	if (!accord_cli_emit(cli, document, error))
		return FALSE;
	if (failed == NULL)
		return TRUE;
	g_propagate_error(error, g_steal_pointer(&failed));
	return FALSE;
}
