/* The differential test of engine/profile-schema.c, the quick check that lets the bulk path
 * skip the RELAX NG validator: it must never accept a profile that profiles/schema/profile.rng
 * refuses. It runs the check and the validator over every fixture, the shipped profiles, the
 * fuzz corpora (fuzz/corpus-profile when present, and the folders in $ACCORD_FUZZ_CORPUS,
 * separated by ':'), many mutations of each profile among them, and every short string in
 * each restricted attribute, and fails at the first input the check accepts and the schema
 * refuses. It also checks that the bulk loader and the validator-only loader give the same
 * profile or the same error for every file, and that the check accepts every valid shipped
 * profile and fixture, so the bulk path really is the quick one. */
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

/* under valgrind, which looks for memory errors and not for disagreements, one case in 16 of
 * the generated ones, so the suite ends in its time */
static guint stride = 1;
static guint skipped;

static gboolean
sampled(void)
{
	return skipped++ % stride == 0;
}

#define PROFILE_NS "urn:accord:profile:1"

typedef struct {
	guint cases;
	guint quick;	   /* accepted by the quick check */
	guint schema;	   /* accepted by the schema */
	guint fallbacks;   /* valid, but left to the validator by the quick check */
	guint disagreeing; /* accepted by the check, refused by the schema: must stay 0 */
	guint streamed;	   /* read by the streamed reader */
	AccordVocabulary *vocab;
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

/* one document: the check may only accept what the schema accepts */
static gboolean
compare_doc(Tally *t, xmlDoc *doc, const gchar *what)
{
	g_autoptr(GError) error = NULL;
	gboolean quick = accord_xml_quick_check(doc, ACCORD_SCHEMA_PROFILE);
	gboolean schema = accord_xml_validate_schema(doc, ACCORD_SCHEMA_PROFILE, what, &error);

	t->cases++;
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

static const gchar *const attribute_names[] = {
    "country",
    "name",
    "as-of",
    "id",
    "key",
    "value",
    "confidence",
    "rank",
    "source",
    "title",
    "href",
    "date",
    "foo",
    "xmlns",
    "lang",
};

static const gchar *const element_names[] = {"profile", "note", "index", "fact", "evidence", "x"};

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
mutate_attributes(Tally *t, xmlDoc *doc, guint e, const gchar *name)
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
	for (guint a = 0; a < G_N_ELEMENTS(attribute_names); a++) {
		for (guint v = 0; v < G_N_ELEMENTS(tricky); v += 7) {
			node = copy_element(doc, e, &copy);
			if (g_strcmp0(attribute_names[a], "lang") == 0)
				xmlSetNsProp(node,
					     xmlSearchNsByHref(copy, node, XML_XML_NAMESPACE),
					     (const xmlChar *)"lang",
					     (const xmlChar *)tricky[v]);
			else
				xmlSetProp(node,
					   (const xmlChar *)attribute_names[a],
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
apply(xmlDoc *copy, xmlNode *node, Mutation m, guint v)
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
		xmlNodeSetName(node,
			       (const xmlChar *)element_names[v % G_N_ELEMENTS(element_names)]);
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
		xmlNode *child =
		    xmlNewDocNode(copy,
				  node->ns,
				  (const xmlChar *)element_names[v % G_N_ELEMENTS(element_names)],
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
n_variants(Mutation m)
{
	switch (m) {
	case MUTATE_TEXT_FIRST:
	case MUTATE_TEXT_LAST:
	case MUTATE_CONTENT:
		return G_N_ELEMENTS(tricky);
	case MUTATE_RENAME:
	case MUTATE_CHILD:
		return G_N_ELEMENTS(element_names);
	default:
		return 1;
	}
}

/* one element of each kind (name under its parent's name) is mutated: the others repeat it */
static gboolean
first_of_kind(GHashTable *seen, const xmlNode *node)
{
	const gchar *parent = node->parent != NULL && node->parent->type == XML_ELEMENT_NODE
				  ? (const gchar *)node->parent->name
				  : "";
	gchar *kind = g_strdup_printf("%s/%s", parent, (const gchar *)node->name);

	return g_hash_table_add(seen, kind);
}

static void
mutate(Tally *t, xmlDoc *doc, const gchar *name)
{
	g_autoptr(GPtrArray) elements = g_ptr_array_new();
	g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

	collect_elements(xmlDocGetRootElement(doc), elements);
	for (guint e = 0; e < elements->len; e++) {
		if (!first_of_kind(seen, g_ptr_array_index(elements, e)))
			continue;
		mutate_attributes(t, doc, e, name);
		for (Mutation m = 0; m < MUTATE_LAST; m++) {
			for (guint v = 0; v < n_variants(m); v++) {
				xmlDoc *copy;
				xmlNode *node = copy_element(doc, e, &copy);

				if (m != MUTATE_REMOVE || node != xmlDocGetRootElement(copy)) {
					apply(copy, node, m, v);
					compare_serialised(t, copy, name);
				}
				xmlFreeDoc(copy);
			}
		}
	}
}

static gboolean
is_profile(xmlDoc *doc)
{
	xmlNode *root = xmlDocGetRootElement(doc);

	return root != NULL && root->ns != NULL &&
	       g_strcmp0((const gchar *)root->ns->href, PROFILE_NS) == 0;
}

/* every file of @dir that parses, in name order; profiles are also mutated */
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
		gsize len = 0;

		if (!g_file_test(path, G_FILE_TEST_IS_REGULAR) ||
		    !accord_xml_read_file(path, &data, &len, NULL))
			continue;
		g_ptr_array_add(files, g_strdup(path));
		doc = accord_xml_parse(data, len, path, NULL);
		if (doc == NULL)
			continue;
		compare_streamed(t, data, len, compare_doc(t, doc, path), path);
		if (mutations && is_profile(doc))
			mutate(t, doc, path);
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
}

/* the corpora, with mutations of every profile among them */
static void
test_profile_schema_never_accepts_what_the_schema_refuses(void **state)
{
	GPtrArray *files = *state;
	const gchar *extra = g_getenv("ACCORD_FUZZ_CORPUS");
	g_auto(GStrv) corpora = g_strsplit(extra != NULL ? extra : "", ":", -1);
	g_autofree gchar *good = test_data_path("good");
	g_autofree gchar *bad = test_data_path("bad");
	g_autofree gchar *shipped = g_build_filename(SOURCE_ROOT, "profiles", NULL);
	g_autofree gchar *fuzz = g_build_filename(SOURCE_ROOT, "fuzz", "corpus-profile", NULL);
	g_autofree gchar *vpath = test_data_path("good/vocabulary.xml");
	g_autofree gchar *shipped_vpath =
	    g_build_filename(SOURCE_ROOT, "rulesets", "vocabulary.xml", NULL);
	g_autoptr(AccordVocabulary) vocab = accord_vocabulary_load_file(vpath, NULL);
	g_autoptr(AccordVocabulary) shipped_vocab =
	    accord_vocabulary_load_file(shipped_vpath, NULL);
	Tally t = {0};

	t.vocab = vocab;
	compare_folder(&t, good, TRUE, files);
	compare_folder(&t, bad, TRUE, files);
	compare_folder(&t, fuzz, FALSE, files);
	/* shipped profiles are long: mutated through the fixtures' kinds of element already */
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
}

/* one restricted attribute at a time, over every string of up to three characters from an
 * alphabet of letters, digits, punctuation, white space and a non-ASCII letter */
static void
test_profile_schema_values_agree(void **state)
{
	static const gchar *const alphabet[] =
	    {"A", "b", "1", "0", " ", "\t", "\n", "\r", "-", ".", ":", "%", "\xc3\xa9"};
	/* each attribute in a profile where every other value is valid */
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
	assert_true(t.quick > 1000 / stride);
	assert_true(t.streamed > 1000 / stride);
}

/* the bulk loader and the validator-only loader: the same profile or the same error */
static void
test_profile_schema_loaders_agree(void **state)
{
	GPtrArray *files = *state;
	g_autofree gchar *vpath = test_data_path("good/vocabulary.xml");
	g_autofree gchar *shipped_vpath =
	    g_build_filename(SOURCE_ROOT, "rulesets", "vocabulary.xml", NULL);
	g_autoptr(AccordVocabulary) vocab = accord_vocabulary_load_file(vpath, NULL);
	g_autoptr(AccordVocabulary) shipped = accord_vocabulary_load_file(shipped_vpath, NULL);
	guint quick_ok = 0;

	assert_non_null(vocab);
	assert_non_null(shipped);
	assert_true(files->len > 50);
	for (guint i = 0; i < files->len; i++) {
		const gchar *path = g_ptr_array_index(files, i);
		const AccordVocabulary *v = strstr(path, "/profiles/") != NULL ? shipped : vocab;
		g_autoptr(GError) e1 = NULL;
		g_autoptr(GError) e2 = NULL;
		g_autofree gchar *data = NULL;
		g_autoptr(AccordProfile) bulk = NULL;
		g_autoptr(AccordProfile) schema = NULL;
		g_autoptr(xmlDoc) doc = NULL;
		gsize len = 0;

		assert_true(accord_xml_read_file(path, &data, &len, NULL));
		bulk = accord_profile_load_data_checked(data, len, path, v, FALSE, &e1);
		schema = accord_profile_load_data_checked(data, len, path, v, TRUE, &e2);
		assert_true((bulk == NULL) == (schema == NULL));
		if (bulk == NULL) {
			assert_string_equal(e1->message, e2->message);
			assert_int_equal(e1->code, e2->code);
			continue;
		}
		assert_string_equal(accord_profile_get_id(bulk), accord_profile_get_id(schema));
		assert_int_equal(accord_profile_get_n_facts(bulk),
				 accord_profile_get_n_facts(schema));
		/* and the quick check took every valid profile, none went to the validator, and
		 * the streamed reader read each */
		doc = accord_xml_parse(data, len, path, NULL);
		if (!accord_xml_quick_check(doc, ACCORD_SCHEMA_PROFILE)) {
			print_error("%s: valid, yet not accepted by the quick check\n", path);
			fail();
		}
		{
			g_autoptr(AccordProfile) streamed =
			    accord_profile_read_streamed(data, len, path, v);
			g_autofree gchar *why = NULL;

			if (streamed == NULL || !accord_profile_equal(streamed, schema, &why)) {
				print_error(
				    "%s: not read, or not the same, by the streamed reader: "
				    "%s\n",
				    path,
				    why != NULL ? why : "not read");
				fail();
			}
		}
		quick_ok++;
	}
	/* the shipped profiles and the good fixtures at least */
	assert_true(quick_ok >= 30);
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
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_profile_schema_values_agree),
	    cmocka_unit_test(test_profile_schema_never_accepts_what_the_schema_refuses),
	    cmocka_unit_test(test_profile_schema_loaders_agree),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
