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
 * optional tiers and rank correlations with external indices (accord_ranking_new()). Has a single
 * owner, who frees it with accord_ranking_free(); it holds a reference to its rulesets, profiles
 * and scores.
 */
typedef struct _AccordRanking AccordRanking;

/**
 * AccordRankRow:
 * @profile: the country
 * @position: its rank, 1 for the best; tied countries share a position and the next
 *   position skips (1, 2, 2, 4)
 * @tied: %TRUE when another country has the same position
 * @mean: the mean of its applicable overall scores across the rulesets; NAN if none applies
 * @tier: its band under the declared cut-offs, 1 for the top; 0 when no tiers are declared
 * @mean_without_assumptions: the mean of its scores without what-if assumptions
 *
 * One country's line in a ranking; a read-only record owned by #AccordRanking.
 */
typedef struct {
	const AccordProfile *profile;
	guint position;
	gboolean tied;
	gdouble mean;
	guint tier;
	gdouble mean_without_assumptions;
} AccordRankRow;

/**
 * AccordCorrelation:
 * @ruleset: the ruleset whose overall scores were compared
 * @index_name: the index figure compared with, e.g. `gci-2020`
 * @rho: Spearman's rank correlation coefficient; NAN when fewer than 3 pairs
 * @n: how many countries have both a score and the index figure
 *
 * A rank correlation of Accord's scores with an external index; owned by #AccordRanking.
 */
typedef struct {
	const AccordRuleset *ruleset;
	gchar *index_name;
	gdouble rho;
	guint n;
} AccordCorrelation;

G_GNUC_WARN_UNUSED_RESULT AccordRanking *
accord_ranking_new(const GPtrArray *rulesets,
		   const GPtrArray *profiles,
		   const AccordAssessmentOptions *options,
		   GError **error) ACCORD_NON_NULL(1, 2, 3);
gboolean
accord_ranking_has_assumptions(const AccordRanking *self) ACCORD_NON_NULL(1);
void
accord_ranking_free(AccordRanking *self);
gboolean
accord_ranking_set_tiers(AccordRanking *self, const GArray *cutoffs, GError **error)
    ACCORD_NON_NULL(1, 2);
void
accord_ranking_add_correlation(AccordRanking *self, guint ruleset_index, const gchar *index_name)
    ACCORD_NON_NULL(1, 3);

guint
accord_ranking_get_n_rulesets(const AccordRanking *self) ACCORD_NON_NULL(1);
const AccordRuleset *
accord_ranking_get_ruleset(const AccordRanking *self, guint index) ACCORD_NON_NULL(1);
guint
accord_ranking_get_n_rows(const AccordRanking *self) ACCORD_NON_NULL(1);
const AccordRankRow *
accord_ranking_get_row(const AccordRanking *self, guint index) ACCORD_NON_NULL(1);
const AccordScore *
accord_ranking_get_score(const AccordRanking *self, guint row, guint ruleset_index)
    ACCORD_NON_NULL(1);
guint
accord_ranking_get_n_tiers(const AccordRanking *self) ACCORD_NON_NULL(1);
gdouble
accord_ranking_get_tier_cutoff(const AccordRanking *self, guint index) ACCORD_NON_NULL(1);
guint
accord_ranking_get_n_correlations(const AccordRanking *self) ACCORD_NON_NULL(1);
const AccordCorrelation *
accord_ranking_get_correlation(const AccordRanking *self, guint index) ACCORD_NON_NULL(1);
const AccordScoreOptions *
accord_ranking_get_options(const AccordRanking *self) ACCORD_NON_NULL(1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordRanking, accord_ranking_free)

G_END_DECLS
