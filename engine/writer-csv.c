#include "config.h"

#include <string.h>

#include "writer-private.h"

/* RFC 4180: fields holding a comma, a quote or a line break are quoted, quotes doubled */
static void
field(GString *out, const gchar *text, gboolean last)
{
	if (text == NULL)
		text = "";
	if (strpbrk(text, ",\"\r\n") != NULL) {
		g_string_append_c(out, '"');
		for (const gchar *p = text; *p != '\0'; p++) {
			if (*p == '"')
				g_string_append_c(out, '"');
			g_string_append_c(out, *p);
		}
		g_string_append_c(out, '"');
	} else {
		g_string_append(out, text);
	}
	g_string_append(out, last ? "\r\n" : ",");
}

void
accord_writer_csv_row(GString *out, const gchar *const *fields, guint n)
{
	for (guint i = 0; i < n; i++)
		field(out, fields[i], i + 1 == n);
}

/* one context record: what the scores rest on besides the profile and the ruleset (the
 * scores computed another way, what-if assumptions, the tailoring, the waivers); @item is
 * %NULL for records that carry no score */
typedef void (*ContextRowFunc)(GString *out,
			       const AccordReport *report,
			       const gchar *record,
			       const gchar *id,
			       const gchar *text,
			       const AccordScoreItem *item);

static void
write_assumption_rows(const AccordReport *report, GString *out, ContextRowFunc row)
{
	const AccordProfile *profile =
	    accord_evaluation_get_profile(accord_report_get_evaluation(report));
	g_autoptr(GPtrArray) facts = accord_writer_get_assumptions(profile);

	for (guint i = 0; i < facts->len; i++) {
		const AccordProfileFact *fact = g_ptr_array_index(facts, i);
		const gchar *was = accord_profile_fact_get_assumed_from(fact);
		g_autofree gchar *text =
		    was != NULL ? g_strdup_printf("assumed %s; the profile states %s",
						  accord_profile_fact_get_text(fact),
						  was)
				: g_strdup_printf("assumed %s; not stated by the profile",
						  accord_profile_fact_get_text(fact));

		row(out,
		    report,
		    "assumption",
		    accord_fact_def_get_key(accord_profile_fact_get_def(fact)),
		    text,
		    NULL);
	}
}

static void
write_tailoring_rows(const AccordReport *report, GString *out, ContextRowFunc row)
{
	const AccordTailoring *tailoring = accord_report_get_tailoring(report);

	if (tailoring == NULL)
		return;
	row(out,
	    report,
	    "tailoring",
	    accord_tailoring_get_id(tailoring),
	    accord_tailoring_get_title(tailoring),
	    NULL);
	for (guint i = 0; i < accord_tailoring_get_n_changes(tailoring); i++)
		row(out,
		    report,
		    "tailoring-change",
		    accord_tailoring_get_id(tailoring),
		    accord_tailoring_get_change(tailoring, i),
		    NULL);
}

static void
write_waiver_rows(const AccordReport *report, GString *out, ContextRowFunc row)
{
	const AccordWaiverOutcome *outcome = accord_report_get_waivers(report);

	for (guint i = 0; outcome != NULL && i < accord_waiver_outcome_get_n_uses(outcome); i++) {
		const AccordWaiverUse *use = accord_waiver_outcome_get_use(outcome, i);
		g_autofree gchar *what =
		    accord_writer_describe_waiver(use, accord_report_get_evaluation(report));
		g_autofree gchar *text =
		    g_strdup_printf("[%s] %s; checked on %s; justification: %s",
				    accord_waiver_status_to_string(use->status),
				    what,
				    accord_waiver_outcome_get_date(outcome),
				    use->waiver->justification);

		row(out, report, "waiver", use->waiver->criterion, text, NULL);
	}
}

/* after the main records: the overall score of each alternative, the assumptions, the
 * tailoring and its changes, the waivers */
static void
write_context_rows(const AccordReport *report, GString *out, ContextRowFunc row)
{
	for (guint i = 0; i < accord_report_get_n_alternatives(report); i++) {
		const AccordReport *alt = accord_report_get_alternative(report, i);
		const gchar *label = accord_report_get_alternative_label(report, i);
		g_autofree gchar *text = g_strdup_printf("overall score %s", label);

		row(out,
		    report,
		    "alternative",
		    label,
		    text,
		    accord_score_get_overall(accord_report_get_score(alt)));
	}
	write_assumption_rows(report, out, row);
	write_tailoring_rows(report, out, row);
	write_waiver_rows(report, out, row);
}

static void
item_row(GString *out,
	 const AccordReport *report,
	 const gchar *level,
	 const gchar *id,
	 const gchar *title,
	 const AccordScoreItem *item)
{
	const AccordEvaluation *evaluation = accord_report_get_evaluation(report);
	g_autofree gchar *v = item != NULL ? accord_writer_format_score(item->value) : NULL;
	g_autofree gchar *c = item != NULL ? accord_writer_format_score(100.0 * item->coverage)
					   : NULL;
	g_autofree gchar *s = item != NULL ? accord_writer_format_score(100.0 * item->share) : NULL;
	const gchar *fields[] = {
	    accord_profile_get_country(accord_evaluation_get_profile(evaluation)),
	    accord_ruleset_get_id(accord_evaluation_get_ruleset(evaluation)),
	    level,
	    id,
	    title,
	    v,
	    c,
	    s};

	accord_writer_csv_row(out, fields, G_N_ELEMENTS(fields));
}

static void
write_scores(const AccordReport *report, GString *out)
{
	const AccordScore *score = accord_report_get_score(report);
	const AccordRuleset *rs = accord_evaluation_get_ruleset(accord_score_get_evaluation(score));
	const gchar *header[] =
	    {"country", "ruleset", "level", "id", "title", "score", "coverage_pct", "share_pct"};

	accord_writer_csv_row(out, header, G_N_ELEMENTS(header));
	item_row(out,
		 report,
		 "overall",
		 accord_ruleset_get_id(rs),
		 accord_ruleset_get_title(rs),
		 accord_score_get_overall(score));
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *p = accord_ruleset_get_pillar(rs, i);
		item_row(out,
			 report,
			 "pillar",
			 accord_pillar_get_id(p),
			 accord_pillar_get_title(p),
			 accord_score_get_pillar(score, p));
	}
	for (guint i = 0; i < accord_ruleset_get_n_rules(rs); i++) {
		const AccordRule *r = accord_ruleset_get_rule(rs, i);
		item_row(out,
			 report,
			 "rule",
			 accord_rule_get_id(r),
			 accord_rule_get_title(r),
			 accord_score_get_rule(score, r));
	}
	write_context_rows(report, out, item_row);
}

static gchar *
join_unmet(const AccordGap *gap)
{
	GString *out = g_string_new(NULL);

	for (guint i = 0; i < gap->unmet->len; i++) {
		if (i > 0)
			g_string_append_c(out, ' ');
		g_string_append(out, accord_criterion_get_id(g_ptr_array_index(gap->unmet, i)));
	}
	return g_string_free(out, FALSE);
}

/* a context record of the gaps table: the id in `rule`, the words in `detail`; the overall
 * record's `gap` is the total of the gaps */
static void
gaps_context_row(GString *out,
		 const AccordReport *report,
		 const gchar *record,
		 const gchar *id,
		 const gchar *text,
		 const AccordScoreItem *item)
{
	const AccordEvaluation *evaluation = accord_report_get_evaluation(report);
	gboolean overall = g_strcmp0(record, "overall") == 0;
	g_autofree gchar *v = item != NULL ? accord_writer_format_score(item->value) : NULL;
	g_autofree gchar *s = item != NULL ? accord_writer_format_score(100.0 * item->share) : NULL;
	g_autofree gchar *g = overall ? accord_writer_format_score(accord_gap_list_get_total(
					    accord_report_get_gaps(report)))
				      : NULL;
	g_autofree gchar *coverage = item != NULL ? accord_writer_format_percent(item->coverage)
						  : NULL;
	g_autofree gchar *detail = item != NULL ? g_strdup_printf("%s%scoverage %s",
								  text != NULL ? text : "",
								  text != NULL ? ", " : "",
								  coverage)
						: g_strdup(text);
	const gchar *fields[] = {
	    accord_profile_get_country(accord_evaluation_get_profile(evaluation)),
	    accord_ruleset_get_id(accord_evaluation_get_ruleset(evaluation)),
	    record,
	    NULL,
	    id,
	    NULL,
	    NULL,
	    v,
	    s,
	    g,
	    NULL,
	    NULL,
	    NULL,
	    detail};

	accord_writer_csv_row(out, fields, G_N_ELEMENTS(fields));
}

/* one gap record: the rule, its score, share and gap, its unmet criteria and its texts */
static void
gap_row(GString *out, const AccordReport *report, guint index)
{
	const AccordGap *gap = accord_gap_list_get_gap(accord_report_get_gaps(report), index);
	const AccordEvaluation *evaluation = accord_report_get_evaluation(report);
	g_autofree gchar *rank = g_strdup_printf("%u", index + 1);
	g_autofree gchar *s = accord_writer_format_score(gap->score);
	g_autofree gchar *share = accord_writer_format_score(100.0 * gap->share);
	g_autofree gchar *g = accord_writer_format_score(gap->gap);
	g_autofree gchar *unmet = join_unmet(gap);
	const gchar *fields[] = {
	    accord_profile_get_country(accord_evaluation_get_profile(evaluation)),
	    accord_ruleset_get_id(accord_evaluation_get_ruleset(evaluation)),
	    "gap",
	    rank,
	    accord_rule_get_id(gap->rule),
	    accord_rule_get_cite(gap->rule),
	    accord_obligation_get_id(accord_rule_get_obligation(gap->rule)),
	    s,
	    share,
	    g,
	    unmet,
	    accord_rule_get_provision(gap->rule),
	    accord_rule_get_recommendation(gap->rule),
	    NULL};

	accord_writer_csv_row(out, fields, G_N_ELEMENTS(fields));
}

/* the gap records, largest first, then the overall record and the context records */
static void
write_gaps(const AccordReport *report, GString *out)
{
	const AccordRuleset *rs =
	    accord_evaluation_get_ruleset(accord_report_get_evaluation(report));
	const gchar *header[] = {"country",
				 "ruleset",
				 "record",
				 "rank",
				 "rule",
				 "cite",
				 "obligation",
				 "score",
				 "share_pct",
				 "gap",
				 "unmet_criteria",
				 "provision",
				 "recommendation",
				 "detail"};

	accord_writer_csv_row(out, header, G_N_ELEMENTS(header));
	for (guint i = 0; i < accord_gap_list_get_n_gaps(accord_report_get_gaps(report)); i++)
		gap_row(out, report, i);
	gaps_context_row(out,
			 report,
			 "overall",
			 accord_ruleset_get_id(rs),
			 NULL,
			 accord_score_get_overall(accord_report_get_score(report)));
	write_context_rows(report, out, gaps_context_row);
}

static void
write_validation(const AccordReport *report, GString *out)
{
	const gchar *header[] = {"path", "valid", "summary", "error"};

	accord_writer_csv_row(out, header, G_N_ELEMENTS(header));
	for (guint i = 0; i < accord_report_get_n_validations(report); i++) {
		const AccordValidation *v = accord_report_get_validation(report, i);
		const gchar *fields[] = {v->path,
					 v->error == NULL ? "true" : "false",
					 v->summary,
					 v->error};

		accord_writer_csv_row(out, fields, G_N_ELEMENTS(fields));
	}
}

const AccordWriteFunc accord_writers_csv[ACCORD_REPORT_N_KINDS] = {
    [ACCORD_REPORT_SCORE] = write_scores,
    [ACCORD_REPORT_GAPS] = write_gaps,
    [ACCORD_REPORT_VALIDATION] = write_validation,
    [ACCORD_REPORT_RANK] = accord_writer_rank_csv,
    [ACCORD_REPORT_COMPARE] = accord_writer_compare_csv,
    [ACCORD_REPORT_ROADMAP] = accord_writer_roadmap_csv,
    [ACCORD_REPORT_DIFF] = accord_writer_diff_csv,
    [ACCORD_REPORT_EXPLAIN] = accord_writer_explain_csv,
};
