#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemastypes.h>

#include "accord/error.h"
#include "accord/input.h"
#include "resources.h"
#include "util-private.h"
#include "xml-private.h"

/* everything that parses untrusted XML goes through here: no network, no DTD loading, no
 * entity substitution, no XInclude, big line numbers, and a document with a DOCTYPE is
 * refused outright, so internal-subset entity tricks never reach the loaders */
#define ACCORD_XML_PARSE_OPTIONS                                                                   \
	(XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING | XML_PARSE_NOERROR |         \
	 XML_PARSE_NOCDATA)

static const struct {
	const gchar *resource;
	const gchar *ns;
	const gchar *root;
	const gchar *label;
} schemas[ACCORD_SCHEMA_LAST] = {
    {"/org/accord/schema/vocabulary.rng", "urn:accord:vocabulary:1", "vocabulary", "vocabulary"},
    {"/org/accord/schema/ruleset.rng", "urn:accord:ruleset:1", "ruleset", "ruleset"},
    {"/org/accord/schema/profile.rng", "urn:accord:profile:1", "profile", "profile"},
    {"/org/accord/schema/tailoring.rng", "urn:accord:tailoring:1", "tailoring", "tailoring"},
    {"/org/accord/schema/waivers.rng", "urn:accord:waivers:1", "waivers", "waivers"},
    {"/org/accord/schema/parties.rng", "urn:accord:parties:1", "parties", "parties"},
};

/* the first error libxml2 reports is the one the user needs; later ones are mostly echoes */
typedef struct {
	gchar *message;
	gchar *element; /* the element libxml2 blames, when it names one */
	gint line;
} FirstError;

static void
first_error_cb(void *user_data, const xmlError *err)
{
	FirstError *first = user_data;

	if (first->message != NULL || err == NULL)
		return;
	first->message =
	    g_strchomp(g_strdup(err->message != NULL ? err->message : "unknown error"));
	first->line = err->line;
	if (err->node != NULL && ((const xmlNode *)err->node)->type == XML_ELEMENT_NODE)
		first->element = g_strdup((const gchar *)((const xmlNode *)err->node)->name);
}

void
accord_xml_set_error(GError **error,
		     gint code,
		     const gchar *name,
		     const xmlNode *node,
		     const gchar *format,
		     ...)
{
	va_list args;
	g_autofree gchar *msg = NULL;

	va_start(args, format);
	msg = g_strdup_vprintf(format, args);
	va_end(args);
	g_set_error(error,
		    ACCORD_ERROR,
		    code,
		    "%s:%ld: %s",
		    name,
		    node != NULL ? xmlGetLineNo(node) : 0L,
		    msg);
}

/* every loader reads through accord_input_read(): regular files only, size checked with
 * fstat() before reading, never more than the limit read */
gboolean
accord_xml_read_file(const gchar *path, gchar **data, gsize *len, GError **error)
{
	GBytes *bytes = accord_input_read(path, ACCORD_INPUT_NONE, error);

	if (bytes == NULL)
		return FALSE;
	/* the only reference: the buffer is handed over, not copied; an empty file may come
	 * back as NULL, which the loaders do not take */
	*data = g_bytes_unref_to_data(bytes, len);
	if (*data == NULL)
		*data = g_malloc0(1);
	return TRUE;
}

/* the DOCTYPE is refused the moment the parser reports it: before any entity declared in it
 * is parsed, expanded or checked for loops, and with the line where it stands */
static void
refuse_doctype_cb(void *ctx,
		  const xmlChar *name,
		  const xmlChar *external_id,
		  const xmlChar *system_id)
{
	xmlParserCtxt *ctxt = ctx;
	gint *doctype_line = ctxt->_private;

	*doctype_line = xmlSAX2GetLineNumber(ctx);
	xmlStopParser(ctxt);
}

/* libxml2 2.9 sets up its global state on the first parse, which is not safe to race: the
 * batch verbs parse on several threads */
static GOnce parser_once = G_ONCE_INIT;

static gpointer
init_parser(gpointer data)
{
	xmlInitParser();
	/* the datatypes profile-schema.c checks through libxml2 */
	xmlSchemaInitTypes();
	return NULL;
}

/**
 * accord_xml_init:
 *
 * Sets libxml2 up, once, before the first parse on any thread.
 */
void
accord_xml_init(void)
{
	g_once(&parser_once, init_parser, NULL);
}

xmlDoc *
accord_xml_parse(const gchar *data, gsize len, const gchar *name, GError **error)
{
	FirstError first = {NULL, NULL, 0};
	g_autofree gchar *msg = NULL;
	g_autofree gchar *element = NULL;
	gint doctype_line = 0;
	xmlParserCtxt *ctxt;
	xmlDoc *doc;

	if (len > ACCORD_XML_MAX_BYTES || len > G_MAXINT) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_PARSE,
			    "%s:0: input is larger than the %d MiB limit",
			    name,
			    ACCORD_XML_MAX_BYTES / (1024 * 1024));
		return NULL;
	}
	accord_xml_init();
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_INTERNAL,
			    "%s:0: out of memory",
			    name);
		return NULL;
	}
	ctxt->sax->internalSubset = refuse_doctype_cb;
	ctxt->_private = &doctype_line;
	xmlSetStructuredErrorFunc(&first, (xmlStructuredErrorFunc)first_error_cb);
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL, ACCORD_XML_PARSE_OPTIONS);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlFreeParserCtxt(ctxt);
	msg = first.message;
	element = first.element;
	if (doctype_line > 0) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_PARSE,
			    "%s:%d: a DOCTYPE is not allowed in Accord documents",
			    name,
			    doctype_line);
		if (doc != NULL)
			xmlFreeDoc(doc);
		return NULL;
	}
	if (doc == NULL) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_PARSE,
			    "%s:%d: not well-formed XML: %s",
			    name,
			    first.line,
			    msg != NULL ? msg : "empty document");
		return NULL;
	}
	return doc;
}

/* parsed once per process and shared: a RELAX NG grammar is read-only after parsing */
static gpointer
compile_schema(gpointer data)
{
	const gchar *resource = data;
	g_autoptr(GBytes) bytes = NULL;
	xmlRelaxNGParserCtxt *ctxt;
	xmlRelaxNG *rng;
	gsize len = 0;
	const gchar *text;

	bytes = g_resources_lookup_data(resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
	if (bytes == NULL)
		return NULL;
	text = g_bytes_get_data(bytes, &len);
	ctxt = xmlRelaxNGNewMemParserCtxt(text, (int)len);
	rng = xmlRelaxNGParse(ctxt);
	xmlRelaxNGFreeParserCtxt(ctxt);
	return rng;
}

static xmlRelaxNG *
get_schema(AccordSchema schema)
{
	static GOnce once[ACCORD_SCHEMA_LAST] =
	    {G_ONCE_INIT, G_ONCE_INIT, G_ONCE_INIT, G_ONCE_INIT, G_ONCE_INIT, G_ONCE_INIT};

	accord_get_resource();
	return g_once(&once[schema], compile_schema, (gpointer)schemas[schema].resource);
}

gboolean
accord_xml_validate(xmlDoc *doc, AccordSchema schema, const gchar *name, GError **error)
{
	FirstError first = {NULL, NULL, 0};
	g_autofree gchar *msg = NULL;
	g_autofree gchar *element = NULL;
	xmlRelaxNGValidCtxt *vctxt;
	xmlRelaxNG *rng = get_schema(schema);
	gint rc;

	if (rng == NULL) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_INTERNAL,
			    "%s:0: the built-in %s schema did not compile",
			    name,
			    schemas[schema].label);
		return FALSE;
	}
	vctxt = xmlRelaxNGNewValidCtxt(rng);
	xmlRelaxNGSetValidStructuredErrors(vctxt, (xmlStructuredErrorFunc)first_error_cb, &first);
	rc = xmlRelaxNGValidateDoc(vctxt, doc);
	xmlRelaxNGFreeValidCtxt(vctxt);
	msg = first.message;
	element = first.element;
	if (rc != 0) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_SCHEMA,
			    "%s:%d: element '%s' does not match the %s schema: %s",
			    name,
			    first.line,
			    element != NULL ? element : "?",
			    schemas[schema].label,
			    msg != NULL ? msg : "invalid document");
		return FALSE;
	}
	return TRUE;
}

xmlDoc *
accord_xml_load(const gchar *data,
		gsize len,
		const gchar *name,
		AccordSchema schema,
		GError **error)
{
	g_autoptr(xmlDoc) doc = accord_xml_parse(data, len, name, error);

	if (doc == NULL)
		return NULL;
	if (!accord_xml_validate(doc, schema, name, error))
		return NULL;
	return g_steal_pointer(&doc);
}

gboolean
accord_xml_sniff_schema(xmlDoc *doc, AccordSchema *schema)
{
	xmlNode *root = xmlDocGetRootElement(doc);

	if (root == NULL || root->ns == NULL || root->ns->href == NULL)
		return FALSE;
	for (guint i = 0; i < ACCORD_SCHEMA_LAST; i++) {
		if (g_strcmp0((const gchar *)root->ns->href, schemas[i].ns) == 0) {
			*schema = i;
			return TRUE;
		}
	}
	return FALSE;
}

gchar *
accord_xml_get_prop(const xmlNode *node, const gchar *attr)
{
	xmlChar *value;
	gchar *copy;

	/* the common form, an attribute of one text node, is copied once rather than twice */
	for (const xmlAttr *a = node->properties; a != NULL; a = a->next) {
		if (a->ns == NULL && g_strcmp0((const gchar *)a->name, attr) == 0 &&
		    a->children != NULL && a->children->next == NULL &&
		    a->children->type == XML_TEXT_NODE)
			return g_strdup((const gchar *)a->children->content);
	}
	value = xmlGetNoNsProp(node, (const xmlChar *)attr);

	if (value == NULL)
		return NULL;
	copy = g_strdup((const gchar *)value);
	xmlFree(value);
	return copy;
}

gchar *
accord_xml_get_text(const xmlNode *node)
{
	xmlChar *content = xmlNodeGetContent(node);
	gchar *text;

	text = accord_normalize_space(content != NULL ? (const gchar *)content : "");
	xmlFree(content);
	return text;
}

xmlNode *
accord_xml_first_element(const xmlNode *parent)
{
	for (xmlNode *n = parent->children; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE)
			return n;
	}
	return NULL;
}

xmlNode *
accord_xml_next_element(const xmlNode *node)
{
	for (xmlNode *n = node->next; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE)
			return n;
	}
	return NULL;
}

gboolean
accord_xml_is(const xmlNode *node, const gchar *name)
{
	return node != NULL && g_strcmp0((const gchar *)node->name, name) == 0;
}

xmlNode *
accord_xml_find_child(const xmlNode *parent, const gchar *name)
{
	for (xmlNode *n = accord_xml_first_element(parent); n != NULL;
	     n = accord_xml_next_element(n)) {
		if (accord_xml_is(n, name))
			return n;
	}
	return NULL;
}
