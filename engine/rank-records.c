#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "accord/error.h"
#include "profile-private.h"
#include "rank-private.h"

/* what a row holds besides its profile; its cells follow it in the record */
typedef struct {
	gdouble mean;
	gdouble mean_without_assumptions;
	guint64 strings; /* where its strings start in the strings file */
	guint32 n_strings;
	guint32 position;
	guint32 tied;
	guint32 outcomes[ACCORD_OUTCOME_NOT_APPLICABLE + 1];
	guint32 waived;
	guint32 not_counted;
} Head;

struct _AccordRankRecords {
	gint records; /* fds of unlinked temporary files */
	gint strings;
	guint n_cells;
	gsize size; /* of a record */
	guint n;
	guint64 strings_end;
	guint8 *buffer;	 /* one record */
	GError *failure; /* the first read or update that failed; every later row is suspect */
};

static gint
open_unlinked(GError **error)
{
	g_autofree gchar *path = NULL;
	g_autoptr(GError) local = NULL;
	gint fd = g_file_open_tmp("accord-rank-XXXXXX", &path, &local);

	if (fd >= 0) {
		g_unlink(path);
		return fd;
	}
	g_set_error(error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_IO,
		    "cannot make the ranking's temporary file: %s",
		    local->message);
	return -1;
}

AccordRankRecords *
accord_rank_records_new(guint n_cells, GError **error)
{
	g_autoptr(AccordRankRecords) self = g_new0(AccordRankRecords, 1);

	self->records = self->strings = -1;
	self->n_cells = n_cells;
	self->size = sizeof(Head) + n_cells * sizeof(AccordRankCell);
	self->buffer = g_malloc0(self->size);
	if ((self->records = open_unlinked(error)) < 0 ||
	    (self->strings = open_unlinked(error)) < 0)
		return NULL;
	return g_steal_pointer(&self);
}

void
accord_rank_records_free(AccordRankRecords *self)
{
	if (self == NULL)
		return;
	if (self->records >= 0)
		close(self->records);
	if (self->strings >= 0)
		close(self->strings);
	g_free(self->buffer);
	g_clear_error(&self->failure);
	g_free(self);
}

guint
accord_rank_records_get_n(const AccordRankRecords *self)
{
	return self->n;
}

static gboolean
write_at(gint fd, const void *data, gsize len, guint64 at, GError **error)
{
	for (gsize done = 0; done < len;) {
		gssize n = pwrite(fd, (const guint8 *)data + done, len - done, (off_t)(at + done));

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			g_set_error(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_IO,
				    "cannot write the ranking's temporary file (in %s): %s",
				    g_get_tmp_dir(),
				    g_strerror(errno));
			return FALSE;
		}
		done += (gsize)n;
	}
	return TRUE;
}

/* the first failure is kept: a row read back from a failing disk is wrong, so the ranking
 * reports it (accord_ranking_check_rows()) before its output is committed */
static void
fail(AccordRankRecords *self, const gchar *what, gint errsv)
{
	if (self->failure != NULL)
		return;
	self->failure = g_error_new(ACCORD_ERROR,
				    ACCORD_ERROR_IO,
				    "cannot %s the ranking's temporary file (in %s): %s",
				    what,
				    g_get_tmp_dir(),
				    g_strerror(errsv));
}

/* a file this process wrote: a short read is a failing disk; the row reads as zeros and the
 * failure is kept */
static gboolean
read_at(AccordRankRecords *self, gint fd, void *data, gsize len, guint64 at)
{
	for (gsize done = 0; done < len;) {
		gssize n = pread(fd, (guint8 *)data + done, len - done, (off_t)(at + done));

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			fail(self, "read", n == 0 ? EIO : errno);
			memset(data, 0, len);
			return FALSE;
		}
		done += (gsize)n;
	}
	return TRUE;
}

static void
put_string(GByteArray *out, const gchar *s)
{
	guint8 present = s != NULL;

	g_byte_array_append(out, &present, 1);
	if (s != NULL)
		g_byte_array_append(out, (const guint8 *)s, (guint)strlen(s) + 1);
}

/* the summary's strings: file, identity, country, name, as-of, then its index figures */
static void
put_profile(GByteArray *out, const AccordProfile *p)
{
	guint32 n = accord_profile_get_n_index_figures(p);

	put_string(out, accord_profile_get_filename(p));
	put_string(out, accord_profile_get_id(p));
	put_string(out, accord_profile_get_country(p));
	put_string(out, accord_profile_get_name(p));
	put_string(out, accord_profile_get_as_of(p));
	g_byte_array_append(out, (const guint8 *)&n, sizeof n);
	for (guint i = 0; i < n; i++) {
		const AccordIndexFigure *f = accord_profile_get_index_figure(p, i);
		gdouble value = accord_index_figure_get_value(f);
		guint32 rank = accord_index_figure_get_rank(f);

		put_string(out, accord_index_figure_get_name(f));
		put_string(out, accord_index_figure_get_source(f));
		g_byte_array_append(out, (const guint8 *)&value, sizeof value);
		g_byte_array_append(out, (const guint8 *)&rank, sizeof rank);
	}
}

gboolean
accord_rank_records_append(AccordRankRecords *self,
			   const AccordRankRow *row,
			   const AccordRankCell *cells,
			   GError **error)
{
	g_autoptr(GByteArray) strings = g_byte_array_new();
	Head head =
	    {row->mean, row->mean_without_assumptions, self->strings_end, 0, 0, 0, {0}, 0, 0};

	put_profile(strings, row->profile);
	head.n_strings = strings->len;
	for (guint o = 0; o <= ACCORD_OUTCOME_NOT_APPLICABLE; o++)
		head.outcomes[o] = row->outcomes[o];
	head.waived = row->waived;
	head.not_counted = row->not_counted;
	memcpy(self->buffer, &head, sizeof head);
	memcpy(self->buffer + sizeof head, cells, self->n_cells * sizeof(AccordRankCell));
	if (!write_at(self->strings, strings->data, strings->len, self->strings_end, error) ||
	    !write_at(self->records,
		      self->buffer,
		      self->size,
		      (guint64)self->n * self->size,
		      error))
		return FALSE;
	self->strings_end += strings->len;
	self->n++;
	return TRUE;
}

/* the next string of a record's strings, or NULL; @at moves past it */
static gchar *
take_string(const GByteArray *in, gsize *at)
{
	gchar *s;

	if (*at >= in->len || in->data[(*at)++] == 0)
		return NULL;
	s = g_strndup((const gchar *)in->data + *at, in->len - *at);
	*at += strlen(s) + 1;
	return s;
}

static void
take(const GByteArray *in, gsize *at, void *out, gsize len)
{
	memset(out, 0, len);
	if (*at + len <= in->len)
		memcpy(out, in->data + *at, len);
	*at += len;
}

static GByteArray *
read_strings(AccordRankRecords *self, guint k, Head *head)
{
	GByteArray *strings = g_byte_array_new();

	read_at(self, self->records, head, sizeof *head, (guint64)k * self->size);
	g_byte_array_set_size(strings, head->n_strings);
	read_at(self, self->strings, strings->data, head->n_strings, head->strings);
	return strings;
}

/* a summary like accord_profile_new_summary()'s: identity, name, dates and index figures */
static AccordProfile *
take_profile(const GByteArray *in, const AccordVocabulary *vocab)
{
	gsize at = 0;
	g_autofree gchar *filename = take_string(in, &at);
	AccordProfile *p = accord_profile_builder_new(vocab, filename);
	gchar *id = take_string(in, &at), *country = take_string(in, &at);
	gchar *name = take_string(in, &at), *as_of = take_string(in, &at);
	guint32 n;

	/* a record read as zeros (accord_rank_records_check() reports it) has no strings */
	accord_profile_builder_set_header(p,
					  NULL,
					  country != NULL ? country : g_strdup(""),
					  name != NULL ? name : g_strdup(""),
					  as_of != NULL ? as_of : g_strdup(""),
					  id,
					  NULL);
	take(in, &at, &n, sizeof n);
	for (guint i = 0; i < n && at < in->len; i++) {
		gchar *figure = take_string(in, &at), *source = take_string(in, &at);
		gdouble value;
		guint32 rank;

		take(in, &at, &value, sizeof value);
		take(in, &at, &rank, sizeof rank);
		accord_profile_builder_put_figure(p, figure, value, rank, source);
	}
	return p;
}

/* record @k into @row (its profile a new summary, the caller's) and @cells */
gboolean
accord_rank_records_read(AccordRankRecords *self,
			 guint k,
			 const AccordVocabulary *vocab,
			 AccordRankRow *row,
			 AccordRankCell *cells)
{
	Head head;
	g_autoptr(GByteArray) strings = read_strings(self, k, &head);
	gboolean ok =
	    read_at(self, self->records, self->buffer, self->size, (guint64)k * self->size);

	memcpy(cells, self->buffer + sizeof head, self->n_cells * sizeof(AccordRankCell));
	row->profile = take_profile(strings, vocab);
	row->position = head.position;
	row->tied = head.tied != 0;
	row->mean = head.mean;
	row->mean_without_assumptions = head.mean_without_assumptions;
	for (guint o = 0; o <= ACCORD_OUTCOME_NOT_APPLICABLE; o++)
		row->outcomes[o] = head.outcomes[o];
	row->waived = head.waived;
	row->not_counted = head.not_counted;
	return ok;
}

/* record @k's identity (the second string) */
gchar *
accord_rank_records_get_id(AccordRankRecords *self, guint k)
{
	Head head;
	g_autoptr(GByteArray) strings = read_strings(self, k, &head);
	gsize at = 0;

	g_free(take_string(strings, &at));
	return take_string(strings, &at);
}

/* record @k's file (the first string) */
gchar *
accord_rank_records_get_filename(AccordRankRecords *self, guint k)
{
	Head head;
	g_autoptr(GByteArray) strings = read_strings(self, k, &head);
	gsize at = 0;

	return take_string(strings, &at);
}

/* the position and tie a ranking assigns record @k once sorted */
gboolean
accord_rank_records_set_place(AccordRankRecords *self, guint k, guint position, gboolean tied)
{
	guint32 place[2] = {position, tied};

	if (write_at(self->records,
		     place,
		     sizeof place,
		     (guint64)k * self->size + G_STRUCT_OFFSET(Head, position),
		     NULL))
		return TRUE;
	fail(self, "update", errno);
	return FALSE;
}

/* FALSE with the first failure to read or update the records, if any */
gboolean
accord_rank_records_check(const AccordRankRecords *self, GError **error)
{
	if (self->failure == NULL)
		return TRUE;
	g_propagate_error(error, g_error_copy(self->failure));
	return FALSE;
}
