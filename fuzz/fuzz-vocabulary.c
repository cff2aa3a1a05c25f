#include <accord/accord.h>
#include <stdint.h>
#include <stdlib.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* any input: no crash, no leak, and NULL if and only if an Accord error is set */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordVocabulary) vocab =
	    accord_vocabulary_load_data((const gchar *)data, size, NULL, &error);

	if ((vocab == NULL) != (error != NULL) || (error != NULL && error->domain != ACCORD_ERROR))
		abort();
	return 0;
}
