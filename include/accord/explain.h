#pragma once

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

typedef struct _AccordExplanation AccordExplanation;

G_GNUC_WARN_UNUSED_RESULT AccordExplanation *
accord_explanation_new(const AccordScore *score, GError **error) ACCORD_NON_NULL(1);
void
accord_explanation_free(AccordExplanation *self);
const AccordScore *
accord_explanation_get_score(const AccordExplanation *self) ACCORD_NON_NULL(1);
guint
accord_explanation_get_n_gains(const AccordExplanation *self) ACCORD_NON_NULL(1);
const AccordMarginalGain *
accord_explanation_get_gain(const AccordExplanation *self, guint index) ACCORD_NON_NULL(1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordExplanation, accord_explanation_free)

G_END_DECLS
