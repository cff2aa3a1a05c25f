#include "config.h"

#include "build-private.h"

/* the ranking: countries by mean score, one column per ruleset, tiers, correlations */

static void
build_basis(AccordNode *root, const AccordRanking *ranking)
{
	AccordNode *table = accord_node_add_table(root,
						  "rulesets",
						  "Rulesets",
						  "ruleset=Ruleset|version=Version|title=Title");

	for (guint i = 0; i < accord_ranking_get_n_rulesets(ranking); i++) {
		const AccordRuleset *rs = accord_ranking_get_ruleset(ranking, i);
		ACCORD_ROW(table,
			   accord_cell_id(accord_ruleset_get_id(rs)),
			   accord_cell_text(accord_ruleset_get_version(rs)),
			   accord_cell_text(accord_ruleset_get_title(rs)));
	}
	accord_build_options_fields(root, accord_ranking_get_options(ranking));
	if (accord_ranking_get_n_tiers(ranking) == 0)
		return;
	table = accord_node_add_table(root,
				      "tiers",
				      "Tiers (by mean score)",
				      "tier=Tier|from=Mean at least");
	for (guint i = 0; i <= accord_ranking_get_n_tiers(ranking); i++) {
		ACCORD_ROW(table,
			   accord_cell_count(i + 1),
			   i < accord_ranking_get_n_tiers(ranking)
			       ? accord_cell_score(accord_ranking_get_tier_cutoff(ranking, i))
			       : accord_cell_empty());
	}
}

/* with an uncertainty analysis: each country's score and rank over the draws */
static void
add_uncertainty_columns(AccordNode *table)
{
	accord_table_add_column(table, "median", "Median");
	accord_table_add_column(table, "lower", "5%");
	accord_table_add_column(table, "upper", "95%");
	accord_table_add_column(table, "median_rank", "Median rank");
	accord_table_add_column(table, "lower_rank", "Rank 5% (best)");
	accord_table_add_column(table, "upper_rank", "Rank 95% (worst)");
	accord_table_add_column(table, "in_top", "In the top k");
}

static void
add_uncertainty_cells(GArray *cells, const AccordUncertainty *u, const AccordProfile *profile)
{
	const AccordUncertaintyRow *r =
	    accord_uncertainty_find_row(u, accord_profile_get_country(profile));
	AccordCell c[] = {accord_cell_score(r->median),
			  accord_cell_score(r->lower),
			  accord_cell_score(r->upper),
			  accord_cell_count(r->median_rank),
			  accord_cell_count(r->lower_rank),
			  accord_cell_count(r->upper_rank),
			  accord_cell_percent(r->top)};

	g_array_append_vals(cells, c, G_N_ELEMENTS(c));
}

static void
add_columns(AccordNode *table, const AccordRanking *ranking, const AccordUncertainty *u)
{
	accord_table_add_column(table, "rank", "Rank");
	accord_table_add_column(table, "tied", "Tied");
	accord_table_add_column(table, "country", "Country");
	accord_table_add_column(table, "name", "Name");
	for (guint i = 0; i < accord_ranking_get_n_rulesets(ranking); i++) {
		const gchar *id = accord_ruleset_get_id(accord_ranking_get_ruleset(ranking, i));
		g_autofree gchar *coverage = g_strconcat(id, "_coverage", NULL);

		accord_table_add_column(table, id, id);
		accord_table_add_column(table, coverage, "coverage");
	}
	accord_table_add_column(table, "mean", "Mean");
	if (accord_ranking_has_assumptions(ranking))
		accord_table_add_column(table, "mean_without_assumptions", "Without what-if");
	accord_table_add_column(table, "tier", "Tier");
	if (u != NULL)
		add_uncertainty_columns(table);
}

static void
add_row(AccordNode *table, const AccordRanking *ranking, guint r, const AccordUncertainty *u)
{
	const AccordRankRow *row = accord_ranking_get_row(ranking, r);
	g_autoptr(GArray) cells = g_array_new(FALSE, FALSE, sizeof(AccordCell));
	AccordCell lead[] = {accord_cell_count(row->position),
			     accord_cell_boolean(row->tied),
			     accord_cell_id(accord_profile_get_country(row->profile)),
			     accord_cell_text(accord_profile_get_name(row->profile))};
	AccordCell c;

	g_array_append_vals(cells, lead, G_N_ELEMENTS(lead));
	for (guint i = 0; i < accord_ranking_get_n_rulesets(ranking); i++) {
		const AccordScoreItem *o =
		    accord_score_get_overall(accord_ranking_get_score(ranking, r, i));
		c = accord_cell_score(o->value);
		g_array_append_val(cells, c);
		c = accord_cell_percent(o->coverage);
		g_array_append_val(cells, c);
	}
	c = accord_cell_score(row->mean);
	g_array_append_val(cells, c);
	if (accord_ranking_has_assumptions(ranking)) {
		c = accord_cell_score(row->mean_without_assumptions);
		g_array_append_val(cells, c);
	}
	c = row->tier > 0 ? accord_cell_count(row->tier) : accord_cell_empty();
	g_array_append_val(cells, c);
	if (u != NULL)
		add_uncertainty_cells(cells, u, row->profile);
	accord_table_add_row(table, (AccordCell *)cells->data, cells->len);
}

static void
build_correlations(AccordNode *root, const AccordRanking *ranking)
{
	AccordNode *table;

	if (accord_ranking_get_n_correlations(ranking) == 0)
		return;
	table = accord_node_add_table(root,
				      "correlations",
				      "Spearman rank correlation with indices",
				      "ruleset=Ruleset|index=Index|rho=rho|n=Countries");
	for (guint i = 0; i < accord_ranking_get_n_correlations(ranking); i++) {
		const AccordCorrelation *c = accord_ranking_get_correlation(ranking, i);
		ACCORD_ROW(table,
			   accord_cell_id(accord_ruleset_get_id(c->ruleset)),
			   accord_cell_id(c->index_name),
			   accord_cell_number(c->rho, 3),
			   accord_cell_count(c->n));
	}
}

static AccordDocument *
build_ranking(const AccordRanking *ranking, const AccordUncertainty *u)
{
	AccordDocument *doc = accord_build_document("rank", "Accord ranking", NULL);
	AccordNode *root = accord_document_get_root(doc), *table, *assumed = NULL;

	build_basis(root, ranking);
	accord_node_add_text(root,
			     "Countries are ordered by the mean of their overall scores; tied "
			     "countries share a position (1, 2, 2, 4).");
	table = accord_node_add_table(root, "rows", "Ranking", NULL);
	add_columns(table, ranking, u);
	for (guint r = 0; r < accord_ranking_get_n_rows(ranking); r++)
		add_row(table, ranking, r, u);
	if (u != NULL) {
		accord_table_add_chart(table,
				       ACCORD_CHART_INTERVALS,
				       "Score and 5-95% interval over the draws",
				       "country",
				       "mean|lower|upper");
		accord_build_uncertainty_basis(root, u);
		accord_build_stability(root, u);
		accord_build_sensitivity(root, u);
	}
	build_correlations(root, ranking);
	for (guint r = 0; r < accord_ranking_get_n_rows(ranking); r++) {
		const AccordScore *s = accord_ranking_get_score(ranking, r, 0);
		assumed = accord_build_assumptions(
		    root,
		    assumed,
		    accord_evaluation_get_profile(accord_score_get_evaluation(s)));
	}
	return doc;
}

/**
 * accord_ranking_to_document:
 * @ranking: a ranking
 *
 * The ranking: its basis (rulesets, model, tiers), one row per country with each ruleset's
 * overall score and coverage, the mean (and without what-if assumptions), the tier; the
 * rank correlations; the assumptions.
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_ranking_to_document(const AccordRanking *ranking)
{
	g_return_val_if_fail(ranking != NULL, NULL);
	return build_ranking(ranking, NULL);
}

/**
 * accord_ranking_with_uncertainty_to_document:
 * @ranking: a ranking against one ruleset
 * @uncertainty: an uncertainty analysis of the same countries and ruleset
 *
 * The ranking view with each country's median score, 5-95% score interval (drawn as an
 * interval chart), median rank, 5-95% rank interval and chance of being in the top k; then
 * what varied and how, how far the ranking moves, and the Sobol indices if they were run.
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_ranking_with_uncertainty_to_document(const AccordRanking *ranking,
					    const AccordUncertainty *uncertainty)
{
	g_return_val_if_fail(ranking != NULL && uncertainty != NULL, NULL);
	return build_ranking(ranking, uncertainty);
}
