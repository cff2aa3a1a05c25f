#include "config.h"

#include "accord/error.h"
#include "accord/evaluate.h"
#include "evaluate-private.h"
#include "util-private.h"

/* reasons are not kept: a view that prints one formats it from the criterion and the profile
 * (accord_evaluation_format_reason()); a batch ranking prints none, and formatting them all
 * took a third of its evaluation time */
struct _AccordEvaluation {
	gatomicrefcount refcount;
	AccordRuleset *ruleset;
	AccordProfile *profile;
	GArray *results;	/* AccordCriterionResult, by criterion index */
	AccordEvaluation *base; /* the evaluation a copy took criteria as met in, or NULL */
	gchar *why;		/* the words that start the reason of each criterion it met */
	guint8 *met;		/* by criterion index: whether this copy took it as met */
};

/* a check's value: known with a credit in [0, 1], or unknown */
typedef struct {
	gboolean known;
	gdouble credit;
} Verdict;

/* where checks read their facts: the profile, unless an override says otherwise (the
 * uncertainty analysis evaluates criteria with facts flipped or dropped) */
typedef struct {
	const AccordProfile *profile;
	AccordFactOverride override;
	gpointer data;
	gboolean verdict_only; /* no basis: see accord_criterion_evaluate_verdict() */
} Facts;

static const gchar *outcome_names[] = {"pass", "partial", "fail", "unknown", "not-applicable"};

/**
 * accord_outcome_to_string:
 * @outcome: an outcome
 *
 * Returns: (transfer none): its name, e.g. `not-applicable`
 */
const gchar *
accord_outcome_to_string(AccordOutcome outcome)
{
	g_return_val_if_fail(outcome <= ACCORD_OUTCOME_NOT_APPLICABLE, NULL);
	return outcome_names[outcome];
}

/**
 * accord_outcome_from_string:
 * @text: an outcome name
 * @outcome: (out): the outcome
 *
 * Returns: %TRUE when @text names an outcome
 */
gboolean
accord_outcome_from_string(const gchar *text, AccordOutcome *outcome)
{
	for (guint i = 0; i < G_N_ELEMENTS(outcome_names); i++) {
		if (g_strcmp0(text, outcome_names[i]) == 0) {
			*outcome = i;
			return TRUE;
		}
	}
	return FALSE;
}

static Verdict
known(gdouble credit)
{
	return (Verdict){TRUE, credit};
}

/* partial credit on an ordered scale: how far the value has come towards the threshold,
 * counting levels from the bottom (at-least) or from the top (at-most); the end of the scale
 * the threshold points away from always earns 0 */
static gdouble
level_credit(const AccordCheck *check, guint value, guint threshold)
{
	guint top =
	    accord_scale_get_n_levels(accord_fact_def_get_scale(accord_check_get_fact(check))) - 1;

	if (accord_check_get_op(check) == ACCORD_CHECK_OP_AT_LEAST)
		return value >= threshold ? 1.0 : (gdouble)value / (gdouble)threshold;
	return value <= threshold ? 1.0 : (gdouble)(top - value) / (gdouble)(top - threshold);
}

static gboolean
value_in_set(const AccordCheck *check, const AccordValue *value)
{
	for (guint i = 0; i < accord_check_get_n_values(check); i++) {
		if (accord_value_compare(value, accord_check_get_value(check, i)) == 0)
			return TRUE;
	}
	return FALSE;
}

static gdouble
compare_credit(const AccordCheck *check, const AccordValue *value)
{
	const AccordValue *threshold = accord_check_get_value(check, 0);
	gint cmp = accord_value_compare(value, threshold);
	gboolean partial = accord_check_get_partial(check);

	switch (accord_check_get_op(check)) {
	case ACCORD_CHECK_OP_IS:
		return cmp == 0;
	case ACCORD_CHECK_OP_AT_LEAST:
		if (partial)
			return level_credit(check, value->v.level, threshold->v.level);
		return cmp >= 0;
	case ACCORD_CHECK_OP_AT_MOST:
		if (partial)
			return level_credit(check, value->v.level, threshold->v.level);
		return cmp <= 0;
	case ACCORD_CHECK_OP_IN:
		return value_in_set(check, value);
	case ACCORD_CHECK_OP_NOT_IN:
		return !value_in_set(check, value);
	case ACCORD_CHECK_OP_ON_OR_BEFORE:
		return cmp <= 0;
	case ACCORD_CHECK_OP_ON_OR_AFTER:
		return cmp >= 0;
	default:
		return 0;
	}
}

/* checks nest at most 32 deep (the loader's limit), so the recursion is bounded */
static void
append_facts(const AccordCheck *check, GPtrArray *defs)
{
	if (check == NULL)
		return;
	if (accord_check_get_kind(check) == ACCORD_CHECK_FACT) {
		g_ptr_array_add(defs, (gpointer)accord_check_get_fact(check));
		return;
	}
	for (guint i = 0; i < accord_check_get_n_children(check); i++)
		append_facts(accord_check_get_child(check, i), defs);
}

/* drops from @defs, from @from on, every entry an earlier one repeats: a scan while the array
 * is short, a set once it is long, so a criterion that names many facts costs linear time */
static void
drop_repeats(GPtrArray *defs, guint from)
{
	g_autoptr(GHashTable) seen = NULL;
	guint kept = from;

	if (defs->len > 32) {
		seen = g_hash_table_new(NULL, NULL);
		for (guint i = 0; i < from; i++)
			g_hash_table_add(seen, defs->pdata[i]);
	}
	for (guint i = from; i < defs->len; i++) {
		gpointer def = defs->pdata[i];
		gboolean repeat = FALSE;

		if (seen != NULL)
			repeat = !g_hash_table_add(seen, def);
		for (guint j = 0; seen == NULL && j < kept && !repeat; j++)
			repeat = defs->pdata[j] == def;
		if (!repeat)
			defs->pdata[kept++] = def;
	}
	g_ptr_array_set_size(defs, kept);
}

/* the facts a criterion reads (evaluate-private.h) */
void
accord_criterion_collect_facts(const AccordCriterion *criterion, GPtrArray *defs)
{
	guint from = defs->len;

	append_facts(accord_criterion_get_precondition(criterion), defs);
	append_facts(accord_criterion_get_check(criterion), defs);
	drop_repeats(defs, from);
}

/* the credit a fact check gives a value (evaluate-private.h) */
gdouble
accord_check_credit(const AccordCheck *check, const AccordValue *value)
{
	return compare_credit(check, value);
}

/* every function below takes a reason to append to, or NULL when only the verdict is wanted */
static void
append_clause(GString *reason, const gchar *clause)
{
	if (reason == NULL)
		return;
	if (reason->len > 0)
		g_string_append(reason, "; ");
	g_string_append(reason, clause);
}

static gchar *
describe_threshold(const AccordCheck *check)
{
	const AccordFactDef *def = accord_check_get_fact(check);
	GString *out = g_string_new(accord_check_op_to_string(accord_check_get_op(check)));

	for (guint i = 0; i < accord_check_get_n_values(check); i++) {
		g_autofree gchar *text =
		    accord_value_to_string(def, accord_check_get_value(check, i));
		g_string_append_printf(out, "%s%s", i == 0 ? " " : ", ", text);
	}
	return g_string_free(out, FALSE);
}

static const AccordValue *
read_fact(const Facts *facts, const AccordFactDef *def)
{
	const AccordValue *value = NULL;
	const AccordProfileFact *fact;

	if (facts->override != NULL && facts->override(def, &value, facts->data))
		return value;
	fact = accord_profile_lookup_fact_by_def(facts->profile, def);
	return fact != NULL ? accord_profile_fact_get_value(fact) : NULL;
}

/* "key = value (needs …)", or why the value is missing */
static void
describe_fact(const AccordCheck *check,
	      const Facts *facts,
	      const AccordValue *value,
	      GString *reason)
{
	const AccordFactDef *def = accord_check_get_fact(check);
	const gchar *key = accord_fact_def_get_key(def);
	g_autofree gchar *wanted = describe_threshold(check);
	g_autofree gchar *clause = NULL;
	g_autofree gchar *text = NULL;

	if (value == NULL) {
		const AccordProfileFact *dropped =
		    accord_profile_lookup_dropped(facts->profile, key);

		/* a fact a filter left out is unknown, and the reason says what was left out */
		clause = dropped == NULL
			     ? g_strdup_printf("%s not stated (needs %s)", key, wanted)
			     : g_strdup_printf("%s = %s not counted (%s) (needs %s)",
					       key,
					       accord_profile_fact_get_text(dropped),
					       accord_drop_reason_to_string(
						   accord_profile_fact_get_drop_reason(dropped)),
					       wanted);
		append_clause(reason, clause);
		return;
	}
	text = accord_value_to_string(def, value);
	clause = g_strdup_printf("%s = %s (needs %s)", key, text, wanted);
	append_clause(reason, clause);
}

static Verdict
eval_fact(const AccordCheck *check, const Facts *facts, GString *reason)
{
	const AccordValue *value = read_fact(facts, accord_check_get_fact(check));

	if (reason != NULL)
		describe_fact(check, facts, value, reason);
	return value != NULL ? known(compare_credit(check, value)) : (Verdict){FALSE, 0};
}

static Verdict
eval_check(const AccordCheck *check, const Facts *facts, GString *reason);

/* Kleene logic extended to credits: a known failure decides `all` and a known pass decides
 * `any` whatever the unknown children hold; otherwise an unknown child makes the result
 * unknown; otherwise `all` takes the weakest credit and `any` the strongest */
static Verdict
eval_combinator(const AccordCheck *check, const Facts *facts, GString *reason)
{
	gboolean is_all = accord_check_get_kind(check) == ACCORD_CHECK_ALL;
	gboolean any_unknown = FALSE;
	gdouble best = is_all ? 1.0 : 0.0;

	for (guint i = 0; i < accord_check_get_n_children(check); i++) {
		Verdict v = eval_check(accord_check_get_child(check, i), facts, reason);

		if (!v.known)
			any_unknown = TRUE;
		else
			best = is_all ? MIN(best, v.credit) : MAX(best, v.credit);
	}
	if (is_all && best == 0.0)
		return known(0.0);
	if (!is_all && best == 1.0)
		return known(1.0);
	if (any_unknown)
		return (Verdict){FALSE, 0};
	return known(best);
}

static Verdict
eval_check(const AccordCheck *check, const Facts *facts, GString *reason)
{
	Verdict v;

	switch (accord_check_get_kind(check)) {
	case ACCORD_CHECK_FACT:
		return eval_fact(check, facts, reason);
	case ACCORD_CHECK_NOT: {
		/* the reader must see the negation, or "x = false (needs is true)" reads as a
		 * failure where it is a pass */
		g_autoptr(GString) inner = reason != NULL ? g_string_new(NULL) : NULL;
		g_autofree gchar *clause = NULL;

		v = eval_check(accord_check_get_child(check, 0), facts, inner);
		if (reason != NULL) {
			clause = g_strdup_printf("not (%s)", inner->str);
			append_clause(reason, clause);
		}
		return v.known ? known(1.0 - v.credit) : v;
	}
	default:
		return eval_combinator(check, facts, reason);
	}
}

/* what a criterion's outcome rests on: the weakest confidence and the oldest newest-evidence
 * date among the stated facts it reads, and why the first fact a filter left out was left
 * out */
typedef struct {
	AccordConfidence confidence;
	const gchar *evidence;
	AccordDropReason dropped;
} Basis;

static void
inspect_fact(const AccordFactDef *def, const AccordProfile *profile, Basis *basis)
{
	const AccordProfileFact *fact = accord_profile_lookup_fact_by_def(profile, def);
	const AccordEvidence *newest;

	if (fact == NULL) {
		fact = accord_profile_lookup_dropped(profile, accord_fact_def_get_key(def));
		if (fact != NULL && basis->dropped == ACCORD_DROP_NONE)
			basis->dropped = accord_profile_fact_get_drop_reason(fact);
		return;
	}
	basis->confidence = MIN(basis->confidence, accord_profile_fact_get_confidence(fact));
	newest = accord_profile_fact_get_newest_evidence(fact);
	/* dates as precise as known order as text, a year before its months */
	if (newest != NULL && (basis->evidence == NULL ||
			       g_strcmp0(accord_evidence_get_date(newest), basis->evidence) < 0))
		basis->evidence = accord_evidence_get_date(newest);
}

/* checks nest at most 32 deep (the loader's limit), so the recursion is bounded */
static void
inspect(const AccordCheck *check, const AccordProfile *profile, Basis *basis)
{
	if (check == NULL)
		return;
	if (accord_check_get_kind(check) == ACCORD_CHECK_FACT) {
		inspect_fact(accord_check_get_fact(check), profile, basis);
		return;
	}
	for (guint i = 0; i < accord_check_get_n_children(check); i++)
		inspect(accord_check_get_child(check, i), profile, basis);
}

static void
set_basis(AccordCriterionResult *result,
	  const AccordCheck *precondition,
	  const AccordCheck *check,
	  const AccordProfile *profile)
{
	Basis basis = {ACCORD_CONFIDENCE_HIGH, NULL, ACCORD_DROP_NONE};

	inspect(precondition, profile, &basis);
	inspect(check, profile, &basis);
	result->confidence = basis.confidence;
	result->evidence = basis.evidence;
	result->dropped = basis.dropped;
}

static AccordOutcome
outcome_of(Verdict v)
{
	if (!v.known)
		return ACCORD_OUTCOME_UNKNOWN;
	if (v.credit >= 1.0)
		return ACCORD_OUTCOME_PASS;
	if (v.credit <= 0.0)
		return ACCORD_OUTCOME_FAIL;
	return ACCORD_OUTCOME_PARTIAL;
}

/* the outcome, credit and knowledge of eval_criterion() without a reason or a basis */
static AccordCriterionResult
verdict_of(const AccordCriterion *criterion, const Facts *facts)
{
	const AccordCheck *precondition = accord_criterion_get_precondition(criterion);
	AccordCriterionResult result = {0};
	Verdict v;

	if (precondition != NULL) {
		v = eval_check(precondition, facts, NULL);
		if (!v.known || v.credit < 1.0) {
			result.outcome = v.known ? ACCORD_OUTCOME_NOT_APPLICABLE
						 : ACCORD_OUTCOME_UNKNOWN;
			result.known = v.known;
			return result;
		}
	}
	v = eval_check(accord_criterion_get_check(criterion), facts, NULL);
	result.outcome = outcome_of(v);
	result.known = v.known;
	result.credit = v.known ? v.credit : 0.0;
	return result;
}

/* a criterion's result, and with @reason its reason: "precondition: …; then: …" */
static AccordCriterionResult
eval_criterion(const AccordCriterion *criterion, const Facts *facts, GString *reason)
{
	const AccordCheck *precondition = accord_criterion_get_precondition(criterion);
	const AccordCheck *check = accord_criterion_get_check(criterion);
	g_autoptr(GString) part = reason != NULL ? g_string_new(NULL) : NULL;
	AccordCriterionResult result = {0};
	Verdict v;

	/* the weakest confidence, evidence and drops are left at 0 */
	if (facts->verdict_only)
		return verdict_of(criterion, facts);

	if (precondition != NULL) {
		v = eval_check(precondition, facts, part);
		if (reason != NULL)
			g_string_append_printf(reason, "precondition: %s", part->str);
		if (!v.known || v.credit < 1.0) {
			result.outcome = v.known ? ACCORD_OUTCOME_NOT_APPLICABLE
						 : ACCORD_OUTCOME_UNKNOWN;
			result.known = v.known;
			set_basis(&result, precondition, NULL, facts->profile);
			return result;
		}
		if (reason != NULL) {
			g_string_append(reason, "; then: ");
			g_string_truncate(part, 0);
		}
	}
	v = eval_check(check, facts, part);
	if (reason != NULL)
		g_string_append(reason, part->str);
	result.outcome = outcome_of(v);
	result.known = v.known;
	set_basis(&result, precondition, check, facts->profile);
	result.credit = v.known ? v.credit : 0.0;
	return result;
}

/**
 * accord_evaluate:
 * @ruleset: (transfer none): a loaded ruleset
 * @profile: (transfer none): a profile loaded with the same vocabulary
 * @error: return location for an `ACCORD_ERROR`
 *
 * Evaluates every criterion of @ruleset against the facts @profile states. Evaluation itself
 * cannot meet a bad reference: loading checked them all.
 *
 * Returns: (transfer full) (nullable): the evaluation, or %NULL with `ACCORD_ERROR_USAGE`
 *   when the two were loaded with different vocabularies
 */
AccordEvaluation *
accord_evaluate(const AccordRuleset *ruleset, const AccordProfile *profile, GError **error)
{
	Facts facts = {profile, NULL, NULL, FALSE};
	AccordEvaluation *self;
	guint n;

	g_return_val_if_fail(ruleset != NULL && profile != NULL, NULL);
	if (accord_ruleset_get_vocabulary(ruleset) != accord_profile_get_vocabulary(profile)) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "ruleset '%s' and profile '%s' were loaded with different vocabularies",
			    accord_ruleset_get_id(ruleset),
			    accord_profile_get_country(profile));
		return NULL;
	}
	n = accord_ruleset_get_n_criteria(ruleset);
	self = g_new0(AccordEvaluation, 1);
	g_atomic_ref_count_init(&self->refcount);
	self->ruleset = accord_ruleset_ref(ruleset);
	self->profile = accord_profile_ref(profile);
	self->results = g_array_sized_new(FALSE, TRUE, sizeof(AccordCriterionResult), n);
	for (guint i = 0; i < n; i++) {
		AccordCriterionResult r =
		    eval_criterion(accord_ruleset_get_criterion(ruleset, i), &facts, NULL);
		g_array_append_val(self->results, r);
	}
	return self;
}

/* evaluates one criterion as accord_evaluate() does, with @override deciding what some facts
 * read (evaluate-private.h) */
AccordCriterionResult
accord_criterion_evaluate_with(const AccordCriterion *criterion,
			       const AccordProfile *profile,
			       AccordFactOverride override,
			       gpointer data)
{
	Facts facts = {profile, override, data, FALSE};

	return eval_criterion(criterion, &facts, NULL);
}

/* the outcome, credit and knowledge accord_criterion_evaluate_with() gives, without the
 * basis (evaluate-private.h) */
AccordCriterionResult
accord_criterion_evaluate_verdict(const AccordCriterion *criterion,
				  const AccordProfile *profile,
				  AccordFactOverride override,
				  gpointer data)
{
	Facts facts = {profile, override, data, TRUE};

	return eval_criterion(criterion, &facts, NULL);
}

/**
 * accord_evaluation_new_with_met:
 * @base: an evaluation
 * @criteria: (element-type AccordCriterion): criteria of the same ruleset to take as met
 * @why: the words that start each changed reason, e.g. "waived" or "assumed met"
 * @establishes_facts: %TRUE when meeting a criterion means its facts become known (a roadmap
 *   step); %FALSE when it is only accepted as met and its facts stay as they were (a waiver)
 *
 * Copies @base with each applicable criterion in @criteria turned into a pass, so a score
 * computed from the copy is the score "if these were met": roadmap phases, waivers and the
 * marginal gain of closing a gap are all re-scored this way rather than estimated. A
 * not-applicable criterion stays not applicable.
 *
 * Returns: (transfer full): the new evaluation
 */
AccordEvaluation *
accord_evaluation_new_with_met(const AccordEvaluation *base,
			       const GPtrArray *criteria,
			       const gchar *why,
			       gboolean establishes_facts)
{
	AccordEvaluation *self;

	g_return_val_if_fail(base != NULL && criteria != NULL && why != NULL, NULL);
	self = g_new0(AccordEvaluation, 1);
	g_atomic_ref_count_init(&self->refcount);
	self->ruleset = accord_ruleset_ref(base->ruleset);
	self->profile = accord_profile_ref(base->profile);
	self->results = g_array_copy(base->results);
	self->base = accord_evaluation_ref(base);
	self->why = g_strdup(why);
	self->met = g_new0(guint8, base->results->len);
	for (guint i = 0; i < criteria->len; i++) {
		guint index = accord_criterion_get_index(g_ptr_array_index(criteria, i));
		AccordCriterionResult *r =
		    &g_array_index(self->results, AccordCriterionResult, index);

		if (r->outcome == ACCORD_OUTCOME_NOT_APPLICABLE)
			continue;
		self->met[index] = TRUE;
		r->outcome = ACCORD_OUTCOME_PASS;
		r->credit = 1.0;
		r->known = r->known || establishes_facts;
	}
	return self;
}

/**
 * accord_evaluation_ref:
 * @self: an evaluation
 *
 * An evaluation never changes once made, so it is shared by reference.
 *
 * Returns: (transfer full): @self, with one more reference
 */
AccordEvaluation *
accord_evaluation_ref(const AccordEvaluation *self)
{
	AccordEvaluation *mutable_self = (AccordEvaluation *)self;

	g_return_val_if_fail(self != NULL, NULL);
	g_atomic_ref_count_inc(&mutable_self->refcount);
	return mutable_self;
}

/**
 * accord_evaluation_unref:
 * @self: (nullable) (transfer full): an evaluation
 *
 * Drops a reference; the last one frees the evaluation.
 */
void
accord_evaluation_unref(AccordEvaluation *self)
{
	if (self == NULL || !g_atomic_ref_count_dec(&self->refcount))
		return;
	g_array_unref(self->results);
	accord_evaluation_unref(self->base);
	g_free(self->why);
	g_free(self->met);
	accord_ruleset_unref(self->ruleset);
	accord_profile_unref(self->profile);
	g_free(self);
}

/**
 * accord_evaluation_get_ruleset:
 * @self: an evaluation
 *
 * Returns: (transfer none): the evaluated ruleset
 */
const AccordRuleset *
accord_evaluation_get_ruleset(const AccordEvaluation *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->ruleset;
}

/**
 * accord_evaluation_get_profile:
 * @self: an evaluation
 *
 * Returns: (transfer none): the evaluated profile
 */
const AccordProfile *
accord_evaluation_get_profile(const AccordEvaluation *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->profile;
}

/**
 * accord_evaluation_get_result:
 * @self: an evaluation
 * @criterion: a criterion of the evaluated ruleset
 *
 * Returns: (transfer none): the criterion's outcome, credit, whether its facts are known and
 *   what they rest on; its reason is formatted by accord_evaluation_format_reason()
 */
const AccordCriterionResult *
accord_evaluation_get_result(const AccordEvaluation *self, const AccordCriterion *criterion)
{
	guint index;

	g_return_val_if_fail(self != NULL && criterion != NULL, NULL);
	index = accord_criterion_get_index(criterion);
	g_return_val_if_fail(index < self->results->len, NULL);
	return &g_array_index(self->results, AccordCriterionResult, index);
}

/**
 * accord_evaluation_format_reason:
 * @self: an evaluation
 * @criterion: a criterion of the evaluated ruleset
 *
 * Says why the criterion has its outcome: the value of each fact its checks read against
 * what each check needs (`ir.csirt = false (needs is true)`), the precondition first when it
 * has one. For a criterion a copy took as met (accord_evaluation_new_with_met()), the words
 * it was given and what it was: `waived (was fail: …)`. Formatted on each call, from the
 * criterion and the profile, so an evaluation costs no text until a view prints it.
 *
 * Returns: (transfer full): the reason
 */
gchar *
accord_evaluation_format_reason(const AccordEvaluation *self, const AccordCriterion *criterion)
{
	g_autoptr(GPtrArray) wrappers =
	    g_ptr_array_new(); /* the copies that met it, outermost first */
	g_autoptr(GString) reason = g_string_new(NULL);
	const AccordEvaluation *e = self;
	guint index;

	g_return_val_if_fail(self != NULL && criterion != NULL, NULL);
	index = accord_criterion_get_index(criterion);
	g_return_val_if_fail(index < self->results->len, NULL);
	for (; e->base != NULL; e = e->base) {
		if (e->met[index])
			g_ptr_array_add(wrappers, (gpointer)e);
	}
	{
		Facts facts = {e->profile, NULL, NULL, FALSE};

		eval_criterion(criterion, &facts, reason);
	}
	/* innermost first: "why (was outcome: reason)" */
	for (guint i = wrappers->len; i > 0; i--) {
		const AccordEvaluation *w = g_ptr_array_index(wrappers, i - 1);
		AccordOutcome was =
		    g_array_index(w->base->results, AccordCriterionResult, index).outcome;
		g_autofree gchar *inner = g_string_free(g_steal_pointer(&reason), FALSE);

		reason = g_string_new(NULL);
		g_string_printf(reason, "%s (was %s: %s)", w->why, outcome_names[was], inner);
	}
	return g_string_free(g_steal_pointer(&reason), FALSE);
}
