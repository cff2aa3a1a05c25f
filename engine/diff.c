#include "config.h"

#include "accord/diff.h"
#include "accord/error.h"

struct _AccordDiff {
	AccordEvaluation *old_evaluation;
	AccordEvaluation *new_evaluation;
	AccordScore *old_score;
	AccordScore *new_score;
	GArray *facts; /* AccordFactChange, by key */
	GArray *gaps;  /* AccordGapChange, in ruleset order */
};

static void
diff_facts(AccordDiff *self)
{
	const AccordProfile *a = accord_evaluation_get_profile(self->old_evaluation);
	const AccordProfile *b = accord_evaluation_get_profile(self->new_evaluation);
	const AccordVocabulary *vocab = accord_profile_get_vocabulary(a);

	/* the vocabulary lists facts sorted by key, so the changes come out in key order */
	for (guint i = 0; i < accord_vocabulary_get_n_facts(vocab); i++) {
		const gchar *key = accord_fact_def_get_key(accord_vocabulary_get_fact(vocab, i));
		const AccordProfileFact *fa = accord_profile_lookup_fact(a, key);
		const AccordProfileFact *fb = accord_profile_lookup_fact(b, key);
		AccordFactChange change = {key,
					   fa != NULL ? accord_profile_fact_get_text(fa) : NULL,
					   fb != NULL ? accord_profile_fact_get_text(fb) : NULL};

		if (g_strcmp0(change.old_value, change.new_value) != 0)
			g_array_append_val(self->facts, change);
	}
}

static gdouble
gap_of(const AccordGapList *gaps, const AccordRule *rule)
{
	for (guint i = 0; i < accord_gap_list_get_n_gaps(gaps); i++) {
		if (accord_gap_list_get_gap(gaps, i)->rule == rule)
			return accord_gap_list_get_gap(gaps, i)->gap;
	}
	return 0;
}

static void
diff_gaps(AccordDiff *self)
{
	const AccordRuleset *rs = accord_evaluation_get_ruleset(self->old_evaluation);
	g_autoptr(AccordGapList) old_gaps = accord_gaps_compute(self->old_score);
	g_autoptr(AccordGapList) new_gaps = accord_gaps_compute(self->new_score);

	for (guint i = 0; i < accord_ruleset_get_n_rules(rs); i++) {
		const AccordRule *rule = accord_ruleset_get_rule(rs, i);
		AccordGapChange change = {rule, gap_of(old_gaps, rule), gap_of(new_gaps, rule)};

		if (change.old_gap > 0 || change.new_gap > 0)
			g_array_append_val(self->gaps, change);
	}
}

/**
 * accord_diff_new:
 * @old_evaluation: (transfer full): the older snapshot's evaluation
 * @new_evaluation: (transfer full): the newer one's, same country and ruleset
 * @options: how to score both
 * @error: return location for an `ACCORD_ERROR`
 *
 * What moved between two snapshots of one country: the facts that changed, and the gaps that
 * opened, closed or stayed open, with both scores.
 *
 * Returns: (transfer full) (nullable): the diff, or %NULL with `ACCORD_ERROR_USAGE` when the
 *   snapshots are of different countries or rulesets
 */
AccordDiff *
accord_diff_new(AccordEvaluation *old_evaluation,
		AccordEvaluation *new_evaluation,
		const AccordScoreOptions *options,
		GError **error)
{
	g_autoptr(AccordDiff) self = g_new0(AccordDiff, 1);
	const AccordProfile *a, *b;

	g_return_val_if_fail(old_evaluation != NULL && new_evaluation != NULL && options != NULL,
			     NULL);
	self->old_evaluation = old_evaluation;
	self->new_evaluation = new_evaluation;
	a = accord_evaluation_get_profile(old_evaluation);
	b = accord_evaluation_get_profile(new_evaluation);
	if (g_strcmp0(accord_profile_get_country(a), accord_profile_get_country(b)) != 0) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "diff compares two snapshots of one country, not %s and %s",
			    accord_profile_get_country(a),
			    accord_profile_get_country(b));
		return NULL;
	}
	if (accord_evaluation_get_ruleset(old_evaluation) !=
	    accord_evaluation_get_ruleset(new_evaluation)) {
		g_set_error_literal(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_USAGE,
				    "diff needs both snapshots evaluated against one ruleset");
		return NULL;
	}
	self->old_score = accord_score_compute(old_evaluation, options, error);
	if (self->old_score == NULL)
		return NULL;
	self->new_score = accord_score_compute(new_evaluation, options, error);
	if (self->new_score == NULL)
		return NULL;
	self->facts = g_array_new(FALSE, TRUE, sizeof(AccordFactChange));
	self->gaps = g_array_new(FALSE, TRUE, sizeof(AccordGapChange));
	diff_facts(self);
	diff_gaps(self);
	return g_steal_pointer(&self);
}

/**
 * accord_diff_free:
 * @self: (nullable) (transfer full): a diff
 */
void
accord_diff_free(AccordDiff *self)
{
	if (self == NULL)
		return;
	accord_score_free(self->old_score);
	accord_score_free(self->new_score);
	accord_evaluation_free(self->old_evaluation);
	accord_evaluation_free(self->new_evaluation);
	if (self->facts != NULL)
		g_array_unref(self->facts);
	if (self->gaps != NULL)
		g_array_unref(self->gaps);
	g_free(self);
}

const AccordScore *
accord_diff_get_old_score(const AccordDiff *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->old_score;
}

const AccordScore *
accord_diff_get_new_score(const AccordDiff *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->new_score;
}

guint
accord_diff_get_n_fact_changes(const AccordDiff *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->facts->len;
}

const AccordFactChange *
accord_diff_get_fact_change(const AccordDiff *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->facts->len, NULL);
	return &g_array_index(self->facts, AccordFactChange, index);
}

guint
accord_diff_get_n_gap_changes(const AccordDiff *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->gaps->len;
}

const AccordGapChange *
accord_diff_get_gap_change(const AccordDiff *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->gaps->len, NULL);
	return &g_array_index(self->gaps, AccordGapChange, index);
}
