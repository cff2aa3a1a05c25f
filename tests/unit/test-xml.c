#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <unistd.h>

#include "helpers.h"
#include "xml-private.h"

/* every attempt by libxml2 to fetch an external resource (entity, DTD, XInclude target) goes
 * through the external entity loader; this one counts the attempts and refuses them, so a test
 * can tell "refused before fetching" from "fetched, then refused" */
static guint n_external_loads;
static xmlExternalEntityLoader saved_loader;

static xmlParserInputPtr
counting_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	n_external_loads++;
	return NULL;
}

static int
setup_loader(void **state)
{
	n_external_loads = 0;
	saved_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(counting_loader);
	return 0;
}

static int
teardown_loader(void **state)
{
	xmlSetExternalEntityLoader(saved_loader);
	return 0;
}

/* parses bad/<name> with the hardened parser, as the loaders do */
static xmlDoc *
parse_fixture(const gchar *name, gchar **path, GError **error)
{
	g_autofree gchar *rel = g_strconcat("bad/", name, NULL);
	g_autofree gchar *data = NULL;
	gsize len = 0;

	*path = test_data_path(rel);
	if (!accord_xml_read_file(*path, &data, &len, error))
		return NULL;
	return accord_xml_parse(data, len, *path, error);
}

static void
assert_message_names(const GError *error, const gchar *needle)
{
	if (g_strstr_len(error->message, -1, needle) == NULL) {
		print_error("message '%s' does not name '%s'\n", error->message, needle);
		fail();
	}
}

static void
assert_parse_fails(const gchar *text, gint line, const gchar *needle)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(xmlDoc) doc = accord_xml_parse(text, strlen(text), "inline.xml", &error);
	g_autofree gchar *prefix = g_strdup_printf("inline.xml:%d:", line);

	assert_null(doc);
	assert_accord_error(error, ACCORD_ERROR_PARSE, prefix);
	assert_message_names(error, needle);
}

static void
test_xml_parses_a_plain_document(void **state)
{
	const gchar *text = "<?xml version=\"1.0\"?>\n<a>\n  <b>text</b>\n</a>\n";
	g_autoptr(GError) error = NULL;
	g_autoptr(xmlDoc) doc = accord_xml_parse(text, strlen(text), "inline.xml", &error);
	xmlNode *root;

	assert_null(error);
	assert_non_null(doc);
	root = xmlDocGetRootElement(doc);
	assert_true(accord_xml_is(root, "a"));
	/* line numbers are kept: <b> is on line 3 */
	assert_int_equal(xmlGetLineNo(accord_xml_first_element(root)), 3);
}

static void
test_xml_reports_not_well_formed_with_line(void **state)
{
	/* libxml2 notices the mismatch at the closing tag, on line 3 */
	assert_parse_fails("<a>\n  <b>\n</a>\n", 3, "mismatch");
	/* the document ends (line 3, after the last newline) with <a> still open */
	assert_parse_fails("<a>\n<b/>\n", 3, "Premature end");
	assert_parse_fails("<a/>\n<b/>", 2, "Extra content");
	assert_parse_fails("<a>\n&#0;</a>", 2, "xmlChar value 0");
	/* an undeclared entity is an error, not an empty string */
	assert_parse_fails("<a>\n\n&nope;</a>", 3, "nope");
}

static void
test_xml_reports_blank_input(void **state)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(xmlDoc) doc = accord_xml_parse("", 0, "inline.xml", &error);

	/* empty input has no line to blame (libxml2 says 0 or 1 depending on the entry point),
	 * so only the name is checked here */
	assert_null(doc);
	assert_accord_error(error, ACCORD_ERROR_PARSE, "inline.xml:");
	/* blanks only: the root element is missing where the text ends, on line 2 */
	assert_parse_fails("   \n  ", 2, "Start tag expected");
}

static void
test_xml_refuses_inline_doctype(void **state)
{
	assert_parse_fails("<?xml version=\"1.0\"?>\n<!DOCTYPE a>\n<a/>\n", 2, "DOCTYPE");
	/* the line is where the declaration stands, not where the word first appears */
	assert_parse_fails(
	    "<?xml version=\"1.0\"?>\n<!-- no <!DOCTYPE here -->\n<!DOCTYPE a>\n<a/>\n",
	    3,
	    "DOCTYPE");
}

static void
test_xml_refuses_billion_laughs_before_expanding(void **state)
{
	g_autofree gchar *path = NULL;
	g_autofree gchar *prefix = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(xmlDoc) doc = parse_fixture("profile-parse-billion-laughs.xml", &path, &error);

	assert_null(doc);
	/* refused for its DOCTYPE on line 2, not because libxml2 ran into the nested entities
	 * while expanding them further down */
	prefix = g_strdup_printf("%s:%d:", path, 2);
	assert_accord_error(error, ACCORD_ERROR_PARSE, prefix);
	assert_message_names(error, "DOCTYPE");
}

static void
test_xml_refuses_external_entity_without_reading_it(void **state)
{
	g_autofree gchar *path = NULL;
	g_autofree gchar *prefix = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(xmlDoc) doc = parse_fixture("profile-parse-external-entity.xml", &path, &error);

	assert_null(doc);
	prefix = g_strdup_printf("%s:%d:", path, 2);
	assert_accord_error(error, ACCORD_ERROR_PARSE, prefix);
	assert_message_names(error, "DOCTYPE");
	/* file:///etc/passwd was never opened */
	assert_int_equal(n_external_loads, 0);
}

static void
test_xml_refuses_external_dtd_without_fetching_it(void **state)
{
	g_autofree gchar *path = NULL;
	g_autofree gchar *prefix = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(xmlDoc) doc = parse_fixture("profile-parse-external-dtd.xml", &path, &error);

	assert_null(doc);
	prefix = g_strdup_printf("%s:%d:", path, 2);
	assert_accord_error(error, ACCORD_ERROR_PARSE, prefix);
	assert_int_equal(n_external_loads, 0);
}

static void
test_xml_does_not_process_xinclude(void **state)
{
	g_autofree gchar *vpath = test_data_path("good/vocabulary.xml");
	g_autofree gchar *path = test_data_path("bad/profile-schema-xinclude.xml");
	g_autofree gchar *prefix = g_strdup_printf("%s:%d:", path, 6);
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordVocabulary) vocab = accord_vocabulary_load_file(vpath, &error);
	g_autoptr(AccordProfile) profile = NULL;

	assert_non_null(vocab);
	profile = accord_profile_load_file(path, vocab, &error);
	/* unprocessed, xi:include is an element the schema does not allow, reported on its own
	 * line; processed, profile-b.xml would have been fetched through the entity loader */
	assert_null(profile);
	assert_accord_error(error, ACCORD_ERROR_SCHEMA, prefix);
	assert_message_names(error, "include");
	assert_int_equal(n_external_loads, 0);
}

static void
test_xml_refuses_input_over_the_size_limit(void **state)
{
	const gsize len = ACCORD_XML_MAX_BYTES + 1;
	g_autofree gchar *data = g_malloc(len);
	g_autoptr(GError) error = NULL;
	g_autoptr(xmlDoc) doc = NULL;

	/* a valid document one byte too long: <a> + spaces + </a> */
	memset(data, ' ', len);
	memcpy(data, "<a>", 3);
	memcpy(data + len - 4, "</a>", 4);
	doc = accord_xml_parse(data, len, "big.xml", &error);
	assert_null(doc);
	assert_accord_error(error, ACCORD_ERROR_PARSE, "big.xml: ");
	assert_message_names(error, "16 MiB");
}

static void
test_xml_accepts_input_at_the_size_limit(void **state)
{
	const gsize len = ACCORD_XML_MAX_BYTES;
	const gsize half = len / 2;
	g_autofree gchar *data = g_malloc(len);
	g_autoptr(GError) error = NULL;
	g_autoptr(xmlDoc) doc = NULL;

	/* exactly at the limit: two comments of about 8 MiB each, since libxml2 caps a single
	 * text or comment node at 10 MB */
	memset(data, ' ', len);
	memcpy(data, "<a><!--", 7);
	memcpy(data + half, "--><!--", 7);
	memcpy(data + len - 7, "--></a>", 7);
	doc = accord_xml_parse(data, len, "big.xml", &error);
	assert_null(error);
	assert_non_null(doc);
}

static void
test_xml_refuses_file_over_the_size_limit_before_reading(void **state)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = NULL;
	g_autofree gchar *prefix = NULL;
	g_autoptr(AccordVocabulary) vocab = NULL;
	gint fd = g_file_open_tmp("accord-big-XXXXXX.xml", &path, &error);

	assert_true(fd >= 0);
	/* a sparse file: the size check must come from stat, not from reading 16 MiB */
	assert_int_equal(ftruncate(fd, ACCORD_XML_MAX_BYTES + 1), 0);
	close(fd);
	vocab = accord_vocabulary_load_file(path, &error);
	g_unlink(path);
	assert_null(vocab);
	prefix = g_strdup_printf("%s: ", path);
	assert_accord_error(error, ACCORD_ERROR_PARSE, prefix);
	assert_message_names(error, "16 MiB");
}

static void
test_xml_names_memory_input(void **state)
{
	const gchar *text =
	    "<vocabulary xmlns=\"urn:accord:vocabulary:1\" version=\"1\">\n</vocab>";
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordVocabulary) vocab =
	    accord_vocabulary_load_data(text, strlen(text), NULL, &error);

	/* without a name the loaders say <memory>, as json-glib says <data> */
	assert_null(vocab);
	assert_accord_error(error, ACCORD_ERROR_PARSE, "<memory>:2:");
}

static void
test_xml_validate_rejects_the_wrong_schema(void **state)
{
	g_autofree gchar *path = test_data_path("good/vocabulary.xml");
	g_autofree gchar *data = NULL;
	g_autofree gchar *prefix = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(xmlDoc) doc = NULL;
	gsize len = 0;

	assert_true(accord_xml_read_file(path, &data, &len, &error));
	doc = accord_xml_load(data, len, path, ACCORD_SCHEMA_RULESET, &error);
	assert_null(doc);
	/* the root element on line 5 is in the wrong namespace for a ruleset */
	prefix = g_strdup_printf("%s:%d:", path, 5);
	assert_accord_error(error, ACCORD_ERROR_SCHEMA, prefix);
	assert_message_names(error, "ruleset schema");
}

static void
test_xml_sniff_schema_recognises_each_format(void **state)
{
	const struct {
		const gchar *file;
		AccordSchema schema;
	} cases[] = {
	    {"good/vocabulary.xml", ACCORD_SCHEMA_VOCABULARY},
	    {"good/ruleset.xml", ACCORD_SCHEMA_RULESET},
	    {"good/profile-a.xml", ACCORD_SCHEMA_PROFILE},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *path = test_data_path(cases[i].file);
		g_autofree gchar *data = NULL;
		g_autoptr(GError) error = NULL;
		g_autoptr(xmlDoc) doc = NULL;
		AccordSchema schema = ACCORD_SCHEMA_LAST;
		gsize len = 0;

		assert_true(accord_xml_read_file(path, &data, &len, &error));
		doc = accord_xml_parse(data, len, path, &error);
		assert_non_null(doc);
		assert_true(accord_xml_sniff_schema(doc, &schema));
		assert_int_equal(schema, cases[i].schema);
	}
}

static void
test_xml_sniff_schema_rejects_foreign_documents(void **state)
{
	const gchar *cases[] = {
	    "<profile country=\"AA\"/>",			   /* right name, no namespace */
	    "<profile xmlns=\"urn:accord:profile:2\"/>",	   /* a future version */
	    "<x:profile xmlns:x=\"urn:example\"/>",		   /* another vocabulary */
	    "<ruleset xmlns=\"urn:accord:ruleset:1x\" id=\"a\"/>", /* a namespace prefix-match */
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(xmlDoc) doc =
		    accord_xml_parse(cases[i], strlen(cases[i]), "inline.xml", &error);
		AccordSchema schema = ACCORD_SCHEMA_LAST;

		assert_non_null(doc);
		assert_false(accord_xml_sniff_schema(doc, &schema));
		assert_int_equal(schema, ACCORD_SCHEMA_LAST);
	}
}

static void
test_xml_get_text_normalizes_space(void **state)
{
	const gchar *text = "<a>\n  The Parties\n\tshall  <b>co</b>operate.\n</a>";
	g_autoptr(GError) error = NULL;
	g_autoptr(xmlDoc) doc = accord_xml_parse(text, strlen(text), "inline.xml", &error);
	g_autofree gchar *content = NULL;

	assert_non_null(doc);
	content = accord_xml_get_text(xmlDocGetRootElement(doc));
	assert_string_equal(content, "The Parties shall cooperate.");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_xml_parses_a_plain_document),
	    cmocka_unit_test(test_xml_reports_not_well_formed_with_line),
	    cmocka_unit_test(test_xml_reports_blank_input),
	    cmocka_unit_test(test_xml_refuses_inline_doctype),
	    cmocka_unit_test_setup_teardown(test_xml_refuses_billion_laughs_before_expanding,
					    setup_loader,
					    teardown_loader),
	    cmocka_unit_test_setup_teardown(test_xml_refuses_external_entity_without_reading_it,
					    setup_loader,
					    teardown_loader),
	    cmocka_unit_test_setup_teardown(test_xml_refuses_external_dtd_without_fetching_it,
					    setup_loader,
					    teardown_loader),
	    cmocka_unit_test_setup_teardown(test_xml_does_not_process_xinclude,
					    setup_loader,
					    teardown_loader),
	    cmocka_unit_test(test_xml_refuses_input_over_the_size_limit),
	    cmocka_unit_test(test_xml_accepts_input_at_the_size_limit),
	    cmocka_unit_test(test_xml_refuses_file_over_the_size_limit_before_reading),
	    cmocka_unit_test(test_xml_names_memory_input),
	    cmocka_unit_test(test_xml_validate_rejects_the_wrong_schema),
	    cmocka_unit_test(test_xml_sniff_schema_recognises_each_format),
	    cmocka_unit_test(test_xml_sniff_schema_rejects_foreign_documents),
	    cmocka_unit_test(test_xml_get_text_normalizes_space),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
