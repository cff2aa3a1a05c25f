#include "config.h"

#include <libxml/xmlschemastypes.h>
#include <string.h>

#include "xml-private.h"

/* profiles/schema/profile.rng, checked by one walk of the parsed tree. The check is a
 * sufficient condition: when it says valid, libxml2's RELAX NG validator says valid too;
 * whenever it says no, or meets a form it does not decide for certain (a value not already in
 * canonical form, a comment inside a value, an attribute in a namespace), the loader runs the
 * RELAX NG validator, whose verdict and file:line error are final. So every profile gets
 * exactly the schema's checks and errors, while a valid one costs a walk of its tree instead
 * of the RELAX NG engine (two thirds of the time of a batch). tests/unit/test-profile-schema.c
 * runs both over the fixtures, the fuzz corpora and their mutations and finds no profile the
 * check accepts and the schema refuses. Keep the two in step: a change to profile.rng needs
 * the same change here, and the test fails until it has one */

#define PROFILE_NS "urn:accord:profile:1"

typedef enum {
	VALUE_TOKEN,	  /* <ref name="token"/> and <ref name="nonempty"/>: token, minLength 1 */
	VALUE_COUNTRY,	  /* token, pattern [A-Z]{2,3} */
	VALUE_ID,	  /* token, pattern [A-Za-z0-9][A-Za-z0-9._\-]* */
	VALUE_CONFIDENCE, /* high, medium or low */
	VALUE_RANK,	  /* positiveInteger */
	VALUE_URI,	  /* anyURI */
} ValueKind;

typedef struct {
	const gchar *name;
	ValueKind kind;
	gboolean required;
} AttributeSpec;

static const AttributeSpec profile_attributes[] = {
    {"country", VALUE_COUNTRY, TRUE},
    {"name", VALUE_TOKEN, TRUE},
    {"as-of", VALUE_TOKEN, TRUE},
    {"id", VALUE_ID, FALSE},
    {NULL, 0, FALSE},
};
static const AttributeSpec index_attributes[] = {
    {"name", VALUE_TOKEN, TRUE},
    {"value", VALUE_TOKEN, TRUE},
    {"rank", VALUE_RANK, FALSE},
    {"source", VALUE_TOKEN, TRUE},
    {NULL, 0, FALSE},
};
static const AttributeSpec fact_attributes[] = {
    {"key", VALUE_TOKEN, TRUE},
    {"value", VALUE_TOKEN, TRUE},
    {"confidence", VALUE_CONFIDENCE, TRUE},
    {NULL, 0, FALSE},
};
static const AttributeSpec evidence_attributes[] = {
    {"title", VALUE_TOKEN, TRUE},
    {"href", VALUE_URI, FALSE},
    {"date", VALUE_TOKEN, TRUE},
    {"expires", VALUE_TOKEN, FALSE},
    {NULL, 0, FALSE},
};

static gboolean
is_space(gchar c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* a token of length 1 or more once white space is collapsed: some character is not space */
static gboolean
has_non_space(const gchar *text)
{
	for (const gchar *p = text; *p != '\0'; p++) {
		if (!is_space(*p))
			return TRUE;
	}
	return FALSE;
}

static gboolean
all_of(const gchar *text, const gchar *first, const gchar *rest, gsize min, gsize max)
{
	gsize n = strlen(text);

	if (n < min || n > max || strchr(first, text[0]) == NULL)
		return FALSE;
	return strspn(text + 1, rest) == n - 1;
}

#define UPPER  "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define ALNUM  UPPER "abcdefghijklmnopqrstuvwxyz0123456789"
#define DIGITS "0123456789"

static gboolean
is_pchar(const gchar **p)
{
	const gchar *c = *p;

	if (g_ascii_isalnum(*c) || (*c != '\0' && strchr("-._~!$&()*+,;=:@", *c) != NULL)) {
		*p = c + 1;
		return TRUE;
	}
	if (c[0] == '%' && g_ascii_isxdigit(c[1]) && g_ascii_isxdigit(c[2])) {
		*p = c + 3;
		return TRUE;
	}
	return FALSE;
}

/* a query or fragment: characters of a path segment, '/' and '?' */
static void
skip_query(const gchar **p)
{
	while (**p == '/' || **p == '?' || is_pchar(p)) {
		if (**p == '/' || **p == '?')
			(*p)++;
	}
}

/* scheme://host[:port][/path][?query][#fragment] with a host of letters, digits, '-' and
 * '.', and only unreserved, sub-delimiter (but '), ':', '@' and %HH characters after it: a
 * subset of RFC 3986 that xmlParseURI() accepts as it stands, with no character libxml2's
 * anyURI check rewrites */
static gboolean
is_plain_uri(const gchar *p)
{
	const gchar *start;

	if (!g_ascii_isalpha(*p))
		return FALSE;
	while (g_ascii_isalnum(*p) || *p == '+' || *p == '-' || *p == '.')
		p++;
	if (!g_str_has_prefix(p, "://"))
		return FALSE;
	for (start = p += 3; g_ascii_isalnum(*p) || *p == '-' || *p == '.'; p++)
		;
	if (p == start)
		return FALSE;
	if (*p == ':') {
		for (start = ++p; g_ascii_isdigit(*p); p++)
			;
		if (p == start || p - start > 5)
			return FALSE;
	}
	while (*p == '/') {
		for (p++; is_pchar(&p);)
			;
	}
	if (*p == '?')
		p++, skip_query(&p);
	if (*p == '#')
		p++, skip_query(&p);
	return *p == '\0';
}

/* libxml2's anyURI check (xmlschemastypes.c, 2.9) collapses white space, replaces each
 * character below 32 or above 126 and each of  <>"{}|\\^`'  with '_', and calls
 * xmlParseURI(); a plain URI passes it as it is, and any other value goes to the very
 * function the RELAX NG validator calls */
static gboolean
uri_is_valid(const gchar *value)
{
	return is_plain_uri(value) ||
	       xmlSchemaValPredefTypeNode(xmlSchemaGetBuiltInType(XML_SCHEMAS_ANYURI),
					  (const xmlChar *)value,
					  NULL,
					  NULL) == 0;
}

/* only the canonical form of each restricted value is decided here: one with space around it
 * passes the schema after white space is collapsed, and goes to the RELAX NG validator */
static gboolean
value_is_valid(ValueKind kind, const gchar *value)
{
	switch (kind) {
	case VALUE_TOKEN:
		return has_non_space(value);
	case VALUE_COUNTRY:
		return all_of(value, UPPER, UPPER, 2, 3);
	case VALUE_ID:
		return all_of(value, ALNUM, ALNUM "._-", 1, G_MAXSIZE);
	case VALUE_CONFIDENCE:
		return strcmp(value, "high") == 0 || strcmp(value, "medium") == 0 ||
		       strcmp(value, "low") == 0;
	case VALUE_RANK:
		/* 18 digits stay far below the limits of libxml2's decimal type */
		return all_of(value, "123456789", DIGITS, 1, 18);
	case VALUE_URI:
		return uri_is_valid(value);
	default:
		return FALSE;
	}
}

/* the value of an attribute as one text node, the only form a profile without a DTD has */
static const gchar *
attribute_value(const xmlAttr *attr)
{
	if (attr->children == NULL || attr->children->next != NULL ||
	    attr->children->type != XML_TEXT_NODE || attr->children->content == NULL)
		return NULL;
	return (const gchar *)attr->children->content;
}

/* one attribute: its place in @specs, or -1 when it is not allowed or its value not valid */
static gint
check_attribute(const AttributeSpec *specs, const gchar *name, const gchar *value)
{
	gint i = 0;

	while (specs[i].name != NULL && strcmp(specs[i].name, name) != 0)
		i++;
	if (specs[i].name == NULL || value == NULL || !value_is_valid(specs[i].kind, value))
		return -1;
	return i;
}

static gboolean
has_required(const AttributeSpec *specs, guint seen)
{
	guint required = 0;

	for (guint i = 0; specs[i].name != NULL; i++)
		required |= specs[i].required ? 1u << i : 0;
	return (seen & required) == required;
}

static gboolean
attributes_are_valid(const xmlNode *node, const AttributeSpec *specs)
{
	guint seen = 0;

	for (const xmlAttr *a = node->properties; a != NULL; a = a->next) {
		gint i = a->ns != NULL
			     ? -1
			     : check_attribute(specs, (const gchar *)a->name, attribute_value(a));

		if (i < 0)
			return FALSE;
		seen |= 1u << i;
	}
	return has_required(specs, seen);
}

static const AttributeSpec *const element_specs[] = {
    profile_attributes,
    index_attributes,
    fact_attributes,
    evidence_attributes,
};

/**
 * accord_xml_profile_attributes_are_valid:
 * @element: which element of a profile
 * @names: the attribute names, none in a namespace
 * @values: their values
 * @n: how many
 *
 * The quick check of an element's attributes, for the streamed reader (profile-sax.c).
 *
 * Returns: %TRUE when they are certainly valid
 */
gboolean
accord_xml_profile_attributes_are_valid(AccordProfileElement element,
					const gchar *const *names,
					const gchar *const *values,
					guint n)
{
	const AttributeSpec *specs = element_specs[element];
	guint seen = 0;

	for (guint a = 0; a < n; a++) {
		gint i = check_attribute(specs, names[a], values[a]);

		if (i < 0 || (seen & (1u << i)) != 0)
			return FALSE;
		seen |= 1u << i;
	}
	return has_required(specs, seen);
}

/**
 * accord_xml_profile_text_is_valid:
 * @text: the text of a `<note>`
 *
 * Returns: %TRUE when it has a character that is not white space, as the schema's nonempty
 *   type needs
 */
gboolean
accord_xml_profile_text_is_valid(const gchar *text)
{
	return has_non_space(text);
}

static gboolean
is_element(const xmlNode *node, const gchar *name)
{
	return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
	       node->ns->href != NULL && strcmp((const gchar *)node->ns->href, PROFILE_NS) == 0 &&
	       strcmp((const gchar *)node->name, name) == 0;
}

/* the next child that is not ignorable in element content (white space, comment, processing
 * instruction); sets *bad at text that is not white space or at a node of another kind */
static const xmlNode *
next_element(const xmlNode *node, gboolean *bad)
{
	for (; node != NULL; node = node->next) {
		if (node->type == XML_ELEMENT_NODE)
			return node;
		if (node->type == XML_TEXT_NODE && node->content != NULL &&
		    !has_non_space((const gchar *)node->content))
			continue;
		if (node->type != XML_COMMENT_NODE && node->type != XML_PI_NODE)
			*bad = TRUE;
	}
	return NULL;
}

/* an element with <empty/> content */
static gboolean
is_empty(const xmlNode *node)
{
	gboolean bad = FALSE;

	return next_element(node->children, &bad) == NULL && !bad;
}

/* an element holding <ref name="nonempty"/>: text alone, with some non-space character */
static gboolean
is_nonempty_text(const xmlNode *node)
{
	gboolean some = FALSE;

	if (node->properties != NULL || node->children == NULL)
		return FALSE;
	for (const xmlNode *n = node->children; n != NULL; n = n->next) {
		if (n->type != XML_TEXT_NODE || n->content == NULL)
			return FALSE;
		some = some || has_non_space((const gchar *)n->content);
	}
	return some;
}

static gboolean
fact_is_valid(const xmlNode *fact)
{
	gboolean bad = FALSE;
	const xmlNode *n = next_element(fact->children, &bad);
	guint n_evidence = 0;

	if (!attributes_are_valid(fact, fact_attributes))
		return FALSE;
	for (; !bad && is_element(n, "evidence"); n = next_element(n->next, &bad)) {
		if (!attributes_are_valid(n, evidence_attributes) || !is_empty(n))
			return FALSE;
		n_evidence++;
	}
	if (!bad && is_element(n, "note")) {
		if (!is_nonempty_text(n))
			return FALSE;
		n = next_element(n->next, &bad);
	}
	return !bad && n == NULL && n_evidence > 0;
}

/* <profile>: note?, index*, fact*, in that order */
static gboolean
profile_is_valid(const xmlNode *root)
{
	gboolean bad = FALSE;
	const xmlNode *n = next_element(root->children, &bad);

	if (!attributes_are_valid(root, profile_attributes))
		return FALSE;
	if (!bad && is_element(n, "note")) {
		if (!is_nonempty_text(n))
			return FALSE;
		n = next_element(n->next, &bad);
	}
	for (; !bad && is_element(n, "index"); n = next_element(n->next, &bad)) {
		if (!attributes_are_valid(n, index_attributes) || !is_empty(n))
			return FALSE;
	}
	for (; !bad && is_element(n, "fact"); n = next_element(n->next, &bad)) {
		if (!fact_is_valid(n))
			return FALSE;
	}
	return !bad && n == NULL;
}

/**
 * accord_xml_profile_is_valid:
 * @doc: a parsed document
 *
 * A sufficient condition for @doc to be valid against the profile schema, decided without
 * the RELAX NG engine.
 *
 * Returns: %TRUE when @doc is certainly valid; %FALSE when it is invalid or the check cannot
 *   tell, and the RELAX NG validator must decide
 */
gboolean
accord_xml_profile_is_valid(const xmlDoc *doc)
{
	const xmlNode *root = xmlDocGetRootElement(doc);

	return is_element(root, "profile") && profile_is_valid(root);
}
