#include <accord/accord.h>
#include <stdint.h>
#include <stdlib.h>

int
LLVMFuzzerInitialize(int *argc, char ***argv);
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* profile A evaluated against the test ruleset, once (FUZZ_DATA_DIR is tests/data/good) */
static AccordEvaluation *evaluation;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	g_autoptr(AccordVocabulary) vocab =
	    accord_vocabulary_load_file(FUZZ_DATA_DIR "/vocabulary.xml", NULL);
	g_autoptr(AccordRuleset) ruleset = NULL;
	g_autoptr(AccordProfile) profile = NULL;

	g_log_set_always_fatal(G_LOG_LEVEL_CRITICAL);
	if (vocab == NULL)
		abort();
	ruleset = accord_ruleset_load_file(FUZZ_DATA_DIR "/ruleset.xml", vocab, NULL);
	profile = accord_profile_load_file(FUZZ_DATA_DIR "/profile-a.xml", vocab, NULL);
	if (ruleset == NULL || profile == NULL)
		abort();
	evaluation = accord_evaluate(ruleset, profile, NULL);
	return evaluation != NULL ? 0 : 1;
}

/* any input: loaded as the CLI does, NULL if and only if an Accord error is set; waivers
 * that load must apply, on the day the CLI cases use */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordWaiverList) list =
	    accord_waiver_list_load_data((const gchar *)data, size, NULL, &error);
	g_autoptr(AccordWaiverOutcome) outcome = NULL;

	if ((list == NULL) != (error != NULL) || (error != NULL && error->domain != ACCORD_ERROR))
		abort();
	if (list == NULL)
		return 0;
	outcome = accord_waivers_apply(list, evaluation, "2026-03-01", &error);
	if (outcome == NULL || accord_waiver_outcome_get_evaluation(outcome) == NULL)
		abort();
	return 0;
}
