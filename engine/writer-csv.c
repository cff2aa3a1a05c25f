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

static void
item_row(GString *out,
	 const AccordReport *report,
	 const gchar *level,
	 const gchar *id,
	 const gchar *title,
	 const AccordScoreItem *item)
{
	const AccordEvaluation *evaluation = accord_report_get_evaluation(report);
	g_autofree gchar *v = accord_writer_format_score(item->value);
	g_autofree gchar *c = accord_writer_format_score(100.0 * item->coverage);
	g_autofree gchar *s = accord_writer_format_score(100.0 * item->share);
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

static void
write_gaps(const AccordReport *report, GString *out)
{
	const AccordGapList *gaps = accord_report_get_gaps(report);
	const AccordEvaluation *evaluation = accord_report_get_evaluation(report);
	const gchar *country =
	    accord_profile_get_country(accord_evaluation_get_profile(evaluation));
	const gchar *ruleset = accord_ruleset_get_id(accord_evaluation_get_ruleset(evaluation));
	const gchar *header[] = {"country",
				 "ruleset",
				 "rank",
				 "rule",
				 "cite",
				 "obligation",
				 "score",
				 "share_pct",
				 "gap",
				 "unmet_criteria",
				 "provision",
				 "recommendation"};

	accord_writer_csv_row(out, header, G_N_ELEMENTS(header));
	for (guint i = 0; i < accord_gap_list_get_n_gaps(gaps); i++) {
		const AccordGap *gap = accord_gap_list_get_gap(gaps, i);
		g_autofree gchar *rank = g_strdup_printf("%u", i + 1);
		g_autofree gchar *s = accord_writer_format_score(gap->score);
		g_autofree gchar *share = accord_writer_format_score(100.0 * gap->share);
		g_autofree gchar *g = accord_writer_format_score(gap->gap);
		g_autofree gchar *unmet = join_unmet(gap);
		const gchar *fields[] = {
		    country,
		    ruleset,
		    rank,
		    accord_rule_get_id(gap->rule),
		    accord_rule_get_cite(gap->rule),
		    accord_obligation_get_id(accord_rule_get_obligation(gap->rule)),
		    s,
		    share,
		    g,
		    unmet,
		    accord_rule_get_provision(gap->rule),
		    accord_rule_get_recommendation(gap->rule)};

		accord_writer_csv_row(out, fields, G_N_ELEMENTS(fields));
	}
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
