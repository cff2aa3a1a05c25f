#include "config.h"

#include <math.h>

#include "writer-private.h"

/**
 * accord_writer_find_rank_row:
 * @ranking: a ranking
 * @country: a country code
 *
 * Returns: (transfer none) (nullable): the row of @country, e.g. in the ranking without the
 *   what-if assumptions, or %NULL
 */
const AccordRankRow *
accord_writer_find_rank_row(const AccordRanking *ranking, const gchar *country)
{
	for (guint i = 0; i < accord_ranking_get_n_rows(ranking); i++) {
		const AccordRankRow *row = accord_ranking_get_row(ranking, i);

		if (g_strcmp0(accord_profile_get_country(row->profile), country) == 0)
			return row;
	}
	return NULL;
}

/* @row's country in the ranking without the what-if assumptions, or NULL when the report
 * has no such ranking */
static const AccordRankRow *
row_without_assumptions(const AccordReport *report, const AccordRankRow *row)
{
	const AccordReport *alt =
	    accord_writer_find_alternative(report, ACCORD_WRITER_WITHOUT_ASSUMPTIONS);

	if (alt == NULL)
		return NULL;
	return accord_writer_find_rank_row(accord_report_get_ranking(alt),
					   accord_profile_get_country(row->profile));
}

static gchar *
format_mean_without(const AccordReport *report, const AccordRankRow *row)
{
	const AccordRankRow *plain = row_without_assumptions(report, row);

	return plain != NULL ? accord_writer_format_score(plain->mean) : g_strdup("");
}

static gboolean
has_assumptions(const AccordReport *report)
{
	return accord_writer_find_alternative(report, ACCORD_WRITER_WITHOUT_ASSUMPTIONS) != NULL;
}

/* every country's what-if assumptions, in ranking order; @md writes a Markdown table */
static void
write_assumptions(const AccordRanking *ranking, GString *out, gboolean md)
{
	g_string_append(
	    out,
	    md ? "\n**What-if assumptions** (the scores are computed with them):\n\n"
		 "| Country | Fact | Assumed | The profile states |\n|---|---|---|---|\n"
	       : "\nWhat-if assumptions (the scores are computed with them):\n");
	for (guint i = 0; i < accord_ranking_get_n_rows(ranking); i++) {
		const AccordProfile *profile = accord_ranking_get_row(ranking, i)->profile;
		g_autoptr(GPtrArray) facts = accord_writer_get_assumptions(profile);

		for (guint f = 0; f < facts->len; f++) {
			const AccordProfileFact *fact = g_ptr_array_index(facts, f);
			const gchar *was = accord_profile_fact_get_assumed_from(fact);
			g_autofree gchar *text = accord_writer_describe_assumption(fact);

			if (!md) {
				g_string_append_printf(out,
						       "  %s  %s\n",
						       accord_profile_get_country(profile),
						       text);
				continue;
			}
			g_string_append_printf(
			    out,
			    "| %s | `%s` | ",
			    accord_profile_get_country(profile),
			    accord_fact_def_get_key(accord_profile_fact_get_def(fact)));
			accord_writer_markdown_escape(out, accord_profile_fact_get_text(fact));
			g_string_append(out, " | ");
			accord_writer_markdown_escape(out, was != NULL ? was : "not stated");
			g_string_append(out, " |\n");
		}
	}
}

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
write_header_text(const AccordReport *report, GString *out)
{
	const AccordRanking *ranking = accord_report_get_ranking(report);
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
			"of their scores; \"=\" marks a shared position\n");
	if (has_assumptions(report))
		g_string_append(out,
				"Without:  the mean without the what-if assumptions listed "
				"below\n");
	g_string_append(out, "\n");
}

void
accord_writer_rank_text(const AccordReport *report, GString *out)
{
	const AccordRanking *ranking = accord_report_get_ranking(report);
	guint n_rs = accord_ranking_get_n_rulesets(ranking);

	gboolean assumed = has_assumptions(report);

	write_header_text(report, out);
	g_string_append_printf(out, "%-5s %-28s", "Rank", "Country");
	for (guint r = 0; r < n_rs; r++)
		g_string_append_printf(
		    out,
		    " %16s",
		    accord_ruleset_get_id(accord_ranking_get_ruleset(ranking, r)));
	g_string_append_printf(out, " %7s", "Mean");
	if (assumed)
		g_string_append_printf(out, " %7s", "Without");
	g_string_append_printf(out, " %5s\n", "Tier");
	for (guint i = 0; i < accord_ranking_get_n_rows(ranking); i++) {
		const AccordRankRow *row = accord_ranking_get_row(ranking, i);
		g_autofree gchar *pos = format_position(row);
		g_autofree gchar *name = g_strdup_printf("%s %s",
							 accord_profile_get_country(row->profile),
							 accord_profile_get_name(row->profile));
		g_autofree gchar *mean = accord_writer_format_score(row->mean);
		g_autofree gchar *tier = format_tier(ranking, row);
		g_autofree gchar *without = format_mean_without(report, row);
		glong pad = 28 - g_utf8_strlen(name, -1);

		g_string_append_printf(out, "%-5s %s%*s", pos, name, (int)MAX(pad, 0), "");
		for (guint r = 0; r < n_rs; r++) {
			g_autofree gchar *cell =
			    format_cell(accord_ranking_get_score(ranking, i, r));
			g_string_append_printf(out, " %16s", cell);
		}
		g_string_append_printf(out, " %7s", mean);
		if (assumed)
			g_string_append_printf(out, " %7s", without);
		g_string_append_printf(out, " %5s\n", tier);
	}
	if (assumed)
		write_assumptions(ranking, out, FALSE);
	if (accord_ranking_get_n_correlations(ranking) > 0)
		g_string_append(out, "\n");
	write_correlations_text(ranking, out, "");
}

void
accord_writer_rank_markdown(const AccordReport *report, GString *out)
{
	const AccordRanking *ranking = accord_report_get_ranking(report);
	guint n_rs = accord_ranking_get_n_rulesets(ranking);
	gboolean assumed = has_assumptions(report);

	g_string_append(out, "| Rank | Country |");
	for (guint r = 0; r < n_rs; r++)
		g_string_append_printf(
		    out,
		    " %s score (coverage) |",
		    accord_ruleset_get_id(accord_ranking_get_ruleset(ranking, r)));
	g_string_append(out,
			assumed ? " Mean | Mean without assumptions | Tier |\n|---:|---|"
				: " Mean | Tier |\n|---:|---|");
	for (guint r = 0; r < n_rs; r++)
		g_string_append(out, "---:|");
	g_string_append(out, assumed ? "---:|---:|---:|\n" : "---:|---:|\n");
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
		if (assumed) {
			g_autofree gchar *without = format_mean_without(report, row);
			g_string_append_printf(out, " %s | %s | %s |\n", mean, without, tier);
		} else {
			g_string_append_printf(out, " %s | %s |\n", mean, tier);
		}
	}
	if (assumed)
		write_assumptions(ranking, out, TRUE);
	if (accord_ranking_get_n_correlations(ranking) > 0)
		g_string_append(out, "\n");
	write_correlations_text(ranking, out, "- ");
}

/* "ir.first=true disclosure.cvd=adopted": a country's assumptions in one field */
static gchar *
join_assumptions(const AccordProfile *profile)
{
	g_autoptr(GPtrArray) facts = accord_writer_get_assumptions(profile);
	GString *out = g_string_new(NULL);

	for (guint i = 0; i < facts->len; i++) {
		const AccordProfileFact *fact = g_ptr_array_index(facts, i);

		g_string_append_printf(out,
				       "%s%s=%s",
				       i > 0 ? " " : "",
				       accord_fact_def_get_key(accord_profile_fact_get_def(fact)),
				       accord_profile_fact_get_text(fact));
	}
	return g_string_free(out, FALSE);
}

static void
rank_csv_line(GString *out,
	      const AccordReport *report,
	      guint i,
	      guint r,
	      const gchar *level,
	      const gchar *id,
	      const AccordScoreItem *item)
{
	const AccordRanking *ranking = accord_report_get_ranking(report);
	const AccordRankRow *row = accord_ranking_get_row(ranking, i);
	g_autofree gchar *without = format_mean_without(report, row);
	g_autofree gchar *assumptions = join_assumptions(row->profile);
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
				 c,
				 without,
				 assumptions};

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
				 "coverage_pct",
				 "mean_without_assumptions",
				 "assumptions"};

	accord_writer_csv_row(out, header, G_N_ELEMENTS(header));
	for (guint i = 0; i < accord_ranking_get_n_rows(ranking); i++) {
		for (guint r = 0; r < accord_ranking_get_n_rulesets(ranking); r++) {
			const AccordRuleset *rs = accord_ranking_get_ruleset(ranking, r);
			const AccordScore *score = accord_ranking_get_score(ranking, i, r);

			rank_csv_line(out,
				      report,
				      i,
				      r,
				      "overall",
				      accord_ruleset_get_id(rs),
				      accord_score_get_overall(score));
			for (guint p = 0; p < accord_ruleset_get_n_pillars(rs); p++) {
				const AccordPillar *pillar = accord_ruleset_get_pillar(rs, p);
				rank_csv_line(out,
					      report,
					      i,
					      r,
					      "pillar",
					      accord_pillar_get_id(pillar),
					      accord_score_get_pillar(score, pillar));
			}
		}
	}
}
