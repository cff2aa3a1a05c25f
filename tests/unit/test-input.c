#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"

/* each test gets a fresh private directory */
static int
setup(void **state)
{
	*state = g_dir_make_tmp("accord-input-XXXXXX", NULL);
	return *state != NULL ? 0 : -1;
}

/* the directory holds only plain entries */
static int
teardown(void **state)
{
	g_autofree gchar *dir = *state;
	g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
	const gchar *name;

	while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
		g_autofree gchar *path = g_build_filename(dir, name, NULL);
		unlink(path);
	}
	return rmdir(dir);
}

static gchar *
path_in(void **state, const gchar *name)
{
	return g_build_filename(*state, name, NULL);
}

/* a refusal with this code, the "path: " prefix (no line: the file was not parsed) and @needle
 * in the message */
static void
assert_refused(const gchar *path, AccordInputFlags flags, gint code, const gchar *needle)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) bytes = accord_input_read(path, flags, &error);
	g_autofree gchar *prefix = g_strdup_printf("%s: ", accord_input_get_name(path, flags));

	assert_null(bytes);
	assert_accord_error(error, code, prefix);
	if (strstr(error->message, needle) == NULL) {
		print_error("message '%s' does not say '%s'\n", error->message, needle);
		fail();
	}
}

static void
test_input_reads_regular_file(void **state)
{
	g_autofree gchar *path = path_in(state, "a.xml");
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) bytes = NULL;

	assert_true(g_file_set_contents(path, "<a/>\n", -1, NULL));
	bytes = accord_input_read(path, ACCORD_INPUT_NONE, &error);
	assert_null(error);
	assert_int_equal(g_bytes_get_size(bytes), 5);
	assert_memory_equal(g_bytes_get_data(bytes, NULL), "<a/>\n", 5);
}

static void
test_input_refuses_missing_file(void **state)
{
	g_autofree gchar *path = path_in(state, "missing.xml");

	assert_refused(path, ACCORD_INPUT_NONE, ACCORD_ERROR_IO, "cannot read: No such file");
}

static void
test_input_refuses_directory(void **state)
{
	assert_refused(*state, ACCORD_INPUT_NONE, ACCORD_ERROR_IO, "it is a directory");
}

/* without O_NONBLOCK, opening a FIFO nobody writes to would block this test for ever */
static void
test_input_refuses_fifo_without_blocking(void **state)
{
	g_autofree gchar *path = path_in(state, "fifo");

	assert_int_equal(mkfifo(path, 0600), 0);
	assert_refused(path, ACCORD_INPUT_NONE, ACCORD_ERROR_IO, "it is a FIFO");
}

/* /dev/zero never ends: it is refused before a byte is read */
static void
test_input_refuses_devices(void **state)
{
	assert_refused("/dev/zero", ACCORD_INPUT_NONE, ACCORD_ERROR_IO, "a character device");
	assert_refused("/dev/null", ACCORD_INPUT_NONE, ACCORD_ERROR_IO, "not a regular file");
}

/* a sparse file of 3 GB takes no disk space; its size is refused before reading */
static void
test_input_refuses_large_sparse_file(void **state)
{
	g_autofree gchar *path = path_in(state, "sparse.xml");
	gint fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)3 * 1024 * 1024 * 1024), 0);
	close(fd);
	assert_refused(path, ACCORD_INPUT_NONE, ACCORD_ERROR_PARSE, "larger than the 16 MiB limit");
}

/* the limit itself is allowed, one byte more is not */
static void
test_input_limit_is_inclusive(void **state)
{
	g_autofree gchar *path = path_in(state, "limit.xml");
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) bytes = NULL;
	gint fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, ACCORD_INPUT_MAX_BYTES), 0);
	bytes = accord_input_read(path, ACCORD_INPUT_NONE, &error);
	assert_null(error);
	assert_int_equal(g_bytes_get_size(bytes), ACCORD_INPUT_MAX_BYTES);
	assert_int_equal(ftruncate(fd, ACCORD_INPUT_MAX_BYTES + 1), 0);
	close(fd);
	assert_refused(path, ACCORD_INPUT_NONE, ACCORD_ERROR_PARSE, "16 MiB");
}

/* with standard input on @path, reads `-` and puts standard input back */
static GBytes *
read_stdin_from(const gchar *path, GError **error)
{
	gint saved = dup(STDIN_FILENO);
	gint fd = open(path, O_RDONLY);
	GBytes *bytes;

	assert_true(saved >= 0 && fd >= 0);
	assert_true(dup2(fd, STDIN_FILENO) >= 0);
	close(fd);
	bytes = accord_input_read("-", ACCORD_INPUT_ALLOW_STDIN, error);
	assert_true(dup2(saved, STDIN_FILENO) >= 0);
	close(saved);
	return bytes;
}

static void
test_input_reads_stdin_when_allowed(void **state)
{
	g_autofree gchar *path = path_in(state, "in.xml");
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) bytes = NULL;

	assert_true(g_file_set_contents(path, "<b/>", -1, NULL));
	bytes = read_stdin_from(path, &error);
	assert_null(error);
	assert_int_equal(g_bytes_get_size(bytes), 4);
	assert_string_equal(accord_input_get_name("-", ACCORD_INPUT_ALLOW_STDIN), "<stdin>");
}

/* standard input may be any kind of file, but it is read no further than the limit */
static void
test_input_stdin_stops_at_the_limit(void **state)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) bytes = read_stdin_from("/dev/zero", &error);

	assert_null(bytes);
	assert_accord_error(error, ACCORD_ERROR_PARSE, "<stdin>: file is larger than the 16 MiB");
}

/* without the flag, `-` is just a file name */
static void
test_input_dash_is_a_name_without_the_flag(void **state)
{
	assert_string_equal(accord_input_get_name("-", ACCORD_INPUT_NONE), "-");
	assert_refused("-", ACCORD_INPUT_NONE, ACCORD_ERROR_IO, "No such file");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_input_reads_regular_file, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_input_refuses_missing_file, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_input_refuses_directory, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_input_refuses_fifo_without_blocking,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_input_refuses_devices, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_input_refuses_large_sparse_file, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_input_limit_is_inclusive, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_input_reads_stdin_when_allowed, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_input_stdin_stops_at_the_limit, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_input_dash_is_a_name_without_the_flag,
					    setup,
					    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
