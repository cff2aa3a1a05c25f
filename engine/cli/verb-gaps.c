#include "config.h"

#include "cli.h"

/* accord gaps PROFILE: the rules short of full marks, largest gap first, with the
 * provision they quote, the unmet criteria and the recommendation */
gboolean
accord_cli_gaps_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	g_autoptr(GOptionContext) context =
	    accord_cli_context_new(cli, accord_cli_find_verb("gaps"), TRUE);
	g_autoptr(AccordReport) report = NULL;

	if (!accord_cli_parse(context, &argc, &argv, error))
		return FALSE;
	if (argc != 2) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "gaps takes exactly one PROFILE (an id such as gb, or a file)");
		return FALSE;
	}
	report = accord_cli_build_report(cli, argv[1], ACCORD_REPORT_GAPS, error);
	if (report == NULL)
		return FALSE;
	return accord_cli_emit_report(cli, report, error);
}
