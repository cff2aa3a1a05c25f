#include "config.h"

#include <string.h>

#include "cli.h"

/* A batch: the profiles named by the arguments (an id or file each, a directory's *.xml
 * files in name order, the paths of a list file @LIST, or of standard input -, one per
 * line), each loaded, processed and freed on one of --threads workers, the results consumed
 * in input order on the main thread. At most WINDOW_PER_THREAD × threads profiles are in
 * flight, so memory stays flat however long the batch; lists are read as they are consumed.
 * The output is the same with any number of threads: only the order of the work differs. */

/* deep enough that a worker seldom waits for the main thread on a loaded machine, where a
 * woken thread may wait milliseconds for a processor and a profile takes a third of one */
#define WINDOW_PER_THREAD 32

/* where the next path comes from */
typedef struct {
	char **args;
	gint n_args;
	gint next_arg;
	GPtrArray *names; /* of the directory being read: full paths, sorted */
	guint next_name;
	GIOChannel *lines; /* of the list being read */
	gchar *list;	   /* its name, for errors */
	gboolean stdin_used;
} Source;

/* one profile's work */
typedef struct {
	guint64 index;
	gchar *path;
	gpointer result; /* NULL without error: the profile is left out */
	GError *error;
} Job;

typedef struct {
	const AccordCliBatch *batch;
	GAsyncQueue *done; /* Job*, in the order they finish */
} Shared;

static void
job_free(Job *job, const AccordCliBatch *batch)
{
	if (job->result != NULL)
		batch->free_result(job->result);
	g_clear_error(&job->error);
	g_free(job->path);
	g_free(job);
}

/**
 * accord_cli_is_batch:
 * @argc: arguments after the options; argv[0] is the verb
 * @argv: the arguments
 *
 * Returns: %TRUE when the arguments may name several profiles: more than one, or a
 *   directory, a list (@LIST) or standard input (-)
 */
gboolean
accord_cli_is_batch(int argc, char **argv)
{
	if (argc > 2)
		return TRUE;
	return argc == 2 && (g_strcmp0(argv[1], "-") == 0 || argv[1][0] == '@' ||
			     g_file_test(argv[1], G_FILE_TEST_IS_DIR));
}

static gint
compare_paths(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const gchar *const *)a, *(const gchar *const *)b);
}

static GPtrArray *
list_directory(const gchar *dir, GError **error)
{
	g_autoptr(GError) local = NULL;
	g_autoptr(GDir) d = g_dir_open(dir, 0, &local);
	GPtrArray *names;
	const gchar *name;

	if (d == NULL) {
		g_set_error(error, ACCORD_ERROR, ACCORD_ERROR_IO, "%s: %s", dir, local->message);
		return NULL;
	}
	names = g_ptr_array_new_with_free_func(g_free);
	while ((name = g_dir_read_name(d)) != NULL) {
		if (g_str_has_suffix(name, ".xml"))
			g_ptr_array_add(names, g_build_filename(dir, name, NULL));
	}
	g_ptr_array_sort(names, compare_paths);
	return names;
}

static GIOChannel *
open_list(const gchar *arg, Source *s, GError **error)
{
	g_autoptr(GError) local = NULL;
	GIOChannel *channel;

	if (g_strcmp0(arg, "-") == 0) {
		if (s->stdin_used) {
			g_set_error_literal(error,
					    ACCORD_ERROR,
					    ACCORD_ERROR_USAGE,
					    "standard input (-) can be read once only");
			return NULL;
		}
		s->stdin_used = TRUE;
		channel = g_io_channel_unix_new(0);
	} else if ((channel = g_io_channel_new_file(arg + 1, "r", &local)) == NULL) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_IO,
			    "%s: cannot read the list: %s",
			    arg + 1,
			    local->message);
		return NULL;
	}
	/* paths are bytes, whatever the locale */
	g_io_channel_set_encoding(channel, NULL, NULL);
	return channel;
}

/* the next line of the list being read that is not blank; NULL at its end */
static gchar *
next_line(Source *s, GError **error)
{
	g_autoptr(GError) local = NULL;
	gchar *line = NULL;
	GIOStatus status;

	while ((status = g_io_channel_read_line(s->lines, &line, NULL, NULL, &local)) ==
	       G_IO_STATUS_NORMAL) {
		g_strchomp(line);
		if (line[0] != '\0')
			return line;
		g_clear_pointer(&line, g_free);
	}
	g_free(line);
	if (status == G_IO_STATUS_ERROR)
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_IO,
			    "%s: cannot read the list: %s",
			    s->list,
			    local != NULL ? local->message : "read error");
	g_clear_pointer(&s->lines, g_io_channel_unref);
	return NULL;
}

/* the next path, or NULL at the end (or with @error set) */
static gchar *
source_next(Source *s, GError **error)
{
	while (TRUE) {
		const gchar *arg;

		if (s->names != NULL && s->next_name < s->names->len)
			return g_strdup(g_ptr_array_index(s->names, s->next_name++));
		g_clear_pointer(&s->names, g_ptr_array_unref);
		if (s->lines != NULL) {
			g_autoptr(GError) local = NULL;
			gchar *line = next_line(s, &local);

			if (line != NULL)
				return line;
			if (local != NULL) {
				g_propagate_error(error, g_steal_pointer(&local));
				return NULL;
			}
		}
		if (s->next_arg >= s->n_args)
			return NULL;
		arg = s->args[s->next_arg++];
		if (g_strcmp0(arg, "-") == 0 || arg[0] == '@') {
			g_free(s->list);
			s->list = g_strdup(g_strcmp0(arg, "-") == 0 ? "standard input" : arg + 1);
			if ((s->lines = open_list(arg, s, error)) == NULL)
				return NULL;
		} else if (g_file_test(arg, G_FILE_TEST_IS_DIR)) {
			s->next_name = 0;
			if ((s->names = list_directory(arg, error)) == NULL)
				return NULL;
		} else {
			return g_strdup(arg);
		}
	}
}

static void
source_clear(Source *s)
{
	g_clear_pointer(&s->names, g_ptr_array_unref);
	g_clear_pointer(&s->lines, g_io_channel_unref);
	g_clear_pointer(&s->list, g_free);
}

/* load, process, free: in a worker, or on the main thread with one thread */
static void
run_job(const AccordCliBatch *batch, Job *job)
{
	g_autoptr(AccordProfile) profile =
	    accord_cli_load_profile(batch->vocabulary, job->path, &job->error);

	if (profile != NULL)
		job->result = batch->process(profile, batch->data, &job->error);
}

static void
worker(gpointer data, gpointer user_data)
{
	Shared *shared = user_data;

	run_job(shared->batch, data);
	g_async_queue_push(shared->done, data);
}

typedef struct {
	gboolean is_batch;
	guint n_failed;
	GError *first; /* the first failure */
} Tally;

/* a failure in a batch is reported at once, with its file, and the batch goes on; a single
 * profile's failure is the verb's */
static void
report_failure(Tally *tally, Job *job)
{
	if (tally->is_batch && !g_str_has_prefix(job->error->message, job->path))
		g_prefix_error(&job->error, "%s: ", job->path);
	if (tally->is_batch)
		accord_cli_print_error(job->error->message);
	if (tally->n_failed++ == 0)
		tally->first = g_steal_pointer(&job->error);
}

/* in input order, on the main thread */
static gboolean
consume(const AccordCliBatch *batch, Tally *tally, Job *job, GError **error)
{
	gboolean ok = TRUE;

	if (job->error != NULL)
		report_failure(tally, job);
	else if (job->result != NULL)
		ok = batch->consume(g_steal_pointer(&job->result), batch->data, error);
	job_free(job, batch);
	return ok;
}

static gboolean
run_inline(const AccordCliBatch *batch, Source *source, Tally *tally, GError **error)
{
	g_autoptr(GError) local = NULL;
	gchar *path;

	for (guint64 i = 0; (path = source_next(source, &local)) != NULL; i++) {
		Job *job = g_new0(Job, 1);

		job->index = i;
		job->path = path;
		run_job(batch, job);
		if (!consume(batch, tally, job, error))
			return FALSE;
	}
	if (local == NULL)
		return TRUE;
	g_propagate_error(error, g_steal_pointer(&local));
	return FALSE;
}

/* the next job in input order, waiting for it; the others that finish meanwhile are parked
 * in the ring, at their index modulo its size */
static Job *
wait_for(Shared *shared, Job **ring, guint size, guint64 index)
{
	while (ring[index % size] == NULL) {
		Job *job = g_async_queue_pop(shared->done);

		ring[job->index % size] = job;
	}
	return g_steal_pointer(&ring[index % size]);
}

static gboolean
run_threaded(const AccordCliBatch *batch, Source *source, Tally *tally, GError **error)
{
	Shared shared = {batch, g_async_queue_new()};
	guint size = batch->threads * WINDOW_PER_THREAD;
	g_autofree Job **ring = g_new0(Job *, size);
	GThreadPool *pool = g_thread_pool_new(worker, &shared, (gint)batch->threads, TRUE, NULL);
	guint64 submitted = 0, consumed = 0;
	gboolean ok = TRUE, more = TRUE;

	while (ok) {
		while (more && submitted - consumed < size) {
			g_autoptr(GError) local = NULL;
			gchar *path = source_next(source, &local);
			Job *job;

			if (path == NULL) {
				more = FALSE;
				ok = local == NULL;
				if (local != NULL)
					g_propagate_error(error, g_steal_pointer(&local));
				break;
			}
			job = g_new0(Job, 1);
			job->index = submitted++;
			job->path = path;
			g_thread_pool_push(pool, job, NULL);
		}
		if (!ok || consumed == submitted)
			break;
		ok = consume(batch, tally, wait_for(&shared, ring, size, consumed++), error);
	}
	/* on a fatal error the queued jobs still run; then everything is freed */
	g_thread_pool_free(pool, FALSE, TRUE);
	while (consumed < submitted)
		job_free(wait_for(&shared, ring, size, consumed++), batch);
	g_async_queue_unref(shared.done);
	return ok;
}

/**
 * accord_cli_batch_run:
 * @batch: what to do with each profile
 * @argc: arguments after the options; argv[0] is the verb
 * @argv: the arguments: profile ids or files, directories, @LIST files, or -
 * @error: return location for an `ACCORD_ERROR`
 *
 * Runs @batch over the profiles the arguments name. A profile that fails to load or process
 * is reported on standard error with its file (and line, for a load error) when the
 * arguments make a batch (accord_cli_is_batch()), and the others are still processed; the
 * run then fails with an input error (exit status 3) saying how many failed. With a single
 * profile, its error is the run's.
 *
 * Returns: %TRUE when every profile was processed
 */
gboolean
accord_cli_batch_run(const AccordCliBatch *batch, int argc, char **argv, GError **error)
{
	Source source = {argv + 1, argc - 1, 0, NULL, 0, NULL, NULL, FALSE};
	Tally tally = {accord_cli_is_batch(argc, argv), 0, NULL};
	g_autoptr(GError) first = NULL;
	gboolean ok;

	ok = batch->threads <= 1 ? run_inline(batch, &source, &tally, error)
				 : run_threaded(batch, &source, &tally, error);
	source_clear(&source);
	first = tally.first;
	if (!ok || tally.n_failed == 0)
		return ok;
	if (!tally.is_batch) {
		g_propagate_error(error, g_steal_pointer(&first));
		return FALSE;
	}
	g_set_error(error,
		    ACCORD_ERROR,
		    accord_error_is_input(first) ? first->code : ACCORD_ERROR_IO,
		    "%u profile%s of the batch could not be processed (above); the others were",
		    tally.n_failed,
		    tally.n_failed == 1 ? "" : "s");
	return FALSE;
}
