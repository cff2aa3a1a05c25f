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

/* the score view of one assessment, or with --explain the full derivation of every number */
static AccordDocument *
build_score(const AccordCli *cli, const AccordAssessment *assessment, GError **error)
{
	const AccordScore *score = accord_assessment_get_score(assessment, ACCORD_VARIANT_AS_GIVEN);
	g_autoptr(AccordExplanation) explanation = NULL;

	if (!cli->explain)
		return accord_score_to_document(assessment);
	explanation = accord_explanation_new(score, error);
	if (explanation == NULL)
		return NULL;
	return accord_explanation_to_document(assessment, explanation);
}

/* accord score --uncertainty PROFILE: the score with how far it can move */
static gboolean
score_with_uncertainty(AccordCli *cli, const gchar *profile, GError **error)
{
	g_auto(AccordCliInputs) in = {0};
	g_autoptr(AccordAssessment) assessment = NULL;
	g_autoptr(AccordUncertainty) uncertainty = NULL;
	g_autoptr(AccordDocument) document = NULL;
	g_autoptr(GPtrArray) profiles = g_ptr_array_new();

	assessment = accord_cli_assess_one(cli, &in, profile, error);
	if (assessment == NULL)
		return FALSE;
	g_ptr_array_add(profiles, (gpointer)accord_assessment_get_profile(assessment));
	uncertainty = accord_cli_uncertainty_new(cli,
						 accord_assessment_get_ruleset(assessment),
						 profiles,
						 &in.options,
						 error);
	if (uncertainty == NULL)
		return FALSE;
	document = accord_score_with_uncertainty_to_document(assessment, uncertainty);
	if (!accord_cli_emit(cli, document, error))
		return FALSE;
	accord_cli_gate(cli, accord_assessment_get_score(assessment, ACCORD_VARIANT_AS_GIVEN));
	return TRUE;
}

/* accord score PROFILE…: the scores of every pillar and rule of each profile against each
 * ruleset */
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

	g_array_append_vals(all, entries, G_N_ELEMENTS(entries) - 1);
	accord_cli_uncertainty_add_entries(cli, all, TRUE);
	if (!accord_cli_parse(cli, "score", (GOptionEntry *)all->data, &argc, &argv, error) ||
	    !check_uncertainty(cli, error))
		return FALSE;
	if (cli->uncertainty.enabled)
		return accord_cli_expect_arguments(
			   argc,
			   argv,
			   1,
			   1,
			   "exactly one PROFILE with --uncertainty (an id such "
			   "as gb, or a file)",
			   error) &&
		       score_with_uncertainty(cli, argv[1], error);
	if (!accord_cli_expect_arguments(argc, argv, 1, G_MAXUINT, ACCORD_CLI_PROFILES, error))
		return FALSE;
	return accord_cli_run_documents(cli, argc, argv, build_score, error);
}
