#include "config.h"

#include "cli.h"

/* the rules one assessment falls short of, largest gap first */
static AccordDocument *
build_gaps(const AccordCli *cli, const AccordAssessment *assessment, GError **error)
{
	g_autoptr(AccordGapList) gaps =
	    accord_gaps_compute(accord_assessment_get_score(assessment, ACCORD_VARIANT_AS_GIVEN));

	return accord_gaps_to_document(assessment, gaps);
}

/* accord gaps PROFILE…: the gaps of each profile against each ruleset */
gboolean
accord_cli_gaps_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	if (!accord_cli_parse(cli, "gaps", NULL, &argc, &argv, error) ||
	    !accord_cli_expect_arguments(argc, argv, 1, G_MAXUINT, ACCORD_CLI_PROFILES, error))
		return FALSE;
	return accord_cli_run_documents(cli, argc, argv, build_gaps, error);
}
