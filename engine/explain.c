#include "config.h"

#include <math.h>

#include "accord/explain.h"

struct _AccordExplanation {
	const AccordScore *score; /* borrowed: must outlive the explanation */
	GArray *gains;		  /* AccordMarginalGain, largest first, ties by criterion id */
};

static gint
compare_gains(gconstpointer a, gconstpointer b)
{
	const AccordMarginalGain *x = a;
	const AccordMarginalGain *y = b;

	if (fabs(x->gain - y->gain) > 1e-9)
		return x->gain > y->gain ? -1 : 1;
	return g_strcmp0(accord_criterion_get_id(x->criterion),
			 accord_criterion_get_id(y->criterion));
}

/**
 * accord_explanation_new:
 * @score: (transfer none): a score; it must outlive the explanation
 * @error: return location for an `ACCORD_ERROR`
 *
 * Computes what an explained score needs beyond the score itself: the marginal gain in the
 * overall score of closing each open criterion alone, by re-scoring.
 *
 * Returns: (transfer full) (nullable): the explanation, or %NULL with @error set
 */
AccordExplanation *
accord_explanation_new(const AccordScore *score, GError **error)
{
	const AccordEvaluation *evaluation;
	const AccordRuleset *rs;
	g_autoptr(AccordExplanation) self = g_new0(AccordExplanation, 1);

	g_return_val_if_fail(score != NULL, NULL);
	evaluation = accord_score_get_evaluation(score);
	rs = accord_evaluation_get_ruleset(evaluation);
	self->score = score;
	self->gains = g_array_new(FALSE, TRUE, sizeof(AccordMarginalGain));
	for (guint i = 0; i < accord_ruleset_get_n_criteria(rs); i++) {
		const AccordCriterion *c = accord_ruleset_get_criterion(rs, i);
		AccordOutcome o = accord_evaluation_get_result(evaluation, c)->outcome;
		AccordMarginalGain g = {c, 0};

		if (!accord_score_selects_criterion(score, c) || o == ACCORD_OUTCOME_PASS ||
		    o == ACCORD_OUTCOME_NOT_APPLICABLE)
			continue;
		g_autoptr(GPtrArray) met = g_ptr_array_new();

		g_ptr_array_add(met, (gpointer)c);
		if (!accord_score_gain_if_met(score, met, &g.gain, error))
			return NULL;
		g_array_append_val(self->gains, g);
	}
	g_array_sort(self->gains, compare_gains);
	return g_steal_pointer(&self);
}

void
accord_explanation_free(AccordExplanation *self)
{
	if (self == NULL)
		return;
	if (self->gains != NULL)
		g_array_unref(self->gains);
	g_free(self);
}

const AccordScore *
accord_explanation_get_score(const AccordExplanation *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->score;
}

guint
accord_explanation_get_n_gains(const AccordExplanation *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->gains->len;
}

const AccordMarginalGain *
accord_explanation_get_gain(const AccordExplanation *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->gains->len, NULL);
	return &g_array_index(self->gains, AccordMarginalGain, index);
}
