#include "helpers.h"

/* the tests run with ACCORD_DATADIR set to the source tree (tests/meson.build) */

static void
test_datadir_finds_shipped_ruleset_by_id(void **state)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = accord_datadir_find_ruleset_id("usmca", &error);
	g_autofree gchar *expected = g_build_filename(SOURCE_ROOT, "rulesets", "usmca.xml", NULL);

	assert_null(error);
	assert_string_equal(path, expected);
}

/* an argument that looks like a path is one, for --ruleset and PROFILE */
static void
test_datadir_takes_paths_for_arguments(void **state)
{
	g_autofree gchar *path = accord_datadir_find_ruleset("/etc/passwd", NULL);
	g_autofree gchar *xml = accord_datadir_find_profile("gb.xml", NULL);

	assert_string_equal(path, "/etc/passwd");
	assert_string_equal(xml, "gb.xml");
}

/* a reference inside a file is an id only: it never names a file outside the data directory */
static void
test_datadir_id_is_never_a_path(void **state)
{
	const gchar *not_ids[] = {"/etc/passwd", "../profiles/gb", "/dev/stdin", ".", "", "..x"};

	for (guint i = 0; i < G_N_ELEMENTS(not_ids); i++) {
		g_autoptr(GError) error = NULL;
		g_autofree gchar *path = accord_datadir_find_ruleset_id(not_ids[i], &error);

		assert_null(path);
		assert_accord_error(error, ACCORD_ERROR_USAGE, "'");
	}
}

/* "usmca.xml" is the id usmca.xml, which is not shipped */
static void
test_datadir_id_ending_in_xml_is_an_id(void **state)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = accord_datadir_find_ruleset_id("usmca.xml", &error);

	assert_null(path);
	assert_accord_error(error, ACCORD_ERROR_USAGE, "no ruleset 'usmca.xml' in ");
}

/* an unknown id names the nearest shipped one, and the shipped ids */
static void
test_datadir_unknown_id_suggests_the_nearest(void **state)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = accord_datadir_find_profile("uss", &error);

	assert_null(path);
	assert_accord_error(error, ACCORD_ERROR_USAGE, "no profile 'uss' in ");
	assert_non_null(strstr(error->message, "(did you mean 'us'? shipped: au, "));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_datadir_finds_shipped_ruleset_by_id),
	    cmocka_unit_test(test_datadir_takes_paths_for_arguments),
	    cmocka_unit_test(test_datadir_id_is_never_a_path),
	    cmocka_unit_test(test_datadir_id_ending_in_xml_is_an_id),
	    cmocka_unit_test(test_datadir_unknown_id_suggests_the_nearest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
