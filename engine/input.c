#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include "accord/error.h"
#include "accord/input.h"
#include "xml-private.h"

/**
 * accord_input_sniff:
 * @data: XML text
 * @len: its length in bytes
 * @name: (nullable): the name errors use for the input; `<memory>` when %NULL
 * @kind: (out): which Accord format the document is
 * @error: return location for an `ACCORD_ERROR`
 *
 * Tells the format of a document from its root element's namespace, parsing it with the same
 * hardened parser as the loaders (a comment that mentions another namespace does not fool it).
 *
 * Returns: %TRUE with @kind set; %FALSE with `ACCORD_ERROR_PARSE` (not well-formed) or
 *   `ACCORD_ERROR_SCHEMA` (the root is not an Accord document)
 */
gboolean
accord_input_sniff(const gchar *data,
		   gsize len,
		   const gchar *name,
		   AccordInputKind *kind,
		   GError **error)
{
	g_autoptr(xmlDoc) doc = NULL;
	AccordSchema schema;

	g_return_val_if_fail(data != NULL && kind != NULL, FALSE);
	if (name == NULL)
		name = "<memory>";
	doc = accord_xml_parse(data, len, name, error);
	if (doc == NULL)
		return FALSE;
	if (!accord_xml_sniff_schema(doc, &schema)) {
		accord_xml_set_error(error,
				     ACCORD_ERROR_SCHEMA,
				     name,
				     xmlDocGetRootElement(doc),
				     "the root element is not an Accord vocabulary, ruleset, "
				     "profile, tailoring, waivers or plan document (namespace "
				     "urn:accord:…:1)");
		return FALSE;
	}
	/* the enums list the formats in the same order */
	*kind = (AccordInputKind)schema;
	return TRUE;
}

/**
 * accord_input_get_root_attribute:
 * @data: XML text
 * @len: its length in bytes
 * @name: (nullable): the name errors use for the input; `<memory>` when %NULL
 * @attribute: an attribute of the root element, e.g. `ruleset` of a tailoring
 * @error: return location for an `ACCORD_ERROR`
 *
 * Reads one attribute of the root element with the hardened parser, e.g. to find which
 * ruleset a tailoring must be loaded against before loading it.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL with `ACCORD_ERROR_PARSE` (not
 *   well-formed) or `ACCORD_ERROR_SCHEMA` (no such attribute)
 */
gchar *
accord_input_get_root_attribute(const gchar *data,
				gsize len,
				const gchar *name,
				const gchar *attribute,
				GError **error)
{
	g_autoptr(xmlDoc) doc = NULL;
	gchar *value;

	g_return_val_if_fail(data != NULL && attribute != NULL, NULL);
	if (name == NULL)
		name = "<memory>";
	doc = accord_xml_parse(data, len, name, error);
	if (doc == NULL)
		return NULL;
	value = accord_xml_get_prop(xmlDocGetRootElement(doc), attribute);
	if (value == NULL)
		accord_xml_set_error(error,
				     ACCORD_ERROR_SCHEMA,
				     name,
				     xmlDocGetRootElement(doc),
				     "the root element has no '%s' attribute",
				     attribute);
	return value;
}

/**
 * accord_validation_new:
 * @path: the file checked
 * @summary: (nullable): what it holds, when it loaded
 * @error: (nullable): why it did not load
 *
 * Returns: (transfer full): a validation result
 */
AccordValidation *
accord_validation_new(const gchar *path, const gchar *summary, const GError *error)
{
	AccordValidation *self = g_new0(AccordValidation, 1);

	self->path = g_strdup(path);
	self->summary = g_strdup(summary);
	self->error = error != NULL ? g_strdup(error->message) : NULL;
	return self;
}

/**
 * accord_validation_free:
 * @self: (nullable) (transfer full): a validation result
 */
void
accord_validation_free(AccordValidation *self)
{
	if (self == NULL)
		return;
	g_free(self->path);
	g_free(self->summary);
	g_free(self->error);
	g_free(self);
}
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
		    "%s: file is larger than the %d MiB limit",
		    name,
		    ACCORD_INPUT_MAX_BYTES / (1024 * 1024));
}

static void
set_io_error(GError **error, const gchar *name, gint errsv)
{
	g_set_error(error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_IO,
		    "%s: cannot read: %s",
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
			    "%s: cannot read: it is %s, not a regular file",
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
 *   start with `path: ` (there is no line to name)
 */
GBytes *
accord_input_read(const gchar *path, AccordInputFlags flags, GError **error)
{
	g_return_val_if_fail(path != NULL, NULL);
	if (is_stdin(path, flags))
		return read_bounded(STDIN_FILENO, ACCORD_INPUT_STDIN_NAME, CHUNK_BYTES, error);
	return read_regular_file(path, error);
}
