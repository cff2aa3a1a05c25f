#include "config.h"

#include "build-private.h"

/* the gap report: every rule short of full marks, largest gap first, with the provision it
 * falls short of, the unmet criteria and the facts behind them, and the recommendation */

/* the unmet criteria of @gap as rows of @table: the criterion, its outcome and credit, its
 * title and the facts behind it; @cited in a report that quotes each criterion once under its
 * rule, the rule first and no title */
static void
build_unmet(AccordNode *table, const AccordScore *score, const AccordGap *gap, gboolean cited)
{
	const AccordEvaluation *evaluation = accord_score_get_evaluation(score);

	for (guint i = 0; i < gap->unmet->len; i++) {
		const AccordCriterion *c = g_ptr_array_index(gap->unmet, i);
		const AccordCriterionResult *r = accord_evaluation_get_result(evaluation, c);
		AccordCell lead[4];
		guint n = 0;

		if (cited)
			lead[n++] = accord_cell_id(accord_rule_get_id(gap->rule));
		lead[n++] = accord_cell_with_marks(accord_cell_id(accord_criterion_get_id(c)),
						   accord_build_basis_marks(score, c));
		lead[n++] = accord_cell_outcome(accord_outcome_to_string(r->outcome));
		lead[n++] = accord_cell_percent(r->credit);
		if (!cited)
			lead[n++] = accord_cell_text(accord_criterion_get_title(c));
		accord_build_fact_rows(table, score, c, lead, n);
	}
}

/* a gap as an item: its rule and how far short it falls, the provision, the unmet criteria
 * and the facts behind them, and the recommendation */
static void
build_gap(AccordNode *list, const AccordScore *score, const AccordGap *gap, guint rank)
{
	const AccordRule *rule = gap->rule;
	AccordNode *item = accord_node_add_section(list, NULL, accord_rule_get_title(rule));

	ACCORD_FIELDS(
	    item,
	    {"rank", "Rank", accord_cell_count(rank)},
	    {"rule", "Rule", accord_cell_id(accord_rule_get_id(rule)), TRUE},
	    {"obligation",
	     "Obligation",
	     accord_cell_text(accord_obligation_get_id(accord_rule_get_obligation(rule)))},
	    {"score", "Rule score", accord_cell_score(gap->score)},
	    {"share", "Weight share", accord_cell_percent(gap->share)},
	    {"gap", "Gap (points)", accord_cell_score(gap->gap)},
	    {"provision", "Provision", accord_build_provision(rule)});
	build_unmet(accord_node_add_table(item,
					  "unmet",
					  "Unmet criteria",
					  "criterion=Criterion|outcome=Outcome|credit=Credit|"
					  "title=Title|fact=The profile states"),
		    score,
		    gap,
		    FALSE);
	ACCORD_FIELDS(item,
		      {"recommendation",
		       "Recommendation",
		       accord_cell_text(accord_rule_get_recommendation(rule))});
}

/* the gaps for a report of several countries, which quotes each rule once: one table of the
 * gaps (rank, rule and how far short it falls, the rule's title) and one of their unmet
 * criteria, each row naming its rule */
static void
build_gap_tables(AccordNode *root, const AccordScore *score, const AccordGapList *gaps)
{
	guint n = accord_gap_list_get_n_gaps(gaps);
	AccordNode *table =
	    accord_node_add_table(root,
				  "gaps",
				  "Gaps",
				  "rank=Rank|rule=Rule|score=Rule score|"
				  "share=Weight share|gap=Gap (points)|title=Title");

	for (guint i = 0; i < n; i++) {
		const AccordGap *gap = accord_gap_list_get_gap(gaps, i);
		ACCORD_ROW(table,
			   accord_cell_count(i + 1),
			   accord_cell_id(accord_rule_get_id(gap->rule)),
			   accord_cell_score(gap->score),
			   accord_cell_percent(gap->share),
			   accord_cell_score(gap->gap),
			   accord_cell_text(accord_rule_get_title(gap->rule)));
	}
	table = accord_node_add_table(root,
				      "unmet",
				      "Unmet criteria",
				      "rule=Rule|criterion=Criterion|outcome=Outcome|credit=Credit|"
				      "fact=The profile states");
	for (guint i = 0; i < n; i++)
		build_unmet(table, score, accord_gap_list_get_gap(gaps, i), TRUE);
}

/* the gap report; inside a report of several countries, which quotes each ruleset's version,
 * title and agreement, the pillars' titles and each rule once, its gaps and their unmet
 * criteria as two tables, each row naming its rule */
AccordDocument *
accord_build_gaps(const AccordAssessment *assessment,
		  const AccordGapList *gaps,
		  AccordBuildPlace place)
{
	gboolean quote = place != ACCORD_BUILD_IN_REPORT;
	const AccordScore *score = accord_assessment_get_score(assessment, ACCORD_VARIANT_AS_GIVEN);
	AccordDocument *doc = accord_build_document("gaps", "Accord gap report", NULL);
	AccordNode *root = accord_document_get_root(doc), *list;

	accord_build_header(root, score, quote);
	ACCORD_FIELDS(root,
		      {"total_gap",
		       "Total gap (points)",
		       accord_cell_score(accord_gap_list_get_total(gaps))});
	accord_build_context(root, assessment);
	accord_build_pillars(root, score, quote);
	if (!quote) {
		build_gap_tables(root, score, gaps);
		return doc;
	}
	accord_node_add_text(root, ACCORD_BUILD_GAP_PROSE);
	list = accord_node_add_list(root, "gaps", "Gaps");
	for (guint i = 0; i < accord_gap_list_get_n_gaps(gaps); i++)
		build_gap(list, score, accord_gap_list_get_gap(gaps, i), i + 1);
	return doc;
}

/**
 * accord_gaps_to_document:
 * @assessment: an assessment
 * @gaps: its gaps (accord_gaps_compute() of its score as given)
 *
 * The gap report: the overall score, what changed the inputs, the pillars, and each rule
 * short of full marks by gap (share × (100 − rule score)), largest first.
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_gaps_to_document(const AccordAssessment *assessment, const AccordGapList *gaps)
{
	g_return_val_if_fail(assessment != NULL && gaps != NULL, NULL);
	return accord_build_gaps(assessment, gaps, ACCORD_BUILD_ALONE);
}
