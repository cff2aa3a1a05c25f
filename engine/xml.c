#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemastypes.h>
#include <string.h>

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
	 XML_PARSE_NOCDATA | XML_PARSE_COMPACT)

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
    {"/org/accord/schema/plan.rng", "urn:accord:plan:1", "plan", "plan"},
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

/* what the SAX callbacks below note, through the parser context's _private */
typedef struct {
	gint doctype_line; /* > 0 once a DOCTYPE was met */
	gint root_line;	   /* > 0 once the root element was met (sniffing only) */
	gchar *root_ns;
} ParseState;

/* the DOCTYPE is refused the moment the parser reports it: before any entity declared in it
 * is parsed, expanded or checked for loops, and with the line where it stands */
static void
refuse_doctype_cb(void *ctx,
		  const xmlChar *name,
		  const xmlChar *external_id,
		  const xmlChar *system_id)
{
	xmlParserCtxt *ctxt = ctx;
	ParseState *state = ctxt->_private;

	state->doctype_line = xmlSAX2GetLineNumber(ctx);
	xmlStopParser(ctxt);
}

/* sniffing needs the root element's namespace and nothing after it */
static void
sniff_root_cb(void *ctx,
	      const xmlChar *localname,
	      const xmlChar *prefix,
	      const xmlChar *uri,
	      int nb_namespaces,
	      const xmlChar **namespaces,
	      int nb_attributes,
	      int nb_defaulted,
	      const xmlChar **attributes)
{
	xmlParserCtxt *ctxt = ctx;
	ParseState *state = ctxt->_private;

	state->root_line = MAX(xmlSAX2GetLineNumber(ctx), 1);
	state->root_ns = g_strdup((const gchar *)uri);
	xmlStopParser(ctxt);
}

static gboolean
check_size(gsize len, const gchar *name, GError **error)
{
	if (len <= ACCORD_XML_MAX_BYTES && len <= G_MAXINT)
		return TRUE;
	g_set_error(error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_PARSE,
		    "%s: input is larger than the %d MiB limit",
		    name,
		    ACCORD_XML_MAX_BYTES / (1024 * 1024));
	return FALSE;
}

/* parses @data with the hardened options and @state behind the SAX callbacks; with @sniff,
 * only up to the root element's start tag */
static xmlDoc *
read_memory(const gchar *data,
	    gsize len,
	    const gchar *name,
	    gboolean sniff,
	    ParseState *state,
	    FirstError *first)
{
	xmlParserCtxt *ctxt;
	xmlDoc *doc;

	accord_xml_init();
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		first->message = g_strdup("out of memory");
		return NULL;
	}
	ctxt->sax->internalSubset = refuse_doctype_cb;
	if (sniff)
		ctxt->sax->startElementNs = sniff_root_cb;
	ctxt->_private = state;
	xmlSetStructuredErrorFunc(first, (xmlStructuredErrorFunc)first_error_cb);
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL, ACCORD_XML_PARSE_OPTIONS);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlFreeParserCtxt(ctxt);
	return doc;
}

static void
set_doctype_error(GError **error, const gchar *name, gint line)
{
	g_set_error(error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_PARSE,
		    "%s:%d: a DOCTYPE is not allowed in Accord documents",
		    name,
		    line);
}

static void
set_parse_error(GError **error, const gchar *name, const FirstError *first)
{
	g_set_error(error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_PARSE,
		    "%s:%d: not well-formed XML: %s",
		    name,
		    first->line,
		    first->message != NULL ? first->message : "empty document");
}

/* libxml2 2.9 sets up its global state on the first parse, which is not safe to race: the
 * batch verbs parse on several threads */
static GOnce parser_once = G_ONCE_INIT;

static gpointer
init_parser(gpointer data)
{
	xmlInitParser();
	/* the datatypes schema-check.c checks through libxml2 */
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
	ParseState state = {0, 0, NULL};
	xmlDoc *doc;

	if (!check_size(len, name, error))
		return NULL;
	doc = read_memory(data, len, name, FALSE, &state, &first);
	if (state.doctype_line > 0) {
		set_doctype_error(error, name, state.doctype_line);
		g_clear_pointer(&doc, xmlFreeDoc);
	} else if (doc == NULL) {
		set_parse_error(error, name, &first);
	}
	g_free(first.message);
	g_free(first.element);
	return doc;
}

/* the schema whose namespace is @ns, if any */
static gboolean
schema_for_namespace(const gchar *ns, AccordSchema *schema)
{
	for (guint i = 0; ns != NULL && i < ACCORD_SCHEMA_LAST; i++) {
		if (g_strcmp0(ns, schemas[i].ns) == 0) {
			*schema = i;
			return TRUE;
		}
	}
	return FALSE;
}

/* tells the format from the root element's namespace, reading no further than its start tag:
 * the loader parses the whole document anyway, once */
gboolean
accord_xml_sniff_root(const gchar *data,
		      gsize len,
		      const gchar *name,
		      AccordSchema *schema,
		      gint *root_line,
		      GError **error)
{
	FirstError first = {NULL, NULL, 0};
	ParseState state = {0, 0, NULL};
	g_autofree gchar *ns = NULL;
	xmlDoc *partial;
	gboolean found;

	if (!check_size(len, name, error))
		return FALSE;
	partial = read_memory(data, len, name, TRUE, &state, &first);
	if (partial != NULL)
		xmlFreeDoc(partial);
	ns = state.root_ns;
	*root_line = state.root_line;
	if (state.doctype_line > 0)
		set_doctype_error(error, name, state.doctype_line);
	else if (state.root_line == 0)
		set_parse_error(error, name, &first);
	g_free(first.message);
	g_free(first.element);
	if (state.doctype_line > 0 || state.root_line == 0)
		return FALSE;
	found = schema_for_namespace(ns, schema);
	if (!found)
		*schema = ACCORD_SCHEMA_LAST;
	return TRUE;
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
	static GOnce once[ACCORD_SCHEMA_LAST] = {G_ONCE_INIT,
						 G_ONCE_INIT,
						 G_ONCE_INIT,
						 G_ONCE_INIT,
						 G_ONCE_INIT,
						 G_ONCE_INIT,
						 G_ONCE_INIT};

	accord_get_resource();
	return g_once(&once[schema], compile_schema, (gpointer)schemas[schema].resource);
}

/* Ids and country codes are checked here, after RELAX NG, rather than by pattern facets in
 * the schemas: libxml2 compiles a facet's regular expression anew for every value it checks,
 * which was a third of the time of loading a 16 MB ruleset. The schemas declare these
 * attributes NMTOKEN, which libxml2 checks without a regular expression; this table narrows
 * them to the documented syntax (docs/formats.md section 2). */
typedef enum {
	LEXICAL_ID,	 /* [A-Za-z0-9][A-Za-z0-9._-]* */
	LEXICAL_ID_LIST, /* ids separated by white space */
	LEXICAL_COUNTRY, /* [A-Z]{2,3} */
} LexicalKind;

static const struct {
	AccordSchema schema;
	const gchar *attribute; /* on any element of the schema */
	LexicalKind kind;
} lexical_rules[] = {
    {ACCORD_SCHEMA_RULESET, "id", LEXICAL_ID},
    {ACCORD_SCHEMA_RULESET, "pillar", LEXICAL_ID},
    {ACCORD_SCHEMA_RULESET, "obligation", LEXICAL_ID},
    {ACCORD_SCHEMA_RULESET, "depends-on", LEXICAL_ID_LIST},
    {ACCORD_SCHEMA_TAILORING, "id", LEXICAL_ID},
    {ACCORD_SCHEMA_TAILORING, "ruleset", LEXICAL_ID},
    {ACCORD_SCHEMA_WAIVERS, "country", LEXICAL_COUNTRY},
    {ACCORD_SCHEMA_WAIVERS, "ruleset", LEXICAL_ID},
    {ACCORD_SCHEMA_WAIVERS, "criterion", LEXICAL_ID},
};

static gboolean
is_id(const gchar *text, gsize len)
{
	if (len == 0 || !g_ascii_isalnum(text[0]))
		return FALSE;
	for (gsize i = 1; i < len; i++) {
		if (!g_ascii_isalnum(text[i]) && text[i] != '.' && text[i] != '_' && text[i] != '-')
			return FALSE;
	}
	return TRUE;
}

static gboolean
is_id_list(const gchar *text)
{
	gboolean any = FALSE;

	while (*text != '\0') {
		gsize len;

		while (g_ascii_isspace(*text))
			text++;
		len = strcspn(text, " \t\r\n");
		if (len > 0 && !is_id(text, len))
			return FALSE;
		any = any || len > 0;
		text += len;
	}
	return any;
}

static gboolean
is_lexical(LexicalKind kind, const gchar *text)
{
	gsize len = strlen(text);

	switch (kind) {
	case LEXICAL_ID:
		return is_id(text, len);
	case LEXICAL_ID_LIST:
		return is_id_list(text);
	case LEXICAL_COUNTRY:
		return (len == 2 || len == 3) && g_ascii_isupper(text[0]) &&
		       g_ascii_isupper(text[1]) && (len == 2 || g_ascii_isupper(text[2]));
	default:
		return FALSE;
	}
}

static const gchar *
describe_lexical(LexicalKind kind)
{
	if (kind == LEXICAL_COUNTRY)
		return "a country code (two or three capital letters)";
	if (kind == LEXICAL_ID_LIST)
		return "a list of ids (letters, digits, '.', '_' and '-', each starting with a "
		       "letter or digit)";
	return "an id (letters, digits, '.', '_' and '-', starting with a letter or digit)";
}

static gboolean
check_attribute(const xmlNode *node,
		const xmlAttr *attr,
		AccordSchema schema,
		const gchar *name,
		GError **error)
{
	for (guint i = 0; i < G_N_ELEMENTS(lexical_rules); i++) {
		g_autofree gchar *value = NULL;

		if (lexical_rules[i].schema != schema ||
		    g_strcmp0((const gchar *)attr->name, lexical_rules[i].attribute) != 0)
			continue;
		value = accord_xml_get_prop(node, lexical_rules[i].attribute);
		if (value == NULL || is_lexical(lexical_rules[i].kind, value))
			return TRUE;
		accord_xml_set_error(error,
				     ACCORD_ERROR_SCHEMA,
				     name,
				     node,
				     "element '%s' does not match the %s schema: attribute %s "
				     "'%s' is not %s",
				     (const gchar *)node->name,
				     schemas[schema].label,
				     lexical_rules[i].attribute,
				     value,
				     describe_lexical(lexical_rules[i].kind));
		return FALSE;
	}
	return TRUE;
}

/* every element in document order, without recursion */
static xmlNode *
next_in_document(xmlNode *node)
{
	xmlNode *child = accord_xml_first_element(node);

	if (child != NULL)
		return child;
	for (; node != NULL; node = node->parent) {
		xmlNode *next;

		if (node->type != XML_ELEMENT_NODE)
			return NULL;
		next = accord_xml_next_element(node);
		if (next != NULL)
			return next;
	}
	return NULL;
}

static gboolean
check_lexical(xmlDoc *doc, AccordSchema schema, const gchar *name, GError **error)
{
	for (xmlNode *n = xmlDocGetRootElement(doc); n != NULL; n = next_in_document(n)) {
		for (const xmlAttr *a = n->properties; a != NULL; a = a->next) {
			if (!check_attribute(n, a, schema, name, error))
				return FALSE;
		}
	}
	return TRUE;
}

/* the RELAX NG validator and the lexical check, always: the verdict and the error of every
 * loader, and what the differential test of schema-check.c compares the quick check with */
gboolean
accord_xml_validate_schema(xmlDoc *doc, AccordSchema schema, const gchar *name, GError **error)
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
			    "%s: the built-in %s schema did not compile",
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
	return check_lexical(doc, schema, name, error);
}

/* a document the quick check accepts is valid, and its ids and country codes pass the
 * lexical check too (schema-check.c checks the same syntax): only the others go to libxml2's
 * RELAX NG validator, which decides with its error */
gboolean
accord_xml_validate(xmlDoc *doc, AccordSchema schema, const gchar *name, GError **error)
{
	return accord_xml_quick_check(doc, schema) ||
	       accord_xml_validate_schema(doc, schema, name, error);
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

	if (root == NULL || root->ns == NULL)
		return FALSE;
	return schema_for_namespace((const gchar *)root->ns->href, schema);
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

/* the value of @attr without a copy in the form every attribute of a parsed document takes
 * (one text node, or none for an empty value: accord_xml_parse() refuses a DTD, so there is
 * no entity reference to expand); in any other form, a copy in *copy, which the caller frees.
 * NULL when @node has no such attribute */
const gchar *
accord_xml_peek_prop(const xmlNode *node, const gchar *attr, gchar **copy)
{
	for (const xmlAttr *a = node->properties; a != NULL; a = a->next) {
		if (a->ns != NULL || strcmp((const gchar *)a->name, attr) != 0)
			continue;
		if (a->children == NULL)
			return "";
		if (a->children->next == NULL && a->children->type == XML_TEXT_NODE &&
		    a->children->content != NULL)
			return (const gchar *)a->children->content;
		*copy = accord_xml_get_prop(node, attr);
		return *copy;
	}
	return NULL;
}

gchar *
accord_xml_get_text(const xmlNode *node)
{
	xmlChar *content;

	/* the common form, one text node, is normalised from the tree rather than from a copy */
	if (node->children != NULL && node->children->next == NULL &&
	    node->children->type == XML_TEXT_NODE && node->children->content != NULL)
		return accord_normalize_space((const gchar *)node->children->content);
	content = xmlNodeGetContent(node);
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
