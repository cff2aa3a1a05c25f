#include "config.h"

#include "cli.h"

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

	if (!accord_cli_parse(cli, "score", entries, &argc, &argv, error) ||
	    !accord_cli_expect_arguments(
		argc,
		argv,
		1,
		G_MAXUINT,
		"one or more PROFILEs (an id such as gb, a file, a directory, "
		"@LIST or -)",
		error))
		return FALSE;
	return accord_cli_run_documents(cli, argc, argv, build_score, error);
}
