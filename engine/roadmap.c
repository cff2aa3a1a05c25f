#include "config.h"

#include <math.h>

#include "accord/error.h"
#include "roadmap-private.h"

/* A capacity-building plan for one country against one or more rulesets: steps that each
 * change facts (found by roadmap-search.c), grouped into phases of bounded effort, with every
 * score re-computed through the assessment's own pipeline. This file keeps the records */

struct _AccordRoadmap {
	GPtrArray *assessments; /* AccordAssessment*, references */
	gdouble *weights;	/* NULL: equal */
	AccordRoadmapOptions options;
	GStringChunk *strings;
	GArray *steps;		  /* AccordRoadmapStep, in plan order */
	GArray *phases;		  /* AccordRoadmapPhase */
	AccordRoadmapPhase start; /* phase 0: the state before any step */
	GArray *open;		  /* AccordRoadmapOpen */
	GPtrArray *arrays;	  /* GArray* the records point into */
	GPtrArray *blocks;	  /* g_new memory the records point into */
	GPtrArray *states;	  /* GPtrArray of AccordScore*: [0] the start, [k] after step k */
	AccordRoadmapEnd end;
	guint effort;
};

static const gchar *dependency_names[] = {"met", "planned", "not-applicable", "deselected"};
static const gchar *basis_names[] = {"gain", "pair", "attainment"};
static const gchar *end_names[] = {"complete", "target", "budget", "no-gain"};

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

/**
 * accord_roadmap_basis_to_string:
 * @basis: why a step was chosen
 *
 * Returns: (transfer none): its name: `gain`, `pair` or `attainment`
 */
const gchar *
accord_roadmap_basis_to_string(AccordRoadmapBasis basis)
{
	g_return_val_if_fail(basis <= ACCORD_ROADMAP_BASIS_ATTAINMENT, NULL);
	return basis_names[basis];
}

/**
 * accord_roadmap_end_to_string:
 * @end: why a plan stops
 *
 * Returns: (transfer none): its name: `complete`, `target`, `budget` or `no-gain`
 */
const gchar *
accord_roadmap_end_to_string(AccordRoadmapEnd end)
{
	g_return_val_if_fail(end <= ACCORD_ROADMAP_END_NO_GAIN, NULL);
	return end_names[end];
}

/**
 * accord_roadmap_options_init:
 * @options: options to fill
 *
 * Sets the defaults: phases of 6 effort units, no total budget, no target, the plain mean of
 * the scores as the objective, the vocabulary's efforts.
 */
void
accord_roadmap_options_init(AccordRoadmapOptions *options)
{
	g_return_if_fail(options != NULL);
	*options = (AccordRoadmapOptions){ACCORD_ROADMAP_DEFAULT_PHASE_EFFORT, 0, NAN, NULL, NULL};
}

static const gchar *
ruleset_id(const AccordAssessment *assessment)
{
	return accord_ruleset_get_id(accord_assessment_get_ruleset(assessment));
}

/* assessment @i: of the same profile as the first, of a ruleset not given before, with a
 * weight that can make a mean */
static gboolean
check_assessment(const AccordAssessment *const *assessments,
		 guint i,
		 const AccordRoadmapOptions *options,
		 GError **error)
{
	if (accord_assessment_get_profile(assessments[i]) !=
	    accord_assessment_get_profile(assessments[0])) {
		g_set_error_literal(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_USAGE,
				    "a roadmap plans for one profile; the assessments are of "
				    "different profiles");
		return FALSE;
	}
	for (guint j = 0; j < i; j++) {
		if (g_strcmp0(ruleset_id(assessments[i]), ruleset_id(assessments[j])) == 0) {
			g_set_error(
			    error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "ruleset %s is given twice; a roadmap plans for each ruleset once",
			    ruleset_id(assessments[i]));
			return FALSE;
		}
	}
	if (options->weights != NULL &&
	    (!isfinite(options->weights[i]) || options->weights[i] <= 0)) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "weight %g of ruleset %s is not a finite number greater than 0",
			    options->weights[i],
			    ruleset_id(assessments[i]));
		return FALSE;
	}
	return TRUE;
}

static gboolean
check_inputs(const AccordAssessment *const *assessments,
	     guint n,
	     const AccordRoadmapOptions *options,
	     GError **error)
{
	if (n == 0 || options->phase_effort == 0) {
		g_set_error_literal(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_USAGE,
				    n == 0 ? "a roadmap needs at least one assessment"
					   : "the effort budget of a phase must be at least 1");
		return FALSE;
	}
	for (guint i = 0; i < n; i++)
		if (!check_assessment(assessments, i, options, error))
			return FALSE;
	if (!isnan(options->target) && !isfinite(options->target)) {
		g_set_error_literal(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_USAGE,
				    "the target must be a finite score");
		return FALSE;
	}
	return TRUE;
}

static const GPtrArray *
state(const AccordRoadmap *self, guint index)
{
	return g_ptr_array_index(self->states, index);
}

static const AccordCriterionResult *
result_in(const GPtrArray *scores, guint assessment, const AccordCriterion *criterion)
{
	return accord_evaluation_get_result(
	    accord_score_get_evaluation(g_ptr_array_index(scores, assessment)),
	    criterion);
}

/* how a dependency stands once step @step (from 1) is taken */
static AccordRoadmapDependency
resolve_dependency(const AccordRoadmap *self,
		   guint assessment,
		   const AccordCriterion *criterion,
		   guint step)
{
	const AccordScore *start = g_ptr_array_index(state(self, 0), assessment);
	AccordRoadmapDependency dep = {criterion, ACCORD_DEPENDENCY_MET, 0};

	if (!accord_score_selects_criterion(start, criterion)) {
		dep.status = ACCORD_DEPENDENCY_DESELECTED;
		return dep;
	}
	for (guint k = 0; k <= step; k++) {
		if (result_in(state(self, k), assessment, criterion)->outcome ==
		    ACCORD_OUTCOME_PASS) {
			dep.status = k == 0 ? ACCORD_DEPENDENCY_MET : ACCORD_DEPENDENCY_PLANNED;
			dep.step = k;
			return dep;
		}
	}
	/* the search takes a step only when every dependency of what it raises is met, so what
	 * is left is a dependency that does not apply */
	dep.status = ACCORD_DEPENDENCY_NOT_APPLICABLE;
	return dep;
}

static gboolean
raises(const AccordCriterionResult *before, const AccordCriterionResult *after)
{
	gboolean was =
	    before->outcome == ACCORD_OUTCOME_PASS || before->outcome == ACCORD_OUTCOME_PARTIAL;

	return (after->outcome == ACCORD_OUTCOME_PASS ||
		after->outcome == ACCORD_OUTCOME_PARTIAL) &&
	       (!was || after->credit > before->credit);
}

/* every criterion whose outcome or credit step @step changes, with the dependencies of those
 * it raises */
static GArray *
effects_of(AccordRoadmap *self, guint step)
{
	GArray *effects = g_array_new(FALSE, TRUE, sizeof(AccordRoadmapEffect));

	for (guint i = 0; i < self->assessments->len; i++) {
		const AccordRuleset *rs =
		    accord_assessment_get_ruleset(g_ptr_array_index(self->assessments, i));

		for (guint c = 0; c < accord_ruleset_get_n_criteria(rs); c++) {
			const AccordCriterion *criterion = accord_ruleset_get_criterion(rs, c);
			const AccordCriterionResult *b =
			    result_in(state(self, step - 1), i, criterion);
			const AccordCriterionResult *a = result_in(state(self, step), i, criterion);
			AccordRoadmapEffect e =
			    {i, criterion, b->outcome, a->outcome, b->credit, a->credit, NULL, 0};
			GArray *deps;

			if (a->outcome == b->outcome && a->credit == b->credit)
				continue;
			if (raises(b, a) && accord_criterion_get_n_depends(criterion) > 0) {
				deps = g_array_new(FALSE, TRUE, sizeof(AccordRoadmapDependency));
				for (guint d = 0; d < accord_criterion_get_n_depends(criterion);
				     d++) {
					AccordRoadmapDependency dep = resolve_dependency(
					    self,
					    i,
					    accord_criterion_get_depends(criterion, d),
					    step);
					g_array_append_val(deps, dep);
				}
				e.dependencies = (const AccordRoadmapDependency *)deps->data;
				e.n_dependencies = deps->len;
				g_ptr_array_add(self->arrays, deps);
			}
			g_array_append_val(effects, e);
		}
	}
	g_ptr_array_add(self->arrays, effects);
	return effects;
}

/* each assessment's overall score (NAN when not applicable) and coverage in @scores */
static void
scores_of(AccordRoadmap *self, const GPtrArray *scores, const gdouble **out, const gdouble **cov)
{
	gdouble *values = g_new(gdouble, scores->len);
	gdouble *coverages = g_new(gdouble, scores->len);

	for (guint i = 0; i < scores->len; i++) {
		const AccordScoreItem *o = accord_score_get_overall(g_ptr_array_index(scores, i));

		values[i] = o->applicable ? o->value : NAN;
		coverages[i] = o->coverage;
	}
	g_ptr_array_add(self->blocks, values);
	g_ptr_array_add(self->blocks, coverages);
	*out = values;
	*cov = coverages;
}

static gboolean
record_step(AccordRoadmap *self,
	    AccordRoadmapSearch *search,
	    AccordRoadmapChoice *choice,
	    GError **error)
{
	const GPtrArray *before = state(self, self->states->len - 1);
	AccordRoadmapStep step = {0};
	GArray *effects;
	gdouble attained_before, attained_after;

	if (!accord_roadmap_attainment(search, before, &attained_before, error) ||
	    !accord_roadmap_attainment(search, choice->scores, &attained_after, error))
		return FALSE;
	step.changes = (const AccordRoadmapChange *)choice->changes->data;
	step.n_changes = choice->changes->len;
	g_ptr_array_add(self->arrays, g_steal_pointer(&choice->changes));
	step.bundle = choice->bundle != NULL ? choice->bundle->id : NULL;
	step.cost = choice->cost;
	step.objective = accord_roadmap_objective(search, choice->scores);
	step.gain = step.objective - accord_roadmap_objective(search, before);
	step.value = step.gain / step.cost;
	step.attainment_gain = attained_after - attained_before;
	step.basis = choice->basis;
	scores_of(self, choice->scores, &step.scores, &step.coverages);
	g_ptr_array_add(self->states, g_steal_pointer(&choice->scores));
	effects = effects_of(self, self->states->len - 1);
	step.effects = (const AccordRoadmapEffect *)effects->data;
	step.n_effects = effects->len;
	self->effort += step.cost;
	g_array_append_val(self->steps, step);
	return TRUE;
}

/* phases fill up to the effort budget; a step costlier than the budget gets a phase alone.
 * A phase's scores are the state after its last step */
static void
build_phases(AccordRoadmap *self)
{
	AccordRoadmapPhase phase = {1, 0, 0, 0, 0, NULL, NULL};

	for (guint i = 0; i <= self->steps->len; i++) {
		AccordRoadmapStep *step =
		    i < self->steps->len ? &g_array_index(self->steps, AccordRoadmapStep, i) : NULL;

		if (phase.n_steps > 0 &&
		    (step == NULL || phase.effort + step->cost > self->options.phase_effort)) {
			const AccordRoadmapStep *last =
			    &g_array_index(self->steps, AccordRoadmapStep, i - 1);

			phase.objective = last->objective;
			phase.scores = last->scores;
			phase.coverages = last->coverages;
			g_array_append_val(self->phases, phase);
			phase = (AccordRoadmapPhase){phase.number + 1, i, 0, 0, 0, NULL, NULL};
		}
		if (step == NULL)
			break;
		step->phase = phase.number;
		phase.n_steps++;
		phase.effort += step->cost;
	}
}

/* the selected criteria still partial, failed or unknown after the whole plan */
static void
collect_open(AccordRoadmap *self)
{
	const GPtrArray *last = state(self, self->states->len - 1);

	for (guint i = 0; i < self->assessments->len; i++) {
		const AccordScore *score = g_ptr_array_index(last, i);
		const AccordRuleset *rs =
		    accord_assessment_get_ruleset(g_ptr_array_index(self->assessments, i));

		for (guint c = 0; c < accord_ruleset_get_n_criteria(rs); c++) {
			const AccordCriterion *criterion = accord_ruleset_get_criterion(rs, c);
			const AccordCriterionResult *r = result_in(last, i, criterion);
			AccordRoadmapOpen open = {i, criterion, r->outcome, r->credit};

			if (accord_score_selects_criterion(score, criterion) &&
			    r->outcome != ACCORD_OUTCOME_PASS &&
			    r->outcome != ACCORD_OUTCOME_NOT_APPLICABLE)
				g_array_append_val(self->open, open);
		}
	}
}

static AccordRoadmap *
roadmap_new(const AccordAssessment *const *assessments,
	    guint n,
	    const AccordRoadmapOptions *options)
{
	AccordRoadmap *self = g_new0(AccordRoadmap, 1);
	GPtrArray *start = g_ptr_array_new_with_free_func((GDestroyNotify)accord_score_unref);

	self->assessments = g_ptr_array_new_with_free_func((GDestroyNotify)accord_assessment_unref);
	for (guint i = 0; i < n; i++) {
		g_ptr_array_add(self->assessments, accord_assessment_ref(assessments[i]));
		g_ptr_array_add(
		    start,
		    accord_score_ref(
			accord_assessment_get_score(assessments[i], ACCORD_VARIANT_AS_GIVEN)));
	}
	self->options = *options;
	if (options->weights != NULL)
		self->weights = g_memdup2(options->weights, n * sizeof(gdouble));
	self->options.weights = self->weights;
	if (options->plan != NULL)
		self->options.plan = accord_plan_ref(options->plan);
	self->strings = g_string_chunk_new(512);
	self->steps = g_array_new(FALSE, TRUE, sizeof(AccordRoadmapStep));
	self->phases = g_array_new(FALSE, TRUE, sizeof(AccordRoadmapPhase));
	self->open = g_array_new(FALSE, TRUE, sizeof(AccordRoadmapOpen));
	self->arrays = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
	self->blocks = g_ptr_array_new_with_free_func(g_free);
	self->states = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
	g_ptr_array_add(self->states, start);
	return self;
}

/**
 * accord_roadmap_new:
 * @assessments: (array length=n_assessments): assessments of one profile, one per ruleset
 * @n_assessments: how many, at least one
 * @options: phase effort, budget, target, weights and plan file
 * @error: return location for an `ACCORD_ERROR`
 *
 * Plans the changes that raise the objective (the weighted mean of the overall scores, a score
 * that is not applicable counting as 0) most per unit of effort. A step sets one fact to one
 * value (or applies a bundle of the plan file); it is chosen from the state the steps before
 * it leave, by re-scoring every assessment with every change so far assumed, exactly as
 * accord_assessment_rescore() does. When no single change raises the objective, the best pair
 * does; when none does, the change that raises the attainment most per unit without lowering
 * the objective. Ties go to the larger gain, then to the fact first in key order and the
 * value first in the vocabulary's order. A change may not raise a criterion before every
 * criterion it depends on is met; a level fact moves in one direction only (stages), any other
 * fact changes once; kept facts never change. The plan stops at the target, when nothing fits
 * the budget, or when nothing gains. Steps are grouped into phases of at most
 * @options->phase_effort units. docs/scoring.md §10 has the rules in full.
 *
 * Returns: (transfer full) (nullable): the roadmap, or %NULL with `ACCORD_ERROR_USAGE` for
 *   bad options, assessments of different profiles or two of the same ruleset
 */
AccordRoadmap *
accord_roadmap_new(const AccordAssessment *const *assessments,
		   guint n_assessments,
		   const AccordRoadmapOptions *options,
		   GError **error)
{
	g_autoptr(AccordRoadmap) self = NULL;
	g_autoptr(AccordRoadmapSearch) search = NULL;

	g_return_val_if_fail(assessments != NULL && options != NULL, NULL);
	if (!check_inputs(assessments, n_assessments, options, error))
		return NULL;
	self = roadmap_new(assessments, n_assessments, options);
	search = accord_roadmap_search_new(assessments,
					   n_assessments,
					   self->weights,
					   &self->options,
					   self->strings);
	self->start.objective = accord_roadmap_objective(search, state(self, 0));
	for (;;) {
		g_auto(AccordRoadmapChoice) choice = {0};
		gboolean found = FALSE;

		if (!accord_roadmap_search_next(search, &choice, &found, error))
			return NULL;
		if (!found)
			break;
		if (!record_step(self, search, &choice, error))
			return NULL;
	}
	self->end = accord_roadmap_search_get_end(search);
	scores_of(self, state(self, 0), &self->start.scores, &self->start.coverages);
	build_phases(self);
	collect_open(self);
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
	g_ptr_array_unref(self->states);
	g_ptr_array_unref(self->blocks);
	g_ptr_array_unref(self->arrays);
	g_array_unref(self->open);
	g_array_unref(self->phases);
	g_array_unref(self->steps);
	g_string_chunk_free(self->strings);
	if (self->options.plan != NULL)
		accord_plan_unref((AccordPlan *)self->options.plan);
	g_free(self->weights);
	g_ptr_array_unref(self->assessments);
	g_free(self);
}

/**
 * accord_roadmap_get_n_assessments:
 * @self: a roadmap
 *
 * Returns: how many assessments (rulesets) it plans for
 */
guint
accord_roadmap_get_n_assessments(const AccordRoadmap *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->assessments->len;
}

/**
 * accord_roadmap_get_assessment:
 * @self: a roadmap
 * @index: from 0, in the order given
 *
 * Returns: (transfer none): the assessment the plan starts from
 */
const AccordAssessment *
accord_roadmap_get_assessment(const AccordRoadmap *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->assessments->len, NULL);
	return g_ptr_array_index(self->assessments, index);
}

/**
 * accord_roadmap_get_weight:
 * @self: a roadmap
 * @index: an assessment's index
 *
 * Returns: its weight in the objective (1 without weights)
 */
gdouble
accord_roadmap_get_weight(const AccordRoadmap *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->assessments->len, 0);
	return self->weights != NULL ? self->weights[index] : 1.0;
}

/**
 * accord_roadmap_get_options:
 * @self: a roadmap
 *
 * Returns: (transfer none): the options it was planned with
 */
const AccordRoadmapOptions *
accord_roadmap_get_options(const AccordRoadmap *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return &self->options;
}

/**
 * accord_roadmap_get_effort:
 * @self: a roadmap
 *
 * Returns: the effort of the whole plan, in units
 */
guint
accord_roadmap_get_effort(const AccordRoadmap *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->effort;
}

/**
 * accord_roadmap_get_end:
 * @self: a roadmap
 *
 * Returns: why the plan stops after its last step
 */
AccordRoadmapEnd
accord_roadmap_get_end(const AccordRoadmap *self)
{
	g_return_val_if_fail(self != NULL, ACCORD_ROADMAP_END_COMPLETE);
	return self->end;
}

/**
 * accord_roadmap_get_n_steps:
 * @self: a roadmap
 *
 * Returns: how many steps the plan has
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
 * Returns: (transfer none): the step
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
 * Returns: how many phases the steps fill
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
 * @index: from 0
 *
 * Returns: (transfer none): the phase
 */
const AccordRoadmapPhase *
accord_roadmap_get_phase(const AccordRoadmap *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->phases->len, NULL);
	return &g_array_index(self->phases, AccordRoadmapPhase, index);
}

/**
 * accord_roadmap_get_start:
 * @self: a roadmap
 *
 * Returns: (transfer none): phase 0, the state the plan starts from: number 0, no step,
 *   effort 0, the objective and each assessment's score and coverage as given
 */
const AccordRoadmapPhase *
accord_roadmap_get_start(const AccordRoadmap *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return &self->start;
}

/**
 * accord_roadmap_get_n_open:
 * @self: a roadmap
 *
 * Returns: how many selected criteria are still partial, failed or unknown after the plan
 */
guint
accord_roadmap_get_n_open(const AccordRoadmap *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->open->len;
}

/**
 * accord_roadmap_get_open:
 * @self: a roadmap
 * @index: from 0; by assessment, then in ruleset order
 *
 * Returns: (transfer none): a criterion the plan leaves open
 */
const AccordRoadmapOpen *
accord_roadmap_get_open(const AccordRoadmap *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->open->len, NULL);
	return &g_array_index(self->open, AccordRoadmapOpen, index);
}
