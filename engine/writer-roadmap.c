#include "config.h"

#include "writer-private.h"

/* The roadmap view (accord roadmap): the starting score, then the plan phase by phase, each
 * with the score the engine re-computed for it, and every step with the numbers behind its
 * place in the order. Every number comes from the AccordRoadmap; nothing is computed here. */

/* how one dependency of a step stands: met already, planned as an earlier step, or out of
 * the assessment; @step is set to the 1-based step number when it is planned. "open" cannot
 * occur: the roadmap plans every open criterion, and no step before its dependencies */
static const gchar *
dependency_status(const AccordRoadmap *roadmap, const AccordCriterion *dep, guint *step)
{
	const AccordScore *score = accord_roadmap_get_score(roadmap);
	AccordOutcome outcome =
	    accord_evaluation_get_result(accord_score_get_evaluation(score), dep)->outcome;

	*step = 0;
	for (guint i = 0; i < accord_roadmap_get_n_steps(roadmap); i++) {
		if (accord_roadmap_get_step(roadmap, i)->criterion == dep) {
			*step = i + 1;
			return "planned";
		}
	}
	if (!accord_score_selects_criterion(score, dep))
		return "deselected";
	if (outcome == ACCORD_OUTCOME_PASS)
		return "met";
	if (outcome == ACCORD_OUTCOME_NOT_APPLICABLE)
		return "not-applicable";
	return "open";
}

/* "c-csirt (met), c-x (step 2)", or NULL when the criterion depends on nothing */
static gchar *
describe_dependencies(const AccordRoadmap *roadmap, const AccordCriterion *criterion)
{
	GString *out;

	if (accord_criterion_get_n_depends(criterion) == 0)
		return NULL;
	out = g_string_new(NULL);
	for (guint i = 0; i < accord_criterion_get_n_depends(criterion); i++) {
		const AccordCriterion *dep = accord_criterion_get_depends(criterion, i);
		guint step = 0;
		const gchar *status = dependency_status(roadmap, dep, &step);

		if (i > 0)
			g_string_append(out, ", ");
		if (step > 0)
			g_string_append_printf(out,
					       "%s (step %u)",
					       accord_criterion_get_id(dep),
					       step);
		else
			g_string_append_printf(out,
					       "%s (%s)",
					       accord_criterion_get_id(dep),
					       status);
	}
	return g_string_free(out, FALSE);
}

/* space-separated ids, the way the gaps CSV lists unmet criteria */
static gchar *
join_dependencies(const AccordCriterion *criterion)
{
	GString *out = g_string_new(NULL);

	for (guint i = 0; i < accord_criterion_get_n_depends(criterion); i++) {
		if (i > 0)
			g_string_append_c(out, ' ');
		g_string_append(
		    out,
		    accord_criterion_get_id(accord_criterion_get_depends(criterion, i)));
	}
	return g_string_free(out, FALSE);
}

static const AccordCriterionResult *
step_result(const AccordRoadmap *roadmap, const AccordRoadmapStep *step)
{
	return accord_evaluation_get_result(
	    accord_score_get_evaluation(accord_roadmap_get_score(roadmap)),
	    step->criterion);
}

/* "low (1)": the effort level and its cost in units, the divisor of the value */
static gchar *
format_effort(const AccordCriterion *criterion)
{
	AccordEffort effort = accord_criterion_get_effort(criterion);

	return g_strdup_printf("%s (%u)", accord_effort_to_string(effort), (guint)effort);
}

static const AccordProfile *
report_profile(const AccordReport *report)
{
	return accord_evaluation_get_profile(accord_report_get_evaluation(report));
}

static const AccordRuleset *
report_ruleset(const AccordReport *report)
{
	return accord_evaluation_get_ruleset(accord_report_get_evaluation(report));
}

/* text */

static void
write_context_text(const AccordReport *report, GString *out)
{
	const AccordProfile *profile = report_profile(report);
	const AccordRuleset *rs = report_ruleset(report);
	const AccordScoreOptions *options =
	    accord_score_get_options(accord_report_get_score(report));

	g_string_append_printf(out,
			       "Profile:  %s (%s), as of %s\n",
			       accord_profile_get_name(profile),
			       accord_profile_get_country(profile),
			       accord_profile_get_as_of(profile));
	g_string_append_printf(out,
			       "Ruleset:  %s version %s: %s\n",
			       accord_ruleset_get_id(rs),
			       accord_ruleset_get_version(rs),
			       accord_ruleset_get_title(rs));
	g_string_append_printf(out,
			       "Model:    %s, %s aggregation, unknown facts scored as %s\n\n",
			       accord_score_model_to_string(options->model),
			       accord_aggregation_to_string(options->aggregation),
			       accord_unknown_policy_to_string(options->unknown));
}

/* the same plan's starting point under other assumptions, and what was assumed */
static void
write_alternatives_text(const AccordReport *report, GString *out)
{
	accord_writer_what_if_text(report, report_profile(report), "Starting score", out);
}

static void
write_start_text(const AccordReport *report, GString *out)
{
	const AccordRoadmap *roadmap = accord_report_get_roadmap(report);
	const AccordScoreItem *o = accord_score_get_overall(accord_report_get_score(report));
	g_autofree gchar *v = accord_writer_format_score(o->value);
	g_autofree gchar *c = accord_writer_format_percent(o->coverage);

	g_string_append_printf(out,
			       "Starting score: %s / 100   (coverage %s of criterion weight has "
			       "known facts)\n",
			       v,
			       c);
	write_alternatives_text(report, out);
	g_string_append_printf(out,
			       "\nPlan:     %u step(s) in %u phase(s) of at most %u effort units "
			       "(low 1, medium 2, high 3)\n",
			       accord_roadmap_get_n_steps(roadmap),
			       accord_roadmap_get_n_phases(roadmap),
			       accord_roadmap_get_phase_effort(roadmap));
	g_string_append(
	    out,
	    "Order:    by value = gain / effort: the points of overall score that meeting "
	    "the step alone\n"
	    "          adds (re-scored) per unit of effort; no criterion comes before one "
	    "it depends on\n\n");
}

static void
write_step_text(const AccordRoadmap *roadmap, guint index, GString *out)
{
	const AccordRoadmapStep *step = accord_roadmap_get_step(roadmap, index);
	const AccordCriterionResult *r = step_result(roadmap, step);
	const AccordRule *rule = accord_criterion_get_rule(step->criterion);
	g_autofree gchar *credit = accord_writer_format_percent(r->credit);
	g_autofree gchar *weight = accord_writer_format_percent(step->weight);
	g_autofree gchar *shortfall = accord_writer_format_percent(step->shortfall);
	g_autofree gchar *effort = format_effort(step->criterion);
	g_autofree gchar *value = accord_writer_format_score(step->value);
	g_autofree gchar *gain = accord_writer_format_score(step->gain);
	g_autofree gchar *gap = accord_writer_format_score(step->rule_gap);
	g_autofree gchar *deps = describe_dependencies(roadmap, step->criterion);

	g_string_append_printf(out,
			       "  %u. %s: %s\n",
			       index + 1,
			       accord_criterion_get_id(step->criterion),
			       accord_criterion_get_title(step->criterion));
	g_string_append_printf(
	    out,
	    "     now %s (credit %s); weight %s, shortfall %s; gain %s / effort %s: "
	    "value %s\n",
	    accord_outcome_to_string(r->outcome),
	    credit,
	    weight,
	    shortfall,
	    gain,
	    effort,
	    value);
	if (deps != NULL)
		g_string_append_printf(out, "     depends on %s\n", deps);
	g_string_append_printf(out,
			       "     rule gap it closes: %s (%s), %s points\n",
			       accord_rule_get_id(rule),
			       accord_rule_get_cite(rule),
			       gap);
}

static void
write_phase_text(const AccordRoadmap *roadmap, const AccordRoadmapPhase *phase, GString *out)
{
	g_autofree gchar *v = accord_writer_format_score(phase->score);
	g_autofree gchar *c = accord_writer_format_percent(phase->coverage);

	g_string_append_printf(out,
			       "Phase %u: effort %u of %u; expected score after it %s / 100 "
			       "(coverage %s), re-scored\n",
			       phase->number,
			       phase->effort,
			       accord_roadmap_get_phase_effort(roadmap),
			       v,
			       c);
	for (guint i = phase->first; i < phase->first + phase->n_steps; i++)
		write_step_text(roadmap, i, out);
	g_string_append(out, "\n");
}

void
accord_writer_roadmap_text(const AccordReport *report, GString *out)
{
	const AccordRoadmap *roadmap = accord_report_get_roadmap(report);

	g_string_append(out, "Accord roadmap\n\n");
	write_context_text(report, out);
	write_start_text(report, out);
	if (accord_roadmap_get_n_phases(roadmap) == 0)
		g_string_append(out, "Nothing to plan: every applicable criterion is met.\n");
	for (guint p = 0; p < accord_roadmap_get_n_phases(roadmap); p++)
		write_phase_text(roadmap, accord_roadmap_get_phase(roadmap, p), out);
}

/* markdown */

static void
write_summary_markdown(const AccordReport *report, GString *out)
{
	const AccordProfile *p = report_profile(report);
	const AccordRuleset *rs = report_ruleset(report);
	const AccordRoadmap *roadmap = accord_report_get_roadmap(report);
	const AccordScoreOptions *options =
	    accord_score_get_options(accord_report_get_score(report));
	const AccordScoreItem *o = accord_score_get_overall(accord_report_get_score(report));
	g_autofree gchar *v = accord_writer_format_score(o->value);
	g_autofree gchar *c = accord_writer_format_percent(o->coverage);

	g_string_append(out, "# Roadmap: ");
	accord_writer_markdown_escape(out, accord_profile_get_name(p));
	g_string_append_printf(out, " against %s\n\n", accord_ruleset_get_id(rs));
	g_string_append_printf(out,
			       "- Profile: %s, as of %s\n- Ruleset: ",
			       accord_profile_get_country(p),
			       accord_profile_get_as_of(p));
	accord_writer_markdown_escape(out, accord_ruleset_get_title(rs));
	g_string_append_printf(out,
			       " (version %s)\n- Model: %s, %s aggregation, unknown scored as %s\n",
			       accord_ruleset_get_version(rs),
			       accord_score_model_to_string(options->model),
			       accord_aggregation_to_string(options->aggregation),
			       accord_unknown_policy_to_string(options->unknown));
	g_string_append_printf(out, "- **Starting score: %s / 100**, coverage %s\n", v, c);
	g_string_append_printf(out,
			       "- Plan: %u step(s) in %u phase(s) of at most %u effort units "
			       "(low 1, medium 2, high 3)\n",
			       accord_roadmap_get_n_steps(roadmap),
			       accord_roadmap_get_n_phases(roadmap),
			       accord_roadmap_get_phase_effort(roadmap));
}

static void
write_alternatives_markdown(const AccordReport *report, GString *out)
{
	g_autoptr(GPtrArray) facts = accord_writer_get_assumptions(report_profile(report));

	for (guint i = 0; i < accord_report_get_n_alternatives(report); i++) {
		const AccordReport *alt = accord_report_get_alternative(report, i);
		const AccordScoreItem *o = accord_score_get_overall(accord_report_get_score(alt));
		g_autofree gchar *v = accord_writer_format_score(o->value);
		g_autofree gchar *c = accord_writer_format_percent(o->coverage);

		g_string_append(out, "- Starting score ");
		accord_writer_markdown_escape(out, accord_report_get_alternative_label(report, i));
		g_string_append_printf(out, ": %s / 100, coverage %s\n", v, c);
	}
	for (guint i = 0; i < facts->len; i++) {
		g_autofree gchar *text =
		    accord_writer_describe_assumption(g_ptr_array_index(facts, i));

		g_string_append(out, "- What-if assumption: ");
		accord_writer_markdown_escape(out, text);
		g_string_append(out, "\n");
	}
	accord_writer_tailoring(report, TRUE, out);
}

static void
write_step_markdown(const AccordRoadmap *roadmap, guint index, GString *out)
{
	const AccordRoadmapStep *step = accord_roadmap_get_step(roadmap, index);
	const AccordCriterionResult *r = step_result(roadmap, step);
	const AccordRule *rule = accord_criterion_get_rule(step->criterion);
	g_autofree gchar *credit = accord_writer_format_percent(r->credit);
	g_autofree gchar *weight = accord_writer_format_percent(step->weight);
	g_autofree gchar *shortfall = accord_writer_format_percent(step->shortfall);
	g_autofree gchar *effort = format_effort(step->criterion);
	g_autofree gchar *value = accord_writer_format_score(step->value);
	g_autofree gchar *gain = accord_writer_format_score(step->gain);
	g_autofree gchar *gap = accord_writer_format_score(step->rule_gap);
	g_autofree gchar *deps = describe_dependencies(roadmap, step->criterion);

	g_string_append_printf(out,
			       "| %u | `%s` ",
			       index + 1,
			       accord_criterion_get_id(step->criterion));
	accord_writer_markdown_escape(out, accord_criterion_get_title(step->criterion));
	g_string_append_printf(out,
			       " | %s, %s | %s | %s | %s | %s | %s | ",
			       accord_outcome_to_string(r->outcome),
			       credit,
			       weight,
			       shortfall,
			       gain,
			       effort,
			       value);
	accord_writer_markdown_escape(out, deps != NULL ? deps : "—");
	g_string_append_printf(out, " | `%s` ", accord_rule_get_id(rule));
	accord_writer_markdown_escape(out, accord_rule_get_cite(rule));
	g_string_append_printf(out, " | %s |\n", gap);
}

static void
write_phase_markdown(const AccordRoadmap *roadmap, const AccordRoadmapPhase *phase, GString *out)
{
	g_autofree gchar *v = accord_writer_format_score(phase->score);
	g_autofree gchar *c = accord_writer_format_percent(phase->coverage);

	g_string_append_printf(out,
			       "## Phase %u: expected score %s / 100\n\n"
			       "Effort %u of %u; coverage after it %s; re-scored with steps 1–%u "
			       "met.\n\n",
			       phase->number,
			       v,
			       phase->effort,
			       accord_roadmap_get_phase_effort(roadmap),
			       c,
			       phase->first + phase->n_steps);
	g_string_append(out,
			"| Step | Criterion | Now | Weight | Shortfall | Gain | Effort | Value | "
			"Depends on | Rule | Rule gap |\n"
			"|---:|---|---|---:|---:|---:|---|---:|---|---|---:|\n");
	for (guint i = phase->first; i < phase->first + phase->n_steps; i++)
		write_step_markdown(roadmap, i, out);
	g_string_append(out, "\n");
}

void
accord_writer_roadmap_markdown(const AccordReport *report, GString *out)
{
	const AccordRoadmap *roadmap = accord_report_get_roadmap(report);

	write_summary_markdown(report, out);
	write_alternatives_markdown(report, out);
	g_string_append(
	    out,
	    "\nValue = gain ÷ effort: the points of overall score that meeting the step "
	    "alone adds (re-scored; 100 × weight × shortfall under the weighted model) "
	    "per unit of effort. Steps go by value, and no criterion comes "
	    "before one it depends on. Each phase's score is re-computed with every "
	    "step up to its end taken as met.\n\n");
	if (accord_roadmap_get_n_phases(roadmap) == 0)
		g_string_append(out, "Nothing to plan: every applicable criterion is met.\n");
	for (guint p = 0; p < accord_roadmap_get_n_phases(roadmap); p++)
		write_phase_markdown(roadmap, accord_roadmap_get_phase(roadmap, p), out);
}

/* csv: one record per step, with its phase's numbers and the starting score repeated, so
 * each line stands alone in a spreadsheet or a data frame */

static void
write_step_csv(const AccordReport *report,
	       const AccordRoadmapPhase *phase,
	       guint index,
	       GString *out)
{
	const AccordRoadmap *roadmap = accord_report_get_roadmap(report);
	const AccordRoadmapStep *step = accord_roadmap_get_step(roadmap, index);
	const AccordCriterionResult *r = step_result(roadmap, step);
	const AccordRule *rule = accord_criterion_get_rule(step->criterion);
	AccordEffort effort = accord_criterion_get_effort(step->criterion);
	g_autofree gchar *start = accord_writer_format_score(
	    accord_score_get_overall(accord_report_get_score(report))->value);
	g_autofree gchar *budget = g_strdup_printf("%u", accord_roadmap_get_phase_effort(roadmap));
	g_autofree gchar *number = g_strdup_printf("%u", phase->number);
	g_autofree gchar *cost = g_strdup_printf("%u", phase->effort);
	g_autofree gchar *pscore = accord_writer_format_score(phase->score);
	g_autofree gchar *pcov = accord_writer_format_score(100.0 * phase->coverage);
	g_autofree gchar *n = g_strdup_printf("%u", index + 1);
	g_autofree gchar *credit = accord_writer_format_score(100.0 * r->credit);
	g_autofree gchar *weight = accord_writer_format_score(100.0 * step->weight);
	g_autofree gchar *shortfall = accord_writer_format_score(100.0 * step->shortfall);
	g_autofree gchar *step_cost = g_strdup_printf("%u", (guint)effort);
	g_autofree gchar *gain = accord_writer_format_score(step->gain);
	g_autofree gchar *value = accord_writer_format_score(step->value);
	g_autofree gchar *gap = accord_writer_format_score(step->rule_gap);
	g_autofree gchar *deps = join_dependencies(step->criterion);
	const gchar *fields[] = {accord_profile_get_country(report_profile(report)),
				 accord_ruleset_get_id(report_ruleset(report)),
				 start,
				 budget,
				 number,
				 cost,
				 pscore,
				 pcov,
				 n,
				 accord_criterion_get_id(step->criterion),
				 accord_criterion_get_title(step->criterion),
				 accord_outcome_to_string(r->outcome),
				 credit,
				 weight,
				 shortfall,
				 accord_effort_to_string(effort),
				 step_cost,
				 gain,
				 value,
				 deps,
				 accord_rule_get_id(rule),
				 accord_rule_get_cite(rule),
				 gap};

	accord_writer_csv_row(out, fields, G_N_ELEMENTS(fields));
}

void
accord_writer_roadmap_csv(const AccordReport *report, GString *out)
{
	const AccordRoadmap *roadmap = accord_report_get_roadmap(report);
	const gchar *header[] = {"country",    "ruleset",    "start_score",   "phase_budget",
				 "phase",      "phase_cost", "phase_score",   "phase_coverage_pct",
				 "step",       "criterion",  "title",	      "outcome",
				 "credit_pct", "weight_pct", "shortfall_pct", "effort",
				 "cost",       "gain",	     "value",	      "depends_on",
				 "rule",       "cite",	     "rule_gap"};

	accord_writer_csv_row(out, header, G_N_ELEMENTS(header));
	for (guint p = 0; p < accord_roadmap_get_n_phases(roadmap); p++) {
		const AccordRoadmapPhase *phase = accord_roadmap_get_phase(roadmap, p);

		for (guint i = phase->first; i < phase->first + phase->n_steps; i++)
			write_step_csv(report, phase, i, out);
	}
}

/* json */

static void
add_context_json(JsonBuilder *b, const AccordReport *report)
{
	accord_json_add_context(b,
				report_profile(report),
				report_ruleset(report),
				accord_score_get_options(accord_report_get_score(report)));
}

static void
add_alternatives_json(JsonBuilder *b, const AccordReport *report)
{
	accord_json_add_what_if(b, report, report_profile(report));
}

static void
add_dependencies_json(JsonBuilder *b,
		      const AccordRoadmap *roadmap,
		      const AccordCriterion *criterion)
{
	json_builder_set_member_name(b, "depends_on");
	json_builder_begin_array(b);
	for (guint i = 0; i < accord_criterion_get_n_depends(criterion); i++) {
		const AccordCriterion *dep = accord_criterion_get_depends(criterion, i);
		guint step = 0;
		const gchar *status = dependency_status(roadmap, dep, &step);

		json_builder_begin_object(b);
		accord_json_add_string(b, "id", accord_criterion_get_id(dep));
		accord_json_add_string(b, "status", status);
		json_builder_set_member_name(b, "step");
		if (step > 0)
			json_builder_add_int_value(b, step);
		else
			json_builder_add_null_value(b);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

static void
add_step_json(JsonBuilder *b, const AccordRoadmap *roadmap, guint index)
{
	const AccordRoadmapStep *step = accord_roadmap_get_step(roadmap, index);
	const AccordCriterionResult *r = step_result(roadmap, step);
	const AccordRule *rule = accord_criterion_get_rule(step->criterion);
	AccordEffort effort = accord_criterion_get_effort(step->criterion);

	json_builder_begin_object(b);
	json_builder_set_member_name(b, "step");
	json_builder_add_int_value(b, index + 1);
	accord_json_add_string(b, "id", accord_criterion_get_id(step->criterion));
	accord_json_add_string(b, "title", accord_criterion_get_title(step->criterion));
	accord_json_add_string(b, "outcome", accord_outcome_to_string(r->outcome));
	accord_json_add_number(b, "credit", r->credit);
	accord_json_add_number(b, "weight", step->weight);
	accord_json_add_number(b, "shortfall", step->shortfall);
	accord_json_add_string(b, "effort", accord_effort_to_string(effort));
	json_builder_set_member_name(b, "cost");
	json_builder_add_int_value(b, effort);
	accord_json_add_number(b, "gain", step->gain);
	accord_json_add_number(b, "value", step->value);
	add_dependencies_json(b, roadmap, step->criterion);
	accord_json_add_string(b, "rule", accord_rule_get_id(rule));
	accord_json_add_string(b, "cite", accord_rule_get_cite(rule));
	accord_json_add_number(b, "rule_gap", step->rule_gap);
	json_builder_end_object(b);
}

static void
add_phases_json(JsonBuilder *b, const AccordRoadmap *roadmap)
{
	json_builder_set_member_name(b, "phases");
	json_builder_begin_array(b);
	for (guint p = 0; p < accord_roadmap_get_n_phases(roadmap); p++) {
		const AccordRoadmapPhase *phase = accord_roadmap_get_phase(roadmap, p);

		json_builder_begin_object(b);
		json_builder_set_member_name(b, "number");
		json_builder_add_int_value(b, phase->number);
		json_builder_set_member_name(b, "effort");
		json_builder_add_int_value(b, phase->effort);
		accord_json_add_number(b, "score", phase->score);
		accord_json_add_number(b, "coverage", phase->coverage);
		json_builder_set_member_name(b, "steps");
		json_builder_begin_array(b);
		for (guint i = phase->first; i < phase->first + phase->n_steps; i++)
			add_step_json(b, roadmap, i);
		json_builder_end_array(b);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

void
accord_writer_roadmap_json(const AccordReport *report, GString *out)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	const AccordRoadmap *roadmap = accord_report_get_roadmap(report);

	json_builder_begin_object(b);
	accord_json_add_document_header(b, "roadmap");
	add_context_json(b, report);
	json_builder_set_member_name(b, "start");
	json_builder_begin_object(b);
	accord_json_add_item(b, accord_score_get_overall(accord_report_get_score(report)));
	json_builder_end_object(b);
	add_alternatives_json(b, report);
	json_builder_set_member_name(b, "phase_effort");
	json_builder_add_int_value(b, accord_roadmap_get_phase_effort(roadmap));
	add_phases_json(b, roadmap);
	json_builder_end_object(b);
	accord_json_emit(b, out);
}
