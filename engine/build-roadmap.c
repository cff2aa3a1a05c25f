#include "config.h"

#include "build-private.h"

/* the capacity-building plan: phase by phase, each with the score re-computed after it, and
 * every step with the numbers behind its place in the order */

static void
build_steps(AccordNode *item, const AccordRoadmap *roadmap, const AccordRoadmapPhase *phase)
{
	const AccordScore *score = accord_roadmap_get_score(roadmap);
	AccordNode *table =
	    accord_node_add_table(item,
				  "steps",
				  NULL,
				  "step=Step|criterion=Criterion|outcome=Now|weight=Weight|"
				  "shortfall=Shortfall|gain=Gain|effort=Effort|value=Gain/effort|"
				  "rule=Rule|rule_gap=Rule gap|title=Title");

	for (guint i = phase->first; i < phase->first + phase->n_steps; i++) {
		const AccordRoadmapStep *s = accord_roadmap_get_step(roadmap, i);
		const AccordCriterion *c = s->criterion;
		ACCORD_ROW(
		    table,
		    accord_cell_count(i + 1),
		    accord_cell_id(accord_criterion_get_id(c)),
		    accord_cell_outcome(accord_build_outcome(score, c)),
		    accord_cell_percent(s->weight),
		    accord_cell_percent(s->shortfall),
		    accord_cell_score(s->gain),
		    accord_cell_text(accord_effort_to_string(accord_criterion_get_effort(c))),
		    accord_cell_number(s->value, 2),
		    accord_cell_id(accord_rule_get_id(accord_criterion_get_rule(c))),
		    accord_cell_score(s->rule_gap),
		    accord_cell_text(accord_criterion_get_title(c)));
	}
}

static void
build_dependencies(AccordNode *root, const AccordRoadmap *roadmap)
{
	AccordNode *table =
	    accord_node_add_table(root,
				  "dependencies",
				  "Dependencies",
				  "step=Step|criterion=Criterion|depends_on=Depends on|"
				  "status=Which is|at_step=At step");

	for (guint i = 0; i < accord_roadmap_get_n_steps(roadmap); i++) {
		const AccordRoadmapStep *s = accord_roadmap_get_step(roadmap, i);

		for (guint d = 0; d < s->n_dependencies; d++) {
			const AccordRoadmapDependency *dep = &s->dependencies[d];
			ACCORD_ROW(
			    table,
			    accord_cell_count(i + 1),
			    accord_cell_id(accord_criterion_get_id(s->criterion)),
			    accord_cell_id(accord_criterion_get_id(dep->criterion)),
			    accord_cell_outcome(accord_dependency_status_to_string(dep->status)),
			    dep->step > 0 ? accord_cell_count(dep->step) : accord_cell_empty());
		}
	}
}

/* where the plan starts (phase 0) and the score after each phase, drawn as a step chart */
static void
build_plan(AccordNode *root, const AccordRoadmap *roadmap)
{
	const AccordScoreItem *now = accord_score_get_overall(accord_roadmap_get_score(roadmap));
	AccordNode *table = accord_node_add_table(root,
						  "plan",
						  "Expected score by phase (re-scored)",
						  "phase=Phase|effort=Effort|score=Score after it|"
						  "coverage=Coverage after it");
	AccordCell start[] = {accord_cell_count(0),
			      accord_cell_count(0),
			      accord_cell_score(now->value),
			      accord_cell_percent(now->coverage)};

	accord_table_add_row(table, start, G_N_ELEMENTS(start));
	for (guint i = 0; i < accord_roadmap_get_n_phases(roadmap); i++) {
		const AccordRoadmapPhase *p = accord_roadmap_get_phase(roadmap, i);
		ACCORD_ROW(table,
			   accord_cell_count(p->number),
			   accord_cell_count(p->effort),
			   accord_cell_score(p->score),
			   accord_cell_percent(p->coverage));
	}
	accord_table_add_chart(table,
			       ACCORD_CHART_STEPS,
			       "Expected score by phase",
			       "phase",
			       "score");
}

/**
 * accord_roadmap_to_document:
 * @assessment: an assessment
 * @roadmap: the roadmap of its score as given
 *
 * The plan: the starting score, then each phase with its effort and the overall score and
 * coverage re-computed once it is done, and each step with its weight, shortfall, gain,
 * effort, value and the rule gap it works on; the dependencies between steps.
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_roadmap_to_document(const AccordAssessment *assessment, const AccordRoadmap *roadmap)
{
	AccordDocument *doc;
	AccordNode *root, *list;

	g_return_val_if_fail(assessment != NULL && roadmap != NULL, NULL);
	doc = accord_build_document("roadmap", "Accord roadmap", accord_roadmap_get_score(roadmap));
	root = accord_document_get_root(doc);
	ACCORD_FIELDS(root,
		      {"phase_effort",
		       "Effort per phase (low 1, medium 2, high 3)",
		       accord_cell_count(accord_roadmap_get_phase_effort(roadmap))});
	accord_build_context(root, assessment);
	accord_node_add_text(root,
			     "Steps go in order of gain per unit of effort: the points of overall "
			     "score that meeting the step alone adds (re-scored), divided by its "
			     "effort; no step comes before one it depends on.");
	build_plan(root, roadmap);
	list = accord_node_add_list(root, "phases", "Steps by phase");
	for (guint i = 0; i < accord_roadmap_get_n_phases(roadmap); i++) {
		const AccordRoadmapPhase *p = accord_roadmap_get_phase(roadmap, i);
		g_autofree gchar *title = g_strdup_printf("Phase %u", p->number);
		AccordNode *item = accord_node_add_section(list, NULL, title);
		ACCORD_FIELDS(item, {"phase", "Phase", accord_cell_count(p->number), TRUE});
		build_steps(item, roadmap, p);
	}
	build_dependencies(root, roadmap);
	return doc;
}
