#include "config.h"

#include "cli.h"

static AccordReport *
build(AccordCli *cli, const gchar *arg_old, const gchar *arg_new, GError **error)
{
	g_autoptr(AccordVocabulary) vocab = accord_cli_load_vocabulary(cli, error);
	g_autoptr(GPtrArray) rulesets = NULL;
	g_autoptr(AccordProfile) old_p = NULL;
	g_autoptr(AccordProfile) new_p = NULL;
	g_autoptr(AccordTailoring) tailoring = NULL;
	g_autoptr(AccordWaiverList) unused = NULL;
	AccordEvaluation *old_e, *new_e;
	AccordScoreOptions options;
	AccordDiff *diff;
	AccordReport *report;

	if (vocab == NULL || (rulesets = accord_cli_load_rulesets(cli, vocab, 1, error)) == NULL)
		return NULL;
	old_p = accord_cli_load_profile(vocab, arg_old, error);
	new_p = old_p != NULL ? accord_cli_load_profile(vocab, arg_new, error) : NULL;
	if (new_p == NULL ||
	    !accord_cli_load_extras(cli,
				    g_ptr_array_index(rulesets, 0),
				    &tailoring,
				    &unused,
				    error) ||
	    !accord_cli_get_score_options(cli, &options, error))
		return NULL;
	options.tailoring = tailoring;
	old_e = accord_evaluate(g_ptr_array_index(rulesets, 0), old_p, error);
	if (old_e == NULL)
		return NULL;
	new_e = accord_evaluate(g_ptr_array_index(rulesets, 0), new_p, error);
	if (new_e == NULL) {
		accord_evaluation_free(old_e);
		return NULL;
	}
	diff = accord_diff_new(old_e, new_e, &options, error);
	if (diff == NULL)
		return NULL;
	report = accord_report_new_diff(diff);
	if (tailoring != NULL)
		accord_report_set_tailoring(report, tailoring);
	return report;
}

/* accord diff OLD NEW: what moved between two snapshots of one country, and why */
gboolean
accord_cli_diff_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	return accord_cli_run_pair_verb(cli,
					argc,
					argv,
					"diff",
					"two profiles, OLD and NEW",
					ACCORD_CLI_ALLOW_TAILORING,
					build,
					error);
}
