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

/* The marginal gain of meeting one criterion, from the score's items: meeting it changes only
 * its term, so only its rule, its pillar and the overall score, each by one term of its sum.
 * Re-scoring the whole ruleset for each open criterion, as accord_score_gain_if_met() does,
 * made an explanation quadratic in the number of criteria (9 s for 10,000). These follow
 * score.c's formulas under every model, aggregation and unknown policy; test-explain.c holds
 * them to the full re-score over random rulesets and profiles. Meeting a criterion never
 * makes anything inapplicable, so denominators only grow. */
typedef struct {
	const AccordScore *score;
	AccordScoreModel model;
	gboolean flat;	    /* the XCCDF flat models: raw sums add up the tree */
	gboolean geometric; /* the overall score is a weighted geometric mean of pillars */
	guint n_zero;	    /* applicable pillars at 0, which zero a geometric mean */
} Rescore;

/* 100 × numerator / denominator; all or nothing under the absolute model */
static void
set_value(const Rescore *z, AccordScoreItem *item)
{
	item->applicable = item->denominator > 0;
	if (!item->applicable)
		item->value = NAN;
	else if (z->model == ACCORD_SCORE_MODEL_XCCDF_ABSOLUTE)
		item->value = item->numerator == item->denominator ? 100.0 : 0.0;
	else
		item->value = 100.0 * item->numerator / item->denominator;
}

/* what a child of weight @w adds to its parent's numerator, and to its denominator (*weight) */
static gdouble
share_of(const Rescore *z, const AccordScoreItem *child, gdouble w, gdouble *weight)
{
	if (!child->applicable) {
		*weight = 0;
		return 0;
	}
	*weight = z->flat ? child->denominator : w;
	return z->flat ? child->numerator : w * child->value / 100.0;
}

/* a parent with one child moved from @before to @after */
static void
move_child(const Rescore *z,
	   AccordScoreItem *parent,
	   gdouble w,
	   const AccordScoreItem *before,
	   const AccordScoreItem *after)
{
	gdouble w1, w2;

	parent->numerator += share_of(z, after, w, &w2) - share_of(z, before, w, &w1);
	parent->denominator += w2 - w1;
	set_value(z, parent);
}

/* a pillar's term in the geometric mean's log-sum: w ln(v / 100), none at 0 */
static gdouble
log_term(const AccordScoreItem *pillar, gdouble w)
{
	return pillar->applicable && pillar->value > 0 ? w * log(pillar->value / 100.0) : 0;
}

static gboolean
is_zero(const AccordScoreItem *pillar)
{
	return pillar->applicable && pillar->value <= 0;
}

static gdouble
geometric_after(const Rescore *z,
		gdouble w,
		const AccordScoreItem *before,
		const AccordScoreItem *after)
{
	const AccordScoreItem *o = accord_score_get_overall(z->score);
	guint n_zero = z->n_zero - is_zero(before) + is_zero(after);
	gdouble den = o->denominator + (after->applicable ? w : 0) - (before->applicable ? w : 0);
	gdouble num = o->numerator + log_term(after, w) - log_term(before, w);

	if (!(den > 0))
		return 0;
	return n_zero > 0 ? 0.0 : 100.0 * exp(num / den);
}

/* the overall score, 0 when not applicable, with criterion @c met */
static gdouble
overall_with_met(const Rescore *z, const AccordCriterion *c)
{
	const AccordRule *rule = accord_criterion_get_rule(c);
	const AccordPillar *pillar = accord_rule_get_pillar(rule);
	const AccordScoreTerm *t = accord_score_get_term(z->score, c);
	const AccordScoreItem *r = accord_score_get_rule(z->score, rule);
	const AccordScoreItem *p = accord_score_get_pillar(z->score, pillar);
	AccordScoreItem r2 = *r, p2 = *p, o2 = *accord_score_get_overall(z->score);
	gdouble pw = accord_score_get_pillar_weight(z->score, pillar);

	/* met: credit 1 with the same weight; an unknown the policy left out now counts */
	r2.numerator += t->weight * (1.0 - (accord_term_is_counted(t) ? t->credit : 0.0));
	r2.denominator += accord_term_is_counted(t) ? 0.0 : t->weight;
	set_value(z, &r2);
	move_child(z, &p2, accord_score_get_rule_weight(z->score, rule), r, &r2);
	if (z->geometric)
		return geometric_after(z, pw, p, &p2);
	move_child(z, &o2, pw, p, &p2);
	return o2.applicable ? o2.value : 0;
}

static gdouble
gain_of(const Rescore *z, const AccordCriterion *c)
{
	const AccordScoreItem *o = accord_score_get_overall(z->score);

	return overall_with_met(z, c) - (o->applicable ? o->value : 0);
}

static void
rescore_init(Rescore *z, const AccordScore *score, const AccordRuleset *rs)
{
	const AccordScoreOptions *options = accord_score_get_options(score);

	z->score = score;
	z->model = options->model;
	z->flat = options->model == ACCORD_SCORE_MODEL_XCCDF_FLAT ||
		  options->model == ACCORD_SCORE_MODEL_XCCDF_FLAT_UNWEIGHTED ||
		  options->model == ACCORD_SCORE_MODEL_XCCDF_ABSOLUTE;
	z->geometric = options->aggregation == ACCORD_AGGREGATION_GEOMETRIC;
	z->n_zero = 0;
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++)
		z->n_zero +=
		    is_zero(accord_score_get_pillar(score, accord_ruleset_get_pillar(rs, i)));
}

/**
 * accord_explanation_new:
 * @score: (transfer none): a score; the explanation keeps a reference
 * @error: return location for an `ACCORD_ERROR`
 *
 * Gathers every term behind a score: each criterion's (accord_score_get_term()), each rule's
 * weight as set, multiplier and effective weight, each pillar's weight and whether it zeroes
 * a geometric mean; and the marginal gain in the overall score of closing each open
 * criterion alone: the overall score re-computed with it met, minus the current one (in
 * time proportional to the number of criteria, and n log n to sort the gains).
 *
 * Returns: (transfer full) (nullable): the explanation, or %NULL with @error set
 */
AccordExplanation *
accord_explanation_new(const AccordScore *score, GError **error)
{
	const AccordEvaluation *evaluation;
	const AccordRuleset *rs;
	g_autoptr(AccordExplanation) self = g_new0(AccordExplanation, 1);
	Rescore z;

	g_return_val_if_fail(score != NULL, NULL);
	evaluation = accord_score_get_evaluation(score);
	rs = accord_evaluation_get_ruleset(evaluation);
	self->score = accord_score_ref(score);
	self->rules = g_array_new(FALSE, TRUE, sizeof(AccordRuleTerm));
	self->pillars = g_array_new(FALSE, TRUE, sizeof(AccordPillarTerm));
	self->gains = g_array_new(FALSE, TRUE, sizeof(AccordMarginalGain));
	collect_terms(self, rs);
	rescore_init(&z, score, rs);
	for (guint i = 0; i < accord_ruleset_get_n_criteria(rs); i++) {
		const AccordCriterion *c = accord_ruleset_get_criterion(rs, i);
		AccordOutcome o = accord_evaluation_get_result(evaluation, c)->outcome;
		AccordMarginalGain g = {c, 0};

		if (!accord_score_selects_criterion(score, c) || o == ACCORD_OUTCOME_PASS ||
		    o == ACCORD_OUTCOME_NOT_APPLICABLE)
			continue;
		g.gain = gain_of(&z, c);
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
