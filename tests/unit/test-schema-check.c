/* The differential test of engine/schema-check.c, the quick check that lets the loaders skip
 * the RELAX NG validator: it must never accept a document that its schema (profile.rng,
 * ruleset.rng, vocabulary.rng, waivers.rng, with the lexical check of xml.c after it)
 * refuses. It runs the check and the validator over every fixture, the shipped profiles,
 * rulesets and vocabulary, the fuzz corpora (fuzz/corpus-<kind> when present, and the folders
 * in $ACCORD_FUZZ_CORPUS, separated by ':'), many mutations of each fixture of a kind the
 * check covers, and every short string in each restricted attribute of each kind, and fails
 * at the first input the check accepts and the schema refuses. It also checks that the bulk
 * loader and the validator-only loader give the same profile or the same error for every
 * file, that accord_xml_validate() gives the validator's verdict and error for every file of
 * the other kinds, and that the check accepts every valid shipped file and fixture, so the
 * bulk path really is the quick one. */
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "helpers.h"
#include "profile-private.h"
#include "xml-private.h"

#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#else
#define RUNNING_ON_VALGRIND 0
#endif

/* built with AddressSanitizer (GCC defines the first, clang answers the second) */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

/* under valgrind and ASan, which look for memory errors and not for disagreements, one case in
 * 16 (valgrind) or 4 (ASan) of the generated ones, so the suites end in their time; the plain
 * build runs every case */
static guint stride = 1;
static guint skipped;

static gboolean
sampled(void)
{
	return skipped++ % stride == 0;
}

#define PROFILE_NS    "urn:accord:profile:1"
#define RULESET_NS    "urn:accord:ruleset:1"
#define VOCABULARY_NS "urn:accord:vocabulary:1"
#define WAIVERS_NS    "urn:accord:waivers:1"

/* the kinds the quick check covers */
static gboolean
is_covered(AccordSchema schema)
{
	return schema == ACCORD_SCHEMA_PROFILE || schema == ACCORD_SCHEMA_RULESET ||
	       schema == ACCORD_SCHEMA_VOCABULARY || schema == ACCORD_SCHEMA_WAIVERS;
}

typedef struct {
	guint kind_cases[ACCORD_SCHEMA_LAST]; /* the cases of each kind */
	guint kind_valid[ACCORD_SCHEMA_LAST]; /* of them, accepted by the schema */
	guint kind_quick[ACCORD_SCHEMA_LAST]; /* of them, accepted by the quick check */
	guint cases;
	guint quick;	   /* accepted by the quick check */
	guint schema;	   /* accepted by the schema */
	guint fallbacks;   /* valid, but left to the validator by the quick check */
	guint disagreeing; /* accepted by the check, refused by the schema: must stay 0 */
	guint streamed;	   /* read by the streamed reader */
	AccordVocabulary *vocab;
	GHashTable *seen; /* the kinds of element mutated (first_of_kind) */
} Tally;

/* the streamed reader: what it reads, the schema accepts and the tree loader loads the same */
static void
compare_streamed(Tally *t, const gchar *text, gsize len, gboolean schema, const gchar *what)
{
	g_autoptr(AccordProfile) streamed = NULL;
	g_autoptr(AccordProfile) tree = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *why = NULL;

	if (t->vocab == NULL)
		return;
	streamed = accord_profile_read_streamed(text, len, what, t->vocab);
	if (streamed == NULL)
		return;
	t->streamed++;
	tree = accord_profile_load_data_checked(text, len, what, t->vocab, TRUE, &error);
	if (!schema || tree == NULL) {
		t->disagreeing++;
		print_error("the streamed reader reads %s, which the %s refuses: %s\n",
			    what,
			    schema ? "tree loader" : "schema",
			    error != NULL ? error->message : "");
	} else if (!accord_profile_equal(streamed, tree, &why)) {
		t->disagreeing++;
		print_error("the streamed reader reads %s otherwise than the tree loader: %s\n",
			    what,
			    why);
	}
}

/* one document of @kind: the check may only accept what the schema accepts */
static gboolean
compare_kind(Tally *t, xmlDoc *doc, AccordSchema kind, const gchar *what)
{
	g_autoptr(GError) error = NULL;
	gboolean quick = accord_xml_quick_check(doc, kind);
	gboolean schema = accord_xml_validate_schema(doc, kind, what, &error);

	t->cases++;
	t->kind_quick[kind] += quick;
	t->quick += quick;
	t->schema += schema;
	t->fallbacks += schema && !quick;
	if (quick && !schema) {
		t->disagreeing++;
		print_error("the quick check accepts %s, the schema refuses it: %s\n",
			    what,
			    error->message);
	}
	return schema;
}

/* a document of a kind the check covers is compared with its schema; one of another kind, or
 * of none, must be accepted by no quick check */
static gboolean
compare_doc(Tally *t, xmlDoc *doc, const gchar *what)
{
	AccordSchema kind = ACCORD_SCHEMA_LAST;
	gboolean valid = FALSE;

	if (!accord_xml_sniff_schema(doc, &kind) || !is_covered(kind)) {
		for (AccordSchema k = 0; k < ACCORD_SCHEMA_LAST; k++) {
			if (is_covered(k) && accord_xml_quick_check(doc, k)) {
				t->disagreeing++;
				print_error("the quick check accepts %s as of another kind\n",
					    what);
			}
		}
		return FALSE;
	}
	valid = compare_kind(t, doc, kind, what);
	t->kind_cases[kind]++;
	t->kind_valid[kind] += valid;
	return valid;
}

/* serialised and parsed again, so line numbers and text nodes are as a loader sees them */
static void
compare_serialised(Tally *t, xmlDoc *doc, const gchar *what)
{
	xmlChar *text = NULL;
	int len = 0;
	g_autoptr(xmlDoc) again = NULL;

	if (!sampled())
		return;
	xmlDocDumpMemory(doc, &text, &len);
	again = accord_xml_parse((const gchar *)text, (gsize)len, what, NULL);
	if (again != NULL)
		compare_streamed(t,
				 (const gchar *)text,
				 (gsize)len,
				 compare_doc(t, again, what),
				 what);
	xmlFree(text);
}

/* the elements in document order */
static void
collect_elements(xmlNode *node, GPtrArray *out)
{
	for (xmlNode *n = node; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		g_ptr_array_add(out, n);
		collect_elements(n->children, out);
	}
}

static const gchar *const tricky[] = {
    "",
    "x",
    " ",
    "\t",
    "\n",
    "\r",
    " x",
    "x ",
    "x  y",
    "x\ty",
    "x\ry",
    "AA",
    "A",
    "AAAA",
    "aa",
    "ABC",
    " AA",
    "AA ",
    "A A",
    "high",
    "High",
    " high",
    "low\n",
    "medium",
    "0",
    "1",
    "01",
    "+1",
    "-1",
    "1.0",
    "1 ",
    "999999999999999999",
    "9999999999999999999999999",
    "1e3",
    "http://example.org/a b",
    "https://example.org/x?y=1#z",
    "http://x",
    "%zz",
    "%41",
    "::",
    "a:b",
    "#",
    "//",
    "\xc3\xa9",
    "\xc2\xa0",
    "sub-1",
    "_x",
    ".x",
    "x.y-z_1",
    "x@y",
    "2024-01",
    "true",
    "[::1]",
    "a\\b",
    "a|b",
    "{x}",
    "`x`",
    "'",
    "\"",
    "<",
    "&amp;",
    /* addresses, for href: plain ones the quick check decides, and near misses */
    "http://a",
    "http://a:1",
    "http://a:99999/x?y#z",
    "http://a:123456/",
    "http://a/%4",
    "http://a/%4g",
    "http://a/%41%42",
    "http://[::1]/",
    "http://u@h/",
    "http://a/../b",
    "HTTP://A.B/",
    "h+t.p://a",
    "1http://a",
    "http://a/p?q=1&amp;r=2#f",
    "http://a#f#g",
    "http://-/",
    "http://a/p;x=1",
    "mailto:x@y",
    "http://a/%",
    "http://",
    "http:///p",
    "https://example.org/a(b)*c,d~e!f$g",
    "http://a:/p",
    "http://a/b'c",
    "http://a/?#",
};

/* the names a mutation sets or renames to: each kind's own, and some of no kind */
#define OTHER_ATTRIBUTES "foo", "xmlns", "lang", "id", "title"
#define OTHER_ELEMENTS	 "x", "title", "note", "fact"

static const gchar *const profile_attributes[] = {
    "country",
    "name",
    "as-of",
    "key",
    "value",
    "confidence",
    "rank",
    "source",
    "href",
    "date",
    "expires",
    OTHER_ATTRIBUTES,
    NULL,
};
static const gchar *const profile_elements[] = {
    "profile",
    "index",
    "evidence",
    OTHER_ELEMENTS,
    NULL,
};
static const gchar *const ruleset_attributes[] = {
    "version", "name",	       "signed",      "in-force",	"verified",   "multiplier",
    "pillar",  "obligation",   "weight",      "effort",		"depends-on", "cite",
    "fact",    "is",	       "at-least",    "at-most",	"partial",    "in",
    "not-in",  "on-or-before", "on-or-after", OTHER_ATTRIBUTES, NULL,
};
static const gchar *const ruleset_elements[] = {
    "ruleset",
    "agreement",
    "source",
    "obligations",
    "obligation",
    "pillar",
    "description",
    "rule",
    "provision",
    "criterion",
    "recommendation",
    "when",
    "check",
    "all",
    "any",
    "not",
    OTHER_ELEMENTS,
    NULL,
};
static const gchar *const vocabulary_attributes[] = {
    "version",
    "key",
    "type",
    "scale",
    "values",
    "unit",
    "informational",
    "effort",
    "value-effort",
    "a",
    "b",
    OTHER_ATTRIBUTES,
    NULL,
};
static const gchar *const vocabulary_elements[] = {
    "vocabulary",
    "scale",
    "level",
    "conflict",
    OTHER_ELEMENTS,
    NULL,
};
static const gchar *const waivers_attributes[] = {
    "country",
    "ruleset",
    "criterion",
    "approver",
    "expires",
    OTHER_ATTRIBUTES,
    NULL,
};
static const gchar *const waivers_elements[] = {
    "waivers",
    "waiver",
    OTHER_ELEMENTS,
    NULL,
};

typedef struct {
	const gchar *const *attributes;
	const gchar *const *elements;
} Names;

static Names
names_of(AccordSchema kind)
{
	switch (kind) {
	case ACCORD_SCHEMA_RULESET:
		return (Names){ruleset_attributes, ruleset_elements};
	case ACCORD_SCHEMA_VOCABULARY:
		return (Names){vocabulary_attributes, vocabulary_elements};
	case ACCORD_SCHEMA_WAIVERS:
		return (Names){waivers_attributes, waivers_elements};
	default:
		return (Names){profile_attributes, profile_elements};
	}
}

/* a copy of @doc and, in it, the @index-th element */
static xmlNode *
copy_element(xmlDoc *doc, guint index, xmlDoc **copy)
{
	g_autoptr(GPtrArray) elements = g_ptr_array_new();

	*copy = xmlCopyDoc(doc, 1);
	collect_elements(xmlDocGetRootElement(*copy), elements);
	return g_ptr_array_index(elements, index);
}

static void
mutate_attributes(Tally *t, xmlDoc *doc, guint e, const Names *names, const gchar *name)
{
	xmlDoc *copy;
	xmlNode *node = copy_element(doc, e, &copy);
	guint n_attributes = 0;

	for (xmlAttr *a = node->properties; a != NULL; a = a->next)
		n_attributes++;
	xmlFreeDoc(copy);
	for (guint a = 0; a < n_attributes; a++) {
		for (guint v = 0; v <= G_N_ELEMENTS(tricky); v++) {
			xmlAttr *attr;

			node = copy_element(doc, e, &copy);
			attr = node->properties;
			for (guint i = 0; i < a; i++)
				attr = attr->next;
			if (v == G_N_ELEMENTS(tricky))
				xmlRemoveProp(attr);
			else
				xmlSetProp(node, attr->name, (const xmlChar *)tricky[v]);
			compare_serialised(t, copy, name);
			xmlFreeDoc(copy);
		}
	}
	for (guint a = 0; names->attributes[a] != NULL; a++) {
		for (guint v = 0; v < G_N_ELEMENTS(tricky); v += 7) {
			node = copy_element(doc, e, &copy);
			if (g_strcmp0(names->attributes[a], "lang") == 0)
				xmlSetNsProp(node,
					     xmlSearchNsByHref(copy, node, XML_XML_NAMESPACE),
					     (const xmlChar *)"lang",
					     (const xmlChar *)tricky[v]);
			else
				xmlSetProp(node,
					   (const xmlChar *)names->attributes[a],
					   (const xmlChar *)tricky[v]);
			compare_serialised(t, copy, name);
			xmlFreeDoc(copy);
		}
	}
}

typedef enum {
	MUTATE_REMOVE,
	MUTATE_DUPLICATE,
	MUTATE_SWAP,
	MUTATE_RENAME,
	MUTATE_FOREIGN_NS,
	MUTATE_NO_NS,
	MUTATE_TEXT_FIRST,
	MUTATE_TEXT_LAST,
	MUTATE_CONTENT,
	MUTATE_COMMENT,
	MUTATE_PI,
	MUTATE_CHILD,
	MUTATE_EMPTY,
	MUTATE_LAST,
} Mutation;

static void
apply(xmlDoc *copy, xmlNode *node, Mutation m, const Names *names, guint v)
{
	switch (m) {
	case MUTATE_REMOVE:
		xmlUnlinkNode(node);
		xmlFreeNode(node);
		return;
	case MUTATE_DUPLICATE:
		xmlAddNextSibling(node, xmlCopyNode(node, 1));
		return;
	case MUTATE_SWAP: {
		xmlNode *prev = node->prev;

		if (prev != NULL) {
			xmlUnlinkNode(node);
			xmlAddPrevSibling(prev, node);
		}
		return;
	}
	case MUTATE_RENAME:
		xmlNodeSetName(
		    node,
		    (const xmlChar *)names->elements[v % g_strv_length((gchar **)names->elements)]);
		return;
	case MUTATE_FOREIGN_NS:
		xmlSetNs(node, xmlNewNs(node, (const xmlChar *)"urn:other", (const xmlChar *)"o"));
		return;
	case MUTATE_NO_NS:
		xmlSetNs(node, xmlNewNs(node, (const xmlChar *)"", NULL));
		return;
	case MUTATE_TEXT_FIRST:
		if (node->children != NULL)
			xmlAddPrevSibling(node->children,
					  xmlNewDocText(copy, (const xmlChar *)tricky[v]));
		else
			xmlAddChild(node, xmlNewDocText(copy, (const xmlChar *)tricky[v]));
		return;
	case MUTATE_TEXT_LAST:
		xmlAddChild(node, xmlNewDocText(copy, (const xmlChar *)tricky[v]));
		return;
	case MUTATE_CONTENT:
		xmlNodeSetContent(node, (const xmlChar *)tricky[v]);
		return;
	case MUTATE_COMMENT:
		xmlAddChild(node, xmlNewDocComment(copy, (const xmlChar *)"c"));
		return;
	case MUTATE_PI:
		xmlAddChild(node, xmlNewDocPI(copy, (const xmlChar *)"pi", (const xmlChar *)"x"));
		return;
	case MUTATE_CHILD: {
		xmlNode *child = xmlNewDocNode(
		    copy,
		    node->ns,
		    (const xmlChar *)names->elements[v % g_strv_length((gchar **)names->elements)],
		    NULL);
		if (v % 2 == 0 && node->children != NULL)
			xmlAddPrevSibling(node->children, child);
		else
			xmlAddChild(node, child);
		return;
	}
	case MUTATE_EMPTY:
		xmlNodeSetContent(node, NULL);
		return;
	default:
		return;
	}
}

/* values a mutation takes: every tricky string for text, each element name for a rename */
static guint
n_variants(Mutation m, const Names *names)
{
	switch (m) {
	case MUTATE_TEXT_FIRST:
	case MUTATE_TEXT_LAST:
	case MUTATE_CONTENT:
		return G_N_ELEMENTS(tricky);
	case MUTATE_RENAME:
	case MUTATE_CHILD:
		return g_strv_length((gchar **)names->elements);
	default:
		return 1;
	}
}

/* one element of each kind (name under its parent's name) is mutated: the others repeat it.
 * In a profile, a short document, one of each kind in each fixture; in the other kinds, with
 * twenty kinds of element repeated in every fixture, one of each kind in all of them (the
 * good fixtures come first) */
static gboolean
first_of_kind(GHashTable *seen, AccordSchema schema, const xmlNode *node, const gchar *file)
{
	const gchar *parent = node->parent != NULL && node->parent->type == XML_ELEMENT_NODE
				  ? (const gchar *)node->parent->name
				  : "";
	gchar *kind = g_strdup_printf("%d:%s:%s/%s",
				      schema,
				      schema == ACCORD_SCHEMA_PROFILE ? file : "",
				      parent,
				      (const gchar *)node->name);

	return g_hash_table_add(seen, kind);
}

static void
mutate(Tally *t, xmlDoc *doc, AccordSchema kind, const gchar *name)
{
	Names names = names_of(kind);
	g_autoptr(GPtrArray) elements = g_ptr_array_new();

	collect_elements(xmlDocGetRootElement(doc), elements);
	for (guint e = 0; e < elements->len; e++) {
		if (!first_of_kind(t->seen, kind, g_ptr_array_index(elements, e), name))
			continue;
		mutate_attributes(t, doc, e, &names, name);
		for (Mutation m = 0; m < MUTATE_LAST; m++) {
			for (guint v = 0; v < n_variants(m, &names); v++) {
				xmlDoc *copy;
				xmlNode *node = copy_element(doc, e, &copy);

				if (m != MUTATE_REMOVE || node != xmlDocGetRootElement(copy)) {
					apply(copy, node, m, &names, v);
					compare_serialised(t, copy, name);
				}
				xmlFreeDoc(copy);
			}
		}
	}
}

/* the kind of @doc when the quick check covers it */
static gboolean
is_covered_doc(xmlDoc *doc, AccordSchema *kind)
{
	return accord_xml_sniff_schema(doc, kind) && is_covered(*kind);
}

/* every file of @dir that parses, in name order; with @mutations, those of a covered kind are
 * also mutated */
static void
compare_folder(Tally *t, const gchar *dir, gboolean mutations, GPtrArray *files)
{
	g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
	g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
	const gchar *name;

	while (d != NULL && (name = g_dir_read_name(d)) != NULL)
		g_ptr_array_add(names, g_build_filename(dir, name, NULL));
	g_ptr_array_sort(names, (GCompareFunc)g_strcmp0);
	for (guint i = 0; i < names->len; i++) {
		const gchar *path = g_ptr_array_index(names, i);
		g_autofree gchar *data = NULL;
		g_autoptr(xmlDoc) doc = NULL;
		AccordSchema kind = ACCORD_SCHEMA_LAST;
		gsize len = 0;

		if (!g_file_test(path, G_FILE_TEST_IS_REGULAR) ||
		    !accord_xml_read_file(path, &data, &len, NULL))
			continue;
		g_ptr_array_add(files, g_strdup(path));
		doc = accord_xml_parse(data, len, path, NULL);
		if (doc == NULL)
			continue;
		compare_streamed(t, data, len, compare_doc(t, doc, path), path);
		if (mutations && is_covered_doc(doc, &kind))
			mutate(t, doc, kind, path);
	}
}

static void
report(const Tally *t, const gchar *what)
{
	g_test_message("%s: %u cases, %u valid, %u accepted by the quick check, %u left to the "
		       "validator although valid, %u disagreements",
		       what,
		       t->cases,
		       t->schema,
		       t->quick,
		       t->fallbacks,
		       t->disagreeing);
	printf("# %s: %u cases, %u valid, %u quick, %u valid fallbacks, %u streamed, %u "
	       "disagreements\n",
	       what,
	       t->cases,
	       t->schema,
	       t->quick,
	       t->fallbacks,
	       t->streamed,
	       t->disagreeing);
	for (AccordSchema k = 0; k < ACCORD_SCHEMA_LAST; k++) {
		if (t->kind_cases[k] > 0)
			printf("#   schema %d: %u cases, %u valid, %u quick\n",
			       k,
			       t->kind_cases[k],
			       t->kind_valid[k],
			       t->kind_quick[k]);
	}
}

/* every covered kind had valid and invalid cases, many of its valid ones accepted quickly */
static void
assert_every_kind(const Tally *t, guint at_least)
{
	for (AccordSchema k = 0; k < ACCORD_SCHEMA_LAST; k++) {
		if (!is_covered(k))
			continue;
		assert_true(t->kind_valid[k] >= at_least);
		assert_true(t->kind_cases[k] - t->kind_valid[k] >= at_least);
		assert_true(t->kind_quick[k] >= at_least / 2);
	}
}

/* the corpora, with mutations of every fixture of a covered kind */
static void
test_schema_check_never_accepts_what_the_schema_refuses(void **state)
{
	GPtrArray *files = *state;
	const gchar *extra = g_getenv("ACCORD_FUZZ_CORPUS");
	g_auto(GStrv) corpora = g_strsplit(extra != NULL ? extra : "", ":", -1);
	g_autofree gchar *good = test_data_path("good");
	g_autofree gchar *bad = test_data_path("bad");
	g_autofree gchar *shipped = g_build_filename(SOURCE_ROOT, "profiles", NULL);
	g_autofree gchar *shipped_rulesets = g_build_filename(SOURCE_ROOT, "rulesets", NULL);
	static const gchar *const fuzz_targets[] = {"profile", "ruleset", "vocabulary", "waivers"};
	g_autofree gchar *vpath = test_data_path("good/vocabulary.xml");
	g_autofree gchar *shipped_vpath =
	    g_build_filename(SOURCE_ROOT, "rulesets", "vocabulary.xml", NULL);
	g_autoptr(AccordVocabulary) vocab = accord_vocabulary_load_file(vpath, NULL);
	g_autoptr(AccordVocabulary) shipped_vocab =
	    accord_vocabulary_load_file(shipped_vpath, NULL);
	g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	Tally t = {0};

	t.vocab = vocab;
	t.seen = seen;
	compare_folder(&t, good, TRUE, files);
	compare_folder(&t, bad, TRUE, files);
	for (guint i = 0; i < G_N_ELEMENTS(fuzz_targets); i++) {
		g_autofree gchar *corpus = g_strconcat("corpus-", fuzz_targets[i], NULL);
		g_autofree gchar *fuzz = g_build_filename(SOURCE_ROOT, "fuzz", corpus, NULL);

		compare_folder(&t, fuzz, FALSE, files);
	}
	/* shipped files are long: mutated through the fixtures' kinds of element already */
	compare_folder(&t, shipped_rulesets, FALSE, files);
	t.vocab = shipped_vocab;
	compare_folder(&t, shipped, FALSE, files);
	t.vocab = vocab;
	for (guint i = 0; corpora[i] != NULL; i++) {
		if (corpora[i][0] != '\0')
			compare_folder(&t, corpora[i], FALSE, files);
	}
	report(&t, "corpora and mutations");
	assert_int_equal(t.disagreeing, 0);
	/* the mutations found invalid profiles of many kinds, and valid ones, many of them
	 * read by the streamed reader */
	assert_true(t.cases > 10000 / stride);
	assert_true(t.schema > 1000 / stride && t.cases - t.schema > 1000 / stride);
	assert_true(t.streamed > 1000 / stride);
	assert_every_kind(&t, 200 / stride);
}

/* a ruleset with @root's, a criterion's and a check's attributes */
#define RULESET(root, criterion, check)                                                            \
	"<ruleset xmlns='" RULESET_NS "' " root "><title>T</title><agreement "                     \
	"name='A'/><obligations><obligation id='o' multiplier='1'>O</obligation></obligations>"    \
	"<pillar id='p'><title>P</title></pillar><rule id='r' pillar='p' obligation='o'><title>"   \
	"R</title><provision cite='c'>X</provision><criterion id='c' " criterion "><title>C"       \
	"</title><check fact='f' " check "/></criterion><recommendation>R</recommendation></rule>" \
	"</ruleset>"
#define VOCABULARY(content)                                                                        \
	"<vocabulary xmlns='" VOCABULARY_NS "' version='1'>" content "</vocabulary>"
#define WAIVERS(waiver) "<waivers xmlns='" WAIVERS_NS "'><waiver " waiver "</waiver></waivers>"

/* one restricted attribute at a time, over every string of up to three characters from an
 * alphabet of letters, digits, punctuation, white space and a non-ASCII letter */
static void
test_schema_check_values_agree(void **state)
{
	static const gchar *const alphabet[] =
	    {"A", "b", "1", "0", " ", "\t", "\n", "\r", "-", ".", ":", "_", "%", "\xc3\xa9"};
	/* each attribute in a document where every other value is valid */
	static const gchar *const templates[] = {
	    "<profile xmlns='" PROFILE_NS "' country='@' name='n' as-of='2025-01-01'/>",
	    "<profile xmlns='" PROFILE_NS "' country='AA' name='@' as-of='2025-01-01'/>",
	    "<profile xmlns='" PROFILE_NS "' country='AA' name='n' as-of='2025-01-01' id='@'/>",
	    "<profile xmlns='" PROFILE_NS
	    "' country='AA' name='n' as-of='2025-01-01'><index name='g' "
	    "value='1' rank='@' source='s'/></profile>",
	    "<profile xmlns='" PROFILE_NS
	    "' country='AA' name='n' as-of='2025-01-01'><fact key='ir.csirt' "
	    "value='true' confidence='@'><evidence title='t' date='2024'/></fact></profile>",
	    "<profile xmlns='" PROFILE_NS
	    "' country='AA' name='n' as-of='2025-01-01'><fact key='ir.csirt' "
	    "value='true' confidence='low'><evidence title='t' href='@' "
	    "date='2024'/></fact></profile>",
	    "<profile xmlns='" PROFILE_NS
	    "' country='AA' name='n' as-of='2025-01-01'><note>@</note>"
	    "</profile>",
	    RULESET("id='@' version='1'", "", "is='true'"),
	    RULESET("id='r' version='1'", "depends-on='@'", "is='true'"),
	    RULESET("id='r' version='1'", "effort='@'", "is='true'"),
	    RULESET("id='r' version='1'", "", "at-least='1' partial='@'"),
	    RULESET("id='r' version='1'", "", "in='@'"),
	    RULESET("id='r' version='1'", "", "is='@'"),
	    RULESET("id='r' version='@'", "", "is='true'"),
	    VOCABULARY("<scale id='@'><level id='a'/><level id='b'/></scale>"),
	    VOCABULARY("<scale id='s'><level id='a'/><level id='@'/></scale>"),
	    VOCABULARY("<fact key='@' type='boolean'>D</fact>"),
	    VOCABULARY("<fact key='a.b' type='@'>D</fact>"),
	    VOCABULARY("<fact key='a.b' type='enum' values='@'>D</fact>"),
	    VOCABULARY("<fact key='a.b' type='level' scale='@'>D</fact>"),
	    VOCABULARY("<fact key='a.b' type='number' unit='@'>D</fact>"),
	    VOCABULARY("<fact key='a.b' type='date' informational='@'>D</fact>"),
	    VOCABULARY("<fact key='a.b' type='boolean' effort='@'>D</fact>"),
	    VOCABULARY("<fact key='a.b' type='boolean' value-effort='@'>D</fact>"),
	    VOCABULARY("<fact key='a.b' type='enum' values='x y'>D<conflict a='@' b='x'/></fact>"),
	    WAIVERS("country='@' ruleset='r' criterion='c' approver='a' expires='e'>W"),
	    WAIVERS("country='AA' ruleset='r' criterion='@' approver='a' expires='e'>W"),
	    WAIVERS("country='AA' ruleset='r' criterion='c' approver='@' expires='e'>W"),
	    WAIVERS("country='AA' ruleset='r' criterion='c' approver='a' expires='e'>@"),
	};
	guint n = G_N_ELEMENTS(alphabet);
	g_autofree gchar *vpath = test_data_path("good/vocabulary.xml");
	g_autoptr(AccordVocabulary) vocab = accord_vocabulary_load_file(vpath, NULL);
	Tally t = {0};

	t.vocab = vocab;
	for (guint k = 0; k < G_N_ELEMENTS(templates); k++) {
		for (guint code = 0; code < 1 + n + n * n + n * n * n; code++) {
			if (!sampled())
				continue;
			g_autoptr(GString) value = g_string_new(NULL);
			g_autofree gchar *escaped = NULL;
			g_autofree gchar *xml = NULL;
			g_autoptr(xmlDoc) doc = NULL;
			guint c = code, len = code == 0		  ? 0
					      : code <= n	  ? 1
					      : code <= n + n * n ? 2
								  : 3;

			/* in the other kinds' templates, every other string of three characters,
			 * so the test ends in its time under ASan on a busy machine */
			if (len == 3 && !g_str_has_prefix(templates[k], "<profile") &&
			    code % 2 != 0)
				continue;
			c -= len == 0 ? 0 : len == 1 ? 1 : len == 2 ? 1 + n : 1 + n + n * n;
			for (guint i = 0; i < len; i++, c /= n)
				g_string_append(value, alphabet[c % n]);
			/* white space written as character references, so attribute-value
			 * normalisation keeps it */
			escaped = g_markup_printf_escaped("%s", value->str);
			{
				g_autoptr(GString) refs = g_string_new(escaped);
				g_string_replace(refs, "\t", "&#9;", 0);
				g_string_replace(refs, "\n", "&#10;", 0);
				g_string_replace(refs, "\r", "&#13;", 0);
				g_autoptr(GString) text = g_string_new(templates[k]);

				g_string_replace(text, "@", refs->str, 1);
				xml = g_string_free(g_steal_pointer(&text), FALSE);
			}
			doc = accord_xml_parse(xml, strlen(xml), "<values>", NULL);
			assert_non_null(doc);
			compare_streamed(&t, xml, strlen(xml), compare_doc(&t, doc, xml), xml);
		}
	}
	report(&t, "short values");
	assert_int_equal(t.disagreeing, 0);
	assert_every_kind(&t, 100 / stride);
	assert_true(t.quick > 1000 / stride);
	assert_true(t.streamed > 1000 / stride);
}

/* whether @path is a fixture or a shipped file rather than a fuzzer's input (fuzz/corpus-<kind>
 * or $ACCORD_FUZZ_CORPUS). A fuzzer finds files valid only by the validator's leniency, such
 * as white space around an attribute's token, which RELAX NG's token type ignores: such a file
 * rightly takes the validator's path, so the quick path is asked of the others only */
static gboolean
held_to_quick_path(const gchar *path)
{
	return g_str_has_prefix(path, TEST_DATA_DIR) ||
	       g_str_has_prefix(path, SOURCE_ROOT G_DIR_SEPARATOR_S "rulesets") ||
	       g_str_has_prefix(path, SOURCE_ROOT G_DIR_SEPARATOR_S "profiles");
}

/* a file of another covered kind: accord_xml_validate() gives the validator's verdict and
 * error, and takes the quick path for every valid file but a fuzzer's */
static gboolean
validators_agree(const gchar *path, const gchar *data, gsize len)
{
	g_autoptr(xmlDoc) doc = accord_xml_parse(data, len, path, NULL);
	g_autoptr(GError) e1 = NULL;
	g_autoptr(GError) e2 = NULL;
	AccordSchema kind = ACCORD_SCHEMA_LAST;
	gboolean bulk, schema;

	if (doc == NULL || !is_covered_doc(doc, &kind))
		return FALSE;
	bulk = accord_xml_validate(doc, kind, path, &e1);
	schema = accord_xml_validate_schema(doc, kind, path, &e2);
	assert_int_equal(bulk, schema);
	if (!bulk) {
		assert_string_equal(e1->message, e2->message);
		assert_int_equal(e1->code, e2->code);
		return FALSE;
	}
	if (!accord_xml_quick_check(doc, kind) && held_to_quick_path(path)) {
		print_error("%s: valid, yet not accepted by the quick check\n", path);
		fail();
	}
	return TRUE;
}

/* the bulk loader and the validator-only loader: the same profile or the same error */
static gboolean
profile_loaders_agree(const gchar *path, const gchar *data, gsize len, const AccordVocabulary *v)
{
	g_autoptr(GError) e1 = NULL;
	g_autoptr(GError) e2 = NULL;
	g_autoptr(AccordProfile) bulk = NULL;
	g_autoptr(AccordProfile) schema = NULL;
	g_autoptr(AccordProfile) streamed = NULL;
	g_autoptr(xmlDoc) doc = NULL;
	g_autofree gchar *why = NULL;

	bulk = accord_profile_load_data_checked(data, len, path, v, FALSE, &e1);
	schema = accord_profile_load_data_checked(data, len, path, v, TRUE, &e2);
	assert_true((bulk == NULL) == (schema == NULL));
	if (bulk == NULL) {
		assert_string_equal(e1->message, e2->message);
		assert_int_equal(e1->code, e2->code);
		return FALSE;
	}
	assert_string_equal(accord_profile_get_id(bulk), accord_profile_get_id(schema));
	assert_int_equal(accord_profile_get_n_facts(bulk), accord_profile_get_n_facts(schema));
	/* and the quick check took every valid profile but a fuzzer's, none went to the
	 * validator, and the streamed reader read each */
	doc = accord_xml_parse(data, len, path, NULL);
	if (!accord_xml_quick_check(doc, ACCORD_SCHEMA_PROFILE)) {
		if (!held_to_quick_path(path))
			return TRUE;
		print_error("%s: valid, yet not accepted by the quick check\n", path);
		fail();
	}
	streamed = accord_profile_read_streamed(data, len, path, v);
	if (streamed == NULL || !accord_profile_equal(streamed, schema, &why)) {
		print_error("%s: not read, or not the same, by the streamed reader: %s\n",
			    path,
			    why != NULL ? why : "not read");
		fail();
	}
	return TRUE;
}

static void
test_schema_check_loaders_agree(void **state)
{
	GPtrArray *files = *state;
	g_autofree gchar *vpath = test_data_path("good/vocabulary.xml");
	g_autofree gchar *shipped_vpath =
	    g_build_filename(SOURCE_ROOT, "rulesets", "vocabulary.xml", NULL);
	g_autoptr(AccordVocabulary) vocab = accord_vocabulary_load_file(vpath, NULL);
	g_autoptr(AccordVocabulary) shipped = accord_vocabulary_load_file(shipped_vpath, NULL);
	guint valid[ACCORD_SCHEMA_LAST] = {0};

	assert_non_null(vocab);
	assert_non_null(shipped);
	assert_true(files->len > 50);
	for (guint i = 0; i < files->len; i++) {
		const gchar *path = g_ptr_array_index(files, i);
		const AccordVocabulary *v = strstr(path, "/profiles/") != NULL ? shipped : vocab;
		g_autofree gchar *data = NULL;
		g_autoptr(xmlDoc) doc = NULL;
		AccordSchema kind = ACCORD_SCHEMA_LAST;
		gsize len = 0;

		assert_true(accord_xml_read_file(path, &data, &len, NULL));
		doc = accord_xml_parse(data, len, path, NULL);
		if (doc == NULL || !is_covered_doc(doc, &kind))
			continue;
		if (kind == ACCORD_SCHEMA_PROFILE ? profile_loaders_agree(path, data, len, v)
						  : validators_agree(path, data, len))
			valid[kind]++;
	}
	/* the shipped files and the good fixtures at least */
	assert_true(valid[ACCORD_SCHEMA_PROFILE] >= 30);
	assert_true(valid[ACCORD_SCHEMA_RULESET] >= 15);
	assert_true(valid[ACCORD_SCHEMA_VOCABULARY] >= 2);
	assert_true(valid[ACCORD_SCHEMA_WAIVERS] >= 1);
}

static int
setup(void **state)
{
	*state = g_ptr_array_new_with_free_func(g_free);
	return 0;
}

static int
teardown(void **state)
{
	g_ptr_array_unref(*state);
	return 0;
}

int
main(void)
{
	if (RUNNING_ON_VALGRIND)
		stride = 16;
	else if (UNDER_ASAN)
		stride = 4;
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_schema_check_values_agree),
	    cmocka_unit_test(test_schema_check_never_accepts_what_the_schema_refuses),
	    cmocka_unit_test(test_schema_check_loaders_agree),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
