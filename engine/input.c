#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include "accord/error.h"
#include "accord/input.h"

/* how much one read() asks for */
#define CHUNK_BYTES (64 * 1024)

static gboolean
is_stdin(const gchar *path, AccordInputFlags flags)
{
	return (flags & ACCORD_INPUT_ALLOW_STDIN) != 0 && g_strcmp0(path, "-") == 0;
}

/**
 * accord_input_get_name:
 * @path: a path as given to accord_input_read()
 * @flags: the same flags
 *
 * Returns: (transfer none): the name errors should give the input: @path, or
 *   %ACCORD_INPUT_STDIN_NAME for standard input
 */
const gchar *
accord_input_get_name(const gchar *path, AccordInputFlags flags)
{
	g_return_val_if_fail(path != NULL, NULL);
	return is_stdin(path, flags) ? ACCORD_INPUT_STDIN_NAME : path;
}

static const gchar *
describe_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	if (S_ISSOCK(mode))
		return "a socket";
	return "of an unknown kind";
}

static void
set_too_large(GError **error, const gchar *name)
{
	g_set_error(error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_PARSE,
		    "%s:0: file is larger than the %d MiB limit",
		    name,
		    ACCORD_INPUT_MAX_BYTES / (1024 * 1024));
}

static void
set_io_error(GError **error, const gchar *name, gint errsv)
{
	g_set_error(error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_IO,
		    "%s:0: cannot read: %s",
		    name,
		    g_strerror(errsv));
}

/* a non-blocking standard input (a parent's choice) has no data yet: wait for some */
static gboolean
wait_readable(gint fd)
{
	struct pollfd pfd = {fd, POLLIN, 0};

	return poll(&pfd, 1, -1) >= 0 || errno == EINTR;
}

/* reads until end of file, but never more than the limit plus one byte: enough to tell a file
 * that grew past the limit, or a pipe that never ends, from one that fits */
static GBytes *
read_bounded(gint fd, const gchar *name, gsize expected, GError **error)
{
	const gsize cap = (gsize)ACCORD_INPUT_MAX_BYTES + 1;
	g_autoptr(GByteArray) buf = g_byte_array_sized_new((guint)MIN(expected + 1, cap));

	while (buf->len < cap) {
		guint len = buf->len;
		gsize want = MIN(CHUNK_BYTES, cap - len);
		gssize n;

		g_byte_array_set_size(buf, (guint)(len + want));
		n = read(fd, buf->data + len, want);
		g_byte_array_set_size(buf, (guint)(len + MAX(n, 0)));
		if (n == 0)
			break;
		if (n > 0)
			continue;
		if (errno == EINTR ||
		    ((errno == EAGAIN || errno == EWOULDBLOCK) && wait_readable(fd)))
			continue;
		set_io_error(error, name, errno);
		return NULL;
	}
	if (buf->len > ACCORD_INPUT_MAX_BYTES) {
		set_too_large(error, name);
		return NULL;
	}
	return g_byte_array_free_to_bytes(g_steal_pointer(&buf));
}

/* a regular file is checked with fstat() on the open descriptor, so what is checked is what
 * is read; O_NONBLOCK keeps open() from waiting for a FIFO's writer */
static GBytes *
read_regular_file(const gchar *path, GError **error)
{
	struct stat st;
	GBytes *bytes;
	gint fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);

	if (fd < 0) {
		set_io_error(error, path, errno);
		return NULL;
	}
	if (fstat(fd, &st) != 0) {
		set_io_error(error, path, errno);
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_IO,
			    "%s:0: cannot read: it is %s, not a regular file",
			    path,
			    describe_kind(st.st_mode));
		close(fd);
		return NULL;
	}
	if (st.st_size > ACCORD_INPUT_MAX_BYTES) {
		set_too_large(error, path);
		close(fd);
		return NULL;
	}
	bytes = read_bounded(fd, path, (gsize)st.st_size, error);
	close(fd);
	return bytes;
}

/**
 * accord_input_read:
 * @path: a file to read, or `-` for standard input when @flags allow it
 * @flags: what besides a regular file is accepted
 * @error: return location for an `ACCORD_ERROR`
 *
 * Reads an input the way every loader does. Only a regular file is read: a directory, FIFO,
 * device or socket is refused before any byte is read, so `/dev/zero` or a FIFO without a
 * writer cannot exhaust memory or block. The size is checked with fstat() on the open file
 * and no more than %ACCORD_INPUT_MAX_BYTES + 1 bytes are ever read, so a file that is sparse,
 * or grows while being read, costs no more memory than the limit. Standard input, when
 * allowed, is read to its end, within the same limit.
 *
 * Returns: (transfer full) (nullable): the contents, or %NULL with `ACCORD_ERROR_IO` (cannot
 *   open or read, or not a regular file) or `ACCORD_ERROR_PARSE` (over the limit); messages
 *   start with `path:0:`
 */
GBytes *
accord_input_read(const gchar *path, AccordInputFlags flags, GError **error)
{
	g_return_val_if_fail(path != NULL, NULL);
	if (is_stdin(path, flags))
		return read_bounded(STDIN_FILENO, ACCORD_INPUT_STDIN_NAME, CHUNK_BYTES, error);
	return read_regular_file(path, error);
}
