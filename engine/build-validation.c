#include "config.h"

#include "build-private.h"

/**
 * accord_validation_to_document:
 * @results: (element-type AccordValidation): one result per file
 *
 * The validation view: each file, whether it is valid, and what it holds or why not.
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_validation_to_document(const GPtrArray *results)
{
	AccordDocument *doc;
	AccordNode *table;

	g_return_val_if_fail(results != NULL, NULL);
	doc = accord_build_document("validation", "Validation", NULL);
	table = accord_node_add_table(accord_document_get_root(doc),
				      "files",
				      NULL,
				      "file=File|valid=Valid|details=Details");
	for (guint i = 0; i < results->len; i++) {
		const AccordValidation *v = g_ptr_array_index(results, i);
		ACCORD_ROW(table,
			   accord_cell_text(v->path),
			   accord_cell_boolean(v->error == NULL),
			   accord_cell_text(v->error != NULL ? v->error : v->summary));
	}
	return doc;
}
