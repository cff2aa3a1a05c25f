#include "config.h"

#include "cli.h"

/* accord gaps PROFILE: the rules a profile falls short of, largest gap first */
gboolean
accord_cli_gaps_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	g_auto(AccordCliInputs) in = {0};
	g_autoptr(AccordAssessment) assessment = NULL;
	g_autoptr(AccordGapList) gaps = NULL;
	g_autoptr(AccordDocument) document = NULL;
	const AccordScore *score;

	if (!accord_cli_parse(cli, "gaps", NULL, &argc, &argv, error) ||
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
	gaps = accord_gaps_compute(score);
	document = accord_gaps_to_document(assessment, gaps);
	if (!accord_cli_emit(cli, document, error))
		return FALSE;
	accord_cli_gate(cli, score);
	return TRUE;
}
