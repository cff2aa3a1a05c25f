#include "config.h"

#include <math.h>

#include "accord/explain.h"

struct _AccordExplanation {
	AccordScore *score;
	GArray *rules;	 /* AccordRuleTerm, in ruleset order */
	GArray *pillars; /* AccordPillarTerm, in ruleset order */
	guint n_zeroing;
	GArray *gains; /* AccordMarginalGain, largest first, ties by criterion id */
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

static gboolean
rule_selected(const AccordScore *score, const AccordRule *rule)
{
	for (guint i = 0; i < accord_rule_get_n_criteria(rule); i++)
		if (accord_score_selects_criterion(score, accord_rule_get_criterion(rule, i)))
			return TRUE;
	return FALSE;
}

static void
collect_terms(AccordExplanation *self, const AccordRuleset *rs)
{
	const AccordScoreOptions *options = accord_score_get_options(self->score);
	gboolean geometric = options->aggregation == ACCORD_AGGREGATION_GEOMETRIC;

	for (guint i = 0; i < accord_ruleset_get_n_rules(rs); i++) {
		const AccordRule *r = accord_ruleset_get_rule(rs, i);
		gdouble m = accord_obligation_get_multiplier(accord_rule_get_obligation(r));
		AccordRuleTerm t = {r,
				    accord_score_get_rule_weight(self->score, r) / m,
				    m,
				    accord_score_get_rule_weight(self->score, r),
				    accord_score_get_rule(self->score, r),
				    rule_selected(self->score, r)};

		g_array_append_val(self->rules, t);
	}
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *p = accord_ruleset_get_pillar(rs, i);
		const AccordScoreItem *item = accord_score_get_pillar(self->score, p);
		AccordPillarTerm t = {p,
				      accord_score_get_pillar_weight(self->score, p),
				      item,
				      geometric && item->applicable && item->value <= 0};

		self->n_zeroing += t.zeroes ? 1 : 0;
		g_array_append_val(self->pillars, t);
	}
}

/**
 * accord_explanation_new:
 * @score: (transfer none): a score; the explanation keeps a reference
 * @error: return location for an `ACCORD_ERROR`
 *
 * Gathers every term behind a score: each criterion's (accord_score_get_term()), each rule's
 * weight as set, multiplier and effective weight, each pillar's weight and whether it zeroes
 * a geometric mean; and the marginal gain in the overall score of closing each open
 * criterion alone, by re-scoring.
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
	self->score = accord_score_ref(score);
	self->rules = g_array_new(FALSE, TRUE, sizeof(AccordRuleTerm));
	self->pillars = g_array_new(FALSE, TRUE, sizeof(AccordPillarTerm));
	self->gains = g_array_new(FALSE, TRUE, sizeof(AccordMarginalGain));
	collect_terms(self, rs);
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

/**
 * accord_explanation_free:
 * @self: (nullable) (transfer full): an explanation
 */
void
accord_explanation_free(AccordExplanation *self)
{
	if (self == NULL)
		return;
	g_clear_pointer(&self->gains, g_array_unref);
	g_clear_pointer(&self->rules, g_array_unref);
	g_clear_pointer(&self->pillars, g_array_unref);
	accord_score_unref(self->score);
	g_free(self);
}

/**
 * accord_explanation_get_n_rules:
 * @self: an explanation
 *
 * Returns: the number of rules, as in the ruleset
 */
guint
accord_explanation_get_n_rules(const AccordExplanation *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->rules->len;
}

/**
 * accord_explanation_get_rule:
 * @self: an explanation
 * @index: a rule index
 *
 * Returns: (transfer none): how the rule enters its pillar
 */
const AccordRuleTerm *
accord_explanation_get_rule(const AccordExplanation *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->rules->len, NULL);
	return &g_array_index(self->rules, AccordRuleTerm, index);
}

/**
 * accord_explanation_get_n_pillars:
 * @self: an explanation
 *
 * Returns: the number of pillars, as in the ruleset
 */
guint
accord_explanation_get_n_pillars(const AccordExplanation *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->pillars->len;
}

/**
 * accord_explanation_get_pillar:
 * @self: an explanation
 * @index: a pillar index
 *
 * Returns: (transfer none): how the pillar enters the overall score
 */
const AccordPillarTerm *
accord_explanation_get_pillar(const AccordExplanation *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->pillars->len, NULL);
	return &g_array_index(self->pillars, AccordPillarTerm, index);
}

/**
 * accord_explanation_get_n_zeroing:
 * @self: an explanation
 *
 * Returns: how many pillars zero the overall score (geometric aggregation only)
 */
guint
accord_explanation_get_n_zeroing(const AccordExplanation *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->n_zeroing;
}

/**
 * accord_explanation_get_score:
 * @self: an explanation
 *
 * Returns: (transfer none): the explained score
 */
const AccordScore *
accord_explanation_get_score(const AccordExplanation *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->score;
}

/**
 * accord_explanation_get_n_gains:
 * @self: an explanation
 *
 * Returns: the number of open criteria
 */
guint
accord_explanation_get_n_gains(const AccordExplanation *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->gains->len;
}

/**
 * accord_explanation_get_gain:
 * @self: an explanation
 * @index: from 0, largest gain first
 *
 * Returns: (transfer none): an open criterion and its marginal gain
 */
const AccordMarginalGain *
accord_explanation_get_gain(const AccordExplanation *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->gains->len, NULL);
	return &g_array_index(self->gains, AccordMarginalGain, index);
}
