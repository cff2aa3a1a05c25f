#include "config.h"

#include <math.h>

#include "writer-private.h"

/* "=2" marks a shared position, as league tables do */
static gchar *
format_position(const AccordRankRow *row)
{
	return g_strdup_printf("%s%u", row->tied ? "=" : "", row->position);
}

static gchar *
format_cell(const AccordScore *score)
{
	const AccordScoreItem *o = accord_score_get_overall(score);
	g_autofree gchar *v = accord_writer_format_score(o->value);
	g_autofree gchar *c = accord_writer_format_percent(o->coverage);

	return g_strdup_printf("%s (%s)", v, c);
}

static gchar *
format_tier(const AccordRanking *ranking, const AccordRankRow *row)
{
	return accord_ranking_get_n_tiers(ranking) > 0 ? g_strdup_printf("%u", row->tier)
						       : g_strdup("-");
}

static void
write_tiers_text(const AccordRanking *ranking, GString *out)
{
	guint n = accord_ranking_get_n_tiers(ranking);

	if (n == 0)
		return;
	g_string_append(out, "Tiers:   ");
	for (guint t = 0; t < n; t++) {
		g_autofree gchar *c =
		    accord_writer_format_score(accord_ranking_get_tier_cutoff(ranking, t));
		g_string_append_printf(out, "%u = mean >= %s; ", t + 1, c);
	}
	g_string_append_printf(out, "%u = below\n", n + 1);
}

static void
write_correlations_text(const AccordRanking *ranking, GString *out, const gchar *bullet)
{
	for (guint c = 0; c < accord_ranking_get_n_correlations(ranking); c++) {
		const AccordCorrelation *cor = accord_ranking_get_correlation(ranking, c);
		gchar buf[G_ASCII_DTOSTR_BUF_SIZE];

		if (isnan(cor->rho))
			g_string_append_printf(
			    out,
			    "%sSpearman rho of %s scores with %s: n/a (%u countries "
			    "have both; 3 needed)\n",
			    bullet,
			    accord_ruleset_get_id(cor->ruleset),
			    cor->index_name,
			    cor->n);
		else
			g_string_append_printf(
			    out,
			    "%sSpearman rho of %s scores with %s: %s over %u countries\n",
			    bullet,
			    accord_ruleset_get_id(cor->ruleset),
			    cor->index_name,
			    g_ascii_formatd(buf, sizeof buf, "%.3f", cor->rho),
			    cor->n);
	}
}

static void
write_header_text(const AccordRanking *ranking, GString *out)
{
	const AccordScoreOptions *options = accord_ranking_get_options(ranking);

	g_string_append(out, "Accord ranking\n\nRulesets: ");
	for (guint r = 0; r < accord_ranking_get_n_rulesets(ranking); r++) {
		const AccordRuleset *rs = accord_ranking_get_ruleset(ranking, r);
		g_string_append_printf(out,
				       "%s%s (version %s)",
				       r > 0 ? ", " : "",
				       accord_ruleset_get_id(rs),
				       accord_ruleset_get_version(rs));
	}
	g_string_append_printf(out,
			       "\nModel:    %s, %s aggregation, unknown facts scored as %s\n",
			       accord_score_model_to_string(options->model),
			       accord_aggregation_to_string(options->aggregation),
			       accord_unknown_policy_to_string(options->unknown));
	write_tiers_text(ranking, out);
	g_string_append(out,
			"Cells:    overall score (coverage); countries are ordered by the mean "
			"of their scores; \"=\" marks a shared position\n\n");
}

void
accord_writer_rank_text(const AccordReport *report, GString *out)
{
	const AccordRanking *ranking = accord_report_get_ranking(report);
	guint n_rs = accord_ranking_get_n_rulesets(ranking);

	write_header_text(ranking, out);
	g_string_append_printf(out, "%-5s %-28s", "Rank", "Country");
	for (guint r = 0; r < n_rs; r++)
		g_string_append_printf(
		    out,
		    " %16s",
		    accord_ruleset_get_id(accord_ranking_get_ruleset(ranking, r)));
	g_string_append_printf(out, " %7s %5s\n", "Mean", "Tier");
	for (guint i = 0; i < accord_ranking_get_n_rows(ranking); i++) {
		const AccordRankRow *row = accord_ranking_get_row(ranking, i);
		g_autofree gchar *pos = format_position(row);
		g_autofree gchar *name = g_strdup_printf("%s %s",
							 accord_profile_get_country(row->profile),
							 accord_profile_get_name(row->profile));
		g_autofree gchar *mean = accord_writer_format_score(row->mean);
		g_autofree gchar *tier = format_tier(ranking, row);
		glong pad = 28 - g_utf8_strlen(name, -1);

		g_string_append_printf(out, "%-5s %s%*s", pos, name, (int)MAX(pad, 0), "");
		for (guint r = 0; r < n_rs; r++) {
			g_autofree gchar *cell =
			    format_cell(accord_ranking_get_score(ranking, i, r));
			g_string_append_printf(out, " %16s", cell);
		}
		g_string_append_printf(out, " %7s %5s\n", mean, tier);
	}
	if (accord_ranking_get_n_correlations(ranking) > 0)
		g_string_append(out, "\n");
	write_correlations_text(ranking, out, "");
}

void
accord_writer_rank_markdown(const AccordReport *report, GString *out)
{
	const AccordRanking *ranking = accord_report_get_ranking(report);
	guint n_rs = accord_ranking_get_n_rulesets(ranking);

	g_string_append(out, "| Rank | Country |");
	for (guint r = 0; r < n_rs; r++)
		g_string_append_printf(
		    out,
		    " %s score (coverage) |",
		    accord_ruleset_get_id(accord_ranking_get_ruleset(ranking, r)));
	g_string_append(out, " Mean | Tier |\n|---:|---|");
	for (guint r = 0; r < n_rs; r++)
		g_string_append(out, "---:|");
	g_string_append(out, "---:|---:|\n");
	for (guint i = 0; i < accord_ranking_get_n_rows(ranking); i++) {
		const AccordRankRow *row = accord_ranking_get_row(ranking, i);
		g_autofree gchar *pos = format_position(row);
		g_autofree gchar *mean = accord_writer_format_score(row->mean);
		g_autofree gchar *tier = format_tier(ranking, row);

		g_string_append_printf(out, "| %s | ", pos);
		accord_writer_markdown_escape(out, accord_profile_get_name(row->profile));
		g_string_append_printf(out, " (%s) |", accord_profile_get_country(row->profile));
		for (guint r = 0; r < n_rs; r++) {
			g_autofree gchar *cell =
			    format_cell(accord_ranking_get_score(ranking, i, r));
			g_string_append_printf(out, " %s |", cell);
		}
		g_string_append_printf(out, " %s | %s |\n", mean, tier);
	}
	if (accord_ranking_get_n_correlations(ranking) > 0)
		g_string_append(out, "\n");
	write_correlations_text(ranking, out, "- ");
}

static void
rank_csv_line(GString *out,
	      const AccordRanking *ranking,
	      guint i,
	      guint r,
	      const gchar *level,
	      const gchar *id,
	      const AccordScoreItem *item)
{
	const AccordRankRow *row = accord_ranking_get_row(ranking, i);
	g_autofree gchar *pos = g_strdup_printf("%u", row->position);
	g_autofree gchar *mean = accord_writer_format_score(row->mean);
	g_autofree gchar *tier = accord_ranking_get_n_tiers(ranking) > 0
				     ? g_strdup_printf("%u", row->tier)
				     : g_strdup("");
	g_autofree gchar *v = accord_writer_format_score(item->value);
	g_autofree gchar *c = accord_writer_format_score(100.0 * item->coverage);
	const gchar *fields[] = {accord_profile_get_country(row->profile),
				 accord_profile_get_name(row->profile),
				 pos,
				 row->tied ? "true" : "false",
				 tier,
				 mean,
				 accord_ruleset_get_id(accord_ranking_get_ruleset(ranking, r)),
				 level,
				 id,
				 v,
				 c};

	accord_writer_csv_row(out, fields, G_N_ELEMENTS(fields));
}

/* long format, one line per country, ruleset and level (overall or pillar): what a
 * spreadsheet pivot or a data frame wants */
void
accord_writer_rank_csv(const AccordReport *report, GString *out)
{
	const AccordRanking *ranking = accord_report_get_ranking(report);
	const gchar *header[] = {"country",
				 "name",
				 "position",
				 "tied",
				 "tier",
				 "mean",
				 "ruleset",
				 "level",
				 "id",
				 "score",
				 "coverage_pct"};

	accord_writer_csv_row(out, header, G_N_ELEMENTS(header));
	for (guint i = 0; i < accord_ranking_get_n_rows(ranking); i++) {
		for (guint r = 0; r < accord_ranking_get_n_rulesets(ranking); r++) {
			const AccordRuleset *rs = accord_ranking_get_ruleset(ranking, r);
			const AccordScore *score = accord_ranking_get_score(ranking, i, r);

			rank_csv_line(out,
				      ranking,
				      i,
				      r,
				      "overall",
				      accord_ruleset_get_id(rs),
				      accord_score_get_overall(score));
			for (guint p = 0; p < accord_ruleset_get_n_pillars(rs); p++) {
				const AccordPillar *pillar = accord_ruleset_get_pillar(rs, p);
				rank_csv_line(out,
					      ranking,
					      i,
					      r,
					      "pillar",
					      accord_pillar_get_id(pillar),
					      accord_score_get_pillar(score, pillar));
			}
		}
	}
}
