#include "config.h"

#include "cli.h"

/* accord score PROFILE: the score of every pillar and rule, each criterion's outcome */
gboolean
accord_cli_score_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	return accord_cli_run_profile_verb(cli, argc, argv, "score", ACCORD_REPORT_SCORE, error);
}
