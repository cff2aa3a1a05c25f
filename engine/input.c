#include "config.h"

#include "accord/error.h"
#include "accord/input.h"
#include "xml-private.h"

/**
 * accord_input_sniff:
 * @data: XML text
 * @len: its length in bytes
 * @name: (nullable): the name errors use for the input; `<memory>` when %NULL
 * @kind: (out): which Accord format the document is
 * @error: return location for an `ACCORD_ERROR`
 *
 * Tells the format of a document from its root element's namespace, parsing it with the same
 * hardened parser as the loaders (a comment that mentions another namespace does not fool it).
 *
 * Returns: %TRUE with @kind set; %FALSE with `ACCORD_ERROR_PARSE` (not well-formed) or
 *   `ACCORD_ERROR_SCHEMA` (the root is not an Accord document)
 */
gboolean
accord_input_sniff(const gchar *data,
		   gsize len,
		   const gchar *name,
		   AccordInputKind *kind,
		   GError **error)
{
	g_autoptr(xmlDoc) doc = NULL;
	AccordSchema schema;

	g_return_val_if_fail(data != NULL && kind != NULL, FALSE);
	if (name == NULL)
		name = "<memory>";
	doc = accord_xml_parse(data, len, name, error);
	if (doc == NULL)
		return FALSE;
	if (!accord_xml_sniff_schema(doc, &schema)) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_SCHEMA,
				     name,
				     xmlDocGetRootElement(doc),
				     "the root element is not an Accord vocabulary, ruleset, "
				     "profile, tailoring, waivers or plan document (namespace "
				     "urn:accord:…:1)");
		return FALSE;
	}
	/* the enums list the formats in the same order */
	*kind = (AccordInputKind)schema;
	return TRUE;
}

/**
 * accord_input_get_root_attribute:
 * @data: XML text
 * @len: its length in bytes
 * @name: (nullable): the name errors use for the input; `<memory>` when %NULL
 * @attribute: an attribute of the root element, e.g. `ruleset` of a tailoring
 * @error: return location for an `ACCORD_ERROR`
 *
 * Reads one attribute of the root element with the hardened parser, e.g. to find which
 * ruleset a tailoring must be loaded against before loading it.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL with `ACCORD_ERROR_PARSE` (not
 *   well-formed) or `ACCORD_ERROR_SCHEMA` (no such attribute)
 */
gchar *
accord_input_get_root_attribute(const gchar *data,
				gsize len,
				const gchar *name,
				const gchar *attribute,
				GError **error)
{
	g_autoptr(xmlDoc) doc = NULL;
	gchar *value;

	g_return_val_if_fail(data != NULL && attribute != NULL, NULL);
	if (name == NULL)
		name = "<memory>";
	doc = accord_xml_parse(data, len, name, error);
	if (doc == NULL)
		return NULL;
	value = accord_xml_get_prop(xmlDocGetRootElement(doc), attribute);
	if (value == NULL)
		accord_xml_set_error(error,
				     ACCORD_ERROR_SCHEMA,
				     name,
				     xmlDocGetRootElement(doc),
				     "the root element has no '%s' attribute",
				     attribute);
	return value;
}

/**
 * accord_validation_new:
 * @path: the file checked
 * @summary: (nullable): what it holds, when it loaded
 * @error: (nullable): why it did not load
 *
 * Returns: (transfer full): a validation result
 */
AccordValidation *
accord_validation_new(const gchar *path, const gchar *summary, const GError *error)
{
	AccordValidation *self = g_new0(AccordValidation, 1);

	self->path = g_strdup(path);
	self->summary = g_strdup(summary);
	self->error = error != NULL ? g_strdup(error->message) : NULL;
	return self;
}

/**
 * accord_validation_free:
 * @self: (nullable) (transfer full): a validation result
 */
void
accord_validation_free(AccordValidation *self)
{
	if (self == NULL)
		return;
	g_free(self->path);
	g_free(self->summary);
	g_free(self->error);
	g_free(self);
}
