#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "macros.h"
#include "score.h"

G_BEGIN_DECLS

/**
 * AccordAgreement:
 * @ACCORD_AGREEMENT_BOTH: both profiles meet the criterion in full
 * @ACCORD_AGREEMENT_ONLY_A: only the first meets it
 * @ACCORD_AGREEMENT_ONLY_B: only the second meets it
 * @ACCORD_AGREEMENT_NEITHER: neither meets it in full
 * @ACCORD_AGREEMENT_UNKNOWN: either profile does not state a fact it needs
 * @ACCORD_AGREEMENT_NOT_APPLICABLE: it does not apply to one of them, or the tailoring
 *   deselects it
 */
typedef enum {
	ACCORD_AGREEMENT_BOTH,
	ACCORD_AGREEMENT_ONLY_A,
	ACCORD_AGREEMENT_ONLY_B,
	ACCORD_AGREEMENT_NEITHER,
	ACCORD_AGREEMENT_UNKNOWN,
	ACCORD_AGREEMENT_NOT_APPLICABLE,
} AccordAgreement;

/**
 * AccordDivergence:
 * @ACCORD_DIVERGENCE_NONE: not a divergence: both or neither meet it, or it cannot be told
 * @ACCORD_DIVERGENCE_GAP: one side meets it; the other falls short without an incompatible
 *   regime (a lower level of the same scale, a partial regime, an absence)
 * @ACCORD_DIVERGENCE_CONFLICT: one side meets it; the two state values of a fact it reads that
 *   the vocabulary declares incompatible regimes
 *
 * What kind of divergence a criterion is between two profiles.
 */
typedef enum {
	ACCORD_DIVERGENCE_NONE,
	ACCORD_DIVERGENCE_GAP,
	ACCORD_DIVERGENCE_CONFLICT,
} AccordDivergence;

/**
 * AccordComparisonItem:
 * @criterion: the criterion
 * @agreement: how the two stand on it
 * @weight: its share of the ruleset's total weight (pillar × rule × criterion shares)
 * @divergence: for a criterion only one side meets, a conflict when the two sides' values of a
 *   fact it reads are declared in conflict (accord_fact_def_values_conflict()), a gap otherwise
 * @conflict_fact: (nullable): for a conflict, the first fact it reads whose values conflict
 * @differ: for a criterion both sides have known outcomes on, %TRUE when their values of the
 *   facts it reads differ (one states a fact the other does not, or a different value)
 *
 * One criterion of a comparison; a read-only record owned by #AccordComparison.
 */
typedef struct {
	const AccordCriterion *criterion;
	AccordAgreement agreement;
	gdouble weight;
	AccordDivergence divergence;
	const AccordFactDef *conflict_fact;
	gboolean differ;
} AccordComparisonItem;

/**
 * AccordAlignment:
 * @compared: the weight of the criteria both profiles have known outcomes on
 * @agree: the share of @compared on which they agree (both meet it, or neither does)
 * @both_pass: the share of @compared that both meet
 * @heterogeneity: the share of @compared on which the two profiles' facts differ: the
 *   OECD-style regulatory heterogeneity index, at least 1 − @agree (who meets a criterion and
 *   who does not always state different facts); the excess is criteria on which both stand
 *   the same way with different regimes
 *
 * Alignment of two profiles over a ruleset or one pillar; NAN shares when nothing compares.
 */
typedef struct {
	gdouble compared;
	gdouble agree;
	gdouble both_pass;
	gdouble heterogeneity;
} AccordAlignment;

/**
 * AccordComparison:
 *
 * Two countries' scores against one ruleset compared criterion by criterion, with their alignment
 * overall and per pillar (accord_comparison_new()). Has a single owner, who frees it with
 * accord_comparison_free(); it holds a reference to both scores.
 */
typedef struct _AccordComparison AccordComparison;

/**
 * AccordComparisonSet:
 *
 * Several countries' scores against one ruleset compared pair by pair (an #AccordComparison
 * for each pair), with how many of them meet each criterion (accord_comparison_set_new()).
 * Has a single owner, who frees it with accord_comparison_set_free(); it holds a reference to
 * every score.
 */
typedef struct _AccordComparisonSet AccordComparisonSet;

const gchar *
accord_agreement_to_string(AccordAgreement agreement);

const gchar *
accord_divergence_to_string(AccordDivergence divergence);
G_GNUC_WARN_UNUSED_RESULT AccordComparison *
accord_comparison_new(const AccordScore *a, const AccordScore *b, GError **error)
    ACCORD_NON_NULL(1, 2);
void
accord_comparison_free(AccordComparison *self);
const AccordScore *
accord_comparison_get_score_a(const AccordComparison *self) ACCORD_NON_NULL(1);
const AccordScore *
accord_comparison_get_score_b(const AccordComparison *self) ACCORD_NON_NULL(1);
const AccordRuleset *
accord_comparison_get_ruleset(const AccordComparison *self) ACCORD_NON_NULL(1);
guint
accord_comparison_get_n_items(const AccordComparison *self) ACCORD_NON_NULL(1);
const AccordComparisonItem *
accord_comparison_get_item(const AccordComparison *self, guint index) ACCORD_NON_NULL(1);
const AccordAlignment *
accord_comparison_get_alignment(const AccordComparison *self) ACCORD_NON_NULL(1);
const AccordAlignment *
accord_comparison_get_pillar_alignment(const AccordComparison *self, const AccordPillar *pillar)
    ACCORD_NON_NULL(1, 2);

G_GNUC_WARN_UNUSED_RESULT AccordComparisonSet *
accord_comparison_set_new(const AccordScore *const *scores, guint n_scores, GError **error)
    ACCORD_NON_NULL(1);
void
accord_comparison_set_free(AccordComparisonSet *self);
guint
accord_comparison_set_get_n_scores(const AccordComparisonSet *self) ACCORD_NON_NULL(1);
const AccordScore *
accord_comparison_set_get_score(const AccordComparisonSet *self, guint index) ACCORD_NON_NULL(1);
const AccordRuleset *
accord_comparison_set_get_ruleset(const AccordComparisonSet *self) ACCORD_NON_NULL(1);
const AccordComparison *
accord_comparison_set_get_pair(const AccordComparisonSet *self, guint i, guint j)
    ACCORD_NON_NULL(1);
guint
accord_comparison_set_get_n_meeting(const AccordComparisonSet *self,
				    const AccordCriterion *criterion) ACCORD_NON_NULL(1, 2);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordComparison, accord_comparison_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordComparisonSet, accord_comparison_set_free)

G_END_DECLS
