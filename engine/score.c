#include "config.h"

#include <math.h>

#include "accord/error.h"
#include "accord/score.h"
#include "score-private.h"

struct _AccordScore {
	gatomicrefcount refcount;
	AccordEvaluation *evaluation;
	AccordScoreOptions options; /* holds a reference to the tailoring */
	AccordScoreItem overall;
	GArray *pillars;       /* AccordScoreItem, by pillar index */
	GArray *rules;	       /* AccordScoreItem, by rule index */
	GArray *terms;	       /* AccordScoreTerm, by criterion index */
	guint8 *assessed;      /* by rule index: whether any of its criteria is applicable */
	gdouble *rule_weights; /* by rule index: accord_score_get_rule_weight() */
	guint *pillar_of;      /* by rule index: its pillar's index (for the sums that
				* accord_score_overall_with() makes again and again) */
};

static const gchar *model_names[] = {"weighted",
				     "xccdf-default",
				     "xccdf-flat",
				     "xccdf-flat-unweighted",
				     "xccdf-absolute"};
static const gchar *aggregation_names[] = {"arithmetic", "geometric"};
static const gchar *unknown_names[] = {"zero", "exclude", "pass"};
static const gchar *term_status_names[] = {"counted",
					   "unknown-as-zero",
					   "unknown-as-pass",
					   "not-applicable",
					   "deselected",
					   "unknown-excluded"};

/**
 * accord_term_status_to_string:
 * @status: a term status
 *
 * Returns: (transfer none): its name in reports, e.g. `unknown-excluded`
 */
const gchar *
accord_term_status_to_string(AccordTermStatus status)
{
	g_return_val_if_fail(status < G_N_ELEMENTS(term_status_names), NULL);
	return term_status_names[status];
}

static gboolean
name_lookup(const gchar *const *names, guint n, const gchar *text, guint *out)
{
	for (guint i = 0; i < n; i++) {
		if (g_strcmp0(names[i], text) == 0) {
			*out = i;
			return TRUE;
		}
	}
	return FALSE;
}

/**
 * accord_score_model_to_string:
 * @model: a scoring model
 *
 * Returns: (transfer none): its name, as `--model` takes it, e.g. `xccdf-flat`
 */
const gchar *
accord_score_model_to_string(AccordScoreModel model)
{
	g_return_val_if_fail(model <= ACCORD_SCORE_MODEL_XCCDF_ABSOLUTE, NULL);
	return model_names[model];
}

/**
 * accord_score_model_from_string:
 * @text: a model name, as `--model` takes it
 * @model: (out): the model
 *
 * Returns: %TRUE when @text names a model
 */
gboolean
accord_score_model_from_string(const gchar *text, AccordScoreModel *model)
{
	guint v;

	if (!name_lookup(model_names, G_N_ELEMENTS(model_names), text, &v))
		return FALSE;
	*model = v;
	return TRUE;
}

/**
 * accord_aggregation_to_string:
 * @aggregation: a pillar aggregation
 *
 * Returns: (transfer none): its name, as `--aggregation` takes it: arithmetic or geometric
 */
const gchar *
accord_aggregation_to_string(AccordAggregation aggregation)
{
	g_return_val_if_fail(aggregation <= ACCORD_AGGREGATION_GEOMETRIC, NULL);
	return aggregation_names[aggregation];
}

/**
 * accord_aggregation_from_string:
 * @text: an aggregation name
 * @aggregation: (out): the aggregation
 *
 * Returns: %TRUE when @text names an aggregation
 */
gboolean
accord_aggregation_from_string(const gchar *text, AccordAggregation *aggregation)
{
	guint v;

	if (!name_lookup(aggregation_names, G_N_ELEMENTS(aggregation_names), text, &v))
		return FALSE;
	*aggregation = v;
	return TRUE;
}

/**
 * accord_unknown_policy_to_string:
 * @policy: an unknown policy
 *
 * Returns: (transfer none): its name, as `--unknown` takes it: zero, exclude or pass
 */
const gchar *
accord_unknown_policy_to_string(AccordUnknownPolicy policy)
{
	g_return_val_if_fail(policy <= ACCORD_UNKNOWN_PASS, NULL);
	return unknown_names[policy];
}

/**
 * accord_unknown_policy_from_string:
 * @text: a policy name
 * @policy: (out): the policy
 *
 * Returns: %TRUE when @text names a policy
 */
gboolean
accord_unknown_policy_from_string(const gchar *text, AccordUnknownPolicy *policy)
{
	guint v;

	if (!name_lookup(unknown_names, G_N_ELEMENTS(unknown_names), text, &v))
		return FALSE;
	*policy = v;
	return TRUE;
}

/**
 * accord_score_options_init:
 * @options: (out caller-allocates): options to fill
 *
 * Sets the defaults: weighted model, arithmetic aggregation, unknown counts as 0.
 */
void
accord_score_options_init(AccordScoreOptions *options)
{
	g_return_if_fail(options != NULL);
	options->model = ACCORD_SCORE_MODEL_WEIGHTED;
	options->aggregation = ACCORD_AGGREGATION_ARITHMETIC;
	options->unknown = ACCORD_UNKNOWN_ZERO;
	options->tailoring = NULL;
}

/* the weights scoring uses: the ruleset's, or the tailoring's overrides of them */
/**
 * accord_score_get_pillar_weight:
 * @self: a score
 * @pillar: a pillar of the scored ruleset
 *
 * Returns: the pillar's weight in the overall score: the tailoring's override, or the ruleset's
 */
gdouble
accord_score_get_pillar_weight(const AccordScore *self, const AccordPillar *pillar)
{
	g_return_val_if_fail(self != NULL && pillar != NULL, 0);
	if (self->options.tailoring != NULL)
		return accord_tailoring_get_pillar_weight(self->options.tailoring, pillar);
	return accord_pillar_get_weight(pillar);
}

/**
 * accord_score_get_rule_weight:
 * @self: a score
 * @rule: a rule of the scored ruleset
 *
 * Returns: the rule's effective weight: its (tailored) weight times its obligation multiplier
 */
gdouble
accord_score_get_rule_weight(const AccordScore *self, const AccordRule *rule)
{
	gdouble w;

	g_return_val_if_fail(self != NULL && rule != NULL, 0);
	w = self->options.tailoring != NULL
		? accord_tailoring_get_rule_weight(self->options.tailoring, rule)
		: accord_rule_get_weight(rule);
	return w * accord_obligation_get_multiplier(accord_rule_get_obligation(rule));
}

/**
 * accord_score_get_criterion_weight:
 * @self: a score
 * @criterion: a criterion of the scored ruleset
 *
 * Returns: the criterion's weight within its rule: the tailoring's override, or the ruleset's
 */
gdouble
accord_score_get_criterion_weight(const AccordScore *self, const AccordCriterion *criterion)
{
	g_return_val_if_fail(self != NULL && criterion != NULL, 0);
	if (self->options.tailoring != NULL)
		return accord_tailoring_get_criterion_weight(self->options.tailoring, criterion);
	return accord_criterion_get_weight(criterion);
}

/**
 * accord_score_selects_criterion:
 * @self: a score
 * @criterion: a criterion of the scored ruleset
 *
 * Returns: %FALSE when the tailoring deselects the criterion, its rule or its pillar
 */
gboolean
accord_score_selects_criterion(const AccordScore *self, const AccordCriterion *criterion)
{
	g_return_val_if_fail(self != NULL && criterion != NULL, FALSE);
	return self->options.tailoring == NULL ||
	       accord_tailoring_selects_criterion(self->options.tailoring, criterion);
}

static gboolean
is_flat(AccordScoreModel model)
{
	return model == ACCORD_SCORE_MODEL_XCCDF_FLAT ||
	       model == ACCORD_SCORE_MODEL_XCCDF_FLAT_UNWEIGHTED ||
	       model == ACCORD_SCORE_MODEL_XCCDF_ABSOLUTE;
}

/* XCCDF results are pass or fail: a partial outcome is not a pass there. Unknown maps to the
 * XCCDF result `unknown` (scored as not passing) under --unknown=zero, to `notchecked`
 * (not scored) under exclude, and is taken as a pass under the optimistic policy */
static AccordScoreTerm
term_of(const AccordScore *self,
	const AccordCriterion *criterion,
	const AccordCriterionResult *const *overlay)
{
	guint index = accord_criterion_get_index(criterion);
	const AccordCriterionResult *r =
	    overlay != NULL && overlay[index] != NULL
		? overlay[index]
		: accord_evaluation_get_result(self->evaluation, criterion);
	AccordScoreModel model = self->options.model;
	/* coverage follows whether the facts are known, not the outcome: a waived unknown
	 * criterion passes, yet its facts are as unknown as before */
	AccordScoreTerm t = {ACCORD_TERM_COUNTED,
			     TRUE,
			     r->known,
			     accord_score_get_criterion_weight(self, criterion),
			     r->credit,
			     accord_score_get_criterion_weight(self, criterion),
			     r->confidence};

	if (model == ACCORD_SCORE_MODEL_XCCDF_FLAT_UNWEIGHTED ||
	    model == ACCORD_SCORE_MODEL_XCCDF_ABSOLUTE)
		t.weight = 1.0;
	if (model != ACCORD_SCORE_MODEL_WEIGHTED)
		t.credit = r->outcome == ACCORD_OUTCOME_PASS ? 1.0 : 0.0;
	/* a criterion the tailoring deselects is out of the assessment altogether */
	if (!accord_score_selects_criterion(self, criterion)) {
		t.status = ACCORD_TERM_DESELECTED;
		t.applicable = t.known = FALSE;
	} else if (r->outcome == ACCORD_OUTCOME_NOT_APPLICABLE) {
		t.status = ACCORD_TERM_NOT_APPLICABLE;
		t.applicable = t.known = FALSE;
	} else if (r->outcome == ACCORD_OUTCOME_UNKNOWN) {
		t.known = FALSE;
		t.status = (AccordTermStatus[]){ACCORD_TERM_UNKNOWN_AS_ZERO,
						ACCORD_TERM_UNKNOWN_EXCLUDED,
						ACCORD_TERM_UNKNOWN_AS_PASS}[self->options.unknown];
		t.credit = self->options.unknown == ACCORD_UNKNOWN_PASS ? 1.0 : 0.0;
	}
	return t;
}

/* a rule is an XCCDF Group of its criteria: the same weighted mean for the weighted and
 * default models (XCCDF 1.2 §7.3.2.1), a raw sum for the flat models (§7.3.2.2–4). The
 * results @overlay holds (by criterion index, NULL where none) stand in for the evaluation's;
 * the terms go to @terms when it is not NULL */
static AccordScoreItem
score_rule(const AccordScore *self,
	   const AccordRule *rule,
	   const AccordCriterionResult *const *overlay,
	   GArray *terms,
	   gboolean *assessed)
{
	AccordScoreItem item = {FALSE, NAN, 0, 0, 0, 0, 0, 0};
	gdouble known_weight = 0, applicable_weight = 0, high_weight = 0, low_weight = 0;

	for (guint i = 0; i < accord_rule_get_n_criteria(rule); i++) {
		const AccordCriterion *criterion = accord_rule_get_criterion(rule, i);
		AccordScoreTerm t = term_of(self, criterion, overlay);

		if (terms != NULL)
			g_array_index(terms,
				      AccordScoreTerm,
				      accord_criterion_get_index(criterion)) = t;
		if (t.applicable) {
			applicable_weight += t.weight_as_set;
			known_weight += t.known ? t.weight_as_set : 0;
			high_weight +=
			    t.known && t.confidence == ACCORD_CONFIDENCE_HIGH ? t.weight_as_set : 0;
			low_weight +=
			    t.known && t.confidence == ACCORD_CONFIDENCE_LOW ? t.weight_as_set : 0;
		}
		if (!accord_term_is_counted(&t))
			continue;
		item.numerator += t.weight * t.credit;
		item.denominator += t.weight;
	}
	item.coverage = applicable_weight > 0 ? known_weight / applicable_weight : 0;
	item.coverage_high = applicable_weight > 0 ? high_weight / applicable_weight : 0;
	item.low_confidence = applicable_weight > 0 ? low_weight / applicable_weight : 0;
	*assessed = applicable_weight > 0;
	item.applicable = item.denominator > 0;
	if (item.applicable)
		item.value = 100.0 * item.numerator / item.denominator;
	if (item.applicable && self->options.model == ACCORD_SCORE_MODEL_XCCDF_ABSOLUTE)
		item.value = item.numerator == item.denominator ? 100.0 : 0.0;
	return item;
}

/* combine children (rules into a pillar, pillars into the whole): weighted mean of child
 * values for the weighted and default models; for the flat models the raw sums simply add */
typedef struct {
	gdouble numerator;
	gdouble denominator;
	gdouble log_sum;
	gdouble coverage_sum;
	gdouble high_sum;
	gdouble low_sum;
	gdouble weight_sum;
	gboolean any_zero;
} Accumulator;

/* coverage does not depend on the unknown policy: a child counts towards it when any of its
 * criteria is applicable (assessed), even if the policy leaves all of them out of the score */
static void
accumulate_value(Accumulator *acc,
		 const AccordScoreItem *child,
		 gdouble weight,
		 AccordScoreModel model,
		 gboolean geometric);

static void
accumulate(Accumulator *acc,
	   const AccordScoreItem *child,
	   gdouble weight,
	   AccordScoreModel model,
	   gboolean assessed,
	   gboolean geometric)
{
	if (assessed) {
		acc->coverage_sum += weight * child->coverage;
		acc->high_sum += weight * child->coverage_high;
		acc->low_sum += weight * child->low_confidence;
		acc->weight_sum += weight;
	}
	accumulate_value(acc, child, weight, model, geometric);
}

/* the part of accumulate() a value reads (coverage aside) */
static void
accumulate_value(Accumulator *acc,
		 const AccordScoreItem *child,
		 gdouble weight,
		 AccordScoreModel model,
		 gboolean geometric)
{
	if (!child->applicable)
		return;
	if (is_flat(model)) {
		acc->numerator += child->numerator;
		acc->denominator += child->denominator;
		return;
	}
	acc->numerator += weight * child->value / 100.0;
	acc->denominator += weight;
	/* only a geometric whole reads the logarithms, and a pillar is always arithmetic */
	if (!geometric)
		return;
	if (child->value <= 0)
		acc->any_zero = TRUE;
	else
		acc->log_sum += weight * log(child->value / 100.0);
}

static AccordScoreItem
finish(const Accumulator *acc, const AccordScoreOptions *options, gboolean geometric)
{
	AccordScoreItem item = {FALSE, NAN, 0, acc->numerator, acc->denominator, 0, 0, 0};

	if (acc->weight_sum > 0) {
		item.coverage = acc->coverage_sum / acc->weight_sum;
		item.coverage_high = acc->high_sum / acc->weight_sum;
		item.low_confidence = acc->low_sum / acc->weight_sum;
	}
	if (acc->denominator <= 0)
		return item;
	item.applicable = TRUE;
	item.value = 100.0 * acc->numerator / acc->denominator;
	if (options->model == ACCORD_SCORE_MODEL_XCCDF_ABSOLUTE)
		item.value = acc->numerator == acc->denominator ? 100.0 : 0.0;
	if (geometric) {
		/* weighted geometric mean: exp(Σ wᵢ·ln sᵢ / Σ wᵢ); one zero pillar zeroes it */
		item.numerator = acc->log_sum;
		item.value = acc->any_zero ? 0.0 : 100.0 * exp(acc->log_sum / acc->denominator);
	}
	return item;
}

/* a not-applicable item's value is NAN by definition; every other number must be finite */
static gboolean
item_is_finite(const AccordScoreItem *item)
{
	return (!item->applicable || isfinite(item->value)) && isfinite(item->coverage) &&
	       isfinite(item->numerator) && isfinite(item->denominator) && isfinite(item->share);
}

/* pillars from their rules' sums, then the whole from the pillars' (@pillars NULL: only the
 * whole is wanted) */
static AccordScoreItem
score_whole(const AccordScore *self,
	    const AccordRuleset *ruleset,
	    const Accumulator *acc,
	    AccordScoreItem *pillars)
{
	Accumulator total = {0};

	for (guint p = 0; p < accord_ruleset_get_n_pillars(ruleset); p++) {
		AccordScoreItem item = finish(&acc[p], &self->options, FALSE);

		if (pillars != NULL)
			pillars[p] = item;
		accumulate(
		    &total,
		    &item,
		    accord_score_get_pillar_weight(self, accord_ruleset_get_pillar(ruleset, p)),
		    self->options.model,
		    acc[p].weight_sum > 0,
		    self->options.aggregation == ACCORD_AGGREGATION_GEOMETRIC);
	}
	return finish(&total,
		      &self->options,
		      self->options.aggregation == ACCORD_AGGREGATION_GEOMETRIC);
}

static void
score_pillars(AccordScore *self, const AccordRuleset *ruleset)
{
	g_autofree Accumulator *acc = g_new0(Accumulator, accord_ruleset_get_n_pillars(ruleset));

	for (guint i = 0; i < accord_ruleset_get_n_rules(ruleset); i++) {
		const AccordRule *rule = accord_ruleset_get_rule(ruleset, i);
		AccordScoreItem *item = &g_array_index(self->rules, AccordScoreItem, i);
		gboolean assessed = FALSE;

		*item = score_rule(self, rule, NULL, self->terms, &assessed);
		self->assessed[i] = assessed;
		self->rule_weights[i] = accord_score_get_rule_weight(self, rule);
		self->pillar_of[i] = accord_pillar_get_index(accord_rule_get_pillar(rule));
		accumulate(&acc[self->pillar_of[i]],
			   item,
			   self->rule_weights[i],
			   self->options.model,
			   assessed,
			   FALSE);
	}
	self->overall = score_whole(self, ruleset, acc, (AccordScoreItem *)self->pillars->data);
}

/* the overall value accord_score_compute() gives an evaluation that differs from @self's
 * only in the results @overlay holds (evaluate-private.h): the rules in @rules (their indices,
 * ascending) are scored again, every other rule keeps its item, and the pillars and the whole
 * are summed again in the same order, so the value is the same double to the last bit */
gboolean
accord_score_overall_with(const AccordScore *self,
			  const AccordCriterionResult *const *overlay,
			  AccordScoreRuleDelta *rules,
			  guint n_rules,
			  gdouble *value)
{
	const AccordRuleset *ruleset = accord_evaluation_get_ruleset(self->evaluation);
	g_autofree Accumulator *acc = g_new0(Accumulator, accord_ruleset_get_n_pillars(ruleset));
	AccordScoreItem overall;
	guint next = 0;

	for (guint i = 0; i < self->rules->len; i++) {
		const AccordScoreItem *item = &g_array_index(self->rules, AccordScoreItem, i);

		if (next < n_rules && rules[next].rule == i) {
			AccordScoreRuleDelta *delta = &rules[next++];

			if (!delta->given) {
				delta->item = score_rule(self,
							 accord_ruleset_get_rule(ruleset, i),
							 overlay,
							 NULL,
							 &delta->assessed);
				delta->given = TRUE;
			}
			/* accord_score_compute() fails on such an item: the caller takes that
			 * path to report it */
			if (!item_is_finite(&delta->item))
				return FALSE;
			item = &delta->item;
		}
		/* only the value is wanted: the coverage sums are left out */
		accumulate_value(&acc[self->pillar_of[i]],
				 item,
				 self->rule_weights[i],
				 self->options.model,
				 FALSE);
	}
	overall = score_whole(self, ruleset, acc, NULL);
	*value = overall.value;
	return overall.applicable ? isfinite(overall.value) : TRUE;
}

/* the share of the overall score each item carries: for the mean models the product of
 * normalised weights down the tree, for the flat models its part of the flat denominator.
 * With arithmetic aggregation Σ share × (100 − score) over rules is exactly 100 − overall */
static void
compute_shares(AccordScore *self, const AccordRuleset *ruleset)
{
	gboolean flat = is_flat(self->options.model);

	for (guint i = 0; i < accord_ruleset_get_n_rules(ruleset); i++) {
		const AccordRule *rule = accord_ruleset_get_rule(ruleset, i);
		const AccordPillar *pillar = accord_rule_get_pillar(rule);
		AccordScoreItem *r = &g_array_index(self->rules, AccordScoreItem, i);
		AccordScoreItem *p =
		    &g_array_index(self->pillars, AccordScoreItem, accord_pillar_get_index(pillar));

		if (!r->applicable || !self->overall.applicable)
			continue;
		if (flat) {
			r->share = r->denominator / self->overall.denominator;
			p->share = p->denominator / self->overall.denominator;
		} else {
			p->share = accord_score_get_pillar_weight(self, pillar) /
				   self->overall.denominator;
			r->share =
			    p->share * accord_score_get_rule_weight(self, rule) / p->denominator;
		}
	}
	self->overall.share = self->overall.applicable ? 1.0 : 0.0;
}

/* the weight range (docs/scoring.md section 14) makes a non-finite number impossible; should
 * one appear all the same, it is a bug, and failing beats printing "inf" or letting it pass
 * a --fail-under threshold */
static gboolean
check_finite(const AccordScore *self, const AccordRuleset *ruleset, GError **error)
{
	const gchar *what = NULL;

	for (guint i = 0; what == NULL && i < self->rules->len; i++) {
		if (!item_is_finite(&g_array_index(self->rules, AccordScoreItem, i)))
			what = accord_rule_get_id(accord_ruleset_get_rule(ruleset, i));
	}
	for (guint i = 0; what == NULL && i < self->pillars->len; i++) {
		if (!item_is_finite(&g_array_index(self->pillars, AccordScoreItem, i)))
			what = accord_pillar_get_id(accord_ruleset_get_pillar(ruleset, i));
	}
	if (what == NULL && !item_is_finite(&self->overall))
		what = "the overall score";
	if (what == NULL)
		return TRUE;
	g_set_error(error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_INTERNAL,
		    "scoring ruleset '%s' gave a number that is not finite (%s); this is a bug",
		    accord_ruleset_get_id(ruleset),
		    what);
	return FALSE;
}

/**
 * accord_term_is_counted:
 * @term: a term
 *
 * Returns: %TRUE when the term enters the score (with its credit, or a policy's)
 */
gboolean
accord_term_is_counted(const AccordScoreTerm *term)
{
	g_return_val_if_fail(term != NULL, FALSE);
	return term->status <= ACCORD_TERM_UNKNOWN_AS_PASS;
}

/**
 * accord_score_compute:
 * @evaluation: (transfer none): an evaluation; the score keeps a reference
 * @options: the model, aggregation and unknown policy
 * @error: return location for an `ACCORD_ERROR`
 *
 * Scores every rule, pillar and the whole ruleset on 0–100 under @options, with coverage
 * beside each score. The formulas are in docs/scoring.md.
 *
 * Returns: (transfer full) (nullable): the score, or %NULL with `ACCORD_ERROR_USAGE` when
 *   geometric aggregation is asked of an XCCDF model, which defines its own aggregation, or
 *   with `ACCORD_ERROR_INTERNAL` should any score, coverage or share not be finite (the
 *   weight range rules that out); a returned score never holds inf or NaN but for the
 *   value of a not-applicable item
 */
AccordScore *
accord_score_compute(const AccordEvaluation *evaluation,
		     const AccordScoreOptions *options,
		     GError **error)
{
	const AccordRuleset *ruleset;
	g_autoptr(AccordScore) self = NULL;

	g_return_val_if_fail(evaluation != NULL && options != NULL, NULL);
	if (options->model != ACCORD_SCORE_MODEL_WEIGHTED &&
	    options->aggregation != ACCORD_AGGREGATION_ARITHMETIC) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "the %s model defines its own aggregation; only the weighted model "
			    "takes --aggregation=%s",
			    model_names[options->model],
			    aggregation_names[options->aggregation]);
		return NULL;
	}
	ruleset = accord_evaluation_get_ruleset(evaluation);
	if (options->tailoring != NULL &&
	    accord_tailoring_get_ruleset(options->tailoring) != ruleset) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "tailoring '%s' was loaded for another ruleset than '%s'",
			    accord_tailoring_get_id(options->tailoring),
			    accord_ruleset_get_id(ruleset));
		return NULL;
	}
	self = g_new0(AccordScore, 1);
	g_atomic_ref_count_init(&self->refcount);
	self->evaluation = accord_evaluation_ref(evaluation);
	self->options = *options;
	if (options->tailoring != NULL)
		self->options.tailoring = accord_tailoring_ref(options->tailoring);
	self->rules = g_array_set_size(g_array_new(FALSE, TRUE, sizeof(AccordScoreItem)),
				       accord_ruleset_get_n_rules(ruleset));
	self->pillars = g_array_set_size(g_array_new(FALSE, TRUE, sizeof(AccordScoreItem)),
					 accord_ruleset_get_n_pillars(ruleset));
	self->terms = g_array_set_size(g_array_new(FALSE, TRUE, sizeof(AccordScoreTerm)),
				       accord_ruleset_get_n_criteria(ruleset));
	self->assessed = g_new0(guint8, MAX(accord_ruleset_get_n_rules(ruleset), 1));
	self->rule_weights = g_new0(gdouble, MAX(accord_ruleset_get_n_rules(ruleset), 1));
	self->pillar_of = g_new0(guint, MAX(accord_ruleset_get_n_rules(ruleset), 1));
	score_pillars(self, ruleset);
	compute_shares(self, ruleset);
	if (!check_finite(self, ruleset, error))
		return NULL;
	return g_steal_pointer(&self);
}

/**
 * accord_score_ref:
 * @self: a score
 *
 * A score never changes once computed, so it is shared by reference.
 *
 * Returns: (transfer full): @self, with one more reference
 */
AccordScore *
accord_score_ref(const AccordScore *self)
{
	AccordScore *mutable_self = (AccordScore *)self;

	g_return_val_if_fail(self != NULL, NULL);
	g_atomic_ref_count_inc(&mutable_self->refcount);
	return mutable_self;
}

/**
 * accord_score_unref:
 * @self: (nullable) (transfer full): a score
 *
 * Drops a reference; the last one frees the score.
 */
void
accord_score_unref(AccordScore *self)
{
	if (self == NULL || !g_atomic_ref_count_dec(&self->refcount))
		return;
	g_array_unref(self->rules);
	g_array_unref(self->pillars);
	g_array_unref(self->terms);
	g_free(self->assessed);
	g_free(self->rule_weights);
	g_free(self->pillar_of);
	accord_evaluation_unref(self->evaluation);
	if (self->options.tailoring != NULL)
		accord_tailoring_unref((AccordTailoring *)self->options.tailoring);
	g_free(self);
}

/**
 * accord_score_get_evaluation:
 * @self: a score
 *
 * Returns: (transfer none): the evaluation it scores; the score holds a reference
 */
const AccordEvaluation *
accord_score_get_evaluation(const AccordScore *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->evaluation;
}

/**
 * accord_score_get_options:
 * @self: a score
 *
 * Returns: (transfer none): the options it was computed with; the score holds a reference to their
 *   tailoring
 */
const AccordScoreOptions *
accord_score_get_options(const AccordScore *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return &self->options;
}

/**
 * accord_score_get_overall:
 * @self: a score
 *
 * Returns: (transfer none): the score of the whole ruleset
 */
const AccordScoreItem *
accord_score_get_overall(const AccordScore *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return &self->overall;
}

/**
 * accord_score_get_pillar:
 * @self: a score
 * @pillar: a pillar of the scored ruleset
 *
 * Returns: (transfer none): the pillar's score
 */
const AccordScoreItem *
accord_score_get_pillar(const AccordScore *self, const AccordPillar *pillar)
{
	g_return_val_if_fail(self != NULL && pillar != NULL, NULL);
	return &g_array_index(self->pillars, AccordScoreItem, accord_pillar_get_index(pillar));
}

/**
 * accord_score_get_rule:
 * @self: a score
 * @rule: a rule of the scored ruleset
 *
 * Returns: (transfer none): the rule's score
 */
const AccordScoreItem *
accord_score_get_rule(const AccordScore *self, const AccordRule *rule)
{
	g_return_val_if_fail(self != NULL && rule != NULL, NULL);
	return &g_array_index(self->rules, AccordScoreItem, accord_rule_get_index(rule));
}

/**
 * accord_score_gain_if_met:
 * @self: a score
 * @criteria: (element-type AccordCriterion): criteria to take as met
 * @gain: (out): how many points the overall score rises
 * @error: return location for an `ACCORD_ERROR`
 *
 * Re-scores the same profile with @criteria met, under the same options: the exact gain under
 * every model, policy and aggregation, where a formula would only approximate some of them.
 *
 * Returns: %TRUE with @gain set, or %FALSE with @error set
 */
gboolean
accord_score_gain_if_met(const AccordScore *self,
			 const GPtrArray *criteria,
			 gdouble *gain,
			 GError **error)
{
	g_autoptr(AccordEvaluation) evaluation = NULL;
	g_autoptr(AccordScore) after = NULL;
	gdouble before;

	g_return_val_if_fail(self != NULL && criteria != NULL && gain != NULL, FALSE);
	evaluation = accord_evaluation_new_with_met(self->evaluation, criteria, "met", TRUE);
	after = accord_score_compute(evaluation, &self->options, error);
	if (after == NULL)
		return FALSE;
	before = self->overall.applicable ? self->overall.value : 0;
	*gain = (after->overall.applicable ? after->overall.value : 0) - before;
	return TRUE;
}

/**
 * accord_score_counts_criterion:
 * @self: a score
 * @criterion: a criterion of the scored ruleset
 *
 * Returns: %TRUE when the criterion entered the score (it is applicable and not an unknown
 *   excluded by the policy)
 */
gboolean
accord_score_counts_criterion(const AccordScore *self, const AccordCriterion *criterion)
{
	g_return_val_if_fail(self != NULL && criterion != NULL, FALSE);
	return accord_term_is_counted(accord_score_get_term(self, criterion));
}

/**
 * accord_score_get_term:
 * @self: a score
 * @criterion: a criterion of the scored ruleset
 *
 * Returns: (transfer none): how the criterion entered its rule's score, or why it did not
 */
const AccordScoreTerm *
accord_score_get_term(const AccordScore *self, const AccordCriterion *criterion)
{
	g_return_val_if_fail(self != NULL && criterion != NULL, NULL);
	return &g_array_index(self->terms, AccordScoreTerm, accord_criterion_get_index(criterion));
}
