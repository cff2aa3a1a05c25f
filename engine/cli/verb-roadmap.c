#include "config.h"

#include "cli.h"

/* accord roadmap PROFILE: which gaps to close first, in phases of bounded effort */
gboolean
accord_cli_roadmap_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	const GOptionEntry entries[] = {
	    {"phase-effort",
	     0,
	     0,
	     G_OPTION_ARG_INT,
	     &cli->phase_effort,
	     "Effort budget of a phase in cost units (low 1, medium 2, high 3); default: 6",
	     "UNITS"},
	    {NULL}};
	g_auto(AccordCliInputs) in = {0};
	g_autoptr(AccordAssessment) assessment = NULL;
	g_autoptr(AccordRoadmap) roadmap = NULL;
	g_autoptr(AccordDocument) document = NULL;

	if (!accord_cli_parse(cli, "roadmap", entries, &argc, &argv, error) ||
	    !accord_cli_expect_arguments(argc,
					 argv,
					 1,
					 1,
					 "exactly one PROFILE (an id such as gb, or a file)",
					 error))
		return FALSE;
	if (cli->phase_effort < 1) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "--phase-effort must be at least 1, not %d",
			    cli->phase_effort);
		return FALSE;
	}
	assessment = accord_cli_assess_one(cli, &in, argv[1], error);
	if (assessment == NULL)
		return FALSE;
	roadmap =
	    accord_roadmap_new(accord_assessment_get_score(assessment, ACCORD_VARIANT_AS_GIVEN),
			       (guint)cli->phase_effort,
			       error);
	if (roadmap == NULL)
		return FALSE;
	document = accord_roadmap_to_document(assessment, roadmap);
	return accord_cli_emit(cli, document, error);
}
