#include "config.h"

#include "cli.h"

/* one comparison per ruleset, each profile with its own assumptions (or none) */
static GPtrArray *
compare_all(AccordCli *cli,
	    const GPtrArray *rulesets,
	    const AccordProfile *a,
	    const AccordProfile *b,
	    const AccordTailoring *tailoring,
	    gboolean with_assumptions,
	    GError **error)
{
	g_autoptr(GPtrArray) out =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_comparison_free);
	g_autoptr(AccordProfile) pa = with_assumptions ? accord_cli_apply_assumptions(cli, a, error)
						       : accord_profile_ref(a);
	g_autoptr(AccordProfile) pb = NULL;
	AccordScoreOptions options;

	if (pa == NULL)
		return NULL;
	pb = with_assumptions ? accord_cli_apply_assumptions(cli, b, error) : accord_profile_ref(b);
	if (pb == NULL || !accord_cli_get_score_options(cli, &options, error))
		return NULL;
	options.tailoring = tailoring;
	for (guint i = 0; i < rulesets->len; i++) {
		AccordEvaluation *ea = accord_evaluate(g_ptr_array_index(rulesets, i), pa, error);
		AccordEvaluation *eb =
		    ea != NULL ? accord_evaluate(g_ptr_array_index(rulesets, i), pb, error) : NULL;
		AccordComparison *c;

		if (eb == NULL) {
			accord_evaluation_free(ea);
			return NULL;
		}
		c = accord_comparison_new(ea, eb, &options, error);
		if (c == NULL)
			return NULL;
		g_ptr_array_add(out, c);
	}
	return g_steal_pointer(&out);
}

static gboolean
has_assumptions(const AccordCli *cli, const AccordProfile *a, const AccordProfile *b)
{
	g_auto(GStrv) x = accord_cli_assumptions_for(cli, accord_profile_get_country(a));
	g_auto(GStrv) y = accord_cli_assumptions_for(cli, accord_profile_get_country(b));

	return x[0] != NULL || y[0] != NULL;
}

static AccordReport *
build(AccordCli *cli, const gchar *arg_a, const gchar *arg_b, GError **error)
{
	g_autoptr(AccordVocabulary) vocab = accord_cli_load_vocabulary(cli, error);
	g_autoptr(GPtrArray) rulesets = NULL;
	g_autoptr(AccordProfile) a = NULL;
	g_autoptr(AccordProfile) b = NULL;
	g_autoptr(AccordTailoring) tailoring = NULL;
	g_autoptr(AccordWaiverList) unused = NULL;
	GPtrArray *comparisons;
	AccordReport *report;

	if (vocab == NULL ||
	    (rulesets = accord_cli_load_rulesets(cli, vocab, G_MAXUINT, error)) == NULL)
		return NULL;
	if (cli->tailoring != NULL && rulesets->len != 1) {
		g_set_error_literal(
		    error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_USAGE,
		    "--tailoring applies to one ruleset; give exactly one --ruleset");
		return NULL;
	}
	a = accord_cli_load_profile(vocab, arg_a, error);
	b = a != NULL ? accord_cli_load_profile(vocab, arg_b, error) : NULL;
	if (b == NULL || !accord_cli_load_extras(cli,
						 g_ptr_array_index(rulesets, 0),
						 &tailoring,
						 &unused,
						 error))
		return NULL;
	comparisons = compare_all(cli, rulesets, a, b, tailoring, TRUE, error);
	if (comparisons == NULL)
		return NULL;
	report = accord_report_new_comparisons(comparisons);
	if (tailoring != NULL)
		accord_report_set_tailoring(report, tailoring);
	if (has_assumptions(cli, a, b)) {
		GPtrArray *plain = compare_all(cli, rulesets, a, b, tailoring, FALSE, error);
		if (plain == NULL) {
			accord_report_free(report);
			return NULL;
		}
		accord_report_add_alternative(report,
					      ACCORD_ALTERNATIVE_WITHOUT_ASSUMPTIONS,
					      accord_report_new_comparisons(plain));
	}
	return report;
}

/* accord compare A B: where two frameworks agree and diverge, clause by clause */
gboolean
accord_cli_compare_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	return accord_cli_run_pair_verb(cli,
					argc,
					argv,
					"compare",
					"two profiles, A and B",
					ACCORD_CLI_ALLOW_TAILORING | ACCORD_CLI_ALLOW_ASSUMPTIONS,
					build,
					error);
}
