#include "config.h"

#include "build-private.h"

/* the reports that fit a whole briefing in one file: composed of the documents of the other
 * views, so they show nothing those views do not */

static const AccordProfile *
profile_of(const AccordAssessment *assessment)
{
	return accord_evaluation_get_profile(accord_score_get_evaluation(
	    accord_assessment_get_score(assessment, ACCORD_VARIANT_AS_GIVEN)));
}

static const AccordRuleset *
ruleset_of(const AccordAssessment *assessment)
{
	return accord_evaluation_get_ruleset(accord_score_get_evaluation(
	    accord_assessment_get_score(assessment, ACCORD_VARIANT_AS_GIVEN)));
}

/**
 * accord_briefing_to_document:
 * @assessments: (element-type AccordAssessment): one country's assessment against each
 *   ruleset
 * @gap_lists: (element-type AccordGapList): the gaps of each (accord_gaps_compute() of its
 *   score as given), in the same order
 * @roadmap: the roadmap planned over all of @assessments at once
 *
 * One country's briefing: the country, then for each ruleset the ruleset, the scoring options
 * and the overall score, and its gap report (what changed the inputs, the pillars with their
 * chart, every gap with its provision, the facts behind it and the recommendation); then the
 * roadmap of the changes that raise all its scores (the expected scores by phase, with its
 * chart, and the steps).
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_briefing_to_document(const GPtrArray *assessments,
			    const GPtrArray *gap_lists,
			    const AccordRoadmap *roadmap)
{
	const AccordProfile *profile;
	g_autofree gchar *title = NULL;
	g_autoptr(AccordDocument) plan = NULL;
	AccordDocument *doc;
	AccordNode *list;

	g_return_val_if_fail(assessments != NULL && assessments->len > 0, NULL);
	g_return_val_if_fail(gap_lists != NULL && gap_lists->len == assessments->len, NULL);
	g_return_val_if_fail(roadmap != NULL, NULL);
	profile = profile_of(g_ptr_array_index(assessments, 0));
	title = g_strdup_printf("Briefing: %s", accord_profile_get_name(profile));
	doc = accord_document_new("briefing", title);
	accord_build_profile_fields(accord_document_get_root(doc), profile);
	list = accord_node_add_list(accord_document_get_root(doc), "rulesets", "Rulesets");
	for (guint i = 0; i < assessments->len; i++) {
		const AccordAssessment *a = g_ptr_array_index(assessments, i);
		const AccordRuleset *rs = ruleset_of(a);
		const AccordScore *score = accord_assessment_get_score(a, ACCORD_VARIANT_AS_GIVEN);
		g_autoptr(AccordDocument) gaps =
		    accord_gaps_to_document(a, g_ptr_array_index(gap_lists, i));
		AccordNode *item = accord_node_add_section(list, NULL, accord_ruleset_get_title(rs));

		/* what the gap report shares with its heading, once */
		accord_build_ruleset_fields(item, rs);
		accord_build_options_fields(item, accord_score_get_options(score));
		accord_build_overall_fields(item, score);
		accord_node_add_document(item, gaps);
	}
	plan = accord_roadmap_to_document(roadmap);
	accord_node_add_document(accord_document_get_root(doc), plan);
	return doc;
}

/**
 * accord_report_to_document:
 * @overviews: (element-type AccordDocument): views of all the countries (a ranking, a
 *   comparison), shown first
 * @briefings: (element-type AccordDocument): one briefing per country
 *   (accord_briefing_to_document())
 *
 * A report on several countries: the overviews, then a section per country. In HTML a
 * country's code in an overview links to its section.
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_report_to_document(const GPtrArray *overviews, const GPtrArray *briefings)
{
	AccordDocument *doc;
	AccordNode *list;

	g_return_val_if_fail(overviews != NULL && briefings != NULL, NULL);
	doc = accord_document_new("report", "Accord report");
	for (guint i = 0; i < overviews->len; i++)
		accord_node_add_document(accord_document_get_root(doc),
					 g_ptr_array_index(overviews, i));
	list = accord_node_add_list(accord_document_get_root(doc), "countries", "Countries");
	for (guint i = 0; i < briefings->len; i++)
		accord_node_add_document(list, g_ptr_array_index(briefings, i));
	return doc;
}
