#include "config.h"

#include <math.h>

#include "accord/gaps.h"

/* scores are sums of products of user weights; two rules that are equal by hand can differ in
 * the last bits, so comparisons that decide order or "full marks" allow this much */
#define GAP_EPSILON 1e-9

struct _AccordGapList {
	AccordRuleset *ruleset; /* its rules and criteria are what the gaps point at */
	GArray *gaps;		/* AccordGap */
	gdouble total;
};

static void
clear_gap(gpointer data)
{
	AccordGap *gap = data;

	g_ptr_array_unref(gap->unmet);
}

static gint
compare_gaps(gconstpointer a, gconstpointer b)
{
	const AccordGap *x = a;
	const AccordGap *y = b;

	if (fabs(x->gap - y->gap) > GAP_EPSILON)
		return x->gap > y->gap ? -1 : 1;
	return g_strcmp0(accord_rule_get_id(x->rule), accord_rule_get_id(y->rule));
}

static GPtrArray *
collect_unmet(const AccordScore *score, const AccordRule *rule)
{
	const AccordEvaluation *evaluation = accord_score_get_evaluation(score);
	GPtrArray *unmet = g_ptr_array_new();

	for (guint i = 0; i < accord_rule_get_n_criteria(rule); i++) {
		const AccordCriterion *criterion = accord_rule_get_criterion(rule, i);
		AccordOutcome outcome =
		    accord_evaluation_get_result(evaluation, criterion)->outcome;

		/* a criterion the tailoring deselects is out of the assessment, met or not */
		if (outcome != ACCORD_OUTCOME_PASS && outcome != ACCORD_OUTCOME_NOT_APPLICABLE &&
		    accord_score_selects_criterion(score, criterion))
			g_ptr_array_add(unmet, (gpointer)criterion);
	}
	return unmet;
}

/**
 * accord_gaps_compute:
 * @score: (transfer none): a score; the list keeps its ruleset alive
 *
 * Lists every applicable rule short of full marks with its gap, share × (100 − score), the
 * points of overall score its shortfall costs; ordered by gap, largest first, ties by rule id.
 *
 * Returns: (transfer full): the gap list, possibly empty
 */
AccordGapList *
accord_gaps_compute(const AccordScore *score)
{
	const AccordEvaluation *evaluation;
	const AccordRuleset *ruleset;
	AccordGapList *self;

	g_return_val_if_fail(score != NULL, NULL);
	evaluation = accord_score_get_evaluation(score);
	ruleset = accord_evaluation_get_ruleset(evaluation);
	self = g_new0(AccordGapList, 1);
	self->ruleset = accord_ruleset_ref(ruleset);
	self->gaps = g_array_new(FALSE, TRUE, sizeof(AccordGap));
	g_array_set_clear_func(self->gaps, clear_gap);
	for (guint i = 0; i < accord_ruleset_get_n_rules(ruleset); i++) {
		const AccordRule *rule = accord_ruleset_get_rule(ruleset, i);
		const AccordScoreItem *item = accord_score_get_rule(score, rule);
		AccordGap gap;

		if (!item->applicable || item->value >= 100.0 - GAP_EPSILON)
			continue;
		gap.rule = rule;
		gap.score = item->value;
		gap.share = item->share;
		gap.gap = item->share * (100.0 - item->value);
		gap.unmet = collect_unmet(score, rule);
		self->total += gap.gap;
		g_array_append_val(self->gaps, gap);
	}
	g_array_sort(self->gaps, compare_gaps);
	return self;
}

/**
 * accord_gap_list_free:
 * @self: (nullable) (transfer full): a gap list
 */
void
accord_gap_list_free(AccordGapList *self)
{
	if (self == NULL)
		return;
	g_array_unref(self->gaps);
	accord_ruleset_unref(self->ruleset);
	g_free(self);
}

/**
 * accord_gap_list_get_n_gaps:
 * @self: a gap list
 *
 * Returns: how many rules fall short of full marks, possibly 0
 */
guint
accord_gap_list_get_n_gaps(const AccordGapList *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->gaps->len;
}

/**
 * accord_gap_list_get_gap:
 * @self: a gap list
 * @index: 0 for the largest gap
 *
 * Returns: (transfer none): the gap
 */
const AccordGap *
accord_gap_list_get_gap(const AccordGapList *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->gaps->len, NULL);
	return &g_array_index(self->gaps, AccordGap, index);
}

/**
 * accord_gap_list_get_total:
 * @self: a gap list
 *
 * Returns: the sum of all gaps; with arithmetic aggregation, 100 − the overall score
 */
gdouble
accord_gap_list_get_total(const AccordGapList *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->total;
}
