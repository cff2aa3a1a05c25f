#include "config.h"

#include <string.h>

#include "build-private.h"

/* the uncertainty view: what varied and how, every country's score and rank intervals (each
 * table drawn as an interval chart), how the ranking as a whole moves, and the sensitivity
 * indices; and the parts `score --uncertainty` and `rank --uncertainty` add. Every table is
 * one column spec and one function giving the cells of row i */

static gboolean
varies(const AccordUncertainty *u, AccordUncertainInput input)
{
	return (accord_uncertainty_get_options(u)->inputs & (1u << input)) != 0;
}

/* row i is input group i: whether it varies, how it is drawn and the parameter that sets it */
static void
input_cells(guint i, AccordCell *c, gpointer u)
{
	const AccordUncertaintyOptions *o = accord_uncertainty_get_options(u);
	gboolean dirichlet = o->weight_draw == ACCORD_WEIGHT_DRAW_DIRICHLET;
	static const gchar *drawn[] = {NULL,
				       "geometric, else arithmetic",
				       "one of the policies, each as likely",
				       "kept, flipped or dropped"};
	static const gchar *parameter[] = {NULL,
					   "chance of geometric",
					   "policies",
					   "chances by class"};

	c[0] = accord_cell_outcome(accord_uncertain_input_to_string(i));
	c[1] = accord_cell_boolean(varies(u, i));
	c[2] = i == ACCORD_UNCERTAIN_WEIGHTS
		   ? accord_cell_outcome(accord_weight_draw_to_string(o->weight_draw))
		   : accord_cell_text(drawn[i]);
	c[3] = accord_cell_text(i > 0 ? parameter[i] : dirichlet ? "concentration" : "spread");
	c[4] = accord_cell_empty();
	if (i == ACCORD_UNCERTAIN_WEIGHTS)
		c[4] = dirichlet ? accord_cell_number(o->concentration, 4)
				 : accord_cell_percent(o->spread);
	if (i == ACCORD_UNCERTAIN_AGGREGATION)
		c[4] = accord_cell_percent(o->geometric_probability);
}

/* row i is unknown policy i: whether draws pick it */
static void
policy_cells(guint i, AccordCell *c, gpointer u)
{
	c[0] = accord_cell_outcome(accord_unknown_policy_to_string(i));
	c[1] = accord_cell_boolean(accord_uncertainty_get_options(u)->unknown_policies & (1u << i));
}

static void
evidence_cells(guint i, AccordCell *c, gpointer u)
{
	const AccordUncertaintyOptions *o = accord_uncertainty_get_options(u);

	c[0] = accord_cell_outcome(accord_evidence_class_to_string(i));
	c[1] = accord_cell_percent(o->flip[i]);
	c[2] = accord_cell_percent(o->drop[i]);
	c[3] = accord_cell_count(accord_uncertainty_count_facts(u, i));
}

/* what varied, how, and how often: the basis every uncertainty figure rests on */
static void
build_basis(AccordNode *root, const AccordUncertainty *u)
{
	const AccordUncertaintyOptions *o = accord_uncertainty_get_options(u);
	AccordNode *section = accord_node_add_section(root, "uncertainty", "Uncertainty analysis");

	accord_table_add_rows(
	    accord_node_add_table(
		section,
		"inputs",
		"Uncertain inputs",
		"input=Input|varies=Varies|drawn=Drawn as|parameter=Parameter|value=Value"),
	    ACCORD_N_UNCERTAIN_INPUTS,
	    input_cells,
	    (gpointer)u);
	ACCORD_FIELDS(section,
		      {"draws", "Draws", accord_cell_count(o->draws)},
		      {"seed", "Seed", accord_cell_count(o->seed)},
		      {"top_k", "Top k", accord_cell_count(o->top)});
	if (varies(u, ACCORD_UNCERTAIN_UNKNOWN))
		accord_table_add_rows(accord_node_add_table(section,
							    "policies",
							    "Unknown policies drawn from",
							    "policy=Policy|picked=Picked"),
				      ACCORD_UNKNOWN_PASS + 1,
				      policy_cells,
				      (gpointer)u);
	if (!varies(u, ACCORD_UNCERTAIN_EVIDENCE))
		return;
	ACCORD_FIELDS(
	    section,
	    {"recent_years", "Recent evidence, years", accord_cell_number(o->recent_years, 2)},
	    {"old_years", "Old evidence, years over", accord_cell_number(o->old_years, 2)});
	accord_table_add_rows(
	    accord_node_add_table(section,
				  "evidence",
				  "Chances a fact is flipped or dropped, by class",
				  "class=Class|flip=Flip|drop=Drop|facts=Facts that may change"),
	    ACCORD_N_EVIDENCE_CLASSES,
	    evidence_cells,
	    (gpointer)u);
}

/* the country a row of the score or rank table is about; returns its figures */
static const AccordUncertaintyRow *
country_cells(const AccordUncertainty *u, guint i, AccordCell *c)
{
	const AccordUncertaintyRow *r = accord_uncertainty_get_row(u, i);

	c[0] = accord_cell_id(accord_profile_get_country(r->profile));
	c[1] = accord_cell_text(accord_profile_get_name(r->profile));
	return r;
}

static void
score_cells(guint i, AccordCell *c, gpointer u)
{
	const AccordUncertaintyRow *r = country_cells(u, i, c);
	AccordCell cells[] = {accord_cell_score(r->nominal),
			      accord_cell_score(r->median),
			      accord_cell_score(r->lower),
			      accord_cell_score(r->upper),
			      accord_cell_count(r->not_applicable)};

	memcpy(c + 2, cells, sizeof cells);
}

static void
rank_cells(guint i, AccordCell *c, gpointer u)
{
	const AccordUncertaintyRow *r = country_cells(u, i, c);

	c[2] = accord_cell_count(r->nominal_rank);
	c[3] = accord_cell_count(r->median_rank);
	c[4] = accord_cell_count(r->lower_rank);
	c[5] = accord_cell_count(r->upper_rank);
	c[6] = accord_cell_percent(r->top);
}

static void
build_stability(AccordNode *root, const AccordUncertainty *u)
{
	const AccordRankStability *s = accord_uncertainty_get_stability(u);
	AccordNode *section;

	if (accord_uncertainty_get_n_rows(u) < 3)
		return;
	section = accord_node_add_section(root, "stability", "How far the ranking moves");
	ACCORD_FIELDS(
	    section,
	    {"rho_median",
	     "Spearman rho with the nominal ranking, median",
	     accord_cell_number(s->median, 3)},
	    {"rho_lower", "5%", accord_cell_number(s->lower, 3)},
	    {"rho_upper", "95%", accord_cell_number(s->upper, 3)},
	    {"same", "Draws ranking every country as nominal", accord_cell_percent(s->same)},
	    {"undefined", "Draws with rho undefined", accord_cell_count(s->undefined)});
}

static void
index_cells(guint i, AccordCell *c, gpointer u)
{
	const AccordSensitivity *s = accord_uncertainty_get_sensitivity(u, i);

	c[0] = s->profile != NULL ? accord_cell_id(accord_profile_get_country(s->profile))
				  : accord_cell_outcome("ranking");
	c[1] = accord_cell_outcome(accord_uncertain_input_to_string(s->input));
	c[2] = accord_cell_number(s->variance, 4);
	c[3] = accord_cell_number(s->first, 3);
	c[4] = accord_cell_number(s->first_lower, 3);
	c[5] = accord_cell_number(s->first_upper, 3);
	c[6] = accord_cell_number(s->total, 3);
	c[7] = accord_cell_number(s->total_lower, 3);
	c[8] = accord_cell_number(s->total_upper, 3);
}

static void
build_sensitivity(AccordNode *root, const AccordUncertainty *u)
{
	const AccordSensitivityDesign *d = accord_uncertainty_get_design(u);
	AccordNode *section;

	if (d->samples == 0)
		return;
	section = accord_node_add_section(root, "sensitivity", "Sensitivity: Sobol indices");
	accord_node_add_text(section,
			     "Saltelli design, Jansen estimators; 5-95% percentile intervals of a "
			     "bootstrap over units of consecutive samples. The ranking's output is "
			     "the mean absolute shift of the ranks from the nominal ranks.");
	ACCORD_FIELDS(section,
		      {"samples", "Base sample N", accord_cell_count(d->samples)},
		      {"factors", "Factors k", accord_cell_count(d->factors)},
		      {"runs", "Model runs N(k + 2)", accord_cell_count(d->runs)},
		      {"units", "Bootstrap units", accord_cell_count(d->units)},
		      {"replicates", "Bootstrap replicates", accord_cell_count(d->replicates)});
	accord_table_add_rows(
	    accord_node_add_table(section,
				  "indices",
				  "Indices",
				  "output=Output|input=Input|variance=Variance|"
				  "first=First order|first_lower=5%|first_upper=95%|"
				  "total=Total effect|total_lower=5%|total_upper=95%"),
	    accord_uncertainty_get_n_sensitivities(u),
	    index_cells,
	    (gpointer)u);
}

/* the country tables, each drawn as an interval chart: the scores, and (for views of several
 * countries) the ranks */
static void
build_tables(AccordNode *root, const AccordUncertainty *u, gboolean ranks)
{
	guint n = accord_uncertainty_get_n_rows(u);
	AccordNode *table;

	accord_node_add_text(
	    root,
	    "Intervals hold 90% of the draws (5% to 95%). Score quantiles are exact while a "
	    "country's draws take at most 16 distinct scores, else read from bins of 0.01 "
	    "points (within 0.005). Ranks are competition ranks (1, 2, 2, 4).");
	table = accord_node_add_table(root,
				      "scores",
				      "Scores over the draws",
				      "country=Country|name=Name|nominal=Nominal|median=Median|"
				      "lower=5%|upper=95%|not_applicable=Draws n/a");
	accord_table_add_rows(table, n, score_cells, (gpointer)u);
	accord_table_add_chart(table,
			       ACCORD_CHART_INTERVALS,
			       "Nominal score and 5-95% interval",
			       "country",
			       "nominal|lower|upper");
	if (!ranks)
		return;
	table = accord_node_add_table(
	    root,
	    "ranks",
	    "Ranks over the draws",
	    "country=Country|name=Name|rank=Nominal rank|median_rank=Median|"
	    "lower_rank=5% (best)|upper_rank=95% (worst)|in_top=In the top k");
	accord_table_add_rows(table, n, rank_cells, (gpointer)u);
	accord_table_add_chart(table,
			       ACCORD_CHART_INTERVALS,
			       "Nominal rank and 5-95% interval",
			       "country",
			       "rank|lower_rank|upper_rank");
	build_stability(root, u);
}

/* after a view's own parts, everything the analysis shows: what varied, the tables, how far
 * the ranking moves and the Sobol indices */
static AccordDocument *
with_figures(AccordDocument *doc, const AccordUncertainty *u, gboolean ranks)
{
	build_basis(accord_document_get_root(doc), u);
	build_tables(accord_document_get_root(doc), u, ranks);
	build_sensitivity(accord_document_get_root(doc), u);
	return doc;
}

/**
 * accord_uncertainty_to_document:
 * @uncertainty: an uncertainty analysis
 *
 * The uncertainty view: the ruleset and nominal options, what varied and how, the scores and
 * ranks over the draws (each with an interval chart), how far the ranking moves, and the
 * Sobol indices when a sensitivity design ran.
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_uncertainty_to_document(const AccordUncertainty *uncertainty)
{
	AccordDocument *doc;
	AccordNode *root, *assumed = NULL;

	g_return_val_if_fail(uncertainty != NULL, NULL);
	doc = accord_build_document("uncertainty", "Accord uncertainty analysis", NULL);
	root = accord_document_get_root(doc);
	accord_build_ruleset_fields(root, accord_uncertainty_get_ruleset(uncertainty), TRUE);
	accord_build_options_fields(root, accord_uncertainty_get_score_options(uncertainty));
	with_figures(doc, uncertainty, TRUE);
	for (guint i = 0; i < accord_uncertainty_get_n_rows(uncertainty); i++)
		assumed =
		    accord_build_assumptions(root,
					     assumed,
					     accord_uncertainty_get_row(uncertainty, i)->profile);
	return doc;
}

/**
 * accord_score_with_uncertainty_to_document:
 * @assessment: an assessment
 * @uncertainty: an uncertainty analysis of the same country and ruleset
 *
 * The score view (accord_score_to_document()), then what varied and how, the country's
 * score over the draws (median and 5-95% interval, drawn as an interval chart), and its Sobol
 * indices if they were run.
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_score_with_uncertainty_to_document(const AccordAssessment *assessment,
					  const AccordUncertainty *uncertainty)
{
	g_return_val_if_fail(assessment != NULL && uncertainty != NULL, NULL);
	return with_figures(accord_score_to_document(assessment), uncertainty, FALSE);
}

/**
 * accord_ranking_with_uncertainty_to_document:
 * @ranking: a ranking against one ruleset
 * @uncertainty: an uncertainty analysis of the same countries and ruleset
 *
 * The ranking view (accord_ranking_to_document()), then what varied and how, every country's
 * score and rank over the draws (median and 5-95% intervals, each drawn as an interval chart,
 * and the chance of being in the top k), how far the ranking moves, and the Sobol indices if
 * they were run.
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_ranking_with_uncertainty_to_document(const AccordRanking *ranking,
					    const AccordUncertainty *uncertainty)
{
	g_return_val_if_fail(ranking != NULL && uncertainty != NULL, NULL);
	return with_figures(accord_ranking_to_document(ranking), uncertainty, TRUE);
}
