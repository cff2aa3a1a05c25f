#include "config.h"

#include "cli.h"

/* accord diff OLD NEW: what moved between two snapshots of one country */
gboolean
accord_cli_diff_run(AccordCli *cli, int argc, char **argv, GError **error)
{
	g_auto(AccordCliInputs) in = {0};
	g_autoptr(AccordProfile) old_profile = NULL;
	g_autoptr(AccordProfile) new_profile = NULL;
	g_autoptr(AccordAssessment) old_a = NULL;
	g_autoptr(AccordAssessment) new_a = NULL;
	g_autoptr(AccordDiff) diff = NULL;
	g_autoptr(AccordDocument) document = NULL;
	const AccordRuleset *rs;

	if (!accord_cli_parse(cli, "diff", NULL, &argc, &argv, error) ||
	    !accord_cli_expect_arguments(argc,
					 argv,
					 2,
					 2,
					 "two profiles of one country, OLD and NEW",
					 error) ||
	    !accord_cli_load_inputs(cli, 1, &in, error))
		return FALSE;
	rs = g_ptr_array_index(in.rulesets, 0);
	old_profile = accord_cli_load_profile(in.vocabulary, argv[1], error);
	new_profile = old_profile != NULL ? accord_cli_load_profile(in.vocabulary, argv[2], error)
					  : NULL;
	if (new_profile == NULL)
		return FALSE;
	old_a = accord_assess(rs, old_profile, &in.options, error);
	new_a = old_a != NULL ? accord_assess(rs, new_profile, &in.options, error) : NULL;
	if (new_a == NULL)
		return FALSE;
	diff = accord_diff_new(accord_assessment_get_score(old_a, ACCORD_VARIANT_AS_GIVEN),
			       accord_assessment_get_score(new_a, ACCORD_VARIANT_AS_GIVEN),
			       error);
	if (diff == NULL)
		return FALSE;
	document = accord_diff_to_document(diff);
	return accord_cli_emit(cli, document, error);
}
