#include "config.h"

#include "build-private.h"

/* the comparison of two countries, per ruleset: scores, alignment, every criterion, and the
 * divergences with the provision and both sides' facts */

static const AccordEvaluation *
evaluation_of(const AccordScore *score)
{
	return accord_score_get_evaluation(score);
}

static void
build_alignment(AccordNode *item, const AccordAlignment *al, const gchar *prefix)
{
	g_autofree gchar *compared = g_strconcat(prefix, "compared", NULL);
	g_autofree gchar *agree = g_strconcat(prefix, "agree", NULL);
	g_autofree gchar *both = g_strconcat(prefix, "both_meet", NULL);

	accord_node_add_field(item, compared, "Weight compared", accord_cell_percent(al->compared));
	accord_node_add_field(item, agree, "Agree on", accord_cell_percent(al->agree));
	accord_node_add_field(item, both, "Both meet", accord_cell_percent(al->both_pass));
}

static void
build_pillars(AccordNode *item, const AccordComparison *cmp)
{
	const AccordRuleset *rs = accord_comparison_get_ruleset(cmp);
	AccordNode *table = accord_node_add_table(item, "pillars", "Pillars");

	accord_table_add_column(table, "pillar", "Pillar");
	accord_table_add_column(table, "score_a", "Score A");
	accord_table_add_column(table, "score_b", "Score B");
	accord_table_add_column(table, "compared", "Compared");
	accord_table_add_column(table, "agree", "Agree");
	accord_table_add_column(table, "both_meet", "Both meet");
	accord_table_add_column(table, "title", "Title");
	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *p = accord_ruleset_get_pillar(rs, i);
		const AccordAlignment *al = accord_comparison_get_pillar_alignment(cmp, p);
		AccordCell row[] = {
		    accord_cell_id(accord_pillar_get_id(p)),
		    accord_cell_score(accord_score_get_pillar(accord_comparison_get_score_a(cmp), p)->value),
		    accord_cell_score(accord_score_get_pillar(accord_comparison_get_score_b(cmp), p)->value),
		    accord_cell_percent(al->compared),
		    accord_cell_percent(al->agree),
		    accord_cell_percent(al->both_pass),
		    accord_cell_text(accord_pillar_get_title(p))};
		accord_table_add_row(table, row, G_N_ELEMENTS(row));
	}
}

static void
build_criteria(AccordNode *item, const AccordComparison *cmp)
{
	AccordNode *table = accord_node_add_table(item, "criteria", "Criteria");

	accord_table_add_column(table, "rule", "Rule");
	accord_table_add_column(table, "criterion", "Criterion");
	accord_table_add_column(table, "agreement", "Met by");
	accord_table_add_column(table, "divergence", "Divergence");
	accord_table_add_column(table, "weight", "Weight");
	accord_table_add_column(table, "title", "Title");
	for (guint i = 0; i < accord_comparison_get_n_items(cmp); i++) {
		const AccordComparisonItem *it = accord_comparison_get_item(cmp, i);
		AccordCell row[] = {
		    accord_cell_id(accord_rule_get_id(accord_criterion_get_rule(it->criterion))),
		    accord_cell_id(accord_criterion_get_id(it->criterion)),
		    accord_cell_outcome(accord_agreement_to_string(it->agreement)),
		    it->divergence == ACCORD_DIVERGENCE_NONE
			? accord_cell_empty()
			: accord_cell_outcome(accord_divergence_to_string(it->divergence)),
		    accord_cell_percent(it->weight),
		    accord_cell_text(accord_criterion_get_title(it->criterion))};
		accord_table_add_row(table, row, G_N_ELEMENTS(row));
	}
}

static void
build_divergence(AccordNode *list, const AccordComparison *cmp, const AccordComparisonItem *it)
{
	const AccordCriterion *c = it->criterion;
	const AccordRule *rule = accord_criterion_get_rule(c);
	const AccordScore *a = accord_comparison_get_score_a(cmp);
	const AccordScore *b = accord_comparison_get_score_b(cmp);
	AccordNode *item = accord_node_add_item(list, accord_criterion_get_title(c));
	AccordNode *facts;

	accord_node_add_key_field(item, "criterion", "Criterion", accord_cell_id(accord_criterion_get_id(c)));
	accord_node_add_field(item,
			      "divergence",
			      "Divergence",
			      accord_cell_outcome(accord_divergence_to_string(it->divergence)));
	accord_node_add_field(item,
			      "agreement",
			      "Met by",
			      accord_cell_outcome(accord_agreement_to_string(it->agreement)));
	accord_node_add_field(item, "outcome_a", "Outcome A", accord_cell_outcome(accord_build_outcome(a, c)));
	accord_node_add_field(item, "outcome_b", "Outcome B", accord_cell_outcome(accord_build_outcome(b, c)));
	accord_node_add_field(item, "rule", "Rule", accord_cell_id(accord_rule_get_id(rule)));
	accord_node_add_field(item, "provision", "Provision", accord_build_provision(rule));
	facts = accord_node_add_table(item, "facts", NULL);
	accord_table_add_column(facts, "side", "Side");
	accord_table_add_column(facts, "fact", "States");
	{
		AccordCell side_a[] = {accord_cell_id("A")};
		AccordCell side_b[] = {accord_cell_id("B")};

		accord_build_fact_rows(facts, a, c, side_a, 1);
		accord_build_fact_rows(facts, b, c, side_b, 1);
	}
	accord_node_add_field(item,
			      "recommendation",
			      "Recommendation",
			      accord_cell_text(accord_rule_get_recommendation(rule)));
}

static void
build_ruleset(AccordNode *list, const AccordComparison *cmp, const AccordComparison *baseline)
{
	const AccordRuleset *rs = accord_comparison_get_ruleset(cmp);
	AccordNode *item = accord_node_add_item(list, accord_ruleset_get_title(rs));
	AccordNode *divergences;

	accord_node_add_key_field(item, "ruleset", "Ruleset", accord_cell_id(accord_ruleset_get_id(rs)));
	accord_node_add_field(item, "version", "Version", accord_cell_text(accord_ruleset_get_version(rs)));
	accord_build_overall_fields(item, accord_comparison_get_score_a(cmp), "a");
	accord_build_overall_fields(item, accord_comparison_get_score_b(cmp), "b");
	build_alignment(item, accord_comparison_get_alignment(cmp), "");
	if (baseline != NULL) {
		accord_build_overall_fields(item, accord_comparison_get_score_a(baseline), "a_without_assumptions");
		accord_build_overall_fields(item, accord_comparison_get_score_b(baseline), "b_without_assumptions");
		build_alignment(item, accord_comparison_get_alignment(baseline), "without_assumptions_");
	}
	build_pillars(item, cmp);
	build_criteria(item, cmp);
	divergences = accord_node_add_list(item, "divergences", "Divergences");
	for (guint i = 0; i < accord_comparison_get_n_items(cmp); i++) {
		const AccordComparisonItem *it = accord_comparison_get_item(cmp, i);
		if (it->divergence != ACCORD_DIVERGENCE_NONE)
			build_divergence(divergences, cmp, it);
	}
}

/**
 * accord_comparisons_to_document:
 * @comparisons: (element-type AccordComparison): one comparison of the same two countries
 *   per ruleset
 * @baselines: (nullable) (element-type AccordComparison): the same comparisons without
 *   what-if assumptions, or %NULL
 *
 * The comparison view: per ruleset, both scores, the alignment, every criterion (who meets
 * it, the kind of divergence, its weight) and each divergence with its provision and both
 * countries' facts.
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_comparisons_to_document(const GPtrArray *comparisons, const GPtrArray *baselines)
{
	const AccordComparison *first;
	AccordDocument *doc;
	AccordNode *root, *list, *assumed;

	g_return_val_if_fail(comparisons != NULL && comparisons->len > 0, NULL);
	first = g_ptr_array_index(comparisons, 0);
	doc = accord_build_document("compare", "Accord comparison", NULL);
	root = accord_document_get_root(doc);
	accord_build_profile_fields(root,
				    accord_evaluation_get_profile(
					evaluation_of(accord_comparison_get_score_a(first))),
				    "a");
	accord_build_profile_fields(root,
				    accord_evaluation_get_profile(
					evaluation_of(accord_comparison_get_score_b(first))),
				    "b");
	accord_build_options_fields(root, accord_score_get_options(accord_comparison_get_score_a(first)));
	assumed = accord_build_assumptions(
	    root, NULL, accord_evaluation_get_profile(evaluation_of(accord_comparison_get_score_a(first))), TRUE);
	accord_build_assumptions(root,
				 assumed,
				 accord_evaluation_get_profile(evaluation_of(accord_comparison_get_score_b(first))),
				 TRUE);
	accord_node_add_text(root,
			     "Met means the outcome is pass (partial is not met). A divergence is "
			     "a conflict when the side that falls short states a regime of its own, "
			     "a gap when it lacks one. Weights and alignment are shares of the "
			     "ruleset's weight.");
	list = accord_node_add_list(root, "rulesets", "Rulesets");
	for (guint i = 0; i < comparisons->len; i++)
		build_ruleset(list,
			      g_ptr_array_index(comparisons, i),
			      baselines != NULL ? g_ptr_array_index(baselines, i) : NULL);
	return doc;
}
