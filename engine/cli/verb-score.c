#include "config.h"

#include "cli.h"

/* the uncertainty options only go with --uncertainty, which is a view of its own */
static gboolean
check_uncertainty(const AccordCli *cli, GError **error)
{
	AccordUncertaintyOptions o;

	if (cli->uncertainty.enabled && cli->explain) {
		g_set_error_literal(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_USAGE,
				    "--explain and --uncertainty are two views; ask for one");
		return FALSE;
	}
	return accord_cli_uncertainty_options(cli, 0, &o, error) &&
	       accord_cli_uncertainty_check_used(cli, error);
}

/* accord score PROFILE: the scores of every pillar and rule, or with --explain the full
 * derivation of every number */
gboolean
accord_cli_score_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	const GOptionEntry entries[] = {
	    {"explain",
	     'e',
	     0,
	     G_OPTION_ARG_NONE,
	     &cli->explain,
	     "Show how every number was computed: each term of each mean, and the marginal gain "
	     "of each open criterion",
	     NULL},
	    {NULL}};
	g_autoptr(GArray) all = g_array_new(TRUE, TRUE, sizeof(GOptionEntry));
	g_auto(AccordCliInputs) in = {0};
	g_autoptr(AccordAssessment) assessment = NULL;
	g_autoptr(AccordExplanation) explanation = NULL;
	g_autoptr(AccordUncertainty) uncertainty = NULL;
	g_autoptr(AccordDocument) document = NULL;
	const AccordScore *score;

	g_array_append_vals(all, entries, G_N_ELEMENTS(entries) - 1);
	accord_cli_uncertainty_add_entries(cli, all, TRUE);
	if (!accord_cli_parse(cli, "score", (GOptionEntry *)all->data, &argc, &argv, error) ||
	    !check_uncertainty(cli, error) ||
	    !accord_cli_expect_arguments(argc,
					 argv,
					 1,
					 1,
					 "exactly one PROFILE (an id such as gb, or a file)",
					 error))
		return FALSE;
	assessment = accord_cli_assess_one(cli, &in, argv[1], error);
	if (assessment == NULL)
		return FALSE;
	score = accord_assessment_get_score(assessment, ACCORD_VARIANT_AS_GIVEN);
	if (cli->uncertainty.enabled) {
		g_autoptr(GPtrArray) profiles = g_ptr_array_new();

		g_ptr_array_add(profiles, (gpointer)accord_assessment_get_profile(assessment));
		uncertainty = accord_cli_uncertainty_new(cli,
							 accord_assessment_get_ruleset(assessment),
							 profiles,
							 &in.options,
							 error);
		if (uncertainty == NULL)
			return FALSE;
		document = accord_score_with_uncertainty_to_document(assessment, uncertainty);
	} else if (cli->explain) {
		explanation = accord_explanation_new(score, error);
		if (explanation == NULL)
			return FALSE;
		document = accord_explanation_to_document(assessment, explanation);
	} else {
		document = accord_score_to_document(assessment);
	}
	if (!accord_cli_emit(cli, document, error))
		return FALSE;
	accord_cli_gate(cli, score);
	return TRUE;
}
