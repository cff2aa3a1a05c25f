#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "macros.h"
#include "score.h"

G_BEGIN_DECLS

/**
 * AccordMarginalGain:
 * @criterion: an open criterion (applicable, selected, not met in full)
 * @gain: how many points the overall score would rise if it alone were met, re-scored
 *
 * One line of an explanation; owned by #AccordExplanation.
 */
typedef struct {
	const AccordCriterion *criterion;
	gdouble gain;
} AccordMarginalGain;

/**
 * AccordRuleTerm:
 * @rule: the rule
 * @weight_as_set: its weight in the ruleset, or the tailoring's override
 * @multiplier: its obligation's multiplier
 * @weight: @weight_as_set × @multiplier, its weight in its pillar's mean
 * @score: its score (numerator and denominator are sums over its criterion terms,
 *   accord_score_get_term())
 * @selected: %FALSE when the tailoring leaves the whole rule out
 *
 * How one rule enters its pillar; owned by #AccordExplanation.
 */
typedef struct {
	const AccordRule *rule;
	gdouble weight_as_set;
	gdouble multiplier;
	gdouble weight;
	const AccordScoreItem *score;
	gboolean selected;
} AccordRuleTerm;

/**
 * AccordPillarTerm:
 * @pillar: the pillar
 * @weight: its weight in the overall mean (tailored)
 * @score: its score
 * @zeroes: %TRUE under geometric aggregation when its score is 0, which makes the
 *   overall score 0 whatever the other pillars hold
 *
 * How one pillar enters the overall score; owned by #AccordExplanation.
 */
typedef struct {
	const AccordPillar *pillar;
	gdouble weight;
	const AccordScoreItem *score;
	gboolean zeroes;
} AccordPillarTerm;

/**
 * AccordExplanation:
 *
 * Every term behind a score: how each rule and pillar enters it, and the marginal gain of meeting
 * each open criterion (accord_explanation_new()). Has a single owner, who frees it with
 * accord_explanation_free(); it holds a reference to the score.
 */
typedef struct _AccordExplanation AccordExplanation;

G_GNUC_WARN_UNUSED_RESULT AccordExplanation *
accord_explanation_new(const AccordScore *score, GError **error) ACCORD_NON_NULL(1);
void
accord_explanation_free(AccordExplanation *self);
const AccordScore *
accord_explanation_get_score(const AccordExplanation *self) ACCORD_NON_NULL(1);
guint
accord_explanation_get_n_rules(const AccordExplanation *self) ACCORD_NON_NULL(1);
const AccordRuleTerm *
accord_explanation_get_rule(const AccordExplanation *self, guint index) ACCORD_NON_NULL(1);
guint
accord_explanation_get_n_pillars(const AccordExplanation *self) ACCORD_NON_NULL(1);
const AccordPillarTerm *
accord_explanation_get_pillar(const AccordExplanation *self, guint index) ACCORD_NON_NULL(1);
guint
accord_explanation_get_n_zeroing(const AccordExplanation *self) ACCORD_NON_NULL(1);
guint
accord_explanation_get_n_gains(const AccordExplanation *self) ACCORD_NON_NULL(1);
const AccordMarginalGain *
accord_explanation_get_gain(const AccordExplanation *self, guint index) ACCORD_NON_NULL(1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordExplanation, accord_explanation_free)

G_END_DECLS
