#pragma once

#include "accord/score.h"

G_BEGIN_DECLS

/* the overall value (NAN when not applicable) accord_score_compute() would give, under
 * @score's options, the evaluation of @score with the results @overlay holds (by criterion
 * index, NULL where the evaluation's stand) in place of the evaluation's; @rules lists, in
 * ascending order, every rule a criterion of the overlay belongs to. %FALSE when a number
 * would not be finite: accord_score_compute() reports that as an error */
gboolean
accord_score_overall_with(const AccordScore *score,
			  const AccordCriterionResult *const *overlay,
			  const guint *rules,
			  guint n_rules,
			  gdouble *value);

G_END_DECLS
