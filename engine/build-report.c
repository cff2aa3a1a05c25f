#include "config.h"

#include "build-private.h"

/* the reports that fit a whole briefing in one file: composed of the documents of the other
 * views, so they show nothing those views do not */

/**
 * accord_briefing_to_document:
 * @assessments: (element-type AccordAssessment): one country's assessment against each
 *   ruleset
 * @gap_lists: (element-type AccordGapList): the gaps of each (accord_gaps_compute() of its
 *   score as given), in the same order
 * @roadmap: the roadmap planned over all of @assessments at once
 * @flags: what to quote: everything, or (%ACCORD_BRIEFING_CITE_RULES) only what differs from
 *   one country to another, for a report that quotes the rest once
 *
 * One country's briefing: the country, then for each ruleset the ruleset, the scoring options,
 * the overall score with its coverage and high-confidence coverage, its weight in the roadmap
 * (with several rulesets), and its gap report (what changed the inputs, the pillars with their
 * chart, every gap with its provision, the facts behind it and the recommendation); then the
 * roadmap of the changes that raise all its scores (the expected scores by phase, with its
 * chart, and the steps), which leaves each ruleset's header and score to the items above.
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_briefing_to_document(const GPtrArray *assessments,
			    const GPtrArray *gap_lists,
			    const AccordRoadmap *roadmap,
			    AccordBriefingFlags flags)
{
	AccordBuildPlace place = (flags & ACCORD_BRIEFING_CITE_RULES) != 0
				     ? ACCORD_BUILD_IN_REPORT
				     : ACCORD_BUILD_IN_BRIEFING;
	gboolean quote = place != ACCORD_BUILD_IN_REPORT;
	const AccordProfile *profile;
	g_autofree gchar *title = NULL;
	g_autoptr(AccordDocument) plan = NULL;
	AccordDocument *doc;
	AccordNode *list;

	g_return_val_if_fail(assessments != NULL && assessments->len > 0, NULL);
	g_return_val_if_fail(gap_lists != NULL && gap_lists->len == assessments->len, NULL);
	g_return_val_if_fail(roadmap != NULL, NULL);
	profile =
	    accord_build_profile_of(accord_assessment_get_score(g_ptr_array_index(assessments, 0),
								ACCORD_VARIANT_AS_GIVEN));
	title = g_strdup_printf("Briefing: %s", accord_profile_get_name(profile));
	doc = accord_document_new("briefing", title);
	accord_build_profile_fields(accord_document_get_root(doc), profile);
	list = accord_node_add_list(accord_document_get_root(doc), "rulesets", "Rulesets");
	for (guint i = 0; i < assessments->len; i++) {
		const AccordAssessment *a = g_ptr_array_index(assessments, i);
		const AccordRuleset *rs = accord_assessment_get_ruleset(a);
		const AccordScore *score = accord_assessment_get_score(a, ACCORD_VARIANT_AS_GIVEN);
		g_autoptr(AccordDocument) gaps =
		    accord_build_gaps(a, g_ptr_array_index(gap_lists, i), place);
		AccordNode *item =
		    accord_node_add_section(list, NULL, accord_ruleset_get_title(rs));

		/* what the gap report shares with its heading, once */
		accord_build_ruleset_fields(item, rs, quote);
		if (quote)
			accord_build_options_fields(item, accord_score_get_options(score));
		accord_build_overall_fields(item, score);
		/* the roadmap below leaves the rulesets to these items: each one's weight there */
		if (assessments->len > 1)
			ACCORD_FIELDS(
			    item,
			    {"weight",
			     "Weight in the roadmap",
			     accord_cell_number(accord_roadmap_get_weight(roadmap, i), 2)});
		accord_node_add_document(item, gaps);
	}
	plan = accord_build_roadmap(roadmap, place);
	accord_node_add_document(accord_document_get_root(doc), plan);
	return doc;
}

/* a rule as the gaps of a report cite it: its pillar, obligation, provision, recommendation
 * and the titles of its criteria */
static void
build_rule(AccordNode *list, const AccordRule *rule)
{
	AccordNode *item = accord_build_rule_item(list, rule);
	AccordNode *criteria;

	ACCORD_FIELDS(
	    item,
	    {"obligation",
	     "Obligation",
	     accord_cell_text(accord_obligation_get_id(accord_rule_get_obligation(rule)))},
	    {"provision", "Provision", accord_build_provision(rule)},
	    {"recommendation",
	     "Recommendation",
	     accord_cell_text(accord_rule_get_recommendation(rule))});
	criteria =
	    accord_node_add_table(item, "criteria", "Criteria", "criterion=Criterion|title=Title");
	for (guint i = 0; i < accord_rule_get_n_criteria(rule); i++) {
		const AccordCriterion *c = accord_rule_get_criterion(rule, i);
		ACCORD_ROW(criteria,
			   accord_cell_id(accord_criterion_get_id(c)),
			   accord_cell_text(accord_criterion_get_title(c)));
	}
}

/* each ruleset once, with its pillars and rules: what the countries' briefings cite */
static void
build_provisions(AccordNode *root, const GPtrArray *rulesets)
{
	AccordNode *list = accord_node_add_list(root, "provisions", "Provisions, by ruleset");

	for (guint i = 0; i < rulesets->len; i++) {
		const AccordRuleset *rs = g_ptr_array_index(rulesets, i);
		AccordNode *item =
		    accord_node_add_section(list, NULL, accord_ruleset_get_title(rs));
		AccordNode *pillars, *rules;

		accord_build_ruleset_fields(item, rs, TRUE);
		pillars =
		    accord_node_add_table(item, "pillars", "Pillars", "pillar=Pillar|title=Title");
		for (guint p = 0; p < accord_ruleset_get_n_pillars(rs); p++)
			ACCORD_ROW(
			    pillars,
			    accord_cell_id(accord_pillar_get_id(accord_ruleset_get_pillar(rs, p))),
			    accord_cell_text(
				accord_pillar_get_title(accord_ruleset_get_pillar(rs, p))));
		rules = accord_node_add_list(item, "rules", "Rules");
		for (guint r = 0; r < accord_ruleset_get_n_rules(rs); r++)
			build_rule(rules, accord_ruleset_get_rule(rs, r));
	}
}

/**
 * accord_report_to_document:
 * @overviews: (element-type AccordDocument): views of all the countries (a ranking, a
 *   comparison), shown first
 * @briefings: (element-type AccordDocument): one briefing per country
 *   (accord_briefing_to_document() with %ACCORD_BRIEFING_CITE_RULES)
 * @rulesets: (element-type AccordRuleset): the rulesets of the briefings
 *
 * A report on several countries: the overviews, a section per country, and each ruleset once
 * with its pillars and rules (provision, obligation, recommendation, criteria), which the
 * countries' gaps cite by rule id. In HTML a country's code in an overview links to its
 * section, and a gap's rule to the rule.
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_report_to_document(const GPtrArray *overviews,
			  const GPtrArray *briefings,
			  const GPtrArray *rulesets)
{
	AccordDocument *doc;
	AccordNode *root, *list;

	g_return_val_if_fail(overviews != NULL && briefings != NULL && rulesets != NULL, NULL);
	doc = accord_document_new("report", "Accord report");
	root = accord_document_get_root(doc);
	for (guint i = 0; i < overviews->len; i++)
		accord_node_add_document(root, g_ptr_array_index(overviews, i));
	accord_node_add_text(root, ACCORD_BUILD_GAP_PROSE);
	accord_node_add_text(root, ACCORD_BUILD_ROADMAP_PROSE);
	accord_node_add_text(
	    root,
	    "Each country's gaps name their rule; the rule's provision, obligation, "
	    "recommendation and criteria are quoted once, under Provisions, after "
	    "the countries.");
	list = accord_node_add_list(root, "countries", "Countries");
	for (guint i = 0; i < briefings->len; i++)
		accord_node_add_document(list, g_ptr_array_index(briefings, i));
	build_provisions(root, rulesets);
	return doc;
}
