#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "assessment.h"
#include "macros.h"
#include "score.h"

G_BEGIN_DECLS

/**
 * AccordRanking:
 *
 * Countries assessed against one or more rulesets and ranked by their mean overall score, with
 * optional tiers and rank correlations with external indices (accord_ranking_new(), or for a
 * batch accord_ranking_new_empty() and one accord_ranking_add() per country). Has a single
 * owner, who frees it with accord_ranking_free(). It keeps what its views show of each
 * country (#AccordRankRow, #AccordRankCell), neither the assessments nor the profiles, and
 * keeps it out of memory: in records in unlinked temporary files (in g_get_tmp_dir()), read
 * back one row at a time, so its memory is a few bytes a country.
 */
typedef struct _AccordRanking AccordRanking;

/**
 * AccordRankEntry:
 *
 * One country assessed against every ruleset of a ranking and reduced to its row and cells
 * (accord_ranking_assess()), waiting to be added (accord_ranking_add()). Single owner.
 */
typedef struct _AccordRankEntry AccordRankEntry;

/**
 * AccordRankMean:
 * @ACCORD_RANK_MEAN_ALL: the mean over every ruleset
 * @ACCORD_RANK_MEAN_VERIFIED: the mean over the rulesets whose every provision was read
 *   verbatim (accord_ruleset_is_verified()); the others are shown, not averaged
 *
 * Which rulesets a country's mean, and so its rank, averages.
 */
typedef enum {
	ACCORD_RANK_MEAN_ALL,
	ACCORD_RANK_MEAN_VERIFIED,
} AccordRankMean;

/**
 * AccordRankCell:
 * @applicable: %FALSE when nothing of the ruleset applies to the country
 * @score: its overall score, NAN when not applicable
 * @coverage: the share of criterion weight with known facts
 * @coverage_high: the same, counting only high-confidence facts
 * @low_confidence: the share of weight resting on a low-confidence fact
 *
 * One country against one ruleset; owned by #AccordRanking.
 */
typedef struct {
	gboolean applicable;
	gdouble score;
	gdouble coverage;
	gdouble coverage_high;
	gdouble low_confidence;
} AccordRankCell;

/**
 * AccordRankRow:
 * @profile: the country: a summary of its profile with its identity, name, dates and index
 *   figures, but none of its facts
 * @assumed: (nullable): when any what-if assumption applies, the same with the assumed facts
 * @position: its rank, 1 for the best; tied countries share a position and the next
 *   position skips (1, 2, 2, 4)
 * @tied: %TRUE when another country has the same position
 * @mean: the mean of its applicable overall scores across the averaged rulesets; NAN if none
 * @mean_without_assumptions: the same mean without what-if assumptions
 * @tier: its band under the declared cut-offs, 1 for the top; 0 when no tiers are declared
 * @outcomes: how many of its criteria, over every ruleset, are pass, partial, fail, unknown
 *   and not applicable (indexed by #AccordOutcome)
 * @waived: how many criteria an applied waiver counts as met
 * @not_counted: how many facts the profile states that the fact filter left out (below the
 *   confidence floor, stale or expired), so that they count as unknown
 *
 * One country's line in a ranking; a read-only record owned by #AccordRanking, valid until
 * another row of the ranking is read (accord_ranking_get_row()).
 */
typedef struct {
	const AccordProfile *profile;
	const AccordProfile *assumed;
	guint position;
	gboolean tied;
	gdouble mean;
	gdouble mean_without_assumptions;
	guint tier;
	guint outcomes[ACCORD_OUTCOME_NOT_APPLICABLE + 1];
	guint waived;
	guint not_counted;
} AccordRankRow;

/**
 * AccordRankDeviation:
 * @profile: a country
 * @rank: its average rank by Accord's score (1 for the best; ties share the mean rank)
 * @index_rank: its average rank by the index figure
 * @difference: @rank − @index_rank: positive when the index ranks it higher than Accord
 *
 * Where Accord and an index disagree about one country; owned by #AccordRanking.
 */
typedef struct {
	const AccordProfile *profile;
	gdouble rank;
	gdouble index_rank;
	gdouble difference;
} AccordRankDeviation;

/**
 * AccordCorrelation:
 * @ruleset: (nullable): the ruleset whose overall scores were compared; %NULL for the mean
 * @index_name: the index figure compared with, e.g. `gci-2020`
 * @rho: Spearman's rank correlation coefficient; NAN when fewer than 3 pairs
 * @n: how many countries have both a score and the index figure
 * @deviations: (element-type AccordRankDeviation): the countries, largest disagreement first
 *
 * A rank correlation of Accord's scores with an external index; owned by #AccordRanking.
 */
typedef struct {
	const AccordRuleset *ruleset;
	gchar *index_name;
	gdouble rho;
	guint n;
	GArray *deviations;
} AccordCorrelation;

G_GNUC_WARN_UNUSED_RESULT AccordRanking *
accord_ranking_new(const GPtrArray *rulesets,
		   const GPtrArray *profiles,
		   const AccordAssessmentOptions *options,
		   AccordRankMean mean,
		   GError **error) ACCORD_NON_NULL(1, 2, 3);
G_GNUC_WARN_UNUSED_RESULT AccordRanking *
accord_ranking_new_empty(const GPtrArray *rulesets,
			 const AccordAssessmentOptions *options,
			 AccordRankMean mean,
			 GError **error) ACCORD_NON_NULL(1, 2);
G_GNUC_WARN_UNUSED_RESULT AccordRankEntry *
accord_ranking_assess(const AccordRanking *self, const AccordProfile *profile, GError **error)
    ACCORD_NON_NULL(1, 2);
void
accord_rank_entry_free(AccordRankEntry *entry);
gboolean
accord_ranking_add(AccordRanking *self, AccordRankEntry *entry, GError **error)
    ACCORD_NON_NULL(1, 2);
gboolean
accord_ranking_finish(AccordRanking *self, GError **error) ACCORD_NON_NULL(1);
void
accord_ranking_free(AccordRanking *self);
gboolean
accord_ranking_set_tiers(AccordRanking *self, const GArray *cutoffs, GError **error)
    ACCORD_NON_NULL(1, 2);
void
accord_ranking_add_correlation(AccordRanking *self, guint ruleset_index, const gchar *index_name)
    ACCORD_NON_NULL(1, 3);
gboolean
accord_ranking_has_assumptions(const AccordRanking *self) ACCORD_NON_NULL(1);
gboolean
accord_ranking_has_not_counted(const AccordRanking *self) ACCORD_NON_NULL(1);
gboolean
accord_ranking_has_repeated_countries(const AccordRanking *self) ACCORD_NON_NULL(1);
AccordRankMean
accord_ranking_get_mean(const AccordRanking *self) ACCORD_NON_NULL(1);
gboolean
accord_ranking_averages(const AccordRanking *self, guint ruleset_index) ACCORD_NON_NULL(1);
guint
accord_ranking_get_n_rulesets(const AccordRanking *self) ACCORD_NON_NULL(1);
const AccordRuleset *
accord_ranking_get_ruleset(const AccordRanking *self, guint index) ACCORD_NON_NULL(1);
guint
accord_ranking_get_n_rows(const AccordRanking *self) ACCORD_NON_NULL(1);
gboolean
accord_ranking_check_rows(const AccordRanking *self, GError **error) ACCORD_NON_NULL(1);
const AccordRankRow *
accord_ranking_get_row(const AccordRanking *self, guint index) ACCORD_NON_NULL(1);
const AccordRankCell *
accord_ranking_get_cell(const AccordRanking *self, guint row, guint ruleset_index)
    ACCORD_NON_NULL(1);
guint
accord_ranking_get_n_tiers(const AccordRanking *self) ACCORD_NON_NULL(1);
gdouble
accord_ranking_get_tier_cutoff(const AccordRanking *self, guint index) ACCORD_NON_NULL(1);
guint
accord_ranking_get_n_correlations(const AccordRanking *self) ACCORD_NON_NULL(1);
const AccordCorrelation *
accord_ranking_get_correlation(const AccordRanking *self, guint index) ACCORD_NON_NULL(1);
const AccordAssessmentOptions *
accord_ranking_get_options(const AccordRanking *self) ACCORD_NON_NULL(1);
const gchar *
accord_rank_mean_to_string(AccordRankMean mean);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordRanking, accord_ranking_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordRankEntry, accord_rank_entry_free)

G_END_DECLS
