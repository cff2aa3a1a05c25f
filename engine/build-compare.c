#include "config.h"

#include "build-private.h"

/* the comparison of two countries, per ruleset: scores, alignment, every criterion, and the
 * divergences with the provision and both sides' facts */

static const AccordEvaluation *
evaluation_of(const AccordScore *score)
{
	return accord_score_get_evaluation(score);
}

/* both sides' overall scores and the alignment, as given and, when assumptions applied,
 * without them */
static void
build_scores(AccordNode *item, const AccordComparison *cmp, const AccordComparison *baseline)
{
	AccordNode *table =
	    accord_node_add_table(item,
				  "scores",
				  NULL,
				  "variant=Variant|a=Score A|a_coverage=Coverage A|b=Score B|"
				  "b_coverage=Coverage B|compared=Weight compared|agree=Agree on|"
				  "both_meet=Both meet");

	for (guint v = 0; v < 2; v++) {
		const AccordComparison *c = v == 0 ? cmp : baseline;
		const AccordScoreItem *a, *b;
		const AccordAlignment *al;

		if (c == NULL)
			continue;
		a = accord_score_get_overall(accord_comparison_get_score_a(c));
		b = accord_score_get_overall(accord_comparison_get_score_b(c));
		al = accord_comparison_get_alignment(c);
		{
			ACCORD_ROW(table,
				   accord_cell_outcome(accord_variant_to_string(
				       v == 0 ? ACCORD_VARIANT_AS_GIVEN
					      : ACCORD_VARIANT_WITHOUT_ASSUMPTIONS)),
				   accord_cell_score(a->value),
				   accord_cell_percent(a->coverage),
				   accord_cell_score(b->value),
				   accord_cell_percent(b->coverage),
				   accord_cell_percent(al->compared),
				   accord_cell_percent(al->agree),
				   accord_cell_percent(al->both_pass));
		}
	}
}

static void
build_pillars(AccordNode *item, const AccordComparison *cmp)
{
	const AccordRuleset *rs = accord_comparison_get_ruleset(cmp);
	AccordNode *table =
	    accord_node_add_table(item,
				  "pillars",
				  "Pillars",
				  "pillar=Pillar|score_a=Score A|score_b=Score B|compared=Compared|"
				  "agree=Agree|both_meet=Both meet|title=Title");

	for (guint i = 0; i < accord_ruleset_get_n_pillars(rs); i++) {
		const AccordPillar *p = accord_ruleset_get_pillar(rs, i);
		const AccordAlignment *al = accord_comparison_get_pillar_alignment(cmp, p);
		ACCORD_ROW(
		    table,
		    accord_cell_id(accord_pillar_get_id(p)),
		    accord_cell_score(
			accord_score_get_pillar(accord_comparison_get_score_a(cmp), p)->value),
		    accord_cell_score(
			accord_score_get_pillar(accord_comparison_get_score_b(cmp), p)->value),
		    accord_cell_percent(al->compared),
		    accord_cell_percent(al->agree),
		    accord_cell_percent(al->both_pass),
		    accord_cell_text(accord_pillar_get_title(p)));
	}
	accord_table_add_chart(table,
			       ACCORD_CHART_RADAR,
			       "Pillar scores of A and B, overlaid",
			       "pillar",
			       "score_a|score_b");
}

static void
build_criteria(AccordNode *item, const AccordComparison *cmp)
{
	AccordNode *table = accord_node_add_table(
	    item,
	    "criteria",
	    "Criteria",
	    "rule=Rule|criterion=Criterion|agreement=Met by|divergence=Divergence|"
	    "weight=Weight|title=Title");

	for (guint i = 0; i < accord_comparison_get_n_items(cmp); i++) {
		const AccordComparisonItem *it = accord_comparison_get_item(cmp, i);
		ACCORD_ROW(
		    table,
		    accord_cell_id(accord_rule_get_id(accord_criterion_get_rule(it->criterion))),
		    accord_cell_id(accord_criterion_get_id(it->criterion)),
		    accord_cell_outcome(accord_agreement_to_string(it->agreement)),
		    it->divergence == ACCORD_DIVERGENCE_NONE
			? accord_cell_empty()
			: accord_cell_outcome(accord_divergence_to_string(it->divergence)),
		    accord_cell_percent(it->weight),
		    accord_cell_text(accord_criterion_get_title(it->criterion)));
	}
}

static void
build_divergence(AccordNode *list, const AccordComparison *cmp, const AccordComparisonItem *it)
{
	const AccordCriterion *c = it->criterion;
	const AccordRule *rule = accord_criterion_get_rule(c);
	const AccordScore *a = accord_comparison_get_score_a(cmp);
	const AccordScore *b = accord_comparison_get_score_b(cmp);
	AccordNode *item = accord_node_add_section(list, NULL, accord_criterion_get_title(c));
	AccordNode *facts;

	ACCORD_FIELDS(
	    item,
	    {"criterion", "Criterion", accord_cell_id(accord_criterion_get_id(c)), TRUE},
	    {"divergence",
	     "Divergence",
	     accord_cell_outcome(accord_divergence_to_string(it->divergence))},
	    {"agreement", "Met by", accord_cell_outcome(accord_agreement_to_string(it->agreement))},
	    {"outcome_a", "Outcome A", accord_cell_outcome(accord_build_outcome(a, c))},
	    {"outcome_b", "Outcome B", accord_cell_outcome(accord_build_outcome(b, c))},
	    {"rule", "Rule", accord_cell_id(accord_rule_get_id(rule))},
	    {"provision", "Provision", accord_build_provision(rule)});
	facts = accord_node_add_table(item, "facts", NULL, "side=Side|states=States");
	accord_build_fact_rows(facts, a, c, (AccordCell[]){accord_cell_id("A")}, 1);
	accord_build_fact_rows(facts, b, c, (AccordCell[]){accord_cell_id("B")}, 1);
	ACCORD_FIELDS(item,
		      {"recommendation",
		       "Recommendation",
		       accord_cell_text(accord_rule_get_recommendation(rule))});
}

static void
build_ruleset(AccordNode *list, const AccordComparison *cmp, const AccordComparison *baseline)
{
	const AccordRuleset *rs = accord_comparison_get_ruleset(cmp);
	AccordNode *item = accord_node_add_section(list, NULL, accord_ruleset_get_title(rs));
	AccordNode *divergences;

	ACCORD_FIELDS(item,
		      {"ruleset", "Ruleset", accord_cell_id(accord_ruleset_get_id(rs)), TRUE},
		      {"version", "Version", accord_cell_text(accord_ruleset_get_version(rs))});
	build_scores(item, cmp, baseline);
	build_pillars(item, cmp);
	build_criteria(item, cmp);
	divergences = accord_node_add_list(item, "divergences", "Divergences");
	for (guint i = 0; i < accord_comparison_get_n_items(cmp); i++) {
		const AccordComparisonItem *it = accord_comparison_get_item(cmp, i);
		if (it->divergence != ACCORD_DIVERGENCE_NONE)
			build_divergence(divergences, cmp, it);
	}
}

static void
build_sides(AccordNode *root, const AccordComparison *cmp)
{
	AccordNode *table =
	    accord_node_add_table(root,
				  "countries",
				  NULL,
				  "side=Side|country=Country|name=Name|as_of=As of");

	for (guint i = 0; i < 2; i++) {
		const AccordProfile *p = accord_evaluation_get_profile(
		    evaluation_of(i == 0 ? accord_comparison_get_score_a(cmp)
					 : accord_comparison_get_score_b(cmp)));
		ACCORD_ROW(table,
			   accord_cell_id(i == 0 ? "A" : "B"),
			   accord_cell_id(accord_profile_get_country(p)),
			   accord_cell_text(accord_profile_get_name(p)),
			   accord_cell_date(accord_profile_get_as_of(p)));
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
	build_sides(root, first);
	accord_build_options_fields(root,
				    accord_score_get_options(accord_comparison_get_score_a(first)));
	assumed = accord_build_assumptions(
	    root,
	    NULL,
	    accord_evaluation_get_profile(evaluation_of(accord_comparison_get_score_a(first))));
	accord_build_assumptions(
	    root,
	    assumed,
	    accord_evaluation_get_profile(evaluation_of(accord_comparison_get_score_b(first))));
	accord_node_add_text(
	    root,
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
