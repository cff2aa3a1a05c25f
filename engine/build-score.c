#include "config.h"

#include "build-private.h"

/* the score view: overall, pillars, and every rule with the outcome of each criterion */

static void
build_criteria(AccordNode *item, const AccordScore *score, const AccordRule *rule)
{
	const AccordEvaluation *evaluation = accord_score_get_evaluation(score);
	AccordNode *table = accord_node_add_table(item, "criteria", NULL);

	accord_table_add_column(table, "criterion", "Criterion");
	accord_table_add_column(table, "outcome", "Outcome");
	accord_table_add_column(table, "credit", "Credit");
	accord_table_add_column(table, "weight", "Weight");
	accord_table_add_column(table, "term", "Counted");
	accord_table_add_column(table, "title", "Title");
	accord_table_add_column(table, "reason", "Why");
	for (guint i = 0; i < accord_rule_get_n_criteria(rule); i++) {
		const AccordCriterion *c = accord_rule_get_criterion(rule, i);
		const AccordCriterionResult *r = accord_evaluation_get_result(evaluation, c);
		const AccordScoreTerm *t = accord_score_get_term(score, c);
		AccordCell row[] = {
		    accord_cell_id(accord_criterion_get_id(c)),
		    accord_cell_outcome(accord_outcome_to_string(r->outcome)),
		    accord_cell_percent(r->credit),
		    accord_cell_number(t->weight_as_set, 4),
		    accord_cell_outcome(accord_term_status_to_string(t->status)),
		    accord_cell_text(accord_criterion_get_title(c)),
		    accord_cell_text(r->reason)};
		accord_table_add_row(table, row, G_N_ELEMENTS(row));
	}
}

static void
build_rules(AccordNode *root, const AccordScore *score)
{
	const AccordRuleset *rs = accord_evaluation_get_ruleset(accord_score_get_evaluation(score));
	AccordNode *list = accord_node_add_list(root, "rules", "Rules");

	for (guint i = 0; i < accord_ruleset_get_n_rules(rs); i++) {
		const AccordRule *r = accord_ruleset_get_rule(rs, i);
		const AccordScoreItem *item = accord_score_get_rule(score, r);
		AccordNode *node = accord_node_add_item(list, accord_rule_get_title(r));

		accord_node_add_key_field(node, "rule", "Rule", accord_cell_id(accord_rule_get_id(r)));
		accord_node_add_field(node,
				      "pillar",
				      "Pillar",
				      accord_cell_id(accord_pillar_get_id(accord_rule_get_pillar(r))));
		accord_node_add_field(node, "score", "Score", accord_cell_score(item->value));
		accord_node_add_field(node, "coverage", "Coverage", accord_cell_percent(item->coverage));
		accord_node_add_field(node, "share", "Weight share", accord_cell_percent(item->share));
		build_criteria(node, score, r);
	}
}

/**
 * accord_score_to_document:
 * @assessment: an assessment
 *
 * The score view: overall score and coverage, what changed the inputs (variants,
 * assumptions, tailoring, waivers), the pillars, and each rule with every criterion's
 * outcome, credit, weight, whether it counted, and why.
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_score_to_document(const AccordAssessment *assessment)
{
	const AccordScore *score;
	AccordDocument *doc;

	g_return_val_if_fail(assessment != NULL, NULL);
	score = accord_assessment_get_score(assessment, ACCORD_VARIANT_AS_GIVEN);
	doc = accord_build_document("score", "Accord score report", score);
	accord_build_context(accord_document_get_root(doc), assessment);
	accord_build_pillars(accord_document_get_root(doc), score);
	build_rules(accord_document_get_root(doc), score);
	return doc;
}
