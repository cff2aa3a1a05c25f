#include "config.h"

#include "writer-private.h"

/**
 * accord_writer_find_alternative:
 * @report: a report
 * @label: which alternative, e.g. %ACCORD_WRITER_BEFORE_WAIVERS
 *
 * Returns: (transfer none) (nullable): the alternative with that label, or %NULL
 */
const AccordReport *
accord_writer_find_alternative(const AccordReport *report, const gchar *label)
{
	for (guint i = 0; i < accord_report_get_n_alternatives(report); i++) {
		if (g_strcmp0(accord_report_get_alternative_label(report, i), label) == 0)
			return accord_report_get_alternative(report, i);
	}
	return NULL;
}

/**
 * accord_writer_get_assumptions:
 * @profile: the profile as evaluated
 *
 * Returns: (transfer container) (element-type AccordProfileFact): the facts a what-if
 *   assumption states, in key order (the profile's order); empty without assumptions
 */
GPtrArray *
accord_writer_get_assumptions(const AccordProfile *profile)
{
	GPtrArray *facts = g_ptr_array_new();

	for (guint i = 0; i < accord_profile_get_n_facts(profile); i++) {
		const AccordProfileFact *fact = accord_profile_get_fact(profile, i);

		if (accord_profile_fact_is_assumed(fact))
			g_ptr_array_add(facts, (gpointer)fact);
	}
	return facts;
}

/* "ir.first = true (not stated by the profile)", "disclosure.cvd = adopted (the profile
 * states draft)" */
gchar *
accord_writer_describe_assumption(const AccordProfileFact *fact)
{
	const gchar *key = accord_fact_def_get_key(accord_profile_fact_get_def(fact));
	const gchar *was = accord_profile_fact_get_assumed_from(fact);

	if (was == NULL)
		return g_strdup_printf("%s = %s (not stated by the profile)",
				       key,
				       accord_profile_fact_get_text(fact));
	return g_strdup_printf("%s = %s (the profile states %s)",
			       key,
			       accord_profile_fact_get_text(fact),
			       was);
}

/* what one waiver does in @evaluation (the one after the waivers), in words; the
 * justification is left to the caller, which formats it its own way */
gchar *
accord_writer_describe_waiver(const AccordWaiverUse *use, const AccordEvaluation *evaluation)
{
	const AccordWaiver *w = use->waiver;
	AccordOutcome outcome;

	switch (use->status) {
	case ACCORD_WAIVER_APPLIED:
		return g_strdup_printf("counted as met; in force until %s; approved by %s",
				       w->expires,
				       w->approver);
	case ACCORD_WAIVER_REDUNDANT:
		outcome = accord_evaluation_get_result(evaluation, use->criterion)->outcome;
		return g_strdup_printf("changes nothing: the criterion %s anyway; in force until "
				       "%s; approved by %s",
				       outcome == ACCORD_OUTCOME_PASS ? "passes"
								      : "is not applicable",
				       w->expires,
				       w->approver);
	case ACCORD_WAIVER_LAPSED:
		return g_strdup_printf("lapsed on %s, not counted; approved by %s",
				       w->expires,
				       w->approver);
	case ACCORD_WAIVER_ORPHAN:
	default:
		return g_strdup_printf(
		    "matches no criterion of %s, not counted; expires %s; "
		    "approved by %s",
		    accord_ruleset_get_id(accord_evaluation_get_ruleset(evaluation)),
		    w->expires,
		    w->approver);
	}
}

/* the headline number of every alternative: "Overall score without assumptions: …" */
static void
write_alternatives(const AccordReport *report, GString *out)
{
	for (guint i = 0; i < accord_report_get_n_alternatives(report); i++) {
		const AccordReport *alt = accord_report_get_alternative(report, i);
		const AccordScoreItem *overall =
		    accord_score_get_overall(accord_report_get_score(alt));
		g_autofree gchar *value = accord_writer_format_score(overall->value);
		g_autofree gchar *coverage = accord_writer_format_percent(overall->coverage);

		g_string_append_printf(out,
				       "Overall score %s: %s / 100   (coverage %s)\n",
				       accord_report_get_alternative_label(report, i),
				       value,
				       coverage);
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
	g_string_append(out, "What-if assumptions (the scores are computed with them):\n");
	for (guint i = 0; i < facts->len; i++) {
		g_autofree gchar *text =
		    accord_writer_describe_assumption(g_ptr_array_index(facts, i));
		g_string_append_printf(out, "  %s\n", text);
	}
	g_string_append(out, "\n");
}

/* the tailoring the scores used, and its changes in words: indented lines in text, a
 * nested list in Markdown; shared by every view that can be tailored */
void
accord_writer_tailoring(const AccordReport *report, gboolean markdown, GString *out)
{
	const AccordTailoring *tailoring = accord_report_get_tailoring(report);

	if (tailoring == NULL)
		return;
	if (!markdown) {
		g_string_append_printf(out,
				       "Tailoring %s: %s\n",
				       accord_tailoring_get_id(tailoring),
				       accord_tailoring_get_title(tailoring));
		for (guint i = 0; i < accord_tailoring_get_n_changes(tailoring); i++)
			g_string_append_printf(out,
					       "  %s\n",
					       accord_tailoring_get_change(tailoring, i));
		return;
	}
	g_string_append_printf(out, "- Tailoring `%s`: ", accord_tailoring_get_id(tailoring));
	accord_writer_markdown_escape(out, accord_tailoring_get_title(tailoring));
	g_string_append(out, "\n");
	for (guint i = 0; i < accord_tailoring_get_n_changes(tailoring); i++) {
		g_string_append(out, "  - ");
		accord_writer_markdown_escape(out, accord_tailoring_get_change(tailoring, i));
		g_string_append(out, "\n");
	}
}

/* the same view computed other ways (one headline line each, "<what> <label>: …"), the
 * what-if assumptions and the tailoring: the block every one-country view opens with */
void
accord_writer_what_if_text(const AccordReport *report,
			   const AccordProfile *profile,
			   const gchar *what,
			   GString *out)
{
	g_autoptr(GPtrArray) facts = accord_writer_get_assumptions(profile);

	for (guint i = 0; i < accord_report_get_n_alternatives(report); i++) {
		const AccordReport *alt = accord_report_get_alternative(report, i);
		const AccordScoreItem *o = accord_score_get_overall(accord_report_get_score(alt));
		g_autofree gchar *v = accord_writer_format_score(o->value);
		g_autofree gchar *c = accord_writer_format_percent(o->coverage);

		g_string_append_printf(out,
				       "%s %s: %s / 100   (coverage %s)\n",
				       what,
				       accord_report_get_alternative_label(report, i),
				       v,
				       c);
	}
	if (facts->len > 0)
		g_string_append(out, "What-if assumptions (the scores are computed with them):\n");
	for (guint i = 0; i < facts->len; i++) {
		g_autofree gchar *text =
		    accord_writer_describe_assumption(g_ptr_array_index(facts, i));
		g_string_append_printf(out, "  %s\n", text);
	}
	accord_writer_tailoring(report, FALSE, out);
}

static void
write_tailoring(const AccordReport *report, GString *out)
{
	if (accord_report_get_tailoring(report) == NULL)
		return;
	accord_writer_tailoring(report, FALSE, out);
	g_string_append(out, "\n");
}

static void
write_waiver_use(const AccordWaiverUse *use, const AccordEvaluation *evaluation, GString *out)
{
	g_autofree gchar *what = accord_writer_describe_waiver(use, evaluation);

	g_string_append_printf(out,
			       "  - %s [%s]",
			       use->waiver->criterion,
			       accord_waiver_status_to_string(use->status));
	if (use->criterion != NULL)
		g_string_append_printf(out, ": %s", accord_criterion_get_title(use->criterion));
	g_string_append_printf(out, "\n      %s\n      \"%s\"\n", what, use->waiver->justification);
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
			       "Waivers, checked on %s (an applied waiver counts its criterion as "
			       "met; a lapsed or orphan one counts for nothing):\n",
			       accord_waiver_outcome_get_date(outcome));
	if (before != NULL) {
		g_autofree gchar *b = accord_writer_format_score(
		    accord_score_get_overall(accord_report_get_score(before))->value);
		g_autofree gchar *a = accord_writer_format_score(
		    accord_score_get_overall(accord_report_get_score(report))->value);

		g_string_append_printf(
		    out,
		    "  Overall score before waivers: %s / 100; after: %s / 100\n",
		    b,
		    a);
	}
	if (accord_waiver_outcome_get_n_uses(outcome) == 0)
		g_string_append(out, "  No waiver is for this country and ruleset.\n");
	for (guint i = 0; i < accord_waiver_outcome_get_n_uses(outcome); i++)
		write_waiver_use(accord_waiver_outcome_get_use(outcome, i),
				 accord_report_get_evaluation(report),
				 out);
	g_string_append(out, "\n");
}

static void
write_pillars(const AccordScore *score, const AccordRuleset *rs, GString *out)
{
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
			       "has known facts)\n",
			       value,
			       coverage);
	write_alternatives(report, out);
	g_string_append(out, "\n");
	write_assumptions(report, out);
	write_tailoring(report, out);
	write_waivers(report, out);
	write_pillars(score, rs, out);
}

static gboolean
rule_is_selected(const AccordScore *score, const AccordRule *rule)
{
	const AccordTailoring *tailoring = accord_score_get_options(score)->tailoring;

	return tailoring == NULL || accord_tailoring_selects_rule(tailoring, rule);
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

		g_string_append_printf(
		    out,
		    "    [%s %s] %s: %s%s\n      %s\n",
		    accord_outcome_to_string(r->outcome),
		    credit,
		    accord_criterion_get_id(criterion),
		    accord_criterion_get_title(criterion),
		    accord_score_selects_criterion(score, criterion) ? "" : "  [deselected]",
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

		g_string_append_printf(
		    out,
		    "  %s  %s / 100  (coverage %s, weight share %s)  %s%s\n",
		    accord_rule_get_id(rule),
		    v,
		    c,
		    s,
		    accord_rule_get_title(rule),
		    rule_is_selected(score, rule) ? "" : "  [deselected by the tailoring]");
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
