#include "config.h"

#include "build-private.h"

/* the score view, and the rules part of the derivation (build-explain.c): every rule with
 * each criterion's outcome, credit, weight, whether it counted and why */

static void
build_criteria(AccordNode *item, const AccordScore *score, const AccordRule *rule)
{
	const AccordEvaluation *evaluation = accord_score_get_evaluation(score);
	AccordNode *table =
	    accord_node_add_table(item,
				  "criteria",
				  NULL,
				  "criterion=Criterion|outcome=Outcome|credit=Credit|"
				  "weight_as_set=Weight|weight=Used|term=Counted|"
				  "confidence=Confidence|evidence=Evidence|title=Title|reason=Why");

	for (guint i = 0; i < accord_rule_get_n_criteria(rule); i++) {
		const AccordCriterion *c = accord_rule_get_criterion(rule, i);
		const AccordCriterionResult *r = accord_evaluation_get_result(evaluation, c);
		const AccordScoreTerm *t = accord_score_get_term(score, c);
		g_autofree gchar *reason = accord_evaluation_format_reason(evaluation, c);

		ACCORD_ROW(table,
			   accord_cell_with_marks(accord_cell_id(accord_criterion_get_id(c)),
						  accord_build_basis_marks(score, c)),
			   accord_cell_outcome(accord_outcome_to_string(r->outcome)),
			   accord_cell_number(t->credit, 4),
			   accord_cell_number(t->weight_as_set, 4),
			   accord_cell_number(t->weight, 4),
			   accord_cell_outcome(accord_term_status_to_string(t->status)),
			   r->known
			       ? accord_cell_confidence(accord_confidence_to_string(r->confidence))
			       : accord_cell_empty(),
			   accord_cell_date(r->evidence),
			   accord_cell_text(accord_criterion_get_title(c)),
			   accord_cell_text(reason));
	}
}

/* with an explanation, each rule also shows its weight as set, multiplier, numerator and
 * denominator */
void
accord_build_rules(AccordNode *root, const AccordScore *score, const AccordExplanation *explanation)
{
	const AccordRuleset *rs = accord_evaluation_get_ruleset(accord_score_get_evaluation(score));
	AccordNode *list = accord_node_add_list(root, "rules", "Rules");

	for (guint i = 0; i < accord_ruleset_get_n_rules(rs); i++) {
		const AccordRule *r = accord_ruleset_get_rule(rs, i);
		const AccordScoreItem *s = accord_score_get_rule(score, r);
		const AccordRuleTerm *t =
		    explanation != NULL ? accord_explanation_get_rule(explanation, i) : NULL;
		AccordNode *item = accord_build_rule_item(list, r);
		ACCORD_FIELDS(
		    item,
		    {"score", "Score", accord_cell_score(s->value)},
		    {"coverage", "Coverage", accord_cell_percent(s->coverage)},
		    {"coverage_high",
		     "High-confidence coverage",
		     accord_cell_percent(s->coverage_high)},
		    {"share", "Share of the overall score", accord_cell_percent(s->share)},
		    {"weight",
		     "Weight in its pillar",
		     accord_cell_number(accord_score_get_rule_weight(score, r), 4)});
		if (t != NULL)
			ACCORD_FIELDS(
			    item,
			    {"weight_as_set",
			     "Weight as set",
			     accord_cell_number(t->weight_as_set, 4)},
			    {"obligation",
			     "Obligation",
			     accord_cell_text(
				 accord_obligation_get_id(accord_rule_get_obligation(r)))},
			    {"multiplier", "Multiplier", accord_cell_number(t->multiplier, 4)},
			    {"numerator", "Numerator", accord_cell_number(s->numerator, 4)},
			    {"denominator", "Denominator", accord_cell_number(s->denominator, 4)});
		build_criteria(item, score, r);
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
	accord_build_pillars(accord_document_get_root(doc), score, TRUE);
	accord_build_rules(accord_document_get_root(doc), score, NULL);
	return doc;
}
