#include "config.h"

#include "build-private.h"

/* the gap report: every rule short of full marks, largest gap first, with the provision it
 * falls short of, the unmet criteria and the facts behind them, and the recommendation */

/* a gap: its rule and how far short it falls, the unmet criteria and the facts behind them;
 * with @quote, what is the same for every country too: the rule's obligation, provision and
 * recommendation and the criteria's titles, which a report of several countries quotes once */
static void
build_gap(AccordNode *list,
	  const AccordScore *score,
	  const AccordGap *gap,
	  guint rank,
	  gboolean quote)
{
	const AccordRule *rule = gap->rule;
	const AccordEvaluation *evaluation = accord_score_get_evaluation(score);
	AccordNode *item = accord_node_add_section(list, NULL, accord_rule_get_title(rule));
	AccordNode *table;

	ACCORD_FIELDS(item,
		      {"rank", "Rank", accord_cell_count(rank)},
		      {"rule", "Rule", accord_cell_id(accord_rule_get_id(rule)), TRUE});
	if (quote)
		ACCORD_FIELDS(
		    item,
		    {"obligation",
		     "Obligation",
		     accord_cell_text(accord_obligation_get_id(accord_rule_get_obligation(rule)))});
	ACCORD_FIELDS(item,
		      {"score", "Rule score", accord_cell_score(gap->score)},
		      {"share", "Weight share", accord_cell_percent(gap->share)},
		      {"gap", "Gap (points)", accord_cell_score(gap->gap)});
	if (quote)
		ACCORD_FIELDS(item, {"provision", "Provision", accord_build_provision(rule)});
	table = accord_node_add_table(item,
				      "unmet",
				      "Unmet criteria",
				      quote ? "criterion=Criterion|outcome=Outcome|credit=Credit|"
					      "title=Title|fact=The profile states"
					    : "criterion=Criterion|outcome=Outcome|credit=Credit|"
					      "fact=The profile states");
	for (guint i = 0; i < gap->unmet->len; i++) {
		const AccordCriterion *c = g_ptr_array_index(gap->unmet, i);
		const AccordCriterionResult *r = accord_evaluation_get_result(evaluation, c);
		AccordCell lead[] = {
		    accord_cell_with_marks(accord_cell_id(accord_criterion_get_id(c)),
					   accord_build_basis_marks(score, c)),
		    accord_cell_outcome(accord_outcome_to_string(r->outcome)),
		    accord_cell_percent(r->credit),
		    accord_cell_text(accord_criterion_get_title(c))};

		accord_build_fact_rows(table, score, c, lead, G_N_ELEMENTS(lead) - (quote ? 0 : 1));
	}
	if (quote)
		ACCORD_FIELDS(item,
			      {"recommendation",
			       "Recommendation",
			       accord_cell_text(accord_rule_get_recommendation(rule))});
}

/* the gap report; with @quote FALSE, its gaps and pillars cite what a report quotes once */
AccordDocument *
accord_build_gaps(const AccordAssessment *assessment, const AccordGapList *gaps, gboolean quote)
{
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
	if (quote)
		accord_node_add_text(root, ACCORD_BUILD_GAP_PROSE);
	list = accord_node_add_list(root, "gaps", "Gaps");
	for (guint i = 0; i < accord_gap_list_get_n_gaps(gaps); i++)
		build_gap(list, score, accord_gap_list_get_gap(gaps, i), i + 1, quote);
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
	return accord_build_gaps(assessment, gaps, TRUE);
}
