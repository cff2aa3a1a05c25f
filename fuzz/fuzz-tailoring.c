#include <accord/accord.h>
#include <stdint.h>
#include <stdlib.h>

int
LLVMFuzzerInitialize(int *argc, char ***argv);
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* loaded once from tests/data/good (FUZZ_DATA_DIR, see meson.build): the vocabulary, the
 * test ruleset every tailoring is loaded against, and profile A evaluated against it */
static AccordRuleset *ruleset;
static AccordEvaluation *evaluation;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	g_autoptr(AccordVocabulary) vocab =
	    accord_vocabulary_load_file(FUZZ_DATA_DIR "/vocabulary.xml", NULL);
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

/* NULL if and only if an Accord error is set */
static void
check(gconstpointer result, const GError *error)
{
	if ((result == NULL) != (error != NULL) || (error != NULL && error->domain != ACCORD_ERROR))
		abort();
}

/* any input: peeked at and loaded as the CLI does, and a tailoring that loads must score */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autoptr(GError) peek_error = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *id =
	    accord_tailoring_peek_ruleset((const gchar *)data, size, NULL, NULL, &peek_error);
	g_autoptr(AccordTailoring) tailoring =
	    accord_tailoring_load_data((const gchar *)data, size, NULL, ruleset, &error);
	g_autoptr(AccordScore) score = NULL;
	AccordScoreOptions options;

	check(id, peek_error);
	check(tailoring, error);
	if (tailoring == NULL)
		return 0;
	accord_score_options_init(&options);
	options.tailoring = tailoring;
	score = accord_score_compute(evaluation, &options, &error);
	if (score == NULL)
		abort();
	return 0;
}
