#include "config.h"

#include "writer-private.h"

/* table cells and inline text: escape the characters Markdown would read as syntax */
void
accord_writer_markdown_escape(GString *out, const gchar *text)
{
	for (const gchar *p = text != NULL ? text : ""; *p != '\0'; p++) {
		if (g_strrstr_len("\\`*_[]<>|#", -1, (gchar[]){*p, 0}) != NULL)
			g_string_append_c(out, '\\');
		g_string_append_c(out, *p == '\n' ? ' ' : *p);
	}
}

/* the headline number of every alternative, under the overall score */
static void
write_alternatives(const AccordReport *report, GString *out)
{
	for (guint i = 0; i < accord_report_get_n_alternatives(report); i++) {
		const AccordReport *alt = accord_report_get_alternative(report, i);
		const AccordScoreItem *overall =
		    accord_score_get_overall(accord_report_get_score(alt));
		g_autofree gchar *v = accord_writer_format_score(overall->value);
		g_autofree gchar *c = accord_writer_format_percent(overall->coverage);

		g_string_append_printf(out,
				       "- Overall score %s: %s / 100, coverage %s\n",
				       accord_report_get_alternative_label(report, i),
				       v,
				       c);
	}
}

static void
write_assumptions(const AccordReport *report, GString *out)
{
	const AccordProfile *profile =
	    accord_evaluation_get_profile(accord_report_get_evaluation(report));
	g_autoptr(GPtrArray) facts = accord_writer_get_assumptions(profile);

	if (facts->len == 0)
		return;
	g_string_append(out,
			"## What-if assumptions\n\nThe scores are computed as if the profile "
			"stated these facts.\n\n| Fact | Assumed | The profile states |\n"
			"|---|---|---|\n");
	for (guint i = 0; i < facts->len; i++) {
		const AccordProfileFact *fact = g_ptr_array_index(facts, i);
		const gchar *was = accord_profile_fact_get_assumed_from(fact);

		g_string_append_printf(out,
				       "| `%s` | ",
				       accord_fact_def_get_key(accord_profile_fact_get_def(fact)));
		accord_writer_markdown_escape(out, accord_profile_fact_get_text(fact));
		g_string_append(out, " | ");
		accord_writer_markdown_escape(out, was != NULL ? was : "not stated");
		g_string_append(out, " |\n");
	}
	g_string_append(out, "\n");
}

static void
write_tailoring(const AccordReport *report, GString *out)
{
	const AccordTailoring *tailoring = accord_report_get_tailoring(report);

	if (tailoring == NULL)
		return;
	g_string_append_printf(out, "## Tailoring\n\n`%s`: ", accord_tailoring_get_id(tailoring));
	accord_writer_markdown_escape(out, accord_tailoring_get_title(tailoring));
	g_string_append(out, "\n\n");
	for (guint i = 0; i < accord_tailoring_get_n_changes(tailoring); i++) {
		g_string_append(out, "- ");
		accord_writer_markdown_escape(out, accord_tailoring_get_change(tailoring, i));
		g_string_append(out, "\n");
	}
	g_string_append(out, "\n");
}

static void
write_waiver_use(const AccordReport *report, const AccordWaiverUse *use, GString *out)
{
	g_autofree gchar *what =
	    accord_writer_describe_waiver(use, accord_report_get_evaluation(report));

	g_string_append_printf(out, "| `%s`", use->waiver->criterion);
	if (use->criterion != NULL) {
		g_string_append(out, " ");
		accord_writer_markdown_escape(out, accord_criterion_get_title(use->criterion));
	}
	g_string_append_printf(out, " | %s | ", accord_waiver_status_to_string(use->status));
	accord_writer_markdown_escape(out, what);
	g_string_append(out, " | ");
	accord_writer_markdown_escape(out, use->waiver->justification);
	g_string_append(out, " |\n");
}

/* waived items apart from the scores, with the score before and after the waivers */
static void
write_waivers(const AccordReport *report, GString *out)
{
	const AccordWaiverOutcome *outcome = accord_report_get_waivers(report);
	const AccordReport *before =
	    accord_writer_find_alternative(report, ACCORD_WRITER_BEFORE_WAIVERS);

	if (outcome == NULL)
		return;
	g_string_append_printf(out,
			       "## Waivers\n\nChecked on %s. An applied waiver counts its "
			       "criterion as met; a lapsed or orphan one counts for nothing.",
			       accord_waiver_outcome_get_date(outcome));
	if (before != NULL) {
		g_autofree gchar *b = accord_writer_format_score(
		    accord_score_get_overall(accord_report_get_score(before))->value);
		g_autofree gchar *a = accord_writer_format_score(
		    accord_score_get_overall(accord_report_get_score(report))->value);

		g_string_append_printf(out,
				       " Overall score before waivers: %s / 100; after: %s / 100.",
				       b,
				       a);
	}
	if (accord_waiver_outcome_get_n_uses(outcome) == 0) {
		g_string_append(out, "\n\nNo waiver is for this country and ruleset.\n\n");
		return;
	}
	g_string_append(out,
			"\n\n| Criterion | Status | What it does | Justification |\n"
			"|---|---|---|---|\n");
	for (guint i = 0; i < accord_waiver_outcome_get_n_uses(outcome); i++)
		write_waiver_use(report, accord_waiver_outcome_get_use(outcome, i), out);
	g_string_append(out, "\n");
}

static void
write_summary(const AccordReport *report, GString *out)
{
	const AccordScore *score = accord_report_get_score(report);
	const AccordEvaluation *evaluation = accord_score_get_evaluation(score);
	const AccordRuleset *rs = accord_evaluation_get_ruleset(evaluation);
	const AccordProfile *p = accord_evaluation_get_profile(evaluation);
	const AccordScoreOptions *options = accord_score_get_options(score);
	g_autofree gchar *v = accord_writer_format_score(accord_score_get_overall(score)->value);
	g_autofree gchar *c =
	    accord_writer_format_percent(accord_score_get_overall(score)->coverage);

	g_string_append(out, "# ");
	accord_writer_markdown_escape(out, accord_profile_get_name(p));
	g_string_append_printf(out, " against %s\n\n", accord_ruleset_get_id(rs));
	g_string_append_printf(out,
			       "- Profile: %s, as of %s\n",
			       accord_profile_get_country(p),
			       accord_profile_get_as_of(p));
	g_string_append(out, "- Ruleset: ");
	accord_writer_markdown_escape(out, accord_ruleset_get_title(rs));
	g_string_append_printf(out, " (version %s)\n", accord_ruleset_get_version(rs));
	g_string_append_printf(out,
			       "- Model: %s, %s aggregation, unknown scored as %s\n",
			       accord_score_model_to_string(options->model),
			       accord_aggregation_to_string(options->aggregation),
			       accord_unknown_policy_to_string(options->unknown));
	g_string_append_printf(out, "- **Overall score: %s / 100**, coverage %s\n", v, c);
	write_alternatives(report, out);
	g_string_append(out, "\n");
	g_string_append(out, "| Pillar | Score | Coverage |\n|---|---:|---:|\n");
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *pillar = accord_ruleset_get_pillar(rs, i);
		const AccordScoreItem *item = accord_score_get_pillar(score, pillar);
		g_autofree gchar *pv = accord_writer_format_score(item->value);
		g_autofree gchar *pc = accord_writer_format_percent(item->coverage);

		g_string_append(out, "| ");
		accord_writer_markdown_escape(out, accord_pillar_get_title(pillar));
		g_string_append_printf(out, " | %s | %s |\n", pv, pc);
	}
	g_string_append(out, "\n");
	write_assumptions(report, out);
	write_tailoring(report, out);
	write_waivers(report, out);
}

static void
write_rules(const AccordReport *report, GString *out)
{
	const AccordScore *score = accord_report_get_score(report);
	const AccordRuleset *rs = accord_evaluation_get_ruleset(accord_score_get_evaluation(score));

	const AccordTailoring *tailoring = accord_score_get_options(score)->tailoring;

	g_string_append(out,
			"## Rules\n\n| Rule | Citation | Score | Coverage | Weight share |\n"
			"|---|---|---:|---:|---:|\n");
	for (guint i = 0; i < accord_ruleset_get_n_rules(rs); i++) {
		const AccordRule *rule = accord_ruleset_get_rule(rs, i);
		const AccordScoreItem *item = accord_score_get_rule(score, rule);
		g_autofree gchar *v = accord_writer_format_score(item->value);
		g_autofree gchar *c = accord_writer_format_percent(item->coverage);
		g_autofree gchar *s = accord_writer_format_percent(item->share);

		g_string_append(out, "| ");
		accord_writer_markdown_escape(out, accord_rule_get_id(rule));
		if (tailoring != NULL && !accord_tailoring_selects_rule(tailoring, rule))
			g_string_append(out, " (deselected)");
		g_string_append(out, " | ");
		accord_writer_markdown_escape(out, accord_rule_get_cite(rule));
		g_string_append_printf(out, " | %s | %s | %s |\n", v, c, s);
	}
}

static void
write_unmet(const AccordReport *report, const AccordGap *gap, GString *out)
{
	const AccordEvaluation *evaluation = accord_report_get_evaluation(report);

	for (guint i = 0; i < gap->unmet->len; i++) {
		const AccordCriterion *criterion = g_ptr_array_index(gap->unmet, i);
		const AccordCriterionResult *r =
		    accord_evaluation_get_result(evaluation, criterion);
		g_autoptr(GPtrArray) keys = g_ptr_array_new();
		g_autofree gchar *credit = accord_writer_format_percent(r->credit);

		g_string_append_printf(out,
				       "- `%s` (%s, credit %s): ",
				       accord_criterion_get_id(criterion),
				       accord_outcome_to_string(r->outcome),
				       credit);
		accord_writer_markdown_escape(out, accord_criterion_get_title(criterion));
		g_string_append(out, "\n");
		if (accord_criterion_get_precondition(criterion) != NULL)
			accord_writer_collect_facts(accord_criterion_get_precondition(criterion),
						    keys);
		accord_writer_collect_facts(accord_criterion_get_check(criterion), keys);
		for (guint k = 0; k < keys->len; k++) {
			g_autofree gchar *fact =
			    accord_writer_describe_fact(accord_evaluation_get_profile(evaluation),
							g_ptr_array_index(keys, k));
			g_string_append(out, "  - profile: ");
			accord_writer_markdown_escape(out, fact);
			g_string_append(out, "\n");
		}
	}
}

static void
write_gaps(const AccordReport *report, GString *out)
{
	const AccordGapList *gaps = accord_report_get_gaps(report);
	g_autofree gchar *total = accord_writer_format_score(accord_gap_list_get_total(gaps));

	g_string_append_printf(out,
			       "## Gaps\n\n%u rule(s) short of full marks, %s points in all. "
			       "Gap = weight share × (100 − rule score).\n\n",
			       accord_gap_list_get_n_gaps(gaps),
			       total);
	for (guint i = 0; i < accord_gap_list_get_n_gaps(gaps); i++) {
		const AccordGap *gap = accord_gap_list_get_gap(gaps, i);
		g_autofree gchar *g = accord_writer_format_score(gap->gap);
		g_autofree gchar *s = accord_writer_format_score(gap->score);
		g_autofree gchar *share = accord_writer_format_percent(gap->share);

		g_string_append_printf(out, "### %u. ", i + 1);
		accord_writer_markdown_escape(out, accord_rule_get_title(gap->rule));
		g_string_append_printf(out,
				       " (`%s`)\n\n**Gap %s points** = share %s × (100 − %s)\n\n> ",
				       accord_rule_get_id(gap->rule),
				       g,
				       share,
				       s);
		accord_writer_markdown_escape(out, accord_rule_get_provision(gap->rule));
		g_string_append(out, "\n>\n> — ");
		accord_writer_markdown_escape(out, accord_rule_get_cite(gap->rule));
		g_string_append_printf(
		    out,
		    " (%s%s)\n\n",
		    accord_obligation_get_id(accord_rule_get_obligation(gap->rule)),
		    accord_rule_is_verified(gap->rule) ? "" : "; text not verified");
		write_unmet(report, gap, out);
		g_string_append(out, "\n**Recommendation:** ");
		accord_writer_markdown_escape(out, accord_rule_get_recommendation(gap->rule));
		g_string_append(out, "\n\n");
	}
}

static void
write_validation(const AccordReport *report, GString *out)
{
	g_string_append(out, "# Validation\n\n| File | Valid | Details |\n|---|---|---|\n");
	for (guint i = 0; i < accord_report_get_n_validations(report); i++) {
		const AccordValidation *v = accord_report_get_validation(report, i);

		g_string_append(out, "| ");
		accord_writer_markdown_escape(out, v->path);
		g_string_append_printf(out, " | %s | ", v->error == NULL ? "yes" : "**no**");
		accord_writer_markdown_escape(out, v->error == NULL ? v->summary : v->error);
		g_string_append(out, " |\n");
	}
}

static void
write_score_report(const AccordReport *report, GString *out)
{
	write_summary(report, out);
	write_rules(report, out);
}

static void
write_gaps_report(const AccordReport *report, GString *out)
{
	write_summary(report, out);
	write_gaps(report, out);
}

const AccordWriteFunc accord_writers_markdown[ACCORD_REPORT_N_KINDS] = {
    [ACCORD_REPORT_SCORE] = write_score_report,
    [ACCORD_REPORT_GAPS] = write_gaps_report,
    [ACCORD_REPORT_VALIDATION] = write_validation,
    [ACCORD_REPORT_RANK] = accord_writer_rank_markdown,
    [ACCORD_REPORT_COMPARE] = accord_writer_compare_markdown,
    [ACCORD_REPORT_ROADMAP] = accord_writer_roadmap_markdown,
    [ACCORD_REPORT_DIFF] = accord_writer_diff_markdown,
    [ACCORD_REPORT_EXPLAIN] = accord_writer_explain_markdown,
};
