#include "config.h"

#include <math.h>

#include "accord/error.h"
#include "evaluate-private.h"
#include "roadmap-private.h"
#include "score-private.h"

/* The search for a roadmap's next step. A step is a change of one fact to one value (or a
 * plan's bundle), tried by re-scoring every assessment it can affect with all the changes so
 * far assumed; the best gain per unit of effort goes next. docs/scoring.md §10 states the
 * rules this file implements.
 *
 * Trying a change by accord_assessment_rescore() copies the profile and evaluates and scores
 * every criterion: on 10,000 criteria each step tried hundreds of changes that way. A change
 * only moves the criteria that read a fact it sets, so the search evaluates those alone
 * against the state the steps so far leave (the fast path) and sums the score again from the
 * rules they belong to (accord_score_overall_with()): the same doubles as the full re-score,
 * which still makes every step's scores. An assessment with waivers takes the full re-score,
 * as waivers turn results into passes after evaluation.
 *
 * Across steps, only what a step touched is done again: the verdicts of the criteria that
 * read a change's fact are kept (trial_single()), a change held back by a criterion no step
 * has moved since is not evaluated again (defer()), and the sum over every rule is made only
 * for a change that is ready (no stage reads another's gain). The look-ahead leaves out a
 * pair its two changes show is not ready (pair_barred()). None of this changes a choice:
 * test-roadmap.c steps the search side by side with the exhaustive one. */

typedef struct {
	gint direction;	  /* how a level fact has moved so far: −1, 0 (not yet) or +1 */
	gboolean changed; /* the plan has changed the fact */
	GArray *visited;  /* AccordValue: every value it has had in the plan, the first included */
} Track;

static void
track_free(Track *track)
{
	g_array_unref(track->visited);
	g_free(track);
}

static gboolean
track_visited(const Track *track, const AccordValue *value)
{
	for (guint i = 0; i < track->visited->len; i++)
		if (accord_value_compare(&g_array_index(track->visited, AccordValue, i), value) ==
		    0)
			return TRUE;
	return FALSE;
}

/* what a candidate gives one assessment: a score (the full re-score, or the score now when
 * it reads no fact the candidate sets), or on the fast path the criteria it evaluated again
 * and their results */
typedef struct {
	AccordScore *score;
	GArray *criteria; /* guint: criterion indices, ascending */
	GArray *results;  /* AccordCriterionResult, one per criterion */
	GArray *rules;	  /* AccordScoreRuleDelta: the rules of those criteria, scored */
	gdouble overall;  /* the overall value after it (NAN when not applicable) */
} Trial;

/* what a single change, on the fast path, does in one assessment that no second change on
 * another fact can undo, unless the second change's fact is read by the criteria named:
 * see pair_barred() */
typedef struct {
	GArray *lowered; /* guint: selected criteria whose credit it lowers */
	GArray *blocked; /* guint pairs: a selected criterion it raises, and a dependency of that
			  * criterion left unmet */
} Bars;

/* what a criterion's evaluation gives that a score reads (same_result()) */
typedef struct {
	gdouble credit;
	AccordOutcome outcome;
	gboolean known;
} Verdict;

/* a single change (a fact at a value), whose verdicts the search keeps across steps */
typedef struct {
	const AccordFactDef *fact;
	gchar *text;
} MemoKey;

/* the verdicts, under a single change, of the criteria of one assessment that read its fact
 * (in the readers' order), as they stood at step @step */
typedef struct {
	guint step;
	GArray *verdicts; /* Verdict; NULL until first evaluated */
} Memo;

/* why a single change is not ready, in terms that last while the criteria named do not move:
 * in @assessment, it lowers @criterion while its fact was changed before (@dependency
 * G_MAXUINT), or raises @criterion while @dependency is unmet */
typedef struct {
	guint assessment;
	guint criterion;
	guint dependency;
} Held;

typedef struct _Candidate Candidate;
struct _Candidate {
	GArray *changes; /* AccordRoadmapChange */
	const AccordPlanBundle *bundle;
	guint cost;
	guint order;		   /* generation order: the last tie-breaker */
	Trial *trials;		   /* one per assessment; NULL until evaluated */
	const Candidate *parts[2]; /* a pair's two single changes, else NULL */
	Bars *bars;		   /* a single change's, one per assessment; else NULL */
	Held held;		   /* why it is not ready, when @has_held */
	gboolean has_held;
	gboolean deferred; /* not ready for @held, not evaluated yet (see defer()) */
	guint n_trials;
	gdouble gain;
	gboolean useful; /* raises the credit of a selected criterion */
	gboolean lowers; /* lowers the credit of a selected criterion */
	gboolean again;	 /* changes a fact an earlier step changed */
	gboolean ready;	 /* may go now: see evaluate() */
};

struct _AccordRoadmapSearch {
	const AccordAssessment *const *assessments;
	guint n;
	const gdouble *weights; /* NULL: equal */
	AccordRoadmapOptions options;
	GStringChunk *strings;
	const AccordVocabulary *vocab;
	GPtrArray *reads;	/* GHashTable of the AccordFactDef* each ruleset reads */
	GHashTable *thresholds; /* number or date fact → GArray of the AccordValue checks use */
	GHashTable *tracks;	/* AccordFactDef* → Track* */
	GHashTable *bundles_done;
	GPtrArray *assumptions; /* gchar* FACT=VALUE: every change so far, in order */
	GPtrArray *current;	/* AccordScore*, per assessment */
	GPtrArray *readers; /* per assessment: AccordFactDef* → GArray of the guint indices of the
			     * criteria that read it, ascending; NULL for the full re-score */
	const AccordCriterionResult **overlay; /* scratch, by criterion index: all NULL between
						* uses */
	gboolean full;			       /* every trial by the full re-score */
	guint8 *marks;	     /* scratch, by rule index: all 0 between uses (trial_pair()) */
	guint step;	     /* steps applied so far */
	GPtrArray *touched;  /* per assessment with readers: guint by criterion index, the step
			      * at which a fact it reads last changed (0: never) */
	GHashTable *memos;   /* MemoKey* → Memo[n]: see trial_single() */
	GHashTable *held;    /* MemoKey* → Held*: why each single change of the last step that was
			      * not ready was not (see defer()) */
	gboolean exhaustive; /* every candidate evaluated, every pair scored (tests) */
	gboolean score_all;  /* every candidate gets its gain, ready or not (tests) */
	guint pairs_scored;
	gdouble objective;
	guint spent;
	gboolean budget_bound; /* the last search left out a gaining change for the budget */
	AccordRoadmapEnd end;
};

static void
trials_free(Trial *trials, guint n)
{
	for (guint i = 0; trials != NULL && i < n; i++) {
		if (trials[i].score != NULL)
			accord_score_unref(trials[i].score);
		if (trials[i].criteria != NULL)
			g_array_unref(trials[i].criteria);
		if (trials[i].results != NULL)
			g_array_unref(trials[i].results);
		if (trials[i].rules != NULL)
			g_array_unref(trials[i].rules);
	}
	g_free(trials);
}

static void
bars_clear(Bars *bars)
{
	g_clear_pointer(&bars->lowered, g_array_unref);
	g_clear_pointer(&bars->blocked, g_array_unref);
}

static void
candidate_free(Candidate *c)
{
	for (guint i = 0; c->bars != NULL && i < c->n_trials; i++)
		bars_clear(&c->bars[i]);
	g_free(c->bars);
	g_array_unref(c->changes);
	trials_free(c->trials, c->n_trials);
	g_free(c);
}

/* adds to @facts the facts @criterion reads, through @scratch (emptied first) */
static void
collect_facts(const AccordCriterion *criterion, GPtrArray *scratch, GHashTable *facts)
{
	g_ptr_array_set_size(scratch, 0);
	accord_criterion_collect_facts(criterion, scratch);
	for (guint i = 0; i < scratch->len; i++)
		g_hash_table_add(facts, g_ptr_array_index(scratch, i));
}

static gint
compare_values(gconstpointer a, gconstpointer b)
{
	return accord_value_compare(a, b);
}

/* the values that number and date checks compare with: the only values of an unbounded type
 * worth trying, each the boundary of what its check accepts */
static void
collect_thresholds(const AccordCheck *check, GHashTable *thresholds)
{
	const AccordFactDef *fact;
	AccordFactType type;
	GArray *values;

	if (check == NULL)
		return;
	for (guint i = 0; i < accord_check_get_n_children(check); i++)
		collect_thresholds(accord_check_get_child(check, i), thresholds);
	if (accord_check_get_kind(check) != ACCORD_CHECK_FACT)
		return;
	fact = accord_check_get_fact(check);
	type = accord_fact_def_get_fact_type(fact);
	if (type != ACCORD_FACT_TYPE_NUMBER && type != ACCORD_FACT_TYPE_DATE)
		return;
	values = g_hash_table_lookup(thresholds, fact);
	if (values == NULL) {
		values = g_array_new(FALSE, FALSE, sizeof(AccordValue));
		g_hash_table_insert(thresholds, (gpointer)fact, values);
	}
	for (guint i = 0; i < accord_check_get_n_values(check); i++) {
		const AccordValue *v = accord_check_get_value(check, i);

		if (!g_array_binary_search(values, v, compare_values, NULL)) {
			g_array_append_val(values, *v);
			g_array_sort(values, compare_values);
		}
	}
}

static const AccordProfile *
current_profile(const AccordRoadmapSearch *self)
{
	return accord_evaluation_get_profile(
	    accord_score_get_evaluation(g_ptr_array_index(self->current, 0)));
}

/* the weighted mean of @values, a value that is not applicable (NAN) counting as 0 */
static gdouble
mean_of(const AccordRoadmapSearch *self, const gdouble *values)
{
	gdouble sum = 0, total = 0;

	for (guint i = 0; i < self->n; i++) {
		gdouble w = self->weights != NULL ? self->weights[i] : 1.0;

		sum += w * (isnan(values[i]) ? 0 : values[i]);
		total += w;
	}
	return sum / total;
}

/* the objective: the weighted mean of the overall scores, a score that is not applicable
 * counting as 0 */
gdouble
accord_roadmap_objective(const AccordRoadmapSearch *self, const GPtrArray *scores)
{
	g_autofree gdouble *values = g_new(gdouble, self->n);

	for (guint i = 0; i < self->n; i++)
		values[i] = accord_score_get_overall(g_ptr_array_index(scores, i))->value;
	return mean_of(self, values);
}

static gdouble
objective_of_trials(const AccordRoadmapSearch *self, const Trial *trials)
{
	g_autofree gdouble *values = g_new(gdouble, self->n);

	for (guint i = 0; i < self->n; i++)
		values[i] = trials[i].overall;
	return mean_of(self, values);
}

/* attainment: the same mean with each score taken under the weighted model, arithmetic
 * aggregation and unknowns as zero (same tailoring, same waivers). It rises with every credit
 * a change raises, where the chosen options may not: a geometric mean held at zero, an
 * unknown left out, a partial that an XCCDF model scores as a fail */
gboolean
accord_roadmap_attainment(const AccordRoadmapSearch *self,
			  const GPtrArray *scores,
			  gdouble *attainment,
			  GError **error)
{
	gdouble sum = 0, total = 0;

	for (guint i = 0; i < self->n; i++) {
		const AccordScore *score = g_ptr_array_index(scores, i);
		gdouble w = self->weights != NULL ? self->weights[i] : 1.0;
		AccordScoreOptions options;
		g_autoptr(AccordScore) plain = NULL;
		gdouble s;

		accord_score_options_init(&options);
		options.tailoring = accord_score_get_options(score)->tailoring;
		plain = accord_score_compute(accord_score_get_evaluation(score), &options, error);
		if (plain == NULL)
			return FALSE;
		s = accord_score_get_overall(plain)->value;
		sum += w * (isnan(s) ? 0 : s);
		total += w;
	}
	*attainment = sum / total;
	return TRUE;
}

static guint
memo_key_hash(gconstpointer key)
{
	const MemoKey *k = key;

	return g_direct_hash(k->fact) * 31 + g_str_hash(k->text);
}

static gboolean
memo_key_equal(gconstpointer a, gconstpointer b)
{
	const MemoKey *x = a, *y = b;

	return x->fact == y->fact && g_str_equal(x->text, y->text);
}

static void
memo_key_free(gpointer key)
{
	g_free(((MemoKey *)key)->text);
	g_free(key);
}

static void
readers_free(gpointer readers)
{
	if (readers != NULL)
		g_hash_table_unref(readers);
}

/* fact → the indices of the criteria that read it (in a precondition or a check), ascending */
static GHashTable *
readers_of(const AccordRuleset *rs)
{
	GHashTable *readers =
	    g_hash_table_new_full(NULL, NULL, NULL, (GDestroyNotify)g_array_unref);
	g_autoptr(GPtrArray) facts = g_ptr_array_new();

	for (guint c = 0; c < accord_ruleset_get_n_criteria(rs); c++) {
		g_ptr_array_set_size(facts, 0);
		accord_criterion_collect_facts(accord_ruleset_get_criterion(rs, c), facts);
		for (guint k = 0; k < facts->len; k++) {
			gpointer fact = g_ptr_array_index(facts, k);
			GArray *list = g_hash_table_lookup(readers, fact);

			if (list == NULL) {
				list = g_array_new(FALSE, FALSE, sizeof(guint));
				g_hash_table_insert(readers, fact, list);
			}
			g_array_append_val(list, c);
		}
	}
	return readers;
}

AccordRoadmapSearch *
accord_roadmap_search_new(const AccordAssessment *const *assessments,
			  guint n_assessments,
			  const gdouble *weights,
			  const AccordRoadmapOptions *options,
			  GStringChunk *strings)
{
	AccordRoadmapSearch *self = g_new0(AccordRoadmapSearch, 1);
	g_autoptr(GPtrArray) scratch = NULL;
	guint n_criteria = 0, n_rules = 0;

	self->assessments = assessments;
	self->n = n_assessments;
	self->weights = weights;
	self->options = *options;
	self->strings = strings;
	self->reads = g_ptr_array_new_with_free_func((GDestroyNotify)g_hash_table_unref);
	self->thresholds = g_hash_table_new_full(NULL, NULL, NULL, (GDestroyNotify)g_array_unref);
	self->tracks = g_hash_table_new_full(NULL, NULL, NULL, (GDestroyNotify)track_free);
	self->bundles_done = g_hash_table_new(NULL, NULL);
	self->assumptions = g_ptr_array_new_with_free_func(g_free);
	self->current = g_ptr_array_new_with_free_func((GDestroyNotify)accord_score_unref);
	self->readers = g_ptr_array_new_with_free_func(readers_free);
	self->touched = g_ptr_array_new_with_free_func(g_free);
	scratch = g_ptr_array_new();
	for (guint i = 0; i < n_assessments; i++) {
		const AccordRuleset *rs = accord_assessment_get_ruleset(assessments[i]);
		GHashTable *facts = g_hash_table_new(NULL, NULL);

		for (guint c = 0; c < accord_ruleset_get_n_criteria(rs); c++) {
			const AccordCriterion *criterion = accord_ruleset_get_criterion(rs, c);

			collect_facts(criterion, scratch, facts);
			collect_thresholds(accord_criterion_get_check(criterion), self->thresholds);
		}
		g_ptr_array_add(self->reads, facts);
		g_ptr_array_add(
		    self->readers,
		    accord_assessment_get_waivers(assessments[i]) == NULL ? readers_of(rs) : NULL);
		g_ptr_array_add(self->touched,
				g_new0(guint, MAX(accord_ruleset_get_n_criteria(rs), 1)));
		n_criteria = MAX(n_criteria, accord_ruleset_get_n_criteria(rs));
		n_rules = MAX(n_rules, accord_ruleset_get_n_rules(rs));
		g_ptr_array_add(
		    self->current,
		    accord_score_ref(
			accord_assessment_get_score(assessments[i], ACCORD_VARIANT_AS_GIVEN)));
	}
	self->overlay = g_new0(const AccordCriterionResult *, MAX(n_criteria, 1));
	self->marks = g_new0(guint8, MAX(n_rules, 1));
	self->vocab = accord_profile_get_vocabulary(current_profile(self));
	self->memos = g_hash_table_new_full(memo_key_hash, memo_key_equal, memo_key_free, NULL);
	self->objective = accord_roadmap_objective(self, self->current);
	return self;
}

static void
memos_free(AccordRoadmapSearch *self)
{
	GHashTableIter iter;
	gpointer memos;

	g_hash_table_iter_init(&iter, self->memos);
	while (g_hash_table_iter_next(&iter, NULL, &memos)) {
		for (guint i = 0; i < self->n; i++)
			if (((Memo *)memos)[i].verdicts != NULL)
				g_array_unref(((Memo *)memos)[i].verdicts);
		g_free(memos);
	}
	g_hash_table_unref(self->memos);
}

void
accord_roadmap_search_free(AccordRoadmapSearch *self)
{
	if (self == NULL)
		return;
	g_ptr_array_unref(self->reads);
	g_hash_table_unref(self->thresholds);
	g_hash_table_unref(self->tracks);
	g_hash_table_unref(self->bundles_done);
	g_ptr_array_unref(self->assumptions);
	g_ptr_array_unref(self->current);
	g_ptr_array_unref(self->readers);
	g_ptr_array_unref(self->touched);
	memos_free(self);
	g_clear_pointer(&self->held, g_hash_table_unref);
	g_free(self->overlay);
	g_free(self->marks);
	g_free(self);
}

AccordRoadmapEnd
accord_roadmap_search_get_end(const AccordRoadmapSearch *self)
{
	return self->end;
}

/* a criterion to work on: selected, applicable and not met in full (unknown ones too) */
static gboolean
is_open(const AccordScore *score, const AccordCriterion *criterion)
{
	AccordOutcome outcome =
	    accord_evaluation_get_result(accord_score_get_evaluation(score), criterion)->outcome;

	return accord_score_selects_criterion(score, criterion) && outcome != ACCORD_OUTCOME_PASS &&
	       outcome != ACCORD_OUTCOME_NOT_APPLICABLE;
}

/* the facts that open criteria read: the only ones a change is tried on */
static GHashTable *
facts_of_open_criteria(const AccordRoadmapSearch *self)
{
	GHashTable *facts = g_hash_table_new(NULL, NULL);
	g_autoptr(GPtrArray) scratch = g_ptr_array_new();

	for (guint i = 0; i < self->n; i++) {
		const AccordScore *score = g_ptr_array_index(self->current, i);
		const AccordRuleset *rs = accord_assessment_get_ruleset(self->assessments[i]);

		for (guint c = 0; c < accord_ruleset_get_n_criteria(rs); c++) {
			const AccordCriterion *criterion = accord_ruleset_get_criterion(rs, c);

			if (!is_open(score, criterion))
				continue;
			collect_facts(criterion, scratch, facts);
		}
	}
	return facts;
}

/* what reaching @value costs: the plan's effort, else the vocabulary's */
static guint
effort_of(const AccordRoadmapSearch *self, const AccordFactDef *fact, const AccordValue *value)
{
	guint cost;

	if (self->options.plan != NULL &&
	    accord_plan_get_effort(self->options.plan, fact, value, &cost))
		return cost;
	return accord_fact_def_get_effort(fact, value);
}

/* a level change costs the steps it crosses (an unstated level counts as the lowest), and at
 * least what the level it reaches costs; any other change what its value costs */
static guint
change_cost(const AccordRoadmapSearch *self,
	    const AccordFactDef *fact,
	    const AccordValue *from,
	    const AccordValue *to)
{
	guint a, b, sum = 0;

	if (accord_fact_def_get_fact_type(fact) != ACCORD_FACT_TYPE_LEVEL)
		return effort_of(self, fact, to);
	a = from != NULL ? from->v.level : 0;
	b = to->v.level;
	for (guint k = MIN(a, b) + 1; k <= MAX(a, b); k++) {
		AccordValue step = {ACCORD_FACT_TYPE_LEVEL, {.level = k}};

		sum += effort_of(self, fact, &step);
	}
	return sum > 0 ? sum : effort_of(self, fact, to);
}

/* the rules that keep a plan from undoing itself: a fact the plan keeps, or a bundle sets,
 * is not changed alone; a fact never returns to a value it has had in the plan (which also
 * bounds the plan: each fact takes each value at most once); a level moves on only in the
 * direction it has moved (a stage: draft, then adopted); any other fact changes again only
 * when that takes no credit back (a code of practice, then a label scheme), which evaluate()
 * checks. *again is set for a fact the plan changed before */
static gboolean
may_change(const AccordRoadmapSearch *self,
	   const AccordFactDef *fact,
	   const AccordValue *from,
	   const AccordValue *to,
	   gboolean *again)
{
	const Track *track = g_hash_table_lookup(self->tracks, fact);
	gint direction;

	*again = track != NULL && track->changed;
	if (self->options.plan != NULL &&
	    (accord_plan_keeps_fact(self->options.plan, fact) ||
	     accord_plan_get_bundle_of_fact(self->options.plan, fact) != NULL))
		return FALSE;
	if (from != NULL && accord_value_compare(from, to) == 0)
		return FALSE;
	if (!*again)
		return TRUE;
	if (track_visited(track, to))
		return FALSE;
	if (accord_fact_def_get_fact_type(fact) != ACCORD_FACT_TYPE_LEVEL)
		return TRUE;
	direction = accord_value_compare(to, from);
	return track->direction == 0 || direction == track->direction;
}

static const AccordValue *
value_now(const AccordRoadmapSearch *self, const AccordFactDef *fact)
{
	const AccordProfileFact *f =
	    accord_profile_lookup_fact(current_profile(self), accord_fact_def_get_key(fact));

	return f != NULL ? accord_profile_fact_get_value(f) : NULL;
}

static void
add_change(AccordRoadmapSearch *self,
	   Candidate *c,
	   const AccordFactDef *fact,
	   const AccordValue *value)
{
	const AccordProfileFact *f =
	    accord_profile_lookup_fact(current_profile(self), accord_fact_def_get_key(fact));
	g_autofree gchar *text = accord_value_to_string(fact, value);
	AccordRoadmapChange change = {
	    fact,
	    *value,
	    g_string_chunk_insert_const(self->strings, text),
	    f != NULL ? g_string_chunk_insert_const(self->strings, accord_profile_fact_get_text(f))
		      : NULL};

	g_array_append_val(c->changes, change);
}

static Candidate *
candidate_new(guint order, guint cost, const AccordPlanBundle *bundle)
{
	Candidate *c = g_new0(Candidate, 1);

	c->changes = g_array_new(FALSE, TRUE, sizeof(AccordRoadmapChange));
	c->order = order;
	c->cost = cost;
	c->bundle = bundle;
	return c;
}

/* every value a fact can be tried at: its whole domain, or the thresholds checks use */
static GArray *
values_of(const AccordRoadmapSearch *self, const AccordFactDef *fact)
{
	GArray *values = g_array_new(FALSE, FALSE, sizeof(AccordValue));
	AccordFactType type = accord_fact_def_get_fact_type(fact);
	guint n = type == ACCORD_FACT_TYPE_BOOLEAN ? 2
		  : type == ACCORD_FACT_TYPE_LEVEL
		      ? accord_scale_get_n_levels(accord_fact_def_get_scale(fact))
		  : type == ACCORD_FACT_TYPE_ENUM ? accord_fact_def_get_n_symbols(fact)
						  : 0;
	GArray *thresholds = g_hash_table_lookup(self->thresholds, fact);

	for (guint i = 0; i < n; i++) {
		AccordValue v = {type, {.level = i}};

		if (type == ACCORD_FACT_TYPE_BOOLEAN)
			v.v.boolean = i == 1;
		g_array_append_val(values, v);
	}
	if (n == 0 && thresholds != NULL)
		g_array_append_vals(values, thresholds->data, thresholds->len);
	return values;
}

/* a bundle is tried until it is planned, while it would change something */
static void
add_bundles(AccordRoadmapSearch *self, GPtrArray *out)
{
	for (guint b = 0;
	     self->options.plan != NULL && b < accord_plan_get_n_bundles(self->options.plan);
	     b++) {
		const AccordPlanBundle *bundle = accord_plan_get_bundle(self->options.plan, b);
		Candidate *c;
		gboolean changes = FALSE;

		if (g_hash_table_contains(self->bundles_done, bundle))
			continue;
		c = candidate_new(out->len, bundle->cost, bundle);
		for (guint i = 0; i < bundle->n_settings; i++) {
			const AccordValue *now = value_now(self, bundle->settings[i].fact);

			changes |= now == NULL ||
				   accord_value_compare(now, &bundle->settings[i].value) != 0;
			add_change(self, c, bundle->settings[i].fact, &bundle->settings[i].value);
		}
		if (changes)
			g_ptr_array_add(out, c);
		else
			candidate_free(c);
	}
}

/* every change worth trying: each fact an open criterion reads (in key order), at each value
 * it may move to (in the vocabulary's order), then the plan's bundles (in file order) */
static GPtrArray *
generate(AccordRoadmapSearch *self)
{
	GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)candidate_free);
	g_autoptr(GHashTable) facts = facts_of_open_criteria(self);

	for (guint f = 0; f < accord_vocabulary_get_n_facts(self->vocab); f++) {
		const AccordFactDef *fact = accord_vocabulary_get_fact(self->vocab, f);
		const AccordValue *from = value_now(self, fact);
		g_autoptr(GArray) values = NULL;

		if (!g_hash_table_contains(facts, fact))
			continue;
		values = values_of(self, fact);
		for (guint i = 0; i < values->len; i++) {
			const AccordValue *to = &g_array_index(values, AccordValue, i);
			gboolean again = FALSE;
			Candidate *c;

			if (!may_change(self, fact, from, to, &again))
				continue;
			c = candidate_new(out->len, change_cost(self, fact, from, to), NULL);
			c->again = again;
			add_change(self, c, fact, to);
			g_ptr_array_add(out, c);
		}
	}
	add_bundles(self, out);
	return out;
}

static gboolean
reads_any(GHashTable *reads, const GArray *changes)
{
	for (guint i = 0; i < changes->len; i++) {
		if (g_hash_table_contains(reads,
					  g_array_index(changes, AccordRoadmapChange, i).fact))
			return TRUE;
	}
	return FALSE;
}

static gboolean
is_credited(AccordOutcome outcome)
{
	return outcome == ACCORD_OUTCOME_PASS || outcome == ACCORD_OUTCOME_PARTIAL;
}

/* met for a dependency: passed (or waived), not applicable, or out of the tailoring */
static gboolean
dependency_met(const AccordScore *score,
	       const AccordCriterion *criterion,
	       const AccordCriterionResult *const *overlay)
{
	guint index = accord_criterion_get_index(criterion);
	AccordOutcome outcome =
	    overlay != NULL && overlay[index] != NULL
		? overlay[index]->outcome
		: accord_evaluation_get_result(accord_score_get_evaluation(score), criterion)
		      ->outcome;

	return !accord_score_selects_criterion(score, criterion) ||
	       outcome == ACCORD_OUTCOME_PASS || outcome == ACCORD_OUTCOME_NOT_APPLICABLE;
}

static void
append_index(GArray **list, guint index)
{
	if (*list == NULL)
		*list = g_array_new(FALSE, FALSE, sizeof(guint));
	g_array_append_val(*list, index);
}

/* whether @criterion, credited @b before and @a after, is raised or lowered, and whether a
 * raised one has every criterion it depends on met after (@after: the score after, or the
 * score now with @overlay holding what differs); @bars, when not NULL, receives what is
 * lowered and what is raised before its dependencies */
static void
check_raise(const AccordScore *after,
	    const AccordCriterionResult *const *overlay,
	    const AccordCriterion *criterion,
	    const AccordCriterionResult *b,
	    const AccordCriterionResult *a,
	    Candidate *c,
	    Bars *bars)
{
	guint index = accord_criterion_get_index(criterion);

	if (!accord_score_selects_criterion(after, criterion))
		return;
	if (is_credited(b->outcome) && (!is_credited(a->outcome) || a->credit < b->credit)) {
		c->lowers = TRUE;
		if (bars != NULL)
			append_index(&bars->lowered, index);
	}
	if (!is_credited(a->outcome) || (is_credited(b->outcome) && a->credit <= b->credit))
		return;
	c->useful = TRUE;
	for (guint d = 0; d < accord_criterion_get_n_depends(criterion); d++) {
		const AccordCriterion *dependency = accord_criterion_get_depends(criterion, d);

		if (dependency_met(after, dependency, overlay))
			continue;
		c->ready = FALSE;
		if (bars != NULL) {
			append_index(&bars->blocked, index);
			append_index(&bars->blocked, accord_criterion_get_index(dependency));
		}
	}
}

/* which selected criteria @after credits more or less than @before, and whether each one it
 * raises has every criterion it depends on met in @after */
static void
check_raises(const AccordScore *before, const AccordScore *after, Candidate *c)
{
	const AccordRuleset *rs = accord_evaluation_get_ruleset(accord_score_get_evaluation(after));

	for (guint i = 0; i < accord_ruleset_get_n_criteria(rs); i++) {
		const AccordCriterion *criterion = accord_ruleset_get_criterion(rs, i);

		check_raise(
		    after,
		    NULL,
		    criterion,
		    accord_evaluation_get_result(accord_score_get_evaluation(before), criterion),
		    accord_evaluation_get_result(accord_score_get_evaluation(after), criterion),
		    c,
		    NULL);
	}
}

/* the full re-score: every assumption so far and @c's, through accord_assessment_rescore() */
static gboolean
trial_full(AccordRoadmapSearch *self, Candidate *c, guint i, GError **error)
{
	g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func(g_free);
	const AccordScore *now = g_ptr_array_index(self->current, i);
	Trial *trial = &c->trials[i];

	for (guint k = 0; k < self->assumptions->len; k++)
		g_ptr_array_add(list, g_strdup(g_ptr_array_index(self->assumptions, k)));
	for (guint k = 0; k < c->changes->len; k++) {
		const AccordRoadmapChange *change =
		    &g_array_index(c->changes, AccordRoadmapChange, k);

		g_ptr_array_add(
		    list,
		    g_strdup_printf("%s=%s", accord_fact_def_get_key(change->fact), change->text));
	}
	g_ptr_array_add(list, NULL);
	trial->score = accord_assessment_rescore(self->assessments[i],
						 (const gchar *const *)list->pdata,
						 error);
	if (trial->score == NULL)
		return FALSE;
	trial->overall = accord_score_get_overall(trial->score)->value;
	check_raises(now, trial->score, c);
	return TRUE;
}

/* what the fast path reads for a fact: the value the last change of it sets, as an
 * assumption would parse it */
typedef struct {
	const GArray *changes; /* AccordRoadmapChange */
	const AccordValue *values;
} Override;

static gboolean
override_fact(const AccordFactDef *def, const AccordValue **value, gpointer data)
{
	const Override *o = data;

	for (guint k = o->changes->len; k > 0; k--) {
		if (g_array_index(o->changes, AccordRoadmapChange, k - 1).fact == def) {
			*value = &o->values[k - 1];
			return TRUE;
		}
	}
	return FALSE;
}

static gint
compare_indices(gconstpointer a, gconstpointer b)
{
	guint x = *(const guint *)a, y = *(const guint *)b;

	return x < y ? -1 : x > y;
}

/* sorts @indices and drops repeats */
static void
sort_unique(GArray *indices)
{
	gboolean sorted = TRUE;
	guint n = 0;

	/* criteria come in rule order, so their rules mostly need no sort */
	for (guint k = 1; k < indices->len && sorted; k++)
		sorted = g_array_index(indices, guint, k - 1) <= g_array_index(indices, guint, k);
	if (!sorted)
		g_array_sort(indices, compare_indices);
	for (guint k = 0; k < indices->len; k++)
		if (n == 0 ||
		    g_array_index(indices, guint, k) != g_array_index(indices, guint, n - 1))
			g_array_index(indices, guint, n++) = g_array_index(indices, guint, k);
	g_array_set_size(indices, n);
}

/* the criteria of assessment @i that read a fact @changes sets */
static GArray *
criteria_reading(const AccordRoadmapSearch *self, guint i, const GArray *changes)
{
	GHashTable *readers = g_ptr_array_index(self->readers, i);
	GArray *out = g_array_new(FALSE, FALSE, sizeof(guint));

	for (guint k = 0; k < changes->len; k++) {
		const GArray *list =
		    g_hash_table_lookup(readers,
					g_array_index(changes, AccordRoadmapChange, k).fact);

		if (list != NULL)
			g_array_append_vals(out, list->data, list->len);
	}
	if (changes->len > 1)
		sort_unique(out);
	return out;
}

/* the rules the criteria @criteria (indices) belong to, ascending */
static GArray *
rules_of(const AccordRuleset *rs, const GArray *criteria)
{
	GArray *rules = g_array_sized_new(FALSE, FALSE, sizeof(guint), criteria->len);

	for (guint k = 0; k < criteria->len; k++) {
		guint r = accord_rule_get_index(accord_criterion_get_rule(
		    accord_ruleset_get_criterion(rs, g_array_index(criteria, guint, k))));

		g_array_append_val(rules, r);
	}
	sort_unique(rules);
	return rules;
}

static void
overlay_set(AccordRoadmapSearch *self, const Trial *trial, gboolean set)
{
	for (guint k = 0; k < trial->criteria->len; k++)
		self->overlay[g_array_index(trial->criteria, guint, k)] =
		    set ? &g_array_index(trial->results, AccordCriterionResult, k) : NULL;
}

/* @criteria's rules as accord_score_overall_with() takes them, none scored yet */
static GArray *
deltas_of(const AccordRuleset *rs, const GArray *criteria)
{
	g_autoptr(GArray) rules = rules_of(rs, criteria);
	GArray *deltas = g_array_sized_new(FALSE, TRUE, sizeof(AccordScoreRuleDelta), rules->len);

	for (guint k = 0; k < rules->len; k++) {
		AccordScoreRuleDelta delta = {g_array_index(rules, guint, k), FALSE, FALSE, {0}};

		g_array_append_val(deltas, delta);
	}
	return deltas;
}

/* the overall value @base's options give with the trial's results in place, through
 * @deltas (the trial's rules, scored or not yet) or, when NULL, rules scored for this call
 * alone (attainment scores with other options than the search's own) */
static gboolean
overall_with_trial(AccordRoadmapSearch *self,
		   const AccordScore *base,
		   const Trial *trial,
		   GArray *deltas,
		   gdouble *value)
{
	g_autoptr(GArray) own = NULL;
	gboolean finite;

	if (deltas == NULL)
		deltas = own =
		    deltas_of(accord_evaluation_get_ruleset(accord_score_get_evaluation(base)),
			      trial->criteria);
	overlay_set(self, trial, TRUE);
	finite = accord_score_overall_with(base,
					   self->overlay,
					   (AccordScoreRuleDelta *)deltas->data,
					   deltas->len,
					   value);
	overlay_set(self, trial, FALSE);
	return finite;
}

/* every field a score's value reads (the basis feeds only coverage), so an equal result
 * gives the same value */
static gboolean
same_result(const AccordCriterionResult *a, const AccordCriterionResult *b)
{
	return a->outcome == b->outcome && a->credit == b->credit && a->known == b->known;
}

/* @trial's result @r of criterion @index, whose result now is @before, kept when it moves */
static void
keep_moved(const AccordCriterionResult *before, guint index, AccordCriterionResult r, Trial *trial)
{
	/* a criterion whose result stays as it is neither raises nor lowers, and leaves its
	 * rule's score as it is: only those that move are kept */
	if (same_result(&r, before))
		return;
	/* the basis feeds coverage, never a value: it stays as it was */
	r.confidence = before->confidence;
	r.evidence = before->evidence;
	r.dropped = before->dropped;
	g_array_append_val(trial->criteria, index);
	g_array_append_val(trial->results, r);
}

/* @criterion evaluated against the state now with @override's values read in place of the
 * profile's */
static AccordCriterionResult
evaluate_with(const AccordEvaluation *evaluation,
	      const AccordCriterion *criterion,
	      const Override *override)
{
	return accord_criterion_evaluate_verdict(criterion,
						 accord_evaluation_get_profile(evaluation),
						 override_fact,
						 (gpointer) override);
}

/* @trial's result of @criterion evaluated with @override, kept when it moves */
static void
evaluate_moved(const AccordEvaluation *evaluation,
	       const AccordCriterion *criterion,
	       const Override *override,
	       Trial *trial)
{
	keep_moved(accord_evaluation_get_result(evaluation, criterion),
		   accord_criterion_get_index(criterion),
		   evaluate_with(evaluation, criterion, override),
		   trial);
}

static void
trial_init(Trial *trial, guint size)
{
	trial->criteria = g_array_sized_new(FALSE, FALSE, sizeof(guint), size);
	trial->results = g_array_sized_new(FALSE, FALSE, sizeof(AccordCriterionResult), size);
}

/* the flags of a trial whose moved criteria are known; its overall value is left to
 * settle() */
static void
trial_flags(AccordRoadmapSearch *self, Candidate *c, guint i)
{
	const AccordScore *now = g_ptr_array_index(self->current, i);
	const AccordEvaluation *evaluation = accord_score_get_evaluation(now);
	const AccordRuleset *rs = accord_evaluation_get_ruleset(evaluation);
	Trial *trial = &c->trials[i];

	overlay_set(self, trial, TRUE);
	for (guint k = 0; k < trial->criteria->len; k++) {
		const AccordCriterion *criterion =
		    accord_ruleset_get_criterion(rs, g_array_index(trial->criteria, guint, k));

		check_raise(now,
			    self->overlay,
			    criterion,
			    accord_evaluation_get_result(evaluation, criterion),
			    &g_array_index(trial->results, AccordCriterionResult, k),
			    c,
			    c->bars != NULL ? &c->bars[i] : NULL);
	}
	overlay_set(self, trial, FALSE);
}

/* the key of single change @c */
static const MemoKey *
key_of(const Candidate *c, MemoKey *key)
{
	const AccordRoadmapChange *change = &g_array_index(c->changes, AccordRoadmapChange, 0);

	key->fact = change->fact;
	key->text = (gchar *)change->text;
	return key;
}

/* @c's memo in assessment @i (see trial_single()) */
static Memo *
memo_of(AccordRoadmapSearch *self, const Candidate *c, guint i)
{
	MemoKey key;
	Memo *memos = g_hash_table_lookup(self->memos, key_of(c, &key));

	if (memos == NULL) {
		MemoKey *owned = g_new(MemoKey, 1);

		owned->fact = key.fact;
		owned->text = g_strdup(key.text);
		memos = g_new0(Memo, self->n);
		g_hash_table_insert(self->memos, owned, memos);
	}
	return &memos[i];
}

/* the fast path for a single change: as trial_fast(), but the verdicts of the criteria that
 * read its fact are kept from step to step, and only those of a criterion that reads a fact
 * a step has changed since are evaluated again. The rest would come out the same: a verdict
 * reads only the facts its criterion names (the basis, which reads more, stays as it was) */
static void
trial_single(AccordRoadmapSearch *self, Candidate *c, guint i, const Override *override)
{
	const AccordEvaluation *evaluation =
	    accord_score_get_evaluation(g_ptr_array_index(self->current, i));
	const AccordRuleset *rs = accord_evaluation_get_ruleset(evaluation);
	const GArray *reading =
	    g_hash_table_lookup(g_ptr_array_index(self->readers, i),
				g_array_index(c->changes, AccordRoadmapChange, 0).fact);
	const guint *touched = g_ptr_array_index(self->touched, i);
	Memo *memo = memo_of(self, c, i);
	gboolean all = memo->verdicts == NULL;
	Trial *trial = &c->trials[i];

	if (all)
		memo->verdicts =
		    g_array_set_size(g_array_new(FALSE, FALSE, sizeof(Verdict)), reading->len);
	trial_init(trial, 0);
	for (guint k = 0; k < reading->len; k++) {
		guint index = g_array_index(reading, guint, k);
		const AccordCriterion *criterion = accord_ruleset_get_criterion(rs, index);
		Verdict *v = &g_array_index(memo->verdicts, Verdict, k);
		AccordCriterionResult r = {0};

		if (all || touched[index] > memo->step) {
			r = evaluate_with(evaluation, criterion, override);
			*v = (Verdict){r.credit, r.outcome, r.known};
		}
		r.credit = v->credit;
		r.outcome = v->outcome;
		r.known = v->known;
		keep_moved(accord_evaluation_get_result(evaluation, criterion), index, r, trial);
	}
	memo->step = self->step;
	trial->rules = deltas_of(rs, trial->criteria);
	trial_flags(self, c, i);
}

/* the fast path: the criteria that read a fact @c sets, evaluated again against the state
 * now with @c's values read in place of the profile's */
static void
trial_fast(AccordRoadmapSearch *self, Candidate *c, guint i, const Override *override)
{
	const AccordEvaluation *evaluation =
	    accord_score_get_evaluation(g_ptr_array_index(self->current, i));
	const AccordRuleset *rs = accord_evaluation_get_ruleset(evaluation);
	g_autoptr(GArray) reading = criteria_reading(self, i, c->changes);
	Trial *trial = &c->trials[i];

	trial_init(trial, reading->len);
	for (guint k = 0; k < reading->len; k++)
		evaluate_moved(evaluation,
			       accord_ruleset_get_criterion(rs, g_array_index(reading, guint, k)),
			       override,
			       trial);
	trial->rules = deltas_of(rs, trial->criteria);
	trial_flags(self, c, i);
}

typedef struct {
	guint index;
	AccordCriterionResult result;
} Moved;

static void
mark_rules(guint8 *marks, const GArray *deltas, guint8 bit)
{
	for (guint k = 0; k < deltas->len; k++)
		marks[g_array_index(deltas, AccordScoreRuleDelta, k).rule] |= bit;
}

/* the rule scores of a pair's parts it can take as they are: those of a rule one part
 * moved alone (mark 1 or 2: no criterion there reads both facts); clears the marks */
static void
pair_rules(AccordRoadmapSearch *self, const Trial *const parts[2], GArray *deltas)
{
	guint cursor[2] = {0, 0};

	mark_rules(self->marks, parts[0]->rules, 1);
	mark_rules(self->marks, parts[1]->rules, 2);
	for (guint k = 0; k < deltas->len; k++) {
		AccordScoreRuleDelta *d = &g_array_index(deltas, AccordScoreRuleDelta, k);
		guint8 mark = self->marks[d->rule];

		for (guint p = 0; p < 2; p++) {
			const GArray *own = parts[p]->rules;

			while (cursor[p] < own->len &&
			       g_array_index(own, AccordScoreRuleDelta, cursor[p]).rule < d->rule)
				cursor[p]++;
			if (mark == (1u << p) && cursor[p] < own->len &&
			    g_array_index(own, AccordScoreRuleDelta, cursor[p]).rule == d->rule)
				*d = g_array_index(own, AccordScoreRuleDelta, cursor[p]);
		}
	}
	for (guint k = 0; k < deltas->len; k++)
		self->marks[g_array_index(deltas, AccordScoreRuleDelta, k).rule] = 0;
	for (guint p = 0; p < 2; p++)
		for (guint k = 0; k < parts[p]->rules->len; k++)
			self->marks[g_array_index(parts[p]->rules, AccordScoreRuleDelta, k).rule] =
			    0;
}

/* whether sorted @list holds @index */
static gboolean
holds(const GArray *list, guint index)
{
	guint lo = 0, hi = list != NULL ? list->len : 0;

	while (lo < hi) {
		guint mid = (lo + hi) / 2, v = g_array_index(list, guint, mid);

		if (v == index)
			return TRUE;
		if (v < index)
			lo = mid + 1;
		else
			hi = mid;
	}
	return FALSE;
}

/* the trial of a part of a pair usable here: on the fast path, one fact */
static const Trial *
part_trial(const Candidate *part, guint i)
{
	const Trial *t = &part->trials[i];

	return part->changes->len == 1 && t->criteria != NULL && t->rules != NULL ? t : NULL;
}

/* a part's moved criteria that do not read the other part's fact, in the pair */
static void
take_moved(const Trial *part, const GArray *other_readers, GArray *out)
{
	for (guint k = 0; k < part->criteria->len; k++) {
		guint index = g_array_index(part->criteria, guint, k);
		Moved m = {index, g_array_index(part->results, AccordCriterionResult, k)};

		if (!holds(other_readers, index))
			g_array_append_val(out, m);
	}
}

static gint
compare_moved(gconstpointer a, gconstpointer b)
{
	return compare_indices(&((const Moved *)a)->index, &((const Moved *)b)->index);
}

/* a pair of single changes, from what each gave alone: a criterion that reads the fact of
 * one only has the result it had under that one, so only those that read both are evaluated
 * again; a rule only one part moved, holding no criterion that reads both, keeps the score
 * it had under that part (its criteria have the same results) */
static void
trial_pair(AccordRoadmapSearch *self, Candidate *c, guint i, const Override *override)
{
	const Trial *parts[2] = {part_trial(c->parts[0], i), part_trial(c->parts[1], i)};
	GHashTable *readers = g_ptr_array_index(self->readers, i);
	const GArray *reads[2];
	const AccordEvaluation *evaluation =
	    accord_score_get_evaluation(g_ptr_array_index(self->current, i));
	const AccordRuleset *rs = accord_evaluation_get_ruleset(evaluation);
	g_autoptr(GArray) moved = g_array_new(FALSE, FALSE, sizeof(Moved));
	g_autoptr(GArray) shared = g_array_new(FALSE, FALSE, sizeof(guint));
	Trial both = {0};
	guint rule;
	Trial *trial = &c->trials[i];

	if (parts[0] == NULL || parts[1] == NULL) {
		trial_fast(self, c, i, override);
		return;
	}
	for (guint p = 0; p < 2; p++)
		reads[p] = g_hash_table_lookup(
		    readers,
		    g_array_index(c->parts[p]->changes, AccordRoadmapChange, 0).fact);
	trial_init(&both, 0);
	for (guint k = 0; reads[0] != NULL && k < reads[0]->len; k++) {
		guint index = g_array_index(reads[0], guint, k);

		if (!holds(reads[1], index))
			continue;
		evaluate_moved(evaluation,
			       accord_ruleset_get_criterion(rs, index),
			       override,
			       &both);
		rule = accord_rule_get_index(
		    accord_criterion_get_rule(accord_ruleset_get_criterion(rs, index)));
		self->marks[rule] |= 4;
		g_array_append_val(shared, rule);
	}
	take_moved(parts[0], reads[1], moved);
	take_moved(parts[1], reads[0], moved);
	for (guint k = 0; k < both.criteria->len; k++) {
		Moved m = {g_array_index(both.criteria, guint, k),
			   g_array_index(both.results, AccordCriterionResult, k)};

		g_array_append_val(moved, m);
	}
	g_array_unref(both.criteria);
	g_array_unref(both.results);
	g_array_sort(moved, compare_moved);
	trial_init(trial, moved->len);
	for (guint k = 0; k < moved->len; k++) {
		g_array_append_val(trial->criteria, g_array_index(moved, Moved, k).index);
		g_array_append_val(trial->results, g_array_index(moved, Moved, k).result);
	}
	trial->rules = deltas_of(rs, trial->criteria);
	pair_rules(self, parts, trial->rules);
	for (guint k = 0; k < shared->len; k++)
		self->marks[g_array_index(shared, guint, k)] = 0;
	trial_flags(self, c, i);
}

/* the values @c's changes set, as an assumption parses their text (which is what the full
 * re-score reads); NULL when one does not parse, for the full re-score to report */
static AccordValue *
parse_values(const Candidate *c)
{
	g_autofree AccordValue *values = g_new0(AccordValue, MAX(c->changes->len, 1));

	for (guint k = 0; k < c->changes->len; k++) {
		const AccordRoadmapChange *change =
		    &g_array_index(c->changes, AccordRoadmapChange, k);

		if (!accord_value_parse(change->fact, change->text, &values[k], NULL))
			return NULL;
	}
	return g_steal_pointer(&values);
}

/* the overall value of each trial the fast path left to sum, and the gain; a trial whose
 * score would not be finite goes to the full re-score, which reports that (its flags are the
 * ones the fast path found: the results are the same) */
static gboolean
settle(AccordRoadmapSearch *self, Candidate *c, GError **error)
{
	for (guint i = 0; i < self->n; i++) {
		Trial *trial = &c->trials[i];

		if (trial->criteria == NULL ||
		    overall_with_trial(self,
				       g_ptr_array_index(self->current, i),
				       trial,
				       trial->rules,
				       &trial->overall))
			continue;
		if (c->bars != NULL)
			bars_clear(&c->bars[i]);
		g_clear_pointer(&trial->criteria, g_array_unref);
		g_clear_pointer(&trial->results, g_array_unref);
		g_clear_pointer(&trial->rules, g_array_unref);
		if (!trial_full(self, c, i, error))
			return FALSE;
	}
	c->gain = objective_of_trials(self, c->trials) - self->objective;
	return TRUE;
}

static const AccordFactDef *
fact_of(const Candidate *c)
{
	return g_array_index(c->changes, AccordRoadmapChange, 0).fact;
}

static gboolean
is_single(const Candidate *c)
{
	return c->parts[0] == NULL && c->bundle == NULL && c->changes->len == 1;
}

/* why @c, a single change found not ready, is not: from its bars (the fast path's) */
static gboolean
held_of(const AccordRoadmapSearch *self, const Candidate *c, Held *held)
{
	for (guint i = 0; c->bars != NULL && c->again && i < self->n; i++) {
		if (c->bars[i].lowered != NULL) {
			*held = (Held){i, g_array_index(c->bars[i].lowered, guint, 0), G_MAXUINT};
			return TRUE;
		}
	}
	for (guint i = 0; c->bars != NULL && i < self->n; i++) {
		const GArray *blocked = c->bars[i].blocked;

		if (blocked != NULL) {
			*held = (Held){i,
				       g_array_index(blocked, guint, 0),
				       g_array_index(blocked, guint, 1)};
			return TRUE;
		}
	}
	return FALSE;
}

/* whether single change @c is still not ready for the reason the last step found (its
 * Held): a criterion's verdict under the change, its result now and whether a dependency is
 * met read only the facts those criteria name, so while no step changes one of them the
 * reason stands (and a fact changed before stays so). Then @c is left unevaluated
 * (deferred): no stage reads anything of a change that is not ready but the look-ahead,
 * which evaluates the deferred first */
static gboolean
defer(AccordRoadmapSearch *self, Candidate *c)
{
	MemoKey key;
	const Held *held;
	const guint *touched;

	if (self->held == NULL || self->full || self->score_all || self->exhaustive ||
	    !is_single(c))
		return FALSE;
	held = g_hash_table_lookup(self->held, key_of(c, &key));
	if (held == NULL)
		return FALSE;
	touched = g_ptr_array_index(self->touched, held->assessment);
	if (touched[held->criterion] == self->step ||
	    (held->dependency == G_MAXUINT ? !c->again : touched[held->dependency] == self->step))
		return FALSE;
	c->held = *held;
	c->has_held = TRUE;
	c->deferred = TRUE;
	c->ready = FALSE;
	c->gain = NAN;
	return TRUE;
}

/* every assessment with every change so far and @c's assumed; one that reads none of @c's
 * facts keeps its score, which re-scoring would give again (evaluation reads only the facts
 * its checks name). The gain of a candidate that is not ready is never read (no stage takes
 * one): it is left NAN, without summing every rule for it, unless the search scores all */
static gboolean
evaluate(AccordRoadmapSearch *self, Candidate *c, gboolean may_defer, GError **error)
{
	g_autofree AccordValue *values = NULL;
	Override override = {c->changes, NULL};

	if (may_defer && defer(self, c))
		return TRUE;
	values = self->full ? NULL : parse_values(c);
	override.values = values;
	c->trials = g_new0(Trial, self->n);
	c->n_trials = self->n;
	/* a single change may become a part of a pair (best_pair()) */
	if (is_single(c))
		c->bars = g_new0(Bars, self->n);
	c->ready = TRUE;
	for (guint i = 0; i < self->n; i++) {
		const AccordScore *now = g_ptr_array_index(self->current, i);
		Trial *trial = &c->trials[i];

		if (!reads_any(g_ptr_array_index(self->reads, i), c->changes)) {
			trial->score = accord_score_ref(now);
			trial->overall = accord_score_get_overall(now)->value;
			continue;
		}
		if (values != NULL && g_ptr_array_index(self->readers, i) != NULL) {
			if (c->parts[0] != NULL)
				trial_pair(self, c, i, &override);
			else if (c->changes->len == 1)
				trial_single(self, c, i, &override);
			else
				trial_fast(self, c, i, &override);
			continue;
		}
		if (!trial_full(self, c, i, error))
			return FALSE;
	}
	/* a change of a fact changed before may not take credit back */
	if (c->again && c->lowers)
		c->ready = FALSE;
	c->gain = NAN;
	if (!c->ready)
		c->has_held = held_of(self, c, &c->held);
	return c->ready || self->score_all ? settle(self, c, error) : TRUE;
}

static guint
remaining(const AccordRoadmapSearch *self)
{
	return self->options.budget == 0 ? G_MAXUINT : self->options.budget - self->spent;
}

/* the better of two (gain, cost, order): the higher gain per unit (within epsilon), then the
 * higher gain, then the one generated first */
static gboolean
better(gdouble gain, guint cost, guint order, gdouble best_gain, guint best_cost, guint best_order)
{
	gdouble ratio = gain / cost, best_ratio = best_gain / best_cost;

	if (fabs(ratio - best_ratio) > ACCORD_ROADMAP_EPSILON)
		return ratio > best_ratio;
	if (fabs(gain - best_gain) > ACCORD_ROADMAP_EPSILON)
		return gain > best_gain;
	return order < best_order;
}

/* stage 1: the best single change (or bundle) that raises the objective and fits the budget */
static Candidate *
best_single(AccordRoadmapSearch *self, GPtrArray *candidates)
{
	Candidate *best = NULL;

	for (guint i = 0; i < candidates->len; i++) {
		Candidate *c = g_ptr_array_index(candidates, i);

		if (!c->ready || c->gain <= ACCORD_ROADMAP_EPSILON)
			continue;
		if (c->cost > remaining(self)) {
			self->budget_bound = TRUE;
			continue;
		}
		if (best == NULL ||
		    better(c->gain, c->cost, c->order, best->gain, best->cost, best->order))
			best = c;
	}
	return best;
}

static gboolean
shares_fact(const Candidate *a, const Candidate *b)
{
	for (guint i = 0; i < a->changes->len; i++)
		for (guint j = 0; j < b->changes->len; j++)
			if (g_array_index(a->changes, AccordRoadmapChange, i).fact ==
			    g_array_index(b->changes, AccordRoadmapChange, j).fact)
				return TRUE;
	return FALSE;
}

/* whether @bars, one part's in an assessment, hold what the pair cannot undo when the other
 * part's fact is read by the criteria @other (ascending; NULL: none): a criterion reading
 * only the first part's fact has in the pair the result it has under that part alone. So the
 * pair lowers a criterion that part lowers and @other does not hold, which bars it when a
 * part changes a fact changed before (@again); and it raises a criterion that part raises
 * before a dependency, with that dependency still unmet, when @other holds neither */
static gboolean
bars_hold(const Bars *bars, const GArray *other, gboolean again)
{
	for (guint k = 0; again && bars->lowered != NULL && k < bars->lowered->len; k++)
		if (!holds(other, g_array_index(bars->lowered, guint, k)))
			return TRUE;
	for (guint k = 0; bars->blocked != NULL && k < bars->blocked->len; k += 2)
		if (!holds(other, g_array_index(bars->blocked, guint, k)) &&
		    !holds(other, g_array_index(bars->blocked, guint, k + 1)))
			return TRUE;
	return FALSE;
}

/* whether the pair of single changes @a and @b is certainly not ready, from what each did
 * alone (their bars, see evaluate()): the look-ahead need not score it. Any path that
 * scores the pair (fast, pair or full) gives each criterion the same result, so the flags
 * it would find are the ones inferred here */
static gboolean
pair_barred(const AccordRoadmapSearch *self, const Candidate *a, const Candidate *b)
{
	gboolean again = a->again || b->again;

	for (guint i = 0; i < self->n; i++) {
		GHashTable *readers = g_ptr_array_index(self->readers, i);

		if (readers == NULL)
			continue;
		if (bars_hold(&a->bars[i], g_hash_table_lookup(readers, fact_of(b)), again) ||
		    bars_hold(&b->bars[i], g_hash_table_lookup(readers, fact_of(a)), again))
			return TRUE;
	}
	return FALSE;
}

/* the facts a second change must set for a pair with single change @c not to be barred by
 * @c's Held alone: those its criterion (and dependency) read, which only such a change can
 * move; @filter FALSE when there is no such short list */
typedef struct {
	gboolean filter;
	guint n;
	const AccordFactDef *facts[4];
} Partners;

static void
partners_of(const AccordRoadmapSearch *self, const Candidate *c, Partners *out)
{
	const AccordRuleset *rs;
	g_autoptr(GPtrArray) defs = g_ptr_array_new();

	out->filter = FALSE;
	if (!c->has_held)
		return;
	rs = accord_assessment_get_ruleset(self->assessments[c->held.assessment]);
	accord_criterion_collect_facts(accord_ruleset_get_criterion(rs, c->held.criterion), defs);
	if (c->held.dependency != G_MAXUINT)
		accord_criterion_collect_facts(accord_ruleset_get_criterion(rs, c->held.dependency),
					       defs);
	if (defs->len > G_N_ELEMENTS(out->facts))
		return;
	out->filter = TRUE;
	out->n = defs->len;
	for (guint k = 0; k < defs->len; k++)
		out->facts[k] = g_ptr_array_index(defs, k);
}

/* whether @partners (of one part) bar a pair whose other part is @other: @other sets none of
 * their facts, so it reads neither the criterion nor the dependency of the first part's
 * Held, which bars the pair in pair_barred() (a Held of a lowered criterion is only found
 * for a change of a fact changed before) */
static gboolean
partners_bar(const Partners *partners, const Candidate *other)
{
	if (!partners->filter)
		return FALSE;
	for (guint k = 0; k < partners->n; k++)
		if (partners->facts[k] == fact_of(other))
			return FALSE;
	return TRUE;
}

static Candidate *
pair_of(const Candidate *a, const Candidate *b, guint order)
{
	Candidate *c = candidate_new(order, a->cost + b->cost, NULL);

	c->again = a->again || b->again;
	c->parts[0] = a;
	c->parts[1] = b;
	g_array_append_vals(c->changes, a->changes->data, a->changes->len);
	g_array_append_vals(c->changes, b->changes->data, b->changes->len);
	return c;
}

/* stage 2, the look-ahead: when no single change raises the objective, the best pair of single
 * changes that each raise some credit (a geometric mean held at zero by two pillars needs one
 * change in each) */
static gboolean
best_pair(AccordRoadmapSearch *self, GPtrArray *candidates, Candidate **out, GError **error)
{
	g_autoptr(GPtrArray) useful = g_ptr_array_new();
	g_autoptr(GArray) partners = g_array_new(FALSE, FALSE, sizeof(Partners));
	Candidate *best = NULL;

	for (guint i = 0; i < candidates->len; i++) {
		Candidate *c = g_ptr_array_index(candidates, i);
		Partners p;

		/* what the look-ahead reads of a change that is not ready: evaluated now */
		if (c->deferred) {
			c->deferred = FALSE;
			if (!evaluate(self, c, FALSE, error))
				return FALSE;
		}
		if (!c->useful || c->bundle != NULL || c->cost > remaining(self))
			continue;
		g_ptr_array_add(useful, c);
		partners_of(self, c, &p);
		g_array_append_val(partners, p);
	}
	for (guint i = 0; i < useful->len; i++) {
		for (guint j = i + 1; j < useful->len; j++) {
			Candidate *a = g_ptr_array_index(useful, i),
				  *b = g_ptr_array_index(useful, j);
			Candidate *pair;

			/* the partners first: a few comparisons, where pair_barred() looks the
			 * criteria up */
			if (shares_fact(a, b) || a->cost + b->cost > remaining(self) ||
			    (!self->exhaustive &&
			     (partners_bar(&g_array_index(partners, Partners, i), b) ||
			      partners_bar(&g_array_index(partners, Partners, j), a) ||
			      pair_barred(self, a, b))))
				continue;
			self->pairs_scored++;
			pair = pair_of(a, b, i * useful->len + j);
			if (!evaluate(self, pair, FALSE, error)) {
				candidate_free(pair);
				g_clear_pointer(&best, candidate_free);
				return FALSE;
			}
			if (pair->ready && pair->gain > ACCORD_ROADMAP_EPSILON &&
			    (best == NULL || better(pair->gain,
						    pair->cost,
						    pair->order,
						    best->gain,
						    best->cost,
						    best->order))) {
				g_clear_pointer(&best, candidate_free);
				best = pair;
			} else {
				candidate_free(pair);
			}
		}
	}
	*out = best;
	return TRUE;
}

/* the score of @evaluation under the attainment's options: the weighted model, arithmetic
 * aggregation and unknowns as zero, with @score's tailoring */
static AccordScore *
plain_score(const AccordScore *score, const AccordEvaluation *evaluation, GError **error)
{
	AccordScoreOptions options;

	accord_score_options_init(&options);
	options.tailoring = accord_score_get_options(score)->tailoring;
	return accord_score_compute(evaluation, &options, error);
}

/* accord_roadmap_attainment() of the scores @trials stand for; @plain holds each assessment's
 * plain score now, which a trial of the fast path scores its results against */
static gboolean
attainment_of_trials(AccordRoadmapSearch *self,
		     const Trial *trials,
		     const GPtrArray *plain,
		     gdouble *attainment,
		     GError **error)
{
	g_autofree gdouble *values = g_new(gdouble, self->n);

	for (guint i = 0; i < self->n; i++) {
		g_autoptr(AccordScore) score = NULL;

		if (trials[i].score == NULL) {
			if (!overall_with_trial(self,
						g_ptr_array_index(plain, i),
						&trials[i],
						NULL,
						&values[i])) {
				g_set_error_literal(
				    error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_INTERNAL,
				    "an attainment score is not finite; this is a bug");
				return FALSE;
			}
			continue;
		}
		score = plain_score(trials[i].score,
				    accord_score_get_evaluation(trials[i].score),
				    error);
		if (score == NULL)
			return FALSE;
		values[i] = accord_score_get_overall(score)->value;
	}
	*attainment = mean_of(self, values);
	return TRUE;
}

/* each assessment's plain score now (see plain_score()) */
static GPtrArray *
plain_scores_now(const AccordRoadmapSearch *self, GError **error)
{
	g_autoptr(GPtrArray) plain =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_score_unref);

	for (guint i = 0; i < self->n; i++) {
		const AccordScore *score = g_ptr_array_index(self->current, i);
		AccordScore *p = plain_score(score, accord_score_get_evaluation(score), error);

		if (p == NULL)
			return NULL;
		g_ptr_array_add(plain, p);
	}
	return g_steal_pointer(&plain);
}

/* stage 3: no change or pair raises the objective; the best change that does not lower it and
 * raises the attainment */
static gboolean
best_attainment(AccordRoadmapSearch *self, GPtrArray *candidates, Candidate **out, GError **error)
{
	g_autoptr(GPtrArray) plain = plain_scores_now(self, error);
	gdouble now, best_gain = 0;

	*out = NULL;
	if (plain == NULL)
		return FALSE;
	now = accord_roadmap_objective(self, plain);
	for (guint i = 0; i < candidates->len; i++) {
		Candidate *c = g_ptr_array_index(candidates, i);
		gdouble after;

		if (!c->ready || !c->useful || c->gain < -ACCORD_ROADMAP_EPSILON)
			continue;
		if (!attainment_of_trials(self, c->trials, plain, &after, error))
			return FALSE;
		if (after - now > ACCORD_ROADMAP_EPSILON && c->cost > remaining(self)) {
			self->budget_bound = TRUE;
			continue;
		}
		if (after - now > ACCORD_ROADMAP_EPSILON &&
		    (*out == NULL || better(after - now,
					    c->cost,
					    c->order,
					    best_gain,
					    (*out)->cost,
					    (*out)->order))) {
			*out = c;
			best_gain = after - now;
		}
	}
	return TRUE;
}

/* the direction a level moved (for the stage rule) and that the fact was changed */
static void
remember(AccordRoadmapSearch *self, const AccordRoadmapChange *change)
{
	const AccordValue *from = value_now(self, change->fact);
	Track *track = g_hash_table_lookup(self->tracks, change->fact);
	AccordValue lowest = {ACCORD_FACT_TYPE_LEVEL, {.level = 0}};
	gint direction = 0;

	if (track == NULL) {
		track = g_new0(Track, 1);
		track->visited = g_array_new(FALSE, FALSE, sizeof(AccordValue));
		if (from != NULL)
			g_array_append_val(track->visited, *from);
		g_hash_table_insert(self->tracks, (gpointer)change->fact, track);
	}
	g_array_append_val(track->visited, change->value);
	/* an unstated level counts as the lowest, as for its cost */
	if (accord_fact_def_get_fact_type(change->fact) == ACCORD_FACT_TYPE_LEVEL)
		direction = accord_value_compare(&change->value, from != NULL ? from : &lowest);
	if (direction != 0)
		track->direction = direction;
	track->changed = TRUE;
}

/* a new step: the criteria that read a fact @changes sets have changed at it */
static void
touch(AccordRoadmapSearch *self, const GArray *changes)
{
	self->step++;
	for (guint i = 0; i < self->n; i++) {
		GHashTable *readers = g_ptr_array_index(self->readers, i);
		guint *touched = g_ptr_array_index(self->touched, i);

		for (guint k = 0; readers != NULL && k < changes->len; k++) {
			const GArray *list = g_hash_table_lookup(
			    readers,
			    g_array_index(changes, AccordRoadmapChange, k).fact);

			for (guint j = 0; list != NULL && j < list->len; j++)
				touched[g_array_index(list, guint, j)] = self->step;
		}
	}
}

/* the plan makes @choice's changes: remember them, then re-score every assessment with all the
 * changes so far */
static gboolean
apply(AccordRoadmapSearch *self, AccordRoadmapChoice *choice, GError **error)
{
	g_autoptr(GPtrArray) list = g_ptr_array_new();

	for (guint i = 0; i < choice->changes->len; i++) {
		const AccordRoadmapChange *change =
		    &g_array_index(choice->changes, AccordRoadmapChange, i);

		remember(self, change);
		g_ptr_array_add(
		    self->assumptions,
		    g_strdup_printf("%s=%s", accord_fact_def_get_key(change->fact), change->text));
	}
	if (choice->bundle != NULL)
		g_hash_table_add(self->bundles_done, (gpointer)choice->bundle);
	touch(self, choice->changes);
	g_ptr_array_extend(list, self->assumptions, NULL, NULL);
	g_ptr_array_add(list, NULL);
	choice->scores = g_ptr_array_new_with_free_func((GDestroyNotify)accord_score_unref);
	for (guint i = 0; i < self->n; i++) {
		AccordScore *s = accord_assessment_rescore(self->assessments[i],
							   (const gchar *const *)list->pdata,
							   error);
		if (s == NULL)
			return FALSE;
		g_ptr_array_add(choice->scores, s);
	}
	g_ptr_array_set_size(self->current, 0);
	for (guint i = 0; i < self->n; i++)
		g_ptr_array_add(self->current,
				accord_score_ref(g_ptr_array_index(choice->scores, i)));
	self->objective = accord_roadmap_objective(self, self->current);
	self->spent += choice->cost;
	return TRUE;
}

static gboolean
anything_open(const AccordRoadmapSearch *self)
{
	gboolean open = FALSE;

	for (guint i = 0; i < self->n && !open; i++) {
		const AccordScore *score = g_ptr_array_index(self->current, i);
		const AccordRuleset *rs = accord_assessment_get_ruleset(self->assessments[i]);

		for (guint c = 0; c < accord_ruleset_get_n_criteria(rs) && !open; c++)
			open = is_open(score, accord_ruleset_get_criterion(rs, c));
	}
	return open;
}

static gboolean
choose(AccordRoadmapSearch *self,
       GPtrArray *candidates,
       Candidate **chosen,
       gboolean *owned,
       AccordRoadmapBasis *basis,
       GError **error)
{
	*owned = FALSE;
	*basis = ACCORD_ROADMAP_BASIS_GAIN;
	*chosen = best_single(self, candidates);
	if (*chosen != NULL)
		return TRUE;
	*basis = ACCORD_ROADMAP_BASIS_PAIR;
	if (!best_pair(self, candidates, chosen, error))
		return FALSE;
	*owned = *chosen != NULL;
	if (*chosen != NULL)
		return TRUE;
	*basis = ACCORD_ROADMAP_BASIS_ATTAINMENT;
	return best_attainment(self, candidates, chosen, error);
}

/* remembers why each single change of this step that is not ready is not (see defer()) */
static void
keep_held(AccordRoadmapSearch *self, const GPtrArray *candidates)
{
	g_clear_pointer(&self->held, g_hash_table_unref);
	self->held = g_hash_table_new_full(memo_key_hash, memo_key_equal, g_free, g_free);
	for (guint i = 0; i < candidates->len; i++) {
		const Candidate *c = g_ptr_array_index(candidates, i);
		MemoKey key;

		if (c->has_held && is_single(c))
			g_hash_table_insert(self->held,
					    g_memdup2(key_of(c, &key), sizeof(MemoKey)),
					    g_memdup2(&c->held, sizeof(Held)));
	}
}

/* the next step from the state the steps so far leave, or *found = FALSE and the reason the
 * plan ends (accord_roadmap_search_get_end()) */
gboolean
accord_roadmap_search_next(AccordRoadmapSearch *self,
			   AccordRoadmapChoice *choice,
			   gboolean *found,
			   GError **error)
{
	g_autoptr(GPtrArray) candidates = NULL;
	Candidate *chosen = NULL;
	gboolean owned = FALSE;

	*found = FALSE;
	self->budget_bound = FALSE;
	if (!isnan(self->options.target) &&
	    self->objective >= self->options.target - ACCORD_ROADMAP_EPSILON) {
		self->end = ACCORD_ROADMAP_END_TARGET;
		return TRUE;
	}
	candidates = generate(self);
	for (guint i = 0; i < candidates->len; i++)
		if (!evaluate(self, g_ptr_array_index(candidates, i), TRUE, error))
			return FALSE;
	if (!choose(self, candidates, &chosen, &owned, &choice->basis, error))
		return FALSE;
	if (chosen == NULL) {
		self->end = !anything_open(self) ? ACCORD_ROADMAP_END_COMPLETE
			    : self->budget_bound ? ACCORD_ROADMAP_END_BUDGET
						 : ACCORD_ROADMAP_END_NO_GAIN;
		return TRUE;
	}
	choice->changes = g_array_ref(chosen->changes);
	choice->bundle = chosen->bundle;
	choice->cost = chosen->cost;
	if (owned)
		candidate_free(chosen);
	*found = TRUE;
	keep_held(self, candidates);
	return apply(self, choice, error);
}

void
accord_roadmap_choice_clear(AccordRoadmapChoice *choice)
{
	g_clear_pointer(&choice->changes, g_array_unref);
	g_clear_pointer(&choice->scores, g_ptr_array_unref);
}

/* tries @changes from the state the steps so far leave, on the fast path or by the full
 * re-score (@full), as a step would be tried; for the tests that hold the two paths equal */
gboolean
accord_roadmap_search_try(AccordRoadmapSearch *self,
			  const AccordRoadmapChange *changes,
			  guint n_changes,
			  gboolean full,
			  AccordRoadmapTry *out,
			  GError **error)
{
	g_autoptr(GPtrArray) plain = NULL;
	g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func((GDestroyNotify)candidate_free);
	Candidate *c = candidate_new(0, 1, NULL);
	gboolean was = self->full, ok = TRUE;

	self->full = full;
	self->score_all = TRUE;
	/* two changes go as a pair of single changes would, each tried alone first */
	for (guint k = 0; n_changes == 2 && k < 2 && ok; k++) {
		Candidate *part = candidate_new(k, 1, NULL);

		g_array_append_val(part->changes, changes[k]);
		g_ptr_array_add(parts, part);
		ok = evaluate(self, part, FALSE, error);
		c->parts[k] = part;
	}
	g_array_append_vals(c->changes, changes, n_changes);
	ok = ok && evaluate(self, c, FALSE, error) &&
	     (plain = plain_scores_now(self, error)) != NULL &&
	     attainment_of_trials(self, c->trials, plain, &out->attainment, error);
	self->full = was;
	self->score_all = FALSE;
	for (guint i = 0; ok && i < self->n && i < G_N_ELEMENTS(out->overall); i++)
		out->overall[i] = c->trials[i].overall;
	out->gain = c->gain;
	out->useful = c->useful;
	out->lowers = c->lowers;
	out->ready = c->ready;
	candidate_free(c);
	return ok;
}

void
accord_roadmap_search_set_exhaustive(AccordRoadmapSearch *self, gboolean exhaustive)
{
	self->exhaustive = exhaustive;
}

guint
accord_roadmap_search_get_pairs_scored(const AccordRoadmapSearch *self)
{
	return self->pairs_scored;
}
