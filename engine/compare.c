#include "config.h"

#include <math.h>

#include "accord/compare.h"
#include "accord/error.h"
#include "evaluate-private.h"

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

static GPtrArray *
facts_read(const AccordCriterion *criterion)
{
	GPtrArray *defs = g_ptr_array_new();

	accord_criterion_collect_facts(criterion, defs);
	return defs;
}

static const AccordValue *
value_of(const AccordProfile *profile, const AccordFactDef *def)
{
	const AccordProfileFact *fact =
	    accord_profile_lookup_fact(profile, accord_fact_def_get_key(def));

	return fact != NULL ? accord_profile_fact_get_value(fact) : NULL;
}

/* the first fact the criterion reads on which the two profiles state values the vocabulary
 * declares incompatible regimes, or NULL */
static const AccordFactDef *
conflicting_fact(const GPtrArray *defs, const AccordProfile *a, const AccordProfile *b)
{
	for (guint i = 0; i < defs->len; i++) {
		const AccordFactDef *def = g_ptr_array_index(defs, i);
		const AccordValue *va = value_of(a, def);
		const AccordValue *vb = value_of(b, def);

		if (va != NULL && vb != NULL && accord_fact_def_values_conflict(def, va, vb))
			return def;
	}
	return NULL;
}

/* whether the two profiles' facts the criterion reads differ: a value stated on one side
 * only, or two different values (the OECD heterogeneity index compares answers, not scores) */
static gboolean
facts_differ(const GPtrArray *defs, const AccordProfile *a, const AccordProfile *b)
{
	for (guint i = 0; i < defs->len; i++) {
		const AccordFactDef *def = g_ptr_array_index(defs, i);
		const AccordValue *va = value_of(a, def);
		const AccordValue *vb = value_of(b, def);

		if ((va == NULL) != (vb == NULL) ||
		    (va != NULL && accord_value_compare(va, vb) != 0))
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
	if (item->differ)
		al->heterogeneity += item->weight;
}

/* sums become shares of the compared weight */
static void
normalise(AccordAlignment *al)
{
	al->agree = al->compared > 0 ? al->agree / al->compared : NAN;
	al->both_pass = al->compared > 0 ? al->both_pass / al->compared : NAN;
	al->heterogeneity = al->compared > 0 ? al->heterogeneity / al->compared : NAN;
}

static AccordComparisonItem
compare_criterion(const AccordComparison *self, const AccordCriterion *criterion, gdouble weight)
{
	const AccordCriterionResult *ra = accord_evaluation_get_result(self->a, criterion);
	const AccordCriterionResult *rb = accord_evaluation_get_result(self->b, criterion);
	const AccordProfile *pa = accord_evaluation_get_profile(self->a);
	const AccordProfile *pb = accord_evaluation_get_profile(self->b);
	AccordComparisonItem item = {criterion, agreement_of(ra, rb), weight};
	g_autoptr(GPtrArray) defs = facts_read(criterion);

	if (!accord_score_selects_criterion(self->score_a, criterion))
		item.agreement = ACCORD_AGREEMENT_NOT_APPLICABLE;
	if (item.agreement <= ACCORD_AGREEMENT_NEITHER)
		item.differ = facts_differ(defs, pa, pb);
	if (item.agreement != ACCORD_AGREEMENT_ONLY_A && item.agreement != ACCORD_AGREEMENT_ONLY_B)
		return item;
	item.conflict_fact = conflicting_fact(defs, pa, pb);
	item.divergence = item.conflict_fact != NULL ? ACCORD_DIVERGENCE_CONFLICT
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
 * either side, or not applicable; a divergence (only one meets it) is a conflict when the two
 * countries state values of a fact the criterion reads that the vocabulary declares
 * incompatible regimes (accord_fact_def_values_conflict()), a gap otherwise (a lower level of
 * the same scale, a partial regime, an absence); and the alignment: the share of compared
 * weight on which they agree, on which both pass, and on which their facts differ (the
 * heterogeneity index), overall and per pillar.
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

struct _AccordComparisonSet {
	GPtrArray *scores; /* AccordScore*, in the order given */
	GPtrArray *pairs;  /* AccordComparison* of i < j, row by row */
	guint *n_meeting;  /* by criterion index */
};

/* where the comparison of i < j is kept: the pairs of the rows above i, then j's place */
static guint
pair_index(guint n, guint i, guint j)
{
	return i * n - i * (i + 1) / 2 + (j - i - 1);
}

static gboolean
check_countries(const AccordScore *const *scores, guint n, GError **error)
{
	for (guint i = 0; i < n; i++) {
		for (guint j = i + 1; j < n; j++) {
			const gchar *a = accord_profile_get_country(
			    accord_evaluation_get_profile(accord_score_get_evaluation(scores[i])));
			const gchar *b = accord_profile_get_country(
			    accord_evaluation_get_profile(accord_score_get_evaluation(scores[j])));

			if (g_ascii_strcasecmp(a, b) != 0)
				continue;
			g_set_error(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_USAGE,
				    "a comparison takes different countries, but %s is given twice "
				    "(to compare two snapshots of one country, use diff)",
				    a);
			return FALSE;
		}
	}
	return TRUE;
}

static void
count_meeting(AccordComparisonSet *self)
{
	const AccordScore *first = g_ptr_array_index(self->scores, 0);
	const AccordRuleset *rs = accord_evaluation_get_ruleset(accord_score_get_evaluation(first));

	self->n_meeting = g_new0(guint, accord_ruleset_get_n_criteria(rs));
	for (guint c = 0; c < accord_ruleset_get_n_criteria(rs); c++) {
		const AccordCriterion *criterion = accord_ruleset_get_criterion(rs, c);

		if (!accord_score_selects_criterion(first, criterion))
			continue;
		for (guint i = 0; i < self->scores->len; i++) {
			const AccordScore *s = g_ptr_array_index(self->scores, i);
			self->n_meeting[c] +=
			    accord_evaluation_get_result(accord_score_get_evaluation(s), criterion)
				->outcome == ACCORD_OUTCOME_PASS;
		}
	}
}

/**
 * accord_comparison_set_new:
 * @scores: (array length=n_scores): the countries' scores, against one ruleset and options
 * @n_scores: how many; at least two
 * @error: return location for an `ACCORD_ERROR`
 *
 * Compares several countries: every pair as accord_comparison_new() does (so its alignment
 * and heterogeneity index, a symmetric matrix), and per criterion how many of them meet it.
 *
 * Returns: (transfer full) (nullable): the comparisons, or %NULL with `ACCORD_ERROR_USAGE`
 *   when there are fewer than two scores, two of one country, or two rulesets
 */
AccordComparisonSet *
accord_comparison_set_new(const AccordScore *const *scores, guint n_scores, GError **error)
{
	g_autoptr(AccordComparisonSet) self = NULL;

	g_return_val_if_fail(scores != NULL, NULL);
	if (n_scores < 2) {
		g_set_error_literal(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_USAGE,
				    "a comparison takes at least two countries");
		return NULL;
	}
	if (!check_countries(scores, n_scores, error))
		return NULL;
	self = g_new0(AccordComparisonSet, 1);
	self->scores = g_ptr_array_new_with_free_func((GDestroyNotify)accord_score_unref);
	self->pairs = g_ptr_array_new_with_free_func((GDestroyNotify)accord_comparison_free);
	for (guint i = 0; i < n_scores; i++)
		g_ptr_array_add(self->scores, accord_score_ref(scores[i]));
	for (guint i = 0; i < n_scores; i++) {
		for (guint j = i + 1; j < n_scores; j++) {
			AccordComparison *pair = accord_comparison_new(scores[i], scores[j], error);

			if (pair == NULL)
				return NULL;
			g_ptr_array_add(self->pairs, pair);
		}
	}
	count_meeting(self);
	return g_steal_pointer(&self);
}

/**
 * accord_comparison_set_free:
 * @self: (nullable) (transfer full): comparisons of several countries
 */
void
accord_comparison_set_free(AccordComparisonSet *self)
{
	if (self == NULL)
		return;
	if (self->pairs != NULL)
		g_ptr_array_unref(self->pairs);
	if (self->scores != NULL)
		g_ptr_array_unref(self->scores);
	g_free(self->n_meeting);
	g_free(self);
}

/**
 * accord_comparison_set_get_n_scores:
 * @self: comparisons of several countries
 *
 * Returns: how many countries are compared
 */
guint
accord_comparison_set_get_n_scores(const AccordComparisonSet *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->scores->len;
}

/**
 * accord_comparison_set_get_score:
 * @self: comparisons of several countries
 * @index: from 0, in the order given
 *
 * Returns: (transfer none): a country's score
 */
const AccordScore *
accord_comparison_set_get_score(const AccordComparisonSet *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->scores->len, NULL);
	return g_ptr_array_index(self->scores, index);
}

/**
 * accord_comparison_set_get_ruleset:
 * @self: comparisons of several countries
 *
 * Returns: (transfer none): the ruleset every country was scored against
 */
const AccordRuleset *
accord_comparison_set_get_ruleset(const AccordComparisonSet *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return accord_comparison_get_ruleset(g_ptr_array_index(self->pairs, 0));
}

/**
 * accord_comparison_set_get_pair:
 * @self: comparisons of several countries
 * @i: a country's index
 * @j: another country's index
 *
 * The comparison of the two in the order given: its first profile is the one of the lower
 * index. Alignment and heterogeneity do not depend on the order.
 *
 * Returns: (transfer none): the comparison of countries @i and @j
 */
const AccordComparison *
accord_comparison_set_get_pair(const AccordComparisonSet *self, guint i, guint j)
{
	g_return_val_if_fail(self != NULL && i != j && i < self->scores->len &&
				 j < self->scores->len,
			     NULL);
	return g_ptr_array_index(self->pairs, pair_index(self->scores->len, MIN(i, j), MAX(i, j)));
}

/**
 * accord_comparison_set_get_n_meeting:
 * @self: comparisons of several countries
 * @criterion: a criterion of the ruleset
 *
 * Returns: how many of the countries meet it in full (pass); 0 for a criterion the tailoring
 *   deselects
 */
guint
accord_comparison_set_get_n_meeting(const AccordComparisonSet *self,
				    const AccordCriterion *criterion)
{
	g_return_val_if_fail(self != NULL && criterion != NULL, 0);
	return self->n_meeting[accord_criterion_get_index(criterion)];
}
