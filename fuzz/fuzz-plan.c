#include <accord/accord.h>
#include <stdint.h>
#include <stdlib.h>

int
LLVMFuzzerInitialize(int *argc, char ***argv);
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* loaded once; FUZZ_VOCABULARY is tests/data/good/vocabulary.xml (see meson.build) */
static AccordVocabulary *vocab;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	vocab = accord_vocabulary_load_file(FUZZ_VOCABULARY, NULL);
	if (vocab == NULL)
		abort();
	return 0;
}

/* any input: no crash, no leak, and NULL if and only if an Accord error is set */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordPlan) plan =
	    accord_plan_load_data((const gchar *)data, size, NULL, vocab, &error);

	if ((plan == NULL) != (error != NULL) || (error != NULL && error->domain != ACCORD_ERROR))
		abort();
	return 0;
}
