#include "config.h"

#include "build-private.h"

/* the capacity-building plan: the score by phase (re-scored), each phase's steps with the
 * changes they make and what those do to each criterion, the dependencies they respect, and
 * what the plan leaves open */

static const gchar *
ruleset_id(const AccordRoadmap *roadmap, guint index)
{
	return accord_ruleset_get_id(
	    accord_assessment_get_ruleset(accord_roadmap_get_assessment(roadmap, index)));
}

static gboolean
several(const AccordRoadmap *roadmap)
{
	return accord_roadmap_get_n_assessments(roadmap) > 1;
}

/* with one ruleset the header is the usual one; with several, one item per ruleset. Inside a
 * briefing (@alone FALSE), which shows each ruleset with its options, its score and what
 * changed its inputs, only the country and the objective */
static AccordDocument *
build_header(const AccordRoadmap *roadmap, gboolean alone)
{
	const AccordAssessment *first = accord_roadmap_get_assessment(roadmap, 0);
	const AccordScore *score = accord_assessment_get_score(first, ACCORD_VARIANT_AS_GIVEN);
	AccordDocument *doc;
	AccordNode *root, *list;

	if (!several(roadmap) && alone) {
		doc = accord_build_document("roadmap", "Accord roadmap", score);
		accord_build_context(accord_document_get_root(doc), first);
		return doc;
	}
	doc = accord_build_document("roadmap", "Accord roadmap", NULL);
	root = accord_document_get_root(doc);
	accord_build_profile_fields(root, accord_assessment_get_profile(first));
	if (alone)
		accord_build_options_fields(root, accord_score_get_options(score));
	if (!several(roadmap))
		return doc;
	ACCORD_FIELDS(root,
		      {"objective",
		       "Objective (weighted mean score)",
		       accord_cell_score(accord_roadmap_get_start(roadmap)->objective)});
	if (!alone)
		return doc;
	list = accord_node_add_list(root, "rulesets", "Rulesets");
	for (guint i = 0; i < accord_roadmap_get_n_assessments(roadmap); i++) {
		const AccordAssessment *a = accord_roadmap_get_assessment(roadmap, i);
		AccordNode *item = accord_node_add_section(list, NULL, ruleset_id(roadmap, i));

		accord_build_ruleset_fields(item, accord_assessment_get_ruleset(a), TRUE);
		ACCORD_FIELDS(item,
			      {"weight",
			       "Weight in the objective",
			       accord_cell_number(accord_roadmap_get_weight(roadmap, i), 2)});
		accord_build_overall_fields(
		    item,
		    accord_assessment_get_score(a, ACCORD_VARIANT_AS_GIVEN));
		accord_build_context(item, a);
	}
	return doc;
}

static void
build_limits(AccordNode *root, const AccordRoadmap *roadmap)
{
	const AccordRoadmapOptions *o = accord_roadmap_get_options(roadmap);

	ACCORD_FIELDS(
	    root,
	    {"phase_effort",
	     "Effort per phase (low 1, medium 2, high 3)",
	     accord_cell_count(o->phase_effort)},
	    {"budget",
	     "Effort budget",
	     o->budget > 0 ? accord_cell_count(o->budget) : accord_cell_empty()},
	    {"target", "Target score", accord_cell_score(o->target)},
	    {"total_effort",
	     "Effort of the plan",
	     accord_cell_count(accord_roadmap_get_effort(roadmap))},
	    {"end",
	     "The plan ends",
	     accord_cell_outcome(accord_roadmap_end_to_string(accord_roadmap_get_end(roadmap)))});
	if (o->plan == NULL)
		return;
	ACCORD_FIELDS(
	    root,
	    {"plan_file", "Plan file", accord_cell_id(accord_plan_get_id(o->plan))},
	    {"plan_file_title", "Plan title", accord_cell_text(accord_plan_get_title(o->plan))});
	{
		AccordNode *table =
		    accord_node_add_table(root,
					  "plan_entries",
					  "What the plan file sets",
					  "kind=Kind|subject=Subject|cost=Cost|note=Why");

		for (guint i = 0; i < accord_plan_get_n_entries(o->plan); i++) {
			const AccordPlanEntry *e = accord_plan_get_entry(o->plan, i);
			ACCORD_ROW(table,
				   accord_cell_outcome(e->kind),
				   accord_cell_text(e->subject),
				   e->cost > 0 ? accord_cell_count(e->cost) : accord_cell_empty(),
				   accord_cell_text(e->note));
		}
	}
}

/* one row of the plan table: phase, effort, then the score and coverage (one ruleset) or each
 * ruleset's score and the objective (several) */
static void
plan_row(AccordNode *table, const AccordRoadmap *roadmap, const AccordRoadmapPhase *p)
{
	guint n = accord_roadmap_get_n_assessments(roadmap);
	g_autofree AccordCell *row = g_new(AccordCell, n + 3);

	row[0] = accord_cell_count(p->number);
	row[1] = accord_cell_count(p->effort);
	for (guint i = 0; i < n; i++)
		row[2 + i] = accord_cell_score(p->scores[i]);
	row[2 + n] = n > 1 ? accord_cell_score(p->objective) : accord_cell_percent(p->coverages[0]);
	accord_table_add_row(table, row, n + 3);
}

/* where the plan starts (phase 0) and the scores after each phase, drawn as a step chart: each
 * ruleset's score and the objective, or with more rulesets than a chart tells apart the
 * objective alone (the table keeps every figure) */
static void
build_plan(AccordNode *root, const AccordRoadmap *roadmap)
{
	AccordNode *table = accord_node_add_table(root,
						  "plan",
						  "Expected score by phase (re-scored)",
						  "phase=Phase|effort=Effort");
	g_autoptr(GString) series = g_string_new(NULL);

	if (!several(roadmap)) {
		accord_table_add_columns(table, "score=Score after it|coverage=Coverage after it");
		g_string_append(series, "score");
	}
	for (guint i = 0; several(roadmap) && i < accord_roadmap_get_n_assessments(roadmap); i++) {
		accord_table_add_column(table, ruleset_id(roadmap, i), ruleset_id(roadmap, i));
		if (accord_roadmap_get_n_assessments(roadmap) < ACCORD_BUILD_MAX_SERIES)
			g_string_append_printf(series, "%s|", ruleset_id(roadmap, i));
	}
	if (several(roadmap)) {
		accord_table_add_column(table, "objective", "Objective");
		g_string_append(series, "objective");
	}
	plan_row(table, roadmap, accord_roadmap_get_start(roadmap));
	for (guint p = 0; p < accord_roadmap_get_n_phases(roadmap); p++)
		plan_row(table, roadmap, accord_roadmap_get_phase(roadmap, p));
	accord_table_add_chart(table,
			       ACCORD_CHART_STEPS,
			       "Expected score by phase",
			       "phase",
			       series->str);
}

static void
build_changes(AccordNode *item, const AccordRoadmapStep *s)
{
	AccordNode *table =
	    accord_node_add_table(item, "changes", NULL, "fact=Fact|value=Set to|from=From");

	for (guint c = 0; c < s->n_changes; c++)
		ACCORD_ROW(table,
			   accord_cell_id(accord_fact_def_get_key(s->changes[c].fact)),
			   accord_cell_text(s->changes[c].text),
			   s->changes[c].from != NULL ? accord_cell_text(s->changes[c].from)
						      : accord_cell_empty());
}

/* the criteria a step changes, each with its rule unless a report quotes each criterion under
 * its rule once */
static void
build_effects(AccordNode *item,
	      const AccordRoadmap *roadmap,
	      const AccordRoadmapStep *s,
	      AccordBuildPlace place)
{
	gboolean rules = place != ACCORD_BUILD_IN_REPORT;
	AccordNode *table =
	    accord_node_add_table(item, "criteria", NULL, "ruleset=Ruleset|criterion=Criterion");

	if (rules)
		accord_table_add_column(table, "rule", "Rule");
	accord_table_add_columns(table,
				 "before=Before|after=After|credit_before=Credit before|"
				 "credit_after=Credit after");

	for (guint e = 0; e < s->n_effects; e++) {
		const AccordRoadmapEffect *x = &s->effects[e];
		AccordCell row[7];
		guint n = 0;

		row[n++] = accord_cell_id(ruleset_id(roadmap, x->assessment));
		row[n++] = accord_cell_id(accord_criterion_get_id(x->criterion));
		if (rules)
			row[n++] = accord_cell_id(
			    accord_rule_get_id(accord_criterion_get_rule(x->criterion)));
		row[n++] = accord_cell_outcome(accord_outcome_to_string(x->before));
		row[n++] = accord_cell_outcome(accord_outcome_to_string(x->after));
		row[n++] = accord_cell_percent(x->credit_before);
		row[n++] = accord_cell_percent(x->credit_after);
		accord_table_add_row(table, row, n);
	}
}

static void
build_step(AccordNode *list, const AccordRoadmap *roadmap, guint index, AccordBuildPlace place)
{
	const AccordRoadmapStep *s = accord_roadmap_get_step(roadmap, index);
	g_autoptr(GString) title = g_string_new(NULL);
	AccordNode *item;

	g_string_append_printf(title, "Step %u:", index + 1);
	for (guint c = 0; c < s->n_changes; c++)
		g_string_append_printf(title,
				       "%s %s = %s",
				       c > 0 ? "," : "",
				       accord_fact_def_get_key(s->changes[c].fact),
				       s->changes[c].text);
	item = accord_node_add_section(list, NULL, title->str);
	ACCORD_FIELDS(
	    item,
	    {"step", "Step", accord_cell_count(index + 1), TRUE},
	    {"bundle",
	     "Bundle",
	     s->bundle != NULL ? accord_cell_id(s->bundle) : accord_cell_empty()},
	    {"cost", "Cost", accord_cell_count(s->cost)},
	    {"gain", "Gain (objective, re-scored)", accord_cell_score(s->gain)},
	    {"gain_per_unit", "Gain per unit of effort", accord_cell_number(s->value, 2)},
	    {"attainment_gain", "Gain in attainment", accord_cell_score(s->attainment_gain)},
	    {"basis", "Chosen by", accord_cell_outcome(accord_roadmap_basis_to_string(s->basis))});
	build_changes(item, s);
	build_effects(item, roadmap, s, place);
}

/* a phase: its effort and score, then its steps; alone, each ruleset's score after it too
 * (inside a briefing the plan table above shows them) */
static void
build_phase(AccordNode *list,
	    const AccordRoadmap *roadmap,
	    const AccordRoadmapPhase *p,
	    AccordBuildPlace place)
{
	g_autofree gchar *title = g_strdup_printf("Phase %u", p->number);
	AccordNode *item = accord_node_add_section(list, NULL, title);
	AccordNode *steps;

	ACCORD_FIELDS(item,
		      {"phase", "Phase", accord_cell_count(p->number), TRUE},
		      {"effort", "Effort", accord_cell_count(p->effort)});
	if (several(roadmap))
		ACCORD_FIELDS(item,
			      {"objective", "Objective after it", accord_cell_score(p->objective)});
	else
		ACCORD_FIELDS(
		    item,
		    {"score", "Score after it", accord_cell_score(p->scores[0])},
		    {"coverage", "Coverage after it", accord_cell_percent(p->coverages[0])});
	if (place == ACCORD_BUILD_ALONE) {
		AccordNode *scores = accord_node_add_section(item, "scores", NULL);

		for (guint i = 0; i < accord_roadmap_get_n_assessments(roadmap); i++)
			ACCORD_FIELDS(scores,
				      {ruleset_id(roadmap, i),
				       ruleset_id(roadmap, i),
				       accord_cell_score(p->scores[i])});
	}
	steps = accord_node_add_list(item, "steps", "Steps");
	for (guint s = p->first; s < p->first + p->n_steps; s++)
		build_step(steps, roadmap, s, place);
}

static void
build_dependencies(AccordNode *root, const AccordRoadmap *roadmap)
{
	AccordNode *table =
	    accord_node_add_table(root,
				  "dependencies",
				  "Dependencies of the criteria the steps raise",
				  "step=Step|ruleset=Ruleset|criterion=Criterion|"
				  "depends_on=Depends on|status=Which is|at_step=At step");

	for (guint i = 0; i < accord_roadmap_get_n_steps(roadmap); i++) {
		const AccordRoadmapStep *s = accord_roadmap_get_step(roadmap, i);

		for (guint e = 0; e < s->n_effects; e++) {
			const AccordRoadmapEffect *x = &s->effects[e];

			for (guint d = 0; d < x->n_dependencies; d++) {
				const AccordRoadmapDependency *dep = &x->dependencies[d];
				ACCORD_ROW(table,
					   accord_cell_count(i + 1),
					   accord_cell_id(ruleset_id(roadmap, x->assessment)),
					   accord_cell_id(accord_criterion_get_id(x->criterion)),
					   accord_cell_id(accord_criterion_get_id(dep->criterion)),
					   accord_cell_outcome(
					       accord_dependency_status_to_string(dep->status)),
					   dep->step > 0 ? accord_cell_count(dep->step)
							 : accord_cell_empty());
			}
		}
	}
}

static void
build_open(AccordNode *root, const AccordRoadmap *roadmap)
{
	AccordNode *table =
	    accord_node_add_table(root,
				  "open",
				  "Criteria the plan leaves open",
				  "ruleset=Ruleset|criterion=Criterion|outcome=Outcome|"
				  "credit=Credit|title=Title");

	for (guint i = 0; i < accord_roadmap_get_n_open(roadmap); i++) {
		const AccordRoadmapOpen *o = accord_roadmap_get_open(roadmap, i);
		ACCORD_ROW(table,
			   accord_cell_id(ruleset_id(roadmap, o->assessment)),
			   accord_cell_id(accord_criterion_get_id(o->criterion)),
			   accord_cell_outcome(accord_outcome_to_string(o->outcome)),
			   accord_cell_percent(o->credit),
			   accord_cell_text(accord_criterion_get_title(o->criterion)));
	}
}

/**
 * accord_roadmap_to_document:
 * @roadmap: a roadmap
 *
 * The plan: its header (profile, rulesets, options, what-if, tailoring and waivers of each
 * assessment), its limits and plan file, the objective and each ruleset's score by phase, each
 * phase's steps with the changes they make and the criteria they change, the dependencies the
 * steps respect, and the criteria the plan leaves open.
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_roadmap_to_document(const AccordRoadmap *roadmap)
{
	g_return_val_if_fail(roadmap != NULL, NULL);
	return accord_build_roadmap(roadmap, ACCORD_BUILD_ALONE);
}

/* the roadmap; inside a briefing without what the briefing shows already (each ruleset's
 * header, score and context, each phase's scores), and inside a report without what it says
 * once (how steps are chosen, the rule of each criterion) */
AccordDocument *
accord_build_roadmap(const AccordRoadmap *roadmap, AccordBuildPlace place)
{
	AccordDocument *doc;
	AccordNode *root, *list;

	doc = build_header(roadmap, place == ACCORD_BUILD_ALONE);
	root = accord_document_get_root(doc);
	build_limits(root, roadmap);
	if (place != ACCORD_BUILD_IN_REPORT)
		accord_node_add_text(root, ACCORD_BUILD_ROADMAP_PROSE);
	build_plan(root, roadmap);
	list = accord_node_add_list(root, "phases", "Steps by phase");
	for (guint i = 0; i < accord_roadmap_get_n_phases(roadmap); i++)
		build_phase(list, roadmap, accord_roadmap_get_phase(roadmap, i), place);
	build_dependencies(root, roadmap);
	build_open(root, roadmap);
	return doc;
}
