#pragma once

#include "accord/score.h"

G_BEGIN_DECLS

/* one rule of accord_score_overall_with(): its index, and its score once known (@given) */
typedef struct {
	guint rule;
	gboolean given;
	gboolean assessed; /* any of its criteria is applicable */
	AccordScoreItem item;
} AccordScoreRuleDelta;

/* the overall value (NAN when not applicable) accord_score_compute() would give, under
 * @score's options, the evaluation of @score with the results @overlay holds (by criterion
 * index, NULL where the evaluation's stand) in place of the evaluation's; @rules lists, in
 * ascending order of index, every rule a criterion of the overlay belongs to, and receives
 * the score of each not @given yet (one that is given is taken as it is). %FALSE when a
 * number would not be finite: accord_score_compute() reports that as an error */
gboolean
accord_score_overall_with(const AccordScore *score,
			  const AccordCriterionResult *const *overlay,
			  AccordScoreRuleDelta *rules,
			  guint n_rules,
			  gdouble *value);

G_END_DECLS
