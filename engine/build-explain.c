#include "config.h"

#include "build-private.h"

/* the derivation of a score: every term of every mean, as the explanation holds them */

static const gchar *const rule_prose[] = {
    /* weighted, xccdf-default */
    "Rule score = 100 x sum(weight x credit) / sum(weight) over its counted criteria. A rule's "
    "weight in its pillar is its weight as set x its obligation's multiplier.",
    /* flat models */
    "Rule score = 100 x numerator / denominator, the sums of weight x credit and of weight over "
    "its counted criteria (pass/fail credit, unit weights under flat-unweighted and absolute); "
    "the flat models add these sums up the tree."};

static const gchar *
prose_for(const AccordScoreOptions *options)
{
	return rule_prose[options->model == ACCORD_SCORE_MODEL_WEIGHTED ||
				  options->model == ACCORD_SCORE_MODEL_XCCDF_DEFAULT
			      ? 0
			      : 1];
}

static void
build_terms(AccordNode *item, const AccordScore *score, const AccordRule *rule)
{
	const AccordEvaluation *evaluation = accord_score_get_evaluation(score);
	AccordNode *table = accord_node_add_table(item, "terms", NULL);

	accord_table_add_column(table, "criterion", "Criterion");
	accord_table_add_column(table, "outcome", "Outcome");
	accord_table_add_column(table, "credit", "Credit");
	accord_table_add_column(table, "weight_as_set", "Weight set");
	accord_table_add_column(table, "weight", "Weight used");
	accord_table_add_column(table, "status", "Counted");
	accord_table_add_column(table, "reason", "Why");
	for (guint i = 0; i < accord_rule_get_n_criteria(rule); i++) {
		const AccordCriterion *c = accord_rule_get_criterion(rule, i);
		const AccordScoreTerm *t = accord_score_get_term(score, c);
		AccordCell row[] = {
		    accord_cell_id(accord_criterion_get_id(c)),
		    accord_cell_outcome(accord_outcome_to_string(
			accord_evaluation_get_result(evaluation, c)->outcome)),
		    accord_cell_number(t->credit, 4),
		    accord_cell_number(t->weight_as_set, 4),
		    accord_cell_number(t->weight, 4),
		    accord_cell_outcome(accord_term_status_to_string(t->status)),
		    accord_cell_text(accord_evaluation_get_result(evaluation, c)->reason)};
		accord_table_add_row(table, row, G_N_ELEMENTS(row));
	}
}

static void
build_item_terms(AccordNode *item, const AccordScoreItem *s)
{
	accord_node_add_field(item, "numerator", "Numerator", accord_cell_number(s->numerator, 4));
	accord_node_add_field(item,
			      "denominator",
			      "Denominator",
			      accord_cell_number(s->denominator, 4));
	accord_node_add_field(item, "score", "Score", accord_cell_number(s->value, 4));
	accord_node_add_field(item, "coverage", "Coverage", accord_cell_percent(s->coverage));
}

static void
build_rules(AccordNode *root, const AccordExplanation *explanation)
{
	const AccordScore *score = accord_explanation_get_score(explanation);
	AccordNode *list = accord_node_add_list(root, "rules", "Rules");

	for (guint i = 0; i < accord_explanation_get_n_rules(explanation); i++) {
		const AccordRuleTerm *t = accord_explanation_get_rule(explanation, i);
		AccordNode *item = accord_node_add_item(list, accord_rule_get_title(t->rule));

		accord_node_add_key_field(item, "rule", "Rule", accord_cell_id(accord_rule_get_id(t->rule)));
		accord_node_add_field(
		    item,
		    "pillar",
		    "Pillar",
		    accord_cell_id(accord_pillar_get_id(accord_rule_get_pillar(t->rule))));
		accord_node_add_field(item,
				      "weight_as_set",
				      "Weight set",
				      accord_cell_number(t->weight_as_set, 4));
		accord_node_add_field(item,
				      "obligation",
				      "Obligation",
				      accord_cell_text(accord_obligation_get_id(
					  accord_rule_get_obligation(t->rule))));
		accord_node_add_field(item, "multiplier", "Multiplier", accord_cell_number(t->multiplier, 4));
		accord_node_add_field(item,
				      "weight",
				      "Weight in pillar",
				      accord_cell_with_marks(accord_cell_number(t->weight, 4),
							     t->selected ? 0 : ACCORD_MARK_DESELECTED));
		build_terms(item, score, t->rule);
		build_item_terms(item, t->score);
	}
}

static void
build_pillars(AccordNode *root, const AccordExplanation *explanation)
{
	AccordNode *table = accord_node_add_table(root, "pillars", "Pillars");

	accord_table_add_column(table, "pillar", "Pillar");
	accord_table_add_column(table, "weight", "Weight");
	accord_table_add_column(table, "numerator", "Numerator");
	accord_table_add_column(table, "denominator", "Denominator");
	accord_table_add_column(table, "score", "Score");
	accord_table_add_column(table, "coverage", "Coverage");
	accord_table_add_column(table, "zeroes", "Zeroes the mean");
	for (guint i = 0; i < accord_explanation_get_n_pillars(explanation); i++) {
		const AccordPillarTerm *t = accord_explanation_get_pillar(explanation, i);
		AccordCell row[] = {accord_cell_id(accord_pillar_get_id(t->pillar)),
				    accord_cell_number(t->weight, 4),
				    accord_cell_number(t->score->numerator, 4),
				    accord_cell_number(t->score->denominator, 4),
				    accord_cell_number(t->score->value, 4),
				    accord_cell_percent(t->score->coverage),
				    accord_cell_boolean(t->zeroes)};
		accord_table_add_row(table, row, G_N_ELEMENTS(row));
	}
}

static void
build_gains(AccordNode *root, const AccordExplanation *explanation)
{
	const AccordScore *score = accord_explanation_get_score(explanation);
	AccordNode *table = accord_node_add_table(root, "gains", "Marginal gains");

	accord_table_add_column(table, "criterion", "Criterion");
	accord_table_add_column(table, "rule", "Rule");
	accord_table_add_column(table, "outcome", "Now");
	accord_table_add_column(table, "gain", "Gain");
	accord_table_add_column(table, "title", "Title");
	for (guint i = 0; i < accord_explanation_get_n_gains(explanation); i++) {
		const AccordMarginalGain *g = accord_explanation_get_gain(explanation, i);
		AccordCell row[] = {
		    accord_cell_id(accord_criterion_get_id(g->criterion)),
		    accord_cell_id(accord_rule_get_id(accord_criterion_get_rule(g->criterion))),
		    accord_cell_outcome(accord_build_outcome(score, g->criterion)),
		    accord_cell_number(g->gain, 4),
		    accord_cell_text(accord_criterion_get_title(g->criterion))};
		accord_table_add_row(table, row, G_N_ELEMENTS(row));
	}
}

/**
 * accord_explanation_to_document:
 * @assessment: an assessment
 * @explanation: the explanation of its score as given
 *
 * The derivation of a score: each rule's terms (weight as set, credit, counted or why not),
 * numerator, denominator and score; each pillar's; the overall aggregation, with the pillars
 * that zero a geometric mean; and the marginal gain of meeting each open criterion alone.
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_explanation_to_document(const AccordAssessment *assessment,
			       const AccordExplanation *explanation)
{
	const AccordScore *score;
	const AccordScoreItem *overall;
	AccordDocument *doc;
	AccordNode *root, *total;

	g_return_val_if_fail(assessment != NULL && explanation != NULL, NULL);
	score = accord_explanation_get_score(explanation);
	overall = accord_score_get_overall(score);
	doc = accord_build_document("explain", "Accord score derivation", score);
	root = accord_document_get_root(doc);
	accord_build_context(root, assessment);
	accord_node_add_text(root, prose_for(accord_score_get_options(score)));
	build_rules(root, explanation);
	accord_node_add_text(root,
			     "Pillar score = sum(rule weight x rule score) / sum(rule weight) over "
			     "its applicable rules; overall = the same mean of the pillars "
			     "(geometric: exp(sum(w x ln s) / sum(w)), and 0 if any pillar is 0).");
	build_pillars(root, explanation);
	total = accord_node_add_section(root, "aggregate", "Overall");
	accord_node_add_field(total,
			      "aggregation",
			      "Aggregation",
			      accord_cell_outcome(accord_aggregation_to_string(
				  accord_score_get_options(score)->aggregation)));
	accord_node_add_field(total,
			      "zeroing_pillars",
			      "Pillars at 0 that zero it",
			      accord_cell_count(accord_explanation_get_n_zeroing(explanation)));
	build_item_terms(total, overall);
	accord_node_add_text(root,
			     "Marginal gain: the overall score re-computed with one open criterion "
			     "taken as met, less the current score.");
	build_gains(root, explanation);
	return doc;
}
