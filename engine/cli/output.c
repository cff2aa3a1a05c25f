#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* --output FILE, so that a run never loses or corrupts what FILE held:
 *   -                        standard output
 *   a path naming the file standard output is open on (/dev/stdout): standard output
 *   no such file             created, as below, with the mode the umask gives
 *   a regular file           replaced atomically: the report goes to a temporary file in the
 *                            same directory, which takes the old file's permission bits (and
 *                            owner and group where the system allows), is synced, and is
 *                            renamed over it; a read-only file (no write bit) is refused
 *   a device or FIFO         written directly, never replaced or truncated
 *   a symbolic link          followed to a device or FIFO; refused to a regular file, a
 *                            directory or nothing, rather than replacing either the link or
 *                            the file it points to
 * The temporary file is made with O_TMPFILE, so it has no name until it is complete and a run
 * killed while writing leaves nothing behind; where the file system cannot, a named one is
 * used, removed on error and on SIGHUP, SIGINT, SIGTERM and SIGXFSZ (not SIGKILL). */

/* the named temporary file a signal handler removes; set only while one exists */
static char cleanup_path[PATH_MAX];
static volatile sig_atomic_t cleanup_armed;
static const gint cleanup_signals[] = {SIGHUP, SIGINT, SIGTERM, SIGXFSZ};

static void
cleanup_on_signal(gint sig)
{
	if (cleanup_armed)
		unlink(cleanup_path);
	/* SA_RESETHAND restored the default action: the signal still ends the run */
	raise(sig);
}

static void
arm_cleanup(const gchar *path, struct sigaction *saved)
{
	struct sigaction action = {0};

	if (g_strlcpy(cleanup_path, path, sizeof cleanup_path) >= sizeof cleanup_path)
		return;
	action.sa_handler = cleanup_on_signal;
	action.sa_flags = SA_RESETHAND;
	sigemptyset(&action.sa_mask);
	cleanup_armed = 1;
	for (guint i = 0; i < G_N_ELEMENTS(cleanup_signals); i++) {
		/* a signal the caller ignores (nohup) stays ignored: it ends nothing */
		if (sigaction(cleanup_signals[i], NULL, &saved[i]) == 0 &&
		    saved[i].sa_handler != SIG_IGN)
			sigaction(cleanup_signals[i], &action, NULL);
	}
}

static void
disarm_cleanup(const struct sigaction *saved)
{
	if (!cleanup_armed)
		return;
	for (guint i = 0; i < G_N_ELEMENTS(cleanup_signals); i++)
		sigaction(cleanup_signals[i], &saved[i], NULL);
	cleanup_armed = 0;
}

static gboolean
set_write_error(GError **error, const gchar *path, gint errsv)
{
	g_set_error(error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_WRITE,
		    "cannot write %s: %s",
		    path,
		    g_strerror(errsv));
	return FALSE;
}

static gboolean
write_all(gint fd, const gchar *data, gsize len)
{
	while (len > 0) {
		gssize n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return FALSE;
		data += n;
		len -= (gsize)n;
	}
	return TRUE;
}

static gboolean
write_stdout(const gchar *data, gsize len, GError **error)
{
	if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_WRITE,
			    "cannot write to standard output: %s",
			    g_strerror(errno));
		return FALSE;
	}
	return TRUE;
}

/* a device or FIFO: opened without O_CREAT or O_TRUNC and written as it is */
static gboolean
write_direct(const gchar *path, const gchar *data, gsize len, GError **error)
{
	struct stat st;
	gboolean ok;
	gint fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);

	if (fd < 0)
		return set_write_error(error, path, errno);
	/* it was no regular file a moment ago; writing in place into one would tear it */
	if (fstat(fd, &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) {
		close(fd);
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_WRITE,
			    "cannot write %s: it changed while being opened",
			    path);
		return FALSE;
	}
	ok = write_all(fd, data, len);
	if (!ok) {
		gint errsv = errno;
		close(fd);
		return set_write_error(error, path, errsv);
	}
	if (close(fd) != 0 && errno != EINTR)
		return set_write_error(error, path, errno);
	return TRUE;
}

/* the permission bits a new file gets: 0666 less the umask */
static mode_t
default_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

/* fills a temporary file: contents, then owner, group and mode of the file it replaces (the
 * owner only where allowed: root may, others may keep at most a group they belong to), then
 * fsync, so the rename never exposes a file that is incomplete or has the wrong mode */
static gboolean
fill_temporary(gint fd, const gchar *data, gsize len, const struct stat *old, mode_t mode)
{
	if (!write_all(fd, data, len))
		return FALSE;
	/* a file kept as the writer's own is no error, as with cp -p and sed -i */
	if (old != NULL && fchown(fd, old->st_uid, old->st_gid) != 0 &&
	    fchown(fd, (uid_t)-1, old->st_gid) != 0)
		g_debug("cannot keep owner %u and group %u", old->st_uid, old->st_gid);
	return fchmod(fd, mode) == 0 && fsync(fd) == 0;
}

/* gives the O_TMPFILE file @fd the name @name in @dirfd; /proc is the way for everyone,
 * AT_EMPTY_PATH the way without /proc (it needs CAP_DAC_READ_SEARCH) */
static gint
link_tmpfile(gint fd, gint dirfd, const gchar *name)
{
	g_autofree gchar *proc = g_strdup_printf("/proc/self/fd/%d", fd);

	if (linkat(AT_FDCWD, proc, dirfd, name, AT_SYMLINK_FOLLOW) == 0)
		return 0;
	if (errno == EEXIST)
		return -1;
	return linkat(fd, "", dirfd, name, AT_EMPTY_PATH);
}

/* a free temporary name beside @base, e.g. ".report.json.3fa2c1" */
static gchar *
temporary_name(const gchar *base)
{
	return g_strdup_printf(".%s.%06x", base, g_random_int() & 0xffffff);
}

/* links the complete O_TMPFILE file into place: straight to @base when nothing is there,
 * else under a temporary name renamed over @base (rename() replaces a link that appeared
 * meanwhile, never the file it points to). Only between that link and the rename does the
 * temporary file have a name */
static gboolean
link_into_place(gint fd,
		gint dirfd,
		const gchar *dir,
		const gchar *base,
		gboolean exists,
		gint *errsv)
{
	struct sigaction saved[G_N_ELEMENTS(cleanup_signals)];

	if (!exists && link_tmpfile(fd, dirfd, base) == 0)
		return TRUE;
	for (guint attempt = 0; attempt < 100; attempt++) {
		g_autofree gchar *name = temporary_name(base);
		g_autofree gchar *full = g_build_filename(dir, name, NULL);
		gboolean ok;

		arm_cleanup(full, saved);
		if (link_tmpfile(fd, dirfd, name) != 0) {
			*errsv = errno;
			disarm_cleanup(saved);
			if (*errsv == EEXIST)
				continue;
			return FALSE;
		}
		ok = renameat(dirfd, name, dirfd, base) == 0;
		*errsv = errno;
		if (!ok)
			unlinkat(dirfd, name, 0);
		disarm_cleanup(saved);
		return ok;
	}
	return FALSE;
}

/* the anonymous temporary file; %FALSE with *@errsv = 0 when the file system has no
 * O_TMPFILE, or there is no way to link one, so the caller falls back to a named one */
static gboolean
replace_with_tmpfile(gint dirfd,
		     const gchar *dir,
		     const gchar *base,
		     const gchar *data,
		     gsize len,
		     const struct stat *old,
		     mode_t mode,
		     gint *errsv)
{
	gint fd = openat(dirfd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
	gboolean ok;

	*errsv = 0;
	if (fd < 0) {
		if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
			*errsv = errno;
		return FALSE;
	}
	if (!fill_temporary(fd, data, len, old, mode)) {
		*errsv = errno;
		close(fd);
		return FALSE;
	}
	ok = link_into_place(fd, dirfd, dir, base, old != NULL, errsv);
	close(fd);
	/* no /proc, and no CAP_DAC_READ_SEARCH for AT_EMPTY_PATH: a named file will do */
	if (!ok && (*errsv == ENOENT || *errsv == EPERM || *errsv == EOPNOTSUPP))
		*errsv = 0;
	return ok;
}

/* the fallback: a named temporary file, removed on error and on the catchable signals */
static gboolean
replace_with_named(gint dirfd,
		   const gchar *dir,
		   const gchar *base,
		   const gchar *data,
		   gsize len,
		   const struct stat *old,
		   mode_t mode,
		   gint *errsv)
{
	struct sigaction saved[G_N_ELEMENTS(cleanup_signals)];
	g_autofree gchar *name = NULL;
	g_autofree gchar *full = NULL;
	gboolean ok;
	gint fd = -1;

	for (guint attempt = 0; fd < 0 && attempt < 100; attempt++) {
		g_free(name);
		g_free(full);
		name = temporary_name(base);
		full = g_build_filename(dir, name, NULL);
		arm_cleanup(full, saved);
		fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		*errsv = errno;
		if (fd < 0)
			disarm_cleanup(saved);
		if (fd < 0 && *errsv != EEXIST)
			return FALSE;
	}
	if (fd < 0)
		return FALSE;
	ok = fill_temporary(fd, data, len, old, mode);
	*errsv = errno;
	close(fd);
	if (ok && renameat(dirfd, name, dirfd, base) != 0) {
		ok = FALSE;
		*errsv = errno;
	}
	if (!ok)
		unlinkat(dirfd, name, 0);
	disarm_cleanup(saved);
	return ok;
}

/* creates or atomically replaces the regular file @path; @old is what lstat() found there */
static gboolean
replace_file(const gchar *path,
	     const gchar *data,
	     gsize len,
	     const struct stat *old,
	     AccordCliOutputFlags flags,
	     GError **error)
{
	g_autofree gchar *dir = g_path_get_dirname(path);
	g_autofree gchar *base = g_path_get_basename(path);
	mode_t mode = old != NULL ? old->st_mode & 0777 : default_mode();
	gint dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	gint errsv = 0;
	gboolean ok = FALSE;

	if (dirfd < 0)
		return set_write_error(error, path, errno);
	if ((flags & ACCORD_CLI_OUTPUT_NO_TMPFILE) == 0)
		ok = replace_with_tmpfile(dirfd, dir, base, data, len, old, mode, &errsv);
	if (!ok && errsv == 0)
		ok = replace_with_named(dirfd, dir, base, data, len, old, mode, &errsv);
	/* the rename is only durable once the directory is synced; a failure here loses nothing */
	if (ok)
		fsync(dirfd);
	close(dirfd);
	if (!ok)
		return set_write_error(error, path, errsv != 0 ? errsv : EIO);
	return TRUE;
}

static gboolean
refuse(GError **error, const gchar *path, const gchar *why)
{
	g_set_error(error, ACCORD_ERROR, ACCORD_ERROR_WRITE, "cannot write %s: %s", path, why);
	return FALSE;
}

/* a symbolic link: written through only to a device or FIFO (so /dev/stdout works) */
static gboolean
write_link(const gchar *path, const gchar *data, gsize len, GError **error)
{
	struct stat st;

	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
		return write_direct(path, data, len, error);
	return refuse(error,
		      path,
		      "it is a symbolic link; --output follows one only to a device or FIFO, so "
		      "name the file it points to");
}

/* is @path the file standard output is open on, e.g. /dev/stdout? */
static gboolean
is_stdout(const gchar *path)
{
	struct stat a, b;

	return stat(path, &a) == 0 && fstat(STDOUT_FILENO, &b) == 0 && a.st_dev == b.st_dev &&
	       a.st_ino == b.st_ino;
}

/**
 * accord_cli_output_check:
 * @path: (nullable): the value of --output
 * @error: return location for an `ACCORD_ERROR`
 *
 * Returns: %FALSE with `ACCORD_ERROR_USAGE` for an empty path, which names no file
 */
gboolean
accord_cli_output_check(const gchar *path, GError **error)
{
	if (path == NULL || path[0] != '\0')
		return TRUE;
	g_set_error_literal(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "--output needs a file name, or - for standard output");
	return FALSE;
}

/**
 * accord_cli_output_write:
 * @path: (nullable): the value of --output; %NULL or `-` for standard output
 * @data: the bytes to write
 * @len: how many
 * @flags: %ACCORD_CLI_OUTPUT_NO_TMPFILE to use the fallback without O_TMPFILE (for tests)
 * @error: return location for an `ACCORD_ERROR`
 *
 * Writes a report as the comment at the top of this file says.
 *
 * Returns: %TRUE, or %FALSE with `ACCORD_ERROR_USAGE` (empty path) or `ACCORD_ERROR_WRITE`
 *   (nothing was replaced, truncated or left behind)
 */
gboolean
accord_cli_output_write(const gchar *path,
			const gchar *data,
			gsize len,
			AccordCliOutputFlags flags,
			GError **error)
{
	struct stat st;

	if (!accord_cli_output_check(path, error))
		return FALSE;
	if (path == NULL || g_strcmp0(path, "-") == 0 || is_stdout(path))
		return write_stdout(data, len, error);
	if (lstat(path, &st) != 0) {
		if (errno != ENOENT)
			return set_write_error(error, path, errno);
		return replace_file(path, data, len, NULL, flags, error);
	}
	if (S_ISLNK(st.st_mode))
		return write_link(path, data, len, error);
	if (S_ISDIR(st.st_mode))
		return refuse(error, path, "it is a directory");
	if (!S_ISREG(st.st_mode))
		return write_direct(path, data, len, error);
	/* nobody may write it: someone meant it to stay as it is */
	if ((st.st_mode & 0222) == 0)
		return refuse(error, path, "it is read-only; make it writable to replace it");
	return replace_file(path, data, len, &st, flags, error);
}

/* a report written in pieces, as a batch produces it: standard output gets each piece as it
 * comes; any other --output gets them through an unnamed temporary spool and is written once,
 * at the end, by accord_cli_output_write(), so it is never left half-written */
struct _AccordCliStream {
	gchar *path;
	FILE *spool; /* NULL for standard output */
};

/**
 * accord_cli_stream_new:
 * @path: (nullable): the value of --output
 * @error: return location for an `ACCORD_ERROR`
 *
 * Returns: (transfer full) (nullable): the stream, or %NULL with `ACCORD_ERROR_WRITE` when
 *   no spool can be made
 */
AccordCliStream *
accord_cli_stream_new(const gchar *path, GError **error)
{
	AccordCliStream *self = g_new0(AccordCliStream, 1);

	if (path != NULL && g_strcmp0(path, "-") != 0 && !is_stdout(path)) {
		self->spool = tmpfile();
		if (self->spool == NULL) {
			set_write_error(error, "a temporary file", errno);
			g_free(self);
			return NULL;
		}
		self->path = g_strdup(path);
	}
	return self;
}

/**
 * accord_cli_stream_write:
 * @self: a stream
 * @data: the bytes of one piece
 * @len: how many
 * @error: return location for an `ACCORD_ERROR`
 */
gboolean
accord_cli_stream_write(AccordCliStream *self, const gchar *data, gsize len, GError **error)
{
	if (fwrite(data, 1, len, self->spool != NULL ? self->spool : stdout) == len)
		return TRUE;
	return set_write_error(error,
			       self->spool != NULL ? "a temporary file" : "standard output",
			       errno);
}

/**
 * accord_cli_stream_close:
 * @self: a stream
 * @error: return location for an `ACCORD_ERROR`
 *
 * Writes what the stream holds to its file, as accord_cli_output_write() does, or flushes
 * standard output.
 */
gboolean
accord_cli_stream_close(AccordCliStream *self, GError **error)
{
	g_autoptr(GMappedFile) map = NULL;
	g_autoptr(GError) local = NULL;

	if (self->spool == NULL)
		return write_stdout("", 0, error);
	if (fflush(self->spool) != 0)
		return set_write_error(error, "a temporary file", errno);
	if (ftell(self->spool) == 0)
		return accord_cli_output_write(self->path, "", 0, ACCORD_CLI_OUTPUT_NONE, error);
	map = g_mapped_file_new_from_fd(fileno(self->spool), FALSE, &local);
	if (map == NULL)
		return set_write_error(error, "a temporary file", EIO);
	return accord_cli_output_write(self->path,
				       g_mapped_file_get_contents(map),
				       g_mapped_file_get_length(map),
				       ACCORD_CLI_OUTPUT_NONE,
				       error);
}

/**
 * accord_cli_stream_free:
 * @self: (nullable): a stream; its spool, written or not, is removed
 */
void
accord_cli_stream_free(AccordCliStream *self)
{
	if (self == NULL)
		return;
	if (self->spool != NULL)
		fclose(self->spool);
	g_free(self->path);
	g_free(self);
}
