#include "config.h"

#include "cli.h"

/* accord score PROFILE: the score of every pillar and rule, each criterion's outcome; with
 * --explain, the full derivation of every number */
gboolean
accord_cli_score_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	const GOptionEntry entries[] = {
	    {"explain",
	     'e',
	     0,
	     G_OPTION_ARG_NONE,
	     &cli->explain,
	     "Print the derivation of every number: outcomes and why, each rule's numerator and "
	     "denominator, exclusions, multipliers, aggregation, and the gain of closing each gap",
	     NULL},
	    {NULL}};

	return accord_cli_run_profile_verb(cli,
					   argc,
					   argv,
					   "score",
					   entries,
					   ACCORD_REPORT_SCORE,
					   error);
}
