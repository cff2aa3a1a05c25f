#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "macros.h"
#include "score.h"

G_BEGIN_DECLS

/**
 * AccordDependencyStatus:
 * @ACCORD_DEPENDENCY_MET: the dependency is met already
 * @ACCORD_DEPENDENCY_PLANNED: the dependency is an earlier step of the plan
 * @ACCORD_DEPENDENCY_NOT_APPLICABLE: the dependency does not apply to the country
 * @ACCORD_DEPENDENCY_DESELECTED: the tailoring leaves the dependency out
 *
 * How a step's dependency stands in the plan.
 */
typedef enum {
	ACCORD_DEPENDENCY_MET,
	ACCORD_DEPENDENCY_PLANNED,
	ACCORD_DEPENDENCY_NOT_APPLICABLE,
	ACCORD_DEPENDENCY_DESELECTED,
} AccordDependencyStatus;

/**
 * AccordRoadmapDependency:
 * @criterion: a criterion the step depends on
 * @status: how it stands
 * @step: its step number (from 1) when planned, else 0
 *
 * One dependency of a step; owned by #AccordRoadmap.
 */
typedef struct {
	const AccordCriterion *criterion;
	AccordDependencyStatus status;
	guint step;
} AccordRoadmapDependency;

/**
 * AccordRoadmapStep:
 * @criterion: the criterion to meet
 * @phase: the phase it is in, from 1
 * @weight: its share of the overall score (rule share × criterion share within the rule)
 * @shortfall: 1 − its current credit
 * @value: @gain / effort cost: points of overall score per unit of effort
 * @rule_gap: the gap of the rule it belongs to, in points (see #AccordGap)
 * @gain: the points the overall score rises if this step alone is met, re-scored; under
 *   the weighted model with arithmetic aggregation it equals 100 × @weight × @shortfall
 * @dependencies: (array length=n_dependencies): how each criterion it depends on stands
 * @n_dependencies: how many it depends on
 *
 * One step of a capacity-building plan; a read-only record owned by #AccordRoadmap.
 */
typedef struct {
	const AccordCriterion *criterion;
	guint phase;
	gdouble weight;
	gdouble shortfall;
	gdouble value;
	gdouble rule_gap;
	gdouble gain;
	const AccordRoadmapDependency *dependencies;
	guint n_dependencies;
} AccordRoadmapStep;

/**
 * AccordRoadmapPhase:
 * @number: from 1
 * @first: index of its first step
 * @n_steps: how many steps it has
 * @effort: the sum of its steps' effort costs
 * @score: the overall score once this phase and every earlier one are done, re-scored
 * @coverage: the coverage at that point
 *
 * A group of steps; a read-only record owned by #AccordRoadmap.
 */
typedef struct {
	guint number;
	guint first;
	guint n_steps;
	guint effort;
	gdouble score;
	gdouble coverage;
} AccordRoadmapPhase;

/**
 * AccordRoadmap:
 *
 * A capacity-building plan for one score: the open criteria in order of value, never before a
 * dependency, grouped into phases of a set effort (accord_roadmap_new()). Has a single owner, who
 * frees it with accord_roadmap_free(); it holds a reference to the score.
 */
typedef struct _AccordRoadmap AccordRoadmap;

#define ACCORD_ROADMAP_DEFAULT_PHASE_EFFORT 6

const gchar *
accord_dependency_status_to_string(AccordDependencyStatus status);

G_GNUC_WARN_UNUSED_RESULT AccordRoadmap *
accord_roadmap_new(const AccordScore *score, guint phase_effort, GError **error) ACCORD_NON_NULL(1);
void
accord_roadmap_free(AccordRoadmap *self);
const AccordScore *
accord_roadmap_get_score(const AccordRoadmap *self) ACCORD_NON_NULL(1);
guint
accord_roadmap_get_phase_effort(const AccordRoadmap *self) ACCORD_NON_NULL(1);
guint
accord_roadmap_get_n_steps(const AccordRoadmap *self) ACCORD_NON_NULL(1);
const AccordRoadmapStep *
accord_roadmap_get_step(const AccordRoadmap *self, guint index) ACCORD_NON_NULL(1);
guint
accord_roadmap_get_n_phases(const AccordRoadmap *self) ACCORD_NON_NULL(1);
const AccordRoadmapPhase *
accord_roadmap_get_phase(const AccordRoadmap *self, guint index) ACCORD_NON_NULL(1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordRoadmap, accord_roadmap_free)

G_END_DECLS
