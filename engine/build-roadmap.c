#include "config.h"

#include "build-private.h"

/* the capacity-building plan: phase by phase, each with the score re-computed after it, and
 * every step with the numbers behind its place in the order */

static void
build_steps(AccordNode *item, const AccordRoadmap *roadmap, const AccordRoadmapPhase *phase)
{
	const AccordScore *score = accord_roadmap_get_score(roadmap);
	AccordNode *table = accord_node_add_table(item, "steps", NULL);

	accord_table_add_column(table, "step", "Step");
	accord_table_add_column(table, "criterion", "Criterion");
	accord_table_add_column(table, "outcome", "Now");
	accord_table_add_column(table, "weight", "Weight");
	accord_table_add_column(table, "shortfall", "Shortfall");
	accord_table_add_column(table, "gain", "Gain");
	accord_table_add_column(table, "effort", "Effort");
	accord_table_add_column(table, "value", "Gain/effort");
	accord_table_add_column(table, "rule", "Rule");
	accord_table_add_column(table, "rule_gap", "Rule gap");
	accord_table_add_column(table, "title", "Title");
	for (guint i = phase->first; i < phase->first + phase->n_steps; i++) {
		const AccordRoadmapStep *s = accord_roadmap_get_step(roadmap, i);
		AccordCell row[] = {
		    accord_cell_count(i + 1),
		    accord_cell_id(accord_criterion_get_id(s->criterion)),
		    accord_cell_outcome(accord_build_outcome(score, s->criterion)),
		    accord_cell_percent(s->weight),
		    accord_cell_percent(s->shortfall),
		    accord_cell_score(s->gain),
		    accord_cell_text(accord_effort_to_string(accord_criterion_get_effort(s->criterion))),
		    accord_cell_number(s->value, 2),
		    accord_cell_id(accord_rule_get_id(accord_criterion_get_rule(s->criterion))),
		    accord_cell_score(s->rule_gap),
		    accord_cell_text(accord_criterion_get_title(s->criterion))};
		accord_table_add_row(table, row, G_N_ELEMENTS(row));
	}
}

static void
build_dependencies(AccordNode *root, const AccordRoadmap *roadmap)
{
	AccordNode *table = NULL;

	for (guint i = 0; i < accord_roadmap_get_n_steps(roadmap); i++) {
		const AccordRoadmapStep *s = accord_roadmap_get_step(roadmap, i);

		for (guint d = 0; d < s->n_dependencies; d++) {
			const AccordRoadmapDependency *dep = &s->dependencies[d];
			if (table == NULL) {
				table = accord_node_add_table(root, "dependencies", "Dependencies");
				accord_table_add_column(table, "step", "Step");
				accord_table_add_column(table, "criterion", "Criterion");
				accord_table_add_column(table, "depends_on", "Depends on");
				accord_table_add_column(table, "status", "Which is");
				accord_table_add_column(table, "at_step", "At step");
			}
			{
				AccordCell row[] = {
				    accord_cell_count(i + 1),
				    accord_cell_id(accord_criterion_get_id(s->criterion)),
				    accord_cell_id(accord_criterion_get_id(dep->criterion)),
				    accord_cell_outcome(accord_dependency_status_to_string(dep->status)),
				    dep->step > 0 ? accord_cell_count(dep->step) : accord_cell_empty()};
				accord_table_add_row(table, row, G_N_ELEMENTS(row));
			}
		}
	}
}

static void
build_chart(AccordNode *root, const AccordRoadmap *roadmap)
{
	guint n = accord_roadmap_get_n_phases(roadmap);
	g_autofree gdouble *values = g_new(gdouble, n + 1);
	AccordNode *chart = accord_node_add_chart(root,
						  "expected_score",
						  ACCORD_CHART_STEPS,
						  "Expected score by phase",
						  "overall score, 0-100");

	accord_chart_add_category(chart, "now");
	values[0] = accord_score_get_overall(accord_roadmap_get_score(roadmap))->value;
	for (guint i = 0; i < n; i++) {
		g_autofree gchar *label = g_strdup_printf("phase %u", i + 1);

		accord_chart_add_category(chart, label);
		values[i + 1] = accord_roadmap_get_phase(roadmap, i)->score;
	}
	accord_chart_add_series(chart, "score", values, NULL, NULL, n + 1);
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
	doc = accord_build_document("roadmap",
				    "Accord roadmap",
				    accord_roadmap_get_score(roadmap));
	root = accord_document_get_root(doc);
	accord_build_context(root, assessment);
	accord_node_add_field(root,
			      "phase_effort",
			      "Effort per phase (low 1, medium 2, high 3)",
			      accord_cell_count(accord_roadmap_get_phase_effort(roadmap)));
	accord_node_add_text(root,
			     "Steps go in order of gain per unit of effort: the points of overall "
			     "score that meeting the step alone adds (re-scored), divided by its "
			     "effort; no step comes before one it depends on.");
	build_chart(root, roadmap);
	list = accord_node_add_list(root, "phases", "Phases");
	for (guint i = 0; i < accord_roadmap_get_n_phases(roadmap); i++) {
		const AccordRoadmapPhase *p = accord_roadmap_get_phase(roadmap, i);
		g_autofree gchar *title = g_strdup_printf("Phase %u", p->number);
		AccordNode *item = accord_node_add_item(list, title);

		accord_node_add_key_field(item, "phase", "Phase", accord_cell_count(p->number));
		accord_node_add_field(item, "effort", "Effort", accord_cell_count(p->effort));
		accord_node_add_field(item, "score", "Score after it", accord_cell_score(p->score));
		accord_node_add_field(item, "coverage", "Coverage after it", accord_cell_percent(p->coverage));
		build_steps(item, roadmap, p);
	}
	build_dependencies(root, roadmap);
	return doc;
}
