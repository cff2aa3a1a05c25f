#include "config.h"

#include <math.h>

#include "accord/diff.h"
#include "accord/error.h"

struct _AccordDiff {
	AccordScore *old_score;
	AccordScore *new_score;
	GArray *facts; /* AccordFactChange, by key */
	GArray *gaps;  /* AccordGapChange, in ruleset order */
};

static const gchar *const fact_kind_names[] = {"added", "removed", "changed"};
static const gchar *const gap_kind_names[] = {"opened", "closed", "moved", "still-open"};

/**
 * accord_fact_change_kind_to_string:
 * @kind: a kind of fact change
 *
 * Returns: (transfer none): its name: added, removed or changed
 */
const gchar *
accord_fact_change_kind_to_string(AccordFactChangeKind kind)
{
	g_return_val_if_fail(kind < G_N_ELEMENTS(fact_kind_names), NULL);
	return fact_kind_names[kind];
}

/**
 * accord_gap_change_kind_to_string:
 * @kind: a kind of gap change
 *
 * Returns: (transfer none): its name: opened, closed, moved or still-open
 */
const gchar *
accord_gap_change_kind_to_string(AccordGapChangeKind kind)
{
	g_return_val_if_fail(kind < G_N_ELEMENTS(gap_kind_names), NULL);
	return gap_kind_names[kind];
}

static const AccordProfile *
profile_of(const AccordScore *score)
{
	return accord_evaluation_get_profile(accord_score_get_evaluation(score));
}

static void
diff_facts(AccordDiff *self)
{
	const AccordProfile *a = profile_of(self->old_score);
	const AccordProfile *b = profile_of(self->new_score);
	const AccordVocabulary *vocab = accord_profile_get_vocabulary(a);

	/* the vocabulary lists facts sorted by key, so the changes come out in key order */
	for (guint i = 0; i < accord_vocabulary_get_n_facts(vocab); i++) {
		const gchar *key = accord_fact_def_get_key(accord_vocabulary_get_fact(vocab, i));
		const AccordProfileFact *fa = accord_profile_lookup_fact(a, key);
		const AccordProfileFact *fb = accord_profile_lookup_fact(b, key);
		AccordFactChange change = {key,
					   ACCORD_FACT_CHANGED,
					   fa != NULL ? accord_profile_fact_get_text(fa) : NULL,
					   fb != NULL ? accord_profile_fact_get_text(fb) : NULL};

		if (g_strcmp0(change.old_value, change.new_value) == 0)
			continue;
		if (change.old_value == NULL)
			change.kind = ACCORD_FACT_ADDED;
		else if (change.new_value == NULL)
			change.kind = ACCORD_FACT_REMOVED;
		g_array_append_val(self->facts, change);
	}
}

/* every rule's gap, by rule index: 0 for a rule at full marks or not applicable */
static gdouble *
gaps_by_rule(const AccordScore *score, guint n_rules)
{
	g_autoptr(AccordGapList) gaps = accord_gaps_compute(score);
	gdouble *out = g_new0(gdouble, n_rules);

	for (guint i = 0; i < accord_gap_list_get_n_gaps(gaps); i++) {
		const AccordGap *gap = accord_gap_list_get_gap(gaps, i);
		out[accord_rule_get_index(gap->rule)] = gap->gap;
	}
	return out;
}

static AccordGapChangeKind
classify(gdouble old_gap, gdouble new_gap)
{
	if (old_gap <= ACCORD_DIFF_CLOSED)
		return ACCORD_GAP_OPENED;
	if (new_gap <= ACCORD_DIFF_CLOSED)
		return ACCORD_GAP_CLOSED;
	return fabs(new_gap - old_gap) > ACCORD_DIFF_MOVED ? ACCORD_GAP_MOVED
							   : ACCORD_GAP_STILL_OPEN;
}

static void
diff_gaps(AccordDiff *self)
{
	const AccordRuleset *rs =
	    accord_evaluation_get_ruleset(accord_score_get_evaluation(self->old_score));
	guint n = accord_ruleset_get_n_rules(rs);
	g_autofree gdouble *old_gaps = gaps_by_rule(self->old_score, n);
	g_autofree gdouble *new_gaps = gaps_by_rule(self->new_score, n);

	for (guint i = 0; i < n; i++) {
		AccordGapChange change = {accord_ruleset_get_rule(rs, i),
					  ACCORD_GAP_STILL_OPEN,
					  old_gaps[i],
					  new_gaps[i]};

		if (old_gaps[i] <= ACCORD_DIFF_CLOSED && new_gaps[i] <= ACCORD_DIFF_CLOSED)
			continue;
		change.kind = classify(old_gaps[i], new_gaps[i]);
		g_array_append_val(self->gaps, change);
	}
}

static gboolean
check_comparable(const AccordScore *old_score, const AccordScore *new_score, GError **error)
{
	const AccordProfile *a = profile_of(old_score);
	const AccordProfile *b = profile_of(new_score);

	if (g_strcmp0(accord_profile_get_country(a), accord_profile_get_country(b)) != 0) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "diff compares two snapshots of one country, not %s and %s",
			    accord_profile_get_country(a),
			    accord_profile_get_country(b));
		return FALSE;
	}
	if (accord_evaluation_get_ruleset(accord_score_get_evaluation(old_score)) !=
	    accord_evaluation_get_ruleset(accord_score_get_evaluation(new_score))) {
		g_set_error_literal(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_USAGE,
				    "diff needs both snapshots scored against one ruleset");
		return FALSE;
	}
	return TRUE;
}

/**
 * accord_diff_new:
 * @old_score: (transfer none): the older snapshot's score; the diff keeps a reference
 * @new_score: (transfer none): the newer one's, same country, ruleset and options
 * @error: return location for an `ACCORD_ERROR`
 *
 * What moved between two snapshots of one country: the facts that changed, and each rule's
 * gap, classified as opened, closed, moved or still open (tolerances %ACCORD_DIFF_CLOSED and
 * %ACCORD_DIFF_MOVED).
 *
 * Returns: (transfer full) (nullable): the diff, or %NULL with `ACCORD_ERROR_USAGE` when the
 *   snapshots are of different countries or rulesets
 */
AccordDiff *
accord_diff_new(const AccordScore *old_score, const AccordScore *new_score, GError **error)
{
	g_autoptr(AccordDiff) self = NULL;

	g_return_val_if_fail(old_score != NULL && new_score != NULL, NULL);
	if (!check_comparable(old_score, new_score, error))
		return NULL;
	self = g_new0(AccordDiff, 1);
	self->old_score = accord_score_ref(old_score);
	self->new_score = accord_score_ref(new_score);
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
	accord_score_unref(self->old_score);
	accord_score_unref(self->new_score);
	if (self->facts != NULL)
		g_array_unref(self->facts);
	if (self->gaps != NULL)
		g_array_unref(self->gaps);
	g_free(self);
}

/**
 * accord_diff_get_old_score:
 * @self: a diff
 *
 * Returns: (transfer none): the older snapshot's score
 */
const AccordScore *
accord_diff_get_old_score(const AccordDiff *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->old_score;
}

/**
 * accord_diff_get_new_score:
 * @self: a diff
 *
 * Returns: (transfer none): the newer snapshot's score
 */
const AccordScore *
accord_diff_get_new_score(const AccordDiff *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->new_score;
}

/**
 * accord_diff_get_n_fact_changes:
 * @self: a diff
 *
 * Returns: how many facts changed
 */
guint
accord_diff_get_n_fact_changes(const AccordDiff *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->facts->len;
}

/**
 * accord_diff_get_fact_change:
 * @self: a diff
 * @index: from 0, in key order
 *
 * Returns: (transfer none): a changed fact
 */
const AccordFactChange *
accord_diff_get_fact_change(const AccordDiff *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->facts->len, NULL);
	return &g_array_index(self->facts, AccordFactChange, index);
}

/**
 * accord_diff_get_n_gap_changes:
 * @self: a diff
 *
 * Returns: how many rules have a gap in either snapshot
 */
guint
accord_diff_get_n_gap_changes(const AccordDiff *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->gaps->len;
}

/**
 * accord_diff_get_gap_change:
 * @self: a diff
 * @index: from 0, in ruleset order
 *
 * Returns: (transfer none): a rule's gap in both snapshots, classified
 */
const AccordGapChange *
accord_diff_get_gap_change(const AccordDiff *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->gaps->len, NULL);
	return &g_array_index(self->gaps, AccordGapChange, index);
}
