#include "config.h"

#include <libxml/xmlschemastypes.h>
#include <string.h>

#include "xml-private.h"

/* The schemas of the bulk inputs (profiles/schema/profile.rng, rulesets/schema/ruleset.rng,
 * vocabulary.rng and waivers.rng), each a table below checked by one walk of the parsed tree.
 * The check is a sufficient condition: when it says valid, libxml2's RELAX NG validator and
 * the lexical check after it (xml.c) say valid too; whenever it says no, or meets a form it
 * does not decide for certain (a value not already in canonical form, a comment inside a
 * value, an attribute in a namespace, a nesting deeper than MAX_DEPTH), the loader runs the
 * RELAX NG validator, whose verdict and file:line error are final. So every document gets
 * exactly the schema's checks and errors, while a valid one costs a walk of its tree instead
 * of the RELAX NG engine (two thirds of the time of a batch, and most of the time of loading
 * a 16 MB ruleset). tests/unit/test-schema-check.c runs both over the fixtures, the shipped
 * files, the fuzz corpora and their mutations and finds no document the check accepts and the
 * schema refuses. Keep the two in step: a change to a schema needs the same change to its
 * table here, and the test fails until it has one. */

/* the test trees of a criterion nest (all, any, not); deeper ones go to the validator */
#define MAX_DEPTH 64

typedef enum {
	VALUE_TOKEN,	  /* token, minLength 1: some character that is not white space */
	VALUE_ANY,	  /* token without facets: anything */
	VALUE_ID,	  /* [A-Za-z0-9][A-Za-z0-9._\-]*: the profile's pattern; in the other
			   * schemas a subset of NMTOKEN that the lexical check (xml.c) accepts */
	VALUE_COUNTRY,	  /* [A-Z]{2,3} */
	VALUE_RANK,	  /* positiveInteger */
	VALUE_URI,	  /* anyURI */
	VALUE_SYMBOL,	  /* [a-z0-9][a-z0-9\-]* */
	VALUE_KEY,	  /* [a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+ */
	VALUE_EFFORT,	  /* low|medium|high|[1-9][0-9]{0,2} */
	VALUE_VALUE_COST, /* [a-z0-9][a-z0-9\-]*:(low|medium|high|[1-9][0-9]{0,2}) */
	VALUE_CHOICE,	  /* one of the words of AttributeSpec.choices */
} ValueKind;

typedef struct {
	const gchar *name;
	ValueKind kind;
	gboolean required;
	gboolean list;	      /* <list><oneOrMore>: one or more values, white space between */
	const gchar *choices; /* VALUE_CHOICE: the <value>s, each followed by '|' */
} AttributeSpec;

typedef enum {
	CONTENT_ELEMENTS, /* the particles in order, white space, comments and PIs between them;
			   * with no particle, <empty/> */
	CONTENT_NONEMPTY, /* <ref name="nonempty"/>: text alone, some of it not white space */
	CONTENT_TEXT,	  /* <text/>: text alone, possibly none */
	CONTENT_MIXED,	  /* <mixed>: the particles with text anywhere between them */
} ContentKind;

typedef struct ElementSpec ElementSpec;

/* one place in a content model: min to max elements, each one of the alternatives, which may
 * share a name (the variants of an element whose attributes are a <choice>) */
typedef struct {
	const ElementSpec *const *alternatives; /* NULL-terminated; NULL ends a particle list */
	guint min;
	guint max;
} Particle;

struct ElementSpec {
	const gchar *name;
	const AttributeSpec *attributes; /* terminated by a NULL name */
	ContentKind content;
	const Particle *particles;
};

#define MANY G_MAXUINT

/* the tables are written one element to a line, in the order of the schema, with these */
#define ATTRIBUTE_LIST(...)                                                                        \
	{                                                                                          \
		__VA_ARGS__ END_OF_ATTRIBUTES                                                      \
	}
#define ATTRIBUTES(...) ((const AttributeSpec[])ATTRIBUTE_LIST(__VA_ARGS__))
#define END_OF_ATTRIBUTES                                                                          \
	{                                                                                          \
		NULL, 0, FALSE, FALSE, NULL                                                        \
	}
#define NEEDS(name, kind)		{name, kind, TRUE, FALSE, NULL},
#define MAY(name, kind)			{name, kind, FALSE, FALSE, NULL},
#define LIST(name, kind, required)	{name, kind, required, TRUE, NULL},
#define ONE_OF(name, required, choices) {name, VALUE_CHOICE, required, FALSE, choices},
/* a place that no attribute takes (XML has no attribute without a name), for the variants of
 * an element that have one attribute fewer than the others */
#define NO_ATTRIBUTE	  {"", VALUE_ANY, FALSE, FALSE, NULL},
#define ALTERNATIVES(...) ((const ElementSpec *const[]){__VA_ARGS__, NULL})
#define PARTICLES(...)	  ((const Particle[]){__VA_ARGS__{NULL, 0, 0}})
#define ONE(e)		  {ALTERNATIVES(&e), 1, 1},
#define OPTIONAL(e)	  {ALTERNATIVES(&e), 0, 1},
#define SOME(e)		  {ALTERNATIVES(&e), 1, MANY},
#define ANY(e)		  {ALTERNATIVES(&e), 0, MANY},
#define ELEMENTS(name, attributes, ...)                                                            \
	{                                                                                          \
		name, attributes, CONTENT_ELEMENTS, PARTICLES(__VA_ARGS__)                         \
	}
#define EMPTY(name, attributes)                                                                    \
	{                                                                                          \
		name, attributes, CONTENT_ELEMENTS, NULL                                           \
	}
#define TEXT(name, attributes, content)                                                            \
	{                                                                                          \
		name, attributes, content, NULL                                                    \
	}

/* clang-format off */

/* elements of the same name and form in every schema */
static const ElementSpec title = TEXT("title", ATTRIBUTES(), CONTENT_NONEMPTY);
static const ElementSpec description = TEXT("description", ATTRIBUTES(), CONTENT_NONEMPTY);
static const ElementSpec note = TEXT("note", ATTRIBUTES(), CONTENT_NONEMPTY);

/* profiles/schema/profile.rng; the attributes also serve the streamed reader */
static const AttributeSpec profile_attributes[] = ATTRIBUTE_LIST(
    NEEDS("country", VALUE_COUNTRY) NEEDS("name", VALUE_TOKEN) NEEDS("as-of", VALUE_TOKEN)
    MAY("id", VALUE_ID));
static const AttributeSpec index_attributes[] = ATTRIBUTE_LIST(
    NEEDS("name", VALUE_TOKEN) NEEDS("value", VALUE_TOKEN) MAY("rank", VALUE_RANK)
    NEEDS("source", VALUE_TOKEN));
static const AttributeSpec fact_attributes[] = ATTRIBUTE_LIST(
    NEEDS("key", VALUE_TOKEN) NEEDS("value", VALUE_TOKEN)
    ONE_OF("confidence", TRUE, "high|medium|low|"));
static const AttributeSpec evidence_attributes[] = ATTRIBUTE_LIST(
    NEEDS("title", VALUE_TOKEN) MAY("href", VALUE_URI) NEEDS("date", VALUE_TOKEN)
    MAY("expires", VALUE_TOKEN));
static const ElementSpec profile_index = EMPTY("index", index_attributes);
static const ElementSpec profile_evidence = EMPTY("evidence", evidence_attributes);
static const ElementSpec profile_fact =
    ELEMENTS("fact", fact_attributes, SOME(profile_evidence) OPTIONAL(note));
static const ElementSpec profile = ELEMENTS("profile", profile_attributes,
    OPTIONAL(note) ANY(profile_index) ANY(profile_fact));

/* rulesets/schema/ruleset.rng */
static const ElementSpec ruleset_agreement = EMPTY("agreement", ATTRIBUTES(
    NEEDS("name", VALUE_TOKEN) MAY("signed", VALUE_TOKEN) MAY("in-force", VALUE_TOKEN)));
static const ElementSpec ruleset_source =
    TEXT("source", ATTRIBUTES(ONE_OF("verified", TRUE, "true|false|")), CONTENT_NONEMPTY);
static const ElementSpec ruleset_obligation = TEXT("obligation",
    ATTRIBUTES(NEEDS("id", VALUE_ID) NEEDS("multiplier", VALUE_TOKEN)), CONTENT_TEXT);
static const ElementSpec ruleset_obligations =
    ELEMENTS("obligations", ATTRIBUTES(), SOME(ruleset_obligation));
static const ElementSpec ruleset_pillar = ELEMENTS("pillar",
    ATTRIBUTES(NEEDS("id", VALUE_ID) MAY("weight", VALUE_TOKEN)), ONE(title) OPTIONAL(description));

/* <check>: the fact and one test, a variant for each branch of the <choice> */
#define CHECK(test, list, more) EMPTY("check", ATTRIBUTES(NEEDS("fact", VALUE_TOKEN) \
    {test, VALUE_TOKEN, TRUE, list, NULL}, more))
#define PARTIAL ONE_OF("partial", FALSE, "yes|no|")
static const ElementSpec checks[] = {
    CHECK("is", FALSE, NO_ATTRIBUTE), CHECK("at-least", FALSE, PARTIAL),
    CHECK("at-most", FALSE, PARTIAL), CHECK("in", TRUE, NO_ATTRIBUTE),
    CHECK("not-in", TRUE, NO_ATTRIBUTE), CHECK("on-or-before", FALSE, NO_ATTRIBUTE),
    CHECK("on-or-after", FALSE, NO_ATTRIBUTE),
};

/* <ref name="test"/>: a check, or all, any and not around tests */
static const ElementSpec test_all, test_any, test_not;
#define TEST ALTERNATIVES(&checks[0], &checks[1], &checks[2], &checks[3], &checks[4], \
    &checks[5], &checks[6], &test_all, &test_any, &test_not)
static const ElementSpec test_all = ELEMENTS("all", ATTRIBUTES(), {TEST, 1, MANY},);
static const ElementSpec test_any = ELEMENTS("any", ATTRIBUTES(), {TEST, 1, MANY},);
static const ElementSpec test_not = ELEMENTS("not", ATTRIBUTES(), {TEST, 1, 1},);
static const ElementSpec test_when = ELEMENTS("when", ATTRIBUTES(), {TEST, 1, 1},);

static const ElementSpec ruleset_criterion = ELEMENTS("criterion",
    ATTRIBUTES(NEEDS("id", VALUE_ID) MAY("weight", VALUE_TOKEN)
	       ONE_OF("effort", FALSE, "low|medium|high|") LIST("depends-on", VALUE_ID, FALSE)),
    ONE(title) OPTIONAL(test_when) {TEST, 1, 1},);
static const ElementSpec ruleset_provision =
    TEXT("provision", ATTRIBUTES(NEEDS("cite", VALUE_TOKEN)), CONTENT_NONEMPTY);
static const ElementSpec ruleset_recommendation =
    TEXT("recommendation", ATTRIBUTES(), CONTENT_NONEMPTY);
static const ElementSpec ruleset_rule = ELEMENTS("rule",
    ATTRIBUTES(NEEDS("id", VALUE_ID) NEEDS("pillar", VALUE_ID) NEEDS("obligation", VALUE_ID)
	       MAY("weight", VALUE_TOKEN) ONE_OF("verified", FALSE, "true|false|")),
    ONE(title) ONE(ruleset_provision) SOME(ruleset_criterion) ONE(ruleset_recommendation));
static const ElementSpec ruleset = ELEMENTS("ruleset",
    ATTRIBUTES(NEEDS("id", VALUE_ID) NEEDS("version", VALUE_TOKEN)),
    ONE(title) ONE(ruleset_agreement) OPTIONAL(ruleset_source) ONE(ruleset_obligations)
    SOME(ruleset_pillar) SOME(ruleset_rule));

/* rulesets/schema/vocabulary.rng; a scale's <element name="level"/> and <oneOrMore> of it
 * are one particle of two or more levels */
static const ElementSpec vocabulary_level =
    TEXT("level", ATTRIBUTES(NEEDS("id", VALUE_SYMBOL)), CONTENT_TEXT);
static const ElementSpec vocabulary_scale = ELEMENTS("scale", ATTRIBUTES(NEEDS("id", VALUE_SYMBOL)),
    OPTIONAL(title) {ALTERNATIVES(&vocabulary_level), 2, MANY},);
static const ElementSpec vocabulary_conflict = EMPTY("conflict",
    ATTRIBUTES(LIST("a", VALUE_ANY, TRUE) LIST("b", VALUE_ANY, TRUE)));

/* <fact>: a variant for each branch of the <choice> on its type */
#define FACT(type, more) {"fact", ATTRIBUTES(NEEDS("key", VALUE_KEY) \
    ONE_OF("type", TRUE, type "|") more ONE_OF("informational", FALSE, "true|false|") \
    MAY("effort", VALUE_EFFORT) LIST("value-effort", VALUE_VALUE_COST, FALSE)), \
    CONTENT_MIXED, PARTICLES(ANY(vocabulary_conflict))}
static const ElementSpec vocabulary_facts[] = {
    FACT("boolean", NO_ATTRIBUTE), FACT("level", NEEDS("scale", VALUE_SYMBOL)),
    FACT("enum", LIST("values", VALUE_SYMBOL, TRUE)), FACT("number", MAY("unit", VALUE_TOKEN)),
    FACT("date", NO_ATTRIBUTE),
};
static const ElementSpec vocabulary = ELEMENTS("vocabulary",
    ATTRIBUTES(NEEDS("version", VALUE_TOKEN)), OPTIONAL(title)
    {ALTERNATIVES(&vocabulary_scale, &vocabulary_facts[0], &vocabulary_facts[1],
		  &vocabulary_facts[2], &vocabulary_facts[3], &vocabulary_facts[4]), 1, MANY},);

/* rulesets/schema/waivers.rng */
static const ElementSpec waiver = TEXT("waiver", ATTRIBUTES(NEEDS("country", VALUE_COUNTRY)
    NEEDS("ruleset", VALUE_ID) NEEDS("criterion", VALUE_ID) NEEDS("approver", VALUE_TOKEN)
    NEEDS("expires", VALUE_TOKEN)), CONTENT_NONEMPTY);
static const ElementSpec waivers = ELEMENTS("waivers", ATTRIBUTES(), SOME(waiver));

/* clang-format on */

/* the root element of each schema the check covers, with its namespace */
static const struct {
	AccordSchema schema;
	const gchar *ns;
	const ElementSpec *root;
} roots[] = {
    {ACCORD_SCHEMA_PROFILE, "urn:accord:profile:1", &profile},
    {ACCORD_SCHEMA_RULESET, "urn:accord:ruleset:1", &ruleset},
    {ACCORD_SCHEMA_VOCABULARY, "urn:accord:vocabulary:1", &vocabulary},
    {ACCORD_SCHEMA_WAIVERS, "urn:accord:waivers:1", &waivers},
};

static gboolean
is_space(gchar c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* a token of length 1 or more once white space is collapsed: some character is not space */
static gboolean
has_non_space(const gchar *text, gsize len)
{
	for (gsize i = 0; i < len; i++) {
		if (!is_space(text[i]))
			return TRUE;
	}
	return FALSE;
}

/* the classes of the characters the schemas' patterns name, as bits: a pattern's character
 * class is their union */
enum {
	UPPER = 1 << 0,
	LOWER = 1 << 1,
	ZERO = 1 << 2,
	NONZERO = 1 << 3, /* 1 to 9 */
	DOT = 1 << 4,
	UNDERSCORE = 1 << 5,
	HYPHEN = 1 << 6,
	DIGITS = ZERO | NONZERO,
	ALNUM = UPPER | LOWER | DIGITS,
};

static guint
char_class(gchar c)
{
	if (c >= 'A' && c <= 'Z')
		return UPPER;
	if (c >= 'a' && c <= 'z')
		return LOWER;
	if (c >= '1' && c <= '9')
		return NONZERO;
	return c == '0' ? ZERO : c == '.' ? DOT : c == '_' ? UNDERSCORE : c == '-' ? HYPHEN : 0;
}

/* the @n bytes of @text: the first of class @first, the others of @rest, @min to @max */
static gboolean
all_of(const gchar *text, gsize n, guint first, guint rest, gsize min, gsize max)
{
	if (n < min || n > max || n == 0 || (char_class(text[0]) & first) == 0)
		return FALSE;
	for (gsize i = 1; i < n; i++) {
		if ((char_class(text[i]) & rest) == 0)
			return FALSE;
	}
	return TRUE;
}

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

/* [a-z][a-z0-9_]* segments joined by '.', two or more */
static gboolean
is_key(const gchar *value, gsize len)
{
	guint segments = 0;
	gsize i = 0;

	while (i < len) {
		if (segments > 0 && value[i++] != '.')
			return FALSE;
		if (i >= len || char_class(value[i]) != LOWER)
			return FALSE;
		for (i++; i < len && (char_class(value[i]) & (LOWER | DIGITS | UNDERSCORE)) != 0;
		     i++)
			;
		segments++;
	}
	return segments >= 2;
}

static gboolean
is_effort(const gchar *value, gsize len)
{
	if ((len == 3 && strncmp(value, "low", 3) == 0) ||
	    (len == 4 && strncmp(value, "high", 4) == 0) ||
	    (len == 6 && strncmp(value, "medium", 6) == 0))
		return TRUE;
	return all_of(value, len, NONZERO, DIGITS, 1, 3);
}

/* is @value, of @len bytes and no white space, one of the '|'-terminated @choices? */
static gboolean
is_choice(const gchar *choices, const gchar *value, gsize len)
{
	for (const gchar *c = choices; *c != '\0'; c = strchr(c, '|') + 1) {
		if (strncmp(c, value, len) == 0 && c[len] == '|')
			return TRUE;
	}
	return FALSE;
}

/* one value, of @len bytes: only the canonical form of each restricted value is decided here;
 * one with space around it passes the schema after white space is collapsed, and goes to the
 * RELAX NG validator */
static gboolean
value_is_valid(const AttributeSpec *spec, const gchar *value, gsize len)
{
	const gchar *colon;

	switch (spec->kind) {
	case VALUE_TOKEN:
		return has_non_space(value, len);
	case VALUE_ANY:
		return TRUE;
	case VALUE_ID:
		return all_of(value, len, ALNUM, ALNUM | DOT | UNDERSCORE | HYPHEN, 1, G_MAXSIZE);
	case VALUE_COUNTRY:
		return all_of(value, len, UPPER, UPPER, 2, 3);
	case VALUE_RANK:
		/* 18 digits stay far below the limits of libxml2's decimal type */
		return all_of(value, len, NONZERO, DIGITS, 1, 18);
	case VALUE_URI:
		return value[len] == '\0' && uri_is_valid(value);
	case VALUE_SYMBOL:
		return all_of(value, len, LOWER | DIGITS, LOWER | DIGITS | HYPHEN, 1, G_MAXSIZE);
	case VALUE_KEY:
		return is_key(value, len);
	case VALUE_EFFORT:
		return is_effort(value, len);
	case VALUE_VALUE_COST:
		colon = memchr(value, ':', len);
		return colon != NULL &&
		       all_of(value,
			      colon - value,
			      LOWER | DIGITS,
			      LOWER | DIGITS | HYPHEN,
			      1,
			      G_MAXSIZE) &&
		       is_effort(colon + 1, len - (colon - value) - 1);
	case VALUE_CHOICE:
		return memchr(value, '|', len) == NULL && is_choice(spec->choices, value, len);
	default:
		return FALSE;
	}
}

/* a <list>: one or more values, separated and surrounded by any white space */
static gboolean
list_is_valid(const AttributeSpec *spec, const gchar *value)
{
	guint n = 0;

	for (const gchar *p = value; *p != '\0';) {
		gsize len;

		while (is_space(*p))
			p++;
		for (len = 0; p[len] != '\0' && !is_space(p[len]); len++)
			;
		if (len > 0 && !value_is_valid(spec, p, len))
			return FALSE;
		n += len > 0;
		p += len;
	}
	return n > 0;
}

/* a restricted value in canonical form has no white space, and no kind but a token takes
 * one (anyURI goes to libxml2's own check) */
static gboolean
attribute_is_valid(const AttributeSpec *spec, const gchar *value)
{
	return spec->list ? list_is_valid(spec, value) : value_is_valid(spec, value, strlen(value));
}

/* the value of an attribute as one text node, the only form a document without a DTD has */
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
	if (specs[i].name == NULL || value == NULL || !attribute_is_valid(&specs[i], value))
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

/* the attributes of the profile's elements, in the order of AccordProfileElement */
static const AttributeSpec *const profile_element_attributes[] = {
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
	const AttributeSpec *specs = profile_element_attributes[element];
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
	return has_non_space(text, strlen(text));
}

static gboolean
is_element(const xmlNode *node, const gchar *ns, const gchar *name)
{
	/* the name first: it tells most alternatives apart at its first character */
	return node != NULL && node->type == XML_ELEMENT_NODE &&
	       strcmp((const gchar *)node->name, name) == 0 && node->ns != NULL &&
	       node->ns->href != NULL && strcmp((const gchar *)node->ns->href, ns) == 0;
}

/* the next child that is not ignorable (white space, comment, processing instruction; in
 * mixed content any text); sets *bad at other text or at a node of another kind */
static const xmlNode *
next_element(const xmlNode *node, gboolean mixed, gboolean *bad)
{
	for (; node != NULL; node = node->next) {
		if (node->type == XML_ELEMENT_NODE)
			return node;
		if (node->type == XML_TEXT_NODE && node->content != NULL &&
		    (mixed || !has_non_space((const gchar *)node->content,
					     strlen((const gchar *)node->content))))
			continue;
		if (node->type != XML_COMMENT_NODE && node->type != XML_PI_NODE)
			*bad = TRUE;
	}
	return NULL;
}

/* text alone, with @nonempty some character that is not white space */
static gboolean
is_text(const xmlNode *node, gboolean nonempty)
{
	gboolean some = !nonempty;

	for (const xmlNode *n = node->children; n != NULL; n = n->next) {
		if (n->type != XML_TEXT_NODE || n->content == NULL)
			return FALSE;
		some = some ||
		       has_non_space((const gchar *)n->content, strlen((const gchar *)n->content));
	}
	return some;
}

static gboolean
element_is_valid(const xmlNode *node, const ElementSpec *spec, const gchar *ns, guint depth);

typedef enum {
	MATCH_NONE,    /* no alternative has the element's name */
	MATCH_VALID,   /* one alternative of its name accepts it */
	MATCH_INVALID, /* none of those of its name accepts it */
} Match;

static Match
match(const xmlNode *node, const Particle *particle, const gchar *ns, guint depth)
{
	Match m = MATCH_NONE;

	for (const ElementSpec *const *alt = particle->alternatives; node != NULL && *alt != NULL;
	     alt++) {
		if (!is_element(node, ns, (*alt)->name))
			continue;
		if (element_is_valid(node, *alt, ns, depth))
			return MATCH_VALID;
		m = MATCH_INVALID;
	}
	return m;
}

/* the children against the particles, each taking as many elements as it may: the adjacent
 * particles of every table have no name in common, so no other split could match */
static gboolean
children_are_valid(const xmlNode *node, const ElementSpec *spec, const gchar *ns, guint depth)
{
	gboolean mixed = spec->content == CONTENT_MIXED;
	gboolean bad = FALSE;
	const xmlNode *n = next_element(node->children, mixed, &bad);

	for (const Particle *p = spec->particles; p != NULL && p->alternatives != NULL; p++) {
		guint count = 0;
		Match m;

		while (!bad && count < p->max && (m = match(n, p, ns, depth)) != MATCH_NONE) {
			if (m == MATCH_INVALID)
				return FALSE;
			count++;
			n = next_element(n->next, mixed, &bad);
		}
		if (bad || count < p->min)
			return FALSE;
	}
	return !bad && n == NULL;
}

static gboolean
element_is_valid(const xmlNode *node, const ElementSpec *spec, const gchar *ns, guint depth)
{
	if (depth > MAX_DEPTH || !attributes_are_valid(node, spec->attributes))
		return FALSE;
	switch (spec->content) {
	case CONTENT_NONEMPTY:
		return is_text(node, TRUE);
	case CONTENT_TEXT:
		return is_text(node, FALSE);
	default:
		return children_are_valid(node, spec, ns, depth + 1);
	}
}

/**
 * accord_xml_quick_check:
 * @doc: a parsed document
 * @schema: the schema it should match
 *
 * A sufficient condition for @doc to be valid against @schema, decided without the RELAX NG
 * engine, for the schemas of profiles, rulesets, vocabularies and waivers.
 *
 * Returns: %TRUE when @doc is certainly valid (and passes the lexical check of xml.c);
 *   %FALSE when it is invalid, the check cannot tell or does not cover @schema, and the
 *   RELAX NG validator must decide
 */
gboolean
accord_xml_quick_check(const xmlDoc *doc, AccordSchema schema)
{
	const xmlNode *root = xmlDocGetRootElement(doc);

	for (guint i = 0; i < G_N_ELEMENTS(roots); i++) {
		if (roots[i].schema == schema)
			return is_element(root, roots[i].ns, roots[i].root->name) &&
			       element_is_valid(root, roots[i].root, roots[i].ns, 0);
	}
	return FALSE;
}
