#include "config.h"

#include "writer-private.h"

static void
write_header(const AccordReport *report, GString *out)
{
	const AccordScore *score = accord_report_get_score(report);
	const AccordEvaluation *evaluation = accord_score_get_evaluation(score);
	const AccordRuleset *rs = accord_evaluation_get_ruleset(evaluation);
	const AccordProfile *profile = accord_evaluation_get_profile(evaluation);
	const AccordScoreOptions *options = accord_score_get_options(score);
	const AccordScoreItem *overall = accord_score_get_overall(score);
	g_autofree gchar *value = accord_writer_format_score(overall->value);
	g_autofree gchar *coverage = accord_writer_format_percent(overall->coverage);

	g_string_append_printf(out,
			       "Accord %s report\n\n",
			       accord_report_get_kind(report) == ACCORD_REPORT_GAPS ? "gap"
										    : "score");
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
	g_string_append_printf(out,
			       "Overall score: %s / 100   (coverage %s of criterion weight "
			       "has known facts)\n\n",
			       value,
			       coverage);
	g_string_append(out, "Pillars:\n");
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *pillar = accord_ruleset_get_pillar(rs, i);
		const AccordScoreItem *item = accord_score_get_pillar(score, pillar);
		g_autofree gchar *v = accord_writer_format_score(item->value);
		g_autofree gchar *c = accord_writer_format_percent(item->coverage);

		g_string_append_printf(out,
				       "  %-32s %6s   coverage %6s   %s\n",
				       accord_pillar_get_id(pillar),
				       v,
				       c,
				       accord_pillar_get_title(pillar));
	}
	g_string_append(out, "\n");
}

static void
write_criteria(const AccordReport *report, const AccordRule *rule, GString *out)
{
	const AccordScore *score = accord_report_get_score(report);
	const AccordEvaluation *evaluation = accord_score_get_evaluation(score);

	for (guint i = 0; i < accord_rule_get_n_criteria(rule); i++) {
		const AccordCriterion *criterion = accord_rule_get_criterion(rule, i);
		const AccordCriterionResult *r =
		    accord_evaluation_get_result(evaluation, criterion);
		g_autofree gchar *credit = accord_writer_format_percent(r->credit);

		g_string_append_printf(out,
				       "    [%s %s] %s: %s\n      %s\n",
				       accord_outcome_to_string(r->outcome),
				       credit,
				       accord_criterion_get_id(criterion),
				       accord_criterion_get_title(criterion),
				       r->reason);
	}
}

static void
write_rules(const AccordReport *report, GString *out)
{
	const AccordScore *score = accord_report_get_score(report);
	const AccordRuleset *rs = accord_evaluation_get_ruleset(accord_score_get_evaluation(score));

	g_string_append(out, "Rules:\n");
	for (guint i = 0; i < accord_ruleset_get_n_rules(rs); i++) {
		const AccordRule *rule = accord_ruleset_get_rule(rs, i);
		const AccordScoreItem *item = accord_score_get_rule(score, rule);
		g_autofree gchar *v = accord_writer_format_score(item->value);
		g_autofree gchar *c = accord_writer_format_percent(item->coverage);
		g_autofree gchar *s = accord_writer_format_percent(item->share);

		g_string_append_printf(out,
				       "  %s  %s / 100  (coverage %s, weight share %s)  %s\n",
				       accord_rule_get_id(rule),
				       v,
				       c,
				       s,
				       accord_rule_get_title(rule));
		write_criteria(report, rule, out);
	}
}

static void
write_unmet(const AccordReport *report, const AccordGap *gap, GString *out)
{
	const AccordEvaluation *evaluation = accord_report_get_evaluation(report);
	const AccordProfile *profile = accord_evaluation_get_profile(evaluation);

	g_string_append(out, "   Unmet criteria:\n");
	for (guint i = 0; i < gap->unmet->len; i++) {
		const AccordCriterion *criterion = g_ptr_array_index(gap->unmet, i);
		const AccordCriterionResult *r =
		    accord_evaluation_get_result(evaluation, criterion);
		g_autoptr(GPtrArray) keys = g_ptr_array_new();
		g_autofree gchar *credit = accord_writer_format_percent(r->credit);

		g_string_append_printf(out,
				       "   - %s (%s, credit %s): %s\n",
				       accord_criterion_get_id(criterion),
				       accord_outcome_to_string(r->outcome),
				       credit,
				       accord_criterion_get_title(criterion));
		if (accord_criterion_get_precondition(criterion) != NULL)
			accord_writer_collect_facts(accord_criterion_get_precondition(criterion),
						    keys);
		accord_writer_collect_facts(accord_criterion_get_check(criterion), keys);
		for (guint k = 0; k < keys->len; k++) {
			g_autofree gchar *fact =
			    accord_writer_describe_fact(profile, g_ptr_array_index(keys, k));
			g_string_append_printf(out, "       profile: %s\n", fact);
		}
	}
}

static void
write_gaps(const AccordReport *report, GString *out)
{
	const AccordGapList *gaps = accord_report_get_gaps(report);
	g_autofree gchar *total = accord_writer_format_score(accord_gap_list_get_total(gaps));

	g_string_append_printf(out,
			       "Gaps: %u rule(s) short of full marks, %s points in all, "
			       "largest first (gap = weight share x (100 - rule score))\n\n",
			       accord_gap_list_get_n_gaps(gaps),
			       total);
	for (guint i = 0; i < accord_gap_list_get_n_gaps(gaps); i++) {
		const AccordGap *gap = accord_gap_list_get_gap(gaps, i);
		const AccordRule *rule = gap->rule;
		g_autofree gchar *g = accord_writer_format_score(gap->gap);
		g_autofree gchar *s = accord_writer_format_score(gap->score);
		g_autofree gchar *share = accord_writer_format_percent(gap->share);

		g_string_append_printf(out,
				       "%u. %s: %s\n",
				       i + 1,
				       accord_rule_get_id(rule),
				       accord_rule_get_title(rule));
		g_string_append_printf(out,
				       "   Gap %s points = weight share %s x (100 - score %s)\n",
				       g,
				       share,
				       s);
		g_string_append_printf(out,
				       "   %s [%s]%s:\n   \"%s\"\n",
				       accord_rule_get_cite(rule),
				       accord_obligation_get_id(accord_rule_get_obligation(rule)),
				       accord_rule_is_verified(rule) ? "" : " [text not verified]",
				       accord_rule_get_provision(rule));
		write_unmet(report, gap, out);
		g_string_append_printf(out,
				       "   Recommendation: %s\n\n",
				       accord_rule_get_recommendation(rule));
	}
}

static void
write_validation(const AccordReport *report, GString *out)
{
	for (guint i = 0; i < accord_report_get_n_validations(report); i++) {
		const AccordValidation *v = accord_report_get_validation(report, i);

		if (v->error == NULL)
			g_string_append_printf(out, "%s: ok (%s)\n", v->path, v->summary);
		else
			g_string_append_printf(out, "%s: invalid: %s\n", v->path, v->error);
	}
}

static void
write_score_report(const AccordReport *report, GString *out)
{
	write_header(report, out);
	write_rules(report, out);
}

static void
write_gaps_report(const AccordReport *report, GString *out)
{
	write_header(report, out);
	write_gaps(report, out);
}

const AccordWriteFunc accord_writers_text[ACCORD_REPORT_N_KINDS] = {
    [ACCORD_REPORT_SCORE] = write_score_report,
    [ACCORD_REPORT_GAPS] = write_gaps_report,
    [ACCORD_REPORT_VALIDATION] = write_validation,
    [ACCORD_REPORT_RANK] = accord_writer_rank_text,
    [ACCORD_REPORT_COMPARE] = accord_writer_compare_text,
    [ACCORD_REPORT_ROADMAP] = accord_writer_roadmap_text,
    [ACCORD_REPORT_DIFF] = accord_writer_diff_text,
    [ACCORD_REPORT_EXPLAIN] = accord_writer_explain_text,
};
