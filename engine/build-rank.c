#include "config.h"

#include "build-private.h"

/* the ranking: its basis, countries by mean score with one column group per ruleset, tiers,
 * outcome counts, correlations with the indices and where they disagree most */

/* the largest disagreements a view lists per correlation of the mean */
#define N_DEVIATIONS 5

static void
build_basis(AccordNode *root, const AccordRanking *ranking)
{
	const AccordAssessmentOptions *o = accord_ranking_get_options(ranking);
	AccordNode *t = accord_node_add_table(root,
					      "rulesets",
					      "Rulesets",
					      "ruleset=Ruleset|version=Version|verified=Verified|"
					      "averaged=In the mean|title=Title");

	for (guint i = 0; i < accord_ranking_get_n_rulesets(ranking); i++) {
		const AccordRuleset *rs = accord_ranking_get_ruleset(ranking, i);
		guint unverified = accord_ruleset_is_verified(rs) ? 0 : ACCORD_MARK_UNVERIFIED;

		ACCORD_ROW(
		    t,
		    accord_cell_with_marks(accord_cell_id(accord_ruleset_get_id(rs)), unverified),
		    accord_cell_text(accord_ruleset_get_version(rs)),
		    accord_cell_boolean(unverified == 0),
		    accord_cell_boolean(accord_ranking_averages(ranking, i)),
		    accord_cell_text(accord_ruleset_get_title(rs)));
	}
	accord_build_options_fields(root, &o->score);
	/* the fact filter, always: a ranking is read beside others made under other floors */
	ACCORD_FIELDS(
	    root,
	    {"mean_over",
	     "Mean over",
	     accord_cell_outcome(accord_rank_mean_to_string(accord_ranking_get_mean(ranking)))},
	    {"min_confidence",
	     "Confidence floor",
	     accord_cell_confidence(accord_confidence_to_string(o->min_confidence))});
	/* the day matters only when facts age, or when some evidence had expired */
	if (o->evidence_max_age > 0 || accord_ranking_has_not_counted(ranking))
		ACCORD_FIELDS(root,
			      {"evidence_max_age",
			       "Evidence max age (years)",
			       o->evidence_max_age > 0 ? accord_cell_count(o->evidence_max_age)
						       : accord_cell_empty()},
			      {"counted_on", "Facts counted as of", accord_cell_date(o->date)});
	if (accord_ranking_get_n_tiers(ranking) == 0)
		return;
	t = accord_node_add_table(root, "tiers", "Tiers", "tier=Tier|from=Mean at least");
	for (guint i = 0; i <= accord_ranking_get_n_tiers(ranking); i++)
		ACCORD_ROW(t,
			   accord_cell_count(i + 1),
			   i < accord_ranking_get_n_tiers(ranking)
			       ? accord_cell_score(accord_ranking_get_tier_cutoff(ranking, i))
			       : accord_cell_empty());
}

/* the columns of add_row(), in its order */
static void
add_columns(AccordNode *table, const AccordRanking *ranking)
{
	accord_table_add_columns(table, "rank=Rank|tied=Tied|country=Country");
	if (accord_ranking_has_repeated_countries(ranking))
		accord_table_add_column(table, "profile", "Profile");
	accord_table_add_column(table, "name", "Name");
	for (guint i = 0; i < accord_ranking_get_n_rulesets(ranking); i++) {
		const gchar *id = accord_ruleset_get_id(accord_ranking_get_ruleset(ranking, i));
		g_autofree gchar *coverage = g_strconcat(id, "_coverage", NULL);
		g_autofree gchar *high = g_strconcat(id, "_coverage_high", NULL);

		accord_table_add_column(table, id, id);
		accord_table_add_column(table, coverage, "coverage");
		accord_table_add_column(table, high, "high-confidence");
	}
	accord_table_add_column(table, "mean", "Mean");
	if (accord_ranking_has_assumptions(ranking))
		accord_table_add_column(table, "mean_without_assumptions", "Without what-if");
	accord_table_add_columns(table,
				 "tier=Tier|n_pass=Pass|n_partial=Partial|n_fail=Fail|"
				 "n_unknown=Unknown|n_not_applicable=N/A|n_waived=Waived|"
				 "n_not_counted=Facts not counted");
}

/* row @r's cells, in the order of add_columns(); the strings are the ranking's */
static void
row_cells(guint r, AccordCell *c, gpointer ranking)
{
	const AccordRankRow *row = accord_ranking_get_row(ranking, r);
	guint n = 0, n_rulesets = accord_ranking_get_n_rulesets(ranking);

	c[n++] = accord_cell_count(row->position);
	c[n++] = accord_cell_boolean(row->tied);
	c[n++] = accord_cell_id(accord_profile_get_country(row->profile));
	/* the identity only when a country has several rows */
	if (accord_ranking_has_repeated_countries(ranking))
		c[n++] = accord_cell_id(accord_profile_get_id(row->profile));
	c[n++] = accord_cell_text(accord_profile_get_name(row->profile));
	for (guint i = 0; i < n_rulesets; i++) {
		const AccordRankCell *x = accord_ranking_get_cell(ranking, r, i);
		guint marks = (x->low_confidence > 0 ? ACCORD_MARK_LOW_CONFIDENCE : 0) |
			      (accord_ruleset_is_verified(accord_ranking_get_ruleset(ranking, i))
				   ? 0
				   : ACCORD_MARK_UNVERIFIED);

		c[n++] = accord_cell_with_marks(accord_cell_score(x->score), marks);
		c[n++] = accord_cell_percent(x->coverage);
		c[n++] = accord_cell_percent(x->coverage_high);
	}
	c[n++] = accord_cell_score(row->mean);
	if (accord_ranking_has_assumptions(ranking))
		c[n++] = accord_cell_score(row->mean_without_assumptions);
	c[n++] = row->tier > 0 ? accord_cell_count(row->tier) : accord_cell_empty();
	for (guint o = 0; o <= ACCORD_OUTCOME_NOT_APPLICABLE; o++)
		c[n++] = accord_cell_count(row->outcomes[o]);
	c[n++] = accord_cell_count(row->waived);
	c[n++] = accord_cell_count(row->not_counted);
}

/* the rows, held by the document or, @streamed, made from the ranking as they are written */
static void
add_rows(AccordNode *table, const AccordRanking *ranking, gboolean streamed)
{
	guint n_rows = accord_ranking_get_n_rows(ranking);

	if (streamed)
		accord_table_set_row_source(table, n_rows, row_cells, (gpointer)ranking);
	else
		accord_table_add_rows(table, n_rows, row_cells, (gpointer)ranking);
}

/* countries × rulesets: each ruleset's overall score column */
static void
add_heatmap(AccordNode *table, const AccordRanking *ranking)
{
	g_autoptr(GString) series = g_string_new(NULL);

	for (guint i = 0; i < accord_ranking_get_n_rulesets(ranking); i++)
		g_string_append_printf(
		    series,
		    "%s%s",
		    i > 0 ? "|" : "",
		    accord_ruleset_get_id(accord_ranking_get_ruleset(ranking, i)));
	accord_table_add_chart(table,
			       ACCORD_CHART_HEATMAP,
			       "Overall score by country and ruleset",
			       "name",
			       series->str);
}

static void
build_correlations(AccordNode *root, const AccordRanking *ranking)
{
	AccordNode *t, *worst = NULL;

	if (accord_ranking_get_n_correlations(ranking) == 0)
		return;
	t = accord_node_add_table(root,
				  "correlations",
				  "Spearman rank correlation with the indices",
				  "of=Of|index=Index|rho=rho|n=Countries");
	for (guint i = 0; i < accord_ranking_get_n_correlations(ranking); i++) {
		const AccordCorrelation *c = accord_ranking_get_correlation(ranking, i);

		ACCORD_ROW(
		    t,
		    accord_cell_id(c->ruleset != NULL ? accord_ruleset_get_id(c->ruleset) : "mean"),
		    accord_cell_id(c->index_name),
		    accord_cell_number(c->rho, 3),
		    accord_cell_count(c->n));
		for (guint d = 0; c->ruleset == NULL && d < MIN(c->deviations->len, N_DEVIATIONS);
		     d++) {
			const AccordRankDeviation *dev =
			    &g_array_index(c->deviations, AccordRankDeviation, d);

			if (worst == NULL)
				worst = accord_node_add_table(
				    root,
				    "disagreements",
				    "Where the mean and the indices disagree most (average ranks)",
				    "index=Index|country=Country|rank=Accord rank|"
				    "index_rank=Index rank|difference=Difference");
			/* a country with several rows is named by the row's identity */
			ACCORD_ROW(worst,
				   accord_cell_id(c->index_name),
				   accord_cell_id(accord_ranking_has_repeated_countries(ranking)
						      ? accord_profile_get_id(dev->profile)
						      : accord_profile_get_country(dev->profile)),
				   accord_cell_number(dev->rank, 1),
				   accord_cell_number(dev->index_rank, 1),
				   accord_cell_number(dev->difference, 1));
		}
	}
}

static AccordDocument *
build(const AccordRanking *ranking, gboolean streamed)
{
	AccordDocument *doc = accord_build_document("rank", "Accord ranking", NULL);
	AccordNode *root = accord_document_get_root(doc), *table, *assumed = NULL;

	build_basis(root, ranking);
	accord_node_add_text(root,
			     "Countries are ordered by the mean of their overall scores; tied "
			     "countries share a position (1, 2, 2, 4). Counts are criteria over "
			     "every ruleset.");
	table = accord_node_add_table(root, "rows", "Ranking", NULL);
	add_columns(table, ranking);
	add_rows(table, ranking, streamed);
	add_heatmap(table, ranking);
	build_correlations(root, ranking);
	/* the rows are read back one at a time: only when some country has assumptions */
	for (guint r = 0;
	     accord_ranking_has_assumptions(ranking) && r < accord_ranking_get_n_rows(ranking);
	     r++) {
		const AccordRankRow *row = accord_ranking_get_row(ranking, r);

		if (row->assumed != NULL)
			assumed = accord_build_assumptions(root, assumed, row->assumed);
	}
	return doc;
}

/**
 * accord_ranking_to_document:
 * @ranking: a ranking
 *
 * The ranking and its basis (rulesets with versions, which are verified and averaged, model,
 * aggregation, unknown policy, tiers); one row per country with each ruleset's score (marked
 * when it rests on low-confidence facts or unverified text), coverage and high-confidence
 * coverage, the mean (and without what-if assumptions), the tier and the counts of its
 * outcomes; a heat map of the scores; the rank correlations and where they disagree most; the
 * assumptions.
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_ranking_to_document(const AccordRanking *ranking)
{
	g_return_val_if_fail(ranking != NULL, NULL);
	return build(ranking, FALSE);
}

/**
 * accord_ranking_to_streamed_document:
 * @ranking: a ranking, kept until the document is freed
 *
 * The same document as accord_ranking_to_document(), whose table of countries holds no rows:
 * each is made from @ranking as a serialiser writes it (accord_table_set_row_source()), so
 * the document of a ranking of any length is the size of a short one.
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_ranking_to_streamed_document(const AccordRanking *ranking)
{
	g_return_val_if_fail(ranking != NULL, NULL);
	return build(ranking, TRUE);
}
