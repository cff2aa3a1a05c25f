#include "config.h"

#include "cli.h"

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
	g_auto(AccordCliInputs) in = {0};
	g_autoptr(AccordAssessment) assessment = NULL;
	g_autoptr(AccordExplanation) explanation = NULL;
	g_autoptr(AccordDocument) document = NULL;
	const AccordScore *score;

	if (!accord_cli_parse(cli, "score", entries, &argc, &argv, error) ||
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
	if (cli->explain) {
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
