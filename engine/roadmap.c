#include "config.h"

#include <math.h>

#include "accord/error.h"
#include "accord/gaps.h"
#include "accord/roadmap.h"

#define VALUE_EPSILON 1e-12

struct _AccordRoadmap {
	AccordScore *score;
	guint phase_effort;
	GArray *steps;		 /* AccordRoadmapStep, in plan order */
	GArray *phases;		 /* AccordRoadmapPhase */
	GPtrArray *dependencies; /* GArray of AccordRoadmapDependency, by step */
};

static const gchar *dependency_names[] = {"met", "planned", "not-applicable", "deselected"};

/**
 * accord_dependency_status_to_string:
 * @status: a dependency status
 *
 * Returns: (transfer none): its name, e.g. `planned`
 */
const gchar *
accord_dependency_status_to_string(AccordDependencyStatus status)
{
	g_return_val_if_fail(status <= ACCORD_DEPENDENCY_DESELECTED, NULL);
	return dependency_names[status];
}

/* a criterion to work on: selected, applicable, and not met in full (unknown ones too:
 * establishing and documenting the fact is the work) */
static gboolean
is_open(const AccordScore *score, const AccordCriterion *criterion)
{
	AccordOutcome outcome =
	    accord_evaluation_get_result(accord_score_get_evaluation(score), criterion)->outcome;

	return accord_score_selects_criterion(score, criterion) && outcome != ACCORD_OUTCOME_PASS &&
	       outcome != ACCORD_OUTCOME_NOT_APPLICABLE;
}

static gdouble
criterion_share(const AccordScore *score, const AccordCriterion *criterion)
{
	const AccordRule *rule = accord_criterion_get_rule(criterion);
	gdouble total = 0;

	for (guint i = 0; i < accord_rule_get_n_criteria(rule); i++) {
		const AccordCriterion *c = accord_rule_get_criterion(rule, i);
		AccordOutcome o =
		    accord_evaluation_get_result(accord_score_get_evaluation(score), c)->outcome;

		if (accord_score_selects_criterion(score, c) && o != ACCORD_OUTCOME_NOT_APPLICABLE)
			total += accord_score_get_criterion_weight(score, c);
	}
	return total > 0 ? accord_score_get_rule(score, rule)->share *
			       accord_score_get_criterion_weight(score, criterion) / total
			 : 0;
}

static gdouble
rule_gap(const AccordGapList *gaps, const AccordRule *rule)
{
	for (guint i = 0; i < accord_gap_list_get_n_gaps(gaps); i++) {
		if (accord_gap_list_get_gap(gaps, i)->rule == rule)
			return accord_gap_list_get_gap(gaps, i)->gap;
	}
	return 0;
}

static GArray *
candidates(const AccordScore *score, GError **error)
{
	const AccordEvaluation *evaluation = accord_score_get_evaluation(score);
	const AccordRuleset *rs = accord_evaluation_get_ruleset(evaluation);
	g_autoptr(AccordGapList) gaps = accord_gaps_compute(score);
	GArray *steps = g_array_new(FALSE, TRUE, sizeof(AccordRoadmapStep));

	for (guint i = 0; i < accord_ruleset_get_n_criteria(rs); i++) {
		const AccordCriterion *c = accord_ruleset_get_criterion(rs, i);
		AccordRoadmapStep step = {c, 0, 0, 0, 0, 0, 0, NULL, 0};
		g_autoptr(GPtrArray) met = g_ptr_array_new();

		if (!is_open(score, c))
			continue;
		step.weight = criterion_share(score, c);
		step.shortfall = 1.0 - accord_evaluation_get_result(evaluation, c)->credit;
		/* the value is what meeting it is worth under the options in force, re-scored: a
		 * formula would misjudge partial credit under XCCDF or unknowns left out */
		g_ptr_array_add(met, (gpointer)c);
		if (!accord_score_gain_if_met(score, met, &step.gain, error)) {
			g_array_unref(steps);
			return NULL;
		}
		step.value = step.gain / (gdouble)accord_criterion_get_effort(c);
		step.rule_gap = rule_gap(gaps, accord_criterion_get_rule(c));
		g_array_append_val(steps, step);
	}
	return steps;
}

/* a step may go once every dependency it has is met already or planned earlier */
static gboolean
is_ready(const AccordScore *score, const AccordCriterion *criterion, GHashTable *planned)
{
	for (guint i = 0; i < accord_criterion_get_n_depends(criterion); i++) {
		const AccordCriterion *dep = accord_criterion_get_depends(criterion, i);

		if (is_open(score, dep) && !g_hash_table_contains(planned, dep))
			return FALSE;
	}
	return TRUE;
}

static gboolean
better(const AccordRoadmapStep *x, const AccordRoadmapStep *y)
{
	if (fabs(x->value - y->value) > VALUE_EPSILON)
		return x->value > y->value;
	return g_strcmp0(accord_criterion_get_id(x->criterion),
			 accord_criterion_get_id(y->criterion)) < 0;
}

/* greedy: of the steps whose dependencies are planned, the highest value next (ties by id);
 * loading refused dependency cycles, so something is always ready */
static GArray *
order_steps(const AccordScore *score, GArray *pool)
{
	g_autoptr(GHashTable) planned = g_hash_table_new(NULL, NULL);
	GArray *plan = g_array_new(FALSE, TRUE, sizeof(AccordRoadmapStep));

	while (pool->len > 0) {
		gint best = -1;

		for (guint i = 0; i < pool->len; i++) {
			const AccordRoadmapStep *s = &g_array_index(pool, AccordRoadmapStep, i);
			if (is_ready(score, s->criterion, planned) &&
			    (best < 0 || better(s, &g_array_index(pool, AccordRoadmapStep, best))))
				best = (gint)i;
		}
		if (best < 0)
			break;
		g_array_append_val(plan, g_array_index(pool, AccordRoadmapStep, best));
		g_hash_table_add(planned,
				 (gpointer)g_array_index(pool, AccordRoadmapStep, best).criterion);
		g_array_remove_index(pool, best);
	}
	return plan;
}

/* the score once the steps up to @end are met: re-scored, not estimated */
static gboolean
rescore(AccordRoadmap *self, guint end, AccordRoadmapPhase *phase, GError **error)
{
	g_autoptr(GPtrArray) met = g_ptr_array_new();
	g_autoptr(AccordEvaluation) evaluation = NULL;
	g_autoptr(AccordScore) score = NULL;

	for (guint i = 0; i < end; i++)
		g_ptr_array_add(
		    met,
		    (gpointer)g_array_index(self->steps, AccordRoadmapStep, i).criterion);
	evaluation = accord_evaluation_new_with_met(accord_score_get_evaluation(self->score),
						    met,
						    "met by the roadmap",
						    TRUE);
	score = accord_score_compute(evaluation, accord_score_get_options(self->score), error);
	if (score == NULL)
		return FALSE;
	phase->score = accord_score_get_overall(score)->value;
	phase->coverage = accord_score_get_overall(score)->coverage;
	return TRUE;
}

/* phases fill up to the effort budget; a step costlier than the budget gets a phase alone */
static gboolean
build_phases(AccordRoadmap *self, GError **error)
{
	AccordRoadmapPhase phase = {1, 0, 0, 0, 0, 0};

	for (guint i = 0; i < self->steps->len; i++) {
		AccordRoadmapStep *step = &g_array_index(self->steps, AccordRoadmapStep, i);
		guint cost = accord_criterion_get_effort(step->criterion);

		if (phase.n_steps > 0 && phase.effort + cost > self->phase_effort) {
			if (!rescore(self, i, &phase, error))
				return FALSE;
			g_array_append_val(self->phases, phase);
			phase = (AccordRoadmapPhase){phase.number + 1, i, 0, 0, 0, 0};
		}
		step->phase = phase.number;
		phase.n_steps++;
		phase.effort += cost;
	}
	if (phase.n_steps == 0)
		return TRUE;
	if (!rescore(self, self->steps->len, &phase, error))
		return FALSE;
	g_array_append_val(self->phases, phase);
	return TRUE;
}

/* how each dependency of each step stands once the steps are ordered: planned as an earlier
 * step, met already, not applicable, or out of the assessment. "Open" cannot occur: every
 * open criterion is planned, and never before its dependencies */
static void
resolve_dependencies(AccordRoadmap *self)
{
	g_autoptr(GHashTable) step_of = g_hash_table_new(NULL, NULL);
	const AccordEvaluation *evaluation = accord_score_get_evaluation(self->score);

	for (guint i = 0; i < self->steps->len; i++)
		g_hash_table_insert(
		    step_of,
		    (gpointer)g_array_index(self->steps, AccordRoadmapStep, i).criterion,
		    GUINT_TO_POINTER(i + 1));
	self->dependencies = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
	for (guint i = 0; i < self->steps->len; i++) {
		AccordRoadmapStep *step = &g_array_index(self->steps, AccordRoadmapStep, i);
		GArray *deps = g_array_new(FALSE, TRUE, sizeof(AccordRoadmapDependency));

		for (guint d = 0; d < accord_criterion_get_n_depends(step->criterion); d++) {
			const AccordCriterion *c = accord_criterion_get_depends(step->criterion, d);
			AccordRoadmapDependency dep = {
			    c,
			    ACCORD_DEPENDENCY_MET,
			    GPOINTER_TO_UINT(g_hash_table_lookup(step_of, c))};

			if (dep.step > 0)
				dep.status = ACCORD_DEPENDENCY_PLANNED;
			else if (!accord_score_selects_criterion(self->score, c))
				dep.status = ACCORD_DEPENDENCY_DESELECTED;
			else if (accord_evaluation_get_result(evaluation, c)->outcome ==
				 ACCORD_OUTCOME_NOT_APPLICABLE)
				dep.status = ACCORD_DEPENDENCY_NOT_APPLICABLE;
			g_array_append_val(deps, dep);
		}
		step->dependencies = (const AccordRoadmapDependency *)deps->data;
		step->n_dependencies = deps->len;
		g_ptr_array_add(self->dependencies, deps);
	}
}

/**
 * accord_roadmap_new:
 * @score: (transfer none): a score; the roadmap keeps a reference
 * @phase_effort: the effort budget of a phase, in cost units (low 1, medium 2, high 3)
 * @error: return location for an `ACCORD_ERROR`
 *
 * Plans how to close the gaps: every open criterion, ordered by value (weight × shortfall
 * per unit of effort) with no criterion before one it depends on, grouped into phases of at
 * most @phase_effort, each with the overall score once it is done, computed by re-scoring
 * with the planned criteria met.
 *
 * Returns: (transfer full) (nullable): the roadmap, or %NULL with `ACCORD_ERROR_USAGE` for a
 *   zero budget
 */
AccordRoadmap *
accord_roadmap_new(const AccordScore *score, guint phase_effort, GError **error)
{
	g_autoptr(AccordRoadmap) self = NULL;
	g_autoptr(GArray) pool = NULL;

	g_return_val_if_fail(score != NULL, NULL);
	if (phase_effort == 0) {
		g_set_error_literal(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_USAGE,
				    "the effort budget of a phase must be at least 1");
		return NULL;
	}
	self = g_new0(AccordRoadmap, 1);
	self->score = accord_score_ref(score);
	self->phase_effort = phase_effort;
	self->phases = g_array_new(FALSE, TRUE, sizeof(AccordRoadmapPhase));
	pool = candidates(score, error);
	if (pool == NULL)
		return NULL;
	self->steps = order_steps(score, pool);
	resolve_dependencies(self);
	if (!build_phases(self, error))
		return NULL;
	return g_steal_pointer(&self);
}

/**
 * accord_roadmap_free:
 * @self: (nullable) (transfer full): a roadmap
 */
void
accord_roadmap_free(AccordRoadmap *self)
{
	if (self == NULL)
		return;
	if (self->steps != NULL)
		g_array_unref(self->steps);
	if (self->dependencies != NULL)
		g_ptr_array_unref(self->dependencies);
	g_array_unref(self->phases);
	accord_score_unref(self->score);
	g_free(self);
}

/**
 * accord_roadmap_get_score:
 * @self: a roadmap
 *
 * Returns: (transfer none): the score it plans from; the roadmap holds a reference
 */
const AccordScore *
accord_roadmap_get_score(const AccordRoadmap *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->score;
}

/**
 * accord_roadmap_get_phase_effort:
 * @self: a roadmap
 *
 * Returns: the effort budget of a phase, in cost units; a step that costs more has a phase of its
 *   own
 */
guint
accord_roadmap_get_phase_effort(const AccordRoadmap *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->phase_effort;
}

/**
 * accord_roadmap_get_n_steps:
 * @self: a roadmap
 *
 * Returns: how many steps it plans: one per open criterion (selected, applicable, not met in full)
 */
guint
accord_roadmap_get_n_steps(const AccordRoadmap *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->steps->len;
}

/**
 * accord_roadmap_get_step:
 * @self: a roadmap
 * @index: from 0, in plan order
 *
 * Returns: (transfer none): a step
 */
const AccordRoadmapStep *
accord_roadmap_get_step(const AccordRoadmap *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->steps->len, NULL);
	return &g_array_index(self->steps, AccordRoadmapStep, index);
}

/**
 * accord_roadmap_get_n_phases:
 * @self: a roadmap
 *
 * Returns: how many phases the steps are grouped into, 0 when there are no steps
 */
guint
accord_roadmap_get_n_phases(const AccordRoadmap *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->phases->len;
}

/**
 * accord_roadmap_get_phase:
 * @self: a roadmap
 * @index: from 0: its phase number − 1
 *
 * Returns: (transfer none): a phase
 */
const AccordRoadmapPhase *
accord_roadmap_get_phase(const AccordRoadmap *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->phases->len, NULL);
	return &g_array_index(self->phases, AccordRoadmapPhase, index);
}
