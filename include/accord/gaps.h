#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "macros.h"
#include "score.h"

G_BEGIN_DECLS

/**
 * AccordGapList:
 *
 * The rules of a score that fall short of full marks, largest gap first (accord_gaps_compute()).
 * Has a single owner, who frees it with accord_gap_list_free(); it keeps the ruleset its gaps point
 * into alive.
 */
typedef struct _AccordGapList AccordGapList;

/**
 * AccordGap:
 * @rule: the rule that falls short
 * @score: the rule's score on 0–100
 * @share: the share of the overall score the rule carries, in [0, 1]
 * @gap: @share × (100 − @score): the points of overall score the shortfall costs
 * @unmet: (element-type AccordCriterion): the rule's criteria that are not met in full
 *
 * One rule short of full marks. A read-only record owned by its #AccordGapList.
 */
typedef struct {
	const AccordRule *rule;
	gdouble score;
	gdouble share;
	gdouble gap;
	GPtrArray *unmet;
} AccordGap;

G_GNUC_WARN_UNUSED_RESULT AccordGapList *
accord_gaps_compute(const AccordScore *score) ACCORD_NON_NULL(1);
void
accord_gap_list_free(AccordGapList *self);
guint
accord_gap_list_get_n_gaps(const AccordGapList *self) ACCORD_NON_NULL(1);
const AccordGap *
accord_gap_list_get_gap(const AccordGapList *self, guint index) ACCORD_NON_NULL(1);
gdouble
accord_gap_list_get_total(const AccordGapList *self) ACCORD_NON_NULL(1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordGapList, accord_gap_list_free)

G_END_DECLS
