#include "config.h"

#include "cli.h"

/* accord roadmap PROFILE: the open criteria by value per unit of effort, dependencies first,
 * in phases, each with the score expected after it (re-scored) */
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
	     "N"},
	    {NULL}};

	return accord_cli_run_profile_verb(cli,
					   argc,
					   argv,
					   "roadmap",
					   entries,
					   ACCORD_REPORT_ROADMAP,
					   error);
}
