#include "config.h"

#include "cli.h"

/* accord gaps PROFILE: the rules short of full marks, largest gap first, with the
 * provision they quote, the unmet criteria and the recommendation */
gboolean
accord_cli_gaps_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	return accord_cli_run_profile_verb(cli,
					   argc,
					   argv,
					   "gaps",
					   NULL,
					   ACCORD_REPORT_GAPS,
					   error);
}
