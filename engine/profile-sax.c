#include "config.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "profile-private.h"
#include "xml-private.h"

/* The streamed reader: a profile read from the parser's events into the builder, with no
 * tree, for the batches (parsing into a tree and freeing it was half of a profile's cost).
 * It is a fast path only. It decides the valid profiles in the forms schema-check.c
 * decides, with the same quick check; at anything else (not well-formed, a DOCTYPE, an
 * element or attribute out of place, a value not in canonical form, a comment inside a note,
 * a value the builder refuses) it gives up, and profile.c loads the file through the tree,
 * which reports the error, with its line, as it always did. tests/unit/test-schema-check.c
 * checks that every profile it reads equals the one the tree loader makes, and that it reads
 * no profile the schema refuses. */

#define PROFILE_NS "urn:accord:profile:1"
/* attributes an element of a profile may have, at most */
#define MAX_ATTRIBUTES 4

typedef enum {
	AT_START,
	IN_PROFILE,
	IN_PROFILE_NOTE,
	IN_INDEX,
	IN_FACT,
	IN_EVIDENCE,
	IN_FACT_NOTE,
	AT_END,
} State;

typedef struct {
	AccordProfile *self;
	State state;
	guint stage;	  /* profile children so far: 0 none, 1 note, 2 index, 3 fact */
	guint fact_stage; /* fact children so far: 0 none, 1 evidence, 2 note */
	AccordProfileFact *fact;
	GString *text;	   /* of the note being read */
	gboolean given_up; /* the tree loader decides */
	xmlParserCtxt *ctxt;
} Reader;

static void
give_up(Reader *r)
{
	r->given_up = TRUE;
	xmlStopParser(r->ctxt);
}

/* the attributes, at most MAX_ATTRIBUTES, as NUL-terminated copies in the order given; none
 * may be in a namespace */
static gboolean
copy_attributes(const xmlChar **attributes, gint n, gchar **names, gchar **values)
{
	for (gint i = 0; i < n; i++) {
		const xmlChar **a = attributes + 5 * i; /* localname, prefix, URI, value, end */

		if (a[2] != NULL)
			return FALSE;
		names[i] = (gchar *)a[0];
		values[i] = g_strndup((const gchar *)a[3], (gsize)(a[4] - a[3]));
	}
	return TRUE;
}

/* the value of attribute @name, handed over; NULL when absent */
static gchar *
take(gchar **names, gchar **values, gint n, const gchar *name)
{
	for (gint i = 0; i < n; i++) {
		if (values[i] != NULL && strcmp(names[i], name) == 0)
			return g_steal_pointer(&values[i]);
	}
	return NULL;
}

static gboolean
start_profile(Reader *r, gchar **n, gchar **v, gint k)
{
	return accord_profile_builder_set_header(r->self,
						 NULL,
						 take(n, v, k, "country"),
						 take(n, v, k, "name"),
						 take(n, v, k, "as-of"),
						 take(n, v, k, "id"),
						 NULL);
}

static gboolean
start_index(Reader *r, gchar **n, gchar **v, gint k)
{
	return accord_profile_builder_add_figure(r->self,
						 NULL,
						 take(n, v, k, "name"),
						 take(n, v, k, "value"),
						 take(n, v, k, "rank"),
						 take(n, v, k, "source"),
						 NULL);
}

static gboolean
start_fact(Reader *r, gchar **n, gchar **v, gint k)
{
	r->fact = accord_profile_builder_add_fact(r->self,
						  NULL,
						  take(n, v, k, "key"),
						  take(n, v, k, "value"),
						  take(n, v, k, "confidence"),
						  NULL);
	r->fact_stage = 0;
	return r->fact != NULL;
}

static gboolean
start_evidence(Reader *r, gchar **n, gchar **v, gint k)
{
	return accord_profile_builder_add_evidence(r->self,
						   NULL,
						   r->fact,
						   take(n, v, k, "title"),
						   take(n, v, k, "href"),
						   take(n, v, k, "date"),
						   take(n, v, k, "expires"),
						   NULL);
}

/* where an element may start: the state it leads to and the element its attributes are
 * checked as; -1 for an element with none (a note) */
static gboolean
next_state(Reader *r, const gchar *name, State *next, gint *element)
{
	*element = -1;
	if (r->state == AT_START && strcmp(name, "profile") == 0) {
		*next = IN_PROFILE, *element = ACCORD_PROFILE_ELEMENT_PROFILE;
	} else if (r->state == IN_PROFILE && strcmp(name, "note") == 0 && r->stage < 1) {
		*next = IN_PROFILE_NOTE, r->stage = 1;
	} else if (r->state == IN_PROFILE && strcmp(name, "index") == 0 && r->stage <= 2) {
		*next = IN_INDEX, *element = ACCORD_PROFILE_ELEMENT_INDEX, r->stage = 2;
	} else if (r->state == IN_PROFILE && strcmp(name, "fact") == 0) {
		*next = IN_FACT, *element = ACCORD_PROFILE_ELEMENT_FACT, r->stage = 3;
	} else if (r->state == IN_FACT && strcmp(name, "evidence") == 0 && r->fact_stage <= 1) {
		*next = IN_EVIDENCE, *element = ACCORD_PROFILE_ELEMENT_EVIDENCE, r->fact_stage = 1;
	} else if (r->state == IN_FACT && strcmp(name, "note") == 0 && r->fact_stage == 1) {
		*next = IN_FACT_NOTE, r->fact_stage = 2;
	} else {
		return FALSE;
	}
	return TRUE;
}

static gboolean
start(Reader *r, const gchar *name, const xmlChar **attributes, gint n_attributes)
{
	static gboolean (*const starts[])(Reader *, gchar **, gchar **, gint) = {
	    start_profile,
	    start_index,
	    start_fact,
	    start_evidence,
	};
	gchar *names[MAX_ATTRIBUTES] = {NULL};
	gchar *values[MAX_ATTRIBUTES] = {NULL};
	gboolean ok;
	State next;
	gint element;

	if (n_attributes > MAX_ATTRIBUTES || !next_state(r, name, &next, &element))
		return FALSE;
	r->state = next;
	if (element < 0) {
		g_string_truncate(r->text, 0);
		return n_attributes == 0;
	}
	ok = copy_attributes(attributes, n_attributes, names, values) &&
	     accord_xml_profile_attributes_are_valid(element,
						     (const gchar *const *)names,
						     (const gchar *const *)values,
						     (guint)n_attributes) &&
	     starts[element](r, names, values, n_attributes);
	for (gint i = 0; i < n_attributes; i++)
		g_free(values[i]);
	return ok;
}

static void
start_element(void *ctx,
	      const xmlChar *localname,
	      const xmlChar *prefix,
	      const xmlChar *uri,
	      int n_namespaces,
	      const xmlChar **namespaces,
	      int n_attributes,
	      int n_defaulted,
	      const xmlChar **attributes)
{
	Reader *r = ((xmlParserCtxt *)ctx)->_private;

	if (r->given_up)
		return;
	if (uri == NULL || strcmp((const gchar *)uri, PROFILE_NS) != 0 || n_defaulted != 0 ||
	    !start(r, (const gchar *)localname, attributes, n_attributes))
		give_up(r);
}

static void
end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
	Reader *r = ((xmlParserCtxt *)ctx)->_private;
	gboolean note = r->state == IN_PROFILE_NOTE || r->state == IN_FACT_NOTE;

	if (r->given_up)
		return;
	if (note && !accord_xml_profile_text_is_valid(r->text->str)) {
		give_up(r);
		return;
	}
	if (note)
		accord_profile_builder_set_note(r->self,
						r->state == IN_FACT_NOTE ? r->fact : NULL,
						g_strdup(r->text->str));
	if (r->state == IN_FACT && r->fact_stage == 0) {
		give_up(r); /* a fact needs evidence */
		return;
	}
	r->state = (State[]){AT_START,
			     AT_END,
			     IN_PROFILE,
			     IN_PROFILE,
			     IN_PROFILE,
			     IN_FACT,
			     IN_FACT,
			     AT_END}[r->state];
}

/* text: the note's, or white space between elements; anything else is out of place */
static void
characters(void *ctx, const xmlChar *ch, int len)
{
	Reader *r = ((xmlParserCtxt *)ctx)->_private;

	if (r->given_up)
		return;
	if (r->state == IN_PROFILE_NOTE || r->state == IN_FACT_NOTE) {
		g_string_append_len(r->text, (const gchar *)ch, len);
		return;
	}
	for (gint i = 0; i < len; i++) {
		if (ch[i] != ' ' && ch[i] != '\t' && ch[i] != '\n' && ch[i] != '\r') {
			give_up(r);
			return;
		}
	}
}

/* a comment or processing instruction inside a note is left to the tree loader */
static void
comment(void *ctx, const xmlChar *value)
{
	Reader *r = ((xmlParserCtxt *)ctx)->_private;

	if (r->state == IN_PROFILE_NOTE || r->state == IN_FACT_NOTE)
		give_up(r);
}

static void
instruction(void *ctx, const xmlChar *target, const xmlChar *data)
{
	comment(ctx, target);
}

/* a DOCTYPE is refused, by the tree loader, with its line */
static void
doctype(void *ctx, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id)
{
	give_up(((xmlParserCtxt *)ctx)->_private);
}

static void
ignore_error(void *data, const xmlError *error)
{
}

static void
init_handler(xmlSAXHandler *sax)
{
	memset(sax, 0, sizeof *sax);
	sax->initialized = XML_SAX2_MAGIC;
	sax->startElementNs = start_element;
	sax->endElementNs = end_element;
	sax->characters = characters;
	sax->ignorableWhitespace = characters;
	sax->comment = comment;
	sax->processingInstruction = instruction;
	sax->internalSubset = doctype;
	sax->serror = (xmlStructuredErrorFunc)ignore_error;
}

/**
 * accord_profile_read_streamed:
 * @data: the XML text
 * @len: its length in bytes
 * @name: the name errors use for the input
 * @vocab: the vocabulary
 *
 * Reads a profile from the parser's events, without a tree, when it is valid in the forms
 * the quick check decides.
 *
 * Returns: (transfer full) (nullable): the profile, as the tree loader would load it, or
 *   %NULL for the tree loader to load or refuse
 */
AccordProfile *
accord_profile_read_streamed(const gchar *data,
			     gsize len,
			     const gchar *name,
			     const AccordVocabulary *vocab)
{
	g_autoptr(GString) text = g_string_new(NULL);
	Reader r = {accord_profile_builder_new(vocab, name), AT_START, 0, 0, NULL, text, FALSE};
	gboolean ok;

	if (len > ACCORD_XML_MAX_BYTES || len > G_MAXINT) {
		accord_profile_unref(r.self);
		return NULL;
	}
	accord_xml_init();
	r.ctxt = xmlCreateMemoryParserCtxt(data, (int)len);
	if (r.ctxt == NULL) {
		accord_profile_unref(r.self);
		return NULL;
	}
	init_handler(r.ctxt->sax);
	r.ctxt->_private = &r;
	/* no tree, no network, entities as characters (with no DTD, only the predefined ones) */
	xmlCtxtUseOptions(r.ctxt,
			  XML_PARSE_NONET | XML_PARSE_NOENT | XML_PARSE_NOCDATA |
			      XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	ok =
	    xmlParseDocument(r.ctxt) == 0 && r.ctxt->wellFormed && !r.given_up && r.state == AT_END;
	xmlFreeParserCtxt(r.ctxt);
	if (!ok) {
		accord_profile_unref(r.self);
		return NULL;
	}
	accord_profile_builder_finish(r.self);
	return r.self;
}
