#include "config.h"

#include "build-private.h"

/* the derivation of a score: every term of every mean, as the explanation holds them */

static void
build_pillars(AccordNode *root, const AccordExplanation *explanation)
{
	AccordNode *table =
	    accord_node_add_table(root,
				  "pillars",
				  "Pillars",
				  "pillar=Pillar|weight=Weight|numerator=Numerator|"
				  "denominator=Denominator|score=Score|coverage=Coverage|"
				  "coverage_high=High confidence|zeroes=Zeroes the mean");

	for (guint i = 0; i < accord_explanation_get_n_pillars(explanation); i++) {
		const AccordPillarTerm *t = accord_explanation_get_pillar(explanation, i);
		ACCORD_ROW(table,
			   accord_cell_id(accord_pillar_get_id(t->pillar)),
			   accord_cell_number(t->weight, 4),
			   accord_cell_number(t->score->numerator, 4),
			   accord_cell_number(t->score->denominator, 4),
			   accord_cell_number(t->score->value, 4),
			   accord_cell_percent(t->score->coverage),
			   accord_cell_percent(t->score->coverage_high),
			   accord_cell_boolean(t->zeroes));
	}
}

static void
build_overall(AccordNode *root, const AccordExplanation *explanation)
{
	const AccordScore *score = accord_explanation_get_score(explanation);
	const AccordScoreItem *o = accord_score_get_overall(score);
	AccordNode *total = accord_node_add_section(root, "aggregate", "Overall");
	ACCORD_FIELDS(total,
		      {"aggregation",
		       "Aggregation",
		       accord_cell_outcome(accord_aggregation_to_string(
			   accord_score_get_options(score)->aggregation))},
		      {"zeroing_pillars",
		       "Pillars at 0 that zero it",
		       accord_cell_count(accord_explanation_get_n_zeroing(explanation))},
		      {"numerator", "Numerator", accord_cell_number(o->numerator, 4)},
		      {"denominator", "Denominator", accord_cell_number(o->denominator, 4)},
		      {"score", "Score", accord_cell_number(o->value, 4)});
}

static void
build_gains(AccordNode *root, const AccordExplanation *explanation)
{
	const AccordScore *score = accord_explanation_get_score(explanation);
	AccordNode *table =
	    accord_node_add_table(root,
				  "gains",
				  "Marginal gains",
				  "criterion=Criterion|rule=Rule|outcome=Now|gain=Gain|"
				  "title=Title");

	for (guint i = 0; i < accord_explanation_get_n_gains(explanation); i++) {
		const AccordMarginalGain *g = accord_explanation_get_gain(explanation, i);
		const AccordCriterion *c = g->criterion;
		ACCORD_ROW(table,
			   accord_cell_id(accord_criterion_get_id(c)),
			   accord_cell_id(accord_rule_get_id(accord_criterion_get_rule(c))),
			   accord_cell_outcome(accord_build_outcome(score, c)),
			   accord_cell_number(g->gain, 4),
			   accord_cell_text(accord_criterion_get_title(c)));
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
	AccordDocument *doc;
	AccordNode *root;

	g_return_val_if_fail(assessment != NULL && explanation != NULL, NULL);
	score = accord_explanation_get_score(explanation);
	doc = accord_build_document("explain", "Accord score derivation", score);
	root = accord_document_get_root(doc);
	accord_build_context(root, assessment);
	accord_node_add_text(
	    root,
	    "Rule score = 100 x numerator / denominator: the sums of weight used x "
	    "credit and of weight used over the counted criteria (XCCDF models: "
	    "pass/fail credit; flat-unweighted and absolute: unit weights). A "
	    "rule's weight in its pillar is its weight as set x its multiplier.");
	accord_build_rules(root, score, explanation);
	accord_node_add_text(
	    root,
	    "Pillar and overall scores: the weighted mean of the scores below them "
	    "(numerator sum(w x s/100), denominator sum(w)); geometric aggregation "
	    "keeps sum(w x ln(s/100)) as numerator and is 0 if any pillar is 0; "
	    "the flat models add numerators and denominators up the tree.");
	build_pillars(root, explanation);
	build_overall(root, explanation);
	accord_node_add_text(root,
			     "Marginal gain: the overall score re-computed with one open criterion "
			     "taken as met, less the current score.");
	build_gains(root, explanation);
	return doc;
}
