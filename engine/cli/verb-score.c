#include "config.h"

#include "cli.h"

/* accord score PROFILE: the score of every pillar and rule, each criterion's outcome */
gboolean
accord_cli_score_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	g_autoptr(GOptionContext) context =
	    accord_cli_context_new(cli, accord_cli_find_verb("score"), TRUE);
	g_autoptr(AccordReport) report = NULL;

	if (!accord_cli_parse(context, &argc, &argv, error))
		return FALSE;
	if (argc != 2) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "score takes exactly one PROFILE (an id such as gb, or a file)");
		return FALSE;
	}
	report = accord_cli_build_report(cli, argv[1], ACCORD_REPORT_SCORE, error);
	if (report == NULL)
		return FALSE;
	return accord_cli_emit_report(cli, report, error);
}
