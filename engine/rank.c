#include "config.h"

#include <gsl/gsl_statistics_double.h>
#include <math.h>

#include "accord/error.h"
#include "accord/rank.h"

/* two scores closer than this are a tie: they come from sums of user weights, so "equal by
 * hand" can differ in the last bits */
#define TIE_EPSILON 1e-9

/* one country against every ruleset: the scores it owns (each holds its evaluation) */
typedef struct {
	AccordRankRow row;
	GPtrArray *scores; /* AccordScore*, by ruleset index */
} Entry;

struct _AccordRanking {
	AccordScoreOptions options;
	gboolean assumed;    /* some assumption applied to some country */
	GPtrArray *rulesets; /* AccordRuleset*, a reference each */
	GPtrArray *entries;  /* Entry*, sorted */
	GArray *cutoffs;     /* gdouble, descending */
	GArray *correlations;
};

static void
entry_free(Entry *entry)
{
	g_ptr_array_unref(entry->scores);
	accord_profile_unref((AccordProfile *)entry->row.profile);
	g_free(entry);
}

static void
clear_correlation(gpointer data)
{
	AccordCorrelation *c = data;

	g_free(c->index_name);
}

static gdouble
mean_of(const GPtrArray *scores)
{
	gdouble sum = 0;
	guint n = 0;

	for (guint i = 0; i < scores->len; i++) {
		const AccordScoreItem *o = accord_score_get_overall(g_ptr_array_index(scores, i));
		if (o->applicable) {
			sum += o->value;
			n++;
		}
	}
	return n > 0 ? sum / n : NAN;
}

/* one country assessed against every ruleset; the mean without assumptions uses the
 * variant without them where one applies */
static Entry *
entry_new(AccordRanking *self,
	  const AccordProfile *profile,
	  const AccordAssessmentOptions *options,
	  GError **error)
{
	Entry *entry = g_new0(Entry, 1);
	g_autoptr(GPtrArray) plain =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_score_unref);

	entry->row.profile = accord_profile_ref(profile);
	entry->scores = g_ptr_array_new_with_free_func((GDestroyNotify)accord_score_unref);
	for (guint i = 0; i < self->rulesets->len; i++) {
		g_autoptr(AccordAssessment) a =
		    accord_assess(g_ptr_array_index(self->rulesets, i), profile, options, error);
		AccordVariant v = ACCORD_VARIANT_WITHOUT_ASSUMPTIONS;

		if (a == NULL) {
			entry_free(entry);
			return NULL;
		}
		g_ptr_array_add(
		    entry->scores,
		    accord_score_ref(accord_assessment_get_score(a, ACCORD_VARIANT_AS_GIVEN)));
		if (!accord_assessment_has_variant(a, v))
			v = ACCORD_VARIANT_AS_GIVEN;
		else
			self->assumed = TRUE;
		g_ptr_array_add(plain, accord_score_ref(accord_assessment_get_score(a, v)));
	}
	entry->row.mean = mean_of(entry->scores);
	entry->row.mean_without_assumptions = mean_of(plain);
	return entry;
}

/* best mean first; a country nothing applies to goes last; ties in country-code order, so
 * the output never depends on the order the profiles were given in */
static gint
compare_entries(gconstpointer a, gconstpointer b)
{
	const Entry *x = *(const Entry *const *)a;
	const Entry *y = *(const Entry *const *)b;
	gboolean xn = isnan(x->row.mean), yn = isnan(y->row.mean);

	if (xn != yn)
		return xn ? 1 : -1;
	if (!xn && fabs(x->row.mean - y->row.mean) > TIE_EPSILON)
		return x->row.mean > y->row.mean ? -1 : 1;
	return g_strcmp0(accord_profile_get_country(x->row.profile),
			 accord_profile_get_country(y->row.profile));
}

static gboolean
same_score(const Entry *x, const Entry *y)
{
	if (isnan(x->row.mean) || isnan(y->row.mean))
		return isnan(x->row.mean) && isnan(y->row.mean);
	return fabs(x->row.mean - y->row.mean) <= TIE_EPSILON;
}

/* standard competition ranking: 1, 2, 2, 4 */
static void
assign_positions(AccordRanking *self)
{
	g_ptr_array_sort(self->entries, compare_entries);
	for (guint i = 0; i < self->entries->len; i++) {
		Entry *entry = g_ptr_array_index(self->entries, i);
		Entry *prev = i > 0 ? g_ptr_array_index(self->entries, i - 1) : NULL;

		entry->row.position = prev != NULL && same_score(prev, entry) ? prev->row.position
									      : i + 1;
		if (prev != NULL && prev->row.position == entry->row.position)
			prev->row.tied = entry->row.tied = TRUE;
	}
}

/**
 * accord_ranking_new:
 * @rulesets: (element-type AccordRuleset): one or more rulesets
 * @profiles: (element-type AccordProfile): the countries, loaded with the rulesets'
 *   vocabulary; each country code once
 * @options: how to assess each country (assumptions, waivers, score options; no tailoring,
 *   which belongs to one ruleset)
 * @error: return location for an `ACCORD_ERROR`
 *
 * Assesses every country against every ruleset and ranks the countries by the mean of their
 * overall scores (with one ruleset, by that score). Each row also has the mean without the
 * what-if assumptions.
 *
 * Returns: (transfer full) (nullable): the ranking, or %NULL with `ACCORD_ERROR_USAGE` for an
 *   empty input, a country given twice, or options that cannot score
 */
AccordRanking *
accord_ranking_new(const GPtrArray *rulesets,
		   const GPtrArray *profiles,
		   const AccordAssessmentOptions *options,
		   GError **error)
{
	g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
	g_autoptr(AccordRanking) self = NULL;

	g_return_val_if_fail(rulesets != NULL && profiles != NULL && options != NULL, NULL);
	if (rulesets->len == 0 || profiles->len == 0) {
		g_set_error_literal(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_USAGE,
				    "a ranking needs at least one ruleset and one profile");
		return NULL;
	}
	if (options->score.tailoring != NULL) {
		g_set_error_literal(
		    error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_USAGE,
		    "a ranking takes no tailoring: a tailoring belongs to one ruleset");
		return NULL;
	}
	self = g_new0(AccordRanking, 1);
	self->options = options->score;
	self->rulesets = g_ptr_array_new_with_free_func((GDestroyNotify)accord_ruleset_unref);
	self->entries = g_ptr_array_new_with_free_func((GDestroyNotify)entry_free);
	self->cutoffs = g_array_new(FALSE, FALSE, sizeof(gdouble));
	self->correlations = g_array_new(FALSE, TRUE, sizeof(AccordCorrelation));
	g_array_set_clear_func(self->correlations, clear_correlation);
	for (guint i = 0; i < rulesets->len; i++)
		g_ptr_array_add(self->rulesets, accord_ruleset_ref(g_ptr_array_index(rulesets, i)));
	for (guint i = 0; i < profiles->len; i++) {
		const AccordProfile *profile = g_ptr_array_index(profiles, i);
		Entry *entry;

		if (!g_hash_table_add(seen, (gpointer)accord_profile_get_country(profile))) {
			g_set_error(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_USAGE,
				    "country %s is given twice",
				    accord_profile_get_country(profile));
			return NULL;
		}
		entry = entry_new(self, profile, options, error);
		if (entry == NULL)
			return NULL;
		g_ptr_array_add(self->entries, entry);
	}
	assign_positions(self);
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
	g_ptr_array_unref(self->entries);
	g_ptr_array_unref(self->rulesets);
	g_array_unref(self->cutoffs);
	g_array_unref(self->correlations);
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
	g_return_val_if_fail(self != NULL && cutoffs != NULL, FALSE);
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
	for (guint i = 0; i < self->entries->len; i++) {
		Entry *entry = g_ptr_array_index(self->entries, i);
		guint tier = 1;

		while (
		    tier <= cutoffs->len &&
		    !(entry->row.mean >= g_array_index(cutoffs, gdouble, tier - 1) - TIE_EPSILON))
			tier++;
		entry->row.tier = tier;
	}
	return TRUE;
}

/**
 * accord_ranking_add_correlation:
 * @self: a ranking
 * @ruleset_index: which ruleset's overall scores to compare
 * @index_name: the `<index name>` of the profiles to compare with, e.g. `ncsi`
 *
 * Computes Spearman's rank correlation (ties get their average rank) between the ruleset's
 * overall scores and the index figure, over the countries that have both.
 */
void
accord_ranking_add_correlation(AccordRanking *self, guint ruleset_index, const gchar *index_name)
{
	g_autoptr(GArray) xs = g_array_new(FALSE, FALSE, sizeof(gdouble));
	g_autoptr(GArray) ys = g_array_new(FALSE, FALSE, sizeof(gdouble));
	AccordCorrelation c = {NULL, g_strdup(index_name), NAN, 0};

	g_return_if_fail(self != NULL && ruleset_index < self->rulesets->len && index_name != NULL);
	c.ruleset = g_ptr_array_index(self->rulesets, ruleset_index);
	for (guint i = 0; i < self->entries->len; i++) {
		const Entry *entry = g_ptr_array_index(self->entries, i);
		const AccordScoreItem *o =
		    accord_score_get_overall(g_ptr_array_index(entry->scores, ruleset_index));

		for (guint f = 0;
		     o->applicable && f < accord_profile_get_n_index_figures(entry->row.profile);
		     f++) {
			const AccordIndexFigure *fig =
			    accord_profile_get_index_figure(entry->row.profile, f);
			gdouble y = accord_index_figure_get_value(fig);

			if (g_strcmp0(accord_index_figure_get_name(fig), index_name) != 0)
				continue;
			g_array_append_val(xs, o->value);
			g_array_append_val(ys, y);
			break;
		}
	}
	c.n = xs->len;
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
 * accord_ranking_get_n_rulesets:
 * @self: a ranking
 *
 * Returns: how many rulesets the countries were assessed against
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
 * @index: from 0, in the order given to accord_ranking_new()
 *
 * Returns: (transfer none): a ruleset
 */
const AccordRuleset *
accord_ranking_get_ruleset(const AccordRanking *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->rulesets->len, NULL);
	return g_ptr_array_index(self->rulesets, index);
}

/**
 * accord_ranking_get_n_rows:
 * @self: a ranking
 *
 * Returns: how many countries it ranks
 */
guint
accord_ranking_get_n_rows(const AccordRanking *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->entries->len;
}

/**
 * accord_ranking_get_row:
 * @self: a ranking
 * @index: 0 for the best-ranked country
 *
 * Returns: (transfer none): the row
 */
const AccordRankRow *
accord_ranking_get_row(const AccordRanking *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->entries->len, NULL);
	return &((const Entry *)g_ptr_array_index(self->entries, index))->row;
}

/**
 * accord_ranking_get_score:
 * @self: a ranking
 * @row: a row index, as for accord_ranking_get_row()
 * @ruleset_index: a ruleset index
 *
 * Returns: (transfer none): that country's score against that ruleset
 */
const AccordScore *
accord_ranking_get_score(const AccordRanking *self, guint row, guint ruleset_index)
{
	const Entry *entry;

	g_return_val_if_fail(self != NULL && row < self->entries->len, NULL);
	g_return_val_if_fail(ruleset_index < self->rulesets->len, NULL);
	entry = g_ptr_array_index(self->entries, row);
	return g_ptr_array_index(entry->scores, ruleset_index);
}

/**
 * accord_ranking_get_n_tiers:
 * @self: a ranking
 *
 * Returns: how many tier cut-offs accord_ranking_set_tiers() set; 0 when no tiers are declared
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
 * @index: from 0, the top tier's first
 *
 * Returns: the lowest mean score in tier @index + 1
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
 * Returns: how many correlations accord_ranking_add_correlation() added
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
 * @index: from 0, in the order they were added
 *
 * Returns: (transfer none): a correlation
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
 * Returns: (transfer none): the score options every country was assessed with
 */
const AccordScoreOptions *
accord_ranking_get_options(const AccordRanking *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return &self->options;
}
