#include "config.h"

#include <gsl/gsl_statistics_double.h>
#include <math.h>

#include "accord/error.h"
#include "accord/rank.h"
#include "profile-private.h"
#include "rank-private.h"

/* two scores closer than this are a tie: they come from sums of user weights, so "equal by
 * hand" can differ in the last bits */
#define TIE_EPSILON 1e-9

/* one country: its row and one cell per ruleset; neither the assessments nor the profile
 * are kept, only a summary of it (accord_profile_new_summary()), so a batch of any size
 * ranks in a few hundred bytes a country */
struct _AccordRankEntry {
	AccordRankRow row;
	AccordRankCell *cells; /* by ruleset index */
	gdouble *plain;	       /* overall without assumptions, by ruleset index */
};
typedef AccordRankEntry Entry;

/* The rows live in records on disk (rank-records.c), in the order added; memory holds a
 * mean a country while adding, then its record's place once sorted: 12 bytes a country at
 * most, so a ranking of 100,000 countries costs about a megabyte. One row at a time is read
 * back, into @current. */
struct _AccordRanking {
	/* assumptions and waivers: the caller's, until finished; its date is @day */
	AccordAssessmentOptions options;
	gchar *day; /* the day waivers and evidence ages are measured on */
	AccordRankMean mean;
	gboolean assumed;	      /* some assumption applied to some country */
	gboolean not_counted;	      /* the fact filter left out some fact of some country */
	gboolean finished;	      /* sorted, positions assigned; nothing more may be added */
	gboolean repeated;	      /* some country has several profiles (snapshots) */
	gboolean tiered;	      /* accord_ranking_set_tiers() was called */
	GPtrArray *rulesets;	      /* AccordRuleset*, a reference each */
	AccordRankRecords *records;   /* every row, in the order added */
	AccordVocabulary *vocabulary; /* the profiles', to read their summaries back */
	GArray *means;		      /* gdouble by record, until sorted */
	guint32 *order;		      /* the record of each row, best first, once finished */
	GHashTable *assumed_rows;     /* record + 1 → the summary with its assumed facts */
	GHashTable *countries;	      /* country codes seen: a few hundred at most */
	Entry current;		      /* the row read last, @current_row */
	guint current_row;
	GArray *cutoffs; /* gdouble, descending */
	GArray *correlations;
};

static const gchar *const mean_names[] = {"all", "verified"};

/**
 * accord_rank_mean_to_string:
 * @mean: which rulesets a mean averages
 *
 * Returns: (transfer none): its name: all or verified
 */
const gchar *
accord_rank_mean_to_string(AccordRankMean mean)
{
	g_return_val_if_fail(mean <= ACCORD_RANK_MEAN_VERIFIED, NULL);
	return mean_names[mean];
}

static gchar *
today(void)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_local();

	return g_date_time_format(now, "%Y-%m-%d");
}

/**
 * accord_rank_entry_free:
 * @entry: (nullable) (transfer full): an entry not added to a ranking
 */
void
accord_rank_entry_free(AccordRankEntry *entry)
{
	if (entry == NULL)
		return;
	accord_profile_unref((AccordProfile *)entry->row.profile);
	if (entry->row.assumed != NULL)
		accord_profile_unref((AccordProfile *)entry->row.assumed);
	g_free(entry->cells);
	g_free(entry->plain);
	g_free(entry);
}

static void
clear_correlation(gpointer data)
{
	AccordCorrelation *c = data;

	g_free(c->index_name);
	for (guint i = 0; i < c->deviations->len; i++)
		accord_profile_unref(
		    (AccordProfile *)g_array_index(c->deviations, AccordRankDeviation, i).profile);
	g_array_unref(c->deviations);
}

/**
 * accord_ranking_averages:
 * @self: a ranking
 * @ruleset_index: a ruleset
 *
 * Returns: %TRUE when the ruleset enters each country's mean (every ruleset, or under
 *   %ACCORD_RANK_MEAN_VERIFIED the verified ones)
 */
gboolean
accord_ranking_averages(const AccordRanking *self, guint ruleset_index)
{
	g_return_val_if_fail(self != NULL && ruleset_index < self->rulesets->len, FALSE);
	return self->mean == ACCORD_RANK_MEAN_ALL ||
	       accord_ruleset_is_verified(g_ptr_array_index(self->rulesets, ruleset_index));
}

/* the mean of the averaged rulesets' applicable scores; NAN when none applies */
static gdouble
mean_of(const AccordRanking *self, const AccordRankCell *cells, const gdouble *plain)
{
	gdouble sum = 0;
	guint n = 0;

	for (guint i = 0; i < self->rulesets->len; i++) {
		gdouble v = plain != NULL ? plain[i] : cells[i].score;

		if (!cells[i].applicable || !accord_ranking_averages(self, i))
			continue;
		sum += v;
		n++;
	}
	return n > 0 ? sum / n : NAN;
}

/* what the views show of one assessment: the cell, the outcome counts, the waived count */
static void
reduce(Entry *entry, guint r, const AccordAssessment *a)
{
	const AccordScore *score = accord_assessment_get_score(a, ACCORD_VARIANT_AS_GIVEN);
	const AccordScoreItem *o = accord_score_get_overall(score);
	const AccordEvaluation *evaluation = accord_score_get_evaluation(score);
	const AccordRuleset *rs = accord_evaluation_get_ruleset(evaluation);
	const AccordWaiverOutcome *waivers = accord_assessment_get_waivers(a);
	AccordVariant plain = accord_assessment_has_variant(a, ACCORD_VARIANT_WITHOUT_ASSUMPTIONS)
				  ? ACCORD_VARIANT_WITHOUT_ASSUMPTIONS
				  : ACCORD_VARIANT_AS_GIVEN;

	entry->cells[r] = (AccordRankCell){o->applicable,
					   o->value,
					   o->coverage,
					   o->coverage_high,
					   o->low_confidence};
	entry->plain[r] = accord_score_get_overall(accord_assessment_get_score(a, plain))->value;
	for (guint i = 0; i < accord_ruleset_get_n_criteria(rs); i++)
		entry->row
		    .outcomes[accord_evaluation_get_result(evaluation,
							   accord_ruleset_get_criterion(rs, i))
				  ->outcome]++;
	/* every ruleset reads the same profile through the same filter: count its drops once */
	if (r == 0)
		entry->row.not_counted =
		    accord_profile_get_n_dropped(accord_evaluation_get_profile(evaluation));
	for (guint i = 0; waivers != NULL && i < accord_waiver_outcome_get_n_uses(waivers); i++)
		entry->row.waived +=
		    accord_waiver_outcome_get_use(waivers, i)->status == ACCORD_WAIVER_APPLIED;
	if (entry->row.assumed == NULL && plain == ACCORD_VARIANT_WITHOUT_ASSUMPTIONS)
		entry->row.assumed =
		    accord_profile_new_summary(accord_evaluation_get_profile(evaluation), TRUE);
}

/**
 * accord_ranking_assess:
 * @self: a ranking being filled (accord_ranking_new_empty())
 * @profile: a profile loaded with the rulesets' vocabulary
 * @error: return location for an `ACCORD_ERROR`
 *
 * Assesses @profile against every ruleset of the ranking, under its options, and reduces the
 * assessments to the country's row and cells; the profile is not kept. The ranking is only
 * read, so several threads may assess at once; accord_ranking_add() then adds the entries in
 * one thread.
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL with @error set as by
 *   accord_assess()
 */
AccordRankEntry *
accord_ranking_assess(const AccordRanking *self, const AccordProfile *profile, GError **error)
{
	Entry *entry;

	g_return_val_if_fail(self != NULL && profile != NULL && !self->finished, NULL);
	entry = g_new0(Entry, 1);
	entry->row.profile = accord_profile_new_summary(profile, FALSE);
	entry->cells = g_new0(AccordRankCell, self->rulesets->len);
	entry->plain = g_new0(gdouble, self->rulesets->len);
	for (guint i = 0; i < self->rulesets->len; i++) {
		g_autoptr(AccordAssessment) a = accord_assess(g_ptr_array_index(self->rulesets, i),
							      profile,
							      &self->options,
							      error);

		if (a == NULL) {
			accord_rank_entry_free(entry);
			return NULL;
		}
		reduce(entry, i, a);
	}
	entry->row.mean = mean_of(self, entry->cells, NULL);
	entry->row.mean_without_assumptions = mean_of(self, entry->cells, entry->plain);
	return entry;
}

/* best mean first; a country nothing applies to goes last; ties in the order of the
 * profiles' identities, so the output never depends on the order they were given in */
static gint
compare_records(gconstpointer a, gconstpointer b, gpointer data)
{
	AccordRanking *self = data;
	gdouble x = g_array_index(self->means, gdouble, *(const guint32 *)a);
	gdouble y = g_array_index(self->means, gdouble, *(const guint32 *)b);
	gboolean xn = isnan(x), yn = isnan(y);
	g_autofree gchar *xid = NULL;
	g_autofree gchar *yid = NULL;

	if (xn != yn)
		return xn ? 1 : -1;
	if (!xn && fabs(x - y) > TIE_EPSILON)
		return x > y ? -1 : 1;
	xid = accord_rank_records_get_id(self->records, *(const guint32 *)a);
	yid = accord_rank_records_get_id(self->records, *(const guint32 *)b);
	return g_strcmp0(xid, yid);
}

static gboolean
same_score(const AccordRanking *self, guint i, guint j)
{
	gdouble x = g_array_index(self->means, gdouble, self->order[i]);
	gdouble y = g_array_index(self->means, gdouble, self->order[j]);

	if (isnan(x) || isnan(y))
		return isnan(x) && isnan(y);
	return fabs(x - y) <= TIE_EPSILON;
}

/* standard competition ranking: 1, 2, 2, 4; written into each record in one pass */
static gboolean
assign_positions(AccordRanking *self, GError **error)
{
	guint n = self->means->len, position = 0;

	self->order = g_new(guint32, n);
	for (guint i = 0; i < n; i++)
		self->order[i] = i;
	g_qsort_with_data(self->order, (gint)n, sizeof(guint32), compare_records, self);
	for (guint i = 0; i < n; i++) {
		gboolean before = i > 0 && same_score(self, i - 1, i);
		gboolean after = i + 1 < n && same_score(self, i, i + 1);

		position = before ? position : i + 1;
		if (!accord_rank_records_set_place(self->records,
						   self->order[i],
						   position,
						   before || after)) {
			g_set_error(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_IO,
				    "cannot write the ranking's temporary file (in %s)",
				    g_get_tmp_dir());
			return FALSE;
		}
	}
	g_clear_pointer(&self->means, g_array_unref);
	return TRUE;
}

/* a 64-bit FNV-1a hash of an identity, to find those given twice by sorting */
static guint64
hash_id(const gchar *id)
{
	guint64 h = 14695981039346656037ULL;

	for (const guchar *p = (const guchar *)id; p != NULL && *p != '\0'; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return h;
}

static gint
compare_hashes(gconstpointer a, gconstpointer b, gpointer hashes)
{
	guint64 x = ((const guint64 *)hashes)[*(const guint32 *)a];
	guint64 y = ((const guint64 *)hashes)[*(const guint32 *)b];

	if (x != y)
		return x < y ? -1 : 1;
	return *(const guint32 *)a < *(const guint32 *)b ? -1 : 1;
}

/* in the run @by[from, to) of records with the same hash, the first record given again: the
 * second of a pair with the same identity whose later record comes first in input order */
static void
first_repeat(AccordRanking *self,
	     const guint32 *by,
	     guint from,
	     guint to,
	     guint *first,
	     guint *again)
{
	for (guint j = from + 1; j < to && by[j] < *again; j++) {
		g_autofree gchar *id = accord_rank_records_get_id(self->records, by[j]);

		for (guint i = from; i < j; i++) {
			g_autofree gchar *other = accord_rank_records_get_id(self->records, by[i]);

			if (g_strcmp0(id, other) == 0) {
				*first = by[i];
				*again = by[j];
				return;
			}
		}
	}
}

/* identities must differ: the same error as a table of them would give on the second */
static gboolean
check_identities(AccordRanking *self, GError **error)
{
	guint n = accord_rank_records_get_n(self->records), first = 0, again = G_MAXUINT;
	g_autofree guint64 *hashes = g_new(guint64, n);
	g_autofree guint32 *by = g_new(guint32, n);
	g_autofree gchar *id = NULL;
	g_autofree gchar *a = NULL;
	g_autofree gchar *b = NULL;

	for (guint k = 0; k < n; k++) {
		g_autofree gchar *kid = accord_rank_records_get_id(self->records, k);

		hashes[k] = hash_id(kid);
		by[k] = k;
	}
	g_qsort_with_data(by, (gint)n, sizeof(guint32), compare_hashes, hashes);
	for (guint i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && hashes[by[j]] == hashes[by[i]]; j++)
			;
		if (j - i > 1)
			first_repeat(self, by, i, j, &first, &again);
	}
	if (again == G_MAXUINT)
		return TRUE;
	id = accord_rank_records_get_id(self->records, again);
	a = accord_rank_records_get_filename(self->records, first);
	b = accord_rank_records_get_filename(self->records, again);
	g_set_error(error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_USAGE,
		    "identity %s is given twice: %s and %s (give one an id attribute)",
		    id,
		    a,
		    b);
	return FALSE;
}

static gboolean
check_input(const GPtrArray *rulesets,
	    const AccordAssessmentOptions *options,
	    AccordRankMean mean,
	    GError **error)
{
	const gchar *problem = NULL;

	if (rulesets->len == 0)
		problem = "a ranking needs at least one ruleset";
	else if (options->score.tailoring != NULL)
		problem = "a ranking takes no tailoring: a tailoring belongs to one ruleset";
	for (guint i = 0; problem == NULL && i < rulesets->len; i++)
		for (guint j = 0; j < i; j++)
			if (g_strcmp0(accord_ruleset_get_id(g_ptr_array_index(rulesets, i)),
				      accord_ruleset_get_id(g_ptr_array_index(rulesets, j))) == 0)
				problem = "a ruleset is given twice";
	for (guint i = 0; problem == NULL && mean == ACCORD_RANK_MEAN_VERIFIED; i++) {
		if (i == rulesets->len)
			problem = "the mean over verified rulesets needs one: every ruleset given "
				  "rests on unverified text";
		else if (accord_ruleset_is_verified(g_ptr_array_index(rulesets, i)))
			break;
	}
	if (problem == NULL)
		return TRUE;
	g_set_error_literal(error, ACCORD_ERROR, ACCORD_ERROR_USAGE, problem);
	return FALSE;
}

/**
 * accord_ranking_new_empty:
 * @rulesets: (element-type AccordRuleset): one or more rulesets
 * @options: how to assess each country (assumptions, waivers, score options; no tailoring,
 *   which belongs to one ruleset); borrowed until accord_ranking_finish()
 * @mean: which rulesets each country's mean averages
 * @error: return location for an `ACCORD_ERROR`
 *
 * Starts a ranking that countries are added to one at a time, so a batch of any size is
 * ranked without keeping its profiles: accord_ranking_assess() (in any thread), then
 * accord_ranking_add() (in one), then accord_ranking_finish().
 *
 * Returns: (transfer full) (nullable): the empty ranking, or %NULL with `ACCORD_ERROR_USAGE`
 *   for no ruleset, a ruleset given twice, a tailoring, or a verified mean with no verified
 *   ruleset; or with `ACCORD_ERROR_IO` when its temporary files cannot be made
 */
AccordRanking *
accord_ranking_new_empty(const GPtrArray *rulesets,
			 const AccordAssessmentOptions *options,
			 AccordRankMean mean,
			 GError **error)
{
	g_autoptr(AccordRankRecords) records = NULL;
	AccordRanking *self;

	g_return_val_if_fail(rulesets != NULL && options != NULL, NULL);
	if (!check_input(rulesets, options, mean, error) ||
	    (records = accord_rank_records_new(rulesets->len, error)) == NULL)
		return NULL;
	self = g_new0(AccordRanking, 1);
	self->records = g_steal_pointer(&records);
	self->options = *options;
	/* one day for every country, even when the run crosses midnight */
	self->day = options->date != NULL ? g_strdup(options->date) : today();
	self->options.date = self->day;
	self->mean = mean;
	self->rulesets = g_ptr_array_new_with_free_func((GDestroyNotify)accord_ruleset_unref);
	self->means = g_array_new(FALSE, FALSE, sizeof(gdouble));
	self->assumed_rows =
	    g_hash_table_new_full(NULL, NULL, NULL, (GDestroyNotify)accord_profile_unref);
	self->countries = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	self->current.cells = g_new0(AccordRankCell, rulesets->len);
	self->current_row = G_MAXUINT;
	self->cutoffs = g_array_new(FALSE, FALSE, sizeof(gdouble));
	self->correlations = g_array_new(FALSE, TRUE, sizeof(AccordCorrelation));
	g_array_set_clear_func(self->correlations, clear_correlation);
	for (guint i = 0; i < rulesets->len; i++)
		g_ptr_array_add(self->rulesets, accord_ruleset_ref(g_ptr_array_index(rulesets, i)));
	return self;
}

/**
 * accord_ranking_add:
 * @self: a ranking being filled
 * @entry: (transfer full): an entry accord_ranking_assess() made for this ranking
 * @error: return location for an `ACCORD_ERROR`
 *
 * Adds a country's entry: it is written out of memory (to an unlinked file in the
 * temporary directory) and only its mean kept. Identities must differ
 * (accord_profile_get_id()): two snapshots of a country, or a country and one of its regions,
 * rank side by side; the same profile twice does not, which accord_ranking_finish() reports.
 *
 * Returns: %TRUE, or %FALSE with `ACCORD_ERROR_IO` when the entry cannot be written; the
 *   entry is freed either way
 */
gboolean
accord_ranking_add(AccordRanking *self, AccordRankEntry *entry, GError **error)
{
	const AccordProfile *p;
	guint k;

	g_return_val_if_fail(self != NULL && entry != NULL && !self->finished, FALSE);
	p = entry->row.profile;
	k = accord_rank_records_get_n(self->records);
	if (!accord_rank_records_append(self->records, &entry->row, entry->cells, error)) {
		accord_rank_entry_free(entry);
		return FALSE;
	}
	if (self->vocabulary == NULL)
		self->vocabulary = accord_vocabulary_ref(accord_profile_get_vocabulary(p));
	g_array_append_val(self->means, entry->row.mean);
	if (!g_hash_table_contains(self->countries, accord_profile_get_country(p)))
		g_hash_table_add(self->countries, g_strdup(accord_profile_get_country(p)));
	else
		self->repeated = TRUE;
	if (entry->row.assumed != NULL) {
		g_hash_table_insert(self->assumed_rows,
				    GUINT_TO_POINTER(k + 1),
				    (gpointer)g_steal_pointer(&entry->row.assumed));
		self->assumed = TRUE;
	}
	self->not_counted |= entry->row.not_counted > 0;
	accord_rank_entry_free(entry);
	return TRUE;
}

/**
 * accord_ranking_finish:
 * @self: a ranking being filled
 * @error: return location for an `ACCORD_ERROR`
 *
 * Ranks the countries added: sorts them by mean and assigns positions. Nothing can be added
 * afterwards; tiers and correlations can.
 *
 * Returns: %TRUE, or %FALSE with `ACCORD_ERROR_USAGE` when no country was added or an
 *   identity was added twice (the first identity given again is named, with its two files)
 */
gboolean
accord_ranking_finish(AccordRanking *self, GError **error)
{
	g_return_val_if_fail(self != NULL && !self->finished, FALSE);
	if (accord_rank_records_get_n(self->records) == 0) {
		g_set_error_literal(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_USAGE,
				    "a ranking needs at least one profile");
		return FALSE;
	}
	if (!check_identities(self, error) || !assign_positions(self, error))
		return FALSE;
	self->finished = TRUE;
	self->options.assumptions = NULL; /* the caller's; rows keep what they changed */
	self->options.waivers = NULL;
	g_clear_pointer(&self->countries, g_hash_table_unref);
	return TRUE;
}

/**
 * accord_ranking_new:
 * @rulesets: (element-type AccordRuleset): one or more rulesets
 * @profiles: (element-type AccordProfile): the countries, loaded with the rulesets'
 *   vocabulary; each identity once
 * @options: how to assess each country (assumptions, waivers, score options; no tailoring,
 *   which belongs to one ruleset)
 * @mean: which rulesets each country's mean averages
 * @error: return location for an `ACCORD_ERROR`
 *
 * Assesses every country against every ruleset and ranks the countries by the mean of their
 * overall scores (with one ruleset, by that score). Each row also has the mean without the
 * what-if assumptions and the counts of its outcomes. The same as accord_ranking_new_empty(),
 * accord_ranking_assess() and accord_ranking_add() for each profile, and
 * accord_ranking_finish().
 *
 * Returns: (transfer full) (nullable): the ranking, or %NULL with `ACCORD_ERROR_USAGE` for an
 *   empty input, an identity given twice, a tailoring, a verified mean with no verified
 *   ruleset, or options that cannot score; `ACCORD_ERROR_IO` when its temporary files cannot
 *   be made or written
 */
AccordRanking *
accord_ranking_new(const GPtrArray *rulesets,
		   const GPtrArray *profiles,
		   const AccordAssessmentOptions *options,
		   AccordRankMean mean,
		   GError **error)
{
	g_autoptr(AccordRanking) self = NULL;

	g_return_val_if_fail(rulesets != NULL && profiles != NULL && options != NULL, NULL);
	self = accord_ranking_new_empty(rulesets, options, mean, error);
	if (self == NULL)
		return NULL;
	for (guint i = 0; i < profiles->len; i++) {
		AccordRankEntry *entry =
		    accord_ranking_assess(self, g_ptr_array_index(profiles, i), error);

		if (entry == NULL || !accord_ranking_add(self, entry, error))
			return NULL;
	}
	if (!accord_ranking_finish(self, error))
		return NULL;
	return g_steal_pointer(&self);
}

/**
 * accord_ranking_free:
 * @self: (nullable) (transfer full): a ranking
 */
void
accord_ranking_free(AccordRanking *self)
{
	if (self == NULL)
		return;
	g_clear_pointer(&self->countries, g_hash_table_unref);
	g_clear_pointer(&self->means, g_array_unref);
	accord_profile_unref((AccordProfile *)self->current.row.profile);
	g_free(self->current.cells);
	g_free(self->order);
	g_hash_table_unref(self->assumed_rows);
	accord_rank_records_free(self->records);
	g_clear_pointer(&self->vocabulary, accord_vocabulary_unref);
	g_ptr_array_unref(self->rulesets);
	g_array_unref(self->cutoffs);
	g_array_unref(self->correlations);
	g_free(self->day);
	g_free(self);
}

/**
 * accord_ranking_set_tiers:
 * @self: a ranking
 * @cutoffs: (element-type gdouble): the lower bounds of tiers 1, 2, …, strictly descending,
 *   each in [0, 100]; a country below the last is in the tier after it
 * @error: return location for an `ACCORD_ERROR`
 *
 * Bands the countries by their mean score, as the GCI bands countries into tiers.
 *
 * Returns: %TRUE, or %FALSE with `ACCORD_ERROR_USAGE` for cut-offs out of order or range
 */
gboolean
accord_ranking_set_tiers(AccordRanking *self, const GArray *cutoffs, GError **error)
{
	g_return_val_if_fail(self != NULL && cutoffs != NULL && self->finished, FALSE);
	for (guint i = 0; i < cutoffs->len; i++) {
		gdouble c = g_array_index(cutoffs, gdouble, i);

		if (!(c >= 0 && c <= 100) ||
		    (i > 0 && !(c < g_array_index(cutoffs, gdouble, i - 1)))) {
			g_set_error(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_USAGE,
				    "tier cut-offs must be strictly descending scores in 0-100, "
				    "but cut-off %u is %g",
				    i + 1,
				    c);
			return FALSE;
		}
	}
	g_array_set_size(self->cutoffs, 0);
	g_array_append_vals(self->cutoffs, cutoffs->data, cutoffs->len);
	self->tiered = TRUE;
	self->current_row = G_MAXUINT; /* its tier is read again */
	return TRUE;
}

static gint
compare_by_value(gconstpointer a, gconstpointer b, gpointer values)
{
	gdouble x = ((const gdouble *)values)[*(const guint *)a];
	gdouble y = ((const gdouble *)values)[*(const guint *)b];

	return x > y ? -1 : x < y ? 1 : 0;
}

/* average ranks, 1 for the largest value; tied values share the mean of their places */
static gdouble *
average_ranks(const gdouble *values, guint n)
{
	g_autofree guint *order = g_new(guint, n);
	gdouble *ranks = g_new(gdouble, n);

	for (guint i = 0; i < n; i++)
		order[i] = i;
	g_qsort_with_data(order, (gint)n, sizeof(guint), compare_by_value, (gpointer)values);
	for (guint i = 0; i < n;) {
		guint j = i;

		while (j + 1 < n && values[order[j + 1]] == values[order[i]])
			j++;
		for (guint k = i; k <= j; k++)
			ranks[order[k]] = (i + j) / 2.0 + 1;
		i = j + 1;
	}
	return ranks;
}

static gint
compare_deviations(gconstpointer a, gconstpointer b)
{
	const AccordRankDeviation *x = a;
	const AccordRankDeviation *y = b;

	if (fabs(x->difference) != fabs(y->difference))
		return fabs(x->difference) > fabs(y->difference) ? -1 : 1;
	return g_strcmp0(accord_profile_get_id(x->profile), accord_profile_get_id(y->profile));
}

static gboolean
index_of(const AccordProfile *profile, const gchar *name, gdouble *value)
{
	for (guint f = 0; f < accord_profile_get_n_index_figures(profile); f++) {
		const AccordIndexFigure *fig = accord_profile_get_index_figure(profile, f);

		if (g_strcmp0(accord_index_figure_get_name(fig), name) == 0) {
			*value = accord_index_figure_get_value(fig);
			return TRUE;
		}
	}
	return FALSE;
}

/**
 * accord_ranking_add_correlation:
 * @self: a ranking
 * @ruleset_index: which ruleset's overall scores to compare; the number of rulesets for the
 *   countries' means
 * @index_name: the `<index name>` of the profiles to compare with, e.g. `ncsi`
 *
 * Computes Spearman's rank correlation (ties get their average rank) between the scores and
 * the index figure, over the countries that have both, and each country's rank by both.
 */
void
accord_ranking_add_correlation(AccordRanking *self, guint ruleset_index, const gchar *index_name)
{
	g_autoptr(GArray) xs = g_array_new(FALSE, FALSE, sizeof(gdouble));
	g_autoptr(GArray) ys = g_array_new(FALSE, FALSE, sizeof(gdouble));
	g_autofree gdouble *rx = NULL;
	g_autofree gdouble *ry = NULL;
	AccordCorrelation c = {NULL,
			       g_strdup(index_name),
			       NAN,
			       0,
			       g_array_new(FALSE, TRUE, sizeof(AccordRankDeviation))};

	g_return_if_fail(self != NULL && ruleset_index <= self->rulesets->len &&
			 index_name != NULL && self->finished);
	if (ruleset_index < self->rulesets->len)
		c.ruleset = g_ptr_array_index(self->rulesets, ruleset_index);
	for (guint i = 0; i < accord_ranking_get_n_rows(self); i++) {
		const AccordRankRow *row = accord_ranking_get_row(self, i);
		/* its own reference: the rows are read back one at a time */
		AccordRankDeviation d = {NULL, 0, 0, 0};
		gdouble x = c.ruleset != NULL ? self->current.cells[ruleset_index].score
					      : row->mean;
		gdouble y;

		if (isnan(x) || !index_of(row->profile, index_name, &y))
			continue;
		d.profile = accord_profile_ref(row->profile);
		g_array_append_val(xs, x);
		g_array_append_val(ys, y);
		g_array_append_val(c.deviations, d);
	}
	c.n = xs->len;
	rx = average_ranks((gdouble *)xs->data, c.n);
	ry = average_ranks((gdouble *)ys->data, c.n);
	for (guint i = 0; i < c.n; i++) {
		AccordRankDeviation *d = &g_array_index(c.deviations, AccordRankDeviation, i);
		*d = (AccordRankDeviation){d->profile, rx[i], ry[i], rx[i] - ry[i]};
	}
	g_array_sort(c.deviations, compare_deviations);
	if (c.n >= 3) {
		g_autofree gdouble *work = g_new(gdouble, 2 * c.n);
		c.rho =
		    gsl_stats_spearman((gdouble *)xs->data, 1, (gdouble *)ys->data, 1, c.n, work);
	}
	g_array_append_val(self->correlations, c);
}

/**
 * accord_ranking_has_assumptions:
 * @self: a ranking
 *
 * Returns: %TRUE when a what-if assumption applied to some country
 */
gboolean
accord_ranking_has_assumptions(const AccordRanking *self)
{
	g_return_val_if_fail(self != NULL, FALSE);
	return self->assumed;
}

/**
 * accord_ranking_has_not_counted:
 * @self: a ranking
 *
 * Known as the countries are added, so a view need not read every row back to learn it.
 *
 * Returns: %TRUE when the fact filter left out some fact of some country (below the
 *   confidence floor, stale or expired), so the day facts were counted on matters
 */
gboolean
accord_ranking_has_not_counted(const AccordRanking *self)
{
	g_return_val_if_fail(self != NULL, FALSE);
	return self->not_counted;
}

/**
 * accord_ranking_has_repeated_countries:
 * @self: a ranking
 *
 * Returns: %TRUE when some country has several rows (snapshots, or regions with their own
 *   id), so the country code alone does not name a row and views show each row's identity
 */
gboolean
accord_ranking_has_repeated_countries(const AccordRanking *self)
{
	g_return_val_if_fail(self != NULL, FALSE);
	return self->repeated;
}

/**
 * accord_ranking_get_mean:
 * @self: a ranking
 *
 * Returns: which rulesets the means average
 */
AccordRankMean
accord_ranking_get_mean(const AccordRanking *self)
{
	g_return_val_if_fail(self != NULL, ACCORD_RANK_MEAN_ALL);
	return self->mean;
}

/**
 * accord_ranking_get_n_rulesets:
 * @self: a ranking
 *
 * Returns: how many rulesets the countries are ranked against
 */
guint
accord_ranking_get_n_rulesets(const AccordRanking *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->rulesets->len;
}

/**
 * accord_ranking_get_ruleset:
 * @self: a ranking
 * @index: a ruleset, from 0 in the order given
 *
 * Returns: (transfer none): the ruleset
 */
const AccordRuleset *
accord_ranking_get_ruleset(const AccordRanking *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->rulesets->len, NULL);
	return g_ptr_array_index(self->rulesets, index);
}

/**
 * accord_ranking_get_n_rows:
 * @self: a finished ranking
 *
 * Returns: how many countries it ranks
 */
guint
accord_ranking_get_n_rows(const AccordRanking *self)
{
	g_return_val_if_fail(self != NULL && self->finished, 0);
	return accord_rank_records_get_n(self->records);
}

/**
 * accord_ranking_check_rows:
 * @self: a finished ranking
 * @error: return location for an `ACCORD_ERROR`
 *
 * A ranking's rows are read back from a temporary file as they are asked for; a failing disk
 * makes a row read as zeros. Call this after reading the rows (after writing a document made
 * from the ranking, before committing it) to know whether every row read was whole.
 *
 * Returns: %TRUE if every read and update of the rows succeeded; otherwise %FALSE with
 *   `ACCORD_ERROR_IO` naming the first failure
 */
gboolean
accord_ranking_check_rows(const AccordRanking *self, GError **error)
{
	g_return_val_if_fail(self != NULL, FALSE);
	return accord_rank_records_check(self->records, error);
}

/**
 * accord_ranking_get_row:
 * @self: a ranking
 * @index: from 0, best first
 *
 * Returns: (transfer none): the country's row, valid until another row of the ranking is
 *   read (the rows are read back one at a time from outside memory)
 */
const AccordRankRow *
accord_ranking_get_row(const AccordRanking *ranking, guint index)
{
	AccordRanking *self = (AccordRanking *)ranking; /* only its current row changes */
	AccordRankRow *row = &self->current.row;

	g_return_val_if_fail(self != NULL && self->finished &&
				 index < accord_ranking_get_n_rows(self),
			     NULL);
	if (self->current_row == index)
		return row;
	accord_profile_unref((AccordProfile *)row->profile);
	accord_rank_records_read(self->records,
				 self->order[index],
				 self->vocabulary,
				 row,
				 self->current.cells);
	row->assumed =
	    g_hash_table_lookup(self->assumed_rows, GUINT_TO_POINTER(self->order[index] + 1));
	row->tier = 0;
	for (guint tier = 1; self->tiered && row->tier == 0; tier++)
		if (tier > self->cutoffs->len ||
		    row->mean >= g_array_index(self->cutoffs, gdouble, tier - 1) - TIE_EPSILON)
			row->tier = tier;
	self->current_row = index;
	return row;
}

/**
 * accord_ranking_get_cell:
 * @self: a ranking
 * @row: a row index, as for accord_ranking_get_row()
 * @ruleset_index: a ruleset index
 *
 * Returns: (transfer none): that country against that ruleset
 */
const AccordRankCell *
accord_ranking_get_cell(const AccordRanking *self, guint row, guint ruleset_index)
{
	g_return_val_if_fail(ruleset_index < self->rulesets->len, NULL);
	if (accord_ranking_get_row(self, row) == NULL)
		return NULL;
	return &self->current.cells[ruleset_index];
}

/**
 * accord_ranking_get_n_tiers:
 * @self: a ranking
 *
 * Returns: how many cut-offs were set; there is one tier more than cut-offs
 */
guint
accord_ranking_get_n_tiers(const AccordRanking *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->cutoffs->len;
}

/**
 * accord_ranking_get_tier_cutoff:
 * @self: a ranking
 * @index: a cut-off, from 0
 *
 * Returns: the lowest mean score of tier @index + 1
 */
gdouble
accord_ranking_get_tier_cutoff(const AccordRanking *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->cutoffs->len, NAN);
	return g_array_index(self->cutoffs, gdouble, index);
}

/**
 * accord_ranking_get_n_correlations:
 * @self: a ranking
 *
 * Returns: how many correlations were added
 */
guint
accord_ranking_get_n_correlations(const AccordRanking *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->correlations->len;
}

/**
 * accord_ranking_get_correlation:
 * @self: a ranking
 * @index: from 0, in the order added
 *
 * Returns: (transfer none): the correlation
 */
const AccordCorrelation *
accord_ranking_get_correlation(const AccordRanking *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->correlations->len, NULL);
	return &g_array_index(self->correlations, AccordCorrelation, index);
}

/**
 * accord_ranking_get_options:
 * @self: a ranking
 *
 * Returns: (transfer none): the options every country was assessed under (without the
 *   assumptions and waivers, which are the caller's)
 */
const AccordAssessmentOptions *
accord_ranking_get_options(const AccordRanking *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return &self->options;
}
