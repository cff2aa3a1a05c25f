#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "assessment.h"
#include "macros.h"
#include "plan.h"

G_BEGIN_DECLS

/**
 * AccordDependencyStatus:
 * @ACCORD_DEPENDENCY_MET: the dependency is met already
 * @ACCORD_DEPENDENCY_PLANNED: a step of the plan meets the dependency (at or before the step
 *   that needs it)
 * @ACCORD_DEPENDENCY_NOT_APPLICABLE: the dependency does not apply to the country
 * @ACCORD_DEPENDENCY_DESELECTED: the tailoring leaves the dependency out
 *
 * How a dependency stands when a step meets the criterion that needs it.
 */
typedef enum {
	ACCORD_DEPENDENCY_MET,
	ACCORD_DEPENDENCY_PLANNED,
	ACCORD_DEPENDENCY_NOT_APPLICABLE,
	ACCORD_DEPENDENCY_DESELECTED,
} AccordDependencyStatus;

/**
 * AccordRoadmapBasis:
 * @ACCORD_ROADMAP_BASIS_GAIN: the change with the highest gain in the objective per unit of
 *   effort
 * @ACCORD_ROADMAP_BASIS_PAIR: look-ahead: no single change raised the objective, so the pair
 *   of changes with the highest gain per unit of their summed effort
 * @ACCORD_ROADMAP_BASIS_ATTAINMENT: no change or pair raised the objective, so the change that
 *   does not lower it with the highest gain in attainment per unit of effort
 *
 * Why a step was chosen.
 */
typedef enum {
	ACCORD_ROADMAP_BASIS_GAIN,
	ACCORD_ROADMAP_BASIS_PAIR,
	ACCORD_ROADMAP_BASIS_ATTAINMENT,
} AccordRoadmapBasis;

/**
 * AccordRoadmapEnd:
 * @ACCORD_ROADMAP_END_COMPLETE: no criterion is left open
 * @ACCORD_ROADMAP_END_TARGET: the objective reached the target
 * @ACCORD_ROADMAP_END_BUDGET: a change would still gain, but none fits the budget left
 * @ACCORD_ROADMAP_END_NO_GAIN: no change the plan may make (or pair of them) raises the
 *   objective or the attainment
 *
 * Why the plan stops where it does.
 */
typedef enum {
	ACCORD_ROADMAP_END_COMPLETE,
	ACCORD_ROADMAP_END_TARGET,
	ACCORD_ROADMAP_END_BUDGET,
	ACCORD_ROADMAP_END_NO_GAIN,
} AccordRoadmapEnd;

/**
 * AccordRoadmapOptions:
 * @phase_effort: the effort budget of a phase, in units (low 1, medium 2, high 3)
 * @budget: the most effort the whole plan may take; 0 for no limit
 * @target: the plan stops once the objective reaches it; NAN for no target
 * @weights: (nullable) (array): one weight per assessment, finite and greater than 0, for a
 *   weighted mean objective; %NULL for the plain mean
 * @plan: (nullable): efforts, kept facts and bundles that override the vocabulary's
 *
 * How a roadmap is planned; accord_roadmap_options_init() sets the defaults.
 */
typedef struct {
	guint phase_effort;
	guint budget;
	gdouble target;
	const gdouble *weights;
	const AccordPlan *plan;
} AccordRoadmapOptions;

/**
 * AccordRoadmapDependency:
 * @criterion: a criterion that the criterion a step meets depends on
 * @status: how it stands then
 * @step: the step (from 1) that met it when planned, else 0
 *
 * One dependency of a criterion a step raises; owned by #AccordRoadmap.
 */
typedef struct {
	const AccordCriterion *criterion;
	AccordDependencyStatus status;
	guint step;
} AccordRoadmapDependency;

/**
 * AccordRoadmapChange:
 * @fact: the fact the step sets
 * @value: the value it sets
 * @text: that value as written, e.g. `adopted`; `--assume FACT=TEXT` reproduces the change
 * @from: (nullable): the value before the step, %NULL when the profile did not state the fact
 *
 * One fact set to one value; owned by #AccordRoadmap.
 */
typedef struct {
	const AccordFactDef *fact;
	AccordValue value;
	const gchar *text;
	const gchar *from;
} AccordRoadmapChange;

/**
 * AccordRoadmapEffect:
 * @assessment: the index of the assessment (the ruleset) the criterion belongs to
 * @criterion: a criterion whose outcome or credit the step changes
 * @before: its outcome before the step
 * @after: its outcome after it
 * @credit_before: its credit before
 * @credit_after: its credit after
 * @dependencies: (array length=n_dependencies): when the step raises the criterion, how each
 *   criterion it depends on stands
 * @n_dependencies: how many
 *
 * What a step does to one criterion; owned by #AccordRoadmap.
 */
typedef struct {
	guint assessment;
	const AccordCriterion *criterion;
	AccordOutcome before;
	AccordOutcome after;
	gdouble credit_before;
	gdouble credit_after;
	const AccordRoadmapDependency *dependencies;
	guint n_dependencies;
} AccordRoadmapEffect;

/**
 * AccordRoadmapStep:
 * @phase: the phase it is in, from 1
 * @changes: (array length=n_changes): the facts it sets, in the order `--assume` takes them
 * @n_changes: how many: one, two for a look-ahead pair, or a bundle's
 * @bundle: (nullable): the id of the plan's bundle it is, else %NULL
 * @cost: its effort in units, from the state before it
 * @gain: the objective after it minus the objective before it, both re-scored
 * @value: @gain / @cost, the points of objective per unit of effort
 * @attainment_gain: the same difference in attainment (see accord_roadmap_new())
 * @basis: why it was chosen
 * @objective: the objective after it
 * @scores: (array): each assessment's overall score after it (NAN when not applicable)
 * @coverages: (array): each assessment's coverage after it
 * @effects: (array length=n_effects): every criterion whose outcome or credit it changes, by
 *   assessment, then in ruleset order
 * @n_effects: how many
 *
 * One step of a plan: a change, a pair of changes or a bundle; owned by #AccordRoadmap.
 */
typedef struct {
	guint phase;
	const AccordRoadmapChange *changes;
	guint n_changes;
	const gchar *bundle;
	guint cost;
	gdouble gain;
	gdouble value;
	gdouble attainment_gain;
	AccordRoadmapBasis basis;
	gdouble objective;
	const gdouble *scores;
	const gdouble *coverages;
	const AccordRoadmapEffect *effects;
	guint n_effects;
} AccordRoadmapStep;

/**
 * AccordRoadmapPhase:
 * @number: from 1
 * @first: index of its first step
 * @n_steps: how many steps it has
 * @effort: the sum of its steps' costs
 * @objective: the objective once this phase and every earlier one are done
 * @scores: (array): each assessment's overall score then: exactly what `accord score` gives
 *   with every change so far assumed (NAN when not applicable)
 * @coverages: (array): each assessment's coverage then
 *
 * A group of steps; a read-only record owned by #AccordRoadmap.
 */
typedef struct {
	guint number;
	guint first;
	guint n_steps;
	guint effort;
	gdouble objective;
	const gdouble *scores;
	const gdouble *coverages;
} AccordRoadmapPhase;

/**
 * AccordRoadmapOpen:
 * @assessment: the index of the assessment the criterion belongs to
 * @criterion: a selected criterion the plan leaves partial, failed or unknown
 * @outcome: its outcome after the whole plan
 * @credit: its credit then
 *
 * A criterion still open at the end of the plan; owned by #AccordRoadmap.
 */
typedef struct {
	guint assessment;
	const AccordCriterion *criterion;
	AccordOutcome outcome;
	gdouble credit;
} AccordRoadmapOpen;

/**
 * AccordRoadmap:
 *
 * A capacity-building plan for one profile against one or more rulesets: its steps, phases,
 * and what it leaves open (accord_roadmap_new()). It has one owner: accord_roadmap_free().
 */
typedef struct _AccordRoadmap AccordRoadmap;

#define ACCORD_ROADMAP_DEFAULT_PHASE_EFFORT 6

const gchar *
accord_dependency_status_to_string(AccordDependencyStatus status);
const gchar *
accord_roadmap_basis_to_string(AccordRoadmapBasis basis);
const gchar *
accord_roadmap_end_to_string(AccordRoadmapEnd end);
void
accord_roadmap_options_init(AccordRoadmapOptions *options) ACCORD_NON_NULL(1);

G_GNUC_WARN_UNUSED_RESULT AccordRoadmap *
accord_roadmap_new(const AccordAssessment *const *assessments,
		   guint n_assessments,
		   const AccordRoadmapOptions *options,
		   GError **error) ACCORD_NON_NULL(1, 3);
void
accord_roadmap_free(AccordRoadmap *self);
guint
accord_roadmap_get_n_assessments(const AccordRoadmap *self) ACCORD_NON_NULL(1);
const AccordAssessment *
accord_roadmap_get_assessment(const AccordRoadmap *self, guint index) ACCORD_NON_NULL(1);
gdouble
accord_roadmap_get_weight(const AccordRoadmap *self, guint index) ACCORD_NON_NULL(1);
const AccordRoadmapOptions *
accord_roadmap_get_options(const AccordRoadmap *self) ACCORD_NON_NULL(1);
guint
accord_roadmap_get_effort(const AccordRoadmap *self) ACCORD_NON_NULL(1);
AccordRoadmapEnd
accord_roadmap_get_end(const AccordRoadmap *self) ACCORD_NON_NULL(1);
guint
accord_roadmap_get_n_steps(const AccordRoadmap *self) ACCORD_NON_NULL(1);
const AccordRoadmapStep *
accord_roadmap_get_step(const AccordRoadmap *self, guint index) ACCORD_NON_NULL(1);
guint
accord_roadmap_get_n_phases(const AccordRoadmap *self) ACCORD_NON_NULL(1);
const AccordRoadmapPhase *
accord_roadmap_get_phase(const AccordRoadmap *self, guint index) ACCORD_NON_NULL(1);
const AccordRoadmapPhase *
accord_roadmap_get_start(const AccordRoadmap *self) ACCORD_NON_NULL(1);
guint
accord_roadmap_get_n_open(const AccordRoadmap *self) ACCORD_NON_NULL(1);
const AccordRoadmapOpen *
accord_roadmap_get_open(const AccordRoadmap *self, guint index) ACCORD_NON_NULL(1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordRoadmap, accord_roadmap_free)

G_END_DECLS
