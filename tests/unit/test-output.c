#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "helpers.h"

/* --output (engine/cli/output.c): every test works in a fresh private directory and checks
 * that nothing was replaced, reset or left behind */

#define REPORT "a report\n"

static int
setup(void **state)
{
	*state = g_dir_make_tmp("accord-output-XXXXXX", NULL);
	return *state != NULL ? 0 : -1;
}

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

/* the directory holds exactly these names (a NULL-terminated list), so no temporary file is
 * left behind */
static void
assert_entries(void **state, const gchar *const *names)
{
	g_autoptr(GDir) d = g_dir_open(*state, 0, NULL);
	g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func(g_free);
	const gchar *name;

	while ((name = g_dir_read_name(d)) != NULL)
		g_ptr_array_add(found, g_strdup(name));
	for (guint i = 0; i < found->len; i++) {
		if (!g_strv_contains(names, g_ptr_array_index(found, i))) {
			print_error("left behind: %s\n", (gchar *)g_ptr_array_index(found, i));
			fail();
		}
	}
	assert_int_equal(found->len, g_strv_length((gchar **)names));
}

static void
assert_contents(const gchar *path, const gchar *expected)
{
	g_autofree gchar *data = NULL;

	assert_true(g_file_get_contents(path, &data, NULL, NULL));
	assert_string_equal(data, expected);
}

static gboolean
write_report(const gchar *path, AccordCliOutputFlags flags, GError **error)
{
	return accord_cli_output_write(path, REPORT, strlen(REPORT), flags, error);
}

static void
test_output_creates_file_with_umask_mode(void **state)
{
	g_autofree gchar *path = path_in(state, "new.txt");
	const gchar *names[] = {"new.txt", NULL};
	g_autoptr(GError) error = NULL;
	mode_t mask = umask(027);
	struct stat st;

	assert_true(write_report(path, ACCORD_CLI_OUTPUT_NONE, &error));
	umask(mask);
	assert_contents(path, REPORT);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	assert_entries(state, names);
}

/* a 0600 file stays 0600 (it was reset to 0644), and keeps its owner where that is allowed */
static void
replace_keeps_mode_and_owner(void **state, AccordCliOutputFlags flags)
{
	g_autofree gchar *path = path_in(state, "private.txt");
	const gchar *names[] = {"private.txt", NULL};
	g_autoptr(GError) error = NULL;
	gboolean root = geteuid() == 0;
	struct stat st;

	assert_true(g_file_set_contents(path, "old contents, longer than the report\n", -1, NULL));
	assert_int_equal(chmod(path, 0600), 0);
	if (root)
		assert_int_equal(chown(path, 4242, 4343), 0);
	assert_true(write_report(path, flags, &error));
	assert_null(error);
	assert_contents(path, REPORT);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	if (root) {
		assert_int_equal(st.st_uid, 4242);
		assert_int_equal(st.st_gid, 4343);
	}
	assert_entries(state, names);
}

static void
test_output_replaces_keeping_mode_and_owner(void **state)
{
	replace_keeps_mode_and_owner(state, ACCORD_CLI_OUTPUT_NONE);
}

static void
test_output_fallback_replaces_keeping_mode_and_owner(void **state)
{
	replace_keeps_mode_and_owner(state, ACCORD_CLI_OUTPUT_NO_TMPFILE);
}

/* a file nobody may write is left alone, even by root */
static void
test_output_refuses_read_only_file(void **state)
{
	g_autofree gchar *path = path_in(state, "frozen.txt");
	const gchar *names[] = {"frozen.txt", NULL};
	g_autoptr(GError) error = NULL;

	assert_true(g_file_set_contents(path, "keep me\n", -1, NULL));
	assert_int_equal(chmod(path, 0400), 0);
	assert_false(write_report(path, ACCORD_CLI_OUTPUT_NONE, &error));
	assert_accord_error(error, ACCORD_ERROR_WRITE, "cannot write ");
	assert_non_null(strstr(error->message, "it is read-only"));
	assert_contents(path, "keep me\n");
	assert_entries(state, names);
}

/* neither the link nor the file it points to is replaced */
static void
test_output_refuses_symlink_to_file(void **state)
{
	g_autofree gchar *target = path_in(state, "target.txt");
	g_autofree gchar *link = path_in(state, "link.txt");
	g_autofree gchar *points_to = NULL;
	const gchar *names[] = {"target.txt", "link.txt", NULL};
	g_autoptr(GError) error = NULL;

	assert_true(g_file_set_contents(target, "keep me\n", -1, NULL));
	assert_int_equal(symlink("target.txt", link), 0);
	assert_false(write_report(link, ACCORD_CLI_OUTPUT_NONE, &error));
	assert_accord_error(error, ACCORD_ERROR_WRITE, "cannot write ");
	assert_non_null(strstr(error->message, "symbolic link"));
	points_to = g_file_read_link(link, NULL);
	assert_string_equal(points_to, "target.txt");
	assert_contents(target, "keep me\n");
	assert_entries(state, names);
}

/* a link to a device is followed, as /dev/stdout must be */
static void
test_output_follows_symlink_to_device(void **state)
{
	g_autofree gchar *link = path_in(state, "null");
	g_autoptr(GError) error = NULL;
	struct stat st;

	assert_int_equal(symlink("/dev/null", link), 0);
	assert_true(write_report(link, ACCORD_CLI_OUTPUT_NONE, &error));
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
}

/* a device node is written, never replaced by a regular file; as root the test makes its own
 * node (the null device) in the private directory, so a failure cannot harm /dev/null */
static void
test_output_writes_device_directly(void **state)
{
	g_autofree gchar *node = path_in(state, "null");
	const gchar *path = "/dev/null";
	g_autoptr(GError) error = NULL;
	struct stat st;

	if (geteuid() == 0 && mknod(node, S_IFCHR | 0666, makedev(1, 3)) == 0)
		path = node;
	assert_true(write_report(path, ACCORD_CLI_OUTPUT_NONE, &error));
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISCHR(st.st_mode));
}

/* /dev/full reported success once, after replacing itself with a regular file as root */
static void
test_output_reports_full_device(void **state)
{
	g_autofree gchar *node = path_in(state, "full");
	const gchar *path = "/dev/full";
	g_autoptr(GError) error = NULL;
	struct stat st;

	if (geteuid() == 0 && mknod(node, S_IFCHR | 0666, makedev(1, 7)) == 0)
		path = node;
	assert_false(write_report(path, ACCORD_CLI_OUTPUT_NONE, &error));
	assert_accord_error(error, ACCORD_ERROR_WRITE, "cannot write ");
	assert_non_null(strstr(error->message, "No space left on device"));
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISCHR(st.st_mode));
}

static void *
drain_fifo(void *path)
{
	g_autofree gchar *data = NULL;

	g_file_get_contents(path, &data, NULL, NULL);
	return g_steal_pointer(&data);
}

static void
test_output_writes_fifo_directly(void **state)
{
	g_autofree gchar *path = path_in(state, "fifo");
	g_autofree gchar *received = NULL;
	g_autoptr(GError) error = NULL;
	pthread_t reader;
	struct stat st;

	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(pthread_create(&reader, NULL, drain_fifo, path), 0);
	assert_true(write_report(path, ACCORD_CLI_OUTPUT_NONE, &error));
	assert_int_equal(pthread_join(reader, (void **)&received), 0);
	assert_string_equal(received, REPORT);
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
}

static void
test_output_refuses_directory_and_empty_path(void **state)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GError) usage = NULL;

	assert_false(write_report(*state, ACCORD_CLI_OUTPUT_NONE, &error));
	assert_accord_error(error, ACCORD_ERROR_WRITE, "cannot write ");
	assert_non_null(strstr(error->message, "it is a directory"));
	assert_false(write_report("", ACCORD_CLI_OUTPUT_NONE, &usage));
	assert_accord_error(usage, ACCORD_ERROR_USAGE, "--output needs a file name");
	assert_true(accord_cli_output_check(NULL, NULL));
	assert_true(accord_cli_output_check("-", NULL));
}

/* in a child limited to one 512-byte block per file, writing 64 KiB draws SIGXFSZ mid-write,
 * which ends the child: the old file must stay as it was and nothing be left behind */
static void
killed_mid_write(void **state, AccordCliOutputFlags flags)
{
	g_autofree gchar *path = path_in(state, "report.json");
	const gchar *names[] = {"report.json", NULL};
	gint status = 0;
	pid_t child;

	assert_true(g_file_set_contents(path, "previous\n", -1, NULL));
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		struct rlimit limit = {512, 512};
		gsize len = 64 * 1024;
		g_autofree gchar *big = g_malloc(len);

		memset(big, 'x', len);
		setrlimit(RLIMIT_FSIZE, &limit);
		accord_cli_output_write(path, big, len, flags, NULL);
		_exit(0);
	}
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGXFSZ);
	assert_contents(path, "previous\n");
	assert_entries(state, names);
}

static void
test_output_killed_mid_write_leaves_nothing(void **state)
{
	killed_mid_write(state, ACCORD_CLI_OUTPUT_NONE);
}

static void
test_output_fallback_killed_mid_write_leaves_nothing(void **state)
{
	killed_mid_write(state, ACCORD_CLI_OUTPUT_NO_TMPFILE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_output_creates_file_with_umask_mode,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_output_replaces_keeping_mode_and_owner,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_output_fallback_replaces_keeping_mode_and_owner,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_output_refuses_read_only_file, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_output_refuses_symlink_to_file, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_output_follows_symlink_to_device, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_output_writes_device_directly, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_output_reports_full_device, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_output_writes_fifo_directly, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_output_refuses_directory_and_empty_path,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_output_killed_mid_write_leaves_nothing,
					    setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_output_fallback_killed_mid_write_leaves_nothing,
					    setup,
					    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
