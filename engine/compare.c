#include "config.h"

#include <math.h>

#include "accord/compare.h"
#include "accord/error.h"

struct _AccordComparison {
	const AccordEvaluation *a; /* of score_a */
	const AccordEvaluation *b;
	AccordScore *score_a;
	AccordScore *score_b;
	GArray *items; /* AccordComparisonItem, in ruleset order */
	AccordAlignment overall;
	AccordAlignment *pillars; /* by pillar index */
};

static const gchar *agreement_names[] =
    {"both", "only-a", "only-b", "neither", "unknown", "not-applicable"};

static const gchar *divergence_names[] = {"none", "gap", "conflict"};

/**
 * accord_agreement_to_string:
 * @agreement: an agreement
 *
 * Returns: (transfer none): its name, e.g. `only-a`
 */
const gchar *
accord_agreement_to_string(AccordAgreement agreement)
{
	g_return_val_if_fail(agreement <= ACCORD_AGREEMENT_NOT_APPLICABLE, NULL);
	return agreement_names[agreement];
}

/**
 * accord_divergence_to_string:
 * @divergence: a kind of divergence
 *
 * Returns: (transfer none): its name: none, gap or conflict
 */
const gchar *
accord_divergence_to_string(AccordDivergence divergence)
{
	g_return_val_if_fail(divergence <= ACCORD_DIVERGENCE_CONFLICT, NULL);
	return divergence_names[divergence];
}

static AccordAgreement
agreement_of(const AccordCriterionResult *a, const AccordCriterionResult *b)
{
	if (a->outcome == ACCORD_OUTCOME_NOT_APPLICABLE ||
	    b->outcome == ACCORD_OUTCOME_NOT_APPLICABLE)
		return ACCORD_AGREEMENT_NOT_APPLICABLE;
	if (a->outcome == ACCORD_OUTCOME_UNKNOWN || b->outcome == ACCORD_OUTCOME_UNKNOWN)
		return ACCORD_AGREEMENT_UNKNOWN;
	if (a->outcome == ACCORD_OUTCOME_PASS)
		return b->outcome == ACCORD_OUTCOME_PASS ? ACCORD_AGREEMENT_BOTH
							 : ACCORD_AGREEMENT_ONLY_A;
	return b->outcome == ACCORD_OUTCOME_PASS ? ACCORD_AGREEMENT_ONLY_B
						 : ACCORD_AGREEMENT_NEITHER;
}

/* an absence is false, or a level or symbol called none or no; anything else stated is a
 * regime of its own, so a divergence over it is a conflict between two regimes */
static gboolean
is_active(const AccordProfileFact *fact)
{
	const gchar *text = accord_profile_fact_get_text(fact);

	return g_strcmp0(text, "false") != 0 && g_strcmp0(text, "none") != 0 &&
	       g_strcmp0(text, "no") != 0;
}

static gboolean
states_active_regime(const AccordCheck *check, const AccordProfile *profile)
{
	if (accord_check_get_kind(check) == ACCORD_CHECK_FACT) {
		const AccordProfileFact *fact = accord_profile_lookup_fact(
		    profile,
		    accord_fact_def_get_key(accord_check_get_fact(check)));
		return fact != NULL && is_active(fact);
	}
	for (guint i = 0; i < accord_check_get_n_children(check); i++) {
		if (states_active_regime(accord_check_get_child(check, i), profile))
			return TRUE;
	}
	return FALSE;
}

/* the criterion's part of the ruleset's total weight: pillar share × rule share within the
 * pillar × criterion share within the rule, all structural (tailoring applied: weights
 * overridden, deselected items out of every sum and weighing 0), so the same weight is used
 * for both profiles whatever each one's applicability. One pass sums the selected weights of
 * every rule and pillar, so the whole comparison is linear in the number of criteria */
static gdouble *
structural_weights(const AccordScore *score, const AccordRuleset *rs)
{
	guint n_rules = accord_ruleset_get_n_rules(rs);
	g_autofree gdouble *criteria = g_new0(gdouble, n_rules); /* by rule */
	g_autofree gdouble *rules = g_new0(gdouble, accord_ruleset_get_n_pillars(rs));
	gdouble pillars = 0;
	gdouble *out = g_new0(gdouble, accord_ruleset_get_n_criteria(rs));

	for (guint i = 0; i < accord_ruleset_get_n_criteria(rs); i++) {
		const AccordCriterion *c = accord_ruleset_get_criterion(rs, i);
		if (accord_score_selects_criterion(score, c))
			criteria[accord_rule_get_index(accord_criterion_get_rule(c))] +=
			    accord_score_get_criterion_weight(score, c);
	}
	for (guint i = 0; i < n_rules; i++) {
		const AccordRule *r = accord_ruleset_get_rule(rs, i);
		guint p = accord_pillar_get_index(accord_rule_get_pillar(r));

		if (criteria[i] <= 0)
			continue;
		if (rules[p] <= 0)
			pillars += accord_score_get_pillar_weight(score, accord_rule_get_pillar(r));
		rules[p] += accord_score_get_rule_weight(score, r);
	}
	for (guint i = 0; i < accord_ruleset_get_n_criteria(rs); i++) {
		const AccordCriterion *c = accord_ruleset_get_criterion(rs, i);
		const AccordRule *r = accord_criterion_get_rule(c);
		const AccordPillar *p = accord_rule_get_pillar(r);

		if (!accord_score_selects_criterion(score, c))
			continue;
		out[i] = accord_score_get_pillar_weight(score, p) / pillars *
			 accord_score_get_rule_weight(score, r) /
			 rules[accord_pillar_get_index(p)] *
			 accord_score_get_criterion_weight(score, c) /
			 criteria[accord_rule_get_index(r)];
	}
	return out;
}

static void
add_to(AccordAlignment *al, const AccordComparisonItem *item)
{
	if (item->agreement > ACCORD_AGREEMENT_NEITHER)
		return;
	al->compared += item->weight;
	if (item->agreement == ACCORD_AGREEMENT_BOTH || item->agreement == ACCORD_AGREEMENT_NEITHER)
		al->agree += item->weight;
	if (item->agreement == ACCORD_AGREEMENT_BOTH)
		al->both_pass += item->weight;
}

/* sums become shares of the compared weight */
static void
normalise(AccordAlignment *al)
{
	al->agree = al->compared > 0 ? al->agree / al->compared : NAN;
	al->both_pass = al->compared > 0 ? al->both_pass / al->compared : NAN;
}

static AccordComparisonItem
compare_criterion(const AccordComparison *self, const AccordCriterion *criterion, gdouble weight)
{
	const AccordCriterionResult *ra = accord_evaluation_get_result(self->a, criterion);
	const AccordCriterionResult *rb = accord_evaluation_get_result(self->b, criterion);
	AccordComparisonItem item = {criterion,
				     agreement_of(ra, rb),
				     weight,
				     ACCORD_DIVERGENCE_NONE};
	const AccordEvaluation *short_side = NULL;

	if (!accord_score_selects_criterion(self->score_a, criterion))
		item.agreement = ACCORD_AGREEMENT_NOT_APPLICABLE;
	if (item.agreement == ACCORD_AGREEMENT_ONLY_A)
		short_side = self->b;
	else if (item.agreement == ACCORD_AGREEMENT_ONLY_B)
		short_side = self->a;
	if (short_side != NULL)
		item.divergence = states_active_regime(accord_criterion_get_check(criterion),
						       accord_evaluation_get_profile(short_side))
				      ? ACCORD_DIVERGENCE_CONFLICT
				      : ACCORD_DIVERGENCE_GAP;
	return item;
}

/**
 * accord_comparison_new:
 * @a: (transfer none): the first profile's score; the comparison keeps a reference
 * @b: (transfer none): the second profile's score, against the same ruleset and options
 * @error: return location for an `ACCORD_ERROR`
 *
 * Compares two countries criterion by criterion: met by both, only one, neither, unknown on
 * either side, or not applicable; a divergence (only one meets it) is a conflict when the
 * side that falls short states a regime of its own, a gap otherwise; and the alignment: the
 * share of compared weight on which they agree and on which both pass, overall and per
 * pillar.
 *
 * Returns: (transfer full) (nullable): the comparison, or %NULL with `ACCORD_ERROR_USAGE` when
 *   the two scores are of different rulesets
 */
AccordComparison *
accord_comparison_new(const AccordScore *a, const AccordScore *b, GError **error)
{
	g_autoptr(AccordComparison) self = NULL;
	g_autofree gdouble *weights = NULL;
	const AccordRuleset *rs;

	g_return_val_if_fail(a != NULL && b != NULL, NULL);
	rs = accord_evaluation_get_ruleset(accord_score_get_evaluation(a));
	if (rs != accord_evaluation_get_ruleset(accord_score_get_evaluation(b))) {
		g_set_error_literal(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_USAGE,
				    "a comparison needs both profiles scored against one ruleset");
		return NULL;
	}
	self = g_new0(AccordComparison, 1);
	self->score_a = accord_score_ref(a);
	self->score_b = accord_score_ref(b);
	self->a = accord_score_get_evaluation(a);
	self->b = accord_score_get_evaluation(b);
	self->items = g_array_new(FALSE, TRUE, sizeof(AccordComparisonItem));
	self->pillars = g_new0(AccordAlignment, accord_ruleset_get_n_pillars(rs));
	weights = structural_weights(a, rs);
	for (guint i = 0; i < accord_ruleset_get_n_criteria(rs); i++) {
		AccordComparisonItem item =
		    compare_criterion(self, accord_ruleset_get_criterion(rs, i), weights[i]);
		const AccordPillar *pillar =
		    accord_rule_get_pillar(accord_criterion_get_rule(item.criterion));

		add_to(&self->overall, &item);
		add_to(&self->pillars[accord_pillar_get_index(pillar)], &item);
		g_array_append_val(self->items, item);
	}
	normalise(&self->overall);
	for (guint p = 0; p < accord_ruleset_get_n_pillars(rs); p++)
		normalise(&self->pillars[p]);
	return g_steal_pointer(&self);
}

/**
 * accord_comparison_free:
 * @self: (nullable) (transfer full): a comparison
 */
void
accord_comparison_free(AccordComparison *self)
{
	if (self == NULL)
		return;
	accord_score_unref(self->score_a);
	accord_score_unref(self->score_b);
	if (self->items != NULL)
		g_array_unref(self->items);
	g_free(self->pillars);
	g_free(self);
}

/**
 * accord_comparison_get_score_a:
 * @self: a comparison
 *
 * Returns: (transfer none): the first profile's score
 */
const AccordScore *
accord_comparison_get_score_a(const AccordComparison *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->score_a;
}

/**
 * accord_comparison_get_score_b:
 * @self: a comparison
 *
 * Returns: (transfer none): the second profile's score
 */
const AccordScore *
accord_comparison_get_score_b(const AccordComparison *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->score_b;
}

/**
 * accord_comparison_get_ruleset:
 * @self: a comparison
 *
 * Returns: (transfer none): the ruleset both profiles were scored against
 */
const AccordRuleset *
accord_comparison_get_ruleset(const AccordComparison *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return accord_evaluation_get_ruleset(self->a);
}

/**
 * accord_comparison_get_n_items:
 * @self: a comparison
 *
 * Returns: how many criteria it compares: every criterion of the ruleset
 */
guint
accord_comparison_get_n_items(const AccordComparison *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->items->len;
}

/**
 * accord_comparison_get_item:
 * @self: a comparison
 * @index: from 0, in ruleset order
 *
 * Returns: (transfer none): how the two stand on one criterion
 */
const AccordComparisonItem *
accord_comparison_get_item(const AccordComparison *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->items->len, NULL);
	return &g_array_index(self->items, AccordComparisonItem, index);
}

/**
 * accord_comparison_get_alignment:
 * @self: a comparison
 *
 * Returns: (transfer none): the alignment over the whole ruleset
 */
const AccordAlignment *
accord_comparison_get_alignment(const AccordComparison *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return &self->overall;
}

/**
 * accord_comparison_get_pillar_alignment:
 * @self: a comparison
 * @pillar: a pillar of the ruleset
 *
 * Returns: (transfer none): the alignment over the pillar's criteria
 */
const AccordAlignment *
accord_comparison_get_pillar_alignment(const AccordComparison *self, const AccordPillar *pillar)
{
	g_return_val_if_fail(self != NULL && pillar != NULL, NULL);
	return &self->pillars[accord_pillar_get_index(pillar)];
}
